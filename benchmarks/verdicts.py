"""Wrong verdicts and the cells that flip them (issue 10, tenth pass): design splits only.

    python benchmarks/verdicts.py                    # every wrong verdict of the design splits
    python benchmarks/verdicts.py --split spent7     # one design split
    python benchmarks/verdicts.py --summary          # the classes only, per split
    python benchmarks/verdicts.py --validation       # the validation split: aggregate counts only

A claim's verdict is computed from every found cell of the claim (``kzclaims.compare.verdict``),
so one missed, wrong or falsely found cell, or one wrong qualifier, flips it. For every wrong
verdict this prints the **minimal sets of cells whose correction fixes it**: each cell of the
claim that is not right (value and qualifier) is a candidate, and a correction replaces the
cell read from the text with its gold cell (a missed cell found, a false find removed, a wrong
value or qualifier set right), with the gold cell's interval by the library's rules; the
smallest sets of candidates that give the gold verdict are listed. When no such set exists,
every cell has the gold value and qualifier but an interval differs (the words around the
value: "almost", a duration's calendar span): class ``interval``.

The class of a wrong verdict is the class of the cells of its smallest fixing set (``missed``,
``false``, ``value``, ``qualifier``; several joined with ``+``); ``qualifier`` is split by what
was read and what is gold (``approx->exact``).

The validation split (``--validation``) is graded the same way but only aggregate counts are
printed: no claim, event, cell or text of it. The held-out half is never opened: events are named
by the split table of ``benchmarks/unseen/README.md``. Figures on the design splits are
development figures: their failures have been read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import claims as bench  # noqa: E402

from kzclaims import pipeline  # noqa: E402
from kzclaims.compare import verdict  # noqa: E402

DESIGN = bench.SPLITS.design
VALIDATION = bench.SPLITS.validation


@dataclass
class CellView:
    source: str
    status: str  # right, value, qualifier, missed, false, empty
    got: tuple[Any, Any, Any] | None  # (value, qualifier, bounds) as read
    gold: tuple[Any, Any, Any] | None  # (value, qualifier, bounds) of the gold cell
    text: str | None = None
    gold_text: str | None = None
    agreement: str | None = None
    score: float | None = None
    why: str | None = None


@dataclass
class WrongVerdict:
    split: str
    event: str
    claim: str
    kind: str
    got: str
    want: str
    cells: list[CellView]
    fixes: list[tuple[int, ...]] = field(default_factory=list)

    @property
    def klass(self) -> str:
        if not self.fixes:
            return "interval"
        best = self.fixes[0]
        names = sorted(
            {_cell_class(self.cells[i]) for i in best}
        )
        return "+".join(names)


def _cell_class(c: CellView) -> str:
    if c.status == "qualifier" and c.got and c.gold:
        return f"qualifier {c.got[1]}->{c.gold[1]}"
    return c.status


def _grade(event: bench.Event) -> list[tuple[str, str, str, str, list[CellView]]]:
    """(claim id, kind, verdict got, verdict wanted, cells) for every claim of the event."""
    claimset = bench.load_claims(event.path / "claims.yaml")
    corpus = bench.load_sources(event.path / "sources")
    recorded: list[list[tuple[Any, Any, Any]]] = []
    saved = pipeline.verdict

    def recorder(findings: Any) -> Any:
        recorded.append(list(findings))
        return saved(findings)

    pipeline.verdict = recorder  # type: ignore[assignment]
    try:
        report = bench.compare(claimset, corpus)
    finally:
        pipeline.verdict = saved  # type: ignore[assignment]
    assert len(recorded) == len(report.claims), (len(recorded), len(report.claims))
    claims = {c.id: c for c in claimset.claims}
    out = []
    for result, compared in zip(report.claims, recorded, strict=True):
        claim = claims[result.id]
        fact = event.claim_fact.get(result.id)
        it = iter(compared)
        cells: list[CellView] = []
        for f in result.findings:
            want = event.stated.get(f.source, {}).get(fact) if fact else None
            gold = None
            if want is not None:
                gold = (
                    bench.gold_json(claim.kind, want["value"]),
                    str(want.get("qualifier") or "exact"),
                    bench._gold_bounds(claim, want),
                )
            got = None
            if f.found and f.qualifier is not None:
                got = next(it)
            if got is None and gold is None:
                status = "empty"
            elif got is None:
                status = "missed"
            elif gold is None:
                status = "false"
            elif not bench.same_value(got[0], gold[0]):
                status = "value"
            elif claim.kind != "statement" and got[1] != gold[1]:
                status = "qualifier"
            else:
                status = "right"
            cells.append(CellView(
                source=f.source, status=status, got=got, gold=gold,
                text=f.text if f.found else None,
                gold_text=str(want.get("text")) if want else None,
                agreement=f.agreement, score=f.score, why=f.why,
            ))
        want_v = verdict([c.gold for c in cells if c.gold is not None])
        out.append((result.id, claim.kind, result.verdict, want_v, cells))
    return out


def _fixes(cells: list[CellView], want: str) -> list[tuple[int, ...]]:
    """The smallest sets of non-right cells whose correction gives the wanted verdict."""
    candidates = [i for i, c in enumerate(cells) if c.status not in ("right", "empty")]
    for size in range(1, len(candidates) + 1):
        found = []
        for subset in combinations(candidates, size):
            fixed = []
            for i, c in enumerate(cells):
                cell = c.gold if i in subset else c.got
                if cell is not None:
                    fixed.append(cell)
            if verdict(fixed) == want:
                found.append(subset)
        if found:
            return found
    return []


def wrong_verdicts(splits: tuple[str, ...]) -> tuple[list[WrongVerdict], int]:
    out = []
    total = 0
    for event in bench.named_events(splits):
        for cid, kind, got, want, cells in _grade(event):
            total += 1
            if got == want:
                continue
            w = WrongVerdict(event.split, event.slug, cid, kind, got, want, cells)
            w.fixes = _fixes(cells, want)
            out.append(w)
    return out, total


def _show(c: CellView) -> str:
    def v(t: tuple[Any, Any, Any] | None) -> str:
        return "-" if t is None else f"{t[0]} {t[1]}"

    extra = f" [{c.agreement}: {c.why}]" if c.agreement == "dropped" else (
        f" [{c.agreement}]" if c.agreement else ""
    )
    score = f" score {c.score:.0f}" if c.score is not None else ""
    return (
        f"{c.source}: {c.status}: got {v(c.got)} ({c.text!r}){score}{extra}; "
        f"gold {v(c.gold)} ({c.gold_text!r})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=DESIGN, default=None, help="one design split")
    ap.add_argument("--summary", action="store_true", help="the classes only")
    ap.add_argument(
        "--validation", action="store_true",
        help=f"the validation split {', '.join(VALIDATION)}: aggregate counts only",
    )
    args = ap.parse_args()
    if args.validation:
        wrong, total = wrong_verdicts(VALIDATION)
        classes = Counter(w.klass for w in wrong)
        print(f"{', '.join(VALIDATION)}: {total - len(wrong)} of {total} verdicts right")
        for name, n in classes.most_common():
            print(f"  {n:3} {name}")
        return
    splits = (args.split,) if args.split else DESIGN
    all_classes: Counter[str] = Counter()
    for split in splits:
        wrong, total = wrong_verdicts((split,))
        classes = Counter(w.klass for w in wrong)
        all_classes.update(classes)
        print(
            f"== {split}: {total - len(wrong)} of {total} verdicts right; wrong: "
            + ", ".join(f"{n} {k}" for k, n in classes.most_common())
        )
        if args.summary:
            continue
        for w in wrong:
            print(f"{w.event}/{w.claim} ({w.kind}): {w.got}, want {w.want}; class {w.klass}")
            fixing = set(w.fixes[0]) if w.fixes else set()
            others = {i for f in w.fixes[1:] for i in f} - fixing
            for i, c in enumerate(w.cells):
                if c.status == "empty":
                    continue
                mark = "*" if i in fixing else "~" if i in others else " "
                print(f"   {mark} {_show(c)}")
    if len(splits) > 1:
        print("== all design splits: " + ", ".join(
            f"{n} {k}" for k, n in all_classes.most_common()
        ))


if __name__ == "__main__":
    main()
