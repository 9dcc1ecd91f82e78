"""English number words: "twenty-five", "one hundred and five", "half a million", "two thirds".

:data:`WORD_RUN` finds runs of number words in running text; :func:`parse_run` turns one run into
the numbers it holds (a run may hold several: "three-nought-four" is three numbers, "the second"
is an ordinal). Digits are not handled here (see :mod:`kzclaims.values.numbers`).

The parser is a small state machine over the words of a run instead of a library: text2num and
number-parser (see /work/shared/research/extraction-libraries.md) break the mixed forms news uses
("20 thousand", "3.5 million", "a dozen", "a third") and know nothing of fractions or ordinals,
and the whole grammar fits in a page.
"""

from __future__ import annotations

import re

from kzclaims._dataclass import dataclass
from kzclaims._lazyre import lazy
from kzclaims.lang import en as _en

__all__ = [
    "ORDINALS", "SCALES", "TENS", "UNITS", "WORD_RUN", "WORD_RUN_PATTERN", "WordNumber",
    "parse_run", "trie_pattern",
]  # fmt: skip

# the English number words of kzclaims.lang.en
UNITS: dict[str, int] = _en.UNITS
TENS: dict[str, int] = _en.TENS
SCALES: dict[str, int] = _en.SCALES
PLURAL_SCALES: dict[str, int] = _en.PLURAL_SCALES
ORDINALS: dict[str, int] = _en.ORDINALS
# denominators that read as fractions after a numerator ("two thirds", "a quarter of")
_FRACTION_ONLY: dict[str, int] = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}

_ALL_WORDS: dict[str, tuple[str, int]] = {}
for _w, _v in UNITS.items():
    _ALL_WORDS[_w] = ("U", _v)
for _w, _v in TENS.items():
    _ALL_WORDS[_w] = ("X", _v)
for _w, _v in SCALES.items():
    _ALL_WORDS[_w] = ("S", _v)
for _w, _v in PLURAL_SCALES.items():
    _ALL_WORDS[_w] = ("SP", _v)
for _w, _v in ORDINALS.items():
    _ALL_WORDS[_w] = ("O", _v)
    if _w != "second":
        _ALL_WORDS[_w + "s"] = ("OP", _v)  # "fifths", "hundredths", "twenty-firsts"
for _w, _v in _FRACTION_ONLY.items():
    _ALL_WORDS[_w] = ("F", _v)
_ALL_WORDS["hundred"] = ("H", 100)
_ALL_WORDS["hundreds"] = ("HP", 100)
_ALL_WORDS["dozen"] = ("D", 12)
_ALL_WORDS["dozens"] = ("DP", 12)
for _w in ("doz", "dz"):
    _ALL_WORDS[_w] = ("D", 12)
    _ALL_WORDS[_w + "s"] = ("D", 12)
_ALL_WORDS["couple"] = ("C", 2)
_ALL_WORDS["pair"] = ("C", 2)
_ALL_WORDS["point"] = ("P", 0)
_ALL_WORDS["tens"] = ("SP", 10)  # "tens of thousands", "tens of people" (vague)
_ALL_WORDS["scores"] = ("SP", 20)  # "scores of people" (vague)


def trie_pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` factored into a trie ("t(?:en|hree|wo)..."): Python's
    regex engine tries alternatives one by one, so the factored form is ~8x faster to scan."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(k) + emit(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return "(?:" + emit(root) + ")"


_WORD_ALT = trie_pattern(list(_ALL_WORDS))
_HEAD = r"(?:hundred|thousand|million|billion|trillion|dozen|couple|pair|half|quarter|third|fifth|sixth|seventh|eighth|ninth|tenth|hundredth|thousandth|millionth|billionth|trillionth)"  # noqa: E501
# connectors allowed inside a run: spaces, a hyphen, "and", "and a", "a" ("half a million")
_CONN = (
    r"(?:[ \t]*-[ \t]*|[ \t]+and[ \t]+an?[ \t]+|[ \t]+and[ \t]+|[ \t]+an?[ \t]+(?="
    + _HEAD
    + r")|[ \t]+)"
)
# A run of number words. An article before the first word ("a dozen", "a third") is not part
# of the pattern (it would be tried at every word of the text); the scanner adds it.
WORD_RUN_PATTERN = r"\b" + _WORD_ALT + r"\b(?:" + _CONN + _WORD_ALT + r"\b)*"
HEAD_WORDS = frozenset(_HEAD[3:-1].split("|"))
# Case-insensitive; the scanner in kzclaims.values.numbers runs the (3x faster) case-sensitive
# form of the same pattern over the lower-cased text.
WORD_RUN = lazy(WORD_RUN_PATTERN, re.IGNORECASE)
_TOKEN = lazy(r"[A-Za-z]+|-")


@dataclass(frozen=True)
class WordNumber:
    """A number read from words; ``start``/``end`` are offsets into the run's text."""

    start: int
    end: int
    value: float
    kind: str  # "cardinal", "ordinal", "fraction", "vague"
    vague_base: int = 0  # "dozens" -> 12, "tens of thousands" -> 10_000 (set by the scanner)
    scaled: bool = False  # a scale word (hundred, thousand, million, dozen) is part of it


class _Acc:
    """The number being built."""

    __slots__ = (
        "cur",
        "end",
        "frac",
        "fraw",
        "has",
        "hpart",
        "last",
        "lastscale",
        "point",
        "scaled",
        "start",
        "total",
    )

    def __init__(self, start: int) -> None:
        self.start = start
        self.end = start
        self.total = 0.0
        self.cur = 0.0
        self.last = ""  # type of the last word taken
        self.has = False  # at least one number word taken
        self.point: str | None = None  # digits after "point"
        self.frac = 0.0
        self.scaled = False
        self.lastscale = 1
        self.fraw = 0.0  # the fraction as said after a scale: 0.5 in "one billion and a half"
        self.hpart = 0.0  # the hundreds of the current group ("three hundred" in "... and two")

    def value(self) -> float:
        v = self.total + self.cur
        if self.point:
            v += float("0." + self.point)
        return v + self.frac


def parse_run(run: str, offset: int = 0) -> list[WordNumber]:
    """The numbers in a run of number words (as found by :data:`WORD_RUN`), in order."""
    toks: list[tuple[str, int, int]] = []  # (lower word or "-", start, end)
    for m in _TOKEN.finditer(run):
        toks.append((m.group().lower(), m.start() + offset, m.end() + offset))
    out: list[WordNumber] = []
    i = 0
    n = len(toks)
    while i < n:
        i = _parse_one(toks, i, out)
    return out


def _kind(word: str) -> tuple[str, int]:
    return _ALL_WORDS.get(word, ("", 0))


def _parse_one(toks: list[tuple[str, int, int]], i: int, out: list[WordNumber]) -> int:
    """Read one number starting at token ``i``; append it to ``out``; return the next index."""
    n = len(toks)
    # skip connectors at the start
    while i < n and (toks[i][0] in ("-", "and") or (toks[i][0] in ("a", "an") and i + 1 >= n)):
        i += 1
    if i >= n:
        return n
    acc = _Acc(toks[i][1])
    article = False
    if toks[i][0] in ("a", "an"):
        article = True
        i += 1
    j = i
    while j < n:
        w, _s, e = toks[j]
        t, v = _kind(w)
        if w == "-":
            # hyphen joins tens-units ("twenty-five") and compound ordinals ("twenty-first");
            # anything else ends the number ("three-nought-four")
            if j + 1 < n and acc.last == "X" and _kind(toks[j + 1][0])[0] in ("U", "O", "OP"):
                j += 1
                continue
            if j + 1 < n and acc.last in ("U", "X", "H") and _kind(toks[j + 1][0])[0] in (
                "H", "S", "OP", "F"
            ):  # fmt: skip
                j += 1
                continue
            if (
                j + 1 < n
                and acc.last == "U"
                and acc.cur == 1
                and not acc.total
                and _kind(toks[j + 1][0])[0] == "O"
                and toks[j + 1][0] not in ("first", "second")
            ):
                j += 1  # "one-eighth"
                continue
            break
        if w == "and":
            # "one hundred and five", "two and a half", "three and two thirds"
            if j + 1 < n and acc.has and acc.point is None:
                nt = _kind(toks[j + 1][0])[0]
                k = _fraction_after_and(toks, j + 1, acc.last in ("H", "S"))
                if k:
                    fv, jj = k
                    # "one million and a half" = 1.5 million; "two and a half" = 2.5
                    acc.frac += fv * (acc.lastscale if acc.last == "S" else 1)
                    acc.fraw = fv if acc.last == "S" else 0.0
                    acc.end = toks[jj - 1][2]
                    acc.last = "F"
                    j = jj
                    continue
                if acc.last in ("H", "S") and nt in ("U", "X", "H"):
                    j += 1
                    continue
            break
        if w in ("a", "an"):
            # "half a million", "half a dozen"
            if acc.last == "F" and j + 1 < n and _kind(toks[j + 1][0])[0] in ("S", "D", "H"):
                j += 1
                continue
            break
        if t == "U":
            if w == "nil" and acc.has:
                break
            if acc.point is not None:
                acc.point += str(v)
            elif (
                not acc.has
                or acc.last in ("H", "S")
                or (acc.last == "X" and acc.cur % 10 == 0 and v < 10)
            ):
                acc.cur += v
            else:
                break
        elif (
            t == "X"
            and (acc.has and acc.point is None and acc.last in ("U", "X", "H") and not acc.total)
            and (after := _compound_denominator(toks, j, acc.value(), out, acc.start))
        ):
            # "one twenty-fifth", "three twenty-firsts", "one hundred thirty-fifths"
            return after
        elif t == "X":
            if acc.point is not None:
                acc.point += str(v // 10)
            elif not acc.has or (acc.last in ("H", "S") and acc.cur % 100 == 0):
                acc.cur += v
            elif (
                acc.last == "U"
                and 1 <= acc.cur <= 9
                and not acc.total
                and j + 1 < n
                and _kind(toks[j + 1][0])[0] == "U"
                and 1 <= _kind(toks[j + 1][0])[1] <= 9
                and toks[j - 1][0] != "-"
            ):
                acc.cur = acc.cur * 100 + v  # "one twenty two" = 122 (spoken hundreds)
            else:
                break
        elif t in ("H", "HP"):
            if acc.point is not None or (acc.cur >= 100 and acc.last != "X") or acc.last == "H":
                break
            if not acc.has and not article:
                if t == "HP":  # "hundreds" -> vague
                    out.append(WordNumber(toks[j][1], e, 100.0, "vague", 100))
                    return j + 1
                if j + 1 >= n or _kind(toks[j + 1][0])[0] != "S":
                    break  # a bare "hundred" only counts before a scale: "hundred thousand"
            if t == "HP" and acc.has:
                # "five hundreds" (plural after a number)
                pass
            acc.cur = (acc.cur or 1) * 100
            acc.hpart = acc.cur
            acc.scaled = True
        elif t in ("S", "SP"):
            if w in ("tens", "scores") and acc.has:
                break
            if acc.point is not None:
                base = acc.value()
                acc.point = None
                acc.total, acc.cur = base * v, 0.0
            elif not acc.has and not article:
                if t == "SP":  # "thousands", "millions" -> vague
                    out.append(WordNumber(toks[j][1], e, float(v), "vague", v))
                    return j + 1
                break
            elif acc.frac and acc.cur == 0 and acc.total == 0:
                acc.total = acc.frac * v  # "half a million"
                acc.frac = 0.0
            elif acc.frac and acc.fraw and acc.lastscale > v:
                # "one billion and a half million" = 1,000,500,000
                acc.total = acc.total + acc.cur + acc.fraw * v
                acc.cur = acc.frac = acc.fraw = 0.0
            elif acc.frac:
                acc.total = (acc.total + acc.cur + acc.frac) * v
                acc.cur = acc.frac = 0.0
            else:
                grp = acc.cur or (1 if (article or not acc.has) else 0)
                if acc.total and grp == 0:
                    acc.total *= v  # "three thousand millions"
                elif acc.total and acc.total < v:
                    acc.total = (acc.total + grp) * v
                else:
                    acc.total += grp * v
                acc.cur = 0.0
            acc.scaled = True
            acc.lastscale = v
            acc.hpart = 0.0
        elif t in ("D", "DP"):
            if not acc.has and not article:
                if t == "DP":
                    out.append(WordNumber(toks[j][1], e, 12.0, "vague", 12))
                    return j + 1
                break
            if acc.frac and not acc.cur and not acc.total:
                acc.cur, acc.frac = acc.frac * 12, 0.0  # "half a dozen"
            elif acc.last in ("U", "X") and acc.hpart and acc.cur > acc.hpart:
                # "three hundred and two dozens" = 300 + 2 x 12
                acc.cur = acc.hpart + (acc.cur - acc.hpart) * 12
            else:
                acc.cur = (acc.cur or 1) * 12
            acc.scaled = True
            acc.last = "D"
            acc.has = True
            acc.end = e
            j += 1
            break
        elif t == "C":
            # "a couple of", "a pair of" (the scanner keeps them only before "of")
            if not article or acc.has:
                break
            acc.cur = float(v)
        elif t == "P":
            if not acc.has or acc.point is not None or j + 1 >= n:
                break
            if _kind(toks[j + 1][0])[0] not in ("U", "X"):
                break
            acc.point = ""
        elif t in ("O", "OP"):
            numerator = acc.value() if acc.has else (1.0 if article else 0.0)
            if acc.last == "X" and j > 0 and toks[j - 1][0] == "-" and t == "O" and v < 10:
                # compound ordinal: "twenty-first" (or "a twenty-first" -> 1/21)
                ordv = acc.cur + v
                if article:
                    out.append(WordNumber(acc.start, e, 1.0 / ordv, "fraction"))
                else:
                    out.append(WordNumber(acc.start, e, ordv, "ordinal"))
                return j + 1
            if (
                numerator
                and w not in ("first", "second")
                and ((t == "OP" and numerator > 1) or (t == "O" and numerator == 1))
            ):
                out.append(WordNumber(acc.start, e, numerator / v, "fraction"))
                return j + 1
            if acc.has:
                break
            out.append(WordNumber(toks[j][1], e, float(v), "ordinal"))
            return j + 1
        elif t == "F":
            if not acc.has and not article:
                if w == "half" or (
                    w == "quarter" and j + 1 < n and _kind(toks[j + 1][0])[0] == "S"
                ):
                    acc.frac = 0.5 if w == "half" else 0.25  # "quarter million"
                    acc.has = True
                    acc.last = "F"
                    acc.end = e
                    acc.start = toks[j][1]
                    j += 1
                    continue
                break
            numerator = acc.value() if acc.has else 1.0
            if acc.has and acc.last == "S":
                # "one million and a half" handled by "and"; "two million quarter" is not a number
                break
            if (t == "F" and w in ("halves", "quarters")) != (numerator > 1):
                break
            acc.total, acc.cur, acc.frac = 0.0, 0.0, numerator / v
            acc.point = None
            acc.has = True
            acc.last = "F"
            acc.end = e
            j += 1
            if (
                w != "half"
                and not (j < n and toks[j][0] == "a")
                and not (j < n and _kind(toks[j][0])[0] == "S")
            ):
                out.append(WordNumber(acc.start, e, acc.frac, "fraction"))
                return j
            continue
        else:
            break
        acc.has = True
        acc.last = t if t != "HP" else "H"
        acc.end = e
        j += 1
    if not acc.has:
        return max(j, i + 1) if j > i else i + 1
    if acc.point == "":
        acc.point = None
    kind = "cardinal"
    if acc.last == "F" and not acc.total and not acc.cur:
        kind = "fraction"
    out.append(WordNumber(acc.start, acc.end, acc.value(), kind, 0, acc.scaled))
    return j


def _compound_denominator(
    toks: list[tuple[str, int, int]],
    j: int,
    numerator: float,
    out: list[WordNumber] | None,
    start: int,
) -> int:
    """A numerator followed by a compound ordinal: "one twenty-fifth", "three twenty-firsts".
    Appends the fraction to ``out`` (when given) and returns the next index; 0 if not one."""
    n = len(toks)
    tens = _kind(toks[j][0])[1]
    k = j + 1
    if k < n and toks[k][0] == "-":
        k += 1
    if k >= n:
        return 0
    t, v = _kind(toks[k][0])
    if t not in ("O", "OP") or not 1 <= v <= 9:
        return 0
    if (t == "OP") != (numerator > 1):
        return 0
    if out is not None:
        out.append(WordNumber(start, toks[k][2], numerator / (tens + v), "fraction"))
    return k + 1


def _fraction_after_and(
    toks: list[tuple[str, int, int]], k: int, after_cardinal: bool = False
) -> tuple[float, int] | None:
    """After "and": "a half", "a quarter", "three quarters", "two thirds", "one fourth".

    After "hundred and" / "thousand and" (``after_cardinal``) a tens numerator continues the
    cardinal ("one hundred and thirty-two fifths" is 132/5) unless the denominator is a power of
    ten, the way decimals are read ("two hundred and fifty-four hundredths" is 200.54)."""
    n = len(toks)
    if k >= n:
        return None
    w = toks[k][0]
    if w in ("a", "an", "one"):
        num = 1.0
        k += 1
    else:
        t, v = _kind(w)
        if t not in ("U", "X"):
            return None
        num = float(v)
        k += 1
        tens = t == "X"
        # "fifty-four hundredths": a tens-units numerator
        if tens and k + 1 < n and toks[k][0] == "-" and _kind(toks[k + 1][0])[0] == "U":
            num += _kind(toks[k + 1][0])[1]
            k += 2
        if tens and after_cardinal and k < n and _kind(toks[k][0])[1] not in (10, 100, 1000):
            return None
    if k >= n:
        return None
    t, v = _kind(toks[k][0])
    if t in ("F", "O", "OP") and toks[k][0] not in ("first", "second") and v > 1:
        return num / v, k + 1
    return None
