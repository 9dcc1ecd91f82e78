"""The docs that are program output (README transcript, docs/cli.md) match the program."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _generate_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("generate_docs", ROOT / "docs" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_transcript_is_current() -> None:
    gen = _generate_module()
    assert (ROOT / "README.md").read_text(encoding="utf-8") == gen.readme_text(), (
        "README.md transcript is out of date: run python docs/generate.py"
    )


def test_cli_reference_is_current() -> None:
    gen = _generate_module()
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == gen.cli_doc(), (
        "docs/cli.md is out of date: run python docs/generate.py"
    )


def test_readme_quick_start_is_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install . && kzclaims compare" in readme
    assert 'pip install -e ".[test]" && pytest' in readme
