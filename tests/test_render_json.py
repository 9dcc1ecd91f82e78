"""The JSON report: contract shape, number normalization, determinism and load_report errors.

Golden files: ``tests/fixtures/reports/sample.json`` and ``sample-compared.json`` are
``render_json`` of ``report_factory.sample_report()`` / ``compared_report()``. After an
intended change of the output, regenerate every golden file with::

    KZCLAIMS_REGEN=1 /work/venv/bin/pytest tests/test_render_*.py

and review the diff before committing.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest
from report_factory import (
    REPORTS,
    assert_golden,
    claim,
    compared_report,
    found,
    missing,
    sample_report,
    with_claims,
)

from kzclaims.errors import InputError
from kzclaims.model import Change, Report, SourceInfo
from kzclaims.render.json import (
    load_report,
    normalize_number,
    render_json,
    report_from_dict,
    report_to_dict,
)


def test_golden_sample() -> None:
    assert_golden(REPORTS / "sample.json", render_json(sample_report()))


def test_golden_compared() -> None:
    assert_golden(REPORTS / "sample-compared.json", render_json(compared_report()))


def test_shape_follows_the_contract() -> None:
    data = json.loads(render_json(sample_report()))
    assert set(data) == {"schema_version", "claims_file", "sources", "claims", "title"}
    assert data["schema_version"] == 1
    assert data["claims_file"] == "claims.yaml"
    # sources keep manifest order (not sorted), optional keys only when set
    assert [s["id"] for s in data["sources"]] == ["tdi", "akorda", "rfe"]
    tdi, akorda, rfe = data["sources"]
    assert tdi == {"id": "tdi", "outlet": "The Diplomatic Insight",
                   "file": "sources/tdi-2022-01-12.txt", "published": "2022-01-12"}
    assert akorda["published_inferred"] is True
    assert rfe["published"] is None
    assert rfe["as_of"] == "2022-01-10" and rfe["url"] == "https://example.org/rfe"
    assert "published_inferred" not in rfe
    # claims in file order
    ids = [c["id"] for c in data["claims"]]
    assert ids == ["csto-troops", "deaths", "withdrawal-days", "start-date", "inflation",
                   "gas-price-statement"]
    troops = data["claims"][0]
    assert troops["expected"] == 2030 and troops["verdict"] == "agree" and troops["line"] == 6
    assert troops["findings"][0] == {
        "source": "tdi", "found": True, "text": "2,030 troops", "value": 2030,
        "qualifier": "exact", "low": 2030, "high": 2030,
        "quote": "The mission consists of 2,030 troops and 250 units of military equipment.",
        "line": 17, "score": 91.4, "matches_expected": True, "unit": "troops",
    }
    assert troops["findings"][2] == {"source": "rfe", "found": False}
    # no expected -> neither "expected" nor "matches_expected"
    withdrawal = data["claims"][2]
    assert "expected" not in withdrawal
    assert all("matches_expected" not in f for f in withdrawal["findings"])
    assert withdrawal["findings"][1]["reference_date"] == "2022-01-10"
    assert "reference_date" not in withdrawal["findings"][0]
    # a near miss keeps quote/line/score, nothing else
    assert data["claims"][3]["findings"][0] == {
        "source": "tdi", "found": False, "quote": "Protests began in early January.",
        "line": 2, "score": 76,
    }
    # ranges and statements
    assert data["claims"][4]["expected"] == [8, 9]
    assert data["claims"][5]["findings"][0]["value"] is True
    assert data["claims"][5]["findings"][0]["low"] is None


def test_no_changes_keys_without_baseline_and_present_with_one() -> None:
    assert "changes" not in json.loads(render_json(sample_report()))
    empty = replace(sample_report(), changes=(), baseline_file="base.json")
    data = json.loads(render_json(empty))
    assert data["changes"] == [] and data["baseline"] == "base.json"
    data = json.loads(render_json(compared_report()))
    assert [c["kind"] for c in data["changes"]] == [
        "verdict_changed", "no_longer_found", "value_changed", "verdict_changed",
        "newly_found", "claim_added", "claim_removed",
    ]
    assert data["changes"][2] == {
        "kind": "value_changed", "claim": "deaths", "source": "akorda",
        "old": "about 250 (≈250)", "new": "almost 230 (≈230)",
        "title": sample_report().claims[1].title, "line": 14,
    }


def test_numbers_are_normalized() -> None:
    r = with_claims(sample_report(), claim("x", "single", [
        found("tdi", "1.6 thousand", 1600.0, low=1.0e3 * 1.6, high=1827.0000000000002,
              score=91.449),
        found("akorda", "3.5 tonnes", 3.5, low=float("nan"), high=float("inf"), score=100.0),
        missing("rfe"),
    ], kind="number"))
    text = render_json(r)
    f1, f2, _ = json.loads(text)["claims"][0]["findings"]
    assert f1["value"] == 1600 and isinstance(f1["value"], int)
    assert f1["high"] == 1827 and isinstance(f1["high"], int)
    assert f1["score"] == 91.4
    assert f2["value"] == 3.5 and f2["low"] is None and f2["high"] is None
    assert f2["score"] == 100 and isinstance(f2["score"], int)
    assert "NaN" not in text and "Infinity" not in text and "1600.0" not in text


@pytest.mark.parametrize(("x", "digits", "out"), [
    (2030.0, None, 2030), (2030, None, 2030), (0.1 + 0.2, None, 0.3), (-0.0, None, 0),
    (91.44, 1, 91.4), (91.96, 1, 92), (float("nan"), None, None), (True, None, 1),
])
def test_normalize_number(x: float, digits: int | None, out: float | None) -> None:
    got = normalize_number(x, digits)
    assert got == out and type(got) is type(out)


def test_deterministic_and_utf8() -> None:
    a, b = render_json(sample_report()), render_json(sample_report())
    assert a == b and a.endswith("}\n")
    assert "≈" in render_json(compared_report())  # ensure_ascii=False
    assert "\\u" not in render_json(compared_report())


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    for report in (sample_report(), compared_report()):
        text = render_json(report)
        p = tmp_path / "r.json"
        p.write_text(text, encoding="utf-8")
        loaded = load_report(p)
        assert render_json(loaded) == text
        assert loaded.changes == report.changes
        assert loaded.baseline_file == report.baseline_file
        assert [c.id for c in loaded.claims] == [c.id for c in report.claims]
        assert loaded.claims[0].has_expected and not loaded.claims[2].has_expected


def test_report_from_dict_equals_an_already_normalized_report() -> None:
    r = Report("c.yaml", (SourceInfo("a", "A", "a.txt", "2022-01-01"),), (
        claim("c", "single", [found("a", "5 days", 5, score=80.5, line=3)], kind="duration",
              expected=5, line=2),
    ), changes=(Change("claim_added", "c", None, None, "single", "C", 2),), baseline_file="b")
    assert report_from_dict(report_to_dict(r), "x") == r


def test_unknown_keys_are_ignored() -> None:
    data = report_to_dict(sample_report())
    data["generator"] = "kzclaims 9"  # a newer version's addition
    claims = data["claims"]
    assert isinstance(claims, list) and isinstance(claims[0], dict)
    claims[0]["confidence"] = 0.5
    assert render_json(report_from_dict(data, "x")) == render_json(sample_report())


# ---- errors: one clean line each ---------------------------------------------------------------


def _error(tmp_path: Path, content: str | bytes | None, name: str = "r.json") -> str:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    elif content is not None:
        p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as ei:
        load_report(p)
    assert len(ei.value.problems) == 1
    msg = str(ei.value)
    assert "\n" not in msg and "Traceback" not in msg
    assert msg.startswith(str(p))
    return msg


def test_missing_file(tmp_path: Path) -> None:
    msg = _error(tmp_path, None, "nope.json")
    assert msg == f"{tmp_path / 'nope.json'}: error: report not found"


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    with pytest.raises(InputError, match="is a directory"):
        load_report(tmp_path / "d")


def test_malformed_json_has_line_and_col(tmp_path: Path) -> None:
    msg = _error(tmp_path, '{\n  "claims": [,]\n}\n')
    assert msg.startswith(f"{tmp_path / 'r.json'}:2:14: error: invalid JSON: ")
    with pytest.raises(InputError) as ei:  # the position is also structured
        load_report(tmp_path / "r.json")
    assert (ei.value.problems[0].line, ei.value.problems[0].col) == (2, 14)


@pytest.mark.parametrize(("content", "expected"), [
    ("[]", "not a kzclaims report (the top level is an array, not an object)"),
    ('{"schema_version": 1, "sources": []}', 'not a kzclaims report (missing "claims")'),
    ('{"schema_version": 1, "claims": []}', 'not a kzclaims report (missing "sources")'),
    ('{"claims": [], "sources": []}', 'not a kzclaims report (missing "schema_version")'),
    ('{"schema_version": 2, "claims": [], "sources": []}',
     "unsupported schema_version 2 (this kzclaims reads version 1)"),
    ('{"schema_version": 1, "claims": {}, "sources": []}',
     '"claims" must be an array, not an object'),
    ('{"schema_version": 1, "claims": [], "sources": [{"outlet": "x"}]}',
     'sources[0] is missing "id"'),
    ('{"schema_version": 1, "sources": [], "claims": [{"id": "a", "kind": "count", '
     '"verdict": "maybe", "findings": []}]}',
     'claim "a": unknown verdict "maybe" (expected one of: missing, single, agree, '
     'consistent, conflict)'),
    ('{"schema_version": 1, "sources": [], "claims": [{"id": "a", "kind": "count", '
     '"verdict": "single", "findings": [{"source": "s", "found": "yes"}]}]}',
     'claim "a": findings[0]: "found" must be true or false, not a string'),
    ('{"schema_version": 1, "sources": [], "claims": [{"id": "a", "kind": "count", '
     '"verdict": "single"}]}', 'claim "a" is missing "findings"'),
    ('{"schema_version": 1, "sources": [], "claims": [], "changes": [{"kind": "x"}]}',
     'changes[0]: unknown kind "x"'),
    ("", "empty file: not a kzclaims report"),
])
def test_wrong_shape(tmp_path: Path, content: str, expected: str) -> None:
    msg = _error(tmp_path, content)
    assert expected in msg


def test_not_utf8(tmp_path: Path) -> None:
    assert "not UTF-8" in _error(tmp_path, b'{"claims": "\xff"}')


def test_deeply_nested_json_is_an_input_error(tmp_path: Path) -> None:
    _error(tmp_path, "[" * 100000 + "]" * 100000)


def test_scores_are_finite_floats_after_load(tmp_path: Path) -> None:
    p = tmp_path / "r.json"
    p.write_text(render_json(sample_report()), encoding="utf-8")
    scores = [f.score for c in load_report(p).claims for f in c.findings if f.score is not None]
    assert scores and all(isinstance(s, float) and math.isfinite(s) for s in scores)


def test_a_claims_file_or_a_cut_report_is_named_in_words(tmp_path: Path) -> None:
    # QA3 Q17: not the json module's "Expecting value" / "Expecting ',' delimiter"
    assert _error(tmp_path, "version: 1\nclaims: []\n").endswith(
        "error: invalid JSON: not a kzclaims report (a report, written by `kzclaims compare"
        " --format json`, starts with `{`)"
    )
    assert _error(tmp_path, '{"schema_version": 1').endswith(
        "error: invalid JSON: the file ends before the JSON does (cut short?)"
    )


def test_the_claims_dicts_are_made_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """``render_json`` gives ``json.dumps(report_to_dict(...))``'s text, and makes each claim's
    dict only when the encoder reaches it (memory: a report of 500 claims x thousands of found
    cells is never held as one dict, issue 8)."""
    import weakref

    from kzclaims.render import json as rj

    alive: set[int] = set()
    most = [0]

    class Counted(dict):  # type: ignore[type-arg]
        pass

    made = rj._claim_to_dict

    def counted(c: object) -> dict[str, object]:
        d = Counted(made(c))  # type: ignore[arg-type]
        alive.add(id(d))
        most[0] = max(most[0], len(alive))
        weakref.finalize(d, alive.discard, id(d))
        return d

    for report in (sample_report(), compared_report()):
        reference = json.dumps(report_to_dict(report), sort_keys=True, indent=2,
                               ensure_ascii=False) + "\n"
        monkeypatch.setattr(rj, "_claim_to_dict", counted)
        assert render_json(report) == reference
        monkeypatch.setattr(rj, "_claim_to_dict", made)
    many = with_claims(
        sample_report(), *(claim(f"c{k}", "agree", [found("tdi", "5", 5)]) for k in range(30))
    )
    monkeypatch.setattr(rj, "_claim_to_dict", counted)
    assert len(json.loads(render_json(many))["claims"]) == 30
    assert 0 < most[0] <= 2, most
