"""Fixtures shared by the test modules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the fixture corpus (``tests/fixtures/corpus``), as the working
    directory."""
    shutil.copytree(CORPUS, tmp_path / "case")
    monkeypatch.chdir(tmp_path / "case")
    return tmp_path / "case"
