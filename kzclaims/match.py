"""Locate a claim in a source: fuzzy word matching with a lossless candidate prefilter.

The score of a passage (a sentence, or two neighbouring sentences) for a phrasing is a fuzzy
*word coverage*: every word of the phrasing is matched to its most similar word of the passage
(``rapidfuzz.fuzz.ratio`` >= :data:`WORD_CUTOFF`, so "Majilis"/"Mazhilis", "troop"/"troops",
"aircraft"/"aircrafts" match, "Kassym-Jomart" and "Kassym Jomart" are the same two words,
"Almaty's" is "Almaty"), and the score is the weighted share of the phrasing that was found::

    score = 100 * sum(weight(w) * similarity(w)) / sum(weight(w)) - spread penalty

Content words weigh 1; stop words and numbers ("weak" words: the number is the value, which
sources write differently) weigh :data:`STOP_WEIGHT`, match only exactly, and count only once a
content word matched. The spread penalty (:data:`SPREAD_PER_WORD` per word the matched words
spread beyond ``2 * matched + 3`` words, divided by the number of matched words, at most
:data:`SPREAD_CAP`) keeps words scattered over a long passage from adding up to a match.
A pair of sentences pays :data:`PAIR_PENALTY` more and is only reported when it beats both of
its sentences: a value given in the next sentence ("... CSTO peacekeeping forces will start in
two days." / "The mission consists of 2,030 troops ...") is found, but a pair never wins just by
holding more words. Case and punctuation do not matter.

:class:`SourceIndex` (one source) and :class:`CorpusIndex` (many sources in one index, the
fast way to search thousands of documents) are built once and queried per claim: an inverted
index of the content words of every sentence. A query expands each phrasing word to the
vocabulary words within the cutoff (:class:`Lexicon`, cached and shared between indexes) and
scores only the sentences that can still reach the threshold: with ``W`` the weight of the
phrasing, a passage that lacks every word of a set ``R`` of content words scores at most
``100 * (W - weight(R)) / W``, so only sentences holding one of the rarest words whose removal
would make the threshold unreachable are looked at (a prefix filter), and of those only the ones
whose coverage (a bound of the score) reaches the threshold are scored exactly. No passage that
a brute-force scan (:func:`brute_force_search`) finds at the same threshold is lost; the tests
check this on the bundled corpus and on synthetic text.

``search(..., threshold=0)`` (or ``nearest``) returns the best passages whatever their score
(every passage sharing a content word with a phrasing): the near misses ``explain`` shows.
"""

from __future__ import annotations

import math
import re
from array import array
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from sys import intern
from typing import Any

from rapidfuzz import fuzz, process

from kzclaims._dataclass import dataclass
from kzclaims._lazyre import cached
from kzclaims.choose import _WORD, _word_form
from kzclaims.lang import all_languages, get, language_of_phrase, synonym_table
from kzclaims.model import Claim, Match, Sentence, Source

__all__ = [
    "FUZZY_SLOPE",
    "NUMBER_WORDS",
    "PAIR_PENALTY",
    "SPREAD_CAP",
    "SPREAD_PER_WORD",
    "STOPWORDS",
    "STOP_WEIGHT",
    "WORD_CUTOFF",
    "CorpusIndex",
    "GateQuery",
    "KeyFilter",
    "Lexicon",
    "SourceIndex",
    "brute_force_search",
    "is_weak",
    "mood",
    "same_mood",
    "score_passage",
    "tokens",
]

WORD_CUTOFF = 75.0  # rapidfuzz ratio two words need to count as the same word
FUZZY_SLOPE = 2.0  # a fuzzy word match of ratio r counts 1 - FUZZY_SLOPE * (1 - r / 100)
# (half the cost when the words share their first 4 letters: inflections)
STOP_WEIGHT = 0.2  # weight of a stop word against 1 for a content word
SPREAD_PER_WORD = 4.0  # points lost per extra word of spread, divided by the matched words
SPREAD_CAP = 30.0  # at most this many points lost to spread
PAIR_PENALTY = 5.0  # points a two-sentence passage pays

# Stop words, value-kind words ("number of", "date of") and number words of every language
# (kzclaims.lang), in normalized form: they weigh STOP_WEIGHT, match only exactly and are never
# indexed. Numbers are the value a claim is about, which sources state differently.
STOPWORDS: frozenset[str] = frozenset().union(*(lg.stopwords for lg in all_languages()))
NUMBER_WORDS: frozenset[str] = frozenset().union(*(lg.number_words for lg in all_languages()))
_WEAK = STOPWORDS | NUMBER_WORDS


def is_weak(word: str) -> bool:
    """A stop word or a number: matched exactly, weighs :data:`STOP_WEIGHT`, never indexed."""
    return word in _WEAK or word[:1].isdigit()


_TOKEN = cached(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’][^\W_]+)*")


def _lower(text: str) -> str:
    """Lower case, one character for one ("İ" -> "i", not "i" + a combining dot)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[:1] for c in text)


def _norm(tok: str) -> str:
    """Normalize one token as written (the reference for :func:`tokens`)."""
    tok = _lower(tok).replace("’", "'")
    if tok.endswith("'s"):
        tok = tok[:-2]
    return tok.replace("'", "").replace(",", "")


# The same normalization on a whole text at once (C speed): drop possessive 's, apostrophes
# inside words and thousands separators, then find the words.
# (Lookbehinds come after the first character so that the engine scans for that character.)
_POSSESSIVE = cached(r"['’](?<=[^\W_]['’])s(?![^\W_])")
_INNER_APOSTROPHE = cached(r"['’](?<=[^\W_]['’])(?=[^\W_])")
_NUMBER = cached(r"\d(?<![^\W_]\d)\d*(?:[.,]\d+)*,\d+(?:[.,]\d+)*((?=[^\W_]))?")
_TOKEN_NORM = cached(r"\d+(?:\.\d+)+|[^\W_]+")


def _number(m: re.Match[str]) -> str:
    # "1,000km" is two words, "1000" and "km", as the word pattern reads it.
    return m.group().replace(",", "") + (" " if m.group(1) is not None else "")


def _normalize(text: str) -> str:
    text = _lower(text)
    if "'" in text or "’" in text:
        text = _INNER_APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    if "," in text:
        text = _NUMBER.sub(_number, text)
    return text


def tokens(text: str, language: str = "en") -> list[str]:
    """The normalized words of ``text``: lower-case, possessive 's dropped, "2,030" -> "2030";
    then the language's normalization (Russian: lemmas, "войсками" -> "войско")."""
    words = _TOKEN_NORM.findall(_normalize(text))
    normalizer = get(language).normalizer
    return [normalizer(w) for w in words] if normalizer is not None else words


def _tokens_many(texts: Sequence[str], language: str = "en") -> list[list[str]]:
    """:func:`tokens` of many texts (one normalization pass over them all)."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return [tokens(t, language) for t in texts]
    find = _TOKEN_NORM.findall
    normalizer = get(language).normalizer
    if normalizer is not None:
        return [
            [intern(normalizer(w)) for w in find(t)] for t in _normalize(joined).split("\n")
        ] if texts else []
    # Interned: an index holds each distinct word once, not once per occurrence.
    return [list(map(intern, find(t))) for t in _normalize(joined).split("\n")] if texts else []


def _token_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _credit(a: str, b: str, ratio: float) -> float:
    """What a fuzzy match of two different words is worth (0..1): every ratio point below 100
    costs :data:`FUZZY_SLOPE` points ("Mazhilis" for "Majilis", or "trained" for "detained",
    ratio 80: 0.6), half as much when the words share their first 4 letters or more, as
    inflections do ("troops" for "troop", 91: 0.91; "seizure" for "seized", 77: 0.77)."""
    cost = FUZZY_SLOPE * (100.0 - ratio) / 100.0
    if a[:4] == b[:4] and len(a) >= 4 and len(b) >= 4:
        cost /= 2.0
    return max(0.0, 1.0 - cost)


# Words news reports use for the same thing, which no spelling similarity relates ("the pullout
# will commence" for "the withdrawal will start"): each language's groups (kzclaims.lang), over
# normalized words. A synonym counts SYNONYM_CREDIT.
SYNONYM_CREDIT = 0.85
SYNONYMS: dict[str, frozenset[str]] = synonym_table()


def _ratio(a: str, b: str) -> float:
    """Similarity 0..1 of two normalized words; words with digits must be equal."""
    if a == b:
        return 1.0
    # (a letter is never a digit: isalpha() answers most words at C speed)
    if not a.isalpha() and any(ch.isdigit() for ch in a):
        return 0.0
    if not b.isalpha() and any(ch.isdigit() for ch in b):
        return 0.0
    r = fuzz.ratio(a, b, score_cutoff=WORD_CUTOFF)
    fuzzy = _credit(a, b, r) if r else 0.0
    return max(fuzzy, SYNONYM_CREDIT) if b in SYNONYMS.get(a, ()) else fuzzy


NEGATIONS: frozenset[str] = frozenset().union(*(lg.negations for lg in all_languages()))
MODALS: frozenset[str] = frozenset().union(*(lg.modals for lg in all_languages()))


def mood(text: str, language: str | None = None) -> frozenset[str]:
    """What a sentence or a phrasing says besides that something happened: "negated" (a word of
    its language's :attr:`~kzclaims.lang.Language.negations`), "modal" (what may, must or will
    happen: :attr:`~kzclaims.lang.Language.modals`); empty for a plain assertion."""
    words = set(tokens(text, language or language_of_phrase(text)))
    out = set()
    if words & NEGATIONS:
        out.add("negated")
    if words & MODALS:
        out.add("modal")
    return frozenset(out)


def same_mood(phrasing: str, passage: str, language: str | None = None) -> bool:
    """Does a passage say a statement the way its phrasing does? Both plain assertions, or both
    not ("cannot be ruled out" and "may": either way something not asserted as done); "we need
    to complete the operation" does not say "the operation was completed"."""
    a, b = mood(phrasing), mood(passage, language)
    return a == b or bool(a and b)


@dataclass(frozen=True)
class _Phrase:
    """A phrasing's words, their weights and which are content words."""

    text: str
    words: tuple[str, ...]
    weights: tuple[float, ...]
    content: tuple[bool, ...]
    total: float  # sum of weights
    stop_total: float  # sum of weights of the stop words


def _phrase(text: str) -> _Phrase | None:
    words = tuple(tokens(text, language_of_phrase(text)))
    if not words:
        return None
    content = tuple(not is_weak(w) for w in words)
    if not any(content):  # a phrasing of weak words only: every word counts
        content = tuple(True for _ in words)
    weights = tuple(1.0 if c else STOP_WEIGHT for c in content)
    stop_total = sum(w for w, c in zip(weights, content, strict=True) if not c)
    return _Phrase(text, words, weights, content, sum(weights), stop_total)


# A table from a passage word to the phrasing words it matches: word -> ((index, similarity),..)
_Table = dict[str, list[tuple[int, float]]]


def _score(p: _Phrase, table: _Table, toks: Sequence[str]) -> tuple[float, list[int]]:
    """Score of a passage with words ``toks``; also the positions of the matched words."""
    k = len(p.words)
    best = [0.0] * k
    where: list[list[int]] = [[] for _ in range(k)]
    get = table.get
    for j, t in enumerate(toks):
        hits = get(t)
        if hits:
            for i, sim in hits:
                if sim > best[i]:
                    best[i] = sim
                    where[i] = [j]
                elif sim == best[i]:
                    where[i].append(j)
    matched = [i for i in range(k) if best[i] > 0.0 and p.content[i]]
    if not matched:
        return 0.0, []
    covered = sum(p.weights[i] * best[i] for i in range(k))
    score = 100.0 * covered / p.total
    # The smallest window of positions holding one occurrence of every matched content word.
    lo, hi = _window([where[i] for i in matched])
    allowed = 2 * len(matched) + 3
    excess = (hi - lo + 1) - allowed
    if excess > 0:
        score -= min(SPREAD_CAP, SPREAD_PER_WORD * excess / len(matched))
    # Positions to report: one per matched content word inside the window, and the phrasing's
    # stop words next to them ("heads of the CSTO").
    chosen: set[int] = set()
    for i in matched:
        inside = [j for j in where[i] if lo <= j <= hi]
        chosen.add(inside[0])
    stops = {j for i in range(k) if not p.content[i] for j in where[i] if lo <= j <= hi}
    grown = True
    while grown:
        grown = False
        for j in sorted(stops):
            if j not in chosen and (j - 1 in chosen or j + 1 in chosen):
                chosen.add(j)
                grown = True
    return max(0.0, score), sorted(chosen)


def _window(lists: list[list[int]]) -> tuple[int, int]:
    """Smallest [lo, hi] range holding at least one number of every list (lists non-empty)."""
    if len(lists) == 1:
        return lists[0][0], lists[0][0]
    events = sorted((pos, i) for i, lst in enumerate(lists) for pos in lst)
    need = len(lists)
    counts = [0] * need
    have = 0
    best = (events[0][0], events[-1][0])
    left = 0
    for pos, i in events:
        if counts[i] == 0:
            have += 1
        counts[i] += 1
        while have == need:
            lpos, li = events[left]
            if pos - lpos < best[1] - best[0]:
                best = (lpos, pos)
            counts[li] -= 1
            if counts[li] == 0:
                have -= 1
            left += 1
    return best


def _direct_table(p: _Phrase, toks: Iterable[str]) -> _Table:
    """The word table computed directly with rapidfuzz (no index): the brute-force reference."""
    table: _Table = {}
    for t in set(toks):
        weak = is_weak(t)
        hits: list[tuple[int, float]] = []
        for i, w in enumerate(p.words):
            # A weak word matches only itself; other words match fuzzily, never a weak word.
            sim = float(w == t) if is_weak(w) else (0.0 if weak else _ratio(w, t))
            if sim > 0.0:
                hits.append((i, sim))
        if hits:
            table[t] = hits
    return table


def _table_rows(p: _Phrase, words: Iterable[str]) -> _Table:
    """:func:`_direct_table` of ``words``, with one rapidfuzz pass per phrasing word over them
    instead of a :func:`_ratio` call per (word, phrasing word): a word scores above 0 only when
    it is the phrasing word, one of its synonyms or within :data:`WORD_CUTOFF` of it (the pass
    finds those, by the same ratio and cutoff), and only those are scored, by :func:`_ratio` as
    there, so the rows are the same (``tests/test_match.py`` compares both)."""
    distinct = set(words)
    strong = [t for t in distinct if not is_weak(t)]
    table: _Table = {}
    for i, w in enumerate(p.words):
        if is_weak(w):  # a weak word matches only itself
            if w in distinct:
                table.setdefault(w, []).append((i, 1.0))
            continue
        near = {
            t for t, _, _ in process.extract(
                w, strong, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=None
            )
        }
        near.update(distinct & SYNONYMS.get(w, frozenset()))
        if w in distinct:
            near.add(w)
        for t in near:
            if is_weak(t):
                continue  # never matches a phrasing word that is not weak
            sim = _ratio(w, t)
            if sim > 0.0:
                table.setdefault(t, []).append((i, sim))
    return table


def score_passage(phrasing: str, text: str, language: str = "en") -> float:
    """The score (0-100) of ``text`` for ``phrasing``, computed directly (no index, no pairs)."""
    p = _phrase(phrasing)
    if p is None:
        return 0.0
    toks = tokens(text, language)
    return round(_score(p, _direct_table(p, toks), toks)[0], 1)


def score_passages(phrasing: str, texts: Sequence[str], language: str = "en") -> list[float]:
    """:func:`score_passage` of each of ``texts``, with one word table for them all (a passage's
    score reads only the table's rows of its own words)."""
    return score_tokens(phrasing, _tokens_many(texts, language))


def score_tokens(phrasing: str, toks: Sequence[Sequence[str]]) -> list[float]:
    """:func:`score_passages` of passages given by their words (:func:`tokens`, e.g. as an index
    holds them). The table's row of each word is remembered per phrasing: a row depends only on
    the phrasing and the word, and the same words come back in every source."""
    p = _cached_phrase(phrasing)
    if p is None:
        return [0.0 for _ in toks]
    global _ROWS_KEPT
    rows = _ROWS.get(phrasing)
    if rows is None:
        rows = _ROWS[phrasing] = {}
    new = {t for ts in toks for t in ts if t not in rows}
    if new:
        if _ROWS_KEPT + len(new) > ROWS_KEPT:  # memory flat on large corpora: start again
            _ROWS.clear()
            rows = _ROWS[phrasing] = {}
            _ROWS_KEPT = 0
        table = _table_rows(p, new)
        for t in new:
            rows[t] = table.get(t, _NO_HITS)
        _ROWS_KEPT += len(new)
    return [round(_score(p, rows, ts)[0], 1) for ts in toks]


#: phrasing -> word -> its row of :func:`_direct_table` (empty: the word matches no phrasing
#: word), for :func:`score_tokens`
_ROWS: dict[str, _Table] = {}
_NO_HITS: list[tuple[int, float]] = []
#: rows :func:`score_tokens` remembers at most (~100 bytes each), and how many it holds
ROWS_KEPT = 100_000
_ROWS_KEPT = 0


@dataclass
class _Hit:
    """A passage found for a phrasing: its score and sentences."""

    score: float
    phrasing: str
    first: int
    last: int
    positions: list[int]


def _collect(
    hits: dict[tuple[int, int], _Hit], key: tuple[int, int], score: float, p: _Phrase,
    positions: list[int],
) -> None:
    old = hits.get(key)
    if old is None or score > old.score:
        hits[key] = _Hit(score, p.text, key[0], key[1], positions)


def _bests(p: _Phrase, table: _Table, toks: Sequence[str]) -> dict[int, float]:
    """The best similarity of every phrasing word found in a passage (no positions: fast)."""
    best: dict[int, float] = {}
    for t in table.keys() & toks:
        for i, sim in table[t]:
            if sim > best.get(i, 0.0):
                best[i] = sim
    return best


def _bound(p: _Phrase, best: dict[int, float]) -> float:
    """An upper bound of the score of a passage whose words have these best similarities."""
    content = p.content
    if not any(content[i] for i in best):
        return 0.0
    weights = p.weights
    return 100.0 * sum(weights[i] * b for i, b in best.items()) / p.total


def _passages(
    p: _Phrase, candidates: Iterable[int], toks: Sequence[Sequence[str]], table: _Table,
    threshold: float, pairs: bool, hits: dict[tuple[int, int], _Hit],
    same_doc: Callable[[int], bool] | None = None,
) -> None:
    """Score the candidate sentences and the pairs around them; keep those >= threshold.

    ``same_doc(a)`` tells whether sentences ``a`` and ``a + 1`` belong to the same source.
    A cheap upper bound (coverage without the spread penalty) is computed first; the exact
    score only when the bound reaches the threshold. A pair is kept only when it scores more
    than both of its sentences, and it scores at most its bound: a pair whose bound does not
    exceed the exact score of one of its sentences (known when that sentence's bound reached
    the threshold) is not scored (~half of the pairs scored before in the bundled run).
    """
    bests: dict[int, dict[int, float]] = {}
    exact: dict[int, float] = {}

    def best_of(i: int) -> dict[int, float]:
        b = bests.get(i)
        if b is None:
            b = bests[i] = _bests(p, table, toks[i])
        return b

    def one(i: int) -> float:
        s = exact.get(i)
        if s is None:
            sc, pos = _score(p, table, toks[i])
            s = exact[i] = round(sc, 1)
            if s >= threshold and s > 0.0:
                _collect(hits, (i, i), s, p, pos)
        return s

    cands = sorted(set(candidates))
    # _bound inlined (the same sums in the same order): the phrasing's content words as a set
    content = frozenset(k for k, c in enumerate(p.content) if c)
    weights, total = p.weights, p.total
    for i in cands:
        b = bests.get(i)
        if b is None:
            b = bests[i] = _bests(p, table, toks[i])
        if content.isdisjoint(b):
            continue  # bound 0
        bound = round(100.0 * sum([weights[k] * x for k, x in b.items()]) / total, 1)
        if bound >= threshold and bound > 0.0:
            one(i)
    if not pairs:
        return
    n = len(toks)
    firsts = sorted({j for i in cands for j in (i - 1, i) if j >= 0 and j + 1 < n})
    for a in firsts:
        if same_doc is not None and not same_doc(a):
            continue
        ba, bb = best_of(a), best_of(a + 1)
        if not ba or not bb:
            continue  # a pair must hold words of both sentences to beat them
        both = dict(ba)
        for i, x in bb.items():
            if x > both.get(i, 0.0):
                both[i] = x
        bound = round(max(0.0, _bound(p, both) - PAIR_PENALTY), 1)
        if bound < threshold or bound <= 0.0:
            continue
        if exact.get(a, -1.0) >= bound or exact.get(a + 1, -1.0) >= bound:
            continue  # it cannot beat that sentence
        combined = list(toks[a]) + list(toks[a + 1])
        sc, pos = _score(p, table, combined)
        s = round(max(0.0, sc - PAIR_PENALTY), 1)
        if s >= threshold and s > 0.0 and s > one(a) and s > one(a + 1):
            _collect(hits, (a, a + 1), s, p, pos)


@lru_cache(maxsize=65536)
def weak_near(word: str) -> tuple[str, ...]:
    """The weak words (:func:`is_weak`'s stop and number words, which no index keeps) without a
    digit within :data:`WORD_CUTOFF` of ``word`` (rapidfuzz ratio), in the order
    ``process.extract`` gives them. Only the weak words of a length that can reach the cutoff
    are compared (:meth:`Lexicon._lengths`: a ratio is at most 200 x the shorter length / the
    sum of the lengths), a third to a half of them."""
    return tuple(
        t for t, _, _ in process.extract(
            word, _weak_of_lengths(len(word)), scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF,
            limit=None,
        )
    )


@lru_cache(maxsize=256)
def _weak_of_lengths(n: int) -> list[str]:
    """The weak words without a digit that may reach the cutoff with a word of length ``n``,
    sorted."""
    by_length = _weak_by_length()
    return sorted(t for k in Lexicon._lengths("x" * n) for t in by_length.get(k, ()))


@lru_cache(maxsize=1)
def _weak_by_length() -> dict[int, list[str]]:
    """The weak words without a digit by their length (one pass over them: each length's
    ``_weak_of_lengths`` went over all of them, ~0.25 ms each, a dozen a run)."""
    out: dict[int, list[str]] = {}
    for t in _WEAK:
        if not any(ch.isdigit() for ch in t):
            out.setdefault(len(t), []).append(t)
    return out


_PHRASES: dict[str, _Phrase | None] = {}


def _cached_phrase(text: str) -> _Phrase | None:
    if text not in _PHRASES:
        if len(_PHRASES) > 100_000:
            _PHRASES.clear()
        _PHRASES[text] = _phrase(text)
    return _PHRASES[text]


def _similar(word: str, choices: Sequence[str]) -> list[tuple[str, float]]:
    """The choices within :data:`WORD_CUTOFF` of ``word`` with their similarity 0..1."""
    found = process.extract(word, choices, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=None)
    synonyms = SYNONYMS.get(word, frozenset())
    return [
        (w, 1.0 if w == word else max(_credit(word, w, sc), SYNONYM_CREDIT * (w in synonyms)))
        for w, sc, _ in found
    ]


class Lexicon:
    """Fuzzy expansions of phrasing words over a vocabulary that grows as sources are indexed.

    Share one between the indexes of many sources so that every phrasing word is compared with
    every vocabulary word once: ``expand`` caches its answer and, when words were added since,
    compares the word with the new words only. Only words of a length that can reach the
    cutoff are compared (``ratio >= c`` needs ``c / (200 - c) <= len(a) / len(b) <= (200 - c)
    / c``).
    """

    def __init__(self) -> None:
        self._by_len: dict[int, list[str]] = {}
        self._known: set[str] = set()
        # word -> (vocabulary size when last brought up to date, words compared per length,
        # expansion)
        self._cache: dict[str, tuple[int, dict[int, int], list[tuple[str, float]]]] = {}

    def __len__(self) -> int:
        return len(self._known)

    def add(self, words: Iterable[str]) -> None:
        known = self._known
        by_len = self._by_len
        for w in words:
            if w not in known:
                known.add(w)
                by_len.setdefault(len(w), []).append(w)

    def knows(self, word: str) -> bool:
        """Has ``word`` been expanded before (so that expanding it again is cheap)?"""
        return word in self._cache

    @staticmethod
    def _lengths(word: str) -> range:
        """The lengths of words that may reach :data:`WORD_CUTOFF` with ``word``."""
        c = WORD_CUTOFF
        n = len(word)
        lo = max(1, math.ceil(n * c / (200.0 - c) - 1e-9))
        hi = math.floor(n * (200.0 - c) / c + 1e-9)
        return range(lo, hi + 1)

    def expand(
        self, word: str, near: dict[tuple[str, int], list[str]] | None = None
    ) -> list[tuple[str, float]]:
        """Vocabulary words within :data:`WORD_CUTOFF` of ``word``, with their similarity 0..1.

        ``near``: for (word, length), a superset of the words of that length not yet compared
        with ``word`` that reach the cutoff (:meth:`expand_many`); they are compared exactly."""
        cached = self._cache.get(word)
        if cached is not None and cached[0] == len(self._known):
            return cached[2]  # no word added since
        seen, got = cached[1:] if cached is not None else ({}, [])
        changed = cached is None
        # the words not yet compared, of every length that may reach the cutoff, compared in
        # one rapidfuzz pass (one per length cost ~40 us more a word: the query prepared and a
        # list handed over ~8 times)
        choices: list[str] = []
        for length in self._lengths(word):
            bucket = self._by_len.get(length)
            if not bucket or seen.get(length, 0) >= len(bucket):
                continue
            some = near.get((word, length)) if near is not None else None
            choices.extend(bucket[seen.get(length, 0):] if some is None else some)
            seen[length] = len(bucket)
            changed = True
        if choices:
            got.extend(_similar(word, choices))
        # Synonyms of any length (outside the length window of fuzzy matches).
        have = {w for w, _ in got}
        for syn in SYNONYMS.get(word, ()):
            if syn in self._known and syn not in have:
                got.append((syn, SYNONYM_CREDIT))
                changed = True
        if changed:
            got.sort()
        self._cache[word] = (len(self._known), seen, got)
        return got


    def expand_many(self, words: Iterable[str]) -> None:
        """:meth:`expand` every word (the same answers), comparing the words with the new
        vocabulary words in one ``rapidfuzz.process.cdist`` per word length when numpy is
        installed (``pip install "kzclaims[fast]"``: ~10 ns a word pair against ~50-150 for one
        ``process.extract`` per word, which converts every vocabulary word again for each
        phrasing word). cdist only preselects, at a cutoff one point lower with integer scores
        (a pair of ratio >= :data:`WORD_CUTOFF` scores at least that rounded), and the words it
        keeps are compared exactly as :meth:`expand` compares them, so the answers are the same
        with numpy or without."""
        todo = [w for w in dict.fromkeys(words) if not self._current(w)]
        if not todo:
            return
        groups: dict[tuple[int, int], list[str]] = {}
        for w in todo:
            cached = self._cache.get(w)
            seen = cached[1] if cached is not None else {}
            for length in self._lengths(w):
                bucket = self._by_len.get(length)
                start = seen.get(length, 0)
                if bucket and start < len(bucket):
                    groups.setdefault((length, start), []).append(w)
        near: dict[tuple[str, int], list[str]] = {}
        big = {
            key: ws for key, ws in groups.items()
            if len(ws) * (len(self._by_len[key[0]]) - key[1]) >= CDIST_MIN_PAIRS
        }  # the others: expand() compares them one by one
        if big:  # numpy is imported only then (a small run starts without it)
            try:
                import numpy as np
                from rapidfuzz import fuzz
                from rapidfuzz.process import cdist
            except ImportError:
                big = {}
        for (length, start), ws in big.items():
            choices = self._by_len[length][start:]
            lists: list[list[str]] = [[] for _ in ws]
            for at in range(0, len(choices), CDIST_CHUNK):
                part = choices[at : at + CDIST_CHUNK]
                scores = cdist(
                    ws, part, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF - 1.0,
                    dtype=np.uint8, workers=1,
                )
                rows, cols = np.nonzero(scores)
                for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
                    lists[i].append(part[j])
            for w, found in zip(ws, lists, strict=True):
                near[(w, length)] = found
        for w in todo:
            self.expand(w, near)

    def _current(self, word: str) -> bool:
        cached = self._cache.get(word)
        return cached is not None and cached[0] == len(self._known)


#: below this many word pairs a length's comparison is left to ``process.extract`` (and numpy is
#: not imported: the bundled run starts without it)
CDIST_MIN_PAIRS = 500_000
#: vocabulary words per cdist call (a matrix of phrasing words x this many bytes)
CDIST_CHUNK = 4096


class CorpusIndex:
    """The sentences of many sources in one index: one query searches them all.

    Built once (``add`` each source), queried per claim. Pairs never span two sources.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else Lexicon()
        self._sentences: list[Sentence] = []
        self._toks: list[list[str]] = []
        self._doc_of: list[int] = []
        self._docs: list[str] = []
        self._postings: dict[str, array[int]] = {}
        self._unsynced: list[str] = []  # words indexed since the lexicon was last given them
        self._span: dict[str, range] = {}  # source id -> its sentences' numbers
        self._number: dict[str, int] = {}  # source id -> its number (in _docs)

    def add(self, source_id: str, sentences: Sequence[Sentence], language: str = "en") -> None:
        """Index a source's sentences; their words are normalized the ``language``'s way."""
        doc = len(self._docs)
        self._docs.append(source_id)
        sents = list(sentences)
        toks_list = _tokens_many([s.text for s in sents], language)
        base = len(self._sentences)
        self._span[source_id] = range(base, base + len(sents))
        self._number[source_id] = doc
        self._sentences.extend(sents)
        self._toks.extend(toks_list)
        self._doc_of.extend([doc] * len(sents))
        postings = self._postings
        unsynced = self._unsynced
        weak = _WEAK
        for sid, toks in enumerate(toks_list, base):
            for t in set(toks) - weak:
                if not t[0].isdigit():
                    ids = postings.get(t)
                    if ids is None:
                        ids = postings[t] = array("i")
                        unsynced.append(t)
                    ids.append(sid)
        # Give a shared lexicon the new words now: when every source is indexed before the
        # first query, each phrasing word is then compared with the vocabulary only once.
        self._sync()

    def _sync(self) -> None:
        """Give the lexicon the words indexed since the last query."""
        # (A list of the new words, not a slice of the postings' keys: slicing a dict from
        # position n costs n, which made indexing 20,000 sources quadratic.)
        if self._unsynced:
            self.lexicon.add(self._unsynced)
            self._unsynced = []

    def add_source(self, source: Source) -> None:
        from kzclaims.text import split_sentences

        self.add(source.id, split_sentences(source.text, source.language), source.language)

    def tokens_of(self, source_id: str) -> list[list[str]] | None:
        """The words (:func:`tokens`) of each sentence of a source, as indexed (None: not
        indexed)."""
        span = self._span.get(source_id)
        return None if span is None else self._toks[span.start : span.stop]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(self._docs)

    def __len__(self) -> int:
        return len(self._sentences)

    def _prepare(self, p: _Phrase, threshold: float) -> tuple[_Table, set[int]]:
        """The word table of a phrasing and the sentences that may reach ``threshold``.

        The content words are taken rarest first until the others together cannot reach the
        threshold: every passage that can must hold a word close to one of these, so only the
        sentences holding one are candidates (a prefix filter).
        """
        self._sync()
        post = self._postings
        table: _Table = {}
        expanded: dict[int, list[str]] = {}
        for i, w in enumerate(p.words):
            if is_weak(w):
                table.setdefault(w, []).append((i, 1.0))
            else:
                found = [(v, sim) for v, sim in self.lexicon.expand(w) if v in post]
                expanded[i] = [v for v, _ in found]
                for v, sim in found:
                    table.setdefault(v, []).append((i, sim))
        content = [i for i in range(len(p.words)) if p.content[i]]
        if any(is_weak(p.words[i]) for i in content):
            return table, set(range(len(self._sentences)))  # weak words only: not indexed
        need = threshold / 100.0 * p.total - p.stop_total  # content weight a passage needs

        def size(i: int) -> int:
            return sum(len(post[v]) for v in expanded[i])

        order = sorted(content, key=lambda i: (size(i), i))
        remaining = sum(p.weights[i] for i in content)
        cands: set[int] = set()
        for i in order:
            if remaining < need - 1e-9:
                break
            remaining -= p.weights[i]
            for v in expanded[i]:
                cands.update(post[v])
        return table, cands

    def _hits(
        self, phrasings: Sequence[str], threshold: float, pairs: bool,
        docs: set[int] | None = None,
    ) -> dict[tuple[int, int], _Hit]:
        hits: dict[tuple[int, int], _Hit] = {}
        doc_of = self._doc_of

        def same_doc(a: int) -> bool:
            return doc_of[a] == doc_of[a + 1]

        for text in phrasings:
            p = _cached_phrase(text)
            if p is None:
                continue
            table, cands = self._prepare(p, threshold)
            if docs is not None:
                cands = {i for i in cands if doc_of[i] in docs}
            _passages(p, cands, self._toks, table, threshold, pairs, hits, same_doc)
        return hits

    def search(
        self, phrasings: Sequence[str], threshold: float, limit: int = 5, pairs: bool = True,
        sources: Iterable[str] | None = None,
    ) -> dict[str, list[Match]]:
        """For every source with a passage scoring >= ``threshold``: its passages, best first,
        at most ``limit`` a source. Sources without a match are left out.

        ``sources``: only these sources are searched (the others' sentences are not scored);
        a source's passages do not depend on the others' (a pair never spans two sources), so
        theirs are the same as in a search of every source."""
        docs = None if sources is None else {self._number[s] for s in sources}
        by_doc: dict[int, dict[tuple[int, int], _Hit]] = {}
        for key, h in self._hits(phrasings, threshold, pairs, docs).items():
            by_doc.setdefault(self._doc_of[key[0]], {})[key] = h
        return {
            self._docs[d]: _matches(self._docs[d], self._sentences, hs, limit, self._toks)
            for d, hs in sorted(by_doc.items())
        }

    def stats(self) -> dict[str, Any]:
        return {
            "sources": len(self._docs),
            "sentences": len(self._sentences),
            "vocabulary": len(self._postings),
        }


#: distinct raw pieces a KeyFilter remembers per language before it starts again (~40 MB):
#: memory stays flat however large the corpus
PIECE_CACHE = 250_000


#: how a claim decides from a document's words whether it may be found there:
#: ``accept(relevance ceiling, local ceiling, unit possible)`` (see :class:`GateQuery`)
Accept = Callable[[float, float, bool], bool]
#: ``local_ceiling(present words, words, unit possible)``: see kzclaims.joint.local_ceiling
LocalCeiling = Callable[[int, int, bool], float]
#: ``window(relevance ceiling, words)``, ``words(step)`` giving (local ceiling, unit possible)
WindowAccept = Callable[[float, Callable[[int], tuple[float, bool]]], bool]


@dataclass(frozen=True)
class GateQuery:
    """One claim as the document gate (:class:`KeyFilter`) sees it.

    ``floor``: the relevance a passage needs to be read at all. ``accept`` decides from two
    ceilings computed from the document's words alone: of the relevance (the coverage bound
    below, the best over the phrasings) and of the local score (``local_ceiling(present,
    words, unit)`` of each phrasing, the best), and from whether a value of the document may
    count one of the claim's ``units`` (every word of a unit has a similar word in it, as
    ``kzclaims.choose.unit_matches`` compares them); None: the relevance ceiling reaching
    ``floor`` is enough (the plain prefilter).
    """

    phrasings: Sequence[str]
    floor: float
    accept: Accept | None = None
    local_ceiling: LocalCeiling | None = None
    units: Sequence[str] = ()
    #: the gate of each passage and its windows, from the words near it:
    #: ``window(relevance ceiling, words(step) -> (local ceiling, unit possible))`` (see
    #: ``kzclaims.pipeline.may_be_found_in_window``); None: the document's words decide
    window: WindowAccept | None = None
    #: the gate of a sentence found by the unit it counts: ``anchor(relevance ceiling, local
    #: ceiling)`` (``kzclaims.pipeline.may_be_anchored``); None: the claim has none
    anchor: Callable[[float, float], bool] | None = None


class KeyFilter:
    """Which claims may match in which documents, from the documents' words alone (lossless).

    A passage scores at most ``100 * (stop words' weight + sum over the phrasing's content
    words of weight * best similarity of a passage word) / total weight`` (the bound the index
    uses for sentences). A document's words hold every passage's words, so when the bound over
    the whole document is below the floor, no passage of it can reach it and the document
    is not split into sentences at all. A :class:`GateQuery` with ``accept`` is tighter: it
    also counts, for each phrasing, how many of its distinct content words have a similar word
    (a weak word included: the local score counts those) in the document, and lets the claim
    decide from both ceilings (``kzclaims.pipeline.score_ceiling``).

    A document's words are the union of the words of its whitespace-separated pieces, so only
    pieces never seen before are tokenized and only new words compared with the phrasing words
    (through the shared :class:`Lexicon`); per document the work is a set intersection of its
    distinct pieces with the pieces that hold a phrasing word, then a few operations per
    phrasing word found: it grows with the words a document shares with the claims, not with
    the number of claims.
    """

    def __init__(
        self, queries: Sequence[GateQuery | tuple[Sequence[str], float]],
        lexicon: Lexicon | None = None,
    ) -> None:
        self.lexicon = lexicon if lexicon is not None else Lexicon()
        self._always: set[int] = set()
        self._query: list[int] = []  # phrasing number -> query number
        self._need: list[float] = []  # phrasing number -> content weight a passage needs
        self._total: list[float] = []  # phrasing number -> its total weight
        self._stop: list[float] = []  # phrasing number -> its stop words' weight
        self._slot: list[tuple[int, ...] | None] = []  # position -> distinct word (None: same)
        self._accept: list[Accept | None] = []  # query number -> its decision
        self._local: list[LocalCeiling | None] = []
        self._window: list[WindowAccept | None] = []
        #: the sentences of the documents of the last :meth:`claims_for` split for the window
        #: gate (by their number there): the index reuses them
        self.sentences: dict[int, tuple[Sentence, ...]] = {}
        self._anchor: list[Callable[[float, float], bool] | None] = []
        self._floor: list[float] = []
        self._distinct: list[int] = []  # phrasing number -> its distinct content words
        # phrasing number -> its stop words and their weight; every phrasing's stop words
        self._stops_of: list[dict[str, float]] = []
        self._stop_words: set[str] = set()
        self._phrasings_of: list[list[int]] = []
        # unit words: their forms (as choose.unit_matches compares them), and for each query
        # its units as tuples of form numbers
        self._unit_forms: list[str] = []
        self._units: list[tuple[tuple[int, ...], ...]] = []
        self._words: dict[str, list[tuple[int, int, float]]] = {}  # word -> (phr, idx, weight)
        for q, query in enumerate(queries):
            if not isinstance(query, GateQuery):
                query = GateQuery(query[0], query[1])
            self._accept.append(query.accept)
            self._local.append(query.local_ceiling)
            self._window.append(query.window if query.accept is not None else None)
            self._anchor.append(query.anchor)
            self._floor.append(query.floor)
            self._phrasings_of.append([])
            self._units.append(tuple(self._unit_words(u) for u in query.units))
            for text in query.phrasings:
                p = _cached_phrase(text)
                if p is None:
                    continue
                content = [i for i in range(len(p.words)) if p.content[i]]
                if any(is_weak(p.words[i]) for i in content):
                    self._always.add(q)  # weak words only: not indexed, every document
                    continue
                ph = len(self._query)
                self._query.append(q)
                self._phrasings_of[q].append(ph)
                self._need.append(query.floor / 100.0 * p.total - p.stop_total - 1e-6)
                self._total.append(p.total)
                self._stop.append(p.stop_total)
                firsts: dict[str, int] = {}
                for i in content:
                    firsts.setdefault(p.words[i], len(firsts))
                slots = tuple(
                    firsts[w] if c else -1 for w, c in zip(p.words, p.content, strict=True)
                )
                self._slot.append(None if len(firsts) == len(content) else slots)
                self._distinct.append(len(firsts))
                stops: dict[str, float] = {}
                for w, c, wt in zip(p.words, p.content, p.weights, strict=True):
                    if not c:
                        stops[w] = stops.get(w, 0.0) + wt
                self._stops_of.append(stops)
                self._stop_words.update(stops)
                for i in content:
                    self._words.setdefault(p.words[i], []).append((ph, i, p.weights[i]))
        # weak words similar to a phrasing word: they count for the local score only
        self._weak_hits: dict[str, tuple[tuple[int, int, float], ...]] = {}
        if any(a is not None for a in self._accept):
            self._weak_hits = self._weak_similar()
        self._word_hits: dict[str, tuple[tuple[int, int, float], ...]] = {}
        self._known_words: set[str] = set()
        # per language (words are normalized the language's way): raw piece -> its hits, and
        # the pieces that hold a phrasing word
        self._pieces: dict[str, tuple[dict[str, _PieceKeys], set[str]]] = {}
        # per language: raw piece -> the phrasings' stop words it holds (the window gate counts
        # the stop words a passage holds; the document gate assumes them all)
        self._stop_pieces: dict[str, dict[str, tuple[str, ...]]] = {}
        self._run_units: dict[str, frozenset[int]] = {}  # letters -> the unit words they may be
        # unit words every document has: a Russian partitive's noun is "из них"
        self._always_units = self._units_in("из них")

    def _unit_words(self, unit: str) -> tuple[int, ...]:
        out = []
        for w in _WORD.findall(unit.lower()):
            form = _word_form(w)
            if form not in self._unit_forms:
                self._unit_forms.append(form)
            out.append(self._unit_forms.index(form))
        return tuple(out)

    def _units_in(self, piece: str) -> frozenset[int]:
        """The unit words (numbers) that a word of ``piece`` may be counted as: equal, or a
        rapidfuzz ratio >= 85 (``choose._same_word`` asks for that or less)."""
        if not self._unit_forms:
            return _NONE
        runs = _WORD.findall(piece.lower())
        if not runs:
            return _NONE
        known = self._run_units
        got: frozenset[int] = _NONE
        for w in runs:
            ids = known.get(w)
            if ids is None:
                ids = known[w] = self._units_of_run(w)
            if ids:
                got = got | ids
        return got

    def _units_of_run(self, run: str) -> frozenset[int]:
        found = process.extract(
            _word_form(run), self._unit_forms, scorer=fuzz.ratio, score_cutoff=85, limit=None
        )
        return frozenset(j for _, _, j in found) if found else _NONE

    def _weak_similar(self) -> dict[str, tuple[tuple[int, int, float], ...]]:
        """Weak word -> (phrasing, position, 0.0) of the phrasing words it is similar to (what
        :func:`_ratio` counts: the local score compares a phrasing word with every word)."""
        out: dict[str, list[tuple[int, int, float]]] = {}
        for w, uses in self._words.items():
            similar = set(weak_near(w))
            similar |= {v for v in SYNONYMS.get(w, ()) if v in _WEAK}
            for v in similar:
                out.setdefault(v, []).extend((ph, i, 0.0) for ph, i, _ in uses)
        return {v: tuple(h) for v, h in out.items()}

    def _learn(self, pieces: set[str], language: str) -> None:
        piece_hits, key_pieces = self._pieces.setdefault(language, ({}, set()))
        new = [x for x in pieces if x not in piece_hits]
        if not new:
            return
        if len(piece_hits) + len(new) > PIECE_CACHE:  # a cache: start again, not grow forever
            piece_hits.clear()
            key_pieces.clear()
            self._run_units.clear()
            self._stop_pieces.pop(language, None)
            new = list(pieces)
        toks = _tokens_many(new, language)
        fresh = {t for ts in toks for t in ts if t not in _WEAK and not t[0].isdigit()}
        fresh -= self._known_words
        if fresh:
            self._known_words |= fresh
            self.lexicon.add(sorted(fresh))
            grow: dict[str, list[tuple[int, int, float]]] = {}
            self.lexicon.expand_many(self._words)
            for w, uses in self._words.items():
                for v, sim in self.lexicon.expand(w):
                    if v in fresh:
                        grow.setdefault(v, []).extend((ph, i, wt * sim) for ph, i, wt in uses)
            for v, hits in grow.items():
                self._word_hits[v] = tuple(hits)
        get = self._word_hits.get
        weak = self._weak_hits.get
        units = self._units_in if self._unit_forms else None
        stop_words = self._stop_words
        stop_pieces = self._stop_pieces.setdefault(language, {})
        for piece, ts in zip(new, toks, strict=True):
            if not stop_words.isdisjoint(ts):
                stop_pieces[piece] = tuple(t for t in ts if t in stop_words)
            keys = tuple(t for t in ts if get(t) or weak(t))
            found = units(piece) if units is not None else _NONE
            if keys or found:
                piece_hits[piece] = (keys, found)
                key_pieces.add(piece)
            else:
                piece_hits[piece] = _NO_KEYS

    def claims_for(
        self, texts: Sequence[str], languages: Sequence[str] | None = None
    ) -> list[set[int]]:
        """For each text (written in ``languages``, English by default), the claims (query
        numbers) that may match in it."""
        langs = list(languages) if languages is not None else ["en"] * len(texts)
        # the distinct pieces of the shard per language; a document's own pieces are not kept
        # (a set per document of a 2 MB shard held ~30 MB of piece strings at once, issue 8)
        union: dict[str, set[str]] = {}
        for text, language in zip(texts, langs, strict=True):
            union.setdefault(language, set()).update(text.split())
        for language in sorted(union):
            self._learn(union.pop(language), language)
        out = []
        windows = any(w is not None for w in self._window)
        self.sentences = {}
        for k, (text, language) in enumerate(zip(texts, langs, strict=True)):
            piece_hits, key_pieces = self._pieces[language]
            qs = self._decide(key_pieces.intersection(text.split()), piece_hits)
            if windows and qs - self._always:
                from kzclaims.text import split_sentences

                sentences = self.sentences[k] = split_sentences(text, language)
                qs = self._in_windows(text, qs, language, piece_hits, key_pieces, sentences)
            out.append(qs)
        return out

    def _decide(self, keys: set[str], piece_hits: dict[str, _PieceKeys]) -> set[int]:
        """The claims that may be found in a document whose key pieces are ``keys``."""
        cover: dict[int, dict[int, float]] = {}
        unit_words = set(self._always_units)
        words: set[str] = set()
        for piece in keys:
            ws, found = piece_hits[piece]
            words.update(ws)
            if found:
                unit_words |= found
        get = self._word_hits.get
        weak = self._weak_hits
        for w in words:
            for ph, i, val in get(w) or weak[w]:
                got = cover.get(ph)
                if got is None:
                    cover[ph] = {i: val}
                elif val > got.get(i, -1.0):
                    got[i] = val
        qs = set(self._always)
        need = self._need
        query = self._query
        accept = self._accept
        relevance: dict[int, float] = {}
        present: dict[int, int] = {}
        for ph, got in cover.items():
            q = query[ph]
            if q in qs:
                continue
            covered = sum(got.values())
            if accept[q] is None:
                if covered >= need[ph]:
                    qs.add(q)
                continue
            # the coverage bound of kzclaims.match._bound (0 when no content word matched)
            r = 100.0 * (self._stop[ph] + covered) / self._total[ph] if covered > 0.0 else 0.0
            if r > relevance.get(q, 0.0):
                relevance[q] = r
            slot = self._slot[ph]
            present[ph] = len(got) if slot is None else len({slot[i] for i in got})
        for q, r in relevance.items():
            if q in qs:
                continue
            unit = any(all(j in unit_words for j in u) for u in self._units[q])
            ceiling = self._local[q]
            local = 100.0 if ceiling is None else max(
                (ceiling(present.get(ph, 0), self._distinct[ph], unit)
                 for ph in self._phrasings_of[q]),
                default=0.0,
            )
            if accept[q](r, local, unit):  # type: ignore[misc]
                qs.add(q)
        return qs


    def _in_windows(
        self, text: str, qs: set[int], language: str, piece_hits: dict[str, _PieceKeys],
        key_pieces: set[str], sentences: Sequence[Sentence],
    ) -> set[int]:
        """The claims of ``qs`` that may be found in a passage of the document or a window read
        after it, each judged from the words of its own sentences (the words of the whole
        document cannot see that "people" and "Almaty" are sentences apart).

        ``sentences`` are the document's (``kzclaims.text.split_sentences``, as the index
        splits it). A passage is a sentence, or two neighbouring ones with
        :data:`PAIR_PENALTY` less; its window of ``step`` more sentences holds those after it.
        The ceilings over the words of those sentences (the coverage bound of :meth:`_decide`,
        ``local_ceiling`` of the present distinct words, the unit words) bound those of the
        passage and window (the words of a sentence are those of its whitespace-separated
        pieces, as for the whole document). A claim is kept when some passage's gate
        (``GateQuery.window``) may reach the threshold or, once some passage may reach its floor
        in the document, some sentence holding a unit word may (``GateQuery.anchor``).
        """
        check = {q for q in qs if self._window[q] is not None}
        if not check:
            return qs
        keep = qs - check
        get = self._word_hits.get
        weak = self._weak_hits
        query = self._query
        always_units = self._always_units
        stop_pieces = self._stop_pieces.get(language, {})
        covers: list[dict[int, dict[int, float]]] = []
        units_of: list[frozenset[int]] = []
        stops_of: list[set[str]] = []
        for sentence in sentences:
            pieces = sentence.text.split()
            ks = key_pieces.intersection(pieces)
            if len(ks) < len(pieces):
                unknown = list(set(pieces).difference(piece_hits))  # few: a C loop finds them
                if unknown:  # joined across lines ("anti-" + "terrorist"): not learned
                    extra = self._piece_keys(unknown, language)
                    if extra is None:
                        return qs
                    ks = ks | extra.keys()
                    piece_hits = {**piece_hits, **extra}
            stops = {w for p in stop_pieces.keys() & pieces for w in stop_pieces[p]}
            stops_of.append(stops)
            cover: dict[int, dict[int, float]] = {}
            units = always_units
            if ks:
                words: set[str] = set()
                for piece in ks:
                    ws, found = piece_hits[piece]
                    words.update(ws)
                    if found:
                        units = units | found
                for w in words:
                    for ph, i, val in get(w) or weak[w]:
                        if query[ph] not in check:
                            continue
                        got = cover.get(ph)
                        if got is None:
                            cover[ph] = {i: val}
                        elif val > got.get(i, -1.0):
                            got[i] = val
            covers.append(cover)
            units_of.append(units)
        n = len(covers)
        accepted: set[int] = set()
        floored: set[int] = set()

        # the windows of the passage from the current sentence, merged once for every claim
        # (each claim's gate asks for the same few windows of a passage: at 500 claims, merging
        # them again per claim was a fifth of the search)
        windows: dict[tuple[int, int], tuple[dict[int, dict[int, float]], frozenset[int]]] = {}

        def merged(lo: int, hi: int) -> tuple[dict[int, dict[int, float]], frozenset[int]]:
            """The hits and unit words of sentences ``lo .. hi - 1`` (not to be changed: they
            are shared)."""
            hi = min(hi, n)
            if hi - lo == 1:
                return covers[lo], units_of[lo]
            got = windows.get((lo, hi))
            if got is None:
                if len(windows) > 8:  # only the current passage's windows are asked for again
                    windows.clear()
                got = windows[lo, hi] = _merge(lo, hi)
            return got

        def _merge(lo: int, hi: int) -> tuple[dict[int, dict[int, float]], frozenset[int]]:
            cover: dict[int, dict[int, float]] = {}
            units: frozenset[int] = _NONE
            for k in range(lo, hi):
                units = units | units_of[k]
                for ph, got in covers[k].items():
                    have = cover.get(ph)
                    if have is None:
                        cover[ph] = dict(got)
                    else:
                        for i, val in got.items():
                            if val > have.get(i, -1.0):
                                have[i] = val
            return cover, units

        for a in range(n):
            for size, penalty in ((1, 0.0), (2, PAIR_PENALTY)):
                if a + size > n or not (covers[a] or (size == 2 and covers[a + 1])):
                    continue  # no word of a phrasing (a pair may hold them in one sentence
                    # only: the other's stop words can make it beat both)
                cover, units = merged(a, a + size)
                stops = stops_of[a] if size == 1 else stops_of[a] | stops_of[a + 1]
                for q, r in self._relevance(cover, check - accepted, stops).items():
                    r = max(0.0, r - penalty)
                    if r > 0.0 and r + 0.1 >= self._floor[q]:
                        floored.add(q)
                    window = self._window[q]
                    assert window is not None
                    if window(r, self._words_near(q, a, size, merged, cover, units)):
                        accepted.add(q)
            if accepted == check:
                break
        for q in floored - accepted:
            anchor = self._anchor[q]
            if anchor is None or not self._units[q]:
                continue
            for a in range(n):
                if not any(all(k in units_of[a] for k in u) for u in self._units[q]):
                    continue
                cover = covers[a]
                r = self._relevance(cover, {q}, stops_of[a]).get(q, 0.0)
                if anchor(r, self._local_of(q, cover, True)):
                    accepted.add(q)
                    break
        return keep | accepted

    def _relevance(
        self, cover: dict[int, dict[int, float]], qs: set[int], stops: set[str] | None = None
    ) -> dict[int, float]:
        """The relevance ceiling of each claim of ``qs`` over words whose phrasing hits are
        ``cover`` and which hold the stop words ``stops`` (None: any) (the coverage bound of
        :func:`_bound`, which counts a stop word when the passage holds it: a stop word matches
        only itself; 0 when no content word matched)."""
        out: dict[int, float] = {}
        query = self._query
        for ph, got in cover.items():
            q = query[ph]
            if q not in qs:
                continue
            covered = sum(got.values())
            if stops is None:
                stop = self._stop[ph]
            else:
                mine = self._stops_of[ph]
                stop = sum(mine[w] for w in stops if w in mine) if stops else 0.0
            r = 100.0 * (stop + covered) / self._total[ph] if covered > 0.0 else 0.0
            if r > out.get(q, 0.0) or q not in out:
                out[q] = r
        return out

    def _piece_keys(
        self, pieces: Sequence[str], language: str
    ) -> dict[str, _PieceKeys] | None:
        """What :meth:`_learn` would remember of pieces not learned (not kept); None when one of
        their words was never compared with the phrasing words."""
        get = self._word_hits.get
        weak = self._weak_hits.get
        known = self._known_words
        out: dict[str, _PieceKeys] = {}
        for piece, ts in zip(pieces, _tokens_many(list(pieces), language), strict=True):
            if any(t not in known and t not in _WEAK and not t[0].isdigit() for t in ts):
                return None
            keys = tuple(t for t in ts if get(t) or weak(t))
            found = self._units_in(piece) if self._unit_forms else _NONE
            if keys or found:
                out[piece] = (keys, found)
        return out

    def _local_of(self, q: int, cover: dict[int, dict[int, float]], unit: bool) -> float:
        """The local-score ceiling of claim ``q`` over words whose phrasing hits are ``cover``."""
        ceiling = self._local[q]
        if ceiling is None:
            return 100.0
        best = 0.0
        for ph in self._phrasings_of[q]:
            got = cover.get(ph, {})
            slot = self._slot[ph]
            present = len(got) if slot is None else len({slot[i] for i in got})
            best = max(best, ceiling(present, self._distinct[ph], unit))
        return best

    def _words_near(
        self, q: int, first: int, size: int,
        merged: Callable[[int, int], tuple[dict[int, dict[int, float]], frozenset[int]]],
        cover: dict[int, dict[int, float]], units: frozenset[int],
    ) -> Callable[[int], tuple[float, bool]]:
        """``words(step)``: the local ceiling of claim ``q`` and whether a value may count one
        of its units, over the passage of ``size`` sentences from ``first`` and the ``step``
        sentences after it."""

        def words(step: int) -> tuple[float, bool]:
            c, u = (cover, units) if step == 0 else merged(first, first + size + step)
            unit = any(all(k in u for k in unit) for unit in self._units[q])
            return self._local_of(q, c, unit), unit

        return words


#: what the gate remembers of a whitespace-separated piece of text: its words that are similar
#: to a phrasing word, and the unit words (numbers) its words may be counted as
_PieceKeys = tuple[tuple[str, ...], frozenset[int]]
_NONE: frozenset[int] = frozenset()
_NO_KEYS: _PieceKeys = ((), _NONE)


class SourceIndex:
    """The sentences of one source, indexed for fuzzy search. Build once, query per claim.

    Pass one :class:`Lexicon` to the indexes of all sources so that the fuzzy expansion of a
    phrasing word is computed once for all of them.
    """

    def __init__(
        self, source_id: str, sentences: Sequence[Sentence], lexicon: Lexicon | None = None,
        language: str = "en",
    ) -> None:
        self.source_id = source_id
        self.sentences: tuple[Sentence, ...] = tuple(sentences)
        self._index = CorpusIndex(lexicon)
        self._index.add(source_id, self.sentences, language)

    @classmethod
    def from_source(cls, source: Source, lexicon: Lexicon | None = None) -> SourceIndex:
        from kzclaims.text import split_sentences

        language = source.language
        return cls(source.id, split_sentences(source.text, language), lexicon, language)

    def expand(self, word: str) -> list[tuple[str, float]]:
        """The words of this source within :data:`WORD_CUTOFF` of ``word`` (normalized)."""
        self._index._sync()
        post = self._index._postings
        return [(v, sim) for v, sim in self._index.lexicon.expand(word) if v in post]

    def search(
        self, phrasings: Sequence[str], threshold: float, limit: int = 5, pairs: bool = True,
    ) -> list[Match]:
        """Passages scoring >= ``threshold`` for any phrasing, best first, at most ``limit``.

        Each passage appears once, with its best phrasing. ``threshold=0`` returns the nearest
        passages whatever their score (every passage sharing a content word), for ``explain``.
        """
        hits = self._index._hits(phrasings, threshold, pairs)
        return _matches(self.source_id, self._index._sentences, hits, limit)

    def nearest(self, phrasings: Sequence[str], limit: int = 3, pairs: bool = True) -> list[Match]:
        """The best passages whatever their score: what ``explain`` shows as near misses."""
        return self.search(phrasings, threshold=0.0, limit=limit, pairs=pairs)

    def search_claim(self, claim: Claim, limit: int = 5, pairs: bool = True) -> list[Match]:
        return self.search(claim.find, claim.threshold, limit=limit, pairs=pairs)

    def stats(self) -> dict[str, Any]:
        return self._index.stats()


def _matches(
    source_id: str, sentences: Sequence[Sentence], hits: dict[tuple[int, int], _Hit], limit: int,
    toks: Sequence[Sequence[str]] | None = None,
) -> list[Match]:
    """The best ``limit`` hits as passages. ``toks``: the sentences' words as an index holds
    them (:func:`tokens` of each), whose count is that of a passage's words (a pair's words are
    its two sentences' words: no word crosses the space that joins them)."""
    ranked = sorted(hits.values(), key=lambda h: (-h.score, h.first, h.last, h.phrasing))
    out: list[Match] = []
    for h in ranked[: max(0, limit)]:
        count = None
        if h.first == h.last:
            text = sentences[h.first].text
            if toks is not None:
                count = len(toks[h.first])
        else:
            text = sentences[h.first].text + " " + sentences[h.last].text
            if toks is not None:
                count = len(toks[h.first]) + len(toks[h.last])
        spans = _spans_of(text, count)
        out.append(
            Match(
                source=source_id,
                text=text,
                line=sentences[h.first].line,
                score=h.score,
                phrasing=h.phrasing,
                first_sentence=sentences[h.first].index,
                last_sentence=sentences[h.last].index,
                spans=tuple(spans[j] for j in h.positions if j < len(spans)),
            )
        )
    return out


def _spans_of(text: str, count: int | None = None) -> list[tuple[int, int]]:
    """The character spans of a passage's words, or none when they do not line up with its
    :func:`tokens` (pathological apostrophes: no spans, no lies); remembered by text: the same
    passages are found for many claims. ``count``: ``len(tokens(text))`` when known."""
    got = _SPANS.get(text)
    if got is None:
        got = _token_spans(text)
        if len(got) != (len(tokens(text)) if count is None else count):
            got = []
        if len(_SPANS) >= 20_000:  # memory flat however many passages a shard finds
            _SPANS.clear()
        _SPANS[text] = got
    return got


#: passage text -> its word spans (:func:`_spans_of`); emptied with the scorer's other caches
#: keyed by passages, after each source (``kzclaims.joint.forget_passages``)
_SPANS: dict[str, list[tuple[int, int]]] = {}


def brute_force_search(
    source_id: str, sentences: Sequence[Sentence], phrasings: Sequence[str], threshold: float,
    limit: int = 5, pairs: bool = True, language: str = "en",
) -> list[Match]:
    """The reference :meth:`SourceIndex.search`, written independently of it: every sentence
    and every pair scored exactly, word similarities computed directly with rapidfuzz, no
    index, no bounds. Slow; for tests and benchmarks."""
    toks = [tokens(s.text, language) for s in sentences]
    hits: dict[tuple[int, int], _Hit] = {}
    vocab = {t for ts in toks for t in ts}
    for text in phrasings:
        p = _phrase(text)
        if p is None:
            continue
        table = _direct_table(p, vocab)
        single = []
        for i, ts in enumerate(toks):
            sc, pos = _score(p, table, ts)
            single.append(round(sc, 1))
            if single[i] >= threshold and single[i] > 0.0:
                _collect(hits, (i, i), single[i], p, pos)
        for a in range(len(toks) - 1) if pairs else ():
            sc, pos = _score(p, table, toks[a] + toks[a + 1])
            s = round(max(0.0, sc - PAIR_PENALTY), 1)
            if s >= threshold and s > 0.0 and s > single[a] and s > single[a + 1]:
                _collect(hits, (a, a + 1), s, p, pos)
    return _matches(source_id, sentences, hits, limit)
