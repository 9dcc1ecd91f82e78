"""Independent check of the bundled comparison: a claims file and an answer key written by a
fact-checker who had not seen the project's own claims.yaml (tests/fixtures/independent/).

Every cell (claim x source) is graded: right when found / not found agrees with the key and, when
found, the normalized value and the qualifier equal the key's. The share of right cells must be
at least 90 %. Run this file as a script to print the wrong cells:

    /work/venv/bin/python tests/test_independent.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path("tests") / "fixtures" / "independent"
CLAIMS = FIXTURE / "claims.yaml"
EXPECTED = FIXTURE / "expected.yaml"
MIN_SHARE = 0.90


def run_compare() -> dict[str, Any]:
    """The JSON report of `kzclaims compare` on the independent claims and the bundled sources."""
    proc = subprocess.run(
        [sys.executable, "-m", "kzclaims", "compare", "--claims", str(CLAIMS), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report: dict[str, Any] = json.loads(proc.stdout)
    return report


def same_value(got: Any, want: Any) -> bool:
    """Equal as normalized values: numbers numerically, lists element-wise, the rest exactly."""
    if isinstance(want, bool) or isinstance(got, bool):
        return got is want
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return abs(float(got) - float(want)) < 1e-9
    if isinstance(want, list) and isinstance(got, list):
        return len(got) == len(want) and all(
            same_value(g, w) for g, w in zip(got, want, strict=True)
        )
    return bool(got == want)


def show(cell: dict[str, Any] | None) -> str:
    if not cell:
        return "not found"
    return f"{json.dumps(cell.get('value'))} {cell.get('qualifier')}"


def grade(report: dict[str, Any], key: dict[str, Any]) -> tuple[int, list[str]]:
    """(number of cells, descriptions of the wrong ones)."""
    cells = 0
    wrong: list[str] = []
    by_id = {claim["id"]: claim for claim in report["claims"]}
    assert set(by_id) == set(key), "claims and answer key name different claims"
    for claim_id, answers in key.items():
        findings = {f["source"]: f for f in by_id[claim_id]["findings"]}
        assert set(findings) == set(answers), f"{claim_id}: sources differ from the key"
        for source, want in answers.items():
            cells += 1
            finding = findings[source]
            got = finding if finding.get("found") else None
            if want is None and got is None:
                continue
            if (
                want is not None
                and got is not None
                and same_value(got.get("value"), want["value"])
                and got.get("qualifier") == want["qualifier"]
            ):
                continue
            where = (
                f"line {finding['line']}: {finding.get('quote', '')!r}" if "line" in finding else ""
            )
            wrong.append(
                f"{claim_id} x {source}: want {show(want)}, got {show(got)}"
                + (f" (text {got.get('text')!r})" if got else "")
                + (f" {where}" if where else "")
            )
    return cells, wrong


def load_key() -> dict[str, Any]:
    key: dict[str, Any] = yaml.safe_load((ROOT / EXPECTED).read_text(encoding="utf-8"))
    return key


def test_independent_claims_are_read_right_in_at_least_90_percent_of_cells() -> None:
    cells, wrong = grade(run_compare(), load_key())
    share = (cells - len(wrong)) / cells
    print(f"\nindependent: {cells - len(wrong)}/{cells} cells right ({share:.1%})")
    for line in wrong:
        print("  WRONG", line)
    assert cells == 250
    assert share >= MIN_SHARE, "\n".join([f"{share:.1%} right", *wrong])


def test_grading_counts_a_wrong_qualifier_and_a_miss() -> None:
    report = {
        "claims": [
            {
                "id": "c",
                "findings": [
                    {"source": "a", "found": True, "value": 10, "qualifier": "exact", "line": 1},
                    {"source": "b", "found": False},
                    {"source": "d", "found": True, "value": [3, 4.0], "qualifier": "exact"},
                ],
            }
        ]
    }
    key = {
        "c": {
            "a": {"value": 10, "qualifier": "at_most"},
            "b": {"value": 1, "qualifier": "exact"},
            "d": {"value": [3, 4], "qualifier": "exact"},
        }
    }
    cells, wrong = grade(report, key)
    assert cells == 3
    assert [w.split(":")[0] for w in wrong] == ["c x a", "c x b"]


if __name__ == "__main__":
    n, bad = grade(run_compare(), load_key())
    print(f"{n - len(bad)}/{n} cells right ({(n - len(bad)) / n:.1%})")
    for item in bad:
        print("WRONG", item)
