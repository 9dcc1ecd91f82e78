"""A claim phrased the way a user writes it (issue 10, phrasing stability): the title is searched
as one more phrasing (not for dates), and question words weigh like stop words."""

from __future__ import annotations

import datetime as dt

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
"""

TEXT = (
    "The strike entered its second week on Monday.\n\n"
    "The port authority says some sixty ships are now waiting at anchor in the estuary.\n\n"
    "Relying on the Security Treaty, the minister today asked for help.\n"
)


def _cells() -> dict[str, object]:
    claimset = parse_claims(CLAIMS, "claims.yaml")
    source = Source(id="s", file="s.txt", text=TEXT, published=dt.date(2023, 10, 9))
    results = assemble(claimset.claims, ShardSearch(claimset.claims).search([source]))
    return {r.id: r.findings[0] for r in results}


def test_the_title_is_one_more_phrasing_except_for_dates() -> None:
    claimset = parse_claims(CLAIMS, "claims.yaml")
    ships, treaty = claimset.claims
    assert phrasings(ships) == (*ships.find, "Ships waiting at anchor")
    assert phrasings(treaty) == treaty.find


def test_a_one_line_question_is_found_through_the_title() -> None:
    cells = _cells()
    ships = cells["ships"]
    assert ships.found and ships.value == 60  # type: ignore[attr-defined]
    # a date beside the name its title gives is no answer: the title is not searched for dates
    assert not cells["treaty-date"].found  # type: ignore[attr-defined]


def test_question_words_weigh_like_stop_words() -> None:
    for word in tokens("how many", "en") + tokens("какова каков насколько как долго", "ru"):
        assert is_weak(word), word
    assert not any(is_weak(w) for w in tokens("магнитуда землетрясения", "ru"))
