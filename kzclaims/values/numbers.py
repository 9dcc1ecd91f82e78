"""Numbers and percentages in English news text: counts, money, ranges, qualifiers, counted nouns.

:func:`read_numbers` is called by :func:`kzclaims.values.read_values` after the temporal reader,
with the spans of the dates and durations it found as ``exclude``.

What it reads (each a :class:`~kzclaims.model.Value` of type ``number`` or ``percent``):

- digits with separators and decimals: "2,030", "1.6", "40 000", ".5", "1.3e6"; a decimal comma
  before a percent sign or a scale word in any source ("46,8 %", "1,5 million")
- multipliers: "20 thousand", "3.5 million", "$1.2 billion", "20k", "$13.6M", "1.2bn", "£6m"
- number words: "twenty thousand", "a dozen", "half a million", "two and a half",
  "one hundred and five", "twenty-five" (see :mod:`kzclaims.values.numwords`)
- vague quantities: "dozens", "hundreds of", "thousands", "tens of thousands", "1,000s" ->
  an approximate range (2 x base .. 10 x base), ``vague=True``, qualifier ``approx``
- stated ranges: "3-4", "3–4 percent", "between 300 and 400", "3 to 4 million", "from 3 to 4"
- qualifiers before or after: approx (about, around, some, roughly, nearly, almost, ...),
  at_least (more than, over, at least, no fewer than, ..., "or more") and at_most (up to, no more
  than, less than, under, within, ..., "or fewer"), with the interval the words state
- percentages: "30 percent", "30%", "30 per cent", "3-4 percent"
- the counted noun as written: "troops", "units of military equipment", "force" in "a 3,600-strong
  force" and in "a peacekeeping force of 3,600", "of them" for partitives ("19 of them")

Tags: ``age`` ("aged 45", "a 12-year-old", "the girl, 12,": never read for a count claim),
``money``, ``ordinal`` ("30th", "the second"), ``fraction`` ("a third", "3/4"),
``partitive`` ("19 of them"), ``multiplier`` ("four times", "10-fold"), ``label`` ("Article 4",
"No. 5", "COVID-19", "Boeing 737 Max", "192.168.1.2", a list marker "(1) " / "2. ", a phone number
"+44 20 7946 0958" -- an identifier, not a quantity),
``vague``, ``percentage_points``. Consumers that want counts skip values tagged
ordinal/label/fraction/multiplier.

Not read at all: times ("11 a.m.", "12:30"), a day next to a month name ("Jan. 5", "5 January"),
decades ("the 1990s"), scores ("won 2-1"), numbers glued to a word ("G20", "S23"), numbers
inside a URL, "a few" / "several" on their own (too vague to compare; "several hundred"
is read like "hundreds"). Years are left to the temporal
reader; without it, "2025" is read as a plain number.

Why a hand-written grammar and no library: measured in
/work/shared/research/extraction-libraries.md, no library reads a single qualifier, a range or
"dozens", text2num and number-parser break mixed forms ("20 thousand", "3.5 million", "a dozen"),
quantulum3 reads "half a million" as 1.5 million and is 100x slower, and Recognizers-Text is an
unmaintained alpha. The qualifier, the range and the counted noun are found around each number
anyway, so the number itself costs little more. The text is scanned by two compiled regexes
(digits; number words, trie-factored, over the lower-cased text) with no per-character Python
loop; Python work is done only around each number found, and the words before a number are
matched with reversed patterns on the reversed text (see docs/benchmarks.md for the figures).
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from kzclaims._lazyre import lazy
from kzclaims.lang import en as _en
from kzclaims.model import Qualifier, Value
from kzclaims.values.numwords import (
    HEAD_WORDS,
    ORDINALS,
    TENS,
    WORD_RUN_PATTERN,
    parse_run,
    trie_pattern,
)

__all__ = ["read_numbers"]


def _wordset(s: str) -> frozenset[str]:
    return frozenset(s.split())


# ------------------------------------------------------------------------------------------
# The scanner: one regex finding digit numbers (with a currency before them), runs of number
# words, and compound vague quantities.
# ------------------------------------------------------------------------------------------

_CURRENCY = (
    r"US[ ]?\$|A\$|AU\$|C\$|CA\$|HK[ ]?\$|S[ ]?\$|NZ\$|R\$|\$US|\$A|\$NZ|\$C|\$|£|€|¥|₸|₽|₹|Y=|"
    r"USD|EUR|GBP|AUD|CAD|INR|JPY|CNY|RMB|KZT|RUB|CHF|Rs\.?|RM|PS"
)
# a currency right before a number ("$", "US$ ", "RM", "£-"); searched in the few characters
# before each number found
_CUR_BEFORE = lazy(r"(?<![A-Za-z])(?P<cur>" + _CURRENCY + r")[ ]?(?P<csign>-)?$")
_DIGITS = (
    r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
    r"|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9])(?:\.[0-9]+)?"
    r"|[0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
    r"|[0-9]{1,3}(?:[ ][0-9]{3})+(?![0-9]|[.,][0-9])"
    r"|[0-9]+(?:\.[0-9]+)?"
    r"|\.[0-9]+"
)

# identifiers: 192.168.1.2, 5/17/2018, 2019-09-01, +1-222-2222/2222
_CHAIN_NUM = (
    r"(?<![\w.,])[0-9]+(?:(?:\.[0-9]+){2,}|(?:/[0-9]+){2,}|(?:-[0-9]+){2,}|(?:[./-][0-9]+){3,})"
    r"(?![0-9])"
)
_VULGAR = "¼½¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
# Two scans, each fast on its own (Python's regex engine tries every alternative at every
# position, so one regex for digits and words together is much slower than the two apart):
# digits (with a currency before them), identifiers and vulgar fractions ...
_SCAN_DIGITS = lazy(
    r"(?=[0-9." + _VULGAR + r"])"  # a first-character test lets the engine skip fast
    r"(?:(?P<chain>" + _CHAIN_NUM + r")"
    r"|(?<![0-9.])(?P<num>" + _DIGITS + r")"
    r"(?P<sci>[eE][+-]?[0-9]+(?![A-Za-z0-9])|\^[+-]*[0-9]+|[x×][ ]?10[ ]?\^?[ ]?[-−+]?[0-9]+)?"
    r"(?P<vul>[" + _VULGAR + r"])?"
    r"|(?P<vulgar>[" + _VULGAR + r"]))",
    re.IGNORECASE,
)
# ... and number words, with the vague compounds ("tens of thousands") first
_SCAN_WORDS_PATTERN = r"(?P<words>" + WORD_RUN_PATTERN + r")"
_SCAN_WORDS = lazy(_SCAN_WORDS_PATTERN, re.IGNORECASE)
_SCAN_WORDS_LOWER = lazy(_SCAN_WORDS_PATTERN)  # over text.lower(): 3x faster
_HAS_DIGIT = lazy(r"[0-9" + _VULGAR + r"]")

_SCALE_WORDS = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5,
    "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "hundred": 1e2, "dozen": 12.0, "dozens": 12.0,
    "thousands": 1e3, "millions": 1e6, "billions": 1e9, "lkh": 1e5, "lkhs": 1e5, "lac": 1e5,
    "lacs": 1e5, "krore": 1e7, "krores": 1e7, "koti": 1e7, "doz": 12.0, "dozs": 12.0,
    "dz": 12.0, "dzs": 12.0, "bn": 1e9, "mn": 1e6, "mln": 1e6, "bln": 1e9, "tn": 1e12,
    "tln": 1e12, "trn": 1e12, "mil": 1e6, "cr": 1e7,
}  # fmt: skip
_SCALE_ABBR = {
    "k": 1e3, "K": 1e3, "bn": 1e9, "Bn": 1e9, "BN": 1e9, "b": 1e9, "B": 1e9, "mn": 1e6,
    "mln": 1e6, "bln": 1e9, "tn": 1e12, "tln": 1e12, "trn": 1e12, "mil": 1e6, "MM": 1e6,
    "M": 1e6, "m": 1e6, "mm": 1e6, "thou": 1e3,
}  # fmt: skip
# after a digit number: " thousand", "-million", "k", "bn", "M", "m"
_SCALE_AFTER = lazy(
    r"(?:[ \t]*-[ \t]*|[ \t]+)?(?P<w>thousand|million|billion|trillion|lakhs?|lkhs?|lacs?|"
    r"crores?|krores?|koti|hundred|dozens?|dozs?|dzs?)\b"
    r"|[ \t]?(?P<w2>bn|mn|mln|bln|tn|tln|trn|mil|cr)(?![A-Za-z0-9])"
    r"|(?P<a>k|K|MM|M|m|b|B|G)(?![A-Za-z0-9])"
    r"|[ \t](?P<a2>[kKMG])(?![A-Za-z0-9'’])",
    re.IGNORECASE,
)
_BIG_SCALES = frozenset(("thousand", "million", "billion", "trillion"))
_METRE_AFTER = lazy(
    r"[ \t]*(?:\(|[0-9]|-?(?:long|high|wide|deep|tall|away|above|below|under|from|race|sprint|"
    r"freestyle|hurdles|dash|span|radius|length|height|depth|diameter|square|sq|cubic|metres?|"
    r"meters?|run|relay|backstroke|breaststroke|butterfly|medley|final|event|record|title|"
    r"gold|silver|bronze|in|of water|below|beneath|high|x)\b)",
    re.IGNORECASE,
)
_OF_A_SCALE = lazy(r"[ \t]+of[ \t]+an?[ \t]+(thousand|million|billion|trillion)\b", re.I)
_POINT_AFTER = lazy(r"[ \t]+point[ \t]+([0-9]+)\b", re.IGNORECASE)
_POINT_BEFORE = lazy(r"\bpoint[ \t]+$", re.IGNORECASE)
_ORD_SUFFIX = lazy(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_PERCENT_AFTER = lazy(
    r"[ \t]*(?:%(?![0-9A-Za-z])|per[ \t]?cents?\b|percentage[ \t]+points?\b"
    r"|percent(?:age)?s?\b|pct\b|pc\b)",
    re.IGNORECASE,
)
_PERCENT_OF = lazy(r"\b(?:per[ \t]?cents?|percent(?:age)?s?)[ \t]+of[ \t]+$", re.IGNORECASE)
_TIME_AFTER = lazy(r"[ \t]*(?:[ap]\.[ \t]?m\.|[ap]m\b|:[0-9])", re.IGNORECASE)
_MULTIPLIER_AFTER = lazy(r"[ \t]*(?:-[ \t]*)?(?:times\b|fold\b)", re.IGNORECASE)
_STRONG_AFTER = lazy(r"-strong\b", re.IGNORECASE)
_NEG_BEFORE = lazy(
    r"(?:(?<![\w-])(?:minus|negative)(?:[ \t]+|-)|(?:^|(?<=[\s(\[<>=~]))[-−])$", re.IGNORECASE
)
_PLURAL_S = lazy(r"'?s\b")

# ------------------------------------------------------------------------------------------
# Qualifiers
# ------------------------------------------------------------------------------------------

# phrase -> (qualifier, inclusive): the English table of kzclaims.lang.en
_QUALS_BEFORE: dict[str, tuple[Qualifier, bool]] = _en.QUALIFIERS_BEFORE
_SYMBOLS: dict[str, tuple[Qualifier, bool]] = {
    "~": ("approx", True), "≈": ("approx", True), "c.": ("approx", True),
    ">=": ("at_least", True), "≥": ("at_least", True), "> =": ("at_least", True),
    ">": ("at_least", False), "+": ("at_least", True),
    "<=": ("at_most", True), "≤": ("at_most", True), "< =": ("at_most", True),
    "<": ("at_most", False), "sub-": ("at_most", False),
}  # fmt: skip


# Looking back from a number: rather than search a window with a pattern anchored at its end
# (which tries the pattern at every position of the window), match a reversed pattern once
# against the reversed text. Five times faster; _back() turns the match into text offsets.


def _rev_trie(phrases: Sequence[str]) -> str:
    return trie_pattern([p[::-1] for p in phrases]).replace(r"\ ", r"[ \t]+")


# "estimated" as a verb with its subject ("police estimated 240,000", "organisers estimated
# 65,000"): the figure someone gives, exact; "an estimated", "the estimated", a sentence opening
# with "Estimated" are the adjective, approximate
_ESTIMATED_VERB = lazy(
    r"(?<![\w-])(?!(?:the|a|an|some|with|of|and|or|to|at|by|for|in|on|from|is|are|was|were|be|been"
    r"|being|has|have|had|its|their|his|her|our|an?)\b)[a-z][\w'’-]*[ \t]+$",
    re.IGNORECASE,
)
_QUAL_REV = lazy(
    r"[ \t]+(?P<q>" + _rev_trie(list(_QUALS_BEFORE)) + r")(?!\w)"
    r"|[ \t]*(?P<s>=[ \t]?>|=[ \t]?<|[~≈≥≤><]|-bus\b)(?![<>=])",
    re.IGNORECASE,
)


class _BackMatch:
    """A match of a reversed pattern, in the offsets and reading order of the text."""

    __slots__ = ("_m", "_n")

    def __init__(self, m: re.Match[str], n: int) -> None:
        self._m = m
        self._n = n

    def start(self, g: int | str = 0) -> int:
        return self._n - self._m.end(g)

    def end(self, g: int | str = 0) -> int:
        return self._n - self._m.start(g)

    def group(self, g: int | str = 0) -> str | None:
        s = self._m.group(g)
        return s[::-1] if s is not None else None


def _back(rx: re.Pattern[str], rev: str, pos: int) -> _BackMatch | None:
    """Match the reversed pattern ``rx`` on the text just before ``pos``."""
    n = len(rev)
    m = rx.match(rev, n - pos)
    return _BackMatch(m, n) if m else None


_OR_EQUAL = lazy(
    r"[ \t]+or[ \t]+equal(?:[ \t]+to)?(?![ \t]+(?:to[ \t]+)?[0-9])", re.IGNORECASE
)
# "the authorities speak about 13 dead", "spoke about 3,79 million voters": what is spoken of,
# not a guess ("said about 45,000 took part" and "lies about 340 km away" stay approximate)
_ABOUT_TOPIC = lazy(
    r"\b(?:speak|speaks|spoke|spoken|speaking|talk|talks|talked|talking)[ \t]+$", re.IGNORECASE
)
_PHRASAL_UP = lazy(
    r"\b(?:lead|leading|led|run|running|ran|build|building|built|move|moved|moving|stand|"
    r"stood|standing|live|lived|living|speed|sped|add|adds|added|adding|come|came|coming|went|"
    r"go|goes|going)[ \t]+$",
    re.IGNORECASE,
)
# "push the retirement age up to 68", "bring the total up to 40": the particle of a verb with
# its object between, not a limit
_PHRASAL_UP_OBJECT = lazy(
    r"\b(?:push|pushes|pushed|pushing|bring|brings|brought|bringing|drive|drives|drove|driving"
    r"|lift|lifts|lifted|lifting|ramp|ramps|ramped|ramping|jack|jacks|jacked|step|steps|stepped"
    r"|scale|scales|scaled)(?:[ \t]+(?!(?:to|and|or|that|which|who|by|for)\b)[a-z][\w'’-]*){1,4}"
    r"[ \t]+$",
    re.IGNORECASE,
)
# list markers: "(1) " after the start of a line or ":"/";", "2. " at the start of a line
_LIST_PAREN_BEFORE = lazy(r"(?:^|[:;.]|\n)[ \t]*\($")
_LIST_PAREN_AFTER = lazy(r"\)[ \t]+[A-Za-z]")
_LIST_DOT_BEFORE = lazy(r"(?:^|\n)[ \t]*$")
_LIST_DOT_AFTER = lazy(r"[.)][ \t]+[A-Z]")
# ages: "aged 45", "age 30", "45 years old", "a 12-year-old", "the girl, 12,"
_AGE_BEFORE = lazy(r"\b(?:aged|age|ages)[ \t]+(?:of[ \t]+)?$", re.IGNORECASE)
_AGE_AFTER = lazy(
    r"[ \t]*-?[ \t]*(?:years?|yrs?)[ \t-]*old\b|[ \t]+years?[ \t]+of[ \t]+age\b", re.IGNORECASE
)
_PERSON_COMMA_BEFORE = lazy(
    r"\b(?:girl|boy|man|woman|child|son|daughter|mother|father|wife|husband|teenager|student"
    r"|driver|miner|victim|resident|pensioner|worker|farmer|pilot)[ \t]*,[ \t]*$",
    re.IGNORECASE,
)
_COMMA_AFTER = lazy(r"[ \t]*,")
_QUAL_AFTER: list[tuple[re.Pattern[str], Qualifier, bool]] = [
    (lazy(r"[ \t]*(?:-[ \t]*plus\b|\+(?![0-9])|[ \t]plus\b)", re.I), "at_least", True),
    (
        lazy(
            r"[ \t]+(?:or|and)[ \t]+(?:more|above|over|greater|higher|upwards?)\b"
            r"(?![ \t]+than[ \t]+[0-9])(?:[ \t]+than)?",
            re.IGNORECASE,
        ),
        "at_least",
        True,
    ),
    (
        lazy(
            r"[ \t]+(?:or|and)[ \t]+(?:fewer|less|lower|below|under)\b(?![ \t]+than[ \t]+[0-9])"
            r"(?:[ \t]+than)?",
            re.IGNORECASE,
        ),
        "at_most",
        True,
    ),
    (lazy(r"[ \t]+or so\b|[ \t]*-[ \t]*odd\b|[ \t]+odd\b", re.I), "approx", True),
]

# ------------------------------------------------------------------------------------------
# Ranges
# ------------------------------------------------------------------------------------------

_RANGE_DASH = lazy(r"(?:-|–|—|‒|~|[ \t]+(?:-|–|—|‒|~)[ \t]+|[ \t]*(?:–|—)[ \t]*)$")
_GAP_UNIT = lazy(r"[ \t]?([A-Za-z]{1,12})(?=[ \t]+(?:to|and|through|-|–)[ \t])")
_BY_BEFORE = lazy(r"\bby[ \t]+$", re.IGNORECASE)
_RANGE_TO = lazy(r"[ \t]+(?:to|through|thru)[ \t]+$", re.IGNORECASE)
_RANGE_AND = lazy(r"[ \t]+and[ \t]+$", re.IGNORECASE)
_RANGE_OR = lazy(r"[ \t]+or[ \t]+$", re.IGNORECASE)
_BETWEEN = lazy(r"\bbetween[ \t]+$", re.IGNORECASE)
_FROM = lazy(r"\bfrom[ \t]+$", re.IGNORECASE)
# A verb of change (up to two words between it and "from"): "fell from 5% to 4%" is the new
# value, 4%, not the range [5, 4]; "was increased from 2,030 to 2,500 troops" is 2,500.
_CHANGE_FROM = lazy(
    r"\b(?:rose|rise[ns]?|rising|fell|fall(?:s|en|ing)?|climb(?:ed|s|ing)?|"
    r"(?:in|de)creas(?:ed|es|e|ing)|jump(?:ed|s|ing)?|grew|grow(?:s|n|ing)?|"
    r"drop(?:ped|s|ping)?|declin(?:ed|es|e|ing)|slipp?(?:ed|s|ing)?|surg(?:ed|es|e|ing)|"
    r"plung(?:ed|es|e|ing)|soar(?:ed|s|ing)?|tumbl(?:ed|es|e|ing)|slid(?:e|es|ing)?|"
    r"rais(?:ed|es|e|ing)|lower(?:ed|s|ing)|reduc(?:ed|es|e|ing)|cut|cuts|cutting|"
    r"slash(?:ed|es|ing)?|hik(?:ed|es|e|ing)|boost(?:ed|s|ing)?|lift(?:ed|s|ing)?|"
    r"revis(?:ed|es|e|ing)|upgrad(?:ed|es|e|ing)|downgrad(?:ed|es|e|ing)|"
    r"shr(?:ank|unk|inks?|inking)|expand(?:ed|s|ing)?|extend(?:ed|s|ing)?|"
    r"shorten(?:ed|s|ing)?|narrow(?:ed|s|ing)|widen(?:ed|s|ing)|doubl(?:ed|es|ing)|"
    r"tripl(?:ed|es|ing)|halv(?:ed|es|ing)|changed|adjusted|went[ \t]+(?:up|down)|"
    r"edged[ \t]+(?:up|down))"
    r"(?:[ \t]+[A-Za-z]+){0,2}[ \t]+from[ \t]+$",
    re.IGNORECASE,
)
_CHAIN = lazy(r"[-/.:][0-9]")
_FRACTION_WORDS = lazy(r"[ \t]+(out[ \t]+of|in|over)[ \t]+", re.IGNORECASE)
_MIXED_GAP = lazy(r"[ \t]+")

# ------------------------------------------------------------------------------------------
# Labels and other numbers that are not quantities
# ------------------------------------------------------------------------------------------

_LABEL_WORDS = _wordset(
    """
    article art. arts. no. nos. nr. nrs. number section sec. chapter ch. part item page p. pp.
    paragraph para. clause rule resolution room row seat gate platform flight route highway
    channel version ver. v. level grade round game episode season decree protocol file building
    block floor apartment apt. suite box district zone sector bus tram track vol. volume series
    type category division lot plot code id ref ref. exercise exercises figure fig. table
    appendix annex model unit group act law precinct ward squad camp zip phase issue
    """
)
_LABEL_REV = lazy(r"[ \t]*(?:" + _rev_trie(sorted(_LABEL_WORDS)) + r"\b|#|№)", re.IGNORECASE)
# a capitalised word right before a number ("Boeing 737"), matched on the reversed text
_CAP_REV = lazy(r"[ \t]+(\w*[A-Z])(?!\w)")
_GLUED_BEFORE = lazy(r"[A-Za-z][ \t]?-$|[A-Za-z]$|\b[a-z]+[A-Z][A-Za-z]*[ \t]+$")


def _glued_before(text: str, start: int) -> bool:
    """Is the number part of a name: "COVID-19", "COVID -19", "G20", "iPhone 11"?"""
    if start == 0:
        return False
    c = text[start - 1]
    if c.isascii() and c.isalpha():
        return True
    if c in " \t-" and start > 1:
        return bool(_GLUED_BEFORE.search(text, max(0, start - 25), start))
    return False


def _neg_before(text: str, start: int) -> re.Match[str] | None:
    """The minus sign or word right before a number: "-5", "minus 20", "negative one"."""
    if start == 0:
        return None
    c = text[start - 1]
    if c in "-−" or (
        c in " \t"
        and text[max(0, start - 10) : start].lower().rstrip().endswith(("minus", "negative"))
    ):
        return _NEG_BEFORE.search(text[max(0, start - 12) : start])
    return None


_NOT_LABEL_CAPS = _wordset(
    """
    About Around Some Roughly Nearly Almost Approximately Over Under More Less Fewer Up Only
    Just At Another The A An And But Or Of In On To For With By From Since Until Between All
    Those These Their Its His Her Our Your My We They He She It I There Here When While
    After Before During Of Nearly Exactly Precisely Still Also Then Than Total Estimated Up
    Within Below Above Maybe Perhaps Another Every Each Last Next First Additional Extra
    Another Top Including Excluding Plus Minus Least Most That This Another Nearly Almost
    Killed Only Some Just
    """
)
# month names before a number: a date the temporal reader owns; never a label or a count here
_MONTHS = frozenset(_en.MONTHS)

_MONTH_AFTER = lazy(
    r"(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(" + trie_pattern(sorted(_MONTHS)) + r")\b(?!-)",
    re.IGNORECASE,
)
_COUNTED_AFTER = lazy(r"[A-Za-z%]|-[A-Za-z]|[ \t]+(?:per|percent)\b")
_GAPPED_BEFORE = lazy(r"(?:,|;|:|\band)[ \t]+$")
_CLAUSE_END = lazy(r"[ \t]*(?:[.,;:)]|and\b|$)")
_CAP_AFTER = lazy(r"[ \t]+[A-Z]")
_ADDRESS_AFTER = lazy(
    r"(?:[ \t]*[-–][ \t]*[0-9]+)?[ \t]+(?:[A-Z0-9][\w.]*[ \t]+){0,3}"
    r"(?:St|Street|Road|Rd|Avenue|Ave|Way|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Square|Sq|Court|Ct|Highway|Terrace)\b\.?"
)
# a unit of measure right after a number: a measure, never a label ("a buffer zone 30 kilometres
# wide", "Level 2 10 metres down")
_MEASURE_AFTER = lazy(
    r"[ \t]*(?:-[ \t]*)?(?:kilomet(?:re|er)s?|km|metres?|meters?|miles?|feet|ft|hectares?|ha"
    r"|acres?|square|sq|cubic|tonnes?|tons?|kilograms?|kg|litres?|liters?|degrees?|°)(?![A-Za-z])",
    re.IGNORECASE,
)
_MONTH_REV = lazy(r"[ \t]+\.?" + _rev_trie(sorted(_MONTHS)) + r"\b", re.IGNORECASE)

# ------------------------------------------------------------------------------------------
# Nouns
# ------------------------------------------------------------------------------------------

_WORD_AFTER = lazy(r"[ \t]+[‘“\"']?([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+){0,3})")
_GLUED_UNIT = lazy(r"(?:[ \t]?-[ \t]?)?([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+){0,3})")
#: a unit of a rate or a temperature after a number: "195 km/h", "12 m/s", "47.1°C", "40 °F"
_RATE_UNIT = lazy(
    r"[ \t]?((?:km|m|mm|cm|mi|ft|kt)[ \t]?/[ \t]?(?:h|hr|s|sec|min)|°[ \t]?[CF]?|º[ \t]?[CF])"
    r"(?![A-Za-z/])"
)
_STOP = _wordset(
    """
    a an the and or but nor of in on at to from for with by as into onto over under than
    then that this these those which who whom whose what when where while if because since
    until after before during per via about around some more less fewer most least up down
    out off is are was were be been being am has have had having do does did will would
    shall should can could may might must not no yes so such also only just even still yet
    again too very it its it's he she they them their his her our we you your my me i us him
    said says say told according reported added noted each every all both either neither any
    other another own same year years month months week weeks day days hour hours minute
    minutes second seconds today yesterday tomorrow ago earlier later last next percent per
    cent pct respectively including excluding compared versus vs plus minus times fold
    killed died dead injured wounded arrested detained left taken made held here there now
    rose fell gained lost jumped climbed dropped slid declined advanced surged rise fall
    gain lose jump climb drop slide decline advance surge rises falls gains loses index
    e-minis
    """
)
_TIME_NOUNS = _wordset(
    """
    year years month months week weeks day days hour hours minute minutes second seconds
    """
)
#: measure words that name the unit with the word after them: "cubic metres", "square km"
_MEASURE_ADJECTIVES = frozenset({"cubic", "square", "sq", "metric", "nautical"})
_MEASURE = _wordset(
    """
    units unit pieces piece items item kinds kind types type sorts categories category
    sections section members member tons tonnes tonne ton barrels barrel bottles cases boxes
    cubic square liters litres gallons rounds kilograms kilos pounds pairs sets groups
    batches lots packs bags crates containers trucks truckloads carloads rolls sheets shares
    hectares acres metres meters kilometres kilometers miles feet yards head rows columns
    families companies battalions brigades units divisions regiments platoons squads
    contingents billion million thousand hundreds thousands millions dozens
    """
)
_PLURALS = _wordset(
    """
    people men women children police personnel staff cattle aircraft equipment
    clergy youth folk deer sheep fish data militia infantry cavalry artillery
    """
)
_CURRENCY_NOUNS = _wordset(
    """
    dollar dollars euro euros pound pounds sterling yen yuan renminbi tenge ruble rubles
    rouble roubles rupee rupees won franc francs cents cent pence penny lira riyal rand
    shekel shekels peso pesos krona kronor krone crowns ringgit baht dinar dinars
    """
)
_PARTITIVE = lazy(
    r"[ \t]+of[ \t]+(?:them|those|us|you|whom|which|these|the|his|her|their|its|our|my|your|"
    r"all)\b",
    re.IGNORECASE,
)
_OF_BEFORE = lazy(r"\b([A-Za-z][A-Za-z-]*)[ \t]+of[ \t]+(?:an?[ \t]+)?$")
_OF_SKIP = _wordset(
    """
    total sum maximum minimum number average rate amount figure tally count estimate one two
    three group set lot age out some most many all each both any none
    """
)
_ONE_PRONOUN_BEFORE = lazy(
    r"\b(?:the|this|that|which|each|every|any|no|another|little|new|old|right|wrong|same|"
    r"last|next|big|small|other|such|a|an|every|someone|anyone|no)[ \t]+$",
    re.IGNORECASE,
)
_ONE_PRONOUN_AFTER = lazy(
    r"[ \t]+(?:another|anothers?|day|time|way|thing)\b|'s\b|’s\b", re.IGNORECASE
)
_SECOND_OK_BEFORE = lazy(r"\b(?:the|a|its|his|her|their|our|for)[ \t]+$", re.IGNORECASE)
_HALF_OK_BEFORE = lazy(r"\b(?:a|one|than|about|almost|nearly|roughly|around|over|under|"
                             r"some|just|only|by)[ \t]+$", re.IGNORECASE)  # fmt: skip
_HALF_OK_AFTER = lazy(r"[ \t]+(?:of|the|its|their|his|her|our|a|an)\b", re.IGNORECASE)
_ORDINAL_BEFORE = lazy(
    r"\b(?:first|second|third|fourth|last|final|other|latter|former|1st|2nd)[ \t]+$", re.IGNORECASE
)
_FRACTION_FOLLOW = lazy(
    r"[ \t]+of\b|[ \t]*(?:[.,;:!?)]|$)"
    r"|[ \t]+(?:and|or|is|was|were|are|has|had|have|will|would|said|percent)\b",
    re.IGNORECASE,
)
_OF_AFTER = lazy(r"[ \t]+of\b", re.IGNORECASE)
_COUPLE_OK_AFTER = lazy(r"[ \t]+of\b|[ \t]*$")


class _Num:
    """One numeral found by the scanner (before qualifiers, ranges, percent, noun)."""

    __slots__ = (
        "cur", "digits", "end", "kind", "label", "money", "scaled", "start", "value", "vbase"
    )  # fmt: skip

    def __init__(self, start: int, end: int, value: float, kind: str) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.kind = kind  # cardinal, ordinal, fraction, vague, multiplier
        self.vbase = 0.0  # vague base: 12 for "dozens", 10_000 for "tens of thousands"
        self.cur: str | None = None
        self.money = False
        self.scaled = False
        self.label = False
        self.digits = False  # written in digits (not in words)


def _num(v: float) -> int | float:
    """int when integral (and not huge-float noise), else the float rounded to 12 digits."""
    if math.isfinite(v) and v == int(v) and abs(v) < 1e18:
        return int(v)
    return float(f"{v:.12g}")


def _parse_digits(s: str) -> float:
    s = s.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    s = s.replace("\u2009", "")
    return float(s)


def _scan(text: str) -> list[_Num]:
    nums: list[_Num] = []
    low = text.lower()
    if len(low) == len(text):  # no character changed length, so offsets are the same
        matches = list(_SCAN_WORDS_LOWER.finditer(low))
    else:
        matches = list(_SCAN_WORDS.finditer(text))
    if _HAS_DIGIT.search(text):
        matches.extend(_SCAN_DIGITS.finditer(text))
        matches.sort(key=lambda m: m.start())
    for m in matches:
        is_words = m.re.pattern != _SCAN_DIGITS.pattern
        if nums and m.start() < nums[-1].end and not (is_words and m.group("words")):
            continue  # read with the number before it
        if is_words:
            start = m.start("words")
            fm = _FIRST_WORD.match(low, start)
            first = fm.group() if fm else ""
            if first in HEAD_WORDS or (
                first in TENS and _COMPOUND_ORDINAL.match(low, start, m.end("words"))
            ):  # "a dozen", "a third", "an eighth", "a twenty-first": take the article
                if (
                    low[max(0, start - 2) : start] == "a "
                    and not low[start - 3 : start - 2].isalpha()
                ):
                    start -= 2
                elif (
                    low[max(0, start - 3) : start] == "an "
                    and not low[start - 4 : start - 3].isalpha()
                ):
                    start -= 3
            sm = _SEVERAL_SCALE.match(low, start) if first in _VAGUE_HEADS else None
            if sm:
                bm = _SEVERAL_BEFORE.search(low, max(0, start - 12), start)
                if bm:
                    # "several hundred", "a few thousand", "several dozen": like the plural
                    n = _Num(bm.start(), sm.end(), 0.0, "vague")
                    n.vbase = 1.0
                    for word in sm.group().split():
                        n.vbase *= _SCALE_WORDS[word]
                    nums.append(n)
                    start = sm.end()
            for w in parse_run(text[start : m.end("words")], start):
                if nums and w.start < nums[-1].end:
                    continue  # "4 hundred million": "hundred million" was read with the 4
                n = _Num(w.start, w.end, w.value, w.kind)
                n.scaled = w.scaled
                if w.kind == "vague":
                    n.vbase = w.value
                nums.append(n)
        elif m.group("chain"):
            for g in re.finditer(r"[0-9]+", m.group("chain")):
                n = _Num(m.start() + g.start(), m.start() + g.end(), float(g.group()), "cardinal")
                n.label = True
                n.digits = True
                nums.append(n)
        elif m.group("vulgar"):
            n = _Num(m.start(), m.end(), unicodedata.numeric(m.group("vulgar")), "fraction")
            n.digits = True
            nums.append(n)
        elif m.group("num") is not None:
            _digits(text, m, nums)
    return _merge_mixed(text, [n for n in nums if math.isfinite(n.value)])


_MERGE_GAP = lazy(r"[ \t]+(?:and[ \t]+)?")
_FIRST_WORD = lazy(r"[a-z]+")
_VAGUE_HEADS = frozenset(("dozen", "hundred", "thousand", "million", "billion"))
_SEVERAL_SCALE = lazy(
    r"(?:dozen|hundred|thousand|million|billion)(?:[ \t]+(?:thousand|million))?\b"
)
_SEVERAL_BEFORE = lazy(r"(?<![a-z])(?:several|a few|few)[ \t]+$")
_COMPOUND_ORDINAL = lazy(
    r"[a-z]+[ \t]*-?[ \t]*" + trie_pattern([w for w, v in ORDINALS.items() if v < 10]) + r"s?$"
)
_SCALE_WORD_END = lazy(r"(?:thousand|million|billion)$", re.IGNORECASE)
_OF_GAP = lazy(r"[ \t]+of[ \t]+", re.IGNORECASE)


def _merge_mixed(text: str, nums: list[_Num]) -> list[_Num]:
    """Join mixed digit/word numbers: "4 thousand 3 hundred and 21", "3 million and a half"."""
    out: list[_Num] = []
    for n in nums:
        if out:
            a = out[-1]
            if (
                a.kind == "vague"
                and n.kind == "vague"
                and n.vbase >= 1000
                and a.vbase < 1000
                and _OF_GAP.fullmatch(text, a.end, n.start)
            ):
                a.vbase *= n.vbase  # "tens of thousands", "hundreds of millions"
                a.end = n.end
                continue
            gm = _MERGE_GAP.fullmatch(text, a.end, n.start)
            if gm and a.kind == "cardinal" and a.scaled and not a.label and not n.cur:
                sc = _trailing_scale(text, a)
                has_and = "and" in gm.group()
                if (
                    n.kind == "cardinal"
                    and 0 < n.value < sc
                    and not n.label
                    and (
                        n.scaled
                        or (sc == 100 and has_and)
                        or (
                            sc >= 1000
                            and gm.group() == " "
                            and _SCALE_WORD_END.search(text, a.start, a.end)
                            and "." not in text[a.start : a.end]
                            and not text[n.end : n.end + 1].isalpha()
                        )
                    )
                ):  # "4 thousand 3 hundred and 21", "3 thousand 500 troops"
                    a.value += n.value
                    a.end = n.end
                    continue
                if (
                    n.kind == "fraction"
                    and has_and
                    and sc > 1
                    and text[n.start : n.start + 2].lower() in ("a ", "an", "on")
                ):
                    a.value += n.value * sc
                    a.end = n.end
                    continue
        out.append(n)
    return out


def _digits(text: str, m: re.Match[str], nums: list[_Num]) -> None:
    raw = m.group("num")
    start = m.start("num")
    cur: str | None = None
    csign = False
    if start > 0 and not text[start - 1].isspace():
        cm = _CUR_BEFORE.search(text, max(0, start - 6), start)
        if cm:
            cur, csign, cstart = cm.group("cur"), bool(cm.group("csign")), cm.start()
        elif text[start - 1].isalnum() or text[start - 1] == "_":
            return  # glued to a word: "S23", "G20", "V10"
    elif start > 1 and text[start - 1] == " ":
        cm = _CUR_BEFORE.search(text, max(0, start - 6), start)
        if cm:
            cur, csign, cstart = cm.group("cur"), bool(cm.group("csign")), cm.start()
    try:
        value = _parse_digits(raw)
    except ValueError:
        return
    sci = m.group("sci")
    if sci:
        try:
            if sci[0] in "eE":
                value = float(re.sub(r"[^0-9.]", "", raw) + sci)
            elif sci[0] == "^":
                exp = int(sci.lstrip("^+-"))
                if sci.count("-") % 2:
                    exp = -exp
                value = value**exp if value else 0.0
            else:
                em = re.search(r"([-−+]?)([0-9]+)$", sci)
                if em:
                    exp = int(em.group(2)) * (-1 if em.group(1) in ("-", "−") else 1)
                    value = value * 10.0**exp
        except (OverflowError, ZeroDivisionError):
            return
        if not math.isfinite(value):
            return
    if m.group("vul"):
        value += unicodedata.numeric(m.group("vul"))
    end = m.end()
    n = _Num(start, end, value, "cardinal")
    n.digits = True
    if cur:
        n.start = cstart
        n.cur = cur
        n.money = True
        if csign:
            value = -value
            n.value = value
    tlen = len(text)
    # spoken decimals: "1 point 1", "point 77"
    pm = _POINT_AFTER.match(text, end) if "." not in raw and not sci else None
    if pm:
        value = n.value = float(f"{raw.replace(',', '')}.{pm.group(1)}")
        end = n.end = pm.end()
    elif (
        not cur
        and start >= 6
        and raw.isdigit()
        and _POINT_BEFORE.search(text, max(0, start - 8), start)
    ):
        pb = _POINT_BEFORE.search(text, max(0, start - 8), start)
        if pb and not (pb.start() > 0 and text[pb.start() - 1].isalnum()):
            value = n.value = float("0." + raw.replace(",", ""))
            n.start = pb.start()
    # a minus sign and a space at the very start of the text: "- 1,200,000"
    if start == 2 and text[:2] in ("- ", "− "):
        value = n.value = -value
        n.start = 0
    # ordinal suffix: 30th, 73rd, 1st
    if end < tlen and text[end] in "snrtSNRT" and "." not in raw:
        om = _ORD_SUFFIX.match(text, end)
        if om:
            n.kind = "ordinal"
            n.end = om.end()
            nums.append(n)
            return
    # scale: "20 thousand", "3.5 million", "20k", "$13.6M"
    sm = _SCALE_AFTER.match(text, end)
    if sm:
        w = sm.group("w") or sm.group("w2")
        a = sm.group("a")
        mult = 0.0
        if w:
            mult = _SCALE_WORDS[w.lower()]
        elif sm.group("a2"):
            # spaced "2.33 k", "1,674,200.5 M": only after a number with a decimal point or a
            # separator (a bare "5 K" is more often a label)
            if "." in raw or "," in raw:  # case matters: "1.5 m" is metres, "1.5 g" grams
                mult = {"k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9}.get(sm.group("a2"), 0.0)
        elif a:
            if a == "mm":
                mult = 0.0  # "1.5mm" is millimetres; "MM" (below) is a million
            elif a in ("m", "b"):
                # "12.3m tonnes", "$10m", "£6m", "35m of its devices" are millions; "37m (121ft)",
                # "a 100m sprint", "5m high" are metres; "b" alone is a million only with money
                if (
                    n.money
                    or (a == "b" and "." in raw)
                    or (a == "m" and not _METRE_AFTER.match(text, sm.end()))
                ):
                    mult = _SCALE_ABBR[a]
            elif a == "MM":
                mult = 1e6
            elif a in ("B",) and not (n.money or "." in raw):
                mult = 0.0
            elif a == "G":
                # "1.2G" is 1.2 billion; "5G" / "4G" are network generations
                mult = 1e9 if ("." in raw or n.money) else 0.0
            elif a.lower() in ("k",):
                mult = 1e3
            else:
                mult = _SCALE_ABBR.get(a, 0.0) or _SCALE_ABBR.get(a.lower(), 0.0)
        if mult:
            n.value = value * mult
            n.scaled = True
            n.end = sm.end()
            if w and w.lower() == "hundred":
                sm2 = _SCALE_AFTER.match(text, n.end)  # "4 hundred million"
                if sm2 and sm2.group("w") and sm2.group("w").lower() in _BIG_SCALES:
                    n.value *= _SCALE_WORDS[sm2.group("w").lower()]
                    n.end = sm2.end()
    elif end < tlen and text[end] in "s'" and "." not in raw:
        # "1,000s", "100s" (a vague quantity); "1990s" is a decade (left to the temporal reader)
        pm = _PLURAL_S.match(text, end)
        if pm and value >= 100 and str(int(value)).rstrip("0") in ("1",):
            if not ("," not in raw and 1000 <= value <= 2100 and int(value) % 10 == 0
                    and value != 1000):  # fmt: skip
                n.kind = "vague"
                n.vbase = value
                n.end = pm.end()
            else:
                return
        elif pm and "," not in raw and 1000 <= value <= 2100:
            return  # "1990s", "2010s"
    nums.append(n)


def _overlaps(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(starts, e - 1) - 1
    return i >= 0 and spans[i][1] > s


def read_numbers(text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[Value]:
    """Numbers and percentages in ``text`` outside the ``exclude`` spans, in text order."""
    if not text:
        return []
    try:
        return _read(text, exclude)
    except (ValueError, OverflowError, ZeroDivisionError, KeyError, IndexError):  # pragma: no cover
        return []  # bad input never crashes the reader (tests/test_numbers.py fuzzes it)


_URL = lazy(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# phone numbers: "+44 20 7946 0958", "+1-202-555-0143", "0800 123 456", "(022) 412 3344"
_PHONE = lazy(
    r"(?<![\w.,+])(?:\+[0-9]{1,3}|\(0[0-9]{1,4}\)|0[0-9]{2,4})(?:[ .-][0-9]{2,4}){2,4}(?![\w%])"
    # a number the words before it name a phone number: "the hotline for relatives: 0800 4417",
    # "the helpline is 112", "phone number 1520" (not "the hotline received 5000 calls")
    r"|\b(?:hot[ -]?line|help[ -]?line|phone|telephone|tel\.|fax)"
    r"(?:\s+(?:number|no\.|is|was|remains|on|at|for(?:\s+[a-z]+){1,3}))*\s*[:–—-]?\s*"
    r"\+?[0-9][0-9 ()-]{0,18}[0-9](?![\w%,.]?[0-9])",
    re.IGNORECASE,
)


# line|phone|tel\.|fax with re.IGNORECASE (only searched for: whether a text holds one), as a
# class of the first letters the engine scans for, then the rest, each letter in the cases
# IGNORECASE takes for it ("İ" and "ı" for i: values.temporal.CASE_EXTRAS; the same texts:
# tests/test_regex_rewrites.py)
_PHONE_CUES = lazy(
    r"[lLpPtTfF](?:(?<=[lL])[iI\u0130\u0131][nN][eE]|(?<=[pP])[hH][oO][nN][eE]|(?<=[tT])[eE][lL]\."
    r"|(?<=[fF])[aA][xX])"
)


_LINE_BREAK = lazy(r"(?<!\n)(?<!\n[ \t])\n(?![ \t]?\n)")
# A comma before one or two digits, then a percent sign or a scale word, is a decimal comma in any
# source: "46,8 %", "3,5 per cent", "1,5 million" cannot be thousands ("46,800" has three digits)
# and a list is written with a space ("3, 5"). Translated pieces keep it even in English.
_DECIMAL_COMMA = lazy(
    r"(?<![0-9.,])([0-9]{1,3}),(?=[0-9]{1,2}(?![0-9,])[ \t\u00a0]?(?:%|per[ \t]?cent\b|percent\b"
    r"|million\b|billion\b|mln\b|bn\b))",
    re.IGNORECASE,
)


def _read(original: str, exclude: Sequence[tuple[int, int]]) -> list[Value]:
    # a single line break is a space inside a sentence ("Almost\n20 thousand"); a blank line
    # is not. Replaced character for character, so that offsets stay the same.
    text = original
    if "\n" in original:
        text = original.replace("\r", " ") if "\r" in original else original
        text = _LINE_BREAK.sub(" ", text)
    if "," in text:
        text = _DECIMAL_COMMA.sub(r"\1.", text)  # same length: offsets hold
    ex = [(int(a), int(b)) for a, b in exclude]
    if "://" in text or "www." in text:
        ex.extend(m.span() for m in _URL.finditer(text))  # numbers in a URL are not values
    spans: list[tuple[int, int]] = []
    for a, b in sorted(ex):  # merged, so that they are disjoint
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        else:
            spans.append((a, b))
    starts = [a for a, _ in spans]
    nums = [n for n in _scan(text) if not (spans and _overlaps(spans, starts, n.start, n.end))]
    out: list[Value] = []
    rev = text[::-1]
    i = 0
    while i < len(nums):
        i += _expression(text, rev, nums, i, out)
        while out and i < len(nums) and nums[i].start < out[-1].end:
            i += 1  # read as part of the value before ("two thirds of a million")
    out = _inherit_in_parentheses(text, out)
    if "+" in text or "0" in text or _PHONE_CUES.search(text):  # "0800 123 456", "hotline 112"
        phones = [m.span() for m in _PHONE.finditer(text)]
        if phones:
            out = [
                replace(v, tags=(*v.tags, "label"))
                if "label" not in v.tags and any(a <= v.start and v.end <= b for a, b in phones)
                else v
                for v in out
            ]
    if text is not original:
        out = [
            v if original[v.start : v.end] == v.text else replace(v, text=original[v.start : v.end])
            for v in out
        ]
    return out


def _inherit_in_parentheses(text: str, values: list[Value]) -> list[Value]:
    """A conversion in parentheses shares the qualifier of the value it converts:
    "more than 100 kilometers (60 miles)", "just under 296 hp (224 kW / 300 PS)"."""
    inside = -1  # the index of the last value that inherited, while its parentheses are open
    for k in range(1, len(values)):
        v = values[k]
        if v.qualifier != "exact" or isinstance(v.reading, tuple) or "label" in v.tags:
            inside = -1
            continue
        p = values[k - 1]
        if inside == k - 1 and not re.search(r"[().;!?]", text[p.end : v.start]):
            pass  # "(224 kW / 300 PS)": the second one in the same parentheses
        else:
            inside = -1
            if p.qualifier == "exact" or isinstance(p.reading, tuple):
                continue
            op = text.rfind("(", p.end, v.start)
            if op < 0 or op - p.end > 30 or ")" in text[op : v.start]:
                continue
            if any(c in ".;!?" for c in text[p.end : op]) or text[op + 1 : v.start].strip():
                continue
        inside = k
        low: int | float | None = v.low  # type: ignore[assignment]
        high: int | float | None = v.high  # type: ignore[assignment]
        if p.qualifier == "at_least":
            high = None
        elif p.qualifier == "at_most":
            low = None
        values[k] = replace(
            v,
            qualifier=p.qualifier,
            qualifier_text=p.qualifier_text,
            low=low,
            high=high,
            low_inclusive=p.low_inclusive,
            high_inclusive=p.high_inclusive,
        )
    return values


def _skip_numeral(text: str, n: _Num) -> bool:
    """Numerals that are not values at all: times, pronoun "one", "second half", ..."""
    s, e = n.start, n.end
    word = text[s:e].lower()
    if n.kind == "cardinal" and not n.cur:
        if _TIME_AFTER.match(text, e):
            return True
        if s > 0 and text[s - 1] == ":" and s > 1 and text[s - 2].isdigit():
            return True
    if word == "one" or word == "an" or word == "a":
        if _ONE_PRONOUN_BEFORE.search(text, max(0, s - 20), s):
            return True
        if _ONE_PRONOUN_AFTER.match(text, e):
            return True
        # "no one", "anyone", "someone" are words; "one" at the start of "one another" etc.
    if word in ("a couple", "a pair") and not _COUPLE_OK_AFTER.match(text, e):
        return True
    if word in ("tens", "scores") and not _OF_AFTER.match(text, e):
        return True  # "tens of", "scores of" only
    if word == "second" and not _SECOND_OK_BEFORE.search(text, max(0, s - 12), s):
        return True
    if word == "half" and _ORDINAL_BEFORE.search(text, max(0, s - 12), s):
        return True  # "the second half", "the first half of the year"
    if (
        word == "half"
        and n.kind == "fraction"
        and not (_HALF_OK_BEFORE.search(text, max(0, s - 15), s) or _HALF_OK_AFTER.match(text, e))
    ):
        return True
    if (
        n.kind == "fraction"
        and word.startswith(("a ", "an ", "one "))
        and not _FRACTION_FOLLOW.match(text, e)
        and not word.endswith(("half", "quarter"))
    ):
        # "a third term": an ordinal after an article, not a fraction
        n.start = s + word.index(" ") + 1
        n.value = round(1 / n.value) if n.value else 0.0
        n.kind = "ordinal"
        return word.startswith("one ")
    return False


def _expression(text: str, rev: str, nums: list[_Num], i: int, out: list[Value]) -> int:
    """Build the value around ``nums[i]`` (and ``nums[i+1]`` for a range); return how many
    numerals were consumed."""
    n = nums[i]
    if _skip_numeral(text, n):
        return 1
    tags: list[str] = []
    start, end = n.start, n.end
    is_digits = n.digits

    # --- label / identifier checks (digits only) --------------------------------------------
    if n.label:
        tags.append("label")
    elif is_digits and n.kind == "cardinal" and not n.cur:
        mm = _MONTH_AFTER.match(text, end) if n.value <= 31 else None
        if mm and mm.group(1) in ("may", "march"):
            mm = None  # the verbs: "5 may come", "3,000 march"
        if _back(_MONTH_REV, rev, start) or mm:
            # "Jan. 5", "January 13", "Sept. 20-24", "Jan. 5 to 19": days of a month (the
            # temporal reader's; it may not have read them without a reference date)
            if i + 1 < len(nums) and (
                _RANGE_DASH.fullmatch(text[end : nums[i + 1].start])
                or _RANGE_TO.fullmatch(text[end : nums[i + 1].start])
                or _RANGE_AND.fullmatch(text[end : nums[i + 1].start])
            ):
                return 2
            return 1
        if (
            _glued_before(text, start)
            and not _back(_QUAL_REV, rev, start)
            and not _neg_before(text, start)
        ):
            # "COVID-19", "F-16", "G20", "S23": part of a name
            if start > 0 and text[start - 1] != "-" and text[start - 1].isalpha():
                return 1
            tags.append("label")
        elif _back(_LABEL_REV, rev, start):
            tags.append("label")
        else:
            cm = _back(_CAP_REV, rev, start)
            if (
                cm
                and cm.group(1) not in _NOT_LABEL_CAPS
                and "," not in text[start:end]
                and (
                    "." not in text[start:end]
                    and not _COUNTED_AFTER.match(text, end)
                    and (_noun_after(text, end, False)[0] is None or _CAP_AFTER.match(text, end))
                    and not (
                        _GAPPED_BEFORE.search(text, max(0, cm.start(1) - 6), cm.start(1))
                        and _CLAUSE_END.match(text, end)
                    )
                )
            ):
                # "Boeing 737 Max", "iPhone 11", "S&P 500 rose"; but in "Belarus sent 500
                # paratroopers and Armenia 100." the 100 is a count
                tags.append("label")
        if _ADDRESS_AFTER.match(text, end) and "." not in text[start:end]:
            tags.append("label")  # "49 Zorro Ranch Road"
        if "label" in tags and (
            _PERCENT_AFTER.match(text, end) or _MEASURE_AFTER.match(text, end)
        ):
            tags.remove("label")  # "zone 30 kilometres wide", "level 3 %": a measure, no label
        if (
            start > 1
            and text[start - 1] in "-/.:"
            and text[start - 2].isdigit()
            and "label" not in tags
        ):
            tags.append("label")  # inside 2019-09-01, 192.168.1.2, 222-2222
        # chains like 192.168.1.2, 5/17/2018, +1-222-2222: identifiers
        if _CHAIN.match(text, end) and text[end] in "/.:" and "label" not in tags:
            nxt = nums[i + 1] if i + 1 < len(nums) else None
            if nxt is not None and nxt.start == end + 1 and text[end] in "/⁄":
                pass  # a fraction: handled below
            elif text[end] != ".":
                tags.append("label")
    if n.kind == "cardinal" and not n.cur and not tags:
        after = text[end : end + 12]
        if after[:1] == ":" and after[1:2].isdigit():
            return 1
    # list markers: "Results: (1) Basotho Renewal Front ...; (2) ...", "2. The Mission will"
    if (
        is_digits
        and n.kind == "cardinal"
        and not n.cur
        and "label" not in tags
        and (
            (
                _LIST_PAREN_BEFORE.search(text, max(0, start - 4), start)
                and _LIST_PAREN_AFTER.match(text, end)
            )
            or (
                _LIST_DOT_BEFORE.search(text, max(0, start - 4), start)
                and _LIST_DOT_AFTER.match(text, end)
            )
        )
    ):
        tags.append("label")
    if n.kind == "cardinal" and not n.cur and (
        _AGE_BEFORE.search(text, max(0, start - 12), start)
        or _AGE_AFTER.match(text, end)
        or (
            _PERSON_COMMA_BEFORE.search(text, max(0, start - 16), start)
            and _COMMA_AFTER.match(text, end)
        )
    ):
        tags.append("age")  # "aged 45", "a 12-year-old", "the girl, 12,": never a count

    # --- fraction with a slash: 3/4, 1/16 ---------------------------------------------------
    value: float = n.value
    kind = n.kind
    j = i + 1
    if (
        is_digits
        and kind == "cardinal"
        and not n.label
        and end < len(text)
        and text[end] in "/⁄"
        and j < len(nums)
        and nums[j].start == end + 1
        and nums[j].kind == "cardinal"
    ):
        den = nums[j]
        if den.value and not _CHAIN.match(text, den.end) and "label" not in tags:
            value = value / den.value
            kind = "fraction"
            end = den.end
            j += 1
        else:
            return 2
    elif (
        kind == "cardinal"
        and "label" not in tags
        and j < len(nums)
        and nums[j].kind == "cardinal"
        and not nums[j].cur
        and not nums[j].label
    ):
        # "one in five", "two out of five hundred", "1 over 3"; "2 1/4" (a mixed fraction)
        den = nums[j]
        fm = _FRACTION_WORDS.fullmatch(text, end, den.start)
        if fm and den.value and n.value >= 0:
            word = fm.group(1).lower()
            small_den = den.value < 1000 or not text[den.start : den.end].isdigit()
            if (
                (word.startswith("out") and n.value <= den.value)
                or (word == "in" and n.value < den.value and small_den and n.value <= 10)
                or (word == "over" and not _WORD_AFTER.match(text, den.end))
            ):
                value = n.value / den.value
                kind = "fraction"
                end = den.end
                j += 1
        elif (
            is_digits
            and n.value == int(n.value)
            and _MIXED_GAP.fullmatch(text, end, den.start)
            and den.end < len(text)
            and text[den.end] in "/⁄"
            and j + 1 < len(nums)
            and nums[j + 1].start == den.end + 1
            and den.value < nums[j + 1].value
        ):
            frac = den.value / nums[j + 1].value
            value = n.value - frac if n.value < 0 else n.value + frac  # "- 1 4/5" = -1.8
            kind = "fraction"
            end = nums[j + 1].end
            j += 2
    if kind == "fraction":
        om = _OF_A_SCALE.match(text, end)
        if om:
            value *= _SCALE_WORDS[om.group(1).lower()]  # "two thirds of a million"
            kind = "cardinal"
            end = om.end()
    if kind == "ordinal":
        tags.append("ordinal")
    elif kind == "fraction":
        tags.append("fraction")

    # --- negative sign ------------------------------------------------------------------------
    negm = _neg_before(text, start)
    if (
        not negm
        and start > 0
        and text[start - 1] == "+"
        and (start == 1 or text[start - 2] in " \t(")
        and "label" not in tags
    ):
        start -= 1  # "+0.2%": an explicit sign, part of the number
    if negm and kind in ("cardinal", "fraction") and "label" not in tags:
        prev_num = nums[i - 1] if i > 0 else None
        glued = prev_num is not None and prev_num.end >= start - len(negm.group())
        if not glued or negm.group().strip().lower() in ("minus", "negative"):
            value = -value
            start -= len(negm.group())

    # --- percent ------------------------------------------------------------------------------
    percent = False
    pm = _PERCENT_AFTER.match(text, end)
    if pm and kind in ("cardinal", "fraction", "vague") and "label" not in tags:
        if kind != "vague":
            percent = True
            end = pm.end()
            if "point" in pm.group().lower():
                tags.append("percentage_points")
    elif kind == "cardinal" and _PERCENT_OF.search(text, max(0, start - 20), start):
        pom = _PERCENT_OF.search(text, max(0, start - 20), start)
        if pom:
            percent = True
            start = pom.start()

    # --- range --------------------------------------------------------------------------------
    low_v: float | None = None
    high_v: float | None = None
    range_second: _Num | None = None
    change_to = False  # "fell from 5% to 4%": the second number is the value, the first the old
    pre_window = text[max(0, start - 30) : start]
    if kind == "cardinal" and j < len(nums) and nums[j].start - end <= 30 and "label" not in tags:
        m2 = nums[j]
        gap = text[end : m2.start]
        gap_unit = None
        um = _GAP_UNIT.match(gap)
        if um and um.group(1).lower() not in ("to", "and", "or", "through", "percent"):
            gap_unit = um.group(1)
            gap = gap[um.end() :]
        if m2.kind == "cardinal" and len(gap) <= 12:
            between = _BETWEEN.search(pre_window)
            frm = _FROM.search(pre_window)
            ok = False
            if gap_unit is not None and not (
                between
                or frm
                or text[m2.end : m2.end + 1 + len(gap_unit)].strip().lower() == gap_unit.lower()
            ):
                pass  # "rose 18 sen to RM23.50": a unit after the first number only
            elif percent and not _PERCENT_AFTER.match(text, m2.end):
                pass  # "gained 0.7 percent to 6,327.80"
            elif _BY_BEFORE.search(pre_window) and not between and (n.cur or n.scaled):
                pass  # "increased by $43.6 billion to $419.2 billion" (but "by 1 to 1.5 degrees")
            elif between:
                ok = bool(_RANGE_AND.fullmatch(gap) or _RANGE_DASH.fullmatch(gap))
            elif (
                _RANGE_OR.fullmatch(gap)
                and n.value < m2.value
                and not n.cur
                and not n.scaled
                and not m2.scaled
            ):
                ok = not _QUAL_AFTER[1][0].match(text, end)
            elif _RANGE_DASH.fullmatch(gap) and is_digits and text[m2.start].isdigit():
                chain_before = start > 1 and text[start - 1] in "-/" and text[start - 2].isdigit()
                ok = not chain_before and not _CHAIN.match(text, m2.end)
                if ok and not frm:
                    ok = _range_order_ok(n.value, m2)
                    if not ok and gap.strip() in ("-", "–", "—") and is_digits and not percent:
                        return 2  # a score or a pair of ids: "won 2-1", "ISO 3888-2"
            elif _RANGE_TO.fullmatch(gap):
                ok = bool(frm) or _range_order_ok(n.value, m2)
                if frm and _CHANGE_FROM.search(text, max(0, start - 60), start):
                    change_to = True
            if ok:
                range_second = m2
    if range_second is not None:
        m2 = range_second
        v2 = m2.value
        end2 = m2.end
        v1 = value
        scale = _trailing_scale(text, m2) if m2.scaled and not n.scaled else 1.0
        if scale > 1 and v1 * scale <= v2 * 1.0001:
            v1 = v1 * scale  # "3 to 4 million", "$3-5 billion", "four to five thousand"
        pm2 = _PERCENT_AFTER.match(text, end2)
        if pm2 and "label" not in tags:
            percent = True
            end2 = pm2.end()
        if percent and not pm2 and not pm:
            percent = False
        low_v, high_v = v1, v2
        if change_to:
            # the new value of a change: what the sentence says the figure is now; the text
            # keeps "from 5% to 4%" so the quote shows the change ("change" in the tags)
            value, low_v, high_v = v2, None, None
            tags.append("change")
        end = end2
        j += 1
        if _BETWEEN.search(pre_window):
            bm = _BETWEEN.search(pre_window)
            assert bm is not None
            start = start - (len(pre_window) - bm.start())
        elif _FROM.search(pre_window):
            fm = _FROM.search(pre_window)
            assert fm is not None
            start = start - (len(pre_window) - fm.start())
        if m2.money:
            n.money = True

    # --- multiplier ---------------------------------------------------------------------------
    if kind == "cardinal" and low_v is None and not percent:
        mm = _MULTIPLIER_AFTER.match(text, end)
        if mm:
            tags.append("multiplier")
            end = mm.end()

    # --- qualifier before ---------------------------------------------------------------------
    qualifier: Qualifier = "exact"
    qual_text: str | None = None
    inclusive = True
    qm = _back(_QUAL_REV, rev, start)
    if qm and "ordinal" not in tags and "label" not in tags:
        if qm.group("q"):
            phrase = re.sub(r"[ \t]+", " ", (qm.group("q") or "").lower())
            qualifier, inclusive = _QUALS_BEFORE[phrase]
            qual_text = qm.group("q")
            if phrase == "estimated" and _ESTIMATED_VERB.search(
                text, max(0, qm.start() - 24), qm.start()
            ):
                qualifier = "exact"  # "police estimated 240,000": a figure someone gives
                qual_text = None
            if phrase == "about" and _ABOUT_TOPIC.search(
                text, max(0, qm.start() - 16), qm.start()
            ):
                qualifier = "exact"  # "speak about 13 dead persons": the topic
                qual_text = None
            if phrase == "up to" and (
                _PHRASAL_UP.search(text, max(0, qm.start() - 12), qm.start())
                or _PHRASAL_UP_OBJECT.search(text, max(0, qm.start() - 48), qm.start())
            ):
                qualifier = "exact"  # "the lead up to 3G", "moved up to 5th"
                qual_text = None
        else:
            sym = re.sub(r"[ \t]+", "", qm.group("s") or "")
            qualifier, inclusive = _SYMBOLS.get(sym, ("exact", True))
            qual_text = qm.group("s")
        if qualifier != "exact" or qual_text:
            start = qm.start()

    # --- qualifier after ----------------------------------------------------------------------
    if (
        qualifier in ("exact", "approx")
        and low_v is None
        and "label" not in tags
        and ("ordinal" not in tags)
    ):
        for rx, q, inc in _QUAL_AFTER:
            am = rx.match(text, end)
            if am:
                if q == "approx" and qualifier == "approx":
                    continue
                if qualifier == "approx":
                    start = n.start  # "about 500 or more": the bound is what the words state
                qualifier, inclusive = q, inc
                qual_text = am.group().strip(" \t-")
                end = am.end()
                break
    elif qualifier in ("at_least", "at_most") and low_v is None:
        em = _OR_EQUAL.match(text, end)
        if em:
            inclusive = True  # "more than 5000 or equal to"
            end = em.end()

    # --- vague --------------------------------------------------------------------------------
    vague = kind == "vague"
    if vague:
        base = n.vbase
        # "several hundred", "a few thousand": same as the plural
        low_v, high_v = 2 * base, 10 * base
        if qualifier == "exact":
            qualifier = "approx"

    # --- noun -----------------------------------------------------------------------------------
    noun: str | None = None
    noun_end = end
    if not percent and "label" not in tags:
        sm = _STRONG_AFTER.match(text, end)
        if sm:
            end = sm.end()
            noun_end = end
        noun, is_partitive = _noun_after(text, noun_end, vague)
        if is_partitive:
            tags.append("partitive")
        if noun is None and not vague and "ordinal" not in tags:
            om = (
                _OF_BEFORE.search(text, max(0, start - 40), start)
                if "of" in text[max(0, start - 8) : start].lower()
                else None
            )
            if om and om.group(1).lower() not in _STOP and om.group(1).lower() not in _OF_SKIP:
                noun = om.group(1)
        if noun is None and n.cur:
            noun = n.cur.strip()
    money = n.money or bool(noun and noun.split()[-1].lower() in _CURRENCY_NOUNS)
    if money:
        tags.append("money")
    if vague:
        tags.append("vague")
    if "multiplier" in tags and noun and noun.lower().startswith(("time", "fold")):
        noun = None

    # --- assemble -------------------------------------------------------------------------------
    low: float | None
    high: float | None
    low_inc = high_inc = True
    if low_v is not None and high_v is not None:
        reading: int | float | tuple[int | float, int | float] = (_num(low_v), _num(high_v))
        low, high = low_v, high_v
        if vague:
            high_inc = False
        if qualifier == "at_least":
            high = None
            low_inc = inclusive
        elif qualifier == "at_most":
            low = None
            high_inc = inclusive
    else:
        reading = _num(value)
        low = high = value
        if qualifier == "at_least":
            high, low_inc = None, inclusive
        elif qualifier == "at_most":
            low, high_inc = None, inclusive
    if not all(math.isfinite(x) for x in (value, low_v or 0.0, high_v or 0.0)):
        return j - i  # "1e330": not a number anyone reports
    out.append(
        Value(
            type="percent" if percent else "number",
            start=start,
            end=end,
            text=text[start:end],
            reading=reading,
            qualifier=qualifier,
            qualifier_text=qual_text if qualifier != "exact" else None,
            low=_num(low) if low is not None else None,
            high=_num(high) if high is not None else None,
            low_inclusive=low_inc,
            high_inclusive=high_inc,
            noun=noun,
            vague=vague,
            tags=tuple(dict.fromkeys(tags)),
        )
    )
    return j - i


_TRAILING_SCALE = lazy(
    r"(hundred|thousand|million|billion|trillion|lakhs?|crores?|k|bn|mn|mln|bln|tn|m|b|mil)$",
    re.IGNORECASE,
)


def _trailing_scale(text: str, n: _Num) -> float:
    """The multiplier a number ends with: 1e6 for "4 million", "$5m", "five million"."""
    m = _TRAILING_SCALE.search(text, n.start, n.end)
    if not m:
        return 1.0
    w = m.group(1)
    return _SCALE_WORDS.get(w.lower()) or _SCALE_ABBR.get(w) or _SCALE_ABBR.get(w.lower(), 1.0)


def _range_order_ok(v1: float, m2: _Num) -> bool:
    """A "3-4" / "3 to 4" range reads low to high (a score "2-1" or "rose 5% to 3,000" is not)."""
    return v1 < m2.value or (m2.scaled and v1 < m2.value / max(1.0, m2.value / 1e3))


def _noun_after(text: str, pos: int, vague: bool) -> tuple[str | None, bool]:
    """The counted noun after a number: "troops", "units of military equipment", "of them"."""
    if text[max(0, pos - 6) : pos].lower().endswith(("couple", "pair")):
        vague = True  # "a couple of soldiers", "a pair of shoes": the noun is after "of"
    pm = _PARTITIVE.match(text, pos)
    if pm and not vague:
        words = [pm.group().strip()]
        p = pm.end()
        last = words[0].split()[-1].lower()
        if last in ("the", "his", "her", "their", "its", "our", "my", "your", "all", "these",
                    "those"):  # fmt: skip
            for _ in range(3):
                wm = _WORD_AFTER.match(text, p)
                if not wm or wm.group(1).lower() in _STOP or wm.group(1).lower().endswith("ed"):
                    break
                words.append(wm.group(1))
                p = wm.end()
        elif last in ("them", "whom"):
            # the group's part named after the pronoun: "1,600 of them Russian paratroopers",
            # "two of them police officers" (a plural noun within three words, no verb: not
            # "four of them lost their lives", "three of them caught fire")
            more: list[str] = []
            for _ in range(3):
                wm = _WORD_AFTER.match(text, p)
                if not wm:
                    break
                w = wm.group(1).rstrip("'’")
                lw = w.lower()
                if lw in _STOP or lw.endswith(("ed", "ly")):
                    break
                more.append(w)
                p = wm.end()
                if lw in _PLURALS or lw.endswith("men") or (
                    lw.endswith("s") and len(lw) > 3 and not lw.endswith("ss")
                ):
                    nm = _WORD_AFTER.match(text, p)
                    nxt = nm.group(1).lower() if nm else ""
                    if lw in _PLURALS and nxt.endswith("s") and len(nxt) > 3 and nxt not in _STOP:
                        more.append(nm.group(1))  # "police officers"
                    words.extend(more)
                    break
        return " ".join(words), True
    if vague:
        om = _OF_AFTER.match(text, pos)
        if om:
            pos = om.end()
    words = []
    p = pos
    rm = _RATE_UNIT.match(text, p)
    if rm:
        return rm.group(1).replace(" ", "").replace("\t", ""), False
    gm = _GLUED_UNIT.match(text, p)  # "256GB", "10kW", "5-mpg"
    if gm and gm.start() == p and (text[p : p + 1].isalpha() or text[p : p + 1] == "-"):
        w = gm.group(1)
        if w.lower() not in _STOP:
            return w, False
        return None, False
    allow_of = True
    while len(words) < 6:
        wm = _WORD_AFTER.match(text, p)
        if not wm:
            break
        w = wm.group(1).rstrip("'’")
        lw = w.lower()
        if lw == "of" and words and allow_of and words[-1].lower() in _MEASURE:
            nm = _WORD_AFTER.match(text, wm.end())
            if nm and nm.group(1).lower() not in _STOP:
                words.append(w)
                p = wm.end()
                allow_of = False
                continue
            break
        if lw in _STOP:
            if lw in _TIME_NOUNS and not words:
                words.append(w)
            break
        if lw.endswith("ly") and not words:
            break
        if lw.endswith("ed") and len(lw) > 4:
            nm = _WORD_AFTER.match(text, wm.end())
            if words or not nm or nm.group(1).lower() in _STOP or nm.group(1).endswith("ed"):
                break  # a verb: "3,600 arrived", "5,000 detained in"
        words.append(w)
        p = wm.end()
        if len(words) >= 3 and allow_of:
            break
        if lw.endswith("s") and len(lw) > 3 and not lw.endswith("ss") and lw not in _MEASURE:
            break  # a plural noun ends the phrase: "troops", "service members"
        if lw in _PLURALS:
            nm = _WORD_AFTER.match(text, p)
            nxt = nm.group(1).lower() if nm else ""
            if not (nxt.endswith("s") and nxt not in _STOP and len(nxt) > 3):
                break  # "people", but "police officers"
        if lw in _MEASURE and lw not in _MEASURE_ADJECTIVES and not _OF_AFTER.match(text, p):
            break
    if not words:
        return None, False
    return " ".join(words), False
