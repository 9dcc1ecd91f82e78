"""Calibrate the joint score of a (passage, value) pair on data; measure it leaving one event out.

    python benchmarks/ranker.py                 # fit on the 12 tuning events, print the weights
    python benchmarks/ranker.py --loeo          # leave-one-event-out: hand vs calibrated weights
    python benchmarks/ranker.py --dump F.jsonl  # every candidate pair with its features and label

Only the tuning splits (``dev``, ``spent``, ``spent2`` of ``benchmarks/unseen/``) are ever read:
this script has no option to read the held-out half.

**What is dumped.** Every (claim, source) cell of a value claim (statements are scored by their
relevance alone and are left out) with every candidate (passage or window, value) pair the
library's joint scorer reads (``kzclaims.pipeline._pairs`` with no gate and every value of every
passage kept), with the features as the library computes them: the passage's relevance (a
window's, less its per-sentence penalty), the local score (``kzclaims.joint.local_score``), the
terms of the value's fit (``kzclaims.choose.Candidate.parts``: unit match / mismatch / people as
the unit, part of a group, ordinal, a bare year, history, a date's role words, a dateline,
another sentence or clause, the distance from the matched words) and whether the sentence was
found by the unit its value counts. The label: the pair's value is the gold value of the cell
(``stated.yaml``); the cell's label: whether the report states the fact at all.

**The model.** A logistic regression of "this pair's value is the cell's gold value" on those
features (numpy, Newton's method, a small L2 penalty), with the signs of the hand design kept
(relevance, local score, a unit match and the unit anchor cannot count against a pair; every
penalty cannot count for it: a weight the data would give the wrong sign is 0, i.e. the rule is
dropped). This keeps the score a sum of non-negative weights times bounded terms, so the gate's
ceilings (``score_ceiling``, ``fit_ceiling``, ``bonus_ceiling``) stay upper bounds. The logit is
put on the library's scale: points such that relevance and local weigh 1 together, as the hand
weights (0.5 + 0.5) do. The **abstain threshold** is calibrated on the same training events: the
score at which a cell's best pair is kept (found) is the one that makes the most training cells
right (right value, or nothing found where the report states nothing), and it is put at 75, the
library's default threshold (``--threshold`` keeps its meaning: 75 is the calibrated operating
point). The table printed is what ``kzclaims/joint.py`` holds (``JOINT_WEIGHTS``).

**Leave one event out.** For each of the 12 events, the model and its threshold are fitted on
the other 11 and the library, with those weights, is run on the 12th (``compare`` with its
sibling assignment, the gate and the rest of the cell logic), and graded as
``benchmarks/claims.py`` grades it; the same events are graded with the hand weights. The sums
over the 12 held-out events are the closest thing to a held-out figure this data allows; they
are still development figures (the features were designed on these events, and the hand weights
were tuned on all 12 of them, which favours the hand weights).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import claims as grading  # noqa: E402

import kzclaims.choose as choose  # noqa: E402
import kzclaims.pipeline as pipeline  # noqa: E402
from kzclaims.claims import load_claims  # noqa: E402
from kzclaims.compare import json_value  # noqa: E402
from kzclaims.joint import claim_phrases, local_score  # noqa: E402
from kzclaims.sources import load_sources  # noqa: E402

TUNING = ("dev", "spent", "spent2")

#: the features of a pair, in the order of the weight vector (the last weight is the bias)
FEATURES = (
    "relevance",  # / 100
    "local",  # / 100
    "unit_match",
    "unit_mismatch",
    "unit_kin",
    "partitive",
    "ordinal",
    "bare_year",
    "history",
    "role_mismatch",
    "report_date",
    "superseded",
    "standing",
    "other_sentence",
    "other_clause",
    "distance",  # characters / DISTANCE_REACH (capped at 1)
    "anchored",
    "unit_claim",  # the claim counts a unit (--unit-bias only: one more offset for such claims)
)
#: the sign each weight must keep (+1: >= 0, -1: <= 0, 0: free)
SIGNS = {
    "relevance": 1, "local": 1, "unit_match": 1, "unit_kin": 0, "anchored": 1, "unit_claim": 0,
    **{f: -1 for f in FEATURES if f not in (
        "relevance", "local", "unit_match", "unit_kin", "anchored", "unit_claim"
    )},
}
#: characters of distance at which the distance term stops growing (the library's cap)
DISTANCE_REACH = choose.DISTANCE_REACH
#: the library's default threshold: the calibrated operating point is put there
THRESHOLD = 75.0


def tuning_events() -> list[grading.Event]:
    """The events of the tuning splits, named by the set's README (:func:`claims.named_events`):
    no file of a held-out event is opened."""
    return grading.named_events(TUNING)


@dataclass
class Pair:
    x: list[float]
    right: bool
    hand: float  # the library's joint score with the weights of the run that dumped it
    text: str = ""


@dataclass
class Cell:
    event: str
    split: str
    claim: str
    source: str
    lang: str
    stated: bool
    pairs: list[Pair] = field(default_factory=list)


#: whether the claims with a unit get an offset of their own (``--unit-bias``)
UNIT_BIAS = False


def _features(
    rel: float, local: float, parts: Sequence[tuple[str, float]], anchored: bool,
    unit: bool = False,
) -> list[float]:
    x = [0.0] * len(FEATURES)
    x[0] = rel / 100.0
    x[1] = local / 100.0
    for name, amount in parts:
        k = FEATURES.index(name)
        x[k] += min(amount / DISTANCE_REACH, 1.0) if name == "distance" else amount
    x[FEATURES.index("anchored")] = 1.0 if anchored else 0.0
    x[FEATURES.index("unit_claim")] = 1.0 if unit else 0.0
    return x


def dump(splits: Sequence[str] = TUNING) -> list[Cell]:
    """Every cell of a value claim of the splits with every candidate pair (see the module's
    docstring). The library runs as it ships (gate off: every claim in every document), and the
    pairs are taken from ``_pairs`` beside the real assignment."""
    out: list[Cell] = []
    for event in tuning_events():
        if event.split not in splits:
            continue
        claimset = load_claims(event.path / "claims.yaml")
        corpus = load_sources(event.path / "sources")
        got: dict[tuple[str, str], list[Pair]] = {}
        original = pipeline._assign
        spy = _spy(event, got, original)
        pipeline._assign = spy
        try:
            state = pipeline.ShardSearch(claimset.claims, None, gate=False)
            state.search(corpus.sources)
        finally:
            pipeline._assign = original
        for claim in claimset.claims:
            if claim.kind == "statement":
                continue
            fact = event.claim_fact.get(claim.id)
            for s in corpus.sources:
                want = event.stated.get(s.id, {}).get(fact) if fact else None
                out.append(
                    Cell(
                        event.slug, event.split, claim.id, s.id, s.language or "en",
                        want is not None, got.get((claim.id, s.id), []),
                    )
                )
    return out


def _spy(event: Any, got: dict[tuple[str, str], list[Pair]], original: Any) -> Any:
    """``pipeline._assign`` that first records every pair of every claim in ``got``."""

    def spy(items: Any, source: Any, indexed: Any, *a: Any, **k: Any) -> Any:
        for claim, _limit, found in items:
            if claim.kind == "statement":
                continue
            phrases = claim_phrases(claim, pipeline.phrasings(claim))
            stats = indexed.stats(source.id)
            pairs = []
            for s in pipeline._pairs(claim, source, found, indexed, None, -1e18):
                m, choice = s.reading.match, s.reading.choice
                v = choice.value
                cand = next(c for c in choice.candidates if c.value == v and not c.excluded)
                unit_hit = bool(claim.unit and v.noun and choose.unit_matches(v.noun, claim.unit))
                local = local_score(phrases, stats, m.text, v, unit_hit)[0]
                joint = pipeline.joint_score(m.score, local, cand.score)
                anchored = abs(s.joint - joint - pipeline.UNIT_ANCHOR) < 1e-6
                assert anchored or abs(s.joint - joint) < 1e-6, (s.joint, joint)
                right = _is_gold(event, claim, source.id, json_value(v, claim.kind))
                pairs.append(
                    Pair(
                        _features(m.score, local, cand.parts, anchored, bool(claim.unit)),
                        right, s.joint, v.text,
                    )
                )
            got[claim.id, source.id] = pairs
        return original(items, source, indexed, *a, **k)

    return spy


def _is_gold(event: Any, claim: Any, source: str, got: Any) -> bool:
    fact = event.claim_fact.get(claim.id)
    want = event.stated.get(source, {}).get(fact) if fact else None
    if want is None:
        return False
    return grading.same_value(got, grading.gold_json(claim.kind, want["value"]))


# ------------------------------------------------------------------------------------------------
# the model
# ------------------------------------------------------------------------------------------------


def _newton(
    loss: Any, w0: Any, free: Sequence[int], iterations: int = 50
) -> Any:
    """Minimise ``loss(w) -> (value, gradient, hessian)`` over the ``free`` coordinates (the
    others stay at 0), Newton steps with backtracking."""
    import numpy as np

    w = np.array(w0, dtype=float)
    idx = np.array(free)
    for _ in range(iterations):
        f, g, h = loss(w)
        gf = g[idx]
        hf = h[np.ix_(idx, idx)] + 1e-9 * np.eye(len(idx))
        step = np.linalg.solve(hf, gf)
        t = 1.0
        while True:
            w2 = w.copy()
            w2[idx] -= t * step
            if loss(w2)[0] <= f - 1e-4 * t * float(gf @ step) or t < 1e-8:
                break
            t /= 2.0
        w = w2
        if float(np.max(np.abs(t * step))) < 1e-9:
            break
    return w


def _pair_loss(X: Any, y: Any, l2: float) -> Any:
    import numpy as np

    pen = np.ones(X.shape[1])
    pen[-1] = 0.0  # the bias is not penalised

    def loss(w: Any) -> tuple[float, Any, Any]:
        z = X @ w
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        f = -float(np.sum(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
        f += 0.5 * l2 * float(np.sum(pen * w * w))
        g = X.T @ (p - y) + l2 * pen * w
        h = (X * (p * (1 - p))[:, None]).T @ X + l2 * np.diag(pen)
        return f, g, h

    return loss


def _choice_loss(cells: Sequence[Cell], l2: float) -> Any:
    """The conditional logit of a cell's choice: each pair ``j`` has utility ``w . x_j``, and
    abstaining has utility 0; the cell's outcome is one of its right pairs (any), or abstaining
    when it has none (the report does not state the fact, or no candidate has its value)."""
    import numpy as np

    data = []
    for c in cells:
        if not c.pairs:
            continue
        X = np.array([[*p.x, 1.0] for p in c.pairs])
        r = np.array([p.right for p in c.pairs])
        data.append((X, r))
    n = len(FEATURES) + 1
    pen = np.ones(n)
    pen[-1] = 0.0

    def loss(w: Any) -> tuple[float, Any, Any]:
        f = 0.5 * l2 * float(np.sum(pen * w * w))
        g = l2 * pen * w
        h = l2 * np.diag(pen)
        for X, r in data:
            u = X @ w
            top = max(0.0, float(u.max()))
            e = np.exp(u - top)
            z = math.exp(-top) + float(e.sum())
            p = e / z
            ex = p @ X
            f += top + math.log(z)
            g = g + ex
            h = h + (X * p[:, None]).T @ X - np.outer(ex, ex)
            if r.any():
                ur = u[r]
                tr = float(ur.max())
                er = np.exp(ur - tr)
                q = er / er.sum()
                Xr = X[r]
                eq = q @ Xr
                f -= tr + math.log(float(er.sum()))
                g = g - eq
                h = h - ((Xr * q[:, None]).T @ Xr - np.outer(eq, eq))
        return f, g, h

    return loss


def fit(cells: Sequence[Cell], l2: float = 1.0, model: str = "pair") -> list[float]:
    """Weights (the features' order, then the bias) of ``model``: "pair" (a logistic regression
    of "this pair is right" over all pairs) or "choice" (the conditional logit of each cell's
    choice, abstaining included); signs kept: a weight the data would give the wrong sign is
    fixed at 0 and the rest refitted (one at a time, the worst first)."""
    import numpy as np

    if model == "choice":
        loss = _choice_loss(cells, l2)
        n = len(FEATURES) + 1
    else:
        rows = [(p.x, p.right) for c in cells for p in c.pairs]
        X = np.array([[*x, 1.0] for x, _ in rows])
        y = np.array([1.0 if r else 0.0 for _, r in rows])
        loss = _pair_loss(X, y, l2)
        n = X.shape[1]
    free = list(range(n))
    if not UNIT_BIAS:
        free.remove(FEATURES.index("unit_claim"))
    while True:
        w = _newton(loss, np.zeros(n), free)
        wrong = [
            (abs(w[k]), k) for k in free[:-1]
            if SIGNS[FEATURES[k]] and w[k] * SIGNS[FEATURES[k]] < 0
        ]
        if not wrong:
            return [float(v) for v in w]
        free.remove(max(wrong)[1])


def hand_weights() -> list[float]:
    """The library's current weights in the same units as :func:`fit`'s (score points; the
    bias is the offset less the threshold)."""
    fw = pipeline.FIT_WEIGHT
    c = choose
    return [
        100.0 * pipeline.TOPIC_WEIGHT, 100.0 * pipeline.LOCAL_WEIGHT,
        fw * c.UNIT_MATCH, fw * c.UNIT_MISMATCH, fw * c.UNIT_KIN, fw * c.PARTITIVE,
        fw * c.ORDINAL_NUMBER, fw * c.BARE_YEAR, fw * c.HISTORY, fw * c.ROLE_MISMATCH,
        fw * c.REPORT_DATE, fw * c.OTHER_SENTENCE, fw * c.OTHER_CLAUSE,
        -fw * c.DISTANCE_CAP, pipeline.UNIT_ANCHOR, 0.0,
        pipeline.VALUE_OFFSET - THRESHOLD,
    ]


def _score(w: Sequence[float], x: Sequence[float]) -> float:
    return sum(a * b for a, b in zip(w, x, strict=False)) + w[-1]


def calibrate(cells: Sequence[Cell], w: Sequence[float], cost: float = 1.0) -> float:
    """The abstain threshold (in the model's units) that makes the most cells right when each
    cell keeps its best pair if it scores at least the threshold: right values plus cells with
    nothing stated and nothing found (= right values less false finds, plus a constant). The
    middle of the best interval."""
    best: list[tuple[float, bool, bool]] = []  # (best pair's score, stated, it is right)
    for c in cells:
        if not c.pairs:
            continue
        top = max(c.pairs, key=lambda p: _score(w, p.x))
        best.append((_score(w, top.x), c.stated, top.right))
    best.sort(key=lambda t: -t[0])
    # threshold just below the k-th score: the k best are found
    gain = 0.0
    top_gain, top_k = 0.0, 0
    for k, (_, stated, right) in enumerate(best, 1):
        gain += 1 if (stated and right) else (-cost if not stated else 0)
        if gain > top_gain:
            top_gain, top_k = gain, k
    if top_k == 0:
        return best[0][0] + 1.0 if best else 0.0
    hi = best[top_k - 1][0]
    lo = best[top_k][0] if top_k < len(best) else hi - 1.0
    return (hi + lo) / 2.0


def to_library(w: Sequence[float], threshold: float) -> dict[str, float]:
    """The library's constants for weights ``w`` (logit units) whose abstain threshold is
    ``threshold``: points such that relevance and local weigh 1 together, the operating point at
    :data:`THRESHOLD`."""
    named = dict(zip(FEATURES, w, strict=False))
    scale = 100.0 / (named["relevance"] + named["local"])
    return {
        "TOPIC_WEIGHT": scale * named["relevance"] / 100.0,
        "LOCAL_WEIGHT": scale * named["local"] / 100.0,
        "FIT_WEIGHT": 1.0,
        "UNIT_MATCH": scale * named["unit_match"],
        "UNIT_MISMATCH": scale * named["unit_mismatch"],
        "UNIT_KIN": scale * named["unit_kin"],
        "PARTITIVE": scale * named["partitive"],
        "ORDINAL_NUMBER": scale * named["ordinal"],
        "BARE_YEAR": scale * named["bare_year"],
        "HISTORY": scale * named["history"],
        "ROLE_MISMATCH": scale * named["role_mismatch"],
        "REPORT_DATE": scale * named["report_date"],
        "SUPERSEDED": scale * named["superseded"],
        "STANDING": scale * named["standing"],
        "OTHER_SENTENCE": scale * named["other_sentence"],
        "OTHER_CLAUSE": scale * named["other_clause"],
        "DISTANCE_CAP": -scale * named["distance"],
        "DISTANCE_PER_CHAR": -scale * named["distance"] / DISTANCE_REACH,
        "UNIT_ANCHOR": scale * named["anchored"],
        **({"UNIT_CLAIM": scale * named["unit_claim"]} if UNIT_BIAS else {}),
        "VALUE_OFFSET": THRESHOLD + scale * (w[-1] - threshold),
    }


_OWNER = {
    "TOPIC_WEIGHT": pipeline, "LOCAL_WEIGHT": pipeline, "FIT_WEIGHT": pipeline,
    "UNIT_ANCHOR": pipeline, "VALUE_OFFSET": pipeline,
}


@contextlib.contextmanager
def weights(constants: dict[str, float]) -> Iterator[None]:
    """The library run with these constants (module attributes patched for the block)."""
    constants = dict(constants)
    extra = constants.pop("UNIT_CLAIM", 0.0)
    if extra:
        with _unit_claim(extra), weights(constants):
            yield
        return
    old = {k: getattr(_OWNER.get(k, choose), k) for k in constants}
    try:
        for k, v in constants.items():
            setattr(_OWNER.get(k, choose), k, v)
        yield
    finally:
        for k, v in old.items():
            setattr(_OWNER.get(k, choose), k, v)


@contextlib.contextmanager
def _unit_claim(points: float) -> Iterator[None]:
    """The library with ``points`` added to the fit of every value of a claim with a unit (and
    the gate's fit ceiling raised to match): the experiment of ``--unit-bias``."""
    import dataclasses

    score, ceiling = choose.score_candidates, pipeline.fit_ceiling

    def scored(claim: Any, *a: Any, **k: Any) -> Any:
        out = score(claim, *a, **k)
        if not claim.unit:
            return out
        return [
            c if c.excluded else dataclasses.replace(
                c, score=c.score + points, parts=(*c.parts, ("unit_claim", 1.0))
            )
            for c in out
        ]

    def fit_ceiling(claim: Any, unit: bool = True) -> float:
        return ceiling(claim, unit) + (max(0.0, points) if claim.unit else 0.0)

    choose.score_candidates, pipeline.fit_ceiling = scored, fit_ceiling
    try:
        yield
    finally:
        choose.score_candidates, pipeline.fit_ceiling = score, ceiling


# ------------------------------------------------------------------------------------------------
# leave one event out
# ------------------------------------------------------------------------------------------------


def _grade(event: Any) -> dict[str, Any]:
    by_lang, verdicts = grading.grade_event(event)
    return {
        lang: (t.stated, t.found, t.value_right, t.unstated, t.false_finds)
        for lang, t in by_lang.items()
    } | {"verdicts": (verdicts.verdicts, verdicts.verdicts_right)}


#: how far (points) the operating point is moved from the simulated one when it is calibrated
#: with the library's own cell logic on the training events (a threshold raised by d)
SHIFTS = (-10.0, -5.0, 0.0, 5.0, 10.0, 15.0, 20.0, 25.0)


def _r_minus_f(grades: Sequence[dict[str, Any]], cost: float = 1.0) -> float:
    return sum(
        got[2] - cost * got[4] for g in grades for lang, got in g.items() if lang != "verdicts"
    )


def calibrate_real(
    constants: dict[str, float], events: Sequence[Any], cost: float = 1.0
) -> tuple[dict[str, float], float]:
    """The offset that makes the most cells right (right values less false finds) on
    ``events`` with the library's cell logic (sibling assignment, veto, windows): the
    simulation of :func:`calibrate` keeps each cell's best pair on its own, which the library
    does not. Ties go to the higher threshold (fewer false finds)."""
    best: tuple[float, float] | None = None
    for shift in SHIFTS:
        trial = {**constants, "VALUE_OFFSET": constants["VALUE_OFFSET"] - shift}
        with weights(trial):
            got = _r_minus_f([_grade(e) for e in events], cost)
        if best is None or got >= best[0]:
            best = (got, shift)
    assert best is not None
    return {**constants, "VALUE_OFFSET": constants["VALUE_OFFSET"] - best[1]}, best[1]


_CELLS: list[Cell] = []


def _fold(slug: str, l2: float, model: str, cost: float) -> dict[str, Any]:
    """One event left out: graded with the hand weights and with weights and threshold fitted
    on the other events."""
    events = tuning_events()
    event = next(e for e in events if e.slug == slug)
    train = [c for c in _CELLS if c.event != slug]
    w = hand_weights() if model == "hand" else fit(train, l2, model)
    t = calibrate(train, w, cost)
    constants, shift = calibrate_real(
        to_library(w, t), [e for e in events if e.slug != slug], cost
    )
    hand = _grade(event)
    with weights(constants):
        cal = _grade(event)
    print(f"  {slug}: shift {shift:+g}, hand {hand}, calibrated {cal}", file=sys.stderr)
    return {
        "event": slug, "split": event.split, "hand": hand, "calibrated": cal, "shift": shift,
        "weights": {k: round(v, 2) for k, v in constants.items()},
    }


def loeo(
    cells: Sequence[Cell], l2: float = 1.0, model: str = "pair", jobs: int = 1,
    cost: float = 1.0,
) -> list[dict[str, Any]]:
    """For each tuning event: the hand weights' grades and the calibrated weights' (fitted on the
    other events) grades, as ``benchmarks/claims.py`` counts them."""
    import multiprocessing

    _CELLS[:] = cells
    slugs = [e.slug for e in tuning_events()]
    args = [(s, l2, model, cost) for s in slugs]
    if jobs > 1:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return pool.starmap(_fold, args)
    return [_fold(*a) for a in args]


#: offsets (points) swept on the left-out event for the threshold-free comparison (``--curve``):
#: the threshold raised by each, from the operating point calibrated on the other events
CURVE = (-15.0, -10.0, -5.0, 0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0)


def _curve_fold(slug: str, l2: float, model: str) -> dict[str, Any]:
    events = tuning_events()
    event = next(e for e in events if e.slug == slug)
    if model == "hand":
        constants = to_library(hand_weights(), 0.0)
    else:
        train = [c for c in _CELLS if c.event != slug]
        w = fit(train, l2, model)
        constants = to_library(w, calibrate(train, w))
    out = {}
    for shift in CURVE:
        with weights({**constants, "VALUE_OFFSET": constants["VALUE_OFFSET"] - shift}):
            out[shift] = _grade(event)
    print(f"  {slug}: {model} curve done", file=sys.stderr)
    return {"event": slug, "split": event.split, "curve": out}


def curve(
    cells: Sequence[Cell], l2: float = 1.0, model: str = "pair", jobs: int = 1
) -> list[dict[str, Any]]:
    """For each tuning event: the library with weights fitted on the other events (``hand``:
    the library's weights, the threshold at 75) graded on it at each threshold shift of
    :data:`CURVE`: right values against false finds, whatever the operating point."""
    import multiprocessing

    _CELLS[:] = cells
    args = [(e.slug, l2, model) for e in tuning_events()]
    if jobs > 1:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return pool.starmap(_curve_fold, args)
    return [_curve_fold(*a) for a in args]


def _curve_table(results: Sequence[dict[str, Any]]) -> str:
    lines = ["| threshold shift | " + " | ".join(
        f"{s} {lang}" for s in (*TUNING, "all") for lang in ("en", "ru")
    ) + " | all | verdicts |", "|---" * 10 + "|---|"]
    for shift in CURVE:
        cells = []
        tot = [0, 0]
        for split in (*TUNING, "all"):
            for lang in ("en", "ru"):
                r = f = 0
                for res in results:
                    if split != "all" and res["split"] != split:
                        continue
                    got = res["curve"][shift].get(lang)
                    if got:
                        r += got[2]
                        f += got[4]
                if split == "all":
                    tot[0] += r
                    tot[1] += f
                cells.append(f"{r} / {f}")
        v = sum(res["curve"][shift]["verdicts"][1] for res in results)
        lines.append(
            f"| {shift:+g} | " + " | ".join(cells) + f" | {tot[0]} / {tot[1]} | {v} |"
        )
    return "\n".join(lines)


def _table(results: Sequence[dict[str, Any]]) -> str:
    lines = [
        "| split | lang | weights | stated | found | value right | false finds | r - f |",
        "|---|---|---|---|---|---|---|---|",
    ]
    groups = [(s, lang) for s in (*TUNING, "all") for lang in ("en", "ru", "all")]
    for split, lang in groups:
        for which in ("hand", "calibrated"):
            st = fo = vr = un = ff = 0
            for r in results:
                if split != "all" and r["split"] != split:
                    continue
                for lg, got in r[which].items():
                    if lg == "verdicts" or (lang != "all" and lg != lang):
                        continue
                    st, fo, vr, un, ff = (
                        a + b for a, b in zip((st, fo, vr, un, ff), got, strict=True)
                    )
            lines.append(
                f"| {split} | {lang} | {which} | {st} | {100 * fo / st:.1f} % | "
                f"{100 * vr / st:.1f} % ({vr}) | {ff} of {un} | {vr - ff} |"
            )
    for split in (*TUNING, "all"):
        for which in ("hand", "calibrated"):
            n = ok = 0
            for r in results:
                if split == "all" or r["split"] == split:
                    n += r[which]["verdicts"][0]
                    ok += r[which]["verdicts"][1]
            lines.append(f"verdicts {split} {which}: {ok} of {n} ({100 * ok / n:.1f} %)")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--loeo", action="store_true", help="leave-one-event-out: hand vs calibrated")
    ap.add_argument("--dump", type=Path, help="write every pair (JSON lines) to this file")
    ap.add_argument(
        "--curve", action="store_true",
        help="leave-one-event-out, right values / false finds at each threshold shift",
    )
    ap.add_argument("--jobs", type=int, default=1, help="folds run in parallel")
    ap.add_argument("--json", type=Path, help="--loeo: write the per-event results here")
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default: %(default)s)")
    ap.add_argument(
        "--model", choices=("pair", "choice", "hand"), default="pair",
        help="pair: logistic regression over pairs; choice: conditional logit of each cell's "
        "choice with abstaining; hand: the library's weights, only the threshold calibrated "
        "(default: %(default)s)",
    )
    ap.add_argument(
        "--cost", type=float, default=1.0,
        help="what a false find costs against a right value when the threshold is calibrated "
        "(default: %(default)s: cells right)",
    )
    ap.add_argument(
        "--unit-bias", action="store_true",
        help="the claims with a unit get an offset of their own (an experiment)",
    )
    args = ap.parse_args()
    global UNIT_BIAS
    UNIT_BIAS = args.unit_bias
    cells = dump()
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for c in cells:
                f.write(json.dumps(c.__dict__, default=lambda o: o.__dict__) + "\n")
    n_pairs = sum(len(c.pairs) for c in cells)
    print(
        f"{len(cells)} cells of value claims ({sum(c.stated for c in cells)} stated), "
        f"{n_pairs} pairs ({sum(p.right for c in cells for p in c.pairs)} right)",
        file=sys.stderr,
    )
    if args.curve:
        results = curve(cells, args.l2, args.model, args.jobs)
        print(_curve_table(results))
        if args.json:
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
        return
    if args.loeo:
        results = loeo(cells, args.l2, args.model, args.jobs, args.cost)
        print(_table(results))
        if args.json:
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
        return
    w = hand_weights() if args.model == "hand" else fit(cells, args.l2, args.model)
    t = calibrate(cells, w, args.cost)
    lib = to_library(w, t)
    print("feature            logit   hand (points)")
    for name, a, h in zip((*FEATURES, "bias"), w, hand_weights(), strict=True):
        print(f"{name:16} {a:8.3f} {h:8.2f}")
    print(f"threshold (logit) {t:.3f}")
    print(json.dumps({k: round(v, 2) for k, v in lib.items()}, indent=1))


if __name__ == "__main__":
    main()
