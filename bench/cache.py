"""Benchmark the cache's entry format: checked JSON against the zlib'd pickles it replaced.

Run by hand; prints figures::

    .venv/bin/python bench/cache.py --megabytes 1

Analyses a corpus once (copies of ``../shared/seeds`` as ``bench/build.py`` makes them, or
``--corpus``), then encodes every analysis both ways and decodes each entry ``--rounds``
times, printing seconds per format, their ratio and the bytes on disk. Both formats are
compressed the same way (zlib level 1) and checked by the same digest; the pickle side
exists only here, to measure what the change costs on a warm rebuild.
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import shutil
import tempfile
import time
import zlib
from pathlib import Path

from build import SEEDS, make_corpus

from policekg.extract import cache
from policekg.extract.corpus import Engine, analyse_corpus
from policekg.extract.document import DocumentAnalysis
from policekg.extract.read import find_documents


def pickle_entry(analysis: DocumentAnalysis) -> bytes:
    payload = zlib.compress(pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL), 1)
    return hashlib.sha256(payload).digest() + payload


def unpickle_entry(blob: bytes) -> DocumentAnalysis:
    digest, payload = blob[:32], blob[32:]
    assert hashlib.sha256(payload).digest() == digest
    return pickle.loads(zlib.decompress(payload))


def timed(function, items: list, rounds: int) -> tuple[float, list]:
    """CPU seconds of ``function`` over ``items`` (best of ``rounds``) and its last results."""
    best, results = float("inf"), []
    for _ in range(rounds):
        started = time.process_time()
        results = [function(item) for item in items]
        best = min(best, time.process_time() - started)
    return best, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1, help="size of the generated corpus")
    parser.add_argument("--corpus", type=Path, help="a folder of documents to use instead of generated copies")
    parser.add_argument("--rounds", type=int, default=5, help="decode every entry this many times; the best counts")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="policekg-bench-cache-"))
    try:
        if options.corpus:
            files = find_documents([options.corpus])
        else:
            (work / "corpus").mkdir()
            files = make_corpus(SEEDS, options.megabytes, work / "corpus")
        analyses = [r for r in analyse_corpus(files, Engine()) if isinstance(r, DocumentAnalysis)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(analyses)} analyses; {sum(len(a.mentions) for a in analyses):,} mentions, "
          f"{sum(len(a.links) for a in analyses):,} links, {sum(len(a.funds) for a in analyses):,} funds")

    json_write, json_entries = timed(cache._encode, analyses, options.rounds)
    pickle_write, pickle_entries = timed(pickle_entry, analyses, options.rounds)
    json_read, json_back = timed(cache._decode, json_entries, options.rounds)
    pickle_read, pickle_back = timed(unpickle_entry, pickle_entries, options.rounds)
    assert json_back == pickle_back == analyses
    size = {name: sum(map(len, blobs)) for name, blobs in (("json", json_entries), ("pickle", pickle_entries))}
    print(f"write: JSON {json_write * 1000:.1f} ms, pickle {pickle_write * 1000:.1f} ms "
          f"({json_write / pickle_write:.1f}x)")
    print(f"read:  JSON {json_read * 1000:.1f} ms, pickle {pickle_read * 1000:.1f} ms "
          f"({json_read / pickle_read:.1f}x); per entry JSON {json_read / len(analyses) * 1000:.2f} ms")
    print(f"size:  JSON {size['json'] / 1024:.0f} KB, pickle {size['pickle'] / 1024:.0f} KB "
          f"({size['json'] / size['pickle']:.2f}x)")


if __name__ == "__main__":
    main()
