"""The cross-language bridge: a claim phrased in one language, searched in sources of another.

A claim's ``find`` phrasings are matched against a source's words in the source's language (Russian:
lemmas). A claims file written only in English would find nothing in a Russian source, and one
written only in Russian nothing in an English one. So, for each language of the run's sources in
which a claim has no phrasing, each of its phrasings (its title too, when the pipeline searches it)
is *bridged*: its words are carried word by word into that language (a phrase the table lists whole
first: "voter turnout" is "явка"; the content words through a bilingual lemma lexicon of general
news vocabulary; a capitalized word the lexicon lacks, a name, by transliteration; numbers as they
are; stop words and other unknown words left out) and the result is searched as one more phrasing. A
word with several translations ("killed" -> погибнуть, убить, гибель) gives a few bridged phrasings
(the first translation of every word, then the second, ...), the best of which wins as with any
phrasing; a phrasing with a transliterated name is bridged with the name and without it (an invented
or foreign name is often spelt otherwise in the other language, and an unmatched word costs the
phrasing its share). The claim's units are bridged too ("troops" -> войско), so that a value
counting "военнослужащих" fits a claim whose unit is "troops".

Nothing else changes: a bridged phrasing is scored, gated and read like any phrasing (the gate
of issue 8 stays lossless because its bounds hold for every phrasing). A claim with a phrasing
in a source's language is not bridged into it: what its author wrote is better than a word-by-
word translation.

Why a table of our own (``kzclaims/lang/en_ru.py``): no package on PyPI ships an English-Russian
lemma dictionary or aligned multilingual static embeddings inside its wheel. Dictionaries
(``argostranslate``, ``translate``, ``deep-translator``) download models or call web services;
aligned word vectors (fastText MUSE, ``wordllama``'s multilingual weights) are downloads of
hundreds of MB, and ``wordllama``'s bundled 16 MB weights are English-only. A table of a few
hundred lemmas covers the vocabulary claims are written in (what happened, to whom, how many,
when) and loads in milliseconds; its limits are said in README.md and docs/benchmarks.md.

A new language pair is a new table module plus one line in :data:`PAIRS`. The table is read
lazily: only when a claim lacks a phrasing in the language of one of the run's sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache
from importlib import import_module

from kzclaims._dataclass import dataclass
from kzclaims.lang import get, language_of_phrase
from kzclaims.model import Claim

__all__ = [
    "PAIRS",
    "VARIANTS",
    "Bridge",
    "bridge_claim",
    "bridge_claims",
    "bridge_phrasing",
    "bridges_of",
    "translate_word",
    "transliterate",
]

#: (language of the table's left side, of its right side) -> module under kzclaims.lang
PAIRS: dict[tuple[str, str], str] = {("en", "ru"): "en_ru"}
#: at most this many bridged phrasings per phrasing and language (one per rank of translation)
VARIANTS = 5
#: the least share of a phrasing's content words the bridge must carry over (the others are
#: unknown to the lexicon) for the bridged phrasing to be searched
MIN_CARRIED = 0.0
#: whether a phrasing with a transliterated name is also bridged without it
NAMES_OPTIONAL = True


@dataclass(frozen=True)
class Bridge:
    """One bridged phrasing: what it was bridged from, into which language, and how."""

    phrasing: str  # the claim's own phrasing
    language: str  # the language it was bridged into
    text: str  # the bridged phrasing, searched like any phrasing
    #: (word of the phrasing, the word it became) for every word carried over
    words: tuple[tuple[str, str], ...]
    #: content words of the phrasing the lexicon does not know (left out)
    dropped: tuple[str, ...] = ()

    def describe(self) -> str:
        """ "“troops deployed” -> “войско развернуть” (troops -> войско, deployed -> развернуть)"
        """
        pairs = ", ".join(f"{a} -> {b}" for a, b in self.words if a != b)
        out = f"“{self.phrasing}” -> “{self.text}” ({pairs or 'numbers and names only'})"
        if self.dropped:
            out += f"; not bridged: {', '.join(self.dropped)}"
        return out


@cache
def _table(source: str, target: str) -> dict[str, tuple[str, ...]]:
    """normalized word of ``source`` -> its translations into ``target``, most usual first."""
    forward = (source, target) in PAIRS
    name = PAIRS[(source, target) if forward else (target, source)]
    module = import_module(f"kzclaims.lang.{name}")
    left, right = get(module.SOURCE), get(module.TARGET)
    # word -> [(another form?, rank of the word in its line, line number, rank of the
    # translation, it)], sorted: the translations in order
    ranked: dict[str, list[tuple[int, int, int, int, str]]] = {}
    from kzclaims.match import SYNONYMS
    for n, line in enumerate(module.TABLE.splitlines()):
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        lhs, rhs = line.split(":", 1)
        ls = [left.normalize(w) for w in lhs.lower().split()]
        rs = list(dict.fromkeys(right.normalize(w) for w in rhs.lower().replace("ё", "е").split()))
        if forward:
            for k in ls:
                ranked.setdefault(k, []).extend((0, 0, n, i, v) for i, v in enumerate(rs))
        else:
            # a word of the right side -> the words of the left, in this order: of every line
            # that lists it, the one with the most synonyms in its language ("killed", whose
            # group holds "death", "dead", "toll", before "kill", whose family holds its own
            # forms; the first of equals), lines where it comes earlier first ("военный" is
            # "military" before "troops", whose line lists it third); then the other words of
            # those lines, in the same order of lines. English text is not lemmatized, and
            # fuzzy spelling does not join every form ("supply" / "supplies", "rescued" /
            # "rescuers"), so the other forms of a line are further ranks of translation
            # (bridged phrasings of their own, :data:`VARIANTS`)
            rep = max(ls, key=lambda w: len(SYNONYMS.get(w, ())))
            others = [w for w in ls if w != rep]
            for r, k in enumerate(rs):
                ranked.setdefault(k, []).append((0, r, n, 0, rep))
                ranked[k].extend((1, r, n, 1 + j, w) for j, w in enumerate(others))
    return {k: tuple(dict.fromkeys(v for *_, v in sorted(vs))) for k, vs in ranked.items()}


@cache
def _phrases(source: str, target: str) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """First content word of a phrase of ``source`` -> [(its content words, its renderings in
    ``target``, each the content words of a phrase, most usual first)], longest first."""
    from kzclaims.match import is_weak, tokens

    forward = (source, target) in PAIRS
    name = PAIRS[(source, target) if forward else (target, source)]
    module = import_module(f"kzclaims.lang.{name}")
    out: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for line in getattr(module, "PHRASES", "").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        lhs, rhs = line.split(":", 1)
        sides = {
            module.SOURCE: [p.strip() for p in lhs.split(",") if p.strip()],
            module.TARGET: [p.strip() for p in rhs.split(",") if p.strip()],
        }

        def words(phrase: str, language: str) -> tuple[str, ...]:
            return tuple(w for w in tokens(phrase, language) if not is_weak(w))

        renderings = tuple(dict.fromkeys(
            " ".join(ws) for p in sides[target] if (ws := words(p, target))
        ))
        for p in sides[source]:
            key = words(p, source)
            if len(key) >= 2 and renderings:
                out.setdefault(key[0], []).append((key, renderings))
    for entries in out.values():
        entries.sort(key=lambda e: -len(e[0]))
    return out


def _same(word: str, key: str, source: str) -> bool:
    return word == key or (source == "en" and key in english_forms(word))


def pair_supported(source: str, target: str) -> bool:
    return (source, target) in PAIRS or (target, source) in PAIRS


_SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
             ("d", ""), ("ing", ""), ("ing", "e"), ("'s", ""))


def english_forms(word: str) -> list[str]:
    """The word and the base forms its inflection may come from ("deployed" -> "deploy",
    "evacuated" -> "evacuate", "stopped" -> "stop", "casualties" -> "casualty")."""
    out = [word]
    for end, add in _SUFFIXES:
        if word.endswith(end) and len(word) - len(end) >= 3:
            base = word[: -len(end)] + add
            out.append(base)
            if end in ("ed", "ing") and len(base) >= 4 and base[-1] == base[-2]:
                out.append(base[:-1])  # stopped -> stop
    return out


def _first_forms(word: str, source: str) -> list[str]:
    return english_forms(word) if source == "en" else [word]


def translate_word(word: str, source: str, target: str) -> tuple[str, ...]:
    """The translations of a normalized word (most usual first), or () when unknown."""
    if not pair_supported(source, target):
        return ()
    table = _table(source, target)
    forms = english_forms(word) if source == "en" else [word]
    for f in forms:
        got = table.get(f)
        if got:
            return got
    return ()


_LAT_CYR = (
    ("shch", "щ"), ("sch", "ш"), ("tsch", "ч"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"),
    ("kh", "х"), ("ts", "ц"), ("tz", "ц"), ("ya", "я"), ("yu", "ю"), ("yo", "е"), ("ye", "е"),
    ("ia", "ия"), ("th", "т"), ("ph", "ф"), ("ck", "к"), ("qu", "кв"), ("ee", "и"), ("oo", "у"),
    ("ou", "у"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"),
    ("g", "г"), ("h", "х"), ("i", "и"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"),
    ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"),
    ("u", "у"), ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "й"), ("z", "з"),
)
_CYR_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
_LAT_RX = re.compile("|".join(re.escape(a) for a, _ in _LAT_CYR))
_LAT_MAP = dict(_LAT_CYR)
_VOWELS_LAT = set("aeiouy")


def transliterate(word: str, target: str) -> str:
    """A name written in the other script, the usual way ("Velmara" -> "велмара",
    "Велмара" -> "velmara"); a lower-case word. Only Latin <-> Cyrillic."""
    w = word.lower()
    if target == "ru":
        # "c" before e/i/y is "с" ("Valencia"); "y" between consonants or at the end is "и"
        w = re.sub(r"c(?=[eiy])", "s", w)
        w = re.sub(r"ch$", "kh", w)  # "Kellbach": the German "ch" of a name's end
        w = re.sub(r"(?<=[^aeiouy])y(?=[^aeiouy]|$)", "i", w)
        return _LAT_RX.sub(lambda m: _LAT_MAP[m.group()], w)
    if get(target).script == "a-z":
        return "".join(_CYR_LAT.get(ch, ch) for ch in w)
    return w


# a word as written: "2,030", "Almaty's", "Kassym" (the words kzclaims.match.tokens reads)
_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’][^\W_]+)*")


_POSSESSIVE_END = re.compile(r"['’]s$")


def _is_name(word: str) -> bool:
    """A capitalized word (not an all-capital abbreviation, which is spelt otherwise in another
    language: CSTO / ОДКБ)."""
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def bridge_phrasing(text: str, target: str, variants: int = VARIANTS) -> tuple[Bridge, ...]:
    """The bridged phrasings of ``text`` in ``target`` (none when nothing could be carried)."""
    from kzclaims.match import is_weak, tokens

    source = language_of_phrase(text)
    if source == target or not pair_supported(source, target):
        return ()
    slots: list[tuple[str, tuple[str, ...]]] = []  # (word as written, its renderings)
    dropped: list[str] = []
    names: set[str] = set()
    content: list[tuple[str, str]] = []  # (as written, normalized): numbers and content words
    negations = get(source).negations
    negation = NEGATION.get(target)
    for raw in _WORD.findall(text):
        norm = tokens(raw, source)
        if norm and (
            norm[0][:1].isdigit() or not is_weak(norm[0])
            or (negation is not None and norm[0] in negations)
        ):
            content.append((raw, norm[0]))
    phrases = _phrases(source, target)
    i = 0
    while i < len(content):
        raw, word = content[i]
        i += 1
        if word[:1].isdigit():
            slots.append((raw, (word,)))
            continue
        if negation is not None and word in negations:
            # a denial is carried over ("not ended" is "не закончиться"), so that a statement's
            # mood survives the bridge (kzclaims.match.same_mood)
            slots.append((raw, (negation,)))
            continue
        phrase = next(
            (
                (key, renderings) for first in _first_forms(word, source)
                for key, renderings in phrases.get(first, ())
                if len(key) <= len(content) - i + 1
                and all(_same(content[i - 1 + j][1], k, source) for j, k in enumerate(key))
            ),
            None,
        )
        if phrase is not None:
            key, renderings = phrase
            raws = [raw] + [r for r, _ in content[i : i + len(key) - 1]]
            i += len(key) - 1
            slots.append((" ".join(raws), renderings))
            continue
        got = translate_word(word, source, target)
        if got:
            slots.append((raw, got))
        elif _is_name(raw):
            # a name's possessive is not part of it ("Casteria's" is "кастерия")
            slots.append((raw, (transliterate(_POSSESSIVE_END.sub("", raw), target),)))
            names.add(raw)
        else:
            dropped.append(raw)
    carried = sum(len(raw.split()) for raw, r in slots if not r[0][:1].isdigit())
    if not carried or carried < MIN_CARRIED * (carried + len(dropped)):
        return ()
    rank = min(variants, max(len(r) for _, r in slots))
    out: list[Bridge] = []
    seen: set[str] = set()
    shapes = [slots]
    if NAMES_OPTIONAL and names:
        plain = [sl for sl in slots if sl[0] not in names]
        if any(not r[0][:1].isdigit() for _, r in plain):
            shapes.append(plain)
    for shape in shapes:
        for k in range(rank):
            words = tuple((raw, r[min(k, len(r) - 1)]) for raw, r in shape)
            bridged = " ".join(dict.fromkeys(b for _, b in words))
            if bridged not in seen:
                seen.add(bridged)
                out.append(Bridge(text, target, bridged, words, tuple(dropped)))
    return tuple(out)


#: the word that denies a statement in each language, carried over for any of the source
#: language's negations (a stop word otherwise left out)
NEGATION = {"en": "not", "ru": "не"}


#: what a claim is searched by (``kzclaims.pipeline.phrasings``: its ``find`` phrasings and,
#: for most kinds, its title); its ``find`` phrasings when not given
Searched = Callable[[Claim], Sequence[str]]


def _searched(claim: Claim, searched: Searched | None) -> Sequence[str]:
    return searched(claim) if searched is not None else claim.find


def _languages_of(claim: Claim, searched: Searched | None = None) -> set[str]:
    return {language_of_phrase(p) for p in _searched(claim, searched)}


def bridges_of(
    claim: Claim, languages: Iterable[str], searched: Searched | None = None
) -> tuple[Bridge, ...]:
    """The bridged phrasings a claim gets for a run whose sources are in ``languages``: into
    each language it has no phrasing in (of those it is searched by)."""
    phrases = _searched(claim, searched)
    have = {language_of_phrase(p) for p in phrases}
    out: list[Bridge] = []
    for target in sorted(set(languages) - have):
        for p in phrases:
            out.extend(bridge_phrasing(p, target))
    return tuple(out)


def _bridge_units(units: Sequence[str], target: str) -> tuple[str, ...]:
    from kzclaims.match import tokens

    out: list[str] = []
    for u in units:
        source = language_of_phrase(u)
        if source == target or not pair_supported(source, target):
            continue
        words = tokens(u, source)
        if len(words) == 1:
            out.extend(translate_word(words[0], source, target)[:2])
    return tuple(w for w in dict.fromkeys(out) if w not in units)


def bridge_claim(
    claim: Claim, languages: Iterable[str], searched: Searched | None = None
) -> Claim:
    """The claim with its bridged phrasings (after its own ``find``) and units for a run whose
    sources are in ``languages``; the claim itself when it needs none. ``searched``: what the
    pipeline searches a claim by (its title too: bridged as well)."""
    langs = set(languages)
    if not (langs - _languages_of(claim, searched)):
        return claim
    bridges = bridges_of(claim, langs, searched)
    if not bridges:
        return claim
    find = tuple(dict.fromkeys((*claim.find, *(b.text for b in bridges))))
    units = tuple(claim.unit)
    for target in sorted({b.language for b in bridges}):
        units += _bridge_units(claim.unit, target)
    return replace(claim, find=find, unit=units)


def bridge_claims(
    claims: Sequence[Claim], languages: Iterable[str], searched: Searched | None = None
) -> tuple[Claim, ...]:
    langs = frozenset(languages)
    return tuple(bridge_claim(c, langs, searched) for c in claims)
