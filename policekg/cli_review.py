"""``policekg review`` and what a build says about the analyst's corrections it applied.

:func:`correction_lines` is the part of ``build``'s summary on the corrections file: how
many decisions were applied, and every link or entity a rejection removed (a rejected link
is gone from the graph, so the summary is where it is still seen).
"""
from __future__ import annotations

from policekg.extract.model import CorrectionReport


def correction_lines(report: CorrectionReport) -> list[str]:
    """Summary lines for ``report``: counts, then each rejection (decisions not applied are
    printed as warnings on their own)."""
    files = ", ".join(report.files)
    lines = [f"corrections: {report.applied} applied, {len(report.unapplied)} not applied ({files})"]
    lines.extend(f"  rejected {line}" for line in report.rejected)
    return lines
