"""Feedback across sources (issue 10, eighth pass): its constants swept on the blind set.

    python benchmarks/feedback.py                      # the grid, design splits + validation
    python benchmarks/feedback.py --phrasing title     # the same with one phrasing per claim
    python benchmarks/feedback.py --loeo               # constants chosen leaving one event out
    python benchmarks/feedback.py --changes SETTING    # the design cells a setting changes

The feedback (``feedback_step.py``, a measured alternative hooked into the library for this
script only: it was not kept) is a step of ``assemble`` after the agreement across sources, so
each event is searched once per reach (``benchmarks/agreement.py``'s ``_outcomes``) and its
outcomes are assembled again for every setting, graded as ``benchmarks/claims.py``
grades a run. Only aggregate figures of a split are printed; the validation split
only in aggregate (no per-event figure, no failure); the held-out half is never run. ``--loeo``: for
each of the 28 design events, the setting with the most cells right (right values less false
finds; verdicts break ties) on the other 27, graded on the left-out one.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import agreement  # noqa: E402
import claims as bench  # noqa: E402
import feedback_step as fb  # noqa: E402

from kzclaims import pipeline  # noqa: E402
from kzclaims.model import Report  # noqa: E402

fb.install()
DESIGN = agreement.DESIGN
VALIDATION = agreement.VALIDATION

#: the grid (``--grid`` overrides an axis)
GRID: dict[str, tuple[Any, ...]] = {
    "agree": (1,),
    "conf": (0.0, 10.0, 20.0),
    "agreed": (0, 2),
    "min": (2, 3),
    "rescue": (0.0, 2.0, 4.0, 8.0),
    "gain": (0.0, 2.0, 4.0, 8.0),
    "band": (20.0,),
    "drop": (0.0,),
    "weight": ("lift",),  # "lift" or "idf"
    "ragreed": (0,),  # a rescued value given by at least this many other sources
    "reach": (0.0,),  # counts and numbers: how far below the threshold other values are kept
}
INTS = ("agree", "agreed", "min", "ragreed")
DEFAULT_BARS = dict(pipeline.AGREE_BAR)
BARS = dict(fb.FEEDBACK_BAR)


def _events(splits: tuple[str, ...]) -> list[bench.Event]:
    """The events of ``splits``, named by the set's README (:func:`claims.named_events`)."""
    return bench.named_events(splits)


def _apply(s: dict[str, Any]) -> None:
    pipeline.AGREE = bool(s["agree"]) or s["on"]
    fb.AGREEMENT = bool(s["agree"])
    fb.FEEDBACK = s["on"]
    fb.FEEDBACK_CONF = s["conf"]
    fb.FEEDBACK_AGREED = s["agreed"]
    fb.FEEDBACK_MIN = s["min"]
    fb.FEEDBACK_RESCUE = s["rescue"]
    fb.FEEDBACK_GAIN = s["gain"]
    fb.FEEDBACK_BAND = s["band"]
    fb.FEEDBACK_DROP = s["drop"]
    fb.FEEDBACK_RESCUE_AGREED = s["ragreed"]
    fb.FEEDBACK_WEIGHT = s["weight"]
    fb.FEEDBACK_REACH = {"count": s["reach"], "number": s["reach"]} if s["reach"] else {}
    fb.FEEDBACK_BAR = {**BARS, **fb.FEEDBACK_REACH}


def _settings() -> list[dict[str, Any]]:
    base = {"conf": 10.0, "agreed": 2, "min": 2, "rescue": 0.0, "gain": 0.0, "band": 20.0,
            "drop": 0.0, "ragreed": 0, "reach": 0.0, "weight": "lift"}
    out = [{**base, "on": False, "agree": a} for a in sorted(set(GRID["agree"]), reverse=True)]
    axes = list(GRID)
    for values in itertools.product(*(GRID[a] for a in axes)):
        s = dict(zip(axes, values, strict=True))
        if not (s["rescue"] or s["gain"] or s["drop"] or s["reach"]):
            continue  # the step does nothing (with a reach: the search keeps more, see docs)
        out.append({**s, "on": True})
    return out


def _name(s: dict[str, Any]) -> str:
    if not s["on"]:
        return f"off agree{s['agree']}"
    return (
        f"a{s['agree']} conf{s['conf']:g} agr{s['agreed']} min{s['min']} res{s['rescue']:g} "
        f"gain{s['gain']:g} band{s['band']:g} drop{s['drop']:g} ra{s['ragreed']} "
        f"reach{s['reach']:g} {s['weight']}"
    )


def _searched(event: bench.Event, phrasing: str, reach: float = 0.0) -> Any:
    """One event searched, keeping the other values of counts and numbers ``reach`` below
    the threshold (the search depends on nothing else of a setting)."""
    pipeline.AGREE = True
    fb.AGREEMENT = True
    fb.FEEDBACK = True
    fb.FEEDBACK_REACH = {"count": reach, "number": reach} if reach else {}
    return agreement._outcomes(event, phrasing, DEFAULT_BARS)


def _grade(event: bench.Event, searched: Any, s: dict[str, Any]) -> tuple[int, ...]:
    claimset, _corpus, outcomes = searched
    _apply(s)
    report = Report(
        claims_file=claimset.path,
        sources=tuple(o.info for o in outcomes),
        claims=tuple(pipeline.assemble(claimset.claims, outcomes)),
        title=claimset.title,
    )
    saved = bench.compare
    bench.compare = lambda _c, _s: report  # type: ignore[assignment]
    try:
        by_lang, verdicts = bench.grade_event(event, "as-written")
    finally:
        bench.compare = saved
    en = by_lang.get("en", bench.Tally())
    ru = by_lang.get("ru", bench.Tally())
    return (
        en.value_right + ru.value_right, en.false_finds + ru.false_finds,
        verdicts.verdicts_right, en.value_right, ru.value_right, en.found + ru.found,
        en.stated + ru.stated, en.stated, ru.stated,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--phrasing", default="as-written", choices=bench.PHRASINGS)
    ap.add_argument("--loeo", action="store_true")
    ap.add_argument("--grid", default="", help="override axes: 'rescue=0,4;gain=0,8'")
    ap.add_argument("--changes", metavar="SETTING")
    ap.add_argument("--no-validation", action="store_true", help="design splits only")
    ap.add_argument(
        "--langs", action="store_true",
        help="right values per language of the report: en|ru/false/verdicts",
    )
    ap.add_argument(
        "--expand", nargs="?", const="all", default="",
        help="the two-pass variant instead (with --loeo: chosen leaving one event out): each "
        "claim searched again with its WORDS most specific feedback words per language as one "
        "more phrasing (confident: CONF above the threshold or a value 2 other sources give); a "
        "cell found only then is taken when LEAST other sources' first-pass cells give its "
        "value (give or take 20 %%); override the grid: 'words=4;conf=10;least=2'",
    )
    args = ap.parse_args()
    for axis in filter(None, args.grid.split(";")):
        name, values = axis.split("=")
        conv: Any = int if name in INTS else (str if name == "weight" else float)
        GRID[name] = tuple(conv(v) for v in values.split(","))
    bench.PHRASING = "as-written"
    if args.expand:
        for axis in filter(None, args.expand.replace("all", "").split(";")):
            name, values = axis.split("=")
            conv = float if name == "conf" else int
            EXPAND_GRID[name] = tuple(conv(v) for v in values.split(","))
        expand(args.phrasing, not args.no_validation, args.loeo, args.langs)
        return
    settings = _settings()
    names = [_name(s) for s in settings]
    if args.changes:
        changes(args.changes, args.phrasing, settings)
        return
    wanted = DESIGN if (args.loeo or args.no_validation) else DESIGN + VALIDATION
    events = _events(wanted)
    table: dict[str, dict[str, tuple[int, ...]]] = {}
    for e in events:
        searched = {r: _searched(e, args.phrasing, r) for r in sorted({s["reach"] for s in
                                                                        settings})}
        table[e.slug] = {_name(s): _grade(e, searched[s["reach"]], s) for s in settings}
    split_of = {e.slug: e.split for e in events}

    def total(slugs: list[str], name: str) -> tuple[int, ...]:
        return tuple(sum(table[s][name][i] for s in slugs) for i in range(9))

    design = [e.slug for e in events if e.split in DESIGN]
    off = names[0]
    if args.loeo:
        chosen: dict[str, str] = {}
        for left in design:
            rest = [s for s in design if s != left]
            chosen[left] = max(
                names,
                key=lambda n: (
                    total(rest, n)[0] - total(rest, n)[1], total(rest, n)[2], -names.index(n)
                ),
            )
        for left, best in chosen.items():
            print(f"{split_of[left]:7} {best}")
        sums = [0] * 6
        for split in DESIGN:
            slugs = [s for s in design if split_of[s] == split]
            was = total(slugs, off)
            got = tuple(sum(table[s][chosen[s]][i] for s in slugs) for i in range(9))
            print(f"{split:7} {off}: right/false/verdicts {was[:3]}  loeo {got[:3]}")
            for i in range(3):
                sums[i] += was[i]
                sums[3 + i] += got[i]
        print(f"design  {off}: {tuple(sums[:3])}  loeo {tuple(sums[3:])}")
        return
    cols = (*DESIGN, "design", *[v for v in VALIDATION if v in wanted])
    print(f"{'setting':58}" + "".join(f"{c:>16}" for c in cols))

    def slugs_of(col: str) -> list[str]:
        return design if col == "design" else [s for s in table if split_of[s] == col]

    base = {c: total(slugs_of(c), off) for c in cols}
    ranked = sorted(
        names[1:],
        key=lambda n: (-(total(design, n)[0] - total(design, n)[1]), -total(design, n)[2]),
    )
    for name in [off, *ranked]:
        cells = []
        for c in cols:
            t = total(slugs_of(c), name)
            b = base[c]
            right = f"{t[3] - b[3]:+d}|{t[4] - b[4]:+d}" if args.langs else f"{t[0] - b[0]:+d}"
            cells.append(f"{right}/{t[1] - b[1]:+d}/{t[2] - b[2]:+d}")
        print(f"{name:58}" + "".join(f"{x:>16}" for x in cells))
    print("(right values (--langs: en|ru) / false finds / verdicts right, against the first row;",
          off + ":",
          {c: base[c][:3] for c in cols}, ")")


def _vocabulary(
    claims: Any, results: Any, words: int, conf: float
) -> dict[str, tuple[str, ...]]:
    """Each claim's feedback phrasings: per language, its ``words`` most specific words (the log
    lift of :data:`feedback_step.FEEDBACK_WEIGHT` "lift") that the confident passages of at least
    2 sources share, less the words of its own phrasings."""
    import math
    from collections import Counter

    quotes = {f.quote for r in results for f in r.findings if f.quote}
    df: Counter[str] = Counter()
    for quote in quotes:
        df.update(fb._words(quote).keys())
    out: dict[str, tuple[str, ...]] = {}
    for claim, r in zip(claims, results, strict=True):
        if claim.kind == "statement":
            continue
        values = [pipeline._agreed_value(f.value) for f in r.findings if f.found]
        confident = []
        for f in r.findings:
            if not f.found or not f.quote:
                continue
            v = pipeline._agreed_value(f.value)
            agreed = sum(1 for x in values if pipeline._near(x, v)) - 1
            if (f.score or 0.0) - claim.threshold >= conf or agreed >= 2:
                confident.append(fb._words(f.quote))
        if len(confident) < 2:
            continue
        support: Counter[str] = Counter()
        surface: dict[str, str] = {}
        for ws in confident:
            support.update(ws.keys())
            for w, form in ws.items():
                surface.setdefault(w, form)
        own = {w for p in claim.find for w in fb._words(p)}
        by_language: dict[str, list[tuple[float, str]]] = {}
        for w, n in support.items():
            if n < 2 or w in own:
                continue
            lift = math.log((n / len(confident)) / (df[w] / len(quotes)))
            if lift > 0.0:
                by_language.setdefault(fb._language(w), []).append((lift, w))
        out[claim.id] = tuple(
            " ".join(surface[w] for _, w in sorted(ws, key=lambda t: (-t[0], t[1]))[:words])
            for _, ws in sorted(by_language.items())
        )
    return out


#: the two-pass variant's grid: words per language, confident margin, other sources agreeing
EXPAND_GRID: dict[str, tuple[Any, ...]] = {"words": (2, 4, 8), "conf": (10.0, 20.0),
                                           "least": (0, 1, 2)}


def _expand_event(
    e: bench.Event, phrasing: str, grid: dict[str, tuple[Any, ...]]
) -> dict[str, tuple[int, ...]]:
    """One event graded with one pass and with two for every setting of ``grid``."""
    from dataclasses import replace as dc_replace

    fb.FEEDBACK = False
    pipeline.AGREE = True
    claimset = bench.load_claims(e.path / "claims.yaml")
    if phrasing != "as-written":
        claimset = dc_replace(
            claimset, claims=tuple(bench.rephrase(c, phrasing) for c in claimset.claims)
        )
    corpus = bench.load_sources(e.path / "sources")
    languages = frozenset(s.language for s in corpus.sources)
    first = pipeline.ShardSearch(claimset.claims, languages=languages).search(corpus.sources)
    results = pipeline.assemble(claimset.claims, first)
    given: dict[int, list[Any]] = {}
    for o1 in first:
        for q, f, _b in o1.cells:
            if f.found:
                given.setdefault(q, []).append(pipeline._agreed_value(f.value))
    plain = {"agree": 1, "on": False, "conf": 0.0, "agreed": 0, "min": 2, "rescue": 0.0,
             "gain": 0.0, "band": 0.0, "drop": 0.0, "ragreed": 0, "reach": 0.0, "weight": "lift"}
    row = {"one pass": _grade(e, (claimset, corpus, first), plain)}
    for words, conf in itertools.product(grid["words"], grid["conf"]):
        extra = _vocabulary(claimset.claims, results, words, conf)
        claims2 = tuple(
            fb.replace(c, find=(*c.find, *extra.get(c.id, ()))) for c in claimset.claims
        )
        fb.FEEDBACK = False
        pipeline.AGREE = True
        second = pipeline.ShardSearch(claims2, languages=languages).search(corpus.sources)
        for least in grid["least"]:
            merged = []
            for o1, o2 in zip(first, second, strict=True):
                found = {q for q, f, _b in o1.cells if f.found}
                taken = {
                    q for q, f, _b in o2.cells if f.found and q not in found and sum(
                        pipeline._near(v, pipeline._agreed_value(f.value))
                        for v in given.get(q, ())
                    ) >= least
                }
                merged.append(fb.replace(
                    o1,
                    cells=tuple(c for c in o1.cells if c[0] not in taken)
                    + tuple(c for c in o2.cells if c[0] in taken),
                    rivals=tuple(r for r in o1.rivals if r.claim not in taken)
                    + tuple(r for r in o2.rivals if r.claim in taken),
                ))
            row[f"words{words} conf{conf:g} least{least}"] = _grade(
                e, (claimset, corpus, merged), plain
            )
    return row


def expand(phrasing: str, validation: bool, loeo: bool, langs: bool = False) -> None:
    """The two-pass variant (query expansion, Rocchio's classic form): every event searched,
    then searched again with each claim's feedback words as one more phrasing; a claim not
    found in a source in the first pass takes its cell (and other values) of the second, when
    ``least`` other sources' first-pass cells give its value. Per split, or leaving one event
    out (``loeo``: design events only)."""
    wanted = DESIGN + (VALIDATION if validation and not loeo else ())
    events = _events(wanted)
    table = {e.slug: _expand_event(e, phrasing, EXPAND_GRID) for e in events}
    split_of = {e.slug: e.split for e in events}
    names = list(next(iter(table.values())))
    design = [e.slug for e in events if e.split in DESIGN]

    def total(slugs: list[str], name: str) -> tuple[int, ...]:
        return tuple(sum(table[s][name][i] for s in slugs) for i in range(9))

    print(f"two passes ({phrasing}); right values / false finds / verdicts right")
    if loeo:
        chosen = {}
        for left in design:
            rest = [s for s in design if s != left]
            chosen[left] = max(names, key=lambda n: (
                total(rest, n)[0] - total(rest, n)[1], total(rest, n)[2], -names.index(n)
            ))
            print(f"{split_of[left]:7} {chosen[left]}")
        sums = [0] * 6
        for split in DESIGN:
            slugs = [s for s in design if split_of[s] == split]
            was = total(slugs, "one pass")
            got = tuple(sum(table[s][chosen[s]][i] for s in slugs) for i in range(3))
            print(f"{split:7} one pass {was[:3]}  loeo {got}")
            for i in range(3):
                sums[i] += was[i]
                sums[3 + i] += got[i]
        print(f"design  one pass {tuple(sums[:3])}  loeo {tuple(sums[3:])}")
        return
    cols = (*DESIGN, "design", *[v for v in VALIDATION if v in wanted])

    def slugs_of(col: str) -> list[str]:
        return design if col == "design" else [s for s in table if split_of[s] == col]

    print(f"{'setting':28}" + "".join(f"{c:>16}" for c in cols))
    for name in names:
        cells = []
        for c in cols:
            t = total(slugs_of(c), name)
            b = total(slugs_of(c), "one pass")
            if name == "one pass":
                right = f"{t[3]}|{t[4]}" if langs else f"{t[0]}"
                cells.append(f"{right}/{t[1]}/{t[2]}")
                continue
            right = f"{t[3] - b[3]:+d}|{t[4] - b[4]:+d}" if langs else f"{t[0] - b[0]:+d}"
            cells.append(f"{right}/{t[1] - b[1]:+d}/{t[2] - b[2]:+d}")
        print(f"{name:28}" + "".join(f"{x:>16}" for x in cells))


def changes(name: str, phrasing: str, settings: list[dict[str, Any]]) -> None:
    """Each design-split cell the setting ``name`` changes against the first row (never
    the validation split's)."""
    setting = next(s for s in settings if _name(s) == name)
    for e in _events(DESIGN):
        _apply(settings[0])
        before = dict(_cells(e, _searched(e, phrasing)))
        searched = _searched(e, phrasing, setting["reach"])
        _apply(setting)
        for where, (got, verdict, gold) in _cells(e, searched):
            was = before[where]
            if (got, verdict) != (was[0], was[1]):
                print(f"[{e.split}] {e.slug}/{where}: {was[0]} -> {got}  (gold {gold[0]}); "
                      f"verdict {was[1]} -> {verdict}\n    {gold[1]}")


def _cells(event: bench.Event, searched: Any) -> list[tuple[str, tuple[Any, Any, Any]]]:
    claimset, _corpus, outcomes = searched
    results = pipeline.assemble(claimset.claims, outcomes)
    kinds = {c.id: c.kind for c in claimset.claims}
    out = []
    for r in results:
        fact = event.claim_fact.get(r.id)
        for f in r.findings:
            want = event.stated.get(f.source, {}).get(fact) if fact else None
            gold = bench.gold_json(kinds[r.id], want["value"]) if want else None
            got = f.value if f.found else None
            out.append((f"{r.id}/{f.source}", ((got, f.text), r.verdict, (gold, f.why or ""))))
    return out


if __name__ == "__main__":
    main()
