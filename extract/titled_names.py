"""Titled names for the ruler: a title or rank followed by capitalised words ("ACC Tallis").

The statistical NER misses many such short forms; the name is checked and resolved later.
Written as token patterns (the title's words, then ``SHAPE ^X`` words that do not start a
sentence, one to four of them) this cost a fifth of the pipeline: every capitalised token
opened a partial match for each of some 165 titles. Here a PhraseMatcher finds the titles,
which is cheap, and the name is extended in code only where a title occurs, giving the same
spans as those patterns did: one span per title and per length of name, from one word up to
:data:`MAX_NAME_WORDS`.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from .resources import lexicon_cached, read_csv, read_lines

MAX_NAME_WORDS = 4  # "Cllr Mrs A B Fairbeck-Tallis" is as long as a titled name gets


def is_name_word(token: Token) -> bool:
    """A word that can continue a name after a title: its first character is a capital letter
    (its shape starts with ``X``), and it does not start a sentence."""
    return token.shape_.startswith("X") and token.is_sent_start is not True


@lexicon_cached
def _post_openings() -> frozenset[str]:
    """The first words of the posts in ``posts.csv`` ("Head", "Director"), in lower case, but
    not an organisation's head word ("Board" of "Probation Board for …")."""
    bodies = {word.lower() for word in read_lines("org_cues.txt")}
    return frozenset(row["post"].split(" ", 1)[0].lower() for row in read_csv("posts.csv")) - bodies


def _opens_post(doc: Doc, index: int) -> bool:
    """Whether a word after a name's first word heads a post ("Head of ERSOU", "Director for
    Wales"): a signature's post line that cleaning joined onto the titled name."""
    return doc[index].lower_ in _post_openings() and index + 1 < len(doc) and doc[index + 1].lower_ in ("of", "for")


class TitledNameMatcher:
    """Finds ``title + name`` spans as ``(start, end)`` token offsets."""

    def __init__(self, vocab: Vocab, titles: Iterable[Doc]) -> None:
        self.phrases = PhraseMatcher(vocab, attr="ORTH")
        self.phrases.add("TITLE", list(titles))

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """Every title followed by one to :data:`MAX_NAME_WORDS` name words, once per length."""
        spans = []
        for _, start, end in self.phrases(doc):
            stop = min(end + MAX_NAME_WORDS, len(doc))
            for name_end in range(end, stop):
                if not is_name_word(doc[name_end]) or (name_end > end and _opens_post(doc, name_end)):
                    break
                spans.append((start, name_end + 1))
        return spans
