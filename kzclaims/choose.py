"""Stage 4: choosing the claim's value in a matched passage.

A passage often holds several values of the claim's kind: "The mission consists of 2,030 troops
and 250 units of military equipment." The value we want is the one that counts what the claim
counts (its ``unit``) and that stands nearest the words that matched the claim's phrasing, in
the same sentence and clause. Values that count something else, a part of a group ("19 of
them"), ordinals ("the 30th anniversary") and labels ("Article 4") lose. Every candidate is
scored, and the reasons are kept so that ``--evidence`` and ``kzclaims explain`` can show them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from kzclaims._dataclass import dataclass
from kzclaims._lazyre import cached
from kzclaims.lang import Conventions, get
from kzclaims.model import Claim, Kind, Match, PartialDate, Value

__all__ = ["Candidate", "Choice", "choose_value", "unit_fit", "unit_matches"]

# Score weights (points). A unit match outweighs any distance inside one sentence.
UNIT_MATCH = 40.0
UNIT_MISMATCH = -30.0
#: a value counting people under another name than the claim's unit ("persons" for "people")
UNIT_KIN = 0.0
#: a part of a group ("19 of them"): no weight (it was -50, set by hand). Calibrated on the
#: blind set's tuning splits (benchmarks/ranker.py, issue 10, fourth pass): a logistic fit of
#: the joint score gives it 0 in all twelve leave-one-event-out folds. A part of a group is
#: already told apart by its noun ("of them" is not the claim's unit), and it is often the
#: answer of a claim about the part ("nine of the derailed wagons" carried hazardous goods).
#: Without the penalty the tuning splits gain 3 right values and lose 1 ("one of the largest
#: demonstrations", whose noun fuzzily matches "demonstrators"), all on spent2. The reason is
#: still shown.
PARTITIVE = 0.0
#: a part of a group whose noun after the pronoun names one of the claim's units ("1,600 of them
#: Russian paratroopers" for the Russian contingent, but also "two of them police officers",
#: the injured, for the police deployed): neither the unit's match nor its mismatch
PART_MATCH = 0.0
ORDINAL_NUMBER = -10.0
#: a bare year ("the action program for 2022") for a date claim that is not itself a year: a
#: year alone rarely says on which day something happened
BARE_YEAR = -30.0
#: a value beside a year before the report's ("in 2022, 16 people died"): calibrated on the
#: blind set's tuning splits (-30 / -60 / -100: 254 / 255 / 257 cells right less false finds)
#: and tests/fixtures/independent (-100 loses "the 73rd session ... In September 2018")
HISTORY = -60.0
#: a value beside a year more than :data:`HISTORY_FAR_YEARS` before the report's ("An earthquake
#: in 1962 killed 96 people" in a report of 2025) is no answer to a claim that does not name
#: that year: it is excluded (a few years back, "In September 2018, on the margins of the 73rd
#: session", still is history by :data:`HISTORY` only)
HISTORY_FAR_YEARS = 10
#: a date whose nearby verbs name another role (requested / approved / began / ended /
#: reported) than the claim's phrasings do: "authorised ... on 6 March" for the request date;
#: a date of reporting ("published on Friday", "said on Tuesday") for a claim about no reporting
ROLE_MISMATCH = -30.0
#: a date whose nearby verbs name a role the claim's phrasings name too ("asked for the help ...
#: on 05.03.2024" for the date Vedenov asked for help): the role as evidence of the date
ROLE_MATCH = 15.0
#: a date that is the report's own (its dateline: "ЛОРВИК, 3 октября. /Балтинформ/.") for a
#: claim about something else than reporting. (A date in the first sentences equal to the day
#: the report refers to, "The Review - Saturday 15 March 2025", was tried as well: it is also
#: how a note dated by its first line gives the day of what it reports, so it is not used.)
REPORT_DATE = -30.0
#: a value its clause calls superseded or another's earlier figure ("a radius of 3 km instead of
#: the initial five", "3 км вместо первоначальных пяти", "up from the 61.9% it had announced")
#: for a claim whose own words name no such figure (issue 10, seventh pass)
SUPERSEDED = -100.0
#: how far before the value (characters, within its clause) a word of supersession counts
SUPERSEDED_REACH = 40
#: a count beside a word of a standing figure ("Around 410,000 people live in the province",
#: "which employs about 2,800 people", "проживают около 38 тыс. человек") for a claim whose own
#: words have none: a population, a workforce or a membership, not what happened
STANDING = -60.0
#: how far from the value (characters, within its clause) a word of a standing figure counts
STANDING_REACH = 40
#: ... and after it ("410,000 people live in"; not "3,8 млн граждан, в том числе проживающие
#: за рубежом", a part of the figure)
STANDING_AFTER = 15
OTHER_SENTENCE = -20.0
OTHER_CLAUSE = -6.0
DISTANCE_PER_CHAR = 0.1
DISTANCE_CAP = 30.0
#: the distance (characters) at which the distance penalty stops growing: DISTANCE_CAP /
#: DISTANCE_PER_CHAR with the weights above (kept fixed when the weights are refitted)
DISTANCE_REACH = 300.0

_SENTENCE_END = cached(r"[.!?][\"'”’)»]*\s+(?=[\"“‘(«]?[A-ZА-ЯЁ0-9])")
_CLAUSE_BREAK = cached(r"[;:–—]|\s-\s|,\s(?:while|whereas|but|and\s+(?:the|a|an|its|their)\b)")
_WORD = cached(r"[a-zа-яё]+")


@dataclass(frozen=True)
class Candidate:
    """A value of a passage, scored as an answer to a claim, with the reasons."""

    value: Value
    score: float
    reasons: tuple[str, ...]
    excluded: bool = False
    #: the terms of ``score``, (name, amount): each amount times its weight (the constants
    #: above; the distance's is DISTANCE_PER_CHAR, negated) makes up the score. The features
    #: benchmarks/ranker.py fits the weights on.
    parts: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Choice:
    """The value chosen in a passage, why, and every candidate scored."""

    value: Value
    why: str
    candidates: tuple[Candidate, ...]


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _word_form(word: str) -> str:
    """English: a plural cut to its singular; Russian: the lemma ("военнослужащих" ->
    "военнослужащий"), so that a unit in one case matches a noun in another."""
    if "а" <= word[:1] <= "я" or word[:1] == "ё":
        return get("ru").normalize(word)
    return _stem(word)


#: words that make a length an area or a volume: "square km", "кв. км", "cubic metres"
_SHAPES = {"square": "2", "sq": "2", "кв": "2", "квадратных": "2", "квадратный": "2",
           "cubic": "3", "куб": "3", "кубических": "3", "кубический": "3"}  # fmt: skip


def _shape(text: str) -> str:
    shape = {_SHAPES[w] for w in _WORD.findall(text.lower()) if w in _SHAPES}
    if "/" in text:
        shape.add("/")  # a rate ("km/h") is not the length it divides ("km")
    return "".join(sorted(shape))


#: a temperature written as a symbol ("47.1C", "47.1°C"): the words a claim's unit names it by
_TEMPERATURE = {"c": ("degree", "celsius", "градус"), "°c": ("degree", "celsius", "градус"),
                "°": ("degree", "градус"), "f": ("degree", "fahrenheit"),
                "°f": ("degree", "fahrenheit")}  # fmt: skip
#: the word forms of a claim's unit a temperature symbol may stand for (the gate cannot look for
#: them in the text: kzclaims.pipeline._Indexed.unit_possible)
TEMPERATURE_WORDS = frozenset(
    {"градус", *(_stem(w) for w in ("degree", "degrees", "celsius", "fahrenheit"))}
)


#: units as news abbreviates them: the word a claim's unit names them by ("12,480 ha" counts the
#: "hectares" of a claim, "25 кг" its "килограммов"); no spelling similarity relates the two
_ABBREVIATIONS = {"km": "kilometre", "kms": "kilometre", "ha": "hectare", "kg": "kilogram",
                  "kgs": "kilogram", "cm": "centimetre", "mm": "millimetre", "mw": "megawatt",
                  "gw": "gigawatt", "км": "километр", "га": "гектар", "кг": "килограмм",
                  "см": "сантиметр", "мм": "миллиметр", "мвт": "мегаватт"}  # fmt: skip


def abbreviated(unit_word: str) -> bool:
    """May a unit word (its form) be written as an abbreviation ("hectare": "ha")? The gate
    cannot look for it in the text (kzclaims.pipeline._Indexed.unit_possible)."""
    from rapidfuzz import fuzz

    got = _ABBREVIATED.get(unit_word)
    if got is None:
        got = _ABBREVIATED[unit_word] = any(
            _same_word(unit_word, _word_form(full), fuzz.ratio)
            for full in set(_ABBREVIATIONS.values())
        )
    return got


_ABBREVIATED: dict[str, bool] = {}


def _noun_words(noun: str) -> list[str]:
    words = []
    for w in _WORD.findall(noun.lower()):
        words.append(_word_form("square" if w == "sq" else w))
        if w in _ABBREVIATIONS:
            words.append(_word_form(_ABBREVIATIONS[w]))
    return words


def unit_matches(noun: str, units: Sequence[str]) -> bool:
    """Does a value's counted noun ("units of military equipment") name one of the claim's units?"""
    symbol = _TEMPERATURE.get(noun.strip().lower().replace("º", "°"))
    noun_words = [_word_form(w) for w in symbol] if symbol else _noun_words(noun)
    shape = _shape(noun)
    for unit in units:
        unit_words = [_word_form(w) for w in _WORD.findall(unit.lower())]
        if not unit_words or _shape(unit) != shape:
            continue  # "square kilometres" is an area, not the "kilometres" of a length
        if all(any(_same_word(u, n, fuzz.ratio) for n in noun_words) for u in unit_words):
            return True
    return False


def _named_part(noun: str) -> bool:
    """Whether a counted noun is a part of a group named after a pronoun ("of them police
    officers")."""
    return noun[:8].lower() in ("of them ", "of whom ")


@lru_cache(maxsize=1024)
def _own_words(text: str) -> frozenset[str]:
    return frozenset(_word_form(w) for w in _WORD.findall(text.lower()))


def part_of_claim(noun: str, claim: Claim) -> bool:
    """Whether a part of a group named after a pronoun is the claim's part: a word of it other
    than the claim's units is one of the claim's own words ("1,600 of them Russian paratroopers"
    for "Russian troops in the force"; not "two of them police officers", the injured, for the
    police deployed, whose only words are the unit's)."""
    units = _own_words(" ".join(claim.unit))
    words = [_word_form(w) for w in _WORD.findall(noun.lower())[2:]]
    own = _own_words(_claim_text(claim))
    return any(w not in units and w in own for w in words)


def counts_unit(noun: str, claim: Claim) -> bool:
    """Whether a value's noun counts one of the claim's units as evidence beside the value (the
    local score's unit word): a match, or the claim's own part (:func:`part_of_claim`)."""
    if _named_part(noun):
        return unit_matches(noun, claim.unit) and PART_MATCH > 0.0 and part_of_claim(noun, claim)
    return unit_matches(noun, claim.unit)


def _is_person(word: str) -> bool:
    """Is a (lower-case) word a noun that counts people, in any of its plural forms?"""
    if "а" <= word[:1] <= "я" or word[:1] == "ё":
        return get("ru").normalize(word) in get("ru").person_nouns
    nouns = get("en").person_nouns
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return any(f in nouns for f in forms)


#: A currency by its symbol, code and words (English and Russian): "$412 million", "412 mln USD"
#: and "412 млн долларов" count the dollars of a claim whose unit is "dollars". A value's noun
#: keeps what the source wrote ("$", "USD"); the claim's unit is what a user writes ("dollars",
#: "euros", "рублей"): no spelling similarity relates them. (Codes that are English words, such
#: as TRY, are left out.)
_CURRENCIES: tuple[tuple[str, str], ...] = (
    ("dollar", r"\$|\bus[d$]|\bdollars?\b|\bдолл(?:ар(?:а|ов|ы|ам|ах)?)?\b"),
    ("euro", r"€|\beur\b|\beuros?\b|\bевро\b"),
    ("pound", r"£|\bgbp\b|\bpounds?\b|\bфунт(?:а|ов|ы)?\b"),
    ("rouble", r"₽|\brub\b|\br[ou]ubles?\b|\bруб(?:\.|\b|л(?:ей|я|ь|и|ях|ям)\b)"),
    ("tenge", r"₸|\bkzt\b|\btenges?\b|\bтенге\b"),
    ("hryvnia", r"₴|\buah\b|\bhryvn(?:ia|ias|ya|yas)\b|\bгрив(?:на|ны|ен|нах)\b"),
    ("yen", r"¥|\bjpy\b|\byen\b|\bиен\b|\bиены\b"),
    ("yuan", r"\bcny\b|\brmb\b|\byuan\b|\bюан(?:ь|я|ей|ях)\b"),
    ("franc", r"\bchf\b|\bfrancs?\b|\bфранк(?:а|ов|и)?\b"),
    ("zloty", r"zł|\bpln\b|\bzloty(?:s)?\b|\bzlotych\b|\bзлот(?:ый|ых|ого)\b"),
)
_CURRENCY = cached("|".join(f"(?P<{name}>{pattern})" for name, pattern in _CURRENCIES), re.I)


def currencies(text: str) -> frozenset[str]:
    """The currencies ``text`` names ("$412 million" -> {"dollar"}; "рублей" -> {"rouble"})."""
    if not text:
        return frozenset()
    return frozenset(m.lastgroup for m in _CURRENCY.finditer(text) if m.lastgroup)


@lru_cache(maxsize=1024)
def _wanted_currencies(units: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*(currencies(u) for u in units))


def currency_fit(value: Value, units: Sequence[str]) -> str | None:
    """"match" or "mismatch" when the claim's units name a currency and the value names one
    (in its words or its noun: "$412 million", "412 mln USD"), else None (the unit's words
    decide)."""
    wanted = _wanted_currencies(tuple(units))
    if not wanted:
        return None
    named = currencies(value.text) | currencies(value.noun or "")
    if not named:
        return None
    return "match" if named & wanted else "mismatch"


def unit_fit(noun: str, units: Sequence[str]) -> str:
    """How a value's counted noun fits a claim's units: "match" (it names one of them), "part"
    (a part of a group, "of them", whose noun names one), "kin"
    (both count people: "persons" for a claim about "people", "men" for "miners") or
    "mismatch"."""
    if _named_part(noun):
        # a part of a group named after the pronoun ("1,600 of them Russian paratroopers"): its
        # own noun says whether it counts the claim's unit, no other noun
        return "part" if unit_matches(noun, units) else "mismatch"
    if unit_matches(noun, units):
        return "match"
    noun_words = _WORD.findall(noun.lower())
    heads = {*noun_words[:2], *noun_words[-1:]}  # "persons", "military personnel", "men of ..."
    if any(_is_person(w) for w in heads) and any(
        _is_person(w) for u in units for w in _WORD.findall(u.lower())
    ):
        return "kin"
    return "mismatch"


def _same_word(u: str, n: str, ratio: Callable[[str, str], float]) -> bool:
    """Russian words compare by lemma, exactly (a fuzzy match would make the adjective
    "избирательный" count "избиратель"); English ones fuzzily ("aircrafts"/"aircraft")."""
    if u == n:
        return True
    if "а" <= u[:1] <= "я" or u[:1] == "ё":
        from kzclaims.lang import ru

        if ru.HAS_LEMMATIZER:
            return False
    return ratio(u, n) >= 85


def _distance(value: Value, spans: Sequence[tuple[int, int]]) -> tuple[int, tuple[int, int] | None]:
    best: tuple[int, tuple[int, int] | None] = (10**9, None)
    for s, e in spans:
        if e <= value.start:
            d = value.start - e
        elif s >= value.end:
            d = s - value.end
        else:
            d = 0
        if d < best[0]:
            best = (d, (s, e))
    return best


def _between(text: str, value: Value, span: tuple[int, int] | None) -> str:
    if span is None:
        return ""
    a, b = (span[1], value.start) if span[1] <= value.start else (value.end, span[0])
    return text[a:b] if a < b else ""


def _far_year(value: Value, reference: dt.date | None) -> str | None:
    """The year of a bare-year value more than :data:`HISTORY_FAR_YEARS` before the report's."""
    r = value.reading
    if reference is None or not isinstance(r, PartialDate):
        return None
    return str(r.year) if reference.year - r.year > HISTORY_FAR_YEARS else None


def _claim_text(claim: Claim) -> str:
    """Everything a claim says about itself in words: title, phrasings, notes."""
    return " ".join((claim.title, *claim.find, claim.notes or ""))


def _year_claim(claim: Claim) -> bool:
    """Is the claim's expected date a year (so that a bare year is the answer)?"""
    e = claim.expected
    return isinstance(e, PartialDate) and e.month is None


# (?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d), its lookbehind after the first two digits so that
# the engine scans for a 1 or a 2 (tests/test_regex_rewrites.py compares the two)
_YEAR = cached(r"((?:1[89]|20)(?<![\d.,]..)\d\d)(?![\d.,]\d)")
_SUPERSEDED = cached(
    r"\b(?:initial(?:ly)?|original(?:ly)?|earlier|previous(?:ly)?|at first|instead of"
    r"|up from|down from|had (?:announced|given|reported|put)|first (?:put|gave|reported)"
    r"|вместо|первоначальн\w*|изначальн\w*|ранее|прежн\w*|сначала)\b",
    re.IGNORECASE,
)


_STANDING = cached(
    r"\b(?:live|lived|living|inhabit\w*|population|employ(?:s|ed|ing)?|unites|uniting"
    r"|живёт|живет|живут|проживает|проживают|проживающ\w*|населени\w*|объединяющ\w*"
    r"|объединяет)\b",
    re.IGNORECASE,
)


def _standing(claim: Claim, text: str, value: Value) -> str | None:
    """A word of a standing figure (a population, a workforce, a membership) near the value in
    its clause, for a claim whose own words have none; else None."""
    lo = max((m.end() for m in _CLAUSE_EDGE.finditer(text, 0, value.start)), default=0)
    hi = next((m.start() for m in _CLAUSE_EDGE.finditer(text, value.end)), len(text))
    lo, hi = max(lo, value.start - STANDING_REACH), min(hi, value.end + STANDING_AFTER)
    m = _STANDING.search(text, lo, hi)
    if m is None or _STANDING.search(_claim_text(claim)):
        return None
    return m.group(0)


def _superseded(claim: Claim, text: str, value: Value) -> str | None:
    """A word before the value, in its clause, that calls it superseded or earlier ("instead of
    the initial five"), for a claim whose own words have none; else None."""
    lo = max((m.end() for m in _CLAUSE_EDGE.finditer(text, 0, value.start)), default=0)
    lo = max(lo, value.start - SUPERSEDED_REACH)
    m = _SUPERSEDED.search(text, lo, value.start)
    while m is not None and _STILL_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        # "по-прежнему", "остаются прежними": as before, so still the figure
        m = _SUPERSEDED.search(text, m.end(), value.start)
    if m is None or _SUPERSEDED.search(_claim_text(claim)):
        return None
    return m.group(0)


#: before "прежн...": the figure is still what it was ("Требования остаются прежними - 4,5 млн
#: евро", "по-прежнему 4,5 млн"), not an earlier one
_STILL_BEFORE = cached(r"(?:\bпо-|\bоста[а-яё]*\s+)$", re.IGNORECASE)
#: a year that ends the text before a clause edge ("since 1991", "in 2009")
_YEAR_BEFORE = cached(r"(?<![\d.,])(1[89]\d\d|20\d\d)$")
# [.!?;:]\s|,\s(?:when|where|while|whereas|but)\b|\(|\), its first character a class the engine
# scans for (an alternation first: the whole pattern tried at every position; the same spans:
# tests/test_regex_rewrites.py)
_CLAUSE_EDGE = cached(
    r"[.!?;:,()](?:(?<=[.!?;:])\s|(?<=,)\s(?:when|where|while|whereas|but)\b|(?<=[()]))"
)


def _other_year(text: str, value: Value, reference: dt.date | None) -> str | None:
    """A year before the report's that stands in the value's clause ("in 2022, 16 people
    died", "the last election, in 2022, when 38 percent voted"): the value is history."""
    if reference is None:
        return None
    edges = [m for m in _CLAUSE_EDGE.finditer(text, 0, value.start)]
    if edges and edges[-1].group()[2:] in ("when", "where"):
        # "since 1991, when seven people died", "in 2009, when a smaller blaze ... injured
        # three people": the clause after ", when" / ", where" tells of the year before it
        ym = _YEAR_BEFORE.search(text, 0, edges[-1].start())
        if ym and int(ym.group(1)) < reference.year:
            return ym.group(1)
    lo = max((m.end() for m in edges), default=0)
    hi = next((m.start() for m in _CLAUSE_EDGE.finditer(text, value.end)), len(text))
    for m in _YEAR.finditer(text, lo, hi):
        if value.start <= m.start() < value.end:
            continue
        if int(m.group(1)) < reference.year:
            return m.group(1)
    return None


#: the roles a date plays, by the words near it (English and Russian; whole words, or a
#: Russian stem)
_ROLES: dict[str, re.Pattern[str]] = {
    "request": cached(
        r"\b(?:ask(?:s|ed|ing)?|request(?:s|ed|ing)?|appeal(?:s|ed|ing)?|plea|invit(?:e|ed|ation)"
        r"|обрати\w*|обращ\w*|просьб\w*|проси\w*|просил\w*|запрос\w*|призва\w*)\b"
    ),
    "approve": cached(
        r"\b(?:approv(?:e|ed|es|al|ing)|authori[sz](?:e|ed|es|ation)|endors(?:e|ed|ement)"
        r"|sanction(?:ed)?|ratif(?:y|ied|ication)|одобр\w*|утверд\w*|санкционир\w*"
        r"|разреши\w*|ратифи\w*)\b"
    ),
    "start": cached(
        r"\b(?:beg(?:a|i|u)n(?:s|ning)?|start(?:s|ed|ing)?|launch(?:es|ed|ing)?"
        r"|commenc(?:e|ed|es|ing)|нача\w*|начин\w*|старт\w*|приступ\w*)\b"
    ),
    "end": cached(
        r"\b(?:end(?:s|ed|ing)?|complet(?:e|ed|es|ing|ion)|finish(?:es|ed|ing)?"
        r"|conclud(?:e|ed|es|ing)|заверш\w*|законч\w*|оконч\w*|прекрат\w*)\b"
    ),
    "report": cached(
        r"\b(?:said|says|told|report(?:s|ed)|publish(?:es|ed)|sa(?:y|id) in a statement"
        r"|сообщи\w*|сообща\w*|заяви\w*|заявля\w*|опубликова\w*|рассказа\w*)\b"
    ),
}
#: how many words either side of a date its role words may stand
ROLE_WORDS = 6
_ROLE_WORD = cached(r"[a-zа-яё]+")


def claim_roles(claim: Claim) -> frozenset[str]:
    """The roles a claim's phrasings and title name ("when did Velmara request ..." ->
    request)."""
    return _roles_named(" ".join((claim.title, *claim.find)).lower())


@lru_cache(maxsize=4096)
def _roles_named(text: str) -> frozenset[str]:
    return frozenset(r for r, pattern in _ROLES.items() if pattern.search(text))


def date_roles(text: str, value: Value) -> frozenset[str]:
    """The roles the words near a date in its clause name."""
    lo = max((m.end() for m in _CLAUSE_EDGE.finditer(text, 0, value.start)), default=0)
    hi = next((m.start() for m in _CLAUSE_EDGE.finditer(text, value.end)), len(text))
    before = _ROLE_WORD.findall(text[lo : value.start].lower())[-ROLE_WORDS:]
    after = _ROLE_WORD.findall(text[value.end : hi].lower())[:ROLE_WORDS]
    near = " ".join((*before, *after))
    return frozenset(r for r, pattern in _ROLES.items() if pattern.search(near))


def _role_clash(claim: Claim, text: str, value: Value) -> str | None:
    """Why a date's role is not the claim's, or None: its nearby words name roles the claim's
    words do not (a date of reporting, for a claim that is not about reporting, always)."""
    roles = date_roles(text, value)
    if not roles:
        return None
    wanted = claim_roles(claim)
    if roles & wanted:
        return None
    if wanted or "report" in roles:
        mine = " / ".join(sorted(wanted)) or "the event"
        return f"its words say {' / '.join(sorted(roles))}, not {mine}"
    return None


def score_candidates(
    claim: Claim, match: Match, values: Sequence[Value], reference: dt.date | None = None
) -> list[Candidate]:
    out: list[Candidate] = []
    for v in values:
        reasons: list[str] = []
        parts: list[tuple[str, float]] = []
        score = 0.0
        year = _other_year(match.text, v, reference) if HISTORY else None
        if year is not None:
            assert reference is not None
            if reference.year - int(year) > HISTORY_FAR_YEARS and year not in _claim_text(claim):
                out.append(
                    Candidate(
                        v, -1e9,
                        (f"beside the year {year}, {reference.year - int(year)} years before "
                         "the report: history",),
                        excluded=True,
                    )
                )
                continue
            score += HISTORY
            parts.append(("history", 1.0))
            reasons.append(f"beside the year {year}, before the report: history")
        if (ROLE_MISMATCH or ROLE_MATCH) and claim.kind in ("date", "date_range"):
            clash = _role_clash(claim, match.text, v) if ROLE_MISMATCH else None
            if clash is not None:
                score += ROLE_MISMATCH
                parts.append(("role_mismatch", 1.0))
                reasons.append(clash)
            elif ROLE_MATCH and (shared := date_roles(match.text, v) & claim_roles(claim)):
                score += ROLE_MATCH
                parts.append(("role_match", 1.0))
                reasons.append(f"its words say {' / '.join(sorted(shared))}, as the claim's")
        if "label" in v.tags:
            out.append(Candidate(v, -1e9, ("a label or name, not a quantity",), excluded=True))
            continue
        if claim.kind == "count" and {"fraction", "multiplier"} & set(v.tags):
            out.append(
                Candidate(v, -1e9, ("a fraction or multiplier, not a count",), excluded=True)
            )
            continue
        if claim.kind == "date" and "year" in v.tags and not _year_claim(claim):
            far = _far_year(v, reference)
            if far is not None and far not in _claim_text(claim):
                out.append(
                    Candidate(
                        v, -1e9, (f"a year alone, {far}, long before the report: history",),
                        excluded=True,
                    )
                )
                continue
            score += BARE_YEAR
            parts.append(("bare_year", 1.0))
            reasons.append("a year alone, for a claim about a day")
        if (
            REPORT_DATE and claim.kind in ("date", "date_range") and "dateline" in v.tags
            and "report" not in claim_roles(claim)
        ):
            score += REPORT_DATE
            parts.append(("report_date", 1.0))
            reasons.append("the report's own date (its dateline)")
        if "ordinal" in v.tags:
            if claim.kind == "count":
                out.append(Candidate(v, -1e9, ("an ordinal, not a count",), excluded=True))
                continue
            score += ORDINAL_NUMBER
            parts.append(("ordinal", 1.0))
            reasons.append("an ordinal")
        if SUPERSEDED and claim.kind not in ("date", "date_range", "statement"):
            said = _superseded(claim, match.text, v)
            if said is not None:
                score += SUPERSEDED
                parts.append(("superseded", 1.0))
                reasons.append(f"after “{said}”: an earlier or superseded figure")
        if STANDING and claim.kind in ("count", "number"):
            said = _standing(claim, match.text, v)
            if said is not None:
                score += STANDING
                parts.append(("standing", 1.0))
                reasons.append(f"beside “{said}”: a standing figure (population, staff, members)")
        if "partitive" in v.tags:
            score += PARTITIVE
            parts.append(("partitive", 1.0))
            reasons.append(f"counts part of a group ({v.noun or 'of them'})")
        money = currency_fit(v, claim.unit) if claim.unit else None
        if money is not None or (v.noun and claim.unit):
            fit = money or unit_fit(v.noun or "", claim.unit)
            if fit == "part" and not part_of_claim(v.noun or "", claim):
                fit = "mismatch"
            if fit == "match":
                score += UNIT_MATCH
                parts.append(("unit_match", 1.0))
                reasons.append(f"counts '{v.noun}' (unit: {', '.join(claim.unit)})")
            elif fit == "part":
                score += PART_MATCH
                parts.append(("part_match", 1.0))
                reasons.append(f"counts '{v.noun}' (unit: {', '.join(claim.unit)}), a part")
            elif fit == "kin":
                score += UNIT_KIN
                parts.append(("unit_kin", 1.0))
                reasons.append(f"counts '{v.noun}', people as the unit's {claim.unit[0]}")
            else:
                score += UNIT_MISMATCH
                parts.append(("unit_mismatch", 1.0))
                reasons.append(f"counts '{v.noun}', not {' / '.join(claim.unit)}")
        elif v.noun:
            reasons.append(f"counts '{v.noun}'")
        distance, span = _distance(v, match.spans)
        if span is not None:
            score -= min(distance * DISTANCE_PER_CHAR, DISTANCE_CAP)
            parts.append(("distance", min(float(distance), DISTANCE_REACH)))
            reasons.append(
                "inside the matched words"
                if distance == 0
                else f"{distance} character{'s' * (distance != 1)} from the matched words"
            )
            gap = _between(match.text, v, span)
            if _SENTENCE_END.search(gap):
                score += OTHER_SENTENCE
                parts.append(("other_sentence", 1.0))
                reasons.append("in another sentence")
            elif _CLAUSE_BREAK.search(gap):
                score += OTHER_CLAUSE
                parts.append(("other_clause", 1.0))
                reasons.append("in another clause")
        out.append(Candidate(v, score, tuple(reasons), parts=tuple(parts)))
    return out


@lru_cache(maxsize=8192)
def _read_values(
    text: str, kind: Kind, reference: dt.date | None, language: str,
    conventions: Conventions | None,
) -> tuple[Value, ...]:
    """The values of a passage, remembered: the joint scorer reads the same passages for every
    claim of a kind (values are frozen, so sharing them is safe)."""
    from kzclaims.values import read_values

    return tuple(read_values(text, kind, reference, language, conventions))


def choose_value(
    claim: Claim,
    match: Match,
    reference: dt.date | None,
    kind: Kind | None = None,
    language: str = "en",
    conventions: Conventions | None = None,
) -> Choice | None:
    """The value of the claim's kind that this passage gives for the claim, or None.

    ``language`` and ``conventions`` are the source's (see :func:`kzclaims.lang.conventions_for`).
    """
    values = _read_values(match.text, kind or claim.kind, reference, language, conventions)
    if not values:
        return None
    candidates = score_candidates(claim, match, values, reference)
    usable = [c for c in candidates if not c.excluded]
    if not usable:
        return None
    # Highest score wins; ties go to the earlier value in the text (deterministic).
    best = max(usable, key=lambda c: (c.score, -c.value.start))
    others = [c for c in usable if c is not best]
    why = "; ".join(best.reasons) or "the only value of this kind"
    if others:
        skipped = ", ".join(
            f"{c.value.text!r} ({'; '.join(c.reasons) or 'farther'})" for c in others[:3]
        )
        why += f"; passed over {skipped}"
    return Choice(best.value, why, tuple(candidates))
