"""Conformance of the temporal reader on the Recognizers-Text English DateParser / DurationParser
specs (and Duckling's English duration corpus).

Run: ``python benchmarks/temporal_suites.py [SHARED_DIR] [--failures] [--speed]`` (default
``../shared`` next to the repository, i.e. /work/shared). ``benchmarks/run.py`` imports
:func:`date_parser_pass_rate` and :func:`duration_parser_pass_rate`.

How a case passes
-----------------
Every case of the file counts (also those marked ``NotSupported``); the figure is
``passed / all cases * 100``.

DateParser.json: the input is read with ``read_temporal(Input, reference)`` where the reference is
the date of ``Context.ReferenceDateTime`` (2016-11-07 when the case has none). The case passes
when our ``date`` values and the spec's results pair up one to one (same count) and in each pair

- the span texts are equal after lower-casing, collapsing white space and dropping a leading
  "on " and then "the " (the spec includes "on" in "on Friday next week" but not in "on 15",
  and "the" in "the 27" but not in "tenth of September"), and
- our day-precision reading equals the spec's resolution. The spec gives a Past and a Future
  resolution for year-less and weekday dates; we compare with the one our tense heuristic
  chose: ``sentence_tense`` of our span is "future" -> FutureResolution, "past" ->
  PastResolution, none -> the one nearer to the reference date (ties: Past). That is exactly the
  rule the reader applies, so this checks both the rule's arithmetic and the span.
- A spec result whose resolution is ``0001-01-01`` marks an impossible date ("Feb 30",
  "2/29/2019", "the 31st of this month"); such a case passes when we read no date there.

DurationParser.json: ``read_temporal(Input)``; our ``duration`` values and the spec's results
pair up one to one, span texts equal as above, and our reading in days x 86400 equals the spec's
``duration`` in seconds (relative tolerance 1e-6). Only single-number readings can pass.

duckling_duration_en.json (optional, :func:`duckling_duration_pass_rate`): the whole text must
be read as one duration whose days x 86400 equal ``seconds``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

from kzclaims.model import PartialDate, Value
from kzclaims.values.temporal import read_temporal, sentence_tense

_SPECS = Path("conformance/recognizers-text/Specs/DateTime/English")
_DEFAULT_REF = dt.date(2016, 11, 7)


def _norm(s: str) -> str:
    s = re.sub(r"\s+", " ", s.strip().lower())
    s = s[3:] if s.startswith("on ") else s
    return s[4:] if s.startswith("the ") else s


def _ref_of(case: dict[str, Any]) -> dt.date:
    r = (case.get("Context") or {}).get("ReferenceDateTime")
    return dt.date.fromisoformat(r[:10]) if r else _DEFAULT_REF


def _expected_date(text: str, v: Value, res: dict[str, Any], ref: dt.date) -> str | None:
    fut = (res.get("FutureResolution") or {}).get("date")
    past = (res.get("PastResolution") or {}).get("date")
    if fut == past or fut is None or past is None:
        return fut or past
    tense = sentence_tense(text, v.start, v.end)
    if tense == "future":
        return str(fut)
    if tense == "past":
        return str(past)
    df = abs((dt.date.fromisoformat(fut) - ref).days)
    dp = abs((dt.date.fromisoformat(past) - ref).days)
    return str(fut) if df < dp else str(past)


def date_case_passes(case: dict[str, Any]) -> bool:
    text = case["Input"]
    ref = _ref_of(case)
    ours = [v for v in read_temporal(text, ref) if v.type == "date"]
    expected = case.get("Results") or []
    valid = []
    for r in expected:
        res = r.get("Value") or r.get("Resolution") or {}
        if (res.get("FutureResolution") or {}).get("date") == "0001-01-01":
            s, e = r["Start"], r["Start"] + r["Length"]
            if any(v.start < e and s < v.end for v in ours):
                return False
            continue
        valid.append((r, res))
    if len(ours) != len(valid):
        return False
    for v, (r, res) in zip(ours, valid, strict=True):
        if _norm(v.text) != _norm(r["Text"]):
            return False
        if not isinstance(v.reading, PartialDate) or v.reading.precision != "day":
            return False
        if v.reading.iso() != _expected_date(text, v, res, ref):
            return False
    return True


def duration_case_passes(case: dict[str, Any]) -> bool:
    text = case["Input"]
    ours = [v for v in read_temporal(text, _ref_of(case)) if v.type == "duration"]
    expected = case.get("Results") or []
    if len(ours) != len(expected):
        return False
    for v, r in zip(ours, expected, strict=True):
        if _norm(v.text) != _norm(r["Text"]):
            return False
        res = r.get("Value") or r.get("Resolution") or {}
        secs = float((res.get("FutureResolution") or {}).get("duration", "nan"))
        if not isinstance(v.reading, (int, float)):
            return False
        if not math.isclose(float(v.reading) * 86400, secs, rel_tol=1e-6):
            return False
    return True


def _rate(cases: list[dict[str, Any]], passes: Any) -> float:
    if not cases:
        return 0.0
    return 100.0 * sum(1 for c in cases if passes(c)) / len(cases)


def _load(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def date_parser_pass_rate(shared: Path) -> float:
    """Percent of all DateParser.json cases passed (see the module docstring)."""
    return _rate(_load(Path(shared) / _SPECS / "DateParser.json"), date_case_passes)


def duration_parser_pass_rate(shared: Path) -> float:
    """Percent of all DurationParser.json cases passed (see the module docstring)."""
    return _rate(_load(Path(shared) / _SPECS / "DurationParser.json"), duration_case_passes)


def duckling_duration_pass_rate(shared: Path) -> float:
    """Percent of Duckling's English duration corpus read as one duration of the right length."""
    cases = _load(Path(shared) / "conformance/duckling/duckling_duration_en.json")

    def ok(c: dict[str, Any]) -> bool:
        vs = [v for v in read_temporal(c["text"]) if v.type == "duration"]
        if len(vs) != 1 or _norm(vs[0].text) != _norm(c["text"]):
            return False
        r = vs[0].reading
        return isinstance(r, (int, float)) and math.isclose(
            r * 86400, float(c["seconds"]), rel_tol=1e-6
        )

    return _rate(cases, ok)


def temporal_speed(shared: Path) -> dict[str, float]:
    """MB/s of read_temporal over 1 MB of running text: the seed articles repeated, and the
    NewsQuant sentences repeated (denser in values). Best of 5."""
    import time

    corpora: dict[str, tuple[str, dt.date]] = {}
    seeds = sorted((Path(shared) / "seeds").glob("*.txt"))
    if seeds:
        corpora["seeds"] = (
            "".join(p.read_text(encoding="utf-8") for p in seeds),
            dt.date(2022, 1, 12),
        )
    nq = Path(shared) / "benchmarks/newsquant/NewsQuant.json"
    if nq.exists():
        sentences = "\n".join(x["text"] for x in json.loads(nq.read_text(encoding="utf-8")))
        corpora["newsquant"] = (sentences, dt.date(2017, 6, 15))
    out: dict[str, float] = {}
    for name, (text, ref) in corpora.items():
        big = (text * (1_000_000 // max(1, len(text)) + 1))[:1_000_000]
        best = float("inf")
        for _ in range(5):
            t = time.perf_counter()
            read_temporal(big, ref)
            best = min(best, time.perf_counter() - t)
        out[name] = len(big) / 1e6 / best
    return out


def _failures(shared: Path) -> None:
    for name, fn in (
        ("DateParser.json", date_case_passes),
        ("DurationParser.json", duration_case_passes),
    ):
        for c in _load(Path(shared) / _SPECS / name):
            if not fn(c):
                ours = read_temporal(c["Input"], _ref_of(c))
                got = [(v.type, v.text, str(v.reading)) for v in ours]
                want = [
                    (
                        r["Text"],
                        (r.get("Value") or r.get("Resolution") or {}).get("FutureResolution"),
                    )
                    for r in c.get("Results") or []
                ]
                print(f"FAIL {name}: {c['Input']!r} got={got} want={want}")


def main(argv: list[str]) -> int:
    shared = (
        Path(argv[1])
        if len(argv) > 1 and not argv[1].startswith("-")
        else (Path(__file__).resolve().parents[2] / "shared")
    )
    if "--failures" in argv:
        _failures(shared)
    print(f"DateParser.json      {date_parser_pass_rate(shared):5.1f} %")
    print(f"DurationParser.json  {duration_parser_pass_rate(shared):5.1f} %")
    for name, fn in (("DateParser", date_case_passes), ("DurationParser", duration_case_passes)):
        cases = _load(Path(shared) / _SPECS / f"{name}.json")
        sup = [c for c in cases if "python" not in (c.get("NotSupported") or "")]
        print(
            f"  {name}: {sum(map(fn, cases))}/{len(cases)} all; {sum(map(fn, sup))}/{len(sup)} "
            "of the cases not marked NotSupported for the Python port"
        )
    duck = Path(shared) / "conformance/duckling/duckling_duration_en.json"
    if duck.exists():
        print(f"duckling duration    {duckling_duration_pass_rate(shared):5.1f} %")
    if "--speed" in argv:
        for name, mbs in temporal_speed(shared).items():
            print(f"speed {name:14s} {mbs:5.2f} MB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
