"""Stage 4: the value a passage gives for a claim, chosen among the values of the claim's kind."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kzclaims.choose import choose_value, unit_matches
from kzclaims.model import Claim, Kind, Match


def claim(kind: Kind = "count", unit: tuple[str, ...] = (), find: str = "x") -> Claim:
    return Claim(id="c", title="T", kind=kind, find=(find,), unit=unit)


def match(text: str, matched: str) -> Match:
    """A passage whose matched words are ``matched`` (each word located in the text)."""
    spans = tuple((m.start(), m.end()) for w in matched.split() for m in [re.search(re.escape(w), text)] if m)
    return Match(source="s", text=text, line=1, score=100.0, phrasing=matched, first_sentence=0, last_sentence=0, spans=spans)


def chosen(c: Claim, text: str, matched: str, ref: dt.date | None = None) -> str | None:
    choice = choose_value(c, match(text, matched), ref)
    return None if choice is None else choice.value.text


@pytest.mark.parametrize(
    ("unit", "text", "matched", "expected"),
    [
        (("troops",), "The mission consists of 2,030 troops and 250 units of military equipment.", "mission consists of", "2,030"),
        (("units", "equipment"), "The mission consists of 2,030 troops and 250 units of military equipment.", "mission consists of", "250"),
        (("aircraft",), "In particular, the Almaty airport along with about five aircrafts, including foreign ones.", "Almaty airport", "about five"),
        (("people", "dead"), "The death toll rose to 225 people, and 19 of them were police officers.", "death toll rose to", "225"),
        (("police", "officers"), "The death toll rose to 225, including 19 police officers.", "death toll", "19"),
        ((), "Almost 20 thousand bandits attacked Almaty.", "bandits attacked Almaty", "Almost 20 thousand"),
        (("bandits",), "In his 30th address, he said 20,000 bandits attacked Almaty.", "bandits attacked Almaty", "20,000"),
    ],
)
def test_unit_and_distance_pick_the_value(unit: tuple[str, ...], text: str, matched: str, expected: str) -> None:
    assert chosen(claim("count", unit), text, matched) == expected


def test_nearest_to_the_matched_words_in_the_same_sentence() -> None:
    text = "The Kyrgyz unit will return within five days. The whole pullout will take ten days."
    assert chosen(claim("duration"), text, "whole pullout will take") == "ten days"
    assert chosen(claim("duration"), text, "Kyrgyz unit will return") == "within five days"


def test_ordinals_are_no_counts_but_may_be_numbers() -> None:
    text = "In my speech on the occasion of the 30th anniversary of Independence, I said so."
    assert chosen(claim("count"), text, "anniversary of Independence") is None
    assert chosen(claim("number"), text, "anniversary of Independence") == "30th"


def test_relative_date_needs_the_reference() -> None:
    c = claim("date")
    text = "A gradual withdrawal of the CSTO forces will start in two days."
    choice = choose_value(c, match(text, "withdrawal will start"), dt.date(2022, 1, 11))
    assert choice is not None and choice.value.reading.iso() == "2022-01-13"  # type: ignore[union-attr]


def test_no_value_of_the_kind() -> None:
    assert chosen(claim("percent"), "The mission consists of 2,030 troops.", "mission consists") is None


def test_why_names_the_unit_and_what_was_passed_over() -> None:
    c = claim("count", ("troops",))
    text = "The mission consists of 2,030 troops and 250 units of military equipment."
    choice = choose_value(c, match(text, "mission consists of"), None)
    assert choice is not None
    assert choice.why.startswith("counts 'troops' (unit: troops)")
    assert "passed over '250' (counts 'units of military" in choice.why and "not troops" in choice.why


@pytest.mark.parametrize(
    ("noun", "units", "ok"),
    [
        ("troops", ("troop",), True),
        ("units of military equipment", ("military equipment",), True),
        ("aircrafts", ("aircraft",), True),
        ("service members", ("service members", "troops"), True),
        ("civilians", ("troops",), False),
        ("of them", ("people",), False),
        # an area or a volume is not the length of the same unit word
        ("square kilometres", ("kilometres", "km"), False),
        ("square kilometres", ("square kilometres",), True),
        ("sq km exclusion", ("square km",), True),
        ("cubic metres of gas", ("cubic metres",), True),
        ("metres", ("cubic metres",), False),
        ("кв. км", ("км",), False),
        # a rate is not the length it divides; a temperature may be a symbol (ninth pass)
        ("km/h", ("km/h", "км/ч"), True),
        ("km", ("km/h",), False),
        ("km/h", ("km", "kilometres"), False),
        ("C", ("degrees", "Celsius"), True),
        ("°C", ("градусов",), True),
        ("F", ("degrees Celsius",), False),
        # units as news abbreviates them (QA8 S5: "12,480 ha" for a claim about hectares)
        ("ha", ("hectares",), True),
        ("ha of forest", ("hectares", "гектаров"), True),
        ("km", ("kilometres",), True),
        ("kg", ("kilograms",), True),
        ("га", ("гектаров",), True),
        ("км", ("километров",), True),
        ("ha", ("people",), False),
        ("sq km", ("kilometres",), False),
    ],
)
def test_unit_matches(noun: str, units: tuple[str, ...], ok: bool) -> None:
    assert unit_matches(noun, units) is ok


@pytest.mark.parametrize(
    ("text", "units", "fit"),
    [
        ("Volmargaz says Ardesh owes it $412 million.", ("dollars", "долларов"), "match"),
        ("The debt is 412 mln USD.", ("dollars",), "match"),
        ("a ransom of EUR 4.5 million", ("euros", "евро"), "match"),
        ("выкуп в размере 4,5 млн евро", ("euros", "евро"), "match"),
        ("1,5 млн рублей компенсации", ("roubles", "рублей"), "match"),
        ("a ransom of EUR 4.5 million", ("dollars",), "mismatch"),
        ("The bridge is 640 metres long.", ("dollars",), None),
        ("a debt of $412 million", ("households",), None),
    ],
)
def test_currency_fit(text: str, units: tuple[str, ...], fit: str | None) -> None:
    """A currency's symbol or code counts its words: "$412 million" counts dollars."""
    from kzclaims.choose import currency_fit
    from kzclaims.values import read_values

    language = "ru" if any("а" <= ch <= "я" for ch in text) else "en"
    value = max(read_values(text, "number", language=language), key=lambda v: v.end - v.start)
    assert currency_fit(value, units) == fit


def test_money_claim_finds_the_dollar_sign() -> None:
    """A claim counting dollars takes "$412 million" over a count of households."""
    c = claim("number", ("dollars",))
    text = "Some 210,000 households had no heating; Volmargaz says Ardesh owes it $412 million."
    choice = choose_value(c, match(text, "Ardesh owes"), None)
    assert choice is not None and choice.value.text == "$412 million"
    assert "counts '$' (unit: dollars)" in choice.why


@pytest.mark.parametrize(
    ("text", "noun"),
    [("winds of 195 km/h", "km/h"), ("a 5 m/s wind", "m/s"), ("it reached 47.1°C", "°C"),
     ("a station reported 47.1C", "C"), ("it is 10 km long", "km long")],
)
def test_rate_and_temperature_units_are_read(text: str, noun: str) -> None:
    from kzclaims.values import read_values

    assert [v.noun for v in read_values(text, "number", None, "en", None)] == [noun]


# A part of a group named after the pronoun (issue 10, tenth pass): "1,600 of them Russian
# paratroopers" is the Russian contingent's figure, not the whole force's; "two of them police
# officers" (the injured) is not the police deployed, whose words are only the unit's.
PART_TEXT = "The 2,450-strong force of the pact, 1,600 of them Russian paratroopers, began arriving."


def test_a_named_part_is_the_figure_of_the_claim_that_names_the_part() -> None:
    russian = Claim(id="c", title="Russian contingent", kind="count",
                    find=("Russian troops in the force",), unit=("troops", "paratroopers"))
    assert chosen(russian, PART_TEXT, "force") == "1,600"
    choice = choose_value(russian, match(PART_TEXT, "force"), None)
    assert choice is not None and "a part" in choice.why


def test_a_named_part_whose_only_words_are_the_units_is_no_match() -> None:
    from kzclaims.choose import part_of_claim, unit_fit

    police = Claim(id="c", title="Police deployed", kind="count",
                   find=("police officers deployed for the march",),
                   unit=("officers", "police officers", "police"))
    noun = "of them police officers"
    assert unit_fit(noun, police.unit) == "part"
    assert not part_of_claim(noun, police)
    text = "Six people were hurt, two of them police officers, in the march."
    choice = choose_value(police, match(text, "march"), None)
    assert choice is not None
    two = next(c for c in choice.candidates if c.value.text == "two")
    assert "not officers / police officers / police" in " ".join(two.reasons)


def test_a_year_before_when_is_history() -> None:
    """"since 1991, when seven people died": the clause after ", when" tells of the year before
    it (the comma was a clause edge that hid the year: issue 10, tenth pass)."""
    c = claim("count", ("people",), "people died in the crush")
    text = "It is the worst disaster since 1991, when seven people died in a crush at the ground."
    choice = choose_value(c, match(text, "died in a crush"), dt.date(2023, 5, 28))
    assert choice is None or choice.value.text != "seven"
    seven = score_of(c, text, "died in a crush", "seven", dt.date(2023, 5, 28))
    assert "1991" in seven
    # a year in an earlier clause that is not a "when" clause still does not count
    text = "In 2022 the stadium reopened, but seven people died in a crush at the ground."
    assert "history" not in score_of(c, text, "died in a crush", "seven", dt.date(2023, 5, 28))


def score_of(c: Claim, text: str, matched: str, value: str, ref: dt.date) -> str:
    from kzclaims.choose import score_candidates
    from kzclaims.values import read_values

    values = read_values(text, c.kind, ref)
    cands = score_candidates(c, match(text, matched), values, ref)
    return " ".join(next(x for x in cands if x.value.text == value).reasons)


def test_a_date_whose_words_name_the_claims_role() -> None:
    """A date beside the verb of the claim's role ("asked for the help ... on 05.03.2024" for
    the date of the request) has that as evidence (ROLE_MATCH: issue 10, tenth pass)."""
    import kzclaims.choose as choose

    c = claim("date", (), "Vedenov asked the pact for military help")
    text = "On 05.03.2024 President Vedenov asked for the help of the pact."
    why = score_of(c, text, "Vedenov asked pact", "05.03.2024", dt.date(2024, 3, 16))
    assert "request, as the claim's" in why
    cands = choose.score_candidates(c, match(text, "Vedenov asked pact"),
                                    __import__("kzclaims.values", fromlist=["x"]).read_values(
                                        text, "date", dt.date(2024, 3, 16)), dt.date(2024, 3, 16))
    assert ("role_match", 1.0) in cands[0].parts


@pytest.mark.parametrize(
    ("text", "superseded"),
    [
        ("Ранее вымогатели требовали 4,5 млн евро.", "Ранее"),
        ("Прежние требования - 4,5 млн евро.", "Прежние"),
        # the figure is still what it was: not an earlier one (tenth session of issue 7)
        ("Требования преступников остаются прежними - 4,5 млн евро.", None),
        ("Вымогатели по-прежнему требуют 4,5 млн евро.", None),
        ("Сумма осталась прежней: 4,5 млн евро.", None),
    ],
)
def test_a_figure_still_as_before_is_not_superseded(text: str, superseded: str | None) -> None:
    from kzclaims.choose import _superseded
    from kzclaims.values import read_values

    value = next(v for v in read_values(text, "number", None, "ru"))
    assert _superseded(claim("number", ("евро",), "размер выкупа"), text, value) == superseded
