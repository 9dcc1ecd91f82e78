"""The whole comparison: claims x sources -> matches -> values -> verdicts -> a Report.

``compare(claims, corpus)`` is the library's main entry point; the CLI only parses options,
calls it and renders the result. ``explain(claim, corpus)`` gives the detail behind one claim.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kzclaims import choose as _choose
from kzclaims._dataclass import dataclass, replace
from kzclaims.choose import Candidate, Choice, choose_value, counts_unit
from kzclaims.compare import (
    Comparable,
    as_claimed,
    bounds_json,
    expected_bounds,
    expected_json,
    finding_bounds,
    json_value,
    overlaps,
    verdict,
)
from kzclaims.errors import InputError, Problem
from kzclaims.lang import Conventions, conventions_for
from kzclaims.model import (
    Claim,
    ClaimResult,
    ClaimSet,
    Finding,
    JSONValue,
    Match,
    PartialDate,
    Qualifier,
    Report,
    Sentence,
    Source,
    SourceInfo,
    Value,
)
from kzclaims.sources import Corpus
from kzclaims.text import value_line

if TYPE_CHECKING:
    import datetime as dt

    from kzclaims.joint import SourceStats
    from kzclaims.lang.bridge import Bridge
    from kzclaims.match import KeyFilter, Lexicon

__all__ = [
    "Explanation",
    "PassageReading",
    "SourceExplanation",
    "compare",
    "explain",
    "select_claims",
]


def _unit_form(word: str) -> str:
    """``choose._word_form`` (a plural's singular, a Russian lemma), remembered."""
    got = _UNIT_FORMS.get(word)
    if got is None:
        from kzclaims.choose import _word_form

        if len(_UNIT_FORMS) > 200_000:  # memory flat on large corpora
            _UNIT_FORMS.clear()
        got = _UNIT_FORMS[word] = _word_form(word)
    return got


_UNIT_FORMS: dict[str, str] = {}


#: unit word form -> whether the partitive's "из них" may be counted as it (every sentence of a
#: source then may hold such a noun)
_PARTITIVE_FORMS: dict[str, bool] = {}


def _unit_forms(words: Sequence[str]) -> list[str]:
    """:func:`_unit_form` of each word (the remembered ones looked up in one C loop)."""
    got: list[str | None] = list(map(_UNIT_FORMS.get, words))
    if None in got:
        for k, form in enumerate(got):
            if form is None:
                got[k] = _unit_form(words[k])
    return got  # type: ignore[return-value]


class _LazyConventions(dict[str, Conventions]):
    """``conventions_for`` of each source, decided on first use (a regex pass over the whole
    text: only the sources where values are read pay it)."""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        super().__init__()
        self._sources = sources

    def __missing__(self, source_id: str) -> Conventions:
        s = self._sources[source_id]
        got = self[source_id] = conventions_for(s.text, s.language)
        return got


class _Indexed:
    """Every source of a run, split into sentences, in one index (built once per run)."""

    def __init__(
        self, sources: Sequence[Source], lexicon: Lexicon | None = None,
        split: dict[str, tuple[Sentence, ...]] | None = None,
    ) -> None:
        """``split``: sentences already split (``split_sentences`` of a source's text, by source
        id), e.g. by the document gate."""
        from kzclaims.match import CorpusIndex
        from kzclaims.text import split_sentences

        self.sources = tuple(sources)
        self._by_id = {s.id: s for s in self.sources}
        self.index = CorpusIndex(lexicon)
        self.sentences: dict[str, tuple[Sentence, ...]] = {}
        # how each source writes numeric dates and decimals (issue 7, item 4): decided on first
        # use, i.e. only for the sources where values are read (issue 8)
        self.conventions: Mapping[str, Conventions] = _LazyConventions(self._by_id)
        self._stats: dict[str, SourceStats] = {}
        # the gate's unit words: per claim's units, per source and sentence
        self._units: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        self._forms: dict[str, tuple[list[str], list[str]]] = {}  # words, their forms
        self._words_of: dict[str, list[tuple[int, frozenset[str]]]] = {}
        self._word_forms: dict[str, dict[str, str]] = {}  # source -> word -> its form
        self._unit_sentences: dict[str, dict[str, frozenset[int]]] = {}
        split = split or {}
        for source in self.sources:
            got = split.get(source.id)
            if got is None:
                got = split_sentences(source.text, source.language)
            self.sentences[source.id] = got
            self.index.add(source.id, self.sentences[source.id], source.language)

    def stats(self, source_id: str) -> SourceStats:
        """The word statistics of one source (built on first use)."""
        from kzclaims.joint import SourceStats

        got = self._stats.get(source_id)
        if got is None:
            source = self._by_id.get(source_id)
            language = source.language if source is not None else "en"
            got = self._stats[source_id] = SourceStats(
                self.sentences.get(source_id, ()), language or "en",
                # the index's words of the sentences, when it read them in the same language
                self.index.tokens_of(source_id) if language else None,
                self.index.lexicon,
            )
        return got

    def sentences_with_forms(self, source_id: str, forms: set[str]) -> frozenset[int]:
        """The sentences of a source (indexes) holding a word (its :class:`SourceStats` words)
        whose form (``choose._word_form``) is one of ``forms``; each distinct word's form is
        computed once per source."""
        stats = self.stats(source_id)
        form_of = self._word_forms.get(source_id)
        if form_of is None:
            words = list(stats.df)
            form_of = self._word_forms[source_id] = dict(
                zip(words, _unit_forms(words), strict=True)
            )
        hit = {w for w, f in form_of.items() if f in forms}
        if not hit:
            return frozenset()
        return frozenset(k for k, ws in stats.words.items() if not ws.isdisjoint(hit))

    def unit_possible(self, source_id: str, units: tuple[str, ...], window: range) -> bool:
        """May a value read in these sentences of a source count one of ``units``
        (``choose.unit_matches``)? A value's noun is words of the text it was read in (or a
        Russian partitive's "из них"), and a unit matches a noun when each of its words
        matches a word of the noun (equal, or a rapidfuzz ratio >= 85 of their forms): so each
        must match a word of the window."""
        from kzclaims.choose import TEMPERATURE_WORDS, abbreviated

        return any(
            # a temperature may be written as a symbol ("47.1C", "40 °F"): no word to look for
            not TEMPERATURE_WORDS.isdisjoint(unit)
            or all(
                abbreviated(u)  # "12,480 ha" for hectares: the gate does not look for "ha"
                or not self._unit_word_sentences(source_id, u).isdisjoint(window)
                for u in unit
            )
            for unit in self._unit_words(units)
        )

    def _unit_words(self, units: tuple[str, ...]) -> list[tuple[str, ...]]:
        from kzclaims.choose import _WORD, _word_form

        got = self._units.get(units)
        if got is None:
            got = self._units[units] = [
                tuple(_word_form(w) for w in _WORD.findall(u.lower())) for u in units
            ]
        return got

    def _unit_word_sentences(self, source_id: str, form: str) -> frozenset[int]:
        """The sentences of a source holding a word that may be counted as unit word ``form``
        (every sentence when the partitive's "из них" may)."""
        known = self._unit_sentences.setdefault(source_id, {})
        got = known.get(form)
        if got is None:
            from rapidfuzz import fuzz, process

            forms = self._forms.get(source_id)
            if forms is None:
                forms = self._forms[source_id] = self._word_forms_of(source_id)
            always = _PARTITIVE_FORMS.get(form)
            if always is None:  # may the partitive's "из них" count as this unit word?
                from kzclaims.choose import _word_form

                partitive = [_word_form(w) for w in ("из", "них")]
                always = _PARTITIVE_FORMS[form] = process.extractOne(
                    form, partitive, scorer=fuzz.ratio, score_cutoff=85
                ) is not None
            if always:
                got = frozenset(self._sentence_indexes(source_id))
            else:  # the sentences holding a form within ratio 85 (one rapidfuzz pass)
                all_words, all_forms = forms
                similar = process.extract(
                    form, all_forms, scorer=fuzz.ratio, score_cutoff=85, limit=None
                )
                words = frozenset(all_words[k] for _, _, k in similar)
                got = frozenset(
                    k for k, ws in self._sentence_words(source_id) if not words.isdisjoint(ws)
                ) if words else frozenset()
            known[form] = got
        return got

    def release(self, source_id: str) -> None:
        """Forget what was worked out for one source (its word statistics, word forms and
        unit-word sentences) once every claim has been scored in it: nothing of it is read for
        another source, and a shard's ~600 sources held ~90 MB of it (docs/benchmarks.md
        "Memory (issue 8, fourth session)"). Asked again, it is worked out again."""
        self._stats.pop(source_id, None)
        self._forms.pop(source_id, None)
        self._word_forms.pop(source_id, None)
        self._words_of.pop(source_id, None)
        self._unit_sentences.pop(source_id, None)

    def _sentence_indexes(self, source_id: str) -> list[int]:
        return [s.index for s in self.sentences.get(source_id, ())]

    def _sentence_words(self, source_id: str) -> list[tuple[int, frozenset[str]]]:
        """The distinct lower-case words (``choose._WORD``) of each sentence of a source."""
        got = self._words_of.get(source_id)
        if got is None:
            from kzclaims.choose import _WORD

            find = _WORD.findall
            got = self._words_of[source_id] = [
                (s.index, frozenset(find(s.text.lower())))
                for s in self.sentences.get(source_id, ())
            ]
        return got

    def _word_forms_of(self, source_id: str) -> tuple[list[str], list[str]]:
        """The distinct words of a source (``choose._WORD``) and their unit-word forms."""
        words = list(frozenset().union(*(ws for _, ws in self._sentence_words(source_id))))
        return words, _unit_forms(words)

    def with_next(self, m: Match) -> Match | None:
        """The passage extended by the sentence after it (None at the end of the source)."""
        sentences = self.sentences.get(m.source, ())
        nxt = m.last_sentence + 1
        if nxt >= len(sentences):
            return None
        return replace(m, text=f"{m.text} {sentences[nxt].text}", last_sentence=nxt)

    def search(
        self, claim: Claim, threshold: float, limit: int, sources: Iterable[str] | None = None,
    ) -> dict[str, list[Match]]:
        """The best passages of each source (of ``sources``, when given) for the claim's
        phrasings (one query for all)."""
        return self.index.search(phrasings(claim), threshold, limit=limit, sources=sources)


#: the kinds of claim whose ``title`` is not searched as one more phrasing as a rule. A user writes
#: a title for every claim (it is required) and often one ``find`` line: the title is what the
#: claim is about in the user's words ("Official death toll", "Ships waiting at anchor"), so it
#: is searched too (measured on the blind set's tuning splits with each claim phrased as a user
#: might: docs/benchmarks.md, "Phrasing stability"). Dates only with one line
#: (:data:`DATE_TITLE_PHRASINGS`): a date claim has no unit for its value to fit, and its title
#: names the thing whose date it asks ("Date of the Collective Security Treaty"), so any date
#: beside that thing's name scores ("relying on the Collective Security Treaty, today I
#: appealed": the bundled corpus's one false find with titles searched); a claim of two lines in
#: the title's language has enough words of its own.
TITLE_NOT_SEARCHED: frozenset[str] = frozenset({"date", "date_range"})


def phrasings(claim: Claim) -> tuple[str, ...]:
    """What a claim is searched by: its ``find`` phrasings and its title (unless its kind is in
    :data:`TITLE_NOT_SEARCHED`), each once."""
    if claim.kind in TITLE_NOT_SEARCHED and not _date_title_searched(
        claim.title, claim.find, DATE_TITLE_PHRASINGS
    ):
        return claim.find
    return tuple(dict.fromkeys((*claim.find, claim.title)))


#: a date claim's title is searched when the claim has at most this many ``find`` phrasings in
#: the title's language and the title has a content word none of them has (one that only repeats
#: a phrasing's words would only lower its bar); -1: never. A question or a noun phrase alone
#: ("when did the farmers start blocking the roads", "Start of the farmers' blockade") misses
#: the report's wording more often than the two lines the blind set's claims have (issue 10,
#: ninth pass: docs/benchmarks.md, "Phrasing the way users write"); its pairs reached through
#: the title keep a fit of :data:`TITLE_DATE_FIT` or more
DATE_TITLE_PHRASINGS = 1


@lru_cache(maxsize=4096)
def _date_title_searched(title: str, find: tuple[str, ...], most: int) -> bool:
    from kzclaims.lang import language_of_phrase
    from kzclaims.match import is_weak, tokens

    lang = language_of_phrase(title)
    mine = [p for p in find if language_of_phrase(p) == lang]
    if len(mine) > most:
        return False
    said = {w for p in mine for w in tokens(p, lang)}
    return any(not is_weak(w) and w not in said for w in tokens(title, lang))


def select_claims(claimset: ClaimSet, ids: Sequence[str]) -> tuple[Claim, ...]:
    """The claims named by ``--claim`` (all when none); an unknown id is an input error."""
    if not ids:
        return claimset.claims
    known = {c.id: c for c in claimset.claims}
    problems = []
    for cid in ids:
        if cid not in known:
            import difflib

            close = difflib.get_close_matches(cid, list(known), n=1)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            problems.append(
                Problem(
                    claimset.path,
                    None,
                    None,
                    f"no claim with id `{cid}`{hint}",
                    "error",
                    "unknown-claim",
                )
            )
    if problems:
        raise InputError(problems)
    wanted = set(ids)
    return tuple(c for c in claimset.claims if c.id in wanted)


def _source_info(s: Source) -> SourceInfo:
    return SourceInfo(
        id=s.id,
        outlet=s.outlet or s.id,
        file=s.file,
        published=_iso(s.published),
        published_inferred=s.published_inferred,
        as_of=_iso(s.as_of),
        title=s.title,
        url=s.url,
        title_inferred=s.title_inferred,
        author=s.author,
        language=s.language,
        published_from=s.published_from,
    )


def _iso(day: dt.date | None) -> str | None:
    """A date as ``YYYY-MM-DD``, one string per date (a run's sources share few dates: the
    report keeps one per source, issue 8)."""
    if day is None:
        return None
    got = _ISO.get(day)
    if got is None:
        if len(_ISO) > 10_000:
            _ISO.clear()
        got = _ISO[day] = day.isoformat()
    return got


_ISO: dict[dt.date, str] = {}


@dataclass(frozen=True)
class _Reading:
    """A passage and the value chosen in it, with the pair's joint score."""

    match: Match
    choice: Choice | None
    score: float = 0.0  # the joint score of the pair (the passage's relevance for a statement)


#: The joint score of a (passage, value) pair, 0-100 plus the value's fit:
#:     TOPIC_WEIGHT x relevance + LOCAL_WEIGHT x local + FIT_WEIGHT x fit + VALUE_OFFSET
#: relevance: the passage's fuzzy word coverage of a phrasing (kzclaims.match); local: the
#: informativeness-weighted share of a phrasing's words near the value (kzclaims.joint); fit:
#: kzclaims.choose.score_candidates (unit +40 / -30, history -60, ...: the sum of its
#: Candidate.parts times their weights). The weights and the default threshold were chosen on
#: the blind set's tuning splits (benchmarks/matching_study.py, real runs); a logistic fit of
#: them on the same features, measured leaving one event out (benchmarks/ranker.py), did not do
#: better (docs/benchmarks.md, "Calibrated scoring"), so they stay.
TOPIC_WEIGHT = 0.5
LOCAL_WEIGHT = 0.5
FIT_WEIGHT = 0.5
#: the relevance a passage needs to be read at all (the index's prefilter works down to it; the
#: joint score never accepts a passage below it, so the prefilter loses nothing)
SEARCH_FLOOR = 30.0
#: how many passages of a source above the floor are read, best first
PASSAGES_READ = 6


def search_floor(threshold: float) -> float:
    """The relevance a passage needs to be read: :data:`SEARCH_FLOOR`, or the threshold when that
    is lower (a claim with ``threshold: 20`` is searched down to 20)."""
    return max(0.0, min(SEARCH_FLOOR, threshold - FLOOR_OFFSET))


#: how far below a claim's threshold its passages are searched (for a threshold of 60 or less
#: the floor falls below :data:`SEARCH_FLOOR`); a fixed rule of candidate generation, apart
#: from the weights of the score
FLOOR_OFFSET = 30.0


#: added to the joint score of a value so that the default threshold (75, as for a statement's
#: relevance) is the operating point calibrated on the development half
VALUE_OFFSET = 30.0


def joint_score(relevance: float, local: float, fit: float) -> float:
    """The score of a (passage, value) pair (see :data:`TOPIC_WEIGHT`); not clamped, so that
    pairs above 100 still rank (a report shows it clamped to 0-100)."""
    raw = TOPIC_WEIGHT * relevance + LOCAL_WEIGHT * local
    return raw + FIT_WEIGHT * fit + VALUE_OFFSET


# The gate (issue 8): the ceiling of the joint score from a document's words, next to the formula
# it bounds. A change to joint_score, to the local score or to the fit must keep it an upper
# bound: tests/test_gate.py runs compare with the gate on and off and asserts identical findings.

#: what rounding may add to a relevance (the index rounds scores to 0.1) and a safety margin
GATE_SLACK = 0.1
#: a shard of at most this many (document, claim) pairs is searched without the gate (every
#: claim in every document, every window read: the same findings, ``tests/test_gate.py``): the
#: gate's set-up and its pass over the documents' words and windows cost more than they save on
#: a few documents. Measured in process (docs/benchmarks.md, "Start-up and scoring (issue 8,
#: eighth session)"): faster without it on 27 of the 28 events of the blind set's design and
#: validation splits (8 documents, 9-12 claims; -14 % CPU in all) and on the first 10-80
#: documents of the generated corpora at 50 claims (-10 to -17 %); slower from 160 documents at
#: 50 claims (+11 to +13 %) and at 40 documents with 500 claims (+31 %)
GATE_FROM = 2000


def fit_ceiling(claim: Claim, unit: bool = True) -> float:
    """The largest fit kzclaims.choose.score_candidates can give a value of ``claim``: every
    term is a penalty except :data:`kzclaims.choose.UNIT_MATCH` (a value whose noun names one
    of the claim's units) and :data:`kzclaims.choose.UNIT_KIN`, given only when the claim has a
    unit. ``unit``: whether a value may count one of them (see :func:`unit_possible`)."""
    role = (
        max(0.0, _choose.ROLE_MATCH)
        if claim.kind in ("date", "date_range") and _choose.claim_roles(claim) else 0.0
    )
    if not claim.unit:
        return role
    # a currency is named by symbols and codes too ("$", "USD": choose.currency_fit), which the
    # gate's unit words do not see: a claim counting money may always match its unit
    unit = unit or _counts_money(claim)
    # (read from the module at each call, as an import here would: a sweep may set them)
    kin = _choose.UNIT_KIN
    unit_fit = max(0.0, _choose.UNIT_MATCH, _choose.PART_MATCH, kin) if unit else max(0.0, kin)
    return role + unit_fit


def bonus_ceiling(claim: Claim, unit: bool = True) -> float:
    """What a pair may get on top of its joint score: :data:`UNIT_ANCHOR` for a claim whose
    values may be found by the unit they count (:func:`_unit_anchored`), else nothing."""
    anchored = claim.kind in ("count", "number") and claim.unit and (unit or _counts_money(claim))
    return max(0.0, UNIT_ANCHOR) if anchored else 0.0


def _counts_money(claim: Claim) -> bool:
    """Whether a claim's units name a currency (:func:`kzclaims.choose.currencies`), remembered
    per units (``choose._wanted_currencies``; the gate asks for every window it checks: a regex
    pass over the units each time was ~3.5 % of the search at 500 claims)."""
    return bool(claim.unit) and bool(_choose._wanted_currencies(tuple(claim.unit)))


def score_ceiling(relevance: float, local: float, fit: float) -> float:
    """An upper bound of :func:`joint_score` from upper bounds of its three terms: the score
    grows with each (its weights are not negative), so the bounds give a bound."""
    assert min(TOPIC_WEIGHT, LOCAL_WEIGHT, FIT_WEIGHT) >= 0.0
    return joint_score(relevance, local, fit)


def may_be_found(claim: Claim, limit: float) -> Callable[[float, float, bool], bool]:
    """Whether a claim can give a cell (found, or a near miss with a quote) in a document whose
    relevance ceiling and local-score ceiling are given, and whether a value there may count
    one of the claim's units (see :class:`kzclaims.match.GateQuery`).

    A source is read for a claim only when a passage reaches relevance >= :func:`search_floor`;
    a cell needs a (passage or window, value) pair with a joint score (plus
    :func:`bonus_ceiling`) >= the threshold (:func:`_assign`), a passage of relevance >= the
    threshold (a near miss), or for a statement relevance + :func:`statement_ceiling` >= it.
    Otherwise the claim is "not found" in the document whatever its sentences say, and the gate
    skips it. (Every relevance and local
    score of a passage or window of the document is at most the document's ceiling.)
    """
    floor = search_floor(limit)
    statement = claim.kind == "statement"

    def accept(relevance: float, local: float, unit: bool) -> bool:
        r = relevance + GATE_SLACK
        if relevance <= 0.0 or r < floor:
            return False
        if r >= limit:
            return True
        if statement:  # a statement's score is at most its relevance + statement_ceiling()
            return r + statement_ceiling() >= limit
        ceiling = score_ceiling(r, local + GATE_SLACK, fit_ceiling(claim, unit))
        return ceiling + bonus_ceiling(claim, unit) >= limit

    return accept


#: ``window(step)``: (local ceiling, unit possible) over the words of a passage and the ``step``
#: sentences after it (see :func:`may_be_found_in_window`)
WindowWords = Callable[[int], tuple[float, bool]]


def may_be_found_in_window(claim: Claim, limit: float) -> Callable[[float, WindowWords], bool]:
    """The gate of one passage and the windows read after it (:func:`_pairs`), from ceilings of
    the words they can hold: ``accept(relevance, window)`` with ``relevance`` an upper bound of
    the passage's relevance and ``window(step)`` the local ceiling and whether a value may count
    one of the claim's units, over words that include those of the passage and of the ``step``
    sentences after it (``kzclaims.match.KeyFilter`` computes them per segment of sure sentence
    ends, ``kzclaims.text.sure_segments``).

    Proof. A cell of the claim from this passage ``m`` (relevance ``m.score <= relevance``)
    needs one of: ``m.score >= search_floor`` and ``m.score >= limit`` (a near miss, or a
    statement's score, at most ``m.score + statement_ceiling()``), or a pair of a window of step
    ``s`` in ``0..NEIGHBOURS`` scoring ``joint_score(max(0, m.score - NEIGHBOUR_PENALTY * s),
    local, fit) >= limit`` with ``local <= window(s)[0]`` (the window's words are among those)
    and ``fit <= fit_ceiling(claim, window(s)[1])``; :func:`score_ceiling` grows with each
    argument, and ``max(0, x - p)`` with ``x``. The sentences found by the unit they count are
    bounded by :func:`may_be_anchored`, not here.
    """
    floor = search_floor(limit)
    statement = claim.kind == "statement"

    def accept(relevance: float, window: WindowWords) -> bool:
        r = relevance + GATE_SLACK
        if relevance <= 0.0 or r < floor:
            return False
        if r >= limit:
            return True
        if statement:
            return r + statement_ceiling() >= limit
        fit = fit_ceiling(claim, True)  # (once a call, not per step: ~6 % of the search at 500
        fit_without: float | None = None  # claims)
        for step in range(NEIGHBOURS + 1):
            rel = max(0.0, r - NEIGHBOUR_PENALTY * step)
            if score_ceiling(rel, 100.0 + GATE_SLACK, fit) < limit:
                return False  # no later step can do better: relevance only falls
            local, unit = window(step)
            if not unit and fit_without is None:
                fit_without = fit_ceiling(claim, False)
            if score_ceiling(rel, local + GATE_SLACK, fit if unit else fit_without) >= limit:
                return True
        return False

    return accept


def may_be_anchored(claim: Claim, limit: float) -> Callable[[float, float], bool] | None:
    """The gate of a sentence found by the unit its value counts (:func:`_unit_anchored`):
    ``accept(relevance, local)``, ceilings over words that include the sentence's, which hold a
    word a value may count as one of the claim's units; None when the claim has no such
    sentences (only counts and numbers with a unit do). Such a sentence is read only in a
    source where a passage of the claim reached :func:`search_floor` (``KeyFilter`` checks
    that); its pairs score ``joint_score(relevance, local, fit) + UNIT_ANCHOR`` with the
    sentence's own relevance (possibly below the floor) and a fit of at most
    ``fit_ceiling(claim, True)``. Like :func:`_unit_anchored`, only a unit whose last word names
    something else than people anchors."""
    from kzclaims.choose import _is_person

    bonus = bonus_ceiling(claim, True)
    if bonus <= 0.0:
        return None
    # as _unit_anchored: only a unit whose last word names something else than people anchors
    if all(not u.lower().split() or _is_person(u.lower().split()[-1]) for u in claim.unit or ()):
        return None

    def accept(relevance: float, local: float) -> bool:
        ceiling = score_ceiling(
            relevance + GATE_SLACK, local + GATE_SLACK, fit_ceiling(claim, True)
        )
        return ceiling + bonus >= limit

    return accept


@dataclass(frozen=True)
class JointScore:
    """Why a value of a passage scores what it does for a claim (shown by ``explain``)."""

    candidate: Candidate
    relevance: float  # the passage's word coverage of a phrasing (kzclaims.match)
    local: float  # the claim's informative words near the value (kzclaims.joint)
    via: str  # the phrasing that gave the local score
    joint: float  # the pair's score, compared with the threshold

    def describe(self) -> str:
        return (
            f"score {_shown(self.joint):g}: relevance {self.relevance:.1f}, "
            f"near the value {self.local:.1f}, fit {self.candidate.score:+.1f}"
        )


def joint_candidates(
    claim: Claim, m: Match, choice: Choice, phrases: Sequence[Any], stats: SourceStats
) -> list[JointScore]:
    """Every usable value of a passage with its joint score (in the text's order)."""
    from kzclaims.joint import local_scores

    usable = [c for c in choice.candidates if not c.excluded]
    unit = claim.unit
    locals_ = local_scores(phrases, stats, m.text, [
        (c.value, bool(unit and c.value.noun and counts_unit(c.value.noun, claim)))
        for c in usable
    ])
    return [
        JointScore(c, m.score, local, via, joint_score(m.score, local, c.score))
        for c, (local, via) in zip(usable, locals_, strict=True)
    ]


@dataclass(frozen=True)
class _Scored:
    """A (passage, value) pair and its joint score: relevance + FIT_WEIGHT * the value's fit.

    ``top``: the passage's best value for the claim; the others of the passage (``top`` False)
    are kept when they reach the claim's threshold, so that a claim whose best value is a
    sibling claim's may take the next value of the same passage (:func:`_assign`)."""

    joint: float
    reading: _Reading
    top: bool = True


def _pairs(
    claim: Claim, source: Source, matches: Sequence[Match], indexed: _Indexed,
    limit: float | None = None, keep: float | None = None, below: bool = False,
) -> list[_Scored]:
    """Every passage with its best value of the claim's kind, scored jointly, best first.

    Besides the passages found, the :data:`NEIGHBOURS` sentences after each are read as one
    window with it ("How many homes were lost? ... The number stands at 73."): only the values
    of the new sentences are candidates there, with the passage's relevance less
    :data:`NEIGHBOUR_PENALTY` per sentence, so the claim's words must still stand before them.
    ``limit``: a window whose pairs cannot reach it (:func:`_window_may_reach`) is not read
    (it would not be chosen; the pairs of the others are the same). ``keep``: the other values
    of a passage scoring at least this are pairs too (``top`` False), after its best one.
    ``below``: a window whose values are read gives its best pair even when no value reaches
    ``limit`` (:func:`_clear_best` names the best other value read, whatever it scores); else
    such a window gives none (:func:`_values_may_reach`).
    """
    from kzclaims.joint import claim_phrases

    out: list[_Scored] = []
    phrases = claim_phrases(claim, phrasings(claim))
    stats = indexed.stats(source.id)
    conventions = indexed.conventions
    seen: set[tuple[int, int]] = set()
    windows: list[tuple[Match, int, int]] = []  # (passage, where its new values start, step)
    for m in matches:
        if claim.kind == "statement":
            score = statement_score(m, source.language)
            out.append(_Scored(score, _Reading(m, None, score)))
            continue
        windows.append((m, 0, 0))
        seen.update((k, k) for k in range(m.first_sentence, m.last_sentence + 1))
    for m, _, _ in list(windows):
        w = m
        for step in range(1, NEIGHBOURS + 1):
            nxt = indexed.with_next(w)
            if nxt is None:
                break
            cut = len(w.text) + 1
            w = nxt
            windows.append((replace(w, score=max(0.0, m.score - NEIGHBOUR_PENALTY * step)),
                            cut, step))
    anchored = _unit_anchored(claim, source, indexed, seen) if UNIT_ANCHOR else []
    windows.extend((m, 0, -1) for m in anchored)
    for m, cut, step in windows:
        reach = None
        if limit is not None:
            reach = _window_reach(
                claim, m, phrases, stats, indexed, limit, UNIT_ANCHOR if step < 0 else 0.0
            )
            if reach is None:
                continue
        choice = _window_choice(claim, m, cut, source, conventions[source.id])
        if choice is None:
            continue
        if (
            reach is not None and step >= 0 and not below
            and not _values_may_reach(choice, m, reach, limit)
        ):
            continue  # its values are known: none of them can reach the limit either
        if step < 0:  # a sentence found by the unit of its value: only such values count
            fits = [
                c for c in choice.candidates
                if not c.excluded and c.value.noun and counts_unit(c.value.noun, claim)
            ]
            if not fits:
                continue
            best = max(fits, key=lambda c: (c.score, -c.value.start))
            choice = _rechoose(
                Choice(best.value, "", tuple(fits)), best
            )
            scores = [
                replace(js, joint=js.joint + UNIT_ANCHOR)
                for js in joint_candidates(claim, m, choice, phrases, stats)
            ]
            if scores:
                top = max(scores, key=lambda js: js.joint)
                won = _rechoose(choice, top.candidate)
                why = (
                    f"{top.describe()} (with {UNIT_ANCHOR:g} for its unit); found by the unit "
                    f"it counts; {won.why}"
                )
                out.append(_Scored(top.joint, _Reading(m, replace(won, why=why), top.joint)))
                out.extend(
                    _runners_up(scores, top, choice, m, keep, "; found by the unit it counts")
                )
            continue
        where = f"stated {step} sentence{'s' * (step > 1)} after the matched one; " if step else ""
        scores = _title_fit(claim, m, joint_candidates(claim, m, choice, phrases, stats))
        if scores:
            top = max(scores, key=lambda js: js.joint)  # the first of equals: the earliest
            won = (
                choice if top.candidate.value == choice.value
                else _rechoose(choice, top.candidate)
            )
            why = f"{top.describe()}; {where}{won.why}"
            out.append(_Scored(top.joint, _Reading(m, replace(won, why=why), top.joint)))
            out.extend(_runners_up(scores, top, choice, m, keep, f"; {where}".rstrip("; ")))
    out.sort(key=lambda s: -s.joint)  # stable: ties keep the relevance order
    return out


#: the least fit of a date read from a passage that a date claim's title reached (best) when the
#: title is searched only as one more phrasing (:data:`DATE_TITLE_PHRASINGS`): a title names the
#: thing whose date it asks, so a date beside that name whose words give it another role
#: (``kzclaims.choose.ROLE_MISMATCH``), the report's own date, a bare year or history (-30 or
#: less) is no answer ("relying on the Security Treaty, the minister today asked": a request,
#: not the treaty's date); distance penalties (another clause or sentence) are kept
TITLE_DATE_FIT = -25.0


def _title_fit(claim: Claim, m: Match, scores: list[JointScore]) -> list[JointScore]:
    """``scores`` without the pairs of a date claim's title whose fit is below
    :data:`TITLE_DATE_FIT` (the pairs of its ``find`` phrasings are all kept)."""
    if claim.kind not in TITLE_NOT_SEARCHED or m.phrasing != claim.title or (
        claim.title in claim.find
    ):
        return scores
    return [js for js in scores if js.candidate.score >= TITLE_DATE_FIT]


def _runners_up(
    scores: Sequence[JointScore], top: JointScore, choice: Choice, m: Match,
    keep: float | None, where: str,
) -> list[_Scored]:
    """The values of a passage other than its best, as pairs, when they score ``keep``."""
    if keep is None:
        return []
    out = []
    for js in scores:
        if js is top or js.joint < keep:
            continue
        alt = _rechoose(choice, js.candidate)
        why = f"{js.describe()}{where}; {alt.why}"
        out.append(_Scored(js.joint, _Reading(m, replace(alt, why=why), js.joint), top=False))
    return out


#: points a value gets in a sentence found by the unit it counts, when the claim's unit names
#: no people ("48,600 hectares", "52 seats"): in a source where the claim was found, a value
#: counting the claim's own unit is evidence however the sentence is worded
UNIT_ANCHOR = 20.0


def _unit_anchored(
    claim: Claim, source: Source, indexed: _Indexed, seen: set[tuple[int, int]]
) -> list[Match]:
    """The sentences of a source (not yet read) holding a word of the claim's unit, when the
    unit names something else than people, as passages with their own relevance."""
    from kzclaims.choose import _is_person, _word_form
    from kzclaims.match import _tokens_many, score_tokens

    if claim.kind not in ("count", "number") or not claim.unit:
        return []
    words = set()
    for u in claim.unit:
        ws = u.lower().split()
        if ws and not _is_person(ws[-1]):
            words.add(_word_form(ws[-1]))
    if not words:
        return []
    holding = indexed.sentences_with_forms(source.id, words)
    sentences = indexed.sentences.get(source.id, ())
    at = [
        k for k, s in enumerate(sentences)
        if s.index in holding and (s.index, s.index) not in seen
    ]
    if not at:
        return []
    found = [sentences[k] for k in at]
    # the sentences' words as the index holds them (tokens() of each, in the source's language)
    indexed_toks = indexed.index.tokens_of(source.id)
    if indexed_toks is not None and len(indexed_toks) == len(sentences):
        toks = [indexed_toks[k] for k in at]
    else:
        toks = _tokens_many([s.text for s in found], source.language)
    relevance = [0.0] * len(found)
    for p in phrasings(claim):
        relevance = list(map(max, relevance, score_tokens(p, toks)))
    return [
        Match(source.id, s.text, s.line, r, "", s.index, s.index, ())
        for s, r in zip(found, relevance, strict=True)
    ]


#: added to a statement's relevance before it is compared with the threshold: a statement is
#: found at relevance 65 with the default threshold 75. Calibrated on all the development data:
#: on the blind set's tuning splits 0 / 5 / 10 / 15 / 20 / 25 gave 227 / 231 / 235 / 236 / 237 /
#: 236 cells right less false finds; from 15 on, the bundled corpus finds "we need to complete
#: the anti-terrorist operations" for "the main phase ... completed" (a false find), so 10
STATEMENT_OFFSET = 10.0
#: added on top for a passage whose mood agrees with the matched phrasing's
#: (:func:`kzclaims.match.same_mood`: both plain assertions, or both negated or hedged): such a
#: statement is found at relevance 60. Chosen leaving one design split out (issue 10, seventh
#: pass: docs/benchmarks.md); a passage of another mood ("we need to complete the operations"
#: for "the operation was completed") keeps the offset above.
MOOD_BONUS = 5.0


def statement_score(m: Match, language: str | None = None) -> float:
    """The score of a passage for a statement claim: its relevance, :data:`STATEMENT_OFFSET`,
    and :data:`MOOD_BONUS` when it says the statement in the mood of the phrasing it matched."""
    from kzclaims.match import same_mood

    bonus = MOOD_BONUS if MOOD_BONUS > 0.0 and same_mood(m.phrasing, m.text, language) else 0.0
    return m.score + STATEMENT_OFFSET + bonus


def statement_ceiling() -> float:
    """What :func:`statement_score` may add to a relevance at most (the gate's bound)."""
    return STATEMENT_OFFSET + max(0.0, MOOD_BONUS)

#: sentences after a found passage whose values are read with it (a window)
NEIGHBOURS = 2
#: relevance a window loses per sentence after the passage
NEIGHBOUR_PENALTY = 10.0


def _window_choice(
    claim: Claim, m: Match, cut: int, source: Source, conv: Conventions
) -> Choice | None:
    """The values of a passage (``cut`` 0) or of the sentences a window adds to it (from
    character ``cut``), scored as :func:`choose_value` does."""
    if cut == 0:
        return choose_value(claim, m, source.reference_date, None, source.language, conv)
    from kzclaims.choose import _read_values, score_candidates

    tail = m.text[cut:]
    values = [
        replace(v, start=v.start + cut, end=v.end + cut)
        for v in _read_values(tail, claim.kind, source.reference_date, source.language, conv)
    ]
    if not values:
        return None
    candidates = score_candidates(claim, m, values, source.reference_date)
    usable = [c for c in candidates if not c.excluded]
    if not usable:
        return None
    best = max(usable, key=lambda c: (c.score, -c.value.start))
    return _rechoose(Choice(best.value, "", tuple(candidates)), best)


def _window_may_reach(
    claim: Claim, m: Match, phrases: Sequence[Any], stats: SourceStats, indexed: _Indexed,
    limit: float, bonus: float = 0.0,
) -> bool:
    """Can a value of passage or window ``m`` score ``limit`` (``bonus`` added to its joint
    score, as :data:`UNIT_ANCHOR` is)?

    The ceiling of the joint score (:func:`score_ceiling`) from the window's relevance, the
    ceiling of the local score over its words (``joint.passage_local_ceiling``) and the largest
    fit (:func:`fit_ceiling`): the gate of issue 8 inside a document, before values are read.
    """
    return _window_reach(claim, m, phrases, stats, indexed, limit, bonus) is not None


def _window_reach(
    claim: Claim, m: Match, phrases: Sequence[Any], stats: SourceStats, indexed: _Indexed,
    limit: float, bonus: float = 0.0,
) -> float | None:
    """:func:`_window_may_reach`: None when no value of ``m`` can score ``limit``, else the
    ceiling of the local score there (with :data:`GATE_SLACK`: what :func:`_values_may_reach`
    bounds the values read with)."""
    from kzclaims.joint import passage_local_ceiling

    relevance = m.score + GATE_SLACK
    # first with a unit assumed (the fit and the bonus are largest with one): often enough
    if score_ceiling(relevance, 100.0, fit_ceiling(claim, True)) + bonus < limit:
        return None
    window = range(m.first_sentence, m.last_sentence + 1)
    unit = bool(claim.unit) and indexed.unit_possible(m.source, tuple(claim.unit), window)
    fit = fit_ceiling(claim, unit)
    if not unit:
        bonus = min(bonus, bonus_ceiling(claim, unit))
    if score_ceiling(relevance, 100.0, fit) + bonus < limit:
        return None
    local = passage_local_ceiling(phrases, stats, window, unit) + GATE_SLACK
    return local if score_ceiling(relevance, local, fit) + bonus >= limit else None


def _values_may_reach(choice: Choice, m: Match, local: float, limit: float) -> bool:
    """Can a usable value of ``choice`` (read from passage or window ``m``, no bonus) score
    ``limit``, its fit now known? ``local``: the ceiling of the local score there
    (:func:`_window_reach`). The joint score of a value is :func:`joint_score` of the window's
    relevance, its local score and its fit (:func:`joint_candidates`), so a window where even
    the best fit cannot reach ``limit`` gives no pair that does, and its local scores are not
    computed."""
    fit = max((c.score for c in choice.candidates if not c.excluded), default=None)
    return fit is not None and score_ceiling(m.score + GATE_SLACK, local, fit) >= limit


def _rechoose(choice: Choice, winner: Candidate) -> Choice:
    """The same candidates with another winner (chosen by the joint score)."""
    others = [c for c in choice.candidates if c is not winner and not c.excluded]
    why = "; ".join(winner.reasons) or "the only value of this kind"
    if others:
        skipped = ", ".join(
            f"{c.value.text!r} ({'; '.join(c.reasons) or 'farther'})" for c in others[:3]
        )
        why += f"; passed over {skipped}"
    return Choice(winner.value, why, choice.candidates)


def _value_key(reading: _Reading, indexed: _Indexed) -> tuple[int, int] | None:
    """Where a reading's value stands in its source: (sentence, character offset in it)."""
    if reading.choice is None:
        return None
    m, start = reading.match, reading.choice.value.start
    sentences = indexed.sentences.get(m.source, ())
    k = m.first_sentence
    while k < m.last_sentence and k < len(sentences) and start > len(sentences[k].text):
        start -= len(sentences[k].text) + 1
        k += 1
    return k, start


#: how the values of a source are shared among the claims (:func:`_assign`): "matching" (the
#: assignment of values to claims with the largest total score, each value to one claim) or
#: "greedy" (pairs taken best first over all claims)
ASSIGNMENT = "matching"
#: in the matching, what each claim given a value adds besides its score above the threshold
MATCH_BONUS = 0.0
#: weight of the contrastive score (the claim's words that its sibling claims lack, near the
#: value: kzclaims.joint.contrast_phrases) in the matching
CONTRAST_WEIGHT = 0.5
#: a claim with contrastive words none of which stands near a value another claim's own words
#: score at least this much on does not take it (0: never)
CONTRAST_VETO = 40.0
#: a value two claims score within this much of each other (with the contrastive score) goes
#: to neither: "abstained: too close to X" (0: never)
TOO_CLOSE = 0.0
#: whether a passage's other values than its best one compete (:func:`_runners_up`)
RUNNERS_UP = True


def _assign(
    items: Sequence[tuple[Claim, float, Sequence[Match]]], source: Source, indexed: _Indexed,
    gate: bool = True, contrast: Mapping[str, Sequence[Any]] | None = None,
    rivals: list[list[tuple[_Reading, tuple[int, int]]]] | None = None,
) -> list[tuple[_Reading | None, Match | None, str | None]]:
    """The readings of several claims in one source, each value given to one claim at most.

    A number in a source answers one question: "58 missing" is the missing, not the injured,
    although "people" is the unit of both claims. Every claim's pairs above its threshold
    compete: with :data:`ASSIGNMENT` "matching", each claim takes one value (or none) so that
    the sum over the claims of their scores above the threshold is largest (a claim whose best
    value a sibling scores higher still keeps it when the sibling has another value of its own
    nearly as good: "3,200 troops" for the total, "1,850 soldiers" for the contingent).
    ``contrast``: each claim's words that its sibling claims lack (by claim id); their nearness
    to a value is added to the pair's weight in the competition. Statements hold no value and
    never compete. ``rivals``: filled with each claim's other values in the source (its best
    pair per value, down to its :func:`reach_limit`, at most :data:`RIVALS_KEPT`, none that
    another claim took or that a sibling's words veto), for the agreement across sources
    (:func:`_agree`).
    """
    reach = [reach_limit(limit, claim.kind) for claim, limit, _ in items]
    keep = reach if RUNNERS_UP else [None] * len(items)
    scored = [
        _pairs(claim, source, found, indexed, r if gate else None, k)
        for (claim, _, found), r, k in zip(items, reach, keep, strict=True)
    ]
    # every claim's best pair per value (its key in the source), above the threshold
    best: list[dict[tuple[int, int], _Scored]] = []
    statements: dict[int, _Reading] = {}
    rank: dict[tuple[int, tuple[int, int]], int] = {}  # ties go to the claim's earlier pair
    lowered: dict[int, float] = {}  # claims whose clear best pair is taken below the threshold
    for q, ((_, limit, _), pairs) in enumerate(zip(items, scored, strict=True)):
        mine: dict[tuple[int, int], _Scored] = {}
        for s in pairs:
            if s.joint < limit:
                continue
            key = _value_key(s.reading, indexed)
            if key is None:
                statements.setdefault(q, s.reading)
                continue
            if key not in mine:  # pairs come best first
                mine[key] = s
                rank[q, key] = len(rank)
        if not mine and q not in statements:
            clear = _clear_best(
                items[q][0], pairs, limit, indexed, source, items[q][2], gate
            )
            if clear is not None:
                key, s = clear
                mine[key] = s
                rank[q, key] = len(rank)
                lowered[q] = limit - CLEAR_BAR[items[q][0].kind]
        best.append(mine)
    vetoed: dict[int, dict[tuple[int, int], str]] = {}
    weight = _weights(items, best, indexed, contrast, vetoed)
    closed: dict[int, tuple[_Reading, str, float]] = {}
    if TOO_CLOSE > 0.0:
        _too_close(items, best, weight, rank, closed)
    if lowered:
        items = [
            (c, lowered.get(q, limit), found) for q, (c, limit, found) in enumerate(items)
        ]
    if ASSIGNMENT == "matching":
        chosen_keys = _matching(items, weight, rank)
    else:
        chosen_keys = _greedy(weight, rank)
    holder = {key: q for q, key in chosen_keys.items()}
    if rivals is not None:
        for q, ((claim, _, _), pairs) in enumerate(zip(items, scored, strict=True)):
            rivals.append(
                _rivals(q, claim, pairs, reach[q], holder, vetoed.get(q, {}), indexed)
            )
    out: list[tuple[_Reading | None, Match | None, str | None]] = []
    for q, (_, limit, found) in enumerate(items):
        if q in statements:
            out.append((statements[q], None, None))
        elif q in chosen_keys:
            out.append((best[q][chosen_keys[q]].reading, None, None))
        elif q in closed:
            reading, other, score = closed[q]
            assert reading.choice is not None
            why = (
                f"abstained: its value “{reading.choice.value.text}” is too close to claim "
                f"{other}'s, which scores it {_shown(score):g}"
            )
            out.append((None, reading.match, why))
        elif best[q]:
            # the claim's best value went to a sibling claim
            key, mine_best = min(best[q].items(), key=lambda kv: rank[q, kv[0]])
            reading = mine_best.reading
            assert reading.choice is not None
            text = reading.choice.value.text
            if key in vetoed.get(q, {}) and key not in holder:
                why = (
                    f"abstained: its value “{text}” stands by words of sibling claim "
                    f"{vetoed[q][key]}, none of this claim's own"
                )
            elif key in holder:
                other_q = holder[key]
                why = (
                    f"its value “{text}” is taken by sibling claim {items[other_q][0].id}, "
                    f"which scores it {_shown(best[other_q][key].joint):g}"
                )
            else:
                why = f"its value “{text}” is taken by a sibling claim"
            out.append((None, reading.match, why))
        else:
            near = [m for m in found if m.score >= limit]
            out.append((None, near[0] if near else None, None))
    return out


#: at most this many other values of a claim per source are kept for :func:`_agree`
RIVALS_KEPT = 3


def _rivals(
    q: int, claim: Claim, pairs: Sequence[_Scored], reach: float,
    holder: Mapping[tuple[int, int], int], vetoed: Mapping[tuple[int, int], str],
    indexed: _Indexed,
) -> list[tuple[_Reading, tuple[int, int]]]:
    """A claim's best pair per value in a source other than the one it took (``pairs``: best
    first), down to ``reach`` (its :func:`reach_limit`: the gates read every pair above it, so
    the rivals are the same with the gate off), none another claim took or vetoed."""
    if claim.kind == "statement" or not AGREE:
        return []
    out: list[tuple[_Reading, tuple[int, int]]] = []
    seen: set[tuple[int, int]] = set()
    for s in pairs:
        if s.joint < reach:
            break
        key = _value_key(s.reading, indexed)
        if key is None or key in seen:
            continue
        seen.add(key)
        if holder.get(key, q) != q or key in vetoed:
            continue
        if holder.get(key) == q:
            continue  # the value the claim took: its cell
        out.append((s.reading, key))
        if len(out) >= RIVALS_KEPT:
            break
    return out


#: The clear best (issue 10, fifth pass): a claim none of whose pairs in a source reaches its
#: threshold still takes its best pair there when that pair scores at least the threshold less
#: ``CLEAR_BAR[kind]`` and every pair of another value of the claim in the source scores at
#: least :data:`CLEAR_MARGIN` less: the only candidate of its kind that stands out in a report
#: ("The ceasefire was concluded for 90 days.", 66 for a duration claim). Only for the kinds
#: whose values say by their own words what they are (a percentage, a length of time, a span of
#: days): every numeral is a candidate of a count or a number ("one main mission"), and every
#: report holds dates of its own (its dateline, the day of a statement), so that no rival there
#: is no evidence. Chosen on the blind set's tuning splits (docs/benchmarks.md, "Choosing and
#: abstaining"): bars 10 / 15 / 20 / 25 / 30, margins 10 / 20 / 30 / 40, each kind, measured
#: on each split; leaving one event out (benchmarks/clear_best.py), 13 of the 16 folds choose
#: 20 / 30. A length of time: 30 since the ninth pass (issue 10: over the 28 design events,
#: benchmarks/sweep.py, bars 10-50 with margins 20 / 30 / 40, every fold chooses 30 or 40 with
#: margin 30; 30 reads no further than the agreement's bar already does, :func:`reach_limit`).
CLEAR_BAR: dict[str, float] = {"percent": 20.0, "duration": 30.0, "date_range": 20.0}
CLEAR_MARGIN = 30.0


def reach_limit(limit: float, kind: str) -> float:
    """The score a pair of a claim of threshold ``limit`` and kind ``kind`` must reach to be
    taken: ``limit``, or less :data:`CLEAR_BAR` as a clear best (the gates' limit: a document or
    window where no pair can reach it gives no cell)."""
    return limit - max(0.0, CLEAR_BAR.get(kind, 0.0), AGREE_BAR.get(kind, 0.0) if AGREE else 0.0)


def _clear_best(
    claim: Claim, pairs: Sequence[_Scored], limit: float, indexed: _Indexed, source: Source,
    found: Sequence[Match], gate: bool,
) -> tuple[tuple[int, int], _Scored] | None:
    """A claim's best pair in a source (``pairs``: best first, down to the clear best's bar),
    when it is its clear best below the threshold (:data:`CLEAR_BAR`), with its ``why`` saying
    so; else None. Its rivals, the pairs down to :data:`CLEAR_MARGIN` below it, are read only
    then (the passages ``found`` scored again with that lower limit): few claims have a pair
    between the bar and the threshold in a source, so the windows and values of the others
    are not read for it (speed, issue 8)."""
    bar = CLEAR_BAR.get(claim.kind, 0.0)
    if bar <= 0.0 or not pairs or pairs[0].joint < limit - bar:
        return None
    low = pairs[0].joint - CLEAR_MARGIN
    pairs = _pairs(claim, source, found, indexed, low if gate else None, low, below=True)
    top = pairs[0]
    key = _value_key(top.reading, indexed)
    if key is None or top.reading.choice is None:
        return None
    value = top.reading.choice.value
    # the best pair of another value (pairs come best first): it must be CLEAR_MARGIN below
    rival = next(
        (
            s for s in pairs[1:]
            if s.reading.choice is not None
            and (s.reading.choice.value.reading, s.reading.choice.value.qualifier)
            != (value.reading, value.qualifier)
        ),
        None,
    )
    if rival is not None and rival.joint > top.joint - CLEAR_MARGIN:
        return None
    gap = (
        f"the next other value, “{rival.reading.choice.value.text}”, scores "
        f"{_shown(rival.joint):g}" if rival is not None and rival.reading.choice is not None
        else "no other value of its kind"
    )
    why = (
        f"below the threshold {limit:g}, taken as the claim's clear best in this source "
        f"(at least {limit - bar:g}; {gap}); {top.reading.choice.why}"
    )
    reading = replace(top.reading, choice=replace(top.reading.choice, why=why))
    return key, replace(top, reading=reading)


def _neg(key: tuple[int, int]) -> tuple[int, int]:
    return (-key[0], -key[1])


def _weights(
    items: Sequence[tuple[Claim, float, Sequence[Match]]],
    best: Sequence[Mapping[tuple[int, int], _Scored]], indexed: _Indexed,
    contrast: Mapping[str, Sequence[Any]] | None,
    vetoed: dict[int, dict[tuple[int, int], str]] | None = None,
) -> list[dict[tuple[int, int], float]]:
    """What each (claim, value) pair weighs in the competition: its joint score, plus
    :data:`CONTRAST_WEIGHT` x its contrastive score when a sibling claim also wants the value.
    A pair :data:`CONTRAST_VETO` rules out is left out (and put in ``vetoed``: claim -> value ->
    the sibling whose words stand by it)."""
    wanted: dict[tuple[int, int], int] = {}
    for mine in best:
        for key in mine:
            wanted[key] = wanted.get(key, 0) + 1
    out: list[dict[tuple[int, int], float]] = []
    sharp: dict[tuple[int, int], list[tuple[float, int]]] = {}  # contrast of each claim wanting
    for q, mine in enumerate(best):
        got = {}
        for key, s in mine.items():
            w = s.joint
            if CONTRAST_WEIGHT and contrast is not None and wanted[key] > 1:
                phrases = contrast.get(items[q][0].id, ())
                c = _contrast_score(phrases, s.reading, indexed)
                sharp.setdefault(key, []).append((c, q))
                w += CONTRAST_WEIGHT * c
            got[key] = w
        out.append(got)
    if CONTRAST_VETO:
        # a value whose nearby words are one sibling's own and none of another's is not the
        # other's to take ("1,850 soldiers" beside "Dravenia" for the Tarskan contingent)
        for key, cs in sharp.items():
            top = max(c for c, _ in cs)
            if top < CONTRAST_VETO:
                continue
            owner = max(cs, key=lambda t: (t[0], -t[1]))[1]
            for c, q in cs:
                if c == 0.0 and contrast is not None and contrast.get(items[q][0].id):
                    del out[q][key]
                    if vetoed is not None:
                        vetoed.setdefault(q, {})[key] = items[owner][0].id
    return out


def _contrast_score(phrases: Sequence[Any], reading: _Reading, indexed: _Indexed) -> float:
    """The local score (kzclaims.joint.local_score) of a pair's value over the claim's
    contrastive words only: 0 when the claim has none."""
    from kzclaims.joint import local_score

    if not phrases or reading.choice is None:
        return 0.0
    stats = indexed.stats(reading.match.source)
    return local_score(phrases, stats, reading.match.text, reading.choice.value)[0]


def _greedy(
    weight: Sequence[Mapping[tuple[int, int], float]],
    rank: Mapping[tuple[int, tuple[int, int]], int],
) -> dict[int, tuple[int, int]]:
    """Pairs taken best first over all the claims; a value already taken is passed over."""
    pool = sorted(
        (-w, q, rank[q, key], key) for q, mine in enumerate(weight) for key, w in mine.items()
    )
    chosen: dict[int, tuple[int, int]] = {}
    taken: set[tuple[int, int]] = set()
    for _, q, _, key in pool:
        if q in chosen or key in taken:
            continue
        chosen[q] = key
        taken.add(key)
    return chosen


def _matching(
    items: Sequence[tuple[Claim, float, Sequence[Match]]],
    weight: Sequence[Mapping[tuple[int, int], float]],
    rank: Mapping[tuple[int, tuple[int, int]], int],
) -> dict[int, tuple[int, int]]:
    """The assignment of values to claims (each at most one) of the largest total weight above
    the claims' thresholds (plus :data:`MATCH_BONUS` per claim given a value): the Hungarian
    method on the claims that share a value with another; the others take their best."""
    share: dict[tuple[int, int], list[int]] = {}
    for q, mine in enumerate(weight):
        for key in mine:
            share.setdefault(key, []).append(q)
    contested = sorted({q for qs in share.values() if len(qs) > 1 for q in qs})
    chosen: dict[int, tuple[int, int]] = {}
    for q, mine in enumerate(weight):
        if mine and q not in contested:
            chosen[q] = max(mine, key=lambda k, q=q, mine=mine: (mine[k], -rank[q, k]))
    if not contested:
        return chosen
    cols = sorted({key for q in contested for key in weight[q]})
    gains = [
        [
            weight[q][key] - items[q][1] + MATCH_BONUS if key in weight[q] else None
            for key in cols
        ]
        for q in contested
    ]
    for row, col in enumerate(_hungarian(gains)):
        if col is not None:
            chosen[contested[row]] = cols[col]
    return chosen


def _hungarian(gains: Sequence[Sequence[float | None]]) -> list[int | None]:
    """The columns (or None) given to each row so that the sum of the gains is largest, each
    column to one row at most; None gains are no edge, and a row may take nothing (gain 0).
    Kuhn-Munkres with potentials, O(rows² x columns): a source's claims are few."""
    n = len(gains)
    m = len(gains[0]) if n else 0
    big = 1e9
    width = m + n  # a private "nothing" column per row
    # minimise cost = -gain; rows 1..n, columns 1..width (1-based, as the method is written)
    def cost(i: int, j: int) -> float:
        if j <= m:
            g = gains[i - 1][j - 1]
            return big if g is None else -max(g, 0.0)
        return 0.0 if j - m == i else big

    u = [0.0] * (n + 1)
    v = [0.0] * (width + 1)
    p = [0] * (width + 1)
    way = [0] * (width + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [float("inf")] * (width + 1)
        used = [False] * (width + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], float("inf"), 0
            for j in range(1, width + 1):
                if not used[j]:
                    cur = cost(i0, j) - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(width + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    out: list[int | None] = [None] * n
    for j in range(1, m + 1):
        if p[j] and gains[p[j] - 1][j - 1] is not None:
            out[p[j] - 1] = j - 1
    return out


def _too_close(
    items: Sequence[tuple[Claim, float, Sequence[Match]]],
    best: list[dict[tuple[int, int], _Scored]],
    weight: list[dict[tuple[int, int], float]],
    rank: Mapping[tuple[int, tuple[int, int]], int],
    closed: dict[int, tuple[_Reading, str, float]],
) -> None:
    """Take out of the competition each value whose two best claims weigh it within
    :data:`TOO_CLOSE` of each other, when it is the best value of both: neither can tell it is
    its own (each may still take another value)."""
    share: dict[tuple[int, int], list[tuple[float, int]]] = {}
    for q, mine in enumerate(weight):
        for key, w in mine.items():
            share.setdefault(key, []).append((w, q))
    for key, ws in sorted(share.items()):
        if len(ws) < 2:
            continue
        ws.sort(key=lambda t: (-t[0], t[1]))
        (w1, q1), (w2, q2) = ws[0], ws[1]
        if w1 - w2 >= TOO_CLOSE:
            continue
        tops = [max(weight[q], key=lambda k, q=q: (weight[q][k], -rank[q, k])) for q in (q1, q2)]
        if tops != [key, key]:
            continue
        scores = {q: best[q][key] for q in (q1, q2)}
        for q, other in ((q1, q2), (q2, q1)):
            closed[q] = (scores[q].reading, items[other][0].id, scores[other].joint)
            del weight[q][key]
            del best[q][key]


def _read(
    claim: Claim, source: Source, matches: Sequence[Match], indexed: _Indexed,
    threshold: float,
) -> tuple[_Reading | None, Match | None]:
    """The passage and value a source gives for a claim; else (None, nearest passage or None).

    Passages and values are chosen together: each passage found is scored with its best value
    of the claim's kind (joint score = relevance + :data:`FIT_WEIGHT` x fit: the unit counted,
    a part of a group, the distance from the matched words), and the best pair wins when it
    reaches ``threshold``; else the source abstains.
    """
    if not matches:
        return None, None
    scored = _pairs(claim, source, matches, indexed)
    if scored and scored[0].joint >= threshold:
        return scored[0].reading, None
    near = [m for m in matches if m.score >= threshold]
    return None, (near[0] if near else None)


def _finding(
    claim: Claim, source: Source, reading: _Reading | None, near: Match | None,
    why_not: str | None = None,
) -> tuple[Finding, Comparable | None]:
    if reading is None:
        if near is None:
            return Finding(source=source.id, found=False), None
        return Finding(
            source=source.id,
            found=False,
            quote=near.text,
            line=near.line,
            score=round(near.score, 1),
            **where(source, near.line),
            why=_shared(why_not or "the passage matched but holds no value of this kind"),
        ), None
    m = reading.match
    if claim.kind == "statement":
        return Finding(
            source=source.id,
            found=True,
            text=_matched_words(m),
            value=True,
            qualifier="exact",
            quote=m.text,
            line=m.line,
            score=_shown(reading.score),
            **where(source, m.line),
        ), ()
    choice = reading.choice
    assert choice is not None
    v = as_claimed(choice.value, claim.kind)
    bounds = finding_bounds(v, claim.kind, claim.tolerance)
    low, high = bounds_json(bounds, claim.kind)
    matches_expected: bool | None = None
    if claim.expected is not None:
        matches_expected = overlaps(bounds, expected_bounds(claim.expected, claim.tolerance))
    return Finding(
        source=source.id,
        found=True,
        text=as_written(m.text, v),
        value=json_value(v, claim.kind),
        qualifier=v.qualifier,
        low=low,
        high=high,
        quote=m.text,
        line=m.line,
        score=_shown(reading.score),
        matches_expected=matches_expected,
        reference_date=v.reference_date.isoformat() if v.relative and v.reference_date else None,
        unit=v.noun,
        why=_shared(choice.why),
        **_value_place(source, m, v.start),
    ), bounds


def _value_place(source: Source, m: Match, offset: int) -> dict[str, int]:
    """Where the value at ``offset`` of passage ``m`` is: its page or paragraph, and its line
    when the quote runs on past its first line (``Finding.value_line``)."""
    line = value_line(source.text, m.text, m.line, offset)
    place = where(source, line)
    if line != m.line:
        place["value_line"] = line
    return place


#: one string for the equal reasons of many cells: a run keeps every found cell for the report,
#: and their ``why`` repeats (130 distinct among 5,180 cells of 10 MB x 500 claims, ~160 bytes
#: each); a cache, emptied when full
_STRINGS: dict[str, str] = {}
_STRINGS_KEPT = 16_384


def _shared(text: str) -> str:
    got = _STRINGS.get(text)
    if got is None:
        if len(_STRINGS) >= _STRINGS_KEPT:
            _STRINGS.clear()
        got = _STRINGS[text] = text
    return got


def _shown(score: float) -> float:
    """A score as reports show it: 0-100, one decimal."""
    return round(max(0.0, min(100.0, score)), 1)


def where(source: Source, line: int) -> dict[str, int]:
    """The page (PDF) or paragraph (HTML, Word) of a line of a source's text, as Finding fields."""
    place = source.locate(line)
    return {} if place is None else {place[0]: place[1]}


#: how far after a value its noun may start and still be quoted with it ("20 thousand bandits")
NOUN_REACH = 24


def as_written(passage: str, value: Value) -> str:
    """The value's words with the noun it counts when that follows it: "2,030 troops"."""
    if not value.noun:
        return value.text
    tail = passage[value.end : value.end + NOUN_REACH + len(value.noun)]
    at = tail.find(value.noun)
    if at < 0 or at > NOUN_REACH:
        return value.text
    return " ".join(passage[value.start : value.end + at + len(value.noun)].split())


def _matched_words(m: Match) -> str:
    """The stretch of the passage that matched the phrasing: what a statement says, as written."""
    if not m.spans:
        return m.text
    start = min(a for a, _ in m.spans)
    end = max(b for _, b in m.spans)
    return " ".join(m.text[start:end].split())


def _claim_result(claim: Claim, indexed: _Indexed, threshold: float | None) -> ClaimResult:
    """One claim over the sources of one index (``explain``; ``compare`` streams shards)."""
    outcomes = []
    limit = claim.threshold if threshold is None else threshold
    passages = indexed.search(claim, search_floor(limit), PASSAGES_READ)
    for source in indexed.sources:
        reading, near = _read(claim, source, passages.get(source.id, ()), indexed, limit)
        finding, bounds = _finding(claim, source, reading, near)
        outcomes.append(SourceOutcome(_source_info(source), ((0, finding, bounds),)))
    return assemble((claim,), outcomes)[0]


# --------------------------------------------------------------------------------------------
# compare: shards of sources searched one at a time, findings collected, verdicts at the end
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rival:
    """A value a source gives for a claim, with its score less the claim's threshold
    (``margin``): the claim's cell (``taken``) or another of its values there."""

    claim: int
    finding: Finding
    bounds: Comparable | None
    margin: float
    key: tuple[int, int]  # where the value stands in its source (sentence, character)
    taken: bool = False


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    """What one source gave: its description and the claims found (or nearly) in it.

    ``cells`` holds (claim number, finding, bounds) for the claims with a passage above the
    threshold only; every other claim is "not found" in this source. Small and picklable: this
    is all a worker sends back for a source, whatever its size.
    """

    info: SourceInfo
    cells: tuple[tuple[int, Finding, Comparable | None], ...] = ()
    size: int = 0
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    #: the claims' other values in this source and the margins of their cells, for the agreement
    #: across sources (:func:`_agree`)
    rivals: tuple[Rival, ...] = ()


@dataclass
class ShardSearch:
    """Per-process state of a run: the claims, their prefilter and the fuzzy-word lexicon,
    kept from one shard to the next (each vocabulary word is compared with the claims once)."""

    claims: tuple[Claim, ...]
    threshold: float | None = None
    #: False: every claim is searched in every document (brute force: the reference the gate
    #: is tested against); True: the gate always; None: the gate for a shard of more than
    #: :data:`GATE_FROM` (document, claim) pairs (:meth:`gated`)
    gate: bool | None = None
    lexicon: Lexicon = field(init=False)
    #: the languages of the sources the claims are bridged into (kzclaims.lang.bridge): grown
    #: when a shard brings a source in a language a claim has no phrasing in
    languages: frozenset[str] = frozenset()
    #: each claim's words its sibling claims lack (kzclaims.joint.contrast_phrases)
    contrast: dict[str, tuple[Any, ...]] = field(init=False)
    #: the claims as given (``claims`` are they with their bridged phrasings)
    given: tuple[Claim, ...] = field(init=False)
    _keys: KeyFilter | None = field(init=False, default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        from kzclaims.match import Lexicon

        self.given = self.claims
        self.lexicon = Lexicon()
        self._prepare()

    def _prepare(self) -> None:
        """Bridge the claims into :attr:`languages` and build the contrast words (the gate is
        built when a shard first needs it: :attr:`keys`)."""
        from kzclaims.joint import contrast_phrases

        if self.languages:
            from kzclaims.lang.bridge import bridge_claims

            self.claims = bridge_claims(self.given, self.languages, phrasings)
        self.contrast = contrast_phrases(self.claims, phrasings) if CONTRAST_WEIGHT else {}
        self._keys = None

    def gated(self, documents: int) -> bool:
        """Whether a shard of ``documents`` is searched through the gate (:attr:`gate`)."""
        if self.gate is None:
            return documents * len(self.claims) > GATE_FROM
        return self.gate

    @property
    def keys(self) -> KeyFilter:
        """The document gate of the claims (built on first use: a run of small shards never
        needs it)."""
        if self._keys is None:
            self._keys = self._gate()
        return self._keys

    def _gate(self) -> KeyFilter:
        from kzclaims.joint import local_ceiling
        from kzclaims.match import GateQuery, KeyFilter

        limits = [c.threshold if self.threshold is None else self.threshold for c in self.claims]
        # a claim is searched in a document only when the ceiling of its joint score there
        # reaches its threshold (may_be_found)
        return KeyFilter(
            [
                GateQuery(
                    phrasings(c), search_floor(t), may_be_found(c, reach_limit(t, c.kind)),
                    local_ceiling, tuple(c.unit or ()),
                    may_be_found_in_window(c, reach_limit(t, c.kind)),
                    may_be_anchored(c, reach_limit(t, c.kind)),
                )
                for c, t in zip(self.claims, limits, strict=True)
            ],
            self.lexicon,
        )

    def _needs_bridge(self) -> bool:
        """Whether a claim lacks a phrasing in one of :attr:`languages` (cheap: a script count)."""
        from kzclaims.lang import language_of_phrase

        return any(
            not self.languages <= {language_of_phrase(p) for p in phrasings(c)}
            for c in self.given
        )

    def search(self, sources: Sequence[Source]) -> list[SourceOutcome]:
        """Every claim in every source of a shard (in source order)."""
        langs = {s.language for s in sources}
        if not langs <= self.languages:
            self.languages = self.languages | langs
            if self._needs_bridge():
                self._prepare()
        gate = self.gated(len(sources))
        if gate:
            wanted = self.keys.claims_for(
                [s.text for s in sources], [s.language for s in sources]
            )
        else:
            wanted = [set(range(len(self.claims))) for _ in sources]
        candidates = [s for s, w in zip(sources, wanted, strict=True) if w]
        cells: dict[int, list[tuple[int, Finding, Comparable | None]]] = {}
        rivals: dict[int, list[Rival]] = {}
        if candidates:
            split: dict[str, tuple[Sentence, ...]] = {}
            if gate:
                split = {sources[k].id: ss for k, ss in self.keys.sentences.items()}
                self.keys.sentences = {}
            indexed = _Indexed(candidates, self.lexicon, split)
            where = {id(s): k for k, s in enumerate(sources)}
            # the sources where each claim is searched: its query scores only their sentences
            # (the others' passages were dropped: the same passages, less work)
            wanted_in: dict[int, list[str]] = {}
            for source, w in zip(sources, wanted, strict=True):
                for q in w:
                    wanted_in.setdefault(q, []).append(source.id)
            found_in: dict[int, list[tuple[int, float, Sequence[Match]]]] = {}
            for q in sorted(wanted_in):
                claim = self.claims[q]
                limit = claim.threshold if self.threshold is None else self.threshold
                passages = indexed.search(
                    claim, search_floor(limit), PASSAGES_READ, wanted_in[q]
                )
                for source in candidates:
                    found = passages.get(source.id)
                    if found and q in wanted[where[id(source)]]:
                        found_in.setdefault(id(source), []).append((q, limit, found))
            from kzclaims.joint import forget_passages

            for source in candidates:
                items = found_in.get(id(source), [])
                others: list[list[tuple[_Reading, tuple[int, int]]]] = []
                readings = _assign(
                    [(self.claims[q], limit, found) for q, limit, found in items], source, indexed,
                    gate, self.contrast, others,
                )
                for (q, limit, _), (reading, near, why), alts in zip(
                    items, readings, others, strict=True
                ):
                    claim = self.claims[q]
                    # a cell with no other value in its source is weighed by the agreement
                    # too (AGREE_LONE): its own margin is what the drop needs
                    lone = (
                        AGREE_LONE and AGREE and reading is not None
                        and claim.kind != "statement"
                    )
                    if alts or lone:
                        kept = rivals.setdefault(where[id(source)], [])
                        for alt, key in alts:
                            f, b = _finding(claim, source, alt, None)
                            kept.append(Rival(q, f, b, alt.score - limit, key))
                    if reading is None and near is None:
                        continue  # "not found", as every claim without a cell (memory, issue 8)
                    finding, bounds = _finding(claim, source, reading, near, why)
                    if (alts or lone) and reading is not None:
                        key = _value_key(reading, indexed)
                        assert key is not None
                        rivals.setdefault(where[id(source)], []).append(
                            Rival(q, finding, bounds, reading.score - limit, key, True)
                        )
                    cells.setdefault(where[id(source)], []).append((q, finding, bounds))
                indexed.release(source.id)  # memory: one source's statistics at a time
                # and one source's passages in the scorer's caches: their hits are within a
                # source (10 MB x 500 claims, 2 shards: 9 of 146,208 hits of joint._hits and 0 of
                # 7,462 of choose._read_values were across sources), and per shard they held
                # ~16 MB at 500 claims (docs/benchmarks.md "Memory with 500 claims")
                forget_passages()
        return [
            SourceOutcome(
                _source_info(s), tuple(cells.get(k, ())), s.size, rivals=tuple(rivals.get(k, ()))
            )
            for k, s in enumerate(sources)
        ]


#: Agreement across sources (issue 10, sixth pass): after every source is searched, the values
#: the other sources of the run give for a claim are evidence in each source (outlets covering
#: one event mostly agree, give or take variants): :func:`_agree`. Off when False. The constants
#: below were chosen on the blind set's 16 design events leaving one event out
#: (benchmarks/agreement.py --loeo; docs/benchmarks.md, "Choosing (issue 10, sixth pass)").
AGREE = True
#: a source's cell moves to another of its values (one it kept: down to :func:`reach_limit`,
#: at most this much below the cell) when more other sources give that value than give the
#: cell's, and at least :data:`AGREE_MIN`; the folds chose the widest of 10 / 20 / 40 / 100
AGREE_SWITCH = 100.0
#: a claim not found in a source takes its best value there that at least :data:`AGREE_MIN`
#: other sources give, when it scores at least the threshold less ``AGREE_BAR[kind]`` (the
#: gates read that far down: :func:`reach_limit`). Not for counts and numbers: every numeral
#: is one, and reading their windows that far down doubles the values read (the generated
#: event corpus: +77 % at 20); dates +11 % at 40; the other kinds' clear best reads 20 down
AGREE_BAR: dict[str, float] = {
    "date": 40.0, "percent": 30.0, "duration": 30.0, "date_range": 30.0
}
AGREE_MIN = 2
#: a cell scoring less than the threshold plus this whose value no other source gives (give or
#: take :data:`AGREE_NEAR`, or with bounds that overlap), while at least :data:`AGREE_MIN`
#: others agree on another value, is dropped: "abstained" (0: never)
AGREE_DROP = 30.0
#: how another source's cell supports a value: "value" (the same value) or "near" (give or take
#: :data:`AGREE_NEAR`)
AGREE_MATCH = "near"
#: how far apart two numbers may be and still agree (a share of the larger: "6 percent" and
#: "6.2 per cent", "65 %" and "64.9 %", "about 18,000" and "18,500")
AGREE_NEAR = 0.2
#: rounds of :func:`_agree` at most (each decides from the cells of the round before; 1 and 3
#: measured the same)
AGREE_ROUNDS = 1
#: whether a cell with no other value of its claim in its source is weighed by the agreement
#: (its drop): before the eighth pass only cells with another value there were, so that a lone
#: figure the other sources contradict ("227 человек", every dead, read for the detained, its
#: source's only count for the claim) stayed (docs/benchmarks.md, "False finds (issue 10,
#: eighth pass)")
AGREE_LONE = True
#: the drop's band (as :data:`AGREE_DROP`) for such a lone cell, whatever its value
AGREE_LONE_DROP = 0.0
#: a cell scoring less than the threshold plus this, whose value no other source gives and is
#: far from the value most others agree on (:data:`AGREE_FAR` times or more; a date: more than
#: :data:`AGREE_FAR_DAYS` days apart), while at least :data:`AGREE_MIN` others agree, is
#: dropped: not a variant of the figure the others give but another quantity ("some 870,000
#: people", the city's population, for the missing; "twenty-six years" a teacher has taught
#: for the length of a strike)
AGREE_FAR_DROP = 50.0
AGREE_FAR = 5.0
#: such a far figure is dropped also when this many other sources give it (a misreading two
#: outlets share: "two police officers" for the police deployed), if at least
#: :data:`AGREE_MIN` more than that agree on the other value
AGREE_FAR_SUPPORT = 1
#: whether bounds that overlap stop being support when the two values are far apart (an open
#: bound: "до 2,5 тыс. военных", up to 2,500, overlaps "four Member states")
AGREE_OVERLAP_FAR = True
#: a date is far from the date most others agree on when their spans are more than this many
#: days apart ("in January" holds "14 January": 0 days, not far); below 0: whenever they differ
AGREE_FAR_DAYS = 1


def _agreed_value(value: JSONValue) -> Any:
    """A cell's value as a key: numbers compared as numbers, ranges as tuples."""
    if isinstance(value, list):
        return tuple(_agreed_value(v) for v in value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return round(float(value), 6)
    return value


def _near(a: Any, b: Any) -> bool:
    """Whether two values agree give or take :data:`AGREE_NEAR` (numbers; others: equal)."""
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= AGREE_NEAR * max(abs(a), abs(b))
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b):
        return all(_near(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _magnitude(value: Any) -> float | None:
    """A number's size, a range's middle; None for what is not a number (dates, statements)."""
    if isinstance(value, float):
        return abs(value)
    if isinstance(value, tuple) and value and all(isinstance(x, float) for x in value):
        return abs(sum(value) / len(value))
    return None


def _days_apart(a: Any, b: Any) -> int | None:
    """Days between two dates' spans ("2025-01" and "2025-01-14": 0, the month holds the day;
    "2025-03-03" and "2025-03-02": 1), or None unless both are ISO dates."""
    if not (isinstance(a, str) and isinstance(b, str)):
        return None
    try:
        x, y = PartialDate.parse(a), PartialDate.parse(b)
    except ValueError:
        return None
    return max(0, (x.first() - y.last()).days, (y.first() - x.last()).days)


def _vaguer(a: Any, b: Any) -> bool:
    """Whether date ``a`` names a wider span than date ``b`` ("2025-03" than "2025-03-20"): it
    holds ``b`` without saying it (a month is no support for one of its days)."""
    if not (isinstance(a, str) and isinstance(b, str)) or len(a) >= len(b):
        return False
    return _days_apart(a, b) is not None


def _far(value: Any, top: Any) -> bool:
    """Whether ``value`` is at least :data:`AGREE_FAR` times away from ``top``, the value
    most other sources agree on (not a variant of it: "870,000 people" against "11" missing); a
    value that is not a number is far when it is not that value."""
    if AGREE_FAR <= 1.0:
        return True
    a, b = _magnitude(value), _magnitude(top)
    if a is None or b is None:
        days = _days_apart(value, top)
        if days is not None and AGREE_FAR_DAYS >= 0:
            return days > AGREE_FAR_DAYS
        return bool(value != top)
    low, high = min(a, b), max(a, b)
    return low <= 0.0 or high / low >= AGREE_FAR


def _agree(
    claims: Sequence[Claim], outcomes: Sequence[SourceOutcome],
    per_claim: list[dict[int, tuple[Finding, Comparable | None]]],
) -> None:
    """Cells changed by what the other sources give for the same claim (see :data:`AGREE`).

    In rounds: each round decides every source of a claim from the cells of the round before
    (the cells as the sources gave them, at first), until nothing changes; a value another
    claim holds in a source stays its own. The result depends on the outcomes only, not on
    their order nor on how the sources were split into shards."""
    by_claim: dict[int, dict[int, list[Rival]]] = {}
    for k, o in enumerate(outcomes):
        for r in o.rivals:
            by_claim.setdefault(r.claim, {}).setdefault(k, []).append(r)
    used: dict[int, set[tuple[int, int]]] = {}
    for q in sorted(by_claim):
        for k, rs in by_claim[q].items():
            for r in rs:
                if r.taken:
                    used.setdefault(k, set()).add(r.key)
    for q in sorted(by_claim):
        original = dict(per_claim[q])
        cells = per_claim[q]
        for _ in range(AGREE_ROUNDS):
            changed = _agree_round(claims[q], by_claim[q], original, cells, used)
            if not changed:
                break
    if AGREE_OWNED:
        _owned(claims, by_claim, per_claim, used)


#: Another claim's figure (issue 10, seventh pass): a cell whose value (the same value) at least
#: :data:`AGREE_MIN` other sources give for another claim of its kind, and more other sources
#: than give it for this claim, is that claim's figure read for this one ("67.4 %" the turnout
#: read for the yes vote, "девяти рабочих" the dead for the missing): the cell moves to the
#: claim's best other value in the source above the threshold (no other claim's, not another
#: claim's figure in the same way), else it is abstained. Measured on the blind set's design
#: splits and validated on spent5 (docs/benchmarks.md, "Choosing (issue 10, seventh pass)")
AGREE_OWNED = True
#: the kinds it leaves alone: distinct facts of one event often fall on one day (the cabinet
#: formed the day the prime minister was appointed), where distinct counts rarely coincide
OWNED_NOT = frozenset({"statement", "date", "date_range"})


def _owned(
    claims: Sequence[Claim], by_claim: Mapping[int, Mapping[int, Sequence[Rival]]],
    per_claim: list[dict[int, tuple[Finding, Comparable | None]]],
    used: Mapping[int, set[tuple[int, int]]],
) -> None:
    """Cells given another claim's figure, moved or abstained (see :data:`AGREE_OWNED`);
    decided from the cells as they stand, so the result does not depend on the order."""
    values = [
        {k: _agreed_value(f.value) for k, (f, b) in cells.items() if f.found and b is not None}
        for cells in per_claim
    ]
    # the claims that are given each value, and by how many sources: counted once, so that a
    # claim's figures are checked in time linear in its cells
    given: dict[Any, Counter[int]] = {}
    for p, vs in enumerate(values):
        for v in vs.values():
            given.setdefault(v, Counter())[p] += 1

    def support(p: int, value: Any, but: int) -> int:
        """Sources other than ``but`` whose cell of claim ``p`` is ``value``."""
        n = given.get(value, Counter())[p]
        return n - 1 if values[p].get(but) == value else n

    def owner(q: int, k: int, value: Any) -> int | None:
        """The claim of the kind of claim ``q`` that more other sources than ``k`` give
        ``value`` for (at least AGREE_MIN), when it is not ``q``."""
        own = support(q, value, k)
        best: tuple[int, int] | None = None
        for p in sorted(given.get(value, ())):
            if p == q or claims[p].kind != claims[q].kind:
                continue
            n = support(p, value, k)
            if n >= AGREE_MIN and n > own and (best is None or n > best[0]):
                best = (n, p)
        return None if best is None else best[1]

    decided: list[tuple[int, int, tuple[Finding, Comparable | None]]] = []
    moved: dict[int, set[tuple[int, int]]] = {}  # the values a moved cell took, per source
    for q, claim in enumerate(claims):
        if claim.kind in OWNED_NOT:
            continue
        for k, value in sorted(values[q].items()):
            p = owner(q, k, value)
            if p is None:
                continue
            f = per_claim[q][k][0]
            held = used.get(k, set()) | moved.get(k, set())
            alts = [
                r for r in by_claim.get(q, {}).get(k, ())
                if not r.taken and r.key not in held and r.margin >= 0.0
                and r.bounds is not None
                and _agreed_value(r.finding.value) != value
                and owner(q, k, _agreed_value(r.finding.value)) is None
            ]
            n = support(p, value, k)
            said = (
                f"{n} other sources give this value (“{f.text}” here) for "
                f"“{claims[p].title or claims[p].id}”"
            )
            if alts:
                r = max(alts, key=lambda r: r.margin)
                moved.setdefault(k, set()).add(r.key)
                why = f"{said}, so not “{f.text}” here; {r.finding.why}"
                decided.append(
                    (q, k, (replace(r.finding, why=_shared(why), agreement="owned"), r.bounds))
                )
                continue
            why = f"abstained: {said}, and no other value of this claim here"
            decided.append((q, k, (
                Finding(
                    source=f.source, found=False, quote=f.quote, line=f.line,
                    score=f.score, page=f.page, paragraph=f.paragraph, why=_shared(why),
                    agreement="owned",
                ),
                None,
            )))
    for q, k, cell in decided:
        per_claim[q][k] = cell


def _agree_round(
    claim: Claim, rivals: Mapping[int, Sequence[Rival]],
    original: Mapping[int, tuple[Finding, Comparable | None]],
    cells: dict[int, tuple[Finding, Comparable | None]],
    used: dict[int, set[tuple[int, int]]],
) -> bool:
    """One round of :func:`_agree` for one claim; whether a cell changed."""
    given = {
        k: (_agreed_value(f.value), b) for k, (f, b) in cells.items() if f.found and b is not None
    }
    if not given:
        return False

    # the sources that give each (value, bounds): outlets repeat a few figures, so counting
    # over these groups is linear in the sources, where a pass over every other source for
    # every candidate was quadratic (1,000 sources of one claim: 0.8 s)
    groups = Counter(given.values())

    def others(k: int, value: Any, bounds: Comparable | None, overlap: bool) -> int:
        """How many sources other than ``k`` give ``value`` (give or take, see AGREE_MATCH)."""
        def match(v: Any, b: Comparable) -> bool:
            if overlap and bounds is not None:
                return (
                    overlaps(b, bounds) and not (AGREE_OVERLAP_FAR and _far(v, value))
                    and not _vaguer(v, value)
                ) or _near(v, value)
            return _near(v, value) if AGREE_MATCH == "near" else bool(v == value)

        n = sum(c for (v, b), c in groups.items() if match(v, b))
        own = given.get(k)
        return n - 1 if own is not None and match(*own) else n

    agreed_most: list[Any] = []  # the most sources agreeing on one value, and it (once)

    overlap = AGREE_MATCH == "overlap"
    decided: dict[int, tuple[Finding, Comparable | None]] = {}
    for k, rs in sorted(rivals.items()):
        taken = next((r for r in rs if r.taken), None)
        held = used.get(k, set())
        cell = original.get(k)
        start = taken
        alts = [r for r in rs if not r.taken and r.key not in held]
        if taken is not None:
            alts.append(taken)
        # the candidates: the source's own cell and its other values, each with its support
        scored = [
            (others(k, _agreed_value(r.finding.value), r.bounds, overlap), r) for r in alts
        ]
        if start is not None:
            have = others(k, _agreed_value(start.finding.value), start.bounds, overlap)
            fits = [
                (n, r) for n, r in scored
                if r is not start and r.margin >= start.margin - AGREE_SWITCH
                and n >= max(AGREE_MIN, have + 1)
            ]
            if fits:
                n, r = max(fits, key=lambda t: (t[0], t[1].margin))
                why = (
                    f"{n} other source{'s' * (n > 1)} agree with “{r.finding.text}”, "
                    f"{have or 'none'} with “{start.finding.text}” (which scores "
                    f"{_shown(start.finding.score or 0.0):g}); {r.finding.why}"
                )
                decided[k] = (
                    replace(r.finding, why=_shared(why), agreement="switched"), r.bounds
                )
                continue
            lone = not any(not r.taken for r in rs)
            near_band = AGREE_LONE_DROP if lone else AGREE_DROP
            if start.margin < max(near_band, AGREE_FAR_DROP):
                support = others(k, _agreed_value(start.finding.value), start.bounds, True)
                if not agreed_most:
                    # the most other sources agreeing on one value, and that value (ties: the
                    # first in a fixed order, so that the result does not depend on the sources')
                    top = max(groups, key=lambda vb: (others(-1, *vb, False), repr(vb)))
                    agreed_most.extend((others(-1, *top, False), top[0]))
                agreed, top_value = agreed_most
                far = start.margin >= near_band or support > 0
                if (
                    support <= (AGREE_FAR_SUPPORT if far else 0)
                    and agreed >= AGREE_MIN + support
                    and (not far or _far(_agreed_value(start.finding.value), top_value))
                ):
                    f = start.finding
                    given_by = (
                        "no other source gives it" if not support else
                        f"only {support} other source{'s' * (support > 1)} give"
                        f"{'s' * (support == 1)} it"
                    )
                    why = (
                        f"abstained: its value “{f.text}” scores {_shown(f.score or 0.0):g}, "
                        + (
                            f"{given_by}, and it is far from the value {agreed} other sources "
                            "agree on" if far else
                            f"near the threshold, and no other source gives it ({agreed} other "
                            f"sources agree on another value)"
                        )
                    )
                    decided[k] = (
                        Finding(
                            source=f.source, found=False, quote=f.quote, line=f.line,
                            score=f.score, page=f.page, paragraph=f.paragraph, why=_shared(why),
                            agreement="dropped",
                        ),
                        None,
                    )
                    continue
            decided[k] = cell if cell is not None else (taken.finding, taken.bounds)
            continue
        fits = [
            (n, r) for n, r in scored
            if r.margin >= -AGREE_BAR.get(claim.kind, 0.0) and n >= AGREE_MIN
        ]
        if fits and (cell is None or not cell[0].found):
            n, r = max(fits, key=lambda t: (t[0], t[1].margin))
            why = (
                f"below the threshold, taken because {n} other sources agree with "
                f"“{r.finding.text}”; {r.finding.why}"
            )
            decided[k] = (replace(r.finding, why=_shared(why), agreement="taken"), r.bounds)
        elif cell is not None:
            decided[k] = cell
        else:
            decided[k] = (Finding(source="", found=False), None)  # marker: no cell
    changed = False
    for k, (f, b) in decided.items():
        if f.source == "" and not f.found:
            if k in cells and k not in original:
                del cells[k]
                changed = True
            continue
        if cells.get(k) != (f, b):
            cells[k] = (f, b)
            changed = True
    return changed


def assemble(
    claims: Sequence[Claim], outcomes: Iterable[SourceOutcome], compact: bool = False
) -> list[ClaimResult]:
    """Claim results from the outcomes of every source, in source order; verdicts last.

    ``compact``: only the findings of sources where the claim was found or nearly (a quote);
    the others are counted in ``not_found`` (memory and report proportional to what was found).
    """
    outcomes = list(outcomes)
    per_claim: list[dict[int, tuple[Finding, Comparable | None]]] = [{} for _ in claims]
    for k, o in enumerate(outcomes):
        for q, finding, bounds in o.cells:
            per_claim[q][k] = (finding, bounds)
    if AGREE:
        _agree(claims, outcomes, per_claim)
    results = []
    for q, claim in enumerate(claims):
        cells = per_claim[q]
        findings: list[Finding] = []
        compared: list[tuple[JSONValue, Qualifier, Comparable]] = []
        for k in sorted(cells) if compact else range(len(outcomes)):
            cell = cells.get(k)
            if cell is None:
                findings.append(Finding(source=outcomes[k].info.id, found=False))
                continue
            finding, bounds = cell
            if compact and not finding.found and finding.quote is None:
                continue
            findings.append(finding)
            if finding.found and bounds is not None and finding.qualifier is not None:
                compared.append((finding.value, finding.qualifier, bounds))
        results.append(
            ClaimResult(
                id=claim.id,
                title=claim.title,
                kind=claim.kind,
                verdict=verdict(compared),
                findings=tuple(findings),
                expected=expected_json(claim.expected) if claim.expected is not None else None,
                has_expected=claim.expected is not None,
                line=claim.line,
                not_found=len(outcomes) - len(findings) if compact else 0,
            )
        )
    return results


#: sources searched together (one index, one query per claim): big enough to pay a query,
#: small enough that memory stays flat
SHARD_BYTES = 2_000_000
#: shard bytes x claims at most: a shard's search holds the passages of every claim in all the
#: shard's sources at once (:meth:`ShardSearch.search`), so a run with many claims takes smaller
#: shards (2 MB up to 50 claims, 1 MB at 100, 0.5 MB from 200 on). Measured at 10 MB x 500
#: claims, one process: peak RSS 163 MB with shards of 2 MB, 140 MB with 1 MB, 125 MB with 0.5
#: MB, the same JSON and no more CPU (docs/benchmarks.md, "Throughput (issue 8, fifth
#: session)"). The results never depend on the shards (tests/test_execute.py).
SHARD_CLAIM_BYTES = 100_000_000
#: the smallest shard :func:`shard_bytes` gives (a shard's fixed costs, an index and a query per
#: claim, are paid once for all its sources)
SHARD_MIN_BYTES = 500_000


def shard_bytes(claims: int, limit: int = SHARD_BYTES) -> int:
    """The size of the shards of a run with ``claims`` claims: ``limit``, smaller with many
    claims (:data:`SHARD_CLAIM_BYTES`), never below :data:`SHARD_MIN_BYTES` (nor ``limit``)."""
    return min(limit, max(SHARD_MIN_BYTES, SHARD_CLAIM_BYTES // max(1, claims)))


def shards(sizes: Sequence[int], limit: int = SHARD_BYTES) -> list[range]:
    """Consecutive runs of sources of about ``limit`` bytes (at least one source each)."""
    out: list[range] = []
    start = total = 0
    for k, size in enumerate(sizes):
        if k > start and total + size > limit:
            out.append(range(start, k))
            start, total = k, 0
        total += size
    if start < len(sizes):
        out.append(range(start, len(sizes)))
    return out


def check_threshold(threshold: float | None) -> None:
    """A threshold given to :func:`compare` / :func:`explain` / ``run_compare``: None (each
    claim's own) or a score from 0 to 100, as in claims.yaml; else ValueError (the CLI's
    ``--threshold`` refuses the same values as a usage error)."""
    if threshold is None:
        return
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise TypeError(f"threshold must be a number from 0 to 100, not {threshold!r}")
    if not 0 <= threshold <= 100:  # nan fails both comparisons
        raise ValueError(f"threshold must be a number from 0 to 100, not {threshold!r}")


def compare(
    claimset: ClaimSet,
    corpus: Corpus,
    claim_ids: Sequence[str] = (),
    threshold: float | None = None,
) -> Report:
    """Look every claim up in every source and compare what the sources say.

    The sources are searched a shard at a time (:func:`shards`); ``kzclaims.execute`` runs the
    same search over sources read lazily, on several processes or on Dask.
    """
    # Every claim of the file is searched even when only some are asked for: within a source a
    # value answers one claim, so which claims compete must not depend on --claim.
    check_threshold(threshold)
    wanted = {c.id for c in select_claims(claimset, claim_ids)}
    claims = claimset.claims
    sources = corpus.sources
    seen: set[str] = set()
    for s in sources:
        if s.id in seen:  # the loaders refuse these; a Corpus built in memory may hold them
            raise ValueError(
                f"two sources have the id {s.id!r}: a report names each source once"
            )
        seen.add(s.id)
    state = ShardSearch(claims, threshold, languages=frozenset(s.language for s in sources))
    outcomes: list[SourceOutcome] = []
    for part in shards([len(s.text) for s in sources], shard_bytes(len(claims))):
        outcomes.extend(state.search(sources[part.start : part.stop]))
    return Report(
        claims_file=claimset.path,
        sources=tuple(o.info for o in outcomes),
        claims=tuple(r for r in assemble(claims, outcomes) if r.id in wanted),
        title=claimset.title,
    )


# --------------------------------------------------------------------------------------------
# explain: the detail behind one claim
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PassageReading:
    """One passage as `explain` shows it: its values scored, the one chosen."""

    match: Match
    above_threshold: bool
    candidates: tuple[Candidate, ...]  # every value of the claim's kind in the passage, scored
    chosen: Candidate | None
    place: tuple[str, int] | None = None  # ("page", 2) / ("paragraph", 5): see Source.locate
    #: the joint score of each usable candidate: relevance, nearness, fit (see JointScore)
    scores: tuple[JointScore, ...] = ()

    @property
    def where(self) -> str:
        """"line 12", "page 2" or "paragraph 5": where a person finds the passage."""
        return f"{self.place[0]} {self.place[1]}" if self.place else f"line {self.match.line}"


_DEFAULT_CONVENTIONS = Conventions()


@dataclass(frozen=True)
class SourceExplanation:
    """How one source was read for a claim (`explain`): passages best first."""

    source: SourceInfo
    passages: tuple[PassageReading, ...]  # best first
    finding: Finding
    conventions: Conventions = _DEFAULT_CONVENTIONS  # how its numbers and dates were read
    # "2025-03-14 by its dateline “МОСКВА, 14 марта.”, year from ...": what relative dates
    # refer to when a year-less dateline gave it (empty otherwise)
    dated: str = ""


@dataclass(frozen=True)
class Explanation:
    """How a claim was found in every source (`explain`)."""

    claim: Claim
    threshold: float
    sources: tuple[SourceExplanation, ...]
    verdict: str
    #: the phrasings bridged into a language of the sources the claim has no phrasing in
    #: (kzclaims.lang.bridge): "troops deployed" -> "войско развернуть"
    bridges: tuple[Bridge, ...] = ()


def explain(
    claim: Claim, corpus: Corpus, threshold: float | None = None, passages: int = 3,
    claims: Sequence[Claim] = (),
) -> Explanation:
    """For each source: the best few passages with scores, the values in each and why one won.

    ``claims`` are the other claims of the file: a value another claim takes with a higher
    score is not this claim's (:func:`_assign`), so the cells are those ``compare`` gives.
    """
    check_threshold(threshold)
    limit = claim.threshold if threshold is None else threshold
    indexed = _Indexed(corpus.sources)
    everyone = tuple(claims) if any(c.id == claim.id for c in claims) else (claim, *claims)
    mine = next(k for k, c in enumerate(everyone) if c.id == claim.id)
    languages = frozenset(s.language for s in corpus.sources)
    state = ShardSearch(everyone, threshold, languages=languages)
    result = assemble(everyone, state.search(corpus.sources))[mine]
    given, claim = claim, state.claims[mine]  # with its bridged phrasings and units
    bridges: tuple[Bridge, ...] = ()
    if claim is not given:
        from kzclaims.lang.bridge import bridges_of

        bridges = bridges_of(given, languages, phrasings)
    nearest = indexed.search(claim, 0.0, max(passages, PASSAGES_READ))
    out: list[SourceExplanation] = []
    from kzclaims.joint import claim_phrases

    phrases = claim_phrases(claim, phrasings(claim))
    for source, finding in zip(indexed.sources, result.findings, strict=True):
        readings: list[tuple[float, int, PassageReading]] = []
        stats = indexed.stats(source.id)
        for rank, m in enumerate(nearest.get(source.id, ())):
            candidates: tuple[Candidate, ...] = ()
            chosen = None
            scores: list[JointScore] = []
            best = statement_score(m, source.language)
            if claim.kind != "statement":
                best = float("-inf")
                choice = choose_value(
                    claim, m, source.reference_date, None, source.language,
                    indexed.conventions[source.id],
                )
                if choice is not None:
                    candidates = choice.candidates
                    scores = _title_fit(
                        claim, m, joint_candidates(claim, m, choice, phrases, stats)
                    )
                    if scores:
                        top = max(scores, key=lambda js: js.joint)
                        chosen, best = top.candidate, top.joint
            readings.append(
                (
                    best,
                    rank,
                    PassageReading(
                        m, best >= limit, candidates, chosen, source.locate(m.line),
                        tuple(scores),
                    ),
                )
            )
        # the passages whose best pair scores highest first (the relevance order among equals)
        readings.sort(key=lambda r: (-r[0], r[1]))
        shown = tuple(r[2] for r in readings[:passages])
        dated = ""
        if source.dateline is not None and source.dateline_note:
            dated = f"{source.dateline.isoformat()} by its dateline {source.dateline_note}"
        out.append(
            SourceExplanation(
                _source_info(source), shown, finding, indexed.conventions[source.id], dated
            )
        )
    return Explanation(given, limit, tuple(out), result.verdict, bridges)


def mentions(
    claimset: ClaimSet, corpus: Corpus, threshold: float | None = None
) -> dict[str, list[str]]:
    """For each source id, the ids of the claims found in it (for `kzclaims sources` / `check`)."""
    report = compare(claimset, corpus, threshold=threshold)
    out: dict[str, list[str]] = {s.id: [] for s in corpus.sources}
    for c in report.claims:
        for f in c.findings:
            if f.found:
                out[f.source].append(c.id)
    return out
