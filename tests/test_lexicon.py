"""A user's lexicon folder: copied, edited in one file, used by a build in any engine, kept apart in the cache."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from policekg import api
from policekg.cli import cli
from policekg.extract.cache import fingerprint
from policekg.extract.model import Kind
from policekg.extract.resources import LexiconError, bundled_names, patterns_dir, use_lexicon, user_lexicon

TEXT = "Kent Police works closely with Quillfeather on road safety.\n"


def _labels(extraction) -> set[tuple[Kind, str]]:
    return {(entity.kind, entity.label) for entity in extraction.entities.values()}


@pytest.fixture()
def documents(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "one.txt").write_text(TEXT, encoding="utf-8")
    (folder / "two.txt").write_text("Quillfeather runs a road safety course.\n", encoding="utf-8")
    return folder


@pytest.fixture()
def lexicon(tmp_path: Path) -> Path:
    """A copy of the bundled lexicon with one national body added in its one file."""
    folder = tmp_path / "lexicon"
    assert CliRunner().invoke(cli, ["lexicon", "copy", str(folder)]).exit_code == 0
    with (folder / "national_bodies.csv").open("a", encoding="utf-8", newline="") as rows:
        csv.writer(rows, lineterminator="\n").writerow(["quillfeather", "Quillfeather", "charity", ""])
    return folder


@pytest.mark.parametrize("name", bundled_names())
def test_lexicon_copy_copies_every_bundled_file(tmp_path: Path, name: str) -> None:
    result = CliRunner().invoke(cli, ["lexicon", "copy", str(tmp_path / "lx")])
    assert result.exit_code == 0
    assert (tmp_path / "lx" / name).read_bytes() == (patterns_dir() / name).read_bytes()


def test_lexicon_copy_refuses_to_overwrite_without_force(lexicon: Path) -> None:
    result = CliRunner().invoke(cli, ["lexicon", "copy", str(lexicon)])
    assert result.exit_code == 2
    assert "give --force to overwrite" in result.output
    assert CliRunner().invoke(cli, ["lexicon", "copy", str(lexicon), "--force"]).exit_code == 0


def test_build_reads_the_users_lexicon_and_only_for_that_build(documents: Path, lexicon: Path) -> None:
    with_it = api.extract_documents([documents], lexicon=lexicon, workers=1)
    assert (Kind.PARTNER, "Quillfeather") in _labels(with_it)
    assert user_lexicon() is None
    without = api.extract_documents([documents], workers=1)
    assert "Quillfeather" not in {label for _, label in _labels(without)}


def test_worker_processes_use_the_builds_lexicon(documents: Path, lexicon: Path) -> None:
    extraction = api.extract_documents([documents], lexicon=lexicon, workers=2)
    assert (Kind.PARTNER, "Quillfeather") in _labels(extraction)
    assert {entity.label: len(entity.documents) for entity in extraction.entities.values()}["Quillfeather"] == 2


def test_the_cache_keeps_each_lexicons_results_apart(documents: Path, lexicon: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    api.extract_documents([documents], cache=cache, workers=1)
    with_it = api.extract_documents([documents], cache=cache, lexicon=lexicon, workers=1)
    assert with_it.cache.hits == 0
    assert (Kind.PARTNER, "Quillfeather") in _labels(with_it)


def test_fingerprint_follows_the_lexicons_content(lexicon: Path) -> None:
    bundled = fingerprint()
    try:
        use_lexicon(lexicon)
        assert fingerprint() != bundled
    finally:
        use_lexicon(None)
    assert fingerprint() == bundled


def test_cli_build_with_lexicon(documents: Path, lexicon: Path, tmp_path: Path) -> None:
    output = tmp_path / "g.ttl"
    result = CliRunner().invoke(cli, ["build", str(documents), "-o", str(output), "--no-cache", "-q", "--workers", "1",
                                      "--lexicon", str(lexicon)])
    assert result.exit_code == 0, result.output
    assert '"Quillfeather"' in output.read_text(encoding="utf-8")


@pytest.mark.parametrize(("make", "message"), [
    (lambda folder: (folder / "national_bodys.csv").write_text("id,label\n", encoding="utf-8"),
     "has files policekg does not read: national_bodys.csv"),
    (lambda folder: (folder / "partners.jsonl").write_text('{"label": "PARTNER"\n', encoding="utf-8"),
     "partners.jsonl, line 1:"),
    (lambda folder: (folder / "titles.txt").write_bytes(b"Dr\n\xff\xfe\n"), "titles.txt is not UTF-8"),
])
def test_a_broken_lexicon_is_one_line(documents: Path, tmp_path: Path, make, message: str) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    make(folder)
    result = CliRunner().invoke(cli, ["build", str(documents), "-o", str(tmp_path / "g.ttl"), "--no-cache", "-q",
                                      "--workers", "1", "--lexicon", str(folder)])
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert user_lexicon() is None


def test_a_missing_lexicon_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="does not exist"):
        use_lexicon(tmp_path / "nowhere")
