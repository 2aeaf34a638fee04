"""Tests for policekg.extract.records: analyses as JSON, read back exactly or not at all."""
from __future__ import annotations

import json
from dataclasses import fields
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policekg.extract.document import DocumentAnalysis, FundRecord
from policekg.extract.funds import FundReading
from policekg.extract.mentions import Mention
from policekg.extract.model import GRADES, DocumentInfo, Evidence, Judgement, Kind, Link, Predicate
from policekg.extract.records import MAX_OFFSET, RECORDS, VERSION, CorruptRecord, dump_analysis, load_analysis

SHA = "0123456789abcdef" * 4

texts = st.text(max_size=30)
offsets = st.integers(0, MAX_OFFSET)
keys = st.builds(lambda kind, name: f"{kind.value}/{name}", st.sampled_from(Kind), texts)
amounts = st.builds(lambda digits, exponent: Decimal((0, tuple(digits), exponent)),
                    st.lists(st.integers(0, 9), min_size=1, max_size=12), st.integers(-12, 12))
evidences = st.builds(Evidence, texts, texts, offsets, offsets, st.floats(0, 1), st.none() | texts)
mentions = st.builds(Mention, st.sampled_from(Kind), offsets, offsets, texts, texts, st.none() | keys,
                     st.none() | texts, st.booleans())
readings = st.builds(FundReading, amounts, offsets, offsets, st.floats(0, 1), st.none() | texts, st.none() | texts,
                     st.none() | mentions, st.none() | mentions)
analyses = st.builds(
    DocumentAnalysis,
    st.builds(DocumentInfo, texts, texts, texts, st.just(SHA), st.none() | st.dates().map(lambda d: d.isoformat()),
              st.none() | keys, st.none() | keys),
    st.lists(mentions, max_size=4),
    st.lists(st.builds(Link, keys, st.sampled_from(Predicate), keys, evidences, st.none() | texts), max_size=3),
    st.lists(st.builds(FundRecord, keys, texts, readings, evidences), max_size=3),
    st.lists(st.builds(Judgement, keys, texts, st.sampled_from(GRADES), texts, texts, st.none() | evidences),
             max_size=3),
)


def sample() -> DocumentAnalysis:
    """One analysis with every record type, a value in every optional field and non-ASCII text."""
    evidence = Evidence("kent-peel-2016-01234567", "Kent and Essex share a unit – “jointly”", 100, 140, 0.9, "in place")
    kent = Mention(Kind.FORCE, 0, 11, "Kent Police", "Kent Police", "PoliceForce/kent-police", None, False)
    zoe = Mention(Kind.PERSON, 50, 64, "Zoë Billingham", "Zoë Billingham", "Person/zoe-billingham", "HMI", True)
    reading = FundReading(Decimal("1.5E+6"), 200, 260, 0.8, "2015/16", "to fund body-worn video", zoe, kent)
    return DocumentAnalysis(
        DocumentInfo("kent-peel-2016-01234567", "corpus/kent peel.pdf", "PEEL: Kent", SHA, "2016-11-03",
                     "PartnerOrganisation/hmicfrs", "PoliceForce/kent-police"),
        [kent, zoe],
        [Link("PoliceForce/kent-police", Predicate.COLLABORATES_WITH, "PoliceForce/essex-police", evidence),
         Link("Person/zoe-billingham", Predicate.MEMBER_OF, "PartnerOrganisation/hmicfrs", evidence, "HMI")],
        [FundRecord("Fund/1-500-000-to-kent-police-abcdef", "£1,500,000 to Kent Police", reading, evidence)],
        [Judgement("PoliceForce/kent-police", "Efficiency", "Good", "2016", "kent-peel-2016-01234567", evidence)],
    )


def as_json(analysis: DocumentAnalysis) -> list:
    return json.loads(dump_analysis(analysis))


def to_bytes(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=True).encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(analyses)
def test_records_round_trip_gives_equal_analyses(analysis: DocumentAnalysis) -> None:
    again = load_analysis(dump_analysis(analysis))
    assert again == analysis
    assert repr(again) == repr(analysis)  # Decimal("1.5E+6") stays as written, not only equal


def test_records_sample_round_trips_and_keeps_types() -> None:
    again = load_analysis(dump_analysis(sample()))
    assert again == sample()
    assert again.links[0].predicate is Predicate.COLLABORATES_WITH and again.mentions[0].kind is Kind.FORCE
    assert str(again.funds[0].reading.amount) == "1.5E+6"


@pytest.mark.parametrize("cls", [DocumentAnalysis, DocumentInfo, Mention, Link, Evidence, FundRecord, FundReading,
                                 Judgement])
def test_records_table_names_every_field_in_order(cls: type) -> None:
    assert RECORDS[cls] == tuple(f.name for f in fields(cls))


def test_records_cover_exactly_the_analysis_types() -> None:
    assert set(RECORDS) == {DocumentAnalysis, DocumentInfo, Mention, Link, Evidence, FundRecord, FundReading,
                            Judgement}


def _set(path: tuple, value: object):
    """A change to the JSON of :func:`sample`: the value at ``path`` (indices into nested arrays)."""
    def change(data: list) -> list:
        target = data
        for index in path[:-1]:
            target = target[index]
        target[path[-1]] = value
        return data
    return change


INFO, MENTIONS, LINKS, FUNDS, JUDGEMENTS = ((1, i) for i in range(5))
BAD_VALUES = {
    "negative offset": _set((*MENTIONS, 0, 1), -1),
    "offset past 2**53": _set((*MENTIONS, 0, 1), 2**60),
    "offset of 5000 digits": _set((*MENTIONS, 0, 1), "HUGE"),
    "boolean offset": _set((*MENTIONS, 0, 1), True),
    "float offset": _set((*MENTIONS, 0, 1), 1.0),
    "text offset": _set((*MENTIONS, 0, 1), "1"),
    "unknown kind": _set((*MENTIONS, 0, 0), "Spaceship"),
    "kind as a number": _set((*MENTIONS, 0, 0), 3),
    "number as text": _set((*MENTIONS, 0, 3), 42),
    "lone surrogate in text": _set((*MENTIONS, 0, 3), "\ud800"),
    "flag as a number": _set((*MENTIONS, 0, 7), 0),
    "key of no kind": _set((*LINKS, 0, 0), "Spaceship/x"),
    "unknown predicate": _set((*LINKS, 0, 1), "hates"),
    "confidence above one": _set((*LINKS, 0, 3, 4), 1.5),
    "confidence overflowing to infinity": _set((*LINKS, 0, 3, 4), "INF"),
    "confidence NaN": _set((*LINKS, 0, 3, 4), float("nan")),
    "confidence as text": _set((*LINKS, 0, 3, 4), "0.9"),
    "amount as a number": _set((*FUNDS, 0, 2, 0), 1500000),
    "amount with a huge exponent": _set((*FUNDS, 0, 2, 0), "1E+999999999"),
    "amount with many places": _set((*FUNDS, 0, 2, 0), "1E-99"),
    "negative amount": _set((*FUNDS, 0, 2, 0), "-5"),
    "amount NaN": _set((*FUNDS, 0, 2, 0), "NaN"),
    "amount not canonical": _set((*FUNDS, 0, 2, 0), "015"),
    "grade outside the scheme": _set((*JUDGEMENTS, 0, 2), "Excellent"),
    "date not in the calendar": _set((*INFO, 4), "2016-02-30"),
    "digest not hex": _set((*INFO, 3), "z" * 64),
    "record with a field too many": lambda data: data[1][2][0].append(None) or data,
    "record as an object": _set((*LINKS, 0), {"subject": "PoliceForce/kent-police"}),
    "list as an object": _set(MENTIONS, {}),
    "record where text goes": _set((*INFO, 2), ["PEEL"]),
    "another version": _set((0,), VERSION + 1),
    "version as text": _set((0,), str(VERSION)),
}


@pytest.mark.parametrize("change", BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_records_reject_values_of_the_wrong_type_or_range(change) -> None:
    data = change(as_json(sample()))
    raw = to_bytes(data).replace(b'"HUGE"', b"9" * 5000).replace(b'"INF"', b"1e999")
    with pytest.raises(CorruptRecord):
        load_analysis(raw)


def test_records_reject_a_missing_field() -> None:
    data = as_json(sample())
    data[1][2][0].pop()
    with pytest.raises(CorruptRecord):
        load_analysis(to_bytes(data))


@pytest.mark.parametrize("raw", [
    b"", b"null", b"{}", b"[2]", b"\xff\xfe not utf-8", b"[" * 100_000 + b"]" * 100_000,
    b'{"__class__": "os.system", "args": ["touch /tmp/x"]}', b"\x80\x04\x95 a pickle",
])
def test_records_reject_what_is_not_an_analysis(raw: bytes) -> None:
    with pytest.raises(CorruptRecord):
        load_analysis(raw)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps([VERSION, v]).encode())))
def test_records_anything_else_is_corrupt_never_another_error(raw: bytes) -> None:
    try:
        analysis = load_analysis(raw)
    except CorruptRecord:
        return
    assert isinstance(analysis, DocumentAnalysis)
