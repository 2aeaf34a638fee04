"""Links between entities read from sentence structure and cue words (their claim status: ``status.py``)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .clauses import ORGANISATIONS, clause_links, is_negated, joins, list_run_on, self_references, word_classes
from .cue_search import cue_starts, matches_from
from .doc_text import span_text, text_of
from .mentions import Mention, Mentions
from .model import Kind, Predicate
from .resources import lexicon_cached, read_csv, read_lines

NEAR_CHARS = 40
AGENT_REACH = 60
PERSONAL_PRONOUNS = frozenset({"she", "he"})
SIGNATORIES = re.compile(r"\bsignator(?:y|ies)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    """A cue word and what it links: mentions "after" it, "anywhere" in its clause ("work
    together"), or only its "coordinated" subjects with each other ("A and B share …")."""

    predicate: Predicate
    pattern: re.Pattern[str]
    confidence: float
    targets: str = "after"


@dataclass(frozen=True)
class SentenceLink:
    """A link read from one sentence, between mentions of that sentence."""

    subject: Mention
    predicate: Predicate
    object: Mention
    confidence: float


@lexicon_cached
def cues() -> tuple[Cue, ...]:
    return tuple(
        Cue(Predicate(row["predicate"]), re.compile(rf"\b{row['cue']}\b", re.IGNORECASE), float(row["confidence"]),
            row.get("targets") or "after")
        for row in read_csv("link_cues.csv")
    )


@lexicon_cached
def any_cue() -> re.Pattern[str]:
    """Every cue of :func:`cues` in one pattern: most sentences hold none, and are done at once."""
    return re.compile("|".join(f"(?:{cue.pattern.pattern})" for cue in cues()), re.IGNORECASE)


@lexicon_cached
def agent_cues() -> tuple[re.Pattern[str], ...]:
    """Cues after a programme that name who takes part: "agreed nationally by A, B and C"."""
    return tuple(re.compile(rf"\b{cue}\b", re.IGNORECASE) for cue in read_lines("agent_cues.txt"))


@lexicon_cached
def _any_agent_cue() -> re.Pattern[str]:
    """Every cue of :func:`agent_cues` in one pattern: most sentences hold none, and are done at once."""
    return re.compile("|".join(f"(?:{cue.pattern})" for cue in agent_cues()), re.IGNORECASE)


@lexicon_cached
def _under() -> re.Pattern[str]:
    """A sentence opening with a programme it acts within: the ``within`` words of ``link_words.csv``."""
    words = sorted(word_classes().get("within", ()), key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(re.escape(w) for w in words)}) (?:the )?", re.IGNORECASE)


def _under_programme(sent: Span, sent_text: str, mentions: list[Mention], offset: int) -> list[SentenceLink]:
    """"Under Operation Nightjar, officers, SFRS crews and council wardens …": the bodies the
    sentence names act within the programme, and those the sentence opens with as a list
    ("…, Kent Police and Essex Police patrol …") with each other. ``sent_text`` is ``sent.text``,
    which spaCy rebuilds from the tokens at every use."""
    match = _under().match(sent_text)
    if not match:
        return []
    start = offset + sent.start_char + match.end()
    programme = next((m for m in mentions if m.kind is Kind.PROGRAMME and m.start == start), None)
    if programme is None:
        return []
    bodies = [m for m in mentions if m.kind in ORGANISATIONS and m.start > programme.end and not m.anaphor]
    found = [SentenceLink(m, Predicate.PARTICIPATES_IN, programme, 0.7) for m in bodies]
    text = text_of(sent.doc)
    opens = bodies and not text[programme.end - offset : bodies[0].start - offset].strip(" ,")
    listed = [bodies[0]] if opens else []
    for body in bodies[1:]:
        if not listed or not joins(text[listed[-1].end - offset : body.start - offset]):
            break
        listed.append(body)
    found += [SentenceLink(a, Predicate.COLLABORATES_WITH, b, 0.7)
              for i, a in enumerate(listed) for b in listed[i + 1 :]]
    return found


def _agents(sent: Span, sent_text: str, mentions: list[Mention], offset: int,
            previous: Mention | None, heading: Mention | None = None,
            writer: Mention | None = None) -> list[SentenceLink]:
    """"the Concordat, agreed nationally by A and B" or, after a sentence naming a pilot,
    "It will be delivered by A with B", or under a heading that names an operation, "A
    regional investigation, run jointly with A": the organisations named take part in it.
    A cue ending in an ``unsaid_runner`` word of ``link_words.csv`` ("run jointly with")
    leaves unsaid who runs it: the organisation the document is about (``writer``: a unit in its
    own report, or the force a report or news release is about), which then works with each;
    when it is itself among those named, someone else runs it. Runners named after "run jointly
    by" work with each other. A unit's own words for itself ("the unit", a team it defines) are
    among the runners in its own report. ``sent_text`` is ``sent.text``."""
    starts = cue_starts(_any_agent_cue(), sent_text)
    if not starts:
        return []
    found = []
    for pattern in agent_cues():
        for match in matches_from(pattern, sent_text, starts):
            position = offset + sent.start_char + match.start()
            cue_span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                          alignment_mode="expand")
            if cue_span is None or any(is_negated(t) for t in cue_span):
                continue
            programmes = [m for m in mentions if m.kind is Kind.PROGRAMME and m.end <= position]
            if programmes and position - programmes[-1].end <= AGENT_REACH:
                programme = programmes[-1]
            elif previous is not None and (_refers_back().match(sent_text) or _subject_refers_back(cue_span)):
                programme = previous
            elif heading is not None:
                programme = heading
            else:
                continue
            end = offset + sent.start_char + match.end()
            bodies = [m for m in mentions if m.kind in ORGANISATIONS and m.start >= end
                      and (not m.anaphor or (writer is not None and m.key == writer.key))]
            found += [SentenceLink(m, Predicate.PARTICIPATES_IN, programme, 0.7) for m in bodies]
            unsaid = match.group().split()[-1].lower() in word_classes().get("unsaid_runner", ())
            if _joint(match.group()) and not unsaid:
                found += [SentenceLink(a, Predicate.COLLABORATES_WITH, b, 0.6)
                          for i, a in enumerate(bodies) for b in bodies[i + 1 :] if a.key != b.key]
            if writer is not None and bodies and unsaid and all(m.key != writer.key for m in bodies):
                found.append(SentenceLink(writer, Predicate.PARTICIPATES_IN, programme, 0.6))
                found += [SentenceLink(writer, Predicate.COLLABORATES_WITH, m, 0.6) for m in bodies]
    return found


def _joint(cue: str) -> bool:
    """Whether an agent cue says its runners act together ("run jointly by A, B and C"): then
    they work with each other too (``joint_adverb`` words of ``link_words.csv``)."""
    return any(word in word_classes().get("joint_adverb", ()) for word in cue.lower().split())


@lexicon_cached
def _refers_back() -> re.Pattern[str]:
    """A sentence opening that means the programme named just before: "It", "The scheme" (the
    ``sentence_refers_back`` words of ``link_words.csv``, capitalised as a sentence starts)."""
    words = sorted(word_classes().get("sentence_refers_back", ()), key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(re.escape(w[:1].upper() + w[1:]) for w in words)})\b")


def _subject_refers_back(cue: Span) -> bool:
    """Whether the clause of a cue has for subject a ``sentence_refers_back`` word ("The
    Commissioner notes that it is also supported by A"): the programme named before."""
    verb = _governing_verb(_anchor(cue))
    words = word_classes().get("sentence_refers_back", ())
    return any(c.dep_ in ("nsubj", "nsubjpass") and " ".join(t.lower_ for t in c.subtree) in words
               for c in verb.children)


def _mention_at(token: Token, mentions: Mentions, offset: int) -> Mention | None:
    return mentions.at(offset + token.idx)


def _governing_verb(token: Token) -> Token:
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            return token
        token = token.head
    return token


def _anchor(cue: Span) -> Token:
    """The word of a cue that carries it: "work" in "work closely with", "located" in
    "co-located with", "part" in "part of"."""
    return next((t for t in reversed(cue) if t.pos_ in ("VERB", "NOUN", "AUX")), cue[-1])


def _subject(cue_token: Token, mentions: list[Mention], offset: int, self_mention: Mention | None) -> list[Mention]:
    """The organisations that do the linking: the grammatical subject (with any coordinated
    with it), or a possessor."""
    for child in cue_token.children:
        if child.dep_ == "poss":
            return _resolve_subjects(child, mentions, offset, self_mention)
    verb = _governing_verb(cue_token)
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return _resolve_subjects(subjects[0], mentions, offset, self_mention)
        if verb.dep_ not in ("conj", "xcomp", "advcl", "relcl", "acl", "acomp") or verb.head is verb:
            break
        verb = verb.head
    return []


def _resolve_subjects(token: Token, mentions: list[Mention], offset: int,
                      self_mention: Mention | None) -> list[Mention]:
    head = _resolve_subject(token, mentions, offset, self_mention)
    found = [head] if head is not None else []
    for other in token.subtree:
        mention = _mention_at(other, mentions, offset)
        if mention is not None and mention.kind in ORGANISATIONS and all(m.key != mention.key for m in found):
            found.append(mention)
    return found


def _opening(sent: Span, mentions: list[Mention], offset: int, position: int) -> Mention | None:
    """The organisation a sentence opens with, when it comes before the cue."""
    first = next((m for m in mentions if m.start >= offset + sent.start_char), None)
    if first is not None and first.kind in ORGANISATIONS and first.end <= position and \
            not text_of(sent.doc)[sent.start_char : first.start - offset].strip(" ‘'\"“"):
        return first
    return None


def _just_before(position: int, mentions: list[Mention], text: str, offset: int) -> Mention | None:
    """An organisation written right before the cue ("… the Commissioner link with …")."""
    before = [m for m in mentions if m.kind in ORGANISATIONS and m.end <= position]
    if before and not text[before[-1].end - offset : position - offset].strip(" ,"):
        return before[-1]
    return None


def _resolve_subject(token: Token, mentions: list[Mention], offset: int, self_mention: Mention | None) -> Mention | None:
    found = _mention_at(token, mentions, offset)
    if found is not None:
        return found
    if token.lower_ in self_references():
        return self_mention
    if token.lower_ in PERSONAL_PRONOUNS:
        position = offset + token.idx
        holders = [m for m in mentions if m.end <= position and m.anaphor and m.text.endswith("Commissioner")]
        return holders[-1] if holders else None
    return None


def _signatories(sent_text: str, mentions: list[Mention], previous: Mention | None) -> list[SentenceLink]:
    """"signatories to the Concordat, including NHS, …" or, after a sentence about a
    programme, "Its signatories are A, B and C": each organisation takes part in it."""
    if not SIGNATORIES.search(sent_text):
        return []
    programmes = {m.key: m for m in mentions if m.kind is Kind.PROGRAMME}
    if not programmes and previous is not None and re.search(r"\b(?:Its|Their|its|their|The|the) signatories", sent_text):
        programmes = {previous.key: previous}
    if len(programmes) != 1:
        return []
    (programme,) = programmes.values()
    return [SentenceLink(m, Predicate.PARTICIPATES_IN, programme, 0.85)
            for m in mentions if m.kind in ORGANISATIONS and not m.anaphor]


def _possessed(sent: Span, mentions: list[Mention], offset: int, self_mention: Mention | None) -> list[SentenceLink]:
    """"its Digital Mobility Programme": the owner takes part in the programme."""
    found = []
    for programme in (m for m in mentions if m.kind is Kind.PROGRAMME):
        span = sent.doc.char_span(programme.start - offset, programme.end - offset, alignment_mode="expand")
        owners = [t for t in span.root.children if t.dep_ == "poss"] if span is not None else []
        owner = _resolve_subject(owners[0], mentions, offset, self_mention) if owners else None
        written_before = text_of(sent.doc)[max(0, programme.start - offset - 3) : programme.start - offset]
        if owner is None and re.fullmatch(r".?[’']s ", written_before):
            owner = next((m for m in mentions if programme.start - 3 <= m.end <= programme.start - 2), None)
        if owner is not None and owner.kind in ORGANISATIONS:
            found.append(SentenceLink(owner, Predicate.PARTICIPATES_IN, programme, 0.6))
    return found


def sentence_links(sent: Span, mentions: list[Mention], offset: int, self_mention: Mention | None,
                   default_subject: Mention | None = None,
                   previous_programme: Mention | None = None,
                   report_subject: Mention | None = None,
                   heading: Mention | None = None, writer: Mention | None = None) -> list[SentenceLink]:
    """Links in one sentence: a cue, its subject organisation, and the mentions it governs.

    When the parse gives no organisation as subject, the subject is the organisation named
    right before the cue or opening the sentence, else ``default_subject`` (a subject a list
    item leaves out, as under "Kent Police will be expected to:"), else ``report_subject``
    (in an inspection report, the force it is about). ``heading`` is the programme a heading
    line right above names ("Operation Calder" above its description); ``writer`` the unit whose
    own report this is (it, or else ``self_mention``, runs what is "run with" others unsaid).
    """
    if not any(m.kind is not Kind.PERSON for m in mentions):
        return []  # every link has an organisation or a programme named in its sentence
    mentions = Mentions(mentions)
    text = span_text(sent)
    found: dict[tuple[str, Predicate, str], SentenceLink] = {}
    early = _signatories(text, mentions, previous_programme) + _possessed(sent, mentions, offset, self_mention)
    early += _agents(sent, text, mentions, offset, previous_programme, heading, writer or self_mention)
    early += _under_programme(sent, text, mentions, offset)
    early += [SentenceLink(link.subject, link.predicate, link.object, link.confidence)
              for link in clause_links(sent, mentions, offset, self_mention, previous_programme)]
    for link in early:
        found.setdefault(_identity(link), link)
    starts = cue_starts(any_cue(), text)
    for cue in cues() if starts else ():
        for match in matches_from(cue.pattern, text, starts):
            position = offset + sent.start_char + match.start()
            if any(m.start <= position < m.end for m in mentions):
                continue
            cue_span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                          alignment_mode="expand")
            if cue_span is None:
                continue
            anchor = _anchor(cue_span)
            if is_negated(anchor) or is_negated(_governing_verb(anchor)):
                continue
            subjects = [m for m in _subject(anchor, mentions, offset, self_mention) if m.kind in ORGANISATIONS]
            if not subjects:
                fallback = (_just_before(position, mentions, text_of(sent.doc), offset)
                            or _opening(sent, mentions, offset, position) or default_subject or report_subject)
                subjects = [fallback] if fallback is not None else []
            targets = _targets(sent, cue, anchor, match, mentions, offset, subjects)
            if not targets and cue.predicate is Predicate.COLLABORATES_WITH and len(subjects) > 1:
                pairs = [(a, b) for i, a in enumerate(subjects) for b in subjects[i + 1 :]]
            else:
                pairs = [(subject, target) for subject in subjects for target in targets if target.key != subject.key]
            links = [SentenceLink(a, cue.predicate, b, cue.confidence) for a, b in pairs]
            if cue.predicate is Predicate.COLLABORATES_WITH and pairs:
                links += _joint_programmes(sent, match, mentions, offset, pairs)
            for link in links:
                found.setdefault(_identity(link), link)
    return list(found.values())


def _identity(link: SentenceLink) -> tuple[str, Predicate, str]:
    """What makes two links one: a collaboration read in either direction is the same."""
    ends = (link.subject.key or "", link.object.key or "")
    if link.predicate is Predicate.COLLABORATES_WITH:
        ends = tuple(sorted(ends))
    return ends[0], link.predicate, ends[1]


def _joint_programmes(sent: Span, match: re.Match[str], mentions: list[Mention], offset: int,
                      pairs: list[tuple[Mention, Mention]]) -> list[SentenceLink]:
    """"X works with A and B on the Wessex Street Triage Pilot": every party takes part in it."""
    position = offset + sent.start_char + match.end()
    parties = {m.key: m for pair in pairs for m in pair}
    found = []
    for programme in (m for m in mentions if m.kind is Kind.PROGRAMME and m.start >= position):
        lead = text_of(sent.doc)[max(0, programme.start - offset - 12) : programme.start - offset]
        if re.search(r"\b(?:on|in|through)\s+(?:the\s+)?$", lead):
            found += [SentenceLink(p, Predicate.PARTICIPATES_IN, programme, 0.7) for p in parties.values()]
    return found


def _targets(sent: Span, cue: Cue, anchor: Token, match: re.Match[str], mentions: list[Mention], offset: int,
             subjects: list[Mention]) -> list[Mention]:
    """The mentions a cue governs: after it (or anywhere, for "together"), within its clause."""
    wanted = ORGANISATIONS if cue.predicate is Predicate.COLLABORATES_WITH else (Kind.PROGRAMME,)
    position = offset + sent.start_char + match.start()
    if cue.targets == "coordinated":
        return []
    anywhere = cue.targets == "anywhere"
    verb = _governing_verb(anchor)
    scope = {t.i for t in verb.subtree}
    antecedent = _antecedent(verb)
    found = []
    for target in mentions:
        if target.kind not in wanted or target in subjects:
            continue
        head = sent.doc.char_span(target.start - offset, target.end - offset, alignment_mode="expand")
        if head is None:
            continue
        if antecedent is not None and head.start <= antecedent < head.end:
            found.append(target)
        elif target.start >= position or anywhere:
            if head.root.i in scope or _just_after(sent, match, head, offset):
                found.append(target)
    return found + list_run_on(sent, found, mentions, wanted, offset) if found and not anywhere else found


def _antecedent(verb: Token) -> int | None:
    """What a relative clause describes: "the Programme, which the force set up", or through an
    apposition, "Operation X, a … initiative which the force launched"."""
    if verb.dep_ != "relcl":
        return None
    head = verb.head
    return head.head.i if head.dep_ == "appos" else head.i


def _just_after(sent: Span, match: re.Match[str], target: Span, offset: int) -> bool:
    """A mention a few words after the cue with no verb between (the parse may have split it)."""
    cue_end = sent.start_char + match.end()
    if target.start_char - cue_end > NEAR_CHARS or target.start_char < cue_end:
        return False
    between = sent.doc.char_span(cue_end, target.start_char, alignment_mode="contract")
    return between is None or not any(t.pos_ in ("VERB", "AUX") or t.text in ";:" for t in between)
