"""Benchmark a build: policekg end to end against bare spaCy on the same texts.

Run by hand; prints figures as it goes::

    .venv/bin/python bench/build.py --megabytes 10      # the sample documents repeated to ~10 MB
    .venv/bin/python bench/build.py --corpus reports/   # any folder

What it measures, on one corpus:

1. bare spaCy: ``nlp.pipe`` with the very pipeline policekg runs (the model without its
   lemmatizer, plus policekg's entity ruler) over the documents' cleaned texts, once with one
   Doc per document and once with one Doc per line as policekg feeds it; tokens per second.
2. policekg, one process, no cache: read, NLP, resolve, link, graph, write; tokens per second
   (counting the tokens of the documents) and the ratio to the faster bare run (the overhead
   target is >= 0.85), with seconds per stage.
3. policekg with 2 workers, no cache: speed-up over one process; the output must be
   byte-identical.
4. policekg with a cache: a cold build filling it, then a warm rebuild of the unchanged corpus;
   the speed-up (target >= 50x), and identical output again.

Peak resident memory is printed for bare spaCy (run in a process of its own) and for the
process running the policekg builds (worker processes apart). The generated
corpus holds copies of ``../shared/seeds``, each with one line added, so that every copy is a
document of its own.
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from policekg import api
from policekg.extract.corpus import BATCH_SIZE
from policekg.extract.document import split_lines
from policekg.extract.nlp import load_nlp
from policekg.extract.read import find_documents, read_document
from policekg.extract.stages import Stopwatch, stage, timing
from policekg.graph.write import write_graph

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
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


def bare_spacy(texts: list[str], batch_size: int | None = None) -> tuple[int, float, float]:
    """Tokens and seconds of ``nlp.pipe`` over ``texts`` with policekg's pipeline (model loaded
    apart), and the peak RSS of the process that ran it."""
    nlp = load_nlp()
    nlp.max_length = max(nlp.max_length, max(len(text) for text in texts) + 1)
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return tokens, time.perf_counter() - started, peak_rss_mb()


def bare_spacy_apart(texts: list[str], batch_size: int | None = None) -> tuple[int, float, float]:
    """:func:`bare_spacy` in a process of its own, so its memory is not counted as policekg's."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(bare_spacy, texts, batch_size).result()


def policekg_build(files: list[Path], output: Path, **options) -> tuple[float, Stopwatch]:
    """Seconds of a whole build (extract, graph, write) with ``options``, and its stage times."""
    started = time.perf_counter()
    with timing(Stopwatch()) as stopwatch:
        extraction = api.extract_documents(files, **options)
        with stage("graph"):
            graph = api.to_triples(extraction)  # as `policekg build` holds it: no rdflib graph
        with stage("write"):
            write_graph(graph, output)
    return time.perf_counter() - started, stopwatch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10, help="size of the generated corpus")
    parser.add_argument("--corpus", type=Path, help="a folder of documents to use instead of generated copies")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="documents to copy into the generated corpus")
    parser.add_argument("--workers", type=int, default=2, help="workers for the parallel run")
    parser.add_argument("--parts", default="bare,cache",
                        help="what to run besides the builds (1 process, then workers): bare (spaCy alone), cache")
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
        return run_builds(options, work, files, None, None)
    tokens, whole, whole_rss = bare_spacy_apart(texts, WHOLE_DOCUMENT_BATCH)
    print(f"bare nlp.pipe, one Doc per document: {tokens:,} tokens in {whole:.1f} s = {tokens / whole:,.0f} "
          f"tokens/s (peak RSS {whole_rss:.0f} MB)", flush=True)
    lines = [line for text in texts for _, line in split_lines(text)]
    line_tokens, by_line, line_rss = bare_spacy_apart(lines, BATCH_SIZE)
    print(f"bare nlp.pipe, one Doc per line as policekg reads: {line_tokens:,} tokens in {by_line:.1f} s = "
          f"{line_tokens / by_line:,.0f} tokens/s (peak RSS {line_rss:.0f} MB)", flush=True)
    del texts, lines
    run_builds(options, work, files, tokens, min(whole, by_line))  # policekg is held to the faster bare run


def run_builds(options: argparse.Namespace, work: Path, files: list[Path], tokens: int | None,
               bare: float | None) -> None:
    """The policekg builds: one process, then ``options.workers``, then cold and warm with a cache."""
    one, stopwatch = policekg_build(files, work / "one.ttl", workers=1)
    speed = f" = {tokens / one:,.0f} tokens/s; ratio to the faster bare spaCy {bare / one:.2f}" if bare else ""
    print(f"policekg, 1 process: {one:.1f} s{speed}", flush=True)
    print(f"  stages: {stopwatch.report()}", flush=True)
    print(f"  peak RSS of this process so far: {peak_rss_mb():.0f} MB", flush=True)

    two, _ = policekg_build(files, work / "two.ttl", workers=options.workers)
    same = (work / "one.ttl").read_bytes() == (work / "two.ttl").read_bytes()
    print(f"policekg, {options.workers} workers: {two:.1f} s; {one / two:.2f}x one process; "
          f"output identical: {same}", flush=True)

    if "cache" not in options.parts:
        return
    cache = work / "cache"
    cold, _ = policekg_build(files, work / "cold.ttl", workers=options.workers, cache=cache)
    warm, stopwatch = policekg_build(files, work / "warm.ttl", workers=options.workers, cache=cache)
    same = (work / "one.ttl").read_bytes() == (work / "cold.ttl").read_bytes() == (work / "warm.ttl").read_bytes()
    print(f"cache: cold {cold:.1f} s, warm {warm:.2f} s = {cold / warm:.0f}x faster; output identical: {same}")
    print(f"  warm stages: {stopwatch.report()}")
    print(f"peak RSS: this process {peak_rss_mb():.0f} MB (workers and bare spaCy apart)")


if __name__ == "__main__":
    main()
