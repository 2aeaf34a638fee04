"""A line's text from its parsed Doc, without spaCy building it again.

spaCy keeps no copy of the text a Doc was made from: ``Doc.text`` joins it anew from every
token at each call, making a Python object per token. Read for each line and sentence, that was
the largest part of policekg's own time after the parse (about 1 s of 4.5 s on 2 MB of
documents). So the text is kept in the Doc's ``user_data`` when the lines are parsed
(:func:`keep_text`) and read back from there (:func:`text_of`); a Doc made elsewhere, as in a
test, gives ``Doc.text``, which is the same string.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

KEY = "policekg.text"


def keep_text(doc: Doc, text: str) -> Doc:
    """``doc``, remembering ``text``: the very string it was made from."""
    doc.user_data[KEY] = text
    return doc


def text_of(doc: Doc) -> str:
    """``doc.text``, from the copy :func:`keep_text` kept where there is one."""
    kept = doc.user_data.get(KEY)
    return doc.text if kept is None else kept


def span_text(span: Span) -> str:
    """``span.text``, cut from the kept text of its doc: spaCy would join it from every token."""
    return text_of(span.doc)[span.start_char : span.end_char]
