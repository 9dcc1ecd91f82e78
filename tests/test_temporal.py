"""The temporal reader (kzclaims.values.temporal): data-driven cases plus a few direct checks.

The cases live in tests/cases/{dates,date_ranges,relative,durations}*.yaml. Each case reads its
text with ``read_temporal(text, reference)``, keeps the values of the case's kind and compares
them, in order, with ``expect`` (text as written, value, qualifier, and optionally low/high,
relative, qualifier_text).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from kzclaims.model import PartialDate, Value
from kzclaims.values.temporal import read_temporal, sentence_tense, temporal_spans, word_number

CASES_DIR = Path(__file__).parent / "cases"
PATTERNS = ("dates*.yaml", "date_ranges*.yaml", "relative*.yaml", "durations*.yaml")
TYPES = {"date": "date", "date_range": "date_range", "duration": "duration"}


def _ref(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _load() -> list[Any]:
    params = []
    for pattern in PATTERNS:
        for path in sorted(CASES_DIR.glob(pattern)):
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            default_ref = doc.get("reference")
            for i, case in enumerate(doc["cases"]):
                ref = case.get("reference", default_ref)
                cid = f"{path.stem}-{i:03d}"
                params.append(pytest.param(case, _ref(ref), id=cid))
    return params


def _reading(v: Value) -> Any:
    r = v.reading
    if isinstance(r, PartialDate):
        return r.iso()
    if isinstance(r, tuple):
        return [x.iso() if isinstance(x, PartialDate) else x for x in r]
    return r


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, (list, tuple)):
        return (
            isinstance(got, list)
            and len(got) == len(want)
            and all(_same(g, w) for g, w in zip(got, want, strict=True))
        )
    if isinstance(want, bool) or want is None:
        return got is want or got == want
    if isinstance(want, (int, float)):
        return isinstance(got, (int, float)) and math.isclose(got, want, rel_tol=1e-9)
    if isinstance(want, dt.date):
        want = want.isoformat()
    return str(got) == str(want)


def _bound(x: Any) -> Any:
    return x.iso() if isinstance(x, PartialDate) else x


ALL_CASES = _load()


@pytest.mark.parametrize(("case", "reference"), ALL_CASES)
def test_case(case: dict[str, Any], reference: dt.date | None) -> None:
    values = read_temporal(case["text"], reference)
    got = [v for v in values if v.type == TYPES[case["kind"]]]
    want = case.get("expect") or []
    summary = [(v.text, _reading(v), v.qualifier) for v in got]
    assert len(got) == len(want), f"got {summary}"
    for v, w in zip(got, want, strict=True):
        assert v.text == w["text"], f"got {summary}"
        assert case["text"][v.start : v.end] == v.text
        assert _same(_reading(v), w["value"]), f"got {summary}"
        assert v.qualifier == w.get("qualifier", "exact"), f"got {summary}"
        if "low" in w:
            assert _same(_bound(v.low), w["low"]), f"low {v.low!r}"
        if "high" in w:
            assert _same(_bound(v.high), w["high"]), f"high {v.high!r}"
        if "low_inclusive" in w:
            assert v.low_inclusive is w["low_inclusive"]
        if "high_inclusive" in w:
            assert v.high_inclusive is w["high_inclusive"]
        if "qualifier_text" in w:
            assert v.qualifier_text == w["qualifier_text"]
        if "relative" in w:
            assert v.relative is w["relative"]
            assert v.reference_date == (reference if w["relative"] else None)


def test_there_are_hundreds_of_cases() -> None:
    assert len(ALL_CASES) >= 300


# ---- direct checks -----------------------------------------------------------------------


def test_values_are_in_text_order_and_do_not_overlap() -> None:
    text = (
        "From Jan. 5 to 19 a state of emergency was in force; the troops will leave within "
        "ten days, by January 23. In 2020-2021 reforms passed; 2 days ago, on Jan 10, he spoke."
    )
    values = read_temporal(text, dt.date(2022, 1, 12))
    assert [v.type for v in values] == [
        "date_range", "duration", "date", "date_range", "date", "date",
    ]  # fmt: skip
    ends = [v.end for v in values]
    starts = [v.start for v in values]
    assert all(e <= s for e, s in zip(ends, starts[1:], strict=False))
    for v in values:
        assert text[v.start : v.end] == v.text


def test_no_reference_no_relative_values() -> None:
    text = "Yesterday he said the troops will leave in two days, on Thursday, by Jan. 19."
    assert read_temporal(text, None) == []
    # ... but not a duration of two days either
    assert all(v.type != "duration" for v in read_temporal(text, None))


def test_spans_cover_what_cannot_be_resolved() -> None:
    text = "The troops left two days ago; he spoke on Jan 11 and stayed 10 days in 2022."
    spans = temporal_spans(text, None)
    assert [text[a:b] for a, b in spans] == ["two days ago", "Jan 11", "10 days", "2022"]
    ref = dt.date(2022, 1, 12)
    assert temporal_spans(text, ref) == [(v.start, v.end) for v in read_temporal(text, ref)]


def test_relative_values_carry_the_reference() -> None:
    ref = dt.date(2022, 1, 12)
    (v,) = read_temporal("The president spoke yesterday.", ref)
    assert v.relative and v.reference_date == ref
    assert v.reading == PartialDate(2022, 1, 11)
    (w,) = read_temporal("It was signed on 6 January 2022.", ref)
    assert not w.relative and w.reference_date is None


def test_interval_of_qualified_duration() -> None:
    (v,) = read_temporal("more than two weeks")
    assert (v.low, v.high, v.low_inclusive) == (14, None, False)
    (v,) = read_temporal("no more than 10 days")
    assert (v.low, v.high, v.high_inclusive) == (None, 10, True)
    (v,) = read_temporal("less than two weeks")
    assert (v.low, v.high, v.high_inclusive) == (None, 14, False)
    (v,) = read_temporal("about ten days")
    assert (v.qualifier, v.low, v.high) == ("approx", 10, 10)


def test_interval_of_qualified_date() -> None:
    ref = dt.date(2022, 1, 12)
    (v,) = read_temporal("before 1 February 2022", ref)
    assert (v.low, v.high, v.high_inclusive) == (None, PartialDate(2022, 2, 1), False)
    (v,) = read_temporal("since 2019", ref)
    assert (v.low, v.high, v.low_inclusive) == (PartialDate(2019), None, True)
    (v,) = read_temporal("from Jan. 5 to 19", ref)
    assert (v.low, v.high) == (PartialDate(2022, 1, 5), PartialDate(2022, 1, 19))


def test_tags_tell_how_a_date_was_resolved() -> None:
    ref = dt.date(2022, 1, 12)
    text = "He will speak on Thursday; they met on Jan 5; the 2022 budget; two days ago."
    tags = [v.tags for v in read_temporal(text, ref)]
    assert tags == [("weekday", "future"), ("yearless", "past"), ("year",), ("ago",)]


def test_integral_durations_are_ints() -> None:
    (v,) = read_temporal("three weeks")
    assert v.reading == 21 and isinstance(v.reading, int)
    (v,) = read_temporal("36 hours")
    assert v.reading == 1.5


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("He will speak on Jan 13.", "future"),
        ("He'll speak on Jan 13.", "future"),
        ("The session was held on Jan 11.", "past"),
        ("The session will be held on Jan 11.", "future"),
        ("Tokayev said the troops would leave on Jan 13.", "future"),
        ("Tokayev said on Jan 11 that the troops will leave.", "past"),
        ("On Jan 13, the troops will leave.", "future"),
        ("The meeting on Jan 13.", None),
        ("The troops have left on Jan 13.", "past"),
    ],
)
def test_sentence_tense(sentence: str, tense: str | None) -> None:
    i = sentence.index("Jan 1")
    assert sentence_tense(sentence, i, i + 6) == tense


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("ten", 10), ("twenty-one", 21), ("twenty one", 21), ("a", 1), ("an", 1),
        ("two and a half", 2.5), ("half a", 0.5), ("a couple of", 2), ("thirty-first", 31),
        ("ninety nine", 99), ("a hundred", 100), ("1.5", 1.5), ("troops", None), ("", None),
    ],
)  # fmt: skip
def test_word_number(words: str, value: float | None) -> None:
    assert word_number(words) == value


@pytest.mark.parametrize(
    "junk",
    ["", " ", "\x00", "2022" * 1000, "Jan " * 500, "((((", "on the 99th", "31/31/2022", "in 0 day"],
)
def test_bad_input_never_crashes(junk: str) -> None:
    read_temporal(junk, dt.date(2022, 1, 12))
    read_temporal(junk, None)


@pytest.mark.parametrize("ref", [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2, 1, 1)])
def test_extreme_references_never_crash(ref: dt.date) -> None:
    text = (
        "yesterday, tomorrow, in 99999999 days, 99999999 years ago, next month, last week, "
        "the 20th of next month, the first Monday of March, on Jan 5, on the 31st."
    )
    for v in read_temporal(text, ref):
        assert text[v.start : v.end] == v.text


def test_huge_durations_do_not_crash() -> None:
    (v,) = read_temporal("for 100000000000 years")
    assert v.reading == 100000000000 * 365


def test_random_text_spans_are_sound() -> None:
    import random

    rng = random.Random(7)
    vocabulary = (
        "Jan. 5 to 19 on Thursday by 2025 within three weeks 2020-2021 10-day ago in two days "
        "the 5th of May 1992 no more than 10 days 07.01.2022 last week , . ( ) - – / 3-4 percent "
        "2,030 troops yesterday next Friday between and from until 13 January 2022 will was said"
    )
    words = vocabulary.split(" ")
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
        ref = dt.date(2022, 1, 12) if rng.random() < 0.7 else None
        values = read_temporal(text, ref)
        last = -1
        for v in values:
            assert text[v.start : v.end] == v.text
            assert v.start >= last
            last = v.end
            if v.relative:
                assert v.reference_date == ref


def test_the_case_extras_are_every_other_case_re_ignorecase_takes_for_a_letter() -> None:
    """temporal.CASE_EXTRAS (what the precheck's classes add to a letter's two cases) is what
    Python's re.IGNORECASE takes for each Latin letter, over every code point."""
    import re

    from kzclaims.values.temporal import CASE_EXTRAS

    letter = re.compile(r"(?i)[a-z]")
    found: dict[str, str] = {}
    for u in range(0x80, 0x110000):
        ch = chr(u)
        if letter.fullmatch(ch):
            for c in "abcdefghijklmnopqrstuvwxyz":
                if re.fullmatch(f"(?i){c}", ch):
                    found[c] = found.get(c, "") + ch
    assert found == CASE_EXTRAS


def test_the_precheck_finds_what_an_ignorecase_word_pattern_finds() -> None:
    """The precheck (a digit, or a word starting with one of PRECHECK_WORDS, in any case) says
    yes on exactly the texts the plain pattern \\d|\\b(?:jan|...) with re.IGNORECASE matches."""
    import random
    import re

    from kzclaims.values.temporal import _PRE_DIGIT, _PRE_WORD, PRECHECK_WORDS

    reference = re.compile(r"\d|\b(?:" + "|".join(PRECHECK_WORDS) + ")", re.IGNORECASE)
    pieces = [
        *PRECHECK_WORDS, *(w.upper() for w in PRECHECK_WORDS), "Mon", "sUnday", "ſec", "ſun",
        "mınute", "MİN", "weeK", "wee\u212a", "x", "_", "é", "ж", "та", " ", "-", ".", "\n",
        "’", "7", "٣", "²", "the", "amend", "dismay", "a_day", "уday", "Ⅸ", "Jan", "tmrw",
    ]
    rnd = random.Random(8)
    texts = ["", "no", "The minister", "The_minister", "décembre", "1", "ſaturday", "xmonth"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6))) for _ in range(6000)]
    for text in texts:
        ours = bool(_PRE_DIGIT.search(text) or _PRE_WORD.search(text))
        assert ours == bool(reference.search(text)), text
