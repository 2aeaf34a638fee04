"""Recipients of grants written one to a row, a name and an amount parted by a column gap with
the row's description on the line below (``read_text.py``, ``context_names.py``): below a
lead-in that says the rows are grants, each row's name is an organisation. Every text is
invented; each case checks exactly the partners it reads."""
from __future__ import annotations

from policekg.extract.read_text import read_text

from extraction import partners_of

P = "PartnerOrganisation"

ROWS = (
    "  Brightwater                     £31,500.00\n"
    "    One-to-one mentoring for young people at risk of exclusion\n\n"
    "  Kestrel Arts                    £14,200.00\n"
    "    Music course for young people referred by the youth service\n\n"
    "  Total                           £45,700.00\n"
)


def test_a_lone_row_of_a_name_and_an_amount_is_a_tab_row() -> None:
    assert read_text(ROWS).split("\n")[0] == "Brightwater\t£31,500.00"


def test_rows_below_a_grants_lead_in_name_recipients(nlp) -> None:
    text = "Grants awarded by the Northshire Violence Reduction Unit, 2025/26\n\n" + ROWS
    assert partners_of(text, nlp, layout=True) == {"Northshire Violence Reduction Unit", "Brightwater", "Kestrel Arts"}


def test_rows_without_a_grants_lead_in_need_more(nlp) -> None:
    text = "Spending by the Northshire Violence Reduction Unit, 2025/26\n\n" + ROWS
    assert partners_of(text, nlp, layout=True) == {"Northshire Violence Reduction Unit"}


def test_a_paragraph_ends_the_lead_in(nlp) -> None:
    text = ("Grants awarded by the Northshire Violence Reduction Unit, 2025/26\n\n"
            "The panel met twice to score the bids from across the county this spring.\n\n" + ROWS)
    assert partners_of(text, nlp, layout=True) == {"Northshire Violence Reduction Unit"}
