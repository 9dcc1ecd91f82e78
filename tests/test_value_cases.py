"""Data-driven value-reader cases: every tests/cases/*.yaml, read with the public entry point.

The format is documented in tests/cases/README.md; in short, a file is

    reference: "2022-01-12"          # optional default reference date for the file
    cases:
      - text: "Almost 20 thousand bandits attacked Almaty."
        kind: count                  # count | number | percent | date | date_range | duration
        reference: "2022-01-07"      # optional, overrides the file's
        id: bandits-almost           # optional, shown in the test id
        expect:                      # the values of that kind, in text order; [] = none at all
          - text: Almost 20 thousand # as written, qualifier words included
            value: 20000             # a number, [low, high], "YYYY-MM-DD" / "YYYY-MM" / "YYYY"
            qualifier: approx        # exact (default) | approx | at_least | at_most
            # optional: low, high (null = open), low_inclusive, high_inclusive, noun,
            # qualifier_text, vague, relative, tags (must all be present), not_tags

Each case calls ``kzclaims.values.read_values(text, kind, reference, language, conventions)``
(``language:`` per file or per case, default en; ``day_first:`` / ``decimal_comma:`` per case
override the language's reading conventions). For kind ``count`` the
values tagged ordinal, label, fraction or multiplier are left out (they are not counts of
anything); kind ``number`` keeps every number. A failure names the file, the case number and id
and the text, and shows what was read.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from kzclaims.lang import Conventions
from kzclaims.lang import get as get_language
from kzclaims.model import KINDS, QUALIFIERS, PartialDate, Value
from kzclaims.values import read_values

CASES_DIR = Path(__file__).parent / "cases"
NOT_COUNTS = frozenset({"ordinal", "label", "fraction", "multiplier"})
CASE_KEYS = frozenset(
    {"text", "kind", "reference", "expect", "id", "note", "language", "day_first", "decimal_comma"}
)
VALUE_KEYS = frozenset(
    {
        "text", "value", "qualifier", "low", "high", "low_inclusive", "high_inclusive", "noun",
        "qualifier_text", "vague", "relative", "tags", "not_tags", "note",
    }
)  # fmt: skip


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _slug(text: str) -> str:
    """The first words of a text, for the test id: "about-2-000-service-members"."""
    words = re.findall(r"[^\W_]+", text)[:5]
    return "-".join(words).lower()[:40] or "empty"


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        default_ref = doc.get("reference")
        default_lang = doc.get("language", "en")
        for i, case in enumerate(doc.get("cases") or []):
            cid = f"{path.stem}-{i:03d}"
            if isinstance(case, dict) and case.get("id"):
                cid += f"-{case['id']}"
            elif isinstance(case, dict) and isinstance(case.get("text"), str):
                cid += "-" + _slug(case["text"])
            ref = case.get("reference", default_ref) if isinstance(case, dict) else None
            lang = case.get("language", default_lang) if isinstance(case, dict) else "en"
            params.append(pytest.param(path.name, i, case, ref, lang, id=cid))
    return params


ALL_CASES = _load()


def _plain(x: Any) -> Any:
    if isinstance(x, PartialDate):
        return x.iso()
    if isinstance(x, tuple):
        return [_plain(y) for y in x]
    return x


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, dt.date):
        want = want.isoformat()
    if isinstance(want, (list, tuple)):
        return (
            isinstance(got, (list, tuple))
            and len(got) == len(want)
            and all(_same(g, w) for g, w in zip(got, want, strict=True))
        )
    if want is None or isinstance(want, bool):
        return got is want
    if isinstance(want, (int, float)):
        return (
            isinstance(got, (int, float))
            and not isinstance(got, bool)
            and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)
        )
    return str(got) == str(want)


def _show(v: Value) -> str:
    extra = []
    if v.qualifier != "exact":
        extra.append(v.qualifier)
    if v.noun:
        extra.append(f"noun={v.noun!r}")
    if v.tags:
        extra.append("tags=" + ",".join(v.tags))
    if v.low is not None or v.high is not None:
        lo = "[" if v.low_inclusive else "("
        hi = "]" if v.high_inclusive else ")"
        extra.append(f"{lo}{_plain(v.low)}, {_plain(v.high)}{hi}")
    return f"{v.text!r} = {_plain(v.reading)!r}" + (f" ({'; '.join(extra)})" if extra else "")


def _check_value(v: Value, w: dict[str, Any], text: str) -> list[str]:
    errs: list[str] = []
    if text[v.start : v.end] != v.text:
        errs.append(f"span {v.start}:{v.end} is {text[v.start : v.end]!r}, not the text {v.text!r}")
    if v.text != w["text"]:
        errs.append(f"text {v.text!r}, expected {w['text']!r}")
    if not _same(_plain(v.reading), w["value"]):
        errs.append(f"value {_plain(v.reading)!r}, expected {w['value']!r}")
    want_q = w.get("qualifier", "exact")
    if v.qualifier != want_q:
        errs.append(f"qualifier {v.qualifier}, expected {want_q}")
    for key in ("low", "high"):
        if key in w and not _same(_plain(getattr(v, key)), w[key]):
            errs.append(f"{key} {_plain(getattr(v, key))!r}, expected {w[key]!r}")
    for key in ("low_inclusive", "high_inclusive", "vague", "relative"):
        if key in w and getattr(v, key) is not bool(w[key]):
            errs.append(f"{key} {getattr(v, key)}, expected {w[key]}")
    for key in ("noun", "qualifier_text"):
        if key in w and getattr(v, key) != w[key]:
            errs.append(f"{key} {getattr(v, key)!r}, expected {w[key]!r}")
    for tag in w.get("tags") or []:
        if tag not in v.tags:
            errs.append(f"tag {tag!r} missing (tags: {list(v.tags)})")
    for tag in w.get("not_tags") or []:
        if tag in v.tags:
            errs.append(f"tag {tag!r} should not be there")
    return errs


@pytest.mark.parametrize(("file", "index", "case", "reference", "language"), ALL_CASES)
def test_value_case(file: str, index: int, case: Any, reference: Any, language: str) -> None:
    where = f"{file} case {index}"
    assert isinstance(case, dict), f"{where}: a case is a mapping with text, kind, expect"
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"{where}: unknown keys {sorted(unknown)}"
    assert isinstance(case.get("text"), str), f"{where}: text missing"
    kind = case.get("kind")
    assert kind in KINDS and kind != "statement", f"{where}: kind {kind!r} is not a value kind"
    want = case.get("expect")
    assert isinstance(want, list), f"{where}: expect must be a list ([] = nothing of that kind)"
    for w in want:
        assert isinstance(w, dict) and "text" in w and "value" in w, (
            f"{where}: each expected value needs text and value"
        )
        assert not set(w) - VALUE_KEYS, f"{where}: unknown keys {sorted(set(w) - VALUE_KEYS)}"
        assert w.get("qualifier", "exact") in QUALIFIERS, f"{where}: bad qualifier"

    text = case["text"]
    conventions = None
    if "day_first" in case or "decimal_comma" in case:
        base = get_language(language)
        conventions = Conventions(
            language,
            bool(case.get("day_first", base.day_first)),
            bool(case.get("decimal_comma", base.decimal_comma)),
            "test case",
        )
    values = read_values(text, kind, _date(reference), language, conventions)
    if kind == "count":
        values = [v for v in values if not NOT_COUNTS & set(v.tags)]
    header = f"{where}: {text!r} (kind {kind})\n  read: " + (
        "\n        ".join(_show(v) for v in values) or "nothing"
    )
    if len(values) != len(want):
        exp = "\n        ".join(f"{w['text']!r} = {w['value']!r}" for w in want) or "nothing"
        pytest.fail(f"{header}\n  expected {len(want)}:\n        {exp}")
    errs = []
    for k, (v, w) in enumerate(zip(values, want, strict=True)):
        errs += [f"value {k + 1}: {e}" for e in _check_value(v, w, text)]
    if errs:
        pytest.fail(header + "\n  " + "\n  ".join(errs))


def test_case_files_exist() -> None:
    assert len(ALL_CASES) >= 300, "the value reader is specified by hundreds of cases"
