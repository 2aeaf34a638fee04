"""Cleaning rules for document text, one behaviour per test, on small made-up texts."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policekg.extract.clean import clean_text

LONG = "The force works closely with its partners across the county to reduce"  # no full stop


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("One.\r\nTwo.\rThree.", "One.\nTwo.\nThree."),
        ("Kent\u00a0Police and\u2009Essex\u202fPolice", "Kent Police and Essex Police"),
        ("collab\u00adoration", "collaboration"),
        ("zero\u200bwidth\u200d joiner\ufeff", "zerowidth joiner"),
        ("Zoe\u0308 Billingham", "Zo\u00eb Billingham"),
        ("Trailing   \nSpaces\t \n", "Trailing\nSpaces"),
        ("\tIndented paragraph.", "Indented paragraph."),
        ("\t2015/16\t2016/17", "\t2015/16\t2016/17"),
        ("  many    spaces   inside  ", "many spaces inside"),
        ("Ashford CSP \t 28858\t27848", "Ashford CSP\t28858\t27848"),
        ("Victims work\t100000\t", "Victims work\t100000"),
        ("Efficiency\fGood", "Efficiency\nGood"),
        ("the \ufb01nal o\ufb03ce", "the final office"),
        ("", ""),
        (" \n\t\n \u00a0 ", ""),
    ],
)
def test_clean_normalises_characters_and_spaces(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "furniture",
    [
        "Skip to content",
        "Skip to main content",
        "Back to top",
        "Print this page",
        "Share this page",
        "We use cookies to collect information about how you use this site.",
        "Accept additional cookies",
        "Cookie settings",
        "This page is intentionally left blank",
        "B1 Appendix A",
        "C2 Appendix 1",
        "Page 3",
        "page 3 of 10",
        "- 3 -",
        "– 12 –",
        "7",
        "123",
        "https://www.example.org/glossary/anti-social-behaviour/",
        "http://example.org",
        "www.example.org/report.pdf",
    ],
)
def test_clean_drops_furniture_lines(furniture: str) -> None:
    raw = f"Opening paragraph.\n\n  {furniture}  \n\nClosing paragraph."
    assert clean_text(raw) == "Opening paragraph.\n\nClosing paragraph."


@pytest.mark.parametrize(
    "content",
    [
        "Appendix One",
        "2016",
        "2018/19",
        "Page 3 shows the figures.",
        "See https://example.org for the figures.",
        "Annex 2 to Appendix B",
        "Last updated 03/11/2016",
    ],
)
def test_clean_keeps_lines_that_only_resemble_furniture(content: str) -> None:
    raw = f"Opening paragraph.\n\n{content}\n\nClosing paragraph."
    assert clean_text(raw) == f"Opening paragraph.\n\n{content}\n\nClosing paragraph."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("the pro-\ncess of review.", "the process of review."),
        ("a risk-\nassessment tool and another risk-assessment.", "a risk-assessment tool and another risk-assessment."),
        ("a Risk-Assessment form.\nOne risk-\nassessment later.", "a Risk-Assessment form.\nOne risk-assessment later."),
        ("the North-\nEast region", "the North-\nEast region"),
        (LONG + " anti-\nSocial", LONG + " anti-Social"),
        ("page 12-\n14 of it", "page 12-\n14 of it"),
    ],
)
def test_clean_dehyphenates_words_split_across_lines(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("It investigates crime\nwell.", "It investigates crime well."),
        ("Last\ninspected", "Last inspected"),
        (LONG + "\nMetropolitan Police crime.", LONG + " Metropolitan Police crime."),
        (LONG + ".\nThe next sentence.", LONG + ".\nThe next sentence."),
        (LONG + ":\nNext", LONG + ":\nNext"),
        (LONG + ".”\nNext", LONG + ".”\nNext"),
        ("A short line\nUppercase start", "A short line\nUppercase start"),
        ("Effectiveness\nGood\nKent Police is good.", "Effectiveness\nGood\nKent Police is good."),
        ("one paragraph\n\ntwo paragraph", "one paragraph\n\ntwo paragraph"),
    ],
)
def test_clean_joins_lines_broken_inside_sentences(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "item",
    [
        "• item", "● item", "◦ item", "- item", "* item", "– item", "1. item", "12) item", "a) item",
        "b. item", "(iv) item", "4.1 Cut crime",
    ],
)
def test_clean_keeps_list_items_on_their_own_lines(item: str) -> None:
    raw = f"{LONG}\n{item}\n{item}"
    assert clean_text(raw) == f"{LONG}\n{item}\n{item}"


def test_clean_joins_a_list_item_with_its_continuation() -> None:
    raw = "- Ensure there are robust processes in place to\nidentify repeat victims.\n- Next item"
    assert clean_text(raw) == "- Ensure there are robust processes in place to identify repeat victims.\n- Next item"


@pytest.mark.parametrize(
    "neighbour",
    [LONG, "continues in lower case", "pro-"],
)
def test_clean_never_glues_tab_rows_to_other_lines(neighbour: str) -> None:
    raw = f"{neighbour}\nAshford CSP\t28858\nmedway CSP\t96782\n{neighbour}"
    assert clean_text(raw) == raw


def test_clean_separates_paragraphs_by_one_blank_line() -> None:
    raw = "\n\n\nFirst paragraph.\n\n\n\n\nSecond paragraph.\n \n\t\n\n"
    assert clean_text(raw) == "First paragraph.\n\nSecond paragraph."


def test_clean_joins_across_page_furniture_when_the_sentence_continues() -> None:
    raw = "Using virtual\n\nB1 Appendix A\n\ninformation, integrate the journey.\n\nNext paragraph."
    assert clean_text(raw) == "Using virtual information, integrate the journey.\n\nNext paragraph."


def test_clean_keeps_paragraphs_apart_across_furniture_before_a_capital() -> None:
    raw = "Questions for Efficiency\n\n1\n\nHow well does the force understand demand?"
    assert clean_text(raw) == "Questions for Efficiency\n\nHow well does the force understand demand?"


def test_clean_drops_furniture_made_by_joining_lines() -> None:
    raw = "First paragraph.\n\nSkip to\nmain content\n\nSecond paragraph."
    assert clean_text(raw) == "First paragraph.\n\nSecond paragraph."


def test_clean_joins_lines_across_a_page_break() -> None:
    raw = "The force works closely with\n\n\fpartners across the county."
    assert clean_text(raw) == "The force works closely with partners across the county."


PAGES = [
    "Kent PEEL 2018\nEffectiveness\nThe force works well with its partners to keep people safe and to\nPage 1",
    "Kent PEEL 2018\nprotect vulnerable people in the county.\nEfficiency\nPage 2",
    "Kent PEEL 2018\nOutstanding\nThe force plans well for the future.\nPage 3",
    "Kent PEEL 2018\nLegitimacy\nGood\nPage 4 of 4",
]


def test_clean_removes_running_headers_and_footers_of_pdf_pages() -> None:
    assert clean_text("\f".join(PAGES), pdf_pages=PAGES) == (
        "Effectiveness\n"
        "The force works well with its partners to keep people safe and to "
        "protect vulnerable people in the county.\n"
        "Efficiency\nOutstanding\nThe force plans well for the future.\nLegitimacy\nGood"
    )


def test_clean_removes_running_lines_only_at_page_edges() -> None:
    pages = [
        f"Kent PEEL 2018\nBody {word} one.\nBody {word} two.\nKent PEEL 2018\nBody {word} three.\nBody {word} four."
        for word in ("alpha", "beta", "gamma")
    ]
    cleaned = clean_text("\f".join(pages), pdf_pages=pages)
    assert cleaned.count("Kent PEEL 2018") == 3


def test_clean_needs_three_pages_to_call_a_line_running() -> None:
    pages = ["Kent PEEL 2018\nFirst page text.", "Kent PEEL 2018\nSecond page text."]
    assert clean_text("\f".join(pages), pdf_pages=pages) == "Kent PEEL 2018\nFirst page text.\nKent PEEL 2018\nSecond page text."


def test_clean_needs_half_of_the_pages_to_call_a_line_running() -> None:
    with_header = [f"Header\nText {word}." for word in ("one", "two", "three")]
    pages = with_header + [f"Text {word}." for word in ("four", "five", "six", "seven")]
    cleaned = clean_text("\f".join(pages), pdf_pages=pages)
    assert cleaned.count("Header") == 3


# Property tests: cleaned text is a fixed point and always has the documented shape.

_CHARS = st.sampled_from(list("abcXY 19.:-\t\n\r\f•*(") + ["\u00a0", "\u00ad", "\u200b", "\u0301", "\u2028"])
_PIECES = st.sampled_from(
    [
        "Skip to", "main content", "Page 3", "https://x.org/a", "B1 Appendix A", "\n\n", "\n",
        "risk-", "assessment", "risk-assessment", "pro-", "cess", "- item", "1. item", "Good",
        LONG, "Kent Police\t12", "\t", "the force.", "a) ", " ",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(_CHARS, max_size=8)), max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_TEXT)
def test_clean_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_clean_output_has_the_documented_shape(raw: str) -> None:
    cleaned = clean_text(raw)
    assert "\r" not in cleaned and "\f" not in cleaned
    assert "\n\n\n" not in cleaned
    assert cleaned == cleaned.strip("\n")
    assert all(line == line.rstrip() and not line.startswith(" ") for line in cleaned.split("\n"))


_CELL = st.text(st.sampled_from(list("abcXYZ019")), min_size=1, max_size=6)
_ROW = st.lists(_CELL, min_size=2, max_size=4).map("\t".join)
_PROSE = st.sampled_from([LONG, "continues here", "pro-", "Good", "", "- item", "Page 3"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_ROW, _PROSE), max_size=12))
def test_clean_keeps_every_tab_row_as_a_whole_line(lines: list[str]) -> None:
    cleaned_lines = clean_text("\n".join(lines)).split("\n")
    for row in (line for line in lines if "\t" in line):
        assert row in cleaned_lines
