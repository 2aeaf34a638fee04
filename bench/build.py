"""Benchmark a build: policekg end to end against bare spaCy on the same texts.

Run by hand; prints figures as it goes::

    .venv/bin/python bench/build.py --megabytes 2       # the sample documents repeated to ~2 MB
    .venv/bin/python bench/build.py --seeds my-reports/ --megabytes 10
    .venv/bin/python bench/build.py --corpus reports/   # any folder, as it is

What it measures, on one corpus (seconds of wall-clock time and of CPU time, since the machine
may be shared; ratios are given for both):

1. bare spaCy, each in a process of its own, over the one-Doc-per-line texts policekg feeds
   to spaCy: the STOCK model (``spacy.load`` of policekg's default model, every component,
   no policekg ruler), then the pipeline policekg runs (the model without its lemmatizer,
   plus policekg's ruler); also (``whole``) that pipeline with one Doc per document.
   Tokens per second.
2. policekg, one process, no cache, model loaded beforehand: read, NLP, resolve, link,
   graph, write; its time as a multiple of stock ``nlp.pipe`` and of its own pipeline's
   (the target is within 1.1x of the stock model), with seconds per stage.
3. policekg with 2 workers, no cache: speed-up over one process; the output must be
   byte-identical.
4. policekg with a cache: a cold build filling it, then a warm rebuild of the unchanged corpus;
   the speed-up (target >= 50x), and identical output again.

Peak resident memory is printed for bare spaCy (run in a process of its own) and for the
process running the policekg builds (worker processes apart). The generated corpus holds
copies of ``--seeds`` (default ``../shared/seeds`` beside the checkout if it is there, else
the repository's ``examples/``), each with one line added, so that every copy is a document
of its own.
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import spacy

from policekg import api
from policekg.extract.corpus import BATCH_SIZE
from policekg.extract.document import split_lines
from policekg.extract.nlp import MODEL, default_nlp, load_nlp
from policekg.extract.read import find_documents, read_document
from policekg.extract.stages import Stopwatch, stage, timing
from policekg.graph.rdf.write import write_graph

REPO = Path(__file__).resolve().parents[1]
SHARED_SEEDS = REPO.parent / "shared" / "seeds"
SEEDS = SHARED_SEEDS if SHARED_SEEDS.is_dir() else REPO / "examples"
MEGABYTE = 1024 * 1024
WHOLE_DOCUMENT_BATCH = 4  # whole reports per batch: spaCy's default of 1000 would need tens of GB


def make_corpus(seeds: Path, megabytes: float, folder: Path) -> list[Path]:
    """Copies of the documents in ``seeds`` (each made distinct) until they add up to ``megabytes``."""
    originals = find_documents([seeds])
    if not originals:
        sys.exit(f"no documents in {seeds}")
    written, copy = 0, 0
    while written < megabytes * MEGABYTE:
        for original in originals:
            target = folder / f"{original.stem}-copy{copy:03d}{original.suffix}"
            data = original.read_bytes() + f"\n\nCopy {copy} of this document, made for the benchmark.\n".encode()
            target.write_bytes(data)
            written += len(data)
        copy += 1
    return find_documents([folder])


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class Seconds:
    """Wall-clock and CPU seconds of one run (CPU time is what a shared machine does not blur)."""

    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall:.1f} s ({self.cpu:.1f} s CPU)"

    def ratio(self, other: Seconds) -> str:
        """This run's time as a multiple of ``other``'s, by wall clock and by CPU."""
        return f"{self.wall / other.wall:.2f}x wall, {self.cpu / other.cpu:.2f}x CPU"


@contextmanager
def stopwatch() -> Iterator[list[Seconds]]:
    """Times the block; the list it yields holds its :class:`Seconds` afterwards."""
    result: list[Seconds] = []
    wall, cpu = time.perf_counter(), time.process_time()
    yield result
    result.append(Seconds(time.perf_counter() - wall, time.process_time() - cpu))


def bare_spacy(texts: list[str], batch_size: int | None = None, stock: bool = False) -> tuple[int, Seconds, float]:
    """Tokens and seconds of ``nlp.pipe`` over ``texts`` (model loaded apart), and the peak RSS
    of the process that ran it. ``stock``: the default model as spaCy loads it, every component
    and no policekg ruler; otherwise the pipeline policekg runs."""
    nlp = spacy.load(MODEL) if stock else load_nlp()
    nlp.max_length = max(nlp.max_length, max(len(text) for text in texts) + 1)
    with stopwatch() as seconds:
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return tokens, seconds[0], peak_rss_mb()


def bare_spacy_apart(texts: list[str], batch_size: int | None = None, stock: bool = False) -> tuple[int, Seconds, float]:
    """:func:`bare_spacy` in a process of its own, so its memory is not counted as policekg's."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(bare_spacy, texts, batch_size, stock).result()


def policekg_build(files: list[Path], output: Path, **options) -> tuple[Seconds, Stopwatch]:
    """Seconds of a whole build (extract, graph, write) with ``options``, and its stage times."""
    with stopwatch() as seconds, timing(Stopwatch()) as stages:
        extraction = api.extract_documents(files, **options)
        with stage("graph"):
            graph = api.to_triples(extraction)  # as `policekg build` holds it: no rdflib graph
        with stage("write"):
            write_graph(graph, output)
    return seconds[0], stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="examples:\n" + __doc__.split("\n\n")[2],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=10, help="size of the generated corpus")
    parser.add_argument("--corpus", type=Path, help="a folder of documents to use instead of generated copies")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help=f"documents to copy into the generated corpus (default: {SEEDS})")
    parser.add_argument("--workers", type=int, default=2, help="workers for the parallel run")
    parser.add_argument("--parts", default="bare,whole,workers,cache",
                        help="what to run besides the one-process build: bare (spaCy alone, by line), "
                             "whole (spaCy alone, by document), workers, cache")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="policekg-bench-"))
    try:
        run(options, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(options: argparse.Namespace, work: Path) -> None:
    if options.corpus:
        files = find_documents([options.corpus])
    else:
        (work / "corpus").mkdir()
        files = make_corpus(options.seeds, options.megabytes, work / "corpus")
    size = sum(path.stat().st_size for path in files) / MEGABYTE
    texts = [read_document(path).text for path in files]
    print(f"corpus: {len(files)} documents, {size:.1f} MB", flush=True)

    if "bare" not in options.parts:
        return run_builds(options, work, files, None)
    lines = [line for text in texts for _, line in split_lines(text)]
    bare = {}
    for stock, label in ((True, "stock model"), (False, "policekg's pipeline")):
        tokens, bare[stock], rss = bare_spacy_apart(lines, BATCH_SIZE, stock)
        print(f"bare nlp.pipe, {label}, one Doc per line as policekg reads: {tokens:,} tokens in {bare[stock]} = "
              f"{tokens / bare[stock].wall:,.0f} tokens/s (peak RSS {rss:.0f} MB)", flush=True)
    print(f"  policekg's pipeline / stock model: {bare[False].ratio(bare[True])}", flush=True)
    if "whole" in options.parts:
        tokens, whole, rss = bare_spacy_apart(texts, WHOLE_DOCUMENT_BATCH)
        print(f"bare nlp.pipe, policekg's pipeline, one Doc per document: {tokens:,} tokens in {whole} = "
              f"{tokens / whole.wall:,.0f} tokens/s (peak RSS {rss:.0f} MB)", flush=True)
    del texts, lines
    run_builds(options, work, files, bare)


def run_builds(options: argparse.Namespace, work: Path, files: list[Path], bare: dict[bool, Seconds] | None) -> None:
    """The policekg builds: one process, then ``options.workers``, then cold and warm with a cache."""
    default_nlp()  # loaded before the clock starts, as the bare runs load theirs
    one, stages = policekg_build(files, work / "one.ttl", workers=1)
    print(f"policekg, 1 process: {one}", flush=True)
    if bare:
        print(f"  policekg build / bare nlp.pipe of the stock model: {one.ratio(bare[True])} (target 1.1x)", flush=True)
        print(f"  policekg build / bare nlp.pipe of policekg's pipeline: {one.ratio(bare[False])}", flush=True)
    print(f"  stages: {stages.report()}", flush=True)
    print(f"  peak RSS of this process so far: {peak_rss_mb():.0f} MB", flush=True)

    if "workers" not in options.parts:
        return
    two, _ = policekg_build(files, work / "two.ttl", workers=options.workers)
    same = (work / "one.ttl").read_bytes() == (work / "two.ttl").read_bytes()
    print(f"policekg, {options.workers} workers: {two}; {one.wall / two.wall:.2f}x faster than one process; "
          f"output identical: {same}", flush=True)

    if "cache" not in options.parts:
        return
    cache = work / "cache"
    cold, _ = policekg_build(files, work / "cold.ttl", workers=options.workers, cache=cache)
    warm, stages = policekg_build(files, work / "warm.ttl", workers=options.workers, cache=cache)
    same = (work / "one.ttl").read_bytes() == (work / "cold.ttl").read_bytes() == (work / "warm.ttl").read_bytes()
    print(f"cache: cold {cold}, warm {warm} = {cold.wall / warm.wall:.0f}x faster; output identical: {same}")
    print(f"  warm stages: {stages.report()}")
    print(f"peak RSS: this process {peak_rss_mb():.0f} MB (workers and bare spaCy apart)")


if __name__ == "__main__":
    main()
