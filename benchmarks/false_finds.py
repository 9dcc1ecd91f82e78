"""False finds and the verdicts they cost (issue 10, eighth pass): the view, design splits only.

    python benchmarks/false_finds.py                 # every false find, wrong value, wrong
                                                     # verdict and right cell near the threshold
    python benchmarks/false_finds.py --split spent5  # one design split
    python benchmarks/false_finds.py --summary       # the features, false finds against right
                                                     # cells, in bins (no cell listed)

For every cell of the design splits (their failures may be read; never the validation
split, whose failures stay unread, nor the held-out half, whose files it never opens: its
events are named by the split table of benchmarks/unseen/README.md) it prints what separates a
false find (a value found in a source that does not state the fact) from a right value:

- the cell's score, its margin over the threshold, its kind, and the parts of its score
  (relevance: the passage's wording overlap with a phrasing; near: the claim's informative
  words near the value; fit);
- the agreement step's view: how many other sources give its value for this claim, how many
  agree on the most given other value, and in how many sources the claim has a cell;
- exclusivity within the claims file: the best score another claim of the same kind gives the
  same value in the same source (its pairs as the library scores them, above its own bar), and
  whether the value is a cell of another claim there;
- what the cell did in the agreement step (switched, taken, dropped, owned).

Wrong verdicts are listed with the cells of their claim that are wrong. Figures printed here are
development figures: the design splits' failures have been read.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import claims as bench  # noqa: E402

from kzclaims import pipeline  # noqa: E402
from kzclaims.compare import verdict  # noqa: E402

DESIGN = bench.SPLITS.design  # the split table of benchmarks/unseen/README.md
VALIDATION = bench.SPLITS.validation

_PARTS = re.compile(r"score [\d.]+: relevance ([\d.]+), near the value ([\d.]+), fit ([-+\d.]+)")


def named_events(splits: tuple[str, ...]) -> list[bench.Event]:
    """The events of ``splits`` (design or validation only), named by the set's README
    (:func:`claims.named_events`): no file of a held-out event is opened."""
    for split in splits:
        assert split in (*DESIGN, *VALIDATION), split
    return bench.named_events(splits)


@dataclass
class Cell:
    split: str
    event: str
    claim: str
    source: str
    lang: str
    kind: str
    status: str  # right, wrong, false, missed, empty (unstated and not found)
    gold: Any
    got: Any
    text: str | None
    quote: str | None
    score: float | None
    margin: float | None
    agreement: str | None
    relevance: float | None = None
    near: float | None = None
    fit: float | None = None
    support: int = 0  # other sources whose cell of this claim gives the value (give or take)
    majority: int = 0  # other sources agreeing on the most given other value
    found_in: int = 0  # sources where the claim has a cell
    rival_score: float | None = None  # best score another claim of its kind gives the value
    rival_claim: str | None = None
    rival_holds: bool = False  # the value is another claim's cell in this source
    why: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _record_pairs() -> dict[tuple[str, str], dict[tuple[int, int], float]]:
    """Wrap :func:`pipeline._pairs` to keep each claim's best score per value of a source."""
    seen: dict[tuple[str, str], dict[tuple[int, int], float]] = {}
    inner = pipeline._pairs

    def pairs(claim: Any, source: Any, matches: Any, indexed: Any, limit: Any = None,
              keep: Any = None) -> Any:
        out = inner(claim, source, matches, indexed, limit, keep)
        mine = seen.setdefault((claim.id, source.id), {})
        for s in out:
            key = pipeline._value_key(s.reading, indexed)
            if key is not None:
                mine[key] = max(mine.get(key, -1e9), s.joint)
        return out

    pipeline._pairs = pairs  # type: ignore[assignment]
    return seen


def collect(event: bench.Event, phrasing: str = "as-written") -> tuple[list[Cell], list[str]]:
    """Every cell of one design event with its features; and its wrong verdicts."""
    assert event.split in DESIGN, event.split
    claimset = bench.load_claims(event.path / "claims.yaml")
    if phrasing != "as-written":
        claimset = replace(
            claimset, claims=tuple(bench.rephrase(c, phrasing) for c in claimset.claims)
        )
    corpus = bench.load_sources(event.path / "sources")
    saved = pipeline._pairs
    seen = _record_pairs()
    try:
        state = pipeline.ShardSearch(
            claimset.claims, languages=frozenset(s.language for s in corpus.sources)
        )
        outcomes = state.search(corpus.sources)
    finally:
        pipeline._pairs = saved  # type: ignore[assignment]
    results = pipeline.assemble(claimset.claims, outcomes)
    claims = {c.id: c for c in claimset.claims}
    lang = {s.id: s.language for s in corpus.sources}
    # the key of each (claim, source) value: from the rivals the sources kept
    keys: dict[tuple[int, str], list[tuple[Any, tuple[int, int], bool]]] = {}
    for o in outcomes:
        for r in o.rivals:
            keys.setdefault((r.claim, o.info.id), []).append(
                ((r.finding.value, r.finding.text, r.finding.line), r.key, r.margin)
            )
    index = {c.id: q for q, c in enumerate(claimset.claims)}
    finals: dict[str, dict[str, Any]] = {
        r.id: {f.source: f for f in r.findings} for r in results
    }
    cells: list[Cell] = []
    bad_verdicts: list[str] = []
    for r in results:
        claim = claims[r.id]
        fact = event.claim_fact.get(r.id)
        gold_cells = []
        given = {
            s: pipeline._agreed_value(f.value) for s, f in finals[r.id].items() if f.found
        }
        mine: list[Cell] = []
        for f in r.findings:
            want = event.stated.get(f.source, {}).get(fact) if fact else None
            gold = bench.gold_json(claim.kind, want["value"]) if want else None
            if want is not None:
                gold_cells.append((gold, str(want.get("qualifier") or "exact"), want))
            if f.found:
                status = (
                    "false" if want is None
                    else "right" if bench.same_value(f.value, gold) else "wrong"
                )
            else:
                status = "missed" if want is not None else "empty"
            cell = Cell(
                split=event.split, event=event.slug, claim=r.id, source=f.source,
                lang=lang.get(f.source, "en"), kind=claim.kind, status=status, gold=gold,
                got=f.value if f.found else None, text=f.text, quote=f.quote,
                score=f.score, margin=(f.score - claim.threshold) if f.score is not None
                else None, agreement=f.agreement, why=f.why,
            )
            m = _PARTS.search(f.why or "")
            if m:
                cell.relevance, cell.near, cell.fit = (float(x) for x in m.groups())
            if f.found and claim.kind != "statement":
                v = pipeline._agreed_value(f.value)
                others = {s: w for s, w in given.items() if s != f.source}
                cell.support = sum(1 for w in others.values() if pipeline._near(w, v))
                counts = Counter(w for w in others.values() if not pipeline._near(w, v))
                cell.majority = max(counts.values(), default=0)
                cell.found_in = len(given)
                key, margin = next(
                    ((k, mg) for ident, k, mg in keys.get((index[r.id], f.source), ())
                     if ident == (f.value, f.text, f.line)),
                    (None, None),
                )
                if margin is not None:
                    cell.margin = margin  # not capped at 100 as the shown score is
                if key is not None:
                    for other in claimset.claims:
                        if other.id == r.id or other.kind != claim.kind:
                            continue
                        s = seen.get((other.id, f.source), {}).get(key)
                        if s is not None and (cell.rival_score is None or s > cell.rival_score):
                            cell.rival_score, cell.rival_claim = s, other.id
                        of = finals[other.id].get(f.source)
                        if of is not None and of.found and (of.text, of.line) == (f.text, f.line):
                            cell.rival_holds = True
                    cell.extra["key"] = key
            elif f.found:
                cell.found_in = len(given)
            mine.append(cell)
        cells.extend(mine)
        want_verdict = verdict(
            [(g, q, bench._gold_bounds(claim, w)) for g, q, w in gold_cells]  # type: ignore[misc]
        )
        if r.verdict != want_verdict:
            causes = Counter(c.status for c in mine if c.status in ("false", "wrong", "missed"))
            bad_verdicts.append(
                f"[{event.split}] {event.slug}/{r.id} ({claim.kind}): {r.verdict}, want "
                f"{want_verdict}; cells: "
                + ", ".join(f"{n} {s}" for s, n in sorted(causes.items()))
            )
    return cells, bad_verdicts


def _fmt(c: Cell) -> str:
    def n(x: float | None) -> str:
        return "-" if x is None else f"{x:.0f}"

    rival = (
        f" rival {c.rival_claim} {n(c.rival_score)}{' HOLDS' if c.rival_holds else ''}"
        if c.rival_claim else ""
    )
    gold = "" if c.status == "false" else f" gold {c.gold}"
    return (
        f"[{c.split}] {c.event}/{c.claim}/{c.source} {c.kind} {c.status.upper()}: got "
        f"{c.got} ({c.text!r}){gold} | score {n(c.score)} margin {n(c.margin)} rel "
        f"{n(c.relevance)} near {n(c.near)} fit {n(c.fit)} | support {c.support} majority "
        f"{c.majority} found_in {c.found_in} agreement {c.agreement}{rival}\n    "
        f"{(c.quote or '')[:220]!r}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=[*DESIGN, "design"], default="design")
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("--near", type=float, default=30.0,
                    help="right cells with a margin below this are listed (default 30)")
    ap.add_argument("--phrasing", default="as-written", choices=bench.PHRASINGS)
    args = ap.parse_args()
    splits = DESIGN if args.split == "design" else (args.split,)
    cells: list[Cell] = []
    verdicts: list[str] = []
    for e in named_events(splits):
        cs, vs = collect(e, args.phrasing)
        cells.extend(cs)
        verdicts.extend(vs)
    if args.summary:
        summary(cells, len(verdicts))
        return
    for status in ("false", "wrong"):
        print(f"== {status} ==")
        for c in cells:
            if c.status == status:
                print(_fmt(c))
    print(f"== right, margin below {args.near:g} ==")
    for c in cells:
        if c.status == "right" and c.margin is not None and c.margin < args.near:
            print(_fmt(c))
    print("== wrong verdicts ==")
    for v in verdicts:
        print(v)
    summary(cells, len(verdicts))


def summary(cells: list[Cell], wrong_verdicts: int) -> None:
    """Counts of false finds against right cells by each feature."""
    found = [c for c in cells if c.status in ("right", "false", "wrong")]
    print(f"cells found {len(found)}: right {sum(c.status == 'right' for c in found)}, false "
          f"{sum(c.status == 'false' for c in found)}, wrong "
          f"{sum(c.status == 'wrong' for c in found)}; wrong verdicts {wrong_verdicts}")

    def row(name: str, test: Any) -> None:
        got = Counter(c.status for c in found if test(c))
        print(f"  {name:52} right {got['right']:4}  false {got['false']:3}  wrong "
              f"{got['wrong']:3}")

    for kind in ("count", "number", "percent", "date", "date_range", "duration", "statement"):
        row(f"kind {kind}", lambda c, k=kind: c.kind == k)
    for lo, hi in ((-60, 0), (0, 10), (10, 20), (20, 30), (30, 45), (45, 60), (60, 999)):
        row(f"margin [{lo}, {hi})", lambda c, lo=lo, hi=hi: c.margin is not None
            and lo <= c.margin < hi)
    for a in ("switched", "taken", "owned", None):
        row(f"agreement {a}", lambda c, a=a: c.agreement == a)
    row("support 0, majority >= 2", lambda c: c.kind != "statement" and c.support == 0
        and c.majority >= 2)
    row("support 0, majority >= 3", lambda c: c.kind != "statement" and c.support == 0
        and c.majority >= 3)
    row("support 0, majority 1", lambda c: c.kind != "statement" and c.support == 0
        and c.majority == 1)
    row("support 0, majority 0", lambda c: c.kind != "statement" and c.support == 0
        and c.majority == 0)
    row("support >= 1", lambda c: c.kind != "statement" and c.support >= 1)
    row("support < majority", lambda c: c.kind != "statement" and c.support < c.majority)
    row("another claim scores the value >= this one", lambda c: c.rival_score is not None
        and c.score is not None and c.rival_score >= c.score)
    row("another claim scores the value >= this - 10", lambda c: c.rival_score is not None
        and c.score is not None and c.rival_score >= c.score - 10)
    row("another claim scores the value (any)", lambda c: c.rival_score is not None)
    row("another claim's cell holds the value", lambda c: c.rival_holds)
    for lo, hi in ((0, 40), (40, 60), (60, 80), (80, 101)):
        row(f"relevance [{lo}, {hi})", lambda c, lo=lo, hi=hi: c.relevance is not None
            and lo <= c.relevance < hi)
    for lo, hi in ((0, 20), (20, 40), (40, 60), (60, 101)):
        row(f"near [{lo}, {hi})", lambda c, lo=lo, hi=hi: c.near is not None
            and lo <= c.near < hi)


# --- the sweep: constants of the agreement step chosen leaving one event out ---------------



def _searched(event: bench.Event, phrasing: str) -> tuple[Any, Any]:
    claimset = bench.load_claims(event.path / "claims.yaml")
    if phrasing != "as-written":
        claimset = replace(
            claimset, claims=tuple(bench.rephrase(c, phrasing) for c in claimset.claims)
        )
    corpus = bench.load_sources(event.path / "sources")
    state = pipeline.ShardSearch(
        claimset.claims, languages=frozenset(s.language for s in corpus.sources)
    )
    return claimset, state.search(corpus.sources)


def _graded(event: bench.Event, searched: tuple[Any, Any]) -> tuple[int, int, int]:
    """(right values, false finds, verdicts right) of an event's searched outcomes assembled
    with the constants as they stand."""
    from kzclaims.model import Report

    claimset, outcomes = searched
    report = Report(
        claims_file=claimset.path, sources=tuple(o.info for o in outcomes),
        claims=tuple(pipeline.assemble(claimset.claims, outcomes)), title=claimset.title,
    )
    saved, saved_load = bench.compare, bench.load_claims
    bench.compare = lambda _c, _s: report  # type: ignore[assignment]
    bench.load_claims = lambda _p: claimset  # type: ignore[assignment]
    try:
        by_lang, verdicts = bench.grade_event(event, "as-written")
    finally:
        bench.compare, bench.load_claims = saved, saved_load
    return (
        sum(t.value_right for t in by_lang.values()),
        sum(t.false_finds for t in by_lang.values()),
        verdicts.verdicts_right,
    )


def sweep(grid: dict[str, tuple[Any, ...]], phrasing: str) -> None:
    """Every setting of ``grid`` (pipeline constants used after the search only) graded on
    each design event and on the validation split (aggregate only); then the setting chosen
    leaving one design event out (most right values less false finds, verdicts to break ties)."""
    import itertools

    names = sorted(grid)
    settings = [dict(zip(names, vs, strict=True)) for vs in itertools.product(
        *(grid[n] for n in names))]
    defaults = {n: getattr(pipeline, n) for n in names}
    events = named_events(DESIGN + VALIDATION)
    table: dict[str, list[tuple[int, int, int]]] = {}
    for e in events:
        searched = _searched(e, phrasing)
        row = []
        for s in settings:
            for n, v in s.items():
                setattr(pipeline, n, v)
            row.append(_graded(e, searched))
        for n, v in defaults.items():
            setattr(pipeline, n, v)
        table[e.slug] = row
    split_of = {e.slug: e.split for e in events}

    def total(slugs: list[str], i: int) -> tuple[int, int, int]:
        return tuple(sum(table[s][i][j] for s in slugs) for j in range(3))  # type: ignore

    def label(s: dict[str, Any]) -> str:
        return " ".join(f"{n}={v}" for n, v in s.items())

    splits = (*DESIGN, "design", *VALIDATION)
    design = [e.slug for e in events if e.split in DESIGN]

    def slugs_of(sp: str) -> list[str]:
        return design if sp == "design" else [s for s in table if split_of[s] == sp]

    print(f"{'setting':44}" + "".join(f"{sp:>14}" for sp in splits))
    for i, s in enumerate(settings):
        print(f"{label(s):44}" + "".join(
            "{:>14}".format("/".join(map(str, total(slugs_of(sp), i)))) for sp in splits))
    chosen: dict[str, int] = {}
    for left in design:
        rest = [s for s in design if s != left]
        chosen[left] = max(
            range(len(settings)),
            key=lambda i: (total(rest, i)[0] - total(rest, i)[1], total(rest, i)[2], -i),
        )
    print("LOEO choices:", Counter(label(settings[i]) for i in chosen.values()))
    line = []
    for sp in DESIGN:
        got = [sum(table[s][chosen[s]][j] for s in slugs_of(sp)) for j in range(3)]
        line.append(f"{sp} {got[0]}/{got[1]}/{got[2]}")
    print("graded by the left-out choice (right/false/verdicts):", "; ".join(line))


def _main() -> None:
    if "--sweep" in sys.argv:
        ap = argparse.ArgumentParser()
        ap.add_argument("--sweep", required=True,
                        help="NAME=v1,v2;NAME2=... (pipeline constants, floats unless 'True'/"
                        "'False')")
        ap.add_argument("--phrasing", default="as-written", choices=bench.PHRASINGS)
        args = ap.parse_args()
        grid: dict[str, tuple[Any, ...]] = {}
        for axis in filter(None, args.sweep.split(";")):
            name, values = axis.split("=")
            grid[name] = tuple(
                {"True": True, "False": False}.get(v) if v in ("True", "False")
                else (int(float(v)) if name.endswith(("_MIN", "_SUPPORT")) else float(v))
                for v in values.split(",")
            )
        sweep(grid, args.phrasing)
        return
    main()


if __name__ == "__main__":
    _main()
