"""Duckling's English numeral corpus (105 phrases, each a whole phrase with one value).

A phrase passes when we read at least one number from it, the first one starts where the phrase
starts (after leading spaces), and every value we read has the expected value (so
"forty-five (45)" passes with two readings of 45; "a couple of" fails since we read nothing).
Values equal to 1e-9 relative.

Run: python benchmarks/duckling.py [--shared DIR] [--errors]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kzclaims.values.numbers import read_numbers  # noqa: E402

CORPUS = Path("conformance/duckling/duckling_numeral_en.json")


def case_passes(text: str, value: float) -> tuple[bool, list[Any]]:
    vals = [v for v in read_numbers(text) if v.type == "number"]
    got = [(v.text, v.reading) for v in vals]
    if not vals or vals[0].start != len(text) - len(text.lstrip()):
        return False, got
    for v in vals:
        if isinstance(v.reading, tuple):
            return False, got
        if not math.isclose(float(v.reading), float(value), rel_tol=1e-9, abs_tol=1e-12):  # type: ignore[arg-type]
            return False, got
    return True, got


def pass_rate(shared: Path, errors: bool = False) -> float:
    data = json.loads((shared / CORPUS).read_text(encoding="utf-8"))
    passed = 0
    for item in data:
        ok, got = case_passes(item["text"], item["value"])
        passed += ok
        if errors and not ok:
            print(f"{item['text']!r}: expected {item['value']}, got {got}")
    return round(100.0 * passed / len(data), 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    print(json.dumps({"duckling_numeral": pass_rate(args.shared, args.errors)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
