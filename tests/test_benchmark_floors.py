"""The conformance figures never fall below the last recorded ones (benchmarks/floors.json).

Recomputes every accuracy figure of ``benchmarks/run.py`` (NewsQuant, Recognizers-Text number /
range / percent / date / duration specs, Duckling numerals; not speed) from the shared data in
../shared next to the repository (or $KZCLAIMS_SHARED) and compares it with its floor. Skips
when the shared data is not there. After an improvement, record the new floors with
``python benchmarks/run.py --update-floors``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KZCLAIMS_SHARED", ROOT.parent / "shared"))
FLOORS = ROOT / "benchmarks" / "floors.json"


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    if not (SHARED / "conformance").is_dir() or not (SHARED / "benchmarks").is_dir():
        pytest.skip(f"shared benchmark data not found at {SHARED}")
    for p in (str(ROOT), str(ROOT / "benchmarks")):
        if p not in sys.path:
            sys.path.insert(0, p)
    import run  # benchmarks/run.py

    res = run.conformance(SHARED)
    return dict(run._flat(res))


def _floors() -> dict[str, float]:
    doc = json.loads(FLOORS.read_text(encoding="utf-8"))
    floors: dict[str, float] = doc["floors"]
    return floors


def test_floors_file_is_sane() -> None:
    floors = _floors()
    assert "newsquant.value_f1" in floors and "recognizers.NumberModel" in floors
    assert all(0 <= v <= 100 for v in floors.values())


@pytest.mark.parametrize("name", sorted(_floors()))
def test_not_below_floor(figures: dict[str, Any], name: str) -> None:
    floor = _floors()[name]
    got = figures.get(name)
    if got is None:
        pytest.skip(f"{name} could not be measured here (its suite or module is missing)")
    assert got >= floor - 1e-9, f"{name} fell to {got} (floor {floor})"
