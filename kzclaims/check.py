"""``kzclaims check``: validate the claims file and the sources without comparing anything.

Every problem of both files is reported at once. Warnings (never fatal): source files the
manifest does not list, empty sources, and claims that no source mentions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kzclaims.claims import load_claims
from kzclaims.errors import InputError, Problem
from kzclaims.model import ClaimSet, Report
from kzclaims.sources import Corpus, load_sources

__all__ = ["run_check", "unmentioned_claims"]


def unmentioned_claims(
    claimset: ClaimSet, corpus: Corpus, explain_args: str = "", report: Report | None = None
) -> list[Problem]:
    """A warning for each claim that matches no passage in any source; ``explain_args`` are the
    options the hint's ``kzclaims explain`` needs to find the same files (``-c``, ``-s``);
    ``report``: the comparison of ``claimset`` with ``corpus``, when it was run already."""
    if report is None:
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
                f" see `kzclaims explain {claim.id}{explain_args}`)",
                "warning",
                "unmentioned-claim",
            )
        )
    return out


def _explain_args(claims_display: str, sources_display: str) -> str:
    """The ``-c``/``-s`` options that point ``kzclaims explain`` at the files checked, when they
    are not the ones it finds by itself (``claims.yaml`` and ``sources/`` here)."""
    import shlex

    args = ""
    if claims_display != "claims.yaml":
        args += f" -c {shlex.quote(claims_display)}"
    if sources_display.rstrip("/") != "sources":
        args += f" -s {shlex.quote(sources_display)}"
    return args


def run_check(
    claims: Path,
    sources: Path,
    claims_display: str,
    sources_display: str,
    *,
    mentions: bool = True,
    follow_symlinks: bool = False,
    progress: Callable[[int, int, int, int], None] | None = None,
) -> tuple[list[Problem], tuple[int, int]]:
    """Every problem with both inputs (errors and warnings), and the claims and sources counted.

    The search for unmentioned claims runs as ``compare`` does (:func:`kzclaims.execute.
    run_compare`: in shards, on every core, calling ``progress(files, files_total, bytes,
    bytes_total)``), so a corpus of thousands of files is neither slow nor silent (QA9 Q7)."""
    problems: list[Problem] = []
    claimset: ClaimSet | None = None
    corpus: Corpus | None = None
    try:
        claimset = load_claims(claims, claims_display)
    except InputError as exc:
        problems.extend(exc.problems)
    if claimset is not None:
        problems.extend(claimset.warnings)
    try:
        corpus = load_sources(sources, sources_display, follow_symlinks=follow_symlinks)
    except InputError as exc:
        problems.extend(exc.problems)
    if corpus is not None:
        problems.extend(corpus.warnings)
    if mentions and claimset is not None and corpus is not None:
        from kzclaims.execute import run_compare
        from kzclaims.sources import list_sources

        try:
            listing = list_sources(sources, sources_display, follow_symlinks=follow_symlinks)
            report = run_compare(claimset, listing, progress=progress).report
        except InputError as exc:  # (read once already: only a file changed meanwhile)
            problems.extend(exc.problems)
        else:
            problems.extend(
                unmentioned_claims(
                    claimset, corpus, _explain_args(claims_display, sources_display), report
                )
            )
    counts = (len(claimset.claims) if claimset else 0, len(corpus.sources) if corpus else 0)
    return in_file_order(problems), counts


def in_file_order(problems: list[Problem]) -> list[Problem]:
    """The problems of each file together, in line and column order (a file's own problems,
    with no line, first); files in the order their first problem came. Stable otherwise."""
    first: dict[str, int] = {}
    for p in problems:
        first.setdefault(p.path, len(first))
    return sorted(problems, key=lambda p: (first[p.path], p.line or 0, p.col or 0))
