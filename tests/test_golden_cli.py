"""Exact expected outputs of `kzclaims compare` on the fixture corpus, in every format.

The golden files live in tests/fixtures/expected/corpus.*. After an intended change of output,
regenerate them with ``KZCLAIMS_REGEN=1 pytest tests/test_golden_cli.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzclaims.cli import app

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "fixtures" / "corpus"
EXPECTED = HERE / "fixtures" / "expected"

FORMATS = {
    "corpus.txt": ["compare", "--evidence"],
    "corpus.narrow.txt": ["compare"],
    "corpus.md": ["compare", "--format", "markdown"],
    "corpus.github.txt": ["compare", "--format", "github"],
    "corpus.junit.xml": ["compare", "--format", "junit"],
    "corpus.json": ["compare", "--format", "json"],
    "corpus.explain.txt": ["explain", "troops"],
}


@pytest.mark.parametrize("name", list(FORMATS))
def test_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    width = "60" if "narrow" in name else "100"
    env = {"COLUMNS": width, "NO_COLOR": "1", "TERM": "dumb", "GITHUB_ACTIONS": ""}
    result = CliRunner().invoke(app, FORMATS[name], env=env)
    assert result.exit_code == 0, result.stderr
    path = EXPECTED / name
    if os.environ.get("KZCLAIMS_REGEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")
