"""The clear best's bar and margin (kzclaims.pipeline.CLEAR_BAR / CLEAR_MARGIN), chosen leaving
one event out over the blind set's tuning splits (issue 10, fifth pass; docs/benchmarks.md,
"Choosing and abstaining").

For every (bar, margin) of a grid, the real library grades every tuning event (right values,
false finds, verdicts right, as ``benchmarks/claims.py`` counts them); then, for each event, the
grid point with the most cells right (right values less false finds; verdicts break ties) on the
*other* events is graded on it. Only the tuning splits are read: the events are named by the split
table of ``benchmarks/unseen/README.md`` (``ranker.tuning_events``), and no file of a held-out
event is opened. Every figure it prints is a development figure. Run from the repository root:

    python benchmarks/clear_best.py [--json FILE]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import claims as grading
import ranker

from kzclaims import pipeline

SPLITS = ("dev", "spent", "spent2", "spent3", "spent4")
KINDS = ("percent", "duration", "date_range")
BARS = (10.0, 15.0, 20.0, 25.0, 30.0)
MARGINS = (10.0, 20.0, 30.0, 40.0)


def grade(bar: float, margin: float, events: list[Any]) -> dict[str, tuple[int, int, int, str]]:
    """(right values, false finds, verdicts right, split) of each event with these constants."""
    saved = dict(pipeline.CLEAR_BAR), pipeline.CLEAR_MARGIN
    pipeline.CLEAR_BAR = {k: bar for k in KINDS} if bar else {}
    pipeline.CLEAR_MARGIN = margin
    try:
        out = {}
        for event in events:
            by_lang, verdicts = grading.grade_event(event)
            out[event.slug] = (
                sum(t.value_right for t in by_lang.values()),
                sum(t.false_finds for t in by_lang.values()),
                verdicts.verdicts_right,
                event.split,
            )
        return out
    finally:
        pipeline.CLEAR_BAR, pipeline.CLEAR_MARGIN = saved


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", type=Path, help="write every grid point's per-event figures here")
    args = ap.parse_args()
    ranker.TUNING = SPLITS
    events = ranker.tuning_events()
    grid = {(0.0, 0.0): grade(0.0, 0.0, events)}
    for bar, margin in itertools.product(BARS, MARGINS):
        grid[bar, margin] = grade(bar, margin, events)
    print("in-sample, all events: bar margin: right values / false finds / verdicts right")
    for (bar, margin), row in grid.items():
        r, f, v = (sum(x[i] for x in row.values()) for i in range(3))
        print(f"  {bar:g} {margin:g}: {r} / {f} / {v}")
    picks: Counter[tuple[float, float]] = Counter()
    start: dict[str, list[int]] = {}
    left_out: dict[str, list[int]] = {}
    for event in events:
        others = [e.slug for e in events if e.slug != event.slug]

        def cells(key: tuple[float, float], others: list[str] = others) -> tuple[int, int]:
            row = grid[key]
            right = sum(row[s][0] for s in others) - sum(row[s][1] for s in others)
            return right, sum(row[s][2] for s in others)

        key = max((k for k in grid if k != (0.0, 0.0)), key=cells)
        picks[key] += 1
        for split in (event.split, "all"):
            for table, k in ((start, (0.0, 0.0)), (left_out, key)):
                got = table.setdefault(split, [0, 0, 0])
                for i in range(3):
                    got[i] += grid[k][event.slug][i]
    print("leave one event out: chosen (bar, margin):", dict(picks))
    for split in (*SPLITS, "all"):
        print(f"  {split}: without {start[split]} -> chosen on the other events {left_out[split]}")
    if args.json:
        args.json.write_text(
            json.dumps({f"{b:g},{m:g}": row for (b, m), row in grid.items()}, indent=1),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
