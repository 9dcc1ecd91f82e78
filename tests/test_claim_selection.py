"""Asking for some claims (--claim) never changes their cells: every claim of the file competes
for a source's values (a value answers one claim) whichever claims are shown."""

from __future__ import annotations

from pathlib import Path

from kzclaims.claims import load_claims
from kzclaims.pipeline import compare
from kzclaims.sources import load_sources

ROOT = Path(__file__).resolve().parent.parent


def test_each_claim_alone_reads_as_in_the_full_run() -> None:
    claimset = load_claims(ROOT / "claims.yaml")
    corpus = load_sources(ROOT / "sources")
    full = {c.id: c for c in compare(claimset, corpus).claims}
    ids = [c.id for c in claimset.claims]
    for i in range(0, len(ids), 4):  # a few claims at a time: the cells must not move
        some = ids[i : i + 4]
        part = compare(claimset, corpus, some)
        assert [c.id for c in part.claims] == some
        for claim in part.claims:
            assert claim == full[claim.id], claim.id
