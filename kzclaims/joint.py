"""Scoring a (passage, value) pair for a claim: how much of what the claim is about stands near
the value, weighted by how informative each word is in the source.

The index (:mod:`kzclaims.match`) finds the passages that share the claim's wording (its
*relevance*, a fuzzy word coverage 0-100). That says what a passage is about, not which of its
numbers the claim asks for: "left 112 dead, 430 injured and 58 missing" is equally relevant to
the death toll, the injured and the missing. So each value of the claim's kind in a passage gets
a *local* score: every content word of a phrasing counts with

    informativeness(word) x similarity(word, its best passage word) x nearness(to the value)

where informativeness is the word's inverse sentence frequency in the source (a word of every
sentence, "floods" in a flood report, says little; "injured" says a lot), similarity is the
index's word similarity (spelling variants, inflections, synonyms) and nearness decays with the
number of words between the passage word and the value (:data:`NEAR_WORDS` words halve it).
The claim's ``unit`` words count as one more phrasing word each, when the value counts them.
The local score is the weighted share, 0-100, of the best phrasing.

Everything here works on one source at a time (the statistics are the source's own), so it is
separable from the index and gives the same answer however sources are sharded.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from kzclaims._dataclass import dataclass
from kzclaims.model import Claim, Sentence, Value

if TYPE_CHECKING:
    from kzclaims.match import Lexicon

__all__ = [
    "NEAR_WORDS",
    "SourceStats",
    "claim_phrases",
    "contrast_phrases",
    "local_ceiling",
    "local_score",
    "local_scores",
    "passage_local_ceiling",
]

#: words between a phrasing word and the value that halve the word's contribution
NEAR_WORDS = 12.0


@dataclass(frozen=True)
class _Words:
    """A phrasing and its content words, normalized."""

    text: str
    words: tuple[str, ...]  # the content words of a phrasing, normalized


def claim_phrases(claim: Claim, phrasings: Sequence[str]) -> tuple[_Words, ...]:
    """The content words of each phrasing (stop words and numbers left out)."""
    return _phrases(tuple(phrasings))


@lru_cache(maxsize=8192)
def _phrases(phrasings: tuple[str, ...]) -> tuple[_Words, ...]:
    """:func:`claim_phrases`, remembered: the scorer asks for them once per (claim, source)
    (a function of the phrasings' text only)."""
    from kzclaims.lang import language_of_phrase
    from kzclaims.match import is_weak, tokens

    out = []
    for p in phrasings:
        ws = tuple(dict.fromkeys(w for w in tokens(p, language_of_phrase(p)) if not is_weak(w)))
        if ws:
            out.append(_Words(p, ws))
    return tuple(out)


def contrast_phrases(
    claims: Sequence[Claim], phrasings: Callable[[Claim], Sequence[str]]
) -> dict[str, tuple[_Words, ...]]:
    """Each claim's *contrastive* words: the content words of its phrasings that no phrasing of
    a sibling claim (another claim of the file of the same kind) has a similar word for (equal,
    a synonym or a spelling variant: the index's word similarity). "Dravenian", "contingent"
    for the Dravenian contingent against the whole force; "injured", "hurt" for the injured
    against the dead. A claim without siblings has none (it competes with nobody)."""
    # A claim's siblings' words are every word of its kind held by another claim id: per kind,
    # each word with the ids holding it (one table for all the claims, not one set of the
    # siblings' words per claim: 500 claims of a kind made 500 sets of ~3,000 words), and each
    # distinct word's similar words of the kind found once (:func:`_similar_words`).
    words = {c.id: claim_phrases(c, phrasings(c)) for c in claims}
    holders: dict[str, dict[str, set[str]]] = {}  # kind -> word -> the claim ids holding it
    owners: dict[str, set[str]] = {}  # kind -> the claim ids holding a word
    for d in claims:
        table = holders.setdefault(d.kind, {})
        for ph in words[d.id]:
            for w in ph.words:
                table.setdefault(w, set()).add(d.id)
                owners.setdefault(d.kind, set()).add(d.id)
    similar = {kind: _similar_words(list(table)) for kind, table in holders.items()}
    out: dict[str, tuple[_Words, ...]] = {}
    for c in claims:
        table = holders.get(c.kind, {})
        mine_only = {c.id}
        if owners.get(c.kind, set()) <= mine_only:  # no sibling word: it competes with nobody
            out[c.id] = ()
            continue
        near = similar[c.kind]
        mine = []
        for ph in words[c.id]:
            # a word is the claim's own when no word similar to it (itself included) is a
            # sibling's: _any_similar(w, the siblings' words) without building that set
            own = tuple(
                w for w in ph.words
                if (
                    all(table[o] <= mine_only for o in near[w]) if w in near
                    # (a word not of the kind's table: another claim of the same id's)
                    else not any(_sim(w, o) > 0.0 for o, ids in table.items() if ids - mine_only)
                )
            )
            if own:
                mine.append(_Words(ph.text, own))
        out[c.id] = tuple(mine)
    return out


def _similar_words(words: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """For each of ``words``, those of ``words`` it is similar to (``_sim > 0``: equal, a
    synonym, or within the cutoff of ``kzclaims.match._ratio``, which is 0 below it).

    With many words and numpy installed the pairs within the cutoff are preselected by one
    ``rapidfuzz.process.cdist`` (at a cutoff one point lower with integer scores: a pair of
    ratio >= the cutoff scores at least that rounded), else by one ``process.extract`` per word;
    either way every preselected pair is then scored exactly, so the answers are the same."""
    from rapidfuzz import fuzz, process

    from kzclaims.match import CDIST_CHUNK, CDIST_MIN_PAIRS, SYNONYMS, WORD_CUTOFF

    present = set(words)
    maybe: dict[str, set[str]] = {
        w: {w} | (SYNONYMS.get(w, frozenset()) & present) for w in words
    }
    np = None
    if len(words) * len(words) >= CDIST_MIN_PAIRS:  # numpy only then: a small run starts without
        try:
            import numpy as np
        except ImportError:
            np = None
    if np is not None:
        for at in range(0, len(words), CDIST_CHUNK):
            part = words[at : at + CDIST_CHUNK]
            scores = process.cdist(
                words, part, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF - 1.0,
                dtype=np.uint8, workers=1,
            )
            rows, cols = np.nonzero(scores)
            for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
                maybe[words[i]].add(part[j])
    else:
        for w in words:
            maybe[w].update(
                t for t, _, _ in process.extract(
                    w, words, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=None
                )
            )
    return {w: tuple(o for o in got if _sim(w, o) > 0.0) for w, got in maybe.items()}


class SourceStats:
    """Sentence frequencies of the words of one source: how informative each word is there."""

    def __init__(
        self, sentences: Sequence[Sentence], language: str = "en",
        toks: Sequence[Sequence[str]] | None = None, lexicon: Lexicon | None = None,
    ) -> None:
        """``toks``: the words (:func:`kzclaims.match.tokens` in ``language``) of each of the
        sentences, when already known (the index has them). ``lexicon``: the index's
        ``kzclaims.match.Lexicon``, whose vocabulary holds every word of ``toks`` that the
        index keeps (all but the weak ones): :meth:`similar` then takes a word's similar words
        from its expansion instead of comparing it with the source's words again."""
        from kzclaims.match import tokens

        self.language = language
        self._lexicon = lexicon if toks is not None and len(toks) == len(sentences) else None
        self.n = len(sentences)
        self.df: Counter[str] = Counter()
        #: the words of each sentence (by the sentence's index in the source)
        self.words: dict[int, frozenset[str]] = {}
        if toks is None or len(toks) != len(sentences):
            toks = [tokens(s.text, language) for s in sentences]
        for s, ts in zip(sentences, toks, strict=True):
            ws = frozenset(ts)
            self.words[s.index] = ws
            self.df.update(ws)
        self._with: dict[str, frozenset[int]] = {}
        self._plain: list[str] | None = None
        self._weights: dict[str, tuple[float, frozenset[int]]] = {}
        self._similar: dict[str, frozenset[str]] = {}
        # the passages' words and hits: per source, so released with its statistics
        self._texts: dict[str, tuple[dict[str, list[int]], list[str]]] = {}
        self._hits: dict[tuple[str, str], tuple[tuple[int, float, str], ...]] = {}
        # id(phrasings) -> (those phrasings, their words' weight_where)
        self._phrase_weights: dict[
            int, tuple[Sequence[_Words], list[list[tuple[float, frozenset[int]]]]]
        ] = {}

    def weight_where(self, word: str) -> tuple[float, frozenset[int]]:
        """``(idf(word), sentences_with(word))``, remembered (read for every passage of every
        claim by :func:`passage_local_ceiling`)."""
        got = self._weights.get(word)
        if got is None:
            got = self._weights[word] = (self.idf(word), self.sentences_with(word))
        return got

    def phrase_weights(
        self, phrases: Sequence[_Words]
    ) -> list[list[tuple[float, frozenset[int]]]]:
        """:meth:`weight_where` of each word of each phrasing, remembered per phrasings (read
        for every window of a claim in the source by :func:`passage_local_ceiling`)."""
        got = self._phrase_weights.get(id(phrases))
        if got is None or got[0] is not phrases:
            weight_where = self.weight_where
            got = self._phrase_weights[id(phrases)] = (
                phrases, [[weight_where(w) for w in ph.words] for ph in phrases]
            )
        return got[1]

    def sentences_with(self, word: str) -> frozenset[int]:
        """The sentences (indexes) holding a word similar to ``word``: equal, a synonym, or, with
        no digit in either, a rapidfuzz ratio >= the cutoff: what :meth:`hits` (kzclaims.match's
        ``_ratio`` > 0) finds in a passage. The words are :func:`kzclaims.match.tokens` of each
        sentence, the same words as ``_words`` gives (both: lower case, possessive 's,
        apostrophes and thousands separators dropped, the language's normalizer)."""
        got = self._with.get(word)
        if got is None:
            similar = self.similar(word)
            got = self._with[word] = frozenset(
                k for k, ws in self.words.items() if not ws.isdisjoint(similar)
            )
        return got

    def similar(self, word: str) -> frozenset[str]:
        """The words of the source similar to ``word`` as :meth:`sentences_with` finds them:
        ``word`` itself, its synonyms, and with no digit in either the words within the
        rapidfuzz cutoff; every word of the source whose ``kzclaims.match._ratio`` with ``word``
        is above 0 is one of them (a word with a digit is similar only when equal)."""
        got = self._similar.get(word)
        if got is None:
            from rapidfuzz import fuzz, process

            from kzclaims.match import SYNONYMS, WORD_CUTOFF

            similar = {word} | (SYNONYMS.get(word, frozenset()) & self.df.keys())
            if not _DIGIT.search(word) and self._lexicon is not None:
                # The source's words without a digit within the cutoff: the index's words
                # among the word's expansion over the vocabulary (every word of the index is in
                # it: expand compares a word with all of them, by the same ratio and cutoff),
                # and the weak words, which the index leaves out, among those near the word.
                keys = self.df.keys()
                similar.update(keys & _plain_expansion(self._lexicon, word))
                similar.update(keys & _weak_near_set(word))
            elif not _DIGIT.search(word):
                if self._plain is None:
                    self._plain = [t for t in self.df if not _DIGIT.search(t)]
                similar.update(
                    t for t, _, _ in process.extract(
                        word, self._plain, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF,
                        limit=None,
                    )
                )
            got = self._similar[word] = frozenset(similar)
        return got

    def hits(self, word: str, text: str) -> tuple[tuple[int, float, str], ...]:
        """(position, similarity, passage word) of every word of a passage of this source
        (:func:`_words`) similar to ``word`` (``kzclaims.match._ratio`` > 0), in text order.

        The candidates are the passage's words among :meth:`similar` (the source's words
        similar to ``word``, found once per source), not a rapidfuzz pass per passage; a
        passage word that is not a word of the source's sentences (a tokenization corner) is
        tested as before (equal, a synonym or within the cutoff). Either way each candidate is
        then scored exactly, so the hits are those of a pass over the passage."""
        key = (word, text)
        got = self._hits.get(key)
        if got is None:
            positions, outside = self._positions(text)
            found = [t for t in self.similar(word) if t in positions]
            if outside:
                from rapidfuzz import fuzz

                from kzclaims.match import SYNONYMS, WORD_CUTOFF

                synonyms = SYNONYMS.get(word, frozenset())
                found.extend(
                    t for t in outside
                    if t == word or t in synonyms
                    or fuzz.ratio(word, t, score_cutoff=WORD_CUTOFF) >= WORD_CUTOFF
                )
            out = []
            for t in found:
                sim = 1.0 if t == word else _sim(word, t)
                if sim > 0.0:
                    out.extend((i, sim, t) for i in positions[t])
            out.sort()
            got = self._hits[key] = tuple(out)
        return got

    def _positions(self, text: str) -> tuple[dict[str, list[int]], list[str]]:
        """The positions of each distinct word of a passage (:func:`_words`), and those of its
        words that are not words of the source's sentences."""
        got = self._texts.get(text)
        if got is None:
            positions: dict[str, list[int]] = {}
            for i, (t, _, _) in enumerate(_words(text, self.language)):
                at = positions.get(t)
                if at is None:
                    positions[t] = [i]
                else:
                    at.append(i)
            df = self.df
            got = self._texts[text] = (positions, [t for t in positions if t not in df])
        return got

    def idf(self, word: str, similar: Sequence[str] = ()) -> float:
        """log((n + 1) / (df + 0.5)): the rarer in the source, the more a word says. A word
        found only through a similar word takes the frequency of the most frequent of those."""
        df = max([self.df.get(word, 0), *(self.df.get(w, 0) for w in similar)])
        return math.log((self.n + 1.0) / (df + 0.5))


def _plain_expansion(lexicon: Lexicon, word: str) -> frozenset[str]:
    """The words without a digit of ``lexicon.expand(word)``, remembered per word while the
    expansion stays the same list of the same length (``Lexicon.expand`` extends its list in
    place when the vocabulary grows): each source's :meth:`SourceStats.similar` then meets
    them with its own words in one set operation, not a regex test per word and source."""
    expansion = lexicon.expand(word)
    got = _PLAIN.get(word)
    if got is None or got[0] is not expansion or got[1] != len(expansion):
        if len(_PLAIN) > 100_000:  # memory flat on large corpora
            _PLAIN.clear()
        plain = frozenset(v for v, _ in expansion if not _DIGIT.search(v))
        got = _PLAIN[word] = (expansion, len(expansion), plain)
    return got[2]


_PLAIN: dict[str, tuple[list[tuple[str, float]], int, frozenset[str]]] = {}


@lru_cache(maxsize=65536)
def _weak_near_set(word: str) -> frozenset[str]:
    return frozenset(_weak_similar(word))


_SIMS: dict[tuple[str, str], float] = {}


def _weak_similar(word: str) -> tuple[str, ...]:
    """The weak words (``kzclaims.match.is_weak``'s stop and number words, which no index
    keeps) without a digit within the rapidfuzz cutoff of ``word`` (``kzclaims.match.weak_near``,
    shared with the document gate)."""
    from kzclaims.match import weak_near

    return weak_near(word)


def _sim(a: str, b: str) -> float:
    """The index's word similarity (kzclaims.match._ratio), remembered."""
    got = _SIMS.get((a, b))
    if got is None:
        from kzclaims.match import _ratio

        if len(_SIMS) > 100_000:  # ~20 MB at most (memory flat on large corpora, issue 8)
            _SIMS.clear()
        got = _SIMS[(a, b)] = _ratio(a, b)
    return got


@lru_cache(maxsize=4096)
def _words(text: str, language: str) -> tuple[tuple[str, int, int], ...]:
    """The normalized words of a passage (the language's normalization: Russian lemmas) with
    their character spans."""
    from kzclaims.lang import get
    from kzclaims.match import _TOKEN, _norm

    normalize = get(language).normalizer or (lambda w: w)
    return tuple(
        (normalize(_norm(m.group())), m.start(), m.end()) for m in _TOKEN.finditer(text)
    )


def forget_passages() -> None:
    """Empty the caches keyed by a passage's text (:func:`_words` and the values read in a
    passage, ``kzclaims.choose._read_values``): a passage is scored for the claims of one
    source, so ``kzclaims.pipeline.ShardSearch`` empties them after each source and memory
    stays flat (their keys hold the passages' texts: up to ~40 MB at 65,536 entries, issue 8;
    ~16 MB within one 2 MB shard at 500 claims when they were emptied per shard). A passage's
    hits (:meth:`SourceStats.hits`) are kept by its source's statistics, released with them."""
    _words.cache_clear()
    from kzclaims.choose import _read_values
    from kzclaims.match import _SPANS

    _SPANS.clear()  # the word spans of the passages found (kzclaims.match._spans_of)

    # the values read in a passage (~0.5 KB a passage): ~7 % of the readings of a shard are
    # found there again, < 1 % in a later shard (measured at 10 MB x 50, issue 8), and none in
    # another source (10 MB x 500, two shards)
    _read_values.cache_clear()


_DIGIT = re.compile(r"\d")


def local_score(
    phrases: Sequence[_Words], stats: SourceStats, text: str, value: Value,
    unit_hit: bool = False,
) -> tuple[float, str]:
    """The local score (0-100) of ``value`` in ``text`` and the phrasing that gave it."""
    return local_scores(phrases, stats, text, ((value, unit_hit),))[0]


def local_scores(
    phrases: Sequence[_Words], stats: SourceStats, text: str,
    values: Sequence[tuple[Value, bool]],
) -> list[tuple[float, str]]:
    """:func:`local_score` of each (value, unit hit) of one text, in one pass: the text's words,
    each phrasing word's hits in it and their weight are looked up once for all the values (a
    window's values are scored together), and each value's sums are made in the same order as
    one by one, so the scores are the same."""
    toks = _words(text, stats.language)
    starts = [s for _, s, _ in toks]
    ends = [e for _, _, e in toks]
    # each value's first and last word: the first word ending after its start, and the word
    # before the first one starting at or after its end (the spans are in text order)
    spans = [
        (bisect_right(ends, v.start), bisect_left(starts, v.end) - 1) for v, _ in values
    ]
    n = len(values)
    best = [0.0] * n
    best_text = [""] * n
    idf = stats.idf
    for ph in phrases:
        total = [0.0] * n
        got = [0.0] * n
        for w in ph.words:
            hits = stats.hits(w, text)
            if not hits:
                weight = idf(w, ())
                for k in range(n):
                    total[k] += weight
                continue
            every: float | None = None  # the weight when no hit is a value's own word
            for k, (at, last) in enumerate(spans):
                sim_best, pos = 0.0, -1
                own = False
                for i, sim, _t in hits:
                    if at <= i <= last:
                        own = True
                        continue  # the value's own words
                    d = at - i - 1 if i < at else i - last - 1
                    near = sim * 0.5 ** (max(0, d) / NEAR_WORDS)
                    if near > sim_best:
                        sim_best, pos = near, i
                if own:
                    weight = idf(w, [t for i, _, t in hits if not at <= i <= last])
                else:
                    if every is None:
                        every = idf(w, [t for _, _, t in hits])
                    weight = every
                total[k] += weight
                if pos >= 0:
                    got[k] += weight * sim_best
        for k in range(n):
            t, g = total[k], got[k]
            if values[k][1]:  # the value counts a unit of the claim: as good as a word beside it
                t += 1.0
                g += 1.0
            score = 100.0 * g / t if t else 0.0
            if score > best[k]:
                best[k], best_text[k] = score, ph.text
    return list(zip(best, best_text, strict=True))


#: the smallest informativeness a word absent from a source can have: a source of one sentence,
#: ``log((1 + 1) / (0 + 0.5))`` (more sentences only raise it)
_LEAST_ABSENT_IDF = math.log(4.0)


def local_ceiling(present: int, words: int, unit: bool = False) -> float:
    """An upper bound of :func:`local_score` for one phrasing of ``words`` distinct content
    words of which only ``present`` have a similar word (similarity > 0, the word itself
    included) anywhere in the source; ``unit``: a value may count one of the claim's units.

    Proof. Let ``I = log((n + 1) / 0.5)``, the informativeness of a word of ``df = 0`` in a
    source of ``n >= 1`` sentences; every word's informativeness is in ``(0, I]`` (``df`` is at
    most ``n``, so ``(n + 1) / (df + 0.5) > 1``). A phrasing word with no similar word in the
    source has no similar word in any passage (``matched`` is empty), so its weight is
    ``idf`` of its own ``df``, which is 0: exactly ``I``; it adds ``I`` to ``total`` and nothing
    to ``got``. A present word ``i`` adds ``x_i = idf_i <= I`` to ``total`` and at most
    ``x_i * 1`` to ``got`` (similarity times nearness is at most 1). With ``X`` the sum of the
    ``x_i`` and ``c = (words - present) * I``::

        local / 100 = got / total <= X / (X + c) <= present * I / (words * I) = present / words

    (``X / (X + c)`` grows with ``X``, and ``X <= present * I``). With a unit hit, ``got`` and
    ``total`` both gain 1: ``(X + 1) / (X + c + 1) <= (present * I + 1) / (words * I + 1)``,
    which for ``present < words`` falls as ``I`` grows, so it is largest at the smallest ``I``,
    ``log 4`` (one sentence); with ``present == words`` the bound is 100. The local score of
    a claim is the best over its phrasings: the largest of their ceilings.
    """
    if words <= 0:
        return 0.0
    present = max(0, min(present, words))
    if unit:
        least = _LEAST_ABSENT_IDF
        return 100.0 * (present * least + 1.0) / (words * least + 1.0)
    return 100.0 * present / words



def passage_local_ceiling(
    phrases: Sequence[_Words], stats: SourceStats, sentences: range, unit: bool = False
) -> float:
    """An upper bound of :func:`local_score` for any value of a passage (or window) made of
    ``sentences`` of the source (their indexes).

    Proof (as :func:`local_ceiling`, with the source's own statistics): a phrasing word with no
    similar word in those sentences (:meth:`SourceStats.sentences_with`: the test ``hits``
    makes) has ``matched`` empty for every value of the passage, so it weighs exactly
    ``stats.idf(w)`` and adds nothing to ``got``; a word with similar words weighs
    ``idf(w, matched) <= stats.idf(w)`` (``matched`` can only raise ``df``) and adds at most its
    weight to ``got``. With ``X`` the weight of the present words, ``C`` that of the absent
    ones and ``u`` the unit's 1 (when a value may count one of the claim's units)::

        got / total <= (X + u) / (X + C + u) <= (X' + u) / (X' + C + u)

    where ``X' >= X`` is the sum of ``stats.idf(w)`` over the present words (the ratio grows
    with ``X``). The local score is the best over the phrasings: the largest of their bounds.
    """
    best = 0.0
    u = 1.0 if unit else 0.0
    window = range(sentences.start, sentences.stop)
    for words in stats.phrase_weights(phrases):
        present = absent = 0.0
        for weight, where in words:
            if not where.isdisjoint(window):
                present += weight
            else:
                absent += weight
        total = present + absent + u
        if total > 0.0:
            best = max(best, 100.0 * (present + u) / total)
    return best
