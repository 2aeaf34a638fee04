"""Corrections as data: an analyst's decisions, applied to every build and stated in the graph.

The decision kinds run on a small invented corpus built once; the full round (build the
seeds, review, correct, rebuild, find exactly the corrections in the graph with their
analyst evidence) runs on the seed documents, built once with a cache so the rebuild reuses it.
"""
from __future__ import annotations

import copy
import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from policekg import api
from policekg.cli import cli
from policekg.extract.correct import apply_corrections
from policekg.extract.corrections import COLUMNS, CorrectionsError, corrections_files, read_corrections
from policekg.extract.model import Extraction
from policekg.graph.rdf.namespaces import DCTERMS, ORG, OWL, PKO, PROV, RDF, RDFS, SKOS, XSD
from policekg.graph.network.review import review
from policekg.graph.rdf.validate import validate_graph

from conftest import assert_contract

REPORT = """Joint Working Update

Kent Police works closely with Essex Police on shared firearms training.

Kent Police has joined Operation Bluebell with Surrey Police.

Mr Peter Smith, the Chief Constable of Kent Police, chairs the board.

Kent Police and Medway Council run the Safer Streets Scheme together.

The board approved a grant of £250,000 for new cameras.
"""
ANALYST, DAY = "A Analyst", "2026-12-05"
ID = "https://w3id.org/policekg/id/"


def row(action: str, subject: str, *, predicate: str = "", obj: str = "", role: str = "", quote: str = "",
        note: str = "checked", source: str = "report.txt") -> list[str]:
    values = dict(action=action, subject=subject, predicate=predicate, object=obj, role=role, quote=quote,
                  note=note, source=source, analyst=ANALYST, date=DAY)
    return [values[column] for column in COLUMNS]


def write(path: Path, *rows: list[str], header: tuple[str, ...] = COLUMNS) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def extraction(corpus: Path, nlp) -> Extraction:
    return api.extract_documents([corpus], nlp=nlp)


def corrected(extraction: Extraction, tmp_path: Path, *rows: list[str]) -> tuple[Extraction, Graph]:
    fixed = copy.deepcopy(extraction)
    path = write(tmp_path / "corrections.csv", *rows)
    apply_corrections(fixed, read_corrections(path), [path.as_posix()])
    return fixed, api.to_graph(fixed)


def node(graph: Graph, label: str) -> URIRef:
    (found,) = set(graph.subjects(RDFS.label, Literal(label)))
    return found


def attributed(graph: Graph, statement: URIRef, action: str) -> None:
    """``statement`` is an analyst's statement with everything PROV and the contract ask for."""
    assert (statement, RDF.type, PKO.AnalystStatement) in graph
    assert graph.value(statement, PKO.decision) == Literal(action)
    agent = graph.value(statement, PROV.wasAttributedTo)
    assert {RDF.type: set(graph.objects(agent, RDF.type))}[RDF.type] == {PROV.Person, PROV.Agent}
    assert graph.value(agent, RDFS.label) == Literal(ANALYST)
    assert graph.value(statement, DCTERMS.created) == Literal(DAY, datatype=XSD.date)
    assert graph.value(statement, PKO.note) == Literal("checked")


def analyst_statements(graph: Graph, entity: URIRef) -> list[URIRef]:
    return sorted(graph.subjects(PKO.correctedEntity, entity))


def test_no_corrections_file_changes_nothing(extraction: Extraction) -> None:
    assert extraction.corrections is None and extraction.analyst == []


def test_merge_keeps_both_names_and_moves_links(extraction: Extraction, tmp_path: Path) -> None:
    fixed, graph = corrected(extraction, tmp_path, row("merge", "Essex Police", obj="Kent Police"))
    kent = node(graph, "Kent Police")
    assert Literal("Essex Police") in set(graph.objects(kent, SKOS.altLabel))
    assert not set(graph.subjects(RDFS.label, Literal("Essex Police")))
    assert (kent, PKO.collaboratesWith, kent) not in graph  # the link between the two would be a self-link
    (statement,) = analyst_statements(graph, kent)
    assert graph.value(statement, PKO.statedValue) == Literal("Essex Police")
    assert graph.value(statement, DCTERMS.source) == Literal("report.txt")
    attributed(graph, statement, "merge")
    assert fixed.corrections.applied == 1 and fixed.corrections.unapplied == []


def test_rename_keeps_the_old_label_as_another_name(extraction: Extraction, tmp_path: Path) -> None:
    _, graph = corrected(extraction, tmp_path, row("rename", "Operation Bluebell", obj="Operation Bluebell (2026)"))
    renamed = node(graph, "Operation Bluebell (2026)")
    assert Literal("Operation Bluebell") in set(graph.objects(renamed, SKOS.altLabel))
    (statement,) = analyst_statements(graph, renamed)
    assert graph.value(statement, PKO.statedValue) == Literal("Operation Bluebell (2026)")
    attributed(graph, statement, "rename")


def test_kind_change_moves_the_entity_and_drops_links_it_cannot_have(extraction: Extraction, tmp_path: Path) -> None:
    fixed, graph = corrected(extraction, tmp_path, row("kind", "Safer Streets Scheme", obj="PartnerOrganisation"))
    entity = node(graph, "Safer Streets Scheme")
    assert (entity, RDF.type, PKO.PartnerOrganisation) in graph and (entity, RDF.type, PKO.Programme) not in graph
    assert not set(graph.subject_objects(PKO.participatesIn)) & {(s, entity) for s in graph.subjects()}
    assert any("participatesIn Safer Streets Scheme" in line and "cannot have" in line
               for line in fixed.corrections.rejected)
    attributed(graph, analyst_statements(graph, entity)[0], "kind")


def test_reject_entity_removes_it_and_its_links(extraction: Extraction, tmp_path: Path) -> None:
    fixed, graph = corrected(extraction, tmp_path, row("reject-entity", "Medway Council"))
    assert not set(graph.subjects(RDFS.label, Literal("Medway Council")))
    assert fixed.corrections.rejected[0].startswith("entity Medway Council (")
    assert "corrections.csv line 2" in fixed.corrections.rejected[0]


def test_reject_link_removes_every_reading_both_ways(extraction: Extraction, tmp_path: Path) -> None:
    fixed, graph = corrected(extraction, tmp_path,
                             row("reject-link", "Essex Police", predicate="collaboratesWith", obj="Kent Police"))
    kent, essex = node(graph, "Kent Police"), node(graph, "Essex Police")
    assert (kent, PKO.collaboratesWith, essex) not in graph and (essex, PKO.collaboratesWith, kent) not in graph
    assert not {s for s in graph.subjects(RDF.subject, kent) if graph.value(s, RDF.object) == essex}
    (line,) = fixed.corrections.rejected
    assert line.startswith("link Essex Police collaboratesWith Kent Police: 1 reading(s)")


def test_reject_fund(extraction: Extraction, tmp_path: Path) -> None:
    (fund,) = extraction.funds
    fixed, graph = corrected(extraction, tmp_path, row("reject-entity", fund.key))
    assert not set(graph.subjects(RDF.type, PKO.Fund)) and fixed.funds == []


def test_add_link_is_evidence_attributed_to_the_analyst(extraction: Extraction, tmp_path: Path) -> None:
    quote = "Kent Police and Medway Council run the Safer Streets Scheme together."
    _, graph = corrected(extraction, tmp_path, row("add-link", "Medway Council", predicate="pko:collaboratesWith",
                                                   obj="Kent Police", quote=quote))
    kent, medway = node(graph, "Kent Police"), node(graph, "Medway Council")
    assert (kent, PKO.collaboratesWith, medway) in graph and (medway, PKO.collaboratesWith, kent) in graph
    statements = [s for s in graph.subjects(RDF.type, PKO.AnalystStatement)]
    assert len(statements) == 2  # one evidence node per direction, as for the machine's readings
    for statement in statements:
        assert (statement, RDF.type, RDF.Statement) in graph
        assert graph.value(statement, PKO.quote) == Literal(quote)
        start, end = int(graph.value(statement, PKO.charStart)), int(graph.value(statement, PKO.charEnd))
        assert REPORT[start:end] == quote
        assert graph.value(statement, PKO.confidence).toPython() == 1
        assert (graph.value(statement, PROV.wasDerivedFrom), RDF.type, PKO.Document) in graph
        attributed(graph, statement, "add-link")


def test_add_post_makes_a_membership(extraction: Extraction, tmp_path: Path) -> None:
    quote = "Mr Peter Smith, the Chief Constable of Kent Police"
    _, graph = corrected(extraction, tmp_path, row("add-post", "Peter Smith", obj="Kent Police",
                                                   role="Chief Constable", quote=quote))
    person, kent = node(graph, "Peter Smith"), node(graph, "Kent Police")
    assert (person, ORG.memberOf, kent) in graph
    (membership,) = graph.subjects(ORG.member, person)
    assert graph.value(graph.value(membership, ORG.role), RDFS.label) == Literal("Chief Constable")
    (statement,) = graph.subjects(RDF.type, PKO.AnalystStatement)
    attributed(graph, statement, "add-post")


def test_distinct_states_that_two_entities_differ(extraction: Extraction, tmp_path: Path) -> None:
    _, graph = corrected(extraction, tmp_path, row("distinct", "Essex Police", obj="Kent Police"))
    essex, kent = node(graph, "Essex Police"), node(graph, "Kent Police")
    assert (essex, OWL.differentFrom, kent) in graph
    (statement,) = analyst_statements(graph, essex)
    assert graph.value(statement, PKO.statedValue) == Literal("Kent Police")
    attributed(graph, statement, "distinct")


def test_keep_an_entity_or_a_fund_as_it_is(extraction: Extraction, tmp_path: Path) -> None:
    (fund,) = extraction.funds
    _, graph = corrected(extraction, tmp_path, row("keep", "Medway Council"), row("keep", fund.key))
    for entity in (node(graph, "Medway Council"), next(graph.subjects(RDF.type, PKO.Fund))):
        (statement,) = analyst_statements(graph, entity)
        assert graph.value(statement, PKO.statedValue) == graph.value(entity, RDFS.label)
        attributed(graph, statement, "keep")


def test_corrected_graph_keeps_the_contract(extraction: Extraction, tmp_path: Path) -> None:
    _, graph = corrected(
        extraction, tmp_path,
        row("merge", "Surrey Police", obj="Kent Police"),
        row("rename", "Operation Bluebell", obj="Operation Bluebell (2026)"),
        row("kind", "Safer Streets Scheme", obj="PartnerOrganisation"),
        row("add-post", "Peter Smith", obj="Kent Police", role="Chief Constable",
            quote="Mr Peter Smith, the Chief Constable of Kent Police"),
        row("add-link", "Medway Council", predicate="collaboratesWith", obj="Kent Police",
            quote="Kent Police and Medway Council run the Safer Streets Scheme together."),
        row("distinct", "Essex Police", obj="Kent Police"),
        row("keep", "Medway Council"))
    assert validate_graph(graph).conforms
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    assert_contract(path)


@pytest.mark.parametrize("decision, reason", [
    (row("merge", "Nobody Atall", obj="Kent Police"), "no entity named 'Nobody Atall'"),
    (row("reject-link", "Kent Police", predicate="participatesIn", obj="Medway Council"),
     "no link Kent Police participatesIn Medway Council"),
    (row("add-link", "Kent Police", predicate="collaboratesWith", obj="Essex Police", quote="Words not there"),
     "quote not found in"),
    (row("add-link", "Kent Police", predicate="collaboratesWith", obj="Essex Police", quote="Kent Police",
         source="other.txt"), "source 'other.txt' is not a document of the corpus"),
    (row("add-post", "Kent Police", obj="Essex Police", role="Chief Constable", quote="Kent Police"),
     "is not a person"),
    (row("add-link", "Peter Smith", predicate="participatesIn", obj="Kent Police", quote="Kent Police"),
     "cannot join a Person to a PoliceForce"),
    (row("merge", "Kent Police", obj="Kent Police"), "already one entity"),
    (row("distinct", "Kent Police", obj="Kent Police"), "are one entity (PoliceForce/kent-police)"),
    (row("keep", "Nobody Atall"), "no entity named 'Nobody Atall'"),
])
def test_a_decision_whose_target_is_gone_is_reported(extraction: Extraction, tmp_path: Path, decision: list[str],
                                                     reason: str) -> None:
    fixed, _ = corrected(extraction, tmp_path, decision)
    (line,) = fixed.corrections.unapplied
    assert line.startswith(f"{(tmp_path / 'corrections.csv').as_posix()} line 2: {decision[0]} ")
    assert reason in line and fixed.corrections.applied == 0


def test_a_name_of_two_entities_asks_for_the_key(extraction: Extraction, tmp_path: Path) -> None:
    fixed = copy.deepcopy(extraction)
    for key in ("PoliceForce/kent-police", "PoliceForce/essex-police"):
        fixed.entities[key].alt_labels.add("The Force")
    path = write(tmp_path / "c.csv", row("reject-entity", "The Force"))
    apply_corrections(fixed, read_corrections(path), [path.as_posix()])
    assert "names 2 entities (PoliceForce/essex-police, PoliceForce/kent-police): give the key" in \
        fixed.corrections.unapplied[0]


def test_later_decisions_follow_a_merge(extraction: Extraction, tmp_path: Path) -> None:
    fixed, graph = corrected(extraction, tmp_path, row("merge", "Surrey Police", obj="Kent Police"),
                             row("rename", "PoliceForce/surrey-police", obj="Kent Police (merged)"))
    assert fixed.corrections.applied == 2
    assert Literal("Surrey Police") in set(graph.objects(node(graph, "Kent Police (merged)"), SKOS.altLabel))


@pytest.mark.parametrize("lines, message", [
    ("", "line 1: no header row"),
    ("action,subject,colour\n", "line 1: unknown column 'colour'"),
    ("action,subject,note,source,analyst\n", "line 1: no column 'date'"),
    ("action,subject,note,source,analyst,date,date\n", "line 1: a column is named twice"),
    ("action,subject,note,source,analyst,date\nsplit,X,n,s,a,2026-01-01\n", "line 2: unknown action 'split'"),
    ("action,subject,note,source,analyst,date\nmerge,X,n,s,a,2026-01-01\n", "line 2: merge needs a value for object"),
    ("action,subject,note,source,analyst,date\nreject-entity,X,,s,a,2026-01-01\n",
     "line 2: reject-entity needs a value for note"),
    ("action,subject,note,source,analyst,date\nreject-entity,X,n,s,a,5 Dec 2026\n",
     "line 2: date '5 Dec 2026' is not a YYYY-MM-DD date"),
    ("action,subject,note,source,analyst,date\n\nreject-entity,X,n,s,a,2026-01-01,extra\n",
     "line 3: 7 cells, but the header names 6"),
    ("action,subject,predicate,object,note,source,analyst,date\nreject-link,X,knows,Y,n,s,a,2026-01-01\n",
     "line 2: 'knows' is not a link type"),
    ("action,subject,object,note,source,analyst,date\nkind,X,Fund,n,s,a,2026-01-01\n",
     "line 2: 'Fund' is not a kind of entity"),
])
def test_a_malformed_file_is_one_line_naming_file_and_line(tmp_path: Path, lines: str, message: str) -> None:
    path = tmp_path / "corrections.csv"
    path.write_text(lines, encoding="utf-8")
    with pytest.raises(CorrectionsError) as error:
        read_corrections(path)
    assert str(error.value).startswith(f"{path.as_posix()} line ") and message in str(error.value)
    assert "\n" not in str(error.value)


def test_comments_and_blank_rows_are_not_decisions(tmp_path: Path) -> None:
    path = tmp_path / "corrections.csv"
    path.write_text("action,subject,note,source,analyst,date\n#merge,X,n,s,a,bad date\n,,,,,\n"
                    "reject-entity,X,\"a note, with a comma\",s,a,2026-01-01\n", encoding="utf-8")
    (decision,) = read_corrections(path)
    assert (decision.line, decision.action, decision.note, decision.object) == (
        4, "reject-entity", "a note, with a comma", "")


def test_the_corpus_folder_file_is_found_and_a_given_file_wins(tmp_path: Path) -> None:
    (tmp_path / "corrections.csv").write_text("x", encoding="utf-8")
    assert corrections_files([tmp_path, tmp_path / "report.txt"], None) == [tmp_path / "corrections.csv"]
    assert corrections_files([tmp_path], "mine.csv") == [Path("mine.csv")]
    assert corrections_files([tmp_path / "elsewhere"], None) == []


def test_build_applies_the_corpus_file_and_summarises(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    write(folder / "corrections.csv",
          row("reject-link", "Kent Police", predicate="collaboratesWith", obj="Essex Police"),
          row("merge", "Nobody Atall", obj="Kent Police"))
    output = tmp_path / "graph.ttl"
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(output), "--no-cache"])
    assert result.exit_code == 0, result.output
    where = (folder / "corrections.csv").as_posix()
    assert f"corrections: 1 applied, 1 not applied ({where})" in result.stdout
    assert f"  rejected link Kent Police collaboratesWith Essex Police: 1 reading(s) ({where} line 2)" in result.stdout
    assert (f"correction not applied: {where} line 3: merge 'Nobody Atall': no entity named 'Nobody Atall'"
            in result.stderr)


def test_build_refuses_a_malformed_corrections_file(corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("action,subject\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(tmp_path / "g.ttl"), "--corrections", str(bad)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {bad.as_posix()} line 1: no column 'note' (columns: {', '.join(COLUMNS)})\n"


# The full round on the seed documents: build, review, correct, rebuild.

@pytest.fixture(scope="module")
def seeds_round(seeds_dir: Path, nlp, tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("seeds-round")
    cache = folder / "cache"
    before = api.extract_documents([seeds_dir], nlp=nlp, cache=cache)
    graph = api.to_graph(before)
    items = review(graph)
    weak = next(item for item in items if item.check == "weak link" and "collaboratesWith" in item.title)
    rejected = weak.choices[0].row
    kept = next(item for item in items if item.check == "weak link" and "participatesIn" in item.title)
    (accepted,) = [choice.row for choice in kept.choices if choice.name == "accept"]
    pair, quote, document = missed_collaboration(graph)
    labels = [str(graph.value(end, RDFS.label)) for end in pair]
    path = write(folder / "corrections.csv",
                 row("merge", "P M Hill", obj="Mike Hill"),
                 list(rejected[:6]) + ["checked", rejected[7], ANALYST, DAY],
                 row("add-link", labels[0], predicate="collaboratesWith", obj=labels[1], quote=quote,
                     source=document),
                 row("reject-entity", "Nobody Atall"),
                 list(accepted[:6]) + ["checked", accepted[7], ANALYST, DAY])
    after = api.extract_documents([seeds_dir], nlp=nlp, cache=cache, corrections=path)
    return dict(before=graph, after=api.to_graph(after), items=items, rejected=rejected, added=pair,
                extraction=after, path=path, kept=kept)


def missed_collaboration(graph: Graph) -> tuple[tuple[URIRef, URIRef], str, str]:
    """Two organisations named in one quote the graph cites but not linked as collaborators: the
    link an analyst adds, with that quote and its document's file name (found, not copied)."""
    organisations = {str(graph.value(o, RDFS.label)): o for kind in (PKO.PoliceForce, PKO.PartnerOrganisation)
                     for o in graph.subjects(RDF.type, kind)}
    for evidence in sorted(graph.subjects(RDF.type, RDF.Statement)):
        quote = str(graph.value(evidence, PKO.quote))
        named = sorted(label for label in organisations if label in quote)
        for one in named:
            for other in named:
                a, b = organisations[one], organisations[other]
                if one < other and one not in other and other not in one \
                        and (a, PKO.collaboratesWith, b) not in graph:
                    source = graph.value(graph.value(evidence, PROV.wasDerivedFrom), DCTERMS.source)
                    return (a, b), quote, Path(str(source)).name
    raise AssertionError("no quote names two organisations that are not linked")


def links(graph: Graph) -> set[tuple]:
    return {t for p in (PKO.collaboratesWith, PKO.participatesIn, ORG.memberOf) for t in graph.triples((None, p, None))}


def test_review_of_the_seeds_lists_the_two_spellings_of_the_chairman(seeds_round: dict) -> None:
    titles = [item.title for item in seeds_round["items"] if item.check == "duplicate"]
    assert "P M Hill / Mike Hill" in titles


def test_round_trip_changes_exactly_what_the_analyst_decided(seeds_round: dict) -> None:
    before, after = seeds_round["before"], seeds_round["after"]
    hill, initials = node(before, "Mike Hill"), node(before, "P M Hill")
    assert seeds_round["extraction"].cache.hits == len(seeds_round["extraction"].documents)  # the rebuild reused
    # The merge: one node keeps both names, and the other is gone with its links moved over.
    assert set(after.subjects(RDF.type, None)) >= {hill} and (initials, None, None) not in after
    assert Literal("P M Hill") in set(after.objects(hill, SKOS.altLabel))
    entities = {kind: set(g.subjects(RDF.type, PKO[kind])) for g in (before,) for kind in ("PoliceForce", "Person",
                "PartnerOrganisation", "Programme", "Fund")}
    assert {k: set(after.subjects(RDF.type, PKO[k])) for k in entities} == {
        k: members - {initials} for k, members in entities.items()}
    moved = {(hill if s == initials else s, p, hill if o == initials else o) for s, p, o in links(before)}
    subject, obj = (node(before, name) for name in (seeds_round["rejected"][1], seeds_round["rejected"][3]))
    gone = {(subject, PKO.collaboratesWith, obj), (obj, PKO.collaboratesWith, subject)}
    added = {(a, PKO.collaboratesWith, b) for a, b in (seeds_round["added"], seeds_round["added"][::-1])}
    assert links(after) == (moved - gone) | added
    # Each change carries the analyst's evidence.
    (merge,) = analyst_statements(after, hill)
    attributed(after, merge, "merge")
    for a, b in (seeds_round["added"], seeds_round["added"][::-1]):
        (statement,) = [s for s in after.subjects(RDF.type, PKO.AnalystStatement)
                        if (s, RDF.subject, a) in after and (s, RDF.object, b) in after]
        attributed(after, statement, "add-link")
        assert (statement, RDF.type, RDF.Statement) in after
    assert not {s for s in after.subjects(RDF.subject, subject) if after.value(s, RDF.object) == obj
                and after.value(s, RDF.predicate) == PKO.collaboratesWith}


def test_round_trip_reports_the_rejection_and_the_vanished_target(seeds_round: dict) -> None:
    report = seeds_round["extraction"].corrections
    where = seeds_round["path"].as_posix()
    assert report.applied == 4 and report.files == [where]
    (rejected,) = report.rejected
    assert rejected.startswith(f"link {seeds_round['rejected'][1]} collaboratesWith {seeds_round['rejected'][3]}")
    assert report.unapplied == [f"{where} line 5: reject-entity 'Nobody Atall': no entity named 'Nobody Atall'"]


def test_an_accepted_weak_link_stays_and_is_no_longer_reviewed(seeds_round: dict) -> None:
    kept = seeds_round["kept"]
    assert kept.title in {item.title for item in review(seeds_round["before"])}
    assert kept.title not in {item.title for item in review(seeds_round["after"])}
    statements = [s for s in seeds_round["after"].subjects(PKO.decision, Literal("add-link"))
                  if seeds_round["after"].value(s, PKO.quote) == Literal(kept.quote)]
    assert len(statements) == 1
    attributed(seeds_round["after"], statements[0], "add-link")


def test_round_trip_graph_keeps_the_contract(seeds_round: dict, tmp_path: Path) -> None:
    assert validate_graph(seeds_round["after"]).conforms
    path = tmp_path / "after.ttl"
    seeds_round["after"].serialize(path, format="turtle")
    assert_contract(path)
