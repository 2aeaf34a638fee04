"""Sanity checks for the gazetteer data files shipped in extract/patterns/."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from policekg.extract.slug import slugify

PATTERNS = Path(__file__).resolve().parents[1] / "extract" / "patterns"
FORCES = PATTERNS / "forces.csv"
BODIES = PATTERNS / "national_bodies.csv"
TITLES = PATTERNS / "titles.txt"
HONOURS = PATTERNS / "honours.txt"

FORCE_KINDS = {"territorial", "scotland", "northern-ireland", "special", "crown-dependency"}
BODY_CATEGORIES = {
    "government",
    "inspectorate",
    "national-policing",
    "criminal-justice",
    "health",
    "charity",
    "regulator",
    "professional-body",
    "other",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, strict=True))


def _aliases(row: dict[str, str]) -> list[str]:
    return row["aliases"].split("|") if row["aliases"] else []


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line and not line.startswith("#")]


@pytest.fixture(scope="module")
def forces() -> list[dict[str, str]]:
    return _rows(FORCES)


@pytest.fixture(scope="module")
def bodies() -> list[dict[str, str]]:
    return _rows(BODIES)


@pytest.mark.parametrize("path", [FORCES, BODIES, TITLES, HONOURS], ids=lambda p: p.name)
def test_file_format(path: Path) -> None:
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # must be UTF-8
    assert b"\r" not in raw, "LF line endings only"
    assert text.endswith("\n") and not text.endswith("\n\n")
    for number, line in enumerate(text.split("\n")[:-1], start=1):
        assert line == line.rstrip(), f"{path.name}:{number} has trailing whitespace"
        assert line, f"{path.name}:{number} is blank"


def test_headers() -> None:
    assert FORCES.read_text(encoding="utf-8").split("\n", 1)[0] == "id,label,area,kind,aliases"
    assert BODIES.read_text(encoding="utf-8").split("\n", 1)[0] == "id,label,category,aliases"


def test_exactly_43_territorial_forces(forces) -> None:
    kinds = Counter(row["kind"] for row in forces)
    assert kinds["territorial"] == 43
    assert set(kinds) <= FORCE_KINDS


def test_required_forces_present(forces) -> None:
    labels = {row["label"] for row in forces}
    for label in ("Police Scotland", "Police Service of Northern Ireland", "British Transport Police"):
        assert label in labels


def test_territorial_forces_have_an_area(forces) -> None:
    areas = [row["area"] for row in forces if row["kind"] == "territorial"]
    assert all(areas)
    assert len(set(areas)) == len(areas)


def test_categories_valid(bodies) -> None:
    assert {row["category"] for row in bodies} <= BODY_CATEGORIES


@pytest.mark.parametrize("name", ["forces", "bodies"])
def test_ids_unique_sorted_and_slug_of_label(name, request) -> None:
    rows = request.getfixturevalue(name)
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    assert ids == sorted(ids)
    for row in rows:
        assert row["label"].strip(), f"empty label in {row}"
        assert row["label"] == row["label"].strip()
        assert row["id"] == slugify(row["label"]), row


def test_ids_unique_across_files(forces, bodies) -> None:
    assert not {r["id"] for r in forces} & {r["id"] for r in bodies}


def test_aliases_well_formed(forces, bodies) -> None:
    for row in forces + bodies:
        aliases = _aliases(row)
        # The ruler matches names case-insensitively, so case variants are redundant.
        folded = [a.casefold() for a in aliases]
        assert len(folded) == len(set(folded)), f"duplicate alias in {row['id']}"
        for alias in aliases:
            assert alias and alias == alias.strip(), f"bad alias {alias!r} in {row['id']}"
            assert alias.casefold() != row["label"].casefold(), f"alias repeats the label in {row['id']}"


# Surface forms known to collide with other meanings once lower-cased
# ("MPs", the verb "met", new psychoactive substances, the Met Office, the DPP...).
AMBIGUOUS = {"met", "mps", "nps", "ea", "cop", "psa", "pds", "ho", "dh", "dpp", "swp", "fca", "treasury"}


def test_no_known_ambiguous_alias(forces, bodies) -> None:
    for row in forces + bodies:
        for form in (row["label"], *_aliases(row)):
            assert form.casefold() not in AMBIGUOUS, f"{form!r} in {row['id']} is ambiguous"


def test_no_surface_form_shared_between_rows(forces, bodies) -> None:
    """A label or alias (case-insensitively) may denote only one row across both files."""
    owner: dict[str, str] = {}
    for row in forces + bodies:
        for form in {row["label"].casefold(), *(a.casefold() for a in _aliases(row))}:
            assert owner.setdefault(form, row["id"]) == row["id"], (
                f"{form!r} is used by both {owner[form]} and {row['id']}"
            )


def test_no_alias_is_a_bare_area_name(forces, bodies) -> None:
    areas = {row["area"].casefold() for row in forces if row["area"]}
    for row in forces + bodies:
        for alias in _aliases(row):
            assert alias.casefold() not in areas, f"{alias!r} in {row['id']} is a bare area name"


@pytest.mark.parametrize("path", [TITLES, HONOURS], ids=lambda p: p.name)
def test_word_lists_have_no_duplicates(path: Path) -> None:
    entries = _lines(path)
    assert entries
    duplicates = [entry for entry, n in Counter(entries).items() if n > 1]
    assert not duplicates, duplicates


@pytest.mark.parametrize("path", [TITLES, HONOURS], ids=lambda p: p.name)
def test_word_lists_have_header_comment(path: Path) -> None:
    first_two = path.read_text(encoding="utf-8").split("\n")[:2]
    assert all(line.startswith("# ") for line in first_two)


def test_titles_and_honours_disjoint() -> None:
    assert not set(_lines(TITLES)) & set(_lines(HONOURS))
