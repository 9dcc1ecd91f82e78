"""Baselines: what changed between a saved JSON report and a new run, and ``--fail-on``.

Claims are matched by id and findings by source id -- never by line numbers or positions --
so reordering claims or sources, or editing unrelated lines of the claims file or of a
source, is no change. A source whose id changed but whose file did not (an ``id:`` given or
edited in the manifest) is the same source: its cells are compared with the old id's.

What counts as a change (per claim, then per source):

* ``claim_added`` / ``claim_removed``: the claim id is only in the new / only in the old report
  (nothing else is reported for that claim; an added claim's change names its verdict and the
  first values it found);
* ``claim_renamed``: the claim's id changed but not its title and kind (an added and a removed
  claim of the same title and kind, one of each): ``old``/``new`` are the two ids, and the claim is
  then compared with its old self like any other (its cells' changes follow, under the new id);
* ``verdict_changed``: the verdict differs;
* ``newly_found``: not found before (or the source was not in the baseline), found now;
* ``no_longer_found``: found before, not found now (or the source was removed);
* ``value_changed``: found in both, and the normalized value or the qualifier differs;
* ``expected_changed``: the claim's ``expected`` value differs (added, removed or edited);
* ``expected_fit_changed``: found in both with the same value, but it fits the claim's
  ``expected`` in one report and not in the other (an ``expected`` or ``tolerance`` edit that
  turns a cell to "does not fit expected", or back, changes no value and no verdict).

Not a change on its own: a different quote, line, score, wording (``text``) of the same value,
``low``/``high`` (they follow from value, qualifier and tolerance; a tolerance edit that matters
shows up as a verdict change or a change of fit to ``expected``), or a near miss appearing or
disappearing. A source present in only one report changes nothing for the claims it does not
state.

Order is deterministic: the new report's claim order, then removed claims in the old report's
order; within a claim its renaming first, then the verdict change, then a change of
``expected``, then sources in the new report's order, then sources only in the old report in its
order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from kzclaims.model import VERDICTS, Change, ClaimResult, Finding, JSONValue, Report
from kzclaims.render.cells import compact_value, describe_finding

__all__ = ["FAIL_CONDITIONS", "diff_reports", "fail_conditions", "with_changes"]

# --fail-on conditions: every verdict, "changed" (any change since the baseline) and
# "mismatch" (a value found that does not match the claim's expected value).
FAIL_CONDITIONS: tuple[str, ...] = (*VERDICTS, "changed", "mismatch")

NOT_IN_BASELINE = "source not in the baseline"
SOURCE_REMOVED = "source removed"


def _same_value(a: JSONValue, b: JSONValue) -> bool:
    # (imported here: the CLI imports this module for every run, the JSON renderer is needed
    # only with a baseline or --format json)
    from kzclaims.render.json import normalize_value

    # normalize_value makes 2030 == 2030.0 and removes float noise; bools stay bools
    return normalize_value(a) == normalize_value(b) and _shape(a) == _shape(b)


def _shape(v: JSONValue) -> str:
    """Guard against ``True == 1``: a statement's ``true`` is not the number 1."""
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, list):
        return "list:" + ",".join(_shape(x) for x in v)
    return type(v).__name__


def _finding_changes(old_c: ClaimResult, new_c: ClaimResult, source: str, old: Finding | None,
                     new: Finding | None, *, old_has: bool, new_has: bool) -> Change | None:
    was_found = old is not None and old.found
    is_found = new is not None and new.found
    line, title = new_c.line, new_c.title

    def change(kind: str, before: str, after: str) -> Change:
        return Change(kind, new_c.id, source, before, after, title, line)  # type: ignore[arg-type]

    if was_found and is_found:
        assert old is not None and new is not None
        if not _same_value(old.value, new.value) or (old.qualifier or "exact") != (
            new.qualifier or "exact"
        ):
            return change("value_changed", describe_finding(old, old_c.kind),
                          describe_finding(new, new_c.kind))
        if (
            old.matches_expected is not None
            and new.matches_expected is not None
            and old.matches_expected != new.matches_expected
        ):
            return change("expected_fit_changed", _fit(old, old_c), _fit(new, new_c))
        return None
    if is_found:
        return change("newly_found", "not found" if old_has else NOT_IN_BASELINE,
                      describe_finding(new, new_c.kind))
    if was_found:
        return change("no_longer_found", describe_finding(old, old_c.kind),
                      "not found" if new_has else SOURCE_REMOVED)
    return None


#: how many sources' values a new claim's change names (then "N more")
ADDED_SHOWN = 3


def _added(c: ClaimResult, report: Report) -> str:
    """A new claim's verdict and the values it found, which is what a reviewer of the edit
    adding it needs: "single (Nordwire: 38 survivors)" (QA6 Q6)."""
    outlets = {s.id: s.outlet or s.id for s in report.sources}
    found = [f for f in c.findings if f.found]
    if not found:
        return c.verdict
    shown = [f"{outlets.get(f.source, f.source)}: {describe_finding(f, c.kind)}"
             for f in found[:ADDED_SHOWN]]
    if len(found) > ADDED_SHOWN:
        shown.append(f"{len(found) - ADDED_SHOWN} more")
    return f"{c.verdict} ({'; '.join(shown)})"


def _fit(f: Finding, c: ClaimResult) -> str:
    """ "2,030 troops, fits expected 2,000" / "2,030 troops, ≠ expected 5,000" """
    sign = "fits" if f.matches_expected else "≠"
    return f"{describe_finding(f, c.kind)}, {sign} expected {compact_value(c.expected, c.kind)}"


def _expected(c: ClaimResult) -> str:
    return compact_value(c.expected, c.kind) if c.has_expected else "none"


def _source_order(old: Report, new: Report) -> list[str]:
    ids = [s.id for s in new.sources]
    seen = set(ids)
    for s in old.sources:
        if s.id not in seen:
            ids.append(s.id)
            seen.add(s.id)
    return ids


def _ids_in(findings: Iterable[Finding]) -> list[str]:
    return [f.source for f in findings]


def _renamed(old: Report, new: Report) -> dict[str, str]:
    """The sources whose id changed but whose file did not (an id given or edited in the
    manifest): new id -> old id. Only when the file names one source in each report."""
    new_ids = {s.id for s in new.sources}
    old_ids = {s.id for s in old.sources}
    gone = [s for s in old.sources if s.id not in new_ids]
    came = [s for s in new.sources if s.id not in old_ids]
    gone_by_file = Counter(s.file for s in gone)
    came_by_file = Counter(s.file for s in came)
    was = {s.file: s.id for s in gone if gone_by_file[s.file] == 1}
    return {
        s.id: was[s.file] for s in came if came_by_file[s.file] == 1 and s.file in was
    }


def _renamed_claims(old: Report, new: Report) -> dict[str, str]:
    """The claims whose id changed but whose title and kind did not: new id -> old id. Only
    when that title and kind name one removed and one added claim (else no telling which)."""

    def key(c: ClaimResult) -> tuple[str, str]:
        return " ".join(c.title.split()).casefold(), c.kind

    new_ids = {c.id for c in new.claims}
    old_ids = {c.id for c in old.claims}
    gone = [c for c in old.claims if c.id not in new_ids and c.title.strip()]
    came = [c for c in new.claims if c.id not in old_ids and c.title.strip()]
    gone_by_key = Counter(key(c) for c in gone)
    came_by_key = Counter(key(c) for c in came)
    was = {key(c): c.id for c in gone if gone_by_key[key(c)] == 1}
    return {c.id: was[key(c)] for c in came if came_by_key[key(c)] == 1 and key(c) in was}


def diff_reports(old: Report, new: Report) -> tuple[Change, ...]:
    """The changes from ``old`` (the baseline) to ``new``; empty when nothing changed."""
    old_claims = {c.id: c for c in old.claims}
    new_ids = {c.id for c in new.claims}
    old_sources = {s.id for s in old.sources}
    new_sources = {s.id for s in new.sources}
    renamed = _renamed(old, new)
    gone = set(renamed.values())  # compared under their new ids
    order = [i for i in _source_order(old, new) if i not in gone]
    renamed_claims = _renamed_claims(old, new)
    changes: list[Change] = []
    for nc in new.claims:
        oc = old_claims.get(nc.id)
        if oc is None and nc.id in renamed_claims:
            oc = old_claims[renamed_claims[nc.id]]
            changes.append(
                Change("claim_renamed", nc.id, None, oc.id, nc.id, nc.title, nc.line)
            )
        if oc is None:
            changes.append(
                Change("claim_added", nc.id, None, None, _added(nc, new), nc.title, nc.line)
            )
            continue
        if oc.verdict != nc.verdict:
            changes.append(
                Change("verdict_changed", nc.id, None, oc.verdict, nc.verdict, nc.title, nc.line)
            )
        if oc.has_expected != nc.has_expected or (
            nc.has_expected and not _same_value(oc.expected, nc.expected)
        ):
            changes.append(
                Change("expected_changed", nc.id, None, _expected(oc), _expected(nc), nc.title,
                       nc.line)
            )
        # findings for sources the source lists do not name still count (a hand-edited report)
        ids = order + [
            i for i in _ids_in(nc.findings) + _ids_in(oc.findings)
            if i not in order and i not in gone
        ]
        for sid in dict.fromkeys(ids):
            was = renamed.get(sid, sid)  # the id it had in the baseline
            ch = _finding_changes(
                oc, nc, sid, oc.finding(was), nc.finding(sid),
                old_has=was in old_sources or oc.finding(was) is not None,
                new_has=sid in new_sources or nc.finding(sid) is not None,
            )
            if ch is not None:
                changes.append(ch)
    renamed_from = set(renamed_claims.values())
    for oc in old.claims:
        if oc.id not in new_ids and oc.id not in renamed_from:
            changes.append(Change("claim_removed", oc.id, None, oc.verdict, None, oc.title, 0))
    return tuple(changes)


def with_changes(report: Report, changes: Iterable[Change], baseline_file: str) -> Report:
    """The report carrying its changes since ``baseline_file`` (rendered by every format)."""
    return replace(report, changes=tuple(changes), baseline_file=baseline_file)


def _ids(claims: Iterable[ClaimResult], limit: int = 5) -> str:
    ids = [c.id for c in claims]
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def fail_conditions(report: Report, conditions: Iterable[str]) -> list[str]:
    """Why ``--fail-on`` triggers: one human-readable reason per condition met; [] = pass.

    ``conditions`` are names from :data:`FAIL_CONDITIONS` (a verdict, ``changed`` or
    ``mismatch``); an unknown name raises ValueError (the CLI reports it as a usage error).
    ``changed`` never triggers when the report was not compared with a baseline
    (``report.changes is None``); the CLI should refuse ``--fail-on changed`` without one.
    """
    wanted = set(conditions)
    unknown = sorted(wanted - set(FAIL_CONDITIONS))
    if unknown:
        raise ValueError(
            f"unknown --fail-on condition {', '.join(unknown)} "
            f"(choose from: {', '.join(FAIL_CONDITIONS)})"
        )
    reasons: list[str] = []
    for verdict in ("conflict", "consistent", "agree", "single", "missing"):  # alarming first
        if verdict not in wanted:
            continue
        hits = [c for c in report.claims if c.verdict == verdict]
        if hits:
            n = len(hits)
            reasons.append(f"{n} claim{'' if n == 1 else 's'} with verdict {verdict}: {_ids(hits)}")
    if "mismatch" in wanted:
        hits = [c for c in report.claims
                if c.has_expected and any(f.found and f.matches_expected is False
                                          for f in c.findings)]
        if hits:
            n = len(hits)
            reasons.append(f"{n} claim{'' if n == 1 else 's'} with a value that does not match "
                           f"the expected one: {_ids(hits)}")
    if "changed" in wanted and report.changes:
        n = len(report.changes)
        claims = list(dict.fromkeys(ch.claim for ch in report.changes))
        shown = ", ".join(claims[:5]) + (f" and {len(claims) - 5} more" if len(claims) > 5 else "")
        since = f" {report.baseline_file}" if report.baseline_file else " the baseline"
        reasons.append(f"{n} change{'' if n == 1 else 's'} since{since}: {shown}")
    return reasons
