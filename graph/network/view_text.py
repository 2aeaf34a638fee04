"""The words of the network page: plain-text tooltips and the records of its evidence panel.

A tooltip is one plain string (vis-network shows it as text); the panel a link opens on
click is a small record of headings, lines and evidence items that the page writes with
``textContent``. Both say the same facts: what the link is, its funds and amounts, and each
evidence quote with its document, page, offsets, status and confidence. Quotes are cut in
tooltips but given whole in the panel, where they are read and copied.
"""
from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Callable, Mapping, NamedTuple, Sequence

from policekg.extract.money import pounds_for_reading

TOOLTIP_QUOTES = 5  # evidence quotes (or funds) shown per link before "and N more"
TOOLTIP_FUND_QUOTES = 2  # evidence quotes shown per fund of a funding link
TOOLTIP_DOCUMENTS = 8  # document titles shown per entity before "and N more"
QUOTE_CHARACTERS = 280  # a longer quote is cut with an ellipsis in a tooltip

Record = dict[str, Any]


class Words(NamedTuple):
    """What the page says of one evidence item, shared by its tooltip line and its panel record."""

    quote: str
    where: str
    offsets: str
    facts: str


def node_title(label: str, attrs: Mapping[str, Any], kind_name: str) -> str:
    """Plain-text tooltip of an entity: kind, label, aliases and the documents naming it."""
    return "\n".join([kind_name, label, *_node_lines(attrs, capped=True)])


def node_panel(label: str, attrs: Mapping[str, Any], kind_name: str) -> Record:
    """The panel of an entity: its label, kind, aliases and every document naming it."""
    return {"heading": label, "lines": [kind_name, *_node_lines(attrs, capped=False)], "groups": []}


def _node_lines(attrs: Mapping[str, Any], *, capped: bool) -> list[str]:
    lines = []
    aliases = [str(alias) for alias in attrs.get("aliases") or []]
    if aliases:
        lines.append("Also known as: " + "; ".join(aliases))
    documents = [f"• {document}" for document in attrs.get("documents") or []]
    if documents:
        lines.append(f"Documents ({len(documents)}):")
        lines.extend(_capped(documents, TOOLTIP_DOCUMENTS) if capped else documents)
    return lines


def edge_texts(heading: str, attrs: Mapping[str, Any]) -> tuple[str, Record]:
    """The tooltip and the panel of a link, each evidence item's words worked out once for both.

    The tooltip is plain text: ``heading`` (type and ends), what the link says and its first
    evidence quotes, cut; the panel is every evidence item whole. A funding link with ``funds``
    lists each fund with its amount and its own evidence.
    """
    worked: dict[int, Words] = {}

    def words(item: Mapping[str, Any]) -> Words:
        found = worked.get(id(item))
        if found is None:
            found = worked[id(item)] = _words(item)
        return found

    return _edge_title(heading, attrs, words), _edge_panel(heading, attrs, words)


def _edge_title(heading: str, attrs: Mapping[str, Any], words: Callable[[Mapping[str, Any]], Words]) -> str:
    funds = list(attrs.get("funds") or [])
    if funds:
        lines = [heading, *_money_lines(attrs, funds), f"Funds ({len(funds)}):"]
        entries = [[f"• {_fund_heading(fund)}",
                    *[f"   {line}" for line in _capped_lines(fund.get("evidence") or [], TOOLTIP_FUND_QUOTES, words)]]
                   for fund in funds[:TOOLTIP_QUOTES]]
        for entry in entries:
            lines.extend(entry)
        if len(funds) > TOOLTIP_QUOTES:
            lines.append(f"and {len(funds) - TOOLTIP_QUOTES} more")
        return "\n".join(lines)
    lines = [heading, *link_details(attrs)]
    evidence = attrs.get("evidence") or []
    if evidence:
        lines.append(f"Evidence ({len(evidence)}):")
        lines.extend(_capped_lines(evidence, TOOLTIP_QUOTES, words))
    return "\n".join(lines)


def _edge_panel(heading: str, attrs: Mapping[str, Any], words: Callable[[Mapping[str, Any]], Words]) -> Record:
    funds = list(attrs.get("funds") or [])
    if funds:
        groups = [{"heading": _fund_heading(fund),
                   "evidence": [_record(words(item)) for item in fund.get("evidence") or []]}
                  for fund in funds]
        return {"heading": heading, "lines": _money_lines(attrs, funds), "groups": groups}
    evidence = [_record(words(item)) for item in attrs.get("evidence") or []]
    groups = [{"heading": f"Evidence ({len(evidence)})", "evidence": evidence}] if evidence else []
    return {"heading": heading, "lines": link_details(attrs), "groups": groups}


def unplaced_fund_panel(fund: Mapping[str, Any]) -> Record:
    """A fund without a funder or a recipient, as the page lists it: what is known and its evidence."""
    lines = [f"Funder: {fund.get('funder') or 'not named'}", f"Recipient: {fund.get('recipient') or 'not named'}"]
    documents = [str(document) for document in fund.get("documents") or []]
    if documents:
        lines.append("Documents: " + "; ".join(documents))
    evidence = [evidence_record(item) for item in fund.get("evidence") or []]
    return {"heading": _fund_heading(fund), "lines": lines,
            "groups": [{"heading": f"Evidence ({len(evidence)})", "evidence": evidence}] if evidence else []}


def _fund_heading(fund: Mapping[str, Any]) -> str:
    """"Police Innovation Fund: £96,782 (2015/16)"; the name alone when it already says the amount."""
    return fund_heading(str(fund.get("fund") or "Fund"), str(fund.get("label") or ""))


def fund_heading(name: str, label: str) -> str:
    """A fund's name with its amount label ("£96,782 (2015/16)"), unless the name already gives the amount."""
    amount = label.split(" (")[0]
    return name if not label or amount in name else f"{name}: {label}"


def _money_lines(attrs: Mapping[str, Any], funds: Sequence[Mapping[str, Any]]) -> list[str]:
    """One fund's amount, or the total of several."""
    if len(funds) == 1:
        return [str(funds[0].get("label") or "")] if funds[0].get("label") else []
    total = money_total(attrs)
    return [f"Total: {pounds(total) if total is not None else 'unknown'} in {len(funds)} funds"]


def money_total(attrs: Mapping[str, Any]) -> Decimal | None:
    """The sum of a funding link's amounts (``total``, else its "; "-joined ``amount``), or None."""
    if attrs.get("total") is not None:
        return number(attrs["total"], Decimal)
    parts = [number(part.strip(), Decimal) for part in str(attrs.get("amount") or "").split(";") if part.strip()]
    known = [part for part in parts if part is not None]
    return sum(known, Decimal(0)) if known else None


def link_details(attrs: Mapping[str, Any]) -> list[str]:
    """The link's hover label, then its role, fund and amount where the label does not say them."""
    label = str(attrs.get("label") or "")
    lines = [label] if label else []
    role = str(attrs.get("role") or "")
    if role and role != label:
        lines.append(f"Role: {role}")
    if attrs.get("fund"):
        lines.append(f"Fund: {attrs['fund']}")
    amount = pounds(attrs.get("amount"))
    if amount and amount not in label:
        period = attrs.get("period")
        lines.append(f"Amount: {amount}" + (f" ({period})" if period else ""))
    return lines


def pounds(amount: Any) -> str:
    """Amounts as "£1,500,000": several joined by "; " are each shown so, a non-number as given."""
    if amount is None:
        return ""
    return "; ".join(_pound(part.strip()) for part in str(amount).split(";") if part.strip())


def _pound(text: str) -> str:
    """One amount in pounds, with pence only where it has them."""
    value = number(text, Decimal)
    return text if value is None else pounds_for_reading(value)


def evidence_line(item: Mapping[str, Any]) -> str:
    """One evidence quote (cut when long) with its document (and page, in a paged one), status and confidence."""
    return _line(_words(item))


def evidence_record(item: Mapping[str, Any]) -> Record:
    """One evidence item of the panel: the whole quote, where it is (document, page, offsets) and its facts."""
    return _record(_words(item))


def _words(item: Mapping[str, Any]) -> Words:
    """An evidence item's quote (single spaces), where it is (document and page), its offsets
    (", characters 10–80", or nothing) and its facts (status, confidence)."""
    quote = " ".join(str(item.get("quote") or "").split())
    where = str(item.get("document") or "unknown document")
    page = number(item.get("page"), Decimal)
    if page is not None:
        where += f", page {page}"
    start, end = number(item.get("start"), Decimal), number(item.get("end"), Decimal)
    offsets = f", characters {start}–{end}" if start is not None and end is not None else ""
    facts = [str(item["status"])] if item.get("status") else []
    confidence = number(item.get("confidence"), float)
    if confidence is not None:
        facts.append(f"confidence {confidence:.2f}")
    return Words(quote, where, offsets, ", ".join(facts))


def _line(words: Words) -> str:
    quote = words.quote
    if len(quote) > QUOTE_CHARACTERS:
        quote = quote[: QUOTE_CHARACTERS - 1].rstrip() + "…"
    return f"• “{quote}” — {words.where}" + (f" ({words.facts})" if words.facts else "")


def _record(words: Words) -> Record:
    return {"quote": words.quote, "source": words.where + words.offsets, "facts": words.facts}


def _capped_lines(items: Sequence[Mapping[str, Any]], limit: int, words: Callable[[Mapping[str, Any]], Words]) -> list[str]:
    """The tooltip lines of the first ``limit`` evidence items, and "and N more" for the rest."""
    lines = [_line(words(item)) for item in items[:limit]]
    return lines + [f"and {len(items) - limit} more"] if len(items) > limit else lines


def number(value: Any, kind: type[float] | type[Decimal]) -> Any:
    """``value`` as a finite number of ``kind`` (it may be a string or an RDF literal), or None."""
    if value is None or isinstance(value, bool):
        return None
    if type(value) is int:  # the projection's pages and offsets: finite, and exact in either kind
        return kind(value)
    try:
        result = kind(str(value))
        return result if math.isfinite(result) else None
    except (ArithmeticError, ValueError):
        return None


def _capped(lines: Sequence[str], limit: int) -> list[str]:
    """The first ``limit`` lines, and "and N more" for the rest."""
    if len(lines) <= limit:
        return list(lines)
    return [*lines[:limit], f"and {len(lines) - limit} more"]
