"""All value-reader benchmarks in one run, with the published baselines beside ours.

    python benchmarks/run.py                 # a readable table
    python benchmarks/run.py --json          # exactly one JSON object on stdout
    python benchmarks/run.py --shared DIR    # default: ../shared next to the repository
    python benchmarks/run.py --no-speed      # skip the speed measurements (faster)
    python benchmarks/run.py --update-floors # also record the accuracy figures in floors.json

The JSON object:
{"newsquant": {"value_f1", "value_change_f1", "value_precision", "value_recall"},
 "recognizers": {"NumberModel", "NumberRangeModel", "PercentModel", "DurationParser",
                 "DateParser"},
 "duckling_numeral", "reader_mb_per_s", "startup_ms"}
Pass rates and scores are percentages. A figure that could not be measured (its suite or module
is missing) is null. How each suite is scored: the docstrings of newsquant.py, recognizers.py,
duckling.py, temporal_suites.py and speed.py, and docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
for p in (str(ROOT), str(BENCH)):
    if p not in sys.path:
        sys.path.insert(0, p)

import duckling  # noqa: E402
import newsquant  # noqa: E402
import recognizers  # noqa: E402
import speed  # noqa: E402

try:  # written by the temporal half; run.py works before it exists
    from temporal_suites import date_parser_pass_rate, duration_parser_pass_rate
except ImportError:  # pragma: no cover - depends on the checkout
    date_parser_pass_rate = None  # type: ignore[assignment]
    duration_parser_pass_rate = None  # type: ignore[assignment]

# Published / measured baselines (../shared/benchmarks/newsquant/README.md and
# ../shared/research/extraction-libraries.md, ../shared/conformance/README.md)
BASELINES: dict[str, tuple[str, str]] = {
    "newsquant.value_f1": ("92.0", "CQE (EMNLP 2023); quantulum3 73.0, Recognizers 69.1"),
    "newsquant.value_change_f1": ("88.1", "CQE; GPT-3 51.9"),
    "newsquant.value_precision": ("92.0", "CQE"),
    "newsquant.value_recall": ("91.9", "CQE"),
    "recognizers.NumberModel": ("75.3", "Recognizers-Text Python port 1.0.2a2"),
    "recognizers.NumberRangeModel": ("2.3", "Recognizers-Text Python port (2 of 87)"),
    "recognizers.PercentModel": ("-", ""),
    "recognizers.DurationParser": ("-", ""),
    "recognizers.DateParser": ("-", ""),
    "duckling_numeral": ("68.6", "Recognizers-Text; quantulum3 58.1"),
    "reader_mb_per_s": ("25", "plain digit regex (the floor for a Python scanner)"),
    "startup_ms": ("-", ""),
}
TARGETS: dict[str, str] = {
    "newsquant.value_f1": "> 92.0",
    "newsquant.value_change_f1": "> 88.1",
    "recognizers.NumberModel": ">= 95",
    "recognizers.NumberRangeModel": ">= 90",
    "recognizers.PercentModel": "high",
    "duckling_numeral": ">= 95",
    "reader_mb_per_s": "several MB/s",
}


def _safe(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except FileNotFoundError:
        return None


def conformance(shared: Path) -> dict[str, Any]:
    """Every accuracy figure (no speed)."""
    rec: dict[str, Any] = {
        s: _safe(lambda s=s: recognizers.pass_rate(shared, s))  # type: ignore[misc]
        for s in ("NumberModel", "NumberRangeModel", "PercentModel")
    }
    rec["DurationParser"] = (
        _safe(lambda: round(duration_parser_pass_rate(shared), 1))
        if duration_parser_pass_rate
        else None
    )
    rec["DateParser"] = (
        _safe(lambda: round(date_parser_pass_rate(shared), 1)) if date_parser_pass_rate else None
    )
    return {
        "newsquant": _safe(lambda: newsquant.score(shared)),
        "recognizers": rec,
        "duckling_numeral": _safe(lambda: duckling.pass_rate(shared)),
    }


def run(shared: Path, with_speed: bool = True) -> dict[str, Any]:
    res = conformance(shared)
    if with_speed:
        res["reader_mb_per_s"] = speed.reader_mb_per_s(speed.synthetic_text(2.0))
        res["startup_ms"] = speed.startup_ms()[0]
    else:
        res["reader_mb_per_s"] = None
        res["startup_ms"] = None
    return res


FLOORS = BENCH / "floors.json"


def write_floors(res: dict[str, Any]) -> None:
    """Record every accuracy figure (not speed) as the floor tests/test_benchmark_floors.py
    holds the code to."""
    floors = {k: v for k, v in _flat(res) if v is not None and k not in SPEED_KEYS}
    doc = {
        "_comment": "Last recorded accuracy figures (percent); tests/test_benchmark_floors.py "
        "fails when one falls below. Update with: python benchmarks/run.py --update-floors",
        "floors": floors,
    }
    FLOORS.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")


SPEED_KEYS = frozenset({"reader_mb_per_s", "startup_ms"})


def _flat(res: dict[str, Any]) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for k, v in res.items():
        if isinstance(v, dict):
            out += [(f"{k}.{k2}", v2) for k2, v2 in v.items()]
        else:
            out.append((k, v))
    return out


def table(res: dict[str, Any]) -> str:
    rows = [("measure", "ours", "baseline", "target", "baseline is")]
    for key, val in _flat(res):
        base, who = BASELINES.get(key, ("-", ""))
        rows.append((key, "-" if val is None else str(val), base, TARGETS.get(key, ""), who))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(r[i].ljust(widths[i]) for i in range(4)) + "  " + r[4])
        if n == 0:
            lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 11)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="value-reader benchmarks")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", action="store_true", help="print exactly one JSON object")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument(
        "--update-floors", action="store_true", help="write the accuracy figures to floors.json"
    )
    args = ap.parse_args(argv)
    res = run(args.shared, with_speed=not args.no_speed)
    if args.update_floors:
        write_floors(res)
    if args.json:
        print(json.dumps(res, sort_keys=False))
    else:
        print(table(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
