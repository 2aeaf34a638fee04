"""The endpoint's query page: a template listing every saved question, its text escaped."""
from __future__ import annotations

import re

from policekg.graph.query import endpoint_page
from policekg.graph.query.questions import SavedQuestion, saved_questions


def test_page_lists_every_saved_question_with_its_parameters() -> None:
    page = endpoint_page.query_page()
    for question in saved_questions():
        assert f'data-name="{question.name}"' in page
        for name, _ in question.params:
            assert f'name="{name}"' in page
    assert "<textarea" in page and 'fetch("ask/"' in page


def test_page_escapes_question_text(monkeypatch) -> None:
    odd = SavedQuestion(name="odd", description='Partners of <b>"Kent"</b> & co', text="SELECT * {}",
                        params=[("who", "a name <i>like</i> this")], optional=frozenset({"who"}))
    monkeypatch.setattr(endpoint_page, "saved_questions", lambda: [odd])
    page = endpoint_page.query_page()
    assert "Partners of &lt;b&gt;&#34;Kent&#34;&lt;/b&gt; &amp; co" in page
    assert 'title="a name &lt;i&gt;like&lt;/i&gt; this"' in page and 'placeholder="who (optional)"' in page
    assert "<b>" not in page and "<i>" not in page


def test_page_stays_self_contained() -> None:
    page = endpoint_page.query_page()
    assert not re.search(r"https?://|\b(?:src|href)\s*=|@import|url\(", page)
    assert "innerHTML" not in page
