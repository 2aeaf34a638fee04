"""Benchmark how reading work grows with a document's length, whatever its shape.

Run by hand; prints one line per shape and stage::

    .venv/bin/python bench/linear_time.py                 # every shape, every stage
    .venv/bin/python bench/linear_time.py --stage clean   # one stage

Each shape (a few units of text repeated, the shapes that once hung a build among them) is
timed at two sizes, ``--growth`` times apart, in CPU time, the least of two runs. Work in
proportion to the text grows about ``--growth`` times; work that rescans it grows with the
square. A growth above ``--bound`` (default twice the linear growth) is flagged "RESCANS?".
The test suite only checks that long documents of these shapes finish (tests/test_linear_time.py);
the ratios, which a busy machine disturbs, are measured here.
"""
from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from policekg.extract.areas import forces_by_area
from policekg.extract.clean import clean_text
from policekg.extract.corpus import analyse_read
from policekg.extract.judgements import judgements
from policekg.extract.model import ReadDocument
from policekg.extract.nlp import load_nlp

SHAPES: list[list[str]] = [
    ["a"], ["A"], ["Abc "], ["the "], ["the A"], ["-"], ["a-\n"], ["("], [")"], ["\t"], ["£1,000 "], ["(ABC) "],
    ["Kent "], ["Chief Constable ", "Kent "], ["Mr John Smith, Chair of the Panel, "], ["works with "],
    ["Operation Alpha "], ["Councillor Jane Doe\tAnytown Borough Council\n"],
    ["the quick brown fox jumps over the dog\n"], ["Kent Police works with Essex Police and "],
    ["Alpha Beta Group (ABG) "], ["‘Project One’ "], ["Kent, Essex, Surrey, "], ["Signed: Jo Bloggs\n"],
    ["2019/20\t"], [", "], [". "], ["\n\n"],
]
AREA_SHAPES = [["Kent, Essex and "], ["collaboration with Kent, "], ["Avon and Somerset and Avon and "],
               ["forces of Kent, (and "], ["forces of Kent, (x) "]]
JUDGEMENT_SHAPES = [["Investigating crime\n\nGood\n\n2017\n\nIn 2017, we judged the force as good at investigating "
                     "crime. It was judged to be good last year and the judgment has been carried over.\n"]]


def repeated(units: list[str], size: int) -> str:
    """A text of ``size`` characters made by repeating ``units`` in turn."""
    block = "".join(units)
    return (block * (size // len(block) + 1))[:size]


def cpu_seconds(work: Callable[[], object]) -> float:
    """The least CPU time of two runs of ``work`` (the least is the one least disturbed)."""
    timings = []
    for _ in range(2):
        started = time.process_time()
        work()
        timings.append(time.process_time() - started)
    return min(timings)


def growth(work: Callable[[str], object], units: list[str], size: int, factor: int) -> tuple[float, float]:
    """The seconds at ``size`` and how many times longer the work takes at ``factor`` times the size."""
    small, large = repeated(units, size), repeated(units, size * factor)
    base = cpu_seconds(lambda: work(small))
    return base, cpu_seconds(lambda: work(large)) / max(base, 1e-4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stage", choices=["clean", "extract", "areas", "judgements"], action="append",
                        help="the stage(s) to time (default: all)")
    parser.add_argument("--growth", type=int, default=4, help="how many times longer the second text is (default 4)")
    parser.add_argument("--bound", type=float, help="growth above which a line is flagged (default twice --growth)")
    args = parser.parse_args()
    bound = args.bound or 2 * args.growth
    stages = args.stage or ["clean", "extract", "areas", "judgements"]
    nlp = load_nlp() if "extract" in stages else None

    def extract(text: str) -> None:
        analyse_read(ReadDocument("shape.txt", clean_text(text)), nlp)

    plans: dict[str, tuple[Callable[[str], object], list[list[str]], int]] = {
        "clean": (clean_text, SHAPES, 50_000),
        "extract": (extract, SHAPES, 3_000),
        "areas": (forces_by_area, AREA_SHAPES, 50_000),
        "judgements": (lambda text: judgements(text, "2018/19"), JUDGEMENT_SHAPES, 60_000),
    }
    print(f"growth for {args.growth}x the text (linear about {args.growth}, flagged above {bound:g})")
    for stage in stages:
        work, shapes, size = plans[stage]
        for units in shapes:
            base, times = growth(work, units, size, args.growth)
            flag = "  RESCANS?" if times > bound else ""
            print(f"{stage:<10} {size:>7,} chars {base:8.3f} s  x{times:5.1f}  {''.join(units)!r}{flag}", flush=True)


if __name__ == "__main__":
    main()
