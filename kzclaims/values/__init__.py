"""The value reader: numbers, percentages, dates, date ranges and durations in news text.

One public entry point, :func:`read_values`. Temporal expressions (dates, date ranges, durations,
years) are read first; numbers and percentages are then read from the rest of the text, so that
"January 13", "2020-2021" or "10 days" are never also read as counts. Russian text has a reader
of its own (:mod:`kzclaims.values.russian`); the language and the source's conventions (day-first
dates, decimal comma) are parameters.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kzclaims._lazyre import cached
from kzclaims.model import Kind, Value

if TYPE_CHECKING:
    from kzclaims.lang import Conventions

__all__ = ["read_values"]

_TYPES_FOR_KIND: dict[str, frozenset[str]] = {
    "count": frozenset({"number"}),
    "number": frozenset({"number"}),
    "percent": frozenset({"percent"}),
    "date": frozenset({"date"}),
    "date_range": frozenset({"date_range"}),
    "duration": frozenset({"duration"}),
    "statement": frozenset(),
}
_NUMERIC = frozenset({"number", "percent"})
_SEPARATORS = cached(r"(?<=\d)[.,](?=\d)")


def _swap(m: re.Match[str]) -> str:
    return "," if m.group() == "." else "."


_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|billion)"
)
#: the official register's "one hundred and twelve (112) persons", "sixty (60) calendar days":
#: the figure in brackets repeats the words, and "calendar" days are days; so are "ten school
#: days", "five working days", "three business days", "two trading days" (the days they count)
_FORMAL = cached(
    rf"(?i)\b({_NUMBER_WORD})(\s+\(\d{{1,3}}(?:,\d{{3}})*\))"
    r"|(\s+calendar)(?=\s+(?:day|month|year))"
)
# (found from each " day", a literal search, looking back: scanning the text with the words
# themselves costs ~50 ms a megabyte)
_KIND_OF_DAY = cached(
    rf"(?i)(?:\d|\b{_NUMBER_WORD})\s+(school|working|business|trading|sitting|teaching)$"
)
_KINDS = ("school", "working", "business", "trading", "sitting", "teaching")


def _formal(text: str) -> str:
    """The text with each formal echo of a number in brackets, each "calendar" before days and
    each kind of day after a number ("ten school days") blanked out (same length, so offsets
    hold): the words then read as one value with its noun."""
    if "(" in text or "alendar" in text:

        def blank(m: re.Match[str]) -> str:
            if m.group(1) is not None:
                return m.group(1) + " " * len(m.group(2))
            return " " * len(m.group())

        text = _FORMAL.sub(blank, text)
    i = text.find(" day")
    chars: list[str] | None = None
    while i >= 0:
        after = text[i + 4 : i + 6]
        if not after[:1].isalpha() or (after[:1] == "s" and not after[1:2].isalpha()):
            m = (
                _KIND_OF_DAY.search(text, max(0, i - 40), i)
                if text[max(0, i - 8) : i].lower().endswith(_KINDS)
                else None
            )
            if m is not None:
                if chars is None:
                    chars = list(text)
                chars[m.start(1) : m.end(1)] = " " * (m.end(1) - m.start(1))
        i = text.find(" day", i + 4)
    return text if chars is None else "".join(chars)


def read_values(
    text: str,
    kind: Kind | None = None,
    reference: dt.date | None = None,
    language: str = "en",
    conventions: Conventions | None = None,
) -> list[Value]:
    """Every value of ``kind`` in ``text`` (every kind when None), in text order.

    ``reference`` is the date that relative ("in two days", "this Thursday") and year-less
    ("on January 13") dates resolve against; without it such dates are not resolved.
    ``language`` picks the reader ("en", "ru"); ``conventions`` say how the source writes
    numeric dates and decimals (day-first, decimal comma: see
    :func:`kzclaims.lang.conventions_for`); by default the language's own. An unknown ``kind``
    raises ValueError.
    """
    if kind is not None and kind not in _TYPES_FOR_KIND:
        raise ValueError(f"unknown kind {kind!r}; kinds are: {', '.join(_TYPES_FOR_KIND)}")
    wanted = _TYPES_FOR_KIND[kind] if kind is not None else None
    values = _read(text, wanted, reference, language, conventions)
    if kind == "count" and values:  # an age is never a count ("aged 45", "a 12-year-old")
        values = [v for v in values if "age" not in v.tags]
        if any(_bulleted(v) for v in values):
            values = [_unbulleted(v) if _bulleted(v) else v for v in values]
    if kind == "number" and ("ago" in text or "назад" in text):
        values = _years_ago(text, values, language, conventions)
    if values and any(v.type == "date" for v in values):
        # "МАСЕРУ, 17 сентября. /ПанАфрика-Пресс/. ...", "LIMA, Feb 16 (Reuters) - ...": the
        # dateline dates the report (and what it tells happened that day, with no date of its
        # own); tagged "dateline" so that a date the text gives can be preferred to it
        from kzclaims.dateline import dateline_spans

        spans = dateline_spans(text)
        if spans:
            values = [
                replace(v, tags=(*v.tags, "dateline"))
                if v.type == "date" and any(a <= v.start < b for a, b in spans) else v
                for v in values
            ]
    return values


def _bulleted(v: Value) -> bool:
    """A count read as negative from a list's bullet: "- 1,850 city computers encrypted" (a
    count is never negative; the reader takes a minus sign and a space at the start of a text
    as the sign, as in "- 1,200,000")."""
    return (
        isinstance(v.reading, (int, float)) and v.reading < 0 and v.text[:2] in ("- ", "− ")
    )


def _unbulleted(v: Value) -> Value:
    def pos(x: object) -> object:
        return -x if isinstance(x, (int, float)) and x < 0 else x

    return replace(
        v, start=v.start + 2, text=v.text[2:], reading=-v.reading,  # type: ignore[operator]
        low=pos(v.high), high=pos(v.low),  # type: ignore[arg-type]
        low_inclusive=v.high_inclusive, high_inclusive=v.low_inclusive,
    )


#: the temporal expressions and numbers of recent texts: a passage is read for several claims
#: (and as a window's next sentence), and what these readers find does not depend on the claim
_SCANS: dict[
    tuple[str, dt.date | None, bool, bool],
    tuple[bool, str, list[Value], list[Value] | None, list[tuple[int, int]]],
] = {}
_SCANS_KEPT = 512


def _scan(
    original: str, reference: dt.date | None, day_first: bool, decimal_comma: bool, numbers: bool
) -> tuple[str, list[Value], list[Value]]:
    """(the text as read, its temporal values, its numbers: empty unless ``numbers``)."""
    key = (original, reference, day_first, decimal_comma)
    hit = _SCANS.get(key)
    if hit is None or (numbers and hit[3] is None):
        numeric: list[Value] | None = None
        if hit is not None:  # read before without its numbers: the same temporal scan
            changed, text, temporal, _, taken = hit
            if not changed:
                text = original
        else:
            from kzclaims.values.temporal import scan_temporal

            text = _formal(original)
            # Every temporal expression is skipped by the numbers reader, also those that could
            # not be resolved without a reference date ("two days ago"): their numbers are not
            # counts.
            temporal, taken = scan_temporal(text, reference, day_first)
        if numbers:
            from kzclaims.values.numbers import read_numbers

            if decimal_comma:
                # "3.200" is 3200 and "1,5" is 1.5: swap the separators inside numbers (same
                # length, so offsets hold) and quote the words as the source wrote them.
                numeric = [
                    replace(v, text=text[v.start : v.end])
                    for v in read_numbers(_SEPARATORS.sub(_swap, text), exclude=taken)
                ]
            else:
                numeric = read_numbers(text, exclude=taken)
        if len(_SCANS) >= _SCANS_KEPT:
            _SCANS.clear()
        hit = (text is not original, text, temporal, numeric, taken)
        _SCANS[key] = hit
    changed, text, temporal, numeric, _ = hit
    return (
        text if changed else original,
        list(temporal),
        list(numeric) if numbers and numeric is not None else [],
    )


def _read(
    text: str,
    wanted: frozenset[str] | None,
    reference: dt.date | None,
    language: str,
    conventions: Conventions | None,
) -> list[Value]:
    if language == "ru":
        from kzclaims.values.russian import read_russian

        found = read_russian(text, reference, conventions)
        if wanted is not None and "date_range" in wanted and len(found) > 1:
            from kzclaims.values.russian import role_periods

            found = sorted([*found, *role_periods(text, found)], key=lambda v: (v.start, v.end))
        if wanted == _PERCENT_ONLY:  # "почти половины улова", for a percent: about 50 %
            from kzclaims.values.russian import share_percents

            shares = share_percents(text, found)
            if shares:
                found = sorted([*found, *shares], key=lambda v: (v.start, v.end))
        return found if wanted is None else [v for v in found if v.type in wanted]
    original = text
    day_first = conventions.day_first if conventions is not None else False
    decimal_comma = conventions is not None and conventions.decimal_comma
    text, temporal, numeric = _scan(
        text, reference, day_first, decimal_comma, wanted is None or bool(wanted & _NUMERIC)
    )
    # the kind of date asked for: a day list, two dates and "in the next two days" read by it
    kind = None if wanted is None else next(iter(wanted)) if len(wanted) == 1 else "other"
    if temporal and kind in (None, "date", "date_range"):
        from kzclaims.values.temporal import day_lists, later_dates, next_periods, role_periods

        if kind == "date_range":  # "opened on 14.08 and closed on 11.09": a period too
            temporal = [*temporal, *role_periods(text, temporal)]
        if kind is not None:  # "in the next two days": a period from the reference date
            temporal = [*temporal, *next_periods(text, temporal, kind, reference)]
        if kind == "date":  # "two days later", "the next day": from the day named before
            temporal = sorted([*temporal, *later_dates(text, temporal)], key=lambda v: v.start)
        temporal = day_lists(text, temporal, kind)
    if kind == "date" and reference is not None and "after" in text:
        # "Three days after the explosion, the toll has risen again": the event's day
        from kzclaims.values.temporal import after_event_dates

        found = after_event_dates(text, temporal, reference)
        if found:
            temporal = sorted([*temporal, *found], key=lambda v: v.start)
    if len(numeric) > 1:
        numeric = _restated_percents(text, numeric)
    if wanted == _PERCENT_ONLY and numeric:
        numeric = _share_percents(numeric)
    values = sorted([*temporal, *numeric], key=lambda v: (v.start, v.end))
    if text is not original:  # quote the words as the source wrote them
        values = [replace(v, text=original[v.start : v.end]) for v in values]
    if wanted is None:
        return values
    return [v for v in values if v.type in wanted]


#: "built 62 years ago", "построен 62 года назад": the number of years is a number (an age),
#: though the words are a relative date too, which the numbers reader leaves out (QA6 Q9)
_YEARS_AGO = cached(r"\s+(?:years?\s+ago|(?:год[а]?|лет)\s+назад)\b", re.I)


def _years_ago(
    text: str, values: list[Value], language: str, conventions: Conventions | None
) -> list[Value]:
    """``values`` with the number of each "N years ago" (read alone, as a number: "62",
    "sixty-two", "шестьдесят два") when no value read already covers it, in text order."""
    found: list[Value] = []
    for m in _YEARS_AGO.finditer(text):
        head = max(0, m.start() - 40)
        numbers = [
            v for v in _read(text[head : m.start()], _NUMBER_ONLY, None, language, conventions)
            if v.type == "number" and v.end == m.start() - head
        ]
        if not numbers:
            continue
        v = numbers[-1]
        start = v.start + head
        if any(w.start < m.start() and start < w.end for w in values if w.type == "number"):
            continue
        found.append(
            replace(v, start=start, end=v.end + head, noun=m.group().split()[0], tags=("ago",))
        )
    if not found:
        return values
    return sorted([*values, *found], key=lambda v: (v.start, v.end))


_NUMBER_ONLY = frozenset({"number"})
_PERCENT_ONLY = frozenset({"percent"})


def _share_percents(numeric: list[Value]) -> list[Value]:
    """For a percent: a share in words ("about half of the catch", "a third of voters",
    "two-thirds") is that percentage, unless a percentage right after it restates it; not a
    bound ("more than half", "under a third": a threshold, a majority, not the figure)."""
    out: list[Value] = []
    for i, v in enumerate(numeric):
        r = v.reading
        if (
            v.type == "number" and "fraction" in v.tags and isinstance(r, (int, float))
            and 0 < r < 1 and v.qualifier in ("exact", "approx")
            and not (
                i + 1 < len(numeric) and numeric[i + 1].type == "percent"
                and numeric[i + 1].start - v.end <= 12
            )
        ):
            def pct(x: object) -> object:
                return round(100.0 * x, 1) if isinstance(x, (int, float)) else x

            v = replace(v, type="percent", reading=pct(r), low=pct(v.low), high=pct(v.high))
        out.append(v)
    return out


#: a figure that restates the percentage just before it, with no unit of its own: "just under
#: sixty-two per cent - sixty-one point nine, to be exact", "62% (61.9)", "about 62 per cent, or
#: 61.9"
_RESTATE_GAP = cached(r"\s*(?:[-–—(]|,?\s+or|,\s+(?:precisely|exactly))\s*", re.I)
_RESTATE_END = cached(r"\s*(?:[,;)]|\.(?!\d)|[-–—]\s|$)")


def _restated_percents(text: str, numeric: list[Value]) -> list[Value]:
    out: list[Value] = []
    for i, v in enumerate(numeric):
        p = numeric[i - 1] if i else None
        if (
            p is not None
            and p.type == "percent"
            and v.type == "number"
            and v.noun is None
            and not v.tags
            and isinstance(v.reading, (int, float))
            and isinstance(p.reading, (int, float))
            and abs(v.reading - p.reading) <= max(1.0, 0.1 * abs(p.reading))
            and _RESTATE_GAP.fullmatch(text, p.end, v.start)
            and _RESTATE_END.match(text, v.end)
        ):
            v = replace(v, type="percent", tags=("restated",))
        out.append(v)
    return out
