"""The terms of a candidate's fit (``Candidate.parts``) are what its score is made of: the
calibration of the joint score (benchmarks/ranker.py, issue 10) fits its weights on them, so
they must add up to the score the library uses, for every rule of ``score_candidates``."""

from __future__ import annotations

import datetime as dt

import pytest

import kzclaims.choose as choose
from kzclaims.choose import score_candidates
from kzclaims.model import Claim, Match
from kzclaims.values import read_values

#: each term's weight: the constant of kzclaims.choose it stands for
WEIGHTS = {
    "unit_match": "UNIT_MATCH", "unit_mismatch": "UNIT_MISMATCH", "unit_kin": "UNIT_KIN",
    "partitive": "PARTITIVE", "ordinal": "ORDINAL_NUMBER", "bare_year": "BARE_YEAR",
    "history": "HISTORY", "role_mismatch": "ROLE_MISMATCH", "report_date": "REPORT_DATE",
    "other_sentence": "OTHER_SENTENCE", "other_clause": "OTHER_CLAUSE",
    "superseded": "SUPERSEDED", "standing": "STANDING", "part_match": "PART_MATCH",
    "role_match": "ROLE_MATCH",
}

CASES = [
    # (kind, unit, phrasing, text, language)
    ("count", ("people",), "death toll", "The death toll rose to 225 people, and 19 of them "
     "were police officers. Another 40 were hurt.", "en"),
    ("count", ("miners",), "miners killed", "In 2021 a blast killed 16 men; the 3rd shaft "
     "closed; 12 trucks stood by.", "en"),
    ("date", (), "when did the president request troops", "The council approved the mission "
     "on 6 March; the president had asked for it on 4 March. Talks began in 2024.", "en"),
    ("date", (), "когда прошло голосование",
     "ЛОРВИК, 3 октября. /Балтинформ/. Учителя проголосовали 1 октября.", "ru"),
    ("number", (), "session of the assembly", "The 73rd session of the assembly had 193 "
     "members.", "en"),
    ("count", ("человек",), "число погибших",
     "Погибли 225 человек, 19 из них — сотрудники полиции.", "ru"),
    ("number", ("km",), "radius of the exclusion zone",
     "The zone now has a radius of 3 km instead of the initial five.", "en"),
    ("count", ("people",), "people injured",
     "Around 410,000 people live in the province, and 35 people were injured.", "en"),
]


@pytest.mark.parametrize("kind,unit,phrasing,text,language", CASES)
def test_the_parts_of_a_fit_add_up_to_its_score(
    kind: str, unit: tuple[str, ...], phrasing: str, text: str, language: str
) -> None:
    claim = Claim(id="c", title="t", kind=kind, find=(phrasing,), unit=unit)  # type: ignore[arg-type]
    reference = dt.date(2025, 10, 3)
    values = read_values(text, claim.kind, reference, language)
    match = Match("s", text, 1, 80.0, "", 0, 0, ((0, 5),))
    got = [c for c in score_candidates(claim, match, values, reference) if not c.excluded]
    assert got
    names = set()
    for c in got:
        total = 0.0
        for name, amount in c.parts:
            names.add(name)
            if name == "distance":
                total -= min(amount * choose.DISTANCE_PER_CHAR, choose.DISTANCE_CAP)
            else:
                total += getattr(choose, WEIGHTS[name]) * amount
        assert total == pytest.approx(c.score), (c.value.text, c.parts, c.reasons)
    assert "distance" in names


def test_every_rule_of_the_fit_has_its_part() -> None:
    """Each rule that moves a score leaves a part (so none is invisible to the calibration)."""
    seen: set[str] = set()
    reference = dt.date(2025, 10, 3)
    for kind, unit, phrasing, text, language in CASES:
        claim = Claim(id="c", title="t", kind=kind, find=(phrasing,), unit=unit)  # type: ignore[arg-type]
        values = read_values(text, kind, reference, language)  # type: ignore[arg-type]
        match = Match("s", text, 1, 80.0, "", 0, 0, ((0, 5),))
        for c in score_candidates(claim, match, values, reference):
            seen.update(name for name, _ in c.parts)
    assert {"unit_match", "unit_mismatch", "partitive", "ordinal", "history", "role_mismatch",
            "report_date", "other_sentence", "other_clause", "distance", "superseded",
            "standing"} <= seen
