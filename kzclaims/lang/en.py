"""English: the tables the pipeline used to keep in match.py, text.py and values/.

Matching compares English words as written (lower case, possessive 's dropped): the fuzzy word
similarity already treats "troop"/"troops" and "seizure"/"seized" as near matches, and the
value reader's own English grammar lives in :mod:`kzclaims.values.numbers` and
:mod:`kzclaims.values.temporal`.
"""

from __future__ import annotations

from kzclaims.lang import Language, groups, wordset

STOPWORDS = wordset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    s t"""
)
# Words that say what kind of value a claim asks for ("the number of troops", "the date of the
# address", "how long the withdrawal lasts"): sources state the value instead, so these weigh
# like stop words.
META_WORDS = wordset(
    "number numbers amount total figure figures count size date day dates when how many much"
    " long length duration period percentage rate level"
)
# Numbers are the value a claim is about, which sources state differently ("20 thousand",
# "20,000"): in a phrasing they weigh like stop words.
NUMBER_WORDS = wordset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty"
    " sixty seventy eighty ninety hundred thousand million billion"
)

# Words news reports use for the same thing, which no spelling similarity relates ("the pullout
# will commence" for "the withdrawal will start"). Kept small and generic on purpose: each group
# is one meaning in news about events, counts and dates.
SYNONYM_GROUPS = groups(
    (
        "start starts started starting begin begins began beginning commence commences commenced",
        "end ends ended finish finished complete completed conclude concluded",
        "withdrawal withdrawals pullout pullouts withdraw withdrew withdrawn departure",
        "troops soldiers servicemen peacekeepers contingent",
        "attack attacks attacked assault assaults assaulted storm stormed raid raided",
        "attackers assailants gunmen",
        "killed died dead perished deaths death fatalities toll",
        "injured hurt wounded injuries injury",
        "missing unaccounted",
        "displaced homeless evacuated uprooted",
        "houses homes dwellings buildings",
        "trapped stranded",
        "rescued saved",
        "burned burnt scorched charred",
        "firefighters crews",
        "protesters demonstrators marchers",
        "protest protests demonstration demonstrations march rally",
        "turnout participation",
        "sank capsized",
        "strike walkout stoppage",
        "announced declared proclaimed",
        "said stated told",
        "talks negotiations",
        "aircraft aircrafts planes airplanes jets",
        "corridor range band",
        "appointed named",
        "restored resumed reinstated",
        "lasts last lasted take takes took",
        "seized captured",
        "seizure capture",
    )
)

# Abbreviations after which a period does not end a sentence (compared lower-case, no final dot).
ABBREVIATIONS = wordset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    mr mrs ms mx dr prof gen lt col maj sgt capt cmdr adm cpl pvt st mt ft hon rev fr
    gov sen rep pres supt insp det amb messrs
    vs v cf approx est ca fig figs vol vols pp art arts sec ch para
    e.g i.e h.e u.s u.k u.n u.s.a a.m p.m"""
)
# ... unless followed by something else than a number ("No. 5" / "No. The answer").
NOT_END_BEFORE_DIGIT = wordset("no nos nr op p")

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
MONTHS: dict[str, int] = {}
for _i, _name in enumerate(_MONTH_NAMES, 1):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
):
    WEEKDAYS[_name] = _i
    WEEKDAYS[_name[:3]] = _i

# approximations that only reach below the value ("almost 20,000" is 18,000 - 20,000)
DOWNWARD = frozenset({"almost", "nearly", "close to", "just under", "not quite", "approaching"})

LANGUAGE = Language(
    code="en",
    name="English",
    stopwords=STOPWORDS | META_WORDS,
    number_words=NUMBER_WORDS,
    synonym_groups=SYNONYM_GROUPS,
    abbreviations=ABBREVIATIONS,
    downward=DOWNWARD,
    months=MONTHS,
    weekdays=WEEKDAYS,
    day_first=False,
    decimal_comma=False,
    script="a-z",
)
