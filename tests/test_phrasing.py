"""A claim phrased the way a user writes it (issue 10, phrasing stability): the title is searched
as one more phrasing (a date's only when the claim has one phrasing in its language and the title
adds a word), and question words weigh like stop words."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kzclaims.claims import parse_claims
from kzclaims.match import is_weak, tokens
from kzclaims.model import Source
from kzclaims.pipeline import ShardSearch, assemble, phrasings

CLAIMS = """version: 1
claims:
  - id: ships
    title: Ships waiting at anchor
    kind: count
    unit: [ships, vessels]
    find:
      - how many vessels were stuck outside the port?
  - id: treaty-date
    title: Date of the Security Treaty
    kind: date
    find:
      - when was the pact between the two navies concluded?
  - id: derailment-date
    title: Date of the derailment
    kind: date
    find:
      - when did the freight train come off the rails?
"""

TEXT = (
    "The strike entered its second week on Monday.\n\n"
    "The port authority says some sixty ships are now waiting at anchor in the estuary.\n\n"
    "Relying on the Security Treaty, the minister today asked for help.\n\n"
    "The derailment happened on October 2 near the Aller bridge.\n"
)


def _cells() -> dict[str, object]:
    claimset = parse_claims(CLAIMS, "claims.yaml")
    source = Source(id="s", file="s.txt", text=TEXT, published=dt.date(2023, 10, 9))
    results = assemble(claimset.claims, ShardSearch(claimset.claims).search([source]))
    return {r.id: r.findings[0] for r in results}


def test_the_title_is_one_more_phrasing_a_dates_only_with_one_line() -> None:
    claimset = parse_claims(CLAIMS, "claims.yaml")
    ships, treaty, derailment = claimset.claims
    assert phrasings(ships) == (*ships.find, "Ships waiting at anchor")
    # a date claim of one English line: its title is one more phrasing
    assert phrasings(treaty) == (*treaty.find, "Date of the Security Treaty")
    assert phrasings(derailment) == (*derailment.find, "Date of the derailment")
    # not with two lines in the title's language (what the user wrote is enough)
    two = replace(derailment, find=(*derailment.find, "the freight train derailed"))
    assert phrasings(two) == two.find
    # nor when the title only repeats words of the line (it would only lower the bar: the
    # bundled corpus's "Date of the Collective Security Treaty")
    same = replace(treaty, find=("decision under Article 4 of the Security Treaty of",))
    assert phrasings(same) == same.find
    # a Russian line does not count against an English title
    ru = replace(derailment, find=(*derailment.find, "дата крушения поезда"))
    assert phrasings(ru) == (*ru.find, "Date of the derailment")


def test_a_one_line_question_is_found_through_the_title() -> None:
    cells = _cells()
    ships = cells["ships"]
    assert ships.found and ships.value == 60  # type: ignore[attr-defined]
    derailment = cells["derailment-date"]
    assert derailment.found and derailment.value == "2023-10-02"  # type: ignore[attr-defined]
    # a date beside the name its title gives, whose words say another role ("asked": a
    # request), is no answer (pipeline.TITLE_DATE_FIT)
    assert not cells["treaty-date"].found  # type: ignore[attr-defined]


def test_question_words_weigh_like_stop_words() -> None:
    for word in tokens("how many", "en") + tokens("какова каков насколько как долго", "ru"):
        assert is_weak(word), word
    assert not any(is_weak(w) for w in tokens("магнитуда землетрясения", "ru"))
