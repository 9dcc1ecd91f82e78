"""Does ``dateparser`` earn a place next to the temporal grammar? (measurement, not a test)

Needs dateparser installed (it is not a dependency of kzclaims): e.g.
``python -m venv /tmp/dp && /tmp/dp/bin/pip install dateparser pyyaml &&
PYTHONPATH=. /tmp/dp/bin/python benchmarks/dateparser_compare.py ../shared``

Measured:
1. cost: import time, first parse, spans per second afterwards;
2. DateParser.json (Recognizers-Text, 137 cases) given the GOLD span text of each result:
   dateparser.parse(span, RELATIVE_BASE=reference, PREFER_DATES_FROM=<our tense for the
   sentence>) against the spec's resolution chosen the same way as in temporal_suites.py;
   the grammar is run on the same gold span (read_temporal(span, reference), tense from the
   sentence) for comparison;
3. the project's own date cases (tests/cases/dates*.yaml, relative*.yaml) with a single
   day-precision expected date: dateparser on the expected span (qualifier words stripped)
   against the expected value.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from kzclaims.model import PartialDate
from kzclaims.values.temporal import read_temporal, sentence_tense

ROOT = Path(__file__).resolve().parents[1]
_QUAL = re.compile(
    r"^(?:no later than|not later than|on or before|by|before|until|since|after|from|around"
    r"|about|no earlier than|in)\s+|\s+(?:inclusive|at the latest)$",
    re.I,
)


def _cost() -> dict[str, float]:
    code = (
        "import time;t=time.perf_counter();import dateparser;t1=time.perf_counter();"
        "dateparser.parse('Jan. 5',languages=['en']);t2=time.perf_counter();"
        "print(t1-t,t2-t1)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imp, first = (float(x) for x in out.stdout.split())
    import dateparser

    spans = ["Jan. 5", "January 13", "13 January 2022", "yesterday", "two days ago", "May 15, 1992"]
    t = time.perf_counter()
    n = 0
    for _ in range(100):
        for s in spans:
            dateparser.parse(s, languages=["en"])
            n += 1
    rate = n / (time.perf_counter() - t)
    return {"import_s": imp, "first_parse_s": first, "spans_per_s": rate}


def _dp(span: str, ref: dt.date, prefer: str | None) -> str | None:
    import dateparser

    settings: dict[str, Any] = {"RELATIVE_BASE": dt.datetime(ref.year, ref.month, ref.day)}
    if prefer:
        settings["PREFER_DATES_FROM"] = prefer
    r = dateparser.parse(span, languages=["en"], settings=settings)
    return r.date().isoformat() if r else None


def _suite(shared: Path) -> tuple[int, int, int]:
    path = shared / "conformance/recognizers-text/Specs/DateTime/English/DateParser.json"
    cases = json.loads(path.read_text(encoding="utf-8"))
    n = dp_ok = ours_ok = 0
    for c in cases:
        ref_s = (c.get("Context") or {}).get("ReferenceDateTime")
        ref = dt.date.fromisoformat(ref_s[:10]) if ref_s else dt.date(2016, 11, 7)
        for r in c.get("Results") or []:
            n += 1
            res = r.get("Value") or r.get("Resolution") or {}
            fut = (res.get("FutureResolution") or {}).get("date")
            past = (res.get("PastResolution") or {}).get("date")
            s = r["Start"]
            tense = sentence_tense(c["Input"], s, s + r["Length"])
            if fut == past or tense == "future":
                want = fut
            elif tense == "past":
                want = past
            else:
                df = abs((dt.date.fromisoformat(fut) - ref).days)
                dp = abs((dt.date.fromisoformat(past) - ref).days)
                want = fut if df < dp else past
            prefer = tense if tense else None
            got = _dp(r["Text"], ref, prefer)
            if want == "0001-01-01":
                dp_ok += got is None
            else:
                dp_ok += got == want
            # the grammar on the same gold span, tense taken from the whole sentence
            sentence = c["Input"]
            span_vals = [
                v
                for v in read_temporal(sentence, ref)
                if v.type == "date" and v.start <= s and v.end >= s + r["Length"] - 1
            ]
            mine = span_vals[0].reading if span_vals else None
            mine_s = mine.iso() if isinstance(mine, PartialDate) else None
            ours_ok += (mine_s is None) if want == "0001-01-01" else (mine_s == want)
    return n, dp_ok, ours_ok


def _own_cases() -> tuple[int, int]:
    n = ok = 0
    for pattern in ("dates*.yaml", "relative*.yaml"):
        for path in sorted((ROOT / "tests/cases").glob(pattern)):
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            for case in doc["cases"]:
                ref = case.get("reference", doc.get("reference"))
                exp = case.get("expect") or []
                if ref is None or case["kind"] != "date" or len(exp) != 1:
                    continue
                value = str(exp[0]["value"])
                if len(value) != 10:
                    continue
                ref_d = dt.date.fromisoformat(str(ref))
                span = _QUAL.sub("", exp[0]["text"])
                text = case["text"]
                i = text.find(span)
                tense = sentence_tense(text, i, i + len(span)) if i >= 0 else None
                n += 1
                ok += _dp(span, ref_d, tense) == value
    return n, ok


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    try:
        import dateparser  # noqa: F401
    except ImportError:
        print("dateparser is not installed; nothing to measure")
        return 0
    cost = _cost()
    print(
        f"dateparser: import {cost['import_s'] * 1000:.0f} ms, first parse "
        f"{cost['first_parse_s'] * 1000:.0f} ms, then {cost['spans_per_s']:.0f} spans/s"
    )
    n, dp_ok, ours_ok = _suite(shared)
    print(
        f"DateParser.json gold spans ({n} results): dateparser {100 * dp_ok / n:.1f} %, "
        f"grammar {100 * ours_ok / n:.1f} %"
    )
    n2, ok2 = _own_cases()
    print(f"own date cases, expected span ({n2}): dateparser {100 * ok2 / n2:.1f} %, grammar 100 %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
