"""However a graph is built (one process, worker processes, a Dask cluster, from a cache) it is
byte-for-byte the same; the cache redoes exactly what changed and never trusts a bad entry."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from policekg import api
from policekg.cli import cli
from policekg.extract import cache as cache_module
from policekg.extract.cache import FOLDER_NAME, ExtractionCache, fingerprint
from policekg.graph.rdf.write import serialize

BROKEN = b"\x00\x01binary\x02"


def turtle(extraction) -> bytes:
    return serialize(api.to_graph(extraction), "turtle")


@pytest.fixture(scope="module")
def plain(examples_extraction) -> bytes:
    """The examples built in one process, without a cache: what every other way must give."""
    return turtle(examples_extraction)


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A copy of the examples with one unreadable file among them."""
    folder = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("README.md"))
    (folder / "broken.txt").write_bytes(BROKEN)
    return folder


def test_two_workers_give_the_same_graph(examples_extraction, plain):
    parallel = api.extract_documents([EXAMPLES], workers=2)
    assert turtle(parallel) == plain
    assert [d.id for d in parallel.documents] == [d.id for d in examples_extraction.documents]


def test_failures_keep_their_place_in_every_engine(corpus, nlp):
    one = api.extract_documents([corpus], nlp=nlp)
    two = api.extract_documents([corpus], workers=2)
    assert [f.source for f in one.failures] == [f.source for f in two.failures] == [(corpus / "broken.txt").as_posix()]
    assert turtle(one) == turtle(two)


def test_a_warm_rebuild_reads_nothing_and_gives_the_same_graph(tmp_path, nlp, plain):
    cache = tmp_path / "cache"
    cold = api.extract_documents([EXAMPLES], nlp=nlp, cache=cache)
    warm = api.extract_documents([EXAMPLES], nlp=nlp, cache=cache)
    assert (cold.cache.hits, cold.cache.stored) == (0, 4)
    assert (warm.cache.hits, warm.cache.stored) == (4, 0)
    assert turtle(cold) == turtle(warm) == plain


def test_a_changed_document_is_the_only_one_extracted_again(corpus, tmp_path, nlp):
    cache = tmp_path / "cache"
    api.extract_documents([corpus], nlp=nlp, cache=cache)
    minutes = corpus / "gloucestershire-police-and-crime-panel-2019-06-minutes.md"
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\nThe meeting closed at 4pm.\n", encoding="utf-8")
    again = api.extract_documents([corpus], nlp=nlp, cache=cache)
    assert (again.cache.hits, again.cache.stored) == (3, 1)
    assert turtle(again) == turtle(api.extract_documents([corpus], nlp=nlp))


def test_a_changed_pattern_file_changes_the_fingerprint(tmp_path):
    package = tmp_path / "extract"
    shutil.copytree(Path(cache_module.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = fingerprint(package)
    cues = package / "patterns" / "link_cues.csv"
    cues.write_text(cues.read_text(encoding="utf-8") + "collaboratesWith,hand in hand with,0.8,after\n",
                    encoding="utf-8")
    assert fingerprint(package) != before


def test_a_new_pipeline_extracts_everything_again_and_drops_old_entries(tmp_path, nlp):
    cache = tmp_path / "cache"
    old = ExtractionCache(cache, pipeline="a" * 64)
    api.extract_documents([EXAMPLES], nlp=nlp, cache=cache)  # the current pipeline: another fingerprint
    for path in EXAMPLES.glob("*.txt"):
        assert old.get("0" * 64, path.as_posix()) is None
    fresh = api.extract_documents([EXAMPLES], nlp=nlp, cache=cache)
    assert fresh.cache.hits == 4
    assert [p.name for p in cache.iterdir()] == [fingerprint()[:32]]


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "empty", "swap entries"])
def test_a_corrupt_entry_is_detected_and_redone(tmp_path, nlp, plain, damage):
    cache = tmp_path / "cache"
    api.extract_documents([EXAMPLES], nlp=nlp, cache=cache)
    entries = sorted((cache / fingerprint()[:32]).rglob("*.entry"))
    assert len(entries) == 4
    first, second = entries[0], entries[1]
    data = first.read_bytes()
    if damage == "flip a byte":
        first.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    elif damage == "truncate":
        first.write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        first.write_bytes(b"")
    else:  # an intact entry, but of another document
        first.write_bytes(second.read_bytes())
    again = api.extract_documents([EXAMPLES], nlp=nlp, cache=cache)
    assert len(again.cache.corrupt) == 1 and again.cache.hits == 3 and again.cache.stored == 1
    assert turtle(again) == plain
    assert api.extract_documents([EXAMPLES], nlp=nlp, cache=cache).cache.hits == 4  # redone, and stored again


def test_cli_caches_beside_the_output_and_says_what_it_reused(tmp_path):
    runner = CliRunner()
    output = tmp_path / "out" / "graph.ttl"
    first = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(output)])
    assert first.exit_code == 0, first.output
    assert (output.parent / FOLDER_NAME).is_dir()
    second = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(tmp_path / "out" / "again.ttl")])
    assert "cache:     4 reused, 0 extracted" in second.output
    assert (tmp_path / "out" / "again.ttl").read_bytes() == output.read_bytes()


def test_cli_no_cache_leaves_no_folder_and_refuses_both(tmp_path):
    runner = CliRunner()
    output = tmp_path / "graph.ttl"
    result = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(output), "--no-cache", "-q"])
    assert result.exit_code == 0
    assert not (tmp_path / FOLDER_NAME).exists()
    both = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(output), "--no-cache", "--cache", str(tmp_path)])
    assert both.exit_code == 2 and "not both" in both.output


def test_cli_reports_a_corrupt_entry_on_one_line(tmp_path):
    runner = CliRunner()
    output = tmp_path / "graph.ttl"
    runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(output), "-q"])
    entry = sorted((tmp_path / FOLDER_NAME).rglob("*.entry"))[0]
    entry.write_bytes(b"not an entry")
    result = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(tmp_path / "again.ttl"), "-q"])
    assert result.exit_code == 0
    assert [line for line in result.output.splitlines() if "was corrupt" in line] != []
    assert (tmp_path / "again.ttl").read_bytes() == output.read_bytes()


def test_dask_cluster_gives_the_same_graph(plain):
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_cluster = api.extract_documents([EXAMPLES], dask=cluster.scheduler_address)
    assert turtle(on_cluster) == plain


def test_dask_scheduler_that_is_not_there_is_one_clear_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed", reason="dask.distributed is not installed")
    from policekg.extract import distributed

    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", "2s")
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "-o", str(tmp_path / "g.ttl"), "--no-cache", "-q",
                                      "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output
