"""Tests for policekg.extract.cache against a hostile cache folder: entries are data, never code.

Each entry here is forged with a valid header and digest, so only the format itself stands
between it and the build: it must run nothing, be reported as corrupt and be extracted again.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import shutil
import zlib
from pathlib import Path

import pytest

from conftest import EXAMPLES
from policekg import api
from policekg.extract import cache as cache_module
from policekg.extract.cache import MAGIC, ExtractionCache, fingerprint
from policekg.extract.records import VERSION
from policekg.graph.rdf.write import serialize

OLD_MAGIC = b"policekg-cache 1\n"  # the format before this one: zlib'd pickles


class Trap:
    """Unpickling this opens (so creates) ``marker``: what a forged pickle could do instead."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return open, (str(self.marker), "w")


def forged(payload: bytes, magic: bytes = MAGIC) -> bytes:
    """An entry that passes the header and digest checks, whatever it holds."""
    return magic + hashlib.sha256(payload).digest() + payload


def turtle(extraction) -> bytes:
    return serialize(api.to_graph(extraction), "turtle")


@pytest.fixture(scope="module")
def filled(tmp_path_factory, nlp) -> tuple[Path, bytes]:
    """A cache of the examples, and the graph they give."""
    folder = tmp_path_factory.mktemp("filled") / "cache"
    return folder, turtle(api.extract_documents([EXAMPLES], nlp=nlp, cache=folder))


@pytest.fixture
def cache_folder(filled, tmp_path) -> Path:
    folder = tmp_path / "cache"
    shutil.copytree(filled[0], folder)
    return folder


def entries(folder: Path) -> list[Path]:
    found = sorted((folder / fingerprint()[:32]).rglob("*.entry"))
    assert len(found) == 4
    return found


def rebuild_with(folder: Path, nlp, payloads: list[bytes], magic: bytes = MAGIC):
    for entry, payload in zip(entries(folder), payloads):
        entry.write_bytes(forged(payload, magic))
    return api.extract_documents([EXAMPLES], nlp=nlp, cache=folder)


def test_cache_trap_would_run_if_unpickled(tmp_path) -> None:
    marker = tmp_path / "ran"
    pickle.loads(pickle.dumps(Trap(marker)))
    assert marker.exists()  # so the payload below is a real attack, not a dud


@pytest.mark.parametrize("magic", [MAGIC, OLD_MAGIC], ids=["current header", "old pickle header"])
def test_cache_forged_pickles_run_nothing_and_are_extracted_again(cache_folder, filled, nlp, tmp_path, magic) -> None:
    marker = tmp_path / "ran"
    payload = zlib.compress(pickle.dumps(Trap(marker), protocol=pickle.HIGHEST_PROTOCOL))
    again = rebuild_with(cache_folder, nlp, [payload] * 4, magic)
    assert not marker.exists()
    assert len(again.cache.corrupt) == 4
    assert (again.cache.hits, again.cache.stored) == (0, 4)
    assert turtle(again) == filled[1]
    assert not marker.exists()


def _json(data: object) -> bytes:
    return zlib.compress(json.dumps(data).encode("utf-8"))


def _entry_json(folder: Path) -> list:
    """The JSON held by the first entry of ``folder``."""
    blob = entries(folder)[0].read_bytes()
    return json.loads(zlib.decompress(blob[len(MAGIC) + 32:]))


def test_cache_forged_json_of_wrong_types_sizes_and_depths_is_extracted_again(cache_folder, filled, nlp) -> None:
    good = _entry_json(cache_folder)
    wrong_type = json.loads(json.dumps(good))
    wrong_type[1][0][0] = 12345  # the document id as a number
    huge = json.dumps(good).replace(f"[{VERSION},", "[" + "9" * 4000 + ",", 1).encode()
    deep = b"[" * 200_000 + b"]" * 200_000
    payloads = [_json(wrong_type), zlib.compress(huge), zlib.compress(deep), _json({"__class__": "os.system"})]
    again = rebuild_with(cache_folder, nlp, payloads)
    assert len(again.cache.corrupt) == 4 and again.cache.stored == 4
    assert turtle(again) == filled[1]


def test_cache_entry_that_unpacks_past_the_limit_is_corrupt(cache_folder, monkeypatch) -> None:
    entry = entries(cache_folder)[0]
    size = len(zlib.decompress(entry.read_bytes()[len(MAGIC) + 32:]))
    monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", size - 1)
    assert cache_module._decode(entry.read_bytes()) is None
    monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", size)
    assert cache_module._decode(entry.read_bytes()) is not None


def test_cache_trailing_bytes_after_the_stream_are_corrupt(cache_folder) -> None:
    entry = entries(cache_folder)[0]
    payload = entry.read_bytes()[len(MAGIC) + 32:]
    assert cache_module._decode(forged(payload + b"extra")) is None


def test_cache_analysis_too_big_to_read_back_is_not_stored(cache_folder, tmp_path, monkeypatch) -> None:
    analysis = cache_module._decode(entries(cache_folder)[0].read_bytes())
    monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", 100)
    cache = ExtractionCache(tmp_path / "small")
    cache.put("0" * 64, analysis)
    assert cache.stats.stored == 0 and not (tmp_path / "small").exists()
