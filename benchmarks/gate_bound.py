"""What a gate can buy (issue 8): the search of a corpus in process with the gate as it is and
with gates that are *not* the product's, to bound what any tighter gate could buy.

    python benchmarks/gate_bound.py CORPUS_DIR [--variants base,oracle,oracle-free,...]

``CORPUS_DIR`` holds ``claims.yaml`` and ``sources/`` (e.g. a corpus of
``benchmarks/scale_corpus.py``). The sources are searched in shards as ``compare`` does
(``ShardSearch``, one process, no start-up, no report); for each variant it prints the CPU
seconds of the search, of the gate alone, MB per CPU second, the candidate documents, the
(document, claim) pairs searched and the cells (found or near misses with a quote). Variants:

- ``base``: the gate as it is (lossless: ``tests/test_gate.py``);
- ``oracle``: the real gate runs (its cost counted), then only the pairs where ``base`` gave a
  cell are kept: the result of a perfect lossless gate that costs what today's does;
- ``oracle-free``: the same pairs without running the gate at all: a perfect gate that costs
  nothing. No lossless gate can do better than this;
- ``nounit``: the gate never assumes that a value may count a claim's unit (NOT lossless: more
  than a perfect bound on the value reader's noun could cut; its cells are fewer);
- ``cooc2``: a passage counts for a claim only when it holds two distinct content words of one
  phrasing (all of them when it has fewer) (NOT lossless; its cells are fewer).

Only ``base`` is the product; the other variants are measurements, never a figure of kzclaims.
"""

from __future__ import annotations

import argparse
import resource
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import kzclaims.match as match  # noqa: E402
from kzclaims.claims import load_claims  # noqa: E402
from kzclaims.model import Claim, Source  # noqa: E402
from kzclaims.pipeline import ShardSearch, shards  # noqa: E402
from kzclaims.sources import load_sources  # noqa: E402

VARIANTS = ("base", "oracle", "oracle-free", "nounit", "cooc2")


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _cooc(least: int) -> Callable[..., dict[int, float]]:
    """``KeyFilter._relevance`` counting only the phrasings of which a passage holds ``least``
    distinct content words (all when a phrasing has fewer)."""
    plain = match.KeyFilter._relevance

    def relevance(
        self: match.KeyFilter, cover: dict[int, dict[int, float]], qs: set[int],
        stops: set[str] | None = None,
    ) -> dict[int, float]:
        keep = {}
        for ph, got in cover.items():
            slot = self._slot[ph]
            present = len(got) if slot is None else len({slot[i] for i in got})
            if present >= min(least, self._distinct[ph]):
                keep[ph] = got
        return plain(self, keep, qs, stops)

    return relevance


def run(
    claims: Sequence[Claim], sources: Sequence[Source], variant: str,
    cells_of: dict[int, set[int]] | None = None,
) -> tuple[dict[str, Any], dict[int, set[int]]]:
    """One search of ``sources``; (figures, the claims with a cell per source number)."""
    plain_relevance = match.KeyFilter._relevance
    if variant == "cooc2":
        match.KeyFilter._relevance = _cooc(2)  # type: ignore[method-assign]
    try:
        state = ShardSearch(tuple(claims))
        gate = state.keys
        if variant == "nounit":
            gate._units = [() for _ in gate._units]
            gate._always_units = match._NONE
        real = gate.claims_for
        spent = [0.0]
        offset = [0]
        candidates = pairs = 0

        def claims_for(
            texts: Sequence[str], languages: Sequence[str] | None = None
        ) -> list[set[int]]:
            nonlocal candidates, pairs
            t = _cpu()
            first = offset[0]
            if variant == "oracle-free":
                assert cells_of is not None
                out = [set(cells_of.get(first + k, ())) for k in range(len(texts))]
                gate.sentences = {}
            else:
                out = real(texts, languages)
                if variant == "oracle":
                    assert cells_of is not None
                    out = [w & cells_of.get(first + k, set()) for k, w in enumerate(out)]
            spent[0] += _cpu() - t
            candidates += sum(1 for w in out if w)
            pairs += sum(len(w) for w in out)
            return out

        gate.claims_for = claims_for  # type: ignore[method-assign]
        found: dict[int, set[int]] = {}
        t0 = _cpu()
        for part in shards([s.size for s in sources]):
            offset[0] = part.start
            for k, outcome in zip(part, state.search(sources[part.start : part.stop]), strict=True):
                if outcome.cells:
                    found[k] = {q for q, _, _ in outcome.cells}
        total = _cpu() - t0
    finally:
        match.KeyFilter._relevance = plain_relevance  # type: ignore[method-assign]
    mb = sum(s.size for s in sources) / 1e6
    figures = {
        "variant": variant, "MB": round(mb, 2), "documents": len(sources),
        "CPU seconds": round(total, 1), "gate CPU seconds": round(spent[0], 1),
        "MB per CPU second": round(mb / total, 2), "candidate documents": candidates,
        "pairs": pairs, "cells": sum(len(v) for v in found.values()),
    }
    return figures, found


def main(argv: list[str] | None = None) -> int:
    import json

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--variants", default=",".join(VARIANTS))
    a = ap.parse_args(argv)
    variants = [v for v in a.variants.split(",") if v]
    if not set(variants) <= set(VARIANTS):
        ap.error(f"--variants: some of {', '.join(VARIANTS)}")
    claims = load_claims(a.corpus / "claims.yaml").claims
    sources = list(load_sources(a.corpus / "sources").sources)
    cells: dict[int, set[int]] | None = None
    if {"oracle", "oracle-free"} & set(variants) and "base" not in variants:
        variants.insert(0, "base")
    for variant in sorted(variants, key=lambda v: v != "base"):
        figures, found = run(claims, sources, variant, cells)
        if variant == "base":
            cells = found
        print(json.dumps({"corpus": a.corpus.name, **figures}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
