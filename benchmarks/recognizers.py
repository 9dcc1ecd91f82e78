"""Microsoft Recognizers-Text English number specs: NumberModel, NumberRangeModel, PercentModel.

Every case of each file counts (also the ones marked ``NotSupported`` for some platforms), so the
pass rates compare with the measurements in ../shared/research/extraction-libraries.md.

A case passes when the list of values we extract equals the spec's ``Results`` list, item by item
in text order: same start offset, same text (case-insensitive: the specs lower-case some texts),
and the same resolved value. How our values are turned into the spec's terms
(all documented in docs/benchmarks.md):

- NumberModel: our ``number`` values except ordinals; the text compared is the number itself
  (our ``Value.text`` carries qualifier words and currency symbols, which the spec leaves out),
  values equal to 1e-9 relative. Stated ranges count as their two numbers.
- NumberRangeModel: our values with a bound (at_least / at_most) or a stated range, in interval
  notation; a lower bound followed by an upper bound joined by "and"/"but"/","
  ("more than 10 and less than 20") is one interval, as the spec writes it. The spec writes a
  stated range as half-open "[20,30)"; we state "between 20 and 30" as closed and accept either
  bracket on the upper end of a two-sided stated range only (one-sided bounds must match exactly).
- PercentModel: our ``percent`` values, value as "N%".

Run: python benchmarks/recognizers.py [--shared DIR] [--errors]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kzclaims.model import Value  # noqa: E402
from kzclaims.values.numbers import read_numbers  # noqa: E402

SPEC_DIR = Path("conformance/recognizers-text/Specs/Number/English")
_CURRENCY_PREFIX = re.compile(r"^(?:US[ ]?\$|\$US|[A-Z]{2,3}[ ]?\$?|[$£€¥₸₽₹])[ ]?(?=[-0-9.])")
_TRAIL = re.compile(
    r"(?:[ \t]+(?:or|and)[ \t]+(?:more|above|over|greater|higher|fewer|less|lower|below|under)"
    r"|[ \t]+or so|[ \t]*-?[ \t]*odd|[ \t]*-?[ \t]*plus|\+|-strong|[ \t]*-?[ \t]*(?:times|fold))$",
    re.IGNORECASE,
)


def load(shared: Path, name: str) -> list[dict[str, Any]]:
    path = shared / SPEC_DIR / name
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8-sig"))
    return data


_EXACT_WORDS = re.compile(
    r"^(?:equals?(?:[ \t]+to)?|equall?ing(?:[ \t]+to)?|exactly|precisely|a total of)[ \t]+",
    re.IGNORECASE,
)


def _core(v: Value) -> tuple[int, str]:
    """Start and text of the number itself, without qualifier words, currency or suffixes."""
    text = v.text
    start = v.start
    em = _EXACT_WORDS.match(text)
    if em:
        text, start = text[em.end() :], start + em.end()
    if v.qualifier_text and text.lower().startswith(v.qualifier_text.lower()):
        cut = len(v.qualifier_text)
        while cut < len(text) and text[cut] in " \t":
            cut += 1
        text, start = text[cut:], start + cut
    m = _CURRENCY_PREFIX.match(text)
    if m:
        text, start = text[m.end() :], start + m.end()
    while True:
        t = _TRAIL.search(text)
        if not t or t.start() == 0:
            break
        text = text[: t.start()]
    return start, text


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _num(s: str) -> float | None:
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------------------------
# NumberModel
# --------------------------------------------------------------------------------------------


def number_items(text: str) -> list[tuple[int, str, float]]:
    out: list[tuple[int, str, float]] = []
    for v in read_numbers(text):
        if v.type != "number" or "ordinal" in v.tags:
            continue
        if v.end < len(text) and text[v.end].isalpha():
            continue  # "180ml", "29km": a number with a unit, the spec's NumberWithUnit model
        start, core = _core(v)
        if isinstance(v.reading, tuple):
            # a stated range: its two numbers ("1000-5000", "between 20 and 30")
            m = re.match(r"(?:between|from)?[ \t]*(.+?)[ \t]*(?:-|–|—|to|and|through)[ \t]*(.+)$",
                         core, re.IGNORECASE)  # fmt: skip
            if m and not v.vague:
                lo, hi = v.reading
                out.append((start + m.start(1), m.group(1), float(lo)))  # type: ignore[arg-type]
                out.append((start + m.start(2), m.group(2), float(hi)))  # type: ignore[arg-type]
            continue
        out.append((start, core, float(v.reading)))  # type: ignore[arg-type]
    return out


def number_case(case: dict[str, Any]) -> tuple[bool, Any, Any]:
    exp = [
        (r.get("Start"), r["Text"].lower(), _num(r["Resolution"]["value"])) for r in case["Results"]
    ]
    got = number_items(case["Input"])
    ok = len(exp) == len(got) and all(
        e[0] == g[0] and e[1] == g[1].lower() and e[2] is not None and _close(e[2], g[2])
        for e, g in zip(exp, got, strict=True)
    )
    return ok, exp, got


# --------------------------------------------------------------------------------------------
# NumberRangeModel
# --------------------------------------------------------------------------------------------

_JOIN = re.compile(r"[ \t]*(?:,|and|but|,[ \t]*and)[ \t]*$", re.IGNORECASE)


def _fmt(x: float | int | None) -> str:
    if x is None:
        return ""
    f = float(x)
    return str(int(f)) if f == int(f) else repr(f)


def _ordered(v: Value, w: Value) -> bool:
    """The lower bound is below the upper bound (else they are two separate bounds)."""
    lo = v.low if v.qualifier == "at_least" else w.low
    hi = w.high if w.qualifier == "at_most" else v.high
    return isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and lo < hi


def range_items(text: str) -> list[tuple[int, str, str, bool]]:
    """(start, text, interval, stated_two_sided) for every bounded value."""
    vals = [
        v
        for v in read_numbers(text)
        if v.type == "number"
        and not v.vague
        and (
            v.qualifier in ("at_least", "at_most")
            or isinstance(v.reading, tuple)
            or v.text.lower().startswith("equal")
        )
    ]
    out: list[tuple[int, str, str, bool]] = []
    k = 0
    while k < len(vals):
        v = vals[k]
        lo, hi = v.low, v.high
        lo_inc, hi_inc = v.low_inclusive, v.high_inclusive
        end = v.end
        two_sided = isinstance(v.reading, tuple)
        if k + 1 < len(vals) and not two_sided:
            w = vals[k + 1]
            gap = text[v.end : w.start]
            if (
                not isinstance(w.reading, tuple)
                and {v.qualifier, w.qualifier} == {"at_least", "at_most"}
                and _JOIN.fullmatch(gap + " ")
                and _ordered(v, w)
            ):
                if w.qualifier == "at_most":
                    hi, hi_inc = w.high, w.high_inclusive
                else:
                    lo, lo_inc = w.low, w.low_inclusive
                end = w.end
                k += 1
        interval = (
            ("[" if lo_inc and lo is not None else "(")
            + _fmt(lo)  # type: ignore[arg-type]
            + ","
            + _fmt(hi)  # type: ignore[arg-type]
            + ("]" if hi_inc and hi is not None else ")")
        )
        out.append((v.start, text[v.start : end], interval, two_sided))
        k += 1
    return out


def _interval_norm(s: str) -> str:
    s = s.replace(" ", "")
    m = re.fullmatch(r"([\[(])([^,]*),([^\])]*)([\])])", s)
    if not m:
        return s
    a, b = m.group(2), m.group(3)
    fa, fb = _num(a), _num(b)
    a = _fmt(fa) if fa is not None else a
    b = _fmt(fb) if fb is not None else b
    return f"{m.group(1)}{a},{b}{m.group(4)}"


def range_case(case: dict[str, Any]) -> tuple[bool, Any, Any]:
    exp = [(r.get("Start"), r["Text"].lower(), _interval_norm(r["Resolution"]["value"]))
           for r in case["Results"]]  # fmt: skip
    got = range_items(case["Input"])
    ok = len(exp) == len(got)
    if ok:
        for e, g in zip(exp, got, strict=True):
            gi = g[2]
            same = e[2] == gi or (g[3] and e[2][:-1] == gi[:-1])
            if not (e[0] == g[0] and e[1] == g[1].lower() and same):
                ok = False
    return ok, exp, [(g[0], g[1], g[2]) for g in got]


# --------------------------------------------------------------------------------------------
# PercentModel
# --------------------------------------------------------------------------------------------


def percent_case(case: dict[str, Any]) -> tuple[bool, Any, Any]:
    exp = [
        (r.get("Start"), r["Text"].lower(), r["Resolution"].get("value")) for r in case["Results"]
    ]
    got = []
    for v in read_numbers(case["Input"]):
        if v.type != "percent":
            continue
        r = v.reading
        val = f"{_fmt(r[0])}-{_fmt(r[1])}%" if isinstance(r, tuple) else f"{_fmt(r)}%"  # type: ignore[arg-type]
        got.append((v.start, v.text.lower(), val))
    return exp == got, exp, got


SUITES = {
    "NumberModel": ("NumberModel.json", number_case),
    "NumberRangeModel": ("NumberRangeModel.json", range_case),
    "PercentModel": ("PercentModel.json", percent_case),
}


def pass_rate(shared: Path, suite: str, errors: bool = False) -> float:
    fname, fn = SUITES[suite]
    cases = load(shared, fname)
    passed = 0
    for case in cases:
        ok, exp, got = fn(case)
        passed += ok
        if errors and not ok:
            print(f"[{suite}] {case['Input']!r}\n    expected {exp}\n    got      {got}")
    return round(100.0 * passed / len(cases), 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--suite", choices=sorted(SUITES), action="append")
    args = ap.parse_args(argv)
    res = {s: pass_rate(args.shared, s, args.errors) for s in (args.suite or SUITES)}
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
