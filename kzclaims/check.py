"""``kzclaims check``: validate the claims file and the sources without comparing anything.

Every problem of both files is reported at once. Warnings (never fatal): source files the
manifest does not list, empty sources, and claims that no source mentions.
"""

from __future__ import annotations

from pathlib import Path

from kzclaims.claims import load_claims
from kzclaims.errors import InputError, Problem
from kzclaims.model import ClaimSet
from kzclaims.sources import Corpus, load_sources

__all__ = ["run_check", "unmentioned_claims"]


def unmentioned_claims(claimset: ClaimSet, corpus: Corpus) -> list[Problem]:
    """A warning for each claim that matches no passage in any source."""
    from kzclaims.pipeline import compare

    report = compare(claimset, corpus)
    by_id = {c.id: c for c in claimset.claims}
    out: list[Problem] = []
    for result in report.claims:
        if any(f.found or f.quote is not None for f in result.findings):
            continue
        claim = by_id[result.id]
        out.append(
            Problem(
                claimset.path,
                claim.line,
                claim.col,
                f"claim `{claim.id}` is not mentioned by any source"
                f" (no passage scores {claim.threshold:g} or more;"
                f" see `kzclaims explain {claim.id}`)",
                "warning",
                "unmentioned-claim",
            )
        )
    return out


def run_check(
    claims: Path,
    sources: Path,
    claims_display: str,
    sources_display: str,
    *,
    mentions: bool = True,
    follow_symlinks: bool = False,
) -> tuple[list[Problem], tuple[int, int]]:
    """Every problem with both inputs (errors and warnings), and the claims and sources counted."""
    problems: list[Problem] = []
    claimset: ClaimSet | None = None
    corpus: Corpus | None = None
    try:
        claimset = load_claims(claims, claims_display)
    except InputError as exc:
        problems.extend(exc.problems)
    try:
        corpus = load_sources(sources, sources_display, follow_symlinks=follow_symlinks)
    except InputError as exc:
        problems.extend(exc.problems)
    if corpus is not None:
        problems.extend(corpus.warnings)
    if mentions and claimset is not None and corpus is not None:
        problems.extend(unmentioned_claims(claimset, corpus))
    counts = (len(claimset.claims) if claimset else 0, len(corpus.sources) if corpus else 0)
    return problems, counts
