"""The files other tools read: pre-commit's hook list and the GitHub Action.

The Action is run the way GitHub would run its steps (the same bash commands, inputs as
environment variables) against this repository, so a typo in a step fails here, not in a user's
workflow.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_pre_commit_hooks() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    check = by_id["kzclaims-check"]
    assert check["entry"].startswith("kzclaims check")
    assert check["language"] == "python" and check["pass_filenames"] is False
    files = re.compile(check["files"])
    for path in ("claims.yaml", "sources/sources.yaml", "sources/a.txt", "x/claims.yml"):
        assert files.search(path), path
    assert not files.search("README.md")
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)


def test_action_is_a_composite_that_installs_from_its_own_folder() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    install = next(s for s in steps if s.get("name") == "Install kzclaims")
    assert "GITHUB_ACTION_PATH" in install["run"]
    names = [s.get("name") for s in steps]
    assert "kzclaims check" in names and "kzclaims compare" in names
    for step in steps[1:]:
        for ref in re.findall(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", yaml.safe_dump(step)):
            assert ref in action["inputs"], ref
        assert "${{" not in step.get("run", ""), "inputs reach scripts through env only"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_action_steps_run(tmp_path: Path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    steps = {s["name"]: s for s in action["runs"]["steps"] if "name" in s}
    shutil.copytree(ROOT / "tests" / "fixtures" / "corpus", tmp_path / "repo")
    inputs = {k: v.get("default", "") for k, v in action["inputs"].items()}
    inputs.update({"fail-on": "conflict", "format": "github"})

    def run(name: str) -> subprocess.CompletedProcess[str]:
        step = steps[name]
        env = {**os.environ, "GITHUB_ACTIONS": "", "NO_COLOR": "1"}
        for key, value in step.get("env", {}).items():
            m = re.fullmatch(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", value)
            env[key] = inputs[m.group(1)] if m else value
        import sys

        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        return subprocess.run(
            ["bash", "-e", "-c", step["run"]], cwd=tmp_path / "repo", env=env,
            capture_output=True, text=True, check=False,
        )

    assert run("kzclaims check").returncode == 0
    compare = run("kzclaims compare")
    assert compare.returncode == 1  # the fixture has a conflict: --fail-on conflict fails
    assert compare.stdout.startswith("::error file=claims.yaml,line=4")
