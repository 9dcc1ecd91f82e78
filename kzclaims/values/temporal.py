"""Dates, date ranges, durations and years in English news text.

Entry point: :func:`read_temporal`. It finds every temporal expression with compiled regular
expressions (one grammar per form), resolves it against the reference date when it is relative or
has no year, attaches the qualifier words that belong to it ("by", "no later than", "within",
"more than", "about" ...) and returns non-overlapping :class:`~kzclaims.model.Value` objects in
text order.

Readings
--------
- ``date``: a :class:`PartialDate` (day, month or year precision). "last month"/"next month" give
  month precision, "this year" year precision.
- ``date_range``: ``(PartialDate, PartialDate)``; "last week"/"this week"/"next week" are the
  Monday..Sunday range of that calendar week.
- ``duration``: a number of days, an ``int`` when integral: weeks x 7, fortnights x 14,
  months x 30, years x 365, decades x 3650, hours / 24, minutes / 1440, seconds / 86400;
  ``(low, high)`` for "three to five days".

Resolution against the reference date
-------------------------------------
Year-less dates ("on January 13"), bare weekdays ("on Thursday"), bare months ("in February") and
day-only dates ("on the 27th") are resolved by the tense of the sentence around them
(:func:`sentence_tense`): future ("will", "'ll", "is to", "scheduled" ...) -> the first occurrence
on or after the reference date; past ("was", "said", "held", "-ed" verbs ...) -> the last one on
or before it; no tense -> the nearer of the two (ties go to the past). "this/next/last Friday" is
the Friday of the current/next/previous Monday-based week. "in N days" is a date only when the
sentence is not in the past tense (otherwise "N days" is a duration). Relative and year-less
expressions are never invented without a reference date: they are then recognised (so that no
other reader takes "two days ago" for a duration or a count) but not returned.

Numeric dates: ``YYYY-MM-DD`` (also ``/`` and ``.``); ``DD.MM.YYYY`` with dots (datelines);
with ``/`` or ``-`` the US order ``MM/DD/YYYY`` unless the first number cannot be a month.
A year-less numeric date ("4/22") only after "on", or with ``/`` and a part above 12; in a
day-first source also a dotted "14.08" after a word that leads a date ("from 02.10 to 13.10").

Periods from two dates
----------------------
Two dates joined by "from ... to/through/until/right up to", "between ... and" or "... through
..." are one ``date_range`` ("from Tuesday to Thursday", "from July 22 until today"): a weekday
or a year-less end is taken where it makes the period run forward, and a bare weekday only
within two months of the other end. A day list ("April 7 and 8", "the seventh and eighth of
April") is a ``date_range`` tagged ``day_list``; :func:`day_lists` says what each kind of claim
reads from it. Two dates named by their roles in one sentence ("opened on ... and closed on
...") are offered to date-range claims by :func:`role_periods`; "in the next two days" to date and
date-range claims by :func:`next_periods`.

Conventions and limits
----------------------
- Qualifiers: by / until / through / no later than / before (exclusive) -> at_most; since /
  from / after (exclusive) / starting -> at_least; within / up to / no more than / less than
  (exclusive) -> at_most and more than (exclusive) / at least / over -> at_least for durations;
  about / around / nearly / almost / some -> approx. "over the following 10 days" and "spread
  over 10 days" mean during: exact. ``low``/``high`` are the interval the words state.
- A duration led by "a"/"an"/"one" ("a week") needs a word before it that makes it one ("for",
  "within", "about", "took" ...): "once a week", "a day of mourning", "One day he ..." are not.
- "two days later", "the next day" are anaphoric (relative to an event in the text, not to the
  reference date): no date; "two days later" still gives the duration "two days".
- Years: 1800-2099 standing alone, unless a counted noun follows ("2030 troops"), a thousands
  separator or a code precedes ("2,030", "No. 2022", "KC 2022"). Older years only inside a
  full date ("5 December 1391"); years in words only after a day and month.
- ``tags``: "year" (a bare year), "ago" ("N days ago"), "yearless" / "weekday" plus the tense
  that chose the occurrence ("future", "past" or "nearest"), for explanations.
- :func:`temporal_spans` / :func:`scan_temporal` also give the spans of expressions that could
  not be resolved (no reference date), for the numbers reader to leave alone.

Why not dateparser
------------------
Measured with ``benchmarks/dateparser_compare.py`` (dateparser 1.5.0, ``languages=["en"]``):

- cost: ``import dateparser`` 92 ms plus 119 ms for the first parse, then ~1,200 spans/s;
  this module reads ~12,000 short spans/s and its whole first call (import + regex compile)
  costs ~50 ms. The bundled run would spend more time loading dateparser than reading all of
  its sources.
- Recognizers-Text DateParser.json, 135 results, GOLD span given, same tense rule for both:
  dateparser 50.4 %, this grammar 87.4 %.
- the project's own date cases (199 with one day-precision date, expected span given):
  dateparser 78.9 % (the grammar passes them all, but they were written with it). Its misses:
  dd.mm.yyyy datelines read month-first ("07.01.2022" -> July 1), "the second of January",
  "a few days ago", nth weekdays ("the first Monday of February"), "Friday next week",
  "Tuesday of last week", and its own conventions for "next Friday" / bare weekdays.
- it resolves a span, but finding the span, the range ("Jan. 5 to 19"), the qualifier and the
  tense is the hard part in running text, and ``search_dates`` invents dates there.

It remains the candidate for other languages (Russian sources), on spans this module finds.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise
from typing import Any, Literal

from kzclaims._dataclass import dataclass
from kzclaims._lazyre import lazy
from kzclaims.lang import en as _en
from kzclaims.model import Number, PartialDate, Qualifier, Value

__all__ = ["read_temporal", "scan_temporal", "sentence_tense", "temporal_spans", "word_number"]

Tense = Literal["future", "past"] | None

# ------------------------------------------------------------------------------------------
# Words
# ------------------------------------------------------------------------------------------

# month and weekday names and number words: the English tables of kzclaims.lang.en
_MONTHS = {k: v for k, v in _en.MONTHS.items() if len(k) == 3}
_WEEKDAYS = {k: v for k, v in _en.WEEKDAYS.items() if len(k) == 3}
_SMALL = {k: v for k, v in _en.UNITS.items() if k not in ("nought", "naught", "nil")}
_SMALL.update({"a": 1, "an": 1, "single": 1})
_TENS = {k: v for k, v in _en.TENS.items() if k != "fourty"}
_ORDINALS = {k: v for k, v in _en.ORDINALS.items() if v <= 20 or k == "thirtieth"}


def word_number(text: str) -> float | None:
    """The value of a small English number phrase: "ten", "twenty-one", "a", "two and a half",
    "twenty second", "a couple of", "a few", "half a", "1.5". None when it is not one."""
    t = text.lower().replace("-", " ").replace(",", "").strip()
    t = re.sub(r"\s+", " ", t)
    if not t:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in ("a couple of", "a couple", "couple of", "couple"):
        return 2.0
    if t in ("a few", "few"):
        return 3.0
    if t in ("half", "half a", "half an", "a half"):
        return 0.5
    mh = re.fullmatch(r"(.+) and (?:an? )?half", t)
    if mh:
        base = word_number(mh.group(1))
        return None if base is None else base + 0.5
    total = 0
    seen = False
    for w in t.split(" "):
        if w == "and":
            continue
        if w in _TENS:
            total += _TENS[w]
        elif w in _SMALL:
            total += _SMALL[w]
        elif w in _ORDINALS:
            total += _ORDINALS[w]
        elif w == "hundred":
            total = max(total, 1) * 100
        else:
            return None
        seen = True
    return float(total) if seen else None


# ------------------------------------------------------------------------------------------
# Regular expression pieces
# ------------------------------------------------------------------------------------------

_MON_FULL = "|".join(_en.MONTH_NAMES)
_MON_ABBR = "|".join(_en.MONTH_ABBREVIATIONS)
# an abbreviation's dot (or a stray dot after a full name) belongs to the month only before a number
_MON = rf"(?:{_MON_FULL}|{_MON_ABBR})(?:\b|(?=\d))(?:\.(?=\s*\d))?"
_WD_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WD_ANY = rf"(?:{_WD_FULL}|(?:mon|tues?|wed|thur?s?|fri|sat|sun)\b\.?)"
_ORD_W = (
    r"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth)"
)
_DAYCARD_W = (
    r"(?:twenty[\s-](?:one|two|three|four|five|six|seven|eight|nine)|thirty[\s-]one"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)"
)
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_D = r"(?:1\d{3}|20\d\d)"  # a year inside a full date may be older: "5 December 1391"
_W19 = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_W99 = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]{_W19})?|ten|eleven"
    rf"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_W19})"
)
# a year in words after a day and month: "nineteen seventy eight", "nineteen zero one",
# "two thousand and eighteen" (never a bare "two thousand people")
_YEAR_W = (
    rf"(?:(?:nineteen|twenty)\s+(?:hundred|(?:oh|zero)\s+{_W19}|{_W99})"
    rf"|two\s+thousand(?:\s+and)?\s+{_W99}|two\s+thousand(?=\s*(?:[.,;!?)]|$)))"
)
_CARD_W = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|one|two|three|four|five|six|seven|eight|nine|(?:a|one)\s+hundred)"
)
_NUM = rf"(?:\d+(?:\.\d+)?|{_CARD_W}\b)"
_HALF = (
    rf"(?:{_NUM}\s+and\s+(?:an?\s+)?half|{_NUM}|half\s+an?|half|(?:a\s+)?couple\s+of|a\s+few"
    r"|few|an?)"
)
_UNIT = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?"
    r"|yrs?|decades?|century|centuries)"
)
# one "N unit" group; digits may be glued to the unit ("3day", "48h") or hyphenated ("10-day")
_MORE = r"(?:(?:more|additional|extra|further)\s+)?"  # "two more weeks"
_DUR1 = (
    rf"(?:(?:\d+(?:\.\d+)?)(?:\s*-\s*|\s*){_MORE}(?:{_UNIT}|h)\b"
    rf"|{_HALF}(?:\s*-\s*|\s+){_MORE}{_UNIT}\b(?:\s+and\s+(?:an?\s+)?half)?)"
)
# groups join while the units get smaller: "1 year 2 months", "2 years and 3 months",
# "2 years, 3 months"
_DUR = rf"(?:{_DUR1}(?:(?:\s+and\s+|\s+|,\s*(?=\d)){_DUR1})*)"

_I = re.IGNORECASE

# A text without a digit or a word starting with one of these cannot hold a temporal expression.
PRECHECK_WORDS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon",
    "tue", "wed", "thu", "fri", "sat", "sun", "today", "tomorrow", "tmrw", "yesterday",
    "tonight", "sec", "min", "hour", "hr", "day", "week", "fortnight", "month", "year", "yr",
    "decade", "centur", "morning", "afternoon", "evening", "night",
)
#: the characters other than its two cases that ``re.IGNORECASE`` takes for a Latin letter
#: (Python's re, Unicode: "İ" and "ı" for i, "ſ" for s, the Kelvin sign for k; a test checks)
CASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _caseless(c: str) -> str:
    return f"[{c}{c.upper()}{CASE_EXTRAS.get(c, '')}]"


_PRE_DIGIT = lazy(r"\d")
# \b(?:jan|feb|...) with re.IGNORECASE, written so that the engine scans for the words' first
# letters (a class first: with IGNORECASE, or with an alternation first, it tries the whole
# pattern at every position: 8 ms of the bundled run, most texts holding neither): one of them,
# no word character before it (what \b means before a letter), then, by that letter, the rest
# of a word starting with it, each letter in every case re.IGNORECASE takes for it
_PRE_FIRST: dict[str, list[str]] = {}
for _w in PRECHECK_WORDS:
    _PRE_FIRST.setdefault(_w[0], []).append(_w)
_PRE_WORD = lazy(
    "[" + "".join(sorted({ch for w in PRECHECK_WORDS for ch in _caseless(w[0])[1:-1]})) + "]"
    r"(?<!\w.)(?:"
    + "|".join(
        f"(?<={_caseless(first)})(?:"
        + "|".join("".join(_caseless(c) for c in w[1:]) for w in words)
        + ")"
        for first, words in _PRE_FIRST.items()
    )
    + ")"
)

_P_ISO = lazy(
    rf"(?<![\w.,/-])(?P<y>(?:1[89]|20)\d\d)(?P<s>[-/.])(?P<m>\d{{1,2}}|{_MON_ABBR}|{_MON_FULL})"
    r"(?P=s)(?P<d>\d{1,2})(?:[tT]\d\d:\d\d(?::\d\d)?)?(?![\w/-]|[.,]\d)",
)
_P_NUMDATE = lazy(
    r"(?<![\w.,/$-])(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?:(?P=s)|,)(?P<y>\d{4}|\d\d)"
    r"(?![\w/-]|[.,]\d)"
)
_P_NUMDATE_NOYEAR = lazy(
    r"(?<![\w.,/$-])(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})"
    r"(?![\w/%-]|[.,]\w|\s*[=+*/^<>]|\s*(?:percent|per|of|to|and|or|million|billion|thousand)\b)",
)
_ON_BEFORE = lazy(r"\bon\s+$", _I)
# a year-less day.month with a two-digit month in a day-first source, after a word that leads a
# date: "opened on 14.08 and closed on 11.09", "from 02.10 to 13.10"
_P_DOTTED_NOYEAR = lazy(r"(?<![\w.,/$-])(?P<a>\d{1,2})\.(?P<b>\d\d)(?![\w%-]|[.,]\d)")
# "from 15.09. to 29.09.2025", "20.10.-31.10.2025", "from 3.3. until 7.3.": day.month closed by
# a dot, the day-first way of Central European and translated pieces, the year written once at
# the end (a dot after the first date says day-first in any source: "15.09." is no decimal)
_P_DOTTED_PAIR = lazy(
    r"(?<![\w.,/$-])(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.\s*(?P<c>to|until|till|through|and|-|–|—)"
    r"\s*(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})?(?![\w%]|[.,]\d)"
)
_DATE_CUE_BEFORE = lazy(
    r"\b(?:on|from|between|until|till|to|and|since|by|through"
    # "the withdrawal began 20.05 when ...": a verb of a start takes a day ("closed 20.05" may
    # be a price)
    r"|began|begun|started|resumed)\s+$",
    _I,
)
_WORD_AFTER_DATE = lazy(
    r"\s+(?!(?:to|and|until|till|through|or|when|while|as|after|before|at|in|on|with|but)\b)[a-z]",
    _I,
)
_P_MDY = lazy(
    rf"\b(?P<mon>{_MON})\s*(?:[-/]\s*)?(?:(?P<the>the)\s+)?"
    rf"(?P<day>{_DAYNUM}|{_ORD_W}|{_DAYCARD_W})\b(?:(?:\s*,\s*|\s+)(?P<y>{_YEAR_D}|{_YEAR_W})\b)?",
)
_P_DMY = lazy(
    rf"\b(?P<day>{_DAYNUM}|{_ORD_W})"
    rf"(?:\.|(?P<of>\s+of))?\s+(?P<mon>{_MON})(?:\s*,?\s*(?P<y>{_YEAR_D}|{_YEAR_W})\b)?",
)
_P_MY = lazy(rf"\b(?P<mon>{_MON})\s*,?\s+(?:of\s+)?(?P<y>{_YEAR})\b(?![.,]\d)")
_P_MONTH_ONLY = lazy(
    rf"\b(?P<cue>in|since|by|until|till|before|after|from|during|early|late|mid|end\s+of"
    rf"|beginning\s+of|start\s+of|middle\s+of|through|throughout|of|on)\s*-?\s*"
    rf"(?P<mon>(?:{_MON_FULL})\b|(?:{_MON_ABBR})\b\.?)(?!\s*(?:[-/]\s*)?\d)",
)
_P_DAY_ONLY = lazy(
    rf"\b(?:on|for|by|until|since)\s+(?P<the>the\s+)?(?P<day>{_DAYNUM}|{_ORD_W}|{_DAYCARD_W})\b"
    r"(?=\s*(?:[!?;)]|[.,](?!\d)|$))",
)
_P_WD_THE_DAY = lazy(
    rf"\b(?P<wd>{_WD_FULL})\s+the\s+(?P<day>{_DAYNUM}|{_ORD_W}|{_DAYCARD_W})\b"
)
_P_YEAR_RANGE = lazy(
    r"(?P<y1>(?:1[89]|20)\d\d)(?<![\w$.,/-]....)\s*(?P<sep>-|–|—|/|to|through|until|till|and)\s*"
    rf"(?P<y2>{_YEAR}|\d\d)(?![\w%]|[.,]\d)",
)
_FROM_BETWEEN_BEFORE = lazy(r"\b(?P<pre>from|between)\s+$", _I)
_P_DECADE = lazy(r"(?P<y>(?:1[89]|20)\d0)(?<![\w.,]....)['’]?s\b")
_THE_BEFORE = lazy(r"\bthe\s+$", _I)
# (a leading character class lets the regex engine skip ahead fast; the look-behinds follow)
_P_YEAR = lazy(
    r"(?P<y>(?:1[89]|20)\d\d)(?<![\w$€£¥.,/#№-]....)(?<!\d\s....)"
    r"(?![\w%°]|[.,/-]\d|\s*%|\s*[-–—]\s*\d)"
)
_P_RANGE_MD = lazy(  # Jan. 5 to 19 / January 5-19 / between January 5 and 19 / Jan 5 – Jan 19
    rf"\b(?P<mon>{_MON})\s*(?P<d1>{_DAYNUM})\b"
    rf"(?:\s*,?\s*(?P<y1>{_YEAR})\b)?\s*(?P<sep>-|–|—|to|through|until|till|and)\s*"
    rf"(?:(?P<mon2>{_MON})\s*)?(?P<d2>{_DAYNUM})\b(?:\s*,?\s*(?P<y>{_YEAR})\b)?",
)
_P_RANGE_DM = lazy(  # from 5 to 19 January / 5-19 January 2022 / 5 January to 19 January
    rf"(?<![\w.,/$-])(?P<d1>{_DAYNUM})(?:\s+(?P<mon1>{_MON}))?"
    rf"(?:\s*,?\s*(?P<y1>{_YEAR}))?\s*(?P<sep>-|–|—|to|through|until|till|and)\s*"
    rf"(?P<d2>{_DAYNUM})\s+(?P<mon>{_MON})(?:\s*,?\s*(?P<y>{_YEAR})\b)?",
)
# "from the fifteenth to the twenty-ninth of September", "from the 15th to the 29th of September",
# "between the 3rd and the 7th of March": days as ordinals, the month named once at the end
_P_RANGE_ORD = lazy(
    rf"\b(?P<pre>from|between)\s+the\s+(?P<d1>{_DAYNUM}|{_ORD_W})\s+(?P<sep>to|through|until|till"
    rf"|and)\s+(?:the\s+)?(?P<d2>{_DAYNUM}|{_ORD_W})(?:\s+of)?\s+(?P<mon>{_MON})"
    rf"(?:\s*,?\s*(?P<y>{_YEAR})\b)?",
)
# Day lists: "April 7 and 8", "7 and 8 April", "the seventh and eighth of April", "7. and 8. April"
# (a day list of consecutive days is a period; see day_lists())
_LIST_END = (
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:before|after|at|in|on|to|when|while|as|and|or|but|with|for|from"
    r"|until|next|this|last)\b)"
)
_P_DAYLIST_MD = lazy(
    rf"\b(?P<mon>{_MON})\s*(?P<d1>{_DAYNUM})\s*,?\s+and\s+(?:the\s+)?(?P<d2>{_DAYNUM})\b"
    rf"(?:\s*,?\s*(?P<y>{_YEAR})\b|{_LIST_END})",
)
_P_DAYLIST_DM = lazy(
    rf"(?<![\w.,/$-])(?:the\s+)?(?P<d1>{_DAYNUM}|{_ORD_W})\.?\s*,?\s+and\s+(?:the\s+)?"
    rf"(?P<d2>{_DAYNUM}|{_ORD_W})(?:\.|\s+of)?\s+(?P<mon>{_MON})(?:\s*,?\s*(?P<y>{_YEAR})\b)?",
)
# Optional words before a match, looked for only where a match starts (a grammar that begins
# with an optional group is tried at every character and is several times slower).
_PRE_WD = lazy(rf"(?:\b(?P<wd>{_WD_ANY})\s*,?\s+)?$")
_PRE_WD_THE = lazy(rf"(?:\b(?P<wd>{_WD_ANY})\s*,?\s+)?(?:\b(?P<the>the)\s+)?$")
_PRE_FROM = lazy(r"(?:\b(?P<pre>from|between)\s+)?$")
_PRE_BETWEEN = lazy(r"(?:\b(?P<pre>between)\s+)?$")
_P_RANGE_MONTHS = lazy(
    rf"(?:\b(?P<pre>from|between)\s+(?P<m1>{_MON_FULL}|{_MON_ABBR})\b\.?(?:\s*,?\s+(?P<y1>{_YEAR}))?"
    rf"\s*(?P<sep>-|–|—|to|through|until|till|and)\s*(?P<m2>{_MON_FULL}|{_MON_ABBR})\b\.?"
    rf"(?:\s*,?\s+(?P<y>{_YEAR})\b)?"
    rf"|\b(?P<m1b>{_MON_FULL}|{_MON_ABBR})\s*(?:-|–|—)\s*(?P<m2b>{_MON_FULL}|{_MON_ABBR})\b\.?"
    rf"\s*,?\s+(?P<yb>{_YEAR})\b)",
)
_P_DAYWORD = lazy(r"(?P<w>today|tomorrow|tmrw|yesterday|tonight)\b")
# a part of the reference day or of the day before: "this morning", "last night"
_P_DAYPART = lazy(r"\b(?P<mod>this|last)\s+(?P<p>morning|afternoon|evening|night)\b")
_DAY_BEFORE_AFTER = lazy(r"\bthe\s+day\s+(?P<pre>before|after)\s+$", _I)
_P_AGO = lazy(
    rf"\b(?P<dur>{_DUR})\s+(?P<dir>ago|from\s+now|hence|(?:from|after)\s+(?:today|tomorrow)"
    rf"|before\s+yesterday|from\s+yesterday|before\s+today)\b",
)
_P_IN = lazy(rf"\bin\s+(?P<dur>{_DUR})")
_P_WEEKDAY = lazy(
    rf"\b(?:(?P<mod>this|next|last|past|coming|previous)\s+(?:(?P<wk>week)\s+(?:on\s+)?)?)?"
    rf"(?P<wd>{_WD_FULL})\b(?:(?:\s*,?\s+(?:of\s+)?|\s+)(?P<mod2>this|next|last|previous)\s+week\b)?",
)
_P_NTH_WD = lazy(
    rf"\b(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+"
    rf"(?P<wd>{_WD_FULL})\b(?:\s+(?:of|in)\s+(?:(?P<mon>{_MON_FULL}|{_MON_ABBR})\b"
    rf"|(?P<rel>this|next|last|previous)\s+month\b))?",
)
_P_DAY_OF_REL_MONTH = lazy(
    rf"\b(?:the\s+)?(?P<day>{_DAYNUM}|{_ORD_W})\s+of\s+(?P<rel>this|next|last|previous)\s+month\b",
)
_P_PERIOD = lazy(
    r"\b(?P<mod>this|next|last|past|previous|coming|current)\s+(?P<p>week|month|year)\b"
)
_P_DUR_RANGE = lazy(
    rf"\b(?P<n1>{_NUM})\s*(?P<sep>-|–|—|to|or|and)\s*(?P<n2>{_NUM})"
    rf"(?:\s*-\s*|\s+)(?P<u>{_UNIT})\b",
)
# a verb of change before "from N to M <unit>": the length was changed to M
_CHANGE_FROM_DUR = lazy(
    r"\b(?:extend(?:ed|s|ing)?|prolong(?:ed|s|ing)?|lengthen(?:ed|s|ing)?|shorten(?:ed|s|ing)?|"
    r"(?:in|de)creas(?:ed|es|e|ing)|rais(?:ed|es|e|ing)|reduc(?:ed|es|e|ing)|cut|cuts|"
    r"rose|rise[ns]?|grew|grow[ns]?|jump(?:ed|s)?|doubl(?:ed|es)|changed|moved|revised)"
    r"(?:\s+[a-z]+){0,2}\s+(?P<from>from)\s+$"
)
_P_DUR = lazy(
    rf"(?:\b(?P<the>the\s+(?:next|following|coming|past|last|previous|first|initial|remaining)"
    rf"|(?:an)?other|an\s+additional|an\s+extra)\s+)?\b(?P<dur>{_DUR})",
)
_P_DUR_WHOLE = lazy(
    r"\b(?:all|full|whole|entire|the\s+whole|the\s+entire|a\s+full|a\s+whole)[\s-]"
    r"(?P<u>day|week|month|year)\b",
)
_P_DUR_LONG = lazy(r"(?<![\w-])(?P<u>day|week|fortnight|month|year|decade)[\s-]long\b")
_P_DUR_THE_PAST = lazy(  # "the past week"; not "the next day" / "the last day" (anaphoric)
    r"\bthe\s+(?:past|last|next|coming|following|previous)\s+(?P<u>week|fortnight|month"
    r"|year|decade)\b|\bthe\s+past\s+(?P<u2>day)\b"
    r"|\b(?:another|an\s+additional|an\s+extra)\s+(?P<u3>hour|day|week|fortnight|month|year)\b",
)
# "on the tenth day after voting day", "the 3rd day since the blast": an ordinal day counted
# from an event is that many days after it (a duration); "the third day of the siege" is not (the
# siege may go on)
_P_DUR_ORD_DAY = lazy(
    r"\bthe\s+(?P<o>(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth)|" + "|".join(sorted(_ORDINALS, key=len, reverse=True))
    + r"|\d{1,3}(?:st|nd|rd|th))\s+day\s+(?:after|since|following|from)\b"
)
# "The strike is now in its 11th day", "the heatwave entered its twelfth day": that long so far
_P_DUR_ITS_NTH = lazy(
    r"\b(?:in|into|entered|enters|entering|reached|reaches|reaching|marked|marks|marking)\s+its"
    r"\s+(?P<o>(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth)|" + "|".join(sorted(_ORDINALS, key=len, reverse=True))
    + r"|\d{1,3}(?:st|nd|rd|th))\s+(?P<u>day)\b"
)  # (not "its second week": anything from 8 to 14 days)

# The grammars (_P_*) run on the lower-cased text: case-sensitive matching is 2-3x faster.

_UNIT_DAYS: dict[str, float] = {
    "sec": 1 / 86400,
    "min": 1 / 1440,
    "hou": 1 / 24,
    "hr": 1 / 24,
    "h": 1 / 24,
    "day": 1,
    "wee": 7,
    "for": 14,
    "mon": 30,
    "yea": 365,
    "yr": 365,
    "dec": 3650,
    "cen": 36500,
}

_DUR1_RE = lazy(
    rf"(?P<n>\d+(?:\.\d+)?(?=\s*-?\s*{_MORE}(?:{_UNIT}|h)\b)|{_HALF})(?:\s*-\s*|\s*){_MORE}"
    rf"(?P<u>{_UNIT}|h)\b(?P<half>\s+and\s+(?:an?\s+)?half)?",
    _I,
)


def _unit_days(unit: str) -> float:
    u = unit.lower()
    if u == "h":
        return 1 / 24
    return _UNIT_DAYS.get(u[:2] if u.startswith(("hr", "yr")) else u[:3], 0.0)


def _dur_components(text: str) -> list[tuple[float, float]]:
    """(number, days per unit) of each "N unit" group of a duration phrase."""
    out = []
    for m in _DUR1_RE.finditer(text):
        n = word_number(m.group("n")) or 0.0
        out.append((n + (0.5 if m.group("half") else 0.0), _unit_days(m.group("u"))))
    return out


def _dur_parse(text: str, s: int, e: int) -> tuple[float, int] | None:
    """Days in the "N unit (and M unit)*" at ``text[s:e]`` and where it ends: the groups are
    joined only while the units get smaller ("1 year 2 months 3 days")."""
    total = 0.0
    end = -1
    last_unit = float("inf")
    for m in _DUR1_RE.finditer(text, s, e):
        if end >= 0 and not _JOIN.fullmatch(text, end, m.start()):
            break
        n = word_number(m.group("n"))
        if n is None:
            return None
        if m.group("half"):
            n += 0.5
        k = _unit_days(m.group("u"))
        if k >= last_unit:
            break
        last_unit = k
        total += n * k
        end = m.end()
    return (total, end) if end >= 0 else None


_JOIN = lazy(r"\s+and\s+|\s+|,\s*")


def _duration_days(text: str) -> float | None:
    r = _dur_parse(text, 0, len(text))
    return r[0] if r and r[1] == len(text) else None


def _num(x: float) -> Number:
    r = round(x)
    return int(r) if abs(x - r) < 1e-9 else x


# ------------------------------------------------------------------------------------------
# Tense of the sentence around an expression
# ------------------------------------------------------------------------------------------

_BOUNDARY = lazy(r"[.!?][\"”’)]*\s+(?=[\"“‘(]*[A-Z])|\n\s*\n|[;:]\s")
_FUTURE = lazy(
    r"\b(?:will|shall|would|won['’]t|going\s+to|plans?\s+to|planned\s+to|intends?\s+to"
    r"|is\s+to|are\s+to|is\s+due|are\s+due|scheduled|expected\s+to|set\s+to|upcoming"
    r"|to\s+be\s+held)\b|['’]ll\b",
    _I,
)
# a scheduled event told in the present ("the strike begins on Monday", "the law takes effect on 1
# December", "polls open on Sunday"): news tells what is over in the past tense
_SCHEDULED = lazy(
    r"\b(?:begins|starts|opens|reopens|closes|ends|resumes|expires|arrives|departs|convenes"
    r"|reconvenes|takes\s+effect|comes\s+into\s+force|come\s+into\s+force|kicks\s+off"
    r"|gets\s+under\s+way|goes\s+to\s+the\s+polls|go\s+to\s+the\s+polls|polls\s+(?:open|close)"
    r"|takes\s+place|is\s+held|are\s+held|is\s+scheduled|are\s+scheduled|is\s+expected"
    r"|are\s+expected|is\s+planned|are\s+planned)\b",
    _I,
)
_PAST = lazy(
    r"\b(?:was|were|had|did|has|have|said|told|held|took|came|went|began|begun|left|met|made"
    r"|gave|sent|fled|led|fell|rose|spoke|wrote|saw|won|lost|broke|struck|became|got|ran"
    r"|fought|brought|bought|caught|thought|felt|kept|meant|paid|sold|stood|taught|drove|flew"
    r"|grew|knew|threw|shot|spent|built|chose|stole|withdrew|overthrew|sought|found|sat|ate"
    # more irregular pasts, and with a prefix: "retook the airport", "overran", "upheld"
    r"|(?:re|over|under|with|up|mis|out)(?:took|ran|came|held|drew|threw|built|wrote|sold|told"
    r"|sent|made|won|gave)|swept|sank|swore|tore|wore|bore|hid|dug|hung|slid|spun|sprang|swam"
    r"|drank|rang|sang|shrank|woke|awoke|arose|froze|forbade|forgave|forgot|bled|clung|crept"
    r"|dealt|flung|lent|leapt|rode|shone|slept|strode|swung|wept|blew|drew|sped|burst"
    r"|[a-z]{2,}ed)\b",
    _I,
)
_NOT_PAST = frozenset(
    [
        "united",
        "armed",
        "limited",
        "related",
        "based",
        "detailed",
        "alleged",
        "called",
        "need",
        "speed",
        "indeed",
        "proceed",
        "exceed",
        "succeed",
        "hundred",
        "concerned",
        "interested",
        "supposed",
        "so-called",
        "unprecedented",
        "advanced",
        "organized",
        "organised",
        "coordinated",
        "dedicated",
        "experienced",
        "skilled",
        "qualified",
        "red",
        "bed",
        "feed",
        "breed",
        "seed",
        "weed",
        "embed",
        "deed",
        "heed",
        "reed",
        "shed",
        "aged",
        "speed",
    ]
)


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 300)
    s = lo
    for m in _BOUNDARY.finditer(text, lo, start):
        s = m.end()
    m2 = _BOUNDARY.search(text, end, min(len(text), end + 300))
    e = m2.start() if m2 else min(len(text), end + 300)
    return s, e


def _markers(text: str, a: int, b: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for m in _FUTURE.finditer(text, a, b):
        out.append((m.start(), "future"))
    for m in _SCHEDULED.finditer(text, a, b):
        out.append((m.start(), "future"))
    for m in _PAST.finditer(text, a, b):
        w = m.group(0).lower()
        if w in _NOT_PAST:
            continue
        before = text[max(a, m.start() - 8) : m.start()].lower()
        after_be = r"\b(?:be|been|being|is|are|am|stay|stays|remain|remains)\s+$"
        if re.search(after_be, before) and w not in (
            "was",
            "were",
            "had",
        ):
            continue  # "will be held", "will stay closed": the participle does not carry the tense
        if w.endswith("ed") and re.search(r"\b(?:the|a|an|its|his|her|their|our|this)\s+$", before):
            continue  # "the extended meeting": an adjective
        if w in ("has", "have") and re.match(r"\s+to\b", text[m.end() : m.end() + 4]):
            continue  # "has to": obligation, not perfect
        out.append((m.start(), "past"))
    return out


_JOINT = lazy(r",\s+(?:and|but|while|whereas)\s+(?!(?:on|in|at|by|from|since|until)\b)", _I)
_ASIDE = lazy(r",\s+(?:which|who)\b[^,;.]{1,120},", _I)


def sentence_tense(text: str, start: int, end: int) -> Tense:
    """The tense of the clause around ``text[start:end]``: the nearest tense marker before the
    expression in its sentence, else the first one after it; None when there is none."""
    s, e = _window(text, start, end)
    before = [mk for mk in _markers(text, s, start)]
    if before and ("which" in text[s:start] or "who" in text[s:start]):
        # "retook the airport, which lies 18 km away, on Friday", "The vote, which was put off
        # twice, takes place on Friday": an aside between commas has a tense of its own
        asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text, s, start)]
        before = [mk for mk in before if not any(a <= mk[0] < b for a, b in asides)]
    if before and ", " in text[s:start]:
        # "The unions have called strikes, and parliament votes on 9 April": a clause joined by
        # "and"/"but"/"while" after a comma has its own tense (none here: the markers after the
        # date, or the nearest year, decide)
        joints = [m.end() for m in _JOINT.finditer(text, s, start)]
        if joints:
            before = [mk for mk in before if mk[0] >= joints[-1]]
    if before:
        return max(before, key=lambda x: (x[0], x[1] == "future"))[1]  # type: ignore[return-value]
    after = _markers(text, end, e)
    if after:
        return min(after, key=lambda x: (x[0], x[1] != "future"))[1]  # type: ignore[return-value]
    return None


# ------------------------------------------------------------------------------------------
# Calendar helpers
# ------------------------------------------------------------------------------------------


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1] if 1 <= y <= 9999 else False


def _resolve_md(m: int, d: int, ref: dt.date, tense: Tense) -> dt.date | None:
    """A year-less month/day against the reference date and the tense."""
    fut = past = None
    for y in range(ref.year, ref.year + 9):
        if _valid(y, m, d) and dt.date(y, m, d) >= ref:
            fut = dt.date(y, m, d)
            break
    for y in range(ref.year, ref.year - 9, -1):
        if _valid(y, m, d) and dt.date(y, m, d) <= ref:
            past = dt.date(y, m, d)
            break
    return _pick(fut, past, ref, tense)


#: A past-tense sentence places a year-less date in the past, unless the next occurrence is at
#: most this many days after the reference and the last one most of a year before it: "mourning
#: was declared from 16 to 18 October" in a text of 15 October tells of what was decided, not of
#: a period eleven months back (a year-less date that far back is rarely written without a year).
NEAR_FUTURE_DAYS = 7
FAR_PAST_DAYS = 180


def near_future(fut: dt.date | None, past: dt.date | None, ref: dt.date) -> bool:
    """The next occurrence is days ahead and the last one most of a year back (see above)."""
    return (
        fut is not None
        and (fut - ref).days <= NEAR_FUTURE_DAYS
        and (past is None or (ref - past).days > FAR_PAST_DAYS)
    )


def _pick(fut: dt.date | None, past: dt.date | None, ref: dt.date, tense: Tense) -> dt.date | None:
    if tense == "future":
        return fut
    if tense == "past":
        return fut if near_future(fut, past, ref) else past
    if fut is None or past is None:
        return fut or past
    return fut if (fut - ref) < (ref - past) else past


def _resolve_day(d: int, ref: dt.date, tense: Tense) -> dt.date | None:
    fut = past = None
    y, m = ref.year, ref.month
    for _ in range(12):
        if _valid(y, m, d) and dt.date(y, m, d) >= ref:
            fut = dt.date(y, m, d)
            break
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    y, m = ref.year, ref.month
    for _ in range(12):
        if _valid(y, m, d) and dt.date(y, m, d) <= ref:
            past = dt.date(y, m, d)
            break
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return _pick(fut, past, ref, tense)


def _resolve_month(m: int, ref: dt.date, tense: Tense) -> PartialDate:
    fut = ref.year if m >= ref.month else ref.year + 1
    past = ref.year if m <= ref.month else ref.year - 1
    if tense == "future":
        return PartialDate(fut, m)
    if tense == "past":
        return PartialDate(past, m)
    if fut == past:
        return PartialDate(fut, m)
    df = (fut - ref.year) * 12 + m - ref.month
    dp = (ref.year - past) * 12 + ref.month - m
    return PartialDate(fut if df < dp else past, m)


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _shift_text(ref: dt.date, dur: str, sign: int) -> dt.date | None:
    """ref +/- the duration phrase ``dur``: years and months move the calendar, then days."""
    d: dt.date | None = ref
    for n, k in _dur_components(dur):
        if d is None:
            return None
        if k in (365, 30) and n == int(n):
            d = _shift(d, n * k, sign)
        else:
            d = _shift(d, n * k, sign, calendar_units=False)
    return d


def _shift(ref: dt.date, days: float, sign: int, calendar_units: bool = True) -> dt.date | None:
    """ref +/- a duration given in days; whole months and years move the calendar."""
    if not calendar_units:
        try:
            return ref + dt.timedelta(days=sign * round(days))
        except (ValueError, OverflowError):
            return None
    try:
        if days >= 365 and days % 365 == 0:
            return _add_months(ref, sign * 12 * int(days // 365))
        if days >= 30 and days % 30 == 0:
            return _add_months(ref, sign * int(days // 30))
        return ref + dt.timedelta(days=sign * round(days))
    except (ValueError, OverflowError):
        return None


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _year_value(y: str) -> int | None:
    """A year in digits or words ("nineteen seventy eight", "two thousand and eighteen")."""
    if y.isdigit():
        return int(y)
    w = re.sub(r"[\s-]+", " ", y.lower()).replace(" and ", " ").split(" ")
    if w[:2] == ["two", "thousand"]:
        rest = word_number(" ".join(w[2:])) if len(w) > 2 else 0.0
        return None if rest is None else 2000 + int(rest)
    head = {"nineteen": 1900, "twenty": 2000}.get(w[0])
    if head is None:
        return None
    tail = w[1:]
    if tail == ["hundred"]:
        return head
    if tail and tail[0] in ("oh", "zero"):
        tail = tail[1:]
    rest = word_number(" ".join(tail))
    return None if rest is None or rest >= 100 else head + int(rest)


def _two_digit_year(y: str) -> int:
    n = int(y)
    if len(y) == 4:
        return n
    return 2000 + n if n < 50 else 1900 + n


def _day_value(s: str) -> int | None:
    s = s.lower()
    m = re.match(r"\d+", s)
    if m:
        return int(m.group(0))
    v = word_number(s)
    return int(v) if v is not None and v == int(v) else None


def _month_value(s: str) -> int:
    return _MONTHS[s.lower()[:3]]


def _orig(cx: _Ctx, m: re.Match[str] | _PM, group: str) -> str:
    """A group of a match on the lower-cased text, as written in the original."""
    return cx.text[m.start(group) : m.end(group)]


def _bad_case_month(s: str) -> bool:
    """ "may"/"march" written in lower case are the verb/noun, not the month."""
    return s.lower().rstrip(".") in ("may", "march", "mar") and s[0].islower()


# ------------------------------------------------------------------------------------------
# Candidates
# ------------------------------------------------------------------------------------------

_Reading = PartialDate | tuple[PartialDate, PartialDate] | Number | tuple[Number, Number]


@dataclass
class _Cand:
    """A temporal expression found by one scanner, before the longest are kept."""

    start: int
    end: int
    type: Literal["date", "date_range", "duration"]
    reading: _Reading | None  # None: recognised but not resolvable (no reference date)
    relative: bool = False
    prio: int = 0
    tags: tuple[str, ...] = ()
    approx: bool = False
    yearless: bool = False


class _Ctx:
    def __init__(self, text: str, ref: dt.date | None) -> None:
        self.text = text
        self.ref = ref
        self.out: list[_Cand] = []
        self.win: dict[str, list[tuple[int, int]]] = {}
        self.low = text.lower()
        if len(self.low) != len(text):  # a few characters change length when lower-cased
            self.low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        self._tense: dict[tuple[int, int], Tense] = {}
        self.day_first = False  # "12/05/2024" is 12 May in this source

    def tense(self, start: int, end: int) -> Tense:
        key = (start, end)
        if key not in self._tense:
            self._tense[key] = sentence_tense(self.text, start, end)
        return self._tense[key]

    def add(self, c: _Cand) -> None:
        self.out.append(c)

    def date(
        self, start: int, end: int, y: int | None, m: int | None, d: int | None, prio: int = 0
    ) -> None:
        """A calendar date; y None -> year-less, resolved with the reference date."""
        if y is not None:
            if m is not None and d is not None and not _valid(y, m, d):
                return
            self.add(_Cand(start, end, "date", PartialDate(y, m, d), prio=prio))
            return
        if m is None:
            return
        if d is not None and not any(_valid(yy, m, d) for yy in (2000, 2001)):
            return  # Feb 30: not a date
        if self.ref is None:
            self.add(_Cand(start, end, "date", None, relative=True, prio=prio))
            return
        tense = self.tense(start, end)
        if d is None:
            pd: PartialDate | None = _resolve_month(m, self.ref, tense)
        else:
            r = _resolve_md(m, d, self.ref, tense)
            pd = PartialDate.from_date(r) if r else None
        tags = ("yearless", tense or "nearest")  # how the year was chosen (for explanations)
        self.add(_Cand(start, end, "date", pd, relative=True, prio=prio, yearless=True, tags=tags))

    def rel(
        self, start: int, end: int, reading: _Reading | None, prio: int = 0, **kw: object
    ) -> None:
        """A relative expression (needs the reference date)."""
        typ = "date_range" if isinstance(reading, tuple) else "date"
        if self.ref is None:
            reading = None
        self.add(_Cand(start, end, typ, reading, relative=True, prio=prio, **kw))  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------
# The grammar, form by form
# ------------------------------------------------------------------------------------------


def _scan_numeric(cx: _Ctx) -> None:
    t = cx.low  # matched lower-cased; cx.text for case
    for m in _iter(_P_ISO, t, cx.win["numeric"]):
        mm = m.group("m")
        mon = int(mm) if mm.isdigit() else _month_value(mm)
        cx.date(m.start(), m.end(), int(m.group("y")), mon, int(m.group("d")), prio=3)
    for m in _iter(_P_NUMDATE, t, cx.win["numeric"]):
        x, z = int(m.group("a")), int(m.group("b"))
        y = _two_digit_year(m.group("y"))
        # dd.mm.yyyy first with dots (datelines), mm/dd/yyyy first with / and -
        day_first = m.group("s") == "." or cx.day_first
        order = [(z, x), (x, z)] if day_first else [(x, z), (z, x)]
        for mon, day in order:
            if _valid(y, mon, day):
                cx.date(m.start(), m.end(), y, mon, day, prio=2)
                break
    for m in _iter(_P_DOTTED_PAIR, t, cx.win["numeric"]):
        d1, m1, d2, m2 = (int(m.group(g)) for g in ("d1", "m1", "d2", "m2"))
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and _valid(2000, m1, d1) and _valid(2000, m2, d2)):
            continue
        y2 = int(m.group("y2")) if m.group("y2") else None
        y1 = None if y2 is None else y2 if (m1, d1) <= (m2, d2) else y2 - 1
        cx.date(m.start("d1"), m.end("m1") + 1, y1, m1, d1, prio=3)
        cx.date(m.start("d2"), m.end("y2") if y2 else m.end("m2") + 1, y2, m2, d2, prio=3)
    for m in _iter(_P_DOTTED_NOYEAR, t, cx.win["numeric"]):
        day, mon = int(m.group("a")), int(m.group("b"))
        if not cx.day_first or not 1 <= mon <= 12 or not _valid(2000, mon, day):
            continue
        if _WORD_AFTER_DATE.match(t, m.end()):
            continue  # "from 14.08 to 15.10 percent": numbers
        if _DATE_CUE_BEFORE.search(t, max(0, m.start() - 12), m.start()):
            cx.date(m.start(), m.end(), None, mon, day)
    for m in _iter(_P_NUMDATE_NOYEAR, t, cx.win["numeric"]):
        x, z = int(m.group("a")), int(m.group("b"))
        sep = m.group("s")
        on = _ON_BEFORE.search(t, max(0, m.start() - 8), m.start()) is not None
        if sep != "/" and re.match(r"\s+[a-z]", t[m.end() : m.end() + 3]):
            continue  # "on 15.5 counts": a number
        if not on and not (sep == "/" and (x > 12 or z > 12) and (x, z) != (24, 7)):
            continue
        day_first = (sep == "." and x > 12) or cx.day_first
        order = [(z, x), (x, z)] if day_first else [(x, z), (z, x)]
        for mon, day in order:
            if 1 <= mon <= 12 and _valid(2000, mon, day):
                cx.date(m.start("a"), m.end(), None, mon, day)
                break


def _scan_words(cx: _Ctx) -> None:
    a, b = 0, len(cx.text)
    t = cx.low  # matched lower-cased; cx.text for case
    for pm in _iter_pre(_P_MDY, _PRE_WD, t, cx.win["month"]):
        if _bad_case_month(_orig(cx, pm, "mon")):
            continue
        day = _day_value(pm.group("day"))
        if day is None:
            continue
        ys, end = _year_words_check(cx, pm, "day")
        y = _year_value(ys) if ys else None
        mon = _month_value(pm.group("mon"))
        if y is None and pm.group("wd") and cx.ref is not None:
            _weekday_date(cx, pm, mon, day, end)
            continue
        cx.date(pm.start(), end, y, mon, day, prio=2)
    for pm in _iter_pre(_P_DMY, _PRE_WD_THE, t, cx.win["month"]):
        if _bad_case_month(_orig(cx, pm, "mon")):
            continue
        ds = pm.group("day")
        if not ds[0].isdigit() and not pm.group("of"):
            continue  # "first January": only "first of January"
        day = _day_value(ds)
        if day is None:
            continue
        ys, end = _year_words_check(cx, pm, "mon")
        y = _year_value(ys) if ys else None
        start = pm.start("the") if pm.group("the") and pm.group("of") else pm.start("day")
        if pm.group("wd"):
            start = pm.start()
        cx.date(start, end, y, _month_value(pm.group("mon")), day, prio=2)
    for m in _iter(_P_MY, t, cx.win["month"]):
        if _bad_case_month(_orig(cx, m, "mon")):
            continue
        cx.date(m.start(), m.end(), int(m.group("y")), _month_value(m.group("mon")), None, prio=1)
    for m in _iter(_P_MONTH_ONLY, t, cx.win["month"]):
        ms = _orig(cx, m, "mon")
        if not ms[0].isupper() or (ms.lower().startswith("mar") and len(ms) <= 4):
            continue
        if ms.lower() == "may" and m.group("cue").lower() in ("of", "on"):
            continue
        cx.date(m.start("mon"), m.end("mon"), None, _month_value(ms), None)
    for m in _P_DAY_ONLY.finditer(t, a, b):
        day = _day_value(m.group("day"))
        if day is None or not 1 <= day <= 31:
            continue
        ds = m.group("day")
        prep = m.group(0).split()[0]
        if not m.group("the") and (not ds[0].isdigit() or prep != "on"):
            continue  # "decrease by 1.": a number; "on 15." is a day
        start = m.start("the") if m.group("the") else m.start("day")
        if cx.ref is None:
            cx.rel(start, m.end(), None)
            continue
        r = _resolve_day(day, cx.ref, cx.tense(start, m.end()))
        cx.rel(start, m.end(), PartialDate.from_date(r) if r else None, yearless=True)
    for m in _iter(_P_WD_THE_DAY, t, cx.win["weekday"]):
        day = _day_value(m.group("day"))
        if day is None or cx.ref is None:
            cx.rel(m.start(), m.end(), None, prio=1)
            continue
        wd = _WEEKDAYS[m.group("wd").lower()[:3]]
        best: dt.date | None = None
        y, mo = cx.ref.year, cx.ref.month
        y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
        for _ in range(3):  # the month before, this month, the month after: the nearest match
            if _valid(y, mo, day) and dt.date(y, mo, day).weekday() == wd:
                c = dt.date(y, mo, day)
                if best is None or abs((c - cx.ref).days) < abs((best - cx.ref).days):
                    best = c
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        cx.rel(m.start(), m.end(), PartialDate.from_date(best) if best else None, prio=1)


def _year_words_check(cx: _Ctx, pm: _PM, before: str) -> tuple[str | None, int]:
    """The year group and the end of the date, without a year in words that counts something:
    "on March 3 twenty one people died" ends at "March 3"."""
    ys = pm.group("y")
    if ys and not ys[0].isdigit() and _counted_noun_after(cx.text, pm.end()):
        return None, pm.end(before)
    return ys, pm.end()


def _weekday_date(cx: _Ctx, m: _PM, mon: int, day: int, end: int) -> None:
    """ "Sunday, Jan. 16" without a year: the year (nearest the reference) whose Jan. 16 is a
    Sunday, else the usual tense rule."""
    assert cx.ref is not None
    wd = _WEEKDAYS[m.group("wd")[:3]]
    best: dt.date | None = None
    for y in range(cx.ref.year - 6, cx.ref.year + 7):
        if _valid(y, mon, day) and dt.date(y, mon, day).weekday() == wd:
            c = dt.date(y, mon, day)
            if best is None or abs((c - cx.ref).days) < abs((best - cx.ref).days):
                best = c
    if best is None or abs((best - cx.ref).days) > 366:
        cx.date(m.start(), end, None, mon, day, prio=2)
        return
    cx.rel(m.start(), end, PartialDate.from_date(best), prio=2, yearless=True)


def _day_ranges(
    cx: _Ctx, pattern: re.Pattern[str], month: str, other: str, *, month_named_first: bool
) -> None:
    """Day ranges with one month always named (group ``month``) and maybe another (``other``)."""
    for pm in _iter_pre(pattern, _PRE_FROM, cx.low, cx.win["month"]):
        if _bad_case_month(_orig(cx, pm, month)) or (
            pm.group(other) and _bad_case_month(_orig(cx, pm, other))
        ):
            continue
        if pm.group("sep").lower() == "and" and (pm.group("pre") or "").lower() != "between":
            continue
        named = _month_value(pm.group(month))
        second = _month_value(pm.group(other)) if pm.group(other) else named
        m1, m2 = (named, second) if month_named_first else (second, named)
        _range(cx, pm, m1, _day_value(pm.group("d1")), m2, _day_value(pm.group("d2")))


def _scan_ranges(cx: _Ctx) -> None:
    a, b = 0, len(cx.text)
    t = cx.low  # matched lower-cased; cx.text for case
    # "Jan. 5 to 19" / "January 5 - February 2" (month first, optional second month) and
    # "5 to 19 January" / "5 January to 2 February" (day first, optional first month).
    _day_ranges(cx, _P_RANGE_MD, "mon", "mon2", month_named_first=True)
    _day_ranges(cx, _P_RANGE_DM, "mon", "mon1", month_named_first=False)
    _day_ranges(cx, _P_RANGE_ORD, "mon", "mon1", month_named_first=False)
    for p in (_P_DAYLIST_MD, _P_DAYLIST_DM):
        for m in _iter(p, t, cx.win["month"]):
            if _bad_case_month(_orig(cx, m, "mon")):
                continue
            _day_list(cx, m)
    for m in _iter(_P_RANGE_MONTHS, t, cx.win["month"]):
        if m.group("m1b"):
            m1, m2 = _month_value(m.group("m1b")), _month_value(m.group("m2b"))
            y1 = y2 = int(m.group("yb"))
        else:
            if m.group("sep").lower() == "and" and m.group("pre").lower() != "between":
                continue
            if any(_bad_case_month(_orig(cx, m, g)) for g in ("m1", "m2")):
                continue
            m1, m2 = _month_value(m.group("m1")), _month_value(m.group("m2"))
            y2s = m.group("y")
            y1s = m.group("y1")
            if not (y2s or y1s):
                if cx.ref is None:
                    cx.rel(m.start(), m.end(), None, prio=3)
                else:
                    p1 = _resolve_month(m1, cx.ref, cx.tense(m.start(), m.end()))
                    y2 = p1.year if m2 >= m1 else p1.year + 1
                    cx.rel(m.start(), m.end(), (p1, PartialDate(y2, m2)), prio=3, yearless=True)
                continue
            y2 = int(y2s) if y2s else int(y1s)
            y1 = int(y1s) if y1s else (y2 if m1 <= m2 else y2 - 1)
        if (y1, m1) > (y2, m2):
            continue
        reading = (PartialDate(y1, m1), PartialDate(y2, m2))
        cx.add(_Cand(m.start(), m.end(), "date_range", reading, prio=3))
    for m in _P_YEAR_RANGE.finditer(t, a, b):
        sep = m.group("sep").lower()
        fb = _FROM_BETWEEN_BEFORE.search(t, max(0, m.start() - 10), m.start())
        pre = fb.group("pre").lower() if fb else ""
        if sep == "and" and pre != "between":
            continue
        y1 = int(m.group("y1"))
        y2s = m.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if not y1 < y2 <= y1 + 100:
            continue
        if len(y2s) == 2 and sep not in ("-", "–", "—", "/"):
            continue
        if sep == "/" and y2 != y1 + 1:
            continue
        start = fb.start() if fb else m.start("y1")
        if sep in ("-", "–", "—", "/"):
            if _PEOPLE_AFTER.match(t, m.end()):
                continue
        elif _counted_noun_after(cx.text, m.end()):
            continue
        cx.add(_Cand(start, m.end(), "date_range", (PartialDate(y1), PartialDate(y2)), prio=2))
    for m in _P_DECADE.finditer(t, a, b):
        y = int(m.group("y"))
        tm = _THE_BEFORE.search(t, max(0, m.start() - 6), m.start())
        cx.add(
            _Cand(
                tm.start() if tm else m.start(),
                m.end(),
                "date_range",
                (PartialDate(y), PartialDate(y + 9)),
                prio=1,
            )
        )


def _day_list(cx: _Ctx, m: re.Match[str]) -> None:
    """Two days of one month joined by "and": a date range tagged ``day_list`` (see
    :func:`day_lists` for what each kind of claim reads from it)."""
    mon = _month_value(m.group("mon"))
    d1, d2 = _day_value(m.group("d1")), _day_value(m.group("d2"))
    if d1 is None or d2 is None or not d1 < d2 or not _valid(2000, mon, d2):
        return
    tags = ("day_list",)
    if m.group("y"):
        y = int(m.group("y"))
        if _valid(y, mon, d2):
            cx.add(
                _Cand(
                    m.start(), m.end(), "date_range",
                    (PartialDate(y, mon, d1), PartialDate(y, mon, d2)), prio=2, tags=tags,
                )
            )  # fmt: skip
        return
    if cx.ref is None:
        cx.rel(m.start(), m.end(), None, prio=2)
        return
    r1 = _resolve_md(mon, d1, cx.ref, cx.tense(m.start(), m.end()))
    # "on Monday and Tuesday, the seventh and eighth of April": the weekday names the year
    wm = _WD_LIST_BEFORE.search(cx.low, max(0, m.start() - 48), m.start())
    if wm is not None:
        wd = _WEEKDAYS[wm.group("w1")[:3]]
        years = [
            y for y in (cx.ref.year - 1, cx.ref.year, cx.ref.year + 1)
            if _valid(y, mon, d1) and dt.date(y, mon, d1).weekday() == wd
        ]
        if years:
            r1 = min((dt.date(y, mon, d1) for y in years), key=lambda d: abs((d - cx.ref).days))
    if r1 is None or not _valid(r1.year, mon, d2):
        return
    reading = (PartialDate.from_date(r1), PartialDate(r1.year, mon, d2))
    cx.rel(m.start(), m.end(), reading, prio=2, yearless=True, tags=tags)


_LIST_AND = lazy(r"\s*,?\s+and\s+", _I)
_WD_LIST_BEFORE = lazy(
    rf"\b(?P<w1>{_WD_FULL})(?:\s*(?:,|and|to|-|–)\s*{_WD_FULL})?\s*,?\s*(?:the\s+)?$"
)


def day_lists(text: str, values: list[Value], kind: str | None) -> list[Value]:
    """How a day list ("April 7 and 8") reads for each kind of claim: for a date claim, each
    day is a date of its own; for a date-range claim, two consecutive days are the period from
    the first to the second (two days that are not consecutive are not a period, so nothing);
    with no kind asked, the period when the days are consecutive, else the two dates."""
    if not any("day_list" in v.tags for v in values):
        return values
    out: list[Value] = []
    for v in values:
        if "day_list" not in v.tags or not isinstance(v.reading, tuple):
            out.append(v)
            continue
        lo, hi = v.reading
        consecutive = hi.first() - lo.first() == dt.timedelta(days=1)
        if kind == "date_range" or (kind is None and consecutive):
            if consecutive:
                out.append(v)
            continue
        am = _LIST_AND.search(text, v.start, v.end)
        if am is None:  # pragma: no cover - the grammar always has "and"
            continue
        for s, e, r in ((v.start, am.start(), lo), (am.end(), v.end, hi)):
            out.append(
                replace(
                    v, type="date", start=s, end=e, text=text[s:e], reading=r, low=r, high=r
                )
            )
    return out


def _range(cx: _Ctx, m: _PM, m1: int, d1: int | None, m2: int, d2: int | None) -> None:
    if d1 is None or d2 is None:
        return
    y1s, y2s = m.group("y1"), m.group("y")
    if y1s and not y2s and m.group("sep").lower() not in ("to", "through", "until", "till", "and"):
        return
    if y2s or y1s:
        y2 = int(y2s) if y2s else int(y1s)
        y1 = int(y1s) if y1s else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
        if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
            return
        lo, hi = dt.date(y1, m1, d1), dt.date(y2, m2, d2)
        if lo >= hi:
            return
        cx.add(
            _Cand(
                m.start(),
                m.end(),
                "date_range",
                (PartialDate.from_date(lo), PartialDate.from_date(hi)),
                prio=3,
            )
        )
        return
    if not (_valid(2000, m1, d1) and _valid(2000, m2, d2)) or ((m1, d1) >= (m2, d2) and m1 == m2):
        return
    if cx.ref is None:
        cx.rel(m.start(), m.end(), None, prio=3)
        return
    tense = cx.tense(m.start(), m.end())
    r1 = _resolve_md(m1, d1, cx.ref, tense)
    if r1 is None:
        return
    if tense == "future":
        # a period in progress ("will remain closed from March 14 to 28", said on the 15th):
        # its end is still ahead, so it is the period begun just before, not next year's
        began = _resolve_md(m1, d1, cx.ref, "past")
        if began is not None and began != r1:
            y2 = began.year if (m2, d2) > (m1, d1) else began.year + 1
            if _valid(y2, m2, d2) and dt.date(y2, m2, d2) >= cx.ref:
                r1 = began
    y2 = r1.year if (m2, d2) > (m1, d1) else r1.year + 1
    if not _valid(y2, m2, d2):
        return
    cx.rel(
        m.start(),
        m.end(),
        (PartialDate.from_date(r1), PartialDate(y2, m2, d2)),
        prio=3,
        yearless=True,
    )


_COUNT_NOUN = lazy(
    r"\s+(?:[a-z]+(?<!wa)(?<!i)(?<!ha)(?<!thi)(?<!it)(?<!hi)(?<!u)(?<!thu)(?<!a)(?<!plu)(?<!s)s"
    r"|people|police|personnel|staff|military|equipment|men|women|children|million|billion"
    r"|thousand|tenge|servicemen|strong)\b"
)


_PEOPLE_AFTER = lazy(
    r"\s+(?:people|persons|troops|soldiers|servicemen|police|personnel|men|women|children"
    r"|protesters|units|million|billion|thousand)\b",
    _I,
)


def _counted_noun_after(t: str, end: int) -> bool:
    """ "2030 troops": a number followed by what it counts (a lower-case plural noun)."""
    m = _COUNT_NOUN.match(t, end, min(len(t), end + 30))
    return m is not None


_NOT_YEAR_BEFORE = lazy(
    r"(?:\bno\.|\bnumber|\bnr\.|\bresolution|\bdecree|\bflight|\barticle|\bparagraph|\bclause"
    r"|\bitem|\bpage|\broom|\broute|\bmodel|#)\s*$",
    _I,
)
_CODE_BEFORE = lazy(r"\b[A-Z]{1,4}\s$")  # "KC 2022": a code, not a year


def _scan_years(cx: _Ctx) -> None:
    a, b = 0, len(cx.text)
    t = cx.low  # matched lower-cased; cx.text for case
    for m in _P_YEAR.finditer(t, a, b):
        if _NOT_YEAR_BEFORE.search(t, max(0, m.start() - 12), m.start()):
            continue
        if _CODE_BEFORE.search(cx.text, max(0, m.start() - 6), m.start()):
            continue
        if _counted_noun_after(cx.text, m.end()):
            before = t[max(0, m.start() - 5) : m.start()].lower()
            if not before.endswith(("the ", "in ", "since ", "by ")):
                continue
            if re.match(
                r"\s+(?:million|billion|thousand|people|troops|servicemen)\b", t[m.end() :]
            ):
                continue
        cx.add(
            _Cand(
                m.start(), m.end(), "date", PartialDate(int(m.group("y"))), prio=0, tags=("year",)
            )
        )


def _retry_iter(p: re.Pattern[str], t: str, wins: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """Like finditer, but also the matches that start inside an earlier one whose duration
    did not parse ("two days, 3 days ago")."""
    for a, b in wins:
        pos = a
        while pos < b:
            m = p.search(t, pos, b)
            if m is None:
                break
            yield m
            ok = _duration_days(m.group("dur")) is not None
            pos = m.end() if ok else m.start() + 1


def _scan_relative(cx: _Ctx) -> None:
    t = cx.low  # matched lower-cased; cx.text for case
    ref = cx.ref
    r: dt.date | None
    for m in _iter(_P_DAYWORD, t, cx.win["dayword"]):
        if m.start() and (t[m.start() - 1].isalnum() or t[m.start() - 1] == "_"):
            continue
        w = m.group("w").lower()
        if (
            cx.text[m.start() : m.end()].isupper()
            and cx.text[max(0, m.start() - 4) : m.start()] == "USA "
        ):
            continue  # the newspaper
        off = {"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}[w]
        pm = _DAY_BEFORE_AFTER.search(t, max(0, m.start() - 24), m.start())
        if pm:
            off += -1 if pm.group("pre").lower() == "before" else 1
        cx.rel(
            pm.start() if pm else m.start(),
            m.end(),
            PartialDate.from_date(ref + dt.timedelta(days=off)) if ref else None,
            prio=2,
        )
    for m in _iter(_P_DAYPART, t, cx.win["dayword"]):
        mod, part = m.group("mod"), m.group("p")
        if (mod, part) in (("this", "night"), ("last", "morning"), ("last", "afternoon")):
            continue  # "this night", "last morning": not how news names a day
        off = -1 if mod == "last" else 0
        cx.rel(
            m.start(), m.end(),
            PartialDate.from_date(ref + dt.timedelta(days=off)) if ref else None,
            prio=2,
        )
    for m in _retry_iter(_P_AGO, t, cx.win["ago"]):
        days = _duration_days(m.group("dur"))
        if days is None:
            continue
        d = m.group("dir").lower()
        approx = bool(re.match(r"(?:a\s+)?few\b", m.group("dur"), _I))
        if ref is None:
            cx.rel(m.start(), m.end(), None, prio=3)
            continue
        dur = m.group("dur")
        if d == "ago":
            r = _shift_text(ref, dur, -1)
        elif d.endswith("yesterday"):
            base = ref - dt.timedelta(days=1)
            r = _shift_text(base, dur, -1 if d.startswith("before") else 1)
        elif d.endswith("tomorrow"):
            r = _shift_text(ref + dt.timedelta(days=1), dur, 1)
        elif d == "before today":
            r = _shift_text(ref, dur, -1)
        else:
            r = _shift_text(ref, dur, 1)
        tags = ("ago",) if d == "ago" else ()
        reading = PartialDate.from_date(r) if r else None
        cx.rel(m.start(), m.end(), reading, prio=3, approx=approx, tags=tags)
    for m in _retry_iter(_P_IN, t, cx.win["unit"]):
        days = _duration_days(m.group("dur"))
        if days is None or days < 1:
            continue
        if re.match(r"an?\s", m.group("dur"), _I) is None and re.match(
            r"(?:a\s+)?few\b", m.group("dur"), _I
        ):
            continue
        tense = cx.tense(m.start(), m.end())
        if tense == "past":
            continue  # "rose in two years": a duration, read by the duration grammar
        # "the first time in 30 years": a span of time, not a date
        if re.search(
            r"\b(?:time|times|first|high|low|record|ever|best|worst)\s+$",
            t[max(0, m.start() - 12) : m.start()],
            _I,
        ):
            continue
        r = _shift_text(ref, m.group("dur"), 1) if ref else None
        cx.rel(m.start(), m.end(), PartialDate.from_date(r) if r else None, prio=2)
    for m in _iter(_P_WEEKDAY, t, cx.win["weekday"]):
        wd = _WEEKDAYS[m.group("wd").lower()[:3]]
        mod = (m.group("mod") or "").lower()
        mod2 = (m.group("mod2") or "").lower()
        if not mod and not mod2:
            prev = t[max(0, m.start() - 8) : m.start()].lower()
            if re.search(
                r"\b(?:black|good|bloody|ash|easter|palm|super|cyber|holy|maundy)\s+$", prev
            ):
                continue
        start = m.start()
        if ref is None:
            cx.rel(start, m.end(), None, prio=1)
            continue
        week = _monday(ref)
        which = mod2 or (
            mod if m.group("wk") or mod in ("this", "next", "last", "previous") else ""
        )
        if which in ("this",):
            r = week + dt.timedelta(days=wd)
        elif which == "next":
            r = week + dt.timedelta(days=7 + wd)
        elif which in ("last", "previous"):
            r = week + dt.timedelta(days=wd - 7)
        elif mod == "past":
            r = ref - dt.timedelta(days=(ref.weekday() - wd) % 7 or 7)
        elif mod == "coming":
            r = ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or 7)
        else:
            fut = ref + dt.timedelta(days=(wd - ref.weekday()) % 7)
            past = ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
            tense = cx.tense(m.start(), m.end())
            r = _pick(fut, past, ref, tense)
            reading = PartialDate.from_date(r) if r else None
            cx.rel(start, m.end(), reading, prio=1, tags=("weekday", tense or "nearest"))
            continue
        cx.rel(start, m.end(), PartialDate.from_date(r) if r else None, prio=1)
    for m in _iter(_P_NTH_WD, t, cx.win["weekday"]):
        if not m.group("mon") and not m.group("rel") and not ref:
            continue
        nth_s = m.group("nth").lower()
        if not m.group("mon") and not m.group("rel") and nth_s == "last":
            continue  # "last Friday": the weekday grammar
        wd = _WEEKDAYS[m.group("wd").lower()[:3]]
        if ref is None:
            cx.rel(m.start(), m.end(), None, prio=2)
            continue
        if m.group("mon"):
            if _bad_case_month(_orig(cx, m, "mon")):
                continue
            mo = _month_value(m.group("mon"))
            tense = cx.tense(m.start(), m.end())
            cands = [_nth_weekday(y, mo, wd, nth_s) for y in (ref.year - 1, ref.year, ref.year + 1)]
            fut_n = next((c for c in cands if c and c >= ref), None)
            past_n = next((c for c in reversed(cands) if c and c <= ref), None)
            r = _pick(fut_n, past_n, ref, tense)
        else:
            rel = (m.group("rel") or "this").lower()
            base = _add_months(ref.replace(day=1), {"this": 0, "next": 1}.get(rel, -1))
            r = _nth_weekday(base.year, base.month, wd, nth_s)
        cx.rel(m.start(), m.end(), PartialDate.from_date(r) if r else None, prio=2)
    for m in _iter(_P_DAY_OF_REL_MONTH, t, cx.win["unit"]):
        day = _day_value(m.group("day"))
        if ref is None or day is None:
            cx.rel(m.start(), m.end(), None, prio=2)
            continue
        rel = m.group("rel").lower()
        base = _add_months(ref.replace(day=1), {"this": 0, "next": 1}.get(rel, -1))
        ok = _valid(base.year, base.month, day)
        cx.rel(m.start(), m.end(), PartialDate(base.year, base.month, day) if ok else None, prio=2)
    for m in _iter(_P_PERIOD, t, cx.win["unit"]):
        mod, p = m.group("mod").lower(), m.group("p").lower()
        if mod in ("past", "coming") or re.search(
            r"\bthe\s+$", t[max(0, m.start() - 4) : m.start()], _I
        ):
            continue  # "the past week": a duration
        if ref is None:
            cx.rel(m.start(), m.end(), None, prio=1)
            continue
        off = {"this": 0, "current": 0, "next": 1, "last": -1, "previous": -1}[mod]
        if p == "week":
            mon = _monday(ref) + dt.timedelta(days=7 * off)
            cx.rel(
                m.start(),
                m.end(),
                (PartialDate.from_date(mon), PartialDate.from_date(mon + dt.timedelta(days=6))),
                prio=1,
            )
        elif p == "month":
            d = _add_months(ref.replace(day=1), off)
            cx.rel(m.start(), m.end(), PartialDate(d.year, d.month), prio=1)
        else:
            cx.rel(m.start(), m.end(), PartialDate(ref.year + off), prio=1)


def _nth_weekday(y: int, mo: int, wd: int, nth: str) -> dt.date | None:
    if not 1 <= y <= 9999:
        return None
    days = [dt.date(y, mo, d) for d in range(1, calendar.monthrange(y, mo)[1] + 1)]
    hits = [d for d in days if d.weekday() == wd]
    if nth == "last":
        return hits[-1]
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}.get(nth) or int(nth[0])
    return hits[n - 1] if n <= len(hits) else None


_ARTICLE_CUE = lazy(
    r"\b(?:for|in|within|about|around|nearly|almost|over|than|least|most|to|after|last|lasts"
    r"|lasted|lasting|took|take|takes|spent|spend|only|just|roughly|approximately|some|of|up"
    r"|under|extra|additional|another|whole|full|entire|next|past|first)\s+$",
    _I,
)
_OLD_AFTER = lazy(r"(?:-|\s+)old\b|\s+of\s+age\b", _I)
# military time: four digits HHMM glued to a capital H ("2240H"), or with a leading zero before
# "h"/"hrs"/"hours" ("0800 hours")
_MILITARY_TIME = lazy(r"(?:[01]\d|2[0-3])[0-5]\dH|0\d[0-5]\d\s*(?:[hH]|hrs|hours)")


def _scan_durations(cx: _Ctx) -> None:
    a, b = 0, len(cx.text)
    t = cx.low  # matched lower-cased; cx.text for case
    for pm in _iter_pre(_P_DUR_RANGE, _PRE_BETWEEN, t, cx.win["unit"]):
        sep = pm.group("sep").lower()
        if sep == "and" and not pm.group("pre"):
            continue
        n1, n2 = word_number(pm.group("n1")), word_number(pm.group("n2"))
        if n1 is None or n2 is None or not n1 < n2:
            continue
        if _OLD_AFTER.match(t, pm.end()):
            continue
        k = _unit_days(pm.group("u"))
        if sep == "to":
            ch = _CHANGE_FROM_DUR.search(t, max(0, pm.start() - 60), pm.start())
            if ch is not None:
                # "extended from 30 to 60 days": the length now, not the range 30-60 (as
                # kzclaims.values.numbers reads "fell from 5% to 4%")
                start = ch.start("from")
                cx.add(_Cand(start, pm.end(), "duration", _num(n2 * k), prio=2, tags=("change",)))
                continue
        cx.add(_Cand(pm.start(), pm.end(), "duration", (_num(n1 * k), _num(n2 * k)), prio=2))
    for a, b in cx.win["unit"]:
        pos = a
        while pos < b:
            md = _P_DUR.search(t, pos, b)
            if md is None:
                break
            m = md
            parsed = _dur_parse(t, m.start("dur"), m.end("dur"))
            pos = m.end() if parsed is None else parsed[1]
            if parsed is None or parsed[0] <= 0:
                continue
            days, end = parsed
            dur = t[m.start("dur") : end]
            if _OLD_AFTER.match(t, end):
                continue
            first = re.split(r"[\s-]+", dur.strip().lower())[0]
            words = dur.lower().split()
            article = (first in ("a", "an", "one", "few") or first.startswith("one-")) and not (
                len(_dur_components(dur)) > 1 or (len(words) > 1 and words[1] == "couple")
            )
            if re.fullmatch(r"(?:an?|one)[\s-]+(?:secs?|mins?|hrs?|h)", dur.lower()) or re.search(
                r"\b(?:SECS?|MINS?|HRS?)\b", cx.text[m.start() : end]
            ):
                continue  # "an SEC filing"
            if re.match(r"\d{4,}\s*(?:day|week|month|year|decade)\b", dur, _I):
                continue  # "the 2022 year", "ISO 8601 year"
            if _MILITARY_TIME.fullmatch(cx.text, m.start("dur"), end):
                # "0800H", "2240H", "0600 hours": a time of day, neither a duration nor a count
                cx.add(_Cand(m.start("dur"), end, "date", None, prio=1))
                continue
            if (
                not m.group("the")
                and article
                and not _ARTICLE_CUE.search(t[max(0, m.start() - 16) : m.start()])
            ):
                continue
            approx = bool(re.match(r"(?:a\s+)?few\b|a\s+couple", dur, _I))
            cx.add(_Cand(m.start(), end, "duration", _num(days), prio=1, approx=approx))
    for m in _iter(_P_DUR_WHOLE, t, cx.win["unit"]):
        cx.add(_Cand(m.start(), m.end(), "duration", _num(_unit_days(m.group("u"))), prio=1))
    for m in _iter(_P_DUR_LONG, t, cx.win["unit"]):  # "a week-long curfew"
        cx.add(_Cand(m.start(), m.end(), "duration", _num(_unit_days(m.group("u"))), prio=0))
    for m in _iter(_P_DUR_THE_PAST, t, cx.win["unit"]):
        u = m.group("u") or m.group("u2") or m.group("u3")
        cx.add(_Cand(m.start(), m.end(), "duration", _num(_unit_days(u)), prio=1))
    for m in _iter(_P_DUR_ITS_NTH, t, cx.win["unit"]):
        o = m.group("o")
        n = float(o[:-2]) if o[0].isdigit() else word_number(o)
        if n is not None and 0 < n <= 366:
            s = m.start("o") - len("its ")
            cx.add(_Cand(s, m.end(), "duration", _num(n * _unit_days(m.group("u"))), prio=2,
                         tags=("ordinal_day",)))
    for m in _iter(_P_DUR_ORD_DAY, t, cx.win["unit"]):
        o = m.group("o")
        n = float(o[:-2]) if o[0].isdigit() else word_number(o)
        if n is not None and 0 < n <= 366:
            end = m.end() - len(m.group().rsplit(None, 1)[-1])  # the day, not "after"
            end = len(t[:end].rstrip())
            cx.add(_Cand(m.start(), end, "duration", _num(n), prio=2, tags=("ordinal_day",)))


# ------------------------------------------------------------------------------------------
# Qualifiers
# ------------------------------------------------------------------------------------------

# (words, qualifier, inclusive): the English tables of kzclaims.lang.en
_DUR_QUALS: list[tuple[str, Qualifier, bool]] = _en.DURATION_QUALIFIERS
_DATE_QUALS: list[tuple[str, Qualifier, bool]] = _en.DATE_QUALIFIERS


def _qual_re(quals: list[tuple[str, Qualifier, bool]]) -> re.Pattern[str]:
    words = sorted({q[0] for q in quals}, key=lambda w: (-len(w), w))  # the same text each run
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return lazy(rf"(?:^|(?<=[^\w]))(?P<q>{alt})\s*$", _I)


_AGO_QUALS: list[tuple[str, Qualifier, bool]] = _en.AGO_QUALIFIERS
_AGO_QRE = _qual_re(_AGO_QUALS)
_AGO_QMAP = {q[0]: (q[1], q[2]) for q in _AGO_QUALS}
_DUR_QRE = _qual_re(_DUR_QUALS)
_DATE_QRE = _qual_re(_DATE_QUALS)
_DUR_QMAP = {q[0]: (q[1], q[2]) for q in _DUR_QUALS}
_DATE_QMAP = {q[0]: (q[1], q[2]) for q in _DATE_QUALS}
_DUR_POST = lazy(
    r"\s+(?P<q>or\s+(?:more|longer|less|fewer|so)|at\s+(?:least|most)|at\s+the\s+(?:latest|most))\b",
    _I,
)
_DATE_POST = lazy(
    r"\s*,?\s+(?P<q>inclusive|at\s+the\s+latest|or\s+(?:earlier|later|before|after|sooner))\b",
    _I,
)


_SPREAD_OVER = lazy(
    r"\b(?:spread|spanning|spans?|stretched|stretching|staggered|distributed|phased|held|run"
    r"|ran|carried\s+out|taking\s+place|took\s+place)\s+$",
    _I,
)


# "complete its pullback from the front lines over 45 days": the time it is done in, not more
_DONE_OVER = lazy(
    r"\b(?:complete[sd]?|completing|finish(?:es|ed|ing)?|phase[sd]?\s+out|roll(?:s|ed)?\s+out)"
    r"\b[^.;,:!?\d]{0,48}\s$",
    _I,
)


_POSSESSIVE_AFTER = lazy(r"['’]s\b")


def _finish(c: _Cand, text: str, lo_bound: int, hi_bound: int, ref: dt.date | None) -> Value | None:
    if c.reading is None:
        return None
    start, end = c.start, c.end
    qual: Qualifier = "approx" if c.approx else "exact"
    qtext: str | None = None
    low: Number | PartialDate | None
    high: Number | PartialDate | None
    if isinstance(c.reading, tuple):
        low, high = c.reading
    else:
        low = high = c.reading
    low_inc = high_inc = True
    expr = text[c.start : c.end].lower()
    is_range = isinstance(c.reading, tuple)
    if not is_range and not expr.startswith(("from ", "between ", "in ")):
        if c.type == "duration":
            quals, qmap, post = _DUR_QRE, _DUR_QMAP, _DUR_POST
        elif "ago" in c.tags:
            quals, qmap, post = _AGO_QRE, _AGO_QMAP, _DATE_POST
        else:
            quals, qmap, post = _DATE_QRE, _DATE_QMAP, _DATE_POST
        seg_lo = max(lo_bound, start - 32)
        m = quals.search(text, seg_lo, start)
        if m:
            word = re.sub(r"\s+", " ", m.group("q").lower())
            q, inc = qmap[word]
            skip = (
                c.type == "duration"
                and word == "over"
                and (
                    expr.startswith("the ")
                    or _SPREAD_OVER.search(text, max(0, m.start() - 24), m.start()) is not None
                    or _DONE_OVER.search(text, max(0, m.start() - 60), m.start()) is not None
                )
            )  # "over the following 10 days", "spread over 10 days": during, not more than
            if c.type == "duration" and word in ("some", "about") and c.relative:
                skip = True
            if c.type == "date" and _POSSESSIVE_AFTER.match(text, end):
                # "the toll from Saturday's explosion", "until Friday's deadline": the word
                # governs the noun the date names the day of, so the date is that day exactly
                skip = True
            if not skip:
                qual, qtext, start = q, m.group("q"), m.start("q")
                if q == "at_most":
                    low, high_inc = None, inc
                elif q == "at_least":
                    high, low_inc = None, inc
        pm = post.match(text, end, hi_bound)
        if pm:
            w = re.sub(r"\s+", " ", pm.group("q").lower())
            if w == "inclusive":
                if qual == "at_most":
                    high_inc = True
                elif qual == "at_least":
                    low_inc = True
                end = pm.end()
            elif w in ("or more", "or longer", "at least", "or later", "or after"):
                if qual == "exact":
                    qual, qtext, high, end = "at_least", pm.group("q"), None, pm.end()
            elif w in (
                "or less",
                "or fewer",
                "at most",
                "at the most",
                "at the latest",
                "or earlier",
                "or before",
                "or sooner",
            ):
                if qual == "exact":
                    qual, qtext, low, end = "at_most", pm.group("q"), None, pm.end()
            elif w == "or so" and qual == "exact":
                qual, qtext, end = "approx", pm.group("q"), pm.end()
    return Value(
        type=c.type,
        start=start,
        end=end,
        text=text[start:end],
        reading=c.reading,
        qualifier=qual,
        qualifier_text=qtext,
        low=low,
        high=high,
        low_inclusive=low_inc,
        high_inclusive=high_inc,
        relative=c.relative,
        reference_date=ref if c.relative else None,
        tags=c.tags,
    )


# ------------------------------------------------------------------------------------------
# Entry point
# ------------------------------------------------------------------------------------------

# Anchors: every match of a grammar holds one of its group's anchor words. The costly grammars
# run only in windows around anchors (merged), so the reader does not try every pattern at
# every character of the text.
_A_MONTH = lazy(
    r"[jfmasond](?<![a-z].)(?:an(?:uary)?|eb(?:ruary)?|ar(?:ch)?|pr(?:il)?|ay|une?|uly?|ug(?:ust)?"
    r"|ept?(?:ember)?|ct(?:ober)?|ov(?:ember)?|ec(?:ember)?)(?:\b|(?=\d))"
)
_A_WEEKDAY = lazy(r"day\b")
_A_DAYWORD = (
    lazy(r"to(?:day|morrow|night)"), lazy("yesterday"), lazy("tmrw"),
    lazy(r"(?:this|last)\s+(?:morning|afternoon|evening|night)"),
)
# (a leading alternation of literals is fast; a letter before the unit only widens the windows)
_A_UNIT = lazy(
    r"(?:day|week|month|year|hour|minute|min|second|sec|hr|yr|decade|fortnight|century"
    r"|centurie)s?\b"
)
_A_UNIT_H = lazy(r"\d\s?h\b")
_A_AGO = tuple(
    lazy(w) for w in (r"ago\b", "from now", "hence", "today", "tomorrow", "yesterday")
)
_A_NUMERIC = lazy(r"\d[-/.](?:\d|[a-z]{3,9}[-/.])")


def _windows(
    anchors: tuple[re.Pattern[str], ...],
    low: str,
    before: int,
    after: int,
    word_start: bool = False,
) -> list[tuple[int, int]]:
    """Merged windows around the anchors found in the lower-cased text (``word_start``: only
    anchors not preceded by a letter)."""
    out: list[tuple[int, int]] = []
    n = len(low)
    hits = [m for a in anchors for m in a.finditer(low)]
    if word_start:
        hits = [m for m in hits if not m.start() or not low[m.start() - 1].isalpha()]
    if len(anchors) > 1:
        hits.sort(key=lambda m: m.start())
    for m in hits:
        s, e = max(0, m.start() - before), min(n, m.end() + after)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _iter(p: re.Pattern[str], t: str, wins: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    for a, b in wins:
        yield from p.finditer(t, a, b)


class _PM:
    """A match together with the optional words found right before it (see _PRE_*)."""

    def __init__(self, m: re.Match[str], pre: re.Match[str] | None) -> None:
        self.m = m
        self.p = pre if pre is not None and pre.start() < pre.end() else None

    def _in_pre(self, name: str) -> bool:
        return self.p is not None and name in self.p.re.groupindex

    def group(self, name: str | int) -> Any:
        if isinstance(name, int):
            return self.m.group(name)
        if self._in_pre(name):
            return self.p.group(name)  # type: ignore[union-attr]
        return self.m.group(name) if name in self.m.re.groupindex else None

    def start(self, name: str | int = 0) -> int:
        if name == 0:
            return self.p.start() if self.p is not None else self.m.start()
        if isinstance(name, str) and self._in_pre(name):
            return self.p.start(name)  # type: ignore[union-attr]
        return self.m.start(name)

    def end(self, name: str | int = 0) -> int:
        if isinstance(name, str) and self._in_pre(name):
            return self.p.end(name)  # type: ignore[union-attr]
        return self.m.end(name)


def _iter_pre(
    p: re.Pattern[str], pre: re.Pattern[str], t: str, wins: list[tuple[int, int]]
) -> Iterator[_PM]:
    for m in _iter(p, t, wins):
        yield _PM(m, pre.search(t, max(0, m.start() - 24), m.start()))


# ------------------------------------------------------------------------------------------
# Two dates that make one period
# ------------------------------------------------------------------------------------------

# "from <date> to/through/until/right up to <date>", "between <date> and <date>",
# "<weekday> through <weekday>": the words between two dates read on their own (the second
# date's own qualifier words, "until"/"through", count as between them)
# a part of the day before a date: "from the early hours of March 3 until the evening of March
# 7", "from late on Friday to early on Monday"
_DAY_PART = (
    r"(?:(?:the\s+)?(?:(?:early|small|wee|late)\s+)?(?:hours|morning|afternoon|evening|night)\s+of"
    r"|(?:late|early)\s+on)\s+"
)
_JOIN_FROM = lazy(r"\b(?P<pre>from|between)\s+(?:the\s+)?(?:" + _DAY_PART + r")?$", _I)
_JOIN_GAP = lazy(
    r"(?:\s+(?:morning|afternoon|evening|night)\b)?\s*,?\s*(?P<c>to|through|thru|until|till|and|(?:right\s+|all\s+the\s+way\s+)?up\s+"
    r"(?:to|until|till)|-|–|—)\s*(?:the\s+)?(?:" + _DAY_PART + r")?",
    _I,
)
_JOIN_BARE_GAP = lazy(r"\s*(?:through|thru|-|–|—)\s*", _I)


def _core(v: Value) -> int:
    """Where the date itself starts, after its own qualifier words ("until today")."""
    q = v.qualifier_text
    if q and v.text.lower().startswith(q.lower()):
        return v.start + len(q)
    return v.start


def _day(v: Value) -> dt.date | None:
    r = v.reading
    if v.type != "date" or not isinstance(r, PartialDate) or r.day is None:
        return None
    return r.first()


def _period(
    text: str, a: Value, b: Value, start: int, tags: tuple[str, ...] = ()
) -> Value | None:
    """The date range from date ``a`` to date ``b`` (``start``: where its words begin), or None
    when ``b`` is not after ``a``. A weekday is taken in the week that makes the period run
    forward: "from Friday to Tuesday"."""
    lo, hi = _day(a), _day(b)
    if lo is None or hi is None:
        return None
    # a weekday or a year-less date is taken where it makes the period run forward: "from
    # Friday to Tuesday", "from July 22 until today" (read in March: last July)
    if hi <= lo and "weekday" in a.tags and "weekday" in b.tags and "past" in a.tags:
        lo -= dt.timedelta(days=7)  # "closed from Friday to Tuesday": the last such period
    elif hi <= lo and "weekday" in b.tags and (lo - hi).days < 7:
        hi += dt.timedelta(days=7)
    elif hi <= lo and "weekday" in a.tags and (lo - hi).days < 7:
        lo -= dt.timedelta(days=7)  # (a week's shift: else a year-less other end, below)
    elif hi <= lo and "yearless" in a.tags and _valid(lo.year - 1, lo.month, lo.day):
        lo = lo.replace(year=lo.year - 1)
    elif hi <= lo and "yearless" in b.tags and _valid(hi.year + 1, hi.month, hi.day):
        hi = hi.replace(year=hi.year + 1)
    if (
        "yearless" in b.tags
        and (hi - lo).days > 365
        and _valid(hi.year - 1, hi.month, hi.day)
        and hi.replace(year=hi.year - 1) > lo
    ):
        hi = hi.replace(year=hi.year - 1)  # each end resolved alone went to different years
    weekday = "weekday" in a.tags or "weekday" in b.tags
    if not lo < hi or (hi - lo).days > (62 if weekday else 3660):
        return None  # a bare weekday names a day within weeks of the other end
    relative = a.relative or b.relative
    p1, p2 = PartialDate.from_date(lo), PartialDate.from_date(hi)
    return Value(
        type="date_range",
        start=start,
        end=b.end,
        text=text[start : b.end],
        reading=(p1, p2),
        low=p1,
        high=p2,
        relative=relative,
        reference_date=a.reference_date or b.reference_date if relative else None,
        tags=tuple(dict.fromkeys((*a.tags, *b.tags, *tags))),
    )


def _join_ranges(text: str, values: list[Value]) -> list[Value]:
    """Two neighbouring dates that state a period with "from ... to", "between ... and",
    "... through ...": one date range ("from Tuesday to Thursday", "from July 22 until today",
    "from the fourteenth of August right up to Thursday", "from 02.10 to 13.10")."""
    if len(values) < 2:
        return values
    out: list[Value] = []
    i = 0
    while i < len(values):
        a = values[i]
        b = values[i + 1] if i + 1 < len(values) else None
        joined = None
        if b is not None and _day(a) is not None and _day(b) is not None:
            gap = text[a.end : _core(b)]
            q = (a.qualifier_text or "").lower()
            fm = None if q in ("from", "between") else _JOIN_FROM.search(
                text, max(0, a.start - 40), a.start
            )
            pre = q if q in ("from", "between") else (fm.group("pre").lower() if fm else "")
            gm = _JOIN_GAP.fullmatch(gap) if len(gap) < 40 else None
            conn = gm.group("c").lower() if gm else ""
            if pre and gm and (conn == "and") == (pre == "between"):
                start = a.start if q == pre else fm.start()  # type: ignore[union-attr]
                joined = _period(text, a, b, start)
            elif not pre and _JOIN_BARE_GAP.fullmatch(gap) and not a.qualifier_text:
                joined = _period(text, a, b, a.start)
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


# "opened on 14.08 and closed on 11.09", "implemented on January 5 ... will come to an end on
# January 19": a start and an end date named by their roles in one sentence
_ROLE_START = lazy(
    r"\b(?:open(?:ed|s)?|beg[ai]ns?|began|start(?:ed|s)?|launch(?:ed|es)?|implemented|introduced"
    r"|imposed|declared|commenced|took\s+effect|takes\s+effect|came\s+into\s+force"
    r"|entered\s+into\s+force|went\s+into\s+effect|kicked\s+off|since|starting|beginning)\b"
    r"(?:\s+[\w'’-]+){0,5}?\s*(?:on|from|as\s+of)?\s*$",
    _I,
)
_ROLE_END = lazy(
    r"\b(?:clos(?:ed|es|e)|end(?:ed|s)?|come\s+to\s+an\s+end|came\s+to\s+an\s+end|finish(?:ed|es)?"
    r"|conclud(?:ed|es)|expir(?:ed|es|e)|lifted|wound\s+up|complet(?:ed|es|e)"
    r"|(?:run(?:s|ning)?|ran|last(?:ed|s|ing)?|continu(?:ed|es|e|ing))\s+(?:until|till|through)"
    r"|remain(?:ed|s)?\s+in\s+force\s+until)\b"
    r"(?:\s+[\w'’-]+){0,3}?\s*(?:on|by|with)?\s*$",
    _I,
)
_SENTENCE_BREAK = lazy(r"[.!?;]\s+[A-Z\"“(]|\n\s*\n")


def role_periods(text: str, values: list[Value]) -> list[Value]:
    """Date ranges stated by the roles of two dates in one sentence: a start word before the
    first ("opened", "began", "implemented") and an end word before the second ("closed",
    "ended", "come to an end"). The two dates stay dates; these ranges are offered to date-range
    claims only (:func:`kzclaims.values.read_values`)."""
    out: list[Value] = []
    dates = [v for v in values if _day(v) is not None]
    for a, b in pairwise(dates):
        gap = text[a.end : _core(b)]
        if len(gap) > 160 or _SENTENCE_BREAK.search(gap):
            continue
        sm = _ROLE_START.search(text, max(0, _core(a) - 60), _core(a))
        em = _ROLE_END.search(gap)
        if sm is None or em is None or _ROLE_START.search(gap[: em.start()] + " "):
            continue
        p = _period(text, a, b, a.start, ("roles",))
        if p is not None:
            out.append(p)
    return out


_LATER_AFTER = lazy(r"\s+(?:later|afterwards)\b", _I)
_NEXT_DAY = lazy(r"\bthe\s+(?:next|following)\s+day\b", _I)


def later_dates(text: str, values: list[Value]) -> list[Value]:
    """ "On March 4 he asked for help; ministers approved it two days later", "the next day": a
    date counted from the last day the text named before it (for date claims only; with no day
    named before it in the text, nothing)."""
    out: list[Value] = []
    days = [v for v in values if _day(v) is not None]
    if not days:
        return out
    marks: list[tuple[int, int, float]] = []
    for v in values:
        if v.type != "duration" or isinstance(v.reading, tuple) or v.qualifier != "exact":
            continue
        lm = _LATER_AFTER.match(text, v.end)
        n = float(v.reading)  # type: ignore[arg-type]
        if lm is not None and 0 < n <= 366 and n == int(n):
            marks.append((v.start, lm.end(), n))
    if "next day" in text or "following day" in text:
        marks += [(m.start(), m.end(), 1.0) for m in _NEXT_DAY.finditer(text)]
    for start, end, n in marks:
        before = [d for d in days if d.end <= start]
        if not before:
            continue
        base = _day(before[-1])
        assert base is not None
        day = PartialDate.from_date(base + dt.timedelta(days=int(n)))
        out.append(
            Value(
                type="date", start=start, end=end, text=text[start:end], reading=day, low=day,
                high=day, relative=True, reference_date=None, tags=("later",),
            )
        )
    return out


# "Three days after the explosion at the plant, the death toll has risen again": a sentence that
# opens with a length of time after an event and goes on in the present tells that the event was
# that long before the report
_AFTER_EVENT = lazy(
    r"\s+after\s+(?:the|a|an|its|his|her|their)\s+[^,;.!?\n]{1,80}?,\s*", _I
)
_A_UNIT_AFTER = lazy(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?:exactly|just|only)\s+)?(?P<d>(?:a|one)\s+(?P<u>day|week"
    r"|fortnight|month|year))(?=\s+after\s)",
    _I,
)
_OPENING = lazy(r"(?:^|[.!?]\s+|\n)(?:(?:exactly|just|only|some)\s+)?$", _I)
_PRESENT = lazy(
    r"\b(?:is|are|remains?|continues?|has|have|stands?|says|say|lies|sits|looks|seems"
    r"|appears)\b",
    _I,
)


def after_event_dates(text: str, values: list[Value], ref: dt.date | None) -> list[Value]:
    """ "Three days after the explosion ..., the toll has risen again" (in the present): the
    event's day, that long before the reference date (for date claims only). Told in the past
    ("Three days after the blast, the mayor resigned") or with a day of its own, nothing."""
    if ref is None or "after" not in text:
        return []
    out: list[Value] = []
    # "A week after the floods, ...": the duration reader leaves "a week" alone without a cue
    spans: list[tuple[int, int, float]] = [
        (v.start, v.end, float(v.reading))  # type: ignore[arg-type]
        for v in values
        if v.type == "duration" and not isinstance(v.reading, tuple) and v.qualifier == "exact"
    ]
    spans += [
        (m.start("d"), m.end("d"), _unit_days(m.group("u")))
        for m in _A_UNIT_AFTER.finditer(text)
        if not any(a <= m.start("d") < b for a, b, _ in spans)
    ]
    for v_start, v_end, days in spans:
        am = _AFTER_EVENT.match(text, v_end)
        if am is None or _OPENING.search(text, max(0, v_start - 12), v_start) is None:
            continue
        stop = _BOUNDARY.search(text, am.end())
        e = stop.start() if stop else len(text)
        if any(w.type == "date" and am.end() <= w.start < e for w in values):
            continue  # the main clause dates itself
        marks = sorted(_markers(text, am.end(), e))
        first = text[marks[0][0] : marks[0][0] + 4].lower().rstrip() if marks else ""
        present = _PRESENT.search(text, am.end(), e)
        if marks and first not in ("has", "have"):
            continue
        if not marks and present is None:
            continue
        if not 0 < days <= 366 or days != int(days):
            continue
        day = PartialDate.from_date(ref - dt.timedelta(days=int(days)))
        end = am.end() - len(am.group()) + len(am.group().rstrip(", \t"))
        out.append(
            Value(
                type="date", start=v_start, end=end, text=text[v_start:end], reading=day,
                low=day, high=day, relative=True, reference_date=ref, tags=("after_event",),
            )
        )
    return out


_NEXT_PERIOD = lazy(r"\s*(?:the\s+)?(?:next|coming)\s+", _I)
_NEXT_CUE = lazy(r"\b(?:in|within|over|during|for)\s*$", _I)
_NEXT_UNITS = lazy(r"\b(?:days?|weeks?|fortnights?|hours?|hrs?)\b", _I)


def next_periods(text: str, values: list[Value], kind: str, ref: dt.date | None) -> list[Value]:
    """ "in the next two days", "within the coming week": the period from the reference date to
    N days later. A duration for a duration claim (read as such already); for a date-range claim
    the range [reference, reference + N]; for a date claim the date reference + N at the most."""
    if ref is None or kind not in ("date", "date_range"):
        return []
    out: list[Value] = []
    for v in values:
        if v.type != "duration" or isinstance(v.reading, tuple):
            continue
        core = _core(v)  # "within the next 48 hours": "within" is the duration's qualifier
        nm = _NEXT_PERIOD.match(text, core, v.end)
        cue = _NEXT_CUE.search(text, max(0, core - 8), core)
        if nm is None or cue is None or not _NEXT_UNITS.search(v.text):
            continue
        if v.qualifier != "exact" and cue.start() != v.start:
            continue  # "in about the next two days": not a period from the reference date
        days = float(v.reading)  # type: ignore[arg-type]
        if not 0 < days <= 366 or days != int(days):
            continue
        end = PartialDate.from_date(ref + dt.timedelta(days=int(days)))
        start = min(cue.start(), v.start)
        common = {
            "start": start,
            "end": v.end,
            "text": text[start : v.end],
            "relative": True,
            "reference_date": ref,
            "tags": ("next_period",),
        }
        if kind == "date_range":
            first = PartialDate.from_date(ref)
            out.append(
                Value(type="date_range", reading=(first, end), low=first, high=end, **common)  # type: ignore[arg-type]
            )
        else:
            out.append(
                Value(
                    type="date", reading=end, qualifier="at_most",
                    qualifier_text=cue.group().strip(), low=None, high=end,
                    **common,  # type: ignore[arg-type]
                )
            )  # fmt: skip
    return out


# a key-figures line whose label names the unit: "- Days from lightning strike to "being held":
# 32", "Hours without power: 48" (the figure alone at the end of its line)
_P_BOX = lazy(
    r"^[ \t]*(?:[-–•*][ \t]*)?(?P<u>days|weeks|months|years|hours)\b[^:\n]{0,80}:[ \t]*"
    r"(?P<n>\d{1,4}(?:\.\d+)?)[ \t]*$",
    re.MULTILINE,
)


def _scan_box(cx: _Ctx) -> None:
    if ":" not in cx.low:
        return
    for m in _P_BOX.finditer(cx.low):
        days = float(m.group("n")) * _unit_days(m.group("u"))
        cx.add(_Cand(m.start("n"), m.end("n"), "duration", _num(days), prio=3))


_SCANNERS = (
    _scan_numeric, _scan_words, _scan_ranges, _scan_years, _scan_relative, _scan_durations,
    _scan_box,
)


def read_temporal(text: str, reference: dt.date | None = None) -> list[Value]:
    """Dates, date ranges and durations in ``text``, in text order, non-overlapping.

    ``reference`` is the date relative ("in two days", "on Thursday") and year-less
    ("on January 13") expressions are resolved against; without it they are not returned
    (see :func:`temporal_spans`).
    """
    return scan_temporal(text, reference)[0]


def temporal_spans(text: str, reference: dt.date | None = None) -> list[tuple[int, int]]:
    """The spans of every temporal expression in ``text``, also those that cannot be resolved
    without a reference date ("two days ago", "on Jan 11"): what other readers should leave
    alone. The spans of the values :func:`read_temporal` returns are among them."""
    return scan_temporal(text, reference)[1]


def scan_temporal(
    text: str, reference: dt.date | None = None, day_first: bool = False
) -> tuple[list[Value], list[tuple[int, int]]]:
    """:func:`read_temporal` and :func:`temporal_spans` in one pass (for ``read_values``: the
    numbers reader should skip every temporal span, resolved or not). ``day_first``: the
    source writes "12/05/2024" for 12 May (see :func:`kzclaims.lang.conventions_for`)."""
    if not text or not (_PRE_DIGIT.search(text) or _PRE_WORD.search(text)):
        return [], []
    if reference is not None and not 1 < reference.year < 9999:
        reference = None  # no calendar arithmetic at the ends of the calendar
    cx = _Ctx(text, reference)
    cx.day_first = day_first
    n = len(text)
    low = cx.low
    cx.win = {
        "month": _windows((_A_MONTH,), low, 70, 60),
        "weekday": _windows((_A_WEEKDAY,), low, 40, 40),
        "dayword": _windows(_A_DAYWORD, low, 30, 10),
        "unit": _windows((_A_UNIT, _A_UNIT_H), low, 50, 30, word_start=True),
        "numeric": _windows((_A_NUMERIC,), low, 12, 16),
        "ago": _windows(_A_AGO, low, 70, 24),
    }
    for scan in _SCANNERS:
        scan(cx)
    # leftmost-longest, then the more specific grammar
    cands = sorted(cx.out, key=lambda c: (c.start, -(c.end - c.start), -c.prio))
    chosen: list[_Cand] = []
    last_end = -1
    for c in cands:
        if c.start >= last_end and c.end > c.start:
            chosen.append(c)
            last_end = c.end
    values: list[Value] = []
    spans: list[tuple[int, int]] = []
    for i, c in enumerate(chosen):
        lo_bound = chosen[i - 1].end if i else 0
        hi_bound = chosen[i + 1].start if i + 1 < len(chosen) else n
        if values:
            lo_bound = max(lo_bound, values[-1].end)
        v = _finish(c, text, lo_bound, hi_bound, reference)
        if v is not None:
            values.append(v)
            spans.append((v.start, v.end))
        else:
            spans.append((c.start, c.end))
    return _join_ranges(text, values), spans
