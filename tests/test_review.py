"""``policekg review``: the queue of what most needs a human eye, as a table, a page and a file.

Graphs are built from invented extraction records (no spaCy), one check per case. The
seeds' "P M Hill" / "Mike Hill" is checked in test_corrections.py, which builds the seeds.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from policekg import api
from policekg.cli import cli
from policekg.extract.corrections import COLUMNS, read_corrections
from policekg.extract.model import (AnalystStatement, DocumentInfo, Entity, Evidence, Extraction, Fund, Kind, Link,
                                    Predicate)
from policekg.graph.network.review import review
from policekg.graph.network.review_page import review_page, review_table, suggestions_csv

SHA = "0123456789abcdef" * 4
DOC = "minutes-1"


def entity(kind: Kind, label: str, *other: str) -> Entity:
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    return Entity(f"{kind.value}/{slug}", kind, label, set(other), {DOC})


def link(subject: Entity, predicate: Predicate, obj: Entity, confidence: float, quote: str = "A quote.",
         start: int = 0) -> Link:
    return Link(subject.key, predicate, obj.key, Evidence(DOC, quote, start, start + len(quote), confidence))


def graph_of(entities: list[Entity], links: list[Link] = (), funds: list[Fund] = (),
             analyst: list[AnalystStatement] = ()):
    extraction = Extraction([DocumentInfo(DOC, "corpus/minutes-1.txt", "Minutes", SHA)],
                            {e.key: e for e in entities}, list(links), list(funds))
    extraction.analyst = list(analyst)
    return api.to_graph(extraction)


FORCE = entity(Kind.FORCE, "Northshire Police")
COUNCIL = entity(Kind.PARTNER, "Northshire County Council")


def strong(*others: Entity) -> list[Link]:
    """Well-evidenced links that keep ``others`` out of the unlinked check."""
    found = []
    for n, other in enumerate(others):
        predicate = Predicate.MEMBER_OF if other.kind is Kind.PERSON else Predicate.COLLABORATES_WITH
        subject, obj = (other, COUNCIL) if other.kind is Kind.PERSON else (FORCE, other)
        found += [link(subject, predicate, obj, 0.9, start=10 * n), link(subject, predicate, obj, 0.9, "Again.", 500)]
    return found


def items_of(graph, check: str) -> list:
    return [item for item in review(graph) if item.check == check]


@pytest.mark.parametrize("one, other, why", [
    ("P M Hill", "Mike Hill", "same surname, and the initials fit the given names"),
    ("J. Doe", "Jane Doe", "same surname, and the initials fit the given names"),
    ("Jane Doe", "Jane Doee", "names 94% alike"),
])
def test_likely_duplicate_people(one: str, other: str, why: str) -> None:
    a, b = entity(Kind.PERSON, one), entity(Kind.PERSON, other)
    (item,) = items_of(graph_of([FORCE, COUNCIL, a, b], strong(COUNCIL, a, b)), "duplicate")
    assert item.why == why
    assert set(item.title.split(" / ")) == {one, other}


@pytest.mark.parametrize("one, other", [("A Smith", "Peter Smith"), ("Mike Hill", "Mike Hall Jones")])
def test_people_who_only_share_a_surname_or_nothing_are_not_duplicates(one: str, other: str) -> None:
    a, b = entity(Kind.PERSON, one), entity(Kind.PERSON, other)
    assert items_of(graph_of([FORCE, COUNCIL, a, b], strong(COUNCIL, a, b)), "duplicate") == []


def test_shared_other_name_and_acronym_are_duplicates() -> None:
    board = entity(Kind.PARTNER, "Safer Northshire Board", "the SNB")
    partnership = entity(Kind.PARTNER, "Safer Northshire Partnership", "the SNB")
    agency = entity(Kind.PARTNER, "Regional Crime Agency")
    short = entity(Kind.PARTNER, "RCA")
    graph = graph_of([FORCE, COUNCIL, board, partnership, agency, short], strong(COUNCIL, board, partnership, agency,
                                                                                short))
    whys = {item.title: item.why for item in items_of(graph, "duplicate")}
    assert whys == {"Safer Northshire Board / Safer Northshire Partnership": "both are called 'the snb'",
                    "RCA / Regional Crime Agency": "'RCA' is the initials of 'Regional Crime Agency'"}


def test_merge_keeps_the_better_linked_entity() -> None:
    a, b = entity(Kind.PERSON, "P M Hill"), entity(Kind.PERSON, "Mike Hill")
    graph = graph_of([FORCE, COUNCIL, a, b], strong(COUNCIL, a, b) + [link(b, Predicate.MEMBER_OF, FORCE, 0.9)])
    (item,) = items_of(graph, "duplicate")
    merge, accept = item.choices
    assert (item.title, merge.name, merge.row[:4]) == ("P M Hill / Mike Hill", "merge",
                                                       ("merge", "P M Hill", "", "Mike Hill"))
    assert (accept.name, accept.row[:4]) == ("accept", ("distinct", "P M Hill", "", "Mike Hill"))
    assert merge.row[7] == accept.row[7] == "minutes-1.txt"


def test_weak_links_low_confidence_or_read_once() -> None:
    other = entity(Kind.FORCE, "Southshire Police")
    scheme = entity(Kind.PROGRAMME, "Operation Lantern")
    person = entity(Kind.PERSON, "Ann Example")
    links = [link(FORCE, Predicate.COLLABORATES_WITH, other, 0.6, "Low."),
             link(FORCE, Predicate.PARTICIPATES_IN, scheme, 0.75, "Once."),
             link(person, Predicate.MEMBER_OF, COUNCIL, 0.75, "Twice."),
             link(person, Predicate.MEMBER_OF, COUNCIL, 0.75, "Twice again.", 300),
             link(FORCE, Predicate.COLLABORATES_WITH, COUNCIL, 0.9, "Strong.")]
    items = items_of(graph_of([FORCE, COUNCIL, other, scheme, person], links), "weak link")
    assert [(i.title, i.why, i.quote) for i in items] == [
        ("Northshire Police collaboratesWith Southshire Police", "best evidence has confidence 0.60", "Low."),
        ("Northshire Police participatesIn Operation Lantern", "read once, at confidence 0.75", "Once.")]
    assert items[0].choices[0].row[:4] == ("reject-link", "Northshire Police", "collaboratesWith", "Southshire Police")


def test_accepting_a_weak_link_is_the_analysts_own_reading_of_the_quote() -> None:
    other = entity(Kind.FORCE, "Southshire Police")
    person = entity(Kind.PERSON, "Ann Example")
    links = [link(FORCE, Predicate.COLLABORATES_WITH, other, 0.6, "Low."),
             Link(person.key, Predicate.MEMBER_OF, COUNCIL.key, Evidence(DOC, "Ann, Clerk.", 40, 51, 0.75), "Clerk"),
             link(FORCE, Predicate.COLLABORATES_WITH, COUNCIL, 0.9, "Strong.")]
    items = items_of(graph_of([FORCE, COUNCIL, other, person], links), "weak link")
    accepted = {item.title: [c.row for c in item.choices if c.name == "accept"] for item in items}
    assert accepted == {
        "Northshire Police collaboratesWith Southshire Police": [(
            "add-link", "Northshire Police", "collaboratesWith", "Southshire Police", "", "Low.",
            "Checked: the quote says so", "minutes-1.txt", "", "")],
        "Ann Example memberOf Northshire County Council": [(
            "add-post", "Ann Example", "", "Northshire County Council", "Clerk", "Ann, Clerk.",
            "Checked: the quote says so", "minutes-1.txt", "", "")]}


def test_a_link_an_analyst_added_is_never_weak() -> None:
    other = entity(Kind.FORCE, "Southshire Police")
    added = link(FORCE, Predicate.COLLABORATES_WITH, other, 0.6, "Low.")
    statement = AnalystStatement("add-link", FORCE.key, "pko:collaboratesWith", other.key, "seen", "minutes-1.txt",
                                 "A Analyst", "2026-12-05", True, added.evidence)
    assert items_of(graph_of([FORCE, other], [added], analyst=[statement]), "weak link") == []


def test_accepted_items_are_not_listed_again() -> None:
    a, b = entity(Kind.PERSON, "P M Hill"), entity(Kind.PERSON, "Mike Hill")
    lonely = entity(Kind.PARTNER, "Lonely Trust")
    fund = Fund("Fund/cameras", "£5,000 for cameras", Decimal("5000"), documents={DOC})
    said = dict(note="checked", source="minutes-1.txt", analyst="A Analyst", date="2026-12-05")
    analyst = [AnalystStatement("distinct", a.key, "owl:differentFrom", b.key, object_is_entity=True, **said),
               AnalystStatement("keep", lonely.key, "rdfs:label", lonely.label, **said),
               AnalystStatement("keep", fund.key, "rdfs:label", fund.label, **said)]
    everything = [FORCE, COUNCIL, a, b, lonely]
    assert len(review(graph_of(everything, strong(COUNCIL, a, b), [fund]))) == 3
    assert review(graph_of(everything, strong(COUNCIL, a, b), [fund], analyst)) == []


def test_unlinked_entities_and_funds_without_party() -> None:
    lonely = entity(Kind.PARTNER, "Lonely Trust")
    funds = [Fund("Fund/cameras", "£5,000 for cameras", Decimal("5000"), documents={DOC}),
             Fund("Fund/placed", "£9,000", Decimal("9000"), funder=COUNCIL.key, documents={DOC})]
    graph = graph_of([FORCE, COUNCIL, lonely], strong(COUNCIL), funds)
    (unlinked,) = items_of(graph, "unlinked")
    assert (unlinked.title, unlinked.why) == ("Lonely Trust", "a PartnerOrganisation with no link, in 1 document")
    assert [c.row[:2] for c in unlinked.choices] == [("reject-entity", "Lonely Trust"), ("keep", "Lonely Trust")]
    (fund,) = items_of(graph, "fund without party")
    assert (fund.title, fund.why) == ("£5,000 for cameras", "£5,000: no funder and no recipient")
    assert [c.row[:2] for c in fund.choices] == [("reject-entity", "Fund/cameras"), ("keep", "Fund/cameras")]


def test_a_label_two_entities_share_is_written_as_a_key() -> None:
    force, partner = entity(Kind.FORCE, "Northshire"), entity(Kind.PARTNER, "Northshire")
    (item,) = items_of(graph_of([force, partner]), "duplicate")
    assert item.why == "both are called 'northshire' (a PoliceForce and a PartnerOrganisation)"
    assert item.choices[0].row[1:4:2] == ("PartnerOrganisation/northshire", "PoliceForce/northshire")


def test_order_duplicates_then_weak_links_then_unlinked_then_funds() -> None:
    a, b = entity(Kind.PERSON, "P M Hill"), entity(Kind.PERSON, "Mike Hill")
    lonely, weak = entity(Kind.PARTNER, "Lonely Trust"), entity(Kind.FORCE, "Westshire Police")
    links = strong(COUNCIL, a, b) + [link(FORCE, Predicate.COLLABORATES_WITH, weak, 0.5, "Weak.", 900)]
    graph = graph_of([FORCE, COUNCIL, a, b, lonely, weak], links, [Fund("Fund/x", "£1", Decimal(1), documents={DOC})])
    assert [item.check for item in review(graph)] == ["duplicate", "weak link", "unlinked", "fund without party"]


def test_table_and_suggestions_file_round_trip(tmp_path: Path) -> None:
    a, b = entity(Kind.PERSON, "P M Hill"), entity(Kind.PERSON, "Mike Hill")
    items = review(graph_of([FORCE, COUNCIL, a, b], strong(COUNCIL, a, b)))
    table = review_table(items).splitlines()
    assert table[0].split() == ["#", "check", "item", "why"]
    assert table[1].split(None, 2)[:2] == ["1", "duplicate"] and "P M Hill / Mike Hill" in table[1]
    assert table[-1] == "1 item(s): 1 duplicate."
    text = suggestions_csv(items, analyst="A Analyst", day="2026-12-05")
    path = tmp_path / "corrections.csv"
    path.write_text(text, encoding="utf-8")
    assert read_corrections(path) == []  # every suggestion is commented out until the analyst keeps it
    assert text.count("\n#") == sum(len(item.choices) for item in items)
    path.write_text(text.replace("\n#", "\n"), encoding="utf-8")
    merge, distinct = read_corrections(path)
    assert (merge.action, merge.subject, merge.object, merge.analyst, merge.date) == (
        "merge", "P M Hill", "Mike Hill", "A Analyst", "2026-12-05")
    assert (distinct.action, distinct.subject, distinct.object) == ("distinct", "P M Hill", "Mike Hill")


def test_page_escapes_document_text_and_allows_only_its_own_script() -> None:
    hostile = entity(Kind.PARTNER, "</script><img src=x onerror=alert(1)>")
    page = review_page(review(graph_of([FORCE, hostile])), title="<b>review</b>", analyst='"A"', day="2026-12-05")
    assert "<img" not in page and "<b>review" not in page
    assert 'value="&#34;A&#34;"' in page
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert policy.startswith("default-src 'none'; script-src 'sha256-") and "connect-src" not in policy
    data = json.loads(re.search(r'id="policekg-data">(.*?)</script>', page, re.S).group(1))
    assert data["items"][0]["title"] == "</script><img src=x onerror=alert(1)>"
    assert data["columns"][0] == "action"


def test_review_command_writes_the_page_and_the_file(tmp_path: Path) -> None:
    a, b = entity(Kind.PERSON, "P M Hill"), entity(Kind.PERSON, "Mike Hill")
    graph_file = tmp_path / "graph.ttl"
    graph_of([FORCE, COUNCIL, a, b], strong(COUNCIL, a, b)).serialize(graph_file, format="turtle")
    page, out = tmp_path / "review.html", tmp_path / "suggested.csv"
    result = CliRunner().invoke(cli, ["review", str(graph_file), "--page", str(page), "--corrections-out", str(out),
                                      "--analyst", "A Analyst", "--date", "2026-12-05", "--check", "duplicate"])
    assert result.exit_code == 0, result.output
    assert "P M Hill / Mike Hill" in result.stdout and f"wrote {page}" in result.stdout
    assert "A Analyst" in page.read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("#merge,P M Hill,,Mike Hill,")


def test_review_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["review", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "policekg review out/graph.ttl" in result.output


CHROMIUM = Path("/usr/bin/chromium")


def test_page_choices_make_corrections_lines_in_a_browser(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    a, b = entity(Kind.PERSON, "P M Hill"), entity(Kind.PERSON, "Mike Hill")
    weak = entity(Kind.FORCE, "Westshire Police")
    links = strong(COUNCIL, a, b) + [link(FORCE, Predicate.COLLABORATES_WITH, weak, 0.5, 'Weak, "quoted".', 900)]
    path = tmp_path / "review.html"
    path.write_text(review_page(review(graph_of([FORCE, COUNCIL, a, b, weak], links)), title="Review",
                                analyst="A Analyst", day="2026-12-05"), encoding="utf-8")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(path.as_uri())
        assert page.input_value("#lines") == ",".join(COLUMNS) + "\n"  # every item left: no lines
        page.check("input[name=item-0][value='0']")  # merge the two spellings
        page.check("input[name=item-1][value='1']")  # accept the weak link
        page.fill("#analyst", "B Analyst")
        lines = page.input_value("#lines").splitlines()
        browser.close()
    assert errors == []
    assert lines[1:] == [
        'merge,P M Hill,,Mike Hill,,,"One entity: same surname, and the initials fit the given names",'
        "minutes-1.txt,B Analyst,2026-12-05",
        'add-link,Northshire Police,collaboratesWith,Westshire Police,,"Weak, ""quoted"".",'
        "Checked: the quote says so,minutes-1.txt,B Analyst,2026-12-05"]
