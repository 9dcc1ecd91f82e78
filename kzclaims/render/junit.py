"""JUnit XML (``--format junit``) for CI systems that display test results.

One ``<testcase>`` per claim (classname: the claims file; name: ``id: title``):

* ``conflict`` -> ``<failure type="conflict">`` whose body lists each source's value;
* ``missing`` -> ``<skipped message="found in no source"/>``;
* anything else passes.

Every test case carries the values and quotes in ``<system-out>`` (and, after a baseline
comparison, its changes). ``time`` is always ``0``: the output has no timings, so it is
deterministic. Claims removed since the baseline have no test case.

Built with :mod:`xml.etree.ElementTree`, which escapes text and attributes; characters that
XML 1.0 cannot carry at all (most control characters, lone surrogates) are dropped first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kzclaims.model import ClaimResult, Report
from kzclaims.render.cells import cite, compact_value, finding_cell, outlet_names
from kzclaims.render.markdown import CHANGE_LABELS

__all__ = ["render_junit", "xml_safe"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids."""
    return _NOT_XML.sub("", text)


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    e = ET.SubElement(parent, tag, {k: xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        e.text = xml_safe(text)
    return e


def _values(report: Report, c: ClaimResult, names: dict[str, str], files: dict[str, str],
            *, quotes: bool) -> list[str]:
    lines: list[str] = []
    for s in report.sources:
        f = c.finding(s.id)
        where = files.get(s.id, "")
        if f is not None and where:
            where = cite(where, f)
        name = names.get(s.id, s.id)
        if f is None or not f.found:
            line = f"{name}: not found"
            if f is not None and f.why:  # abstained, or dropped by the agreement across sources
                line += f" ({f.why})"
            elif f is not None and f.quote:
                line += " (a passage matched but gave no value)"
        else:
            line = f"{name}: {finding_cell(f, c.kind)}"
        if where and f is not None and (f.found or f.quote):
            line += f" [{where}]"
        lines.append(line)
        if quotes and f is not None and f.quote:
            lines.append("    " + " ".join(f.quote.split()))
    return lines


def render_junit(report: Report) -> str:
    """The report as JUnit XML with an XML declaration; ends with a newline."""
    names = outlet_names(report)
    files = {s.id: s.file for s in report.sources}
    changes_of: dict[str, list[str]] = {}
    for ch in report.changes or ():
        label = CHANGE_LABELS.get(ch.kind, ch.kind)
        what = f"{label}" + (f" ({names.get(ch.source, ch.source)})" if ch.source else "")
        detail = " -> ".join(x for x in (ch.old, ch.new) if x is not None)
        changes_of.setdefault(ch.claim, []).append(what + (f": {detail}" if detail else ""))

    tests = len(report.claims)
    failures = sum(c.verdict == "conflict" for c in report.claims)
    skipped = sum(c.verdict == "missing" for c in report.claims)
    counts = {"tests": str(tests), "failures": str(failures), "errors": "0",
              "skipped": str(skipped), "time": "0"}
    root = ET.Element("testsuites", {"name": "kzclaims", **counts})
    suite = _el(root, "testsuite", name="kzclaims", **counts)
    for c in report.claims:
        case = _el(suite, "testcase", classname=report.claims_file or "claims",
                   name=f"{c.id}: {' '.join(xml_safe(c.title).split())}", time="0")
        if c.line:
            case.set("line", str(c.line))
            case.set("file", xml_safe(report.claims_file))
        if c.verdict == "conflict":
            found = [f"{names.get(f.source, f.source)}: {finding_cell(f, c.kind)}"
                     for f in c.findings if f.found]
            _el(case, "failure", "\n".join(_values(report, c, names, files, quotes=False)),
                message=f"sources conflict: {'; '.join(found)}", type="conflict")
        elif c.verdict == "missing":
            _el(case, "skipped", message="found in no source")
        out = [f"verdict: {c.verdict}"]
        if c.has_expected:
            out.append(f"expected: {compact_value(c.expected, c.kind)}")
        out += _values(report, c, names, files, quotes=True)
        if c.id in changes_of:
            out.append("changes since the baseline:")
            out += [f"  {x}" for x in changes_of[c.id]]
        _el(case, "system-out", "\n".join(out) + "\n")
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
