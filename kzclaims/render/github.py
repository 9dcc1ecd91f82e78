"""GitHub Actions workflow commands (``--format github``): annotations on the claims file.

Mapping (kept simple on purpose):

* a claim whose sources conflict -> ``::error`` on the claim's line in the claims file;
* each change since the baseline -> ``::warning`` (on the claim's line; a removed claim has no
  line any more, so the annotation is on the file);
* a claim found in no source -> ``::notice``.

Escaping is GitHub's (actions/toolkit ``command.ts``): message data ``%`` -> ``%25``,
``\\r`` -> ``%0D``, ``\\n`` -> ``%0A``; property values additionally ``:`` -> ``%3A`` and
``,`` -> ``%2C``.

Limits. GitHub documents "GitHub Actions are limited to 10 warning annotations and 10 error
annotations per step" (REST API docs, Checks > Check runs, ``output.annotations``:
https://docs.github.com/en/rest/checks/runs) and, in actions/toolkit ``docs/problem-matchers.md``
("Limitations", added in actions/toolkit#734): 10 warning and 10 error annotations per step and
50 annotations per job. Notices are not covered by either text; we assume the same cap of 10
(not verified). Annotations past the cap are silently dropped by GitHub, so we print at most
:data:`ANNOTATIONS_PER_LEVEL` of each level, the first ones in report order, and then ONE notice
counting the rest (it takes one of the 10 notice slots). At most 30 annotations per step,
inside the 50 per job.
"""

from __future__ import annotations

from kzclaims.errors import Problem
from kzclaims.model import Change, ClaimResult, Report
from kzclaims.render.cells import cite, compact_value, finding_cell, outlet_names
from kzclaims.render.markdown import CHANGE_LABELS

__all__ = ["ANNOTATIONS_PER_LEVEL", "escape_data", "escape_property", "problem_annotation",
           "render_github", "workflow_command"]

ANNOTATIONS_PER_LEVEL = 10


def escape_data(s: str) -> str:
    """Escape a workflow command's message (the part after ``::``)."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """Escape a workflow command's property value (``file=``, ``title=``, ...)."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, message: str, **properties: str | int | None) -> str:
    """``::command key=value,...::message`` with both parts escaped; None properties dropped."""
    props = ",".join(
        f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None
    )
    return f"::{command}{' ' + props if props else ''}::{escape_data(message)}"


def _conflict(report: Report, c: ClaimResult, names: dict[str, str], files: dict[str, str]
              ) -> str:
    lines = [f"The sources' values for {c.id} do not overlap:"]
    for f in c.findings:
        if not f.found:
            continue
        where = cite(files[f.source], f) if files.get(f.source) else ""
        lines.append(f"- {names.get(f.source, f.source)}: {finding_cell(f, c.kind)}"
                     + (f" ({where})" if where else ""))
    return workflow_command(
        "error", "\n".join(lines), file=report.claims_file or None,
        line=c.line or None, title=f"Conflict: {c.title}",
    )


def _change(report: Report, ch: Change, names: dict[str, str]) -> str:
    label = CHANGE_LABELS.get(ch.kind, ch.kind)
    what = f"{ch.claim}" + (f" / {names.get(ch.source, ch.source)}" if ch.source else "")
    if ch.kind == "claim_added":
        detail = f"verdict {ch.new}" if ch.new else ""
    elif ch.kind == "claim_removed":
        detail = f"its verdict was {ch.old}" if ch.old else ""
    elif ch.old is not None and ch.new is not None:
        detail = f"{ch.old} -> {ch.new}"
    else:
        detail = ch.new if ch.new is not None else (ch.old or "")
    message = f"{what}: {label} since the baseline" + (f": {detail}" if detail else "")
    return workflow_command(
        "warning", message, file=report.claims_file or None, line=ch.line or None,
        title=f"Changed since baseline: {ch.title or ch.claim}",
    )


def _mismatch(report: Report, c: ClaimResult, names: dict[str, str]) -> str:
    wrong = [f for f in c.findings if f.found and f.matches_expected is False]
    lines = [f"{c.id}: a value does not fit the expected {compact_value(c.expected, c.kind)}:"]
    lines += [f"- {names.get(f.source, f.source)}: {finding_cell(f, c.kind)}" for f in wrong]
    return workflow_command(
        "warning", "\n".join(lines), file=report.claims_file or None,
        line=c.line or None, title=f"Not as expected: {c.title}",
    )


def _missing(report: Report, c: ClaimResult) -> str:
    n = len(report.sources)
    where = "the only source" if n == 1 else f"any of the {n} sources"
    return workflow_command(
        "notice", f"{c.id}: not found in {where}.", file=report.claims_file or None,
        line=c.line or None, title=f"Not found: {c.title}",
    )


def render_github(report: Report, *, limit: int = ANNOTATIONS_PER_LEVEL) -> str:
    """Workflow commands, one per line (empty string when there is nothing to annotate).

    ``limit`` is the number of annotations of one level GitHub displays per step.
    """
    names = outlet_names(report)
    files = {s.id: s.file for s in report.sources}
    errors = [_conflict(report, c, names, files) for c in report.claims
              if c.verdict == "conflict"]
    warnings = [_change(report, ch, names) for ch in report.changes or ()]
    warnings += [  # a conflict is already an error; here: one source, or compatible ones
        _mismatch(report, c, names)
        for c in report.claims
        if c.verdict != "conflict"
        and any(f.found and f.matches_expected is False for f in c.findings)
    ]
    notices = [_missing(report, c) for c in report.claims if c.verdict == "missing"]

    limit = max(limit, 1)
    hidden = {
        "error": max(len(errors) - limit, 0),
        "warning": max(len(warnings) - limit, 0),
        "notice": 0,
    }
    shown_notices = notices
    if hidden["error"] or hidden["warning"] or len(notices) > limit:
        shown_notices = notices[: limit - 1]  # keep a slot for the overflow notice
        hidden["notice"] = len(notices) - len(shown_notices)
    out = errors[:limit] + warnings[:limit] + shown_notices
    total_hidden = sum(hidden.values())
    if total_hidden:
        parts = [f"{n} {level}{'' if n == 1 else 's'}" for level, n in hidden.items() if n]
        out.append(workflow_command(
            "notice",
            f"{total_hidden} more annotation{'' if total_hidden == 1 else 's'} not shown "
            f"({', '.join(parts)}): GitHub displays at most {limit} of each level per step; "
            "see the job summary or the JSON report for all of them.",
            title="More kzclaims annotations not shown",
        ))
    return "".join(line + "\n" for line in out)


def problem_annotation(problem: Problem) -> str:
    """An input problem (``kzclaims check``) as one ``::error``/``::warning`` command.

    No trailing newline. The position goes into ``line``/``col`` when known.
    """
    return workflow_command(
        "warning" if problem.severity == "warning" else "error",
        problem.message,
        file=problem.path or None,
        line=problem.line,
        col=problem.col if problem.line is not None else None,
        title=f"kzclaims: {problem.code}",
    )
