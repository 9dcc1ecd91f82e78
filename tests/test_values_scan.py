"""kzclaims.values: a passage read again (for another claim, another kind) gives what a first
reading gives; the temporal and number readers' results are kept per text (values._SCANS)."""

from __future__ import annotations

import datetime as dt

from kzclaims import values
from kzclaims.lang import Conventions
from kzclaims.values import read_values

TEXTS = [
    "About 2,030 troops arrived on January 6, 2022 and left within ten days.",
    "The official register lists one hundred and twelve (112) persons, 46,8 % of them women.",
    "Two days later, on 14.01, some 3.200 people had gathered; by Friday nearly 20 thousand.",
    "",
]
KINDS = [None, "count", "number", "percent", "date", "date_range", "duration", "statement"]
CONVENTIONS = [None, Conventions(day_first=True, decimal_comma=True)]


def _all_readings() -> list[list[tuple[str, int, int, str]]]:
    out = []
    for text in TEXTS:
        for kind in KINDS:
            for conv in CONVENTIONS:
                for ref in (None, dt.date(2022, 1, 12)):
                    got = read_values(text, kind, ref, "en", conv)  # type: ignore[arg-type]
                    out.append([(v.type, v.start, v.end, v.text, repr(v)) for v in got])
    return out


def test_a_second_reading_equals_a_first() -> None:
    values._SCANS.clear()
    first = _all_readings()  # each text scanned once, then taken from _SCANS
    assert values._SCANS
    again = _all_readings()
    values._SCANS.clear()
    fresh = []
    for text in TEXTS:  # each reading from an empty memo
        for kind in KINDS:
            for conv in CONVENTIONS:
                for ref in (None, dt.date(2022, 1, 12)):
                    values._SCANS.clear()
                    got = read_values(text, kind, ref, "en", conv)  # type: ignore[arg-type]
                    fresh.append([(v.type, v.start, v.end, v.text, repr(v)) for v in got])
    assert first == again == fresh


def test_the_memo_stays_small() -> None:
    values._SCANS.clear()
    for i in range(values._SCANS_KEPT + 10):
        read_values(f"{i} people", "count")
    assert len(values._SCANS) <= values._SCANS_KEPT
