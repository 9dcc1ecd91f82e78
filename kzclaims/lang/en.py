"""English: the tables the pipeline used to keep in match.py, text.py and values/.

Matching compares English words as written (lower case, possessive 's dropped): the fuzzy word
similarity already treats "troop"/"troops" and "seizure"/"seized" as near matches, and the
value reader's own English grammar lives in :mod:`kzclaims.values.numbers` and
:mod:`kzclaims.values.temporal`.
"""

from __future__ import annotations

from kzclaims.lang import Language, groups, wordset
from kzclaims.model import Qualifier

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
_BASE_GROUPS = (
    "start starts started starting begin begins began beginning commence commences commenced",
    "end ends ended finish finished complete completed conclude concluded",
    "withdrawal withdrawals pullout pullouts withdraw withdrew withdrawn departure",
    "troops soldiers servicemen peacekeepers contingent",
    "attack attacks attacked assault assaults assaulted storm stormed raid raided",
    "attackers assailants gunmen",
    "killed died dead deceased perished deaths death fatalities toll lives",
    "injured hurt wounded injuries injury",
    "missing unaccounted",
    "displaced homeless evacuated uprooted",
    "houses homes dwellings buildings",
    "trapped stranded",
    "people persons",
    "rescued saved",
    "burned burnt scorched charred",
    "firefighters crews",
    "protesters demonstrators marchers",
    "protest protests demonstration demonstrations march rally",
    "turnout participation",
    "sank capsized",
    "strike walkout stoppage action",
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
    # units as news abbreviates them ("a 3.5 sq km zone" for "square kilometres")
    "square sq",
    "kilometres kilometre kilometers kilometer km kms",
    "hectares hectare ha",
    "kilograms kilogram kg kgs",
)
# General news vocabulary by field (issue 10, fifth pass): near-synonyms a reporter uses for
# the word a user writes, one meaning a line, written from general knowledge of English (a
# WordNet-like synset restricted to the sense news about conflicts, disasters, elections,
# labour disputes and epidemics use), never from the blind set's phrasings. Singular and plural
# are both listed where spelling similarity does not join a word to the group's other words.
_NEWS_GROUPS = (
    # conflict and security
    "ceasefire ceasefires truce truces armistice",
    "pullback pullbacks withdrawal withdrawals pullout",
    "militants insurgents rebels fighters gunmen",
    "personnel troops soldiers",
    "workers employees staff",
    "fighting clashes clash battle battles hostilities combat",
    "prisoners captives detainees",
    "riot riots rioting rioted unrest disturbance disturbances uprising uprisings mutiny revolt",
    "inmates inmate prisoners prisoner convicts convict",
    "transfer transfers transferred relocate relocated relocation moved",
    "retake retook retaken recapture recaptured regain regained",
    "siege sieges standoff blockade",
    "exchange exchanged swap swapped",
    "released freed",
    "monitors observers",
    "deployed dispatched sent",
    "deploy dispatch send",
    "requested asked appealed sought request requests",
    "approved authorised authorized endorsed",
    "agreement accord deal pact",
    "ordered instructed",
    "remove removes removed removing dismantle dismantles dismantled dismantling",
    "fire shoot shooting firing",
    # disasters
    "earthquake earthquakes quake quakes tremor temblor",
    "cyclone hurricane typhoon storm",
    "flood floods flooding",
    "wildfire wildfires blaze bushfire",
    "explosion explosions blast blasts",
    "vessel vessels ship ships boat boats",
    "house home houses homes",
    "residents inhabitants",
    "destroyed razed flattened wrecked",
    "rain rainfall downpour downpours",
    "hit struck",
    "magnitude strength",
    "larger bigger greater",
    # elections and votes
    "election elections polls vote",
    "voters electorate",
    "result results outcome",
    "lawmakers legislators deputies",
    "bill legislation",
    "referendum referendums plebiscite",
    # labour and money
    "wage wages pay salary salaries",
    "rise raise increase hike",
    "offer proposal",
    "demand demands demanded",
    "fund funds funding money",
    "initial original opening first",
    # statements
    "pledge pledges pledged promise promises promised vow vows vowed",
    "rebuild rebuilt rebuilding reconstruct reconstruction",
    "says tells states",
    # epidemics
    "case cases infection infections",
    "vaccinated immunised immunized inoculated",
    "vaccination immunisation immunization",
    "outbreak epidemic",
    # durations
    "run runs ran lasted lasts",
)
# Derivational families whose members spelling similarity does not join (rapidfuzz ratio < 75:
# "evacuees"/"evacuation", "infection"/"infected", "explosion"/"exploded"): one lemma's noun,
# verb and participle.
_FAMILIES = (
    "die dies died dying death deaths dead",
    "kill kills killed killing killings",
    "injure injures injured injuring injury injuries",
    "evacuate evacuated evacuation evacuations evacuee evacuees",
    "elect elected election elections",
    "detain detained detention detainees",
    "contain contained containment",
    "infect infected infection infections",
    "explode exploded explosion",
    "destroy destroyed destruction",
    "strike struck",
    "restore restored restoring restoration",
    "declare declared declaration",
    "decide decided decision",
    "conclude concluded conclusion",
    "suspend suspended suspension",
    "extend extended extension",
    "complete completed completion",
    "protect protected protection",
    "invade invaded invasion",
    "collide collided collision",
    "admit admitted admission",
    "reduce reduced reduction",
    "resolve resolved resolution",
    "announce announced announcement",
    "appoint appointed appointment",
    "arrive arrived arrival",
    "depart departed departure",
    "vaccinate vaccinated vaccination",
    "seek seeks seeking sought",
    "erupt erupts erupted eruption eruptions",
    "warn warns warned warning warnings",
    "wide width",
    "deep depth",
    "high height",
    "strong strength",
)
SYNONYM_GROUPS = groups((*_BASE_GROUPS, *_NEWS_GROUPS, *_FAMILIES))

# Nouns that count people (singular forms, as kzclaims.choose reduces a plural): a count of
# "persons" or "men" is a count of people, whatever name the claim's unit gives them.
PERSON_NOUNS = wordset(
    """people person man men woman women child children individual resident inhabitant
    civilian citizen worker employee staff personnel participant passenger crew member miner
    soldier troop officer policeman protester demonstrator marcher victim survivor adult
    student voter rescuer firefighter peacekeeper monitor fisherman sailor patient casualty
    casualty fatality inmate prisoner detainee convict captive hostage evacuee refugee migrant
    pensioner teacher nurse doctor farmer"""
)

# The mood of a statement (kzclaims.match.mood): words that deny it and words that make it what
# may, must or will happen rather than what did. Apostrophes are dropped by normalization
# ("didn't" is "didnt").
NEGATIONS = wordset(
    """not no never none nor neither cannot cant didnt doesnt dont isnt arent wasnt werent wont
    hasnt havent hadnt couldnt wouldnt shouldnt without"""
)
MODALS = wordset(
    """need needs must should will would could may might shall plan plans planned intend intends
    intended aim aims hope hopes expect expects expected likely possible possibly if unless
    pledge pledges pledged promise promises promised vow vows vowed want wants propose proposes
    proposed"""
)

# Abbreviations after which a period does not end a sentence (compared lower-case, no final dot).
ABBREVIATIONS = wordset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    mr mrs ms mx dr prof gen lt col maj sgt capt cmdr adm cpl pvt st mt ft hon rev fr
    gov sen rep pres supt insp det amb messrs
    vs v cf approx est ca fig figs vol vols pp art arts sec ch para
    e.g i.e h.e u.s u.k u.n u.s.a a.m p.m"""
)
# Words after which a line break never ends a sentence or a headline ("Official website of the")
CONNECTIVES = wordset(
    "a an the of to and or but nor that which who whom whose in on at by for with from as into onto"
    " upon about than via per"
)
# ... unless followed by something else than a number ("No. 5" / "No. The answer").
NOT_END_BEFORE_DIGIT = wordset("no nos nr op p")

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
MONTHS: dict[str, int] = {}
for _i, _name in enumerate(MONTH_NAMES, 1):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9
# the abbreviations a date may use, longest first where one starts another ("sept" / "sep")
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct",
                       "nov", "dec")
WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
):
    WEEKDAYS[_name] = _i
    WEEKDAYS[_name[:3]] = _i

# --- number words (kzclaims.values.numwords, temporal) -------------------------------------
UNITS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: dict[str, int] = {
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000,
    "crore": 10_000_000, "crores": 10_000_000, "lkh": 100_000, "lkhs": 100_000,
    "lacs": 100_000, "cr": 10_000_000, "krore": 10_000_000, "krores": 10_000_000,
    "koti": 10_000_000,
}  # fmt: skip
PLURAL_SCALES: dict[str, int] = {
    "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000,
    "trillions": 1_000_000_000_000,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1_000, "millionth": 1_000_000, "billionth": 1_000_000_000,
    "trillionth": 1_000_000_000_000,
}  # fmt: skip

# --- qualifiers ------------------------------------------------------------------------------
# Qualifier words before a number: phrase -> (qualifier, inclusive) (kzclaims.values.numbers)
QUALIFIERS_BEFORE: dict[str, tuple[Qualifier, bool]] = {}
for _p in (
    "about", "around", "some", "roughly", "nearly", "almost", "close to", "an estimated",
    "estimated", "approximately", "approx.", "approx", "circa", "ca.", "just about",
    "more or less", "in the region of", "on the order of", "somewhere around", "an approximate",
    "upward of approximately", "roughly about", "around about", "nearly about", "closer to",
    "nearer to", "nearer", "somewhere near",
):  # fmt: skip
    QUALIFIERS_BEFORE[_p] = ("approx", True)
for _p in (
    "more than", "over", "above", "greater than", "higher than", "larger than", "bigger than",
    "in excess of", "upwards of", "upward of", "exceeding", "well over", "just over",
    "well above", "just above", "slightly more than", "a little over", "over than", "exceed",
    "exceeds", "exceeded", "surpass", "surpassing", "surpassed", "well in excess of",
    "considerably more than", "significantly more than", "far more than", "much more than",
    "north of",
):  # fmt: skip
    QUALIFIERS_BEFORE[_p] = ("at_least", False)
for _p in (
    "at least", "no fewer than", "no less than", "not less than", "not fewer than",
    "a minimum of", "minimum of", "at the very least", "at a minimum", "no fewer than about",
    "greater than or equal to", "more than or equal to", "at least or equal to",
    "equal to or more than", "equal to or greater than", "bigger or equal than",
    "higher or equal than", "greater or equal than", "greater or equal to", "more or equal to",
    "bigger or equal to", "higher or equal to", "larger or equal than", "larger or equal to",
):  # fmt: skip
    QUALIFIERS_BEFORE[_p] = ("at_least", True)
for _p in (
    "up to", "no more than", "not more than", "at most", "a maximum of", "maximum of",
    "within", "as many as", "as much as", "as high as", "not exceeding", "at the most",
    "less than or equal to", "equal to or less than", "smaller or equal than",
    "lower or equal than", "fewer than or equal to", "no greater than", "no higher than",
    "less or equal than", "less or equal to", "smaller or equal to", "lower or equal to",
):  # fmt: skip
    QUALIFIERS_BEFORE[_p] = ("at_most", True)
for _p in (
    "less than", "fewer than", "under", "below", "just under", "just below", "lower than",
    "smaller than", "well under", "well below", "slightly less than", "a little under",
    "just shy of", "short of", "barely under", "far less than", "much less than", "shy of",
    "south of",
):  # fmt: skip
    QUALIFIERS_BEFORE[_p] = ("at_most", False)
for _p in (
    "equal to", "equals", "equals to", "equaling to", "equalling to", "equaling", "equalling",
    "exactly", "precisely", "a total of",
):  # fmt: skip
    QUALIFIERS_BEFORE[_p] = ("exact", True)

# Qualifiers of durations and dates: (words, qualifier, inclusive) (kzclaims.values.temporal)
DURATION_QUALIFIERS: list[tuple[str, Qualifier, bool]] = [
    ("no more than", "at_most", True),
    ("not more than", "at_most", True),
    ("no longer than", "at_most", True),
    ("not longer than", "at_most", True),
    ("up to", "at_most", True),
    ("within", "at_most", True),
    ("less than", "at_most", False),
    ("fewer than", "at_most", False),
    ("under", "at_most", False),
    ("at most", "at_most", True),
    ("a maximum of", "at_most", True),
    ("maximum of", "at_most", True),
    ("not exceeding", "at_most", True),
    ("shorter than", "at_most", False),
    ("just under", "at_most", False),
    ("below", "at_most", False),
    ("more than", "at_least", False),
    ("over", "at_least", False),
    ("at least", "at_least", True),
    ("a minimum of", "at_least", True),
    ("minimum of", "at_least", True),
    ("longer than", "at_least", False),
    ("upwards of", "at_least", False),
    ("in excess of", "at_least", False),
    ("no less than", "at_least", True),
    ("not less than", "at_least", True),
    ("no fewer than", "at_least", True),
    ("not fewer than", "at_least", True),
    ("just over", "at_least", False),
    ("well over", "at_least", False),
    ("about", "approx", True),
    ("around", "approx", True),
    ("approximately", "approx", True),
    ("approx.", "approx", True),
    ("roughly", "approx", True),
    ("nearly", "approx", True),
    ("almost", "approx", True),
    ("some", "approx", True),
    ("close to", "approx", True),
    ("closer to", "approx", True),
    ("an estimated", "approx", True),
    ("estimated", "approx", True),
    ("some", "approx", True),
    ("circa", "approx", True),
    ("~", "approx", True),
]
DATE_QUALIFIERS: list[tuple[str, Qualifier, bool]] = [
    ("no later than", "at_most", True),
    ("no later than the end of", "at_most", True),
    ("by the end of", "at_most", True),
    ("until the end of", "at_most", True),
    ("till the end of", "at_most", True),
    ("before the end of", "at_most", True),
    ("through", "at_most", True),
    ("since the beginning of", "at_least", True),
    ("since the start of", "at_least", True),
    ("from the beginning of", "at_least", True),
    ("from the start of", "at_least", True),
    ("after the end of", "at_least", False),
    ("not later than", "at_most", True),
    ("on or before", "at_most", True),
    ("by", "at_most", True),
    ("before", "at_most", False),
    ("prior to", "at_most", False),
    ("until", "at_most", True),
    ("till", "at_most", True),
    ("up to", "at_most", True),
    ("up until", "at_most", True),
    ("no earlier than", "at_least", True),
    ("not earlier than", "at_least", True),
    ("not before", "at_least", True),
    ("on or after", "at_least", True),
    ("after", "at_least", False),
    ("since", "at_least", True),
    ("starting from", "at_least", True),
    ("starting", "at_least", True),
    ("beginning", "at_least", True),
    ("as from", "at_least", True),
    ("from", "at_least", True),
    ("effective", "at_least", True),
    ("around", "approx", True),
    ("about", "approx", True),
    ("circa", "approx", True),
]


# "more than two weeks ago" is a date before (at most) two weeks back
AGO_QUALIFIERS: list[tuple[str, Qualifier, bool]] = [
    ("more than", "at_most", False), ("over", "at_most", False), ("at least", "at_most", True),
    ("less than", "at_least", False), ("under", "at_least", False),
    ("no more than", "at_least", True), ("within", "at_least", True),
    ("about", "approx", True), ("around", "approx", True), ("approximately", "approx", True),
    ("roughly", "approx", True), ("nearly", "approx", True), ("almost", "approx", True),
    ("some", "approx", True),
]  # fmt: skip


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
    connectives=CONNECTIVES,
    day_first=False,
    decimal_comma=False,
    script="a-z",
    person_nouns=PERSON_NOUNS,
    negations=NEGATIONS,
    modals=MODALS,
    calendar_units={
        **dict.fromkeys(("month", "months", "mo", "mos"), "month"),
        **dict.fromkeys(("year", "years", "yr", "yrs"), "year"),
    },
)
