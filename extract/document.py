"""Everything read from one document: its metadata, mentions, links, funds and judgements."""
from __future__ import annotations

import hashlib
from bisect import bisect_left
import re
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from spacy.tokens import Doc

from . import funds as fund_rules
from . import attendance, memberships
from .gazetteer import by_key, force_by_area
from .judgements import judgements
from .keys import entity_key
from .links import sentence_links
from .context_names import context_organisations
from .doc_text import text_of
from .name_edges import with_known_heads, with_whole_names
from .mentions import Mention, Occupied, PostMention, alias_index, mentions_in
from .metadata import about_force, document_date, document_title, peel_year, place_of, post_office, source_office
from .own_unit import UnsaidSubjects, about_unit, as_own_body, unit_references
from .table_links import table_links
from .took_part import took_part
from .model import DocumentInfo, Evidence, Judgement, Kind, Link, Predicate, ReadDocument
from .money import format_pounds
from .programme_names import named_programmes, programme_variants
from .resources import lexicon_cached, read_lines
from .slug import label_slug, slugify
from .stages import stage
from .status import claim_status, link_status
from .resolve import (expand_abbreviations, is_office, office_references, own_office, propagate_names,
                      resolve_generic, resolve_people, with_keys)
from .textual import pcc_references, signature_label, text_mentions

INSPECTORATE = "HMICFRS"
LIST_ITEM = re.compile(r"^\s*(?:[-•●◦▪*–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")
MAX_LINE_CHARS = 2000
SENTENCE_BREAK = re.compile(r"[.!?;][\"'”’)\]]*\s+(?=\S)")
PANEL = re.compile(r"Police and Crime Panel", re.IGNORECASE)


@dataclass
class FundRecord:
    """A fund reading with its entity key and label, ready to merge across the corpus."""

    key: str
    label: str
    reading: fund_rules.FundReading
    evidence: Evidence


@dataclass
class DocumentAnalysis:
    """What one document contributes to the graph."""

    info: DocumentInfo
    mentions: list[Mention] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    funds: list[FundRecord] = field(default_factory=list)
    judgements: list[Judgement] = field(default_factory=list)


def split_lines(text: str) -> list[tuple[int, str]]:
    """Non-empty lines with their offsets: the units spaCy reads (tables stay one row each).

    A line over :data:`MAX_LINE_CHARS` (no real paragraph is that long; run-on text from a
    broken layout is) is read in pieces cut after a sentence, else at a space, so that no
    unit is too long for spaCy and the work done per unit stays small.
    """
    found = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            found.extend(_pieces(match.start(), match.group()))
    return found


def _pieces(offset: int, line: str) -> list[tuple[int, str]]:
    """``line`` (at ``offset``) cut into pieces of at most :data:`MAX_LINE_CHARS` characters."""
    pieces = []
    start = 0
    while len(line) - start > MAX_LINE_CHARS:
        window = line[start : start + MAX_LINE_CHARS]
        ends = [m.end() for m in SENTENCE_BREAK.finditer(window)]
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or MAX_LINE_CHARS)
        piece = line[start : start + cut]
        if piece.strip():
            pieces.append((offset + start, piece))
        start += cut
    if line[start:].strip():
        pieces.append((offset + start, line[start:]))
    return pieces


def document_id(source: str, sha256: str) -> str:
    """A readable id that differs for different texts: file stem plus a short digest."""
    return f"{slugify(PurePath(source).stem)}-{sha256[:8]}"


def _known_mention(key: str | None, text: str) -> Mention | None:
    """A mention of a gazetteer organisation the document implies (its force, its publisher)."""
    if key is None:
        return None
    org = by_key()[key]
    position = text.find(org.label)
    start, end = (position, position + len(org.label)) if position >= 0 else (0, 0)
    return Mention(org.kind, start, end, org.label, org.label, key)


def _heading_programme(line: str, in_line: list[Mention]) -> Mention | None:
    """The programme a line names and nothing else ("Operation Calder" as a heading): what the
    line below describes."""
    named = [m for m in in_line if m.kind is not Kind.PERSON]
    if len(named) == 1 and named[0].kind is Kind.PROGRAMME and line.strip() == named[0].text:
        return named[0]
    return None


def _publisher(text: str, title: str, mentions: list[Mention]) -> Mention | None:
    """The body that evidently issued the document, when the document names it: a panel for
    its papers, the inspectorate for a PEEL report."""
    if PANEL.search(title):
        return next((m for m in mentions if m.kind is Kind.PARTNER and PANEL.search(m.name)), None)
    if re.search(r"\bPEEL\b", text[:5000]):
        key, _, _ = alias_index()[INSPECTORATE.lower()]
        return next((m for m in mentions if m.key == key), None)
    return None


@lexicon_cached
def _place_of_council() -> re.Pattern[str]:
    """"Anytown" in "Anytown Borough Council": a council's place (kinds in ``council_kinds.txt``)."""
    kinds = "|".join(f"{re.escape(kind)} " for kind in read_lines("council_kinds.txt"))
    return re.compile(rf"^([A-Z][a-z]+)(?: [A-Z][a-z]+)*? (?:{kinds})?Council$")


def _keyed(mention: Mention | None) -> Mention | None:
    if mention is None or mention.key is not None:
        return mention
    return replace(mention, key=entity_key(mention.kind, mention.name))


class DocumentReader:
    """Analyses one document's spaCy lines; see :func:`analyse`."""

    def __init__(self, read: ReadDocument, line_docs: list[tuple[int, Doc]]) -> None:
        self.read = read
        self.text = read.text
        self.line_docs = line_docs
        sha = hashlib.sha256(read.text.encode("utf-8")).hexdigest()
        self.doc_id = document_id(read.source, sha)
        self.sha = sha
        self.peel_year = peel_year(read.text)

    def analyse(self) -> DocumentAnalysis:
        with stage("resolve"):
            mentions: list[Mention] = []
            posts: list[PostMention] = []
            for offset, doc in self.line_docs:
                found, found_posts = mentions_in(doc, offset)
                mentions.extend(found)
                posts.extend(found_posts)
            mentions = with_whole_names(self.text, mentions, self.line_docs)
            mentions = with_known_heads(mentions + context_organisations(self.text, self.line_docs, mentions))
            mentions = expand_abbreviations(self.text, mentions)
            mentions = sorted(mentions + text_mentions(self.text, mentions), key=lambda m: (m.start, m.end))
            mentions = propagate_names(self.text, mentions)
            mentions = programme_variants(named_programmes(self.text, mentions, self.line_docs))
            mentions = self._with_attendance(mentions)
            places = [place for place in (place_of(m.name) for m in mentions) if place]
            places += [place for place in (place_of(p.text) for p in posts) if place]
            force = _known_mention(about_force(self.text, mentions, places), self.text)
            rules = memberships.OrganisationRules(force, self.text)
            mentions = self._with_commissioner(mentions, rules)
            about = None if self.peel_year else about_unit(self.text, mentions)
            self._unit_refs = unit_references(self.text, about, mentions) if about else []
            self._unit = about.unit if about is not None and about.own_report else None
            self._about_unit = about.unit if about is not None else None
            mentions = with_keys(resolve_people(resolve_generic(as_own_body(mentions, about))), force)
            rules.bodies = tuple(m for m in mentions if m.kind in (Kind.FORCE, Kind.PARTNER))
            info = self._info(mentions, force)
            publisher = _publisher(self.text, info.title, mentions)
            info = replace(info, publisher=publisher.key if publisher else None)
            extra = [force] if force is not None else []
            analysis = DocumentAnalysis(info, mentions + extra)
            self._named = {m.key for m in analysis.mentions if not m.anaphor}
            self._posts_seen: set[tuple[str | None, str | None, str]] = set()
        with stage("link"):
            issuer = self._issuer = self._fund_issuer(mentions)
            self._read_lines(analysis, mentions, posts, rules, publisher, issuer)
            self._read_tables(analysis, mentions, issuer)
            self._drop_unattributed_repeats(analysis)
            if force is not None and self.peel_year:
                for j in judgements(self.text, self.peel_year):
                    evidence = self._evidence(j.start, j.end, 0.9)
                    analysis.judgements.append(Judgement(force.key, j.area, j.grade, j.year, self.doc_id, evidence,
                                                         j.area_key, j.pillar, j.carried_over))
        return analysis

    def _info(self, mentions: list[Mention], force: Mention | None) -> DocumentInfo:
        title = document_title(self.text, self.read.title)
        year = self.peel_year
        if force is not None and year and "PEEL" in self.text and "PEEL" not in (title or ""):
            title = f"{force.name} PEEL {year}"
        return DocumentInfo(
            id=self.doc_id, source=self.read.source, title=title or PurePath(self.read.source).stem,
            sha256=self.sha, date=document_date(self.text),
            about_force=force.key if force else None, inspection_year=year,
        )

    def _evidence(self, start: int, end: int, confidence: float, status: str | None = None) -> Evidence:
        """The quote for ``start:end``, without surrounding space or a list item's bullet; the
        offsets move with it so that they still point at exactly the quote."""
        quote = self.text[start:end]
        bullet = LIST_ITEM.match(quote)
        skip = bullet.end() if bullet else len(quote) - len(quote.lstrip())
        start, end = start + skip, end - (len(quote) - len(quote.rstrip()))
        return Evidence(self.doc_id, self.text[start:end], start, end, confidence, status, self.read.page_at(start))

    def _read_lines(self, analysis: DocumentAnalysis, mentions: list[Mention], posts: list[PostMention],
                    rules: memberships.OrganisationRules, body: Mention | None, issuer: Mention | None) -> None:
        lines = split_lines(self.text)
        line_index = {start: i for i, (start, _) in enumerate(lines)}
        lead: Mention | None = None
        lead_line = ""
        report_subject = rules.about_force if self.peel_year else None
        starts = [m.start for m in mentions]
        post_starts = [p.start for p in posts]
        ref_starts = [m.start for m in self._unit_refs]
        meeting = body or self._meeting(mentions)
        read_posts: list[memberships.Post] = []
        heading: Mention | None = None
        last_programme: Mention | None = None
        subjects = UnsaidSubjects(self._unit or rules.about_force)
        for offset, doc in self.line_docs:
            line = text_of(doc)
            in_line = mentions[bisect_left(starts, offset) : bisect_left(starts, offset + len(line))]
            lead, default_subject = self._lead_in(line, in_line, lead)
            people = [m for m in in_line if m.kind is Kind.PERSON]
            orgs = [m for m in in_line if m.kind in (Kind.FORCE, Kind.PARTNER)]
            in_line_posts = posts[bisect_left(post_starts, offset) : bisect_left(post_starts, offset + len(line))]
            found_posts = memberships.appositions(offset, line, people, orgs, in_line_posts, rules)
            found_posts += attendance.resolutions(offset, line, people, orgs, meeting, rules)
            if offset in self._attendance:
                how = self._attendance[offset]
                found_posts += attendance.posts(offset, line, people, orgs, meeting, how, rules,
                                                attendance.heading_organisation(how, mentions, starts))
            if "\t" in line:
                found_posts += memberships.table_row(offset, line, people, orgs, meeting)
            if len(people) == 1 and people[0].end == offset + len(line.rstrip()) \
                    and (people[0].start == offset or signature_label().match(line)):
                following = lines[line_index[offset] + 1 : line_index[offset] + 1 + memberships.SIGNATURE_LINES]
                below = mentions[bisect_left(starts, offset + len(line)) :
                                 bisect_left(starts, following[-1][0] + len(following[-1][1]))] if following else []
                sign = memberships.signature(people[0], following, below, rules)
                found_posts += [sign] if sign else []
            sents = list(doc.sents)  # spaCy finds them anew at each doc.sents
            sentences = [(offset + sent.start_char, offset + sent.end_char) for sent in sents]
            listed = bool(LIST_ITEM.match(line)) or fund_rules.list_row(line)
            if "\t" not in line:
                lead_text = lead_line if listed else ""
                for reading in fund_rules.prose_funds((offset, offset + len(line)), sentences, self.text, in_line,
                                                      lead_text, mentions, issuer):
                    self._add_fund(analysis, reading)
            if not listed:
                lead_line = line if line.rstrip().endswith(":") else ""
            for sent in sents:
                bounds = (offset + sent.start_char, offset + sent.end_char)
                in_sent = [m for m in in_line if bounds[0] <= m.start < bounds[1]]
                previous = next((m for m in reversed(in_line) if m.kind is Kind.PROGRAMME and m.end <= bounds[0]),
                                heading)
                refs = self._unit_refs[bisect_left(ref_starts, bounds[0]) : bisect_left(ref_starts, bounds[1])]
                linked = sorted(in_sent + refs, key=lambda m: (m.start, m.end)) if refs else in_sent
                own, unsaid = subjects.of(sent, in_sent, offset, default_subject)
                for link in sentence_links(sent, linked, offset, own, unsaid, previous, report_subject, heading,
                                           self._unit) + took_part(sent, linked, offset, previous or last_programme):
                    evidence = self._evidence(*bounds, link.confidence,
                                              link_status(sent, link.subject, link.object, offset, linked))
                    analysis.links.append(Link(link.subject.key, link.predicate, link.object.key, evidence))
                for person in (m for m in in_sent if m.kind is Kind.PERSON):
                    ranked = memberships.rank(person, rules, bounds, self.text, in_sent)
                    found_posts += [ranked] if ranked else []
            read_posts += found_posts
            heading = _heading_programme(line, in_line)
            last_programme = next((m for m in reversed(in_line) if m.kind is Kind.PROGRAMME), last_programme)
            line_refs = self._unit_refs[bisect_left(ref_starts, offset) : bisect_left(ref_starts, offset + len(line))]
            subjects.after_line(doc, in_line + line_refs)
        self._add_posts(analysis, memberships.settle_defaults(read_posts))

    def _with_attendance(self, mentions: list[Mention]) -> list[Mention]:
        """The people of attendance lists ("Present: Councillors A Rahman and T Bellamy (…)")
        that the model did not find; the list lines are kept for reading their posts."""
        self._attendance = attendance.sections(split_lines(self.text))
        occupied = Occupied(mentions)
        found = [m for start, line in split_lines(self.text) if start in self._attendance
                 for m in attendance.people(start, line, self._attendance[start]) if occupied.is_free(m.start, m.end)]
        return sorted(mentions + found, key=lambda m: (m.start, m.end)) if found else mentions

    def _meeting(self, mentions: list[Mention]) -> Mention | None:
        """The panel whose meeting an attendance list records: the one named above the list, else
        the only panel the document names, else the body the document's first line names."""
        first = min(self._attendance, default=0)
        panels = [m for m in mentions if m.kind is Kind.PARTNER and PANEL.search(m.name)]
        above = next((m for m in panels if m.start < first), None)
        only = panels[0] if len({m.key or m.name for m in panels}) == 1 else None
        return above or only or attendance.title_body(self.text, mentions)

    @staticmethod
    def _lead_in(line: str, in_line: list[Mention], lead: Mention | None) -> tuple[Mention | None, Mention | None]:
        """The organisation a list's items leave unsaid: "Kent Police will be expected to:" then
        "- Work in partnership with …". Returns the lead for later lines and this line's default."""
        if LIST_ITEM.match(line):
            return lead, lead
        if line.rstrip().endswith(":"):
            return next((m for m in in_line if m.kind in (Kind.FORCE, Kind.PARTNER)), None), None
        return None, None

    def _with_commissioner(self, mentions: list[Mention], rules: memberships.OrganisationRules) -> list[Mention]:
        """References to the commissioner's office: "Kent’s PCC", "the OPCC", "the Commissioner".

        The office is the one the document names, the one whose website it comes from or whose
        commissioner's post it writes with the area, or the office over the force it is about.
        """
        office = self._own_office = own_office(mentions, rules.about_force,
                                               source_office(self.text) or post_office(self.text))
        if office is None:
            return mentions
        occupied = Occupied(mentions)
        found = [m for m in pcc_references(self.text, office) if occupied.is_free(m.start, m.end)]
        found += office_references(self.text, office, mentions + found)
        return sorted(mentions + found, key=lambda m: (m.start, m.end))

    def _ensure_named(self, analysis: DocumentAnalysis, mention: Mention) -> None:
        """Keep an entity a link needs: one named (not only referred to) mention of it."""
        if mention.key not in self._named:
            self._named.add(mention.key)
            analysis.mentions.append(replace(mention, anaphor=False, text=mention.name))

    def _add_posts(self, analysis: DocumentAnalysis, posts: list[memberships.Post]) -> None:
        for post in posts:
            organisation = _keyed(post.organisation)
            self._ensure_named(analysis, organisation)
            identity = (post.person.key, organisation.key, post.role)
            if post.person.key == organisation.key or identity in self._posts_seen:
                continue
            self._posts_seen.add(identity)
            evidence = self._evidence(post.start, post.end, post.confidence, "in place")
            analysis.links.append(Link(post.person.key, Predicate.MEMBER_OF, organisation.key, evidence, post.role))

    def _fund_issuer(self, mentions: list[Mention]) -> Mention | None:
        """Whose grant lists and allocation tables a document gives when it does not say: the
        commissioner's office it speaks of (a decision notice, a plan, a panel's papers on the
        commissioner's budget); none for an inspection report."""
        if self.peel_year:
            return None
        return next((m for m in mentions if is_office(m)), self._own_office)

    def _read_tables(self, analysis: DocumentAnalysis, mentions: list[Mention], issuer: Mention | None) -> None:
        places = frozenset(org.area for org in force_by_area().values()) | frozenset(
            m.group(1) for m in (_place_of_council().search(x.name) for x in mentions if x.kind is Kind.PARTNER) if m)
        for reading in fund_rules.table_funds(self.text, mentions, places, issuer):
            self._add_fund(analysis, reading)
        for link in table_links(self.text, split_lines(self.text), mentions, self._about_unit):
            self._ensure_named(analysis, link.subject)
            self._ensure_named(analysis, link.object)
            evidence = self._evidence(link.start, link.end, link.confidence, "in place")
            analysis.links.append(Link(link.subject.key, Predicate.COLLABORATES_WITH, link.object.key, evidence))

    @staticmethod
    def _drop_unattributed_repeats(analysis: DocumentAnalysis) -> None:
        """"£200,000 per year" read once with its recipient and once without is one fund."""
        with_recipient = {f.reading.amount for f in analysis.funds if f.reading.recipient}
        analysis.funds = [f for f in analysis.funds if f.reading.recipient or f.reading.amount not in with_recipient]

    def _add_fund(self, analysis: DocumentAnalysis, reading: fund_rules.FundReading) -> None:
        """A fund with its parties named. A commissioner's grants are the office's, so a person
        written as the giver ("grants from her Community Fund") stands for the commissioner's
        office the document speaks of, or for no one."""
        if reading.funder is not None and reading.funder.kind is Kind.PERSON:
            reading = replace(reading, funder=self._issuer)
        reading = fund_rules.to_own_unit(reading, self._unit)
        reading = replace(reading, funder=_keyed(reading.funder), recipient=_keyed(reading.recipient))
        target = reading.recipient.name if reading.recipient else None
        label = format_pounds(reading.amount)
        if target:
            label += f" to {target}"
        elif reading.purpose:
            label += f" {reading.purpose}"
        if reading.period:
            label += f" ({reading.period})"
        identity = "|".join([str(reading.amount), reading.recipient.key if reading.recipient else (reading.purpose or
                             self.doc_id), reading.period or ""])
        key = f"{Kind.FUND.value}/{label_slug(label)}-{hashlib.sha256(identity.encode()).hexdigest()[:6]}"
        for party in (reading.funder, reading.recipient):
            if party is not None:
                self._ensure_named(analysis, party)
        status = claim_status(self.text[reading.start : reading.end])
        analysis.funds.append(FundRecord(key, label, reading, self._evidence(reading.start, reading.end,
                                                                             reading.confidence, status)))


def analyse(read: ReadDocument, line_docs: list[tuple[int, Doc]]) -> DocumentAnalysis:
    """Read one document's entities, links, funds and judgements from its parsed lines."""
    return DocumentReader(read, line_docs).analyse()


__all__ = ["DocumentAnalysis", "FundRecord", "analyse", "document_id", "split_lines"]
