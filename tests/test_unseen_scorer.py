"""The blind-set scorer (benchmarks/claims.py) grades cells and verdicts against the writers' gold."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import claims as scorer

CLAIMS = """version: 1
claims:
  - id: death-toll
    title: Death toll
    kind: count
    find: [people killed in the earthquake]
    unit: [people]
  - id: quake-date
    title: Date of the quake
    kind: date
    find: [earthquake struck]
"""

STATED = """a:
  f1: {value: 225, qualifier: at_least, text: "At least 225"}
  f2: {value: 2024-03-14, qualifier: exact, text: "March 14"}
b:
  f1: {value: 200, qualifier: approx, text: "About 200"}
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    event = tmp_path / "quake"
    (event / "sources").mkdir(parents=True)
    (event / "facts.yaml").write_text("event: quake\nsplit: dev\nfacts: []\n", encoding="utf-8")
    (event / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    (event / "claims-map.yaml").write_text("death-toll: f1\nquake-date: f2\n", encoding="utf-8")
    (event / "stated.yaml").write_text(STATED, encoding="utf-8")
    (event / "sources" / "a.txt").write_text(
        "VALTOWN, March 15 (Wire) - The earthquake struck on March 14. "
        "At least 225 people were killed in the earthquake, officials said.\n",
        encoding="utf-8",
    )
    (event / "sources" / "b.txt").write_text(
        "About 200 people were killed in the earthquake, and 3,000 homes were damaged.\n",
        encoding="utf-8",
    )
    (event / "sources" / "sources.yaml").write_text(
        "sources:\n  - {file: a.txt, id: a, published: 2024-03-15}\n"
        "  - {file: b.txt, id: b, published: 2024-03-15, language: en}\n",
        encoding="utf-8",
    )
    return tmp_path


def test_cells_and_verdicts_are_graded_against_the_gold(root: Path) -> None:
    results = scorer.run(["dev"], root)
    cells = results["dev"]["all"].figures()
    assert cells["stated_cells"] == 3
    assert cells["unstated_cells"] == 1  # the date in b is not stated
    assert cells["found_recall"] == 100.0
    assert cells["value_qualifier_right"] == 100.0
    assert cells["false_finds"] == 0
    # gold: "at least 225" and "about 200" (180-220) do not overlap -> conflict; date single
    assert results["dev"]["verdicts"].verdict_figures() == {"verdicts": 2, "verdicts_right": 100.0}


def test_a_wrong_gold_cell_is_counted_wrong(root: Path) -> None:
    stated = root / "quake" / "stated.yaml"
    stated.write_text(STATED.replace("value: 225", "value: 226"), encoding="utf-8")
    results = scorer.run(["dev"], root)
    cells = results["dev"]["all"]
    assert cells.figures()["value_right"] == pytest.approx(66.7)
    assert any("WRONG" in f and "death-toll/a" in f for f in cells.failures)


def test_incomplete_events_and_other_halves_are_skipped(root: Path) -> None:
    (root / "quake" / "claims-map.yaml").unlink()
    assert scorer.run(["dev"], root) == {}


def test_rephrasing_as_a_user_writes_one_line() -> None:
    """--phrasing: the title, the first phrasing per script, or a question: the claim's own when
    it has one, else one made from its title (counts: "how many ...?") or its Russian noun
    phrase; a statement keeps its first phrasing."""
    from kzclaims.claims import parse_claims

    claims = {
        c.id: c for c in parse_claims(
            "version: 1\nclaims:\n"
            "  - id: dead\n    title: Official death toll\n    kind: count\n    find:\n"
            "      - death toll from the floods\n      - how many people died?\n"
            "      - число погибших при наводнении\n"
            "  - id: voters\n    title: Registered voters\n    kind: count\n    find:\n"
            "      - voters on the roll\n      - число зарегистрированных избирателей\n"
            "  - id: said\n    title: Minister vows to go on\n    kind: statement\n"
            "    find: [the search will go on, поиски продолжатся]\n",
            "claims.yaml",
        ).claims
    }
    assert scorer.rephrase(claims["dead"], "title").find == (
        "Official death toll", "число погибших при наводнении"
    )
    assert scorer.rephrase(claims["dead"], "first").find == (
        "death toll from the floods", "число погибших при наводнении"
    )
    assert scorer.rephrase(claims["dead"], "question").find == (
        "how many people died?", "сколько погибших при наводнении?"
    )
    assert scorer.rephrase(claims["voters"], "question").find == (
        "how many registered voters?", "сколько зарегистрированных избирателей?"
    )
    assert scorer.rephrase(claims["said"], "question").find == (
        "the search will go on", "поиски продолжатся"
    )
