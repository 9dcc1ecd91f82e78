"""The cross-language bridge (kzclaims.lang.bridge): a claims file written in one language.

Unit tests of the bridge, the data-driven cases of tests/cases/bridge/bridge.yaml, and end to
end on the formats fixture corpus (tests/fixtures/formats: four English sources and a Russian
news-agency report) with the claims cut to one language: every cell written out.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from kzclaims.claims import load_claims
from kzclaims.cli import app
from kzclaims.lang import detect, get
from kzclaims.lang.bridge import (
    Bridge,
    bridge_claim,
    bridge_phrasing,
    bridges_of,
    english_forms,
    translate_word,
    transliterate,
)
from kzclaims.match import score_passage
from kzclaims.model import Claim, Report
from kzclaims.pipeline import compare, explain
from kzclaims.sources import load_sources

ROOT = Path(__file__).resolve().parent
FORMATS = ROOT / "fixtures" / "formats"
CASES = ROOT / "cases" / "bridge" / "bridge.yaml"


def _cyrillic(text: str) -> bool:
    return any("а" <= ch.lower() <= "я" for ch in text)


# --- unit tests ------------------------------------------------------------------------------


def test_english_forms_reach_the_base_form() -> None:
    assert "deploy" in english_forms("deployed")
    assert "evacuate" in english_forms("evacuated")
    assert "casualty" in english_forms("casualties")
    assert "stop" in english_forms("stopped")
    assert english_forms("troops")[:2] == ["troops", "troop"]


def test_translate_word_both_ways() -> None:
    assert translate_word("troops", "en", "ru")[0] == "войско"
    assert "погибнуть" in translate_word("killed", "en", "ru")
    assert "эвакуировать" in translate_word("evacuated", "en", "ru")
    assert translate_word("xylophone", "en", "ru") == ()
    # a Russian lemma -> English words; the one with English synonyms first ("killed": its
    # group holds "death", "dead", "toll")
    assert translate_word("погибнуть", "ru", "en")[0] == "killed"
    assert "evacuated" in translate_word("эвакуировать", "ru", "en")
    assert translate_word("troops", "en", "en") == ()  # no pair: nothing


def test_lexicon_is_lemmas_matching_compares() -> None:
    """Every Russian word of the table is stored as the lemma a source's word is reduced to."""
    from kzclaims.lang.bridge import _table

    ru = get("ru")
    for words in _table("en", "ru").values():
        for w in words:
            assert ru.normalize(w) == w, w


def test_transliterate_names() -> None:
    assert transliterate("Velmara", "ru") == "велмара"
    assert transliterate("Kellbach", "ru") == "келлбах"
    assert transliterate("Shchukin", "ru") == "щукин"
    assert transliterate("Велмара", "en") == "velmara"
    assert transliterate("Жанаозен", "en") == "zhanaozen"


def test_a_names_possessive_is_not_transliterated() -> None:
    """"Casteria's losses": the name is "кастерия", not "кастерия'с" (never in a source)."""
    texts = [b.text for b in bridge_phrasing("Casteria's losses", "ru")]
    assert texts[0] == "кастерия потеря", texts
    assert not any("'" in t or "’" in t for t in texts), texts


def test_bridge_phrasing_words_names_numbers_and_dropped() -> None:
    bridges = bridge_phrasing("number of troops deployed to Velmara", "ru")
    assert bridges[0] == Bridge(
        "number of troops deployed to Velmara", "ru", "войско развернуть велмара",
        (("troops", "войско"), ("deployed", "развернуть"), ("Velmara", "велмара")),
    )
    # a few ranks of translation ("военнослужащий направить ..."), each with the transliterated
    # name and without it (a name may be spelt otherwise in the source)
    texts = [b.text for b in bridges]
    assert len(texts) == 10
    assert texts[1] == "военнослужащий направить велмара"
    assert texts[5:7] == ["войско развернуть", "военнослужащий направить"]
    desc = bridges[0].describe()
    assert "troops -> войско" in desc and "deployed -> развернуть" in desc
    # an all-capital abbreviation is not transliterated (CSTO is ОДКБ); an unknown lower-case
    # word is left out and said so
    b = bridge_phrasing("CSTO troops arrived gradually xylophone 2,030", "ru")[0]
    assert b.text == "войско прибыть поэтапный 2030"
    assert b.dropped == ("CSTO", "xylophone")
    assert "not bridged: CSTO, xylophone" in b.describe()


def test_phrases_are_carried_whole() -> None:
    """A phrase said in another number of words in the other language ("voter turnout" is
    "явка"), in any form, before its words one by one; both ways."""
    b = bridge_phrasing("Voter turnout in the elections", "ru")[0]
    assert b.text == "явка выборы"
    assert b.words[0] == ("Voter turnout", "явка")
    assert bridge_phrasing("the ceasefire took effect", "ru")[0].text == "перемирие вступить сила"
    assert bridge_phrasing("явка избирателей", "en")[0].text == "turnout"
    assert bridge_phrasing("режим чрезвычайного положения", "en")[0].text == "state emergency"


def test_the_title_is_bridged_when_it_is_searched() -> None:
    claim = Claim(id="c", title="Troops deployed", kind="count", find=("soldiers sent",))
    got = bridge_claim(claim, {"en", "ru"}, lambda c: (*c.find, c.title))
    assert "военнослужащий направить" in got.find  # from "soldiers sent"
    assert "войско развернуть" in got.find  # from the title
    assert got.title == "Troops deployed"
    # a Russian title is a Russian phrasing: the claim is bridged into Russian no more
    ru_title = replace(claim, title="Развернутые войска")
    assert bridge_claim(ru_title, {"en", "ru"}, lambda c: (*c.find, c.title)) is ru_title


def test_a_phrasing_s_language_is_counted_in_words() -> None:
    """A Russian phrasing naming a firm in Latin letters is Russian (more Latin letters, fewer
    words), so a claim phrased only so is bridged into English sources."""
    from kzclaims.lang import language_of_phrase

    assert language_of_phrase("взрыв на заводе Corvane Chemicals") == "ru"
    assert language_of_phrase("число мест BRF в Национальной ассамблее") == "ru"
    assert language_of_phrase("troops of the ОДКБ") == "en"
    # as many words of each script: by letters
    assert language_of_phrase("Hollin ОДКБ") == "en"
    assert language_of_phrase("Мосула ISIS") == "ru"
    claim = Claim(id="blast", title="взрыв на заводе Corvane Chemicals", kind="date",
                  find=("взрыв на заводе Corvane Chemicals",))
    bridged = bridge_claim(claim, {"en", "ru"})
    assert any(p.split()[:1] == ["explosion"] and "corvane" in p.split() for p in bridged.find), (
        bridged.find
    )


def test_nothing_to_bridge() -> None:
    assert bridge_phrasing("troops deployed", "en") == ()  # same language
    assert bridge_phrasing("the number of", "ru") == ()  # stop words only
    assert bridge_phrasing("2,030", "ru") == ()  # a number alone finds nothing


def _claim(find: tuple[str, ...], unit: tuple[str, ...] = ()) -> Claim:
    return Claim(id="c", title="t", kind="count", find=find, unit=unit)


def test_bridge_claim_only_into_languages_it_lacks() -> None:
    en = _claim(("troops deployed",), ("troops",))
    assert bridge_claim(en, {"en"}) is en
    both = _claim(("troops deployed", "направлены военнослужащие"), ("troops",))
    assert bridge_claim(both, {"en", "ru"}) is both
    got = bridge_claim(en, {"en", "ru"})
    assert got.find[0] == "troops deployed"
    assert "войско развернуть" in got.find
    assert got.unit == ("troops", "войско", "военнослужащий")
    assert [b.text for b in bridges_of(en, {"ru"})] == list(got.find[1:])
    ru = _claim(("число погибших",), ("погибших",))
    got = bridge_claim(ru, {"ru", "en"})
    assert got.find[:3] == ("число погибших", "killed", "died")
    assert got.unit[0] == "погибших"


def test_a_currency_unit_is_bridged() -> None:
    # QA5: `unit: [roubles, RUB]` did not count "1,5 млн рублей" (fit -30.8: "not roubles / RUB")
    got = bridge_claim(_claim(("families of the dead will receive compensation",),
                              ("roubles", "RUB")), {"en", "ru"})
    assert got.unit == ("roubles", "RUB", "рубль")


def test_the_table_is_not_loaded_for_a_run_in_one_language() -> None:
    """Start-up stays cheap: an English claims file on English sources never reads the table."""
    code = (
        "import sys\n"
        "from kzclaims.claims import load_claims\n"
        "from kzclaims.sources import load_sources\n"
        "from kzclaims.pipeline import compare\n"
        f"compare(load_claims({str(ROOT / 'fixtures' / 'corpus' / 'claims.yaml')!r}),"
        f" load_sources({str(ROOT / 'fixtures' / 'corpus' / 'sources')!r}))\n"
        "print('kzclaims.lang.en_ru' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


# --- data-driven cases -----------------------------------------------------------------------


def _cases() -> list[Any]:
    doc = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return [
        pytest.param(c, doc["threshold"], id=f"{i}-{c['phrasing'][:30]}")
        for i, c in enumerate(doc["cases"])
    ]


@pytest.mark.parametrize(("case", "threshold"), _cases())
def test_bridge_case(case: dict[str, Any], threshold: float) -> None:
    language = detect(case["sentence"])
    assert language != detect(case["phrasing"])
    bridges = bridge_phrasing(case["phrasing"], language)
    best = max((score_passage(b.text, case["sentence"], language) for b in bridges), default=0.0)
    assert (best >= threshold) == case["found"], (best, [b.text for b in bridges])
    for w in case.get("words", ()):
        assert w in bridges[0].text.split(), (w, bridges[0].text)


# --- end to end: a claims file in one language -----------------------------------------------

S = True


def _one_language(cyrillic: bool) -> Any:
    """The formats claims file as written in one language: its phrasings and units in that
    language, and (Russian) a Russian title: the claim's first Russian phrasing."""
    claims = load_claims(FORMATS / "claims.yaml", "claims.yaml")
    out = []
    for c in claims.claims:
        find = tuple(p for p in c.find if _cyrillic(p) == cyrillic)
        out.append(replace(
            c, find=find, unit=tuple(u for u in c.unit if _cyrillic(u) == cyrillic),
            title=find[0] if cyrillic else c.title,
        ))
    return replace(claims, claims=tuple(out))


def _cells(report: Report) -> dict[str, tuple[str, tuple[Any, ...]]]:
    return {
        c.id: (
            c.verdict,
            tuple((f.value, f.qualifier, f.where) if f.found else None for f in c.findings),
        )
        for c in report.claims
    }


# English phrasings only: the Russian report (interfax, the last column) is found through the
# bridged phrasings; the English sources as with the full claims file (tests/test_formats.py).
ENGLISH_ONLY = {
    "csto-appeal": ("agree", (None, (S, "exact", "page 1"), (S, "exact", "paragraph 6"), None,
                              (S, "exact", "line 17"))),
    "csto-troops": ("agree", ((2030, "exact", "paragraph 3"), (2030, "exact", "page 2"),
                              (2030, "exact", "paragraph 5"), None, (2030, "exact", "line 9"))),
    "csto-equipment": ("agree", ((250, "exact", "paragraph 3"), None,
                                 (250, "exact", "paragraph 5"), None, (250, "exact", "line 9"))),
    "withdrawal-start": ("agree", (("2022-01-13", "exact", "paragraph 2"),
                                   ("2022-01-13", "exact", "page 2"),
                                   ("2022-01-13", "exact", "paragraph 3"),
                                   ("2022-01-13", "exact", "line 5"),
                                   ("2022-01-13", "exact", "line 5"))),
    "withdrawal-length": ("consistent", ((10, "at_most", "paragraph 4"), (10, "at_most", "page 2"),
                                         (10, "at_most", "paragraph 4"), (10, "exact", "line 5"),
                                         (10, "at_most", "line 7"))),
    "almaty-attackers": ("agree", ((20000, "approx", "paragraph 5"), (20000, "approx", "page 1"),
                                   None, (20000, "approx", "line 3"),
                                   (20000, "approx", "line 11"))),
    "death-toll": ("agree", (None, None, None, (225, "exact", "line 7"),
                             (225, "exact", "line 13"))),
    "state-of-emergency": ("agree", ((["2022-01-05", "2022-01-19"], "exact", "paragraph 6"),
                                     (["2022-01-05", "2022-01-19"], "exact", "page 1"), None, None,
                                     (["2022-01-05", "2022-01-19"], "exact", "line 15"))),
    "mourning-day": ("agree", (None, ("2022-01-10", "exact", "page 1"), None, None,
                               ("2022-01-10", "exact", "line 15"))),
    "action-program-deadline": ("agree", ((21, "at_most", "paragraph 7"), None, None, None,
                                          (21, "at_most", "line 19"))),
    "inflation-target": ("agree", (([3, 4], "exact", "paragraph 8"), None, None, None,
                                   ([3, 4], "exact", "line 21"))),
}

# Russian phrasings only: the four English sources are found through the bridged phrasings, the
# same cells as the English phrasings. (Until the other English forms of a lexicon line were
# bridged too, the wire's 10 days was quoted from a pair of sentences, lines 3 and 5: the
# bridged "withdraw troops ... day" spread over both; it is read from line 5 alone now, as with
# the full claims file.)
RUSSIAN_ONLY = ENGLISH_ONLY


@pytest.fixture(scope="module")
def corpus() -> Any:
    return load_sources(FORMATS / "sources", "sources")


@pytest.mark.parametrize(
    ("cyrillic", "expected"), [(False, ENGLISH_ONLY), (True, RUSSIAN_ONLY)],
    ids=["english-only", "russian-only"],
)
def test_claims_in_one_language_every_cell(
    corpus: Any, cyrillic: bool, expected: dict[str, Any]
) -> None:
    claims = _one_language(cyrillic)
    assert all(
        _cyrillic(p) == cyrillic for c in claims.claims for p in (*c.find, c.title, *c.unit)
    )
    assert _cells(compare(claims, corpus)) == expected


def test_without_the_bridge_nothing_is_found_across_languages(corpus: Any) -> None:
    """What the bridge adds: the same claims, searched only with what they say, find nothing in
    a source of the other language."""
    from kzclaims.pipeline import ShardSearch

    claims = _one_language(False).claims
    state = ShardSearch(claims)  # no languages given: bridged when a shard brings one
    interfax = [s for s in corpus.sources if s.id == "interfax"]
    found = [cell for o in state.search(interfax) for cell in o.cells if cell[1].found]
    assert len(found) == 11
    plain = ShardSearch(claims)
    plain.languages = frozenset({"en", "ru"})  # as if bridged already: it is not, so
    plain.claims = plain.given
    plain._prepare = lambda: None  # type: ignore[method-assign]
    assert not [c for o in plain.search(interfax) for c in o.cells if c[1].found]


def test_explain_shows_the_bridge(corpus: Any) -> None:
    claims = _one_language(False)
    troops = next(c for c in claims.claims if c.id == "csto-troops")
    ex = explain(troops, corpus, claims=claims.claims)
    assert ex.claim == troops  # the claim as written
    assert ex.bridges and all(b.language == "ru" for b in ex.bridges)
    assert any(("troops", "войско") in b.words for b in ex.bridges)


def test_explain_cli_prints_the_bridge(tmp_path: Path) -> None:
    text = (FORMATS / "claims.yaml").read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    for c in doc["claims"]:
        c["find"] = [p for p in c["find"] if not _cyrillic(p)]
        if "unit" in c:
            c["unit"] = [u for u in c["unit"] if not _cyrillic(u)]
    claims = tmp_path / "claims.yaml"
    claims.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["explain", "csto-troops", "-c", str(claims), "-s", str(FORMATS / "sources")],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "bridged into ru:" in result.output
    assert "troops -> войско" in result.output
    assert "(bridged from “" in result.output
    # one full line per phrasing, its other variants on one line after it (QA6 Q8)
    out = " ".join(result.output.split())
    for phrasing in {b for c in doc["claims"] if c["id"] == "csto-troops" for b in c["find"]}:
        assert out.count(f"bridged into ru: “{phrasing}” ->") == 1, out


# --- floors on the blind set's tuning splits (development figures) ---------------------------

#: ``python benchmarks/claims.py --phrasing english`` (each claim keeps only its English
#: phrasings): the Russian cells, found through the bridge (before it: 0.0 % on every split).
#: Measured when the bridge's phrases landed: value right dev 81.2 %, spent 75.0 %, spent2
#: 75.0 %; false finds 11, 8, 16. The floors are those less a small margin. Development figures:
#: the variants of the bridge were chosen on these splits (the lexicon was written without them).
ENGLISH_ONLY_RU_FLOORS = {"dev": (78.0, 14), "spent": (72.0, 11), "spent2": (72.0, 19)}
#: ``--phrasing russian`` (Russian phrasings and a Russian title): the English cells (value right
#: dev 63.9 %, spent 45.0 %, spent2 47.9 %; false finds 4, 3, 15 when the bridge landed; in the
#: eighth session, with every lexicon line and English form of a Russian word bridged: dev
#: 77.3 %, spent 81.7 %, spent2 69.4 %, spent3 84.6 %, spent4 72.7 %, spent5 67.2 %; false finds
#: 2, 2, 8, 4, 10, 10; development figures).
RUSSIAN_ONLY_EN_FLOORS = {"dev": (75.0, 4), "spent": (79.0, 4), "spent2": (67.0, 10)}


def _grading() -> Any:
    bench = str(ROOT.parent / "benchmarks")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    import claims as grading

    return grading


@pytest.mark.parametrize(
    ("phrasing", "language", "floors"),
    [("english", "ru", ENGLISH_ONLY_RU_FLOORS), ("russian", "en", RUSSIAN_ONLY_EN_FLOORS)],
)
def test_claims_in_one_language_floor(
    phrasing: str, language: str, floors: dict[str, tuple[float, int]]
) -> None:
    grading = _grading()
    before = grading.PHRASING
    grading.PHRASING = phrasing
    try:
        results = grading.run(list(floors))
    finally:
        grading.PHRASING = before
    for split, (value_right, false_finds) in floors.items():
        got = results[split][language].figures()
        assert got["value_right"] >= value_right, (split, got)
        assert got["false_finds"] <= false_finds, (split, got)


# --- an idiom carried whole (QA7 Q5) ---------------------------------------------------------

_IDIOM_CLAIMS = """\
version: 1
claims:
  - id: deaths
    title: Lives lost in the flood
    kind: count
    find:
      - how many people lost their lives in the flood
  - id: repair
    title: Cost of repairing the dam
    kind: number
    find:
      - cost of repairing the dam
"""
_IDIOM_MANIFEST = """\
sources:
  - {id: ru-agency, file: ru-agency.txt, outlet: Агентство, published: 2024-05-04, language: ru}
  - {id: en-wire, file: en-wire.txt, outlet: Wire, published: 2024-05-04, language: en}
"""
_IDIOM_RU = (
    "ВАЛЕНСК, 4 мая. Потери от паводка на реке Ора власти области оценили в 40 млн рублей, из"
    " них 12 млн уйдёт на ремонт дамбы.\n\nПо данным МЧС, стихия унесла жизни семи человек,"
    " ещё 30 жителей получили травмы.\n"
)
_IDIOM_EN = (
    "VALENSK, May 4 - Seven people lost their lives in the flood on the Ora river, the"
    " emergencies ministry said. Repairing the dam will cost 12 million roubles.\n"
)


def test_lost_their_lives_is_not_a_money_loss(tmp_path: Path) -> None:
    """English "lost their lives" bridged word by word was "потерять" / "потеря", and "потеря"
    is a synonym of "ущерб": the Russian report's 40 million roubles of losses were read as the
    dead. Carried whole, it is "погибнуть", and the seven dead are read."""
    (tmp_path / "claims.yaml").write_text(_IDIOM_CLAIMS, encoding="utf-8")
    src = tmp_path / "sources"
    src.mkdir()
    (src / "sources.yaml").write_text(_IDIOM_MANIFEST, encoding="utf-8")
    (src / "ru-agency.txt").write_text(_IDIOM_RU, encoding="utf-8")
    (src / "en-wire.txt").write_text(_IDIOM_EN, encoding="utf-8")
    report = compare(load_claims(tmp_path / "claims.yaml"), load_sources(src))
    cells = {c.id: {f.source: f.value for f in c.findings if f.found} for c in report.claims}
    assert cells["deaths"] == {"ru-agency": 7, "en-wire": 7}
    assert cells["repair"]["ru-agency"] == 12_000_000
    assert "погибнуть" in {b.text.split()[1] for b in bridge_phrasing(
        "how many people lost their lives in the flood", "ru")}
