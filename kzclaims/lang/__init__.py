"""The language seam: everything kzclaims needs to know about one language, in one module.

Each supported language is a module of this package (``en.py``, ``ru.py``) that defines one
:class:`Language`: its stop words and value-kind words (which weigh little in matching), its
number words, news synonyms, how a word is reduced to the form matching compares (a lemma, a
stem, or the word itself), the abbreviations after which a period does not end a sentence,
month and weekday names, the downward qualifiers ("almost") and the language's default reading
conventions (day-first dates, decimal comma). The pipeline asks this package, never a language
module directly, so a third language is a new module plus one line in :data:`_MODULES`.

Nothing here imports a third-party package at import time; a language's optional library
(``pymorphy3`` for Russian) is imported the first time a word of that language is normalized.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import field
from functools import cache, lru_cache
from importlib import import_module

from kzclaims._dataclass import dataclass
from kzclaims._lazyre import lazy

__all__ = [
    "DEFAULT",
    "SUPPORTED",
    "Conventions",
    "Language",
    "all_languages",
    "conventions_for",
    "detect",
    "get",
    "language_of_phrase",
    "script_language",
]

DEFAULT = "en"
# code -> module name under kzclaims.lang
_MODULES: dict[str, str] = {"en": "en", "ru": "ru"}
SUPPORTED: tuple[str, ...] = tuple(_MODULES)


@dataclass(frozen=True)
class Language:
    """What the pipeline needs to know about one language (see the module docstring)."""

    code: str
    name: str
    #: words that weigh :data:`kzclaims.match.STOP_WEIGHT` in a phrasing, in normalized form
    stopwords: frozenset[str]
    #: number words, normalized: the value is what sources state differently ("двадцать")
    number_words: frozenset[str]
    #: groups of normalized words that mean the same thing in news about events
    synonym_groups: tuple[frozenset[str], ...]
    #: lower-case abbreviations (no final dot) after which a period does not end a sentence
    abbreviations: frozenset[str]
    #: qualifier words of an approximation that only reaches below the value ("almost")
    downward: frozenset[str]
    #: month names and abbreviations (lower case, every inflected form) -> 1..12
    months: dict[str, int]
    #: weekday names (lower case, every inflected form) -> 0 (Monday) .. 6
    weekdays: dict[str, int]
    #: function words after which a line break never ends a sentence ("of the", "в связи с")
    connectives: frozenset[str] = frozenset()
    #: the default reading conventions of a source in this language
    day_first: bool = False
    decimal_comma: bool = False
    #: the letters of the language's script, for detection ("а-яё")
    script: str = "a-z"
    #: nouns that count people, normalized (singular / lemma): a value counting one of them
    #: ("58 persons", "17 men") counts what a claim whose unit is another of them counts
    #: ("people", "miners"), as far as the unit can tell (kzclaims.choose.unit_fit)
    person_nouns: frozenset[str] = frozenset()
    #: words that deny what a sentence says ("not", "never"; normalized): a statement found in a
    #: passage counts only as much as the phrasing's own mood agrees (kzclaims.match.mood)
    negations: frozenset[str] = frozenset()
    #: words that make a sentence say what may, must or will happen rather than what did ("need
    #: to", "could", "plans to", "pledged"; normalized)
    modals: frozenset[str] = frozenset()
    #: words of a length counted on the calendar (lower case, every inflected form) -> "month"
    #: or "year": "six months" is 181-184 days, not 180 (kzclaims.compare.calendar_span)
    calendar_units: dict[str, str] = field(default_factory=dict)
    #: how one lower-case word is reduced for matching; identity when None
    normalizer: Callable[[str], str] | None = field(default=None, compare=False)
    #: the optional extra that gives this language its best normalizer, when there is one
    extra: str | None = None
    #: whether that extra's library is importable (checked lazily by :func:`missing_extra`)
    library: str | None = None

    def normalize(self, word: str) -> str:
        """The form of a lower-case word that matching compares (a lemma for Russian)."""
        return self.normalizer(word) if self.normalizer is not None else word


@cache
def get(code: str | None) -> Language:
    """The :class:`Language` for ``code`` ("en", "ru"); English for an unknown or empty code."""
    name = _MODULES.get((code or DEFAULT).lower().split("-")[0], _MODULES[DEFAULT])
    module = import_module(f"kzclaims.lang.{name}")
    lang: Language = module.LANGUAGE
    return lang


def all_languages() -> tuple[Language, ...]:
    return tuple(get(code) for code in SUPPORTED)


@cache
def missing_extra(code: str) -> str | None:
    """The extra to install for the best support of ``code`` when its library is missing."""
    lang = get(code)
    if lang.library is None:
        return None
    from importlib.util import find_spec

    return None if find_spec(lang.library) is not None else lang.extra


_CYRILLIC = lazy(r"[а-яёА-ЯЁ]")
_LATIN = lazy(r"[a-zA-Z]")


def detect(text: str, sample: int = 20_000) -> str:
    """The language of a source's text, among :data:`SUPPORTED`: a script count.

    English and Russian are told apart by their alphabets without error; a statistical
    detector (lingua) gave the same answers on every source we tried and costs a second of
    model loading (see docs/benchmarks.md), so it is not used while the supported languages
    have different scripts. Text with no letters is English (the default).
    """
    head = text[:sample]
    # without a Cyrillic letter the count cannot say Russian: no letter is counted (a list of
    # one-letter strings per letter of the text was ~200 us a 5 KB source, issue 8)
    if head.isascii() or _CYRILLIC.search(head) is None:
        return DEFAULT
    cyr = len(_CYRILLIC.findall(head))
    lat = len(_LATIN.findall(head))
    return "ru" if cyr > lat else DEFAULT


def script_language(text: str, sample: int = 20_000, minimum: int = 20) -> str | None:
    """The language the script of a text clearly shows, or None when it is unclear.

    Clear means at least ``minimum`` letters and twice as many letters of one script as of the
    other. Used to overrule a language a file declares (``<html lang="en">`` on a Russian page,
    the usual CMS template that never sets it) only when the text plainly contradicts it.
    """
    head = text[:sample]
    cyr = len(_CYRILLIC.findall(head))
    lat = len(_LATIN.findall(head))
    if cyr + lat < minimum:
        return None
    if cyr >= 2 * lat:
        return "ru"
    if lat >= 2 * cyr:
        return DEFAULT
    return None


@lru_cache(maxsize=4096)  # a claim's phrasings are asked again for every passage (mood)
def language_of_phrase(text: str) -> str:
    """The language of a claim's ``find`` phrasing: counted in words, not letters (a Russian
    phrasing naming a company or a party as it writes itself, "взрыв на заводе Corvane
    Chemicals", has more Latin letters than Cyrillic ones but is Russian: its Russian words are
    lemmatized, and it is bridged as Russian); as many words of each script: by letters."""
    words = text.split()
    cyr = sum(1 for w in words if _CYRILLIC.search(w))
    lat = sum(1 for w in words if _LATIN.search(w))
    if cyr != lat:
        return "ru" if cyr > lat else DEFAULT
    return detect(text)


# --------------------------------------------------------------------------------------------
# Reading conventions (issue 7, item 4)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Conventions:
    """How a source writes numbers and numeric dates, and why we think so."""

    language: str = DEFAULT
    day_first: bool = False  # "12/05/2024" is 12 May (else December 5)
    decimal_comma: bool = False  # "1,5" is 1.5 and "3.200" is 3200 (else 1,5 -> 15, 3.200 -> 3.2)
    reason: str = "English, and no dateline says otherwise"

    def describe(self) -> str:
        """ "day-first dates, decimal comma (Russian)" """
        dates = "day-first" if self.day_first else "month-first"
        numbers = "comma" if self.decimal_comma else "point"
        return f"{dates} dates, decimal {numbers} ({self.reason})"


_DOTTED_DATE = lazy(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_SLASHED_DATE = lazy(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_DAY_MONTH = lazy(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+\d{4}\b")
_MONTH_DAY = lazy(r"\b([A-Za-z]{3,9})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b")
_HEAD_LINES = 8


def _head(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n", 40)[:40] if ln.strip()][:_HEAD_LINES]


_COMMA_GROUP = lazy(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")  # 20,000
_DOT_GROUP = lazy(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.])")  # 3.200
_COMMA_DECIMAL = lazy(r"(?<![\d.,])\d+,\d{1,2}(?![\d,])")  # 1,5
_DOT_DECIMAL = lazy(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.])")  # 1.5


#: a run of digits, dots and commas holding a digit, a dot or comma and a digit: every match of
#: the four patterns above lies inside one (they match only those characters and each needs
#: that sequence), and as the characters around a run are none of those, a pattern finds the
#: same matches in the run alone as in the whole text (its lookarounds see a non-digit there)
_NUMBER_RUN = lazy(r"[\d.,]*\d[.,]\d[\d.,]*")


def _decimal_evidence(text: str) -> tuple[int, int, str | None]:
    """(signs of a decimal comma, signs of a decimal point, an example of the winner)."""
    runs = _NUMBER_RUN.findall(text)  # one pass over the text, then only its numbers
    comma = [m.group() for rx in (_DOT_GROUP, _COMMA_DECIMAL) for r in runs for m in rx.finditer(r)]
    point = [m.group() for rx in (_COMMA_GROUP, _DOT_DECIMAL) for r in runs for m in rx.finditer(r)]
    example = (comma or [None])[0] if len(comma) > len(point) else (point or [None])[0]
    return len(comma), len(point), example


def conventions_for(text: str, language: str) -> Conventions:
    """Decide day-first vs month-first and decimal comma vs point for one source.

    Dates: from its language (Russian writes 07.01.2022) and its own dateline near the top: a
    dotted numeric date ("15.05.2024") or a written day-month date ("11 January 2022") is
    day-first; a slashed date is day-first when its first part is above 12; "January 11, 2022"
    is month-first. Decimals: the language's default (a comma in Russian, a point in English),
    turned by the source's own numbers: a text that writes "20,000" and "1.5" uses a decimal
    point, one that writes "3.200" and "1,5" a decimal comma. An English source switches to the
    decimal comma only with a day.month.year or a day-first slashed dateline ("19/08/2026") as
    well.
    """
    lang = get(language)
    comma, point, example = _decimal_evidence(text)
    if lang.code != DEFAULT:
        decimal_comma = lang.decimal_comma
        reason = lang.name
        if decimal_comma and point > comma:
            decimal_comma = False
            reason += f"; but numbers like “{example}” use a decimal point"
        elif not decimal_comma and comma > point:
            decimal_comma = True
            reason += f"; but numbers like “{example}” use a decimal comma"
        return Conventions(lang.code, lang.day_first, decimal_comma, reason)
    head = _head(text)
    # a day.month.year date anywhere in the head ("Drovna, 13.06.2023 - From our correspondent",
    # under a "14 June 2023" line) marks the continental way of writing numbers: with more signs
    # of a decimal comma than of a point ("around 1.100 prisoners"), "1.100" is 1100
    found = (_DOTTED_DATE.search(ln) for ln in head)
    dotted = next((m.group() for m in found if m and int(m.group(2)) <= 12), None)
    for line in head:
        m = _DOTTED_DATE.search(line)
        if m and int(m.group(2)) <= 12:
            reason = f"the dateline “{m.group()}” is day.month.year"
            if comma > point:
                return Conventions(
                    lang.code, True, True, f"{reason}; numbers like “{example}”"
                )
            if point:
                reason += f"; numbers like “{example}” use a decimal point"
            return Conventions(lang.code, True, False, reason)
        m = _SLASHED_DATE.search(line)
        if m and int(m.group(1)) > 12 >= int(m.group(2)):
            reason = f"the dateline “{m.group()}” is day-first"
            if comma > point:  # "19/08/2026" over "about 12.500 hectares" and "4,5 million"
                return Conventions(lang.code, True, True, f"{reason}; numbers like “{example}”")
            return Conventions(lang.code, True, False, reason)
        if m and int(m.group(2)) > 12 >= int(m.group(1)):
            return Conventions(
                lang.code, False, False, f"the dateline “{m.group()}” is month-first",
            )
        m = _DAY_MONTH.search(line)
        if m and m.group(1).lower()[:3] in _EN_MONTHS3:
            reason = f"the dateline “{m.group()}” puts the day first"
            if dotted is not None and comma > point:
                return Conventions(
                    lang.code, True, True,
                    f"{reason}; “{dotted}” is day.month.year and numbers like “{example}”",
                )
            return Conventions(lang.code, True, False, reason)
        m = _MONTH_DAY.search(line)
        if m and m.group(1).lower()[:3] in _EN_MONTHS3:
            return Conventions(
                lang.code, False, False, f"the dateline “{m.group()}” puts the month first",
            )
    from kzclaims.dateline import find_yearless_dateline

    found = find_yearless_dateline(text)  # "KYIV, 3 March —", "Aug 19 (Reuters) -"
    if found is not None:
        first = "day" if found.day_first else "month"
        return Conventions(
            lang.code, found.day_first, False, f"the dateline “{found.text}” puts the {first} first"
        )
    return Conventions()


_EN_MONTHS3 = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
)


def weak_words() -> frozenset[str]:
    """Stop words and number words of every language, normalized (never indexed)."""
    out: set[str] = set()
    for lang in all_languages():
        out |= lang.stopwords | lang.number_words
    return frozenset(out)


def synonym_table() -> dict[str, frozenset[str]]:
    """normalized word -> the words that mean the same, over every language's groups."""
    table: dict[str, frozenset[str]] = {}
    for lang in all_languages():
        for group in lang.synonym_groups:
            for w in group:
                table[w] = table.get(w, frozenset()) | (group - {w})
    return table


def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


def groups(lines: Iterable[str], normalize: Callable[[str], str] | None = None) -> tuple[
    frozenset[str], ...
]:
    f = normalize or (lambda w: w)
    return tuple(frozenset(f(w) for w in line.split()) for line in lines)
