"""Joint (passage, value) scoring: the local score, losslessness of the index under it, and the
floor on the blind set's development half."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import kzclaims.pipeline as pipeline
from kzclaims.claims import load_claims
from kzclaims.joint import SourceStats, claim_phrases, local_score
from kzclaims.match import brute_force_search
from kzclaims.model import Claim, Sentence
from kzclaims.sources import load_sources
from kzclaims.values import read_values

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import claims as grading  # noqa: E402

#: the development half's figures after issue 10's second pass (English: found 77.3 %, value
#: right 75.6 %, 6 false finds of 81; all: 82.0 / 80.3 %, 8 of 137; verdicts 77.5 %), minus a
#: small margin (benchmarks/claims.py --split dev; a development figure: tuned on it). With the
#: claim's title searched as one more phrasing (issue 10's fourth pass, phrasing stability):
#: English found 82.4 %, value right 79.0 %, 4 false finds; all 83.6 / 81.4 %, 7 of 137;
#: verdicts 80.0 %. With the clear best taken below the threshold (issue 10's fifth pass): English
#: found 89.9 %, value right 85.7 %, 4 false finds; all 89.6 / 86.9 %, 7 of 137; verdicts 85.0 %.
#: With the agreement across sources (sixth pass): English found 93.3 %, value right 91.6 %, 5
#: false finds; all 92.3 / 91.3 %, 8 of 137; verdicts 87.5 %.
DEV_FLOORS = {"found_recall": 90.0, "value_right": 88.0}
DEV_ALL_FLOORS = {"found_recall": 89.5, "value_right": 88.5}
DEV_MAX_FALSE_FINDS = 4  # of 81 English cells that state nothing (2 in the eighth pass)
DEV_VERDICTS_FLOOR = 87.5  # 92.5 % in the eighth pass (the drop of far figures)


def _claim(**kw: object) -> Claim:
    base: dict[str, object] = {
        "id": "c", "title": "t", "kind": "count", "find": ("people injured in the floods",),
    }
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


def test_local_score_prefers_the_value_next_to_the_claims_words() -> None:
    text = "The floods left 112 people dead, 430 injured and 58 missing."
    sents = [Sentence(0, text, 1), Sentence(1, "The floods hit the valley.", 2)]
    stats = SourceStats(sents)
    phrases = claim_phrases(_claim(), ["people injured in the floods"])
    values = {v.text: v for v in read_values(text, "count", None)}
    scores = {t: local_score(phrases, stats, text, v)[0] for t, v in values.items()}
    assert scores["430"] > scores["112"] and scores["430"] > scores["58"], scores


def test_informative_words_weigh_more() -> None:
    # "floods" is in every sentence, "injured" in one: the value near "injured" wins although
    # the other is as near to "floods"
    sents = [
        Sentence(0, "Floods: 430 were injured.", 1),
        Sentence(1, "Floods: 90 villages.", 2),
        Sentence(2, "The floods came at night.", 3),
        Sentence(3, "Floods again.", 4),
    ]
    stats = SourceStats(sents)
    assert stats.idf("injured") > stats.idf("floods")
    phrases = claim_phrases(_claim(), ["people injured in the floods"])
    a = local_score(phrases, stats, sents[0].text, read_values(sents[0].text, "count", None)[0])
    b = local_score(phrases, stats, sents[1].text, read_values(sents[1].text, "count", None)[0])
    assert a[0] > b[0]


def test_unit_counts_as_a_word_beside_the_value() -> None:
    text = "Officials said 40 homes and 12 barns burned."
    stats = SourceStats([Sentence(0, text, 1)])
    phrases = claim_phrases(_claim(), ["buildings destroyed by the fire"])
    v = read_values(text, "count", None)[0]
    assert local_score(phrases, stats, text, v, unit_hit=True)[0] > local_score(
        phrases, stats, text, v
    )[0]


def _brute(
    indexed: pipeline._Indexed, claim: Claim, threshold: float, limit: int,
    sources: object = None,
) -> dict:
    # every source is scanned, also when the index is asked for some (``sources``): the
    # index's passages of those must be the brute force's all the same
    out = {}
    language = {s.id: s.language for s in indexed.sources}
    for sid, sents in indexed.sentences.items():
        got = brute_force_search(
            sid, sents, pipeline.phrasings(claim), threshold, limit, language=language[sid]
        )
        if got:
            out[sid] = got
    return out


def _events() -> list[Path]:
    return [*[e.path for e in grading.named_events(["dev"])][:1], ROOT]


@pytest.mark.parametrize("where", _events(), ids=lambda p: p.name)
def test_index_loses_nothing_the_joint_scorer_accepts(
    where: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every cell is the same when the passages come from a brute-force scan of every sentence
    instead of the index: the prefilter passes every passage the joint scorer reads."""
    claimset = load_claims(where / "claims.yaml")
    corpus = load_sources(where / "sources")
    ids = [c.id for c in claimset.claims][:10]
    indexed_report = pipeline.compare(claimset, corpus, ids)
    monkeypatch.setattr(pipeline._Indexed, "search", _brute)
    assert pipeline.compare(claimset, corpus, ids) == indexed_report


def test_dev_half_floor() -> None:
    """benchmarks/claims.py's grading of the development half stays above the figures measured
    when the joint scorer landed (a development figure: tuned on these events)."""
    half = grading.run(["dev"])["dev"]
    en = half["en"].figures()
    for name, floor in DEV_FLOORS.items():
        assert en[name] >= floor, (name, en[name])
    cells = half["all"].figures()
    for name, floor in DEV_ALL_FLOORS.items():
        assert cells[name] >= floor, (name, cells[name])
    assert en["false_finds"] <= DEV_MAX_FALSE_FINDS, en
    assert half["verdicts"].verdict_figures()["verdicts_right"] >= DEV_VERDICTS_FLOOR


TWO_CLAIMS = """version: 1
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
  - id: rain-date
    title: Day the rain began
    kind: date
    find: [heavy rain began]
"""


def test_a_value_answers_one_claim(tmp_path: Path) -> None:
    """"120 people are missing" is the missing; the injured claim, whose unit is also people,
    does not take it and abstains."""
    (tmp_path / "claims.yaml").write_text(TWO_CLAIMS, encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(
        "After the floods, officials say 120 people are missing.\n"
        "Heavy rain began in 2024, the worst since 1998.\n"
        "Heavy rain began on March 3, 2024, the service said.\n",
        encoding="utf-8",
    )
    report = pipeline.compare(
        load_claims(tmp_path / "claims.yaml"), load_sources(tmp_path / "sources")
    )
    cells = {c.id: c.findings[0] for c in report.claims}
    assert cells["missing"].found and cells["missing"].value == 120
    assert not cells["injured"].found
    # a bare year is a poor answer to a claim about a day: the day wins
    assert cells["rain-date"].found and cells["rain-date"].value == "2024-03-03"
    ex = pipeline.explain(
        next(c for c in load_claims(tmp_path / "claims.yaml").claims if c.id == "injured"),
        load_sources(tmp_path / "sources"),
        claims=load_claims(tmp_path / "claims.yaml").claims,
    )
    assert not ex.sources[0].finding.found


#: the first held-out half, now "spent": measured once with the joint scorer (commit 988eade)
#: before any of its failures were read: found 68.2 %, value right 61.8 %, false finds 9 of 139,
#: verdicts 64.1 % (all languages). It was re-run and its failures read after that, so it is now
#: development data (split: spent); the floors keep the figures from falling back. After issue
#: 10's second pass (a development figure now): found 78.6 %, value right 71.7 %, 7 false finds
#: of 139, verdicts 69.2 %; after the reader's pass on the second held-out half's forms (with the
#: sibling claims' assignment in): found 78.0 %, value right 72.8 %, 7 false finds, verdicts
#: 76.9 %; with the claim's title searched (fourth pass): found 80.9 %, value right 75.7 %, 9
#: false finds, verdicts 76.9 %; with the clear best below the threshold (fifth pass): found
#: 85.5 %, value right 80.3 %, 10 false finds, verdicts 76.9 %. The floors are those less a
#: small margin. With the news synonym groups as well (fifth pass, locate): found 89.6 %, value
#: right 84.4 %, 10 false finds, verdicts 76.9 %; with "lives", "sought" and "крушение катастрофа":
#: found 90.2 %, value right 85.0 %, 10 false finds, verdicts 76.9 %. With the agreement across
#: sources (sixth pass): found 91.9 %, value right 87.9 %, 9 false finds, verdicts 76.9 %.
#: With the clear best of a length of time 30 points down (ninth pass): found 92.5 %, value right
#: 91.3 %, 3 false finds, verdicts 87.2 %.
SPENT_FLOORS = {"found_recall": 91.0, "value_right": 89.5}
SPENT_MAX_FALSE_FINDS = 5  # 3 in the eighth pass
SPENT_VERDICTS_FLOOR = 84.0  # 82.1 % in the eighth pass, 87.2 % in the ninth


def test_spent_half_floor() -> None:
    """benchmarks/claims.py's grading of the spent first held-out half does not fall below the
    figure measured once when the joint scorer landed (see docs/benchmarks.md)."""
    _assert_floors("spent", SPENT_FLOORS, SPENT_MAX_FALSE_FINDS, SPENT_VERDICTS_FLOOR)


def _assert_floors(
    split: str, floors: dict[str, float], max_false_finds: int, verdicts_floor: float
) -> None:
    """benchmarks/claims.py's grading of one split (all languages) holds its floors."""
    half = grading.run([split])[split]
    cells = half["all"].figures()
    for name, floor in floors.items():
        assert cells[name] >= floor, (name, cells[name])
    assert cells["false_finds"] <= max_false_finds, cells
    assert half["verdicts"].verdict_figures()["verdicts_right"] >= verdicts_floor


AREA_CLAIMS = """version: 1
claims:
  - id: area
    title: Area burned
    kind: number
    find: [area burned by the Kettle wildfire]
    unit: [hectares]
  - id: crews
    title: Firefighters
    kind: count
    find: [firefighters fighting the Kettle wildfire]
    unit: [firefighters]
"""


def test_value_first_by_unit_window_and_kin(tmp_path: Path) -> None:
    """A value counting the claim's own unit is a candidate in any sentence of a source where
    the claim was found ("Its final mapped size is 48,600 hectares" shares no phrasing word),
    and says why."""
    (tmp_path / "claims.yaml").write_text(AREA_CLAIMS, encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(
        "The Kettle wildfire burned for 32 days and 640 firefighters fought it.\n\n"
        "Its final mapped size is 48,600 hectares, officials said.\n",
        encoding="utf-8",
    )
    (tmp_path / "sources" / "b.txt").write_text(
        "The Kettle wildfire burned for 32 days and 640 firefighters fought it.\n\n"
        "Schools reopened on Monday. Roads are open again.\n\n"
        "Its final mapped size is 48,600 hectares, officials said.\n",
        encoding="utf-8",
    )
    report = pipeline.compare(
        load_claims(tmp_path / "claims.yaml"), load_sources(tmp_path / "sources")
    )
    a, b = next(c for c in report.claims if c.id == "area").findings
    # in a: the sentence after a found passage (a window); in b: three sentences on, by its unit
    assert a.found and a.value == 48600 and "stated 1 sentence after" in (a.why or ""), a
    assert b.found and b.value == 48600 and "found by the unit it counts" in (b.why or ""), b
    crews = next(c for c in report.claims if c.id == "crews").findings[0]
    assert crews.found and crews.value == 640


def test_people_under_another_name_are_kin() -> None:
    from kzclaims.choose import unit_fit

    assert unit_fit("persons", ["people"]) == "kin"
    assert unit_fit("men", ["miners", "workers"]) == "kin"
    assert unit_fit("military personnel", ["troops"]) == "kin"
    assert unit_fit("человек", ["горняков"]) == "kin"
    assert unit_fit("hectares", ["people"]) == "mismatch"
    assert unit_fit("people", ["people"]) == "match"


#: the second held-out half, now "spent2": written blind on 2026-12-07 and measured once at
#: c7159ed before any of its failures were read: found 74.1 %, value right 57.5 %, false finds
#: 19 of 175, verdicts 67.4 % (all languages; docs/benchmarks.md). Its failures have been read
#: since, so it is development data; the floors keep the figures from falling back. After the
#: reader's fixes for the forms its reports write (day-first "15.09. to 29.09.2025", "from the
#: fifteenth to the twenty-ninth of September", "this morning", "в начале марта", ...): found
#: 77.2 %, value right 61.1 %, false finds 18, verdicts 71.7 %; with the sibling claims'
#: assignment (f064622) as well, at 9f00f1f: 78.8 %, 67.9 %, 21 false finds, verdicts 69.6 %.
#: With the history and dateline penalties too (631a16a): found 76.2 % (wrong values of another
#: time are no longer found), value right 68.4 %, 19 false finds, verdicts 69.6 %. With the claim's
#: title searched (fourth pass, main at b6bebb9): found 79.8 %, value right 71.5 %, 15 false
#: finds, verdicts 76.1 %. With the clear best below the threshold (fifth pass): found 84.5 %,
#: value right 76.7 %, 17 false finds, verdicts 78.3 %. The floors are those less a margin.
#: With the news synonym groups as well (fifth pass, locate): found 85.5 %, value right 77.7 %, 19
#: false finds, verdicts 78.3 %. With the agreement across sources (sixth pass): found 86.0 %,
#: value right 81.9 %, 19 false finds, verdicts 80.4 %.
SPENT2_FLOORS = {"found_recall": 84.0, "value_right": 81.5}  # tenth pass: 85.0 / 82.9 %
SPENT2_MAX_FALSE_FINDS = 12  # 10 in the eighth pass
SPENT2_VERDICTS_FLOOR = 82.0  # 82.6 % at the start of the tenth pass, 84.8 % after it


def test_spent2_half_floor() -> None:
    """The second former held-out half does not fall below the figure measured on it once."""
    _assert_floors("spent2", SPENT2_FLOORS, SPENT2_MAX_FALSE_FINDS, SPENT2_VERDICTS_FLOOR)


#: the third held-out half, now "spent3": written blind on 2026-12-07, measured at ea0f0dd (found
#: 82.8 %, value right 72.9 %, false finds 16 of 184, verdicts 70.2 %) and again at 8a40a6a
#: (83.3 %, 74.0 %, 19 of 184, 70.2 %; all languages; docs/benchmarks.md) before any of its
#: failures were read. Its failures are read from the fifth session on (2026-12-07, 10:00 UTC),
#: so it is development data; the floors keep the figures from falling back. With the clear best
#: below the threshold (fifth pass): found 85.4 %, value right 76.0 %, 20 false finds, verdicts
#: 68.1 %.
#: With the news synonym groups as well (fifth pass, locate): found 89.1 %, value right 81.8 %, 22
#: false finds (two more: values a sibling claim took before), verdicts 68.1 %; with "lives",
#: "sought" and "крушение катастрофа": found 90.1 %, value right 82.8 %, 21 false finds, verdicts
#: 70.2 %. With the agreement across sources (sixth pass): found 92.2 %, value right 89.6 %, 18
#: false finds, verdicts 78.7 %.
SPENT3_FLOORS = {"found_recall": 91.5, "value_right": 90.0}  # ninth pass: 93.8 / 92.2 %
SPENT3_MAX_FALSE_FINDS = 4  # 2 in the eighth pass
SPENT3_VERDICTS_FLOOR = 89.0  # 91.5 % in the eighth pass, 93.6 % in the ninth (rates as units)


def test_spent3_half_floor() -> None:
    """The third former held-out half does not fall below the figure measured on it twice."""
    _assert_floors("spent3", SPENT3_FLOORS, SPENT3_MAX_FALSE_FINDS, SPENT3_VERDICTS_FLOOR)


CLEAR_CLAIMS = """version: 1
claims:
  - id: truce-length
    title: Initial length of the truce
    kind: duration
    find:
      - how long is the truce meant to last?
"""
CLEAR_TEXTS = (
    "The talks went on all week in the capital. The truce was concluded for 90 days. "
    "Markets reopened.\n",
    "The talks went on all week in the capital. The truce was concluded for 90 days, or for "
    "60 days, the rebels say. Markets reopened.\n",
)


def test_clear_best_below_the_threshold() -> None:
    """A duration that is the only one of the claim's candidates in a report is taken a little
    below the threshold (the clear best), and says so; with a rival nearly as good, nothing is
    (issue 10, fifth pass). The gate agrees (its limit is the clear best's bar)."""
    from kzclaims.claims import parse_claims
    from kzclaims.model import Source
    from kzclaims.pipeline import CLEAR_BAR, ShardSearch, assemble

    claimset = parse_claims(CLEAR_CLAIMS, "claims.yaml")
    sources = [Source(id=f"s{k}", file=f"s{k}.txt", text=t) for k, t in enumerate(CLEAR_TEXTS)]
    results = {
        gate: assemble(claimset.claims, ShardSearch(claimset.claims, None, gate=gate).search(sources))
        for gate in (True, False)
    }
    assert results[True] == results[False]
    alone, rivalled = results[True][0].findings
    assert alone.found and alone.value == 90
    assert alone.score is not None and 75 - CLEAR_BAR["duration"] <= alone.score < 75
    assert "clear best" in (alone.why or "")
    assert not rivalled.found


#: the fourth held-out half, now "spent4": written blind on 2026-12-07, measured at 669d2e7 and
#: again at ec6eac5 (the same figures: found 82.4 %, value right 72.4 %, false finds 23 of 153,
#: verdicts 72.7 % of 44; all languages; docs/benchmarks.md) before any of its failures were read.
#: From the sixth session on (2026-12-07, 12:50 UTC) it is the validation split: its figures are
#: read at every change (a change is kept only if they do not fall), its failures are not; so it
#: is no longer held out, and the floors keep the figures from falling back. With the agreement
#: across sources (sixth pass; chosen on the other four splits, spent4 measured in aggregate
#: only): found 86.4 %, value right 78.4 %, 22 false finds, verdicts 75.0 %. In the seventh
#: session its failures were read (design data since); on main at 238bb40: found 89.9 %, value
#: right 83.4 %, 18 false finds, verdicts 75.0 %; with the seventh pass's standing figure:
#: found 89.9 %, value right 83.9 %, 16 false finds, verdicts 75.0 %.
SPENT4_FLOORS = {"found_recall": 87.5, "value_right": 83.0}  # ninth pass: 89.4 / 84.9 %
SPENT4_MAX_FALSE_FINDS = 11  # 9 in the eighth pass
SPENT4_VERDICTS_FLOOR = 82.0  # 79.5 % in the eighth pass, 84.1 % in the tenth


def test_spent4_half_floor() -> None:
    """The fourth former held-out half does not fall below the figure measured on it twice."""
    _assert_floors("spent4", SPENT4_FLOORS, SPENT4_MAX_FALSE_FINDS, SPENT4_VERDICTS_FLOOR)


#: Claims files written in one language (the bridge of issue 7, its lexicon extended in issue
#: 10's sixth pass): on the spent split (development data), Russian-only claims read the English
#: reports at value right 66.1 % (4 false finds) and English-only claims the Russian reports at
#: 76.6 % (8 false finds), `benchmarks/claims.py --split spent --phrasing russian / english`. The
#: floors are those less a margin.
ONE_LANGUAGE_FLOORS = {"russian": ("en", 63.0, 6), "english": ("ru", 74.0, 10)}


@pytest.mark.parametrize("how", sorted(ONE_LANGUAGE_FLOORS))
def test_claims_in_one_language_floor(how: str) -> None:
    """A claims file in one language still reads the other language's reports on spent."""
    lang, floor, max_false = ONE_LANGUAGE_FLOORS[how]
    cells = grading.run(["spent"], phrasing=how)["spent"][lang].figures()
    assert cells["value_right"] >= floor, cells
    assert cells["false_finds"] <= max_false, cells


#: Claims phrased the way users write them (issue 10, ninth pass): one question per language, or
#: the first phrasing of each language (``benchmarks/claims.py --phrasing question / first``),
#: on design splits (development figures). With a date claim's title searched when it has one
#: line in the title's language (``pipeline.DATE_TITLE_PHRASINGS``): value right on spent with
#: a question en 84.4 -> 88.1 %, ru 81.2 -> 85.9 % (3 false finds); on spent3 with the first
#: phrasing en 84.6 -> 87.0 %, ru 88.4 -> 89.9 % (5 false finds). Floors: those less a margin,
#: above the English figures before.
PHRASING_FLOORS = {
    "question": ("spent", {"en": 86.0, "ru": 83.5}, 5),
    "first": ("spent3", {"en": 85.5, "ru": 88.0}, 7),
    # tenth pass: the title alone on spent7, English 72.5 -> 75.8 %, Russian 84.3 -> 85.7 %
    # (7 false finds; a named part, a date beside the claim's role words)
    "title": ("spent7", {"en": 74.5, "ru": 84.0}, 9),
}


@pytest.mark.parametrize("how", sorted(PHRASING_FLOORS))
def test_claims_phrased_as_users_write_floor(how: str) -> None:
    """One question, or one phrasing per language, still finds the values on a design split."""
    split, floors, max_false = PHRASING_FLOORS[how]
    half = grading.run([split], phrasing=how)[split]
    for lang, floor in floors.items():
        assert half[lang].figures()["value_right"] >= floor, (lang, half[lang].figures())
    assert half["all"].figures()["false_finds"] <= max_false, half["all"].figures()


#: the fifth held-out half, now "spent5": written blind on 2026-12-07 (sixth session), measured
#: once at cdcc96e with its failures unread (found 86.5 %, value right 82.7 %, false finds 10 of
#: 175, verdicts 80.0 % of 45; all languages; docs/benchmarks.md). From the seventh session on
#: (2026-12-07, 15:20 UTC) it is the validation split: its figures are read at every change (a
#: change is kept only if they do not fall), its failures are not; a sixth half (test6) is held
#: out. Floors a little below the figure measured once. Seventh pass (another claim's figure,
#: superseded and standing figures; chosen on the design splits): found 86.5 %, value right
#: 83.8 %, 9 false finds, verdicts 80.0 %.
SPENT5_FLOORS = {"found_recall": 86.5, "value_right": 86.5}  # tenth pass: 90.3 / 88.1 %
SPENT5_MAX_FALSE_FINDS = 6  # 4 in the eighth pass
SPENT5_VERDICTS_FLOOR = 91.0  # 88.9 % in the eighth pass, 93.3 % in the tenth


def test_spent5_half_floor() -> None:
    """The fifth former held-out half does not fall below the figure measured on it once."""
    _assert_floors("spent5", SPENT5_FLOORS, SPENT5_MAX_FALSE_FINDS, SPENT5_VERDICTS_FLOOR)


#: the sixth held-out half, now "spent6": written blind on 2026-12-07 (seventh session), measured
#: once at 85e424f with its failures unread (found 87.4 %, value right 80.6 %, false finds 11 of
#: 169, verdicts 75.6 % of 45; all languages; docs/benchmarks.md). From the eighth session on
#: (2026-12-07, 18:00 UTC) it is the validation split: its figures are read at every change (a
#: change is kept only if they do not fall), its failures are not; a seventh half (test7) is held
#: out. Floors a little below the figure measured once.
#: With the ninth pass's periods named by their roles ("on Friday, running until July 14") and the
#: clear best of a length of time 30 points down: found 92.7 %, value right 85.9 %, 8 false finds,
#: verdicts 82.2 % (a development figure: spent6 is design data from the ninth session on).
SPENT6_FLOORS = {"found_recall": 90.5, "value_right": 84.0}  # ninth pass: 91.6 / 84.8 %
SPENT6_MAX_FALSE_FINDS = 10  # 8 in the eighth pass, 7 in the ninth
SPENT6_VERDICTS_FLOOR = 78.0  # 80.0 % in the eighth pass, 82.2 % in the ninth


def test_spent6_half_floor() -> None:
    """The sixth former held-out half does not fall below the figure measured on it once."""
    _assert_floors("spent6", SPENT6_FLOORS, SPENT6_MAX_FALSE_FINDS, SPENT6_VERDICTS_FLOOR)


#: the seventh held-out half, now "spent7": written blind on 2026-12-07 (eighth session), measured
#: once at a1a4b47 with its failures unread (found 85.8 %, value right 81.1 %, false finds 9 of
#: 170, verdicts 80.0 % of 45; all languages; docs/benchmarks.md). From the ninth session on
#: (2026-12-07, 21:10 UTC) it is the validation split: its figures are read at every change (a
#: change is kept only if they do not fall), its failures are not; an eighth half (test8) is held
#: out. Floors a little below the figure measured once.
#: From the tenth session on its failures may be read (design data). Tenth pass: found 88.9 %,
#: value right 86.8 %, 8 false finds, verdicts 84.4 % (a named part, "1,600 of them Russian
#: paratroopers"; a list's bullet is no minus sign; a date beside the claim's role words), with
#: the Russian shares, "вспыхнуть" and "по-прежнему" of the same session
SPENT7_FLOORS = {"found_recall": 87.5, "value_right": 85.0}
SPENT7_MAX_FALSE_FINDS = 11
SPENT7_VERDICTS_FLOOR = 82.0  # 80.0 % at the start of the tenth pass, 84.4 % after dates a day apart


def test_spent7_half_floor() -> None:
    """The seventh former held-out half does not fall below the figure measured on it once."""
    _assert_floors("spent7", SPENT7_FLOORS, SPENT7_MAX_FALSE_FINDS, SPENT7_VERDICTS_FLOOR)


#: the eighth held-out half, now "spent8": written blind on 2026-12-07 (ninth session), measured
#: once at f954814 (found 91.7 %, value right 88.8 %, false finds 7
#: of 155, verdicts 80.0 % of 45; all languages; docs/benchmarks.md), failures unread. From the
#: tenth session on (2026-12-07, 23:50 UTC) it is the validation split: its figures are read at
#: every change, its failures are not; a ninth half (test9) is held out. Floors a little below.
SPENT8_FLOORS = {"found_recall": 90.0, "value_right": 87.0}
SPENT8_MAX_FALSE_FINDS = 9
SPENT8_VERDICTS_FLOOR = 82.0  # 84.4 % in the tenth pass (validation: the figure only, failures unread)


def test_spent8_half_floor() -> None:
    """The eighth former held-out half does not fall below the figure measured on it once."""
    _assert_floors("spent8", SPENT8_FLOORS, SPENT8_MAX_FALSE_FINDS, SPENT8_VERDICTS_FLOOR)


#: the ninth held-out half (split: test9), written blind on 2026-12-07/08 (tenth session), its
#: failures unread: measured once with the session's starting code (c2e8627) and once with its
#: final code (ec6c9c3): found 81.0 %, value right 76.2 %, false finds 9 of 142, verdicts 77.3 %
#: of 44 both times (all languages; docs/benchmarks.md). Floors a little below.
HELD_OUT_FLOORS = {"found_recall": 79.0, "value_right": 74.0}
HELD_OUT_MAX_FALSE_FINDS = 11
HELD_OUT_VERDICTS_FLOOR = 74.0


def test_held_out_half_floor() -> None:
    """The current held-out half (split: test9) does not fall below the figure measured once."""
    _assert_floors("test9", HELD_OUT_FLOORS, HELD_OUT_MAX_FALSE_FINDS, HELD_OUT_VERDICTS_FLOOR)
