"""Identifiers of the reference list's bodies (``identifiers.csv``): the list's shape, and the
graph stating them. The identifiers are data read from cited sources; these tests check that
the data is whole and well formed, never what a particular code is."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from policekg.extract import identifiers as ids
from policekg.extract.model import DocumentInfo, Entity, Extraction, Kind
from policekg.extract.resources import LexiconError, use_lexicon
from policekg.graph.rdf.build import build_rdf
from policekg.graph.rdf.identifiers import STATEMENTS
from policekg.graph.rdf.iri import Minter
from policekg.graph.rdf.namespaces import PKO, SH, SKOS, WD
from policekg.ontology import load_shapes

PATTERNS = Path(__file__).resolve().parents[1] / "extract" / "patterns"
SOURCE = re.compile(r"https://github\.com/[\w.-]+/[\w.-]+/blob/[0-9a-f]{40}/\S+")
# Territorial forces whose Wikidata item no source reachable to us confirmed: left out, not guessed.
NO_WIKIDATA = {"city-of-london-police", "cleveland-police", "gloucestershire-constabulary", "northamptonshire-police"}


def _rows(name: str) -> list[dict[str, str]]:
    lines = (PATTERNS / name).read_text(encoding="utf-8").splitlines(keepends=True)
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def _territorial() -> set[str]:
    return {row["id"] for row in _rows("forces.csv") if row["kind"] == "territorial"}


def _with(scheme: str) -> set[str]:
    return {row["body"] for row in _rows("identifiers.csv") if row["scheme"] == scheme}


# --- the list's shape


def test_identifier_rows_have_exactly_the_four_columns_filled_in() -> None:
    rows = _rows("identifiers.csv")
    assert rows and all(list(row) == ["body", "scheme", "value", "source"] for row in rows)
    assert all(all(value.strip() == value and value for value in row.values()) for row in rows)


@pytest.mark.parametrize("scheme", ["police-uk", "ons"])
def test_every_territorial_force_has_a_police_uk_id_and_an_ons_code(scheme: str) -> None:
    assert len(_territorial()) == 43
    assert _territorial() - _with(scheme) == set()


def test_territorial_forces_without_a_wikidata_item_are_exactly_those_no_source_confirmed() -> None:
    assert _territorial() - _with("wikidata") == NO_WIKIDATA


def test_every_value_matches_its_scheme_and_every_scheme_is_known() -> None:
    patterns = {row["scheme"]: re.compile(row["pattern"]) for row in _rows("identifier_schemes.csv")}
    for row in _rows("identifiers.csv"):
        assert row["scheme"] in patterns, row
        assert patterns[row["scheme"]].fullmatch(row["value"]), row


def test_no_body_has_two_identifiers_of_one_scheme_and_no_value_names_two_bodies() -> None:
    rows = _rows("identifiers.csv")
    pairs = [(row["body"], row["scheme"]) for row in rows]
    values = [(row["scheme"], row["value"]) for row in rows]
    assert len(pairs) == len(set(pairs))
    assert len(values) == len(set(values))


def test_every_row_cites_a_repository_file_at_a_fixed_commit() -> None:
    assert all(SOURCE.fullmatch(row["source"]) for row in _rows("identifiers.csv"))


def test_every_body_is_in_the_reference_lists_and_ids_are_unique_across_them() -> None:
    listed = [row["id"] for name in ("forces.csv", "offices.csv", "units.csv", "national_bodies.csv")
              for row in _rows(name)]
    assert len(listed) == len(set(listed))
    assert {row["body"] for row in _rows("identifiers.csv")} <= set(listed)


def test_ons_codes_are_english_welsh_or_scottish_force_area_codes() -> None:
    codes = {row["value"] for row in _rows("identifiers.csv") if row["scheme"] == "ons"}
    assert all(code[1:3] in ("23", "15") for code in codes)


def test_schemes_patterns_are_the_shapes_patterns() -> None:
    """The SHACL shapes check the same shapes as the data file (a pattern in two places must agree)."""
    shapes = load_shapes()
    stated = {str(shapes.value(shape, SH.path)): str(pattern) for shape, pattern in shapes.subject_objects(SH.pattern)}
    schemes = {row["scheme"]: row["pattern"] for row in _rows("identifier_schemes.csv")}
    assert stated[str(PKO.policeUkId)] == f"^{schemes['police-uk']}$"
    assert stated[str(PKO.onsCode)] == f"^{schemes['ons']}$"
    assert stated[str(SKOS.exactMatch)] == f"^http://www[.]wikidata[.]org/entity/{schemes['wikidata']}$"


def test_every_scheme_has_a_statement_in_the_graph() -> None:
    assert set(STATEMENTS) == {row["scheme"] for row in _rows("identifier_schemes.csv")}


def test_loaded_identifiers_are_keyed_by_entity_key_sorted_by_scheme() -> None:
    kent = ids.identifiers_of()["PoliceForce/kent-police"]
    assert [i.scheme for i in kent] == ["ons", "police-uk", "wikidata"]
    assert len(ids.identifiers()) == len(_rows("identifiers.csv"))


# --- a user's lexicon with a bad row stops the build with one line


@pytest.mark.parametrize(("row", "message"), [
    ("atlantis-police,ons,E23000099,https://example.org/x", "'atlantis-police' is no body of the reference lists"),
    ("kent-police,ons,E2300003,https://example.org/x", "'E2300003' is not a ons identifier"),
    ("kent-police,fbi,123,https://example.org/x", "unknown scheme 'fbi'"),
    ("kent-police,ons,E23000032,", "no source for kent-police ons E23000032"),
    ("kent-police,ons,E23000032,x\nkent-police,ons,E23000033,y", "a second ons identifier for kent-police"),
])
def test_a_bad_identifier_row_is_a_lexicon_error_naming_it(tmp_path: Path, row: str, message: str) -> None:
    (tmp_path / "identifiers.csv").write_text(f"# invented\nbody,scheme,value,source\n{row}\n", encoding="utf-8")
    use_lexicon(tmp_path)
    try:
        with pytest.raises(LexiconError, match=re.escape(message)) as raised:
            ids.identifiers()
        assert "\n" not in str(raised.value)
    finally:
        use_lexicon(None)


# --- the graph states them


def _graph() -> Graph:
    keys = {"PoliceForce/kent-police": Kind.FORCE, "PoliceForce/cleveland-police": Kind.FORCE,
            "PartnerOrganisation/ministry-of-justice": Kind.PARTNER,
            "PartnerOrganisation/an-invented-trust": Kind.PARTNER}
    entities = {key: Entity(key, kind, key.partition("/")[2].replace("-", " ").title(), set(), {"d"})
                for key, kind in keys.items()}
    return build_rdf(Extraction([DocumentInfo("d", "d.txt", "An invented document", "0" * 64)], entities, [], [], []))


def test_a_force_in_the_graph_states_its_codes_and_wikidata_item() -> None:
    graph, kent = _graph(), Minter().entity("PoliceForce/kent-police")
    assert graph.value(kent, PKO.policeUkId) == Literal("kent")
    assert graph.value(kent, PKO.onsCode) == Literal("E23000032")
    assert set(graph.objects(kent, SKOS.exactMatch)) == {URIRef("http://www.wikidata.org/entity/Q3195294")}


def test_a_force_without_a_confirmed_item_has_codes_but_no_exact_match() -> None:
    graph, cleveland = _graph(), Minter().entity("PoliceForce/cleveland-police")
    assert graph.value(cleveland, PKO.onsCode) == Literal("E23000013")
    assert list(graph.objects(cleveland, SKOS.exactMatch)) == []


def test_a_national_body_has_its_item_and_an_unlisted_body_nothing() -> None:
    graph, minter = _graph(), Minter()
    justice = minter.entity("PartnerOrganisation/ministry-of-justice")
    assert set(graph.objects(justice, SKOS.exactMatch)) == {WD["Q2983190"]}
    assert graph.value(justice, PKO.onsCode) is None
    invented = minter.entity("PartnerOrganisation/an-invented-trust")
    assert not {p for p in graph.predicates(invented)} & {PKO.policeUkId, PKO.onsCode, SKOS.exactMatch}
