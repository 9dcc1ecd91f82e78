"""Feedback across sources (issue 10, eighth pass): the words the outlets themselves use for a
claim, as evidence in each source. A measured alternative, NOT the library's behaviour: it was
built and swept (``benchmarks/feedback.py``), did not help on the validation split (spent6) and
was not kept (docs/benchmarks.md, "Feedback across sources (issue 10, eighth pass)").
:func:`install` hooks it into :mod:`kzclaims.pipeline` for the benchmark only.

A user phrases a claim in their own words; outlets paraphrase it. In a run of several sources
on one event a claim is usually found confidently in some of them, and those passages show how
the outlets word the fact, in each language of the run. This is pseudo-relevance feedback
(Rocchio, relevance models) done after the search, on what was collected: each claim's
*feedback vocabulary* is the words of its confident cells' passages (letters only, stop words,
number words and month names left out, each word reduced as the language seam reduces it),
kept when the passages of at least :data:`FEEDBACK_MIN` other sources have it, each weighted by
how specific it is among every passage the run collected (its inverse passage frequency, so an
event's ubiquitous words weigh little). A source's candidates (its cell and the claim's other
values it kept, :class:`kzclaims.pipeline.Rival`) are then scored by the vocabulary their
passage shares, the source's own passage left out. That score:

- **rescues** a claim not found in a source: its best other value there, scoring at least the
  threshold less ``FEEDBACK_BAR[kind]``, is taken when its passage shares at least
  :data:`FEEDBACK_RESCUE` of the vocabulary;
- **chooses**: a cell moves to another value of the source whose passage shares at least
  :data:`FEEDBACK_GAIN` more of it, scoring at most :data:`FEEDBACK_BAND` below the cell;
- **drops** a cell scoring less than the threshold plus :data:`FEEDBACK_DROP` whose passage
  shares none of it, when confident passages of its language exist in other sources.

A cell the agreement across sources changed, or whose value :data:`AGREE_MIN` other sources
give, is left as it is. Every decision is taken from the cells as they stand when the step
starts, so the result depends only on the collected outcomes: not on ``--jobs``, shards or the
order of the sources. The reason is the cell's ``why``.

How it is hooked in (:func:`install`): ``pipeline.reach_limit`` also keeps the other values of
the kinds of :data:`FEEDBACK_REACH` that far below the threshold (the gates read that far
down), ``pipeline._agree`` sees only the other values it saw before (those further down are the
feedback's), and the step runs after it in ``assemble``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kzclaims import pipeline
from kzclaims._dataclass import replace

if TYPE_CHECKING:
    from kzclaims.compare import Comparable
    from kzclaims.model import Claim, Finding
    from kzclaims.pipeline import Rival, SourceOutcome

#: the step runs when True (after the agreement across sources, in ``assemble``; see
#: :func:`install`)
FEEDBACK = True
#: a cell is confident when it scores at least the threshold plus this ...
FEEDBACK_CONF = 10.0
#: ... or when at least this many other sources give its value (give or take, as the agreement
#: counts; 0: never)
FEEDBACK_AGREED = 2
#: a word is in a claim's vocabulary for a source when the confident passages of at least this
#: many other sources have it
FEEDBACK_MIN = 2
#: how far below the threshold a claim's other value in a source may be taken by the feedback
#: (never below what the search kept: :func:`kzclaims.pipeline.reach_limit`)
FEEDBACK_BAR: dict[str, float] = {
    "date": 40.0, "percent": 30.0, "duration": 30.0, "date_range": 30.0,
}
#: how much further below the threshold than the agreement the search keeps a claim's other
#: values of these kinds for the feedback (:func:`kzclaims.pipeline.reach_limit`: the gates read
#: that far down, which costs time)
FEEDBACK_REACH: dict[str, float] = {}
#: the vocabulary's weight (summed inverse passage frequencies) a passage must share to rescue
#: a claim not found in its source (0: never)
FEEDBACK_RESCUE = 4.0
#: a value taken that way must be given by at least this many other sources (0: any value)
FEEDBACK_RESCUE_AGREED = 0
#: how much more of the vocabulary another value's passage must share to take a cell's place
#: (0: never)
FEEDBACK_GAIN = 4.0
#: at most this far below the cell's score
FEEDBACK_BAND = 20.0
#: a cell scoring less than the threshold plus this whose passage shares none of the vocabulary
#: is dropped (0: never)
FEEDBACK_DROP = 0.0
#: a shared word's weight: "idf" (its inverse passage frequency in the run) or "lift" (the log
#: of how much likelier it is in the claim's confident passages than in every passage)
FEEDBACK_WEIGHT = "lift"
#: the words shown in a cell's ``why``
SHOWN_WORDS = 3

_WORD = re.compile(r"[^\W\d_]{3,}")


def _is_cyrillic(word: str) -> bool:
    return "а" <= word[0] <= "я" or word[0] == "ё"


@lru_cache(maxsize=1)
def _excluded() -> dict[str, frozenset[str]]:
    from kzclaims import lang

    out = {}
    for code in lang.SUPPORTED:
        language = lang.get(code)
        out[code] = frozenset(
            language.stopwords | language.number_words | set(language.months)
            | set(language.weekdays)
        )
    return out


@lru_cache(maxsize=200_000)
def _form(word: str) -> str | None:
    """A lower-case word as the vocabulary compares it (a Russian lemma; an English word with a
    plural "s" cut), or None for a word that carries nothing (a stop word, a number word, a
    month)."""
    from kzclaims import lang

    code = "ru" if _is_cyrillic(word) else "en"
    excluded = _excluded()[code]
    if word in excluded:
        return None
    form = lang.get(code).normalize(word)
    if form in excluded or len(form) < 3:
        return None
    if code == "en" and len(form) > 4 and form.endswith("s") and not form.endswith("ss"):
        form = form[:-3] + "y" if form.endswith("ies") else form[:-1]
    return form


@lru_cache(maxsize=50_000)
def _words(quote: str) -> dict[str, str]:
    """The vocabulary words of a passage: form -> its first surface form there."""
    out: dict[str, str] = {}
    for w in _WORD.findall(quote.lower()):
        form = _form(w)
        if form is not None and form not in out:
            out[form] = w
    return out


def _language(form: str) -> str:
    return "ru" if _is_cyrillic(form) else "en"


def feedback(
    claims: Sequence[Claim], outcomes: Sequence[SourceOutcome],
    per_claim: list[dict[int, tuple[Finding, Comparable | None]]],
) -> None:
    """Cells changed by the claim's feedback vocabulary (see the module docstring)."""
    from kzclaims.pipeline import AGREE_MIN, _agreed_value, _near

    by_claim: dict[int, dict[int, list[Rival]]] = {}
    quotes: set[str] = set()
    for k, o in enumerate(outcomes):
        for r in o.rivals:
            by_claim.setdefault(r.claim, {}).setdefault(k, []).append(r)
            if r.finding.quote:
                quotes.add(r.finding.quote)
        for _q, f, _b in o.cells:
            if f.quote:
                quotes.add(f.quote)
    if len(quotes) < 2:
        return
    # how specific each word is: its inverse frequency over every passage the run collected
    df: Counter[str] = Counter()
    for quote in quotes:
        df.update(_words(quote).keys())
    total = len(quotes)
    idf = {w: math.log(total / n) for w, n in df.items()}
    used: dict[int, set[tuple[int, int]]] = {}
    for rs in by_claim.values():
        for k, rivals in rs.items():
            for r in rivals:
                if r.taken:
                    used.setdefault(k, set()).add(r.key)
    decided: list[tuple[int, int, tuple[Finding, Comparable | None]]] = []
    for q in sorted(by_claim):
        claim = claims[q]
        if claim.kind == "statement":
            continue
        rivals = by_claim[q]
        limit = _limit(rivals)
        if limit is None:
            continue
        cells = per_claim[q]
        values = {
            k: _agreed_value(f.value) for k, (f, b) in cells.items() if f.found and b is not None
        }

        def agreed(k: int, value: Any, values: Mapping[int, Any] = values) -> int:
            return sum(1 for j, v in values.items() if j != k and _near(v, value))

        # the confident cells and their passages' words
        confident: dict[int, dict[str, str]] = {}
        for k, (f, b) in cells.items():
            if not f.found or b is None or not f.quote:
                continue
            margin = (f.score or 0.0) - limit
            if margin >= FEEDBACK_CONF or (
                FEEDBACK_AGREED and agreed(k, values[k]) >= FEEDBACK_AGREED
            ):
                confident[k] = _words(f.quote)
        if len(confident) < FEEDBACK_MIN:
            continue
        support: Counter[str] = Counter()
        by_language: Counter[str] = Counter()
        for ws in confident.values():
            support.update(ws.keys())
            for code in {_language(w) for w in ws}:
                by_language[code] += 1

        def shared(
            k: int, quote: str | None, confident: Mapping[int, dict[str, str]] = confident,
            support: Counter[str] = support,
        ) -> tuple[float, list[str], int]:
            """The vocabulary (less source ``k``'s own passage) a passage shares: its weight,
            the words shown, and how many other confident sources share one of them."""
            if not quote:
                return 0.0, [], 0
            own = confident.get(k, {})
            ws = _words(quote)
            n = len(confident) - (k in confident)
            weights = {}
            for w in ws:
                s = support[w] - (w in own)
                if s < FEEDBACK_MIN:
                    continue
                if FEEDBACK_WEIGHT == "lift":
                    # how much likelier the word is in the claim's finds than in any passage
                    lift = math.log((s / n) / (df[w] / total))
                    if lift > 0.0:
                        weights[w] = lift
                elif idf.get(w, 0.0) > 0.0:
                    weights[w] = idf[w]
            hits = list(weights)
            weight = sum(weights.values())
            hits.sort(key=lambda w: (-weights[w], w))
            shown = [ws[w] for w in hits[:SHOWN_WORDS]]
            sharing = sum(
                1 for j, other in confident.items() if j != k and any(w in other for w in hits)
            )
            return weight, shown, sharing

        for k in sorted(rivals):
            cell = cells.get(k)
            if cell is not None and cell[0].agreement is not None:
                continue  # the agreement across sources decided it
            held = used.get(k, set())
            found = cell is not None and cell[0].found and cell[1] is not None
            alts = [
                r for r in rivals[k]
                if not r.taken and r.key not in held and r.bounds is not None
            ]
            if found:
                assert cell is not None
                f = cell[0]
                margin = (f.score or 0.0) - limit
                mine, _, _ = shared(k, f.quote)
                if agreed(k, values[k]) >= AGREE_MIN:
                    continue
                if FEEDBACK_GAIN:
                    options = []
                    for r in alts:
                        if r.margin < margin - FEEDBACK_BAND:
                            continue
                        if _agreed_value(r.finding.value) == values[k]:
                            continue
                        weight, shown, sharing = shared(k, r.finding.quote)
                        if weight >= mine + FEEDBACK_GAIN:
                            options.append((weight, r.margin, r, shown, sharing))
                    if options:
                        weight, _, r, shown, sharing = max(
                            options, key=lambda t: (t[0], t[1], t[2].key)
                        )
                        why = (
                            f"its sentence shares {_listed(shown)} with the claim's finds in "
                            f"{sharing} other source{'s' * (sharing != 1)}, more than the "
                            f"sentence of “{f.text}” (which scores "
                            f"{f.score or 0.0:g}); {r.finding.why}"
                        )
                        decided.append((q, k, (
                            replace(r.finding, why=_shared(why), agreement="switched"), r.bounds
                        )))
                        continue
                if FEEDBACK_DROP and margin < FEEDBACK_DROP and mine == 0.0 and f.quote:
                    codes = {_language(w) for w in _words(f.quote)}
                    others = max(
                        (by_language[c] - (c in {_language(w) for w in confident.get(k, {})})
                         for c in codes),
                        default=0,
                    )
                    if others >= FEEDBACK_MIN:
                        why = (
                            f"abstained: its value “{f.text}” scores {f.score or 0.0:g}, near "
                            f"the threshold, and its sentence shares none of the words of the "
                            f"claim's finds in {others} other sources"
                        )
                        from kzclaims.model import Finding

                        decided.append((q, k, (
                            Finding(
                                source=f.source, found=False, quote=f.quote, line=f.line,
                                score=f.score, page=f.page, paragraph=f.paragraph,
                                why=_shared(why), agreement="dropped",
                            ),
                            None,
                        )))
                continue
            if not FEEDBACK_RESCUE:
                continue
            bar = FEEDBACK_BAR.get(claim.kind, 0.0)
            options = []
            for r in alts:
                if r.margin < -bar:
                    continue
                if FEEDBACK_RESCUE_AGREED and (
                    agreed(k, _agreed_value(r.finding.value)) < FEEDBACK_RESCUE_AGREED
                ):
                    continue
                weight, shown, sharing = shared(k, r.finding.quote)
                if weight >= FEEDBACK_RESCUE:
                    options.append((weight, r.margin, r, shown, sharing))
            if options:
                weight, _, r, shown, sharing = max(options, key=lambda t: (t[0], t[1], t[2].key))
                why = (
                    f"below the threshold, taken: its sentence shares {_listed(shown)} with "
                    f"the claim's finds in {sharing} other source{'s' * (sharing != 1)}; "
                    f"{r.finding.why}"
                )
                decided.append(
                    (q, k, (replace(r.finding, why=_shared(why), agreement="taken"), r.bounds))
                )
    for q, k, cell in decided:
        per_claim[q][k] = cell


def _limit(rivals: Mapping[int, Sequence[Rival]]) -> float | None:
    """The claim's threshold, as its kept values tell it (score less margin; a score shown as
    0 or 100 is clamped and tells nothing)."""
    for k in sorted(rivals):
        for r in rivals[k]:
            if r.finding.score is not None and 0.0 < r.finding.score < 100.0:
                return round(r.finding.score - r.margin, 1)
    return None


def _listed(words: Sequence[str]) -> str:
    return ", ".join(f"“{w}”" for w in words)


def _shared(text: str) -> str:
    from kzclaims.pipeline import _shared as shared

    return shared(text)


_ORIGINAL: dict[str, Any] = {}
#: False: the feedback alone, without the agreement across sources (``pipeline.AGREE`` must stay
#: True for ``assemble`` to call the hook)
AGREEMENT = True


def install() -> None:
    """Hook the step into :mod:`kzclaims.pipeline` (for this process; the benchmark only)."""
    if _ORIGINAL:
        return
    _ORIGINAL["reach_limit"] = reach = pipeline.reach_limit
    _ORIGINAL["_agree"] = agree = pipeline._agree

    def reach_limit(limit: float, kind: str) -> float:
        if not FEEDBACK:
            return reach(limit, kind)
        return min(reach(limit, kind), limit - FEEDBACK_REACH.get(kind, 0.0))

    def agree_then_feedback(
        claims: Sequence[Claim], outcomes: Sequence[SourceOutcome],
        per_claim: list[dict[int, tuple[Finding, Comparable | None]]],
    ) -> None:
        # the agreement sees the other values it would see without the feedback
        seen = [
            replace(o, rivals=tuple(
                r for r in o.rivals
                if r.taken or r.margin >= reach(0.0, claims[r.claim].kind)
            ))
            for o in outcomes
        ]
        if AGREEMENT:
            agree(claims, seen, per_claim)
        if FEEDBACK:
            feedback(claims, outcomes, per_claim)

    pipeline.reach_limit = reach_limit
    pipeline._agree = agree_then_feedback
