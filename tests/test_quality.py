"""Extraction quality by the project's yardstick, ``../shared/tools/score.py``, on every document set.

Each set is built once and scored by the yardstick (funders count as links). The floors sit a
little under the figures reached, so a change that makes extraction worse anywhere fails
here; ``bench/quality.py`` prints the figures themselves. A set whose documents or gold are
missing (``../shared`` absent) is skipped.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

import policekg
from policekg import api

from conftest import REPO

SHARED = REPO.parent / "shared"
SCORE = SHARED / "tools" / "score.py"
# name: (documents folder, gold folder), from the one list of annotated sets (bench/quality.py reads it too)
with (REPO / "tests" / "gold" / "sets.csv").open(encoding="utf-8", newline="") as listing:
    SETS = {row["set"]: (REPO / row["documents"], REPO / row["gold"]) for row in csv.DictReader(listing)}
# set: (entity F1, link F1, entity precision, link precision)
FLOORS = {
    "seeds": (0.94, 0.84, 0.96, 0.93),
    "real": (0.90, 0.82, 0.95, 0.92),
    "examples": (0.97, 0.95, 0.97, 0.97),
    "unseen": (0.96, 0.91, 0.97, 0.97),
    "heldout": (0.94, 0.88, 0.95, 0.94),
    "heldout3": (0.93, 0.91, 0.94, 0.96),
    "blind1": (0.90, 0.84, 0.93, 0.94),
    "blind2": (0.92, 0.83, 0.93, 0.91),
    "blind3": (0.93, 0.82, 0.94, 0.93),
    "blind4": (0.89, 0.79, 0.93, 0.94),
    "blind5": (0.83, 0.62, 0.92, 0.90),
    "blind6": (0.85, 0.57, 0.91, 0.86),
    "blind7": (0.81, 0.33, 0.84, 0.63),
}


@pytest.fixture(scope="session")
def scored(nlp, tmp_path_factory):
    """The yardstick's JSON for each set, built once per session."""
    if not SCORE.is_file():
        pytest.skip(f"the yardstick is not at {SCORE}")
    folder = tmp_path_factory.mktemp("quality")
    results = {}
    for name, (documents, gold) in SETS.items():
        if not documents.is_dir() or not gold.is_dir():
            continue
        graph = folder / f"{name}.ttl"
        policekg.write_graph(api.to_graph(api.extract_documents([documents], nlp=nlp)), graph)
        output = subprocess.run([sys.executable, str(SCORE), str(graph), "--gold", str(gold), "--json"],
                                capture_output=True, text=True, check=True).stdout
        results[name] = json.loads(output)
    return results


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_by_the_yardstick(scored, name):
    if name not in scored:
        pytest.skip(f"set {name} is not here")
    entities, links = scored[name]["entities_overall"], scored[name]["links_overall"]
    entity_f1, link_f1, entity_p, link_p = FLOORS[name]
    figures = f"entities P {entities['precision']:.2f} F1 {entities['f1']:.2f}, links P {links['precision']:.2f} " \
              f"F1 {links['f1']:.2f}"
    assert entities["f1"] >= entity_f1 and links["f1"] >= link_f1, figures
    assert entities["precision"] >= entity_p and links["precision"] >= link_p, figures
