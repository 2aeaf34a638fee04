"""Tests for policekg.extract.slug and the keys, document ids and IRIs made from slugs:
different names never share one, spellings of one name always do."""
from __future__ import annotations

import re

import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph

from policekg.extract.document import document_id
from policekg.extract.keys import entity_key, normalise_name
from policekg.extract.model import Kind
from policekg.extract.slug import MARK, label_slug, normal_form, slugify
from policekg.graph.rdf.iri import Minter

SHA = "0123456789abcdef" * 4
PLAIN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MARKED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*--[0-9a-f]{10}")

# Pieces that are alike after folding, or differ only in what a slug cannot spell.
PIECES = ["Kent", "kent", "KENT", " ", "  ", "-", "–", ".", ",", "'", "’", "(", ")", "/", ":", "&", "and", "+",
          "++", "#", "@", "%", "e", "é", "ë", "e\u0301", "Zoë", "Zoe", "Т", "т", "трест", "ß", "ss", "🚓", "İ", "i",
          "ﬁ", "fi", "Ｋ", "_", "\u0301", "α", "ά", "х", "x", "1", "١"]
names = st.one_of(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), st.text(max_size=20))


@pytest.mark.parametrize(("name", "slug"), [
    ("Kent Police", "kent-police"),
    ("Zoë Billingham", "zoe-billingham"),
    ("O’Brien", "o-brien"),
    ("Barnardo's", "barnardo-s"),
    ("HM Courts & Tribunals Service", "hm-courts-and-tribunals-service"),
    ("Dyfed–Powys Police", "dyfed-powys-police"),
    ("Police and Crime Plan (2016/17): Year 1; Update", "police-and-crime-plan-2016-17-year-1-update"),
    ("ﬁrearms unit", "firearms-unit"),
    ("Ｋｅｎｔ", "kent"),
    ("kent_peel_2016", "kent-peel-2016"),
    ("“Safer Streets” — Round 3!", "safer-streets-round-3"),
])
def test_slug_readable_names_keep_their_plain_slug(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize(("name", "words"), [
    ("Трест Kent Trust", "kent-trust"),
    ("C++ Unit", "c-unit"),
    ("C# Unit", "c-unit"),
    ("50% Fund", "50-fund"),
    ("Straße Team", "stra-e-team"),
    ("🚓", "x"),
    ("", "x"),
])
def test_slug_what_cannot_be_spelled_is_marked_with_a_hash(name: str, words: str) -> None:
    slug = slugify(name)
    assert MARKED.fullmatch(slug) and slug.startswith(words + MARK)


@pytest.mark.parametrize(("first", "second"), [
    ("Трест Kent Trust", "Kent Trust"), ("C++ Unit", "C Unit"), ("C++ Unit", "C# Unit"), ("Kent 🚓", "Kent"),
    ("Straße", "Strae"), ("Трест", "Отдел"), ("ά", "α"), ("a" * 90, "a" * 91),
])
def test_slug_different_names_get_different_slugs_keys_and_iris(first: str, second: str) -> None:
    assert slugify(first) != slugify(second)
    first_key, second_key = entity_key(Kind.PARTNER, first), entity_key(Kind.PARTNER, second)
    assert first_key != second_key
    assert Minter().entity(first_key) != Minter().entity(second_key)


@pytest.mark.parametrize(("first", "second"), [
    ("Zoë", "Zoe"), ("O’Brien", "O'Brien"), ("Kent  Police", "kent police"), ("R&D", "R and D"),
    ("Dyfed–Powys", "Dyfed-Powys"), ("C++  unit", "c++ Unit"), ("İstanbul", "istanbul"),
])
def test_slug_spellings_of_one_name_share_a_slug(first: str, second: str) -> None:
    assert slugify(first) == slugify(second)


def test_slug_long_names_are_cut_and_marked() -> None:
    slug = slugify("word " * 40)
    assert MARKED.fullmatch(slug) and len(slug) <= 91
    assert slugify("a" * 80) == "a" * 80


@settings(max_examples=1000, deadline=None)
@given(names, names)
def test_slug_equal_exactly_when_normal_forms_are_equal(first: str, second: str) -> None:
    assert (slugify(first) == slugify(second)) == (normal_form(first) == normal_form(second))


@settings(max_examples=500, deadline=None)
@given(names)
def test_slug_is_plain_or_marked_and_a_function_of_the_normal_form(name: str) -> None:
    slug = slugify(name)
    assert PLAIN.fullmatch(slug) and MARK not in slug or MARKED.fullmatch(slug)
    assert len(slug) <= 91
    assert normal_form(normal_form(name)) == normal_form(name)
    assert slugify(normal_form(name)) == slug


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(Kind), names, names)
def test_keys_and_iris_differ_when_normalised_names_differ(kind: Kind, first: str, second: str) -> None:
    minter = Minter()
    if normal_form(normalise_name(first, kind)) != normal_form(normalise_name(second, kind)):
        assert minter.entity(entity_key(kind, first)) != minter.entity(entity_key(kind, second))
    node = minter.entity(entity_key(kind, first))
    pyoxigraph.NamedNode(str(node))
    assert len(Graph().parse(data=f"<{node}> <{node}> <{node}> .", format="nt")) == 1


def test_iri_keeps_marked_slugs_readable() -> None:
    key = entity_key(Kind.PARTNER, "C++ Unit")
    assert str(Minter().entity(key)).endswith("/org/" + key.partition("/")[2])


@pytest.mark.parametrize(("first", "second"), [
    ("reports/Трест Kent.txt", "reports/Kent.txt"), ("a/Отчёт.pdf", "a/Отчет.pdf"), ("Док1.txt", "Док2.txt"),
])
def test_document_ids_differ_for_different_stems(first: str, second: str) -> None:
    assert document_id(first, SHA) != document_id(second, SHA)
    assert Minter().document(document_id(first, SHA)) != Minter().document(document_id(second, SHA))


@pytest.mark.parametrize(("label", "slug"), [
    ("£1,500,000 to Kent Police (2015/16)", "1-500-000-to-kent-police-2015-16"),
    ("£25,000 Commissioner's Partners Fund", "25-000-commissioner-s-partners-fund"),
])
def test_slug_fund_labels_keep_their_words_without_a_mark(label: str, slug: str) -> None:
    assert label_slug(label) == slug
