"""The Russian value reader: numbers, percentages, dates, date ranges and durations.

Russian news writes numbers with spaces and a decimal comma ("2 030", "1,5 млн", "20 тыс."), in
words with case endings ("около двадцати тысяч", "полтора миллиона"), and dates day first
("7 января 2022 года", "с 5 по 19 января", "07.01.2022"). English grammar does not carry over,
so this is a reader of its own, with the same output as the English one (:class:`Value` with
the same qualifiers, intervals and tags) and every word list in :mod:`kzclaims.lang.ru`.

As in English, temporal expressions are read first and their numbers are never counts: "2022
года", "10 дней", "через два дня". A four-digit number between 1900 and 2099 with no counted
noun after it is a year. Phone numbers, clock times, labels ("статья 4", "№ 5", "Ил-76"),
ordinals ("7-й", "седьмого") and multipliers ("в 2 раза") are tagged so a count passes them over.

The words "до" and "с" change meaning with the kind of value: "до 10 тысяч" is at most 10
thousand, "до 19 января" is until January 19, "с 5 до 19 января" a period; "сократилось до 10
процентов" is 10 percent exactly (a change of value, not a bound).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from kzclaims._lazyre import lazy
from kzclaims.lang import Conventions
from kzclaims.lang import ru as L
from kzclaims.model import Number, PartialDate, Qualifier, Value
from kzclaims.values.numwords import trie_pattern
from kzclaims.values.temporal import near_future

__all__ = ["read_russian", "share_percents"]

_I = re.IGNORECASE
_SP = r"[ \t\u00a0\u202f]"  # the spaces Russian typesetting puts inside and around numbers

# ------------------------------------------------------------------------------------------
# Tokens
# ------------------------------------------------------------------------------------------

# digits with space-grouped thousands ("2 030", "20 000"), dot- or comma-grouped ("3.200",
# "1,000,000"), decimals ("1,5", "0.5"), or plain
_DIGITS = lazy(
    r"(?<![\w.,])(?:\d{1,3}(?:" + _SP + r"\d{3})+(?![\d])(?:,\d+)?|\d+(?:[.,]\d+)*)(?![\w])"
    r"|(?<![\w.,])\d+(?=-?[а-яёa-z%])",
    _I,
)
_WORD = lazy(r"[а-яёa-z]+(?:-[а-яёa-z]+)*", _I)


def _num(x: float) -> Number:
    return int(x) if float(x).is_integer() else round(x, 9)


def _parse_digits(s: str, decimal_comma: bool) -> float | None:
    """The value of a digit string as Russian (decimal comma) or English writes it."""
    s = re.sub(_SP, "", s)
    if not s:
        return None
    if "," in s and "." in s:
        # "1.000,5" (decimal comma) or "1,000.5"
        s = s.replace(".", "").replace(",", ".") if decimal_comma else s.replace(",", "")
    elif "," in s:
        parts = s.split(",")
        if len(parts) > 2 or (not decimal_comma and all(len(p) == 3 for p in parts[1:])):
            s = s.replace(",", "")  # "1,000,000"; "2,030" in an English-style source
        else:
            s = s.replace(",", ".")
    elif "." in s:
        parts = s.split(".")
        if len(parts) > 2 or (decimal_comma and len(parts[1]) == 3):
            s = s.replace(".", "")  # "3.200" in a decimal-comma source is 3200
    try:
        return float(s)
    except ValueError:
        return None


# ------------------------------------------------------------------------------------------
# Number words
# ------------------------------------------------------------------------------------------

_NUMBER_WORDS = {k.replace("ё", "е"): v for k, v in L.NUMBER_WORD_VALUES.items()}
_RANK = {"unit": 1, "teen": 1, "half": 1, "ten": 2, "hundred": 3}


def _word_runs(text: str) -> list[tuple[int, int, float, bool]]:
    """Runs of number words: (start, end, value, ends_with_scale)."""
    out: list[tuple[int, int, float, bool]] = []
    words = [
        (m.start(), m.end(), m.group().lower().replace("ё", "е")) for m in _WORD.finditer(text)
    ]
    table = _NUMBER_WORDS
    i = 0
    while i < len(words):
        s, e, w = words[i]
        if w not in table:
            i += 1
            continue
        total = 0.0
        cur = 0.0
        last_rank = 99
        start = s
        end = e
        scaled = False
        j = i
        while j < len(words):
            s2, e2, w2 = words[j]
            if w2 not in table or (j > i and text[words[j - 1][1]:s2].strip()):
                break
            v, role = table[w2]
            if role == "scale":
                if scaled and cur == 0:
                    break
                total += (cur if cur else 1.0) * v
                cur = 0.0
                last_rank = 99
                scaled = True
            else:
                rank = _RANK[role]
                if rank >= last_rank:
                    break
                cur += v
                last_rank = rank
                scaled = False
                # "трёх с половиной тысяч", "двух с половиной миллионов": a half before the scale
                if (
                    j + 3 < len(words)
                    and words[j + 1][2] == "с"
                    and words[j + 2][2] == "половиной"
                    and table.get(words[j + 3][2], (0, ""))[1] == "scale"
                ):
                    cur += 0.5
                    j += 2
            end = e2
            j += 1
        # a lone scale word is not a number here ("тысячи людей" is vague, read elsewhere)
        if j == i + 1 and table[w][1] == "scale":
            i += 1
            continue
        out.append((start, end, total + cur, scaled))
        i = max(j, i + 1)
    return out


# ------------------------------------------------------------------------------------------
# Qualifiers
# ------------------------------------------------------------------------------------------

_QUAL_BEFORE = lazy(
    r"(?:^|(?<=[\s(«\"„—–-]))(?P<q>"
    + "|".join(
        re.escape(p).replace(r"\ ", _SP + "+")
        for p in sorted(L.QUALIFIERS_BEFORE, key=len, reverse=True)
    )
    + r")" + _SP + r"+$",
    _I,
)
_QUAL_AFTER = lazy(
    _SP + r"+(?P<q>"
    + "|".join(
        re.escape(p).replace(r"\ ", _SP + "+")
        for p in sorted(L.QUALIFIERS_AFTER, key=len, reverse=True)
    )
    + r")(?![а-яё])",
    _I,
)
# "до" after a verb of change is the new value, not a bound: "сократилось до 10 процентов",
# "поднять пенсионный возраст с нынешних 65 лет до шестидесяти восьми"
_CHANGE_BEFORE = lazy(
    r"(?:снизи|сократи|вырос|вырас|увелич|возрос|возраст|упал|упад|уменьш|повыс|понизи|подня|"
    r"опусти|довед|дошл|дойд|достиг|доходи|снижен|сокращен|рост|увеличен|уменьшен|повышен)"
    r"[а-яё]*" + _SP + r"+(?:[а-яё]+" + _SP + r"+){0,2}(?:с" + _SP + r"+(?:[а-яё]+" + _SP
    + r"+)?[\d\s,.]+\S*" + _SP + r"+)?$",
    _I,
)
_GEN_QUALS = frozenset(
    ("около", "более", "свыше", "до", "порядка", "менее", "почти", "не менее", "не более",
     "больше", "меньше", "примерно", "приблизительно", "от")
)


def _qualifier_before(text: str, start: int) -> tuple[Qualifier, bool, str, int] | None:
    head = text[max(0, start - 40) : start]
    m = _QUAL_BEFORE.search(head)
    if m is None:
        # the size of a change, its qualifier before "на": "выросли почти на 60%", "сократилось
        # более чем на треть", "подорожал примерно на 15%"
        na = _NA_BEFORE.search(head)
        if na is None:
            return None
        m = _QUAL_BEFORE.search(head, 0, na.start())
        if m is None or m.end() != na.start() or " ".join(
            m.group("q").lower().split()
        ) not in _BEFORE_NA:
            return None
    phrase = " ".join(m.group("q").lower().split())
    q, incl = L.QUALIFIERS_BEFORE[phrase]
    qs = start - len(head) + m.start("q")
    if phrase == "до" and _CHANGE_BEFORE.search(text[max(0, qs - 60) : qs]) and not (
        _EXTENT_BEFORE.search(text[max(0, qs - 40) : qs])
    ):
        return None
    return q, incl, m.group("q"), qs  # type: ignore[return-value]


_NA_BEFORE = lazy(r"(?<![а-яё])на" + _SP + r"+$", _I)
#: the qualifiers that may stand before "на" and the size of a change
_BEFORE_NA = frozenset(
    p for p in L.QUALIFIERS_BEFORE if p.split()[-1] not in (
        "до", "от", "в", "в пределах", "численностью", "количестве", "превысило", "превысила",
        "превысил", "превысили", "превышает", "превышают", "превысит", "не превысит",
    ) and not p.startswith(("по ", "не превы", "в "))
)
# "до" after a measure of extent is "up to" even after a verb of change: "столб пепла поднялся
# на высоту до 18 км", "опустился на глубину до 300 метров"
_EXTENT_BEFORE = lazy(
    r"(?<![а-яё])на" + _SP + r"+(?:высоту|глубину|расстояние|дальность|длину|ширину)" + _SP
    + r"+$",
    _I,
)


# ------------------------------------------------------------------------------------------
# What follows a number
# ------------------------------------------------------------------------------------------

_SCALE_AFTER = lazy(
    _SP + r"*(?P<w>тыс(?:яч[а-яё]*)?|млн|млрд|трлн|миллион[а-яё]*|миллиард[а-яё]*|триллион[а-яё]*)"
    r"(?P<dot>\.)?(?![а-яё])",
    _I,
)
_HALF_BEFORE_SCALE = lazy(
    _SP + r"+с" + _SP + r"+половиной(?=" + _SP + r"+(?:тыс|млн|млрд|миллион|миллиард))", _I
)
_PERCENT_AFTER = lazy(
    _SP + r"*(?:%|процент[а-яё]*(?![а-яё])|проц\.|п\.\s?п\.)", _I
)
_ORDINAL_AFTER = lazy(r"-?(?:й|го|му|м|я|е|ое|ый|ий|ая|ой|ом|ых|их|х)(?![а-яё])", _I)
_ADJ_AFTER = lazy(r"-(?:летн|летия|летие|лети|дневн|недельн|месячн|кратн|процентн)", _I)
_MULTIPLIER_AFTER = lazy(_SP + r"+раз(?:а)?(?![а-яё])", _I)
_MULTIPLIER_BEFORE = lazy(r"(?:^|\s)в" + _SP + r"+$", _I)
_FRACTION_AFTER = lazy(
    _SP + r"+(?:трет[а-яё]*|четверт[а-яё]+|пят[ыо][хй]|десят[ыо][хй]|половин[а-яё]*)(?![а-яё])",
    _I,
)
_LABEL_BEFORE = lazy(
    r"(?:№|N|#|стать[яиеюей]+|ст\.|пункт[а-яё]*|п\.|част[ьи]|ч\.|номер[а-яё]*|дом[а-яё]*|д\.|"
    r"корпус[а-яё]*|рейс[а-яё]*|глав[а-яё]+|гл\.|указ[а-яё]*|закон[а-яё]*|приказ[а-яё]*|"
    r"квартир[а-яё]*|кв\.|шоссе|трасс[а-яё]+|версии|версия)" + _SP + r"*(?:№" + _SP + r"*)?$",
    _I,
)
_GLUED_BEFORE = lazy(r"[а-яёa-z][-‑]?$", _I)
_PARTITIVE_AFTER = lazy(_SP + r"+из" + _SP + r"+(?:них|которых|их)(?![а-яё])", _I)
_PARTITIVE_BEFORE = lazy(r"из" + _SP + r"+(?:них|которых)" + _SP + r"+$", _I)
_CURRENCY = lazy(
    r"тенге|рубл[а-яё]*|руб\.?|доллар[а-яё]*|долл\.?|евро|юан[а-яё]*|сом[а-яё]*|\$|€|₸|₽", _I
)
_CURRENCY_BEFORE = lazy(r"[$€₸₽]" + _SP + r"?$")
# words after a number that are not what it counts
_NOT_NOUN = L.STOPWORDS | frozenset(
    (
        "года", "году", "год", "годах", "годы", "лет", "г", "гг", "тыс", "млн", "млрд", "трлн",
        "раз", "раза", "и", "или", "а", "но", "по", "с", "в", "на", "из", "к", "от", "до", "за",
    )
) | frozenset(L.MONTHS) | frozenset(L.DURATION_UNITS)
_MEASURE = frozenset(
    (
        "единиц", "единицы", "единица", "штук", "штуки", "тонн", "тонны", "тонна", "гектаров",
        "га", "километров", "км", "метров", "голов", "кубометров", "баррелей",
    )
)
_REFLEXIVE = lazy(r"(?:сь|ся)$")  # "тринадцать удалось спасти": a verb, not a noun
_VERB_END = lazy(r"(?:сь|ся|ли|ла|ло|ет|ит|ют|ут|ат|ят|ть|ешь|ишь|ем|ил|ал|ел)$")
_ADJ_END = lazy(r"(?:ых|их|ой|ого|ему|ому|ый|ий|ая|яя|ое|ее|ые|ие|ую|юю|ым|им)$")
_PHONE = lazy(
    r"(?:\+\d[\d\s()\-‑]{8,}\d|\(\d{3,5}\)" + _SP + r"?\d[\d\-‑]{4,}\d"
    r"|\b\d{1,4}(?:[-‑]\d{2,3}){2,}\b"
    r"|\b8" + _SP + r"?\(?\d{3}\)?" + _SP + r"?\d{3}[-‑ ]?\d{2}[-‑ ]?\d{2}\b"
    # a number the words before it name a phone number: "Телефон горячей линии для родственников
    # пострадавших: 0800 4417", "звонить по номеру горячей линии 1520", "по телефону 112"
    r"|(?:телефон\w*|номер\w*\s+(?:телефона\s+)?(?:горяч\w+\s+лини\w+|доверия)"
    r"|горяч\w+\s+лини\w+|тел\.|факс\w*)"
    r"(?:\s+(?:горяч\w+\s+лини\w+|доверия|для(?:\s+[а-яё]+){1,3}))*" + _SP + r"*[:–—-]?"
    + _SP + r"*\+?\d[\d ()\-‑]{0,18}\d(?![\w%,.]?\d))",
    _I,
)
_TIME = lazy(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}(?=" + _SP + r"*(?:час|мск|по\s+местн))", _I)
_URL = lazy(r"(?:https?://|www\.)\S+", _I)


_NOUN_WORD = lazy(_SP + r"*([\"«]?)([а-яёa-z][а-яёa-z\-]*)", _I)


def _noun_after(text: str, pos: int) -> tuple[str | None, int]:
    """The counted noun after ``pos`` as written ("бандитов", "единиц военной техники")."""
    words: list[re.Match[str]] = []
    p = pos
    for _ in range(3):
        m = _NOUN_WORD.match(text, p)
        if m is None:
            break
        words.append(m)
        p = m.end()
        nxt = text[p : p + 1]
        if nxt and nxt not in " \t\u00a0\u202f":
            break
    if not words:
        return None, pos
    first = words[0].group(2).lower()
    if first in _NOT_NOUN or first.replace("ё", "е") in _NOT_NOUN or _REFLEXIVE.search(first):
        return None, pos
    take = 1
    if first in _MEASURE:
        take = len(words)
    elif _ADJ_END.search(first) and len(words) > 1:
        take = 2
        if _ADJ_END.search(words[1].group(2).lower()) and len(words) > 2:
            take = 3
    for k in range(1, take):  # the noun phrase ends before a verb: "военнослужащих вернулись"
        w = words[k].group(2).lower()
        if w in _NOT_NOUN or _VERB_END.search(w):
            take = k
            break
    start = words[0].start(2)
    end = words[take - 1].end(2)
    return text[start:end], end


# ------------------------------------------------------------------------------------------
# Numbers
# ------------------------------------------------------------------------------------------


class _N:
    __slots__ = ("end", "start", "value", "words")

    def __init__(self, start: int, end: int, value: float, words: bool) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.words = words


def _scan_numbers(text: str, decimal_comma: bool) -> list[_N]:
    nums: list[_N] = []
    for m in _DIGITS.finditer(text):
        v = _parse_digits(m.group(), decimal_comma)
        if v is not None:
            nums.append(_N(m.start(), m.end(), v, False))
    for s, e, v, _ in _word_runs(text):
        nums.append(_N(s, e, v, True))
    nums.sort(key=lambda n: n.start)
    return nums


def _inside(spans: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


_RANGE_DASH = lazy(_SP + r"*(?:-|–|—|‒)" + _SP + r"*$")
_RANGE_GAP_DASH = lazy(_SP + r"*[-–—‒]" + _SP + r"*")
_RANGE_GAP_TO = lazy(_SP + r"+до" + _SP + r"+", _I)
_RANGE_FROM = lazy(r"(?:^|(?<=\s))от" + _SP + r"+$", _I)
_RANGE_TO = lazy(_SP + r"+до" + _SP + r"+$", _I)
_VAGUE_WORD = lazy(
    r"(?<![а-яё])(?P<sev>(?:нескольк(?:о|их|им|ими))" + _SP + r"+)?"
    r"(?P<w>десятк(?:и|ов|ам|ами|ах)|десяток|сотн(?:и|ю|я|е|ей|ям|ями|ях)|сотен|"
    r"тысяч(?:и|а|у|ей|ам|ами|ах|е)?|миллион(?:ы|ов|а|ам|ами|ах)?)"
    r"(?:" + _SP + r"+(?P<scale>тысяч|миллионов|миллиардов))?(?![а-яё])",
    _I,
)


# a number inside a compound adjective of measure: "трёхкилометровая зона", "пятиметровой
# волной", "двадцатитонный"
_MEASURE_NOUN = {
    "километров": "километров", "метров": "метров", "сантиметров": "сантиметров",
    "миллиметров": "миллиметров", "тонн": "тонн", "литров": "литров", "градусн": "градусов",
    "гектарн": "гектаров", "мильн": "миль",
}
_COMPOUND_NUMBERS = {
    **{"тринадцати": 13, "шестнадцати": 16, "семнадцати": 17, "восемнадцати": 18,
       "девятнадцати": 19, "пятидесяти": 50, "семидесяти": 70, "восьмидесяти": 80,
       "двухсот": 200, "трехсот": 300, "трёхсот": 300, "пятисот": 500},
    **{k: v for k, v in {
        "одно": 1, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5,
        "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11,
        "двенадцати": 12, "четырнадцати": 14, "пятнадцати": 15, "двадцати": 20,
        "тридцати": 30, "сорока": 40, "шестидесяти": 60, "девяноста": 90, "ста": 100,
        "полутора": 1.5,
    }.items()},
}
_P_COMPOUND = lazy(
    r"(?<![а-яё])(?P<n>" + "|".join(sorted(_COMPOUND_NUMBERS, key=len, reverse=True))
    + r")(?P<u>" + "|".join(sorted(_MEASURE_NOUN, key=len, reverse=True))
    + r")(?:ый|ая|ое|ые|ого|ой|ому|ым|ую|ых|ыми|ом)(?![а-яё])",
    _I,
)


def _compound_numbers(text: str, skip: Sequence[tuple[int, int]]) -> list[Value]:
    out: list[Value] = []
    for m in _P_COMPOUND.finditer(text):
        if _inside(skip, m.start(), m.end()):
            continue
        n = _num(_COMPOUND_NUMBERS[m.group("n").lower()])
        out.append(Value(
            "number", m.start(), m.end(), m.group(), n, "exact", None, n, n,
            noun=_MEASURE_NOUN[m.group("u").lower()], tags=("compound",),
        ))
    return out


def _read_numbers(
    text: str, exclude: Sequence[tuple[int, int]], conv: Conventions
) -> list[Value]:
    skip = list(exclude)
    skip += [m.span() for m in _PHONE.finditer(text)]
    skip += [m.span() for m in _TIME.finditer(text)]
    skip += [m.span() for m in _URL.finditer(text)]
    nums = [n for n in _scan_numbers(text, conv.decimal_comma) if not _inside(skip, n.start, n.end)]
    out: list[Value] = []
    used: list[tuple[int, int]] = []
    i = 0
    while i < len(nums):
        n = nums[i]
        i += 1
        if _inside(used, n.start, n.end):
            continue
        v = _expression(text, n, nums[i:], conv)
        if v is None:
            continue
        out.append(v)
        used.append((v.start, v.end))
    if "метров" in text or "тонн" in text or "литров" in text or "градусн" in text or (
        "гектарн" in text or "мильн" in text
    ):
        for cv in _compound_numbers(text, skip + used):
            out.append(cv)
            used.append((cv.start, cv.end))
    # vague quantities: "десятки тысяч", "сотни", "несколько тысяч", "тысячи людей"
    for m in _VAGUE_WORD.finditer(text):
        if _inside(used, m.start(), m.end()) or _inside(skip, m.start(), m.end()):
            continue
        vv = _vague(text, m)
        if vv is not None:
            out.append(vv)
            used.append((vv.start, vv.end))
    out.sort(key=lambda x: x.start)
    return out


def _scale(text: str, pos: int) -> tuple[float, int]:
    m = _SCALE_AFTER.match(text, pos)
    if not m:
        return 1.0, pos
    w = m.group("w").lower()
    if w in L.SCALE_ABBREVIATIONS:
        end = m.end()
        # the abbreviation's dot is also the sentence's: keep it out of the value
        return float(L.SCALE_ABBREVIATIONS[w]), end
    base = L.SCALES.get(w)
    if base is None:
        return 1.0, pos
    return float(base), m.end("w")


def _expression(text: str, n: _N, rest: Sequence[_N], conv: Conventions) -> Value | None:
    start, end, value = n.start, n.end, n.value
    tags: list[str] = []
    raw = text[n.start : n.end]
    before = text[max(0, start - 30) : start]
    # labels and glued identifiers: "статья 4", "№ 5", "Ил-76", "COVID-19"
    if not n.words and (_LABEL_BEFORE.search(before) or _GLUED_BEFORE.search(before)):
        tags.append("label")
    cm = _CURRENCY_BEFORE.search(before) if not n.words else None
    if cm is not None:
        tags.append("money")
        start = n.start - (len(before) - cm.start())
    after = text[end : end + 40]
    # ordinals and adjectives: "7-й", "7-го", "30-летие" (a digit string glued to an ending)
    if not n.words:
        if _ADJ_AFTER.match(after):
            return None  # "10-дневный" is a duration (temporal), "30-летие" an anniversary
        om = _ORDINAL_AFTER.match(after)
        if om and (after.startswith("-") or not after[:1].isspace()):
            return Value(
                "number", n.start, end + om.end(), text[n.start : end + om.end()], _num(value),
                low=_num(value), high=_num(value), tags=("ordinal",),
            )
    hm = _HALF_BEFORE_SCALE.match(text, end) if not n.words else None
    if hm is not None:  # "3 с половиной тысячи"
        value += 0.5
        end = hm.end()
    scale, send = _scale(text, end)
    value *= scale
    end = max(end, send)
    # a range: "от 3 до 4 млн", "300-400", "3–4 процента"
    high: float | None = None
    if rest:
        m2 = rest[0]
        gap = text[end : m2.start]
        from_before = _RANGE_FROM.search(before)
        dash = _RANGE_GAP_DASH.fullmatch(gap) and not n.words and not m2.words
        from_to = _RANGE_GAP_TO.fullmatch(gap) and from_before
        if dash or from_to:
            s2, e2 = _scale(text, m2.end)
            v2 = m2.value * s2
            v1 = value * s2 if scale == 1.0 and s2 != 1.0 else value
            if v2 > v1:
                value, high, end = v1, v2, max(m2.end, e2)
                if from_before is not None:
                    start = n.start - len(from_before.group())
    qual: Qualifier = "exact"
    qual_text: str | None = None
    incl = True
    if high is None:
        qb = _qualifier_before(text, start)
        if qb is not None:
            qual, incl, qual_text, start = qb
    # "двадцать с лишним тысяч": the qualifier inside
    qa = _QUAL_AFTER.match(text, end)
    if qa is not None and high is None:
        phrase = " ".join(qa.group("q").lower().split())
        q2, incl2 = L.QUALIFIERS_AFTER[phrase]
        if phrase == "с лишним":
            s3, e3 = _scale(text, qa.end())
            if s3 != 1.0:
                value *= s3
                qa_end = e3
            else:
                qa_end = qa.end()
        else:
            qa_end = qa.end()
        if qual == "exact":
            qual, incl, qual_text = q2, incl2, qa.group("q")
            end = qa_end
    after = text[end : end + 60]
    kind = "number"
    pm = _PERCENT_AFTER.match(after)
    if pm:
        kind = "percent"
        end += pm.end()
    noun: str | None = None
    if kind == "number":
        if _MULTIPLIER_AFTER.match(after):
            tags.append("multiplier")
            if _MULTIPLIER_BEFORE.search(text[max(0, start - 3) : start]):
                start -= 2
        elif _FRACTION_AFTER.match(after):
            tags.append("fraction")
        noun, _ = _noun_after(text, end)
        if noun is not None and _CURRENCY.fullmatch(noun.split()[0]):
            tags.append("money")
        head = text[max(0, start - 20) : start]
        if _PARTITIVE_AFTER.match(after) or _PARTITIVE_BEFORE.search(head):
            tags.append("partitive")
            if noun is None:
                noun = "из них"
        # a year: four digits, 1900-2099, no separators, nothing counted after it
        if (
            not n.words and high is None and noun is None and re.fullmatch(r"(?:19|20)\d\d", raw)
            and "label" not in tags
        ):
            return None
    if "label" in tags and scale != 1.0:
        tags.remove("label")
    low_v = _num(value)
    high_v = _num(high) if high is not None else low_v
    reading: Number | tuple[Number, Number] = (low_v, high_v) if high is not None else low_v
    lo: Number | None = low_v
    hi: Number | None = high_v
    lo_inc = hi_inc = True
    if qual == "at_least":
        hi = None
        lo_inc = incl
    elif qual == "at_most":
        lo = None
        hi_inc = incl
    t = text[start:end]
    return Value(
        kind, start, end, t, reading, qual, qual_text, lo, hi, lo_inc, hi_inc, noun,
        tags=tuple(tags),
    )


def _vague(text: str, m: re.Match[str]) -> Value | None:
    w = m.group("w").lower()
    base = None
    if w.startswith("десят"):
        base = 10
    elif w.startswith("сот"):
        base = 100
    elif w.startswith("тысяч"):
        base = 1000
    elif w.startswith("миллион"):
        base = 10**6
    if base is None:
        return None
    start = m.start()
    singular = w in ("тысяча", "тысячу", "тысячей", "тысяче", "миллион", "миллиона", "сотню",
                     "сотня", "десяток")
    qb = _qualifier_before(text, start)
    # "около тысячи человек": the genitive singular after a word that governs it is one
    if not m.group("sev") and (singular or (
        w in ("тысячи", "миллиона") and qb is not None and qb[2].lower() in _GEN_QUALS
    )):
        if m.group("scale"):
            return None
        value = float(base)
        qual: Qualifier = "exact"
        qtext = None
        incl = True
        if qb is not None:
            qual, incl, qtext, start = qb
        noun, _ = _noun_after(text, m.end())
        lo: Number | None = _num(value)
        hi: Number | None = _num(value)
        if qual == "at_least":
            hi = None
        elif qual == "at_most":
            lo = None
        return Value(
            "number", start, m.end(), text[start : m.end()], _num(value), qual, qtext, lo, hi,
            incl if qual == "at_least" else True, incl if qual == "at_most" else True, noun,
        )
    if m.group("scale"):
        base *= {"тысяч": 1000, "миллионов": 10**6, "миллиардов": 10**9}[m.group("scale").lower()]
    elif base == 1000 and w not in ("тысячи", "тысяч", "тысячами", "тысячам", "тысячах"):
        return None
    low, high = 2 * base, 10 * base
    noun, _ = _noun_after(text, m.end())
    qb = _qualifier_before(text, start)
    qtext = None
    if qb is not None and qb[0] == "approx":
        start, qtext = qb[3], qb[2]
    return Value(
        "number", start, m.end(), text[start : m.end()], (low, high), "approx", qtext, low, high,
        True, False, noun, vague=True, tags=("vague",),
    )


# ------------------------------------------------------------------------------------------
# Dates, date ranges, durations
# ------------------------------------------------------------------------------------------

# alternations factored into tries: Python's regex engine tries alternatives one by one
_MON = trie_pattern(sorted(L.MONTHS))
_ABBR_DOT = r"(?:\.(?=" + _SP + r"*\d))?"  # "7 янв. 2022"; never the sentence's own dot
_MONTH = rf"(?P<mon>{_MON}){_ABBR_DOT}(?![а-яё])"
_DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:-?(?:го|е|ое))?"
_ORD = trie_pattern(sorted(L.ORDINALS))
_YEAR_AFTER = (
    _SP + r"+(?P<y>(?:19|20)\d\d)(?:" + _SP + r"*(?:года|году|год|г\.|г(?![а-яё])))?"
)
_P_DMY = lazy(
    r"(?<![\d.])(?:" + _DAY + r"|(?:(?<![а-яё])(?P<tens>двадцать|тридцать)" + _SP + r"+)?(?P<od>"
    + _ORD + r"))" + _SP + r"+" + _MONTH
    + r"(?:" + _YEAR_AFTER + r")?",
    _I,
)
_P_NUMERIC = lazy(
    r"(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)"
    r"(?:" + _SP + r"*(?:года|г\.|г(?![а-яё])))?(?![\d])",
    _I,
)
_P_ISO = lazy(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])")
_P_RANGE_DAYS = lazy(  # "с 5 по 19 января", "с 5 до 19 января 2022 года", "5–19 января",
    # "7 и 8 апреля" (two days in a row)
    r"(?:(?P<pre>с|со|от)" + _SP + r"+)?(?P<d1>[12]\d|3[01]|0?[1-9])(?:-?го)?"
    r"(?:" + _SP + r"+(?P<mon1>" + _MON + r")" + _ABBR_DOT
    + r"(?:" + _SP + r"+(?P<y1>(?:19|20)\d\d)"
    r"(?:" + _SP + r"*(?:года|г\.|г(?![а-яё])))?)?)?"
    r"(?:" + _SP + r"*(?P<dash>[-–—])" + _SP + r"*|" + _SP + r"+(?P<to>по|до)" + _SP + r"+"
    r"|" + _SP + r"+(?P<and>и)" + _SP + r"+)"
    r"(?P<d2>[12]\d|3[01]|0?[1-9])(?:-?(?:го|е))?" + _SP + r"+(?P<mon2>" + _MON + r")"
    + _ABBR_DOT + r"(?![а-яё])"
    r"(?:" + _YEAR_AFTER.replace("?P<y>", "?P<y2>") + r")?",
    _I,
)
_P_RANGE_NUMERIC = lazy(  # "с 15.09. по 29.09.2025", "с 15.09.2025 по 29.09.2025", "3.03–7.03.2025"
    r"(?<![\d.,/])(?:(?P<pre>с|со|от)" + _SP + r"+)?(?P<d1>[0-3]?\d)\.(?P<m1>[01]?\d)"
    r"(?:\.(?P<y1>(?:19|20)\d\d))?(?P<dot1>\.)?(?:" + _SP + r"*(?:года|г\.))?"
    r"(?:" + _SP + r"*[-–—]" + _SP + r"*|" + _SP + r"+(?P<to>по|до)" + _SP + r"+)"
    r"(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)(?:\.(?P<y2>(?:19|20)\d\d))?"
    r"(?:" + _SP + r"*(?:года|г\.|г(?![а-яё])))?(?![\d%])",
    _I,
)
# numbers, not dates: "с 1.5 до 2.5 млн", "от 10.5 до 12.5 процента"
_NOT_DATE_AFTER = lazy(
    _SP + r"*(?:%|процент|млн|млрд|тыс|миллион|миллиард|тысяч|руб|доллар|евро|раз|балл|км|м\b)",
    _I,
)
_P_RANGE_TO_NOW = lazy(  # "с 22 июля до вчерашнего дня", "с 5 января по сегодняшний день"
    r"(?:с|со)" + _SP + r"+(?P<d>[12]\d|3[01]|0?[1-9])" + _SP + r"+(?P<mon>" + _MON + r")"
    + _ABBR_DOT + r"(?![а-яё])(?:" + _SP + r"+(?P<y>(?:19|20)\d\d)(?:" + _SP
    + r"*(?:года|г\.))?)?" + _SP + r"+(?:по|до)" + _SP
    + r"+(?P<e>(?:поза)?вчерашн(?:ий|его)" + _SP + r"+(?:день|дня)|сегодняшн(?:ий|его)" + _SP
    + r"+(?:день|дня)|(?:поза)?вчера|сегодня|настоящ(?:ее|его)" + _SP + r"+(?:время|времени))",
    _I,
)
_P_RANGE_YEARS = lazy(  # "в 2020-2021 годах", "с 2020 по 2022 год"
    r"(?:(?P<pre>с|от)" + _SP + r"+)?(?P<y1>(?:19|20)\d\d)(?:" + _SP + r"*(?:года|г\.))?"
    r"(?:" + _SP + r"*[-–—]" + _SP + r"*|" + _SP + r"+(?:по|до)" + _SP + r"+)"
    r"(?P<y2>(?:19|20)\d\d)(?:" + _SP + r"*(?:годах|годы|годов|годам|год|года|гг\.|г\.))?"
    r"(?![\d])",
    _I,
)
_P_RANGE_MONTHS = lazy(  # "с января по март 2022 года"
    r"(?:с|со|от)" + _SP + r"+(?P<mon1>" + _MON + r")(?![а-яё])" + _SP + r"+(?:по|до)" + _SP + r"+"
    r"(?P<mon2>" + _MON + r")(?![а-яё])(?:" + _YEAR_AFTER + r")?",
    _I,
)
_P_MONTH_YEAR = lazy(
    r"(?<![\d])(?:(?P<pre>в)" + _SP + r"+)?(?P<mon>" + _MON + r")(?![а-яё])" + _YEAR_AFTER, _I
)
_P_MONTH = lazy(r"(?:^|(?<=\s))(?P<pre>в)" + _SP + r"+(?P<mon>" + _MON + r")(?![а-яё])", _I)
# "в начале марта", "в середине мая 2024 года", "во второй половине сентября": a part of a month
# is that month ("к концу марта", "с начала марта" are bounds, left alone)
_P_MONTH_PART = lazy(
    r"(?<![а-яё])(?P<pre>в" + _SP + r"+(?:начале|середине|конце|первой" + _SP + r"+половине|второй"
    + _SP + r"+половине)|во" + _SP + r"+второй" + _SP + r"+половине)" + _SP + r"+(?P<mon>" + _MON
    + r")(?![а-яё])(?:" + _YEAR_AFTER + r")?",
    _I,
)
_P_YEAR = lazy(
    r"(?<![\d.,])(?P<y>(?:19|20)\d\d)" + _SP + r"*(?:года|году|год|г\.|г(?![а-яё]))", _I
)
_P_DAYWORD = lazy(
    r"(?<![а-яё])(?P<w>позавчера|вчера|сегодня|завтра|послезавтра)(?![а-яё])", _I
)
# the day as an adjective of what happened on it: "причина вчерашнего отключения", "на
# сегодняшнем заседании", "завтрашний матч", "вчерашним вечером" (not "на сегодняшний день", "на
# сегодняшний момент": "as things stand"; nor "вчерашние школьники": fresh school-leavers; "с 5
# сентября до вчерашнего дня" is a period, read by _P_RANGE_TO_NOW, which starts earlier)
_P_DAYADJ = lazy(
    r"(?<![а-яё])(?P<w>(?:поза|после)?(?:вчера|завтра)шн|сегодняшн)(?:ий|его|ему|им|ем|яя|ей|юю"
    r"|ее|ое|ая|ую|ие|их|ими)(?![а-яё])(?!" + _SP + r"+(?:школьник|выпускник|студент))"
    r"(?P<now>" + _SP + r"+(?:день|дня|дню|числ[оау]|момент|время|времени)(?![а-яё]))?",
    _I,
)
_DAYADJ_OFFSET = {"позавчерашн": -2, "вчерашн": -1, "сегодняшн": 0, "завтрашн": 1,
                  "послезавтрашн": 2}
_NUMW = trie_pattern(sorted(L.NUMBER_WORD_VALUES))
_UNIT = trie_pattern(sorted(L.DURATION_UNITS))
_AMOUNT = (
    r"(?P<n>\d+(?:[.,]\d+)?|(?:(?:" + _NUMW + r")(?:" + _SP + r"+(?:" + _NUMW + r"))*))"
)
_P_IN = lazy(  # "через два дня", "через неделю"
    r"(?<![а-яё])(?P<pre>через|спустя)" + _SP + r"+(?:" + _AMOUNT + _SP + r"+)?(?P<u>" + _UNIT
    + r")(?![а-яё])",
    _I,
)
_P_NEXT_DAY = lazy(
    r"(?<![а-яё])на" + _SP + r"+(?:следующий|другой)" + _SP + r"+день(?![а-яё])", _I
)
_AFTER_EVENT = lazy(_SP + r"+(?:после|спустя)(?![а-яё])", _I)
_P_AGO = lazy(  # "две недели назад", "Ровно неделю назад", "почти месяц назад"
    r"(?<![а-яё\d])(?:(?P<q>ровно|почти|примерно|около|приблизительно|уже)" + _SP + r"+)?(?:"
    + _AMOUNT + _SP + r"+)?(?P<u>" + _UNIT + r")" + _SP + r"+(?:назад|тому"
    + _SP + r"+назад)(?![а-яё])",
    _I,
)
_P_WEEKDAY = lazy(
    r"(?<![а-яё])(?P<pre>во?|на|в\s+эт[оуи]т?|в\s+(?:прошл|минувш)(?:ый|ий|ую|ое|ее)|"
    r"в\s+следующ(?:ий|ую|ее)|в\s+ближайш(?:ий|ую|ее)|"
    # "в ночь на понедельник", "в ночь с воскресенья на понедельник": the night before that day
    r"в\s+ночь\s+(?:со?\s+[а-яё]+\s+)?на)" + _SP + r"+(?P<wd>"
    + trie_pattern(sorted(L.WEEKDAYS)) + r")(?![а-яё])",
    _I,
)
_LASTING_BEFORE = lazy(
    r"(?<![а-яё])(?:длил[аио]?с[ья]|длится|длятся|продолжал[аио]?с[ья]|продлил[аио]?с[ья]|продлится"
    r"|шл[аио]|ш[её]л|занял[аио]?|займ[её]т|идут|ид[её]т|провел[аи]?|пробыл[аи]?)" + _SP + r"+$",
    _I,
)
_P_EVE = lazy(r"(?<![а-яё])накануне(?![а-яё])", _I)
_EVE_NEXT = frozenset(
    ["вечером", "утром", "днем", "днём", "ночью", "в", "во", "на", "у", "по", "было", "был",
     "была", "были", "стало"]
)
# "с понедельника по пятницу", "со вторника до четверга": a period of weekdays
_P_RANGE_WEEKDAYS = lazy(
    r"(?<![а-яё])(?:с|со)" + _SP + r"+(?P<wd1>" + trie_pattern(sorted(L.WEEKDAYS)) + r")" + _SP
    + r"+(?:по|до)" + _SP + r"+(?P<wd2>" + trie_pattern(sorted(L.WEEKDAYS)) + r")(?![а-яё])",
    _I,
)
_P_DUR = lazy(
    r"(?<![а-яё\d.,])(?:" + _AMOUNT + r"(?P<hp>" + _SP + r"+с" + _SP + r"+половиной)?"
    # "десять учебных дней", "12 рабочих дней", "60 календарных дней": days of a kind are days
    r"(?:" + _SP + r"+(?:рабоч|учебн|календарн|торгов|банковск|школьн)[а-яё]{1,3}(?=" + _SP
    + r"+(?:дн|сут)))?(?:" + _SP
    + r"*(?:-|–|—|до)" + _SP + r"*(?P<n2>\d+"
    r"(?:[.,]\d+)?|" + _NUMW + r"))?" + _SP + r"+|(?P<half>полтора|полторы|полутора)" + _SP
    + r"+)?(?P<u>" + _UNIT + r")(?![а-яё])",
    _I,
)
_P_DUR_ADJ = lazy(r"(?<![\d])(?P<n>\d+)-?(?P<u>дневн|недельн|месячн)[а-яё]*", _I)
# "двухнедельная забастовка", "пятидневный срок", "трёхмесячный", "полуторамесячный"
_ADJ_NUMBERS = {
    "одно": 1, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5,
    "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11,
    "двенадцати": 12, "четырнадцати": 14, "пятнадцати": 15, "двадцати": 20, "тридцати": 30,
    "сорока": 40, "шестидесяти": 60, "девяноста": 90, "ста": 100, "полутора": 1.5,
}
_P_DUR_ADJ_WORD = lazy(
    r"(?<![а-яё])(?P<n>" + "|".join(sorted(_ADJ_NUMBERS, key=len, reverse=True))
    + r")(?P<u>дневн|недельн|месячн)(?:ый|ая|ое|ые|ого|ой|ому|ым|ую|ых|ыми|ом)(?![а-яё])",
    _I,
)
# an ordinal day counted from an event: "на десятый день после голосования", "на 3-й день после
# взрыва" (that many days after it); "двенадцатые сутки", "на пятые сутки" (the Nth day of it);
# not "на третий день забастовки" told as a date, nor "второй день" alone
_ORD_STEM = trie_pattern(sorted({k[:-3] for k in L.ORDINALS if k.endswith("ого")}))
_ORD_STEMS = {k[:-3]: v for k, v in L.ORDINALS.items() if k.endswith("ого")}
_P_ORD_DAY = lazy(
    r"(?<![а-яё\d])(?:на|в)" + _SP + r"+(?:(?P<st>" + _ORD_STEM + r")(?:ый|ой|ий)|(?P<d>\d{1,3})"
    r"-?(?:й|ый|ой|ий)?)" + _SP + r"+(?P<u>день)" + _SP + r"+(?:после|с" + _SP + r"+момента|со"
    + _SP + r"+дня)(?![а-яё])",
    _I,
)
_P_ORD_DAYS = lazy(
    r"(?<![а-яё\d])(?:(?P<st>" + _ORD_STEM + r")(?:ые|ие|ьи)|(?P<d>\d{1,3})-?е)" + _SP
    + r"+сутки(?![а-яё])",
    _I,
)
# an age, not a duration: "(пенсионный) возраст (с 65 лет) до 68 лет", "в возрасте 45 лет",
# "старше 18 лет", "моложе 30 лет"
_AGE_BEFORE = lazy(
    r"(?:возраст[а-яё]*|старше|моложе|младше)(?:" + _SP + r"+[а-яё]+){0,3}(?:" + _SP
    + r"+(?:с|от)" + _SP + r"+(?:[а-яё]+" + _SP + r"+)?\d+" + _SP + r"+(?:лет|года?))?"
    + _SP + r"+(?:до|с|от|в|на)?" + _SP + r"*$",
    _I,
)
_P_HALF_YEAR = lazy(r"(?<![а-яё])(?P<u>полгода|полугода|полугоду|полмесяца)(?![а-яё])", _I)
_DUR_QUAL = lazy(
    r"(?P<q>в" + _SP + r"+течение|на" + _SP + r"+протяжении|в" + _SP + r"+пределах|за)" + _SP
    + r"+$",
    _I,
)
_PAST_VERB = lazy(
    r"(?<![а-яё])(?:[а-яё]{2,}(?:ла|ло|ли|лся|лась|лось|лись|ил|ел|ёл|ал)|шл[аио]|ш[её]л)(?![а-яё])",
    _I,
)


def _amount(s: str | None, decimal_comma: bool = True) -> float | None:
    if s is None or not s.strip():
        return None
    s = s.strip().lower()
    if s[0].isdigit():
        return _parse_digits(s, True)
    runs = _word_runs(s)
    if len(runs) == 1 and runs[0][0] == 0 and runs[0][1] == len(s):
        return runs[0][2]
    return None


_CLAUSE_BREAK = lazy(r",?" + _SP + r"*(?<![а-яё])(?:что|чтобы)(?![а-яё])|:", _I)


def _tense(text: str, start: int, end: int) -> str | None:
    """'future', 'past' or None from the clause around a date (the tense cues of lang.ru)."""
    a = max(text.rfind(".", 0, start), text.rfind(";", 0, start)) + 1
    b = len(text)
    for ch in ".;":
        k = text.find(ch, end)
        if k >= 0:
            b = min(b, k)
    # a subordinate clause ("объявила, что 7 апреля пройдут забастовки") or one after a colon
    # has its own tense: the date's clause starts after the last such break before it and ends
    # at the first after it
    for m in _CLAUSE_BREAK.finditer(text, a, start):
        a = m.end()
    m = _CLAUSE_BREAK.search(text, end, b)
    if m is not None:
        b = m.start()
    # the part between commas that holds the date has its own verb more often than not:
    # "Соглашение подписано 1 ноября, отвод войск начнётся через две недели", "Парламент 5
    # ноября принял закон, который вступит в силу 1 января"; with no verb there ("В понедельник,
    # 11 ноября, горняки объявили забастовку"), the clause decides
    sa = text.rfind(",", a, start) + 1 or a
    sb = text.find(",", end, b)
    own = _nearest_tense(text, sa, b if sb < 0 else sb, start, end)
    return own if own is not None else _clause_tense(text, a, b)


def _nearest_tense(text: str, a: int, b: int, start: int, end: int) -> str | None:
    """The tense of the verb nearest the date in ``text[a:b]`` ("Перемирие вступило в силу 2
    ноября и истечёт 20 ноября": past for the first date, future for the second); short
    participles count as past ("подписано 1 ноября")."""
    marks: list[tuple[int, str]] = []
    prev = ""
    for m in re.finditer(r"(?<![А-ЯЁа-яё])[а-яё]+", text[a:b]):
        w, pos = m.group(), a + m.start()
        if start <= pos < end:
            prev = w
            continue  # the date's own words ("через три недели")
        if w in L.FUTURE_CUES or L.is_future(w):
            marks.append((pos, "future"))
        elif L.is_past(w) if L.HAS_LEMMATIZER else _PAST_VERB.fullmatch(w):
            # "будет завершён": the auxiliary's tense
            marks.append((pos, "future" if prev in L.FUTURE_CUES else "past"))
        prev = w
    before = [mk for mk in marks if mk[0] < start]
    if before:  # the nearest before the date, else the first after it (as in English)
        return before[-1][1]
    return marks[0][1] if marks else None


def _clause_tense(text: str, a: int, b: int, participles: bool = False) -> str | None:
    clause = text[a:b].lower()
    words = set(re.findall(r"[а-яё]+", clause))
    if words & L.FUTURE_CUES:
        return "future"
    # any verb in the future ("пройдут", "рассмотрит"); a capitalized word is a name
    lower_words = re.findall(r"(?<![А-ЯЁа-яё])[а-яё]+", text[a:b])
    if any(L.is_future(w) for w in lower_words):
        return "future"
    if _PAST_VERB.search(clause):
        return "past"
    if participles and any(L.is_past(w) for w in lower_words):
        return "past"  # "подписано", "введён" (a short participle: what was done)
    return None


def _resolve_md(m: int, d: int, ref: dt.date | None, tense: str | None) -> PartialDate | None:
    if ref is None:
        return None
    options = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(dt.date(y, m, d))
        except ValueError:
            continue
    if not options:
        return None
    if tense == "future":
        fut = [o for o in options if o >= ref]
        best = min(fut) if fut else max(options)
    elif tense == "past":
        past = [o for o in options if o <= ref]
        fut = [o for o in options if o >= ref]
        best = max(past) if past else min(options)
        if fut and near_future(min(fut), best if past else None, ref):
            best = min(fut)  # "с 16 по 18 октября объявлен траур", written on 15 October
    else:
        best = min(options, key=lambda o: abs((o - ref).days))
    return PartialDate.from_date(best)


def _month(s: str) -> int:
    return L.MONTHS[s.lower().replace("ё", "е").rstrip(".")] if s.lower().rstrip(".") in L.MONTHS \
        else L.MONTHS[s.lower().rstrip(".")]


class _T:
    """The temporal values found so far, leftmost-longest."""

    def __init__(self, text: str, ref: dt.date | None, conv: Conventions) -> None:
        self.text = text
        self.ref = ref
        self.conv = conv
        self.cands: list[tuple[int, int, int, Value | None]] = []  # start, end, prio, value
        # "спустя два дня", "на следующий день" told in the past: (start, end, days) counted
        # from the last day the text named before (read_russian resolves them)
        self.later: list[tuple[int, int, float]] = []

    def add(self, s: int, e: int, v: Value | None, prio: int = 0) -> None:
        self.cands.append((s, e, prio, v))

    def date(
        self, s: int, e: int, pd: PartialDate | None, relative: bool = False,
        tags: tuple[str, ...] = (), prio: int = 0,
    ) -> None:
        if pd is None:
            self.add(s, e, None, prio)
            return
        qual: Qualifier = "exact"
        qtext = None
        lo: PartialDate | None = pd
        hi: PartialDate | None = pd
        lo_inc = True
        head = self.text[max(0, s - 30) : s]
        qm = re.search(
            r"(?<![а-яё])(?P<q>до|не" + _SP + r"+позднее|не" + _SP + r"+позже|к|после|не" + _SP
            + r"+ранее|начиная" + _SP + r"+с|около|примерно)" + _SP + r"+$",
            head, _I,
        )
        if qm:
            q = " ".join(qm.group("q").lower().split())
            if q in ("до", "не позднее", "не позже", "к"):
                qual, lo = "at_most", None
            elif q in ("после",):
                qual, hi, lo_inc = "at_least", None, False
            elif q in ("не ранее",):
                qual, hi = "at_least", None
            elif q in ("около", "примерно"):
                qual = "approx"
            if q != "начиная с":
                qtext = qm.group("q")
            s = s - len(head) + qm.start("q")
        ref = self.ref if relative else None
        self.add(s, e, Value(
            "date", s, e, self.text[s:e], pd, qual, qtext, lo, hi, lo_inc, True,
            relative=relative, reference_date=ref, tags=tags,
        ), prio)

    def range(
        self, s: int, e: int, a: PartialDate | None, b: PartialDate | None, relative: bool,
        prio: int = 1,
    ) -> None:
        if a is None or b is None or b < a:
            self.add(s, e, None, prio)
            return
        self.add(s, e, Value(
            "date_range", s, e, self.text[s:e], (a, b), "exact", None, a, b,
            relative=relative, reference_date=self.ref if relative else None,
        ), prio)

    def duration(
        self, s: int, e: int, low: float, high: float | None, prio: int = 0,
    ) -> None:
        qual: Qualifier = "exact"
        qtext = None
        head = self.text[max(0, s - 40) : s]
        lo: Number | None = _num(low)
        hi: Number | None = _num(high if high is not None else low)
        lo_inc = hi_inc = True
        dq = _DUR_QUAL.search(head)
        qb = _qualifier_before(self.text, s)
        fm = _RANGE_FROM.search(head) if high is not None else None
        if fm is not None:
            s -= len(fm.group())
        if qb is not None and high is None:
            qual, incl, qtext, s = qb
            if qual == "at_least":
                hi, lo_inc = None, incl
            elif qual == "at_most":
                lo, hi_inc = None, incl
        elif dq is not None and high is None:
            q = " ".join(dq.group("q").lower().split())
            # a deadline ("завершить в течение 10 дней", "за 10 дней") is the most it takes;
            # told in the past, "в течение" is how long it went on ("В течение пяти дней люди
            # жили у родственников")
            past = q == "в течение" and _tense(self.text, s, e) == "past"
            if q in ("в пределах", "за", "в течение") and not past:
                qual, lo = "at_most", None
            qtext = dq.group("q")
            s = s - len(head) + dq.start("q")
            # "в течение не более 10 дней"
        reading: Number | tuple[Number, Number] = (
            (_num(low), _num(high)) if high is not None else _num(low)
        )
        self.add(s, e, Value(
            "duration", s, e, self.text[s:e], reading, qual, qtext, lo, hi, lo_inc, hi_inc,
        ), prio)


_MONTH_WORDS = frozenset(k.rstrip(".") for k in L.MONTHS)
_UNIT_WORDS = frozenset(L.DURATION_UNITS) | {"полгода", "полугода", "полугоду", "полмесяца"}


def _next_day(m1: int, d1: int, m2: int, d2: int) -> bool:
    """Whether day (m2, d2) follows day (m1, d1) (in a leap year: "28 и 29 февраля")."""
    try:
        return dt.date(2000, m1, d1) + dt.timedelta(days=1) == dt.date(2000, m2, d2) or (
            (m1, d1, m2, d2) == (12, 31, 1, 1)
        )
    except ValueError:
        return False


def _scan_temporal(text: str, ref: dt.date | None, conv: Conventions) -> _T:
    t = _T(text, ref, conv)
    # which grammars can match at all: each scan below is skipped unless its key words are here
    words = set(_WORD.findall(text.lower()))
    has_month = not words.isdisjoint(_MONTH_WORDS)
    has_unit = not words.isdisjoint(_UNIT_WORDS) or "дневн" in text or "недельн" in text or (
        "месячн" in text
    )
    has_digit = any(ch.isdigit() for ch in text)
    # ranges first (they hold dates)
    for m in _P_RANGE_DAYS.finditer(text) if has_month and has_digit else ():
        if m.group("dash") and not m.group("pre") and m.group("mon1"):
            pass
        if m.group("to") and not m.group("pre"):
            continue  # "5 до 19 января" without "с": "до" belongs to the second date
        m2 = _month(m.group("mon2"))
        m1 = _month(m.group("mon1")) if m.group("mon1") else m2
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        # "7 и 8 апреля": two days; a period when they follow each other ("31 мая и 1 июня"),
        # else two dates ("5 и 12 мая": the first takes the second's month)
        if m.group("and") and (m.group("pre") or not _next_day(m1, d1, m2, d2)):
            if not m.group("pre") and not m.group("mon1"):
                tense = _tense(text, m.start(), m.end())
                try:
                    dt.date(2000, m1, d1)
                except ValueError:
                    continue
                t.date(m.start("d1"), m.end("d1"), _resolve_md(m1, d1, ref, tense),
                       relative=True, tags=("yearless", tense or "nearest"), prio=2)
            continue
        y2 = int(m.group("y2")) if m.group("y2") else None
        y1 = int(m.group("y1")) if m.group("y1") else None
        relative = y2 is None and y1 is None
        if y2 is None:
            # A past-tense period is placed by its start ("ввёл режим с 5 по 19 января", said on
            # the 13th, began on the 5th this January and may still run); any other by its end.
            tense = _tense(text, m.start(), m.end())
            if tense == "past" and y1 is None:
                r1 = _resolve_md(m1, d1, ref, tense)
                if r1 is not None:
                    y1 = r1.year
                    y2 = y1 if (m1, d1) <= (m2, d2) else y1 + 1
            if y2 is None:
                r = _resolve_md(m2, d2, ref, tense)
                y2 = r.year if r else None
        if y2 is None:
            t.add(m.start(), m.end(), None, 2)
            continue
        if y1 is None:
            y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
        try:
            a = PartialDate(y1, m1, d1)
            b = PartialDate(y2, m2, d2)
            a.first()
            b.first()
        except ValueError:
            continue
        t.range(m.start(), m.end(), a, b, relative, prio=3)
    for m in _P_RANGE_NUMERIC.finditer(text) if "." in text and has_digit else ():
        if m.group("to") and not m.group("pre"):
            continue  # "5.03 до 7.03": "до" belongs to the second date
        d1, m1, d2, m2 = (int(m.group(g)) for g in ("d1", "m1", "d2", "m2"))
        y1 = int(m.group("y1")) if m.group("y1") else None
        y2 = int(m.group("y2")) if m.group("y2") else None
        dated = y1 is not None or y2 is not None or m.group("dot1")
        two_digit = len(m.group("m1")) == 2 and len(m.group("m2")) == 2
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or not (dated or two_digit) or (
            _NOT_DATE_AFTER.match(text, m.end())
        ):
            continue
        relative = y1 is None and y2 is None
        if y2 is None and y1 is not None:
            y2 = y1 if (m1, d1) <= (m2, d2) else y1 + 1
        if y2 is None:
            tense = _tense(text, m.start(), m.end())
            r = _resolve_md(m2, d2, ref, tense)
            if r is None:
                t.add(m.start(), m.end(), None, 3)
                continue
            y2 = r.year
        if y1 is None:
            y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
        try:
            a, b = PartialDate(y1, m1, d1), PartialDate(y2, m2, d2)
            a.first()
            b.first()
        except ValueError:
            continue
        t.range(m.start(), m.end(), a, b, relative, prio=3)
    for m in _P_RANGE_TO_NOW.finditer(text) if has_month and has_digit else ():
        if ref is None:
            t.add(m.start(), m.end(), None, 3)
            continue
        e_word = m.group("e").lower()
        end = ref - dt.timedelta(days=2 if e_word.startswith("поза") else 1 if
                                 e_word.startswith("вчер") else 0)
        mon = _month(m.group("mon"))
        y = m.group("y")
        r = PartialDate(int(y), mon, int(m.group("d"))) if y else _resolve_md(
            mon, int(m.group("d")), ref, "past"
        )
        if r is None:
            continue
        t.range(m.start(), m.end(), r, PartialDate.from_date(end), True, prio=3)
    for m in _P_RANGE_YEARS.finditer(text) if has_digit else ():
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        whole = m.group()
        if y2 <= y1 or not (re.search(r"год|гг|г\.", whole, _I) or m.group("pre")):
            continue
        t.range(m.start(), m.end(), PartialDate(y1), PartialDate(y2), False, prio=2)
    for m in _P_RANGE_MONTHS.finditer(text) if has_month else ():
        m1, m2 = _month(m.group("mon1")), _month(m.group("mon2"))
        if m.group("y"):
            y2 = int(m.group("y"))
        elif ref is not None:
            y2 = ref.year
        else:
            t.add(m.start(), m.end(), None, 2)
            continue
        y1 = y2 if m1 <= m2 else y2 - 1
        t.range(m.start(), m.end(), PartialDate(y1, m1), PartialDate(y2, m2),
                m.group("y") is None, prio=2)
    for m in _P_DMY.finditer(text) if has_month else ():
        d = int(m.group("d")) if m.group("d") else L.ORDINALS[m.group("od").lower()]
        if m.group("tens"):
            # "двадцать третьего февраля", "тридцать первого декабря": a day in words
            d += 20 if m.group("tens").lower() == "двадцать" else 30
            if d > 31 or L.ORDINALS[m.group("od").lower()] > 9:
                continue
        mon = _month(m.group("mon"))
        mon_text = m.group("mon").lower().rstrip(".")
        if mon_text in L.MONTH_ABBREVIATIONS and not m.group("mon").endswith(".") and \
                mon_text not in ("март", "мая"):
            pass
        if m.group("y"):
            try:
                pd = PartialDate(int(m.group("y")), mon, d)
                pd.first()
            except ValueError:
                continue
            t.date(m.start(), m.end(), pd, prio=2)
        else:
            try:
                dt.date(2000, mon, d)
            except ValueError:
                continue
            tense = _tense(text, m.start(), m.end())
            t.date(m.start(), m.end(), _resolve_md(mon, d, ref, tense), relative=True,
                   tags=("yearless", tense or "nearest"), prio=2)
    for m in _P_NUMERIC.finditer(text) if has_digit else ():
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        year = int(y) if len(y) == 4 else 2000 + int(y)
        day_first = conv.day_first or m.group("sep") == "." or a > 12
        if b > 12 and a <= 12:
            day_first = False
        d, mo = (a, b) if day_first else (b, a)
        try:
            pd = PartialDate(year, mo, d)
            pd.first()
        except ValueError:
            continue
        t.date(m.start(), m.end(), pd, prio=2)
    for m in _P_ISO.finditer(text) if has_digit else ():
        try:
            pd = PartialDate(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            pd.first()
        except ValueError:
            continue
        t.date(m.start(), m.end(), pd, prio=2)
    for m in _P_MONTH_YEAR.finditer(text) if has_month and has_digit else ():
        s = m.start("mon") if m.group("pre") else m.start()
        t.date(s, m.end(), PartialDate(int(m.group("y")), _month(m.group("mon"))), prio=1)
    for m in _P_MONTH.finditer(text) if has_month else ():
        mon = _month(m.group("mon"))
        if ref is None:
            t.add(m.start("mon"), m.end(), None)
            continue
        tense = _tense(text, m.start(), m.end())
        r = _resolve_md(mon, 1, ref.replace(day=1), tense)
        pd = PartialDate(r.year, mon) if r else None
        t.date(m.start("mon"), m.end(), pd, relative=True, tags=("yearless", tense or "nearest"))
    for m in _P_MONTH_PART.finditer(text) if has_month else ():
        mon = _month(m.group("mon"))
        if m.group("y"):
            t.date(m.start(), m.end(), PartialDate(int(m.group("y")), mon), prio=2)
            continue
        if ref is None:
            t.add(m.start(), m.end(), None, 2)
            continue
        tense = _tense(text, m.start(), m.end())
        r = _resolve_md(mon, 1, ref.replace(day=1), tense)
        t.date(m.start(), m.end(), PartialDate(r.year, mon) if r else None, relative=True,
               tags=("yearless", tense or "nearest"), prio=2)
    for m in _P_YEAR.finditer(text) if has_digit else ():
        t.date(m.start(), m.end(), PartialDate(int(m.group("y"))), tags=("year",))
    for m in _P_DAYWORD.finditer(text) if not words.isdisjoint(L.DAY_WORDS) else ():
        off = L.DAY_WORDS[m.group("w").lower()]
        pd = PartialDate.from_date(ref + dt.timedelta(days=off)) if ref else None
        t.date(m.start(), m.end(), pd, relative=True)
    for m in _P_DAYADJ.finditer(text) if "шн" in text else ():
        if m.group("now") and m.group("w").lower() == "сегодняшн":
            continue  # "на сегодняшний день", "до сегодняшнего дня": as things stand
        off = _DAYADJ_OFFSET[m.group("w").lower()]
        pd = PartialDate.from_date(ref + dt.timedelta(days=off)) if ref else None
        t.date(m.start(), m.end(), pd, relative=True)
    for m in _P_IN.finditer(text) if "через" in words or "спустя" in words else ():
        n = _amount(m.group("n")) if m.group("n") else 1.0
        days = L.DURATION_UNITS[m.group("u").lower()]
        if n is None:
            continue
        if _AFTER_EVENT.match(text, m.end()):
            # "через четыре дня после голосования": a length of time after an event, not a
            # date counted from the day of the report
            t.duration(m.start("n") if m.group("n") else m.start("u"), m.end(), n * days, None,
                       prio=3)
            continue
        if _tense(text, m.start(), m.end()) == "past":
            # "Спустя два дня министры одобрили запрос": two days after a day told before, not
            # after the report's; and how long it took ("свет вернули лишь через трое суток":
            # three days, as "three days later" is)
            t.duration(m.start(), m.end(), n * days, None, prio=3)
            s0 = t.cands[-1][0]
            t.later.append((s0, m.end(), n * days))
            continue
        pd = None
        if ref is not None:
            pd = _shift(ref, n, days, +1)
        t.date(m.start(), m.end(), pd, relative=True, prio=3)
    for m in _P_NEXT_DAY.finditer(text) if "следующ" in text or "другой" in words else ():
        if _tense(text, m.start(), m.end()) == "past":
            t.add(m.start(), m.end(), None, 3)
            t.later.append((m.start(), m.end(), 1.0))
    for m in _P_AGO.finditer(text) if "назад" in words else ():
        n = _amount(m.group("n")) if m.group("n") else 1.0
        days = L.DURATION_UNITS[m.group("u").lower()]
        if n is None:
            continue
        pd = _shift(ref, n, days, -1) if ref is not None else None
        t.date(m.start(), m.end(), pd, relative=True, tags=("ago",), prio=3)
        q = (m.group("q") or "").lower()
        last = t.cands[-1][3]
        if q in ("почти", "примерно", "около", "приблизительно") and last is not None:
            t.cands[-1] = (*t.cands[-1][:3], replace(
                last, qualifier="approx", qualifier_text=m.group("q")
            ))
    for m in _P_WEEKDAY.finditer(text) if not words.isdisjoint(L.WEEKDAYS) else ():
        wd = L.WEEKDAYS[m.group("wd").lower()]
        pre = " ".join(m.group("pre").lower().split())
        if ref is None:
            t.add(m.start(), m.end(), None)
            continue
        ahead = (wd - ref.weekday()) % 7
        behind = (ref.weekday() - wd) % 7
        if pre.startswith(("в прошл", "в минувш")):
            day, tag = ref - dt.timedelta(days=behind or 7), "past"
        elif pre.startswith(("в следующ", "в ближайш")):
            day, tag = ref + dt.timedelta(days=ahead or 7), "future"
        elif pre == "на":  # "назначено на воскресенье", "перенесли на понедельник": a day ahead
            day, tag = ref + dt.timedelta(days=ahead), "future"
        else:
            tense = _tense(text, m.start(), m.end())
            if tense == "past":
                day, tag = ref - dt.timedelta(days=behind), "past"
            elif tense == "future":
                day, tag = ref + dt.timedelta(days=ahead), "future"
            else:
                day = ref + dt.timedelta(days=ahead) if ahead <= behind else \
                    ref - dt.timedelta(days=behind)
                tag = "nearest"
        s = m.start("wd") if pre in ("в", "во", "на") else m.start()
        t.date(s, m.end(), PartialDate.from_date(day), relative=True, tags=("weekday", tag),
               prio=2 if pre.startswith("в ночь") else 1)
    for m in _P_RANGE_WEEKDAYS.finditer(text) if not words.isdisjoint(L.WEEKDAYS) else ():
        wd1, wd2 = L.WEEKDAYS[m.group("wd1").lower()], L.WEEKDAYS[m.group("wd2").lower()]
        span = (wd2 - wd1) % 7
        if ref is None or span == 0:
            t.add(m.start(), m.end(), None, 3)
            continue
        tense = _tense(text, m.start(), m.end())
        if tense == "future":  # the next such period
            first = ref + dt.timedelta(days=(wd1 - ref.weekday()) % 7)
        elif tense == "past":  # the last one over by the reference day
            first = ref - dt.timedelta(days=(ref.weekday() - wd2) % 7) - dt.timedelta(days=span)
        else:  # the one under way or last begun
            first = ref - dt.timedelta(days=(ref.weekday() - wd1) % 7)
        t.range(m.start(), m.end(), PartialDate.from_date(first),
                PartialDate.from_date(first + dt.timedelta(days=span)), True, prio=3)
    for m in _P_EVE.finditer(text) if "накануне" in words else ():
        nxt = text[m.end() : m.end() + 24]
        wm = _WORD.match(nxt.lstrip(" \t\u00a0")) if nxt[:1].isspace() else None
        w = wm.group() if wm else ""
        # "накануне выборов" (on the eve of): a noun follows; "накануне заявил", "накануне
        # вечером", "накануне в Москве", "Накануне Иванов сообщил", "..., накануне.": the day
        # before the report's
        genitive = L.is_genitive(w) if w else False
        if genitive is None:  # without pymorphy3: a verb, a time of day or a preposition
            genitive = not (w.lower() in _EVE_NEXT or _VERB_END.search(w.lower()))
        if genitive:
            continue
        pd = PartialDate.from_date(ref - dt.timedelta(days=1)) if ref else None
        t.date(m.start(), m.end(), pd, relative=True, tags=("eve",))
    for m in _P_DUR.finditer(text) if has_unit else ():
        u = m.group("u").lower()
        days = L.DURATION_UNITS[u]
        if m.group("half"):
            n: float | None = 1.5
        elif m.group("n"):
            n = _amount(m.group("n"))
            if n is not None and m.group("hp"):
                n += 0.5  # "три с половиной часа"
        else:
            # a bare unit: "в течение недели", "за сутки"; not "день" alone ("в тот день")
            head = text[max(0, m.start() - 30) : m.start()]
            qualified = _DUR_QUAL.search(head) or _qualifier_before(text, m.start())
            # "Поиски шли сутки", "отключили на сутки"; not "в сутки" (a rate), "круглые сутки"
            prev = text[max(0, m.start() - 12) : m.start()].lower().split()[-1:]
            bare_day = u == "сутки" and prev not in (["в"], ["круглые"], ["эти"], ["те"])
            # "Поиски продолжались неделю", "уехали на неделю"; not "в неделю" (a rate), "эту
            # неделю"; "Следствие шло год", "забастовка длилась месяц"
            bare_week = u == "неделю" and prev not in (
                ["в"], ["эту"], ["ту"], ["каждую"], ["прошлую"], ["следующую"], ["ближайшую"]
            )
            bare_long = u in ("месяц", "год") and _LASTING_BEFORE.search(head) is not None
            if bare_long:
                n = 1.0
            elif not (qualified or bare_day or bare_week) or u in (
                "день", "дня", "дне", "год", "года", "году"
            ):
                continue
            n = 1.0
        if n is None:
            continue
        if m.group("n") and re.fullmatch(r"(?:19|20)\d\d", m.group("n")) and days == 365.0:
            continue  # "2022 года" is a year
        if days == 365.0 and m.group("n") and _AGE_BEFORE.search(text, max(0, m.start() - 50),
                                                                  m.start()):
            continue  # "пенсионный возраст до 68 лет", "в возрасте 45 лет": an age, a number
        n2 = _amount(m.group("n2")) if m.group("n2") else None
        s = m.start()
        t.duration(s, m.end(), n * days, n2 * days if n2 is not None else None)
    for m in _P_DUR_ADJ.finditer(text) if has_unit else ():
        days = {"дневн": 1.0, "недельн": 7.0, "месячн": 30.0}[m.group("u").lower()]
        t.duration(m.start(), m.end(), int(m.group("n")) * days, None)
    for m in _P_DUR_ADJ_WORD.finditer(text) if "дневн" in text or "недельн" in text or (
        "месячн" in text
    ) else ():
        days = {"дневн": 1.0, "недельн": 7.0, "месячн": 30.0}[m.group("u").lower()]
        t.duration(m.start(), m.end(), _ADJ_NUMBERS[m.group("n").lower()] * days, None)
    for m in _P_ORD_DAY.finditer(text) if "день" in words else ():
        n = _ORD_STEMS[m.group("st").lower()] if m.group("st") else int(m.group("d"))
        if 0 < n <= 366:
            t.duration(m.start(), m.end("u"), float(n), None, prio=3)
    for m in _P_ORD_DAYS.finditer(text) if "сутки" in words else ():
        n = _ORD_STEMS[m.group("st").lower()] if m.group("st") else int(m.group("d"))
        if 0 < n <= 366:
            t.duration(m.start(), m.end(), float(n), None, prio=3)
    for m in _P_HALF_YEAR.finditer(text) if has_unit else ():
        days = 182.5 if "год" in m.group("u").lower() else 15.0
        t.duration(m.start(), m.end(), days, None)
    return t


def _shift(ref: dt.date, n: float, unit_days: float, sign: int) -> PartialDate | None:
    try:
        if unit_days == 30.0 and float(n).is_integer():
            month = ref.month - 1 + sign * int(n)
            y, mo = ref.year + month // 12, month % 12 + 1
            import calendar

            d = min(ref.day, calendar.monthrange(y, mo)[1])
            return PartialDate(y, mo, d)
        if unit_days == 365.0 and float(n).is_integer():
            return PartialDate(ref.year + sign * int(n), ref.month, ref.day)
        return PartialDate.from_date(ref + sign * dt.timedelta(days=round(n * unit_days)))
    except (ValueError, OverflowError):
        return None


def _later(
    text: str, values: list[Value], later: list[tuple[int, int, float]],
    chosen: set[tuple[int, int]],
) -> list[Value]:
    """ "Спустя два дня", "на следующий день" told in the past: the day counted from the last
    day the text named before them; nothing when it names none."""
    out = list(values)
    days = sorted(
        (v for v in values if v.type == "date" and isinstance(v.reading, PartialDate)
         and v.reading.day is not None),
        key=lambda v: v.end,
    )
    for s, e, n in later:
        if (s, e) not in chosen:
            continue
        before = [d for d in days if d.end <= s]
        if not before or n != int(n):
            continue
        base = before[-1].reading
        assert isinstance(base, PartialDate)
        day = PartialDate.from_date(base.first() + dt.timedelta(days=int(n)))
        out.append(Value(
            "date", s, e, text[s:e], day, "exact", None, day, day, relative=True, tags=("later",),
        ))
    out.sort(key=lambda v: (v.start, v.end))
    return out


# "Кампания, стартовавшая 14 марта, заканчивается сегодня", "Действовавший с 10 февраля карантин
# вчера был снят", "Забастовка началась 28 октября и закончилась в понедельник": a start and an
# end date named by their roles in one sentence (the Russian side of temporal.role_periods)
_RU_ROLE_START = (
    r"начал[аио]?(?:сь|ся)?|начина(?:ет|ют|л[аио]?|ли)с[яь]|начн[её]тся|начнутся|стартова(?:л[аио]?"
    r"|вш[а-яё]+)|стартует|стартуют|введ(?:[её]н[а-яё]*|ут|[её]т)|ввел[аи]?|ввели|ввод(?:ит|ят)с[яь]"
    r"|объявлен[а-яё]*|объявил[аи]?|открыл[аи]?(?:сь|ся)?|открыт[а-яё]*|открыва(?:ет|ют)с[яь]"
    r"|вступил[аио]?" + _SP + r"+в" + _SP + r"+силу|вступ(?:ит|ает)" + _SP + r"+в" + _SP
    + r"+силу|приступил[аи]?|действовавш[а-яё]+" + _SP + r"+с|действу(?:ет|ют)" + _SP
    + r"+с|с|со|начиная" + _SP + r"+с"
)
_RU_ROLE_END = (
    r"заканчива(?:ет|ют|л[аио]?|ли)с[яь]|законч(?:ил[аио]?(?:сь|ся)?|ится|атся|ен[а-яё]*)"
    r"|заверш(?:ил[аио]?(?:сь|ся)?|ится|атся|ен[а-яё]*|[её]н|ает(?:ся)?|ают(?:ся)?)"
    r"|снят[а-яё]*|сняли|снимут|снима(?:ет|ют)с[яь]|отмен(?:[её]н[а-яё]*|или|ят|ит(?:ся)?"
    r"|яет(?:ся)?|ил[аи]?)|истека(?:ет|л[аио]?)|ист[её]к(?:л[аио])?|прекрат(?:ил[аио]?(?:сь|ся)?"
    r"|ится|ят|ят[а-яё]*)|прекращ[а-яё]+|продлится|продлятся|продолжится|продолжатся"
    r"|действ(?:ует|уют|овал[аио]?|овать)|до|по"
)
# the cue right before the date (at most two words between: "началась в понедельник",
# "был снят вчера") or right after it ("10 октября начался", "вчера был снят")
_RU_START_BEFORE = lazy(
    r"(?<![а-яё])(?:" + _RU_ROLE_START + r")(?:" + _SP + r"+(?:[а-яё]+|\d{1,2}[:.]\d\d)){0,2}?"
    + _SP + r"+$", _I
)
_RU_START_AFTER = lazy(
    r"^,?" + _SP + r"+(?:[а-яё]+" + _SP + r"+)?(?:" + _RU_ROLE_START.replace("|с|со|", "|")
    + r")(?![а-яё])", _I
)
_RU_END_BEFORE = lazy(
    r"(?<![а-яё])(?:" + _RU_ROLE_END + r")(?:" + _SP + r"+[а-яё]+){0,2}?" + _SP + r"+$", _I
)
_RU_END_AFTER = lazy(
    r"^,?" + _SP + r"+(?:(?:был[аио]?|были|будет|будут)" + _SP + r"+)?(?:"
    + _RU_ROLE_END.replace("|до|по", "") + r")(?![а-яё])", _I
)
_RU_BREAK = lazy(r"[.!?;]" + _SP + r"+[А-ЯЁA-Z\"«(]|\n" + _SP + r"*\n")


def role_periods(text: str, values: list[Value]) -> list[Value]:
    """Date ranges stated by the roles of two dates in one sentence: a start word at the first
    ("стартовавшая 14 марта", "с 10 февраля", "10 октября начался") and an end word at the
    second ("заканчивается сегодня", "вчера был снят", "продлится до 29 ноября"). The dates stay
    dates; these ranges are offered to date-range claims only."""
    from itertools import pairwise

    from kzclaims.values.temporal import _period

    def day(v: Value) -> bool:
        r = v.reading
        return v.type == "date" and isinstance(r, PartialDate) and r.day is not None

    def near(v: Value, end: bool) -> bool:
        before, after = (_RU_END_BEFORE, _RU_END_AFTER) if end else (
            _RU_START_BEFORE, _RU_START_AFTER
        )
        s = v.start
        if v.qualifier_text and v.text.lower().startswith(v.qualifier_text.lower()):
            s += len(v.qualifier_text)
            if end and v.qualifier_text.lower() in ("до", "по"):
                return True  # "до 29 ноября" after a start: the end of the period
        head = text[max(0, s - 50) : s]
        return bool(
            before.search(head if head[-1:].isspace() else head + " ")
            or after.match(text[v.end : v.end + 40])
        )

    out: list[Value] = []
    dates = [v for v in values if day(v)]
    for a, b in pairwise(dates):
        gap = text[a.end : b.start]
        if len(gap) > 160 or _RU_BREAK.search(gap) or "date_range" in (a.type, b.type):
            continue
        if not near(a, False) or near(b, False) or not near(b, True):
            continue
        p = _period(text, a, b, a.start, ("roles",))
        if p is not None:
            out.append(p)
    return out


def read_russian(
    text: str, reference: dt.date | None, conventions: Conventions | None = None
) -> list[Value]:
    """Every value in a Russian ``text``, in text order (see the module docstring)."""
    conv = conventions or Conventions("ru", True, True, "Russian")
    if reference is not None and not 1 < reference.year < 9999:
        reference = None
    t = _scan_temporal(text, reference, conv)
    cands = sorted(t.cands, key=lambda c: (c[0], -(c[1] - c[0]), -c[2]))
    chosen: list[tuple[int, int, int, Value | None]] = []
    last = -1
    for c in cands:
        if c[0] >= last and c[1] > c[0]:
            chosen.append(c)
            last = c[1]
    taken = [(c[0], c[1]) for c in chosen]
    values = [c[3] for c in chosen if c[3] is not None]
    if t.later:
        values = _later(text, values, t.later, {(c[0], c[1]) for c in chosen})
    values += _read_numbers(text, taken, conv)
    values.sort(key=lambda v: (v.start, v.end))
    return [_tidy(v) for v in _inherit_after_more(text, values)]


# a share in words, for a percent: "почти половины улова", "около трети избирателей", "две трети
# жителей", "более четверти", "сократилось на треть"; not "с половиной" (a number's half), nor a
# part of a period or a clock ("во второй половине дня", "в первой четверти", "половина
# девятого"), nor the ordinal "третью неделю"
_SHARE = lazy(
    r"(?<![а-яё])(?:(?P<n>одн[аиу]|две|двух|дв[уе]м|три|тр[её]х|тр[её]м)" + _SP + r"+)?"
    r"(?P<f>половин(?:а|ы|е|у|ой)|трет(?:ь|и|ью|ей)|четверт(?:ь|и|ью|ей))(?![а-яё])",
    _I,
)
_SHARE_OF = {"половин": 2, "трет": 3, "четверт": 4}
_SHARE_N = {"одн": 1, "дв": 2, "тр": 3}
_SHARE_NOT_BEFORE = lazy(
    r"(?<![а-яё])(?:с|перв\w+|втор\w+|трет\w+|четв[её]рт\w+|последн\w+|каждой|эту|этой|"
    r"прошл\w+|следующ\w+|нынешн\w+|текущ\w+)" + _SP + r"+$",
    _I,
)
_SHARE_NOT_AFTER = lazy(
    _SP + r"+(?:дня|дн[её]м|суток|ночи|недели|месяца|года|века|столетия|срока|матча|игры|"
    r"час[аи]?|" + _MON + r"|\d|перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|"
    r"одиннадцат|двенадцат)",
    _I,
)


def share_percents(text: str, values: Sequence[Value]) -> list[Value]:
    """The shares in words of ``text`` as percentages ("почти половины улова": about 50 %), where
    no value read already covers them, and not restated by a percentage right after them ("почти
    на треть, на 32%")."""
    out: list[Value] = []
    for m in _SHARE.finditer(text):
        s, e = m.span()
        if any(
            v.start < e and s < v.end and not (v.type == "number" and v.end <= e)
            for v in values
        ):
            continue  # ("две" of "две трети" is read as a number: the share is what it says)
        if _SHARE_NOT_BEFORE.search(text, max(0, s - 24), s) or _SHARE_NOT_AFTER.match(text, e):
            continue
        f = m.group("f").lower()
        nxt = _NOUN_WORD.match(text, e)
        if f == "третью" and not (nxt is not None and L.is_genitive(nxt.group(2))):
            continue  # "третью неделю": the ordinal
        d = next(v for k, v in _SHARE_OF.items() if f.startswith(k))
        k = 1
        if m.group("n"):
            k = next(v for p, v in _SHARE_N.items() if m.group("n").lower().startswith(p))
            if k >= d:
                continue
        if any(
            v.type == "percent" and 0 <= v.start - e <= 12
            and re.fullmatch(r"[\s,;:(—–-]*(?:на|или|т\.\s?е\.)?\s*", text[e : v.start])
            for v in values
        ):
            continue  # "почти на треть, на 32%": the percentage says it
        pct = _num(round(100.0 * k / d, 1))
        qual: Qualifier = "exact"
        qual_text: str | None = None
        qb = _qualifier_before(text, s)
        if qb is not None:
            if qb[0] in ("at_least", "at_most"):
                continue  # "явка превысила половину", "менее трети": a threshold, not the figure
            qual, _, qual_text, s = qb
        out.append(Value(
            "percent", s, e, text[s:e], pct, qual, qual_text, pct, pct, tags=("fraction",)
        ))
    return out


# "ещё N", "и ещё N" without a noun counts what the number before it counted: "четыре горняка
# погибли, ещё тринадцать удалось спасти" (thirteen miners)
_MORE_BEFORE = lazy(r"(?:^|(?<=[\s,;:(—–-]))(?:и" + _SP + r"+|а" + _SP + r"+)?ещ[её]" + _SP
                    + r"+$", _I)


# the counted word first, the number after it ("Пострадавших, по данным скорой помощи, шестеро",
# "Погибших — 12", "Раненых более 30"): a participle or adjective used as a noun opens the
# sentence (or follows a colon), then at most one aside between commas, a dash or a colon
_NOUN_FIRST = lazy(
    r"(?:^|[.!?:;]" + _SP + r"*)(?P<noun>[А-ЯЁа-яё]+(?:ых|их))(?:" + _SP + r"*,[^,.;:]{1,80},)?"
    + _SP + r"*(?:[—–:-]" + _SP + r"*)?$"
)


_NOT_COUNTED = L.STOPWORDS | frozenset(
    ("других", "таких", "многих", "некоторых", "остальных", "тех", "всех", "своих", "каких",
     "новых", "первых", "последних")
)


def _inherit_after_more(text: str, values: list[Value]) -> list[Value]:
    out: list[Value] = []
    last: Value | None = None  # the last number with a noun, in this sentence
    for v in values:
        if v.type != "number":
            out.append(v)
            continue
        if last is not None and re.search(r"[.!?]\s", text[last.end : v.start]):
            last = None  # another sentence
        if (
            v.noun is None
            and last is not None
            and _MORE_BEFORE.search(text, max(0, v.start - 12), v.start)
        ):
            v = replace(v, noun=last.noun)
        if v.noun is None:
            head = _NOUN_FIRST.search(text, max(0, v.start - 120), v.start)
            if head is not None and head.group("noun").lower() not in _NOT_COUNTED:
                v = replace(v, noun=head.group("noun"))
        if v.noun is not None:
            last = v
        out.append(v)
    return out


def _tidy(v: Value) -> Value:
    """Strip a trailing space or sentence dot from the quoted words."""
    text = v.text
    end = v.end
    while text and text[-1] in " \t\u00a0":
        text = text[:-1]
        end -= 1
    return replace(v, text=text, end=end) if end != v.end else v
