"""The default, human format: a rich table, one row per claim and one column per source.

Pure functions of a Report: ``render_text(report, ...)`` returns the text (with ANSI colours when
asked). Cells are coloured by how each source relates to the others; a narrow terminal gets one
block per claim instead of a table, so that no value is ever cut.

Colour is never the only signal (``NO_COLOR``, a printout, colour blindness). The markers:

* ``!`` before a value: the outlier of a conflict, the source whose value disagrees with most of
  the others (:func:`kzclaims.compare.outliers`); only it is red, the sources that agree with
  each other keep their own colour. In a conflict with no majority (two sources, two equal
  camps) no cell is marked and every conflicting cell is red;
* ``≠ conflict`` in the verdict column: the values cannot all be true;
* ``≠ expected`` after a value: it does not fit the claim's ``expected``;
* ``≈`` about, ``≥`` at least, ``≤`` at most, ``—`` not found;
* ``⇄`` after a value (or ``—``): the agreement across sources changed the cell, to a value
  more other sources give, below the threshold because others give it, or dropped
  (``Finding.agreement``; ``--evidence`` says what the others gave).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from kzclaims.model import SUMMARY_ORDER, ClaimResult, Finding, Kind, Report
from kzclaims.render.cells import CHANGE_LABELS, cite, compact_value, outlet_names

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

__all__ = ["NeedsConsole", "PlainConsole", "Relation", "format_value", "relations", "render_text"]

Relation = Literal["agree", "consistent", "conflict", "single", "missing"]

STYLE: dict[str, str] = {
    "agree": "green",
    "consistent": "yellow",
    "conflict": "bold red",
    "single": "cyan",
    "missing": "dim",
}
VERDICT_STYLE: dict[str, str] = {
    "agree": "bold green",
    "consistent": "bold yellow",
    "conflict": "bold red",
    "single": "cyan",
    "missing": "dim",
}
#: narrowest a source column may get before the table gives way to one block per claim
MIN_COLUMN = 12
CLAIM_COLUMN = 30
VERDICT_COLUMN = 11


def format_value(finding: Finding, kind: Kind) -> str:
    """The normalized value with its qualifier: ``2,030``, ``≈20,000``, ``≤10 days``, ``3–4%``."""
    if not finding.found:
        return "—"
    if kind == "statement":
        return "stated"
    return compact_value(finding.value, kind, finding.qualifier)


def relations(claim: ClaimResult) -> dict[str, Relation]:
    """For each source: how its finding relates to the other sources' findings.

    ``agree`` same value and qualifier as every other finding; ``consistent`` different but
    overlapping every other; ``conflict`` fails to overlap at least one other; ``single`` the
    only finding; ``missing`` not found. When a conflict has outliers, only they are
    ``conflict``: the other sources are related among themselves.
    """
    from kzclaims.compare import findings_overlap, outliers

    odd = set(outliers(claim))
    found = [f for f in claim.findings if f.found and f.source not in odd]
    out: dict[str, Relation] = {}
    for f in claim.findings:
        if not f.found:
            out[f.source] = "missing"
            continue
        if f.source in odd:
            out[f.source] = "conflict"
            continue
        others = [g for g in found if g is not f]
        if not others:
            out[f.source] = "single"
        elif all(g.value == f.value and g.qualifier == f.qualifier for g in others):
            out[f.source] = "agree"
        elif claim.verdict == "conflict" and not odd and any(
            not findings_overlap(f, g, claim.kind) for g in others
        ):
            out[f.source] = "conflict"
        else:
            out[f.source] = "consistent"
    return out


def _cell(f: Finding, claim: ClaimResult, relation: Relation, odd: bool) -> RenderableType:
    from rich.text import Text

    if not f.found:
        return Text("— ⇄" if f.agreement else "—", style="dim")
    t = Text()
    if odd:
        t.append("! ", style="bold red")
    t.append(format_value(f, claim.kind), style=STYLE[relation])
    if f.matches_expected is False:
        t.append(" ≠ expected", style="bold magenta")
    if f.agreement:
        t.append(" ⇄", style="bold cyan")
    if claim.kind != "statement" and f.text:
        t.append("\n")
        t.append(f"“{f.text}”", style="dim italic")
    return t


def _verdict(claim: ClaimResult) -> RenderableType:
    from rich.text import Text

    t = Text(_verdict_word(claim), style=VERDICT_STYLE[claim.verdict])
    mark = _expected_mark(claim)
    if mark is not None:
        t.append("\n")
        t.append(mark, style="green" if mark == "expected ✓" else "bold magenta")
    return t


def _expected_mark(claim: ClaimResult) -> str | None:
    """``expected ✓`` when every value found fits the claim's expected value, ``expected ✗``
    when one does not, None without an expected value or a value found."""
    if not claim.has_expected:
        return None
    checked = [f.matches_expected for f in claim.findings if f.found]
    if not checked:
        return None
    return "expected ✓" if all(checked) else "expected ✗"


def _verdict_word(claim: ClaimResult) -> str:
    return "≠ conflict" if claim.verdict == "conflict" else claim.verdict


def _headers(report: Report) -> dict[str, str]:
    """Column titles: the outlet, and when two sources share it, the source id too."""
    count: dict[str, int] = {}
    for s in report.sources:
        count[s.outlet] = count.get(s.outlet, 0) + 1
    return {
        s.id: s.outlet if count[s.outlet] == 1 or s.id == s.outlet else f"{s.outlet} ({s.id})"
        for s in report.sources
    }


LEGEND = (
    "! outlier: disagrees with most other sources · ≠ conflict: the values cannot all be true"
    " · ≈ about · ≥ at least · ≤ at most · — not found"
)
#: added to the legend when a cell shows it
AGREE_LEGEND = " · ⇄ changed by what the other sources give (--evidence says how)"


def _claim_label(claim: ClaimResult) -> RenderableType:
    from rich.text import Text

    t = Text(claim.id, style="bold")
    t.append("\n")
    t.append(claim.title, style="")
    return t


def _summary(report: Report) -> str:
    counts: dict[str, int] = {}
    for c in report.claims:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    parts = [f"{counts[v]} {v}" for v in SUMMARY_ORDER if counts.get(v)]
    n, m = len(report.claims), len(report.sources)
    head = f"{n} claim{'s' * (n != 1)} × {m} source{'s' * (m != 1)}"
    return f"{head}: " + ", ".join(parts) if parts else head


def _claim_width(report: Report) -> int:
    """Wide enough for every claim id on one line (ids are never folded), within reason."""
    return min(max([len(c.id) for c in report.claims] + [12]), CLAIM_COLUMN) + 1  # + padding


def _source_width(report: Report, width: int) -> int:
    """The width each source column gets in a table ``width`` wide (0: the table does not fit)."""
    n = max(1, len(report.sources))
    # one space of padding between columns, none at the edges
    spare = width - _claim_width(report) - VERDICT_COLUMN - (n + 1) * 2
    per_source = min(spare // n, 28)
    # no value may be folded inside a column ("2022-01-05/2022-01-19"): "! " marks an outlier
    longest = max(
        (
            len(format_value(f, c.kind)) + 2
            for c in report.claims
            for f in c.findings
            if f.found
        ),
        default=0,
    )
    return per_source if per_source >= max(MIN_COLUMN, longest) else 0


def _table(report: Report, source_width: int) -> RenderableType:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=False, pad_edge=False)
    table.add_column("Claim", overflow="fold", width=_claim_width(report))
    headers = _headers(report)
    for s in report.sources:
        table.add_column(headers[s.id], overflow="fold", width=source_width)
    table.add_column("Verdict", no_wrap=True, width=VERDICT_COLUMN)
    from kzclaims.compare import outliers

    for claim in report.claims:
        rel = relations(claim)
        odd = set(outliers(claim))
        row: list[RenderableType] = [_claim_label(claim)]
        row += [_cell(f, claim, rel[f.source], f.source in odd) for f in claim.findings]
        row.append(_verdict(claim))
        table.add_row(*row)
    return table


def _blocks(report: Report) -> list[RenderableType]:
    """One block per claim, one line per source: for narrow terminals."""
    from rich.text import Text

    from kzclaims.compare import outliers

    outlets = _headers(report)
    out: list[RenderableType] = []
    for claim in report.claims:
        rel = relations(claim)
        odd = set(outliers(claim))
        t = Text()
        t.append(claim.id, style="bold")
        t.append("  ")
        t.append(_verdict_word(claim), style=VERDICT_STYLE[claim.verdict])
        mark = _expected_mark(claim)
        if mark is not None:  # the same mark as the table's verdict column
            t.append(f"  {mark}", style="green" if mark == "expected ✓" else "bold magenta")
        t.append(f"\n{claim.title}\n")
        for f in claim.findings:
            t.append(f"  {outlets.get(f.source, f.source)}: ")
            if f.source in odd:
                t.append("! ", style="bold red")
            if f.found:
                t.append(format_value(f, claim.kind), style=STYLE[rel[f.source]])
                if f.matches_expected is False:
                    t.append(" ≠ expected", style="bold magenta")
                if f.agreement:
                    t.append(" ⇄", style="bold cyan")
                if claim.kind != "statement" and f.text:
                    t.append(f"  “{f.text}”", style="dim italic")
            else:
                t.append("— ⇄" if f.agreement else "—", style="dim")
            t.append("\n")
        out.append(t)
    return out


def _evidence(report: Report) -> list[RenderableType]:
    from rich.text import Text

    outlets = {s.id: s for s in report.sources}
    out: list[RenderableType] = [Text("Evidence", style="bold underline")]
    for claim in report.claims:
        t = Text()
        t.append(f"{claim.id}", style="bold")
        t.append(f" — {claim.title} ")
        t.append(f"[{claim.verdict}]", style=VERDICT_STYLE[claim.verdict])
        any_quote = False
        for f in claim.findings:
            if f.quote is None:
                continue
            any_quote = True
            src = outlets.get(f.source)
            where = cite(src.file if src else f.source, f)
            t.append(
                f"\n  {src.outlet if src else f.source} ({where}, score {f.score})",
                style="" if f.found else "dim",
            )
            if not f.found:
                t.append(f" — {f.why or 'not found'}", style="dim")
            t.append(f"\n    “{f.quote}”", style="italic" if f.found else "dim italic")
            if f.found and claim.kind != "statement":
                t.append(f"\n    read “{f.text}” → {format_value(f, claim.kind)}", style="")
                if f.reference_date:
                    t.append(f" (relative to {f.reference_date})", style="")
                if f.why:
                    t.append(f"\n    why: {f.why}", style="dim")
        if not any_quote:
            t.append("\n  not found in any source", style="dim")
        out.append(t)
    return out


def render_to(console: Console, report: Report, evidence: bool = False) -> None:
    """Print the report on a rich console (its width and colour settings decide the layout)."""
    from rich.text import Text

    heading = Text(report.title or "kzclaims", style="bold")
    heading.append(f" — {_summary(report)}", style="")
    console.print(heading)
    if report.compact:  # a large run: a summary per claim, not a cell per source
        from kzclaims.render.summary import summary_lines

        for c in report.claims:
            console.print(Text(f"{c.id}  {c.verdict}", style="bold"))
            console.print(Text(c.title))
            for line in summary_lines(report, c):
                console.print(Text(f"  {line}"))
            console.print()
        return
    if report.claims:
        source_width = _source_width(report, console.width)
        if source_width:
            console.print(_table(report, source_width))
        else:
            for block in _blocks(report):
                console.print(block)
        agreed = any(f.agreement for c in report.claims for f in c.findings)
        if agreed or any(c.verdict == "conflict" for c in report.claims):
            console.print(Text(LEGEND + AGREE_LEGEND * agreed, style="dim"))
    if evidence:
        console.print()
        for block in _evidence(report):
            console.print(block)


def render_text(
    report: Report, *, width: int = 100, color: bool = False, evidence: bool = False
) -> str:
    """The text format as a string (used for --output and in tests)."""
    import io

    from rich.console import Console

    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        legacy_windows=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    render_to(console, report, evidence)
    return buf.getvalue()


def render_changes(console: Console, report: Report) -> None:
    """What changed since the baseline (report.changes), one line per change."""
    from rich.text import Text

    changes = report.changes or ()
    base = report.baseline_file or "the baseline"
    if not changes:
        console.print(Text(f"No changes since {base}.", style="green"))
        return
    n = len(changes)
    console.print(Text(f"{n} change{'s' * (n != 1)} since {base}:", style="bold"))
    outlets = outlet_names(report)  # "Outlet 39 (doc-000233)" when two sources share an outlet
    for ch in changes:
        t = Text("  ")
        t.append(CHANGE_LABELS.get(ch.kind, ch.kind), style="bold yellow")
        t.append(f"  {ch.claim}")
        if ch.source:
            t.append(f" / {outlets.get(ch.source, ch.source)}")
        if ch.old is not None or ch.new is not None:
            t.append(
                f": {'—' if ch.old is None else ch.old} → {'—' if ch.new is None else ch.new}"
            )
        # one line per change, never wrapped mid-value (a terminal wraps it for the eye; piped,
        # it stays one record to grep)
        console.print(t, soft_wrap=True)


class NeedsConsole(Exception):
    """Raised by :class:`PlainConsole` for what only a rich ``Console`` draws (a table, print
    options): the caller draws it all again on one."""


class PlainConsole:
    """The part of a rich ``Console`` that :func:`render_to` and :func:`render_changes` use,
    for output that is not a terminal and has no colour: the text of each ``Text`` printed,
    wrapped by rich's own ``Text.wrap`` at :attr:`width`, as ``Console.print`` wraps it there
    (rich's "default" justification, "fold" overflow, tabs of 8; ``soft_wrap=True``: not
    wrapped). Without importing ``rich.console`` and building a console (~10 ms of the bundled
    ``compare``, issue 8). Anything else raises :class:`NeedsConsole`.
    ``tests/test_render.py`` compares it with a rich ``Console`` writing to a file."""

    is_terminal = False

    def __init__(self, width: int) -> None:
        self.width = width
        self._parts: list[str] = []

    def print(self, *objects: object, **options: object) -> None:
        from rich.text import Text

        soft_wrap = options.pop("soft_wrap", False)
        if options or soft_wrap not in (True, False):
            raise NeedsConsole(", ".join(options))
        if not objects:
            self._parts.append("\n")
            return
        if len(objects) != 1 or type(objects[0]) is not Text:
            raise NeedsConsole
        # Console.print joins the texts it prints into one (end "\n"), which its Text.wrap
        # then wraps (console.py, _collect_renderables and Text.__rich_console__)
        text = Text(" ", end="\n").join([objects[0]])
        if soft_wrap:
            lines = text.wrap(None, self.width, overflow="ignore", tab_size=8, no_wrap=True)  # type: ignore[arg-type]
        else:
            lines = text.wrap(None, self.width, justify="default", overflow="fold", tab_size=8)  # type: ignore[arg-type]
        self._parts.append("\n".join(line.plain for line in lines))
        self._parts.append("\n")

    def __getattr__(self, name: str) -> object:
        raise NeedsConsole(name)

    def getvalue(self) -> str:
        """What was printed."""
        return "".join(self._parts)
