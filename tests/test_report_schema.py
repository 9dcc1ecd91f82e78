"""``kzclaims schema report`` validates real reports: the bundled corpus, the fixtures (plain,
with a baseline's changes, compact), and the command's own output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from kzclaims.cli import app
from kzclaims.schemas import load_schema

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ENV = {"COLUMNS": "120", "NO_COLOR": "1", "GITHUB_ACTIONS": "", "TERM": "dumb"}


def _validator() -> jsonschema.Draft202012Validator:
    schema = load_schema("report")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_report_command_prints_the_schema() -> None:
    result = CliRunner().invoke(app, ["schema", "report"], env=ENV)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == load_schema("report")


@pytest.mark.parametrize(
    "path",
    [
        HERE / "fixtures" / "expected" / "corpus.json",
        *sorted((HERE / "fixtures" / "reports").glob("*.json")),
        *sorted((ROOT / "reports").glob("*.json")),
    ],
    ids=lambda p: p.name,
)
def test_saved_reports_are_valid(path: Path) -> None:
    errors = sorted(_validator().iter_errors(json.loads(path.read_text(encoding="utf-8"))), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_reports_of_the_bundled_corpus_with_changes_and_compact_are_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    v = _validator()
    out = runner.invoke(app, ["compare", "-f", "json", "-e"], env=ENV)
    assert out.exit_code == 0
    v.validate(json.loads(out.stdout))
    (tmp_path / "base.json").write_text(out.stdout, encoding="utf-8")
    first = sorted((tmp_path / "sources").glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("2,030", "2,500"), encoding="utf-8")
    changed = runner.invoke(app, ["compare", "-f", "json", "-b", "base.json"], env=ENV)
    report = json.loads(changed.stdout)
    assert "changes" in report
    v.validate(report)
    compact = runner.invoke(app, ["compare", "-f", "json", "--compact"], env=ENV)
    assert compact.exit_code == 0, compact.stderr
    v.validate(json.loads(compact.stdout))
    broken = json.loads(out.stdout)
    broken["claims"][0]["verdict"] = "maybe"
    assert not v.is_valid(broken)
