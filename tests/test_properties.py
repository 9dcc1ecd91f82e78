"""Property tests (hypothesis): the claims loader and the value reader on arbitrary input.

* ``parse_claims`` and the manifest's ``parse_manifest`` on any text raise nothing but
  :class:`InputError` (YAML-ish text built from the pieces claims files and manifests are made
  of, plus arbitrary characters), whose every position is inside the file as an editor counts
  lines (``\n``, ``\r\n``);
* ``read_values`` on any text never raises, gives offsets inside the text with ``text`` equal to
  the slice, in order, and the same result twice (deterministic).
"""

from __future__ import annotations

import contextlib
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzclaims.claims import parse_claims
from kzclaims.errors import InputError, Problem
from kzclaims.model import KINDS
from kzclaims.sources import parse_manifest
from kzclaims.values import read_values

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# pieces of claims files, valid and broken, and YAML's special forms
_PIECES = st.sampled_from(
    [
        "version: 1\n", "version: 2\n", "claims:\n", "  - id: a\n", "    title: T\n",
        "    kind: count\n", "    kind: date\n", "    kind: percent\n", "    kind: duration\n",
        "    find: troops\n", "    find: []\n", "    expected: 2030\n", "    expected: .nan\n",
        "    expected: .inf\n", "    expected: -.inf\n", "    expected: [1, 2]\n",
        "    expected: 2022-02-30\n", "    expected: 10 days\n", "    tolerance: 5%\n",
        "    tolerance: .nan\n", "    threshold: 101\n", "    threshold: .inf\n",
        "defaults: {threshold: 80}\n", "a: &a [1, 2]\n", "b: *a\n", "c: *nope\n", "<<: *a\n",
        "!!python/object/new:os.system [ls]\n", "x: !!binary aGk=\n", "x: !tag 1\n",
        "- [[[[\n", "]]]]\n", "{a: 1, a: 2}\n", "? complex\n: key\n", "---\n", "...\n",
        "%YAML 1.1\n", "\t", "\x00", "\ufeff", "\x07", "'", '"', "#", ":", "- ", "  ",
        "9" * 5000 + "\n", "    expected: " + "9" * 400 + "\n", "\n",
    ]
)
# what a hand-edited claims file or manifest holds (QA4): mistakes with suggestions, the
# manifest's keys, and the characters YAML counts as line breaks that editors do not
_HAND_EDITED = st.sampled_from(
    [
        "    expected: ten days\n", "    expected: 13/01/2022\n", "    kind: date_range\n",
        "    expected: [2022-01-19, 2022-01-05]\n", "    expected: “2000”\n",
        "    expected: 2000 and 3000\n", "    expected: 5-19 January 2022\n",
        "    find: a b, c d\n", "claim:\n", "items:\n", "sources:\n", "  - file: a.txt\n",
        "    published: 13/01/2022\n", "    published: 2022-02-30\n", "    id: a b\n",
        "    language: russian\n", "    as_of: yesterday\n", "    file: ../x\n",
        "    file: file://x\n", "    outlet: [1]\n", "\r\n", "\x85", "\u2028", "\u2029",
    ]
)
_YAMLISH = st.lists(
    st.one_of(_PIECES, _HAND_EDITED, st.text(max_size=20)), max_size=25
).map("".join)


def _inside(text: str, p: Problem) -> bool:
    """The problem's line:col is in the text, lines counted as an editor counts them."""
    if p.line is None or "\r" in text.replace("\r\n", ""):  # a lone CR: editors disagree
        return True
    lines = text.replace("\r\n", "\n").split("\n")
    if not 1 <= p.line <= len(lines) + 1:
        return False
    line = lines[p.line - 1] if p.line <= len(lines) else ""
    return p.col is None or 1 <= p.col <= len(line) + 2


@SETTINGS
@given(_YAMLISH)
def test_claims_loader_raises_only_input_errors(text: str) -> None:
    try:
        claimset = parse_claims(text, "claims.yaml")
    except InputError as exc:
        assert exc.problems, "an InputError carries at least one problem"
        for p in exc.problems:
            assert p.path == "claims.yaml"
            assert "\n" not in p.message, "one line per problem"
            assert _inside(text, p), str(p)
        return
    for claim in claimset.claims:  # what loads is usable
        assert claim.kind in KINDS and claim.find


@SETTINGS
@given(_YAMLISH)
def test_manifest_loader_raises_only_input_errors_inside_the_file(text: str) -> None:
    try:
        parse_manifest(text, "sources.yaml")
    except InputError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.path == "sources.yaml" and "\n" not in p.message, str(p)
            assert _inside(text, p), str(p)


@SETTINGS
@given(st.text(max_size=300))
def test_claims_loader_on_any_text(text: str) -> None:
    with contextlib.suppress(InputError):  # anything else fails the test
        parse_claims(text, "claims.yaml")


_NEWSY = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "about ", "almost ", "more than ", "up to ", "between ", " and ", " to ", "-",
                "–", "2,030 ", "20 thousand ", "1.5 million ", "3-4 percent ", "10 days ",
                "January 13", "Jan. 5 to 19", "in two days", "yesterday", "2020-2021", "%",
                "troops", ". ", "\n", "\n\n", "(", ")", "$", "one", "a third", "1/2", "½",
                "hundreds of ", "dozens", "COVID-19 ", "No. 5", "3:30 p.m.", "12.01.2022",
            ]
        ),
        st.text(max_size=8),
    ),
    max_size=30,
).map("".join)


@SETTINGS
@given(
    st.one_of(_NEWSY, st.text(max_size=200)),
    st.sampled_from([None, *KINDS]),
    st.sampled_from([None, dt.date(2022, 1, 11), dt.date(1, 1, 1), dt.date(9999, 12, 31)]),
)
def test_value_reader_never_raises_and_is_deterministic(
    text: str, kind: str | None, reference: dt.date | None
) -> None:
    first = read_values(text, kind, reference)  # type: ignore[arg-type]
    second = read_values(text, kind, reference)  # type: ignore[arg-type]
    assert first == second
    for v in first:
        assert 0 <= v.start < v.end <= len(text), (v.start, v.end, len(text))
        assert v.text == text[v.start : v.end], (v.text, text[v.start : v.end])
    assert [v.start for v in first] == sorted(v.start for v in first)


_NEWSY_RU = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "около ", "почти ", "более ", "до ", "с ", " по ", "не более ", "свыше ", "от ",
                "2 030 ", "20 тысяч ", "1,5 млн ", "20 тыс. ", "3–4 процента ", "10 дней ",
                "7 января 2022 года", "с 5 по 19 января", "через два дня", "вчера", "в четверг",
                "двадцати тысяч ", "полтора ", "сотни ", "десятки тысяч ", "военнослужащих",
                ". ", "\n", "%", "№ 5", "+7 (727) 272-07-07", "07.01.2022", "в 2 раза", "7-й",
                "и более", "с лишним", "2020-2021 годах", "назад",
            ]
        ),
        st.text(max_size=8),
    ),
    max_size=30,
).map("".join)


@SETTINGS
@given(
    st.one_of(_NEWSY_RU, st.text(max_size=200)),
    st.sampled_from([None, *KINDS]),
    st.sampled_from([None, dt.date(2022, 1, 11), dt.date(1, 1, 1), dt.date(9999, 12, 31)]),
)
def test_russian_value_reader_never_raises_and_is_deterministic(
    text: str, kind: str | None, reference: dt.date | None
) -> None:
    first = read_values(text, kind, reference, "ru")  # type: ignore[arg-type]
    assert first == read_values(text, kind, reference, "ru")  # type: ignore[arg-type]
    for v in first:
        assert 0 <= v.start < v.end <= len(text), (v.start, v.end, len(text))
        assert v.text == text[v.start : v.end], (v.text, text[v.start : v.end])
    assert [v.start for v in first] == sorted(v.start for v in first)
