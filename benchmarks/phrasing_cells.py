"""The design cells one phrasing mode loses against the claims as written (issue 10, ninth pass).

    python benchmarks/phrasing_cells.py                  # per mode: the cells right as written
                                                         # and wrong in the mode, with why
    python benchmarks/phrasing_cells.py --mode question  # one mode
    python benchmarks/phrasing_cells.py --summary        # counts only: per mode, right / false
                                                         # finds, lost / gained against as written
    python benchmarks/phrasing_cells.py --classify       # the lost cells counted by class
    python benchmarks/phrasing_cells.py --set pipeline.TITLE_DATE_FIT=-10,-20
        # a library constant swept: per setting and mode, design right / false finds and the
        # validation split's aggregate; the setting chosen leaving one design event out (the most
        # right values less false finds summed over the modes on the other design events)

Design splits only (their failures may be read; the events are named by
the split table of benchmarks/unseen/README.md, so no file of the validation split or of
the held-out half is opened). Every figure printed here is a development figure.

A cell is one (event, claim, source): ``right`` (stated, found with the gold value), ``wrong``
(stated, found with another value), ``missed`` (stated, not found), ``false`` (not stated, a value
found) or ``empty`` (not stated, nothing found).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import claims as bench  # noqa: E402

from kzclaims.claims import load_claims  # noqa: E402
from kzclaims.model import Claim  # noqa: E402
from kzclaims.pipeline import compare  # noqa: E402
from kzclaims.sources import load_sources  # noqa: E402

DESIGN = bench.SPLITS.design  # the split table of benchmarks/unseen/README.md
MODES = bench.PHRASINGS

Cell = tuple[str, str, str]  # (event, claim, source)


def cells(event: bench.Event, how: str) -> dict[Cell, tuple[str, str, str]]:
    """{(event, claim, source): (status, what was found, the claim's phrasings in the mode)}."""
    claimset = load_claims(event.path / "claims.yaml")
    claimset = replace(claimset, claims=tuple(bench.rephrase(c, how) for c in claimset.claims))
    corpus = load_sources(event.path / "sources")
    report = compare(claimset, corpus)
    claims = {c.id: c for c in claimset.claims}
    out: dict[Cell, tuple[str, str, str]] = {}
    for result in report.claims:
        claim = claims[result.id]
        fact = event.claim_fact.get(result.id)
        said = " | ".join(claim.find)
        for f in result.findings:
            want = event.stated.get(f.source, {}).get(fact) if fact else None
            got = f"{json.dumps(f.value, ensure_ascii=False)} from {f.quote!r}" if f.found else ""
            key = (event.slug, result.id, f.source)
            if want is None:
                out[key] = ("false" if f.found else "empty", got, said)
            elif not f.found:
                out[key] = ("missed", f"want {want.get('text')!r}", said)
            elif bench.same_value(f.value, bench.gold_json(claim.kind, want["value"])):
                out[key] = ("right", got, said)
            else:
                out[key] = ("wrong", f"{got}; want {want.get('text')!r}", said)
    return out


def run(modes: tuple[str, ...], splits: tuple[str, ...] = DESIGN) -> dict[str, dict[Cell, tuple]]:
    evs = bench.named_events(splits)
    return {how: {k: v for e in evs for k, v in cells(e, how).items()} for how in modes}


def score(table: dict[Cell, tuple]) -> tuple[int, int]:
    st = Counter(v[0] for v in table.values())
    return st["right"], st["false"]


#: the classes of a lost cell, tested in this order (the first that holds is counted)
CLASSES = (
    "bridge: the source's language has no phrasing in the mode",
    "date claim: the mode's phrasing misses the report's wording (its title too, if searched)",
    "question: the mode's phrasing in the source's language is a question",
    "short: the mode's phrasings in the source's language have at most 2 content words",
    "unit: the claim's unit words are in a phrasing as written, in none of the mode's",
    "paraphrase: fewer phrasings, fewer of the source's wordings",
)


def _content(phrase: str) -> list[str]:
    from kzclaims.lang import language_of_phrase
    from kzclaims.match import is_weak, tokens

    return [w for w in tokens(phrase, language_of_phrase(phrase)) if not is_weak(w)]


def why(claim: Claim, mode_claim: Claim, language: str) -> str:
    """The class of a cell of ``claim`` lost in a source in ``language`` (:data:`CLASSES`)."""
    from kzclaims.lang import language_of_phrase

    mine = [p for p in mode_claim.find if language_of_phrase(p) == language]
    if language == "en" and claim.kind not in ("date", "date_range"):
        mine.append(mode_claim.title)
    if not mine:
        return CLASSES[0]
    if claim.kind in ("date", "date_range"):
        return CLASSES[1]
    if any(bench._is_question(p) for p in mine):
        return CLASSES[2]
    if max(len(set(_content(p))) for p in mine) <= 2:
        return CLASSES[3]
    units = {w for u in claim.unit for w in _content(u)}
    said = {w for p in claim.find for w in _content(p)}
    said_mode = {w for p in mine for w in _content(p)}
    if units & said and not units & said_mode:
        return CLASSES[4]
    return CLASSES[5]


def classify(table: dict[str, dict[Cell, tuple]], modes: tuple[str, ...],
             splits: tuple[str, ...]) -> None:
    base = table["as-written"]
    evs = {e.slug: e for e in bench.named_events(splits)}
    claims: dict[tuple[str, str], Claim] = {}
    langs: dict[tuple[str, str], str] = {}
    for slug, e in evs.items():
        for c in load_claims(e.path / "claims.yaml").claims:
            claims[slug, c.id] = c
        for s in load_sources(e.path / "sources").sources:
            langs[slug, s.id] = s.language
    grand: Counter[str] = Counter()
    for how in modes:
        if how == "as-written":
            continue
        counts: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for k, v in table[how].items():
            if base[k][0] != "right" or v[0] == "right":
                continue
            c = claims[k[0], k[1]]
            counts[why(c, bench.rephrase(c, how), langs[k[0], k[2]])] += 1
            kinds[v[0]] += 1
        grand.update(counts)
        print(f"{how}: {sum(counts.values())} lost ({dict(kinds)})")
        for name in CLASSES:
            print(f"  {counts[name]:4}  {name}")
    print(f"all modes: {sum(grand.values())} lost")
    for name in CLASSES:
        print(f"  {grand[name]:4}  {name}")


def sweep(items: list[str], modes: tuple[str, ...], splits: tuple[str, ...]) -> None:
    """Each setting of the constants: per mode, design right / false and the validation split's
    aggregate (value right en / ru, false finds: benchmarks/claims.py's figures, never a
    failure); then the setting chosen leaving one design event out."""
    import importlib
    import itertools

    from sweep import _value

    axes = []
    for item in items:
        name, values = item.split("=", 1)
        mod, attr = name.rsplit(".", 1)
        module = importlib.import_module(f"kzclaims.{mod}")
        assert hasattr(module, attr), name
        axes.append((module, attr, [_value(v) for v in values.split(",")]))
    settings = list(itertools.product(*(a[2] for a in axes)))
    defaults = [getattr(m, a) for m, a, _ in axes]
    per_event: list[Counter[str]] = []
    for setting in settings:
        label = " ".join(f"{a}={v}" for (_, a, _), v in zip(axes, setting, strict=True))
        for (module, attr, _), v in zip(axes, setting, strict=True):
            setattr(module, attr, v)
        try:
            table = run(modes, splits)
            v = bench.SPLITS.validation[0]
            valid = {how: bench.run([v], phrasing=how).get(v, {}) for how in modes}
        finally:
            for (module, attr, _), v in zip(axes, defaults, strict=True):
                setattr(module, attr, v)
        per: Counter[str] = Counter()
        print(label)
        for how in modes:
            r, f = score(table[how])
            for (ev, _, _), v in table[how].items():
                per[ev] += (v[0] == "right") - (v[0] == "false")
            vt = {k: t.figures() for k, t in valid[how].items() if k != "verdicts"}
            print(f"  {how:11} design {r:5} / {f:3}   {v} "
                  f"{vt.get('en', {}).get('value_right')} / {vt.get('ru', {}).get('value_right')}"
                  f" / {vt.get('all', {}).get('false_finds')}")
        print(f"  {'sum':11} design right - false {sum(per.values())}")
        per_event.append(per)
    events = sorted(per_event[0])
    chosen = {
        ev: max(range(len(settings)),
                key=lambda i: (sum(per_event[i][o] for o in events if o != ev), -i))
        for ev in events
    }
    print("LOEO choices:", dict(Counter(str(settings[i]) for i in chosen.values())))
    print("graded by the left-out choice (right - false, design, summed over the modes):",
          sum(per_event[chosen[ev]][ev] for ev in events))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mode", choices=MODES, action="append")
    ap.add_argument("--split", choices=DESIGN, action="append")
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("--set", action="append", default=[], help="module.NAME=v1,v2,...")
    ap.add_argument("--classify", action="store_true", help="count the lost cells by class")
    args = ap.parse_args()
    modes = tuple(args.mode or MODES)
    if "as-written" not in modes:
        modes = ("as-written", *modes)
    splits = tuple(args.split or DESIGN)
    if args.set:
        sweep(args.set, modes, splits)
        return
    table = run(modes, splits)
    base = table["as-written"]
    if args.classify:
        classify(table, modes, splits)
        return
    total_r = total_f = 0
    for how in modes:
        r, f = score(table[how])
        total_r, total_f = total_r + r, total_f + f
        lost = [k for k, v in table[how].items() if base[k][0] == "right" and v[0] != "right"]
        gained = [k for k, v in table[how].items() if base[k][0] != "right" and v[0] == "right"]
        print(f"{how:11} right {r:5}  false {f:4}  lost {len(lost):4}  gained {len(gained):4}")
        if args.summary or how == "as-written":
            continue
        for k in sorted(lost):
            st, got, said = table[how][k]
            print(f"  {'/'.join(k)}: {st.upper()} {got}\n      mode: {said}\n"
                  f"      as written: {base[k][2]}")
    print(f"{'sum':11} right {total_r:5}  false {total_f:4}  right-false {total_r - total_f}")


if __name__ == "__main__":
    main()
