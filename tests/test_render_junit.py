"""JUnit XML: structure, counts, escaping, determinism.

Golden files: ``tests/fixtures/expected/sample.junit.xml`` and ``sample-compared.junit.xml``.
Regenerate after an intended change with ``KZCLAIMS_REGEN=1 /work/venv/bin/pytest
tests/test_render_*.py`` and review the diff.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from report_factory import (
    SOURCES,
    claim,
    compared_report,
    found,
    missing,
    sample_report,
)

from kzclaims.model import Report
from kzclaims.render.junit import render_junit, xml_safe


def test_structure_and_counts() -> None:
    text = render_junit(sample_report())
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    assert root.attrib == {"name": "kzclaims", "tests": "6", "failures": "1", "errors": "0",
                           "skipped": "1", "time": "0"}
    (suite,) = list(root)
    assert suite.tag == "testsuite" and suite.attrib["name"] == "kzclaims"
    assert suite.attrib["tests"] == "6" and suite.attrib["skipped"] == "1"
    cases = suite.findall("testcase")
    assert [c.attrib["classname"] for c in cases] == ["claims.yaml"] * 6
    assert cases[0].attrib["name"] == "csto-troops: Size of the CSTO peacekeeping contingent"
    # attribute order is fixed
    assert text.splitlines()[1] == (
        '<testsuites name="kzclaims" tests="6" failures="1" errors="0" skipped="1" time="0">'
    )


def test_conflict_is_a_failure_with_the_values() -> None:
    root = ET.fromstring(render_junit(sample_report()))
    deaths = root.findall(".//testcase")[1]
    # quotes, <, >, & and the newline of the title survive (the newline as a space)
    assert deaths.attrib["name"] == (
        'deaths: Deaths: "official" count, 100% | all, regions incl. <Almaty> & others'
    )
    failure = deaths.find("failure")
    assert failure is not None and failure.attrib["type"] == "conflict"
    assert failure.attrib["message"] == (
        "sources conflict: The Diplomatic Insight: 225 people; "
        "Akorda: almost 230 (≈230); RFE/RL: more than 160 (≥160)"
    )
    assert (failure.text or "").splitlines() == [
        "The Diplomatic Insight: 225 people [sources/tdi-2022-01-12.txt:20]",
        "Akorda: almost 230 (≈230) [sources/akorda.txt:9]",
        "RFE/RL: more than 160 (≥160) [sources/rfe.md:3]",
    ]


def test_missing_is_skipped_and_others_pass() -> None:
    cases = ET.fromstring(render_junit(sample_report())).findall(".//testcase")
    inflation = cases[4]
    skipped = inflation.find("skipped")
    assert skipped is not None and skipped.attrib == {"message": "found in no source"}
    for c in (cases[0], cases[2], cases[3], cases[5]):
        assert c.find("failure") is None and c.find("skipped") is None


def test_system_out_has_values_quotes_and_changes() -> None:
    cases = ET.fromstring(render_junit(compared_report())).findall(".//testcase")
    out = cases[0].findtext("system-out") or ""
    assert out.splitlines() == [
        "verdict: agree",
        "expected: 2,030",
        "The Diplomatic Insight: 2,030 troops [sources/tdi-2022-01-12.txt:17]",
        "    The mission consists of 2,030 troops and 250 units of military equipment.",
        "Akorda: 2030 servicemen (2,030) [sources/akorda.txt:5]",
        "    ... 2030 servicemen ...",
        "RFE/RL: not found",
        "changes since the baseline:",
        "  verdict changed: consistent -> agree",
        "  no longer found (RFE/RL): about 2,000 troops (≈2,000) -> not found",
    ]
    # a removed claim has no test case
    assert not any(c.attrib["name"].startswith("emergency") for c in cases)


def test_characters_xml_cannot_carry_are_dropped() -> None:
    r = Report("c.yaml", SOURCES, (
        claim("x", "conflict", [found("tdi", "5\x00 \x1b[1mdays", 5, quote="bell\x07 here"),
                                found("akorda", "9", 9), missing("rfe")],
              title="Bad \x0b\ud800 chars"),
    ))
    text = render_junit(r)
    case = ET.fromstring(text.encode("utf-8")).find(".//testcase")
    assert case is not None and case.attrib["name"] == "x: Bad chars"
    assert "bell here" in (case.findtext("system-out") or "")
    assert xml_safe("a\x00b\tc\nd") == "ab\tc\nd"


def test_empty_report_is_valid() -> None:
    root = ET.fromstring(render_junit(Report("c.yaml", (), ())))
    assert root.attrib["tests"] == "0" and root.find("testsuite") is not None


def test_deterministic() -> None:
    assert render_junit(compared_report()) == render_junit(compared_report())


def test_a_dropped_cell_says_why_it_was_left_out() -> None:
    # QA8: "not found (a passage matched but gave no value)" for a value the agreement dropped
    why = "abstained: its value “Twelve people” scores 100, no other source gives it"
    r = Report("claims.yaml", SOURCES, (claim("passengers", "agree", [
        found("tdi", "87 people", 87), found("akorda", "87 passengers", 87),
        missing("rfe", quote="Twelve people are still missing.", line=4, score=100.0, why=why,
                agreement="dropped"),
    ]),))
    out = render_junit(r)
    assert f"RFE/RL: not found ({why}) [sources/rfe.md:4]" in out
    assert "gave no value" not in out
