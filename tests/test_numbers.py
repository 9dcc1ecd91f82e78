"""The numeric reader (kzclaims.values.numbers) directly: invariants, exclusion, robustness.

The behaviour on phrases is specified by the data-driven cases in tests/cases/*.yaml
(tests/test_value_cases.py); these tests check what holds for every value and every input.
"""

from __future__ import annotations

import random

import pytest

from kzclaims.model import Value
from kzclaims.values.numbers import read_numbers
from kzclaims.values.numwords import WORD_RUN, parse_run

NEWS = (
    "The mission consists of 2,030 troops and 250 units of military equipment. Almost 20 "
    "thousand bandits attacked Almaty. At least 163 people were killed, 19 of them police. "
    "Dozens of people died. Inflation is targeted at 3-4 percent. A 3,600-strong force of up to "
    "20,000 people; between 300 and 400 vehicles; $1.2 billion; the 30th anniversary; Article 4."
)


def _check_invariants(text: str, values: list[Value]) -> None:
    last = -1
    for v in values:
        assert 0 <= v.start < v.end <= len(text)
        assert text[v.start : v.end] == v.text
        assert v.start >= last, "values come in text order"
        last = v.start
        assert v.type in ("number", "percent")
        if isinstance(v.reading, tuple):
            lo, hi = v.reading
            assert isinstance(lo, (int, float)) and isinstance(hi, (int, float))
        else:
            assert isinstance(v.reading, (int, float))
            if isinstance(v.reading, float):
                assert v.reading != int(v.reading) or abs(v.reading) >= 1e18
        if v.qualifier == "at_least":
            assert v.high is None and v.low is not None
        if v.qualifier == "at_most":
            assert v.low is None and v.high is not None
        if v.qualifier in ("exact", "approx") and not isinstance(v.reading, tuple):
            assert v.low == v.high == v.reading
        if v.qualifier_text is not None:
            assert v.qualifier != "exact"
            assert v.qualifier_text.lower() in text.lower()


def test_invariants_on_news() -> None:
    values = read_numbers(NEWS)
    _check_invariants(NEWS, values)
    texts = [v.text for v in values]
    assert "2,030" in texts and "Almost 20 thousand" in texts and "3-4 percent" in texts


def test_integral_readings_are_ints() -> None:
    (v,) = read_numbers("1.6 thousand troops")
    assert v.reading == 1600 and isinstance(v.reading, int)
    (v,) = read_numbers("a 1.5 rate")
    assert v.reading == 1.5 and isinstance(v.reading, float)


def test_exclude_spans_are_skipped() -> None:
    text = "On January 13, 2,030 troops left; 10 days later 250 units followed."
    all_texts = [v.text for v in read_numbers(text)]
    assert "10" in all_texts
    ten = text.index("10 days")
    got = [v.text for v in read_numbers(text, exclude=[(ten, ten + len("10 days"))])]
    assert "10" not in got and "2,030" in got and "250" in got


def test_exclude_spans_overlapping_and_unsorted() -> None:
    text = "5 apples, 6 pears, 7 plums and 8 figs"
    spans = [(19, 27), (0, 8), (3, 12)]
    got = [v.text for v in read_numbers(text, exclude=spans)]
    assert got == ["8"]


def test_a_range_is_not_split_by_exclusion_of_its_end() -> None:
    text = "between 300 and 400 troops"
    four = text.index("400")
    got = read_numbers(text, exclude=[(four, four + 3)])
    assert [v.text for v in got] == ["300"]


def test_empty_and_blank() -> None:
    assert read_numbers("") == []
    assert read_numbers("   \n\n ") == []
    assert read_numbers("no numbers here at all") == []


@pytest.mark.parametrize(
    "text",
    [
        "-", "$", "%", "1e", "1e999999", "9" * 400, "1/0", "0/0 people", "1,2,3,4,5,6,7,8,9",
        "½⅓¼", "$-", "-$5", "~~~~5", ">>>>5", "and and and", "a a a hundred", "point point",
        "one point", "half a", "a", "thousand", "ninety ninety ninety", "0.0.0.0.0",
        "10^999999", "1.5x10^400", "\x00 5 \x00", "５ troops", "٣ people", "1.5 m", "1.5 g",
        "2.5 K", "3,000 M", "0.5 G", "1.5 k k k", "5 bn bn", "1 000 000 000 000 000 000 000 000",
    ],
)  # fmt: skip
def test_bad_input_never_crashes(text: str) -> None:
    values = read_numbers(text)
    _check_invariants(text, values)


def test_random_noise_never_crashes() -> None:
    rng = random.Random(20220105)
    alphabet = "0123456789 ,.-–%$£k" + "abcdefghijklmnopqrstuvwxyz" + "½~<>+/\n"
    words = ["one", "two", "hundred", "thousand", "and", "a", "half", "about", "more than",
             "up to", "dozens", "of", "percent", "between", "to", "-", "3", "2,030", "1.6"]  # fmt: skip
    for _ in range(300):
        if rng.random() < 0.5:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        else:
            text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        _check_invariants(text, read_numbers(text))


def test_deterministic() -> None:
    assert read_numbers(NEWS) == read_numbers(NEWS)


def test_values_are_found_anywhere_in_long_text() -> None:
    text = ("Filler words without values. " * 2000) + "Roughly 2,500 troops arrived."
    (v,) = read_numbers(text)
    assert v.text == "Roughly 2,500" and v.qualifier == "approx" and v.start > 50_000


def test_word_parser_splits_runs() -> None:
    run = "three hundred and five thousand two"
    got = [(w.value, w.kind) for m in WORD_RUN.finditer(run) for w in parse_run(m.group())]
    assert got == [(305002.0, "cardinal")]
    run = "three-nought-four"
    got = [w.value for m in WORD_RUN.finditer(run) for w in parse_run(m.group())]
    assert got == [3.0, 0.0, 4.0]


def test_vague_bounds_are_open_above() -> None:
    (v,) = read_numbers("dozens of people")
    assert v.vague and v.reading == (24, 120) and v.low == 24 and v.high == 120
    assert v.low_inclusive and not v.high_inclusive and v.qualifier == "approx"


def test_at_least_exclusive_and_inclusive() -> None:
    (a,) = read_numbers("more than 20 people")
    (b,) = read_numbers("at least 20 people")
    assert (a.low, a.high, a.low_inclusive) == (20, None, False)
    assert (b.low, b.high, b.low_inclusive) == (20, None, True)


def test_line_break_inside_a_sentence_but_not_a_paragraph() -> None:
    (v,) = read_numbers("Almost\n20 thousand bandits")
    assert v.qualifier == "approx" and v.text == "Almost\n20 thousand"
    got = read_numbers("It was almost.\n\n20 people came")
    assert [x.qualifier for x in got] == ["exact"]


_FUZZ_WORDS = (
    "1 2.5 1,000 0 00 .5 12,34,567 1e3 1e330 one a an half dozen dozens k K m M g G b B bn mn % "
    "percent - – to and or more less than about over up between from of them the $ £ RM US$ "
    "x10^ ^ e5 th st / ⁄ ½ ( ) . , : + ~ > < = thousand million hundred point first second third "
    "quarter fifths tens scores times fold -strong Article No. COVID Jan. May 5 30 2022 "
    "http://x.com/5 minus negative out in sub- twenty twenty-one nineteen Y= PS Rs. a.m. 12:30 "
    "1990s 1,000s"
)
_FUZZ_TOKENS = [*_FUZZ_WORDS.split(), "\n", "\n\n", "  ", "per cent", "equal to", "or so"]


def test_token_soup_never_crashes() -> None:
    """Random soups of the tokens the grammar reacts to: no exception inside the reader (the
    public function would swallow one and lose every value of the text) and the invariants."""
    from kzclaims.values.numbers import _read

    rng = random.Random(20220106)
    for _ in range(3000):
        parts = [rng.choice(_FUZZ_TOKENS) + rng.choice(("", " ", " ")) for _ in range(12)]
        text = "".join(parts[: rng.randint(1, 12)])
        _check_invariants(text, _read(text, ()))
