"""Known posts and the organisation each implies: the lexicon of ``posts.csv`` and the rules
that turn "Police and Crime Commissioner for Gwent" or "Chief Constable" into an organisation
when the text does not name one (the force or commissioner's office the document is about)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import by_key, force_by_area, office_of
from .mentions import Mention, alias_index
from .model import Kind
from .resources import lexicon_cached, read_csv

ORGANISATIONS = (Kind.FORCE, Kind.PARTNER)
PCC = "Police and Crime Commissioner"


@dataclass(frozen=True)
class Post:
    """A person holding ``role`` in an organisation, read at ``start:end`` of the text."""

    person: Mention
    role: str
    organisation: Mention
    start: int
    end: int
    confidence: float
    default: bool = False


@lexicon_cached
def known_posts() -> dict[str, str]:
    """Post label (lower case) -> organisation rule from ``posts.csv``."""
    return {row["post"].lower(): row["organisation"] for row in read_csv("posts.csv")}


def post_label(text: str) -> str | None:
    text = text.strip(" ,.;:")
    for post in sorted(known_posts(), key=len, reverse=True):
        if text.lower() == post:
            return text
    return None


@dataclass
class OrganisationRules:
    """How to find the organisation behind a post when the text does not name it."""

    about_force: Mention | None
    text: str
    bodies: tuple[Mention, ...] = ()
    _named: dict[str, Mention | None] = field(default_factory=dict, repr=False)

    def named(self, words: str) -> Mention | None:
        """The one organisation the document names with ``words`` in its name ("Fire and
        Rescue"): of several of one place ("Anytown Fire and Rescue Service", "Anytown Fire and
        Rescue Authority"), the shortest name; ``None`` when the document names none, or
        bodies of several places."""
        if words not in self._named:  # once per document: every ranked name asks again
            found: dict[str, Mention] = {}
            for body in self.bodies:
                if words in body.name and not body.anaphor:
                    found.setdefault(body.name, body)
            stems = {name[: name.index(words)] for name in found}
            self._named[words] = found[min(sorted(found), key=len)] if len(stems) == 1 else None
        return self._named[words]

    def local_council(self) -> Mention | None:
        """The one local council the document names ("Anytown District Council"), a councillor's
        council when the text names no other; the gazetteer's councils are national bodies
        ("National Police Chiefs' Council"), never a councillor's."""
        if "local-council" not in self._named:  # once per document, as for ``named``
            found = {b.key or b.name: b for b in self.bodies
                     if b.name.endswith(" Council") and not b.anaphor and (b.key or "") not in by_key()}
            self._named["local-council"] = next(iter(found.values())) if len(found) == 1 else None
        return self._named["local-council"]

    def pcc_office(self, place_text: str | None, start: int, end: int) -> Mention | None:
        place = (place_text or "").strip()
        if place.lower() not in force_by_area():
            place = self._about_area()
        if not place:
            return None
        force = force_by_area().get(place.lower())
        office = office_of(force.key) if force is not None else None
        if office is not None and office.category in ("pcc", "pfcc"):
            return Mention(Kind.PARTNER, start, end, self.text[start:end], office.label, office.key)
        label = f"Office of the {place} {PCC}"
        return Mention(Kind.PARTNER, start, end, self.text[start:end], label)

    def _about_area(self) -> str:
        key = self.about_force.key if self.about_force else None
        return next((org.area for org in force_by_area().values() if org.key == key), "")

    def for_rule(self, rule: str, start: int, end: int) -> Mention | None:
        if rule == "force":
            return self.about_force
        if rule == "pcc-office":
            return self.pcc_office(None, start, end)
        if rule == "local-council":
            return self.local_council()
        if rule.startswith("named:"):
            return self.named(rule[len("named:"):])
        if rule == "own-pcc-office":
            office = self.pcc_office(None, start, end)
            return office if office is not None and office.key else None
        known = alias_index().get(rule.lower()) if rule else None
        if known:
            key, kind, label = known
            return Mention(kind, start, end, self.text[start:end], label, key)
        return None


def known_post(text: str, rules: OrganisationRules, start: int, end: int) -> tuple[str, Mention] | None:
    """A known post ("Chief Constable", "Police and Crime Commissioner for South Yorkshire")
    and the organisation it implies."""
    post, place = post_and_place(text.strip())
    role = post_label(post)
    if role is None:
        return None
    rule = known_posts()[role.lower()]
    organisation = rules.pcc_office(place, start, end) if rule == "pcc-office" and place else None
    organisation = organisation or rules.for_rule(rule, start, end)
    return (role, organisation) if organisation is not None else None


def place_post(text: str, rules: OrganisationRules, start: int, end: int) -> tuple[str, Mention] | None:
    """A known post written with its place before or after it ("Kent Police and Crime
    Commissioner", "Police and Crime Commissioner for Kent") and the organisation it implies."""
    known = known_post(text, rules, start, end)
    if known is not None:
        return known
    text = text.strip()
    post = next((p for p in sorted(known_posts(), key=len, reverse=True)
                 if text.lower().endswith(" " + p) and known_posts()[p] == "pcc-office"), None)
    place = text[: len(text) - len(post)].strip() if post else ""
    if not post or place.lower() not in force_by_area():
        return None
    office = rules.pcc_office(place, start, end)
    return (text[len(place) + 1 :], office) if office is not None else None


def post_and_place(role: str) -> tuple[str, str | None]:
    """"Police and Crime Commissioner for Gloucestershire" -> the post and its place."""
    match = re.match(r"^(?P<post>.+?) for (?P<place>[A-Z][\w -]+)$", role)
    if match and match.group("post").lower() in known_posts():
        return match.group("post"), match.group("place")
    return role, None
