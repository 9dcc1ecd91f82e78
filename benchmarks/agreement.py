"""The agreement across sources (issue 10, sixth pass): its constants swept on the blind set.

    python benchmarks/agreement.py                      # the grid, tuning splits, as written
    python benchmarks/agreement.py --phrasing title     # the same with one phrasing per claim
    python benchmarks/agreement.py --loeo               # constants chosen leaving one event out

The agreement (:func:`kzclaims.pipeline._agree`) is a step after every source is searched, so
each event is searched once per setting of the bars (``ShardSearch``: the bars set how far
below the threshold the gates read) and its outcomes are assembled again for every setting;
each setting is graded as ``benchmarks/claims.py`` grades a run. Only the aggregate figures of
a split are printed (the held-out half is never run; the validation split (the last ``spent*``),
only in aggregate: no per-event figure, no failure). ``--loeo``: for each of the 28 design
events (the design splits), the setting with the most cells right (right values less
false finds; verdicts break ties) on the other 27, graded on the left-out one. ``--changes``
lists the cells of the design splits a setting changes (never the validation split's).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import claims as bench  # noqa: E402

from kzclaims import pipeline  # noqa: E402
from kzclaims.model import Report  # noqa: E402

DESIGN = bench.SPLITS.design  # the split table of benchmarks/unseen/README.md
VALIDATION = bench.SPLITS.validation

#: the grid: (switch margin, min other sources, drop band, bar for counts/numbers/dates,
#: bar for percent/duration/date range)
GRID = {
    "switch": (0.0, 10.0, 20.0, 40.0, 100.0),
    "min": (2, 3),
    "drop": (0.0, 10.0, 20.0, 30.0),
    "bar": (0.0, 10.0, 20.0, 30.0, 40.0),
    "match": ("value",),
    "rounds": (1,),
    "near": (0.0, 0.05, 0.1),
    "dbar": (None,),  # dates (None: as "bar")
    "tbar": (None,),  # percent, duration, date range (None: as "bar")
}
KINDS = ("count", "number", "date", "percent", "duration", "date_range")


def _bars(setting: dict[str, Any]) -> dict[str, float]:
    bars = {k: setting["bar"] for k in KINDS}
    if setting.get("dbar") is not None:
        bars["date"] = setting["dbar"]
    if setting.get("tbar") is not None:
        for k in ("percent", "duration", "date_range"):
            bars[k] = setting["tbar"]
    return bars


def _outcomes(
    event: bench.Event, phrasing: str, bars: dict[str, float]
) -> tuple[Any, Any, Any]:
    """(claim set, corpus, outcomes) of one event, searched with the bars of a setting (they
    set how far below the threshold the gates read, so the other values a source keeps)."""
    claimset = bench.load_claims(event.path / "claims.yaml")
    if phrasing != "as-written":
        claimset = replace(
            claimset, claims=tuple(bench.rephrase(c, phrasing) for c in claimset.claims)
        )
    corpus = bench.load_sources(event.path / "sources")
    pipeline.AGREE = True
    pipeline.AGREE_BAR = dict(bars)
    state = pipeline.ShardSearch(
        claimset.claims, languages=frozenset(s.language for s in corpus.sources)
    )
    return claimset, corpus, state.search(corpus.sources)


_LOADED: dict[tuple[str, Path], Any] = {}


def _memo(name: str, load: Any) -> Any:
    def cached(path: Path) -> Any:
        if (name, path) not in _LOADED:
            _LOADED[name, path] = load(path)
        return _LOADED[name, path]

    return cached


# grading reads each event's claims and sources again: once is enough
bench.load_claims = _memo("claims", bench.load_claims)
bench.load_sources = _memo("sources", bench.load_sources)


def _grade(event: bench.Event, searched: tuple[Any, Any, Any], setting: dict[str, Any]) -> Any:
    claimset, _corpus, outcomes = searched
    pipeline.AGREE = setting["on"]
    pipeline.AGREE_SWITCH = setting["switch"]
    pipeline.AGREE_MIN = setting["min"]
    pipeline.AGREE_DROP = setting["drop"]
    pipeline.AGREE_BAR = _bars(setting)
    pipeline.AGREE_MATCH = setting["match"]
    pipeline.AGREE_ROUNDS = setting["rounds"]
    pipeline.AGREE_NEAR = setting["near"]
    report = Report(
        claims_file=claimset.path,
        sources=tuple(o.info for o in outcomes),
        claims=tuple(pipeline.assemble(claimset.claims, outcomes)),
        title=claimset.title,
    )
    saved = bench.compare
    bench.compare = lambda _c, _s: report  # type: ignore[assignment]
    try:
        return bench.grade_event(event, "as-written")
    finally:
        bench.compare = saved


def _settings() -> list[dict[str, Any]]:
    out = [
        {"on": False, "switch": 0.0, "min": 2, "drop": 0.0, "bar": 0.0, "match": "value",
         "rounds": 1, "near": 0.0}
    ]
    for switch, least, drop, bar, match, rounds, near, dbar, tbar in itertools.product(
        GRID["switch"], GRID["min"], GRID["drop"], GRID["bar"], GRID["match"], GRID["rounds"],
        GRID["near"], GRID["dbar"], GRID["tbar"],
    ):
        out.append({"on": True, "switch": switch, "min": least, "drop": drop, "bar": bar,
                    "match": match, "rounds": rounds, "near": near, "dbar": dbar, "tbar": tbar})
    return out


def _name(s: dict[str, Any]) -> str:
    if not s["on"]:
        return "off"
    extra = "".join(
        f" {k}{s[k]:g}" for k in ("dbar", "tbar") if s.get(k) is not None
    )
    return (
        f"sw{s['switch']:g} min{s['min']} drop{s['drop']:g} bar{s['bar']:g} {s['match']} "
        f"r{s['rounds']} n{s['near']:g}{extra}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--phrasing", default="as-written", choices=bench.PHRASINGS)
    ap.add_argument("--loeo", action="store_true")
    ap.add_argument(
        "--grid", default="",
        help="override grid axes: 'switch=10,40;bar=0,20;dbar=0,20' (values are floats, "
        "min and rounds ints)",
    )
    ap.add_argument("--only", default="", help="settings whose name contains this")
    ap.add_argument(
        "--changes", metavar="SETTING",
        help="the cells of the design splits (never the validation split) this setting changes "
        "against off",
    )
    args = ap.parse_args()
    for axis in filter(None, args.grid.split(";")):
        name, values = axis.split("=")
        conv: Any = int if name in ("min", "rounds") else (str if name == "match" else float)
        GRID[name] = tuple(conv(v) for v in values.split(","))
    if args.changes:
        changes(args.changes, args.phrasing)
        return
    # grading rephrases nothing: the claim set searched is already rephrased
    bench.PHRASING = "as-written"
    settings = [s for s in _settings() if args.only in _name(s) or not s["on"]]
    events = bench.named_events(DESIGN + VALIDATION)
    # per event and setting: (right, false, verdicts right, stated, by lang right)
    table: dict[str, dict[str, tuple[int, ...]]] = {}
    for e in events:
        searched: dict[tuple[tuple[str, float], ...], Any] = {}
        row = {}
        for s in settings:
            bars = tuple(sorted(_bars(s).items())) if s["on"] else ()
            if bars not in searched:
                searched[bars] = _outcomes(e, args.phrasing, dict(bars))
            by_lang, verdicts = _grade(e, searched[bars], s)
            en = by_lang.get("en", bench.Tally())
            ru = by_lang.get("ru", bench.Tally())
            row[_name(s)] = (
                en.value_right + ru.value_right, en.false_finds + ru.false_finds,
                verdicts.verdicts_right, en.value_right, ru.value_right,
            )
        table[e.slug] = row
    split_of = {e.slug: e.split for e in events}
    names = [_name(s) for s in settings]

    def total(slugs: list[str], name: str) -> tuple[int, ...]:
        return tuple(sum(table[s][name][i] for s in slugs) for i in range(5))

    design = [e.slug for e in events if e.split in DESIGN]
    if args.loeo:
        chosen: dict[str, str] = {}
        for left in design:
            rest = [s for s in design if s != left]
            best = max(
                names,
                key=lambda n: (
                    total(rest, n)[0] - total(rest, n)[1], total(rest, n)[2], -names.index(n)
                ),
            )
            chosen[left] = best
        for left, best in chosen.items():
            print(f"{split_of[left]:7} {best}")
        for split in DESIGN:
            slugs = [s for s in design if split_of[s] == split]
            off = total(slugs, "off")
            got = tuple(sum(table[s][chosen[s]][i] for s in slugs) for i in range(5))
            print(f"{split:7} off right/false/verd {off[:3]}  loeo {got[:3]}")
        return
    print(f"{'setting':40}" + "".join(f"{s:>22}" for s in (*DESIGN, "design", *VALIDATION)))
    base = {sp: total([s for s in table if split_of[s] == sp], "off") for sp in (*DESIGN,
            *VALIDATION)}
    base["design"] = total(design, "off")
    ranked = sorted(
        names, key=lambda n: -(total(design, n)[0] - total(design, n)[1]) * 1000
        - total(design, n)[2]
    )
    for name in ["off", *[n for n in ranked if n != "off"]]:
        cells = []
        for sp in (*DESIGN, "design", *VALIDATION):
            slugs = design if sp == "design" else [s for s in table if split_of[s] == sp]
            r, f, v, _, _ = total(slugs, name)
            b = base[sp]
            cells.append(f"{r - b[0]:+d}/{f - b[1]:+d}/{v - b[2]:+d}")
        print(f"{name:40}" + "".join(f"{c:>22}" for c in cells))
    print("(right values / false finds / verdicts right, against 'off'; off:",
          {k: v[:3] for k, v in base.items()}, ")")


def changes(name: str, phrasing: str) -> None:
    """Each design-split cell the setting ``name`` changes, with its gold cell."""
    setting = next(s for s in _settings() if _name(s) == name)
    off = _settings()[0]
    for e in bench.named_events(DESIGN):
        before = dict(_grade_cells(e, _outcomes(e, phrasing, {}), off))
        searched = _outcomes(e, phrasing, _bars(setting))
        for where, (got, verdict, gold) in _grade_cells(e, searched, setting):
            was = before[where]
            if (got, verdict) != (was[0], was[1]):
                print(f"[{e.split}] {e.slug}/{where}: {was[0]} -> {got}  (gold {gold}); "
                      f"verdict {was[1]} -> {verdict}")


def _grade_cells(
    event: bench.Event, searched: tuple[Any, Any, Any], setting: dict[str, Any]
) -> list[tuple[str, tuple[Any, Any, Any]]]:
    claimset, _corpus, outcomes = searched
    _grade(event, searched, setting)  # sets the constants
    results = pipeline.assemble(claimset.claims, outcomes)
    kinds = {c.id: c.kind for c in claimset.claims}
    out = []
    for r in results:
        fact = event.claim_fact.get(r.id)
        for f in r.findings:
            want = event.stated.get(f.source, {}).get(fact) if fact else None
            gold = bench.gold_json(kinds[r.id], want["value"]) if want else None
            got = f.value if f.found else None
            why = (f.why or "")[:140] if f.found else (f.why or "")[:100]
            out.append((f"{r.id}/{f.source}", ((got, f.text), r.verdict, (gold, why))))
    return out


if __name__ == "__main__":
    main()
