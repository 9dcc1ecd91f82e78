"""Library constants swept on the blind set, chosen leaving one design event out (issue 10).

    python benchmarks/sweep.py --set pipeline.NEIGHBOUR_PENALTY=5,10
    python benchmarks/sweep.py --set choose.OTHER_SENTENCE=-20,-10 --set pipeline.X=1,2

Unlike ``benchmarks/agreement.py`` (constants used after the search: one search per event), any
constant of ``kzclaims.pipeline``, ``kzclaims.choose`` or ``kzclaims.joint`` may be swept here:
each event is run in full (``benchmarks/claims.py``'s grading, as written) once per setting.
Printed: each setting's totals per design split (right values / false finds / verdicts right)
and the validation split's aggregate (never per event, never a failure); then, for each of the
design events, the setting with the most right values less false finds (verdicts break ties) on
the other design events, graded on the left-out one. The held-out half is never run (events are
named by the split table of ``benchmarks/unseen/README.md``).
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import claims as bench  # noqa: E402

DESIGN = bench.SPLITS.design  # the split table of benchmarks/unseen/README.md


def validation() -> tuple[str, ...]:
    """The validation split as the set's README names it (the last ``spent*`` row)."""
    return bench.SPLITS.validation


class _Entry:
    """One entry of a dict constant, set and read as an attribute (None: the entry absent)."""

    def __init__(self, table: dict[str, Any], entry: str) -> None:
        self.table, self.entry = table, entry

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name in ("table", "entry"):
            raise AttributeError(name)
        return self.table.get(self.entry)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("table", "entry"):
            object.__setattr__(self, name, value)
        elif value is None:
            self.table.pop(self.entry, None)
        else:
            self.table[self.entry] = value


def _value(text: str) -> Any:
    if text in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[text]
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def grade(event: bench.Event, phrasing: str) -> tuple[int, int, int]:
    by_lang, verdicts = bench.grade_event(event, phrasing)
    return (
        sum(t.value_right for t in by_lang.values()),
        sum(t.false_finds for t in by_lang.values()),
        verdicts.verdicts_right,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", action="append", default=[], help="module.NAME=v1,v2,...")
    ap.add_argument("--phrasing", default="as-written", choices=bench.PHRASINGS)
    args = ap.parse_args()
    axes: list[tuple[Any, str, list[Any]]] = []
    for item in args.set:
        name, values = item.split("=", 1)
        mod, attr = name.rsplit(".", 1)
        module = importlib.import_module(f"kzclaims.{mod}")
        if attr.endswith("]"):  # one entry of a dict: CLEAR_BAR[duration]
            attr, entry = attr[:-1].split("[")
            module = _Entry(getattr(module, attr), entry)
            attr = f"{attr}[{entry}]"
        assert hasattr(module, attr), name
        axes.append((module, attr, [_value(v) for v in values.split(",")]))
    settings = list(itertools.product(*(a[2] for a in axes)))
    defaults = [getattr(m, a) for m, a, _ in axes]
    valid = validation()
    events = bench.named_events(DESIGN + valid)
    table: dict[str, list[tuple[int, int, int]]] = {e.slug: [] for e in events}
    for setting in settings:
        for (module, attr, _), v in zip(axes, setting, strict=True):
            setattr(module, attr, v)
        try:
            for e in events:
                table[e.slug].append(grade(e, args.phrasing))
        finally:
            for (module, attr, _), v in zip(axes, defaults, strict=True):
                setattr(module, attr, v)
    split_of = {e.slug: e.split for e in events}
    design = [e.slug for e in events if e.split in DESIGN]

    def total(slugs: list[str], i: int) -> tuple[int, int, int]:
        return tuple(sum(table[s][i][j] for s in slugs) for j in range(3))  # type: ignore

    def label(i: int) -> str:
        return " ".join(f"{a}={v}" for (_, a, _), v in zip(axes, settings[i], strict=True))

    cols = (*DESIGN, "design", *valid)

    def slugs(sp: str) -> list[str]:
        return design if sp == "design" else [s for s in table if split_of[s] == sp]

    print(f"{'setting':48}" + "".join(f"{c:>13}" for c in cols))
    for i in range(len(settings)):
        print(f"{label(i):48}" + "".join(
            "{:>13}".format("/".join(map(str, total(slugs(c), i)))) for c in cols))
    chosen = {}
    for left in design:
        rest = [s for s in design if s != left]
        chosen[left] = max(
            range(len(settings)),
            key=lambda i: (total(rest, i)[0] - total(rest, i)[1], total(rest, i)[2], -i),
        )
    print("LOEO choices:", dict(Counter(label(i) for i in chosen.values())))
    got = [sum(table[s][chosen[s]][j] for s in design) for j in range(3)]
    print(f"graded by the left-out choice (design right/false/verdicts): "
          f"{got[0]}/{got[1]}/{got[2]}")


if __name__ == "__main__":
    main()
