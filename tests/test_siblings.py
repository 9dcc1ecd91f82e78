"""Sibling claims (issue 10): a total and its parts, killed and injured, a request and its
approval share the values of a source by a best matching, with the words that tell them apart;
values of another time and the report's own date lose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import kzclaims.pipeline as pipeline
from kzclaims.choose import claim_roles, date_roles, score_candidates
from kzclaims.claims import load_claims
from kzclaims.joint import contrast_phrases
from kzclaims.model import Claim, Finding, Match
from kzclaims.sources import load_sources
from kzclaims.values import read_values

FORCE = """\
version: 1
claims:
  - id: total
    title: Size of the Pact force in Norland
    kind: count
    find:
      - number of Pact troops deployed to Norland
      - how many troops did the Pact send to Norland
    unit: [troops, soldiers, personnel]
  - id: ostrian
    title: Ostrian contingent
    kind: count
    find:
      - Ostrian contingent
      - how many soldiers did Ostria send
    unit: [troops, soldiers, personnel]
"""

#: two sentences: the total stands far from the Pact's words, near "Ostrian", whose own figure
#: follows
TEXT = (
    "The Pact has finished deploying its force in Norland, its chief said on Monday, putting "
    "the strength of the mission at 4,100 troops now that the last Ostrian units have arrived. "
    "She said that Ostria, which leads the force, had sent 2,250 soldiers, making its "
    "contingent by far the largest.\n"
)


def _run(tmp_path: Path, claims: str, text: str) -> dict[str, Finding]:
    (tmp_path / "claims.yaml").write_text(claims, encoding="utf-8")
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "a.txt").write_text(text, encoding="utf-8")
    report = pipeline.compare(
        load_claims(tmp_path / "claims.yaml"), load_sources(tmp_path / "sources")
    )
    return {c.id: c.findings[0] for c in report.claims}


def test_the_total_and_its_part_each_keep_their_own(tmp_path: Path) -> None:
    cells = _run(tmp_path, FORCE, TEXT)
    assert cells["total"].found and cells["total"].value == 4100, cells["total"]
    assert cells["ostrian"].found and cells["ostrian"].value == 2250, cells["ostrian"]


def test_greedy_sharing_mixes_the_total_and_the_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the matching fixes: taken best first, the pairs of the two claims cross."""
    monkeypatch.setattr(pipeline, "ASSIGNMENT", "greedy")
    monkeypatch.setattr(pipeline, "CONTRAST_WEIGHT", 0.0)
    cells = _run(tmp_path, FORCE, TEXT)
    assert cells["total"].value != 4100


CASUALTIES = """\
version: 1
claims:
  - id: injured
    title: Injured
    kind: count
    find: [people injured in the floods]
    unit: [people]
  - id: missing
    title: Missing
    kind: count
    find: [people missing after the floods]
    unit: [people]
"""


def test_a_claim_says_which_sibling_took_its_value(tmp_path: Path) -> None:
    cells = _run(tmp_path, CASUALTIES, "After the floods, officials say 120 people are missing.\n")
    assert cells["missing"].found and cells["missing"].value == 120
    injured = cells["injured"]
    assert not injured.found
    assert "taken by sibling claim missing" in (injured.why or ""), injured


def test_hungarian_maximises_the_total() -> None:
    # row 0 prefers column 0, but row 1 can only take column 0: 9 + 8 > 10
    assert pipeline._hungarian([[10.0, 9.0], [8.0, None]]) == [1, 0]
    # a row with nothing worth taking takes nothing
    assert pipeline._hungarian([[5.0], [None]]) == [0, None]
    assert pipeline._hungarian([[0.0, None]]) in ([None], [0])


def test_contrastive_words_are_those_the_siblings_lack() -> None:
    claims = load_claims_text(FORCE)
    got = {cid: {w for ph in phrases for w in ph.words} for cid, phrases in
           contrast_phrases(claims, lambda c: c.find).items()}
    # ("contingent" is a synonym of "troops": not the Ostrian claim's own)
    assert {"ostrian", "ostria"} <= got["ostrian"]
    assert "pact" in got["total"] and "troops" not in got["ostrian"]
    assert not got["total"] & got["ostrian"]


def load_claims_text(text: str) -> tuple[Claim, ...]:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "claims.yaml"
        p.write_text(text, encoding="utf-8")
        return load_claims(p).claims


def _claim(**kw: object) -> Claim:
    base: dict[str, object] = {"id": "c", "title": "t", "kind": "count", "find": ("x",)}
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


def _candidates(claim: Claim, text: str, reference: dt.date) -> dict:
    values = read_values(text, claim.kind, reference, "en")
    match = Match("s", text, 1, 80.0, "", 5, 5, ())
    return {c.value.text: c for c in score_candidates(claim, match, values, reference)}


def test_a_value_beside_a_year_long_before_the_report_is_history() -> None:
    toll = _claim(find=("death toll of the earthquake",), unit=("people",))
    got = _candidates(toll, "An earthquake in 1962 killed 96 people.", dt.date(2025, 4, 20))
    assert got["96"].excluded and "history" in got["96"].reasons[0]
    # a few years back is history too, but only loses points ("the 73rd session ... 2018")
    got = _candidates(toll, "In 2021 a quake killed 16 people.", dt.date(2025, 4, 20))
    assert not got["16"].excluded and got["16"].score < 0
    # a claim that names the year is about it
    old = _claim(find=("death toll of the 1962 earthquake",), unit=("people",))
    got = _candidates(old, "An earthquake in 1962 killed 96 people.", dt.date(2025, 4, 20))
    assert not got["96"].excluded
    # a bare year long before the report is no answer to a claim about a day
    when = _claim(kind="date", find=("when did the earthquake strike",))
    got = _candidates(when, "Locals remember the quake of 1962 well.", dt.date(2025, 4, 20))
    assert got["1962"].excluded


def test_the_reports_own_date_and_dates_of_another_role_lose() -> None:
    when = _claim(kind="date", find=("when did the vote take place",))
    ref = dt.date(2025, 10, 3)
    text = "ЛОРВИК, 3 октября. /Балтинформ/. Учителя проголосовали 1 октября."
    values = read_values(text, "date", ref, "ru")
    match = Match("s", text, 1, 80.0, "", 0, 0, ())
    got = {c.value.text: c for c in score_candidates(when, match, values, ref)}
    dateline = next(c for t, c in got.items() if t.startswith("3"))
    assert "report's own date (its dateline)" in dateline.reasons[0]
    assert dateline.score < next(c for t, c in got.items() if t.startswith("1")).score
    request = _claim(kind="date", find=("when did the president request troops",))
    assert claim_roles(request) == {"request"}
    text = "The council approved the mission on 6 March; the president had asked for it on 4 March."
    got = _candidates(request, text, dt.date(2025, 3, 20))
    assert got["6 March"].score < got["4 March"].score
    assert any("approve" in r for r in got["6 March"].reasons)
    v = next(v for v in read_values(text, "date", dt.date(2025, 3, 20), "en") if "6" in v.text)
    assert date_roles(text, v) == {"approve"}


def test_a_third_sibling_whose_words_are_absent_takes_nothing(tmp_path: Path) -> None:
    """A Tarskan contingent the text never mentions takes neither the total nor the Ostrian
    figure (the matching alone would give it any value left over above its threshold)."""
    claims = FORCE + (
        "  - id: tarskan\n    title: Tarskan contingent\n    kind: count\n"
        "    find: [Tarskan contingent, how many soldiers did Tarska send]\n"
        "    unit: [troops, soldiers, personnel]\n"
    )
    cells = _run(tmp_path, claims, TEXT)
    assert cells["total"].value == 4100 and cells["ostrian"].value == 2250
    assert not cells["tarskan"].found
    assert "sibling claim" in (cells["tarskan"].why or "")
