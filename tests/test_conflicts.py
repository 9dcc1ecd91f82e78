"""Three short, made-up reports of the CSTO pullout, worded the many ways outlets word it.

Written for the pipeline as a whole (no manifest: ids from file names, dates from datelines):
qualifiers, ranges, relative and year-less dates, partitives and numbers that count something
else must all come out right, and so must the verdicts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kzclaims.claims import load_claims
from kzclaims.model import Report
from kzclaims.pipeline import compare
from kzclaims.sources import load_sources

HERE = Path(__file__).resolve().parent / "fixtures" / "conflicts"

#            claim:          verdict,      {source: (text, value, qualifier) or None}
EXPECTED = {
    "contingent": ("conflict", {
        "daily": ("About 2,000 service members", 2000, "approx"),
        "weekly": ("Roughly 2,500 troops", 2500, "approx"),
        "wire": ("2,030 troops", 2030, "exact"),
    }),
    "attackers": ("consistent", {
        "daily": ("up to 20,000 bandits", 20000, "at_most"),
        "weekly": None,
        "wire": ("Almost 20 thousand bandits", 20000, "approx"),
    }),
    "death-toll": ("consistent", {
        "daily": ("225", 225, "exact"),  # not "19 of them"
        "weekly": ("no fewer than 225 people", 225, "at_least"),
        "wire": ("At least 163 people", 163, "at_least"),
    }),
    "pullout-end": ("consistent", {
        "daily": None,
        "weekly": ("by January 19 inclusive", "2022-01-19", "at_most"),
        "wire": ("by Jan. 23", "2022-01-23", "at_most"),
    }),
    "pullout-length": ("consistent", {
        "daily": ("no more than 10 days", 10, "at_most"),  # not the Kyrgyz unit's five days
        "weekly": ("less than two weeks", 14, "at_most"),
        "wire": None,
    }),
    "inflation": ("single", {
        "daily": None,
        "weekly": None,
        "wire": ("3-4 percent", [3, 4], "exact"),
    }),
}


@pytest.fixture(scope="module")
def report() -> Report:
    corpus = load_sources(HERE / "sources", "sources")
    return compare(load_claims(HERE / "claims.yaml", "claims.yaml"), corpus)


def test_datelines_are_inferred(report: Report) -> None:
    assert [(s.id, s.published, s.published_inferred) for s in report.sources] == [
        ("daily", "2022-01-12", True),
        ("weekly", "2022-01-20", True),
        ("wire", "2022-01-13", True),
    ]


@pytest.mark.parametrize("cid", list(EXPECTED))
def test_cells_and_verdicts(report: Report, cid: str) -> None:
    verdict, cells = EXPECTED[cid]
    claim = next(c for c in report.claims if c.id == cid)
    got = {f.source: (f.text, f.value, f.qualifier) if f.found else None for f in claim.findings}
    assert got == cells
    assert claim.verdict == verdict


def test_a_value_in_the_next_sentence(tmp_path: Path) -> None:
    """A value stated in the sentence after the matched one is read; a count only when it
    counts what the claim counts."""
    src = tmp_path / "sources"
    src.mkdir()
    (src / "a-note.txt").write_text(
        "President Tokayev held a session of the Security Council\n\nJanuary 6, 2022\n",
        encoding="utf-8",
    )
    (src / "b-meeting.txt").write_text(
        "President Tokayev held a session of the Security Council.\n"
        "The meeting was attended by 12 officials.\n",
        encoding="utf-8",
    )
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nclaims:\n"
        "  - {id: session, title: Session date, kind: date,"
        " find: held a session of the Security Council}\n"
        "  - {id: ministers, title: Ministers present, kind: count, unit: ministers,"
        " find: held a session of the Security Council}\n"
        "  - {id: officials, title: Officials present, kind: count, unit: officials,"
        " find: held a session of the Security Council}\n",
        encoding="utf-8",
    )
    report = compare(load_claims(tmp_path / "claims.yaml"), load_sources(src))
    session, ministers, officials = report.claims
    note = session.findings[0]
    assert (note.found, note.value, note.line) == (True, "2022-01-06", 1)
    assert note.quote == "President Tokayev held a session of the Security Council January 6, 2022"
    assert not ministers.findings[1].found  # 12 counts officials, not ministers
    assert (officials.findings[1].found, officials.findings[1].value) == (True, 12)
