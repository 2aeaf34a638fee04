"""Extraction quality on every annotated document set, by the shared yardstick.

Builds a graph of each set in this process (the spaCy model is loaded once), scores it with
``../shared/tools/score.py --json`` against the set's gold, and prints one table: entity and
link precision, recall and F1 per set, and with ``--detail`` per category. Run it by hand::

    .venv/bin/python bench/quality.py                  # every set found
    .venv/bin/python bench/quality.py seeds real --detail
    .venv/bin/python bench/quality.py --errors blind1   # the scorer's list of misses and false finds

A set is a folder of documents and a folder of ``NAME.gold.json`` files (see
``tests/gold/README.md``); the sets are listed once, in ``tests/gold/sets.csv``.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import policekg
from policekg import api

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCORE = SHARED / "tools" / "score.py"

# name: (documents folder, gold folder), from the one list of annotated sets (tests/test_quality.py reads it too)
with (REPO / "tests" / "gold" / "sets.csv").open(encoding="utf-8", newline="") as listing:
    SETS: dict[str, tuple[Path, Path]] = {row["set"]: (REPO / row["documents"], REPO / row["gold"])
                                          for row in csv.DictReader(listing)}
CATEGORIES = ("PoliceForce", "PartnerOrganisation", "Programme", "Person", "Fund",
              "collaboratesWith", "participatesIn", "memberOf", "funder")


def _available(names: list[str]) -> list[str]:
    chosen = names or list(SETS)
    unknown = [name for name in chosen if name not in SETS]
    if unknown:
        sys.exit(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(SETS)}")
    return [name for name in chosen if SETS[name][0].is_dir() and any(SETS[name][1].glob("*.gold.json"))]


def _score(graph: Path, gold: Path, documents: Path, errors: bool) -> dict | str:
    command = [sys.executable, str(SCORE), str(graph), "--gold", str(gold), "--docs", str(documents)]
    if errors:
        return subprocess.run(command + ["--errors"], capture_output=True, text=True, check=True).stdout
    return json.loads(subprocess.run(command + ["--json"], capture_output=True, text=True, check=True).stdout)


def _prf(block: dict) -> str:
    return f"{block['precision']:.2f} {block['recall']:.2f} {block['f1']:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help=f"sets to score (default: all found): {', '.join(SETS)}")
    parser.add_argument("--detail", action="store_true", help="also F1 per category")
    parser.add_argument("--errors", action="store_true", help="print the scorer's misses and false finds")
    options = parser.parse_args()
    if not SCORE.is_file():
        sys.exit(f"the yardstick is missing: {SCORE}")
    nlp = api.default_nlp()
    header = f"{'set':10} {'entities P R F1':16} {'links P R F1':16}"
    if options.detail:
        header += " " + " ".join(f"{name[:8]:>8}" for name in CATEGORIES)
    print(header)
    with tempfile.TemporaryDirectory() as folder:
        for name in _available(options.sets):
            documents, gold = SETS[name]
            graph = Path(folder) / f"{name}.ttl"
            policekg.write_graph(api.to_graph(api.extract_documents([documents], nlp=nlp)), graph)
            result = _score(graph, gold, documents, options.errors)
            if isinstance(result, str):
                print(f"== {name}\n{result}")
                continue
            line = f"{name:10} {_prf(result['entities_overall']):16} {_prf(result['links_overall']):16}"
            if options.detail:
                scores = {**result["entities"], **result["links"]}
                line += " " + " ".join(f"{scores[c]['f1']:8.2f}" if c in scores else f"{'-':>8}" for c in CATEGORIES)
            print(line, flush=True)


if __name__ == "__main__":
    main()
