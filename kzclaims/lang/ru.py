"""Russian: stop words, number words in every case, qualifiers, months, lemmas for matching.

Matching compares lemmas (``войска``, ``войск``, ``войсками`` -> ``войско``), so that a phrasing
in one case finds a source in another. The lemmatizer is pymorphy3 (``pip install
"kzclaims[ru]"``), chosen over simplemma and snowball by measurement (docs/benchmarks.md,
"Russian"): it put 22 of 23 groups of inflected news words on one key (simplemma 20, snowball
17) and loads in 0.14 s (simplemma needs 1.9 s to load its Russian dictionary on first use);
it is slower per word (about 0.15 ms), which a cache per distinct word makes irrelevant for news
text. Without the extra, words are cut by :func:`light_stem`, a small suffix stripper of our own
(a degraded but working path: the fuzzy scorer credits shared prefixes anyway), and the
pipeline warns once, naming the extra.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec

from kzclaims.lang import Language, wordset

EXTRA = "ru"
LIBRARY = "pymorphy3"

STOPWORDS = wordset(
    """а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже
    для до его ее её если есть еще ещё же за здесь и из или им их к как какой когда кто ли либо
    меня мне может мы на над надо наш не него нее неё нет ни них но ну о об однако он она они оно
    от очень по под при с со так также такой там те тем то того тоже той только том ты у уже хотя
    чего чей чем что чтобы чье чья эта эти это этого этой этом этот я который которая которое
    которые которых котором которой которого также этих свой своей своих свои своего им ей ему
    после перед между через около почти более менее свыше порядка примерно приблизительно
    свыше среди ранее данным данных данные какой какая какое какие каким какую каких каком
    сколько"""
)
# Words that name the kind of value a claim asks for ("численность контингента", "дата
# обращения", "сколько", "срок вывода"): sources state the value instead.
META_WORDS = wordset(
    """число числа числе количество количества численность численности общее общая общий всего
    дата даты дату когда сколько срок сроки срока продолжительность длительность период периода
    размер размере доля доли процент процента процентов уровень уровня
    каков какова каково каковы каковой насколько долго"""
)

# --- number words ---------------------------------------------------------------------------
# Every case form of every number word, generated from the nominative: value, role.
# roles: "unit" (1-9), "teen" (10-19), "ten" (20-90), "hundred" (100-900), "scale" (тысяча..),
# "half" (полтора = 1.5).


def _forms(*words: str) -> list[str]:
    return [w for w in words if w]


_UNITS: dict[int, list[str]] = {
    0: _forms("ноль", "ноля", "нолю", "нолем", "нуль", "нуля"),
    1: _forms("один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну",
              "одни", "одних", "одними"),
    2: _forms("два", "две", "двух", "двум", "двумя"),
    3: _forms("три", "трех", "трёх", "трем", "трём", "тремя"),
    4: _forms("четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя"),
}
for _n, _nom in ((5, "пять"), (6, "шесть"), (7, "семь"), (8, "восемь"), (9, "девять")):
    _stem = {"восемь": "восьм"}.get(_nom, _nom[:-1])
    _UNITS[_n] = _forms(_nom, _stem + "и", _nom + "ю", _stem + "ью" if _n == 8 else "")
_TEENS: dict[int, list[str]] = {}
for _n, _nom in enumerate(
    ("десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать",
     "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"), 10,
):
    _TEENS[_n] = _forms(_nom, _nom[:-1] + "и", _nom + "ю")
_TENS: dict[int, list[str]] = {
    20: _forms("двадцать", "двадцати", "двадцатью"),
    30: _forms("тридцать", "тридцати", "тридцатью"),
    40: _forms("сорок", "сорока"),
    50: _forms("пятьдесят", "пятидесяти", "пятьюдесятью"),
    60: _forms("шестьдесят", "шестидесяти", "шестьюдесятью"),
    70: _forms("семьдесят", "семидесяти", "семьюдесятью"),
    80: _forms("восемьдесят", "восьмидесяти", "восемьюдесятью", "восьмьюдесятью"),
    90: _forms("девяносто", "девяноста"),
}
_HUNDREDS: dict[int, list[str]] = {
    100: _forms("сто", "ста"),
    200: _forms("двести", "двухсот", "двумстам", "двумястами", "двухстах"),
    300: _forms("триста", "трехсот", "трёхсот", "тремстам", "тремястами", "трехстах", "трёхстах"),
    400: _forms("четыреста", "четырехсот", "четырёхсот", "четыремстам", "четырьмястами",
                "четырехстах", "четырёхстах"),
}
for _n, _p in ((500, "пят"), (600, "шест"), (700, "сем"), (800, "восьм"), (900, "девят")):
    _nom = {"пят": "пятьсот", "шест": "шестьсот", "сем": "семьсот", "восьм": "восемьсот",
            "девят": "девятьсот"}[_p]
    _HUNDREDS[_n] = _forms(_nom, _p + "исот", _p + "истам", _p + "ьюстами", _p + "истах")


def _noun_forms(stem: str, fem: bool) -> list[str]:
    if fem:  # тысяча
        return [stem + e for e in ("а", "и", "е", "у", "ей", "ью", "", "ам", "ами", "ах")]
    return [stem + e for e in ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах")]


SCALES: dict[str, int] = {}
for _w in _noun_forms("тысяч", True):
    SCALES[_w] = 1000
for _stem, _v in (("миллион", 10**6), ("миллиард", 10**9), ("триллион", 10**12)):
    for _w in _noun_forms(_stem, False):
        SCALES[_w] = _v
# abbreviations of scales, written with or without a dot: "20 тыс.", "1,5 млн", "2 млрд"
SCALE_ABBREVIATIONS: dict[str, int] = {
    "тыс": 1000, "млн": 10**6, "млрд": 10**9, "трлн": 10**12, "тысч": 1000,
}

#: word -> (value, role)
NUMBER_WORD_VALUES: dict[str, tuple[float, str]] = {}
for _table, _role in ((_UNITS, "unit"), (_TEENS, "teen"), (_TENS, "ten"), (_HUNDREDS, "hundred")):
    for _n, _ws in _table.items():
        for _w in _ws:
            NUMBER_WORD_VALUES[_w] = (float(_n), _role)
for _w, _v in SCALES.items():
    NUMBER_WORD_VALUES[_w] = (float(_v), "scale")
# collective numerals: "трое", "пятеро погибших", "двоих"
for _n, _ws in enumerate((
    ("двое", "двоих", "двоим", "двоими"), ("трое", "троих", "троим", "троими"),
    ("четверо", "четверых", "четверым", "четверыми"), ("пятеро", "пятерых", "пятерым"),
    ("шестеро", "шестерых", "шестерым"), ("семеро", "семерых", "семерым"),
    ("восьмеро", "восьмерых"), ("девятеро", "девятерых"),
), 2):
    for _w in _ws:
        NUMBER_WORD_VALUES[_w] = (float(_n), "unit")
for _w in ("десятеро", "десятерых"):
    NUMBER_WORD_VALUES[_w] = (10.0, "teen")
for _w in ("полтора", "полторы", "полутора"):
    NUMBER_WORD_VALUES[_w] = (1.5, "half")
# a number of tens and hundreds: "два десятка" (20), "свыше двух десятков", "полтора десятка"
# (15), "три сотни" (300); alone ("десятки людей", "сотни") they stay vague quantities
for _w in ("десяток", "десятка", "десятку", "десятком", "десятке", "десятки", "десятков",
           "десяткам", "десятками", "десятках"):
    NUMBER_WORD_VALUES[_w] = (10.0, "scale")
for _w in ("сотня", "сотни", "сотню", "сотней", "сотне", "сотен", "сотням", "сотнями",
           "сотнях"):
    NUMBER_WORD_VALUES[_w] = (100.0, "scale")
# half of a round number: "до полусотни", "около полумиллиона", "полтысячи"
for _w, _v in (("полсотни", 50), ("полусотни", 50), ("полусотне", 50), ("полтысячи", 500),
               ("полутысячи", 500), ("полмиллиона", 500_000), ("полумиллиона", 500_000),
               ("полмиллиарда", 5 * 10**8), ("полумиллиарда", 5 * 10**8)):
    NUMBER_WORD_VALUES[_w] = (float(_v), "hundred")

# vague quantities: "десятки", "сотни", "тысячи" (without a number) -> [2 x, 10 x) the unit
VAGUE: dict[str, int] = {}
for _w in ("десятки", "десятков", "десяткам", "десятками", "десятках"):
    VAGUE[_w] = 10
for _w in ("сотни", "сотен", "сотням", "сотнями", "сотнях"):
    VAGUE[_w] = 100
for _w in ("тысячи", "тысяч", "тысячам", "тысячами", "тысячах"):
    VAGUE[_w] = 1000
for _w in ("миллионы", "миллионов", "миллионам", "миллионами", "миллионах"):
    VAGUE[_w] = 10**6
#: "несколько" before a scale: several thousand -> [2, 10) x the scale
SEVERAL = frozenset(("несколько", "нескольких", "нескольким", "несколькими"))

NUMBER_WORDS = frozenset(NUMBER_WORD_VALUES) | frozenset(VAGUE)

# ordinal number words in the forms dates use ("седьмого января", "на третий день")
ORDINALS: dict[str, int] = {}
for _n, _stem in enumerate(
    ("перв", "втор", "трет", "четверт", "пят", "шест", "седьм", "восьм", "девят", "десят",
     "одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат",
     "семнадцат", "восемнадцат", "девятнадцат", "двадцат", ), 1,
):
    for _e in ("ое", "ого", "ом", "ый", "ой", "ая", "ую", "ий", "ье", "ьего", "ьем", "ья", "ью"):
        ORDINALS[_stem + _e] = _n
ORDINALS["тридцатого"] = 30
ORDINALS["тридцатое"] = 30

# --- qualifiers -----------------------------------------------------------------------------
# phrase before a value -> (qualifier, inclusive); longest phrase wins
QUALIFIERS_BEFORE: dict[str, tuple[str, bool]] = {}
for _p in ("около", "порядка", "примерно", "приблизительно", "почти", "почти что", "где-то",
           "ориентировочно", "предположительно", "по оценкам", "по разным оценкам",
           "по некоторым данным", "по предварительным данным", "чуть менее", "чуть меньше",
           "без малого", "едва ли не", "приблизительно в", "примерно в", "около чем",
           "почти до", "примерно до", "приблизительно до"):
    QUALIFIERS_BEFORE[_p] = ("approx", True)
for _p in ("более", "больше", "свыше", "более чем", "больше чем", "чуть более", "чуть больше",
           "немногим более", "немногим больше", "свыше чем", "сверх", "гораздо более",
           "значительно более", "намного больше", "значительно больше", "превысило",
           "превысила", "превысил", "превысили", "превышает", "превышают", "превысит"):
    QUALIFIERS_BEFORE[_p] = ("at_least", False)
for _p in ("не менее", "не меньше", "не менее чем", "не меньше чем", "как минимум", "минимум",
           "по меньшей мере", "по крайней мере", "не ниже", "от", "никак не менее"):
    QUALIFIERS_BEFORE[_p] = ("at_least", True)
for _p in ("не более", "не больше", "не более чем", "не больше чем", "до", "максимум",
           "как максимум", "самое большее", "не свыше", "не выше", "не превышает",
           "в пределах", "не позднее", "не позже", "в течение не более", "не превысит",
           "не превысил", "не превысила", "не превысило", "не превысили", "не превышает",
           "не превышают", "не превысят"):
    QUALIFIERS_BEFORE[_p] = ("at_most", True)
for _p in ("менее", "меньше", "менее чем", "меньше чем", "ниже", "не достигает",
           "не дотягивает до"):
    QUALIFIERS_BEFORE[_p] = ("at_most", False)
for _p in ("ровно", "в общей сложности", "всего", "итого", "точно", "в количестве",
           "численностью", "численностью в", "общей численностью", "общей численностью в"):
    QUALIFIERS_BEFORE[_p] = ("exact", True)
# after a value (and its scale word): "20 тысяч с лишним", "100 и более"
QUALIFIERS_AFTER: dict[str, tuple[str, bool]] = {
    "с лишним": ("at_least", False),
    "с небольшим": ("at_least", False),
    "и более": ("at_least", True),
    "и больше": ("at_least", True),
    "или более": ("at_least", True),
    "или больше": ("at_least", True),
    "и свыше": ("at_least", True),
    "и менее": ("at_most", True),
    "или менее": ("at_most", True),
    "и меньше": ("at_most", True),
}
# approximations that only reach below the value ("почти 20 тысяч" is 18 - 20 thousand)
DOWNWARD = frozenset({"почти", "почти что", "почти до", "чуть менее", "чуть меньше", "без малого",
                      "едва ли не"})

# --- dates ----------------------------------------------------------------------------------
_MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
                "октябр", "ноябр", "декабр")
MONTHS: dict[str, int] = {}
for _i, _s in enumerate(_MONTH_STEMS, 1):
    if _s == "ма":
        _ends: tuple[str, ...] = ("й", "я", "е", "ю", "ем", "ем")
    elif _s in ("март", "август"):
        _ends = ("", "а", "е", "у", "ом")
    else:
        _ends = ("ь", "я", "е", "ю", "ем", "ём")
    for _e in _ends:
        MONTHS[_s + _e] = _i
for _i, _a in enumerate(("янв", "фев", "мар", "апр", "", "июн", "июл", "авг", "сен", "окт",
                         "ноя", "дек"), 1):
    if _a:
        MONTHS[_a] = _i
MONTHS["февр"] = 2
MONTHS["сент"] = 9
MONTHS["нояб"] = 11
# only in abbreviated form with a dot: "7 янв. 2022"
MONTH_ABBREVIATIONS = frozenset(("янв", "фев", "февр", "мар", "апр", "авг", "сен", "сент",
                                 "окт", "ноя", "нояб", "дек"))
WEEKDAYS: dict[str, int] = {}
for _i, _ws in enumerate((
    ("понедельник", "понедельника", "понедельнику", "понедельником"),
    ("вторник", "вторника", "вторнику", "вторником"),
    ("среда", "среду", "среды", "среде", "средой"),
    ("четверг", "четверга", "четвергу", "четвергом"),
    ("пятница", "пятницу", "пятницы", "пятнице", "пятницей"),
    ("суббота", "субботу", "субботы", "субботе", "субботой"),
    ("воскресенье", "воскресенья", "воскресенью", "воскресеньем"),
)):
    for _w in _ws:
        WEEKDAYS[_w] = _i
# relative day words -> offset from the reference date
DAY_WORDS: dict[str, int] = {
    "позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2,
}
# duration units (every form) -> days
DURATION_UNITS: dict[str, float] = {}
for _w in ("день", "дня", "дню", "днем", "днём", "дне", "дни", "дней", "дням", "днями", "днях",
           "сутки", "суток", "суткам", "сутками", "сутках"):
    DURATION_UNITS[_w] = 1.0
for _w in ("неделя", "недели", "неделе", "неделю", "неделей", "недель", "неделям", "неделями",
           "неделях"):
    DURATION_UNITS[_w] = 7.0
for _w in ("месяц", "месяца", "месяцу", "месяцем", "месяце", "месяцы", "месяцев", "месяцам",
           "месяцами", "месяцах"):
    DURATION_UNITS[_w] = 30.0
for _w in ("год", "года", "году", "годом", "годе", "годы", "годов", "годам", "годами", "годах",
           "лет"):
    DURATION_UNITS[_w] = 365.0
for _w in ("час", "часа", "часу", "часом", "часе", "часы", "часов", "часам", "часами", "часах"):
    DURATION_UNITS[_w] = 1.0 / 24.0
YEAR_WORDS = frozenset(("год", "года", "году", "годом", "годе", "годы", "годов", "годам",
                        "годами", "годах", "г", "гг"))

# Tense cues for year-less dates ("начнется 13 января" said in December is next year's)
FUTURE_CUES = wordset(
    """будет будут начнется начнётся начнут завершится завершат планируется планирует планируют
    намерен намерены состоится пройдет пройдёт предстоит"""
)

# --- sentences ------------------------------------------------------------------------------
# After these (lower case, no final dot) a period does not end a sentence: "г. Алматы", "т.е.",
# "им. Абая", "ул. Абая" (initials "В. Путин" are handled by the splitter). Scale and currency
# abbreviations ("20 тыс.", "340 млн долл.") are not here: before a lower-case word the sentence
# goes on anyway, and before a capital they end it.
ABBREVIATIONS = wordset(
    """г гг т.е т.к т.н т.д т.п т.ч др пр проф акад ул просп пр-т
    им обл р-н ст стр рис см напр ок ср вкл искл прим ред св кв корп д гл п пп ч чч мин сек
    янв фев февр мар апр авг сен сент окт ноя нояб дек ген полк подп ген-л ген-м"""
)

# Words after which a line break never ends a sentence or a headline ("в связи с")
CONNECTIVES = wordset(
    "в во на и или с со по к ко о об от для из за при под над без до что как который которые"
)

# --- matching -------------------------------------------------------------------------------
# Synonym groups, as lemmas: one meaning each in news about events.
_SYNONYM_TEXT = (
    # the English groups' meanings (kzclaims/lang/en.py), in Russian lemmas
    # (tenth session: "вспыхнуть", "разгореться") a fire or riots that break out ("пожар
    # вспыхнул", "вспыхнули беспорядки", "разгорелся конфликт") begin
    "начаться начать стартовать начало старт вспыхнуть разгореться",
    "завершиться завершить закончиться закончить окончание завершение",
    "вывод отвод выход уход вывести",
    "войско военнослужащий военный миротворец контингент",
    "нападение атака штурм напасть атаковать",
    "нападавший боевик бандит террорист",
    "погибнуть убить погибший жертва",
    "заявить сообщить сказать отметить",
    "объявить провозгласить",
    "переговоры диалог",
    "длиться продлиться продолжаться занять",
    "ранить раненый пострадать",
    "выборы голосование",
    "назначить утвердить",
    "восстановить возобновить",
    "самолёт самолет воздушный судно",
    "захватить захват",
    # words of news about strikes, disasters and their costs, and the verb-noun pairs of one
    # action that lemmas do not join ("голосование" / "проголосовать", "оценка" / "оцениваться")
    "забастовка стачка",
    "дождь ливень",
    "ущерб потеря убыток",
    "пожар возгорание огонь пламя",
    "уничтожить разрушить сгореть",
    # the abbreviations of an emergency ("режим ЧС", "ЧП") and the words they stand for
    "чс чп чрезвычайный",
    "судно корабль",
    "голосование голосовать проголосовать",
    "оценка оценить оценивать оцениваться",
    "поиск поисковый искать",
    "спасти спасать спасение",
    "прекратить прекращать прекращение свернуть сворачивать",
    "локализовать локализация",
    "экономика экономический",
    # general news vocabulary by field (issue 10, fifth pass; the English _NEWS_GROUPS and
    # _FAMILIES in Russian lemmas): near-synonyms and the noun / verb / participle of one action
    # that lemmas do not join, written from general knowledge of Russian
    "перемирие прекращение",
    "вывод отвод отход отходить отвести",
    "боевик повстанец мятежник боец",
    "бой столкновение сражение боевой",
    "пленный военнопленный",
    "обмен обменяться",
    "освободить отпустить",
    "наблюдатель монитор",
    "направить отправить послать",
    "просить попросить обратиться просьба",
    "одобрить утвердить согласие",
    "соглашение договорённость договоренность договор",
    "приказ приказать распорядиться",
    "убрать демонтировать демонтаж снести",
    "стрелять огонь стрельба",
    "силовик силовой",
    "бунт мятеж беспорядок восстание",
    "перевести этапировать",
    "осада блокада противостояние",
    "погибнуть гибель умереть скончаться смерть погибший умерший",
    "ранить ранение раненый",
    "эвакуация эвакуировать эвакуированный",
    "землетрясение толчок",
    "циклон ураган шторм тайфун",
    "наводнение паводок потоп",
    "крушение катастрофа авария",
    "дом жилье здание",
    "житель население",
    "результат итог",
    "избиратель электорат",
    "зарплата заработный оплата",
    "повышение рост увеличение",
    "требовать требование",
    "фонд средства",
    "первоначальный изначальный первый",
    "обещать пообещать обещание",
    "восстановление восстановить отстроить",
    "больница госпитализировать госпитализация",
    "привить прививка вакцинация вакцинировать",
    "случай заболевший заболеть инфекция",
    "вспышка эпидемия",
    "продлиться длиться действовать",
    # (ninth session) the verbs and nouns of a fall, of blocking and of injury
    # that news uses for one another, from general knowledge of Russian
    "снижение снизиться снизить падение упасть сокращение сократиться уменьшение уменьшиться",
    "перекрыть перекрытие заблокировать блокировать блокада",
    "ранить ранение раненый травма травмировать",
    # (tenth session) one meaning, two words: volunteers; a day of 24 hours ("через сколько дней"
    # for "продолжавшаяся 11 суток")
    "доброволец волонтер",
    "день сутки",
)


def light_stem(word: str) -> str:
    """Cut a common Russian ending (the fallback without pymorphy3; about snowball's quality on
    our test words, see docs/benchmarks.md). Keeps at least four letters."""
    w = word.replace("ё", "е")
    if len(w) <= 4:
        return w
    for end in _ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 4:
            return w[: -len(end)]
    return w


_ENDINGS = tuple(sorted(
    ("ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ых", "их", "ым", "ая", "яя",
     "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ей", "ую", "юю", "ом", "ем", "ах", "ях", "ам",
     "ям", "ов", "ев", "ью", "ия", "ие", "ии", "ию", "ием", "иям", "иях", "ы", "и", "а", "я",
     "о", "е", "у", "ю", "ь", "й", "ться", "тся", "ется", "ится", "ются", "ятся", "ет", "ит",
     "ут", "ют", "ат", "ят", "ал", "ал", "ил", "ел", "ла", "ли", "ло", "лся", "лась", "лись",
     "лось", "ешь", "ишь", "ем", "им", "ете", "ите", "ть", "ти"),
    key=len, reverse=True,
))

_MORPH = None


def _morph():  # type: ignore[no-untyped-def]
    global _MORPH
    if _MORPH is None:
        import pymorphy3

        _MORPH = pymorphy3.MorphAnalyzer()
    return _MORPH


HAS_LEMMATIZER = find_spec(LIBRARY) is not None
_KEEP = STOPWORDS | META_WORDS | NUMBER_WORDS


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The lemma of a lower-case Russian word (ё written е); a word without Cyrillic letters,
    a stop word or a number word unchanged. Without pymorphy3: :func:`light_stem`."""
    if word in _KEEP or not any("а" <= ch <= "я" or ch == "ё" for ch in word):
        return word
    if not HAS_LEMMATIZER:
        return light_stem(word)
    parses = _morph().parse(word)
    best = parses[0]
    if best.tag.POS == "ADJS":
        # A short adjective is rare in news; a noun as likely is the word ("94 судна" is
        # "судно", not "судный")
        for p in parses[1:]:
            if p.score < best.score - 1e-9:
                break
            if p.tag.POS == "NOUN":
                return str(p.normal_form).replace("ё", "е")
    if best.tag.POS in ("ADJF", "ADJS"):
        # A participle read as an adjective ("вынужденных") meets its verb ("вынуждены" ->
        # "вынудить") when pymorphy3 finds the participle reading as likely.
        for p in parses[1:]:
            if p.score < best.score - 1e-9:
                break
            if p.tag.POS in ("PRTF", "PRTS"):
                best = p
                break
    return str(best.normal_form).replace("ё", "е")


@lru_cache(maxsize=50_000)
def is_future(word: str) -> bool:
    """Whether a lower-case word is a verb in the future tense ("пройдут", "состоится",
    "рассмотрит", "будет"): pymorphy3's first reading; without it, the cue words of
    :data:`FUTURE_CUES`."""
    if word in FUTURE_CUES:
        return True
    if not HAS_LEMMATIZER or not any("а" <= ch <= "я" or ch == "ё" for ch in word):
        return False
    best = _morph().parse(word)[0]
    # a word the dictionary knows ("Здруем", a place, is guessed as a verb)
    return best.is_known and best.tag.POS == "VERB" and best.tag.tense == "futr"


@lru_cache(maxsize=20_000)
def is_past(word: str) -> bool:
    """Whether a lower-case word is first read as a verb in the past tense or a past participle
    ("подписано", "введён", "закрытый": what was done): pymorphy3's first reading;
    without it, False (the caller's own endings decide)."""
    if not HAS_LEMMATIZER or not any("а" <= ch <= "я" or ch == "ё" for ch in word):
        return False
    best = _morph().parse(word)[0]
    if not best.is_known:
        return False
    if best.tag.POS == "PRTS" or (best.tag.POS == "PRTF" and best.tag.tense == "past"):
        # "подписано", "закрытый 3 ноября", "начавшееся 12 ноября"; but "запланирована на 15
        # февраля", "назначены на понедельник": a plan, said ahead
        return best.normal_form not in _PLANNED
    return best.tag.POS == "VERB" and best.tag.tense == "past"


_PLANNED = frozenset(
    ("запланировать", "планировать", "назначить", "наметить", "предусмотреть", "приурочить",
     "рассчитать", "отложить", "перенести")
)


@lru_cache(maxsize=20_000)
def is_genitive(word: str) -> bool | None:
    """Whether a word (any case) is first read as a noun or adjective in the genitive
    ("выборов", "Нового"): what "накануне" takes when it means "on the eve of". None without
    pymorphy3 (the caller guesses)."""
    if not HAS_LEMMATIZER:
        return None
    best = _morph().parse(word.lower())[0]
    return best.tag.POS in ("NOUN", "ADJF", "PRTF", "NUMR") and best.tag.case == "gent"


def _group(line: str) -> frozenset[str]:
    words = line.replace("ё", "е").split()
    return frozenset(words if HAS_LEMMATIZER else (light_stem(w) for w in words))


SYNONYM_GROUPS = tuple(_group(line) for line in _SYNONYM_TEXT)

# Nouns that count people (lemmas): "58 человек", "17 горняков" count people whatever the
# claim's unit calls them (kzclaims.choose.unit_fit).
PERSON_NOUNS = wordset(
    """человек люди житель гражданин работник сотрудник участник пассажир член горняк шахтёр
    шахтер военнослужащий военный солдат миротворец ребёнок ребенок женщина мужчина
    демонстрант манифестант протестующий пострадавший погибший раненый пропавший спасатель
    пожарный полицейский жертва беженец боец заложник узник охранник пенсионер учитель врач
    медик фермер студент
    погибнуть пострадать пропасть протестовать эвакуировать задержать спасти убить ранить
    осудить заключить"""
)
# (the last lines: participles used as nouns, "17 погибших", "13 спасённых", "22 пропавших",
# "640 заключённых", "430 осуждённых", are lemmatized to their verbs)

# The mood of a statement (kzclaims.match.mood): denial, and what may, must or will happen, as
# lemmas ("могут" is "мочь", "должен" "должный", "намерен" "намерить") and as written (matching
# without the lemmatizer); "будет" is left out: its lemma "быть" is also the past tense's "был".
# Written out, not lemmatized here: importing the language must not load pymorphy3.
NEGATIONS = wordset("не нет ни никогда")
MODALS = wordset(
    """мочь смочь может могут смогут должный должен должна должны нужно надо необходимо
    планировать планирует планируют намерить намерен намерены собираться собирается
    собираются обещать обещал обещала пообещать пообещал пообещала пообещали если возможно
    вероятно хотеть хочет хотят"""
)

LANGUAGE = Language(
    code="ru",
    name="Russian",
    stopwords=STOPWORDS | META_WORDS,
    number_words=NUMBER_WORDS,
    synonym_groups=SYNONYM_GROUPS,
    abbreviations=ABBREVIATIONS,
    downward=DOWNWARD,
    months=MONTHS,
    weekdays=WEEKDAYS,
    connectives=CONNECTIVES,
    day_first=True,
    decimal_comma=True,
    script="а-яё",
    normalizer=lemma,
    extra=EXTRA,
    library=LIBRARY,
    person_nouns=PERSON_NOUNS,
    negations=NEGATIONS,
    modals=MODALS,
    # the duration units counted on the calendar, and "полгода"/"полугода" (half a year)
    calendar_units={
        **{w: "month" for w, d in DURATION_UNITS.items() if d == 30.0},
        **{w: "year" for w, d in DURATION_UNITS.items() if d == 365.0},
        "полгода": "year",
        "полугода": "year",
    },
)
