"""The CI workflow (.github/workflows/claims.yml) only uses commands and options the CLI has."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "claims.yml"


def _workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _kzclaims_commands() -> list[list[str]]:
    out = []
    for step in _workflow()["jobs"]["claims"]["steps"]:
        for line in str(step.get("run", "")).splitlines():
            words = shlex.split(line)
            if words and words[0] == "kzclaims":
                out.append(words[1:])
    return out


def test_triggers_and_python() -> None:
    data = _workflow()
    on = data[True]  # YAML 1.1 reads the key `on` as true
    for event in ("push", "pull_request"):
        paths = on[event]["paths"]
        assert {"claims.yaml", "sources/**", "kzclaims/**"} <= set(paths)
    steps = data["jobs"]["claims"]["steps"]
    setup = next(s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.11"
    assert any(s.get("run") == "pip install ." for s in steps)
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "kzclaims-report.json"


def test_commands_exist_in_the_cli() -> None:
    typer = pytest.importorskip("typer")
    try:
        from kzclaims.cli import app
    except ImportError:
        pytest.skip("kzclaims.cli is not importable")
    group = typer.main.get_command(app)
    commands = _kzclaims_commands()
    assert [c[0] for c in commands] == ["check", "compare", "compare"]
    for words in commands:
        command = group.commands[words[0]]  # type: ignore[attr-defined]
        known = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
        for word in words[1:]:
            if word.startswith("-"):
                assert word in known, f"kzclaims {words[0]} has no option {word}"
    assert "--fail-on" in commands[2] and "changed" in commands[2]
