"""NewsQuant (CQE, EMNLP 2023): quantity extraction from 590 news sentences.

Scoring follows ../shared/benchmarks/newsquant/README.md: per sentence, each gold quantity is
matched by an *unused* predicted quantity with an equal value (relative tolerance 1e-5, absolute
1e-8 as numpy.isclose); a range matches only a range with both ends equal. P = matched/predicted,
R = matched/gold, F1 over the whole set. value+change also requires the change symbol.

The adapter (what we predict for a sentence) is documented in docs/benchmarks.md. In short:
- values come from ``read_numbers`` with only *dates* excluded (NewsQuant counts durations such as
  "three months" = 3 as quantities, so durations are not excluded) -- dates from the temporal
  reader when it exists, plus a light guard here (bare years 1900-2099, "1 September");
- values tagged ordinal or label are dropped (NewsQuant annotates neither);
- a vague value ("dozens", "tens of thousands") is given as NewsQuant writes it: base..10 x base
  (our reader states 2 x base..10 x base);
- a change "fell from $2,415 to $2,315" is given as NewsQuant writes it, the range of both
  numbers (our reader gives the new value, tagged ``change``);
- change: exact '=', approx '~', at_least '>', at_most '<'; an exact value right after a verb of
  movement ("rose 6.5%", "fell by 3", "up 58 points") is 'up'/'down'.

Run: python benchmarks/newsquant.py [--shared DIR] [--errors]
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

Quantity = tuple[Any, str]  # (float or (float, float), change)

_UP = (
    r"rose|rise|rises|rising|up|gained|gain|gains|gaining|increased|increase|increases|"
    r"increasing|jumped|jump|jumps|climbed|climb|climbs|advanced|advancing|added|adding|grew|"
    r"grow|grows|surged|surge|soared|rallied|rally|higher|boosted|lifted|hiked|raised|"
    r"edged up|ticked up|went up|go up|moved up|rising|gaining|jumping|climbing|soaring|"
    r"surging|rallying|skyrocketed|spiked|spiking|advances|rises|grew by"
)
_DOWN = (
    r"fell|fall|falls|falling|down|dropped|drop|drops|dropping|lost|lose|loses|losing|declined|"
    r"decline|declines|slid|slide|slides|slipped|plunged|plummeted|decreased|decrease|"
    r"decreases|tumbled|sank|sinks|shed|sheds|eased|eases|lower|shrank|shrunk|slumped|dipped|"
    r"dip|dips|retreated|edged down|ticked down|went down|go down|cut|cuts|reduced|"
    r"plummeting|plunging|tumbling|sliding|slipping|sinking|slumping|declining|dropping|"
    r"shedding|dipping|easing|tumbles|plunges|slumps"
)
_UP_RE = re.compile(
    r"(?<!gave )(?<!give )(?<!gives )\b(?:" + _UP + r")(?:[ \t]+(?:by|to))?[ \t]+$", re.IGNORECASE
)
_DOWN_RE = re.compile(r"\b(?:" + _DOWN + r")(?:[ \t]+(?:by|to))?[ \t]+$", re.IGNORECASE)
_OR_BEFORE = re.compile(r",?[ \t]+(?:or|by)[ \t]+$")
_YEAR = re.compile(r"(?:1[89]|20)[0-9]{2}")
_YEAR_PREP = re.compile(
    r"\b(?:in|by|since|between|from|until|till|after|before|during|and|circa|a\.d\.|ad|bc)"
    r"[ \t]+$",
    re.IGNORECASE,
)
_MONTH_WORDS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_MONTHS = frozenset(_MONTH_WORDS.split())
_QUAL_SYMBOL = {"exact": "=", "approx": "~", "at_least": ">", "at_most": "<"}


def _date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates (not durations) from the temporal reader, when it is there."""
    try:
        from kzclaims.values.temporal import read_temporal
    except ImportError:  # pragma: no cover
        return []
    try:
        vals = read_temporal(text, None)
    except Exception:
        return []
    return [(v.start, v.end) for v in vals if v.type in ("date", "date_range")]


def _is_date_like(v: Value, text: str) -> bool:
    """The light guard: a bare year, or a day with a month name after it."""
    if "money" in v.tags or v.type == "percent" or v.qualifier != "exact":
        return False
    if isinstance(v.reading, int) and _YEAR.fullmatch(v.text.strip()):
        return v.noun is None or v.noun[:1].isupper() or v.noun.split()[0].lower() in _MONTHS
    if (
        isinstance(v.reading, int)
        and 1000 <= v.reading < 2200
        and v.text.strip().isdigit()
        and _YEAR_PREP.search(text, max(0, v.start - 12), v.start)
    ):
        return True  # "by 2120", "between 1600 and 1900", "A.D. 1000"
    return bool(v.noun and v.noun.split()[0].lower().rstrip(".") in _MONTHS)


def predict(text: str) -> list[Quantity]:
    """What we report for one sentence, in NewsQuant's terms."""
    out: list[Quantity] = []
    last_change = "="
    last_end = -100
    for v in read_numbers(text, exclude=_date_spans(text)):
        if "ordinal" in v.tags or "label" in v.tags or _is_date_like(v, text):
            continue
        reading = v.reading
        if "change" in v.tags:
            # "fell from $2,415 to $2,315": the reader gives the new value (the figure now);
            # NewsQuant annotates both numbers as a range, which its span read alone states
            pair = [w.reading for w in read_numbers(v.text) if isinstance(w.reading, tuple)]
            reading = pair[0] if pair else reading
        if isinstance(reading, tuple):
            lo, hi = float(reading[0]), float(reading[1])  # type: ignore[arg-type]
            if v.vague:
                lo = lo / 2  # NewsQuant writes "dozens" as 12-120, "thousands" as 1000-10000
            value: Any = (lo, hi)
        else:
            value = float(reading)  # type: ignore[arg-type]
        # NewsQuant marks vague plurals ("dozens of", "thousands of") with '='
        change = "=" if v.vague else _QUAL_SYMBOL[v.qualifier]
        # a verb of movement makes an exact or approximate value a change ("rose about 1.5%");
        # a bound stays a bound ("lost more than 60%")
        if not isinstance(value, tuple) and v.qualifier in ("exact", "approx"):
            before = text[max(0, v.start - 25) : v.start]
            if _UP_RE.search(before) or v.text.startswith("+"):
                change = "up"
            elif _DOWN_RE.search(before) or (v.type == "percent" and value < 0):
                change = "down"
            elif (
                last_change in ("up", "down")
                and v.start - last_end < 30
                and _OR_BEFORE.search(text, last_end, v.start)
            ):
                change = last_change  # "lost 190 points, or 0.6%"
        last_change, last_end = change, v.end
        out.append((value, change))
    return out


def _gold_value(s: str) -> Any:
    # as evaluate_models.decode_dictionary: "a-b" is a range unless it has an E or starts with -
    if "E" not in s and not s.startswith("-") and "-" in s:
        a, b = s.split("-")[:2]
        return (float(a), float(b))
    return float(s)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0.0, abs_tol=0.0) or abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def values_match(gold: Any, pred: Any) -> bool:
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple):
        return _close(pred[0], gold[0]) and _close(pred[1], gold[1])
    return _close(pred, gold)


def score(shared: Path, errors: bool = False) -> dict[str, float]:
    data = json.loads((shared / "benchmarks" / "newsquant" / "NewsQuant.json").read_text("utf-8"))
    n_gold = n_pred = m_value = m_change = 0
    for item in data:
        gold = [(_gold_value(q["value"]), q["change"]) for q in item["quantities"]]
        pred = predict(item["text"])
        n_gold += len(gold)
        n_pred += len(pred)
        used = [False] * len(pred)
        missed = []
        for gv, gc in gold:
            best = -1
            for k, (pv, pc) in enumerate(pred):
                if (
                    not used[k]
                    and values_match(gv, pv)
                    and (best < 0 or (pc == gc and pred[best][1] != gc))
                ):
                    best = k
            if best >= 0:
                used[best] = True
                m_value += 1
                if pred[best][1] == gc:
                    m_change += 1
                elif errors:
                    print(f"CHANGE gold {gc} ours {pred[best][1]} {gv}: {item['text'][:150]}")
            else:
                missed.append((gv, gc))
        if errors:
            extra = [p for k, p in enumerate(pred) if not used[k]]
            if missed or extra:
                print(f"- {item['text']}")
                for g in missed:
                    print(f"    MISSED {g}")
                for p in extra:
                    print(f"    EXTRA  {p}")
    p = m_value / n_pred if n_pred else 0.0
    r = m_value / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    pc = m_change / n_pred if n_pred else 0.0
    rc = m_change / n_gold if n_gold else 0.0
    f1c = 2 * pc * rc / (pc + rc) if pc + rc else 0.0
    return {
        "value_precision": round(100 * p, 1),
        "value_recall": round(100 * r, 1),
        "value_f1": round(100 * f1, 1),
        "value_change_f1": round(100 * f1c, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--errors", action="store_true", help="print every miss and extra")
    args = ap.parse_args(argv)
    print(json.dumps(score(args.shared, args.errors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
