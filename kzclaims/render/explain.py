"""``kzclaims explain``: the candidate passages, scores and values behind one claim's cells."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kzclaims.pipeline import STATEMENT_OFFSET, Explanation, SourceExplanation, as_written
from kzclaims.render.text import VERDICT_STYLE, format_value

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["SHOWN_SOURCES", "render_explanation", "shown_sources"]

#: over this many sources, explain lists the sources that give the claim, its near misses and
#: the closest others up to this many; one line counts the rest (QA9 Q19: 1,420 sources gave
#: 24,557 lines, nearly all of them unrelated passages of sources that never mention the claim)
SHOWN_SOURCES = 20


def _closeness(se: SourceExplanation) -> float:
    """How close a source came to the claim: its best passage's relevance."""
    return max((pr.match.score for pr in se.passages), default=-1.0)


def shown_sources(
    ex: Explanation, limit: int | None = SHOWN_SOURCES
) -> tuple[list[SourceExplanation], int, float]:
    """(the sources to list, in source order; how many are left out; the best relevance among
    those left out). Every source when there are at most ``limit`` (or ``limit`` is None);
    else those that give the claim or nearly do (a quote), and the closest others up to
    ``limit``."""
    sources = list(ex.sources)
    if limit is None or len(sources) <= limit:
        return sources, 0, -1.0
    keep = {id(se) for se in sources if se.finding.found or se.finding.quote is not None}
    others = sorted((se for se in sources if id(se) not in keep), key=_closeness, reverse=True)
    for se in others[: max(0, limit - len(keep))]:
        keep.add(id(se))
    left = [se for se in others if id(se) not in keep]
    return ([se for se in sources if id(se) in keep], len(left),
            max((_closeness(se) for se in left), default=-1.0))


def render_explanation(
    console: Console, ex: Explanation, limit: int | None = SHOWN_SOURCES
) -> None:
    """The claim, its phrasings, then each source's passages and values; over ``limit``
    sources only the ones :func:`shown_sources` keeps, and a line counting the others."""
    from rich.text import Text

    claim = ex.claim
    head = Text(claim.id, style="bold")
    head.append(f" — {claim.title}\n")
    head.append(f"kind {claim.kind}; threshold {ex.threshold:g}; ")
    head.append(f"verdict {ex.verdict}", style=VERDICT_STYLE.get(ex.verdict, ""))
    head.append("\nfind: " + " | ".join(f"“{p}”" for p in claim.find))
    if claim.unit:
        head.append("\nunit: " + ", ".join(claim.unit))
    bridged = {b.text: b for b in ex.bridges}
    # each phrasing's first bridged variant in full, its other variants (one per rank of
    # translation, with and without names) on one line: ten 3-line variants of one long
    # phrasing pushed the sources off the screen (QA6 Q8)
    variants: dict[tuple[str, str], list[str]] = {}
    for b in ex.bridges:
        more = variants.get((b.language, b.phrasing))
        if more is None:
            variants[(b.language, b.phrasing)] = []
            head.append(f"\nbridged into {b.language}: {b.describe()}", style="dim")
        else:
            more.append(b.text)
    for (language, phrasing), more in variants.items():
        if more:
            head.append(
                f"\n  and {len(more)} more from “{phrasing}” into {language}: "
                + " | ".join(f"“{t}”" for t in more),
                style="dim",
            )
    console.print(head)
    listed, left, closest = shown_sources(ex, limit)
    for se in listed:
        console.print()
        t = Text(f"{se.source.outlet}", style="bold")
        if se.source.outlet == se.source.id:  # no manifest outlet: the id said once
            t.append(f" ({se.source.file})")
        else:
            t.append(f" ({se.source.id}, {se.source.file})")
        f = se.finding
        if f.found:
            t.append("  → ")
            t.append(format_value(f, claim.kind), style="bold green")
            if claim.kind != "statement":
                t.append(f"  from “{f.text}”")
            if f.reference_date:
                t.append(f" (relative to {f.reference_date})")
        else:
            t.append("  → not found", style="dim")
            if f.why:
                t.append(f": {f.why}", style="dim")
        console.print(t)
        console.print(
            Text(f"  reads {se.source.language}: {se.conventions.describe()}", style="dim")
        )
        if se.dated:
            console.print(Text(f"  relative dates refer to {se.dated}", style="dim"))
        if not se.passages:
            console.print(Text("  no passage shares words with the phrasings", style="dim"))
            continue
        shown = {pr.match.text for pr in se.passages}
        if f.found and f.quote is not None and f.quote not in shown:
            extra = Text(
                f"  + read with the sentences after a passage, or found by its unit "
                f"({f.where or 'line ?'}):",
                style="",
            )
            extra.append(f"\n     “{f.quote}”", style="italic")
            if f.why:
                extra.append(f"\n     why: {f.why}", style="dim")
            console.print(extra)
        for i, pr in enumerate(se.passages, 1):
            m = pr.match
            mark = "above" if pr.above_threshold else "below"
            # a statement is found when relevance + STATEMENT_OFFSET reaches the threshold: show
            # that score (the one compare's evidence shows), not the relevance beside "above"
            line = Text(
                f"  {i}. {pr.where}, relevance {m.score:.1f}"
                + (
                    f", score {min(100.0, m.score + STATEMENT_OFFSET):.1f}"
                    f" ({mark} {ex.threshold:g})"
                    if claim.kind == "statement" else ""
                ),
                style="" if pr.above_threshold else "dim",
            )
            line.append(f", via “{m.phrasing}”", style="dim")
            if m.phrasing in bridged:
                line.append(f" (bridged from “{bridged[m.phrasing].phrasing}”)", style="dim")
            line.append(
                f"\n     “{m.text}”", style="italic" if pr.above_threshold else "dim italic"
            )
            console.print(line)
            if claim.kind == "statement":
                continue
            if not pr.candidates:
                console.print(Text(f"     no {claim.kind} value in this passage", style="dim"))
            joint = {id(js.candidate): js for js in pr.scores}
            for c in pr.candidates:
                # ✓ the value the cell took; → the best value of a passage that did not win
                # (a lower score, below the threshold, or a value another claim took first)
                best = pr.chosen is c
                # the value the cell took: its passage and its words (the best value of that
                # passage may have gone to another claim, and the cell to its second value)
                won = f.found and f.quote == m.text and f.text == as_written(m.text, c.value)
                v = Text(
                    "     ✓ " if won else "     → " if best else "     · ",
                    style="green" if won else "",
                )
                v.append(f"“{c.value.text}”", style="bold" if won else "")
                js = joint.get(id(c))
                if c.excluded or js is None:
                    v.append("  excluded")
                else:
                    side = "above" if js.joint >= ex.threshold else "below"
                    v.append(f"  score {min(100.0, max(0.0, js.joint)):.1f} ({side})")
                    v.append(
                        f"  = relevance {js.relevance:.1f}, near the value {js.local:.1f}"
                        f" (via “{js.via}”), fit {c.score:+.1f}",
                        style="dim",
                    )
                if c.reasons:
                    v.append(f"  ({'; '.join(c.reasons)})", style="dim")
                console.print(v)
    if left:
        console.print()
        best = (
            f"the best of their passages has relevance {closest:.1f}" if closest >= 0
            else "none of them shares words with the phrasings"
        )
        console.print(
            Text(
                f"and {left:,} other source{'s' * (left != 1)} that do not give the claim, not"
                f" listed: {best} (--all lists every source)",
                style="dim",
            )
        )
