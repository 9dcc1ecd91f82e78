"""Compare ways of locating a claim and choosing its value, on the dev half of the blind set.

    python benchmarks/matching_study.py            # every variant, dev half (the only half
                                                   # this script ever reads)

Each variant is the library's pipeline with some of its parts switched off or on (module
constants and functions patched for the run). For each variant every cell is read once with
no threshold (the best (passage, value) pair of each source and its joint score), then the
threshold is swept: a cell is "found" when its best pair reaches it. A cell is right when the
source states the fact and the value is the gold value, or when the source does not state it
and nothing is found. The threshold that makes the most cells right is the variant's calibrated
threshold; the table shows found-recall, value right and false finds at that threshold.

This is a development measurement: the weights and the default threshold chosen from it are
tuned on these events. The held-out figure comes from ``benchmarks/claims.py --split test``.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import claims as grading  # noqa: E402

import kzclaims.joint as joint  # noqa: E402
import kzclaims.match as match  # noqa: E402
import kzclaims.pipeline as pipeline  # noqa: E402
from kzclaims.claims import load_claims  # noqa: E402
from kzclaims.sources import load_sources  # noqa: E402

Cell = tuple[bool, bool, float, bool]  # (stated, value right, joint score, a statement)


@contextlib.contextmanager
def patched(changes: dict[tuple[Any, str], Any]) -> Iterator[None]:
    old = {k: getattr(k[0], k[1]) for k in changes}
    try:
        for (obj, name), v in changes.items():
            setattr(obj, name, v)
        match._PHRASES.clear()
        joint._SIMS.clear()
        joint._hits.cache_clear()
        yield
    finally:
        for (obj, name), v in old.items():
            setattr(obj, name, v)
        match._PHRASES.clear()
        joint._SIMS.clear()
        joint._hits.cache_clear()


def cells(split: str = "dev", lang: str = "en") -> list[Cell]:
    """Every cell of the half with the best pair's score (threshold 0: nothing abstains)."""
    out: list[Cell] = []
    for event in grading.named_events([split]):
        claimset = load_claims(event.path / "claims.yaml")
        corpus = load_sources(event.path / "sources")
        language = {s.id: s.language for s in corpus.sources}
        # threshold 0: every source gives its best pair; the passages read are still those
        # above the search floor, as in a real run
        with patched({(pipeline, "search_floor"): lambda t: pipeline.SEARCH_FLOOR}):
            report = pipeline.compare(claimset, corpus, threshold=0.0)
        kinds = {c.id: c.kind for c in claimset.claims}
        for result in report.claims:
            fact = event.claim_fact.get(result.id)
            for f in result.findings:
                if (language.get(f.source) or "en") != lang:
                    continue
                want = event.stated.get(f.source, {}).get(fact) if fact else None
                right = False
                if want is not None and f.found:
                    gold = grading.gold_json(kinds[result.id], want["value"])
                    right = grading.same_value(f.value, gold)
                score = float(f.score or 0.0) if f.found else -1.0
                out.append((want is not None, right, score, kinds[result.id] == "statement"))
    return out


def calibrate(cells: list[Cell], statements: bool | None = None) -> dict[str, Any]:
    """The threshold that makes the most cells right, and the figures there (statement claims
    only, value claims only, or all when ``statements`` is None)."""
    cs = [c[:3] for c in cells if statements is None or c[3] == statements]
    best: dict[str, Any] = {}
    for t in [x / 2 for x in range(0, 201)]:
        stated = sum(1 for s, _, _ in cs if s)
        found = sum(1 for s, _, sc in cs if s and sc >= t)
        right = sum(1 for s, r, sc in cs if s and r and sc >= t)
        false = sum(1 for s, _, sc in cs if not s and sc >= t)
        abstained = sum(1 for s, _, sc in cs if not s and sc < t)
        ok = right + abstained
        if not best or ok > best["ok"]:
            best = {
                "threshold": t,
                "ok": ok,
                "cells": len(cs),
                "found_recall": round(100 * found / stated, 1),
                "value_right": round(100 * right / stated, 1),
                "false_finds": false,
                "unstated": len(cs) - stated,
            }
    return best


def _no_idf(self: joint.SourceStats, word: str, similar: Any = ()) -> float:
    return 1.0


def _lemmatized() -> dict[tuple[Any, str], Any]:
    """tokens() and _tokens_many() with every word replaced by its simplemma lemma (English)."""
    import simplemma

    cache: dict[str, str] = {}

    def lem(w: str) -> str:
        got = cache.get(w)
        if got is None:
            got = cache[w] = w if w[:1].isdigit() else simplemma.lemmatize(w, lang="en").lower()
        return got

    tokens, many = match.tokens, match._tokens_many

    def tokens2(text: str, language: str = "en") -> list[str]:
        words = tokens(text, language)
        return [lem(w) for w in words] if language == "en" else words

    def many2(texts: Any, language: str = "en") -> list[list[str]]:
        got = many(texts, language)
        return [[lem(w) for w in ws] for ws in got] if language == "en" else got

    return {(match, "tokens"): tokens2, (match, "_tokens_many"): many2}


def _embedded(cutoff: float = 0.5) -> dict[tuple[Any, str], Any]:
    """Word similarity also from wordllama's static embeddings (cosine >= cutoff counts as a
    synonym would): in the word table of the index and in the local score."""
    from pathlib import Path as _P

    import wordllama
    from wordllama import WordLlama

    wl = WordLlama.load(cache_dir=_P(wordllama.__file__).parent)
    vec: dict[str, Any] = {}

    def emb(w: str) -> Any:
        if w not in vec:
            vec[w] = wl.embed([w], norm=True)[0]
        return vec[w]

    ratio, expand = match._ratio, match.Lexicon.expand

    def sim(a: str, b: str) -> float:
        if a[:1].isdigit() or b[:1].isdigit():
            return 0.0
        c = float(emb(a) @ emb(b))
        return min(match.SYNONYM_CREDIT, c) if c >= cutoff else 0.0

    def ratio2(a: str, b: str) -> float:
        return max(ratio(a, b), sim(a, b))

    def expand2(self: match.Lexicon, word: str) -> list[tuple[str, float]]:
        got = dict(expand(self, word))
        for v in self._known:
            s = sim(word, v)
            if s > got.get(v, 0.0):
                got[v] = s
        return sorted(got.items())

    return {(match, "_ratio"): ratio2, (match.Lexicon, "expand"): expand2}


def variants() -> dict[str, Any]:
    P, J = pipeline, joint
    return {
        "relevance only (passage first)": {
            (P, "TOPIC_WEIGHT"): 1.0, (P, "LOCAL_WEIGHT"): 0.0, (P, "FIT_WEIGHT"): 0.0
        },
        "relevance + value fit": {(P, "TOPIC_WEIGHT"): 1.0, (P, "LOCAL_WEIGHT"): 0.0},
        "relevance + local (no IDF) + fit": {(J.SourceStats, "idf"): _no_idf},
        "relevance + local (IDF) + fit": {},
        "  same, without the title as a phrasing": {(P, "TITLE_NOT_SEARCHED"): frozenset(
            ("count", "number", "percent", "date", "date_range", "duration", "statement")
        )},
        "  same, local weight 2": {(P, "TOPIC_WEIGHT"): 1 / 3, (P, "LOCAL_WEIGHT"): 2 / 3},
        "  same, fit weight 0.25": {(P, "FIT_WEIGHT"): 0.25},
        "  same, fit weight 1": {(P, "FIT_WEIGHT"): 1.0},
        "  same, nearness 3 words": {(J, "NEAR_WORDS"): 3.0},
        "  same, nearness 12 words": {(J, "NEAR_WORDS"): 12.0},
        "  same, lemmas (simplemma)": "lemmas",
        "  same, word embeddings (wordllama)": "embeddings",
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", default="en", help="source language to grade (default: en)")
    ap.add_argument("--only", help="run only the variants whose name contains this")
    args = ap.parse_args()
    print(
        f"{'variant':40} {'thresh':>6} {'right':>9} {'found':>6} {'value':>6} {'false':>8} "
        f"{'s':>5}"
    )
    for name, changes in variants().items():
        if args.only and args.only not in name:
            continue
        if changes == "lemmas":
            changes = _lemmatized()
        elif changes == "embeddings":
            changes = _embedded()
        t0 = time.perf_counter()
        with patched(changes):
            got = calibrate(cells("dev", args.lang), statements=False)
        dt = time.perf_counter() - t0
        print(
            f"{name:40} {got['threshold']:6.1f} {got['ok']:4}/{got['cells']:<4} "
            f"{got['found_recall']:6.1f} {got['value_right']:6.1f} "
            f"{got['false_finds']:3}/{got['unstated']:<4} {dt:5.1f}"
        )
    with patched({}):
        cs = cells("dev", args.lang)
    for label, which in (("statement claims", True), ("all claims, one threshold", None)):
        got = calibrate(cs, statements=which)
        print(
            f"{label:40} {got['threshold']:6.1f} {got['ok']:4}/{got['cells']:<4} "
            f"{got['found_recall']:6.1f} {got['value_right']:6.1f} "
            f"{got['false_finds']:3}/{got['unstated']:<4}"
        )


if __name__ == "__main__":
    main()

