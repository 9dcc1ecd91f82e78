"""Sentence splitting and line numbers (kzclaims.text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzclaims.text import line_at, paragraphs, split_sentences

SEEDS = Path("/work/shared/seeds")
SOURCES = Path(__file__).resolve().parent.parent / "sources"


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def lines(text: str) -> list[tuple[int, str]]:
    return [(s.line, s.text) for s in split_sentences(text)]


# ------------------------------------------------------------------------------------------------
# Sentence boundaries
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        (
            "A state of emergency from Jan. 5 to 19. It ended.",
            ["A state of emergency from Jan. 5 to 19.", "It ended."],
        ),
        (
            "Sept. 11 was a Tuesday. Then Feb. 3 came.",
            ["Sept. 11 was a Tuesday.", "Then Feb. 3 came."],
        ),
        (
            "The new Prime Minister H.E. Mr. Alikhan Smailov on 11 January. Next.",
            ["The new Prime Minister H.E. Mr. Alikhan Smailov on 11 January.", "Next."],
        ),
        ("J. Smith arrived. He left.", ["J. Smith arrived.", "He left."]),
        ("The U.S. and the U.N. agreed. Fine.", ["The U.S. and the U.N. agreed.", "Fine."]),
        ("Inflation was 1.6 percent. Prices rose.", ["Inflation was 1.6 percent.", "Prices rose."]),
        (
            "Resolution No. 5 was adopted. It passed.",
            ["Resolution No. 5 was adopted.", "It passed."],
        ),
        (
            "Gen. Lt. Col. Smith, St. Petersburg. Done.",
            ["Gen. Lt. Col. Smith, St. Petersburg.", "Done."],
        ),
        ("He said e.g. cats. And i.e. dogs. Ok.", ["He said e.g. cats.", "And i.e. dogs.", "Ok."]),
        ("It ended at 5 p.m. yesterday. Ok.", ["It ended at 5 p.m. yesterday.", "Ok."]),
        ("What?! Really? Yes!", ["What?!", "Really?", "Yes!"]),
        ("Wait... Then it came. Go … Stop.", ["Wait...", "Then it came.", "Go …", "Stop."]),
        ("this is lower. and continues. Next one.", ["this is lower. and continues.", "Next one."]),
        (
            "They tried a coup d’etat, ” he said. The end.",
            ["They tried a coup d’etat, ” he said.", "The end."],
        ),
        ("“We will win.” The crowd cheered.", ["“We will win.”", "The crowd cheered."]),
        ("“We will win. ” The crowd cheered.", ["“We will win. ”", "The crowd cheered."]),
        ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
        ('It ended. "Next," he said.', ["It ended.", '"Next," he said.']),
        ("Almost 20 thousand. 20 thousand more.", ["Almost 20 thousand.", "20 thousand more."]),
        ("The troops (2,030 in all.) left. Ok.", ["The troops (2,030 in all.) left.", "Ok."]),
        # a day written the Central European way ("7. April") is no sentence end
        (
            "The strike will be on 7. and 8. April over the whole republic. Ok.",
            ["The strike will be on 7. and 8. April over the whole republic.", "Ok."],
        ),
        ("Talks start on 15. September in Lorvik.", ["Talks start on 15. September in Lorvik."]),
        ("The score was 2. Then it rained.", ["The score was 2.", "Then it rained."]),
        ("He won 120. May was next.", ["He won 120.", "May was next."]),
        # a numbered paragraph's marker belongs to its sentence
        (
            "5. The withdrawal began on 20 May. It ended in June.",
            ["5. The withdrawal began on 20 May.", "It ended in June."],
        ),
        ("It ended. 5. Next.", ["It ended.", "5.", "Next."]),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_non_ascii_capitals_and_lower_case() -> None:
    assert texts("Он сказал. Потом ушёл. и ещё. Über alles. “Élan” won.") == [
        "Он сказал.", "Потом ушёл. и ещё.", "Über alles.", "“Élan” won.",
    ]


def test_qa_labels_are_their_own_sentences() -> None:
    text = "Q-1. Your Excellency, thank you.\n\nA-1. Initially, the rallies began.\n\nA-4 Our Head."
    assert lines(text) == [
        (1, "Q-1."),
        (1, "Your Excellency, thank you."),
        (3, "A-1."),
        (3, "Initially, the rallies began."),
        (5, "A-4"),
        (5, "Our Head."),
    ]


def test_whitespace_is_collapsed() -> None:
    assert texts("  The  police,\tthe\u00a0guard  and the army.  ") == [
        "The police, the guard and the army."
    ]


@pytest.mark.parametrize("text", ["", "\n", "   \n\n \t\n", "\u00a0"])
def test_empty(text: str) -> None:
    assert split_sentences(text) == ()


def test_indices_are_consecutive() -> None:
    ss = split_sentences("One. Two.\n\nThree.\n\nGo back Twitter Facebook Print\n\nFour.")
    assert [s.index for s in ss] == [0, 1, 2, 3]
    assert [s.text for s in ss] == ["One.", "Two.", "Three.", "Four."]


# ------------------------------------------------------------------------------------------------
# Lines, paragraphs, headlines
# ------------------------------------------------------------------------------------------------

PDF = (
    " President's address to the people \n\n \n\nDear compatriots,  \n\n \n\n"
    "The anti-terrorist operation continues in our country. The police, the national \n\n"
    "guard and the army are carrying out efforts to \n\n"
    "restore law and order.  \n\n"
    "I would like to express my special gratitude to Russian President Vladimir \n\n"
    "Putin. He responded very quickly. \n\n"
    "It is critically important to understand why the state was not alert to the \n\n"
    "underground preparation of terrorist attacks by sleeper cells and militants. Almost \n\n"
    "20 thousand bandits attacked Almaty. \n\n"
    "We will fight the anti-\n\nterrorist war. \n"
)


def test_pdf_transcript_lines_are_rejoined() -> None:
    assert lines(PDF) == [
        (1, "President's address to the people"),
        (5, "Dear compatriots,"),
        (9, "The anti-terrorist operation continues in our country."),
        (9, "The police, the national guard and the army are carrying out efforts to restore "
            "law and order."),
        (15, "I would like to express my special gratitude to Russian President Vladimir Putin."),
        (17, "He responded very quickly."),
        (19, "It is critically important to understand why the state was not alert to the "
             "underground preparation of terrorist attacks by sleeper cells and militants."),
        (21, "Almost 20 thousand bandits attacked Almaty."),
        (25, "We will fight the anti-terrorist war."),
    ]


def test_line_at_finds_later_lines_of_a_sentence() -> None:
    ss = split_sentences(PDF)
    almost = next(s for s in ss if s.text.startswith("Almost"))
    assert line_at(PDF, almost, 0) == 21
    assert line_at(PDF, almost, almost.text.index("20 thousand")) == 23
    assert line_at(PDF, almost, len(almost.text) - 1) == 23
    police = next(s for s in ss if s.text.startswith("The police"))
    assert line_at(PDF, police, police.text.index("guard")) == 11
    assert line_at(PDF, police, police.text.index("restore")) == 13


def test_headlines_and_datelines_stay_apart() -> None:
    text = (
        "National Emblem of Kazakhstan\n\nOfficial website of the\n\n"
        "President of the Republic of Kazakhstan\n\n\n\n"
        "President Tokayev held a session of the Security Council\n\nJanuary 6, 2022\n\n"
        "Under the chairmanship of the President, the session was held. It went on.\n\n"
        "Go back Go back Twitter Facebook Print\n\nThe President of the Republic of Kazakhstan"
    )
    assert lines(text) == [
        (1, "National Emblem of Kazakhstan"),
        (3, "Official website of the President of the Republic of Kazakhstan"),
        (9, "President Tokayev held a session of the Security Council"),
        (11, "January 6, 2022"),
        (13, "Under the chairmanship of the President, the session was held."),
        (13, "It went on."),
        (17, "The President of the Republic of Kazakhstan"),
    ]


def test_title_lines_without_blank_between_stay_apart() -> None:
    text = "The plenary session was held in Kazakhstan\nThe plenary session was held\n\nNext."
    assert lines(text) == [
        (1, "The plenary session was held in Kazakhstan"),
        (2, "The plenary session was held"),
        (4, "Next."),
    ]


def test_lower_case_continuation_joins_in_ordinary_text() -> None:
    text = "The government will, in the\nnext weeks, act.\n\nTranslation by A. B\n\nEditing by C"
    assert lines(text) == [
        (1, "The government will, in the next weeks, act."),
        (4, "Translation by A. B"),
        (6, "Editing by C"),
    ]


def test_wrapped_text_without_blank_lines() -> None:
    text = (
        "CHAPTER ONE\n\n"
        "The police and the army are carrying out large-scale and well-coordinated\n"
        "efforts to restore law and order in accordance with the Constitution and\n"
        "with the laws. The President met Mr.\n"
        "Smith and the delegation from the\n"
        "region yesterday.\n\n"
        "A new paragraph starts here.\n"
    )
    assert lines(text) == [
        (1, "CHAPTER ONE"),
        (3, "The police and the army are carrying out large-scale and well-coordinated efforts "
            "to restore law and order in accordance with the Constitution and with the laws."),
        (5, "The President met Mr. Smith and the delegation from the region yesterday."),
        (9, "A new paragraph starts here."),
    ]


def test_crlf_and_boilerplate_lines() -> None:
    text = "Text one.\r\n\r\nAverage rating: \u00a0\r\n\u00a00 reviews\r\nShare on Facebook\r\n"
    assert texts(text) == ["Text one."]


def test_paragraph_offsets_map_to_lines() -> None:
    ps = paragraphs("a\n\nb c\nd e.\n\n\n\nNew one.")
    assert [p.text for p in ps] == ["a b c d e.", "New one."]
    assert ps[0].line_at(0) == 1
    assert ps[0].line_at(2) == 3
    assert ps[0].line_at(6) == 4
    assert ps[1].line_at(0) == 8


def test_bad_input_never_crashes() -> None:
    for text in ["...", "?!?!", "“”", ". . .", "Mr.", "A-", "-\n\n-", "\x00\x01", "Q-1.", "”.”"]:
        for s in split_sentences(text):
            assert s.text and s.line >= 1


# ------------------------------------------------------------------------------------------------
# The bundled corpus
# ------------------------------------------------------------------------------------------------

SEED_FILES = {
    "000": "tdi-2022-01-12-majilis-address.txt",
    "001": "akorda-2022-01-06-security-council.txt",
    "002": "address-2022-01-07-transcript.txt",
    "003": "embassy-2022-01-11-interview.txt",
    "004": "tv-2022-01-07-address-report.txt",
}


def seed(prefix: str) -> str:
    for path in sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.exists() else []:
        return path.read_text(encoding="utf-8")
    bundled = SOURCES / SEED_FILES[prefix]
    if bundled.exists():
        return bundled.read_text(encoding="utf-8")
    pytest.skip("seed texts not available")


EXPECTED = {
    "000": [
        (1, "The plenary session of the Majilis, the lower house of Parliament, was held via "
            "videoconference format in Kazakhstan"),
        (9, "Moreover, Kazakhstan announced a state of emergency to ensure public safety and "
            "protect the rights and freedoms of the people from Jan. 5 to 19."),
        (9, "President Tokayev said that a gradual withdrawal of the CSTO (Collective Security "
            "Treaty Organization) peacekeeping forces will start in two days."),
        (11, "The mission consists of 2,030 troops and 250 units of military equipment."),
        (11, "The withdrawal of military forces will last for 10 days."),
        (13, "Their key goal was to take over the administrative buildings, undermine the "
             "constitutional order, and plan an attempted coup d’etat, ” he said."),
        (31, "We will help Almaty to recover from the tragedy” he said."),
        (40, "The Government will make a special effort to address the issues of economic "
             "inequality in Kazakhstan."),
    ],
    "001": [
        (13, "President Kassym-Jomart Tokayev held a session of the Security Council"),
        (15, "January 6, 2022"),
        (27, "In particular, the Almaty airport along with about five aircrafts, including "
             "foreign ones."),
        (35, "The President of the Republic of Kazakhstan"),
    ],
    "002": [
        (1, "President Kassym-Jomart Tokayev's address to the people of Kazakhstan"),
        (5, "Dear compatriots,"),
        (25, "I have given orders to law enforcement agencies and the army to, where necessary, "
             "to open fire without warning."),
        (31, "This is nonsense!"),
        (59, "I would like to express my special gratitude to Russian President Vladimir Putin."),
        (84, "This does not mean an attack on civil liberties and human rights."),
        (94, "Not to mention the health and lives of hundreds of civilians and military "
             "personnel."),
        (165, "Almost 20 thousand bandits attacked Almaty."),
        (215, "The Government will have to make specific decisions, which I will discuss in the "
              "Mazhilis on January 11."),
        (252, "I wish you all good health and prosperity!"),
    ],
    "003": [
        (3, "Pretoria, 11 January 2022"),
        (5, "Q-1."),
        (23, "Dozens of people died at the hands of terrorists in Almaty and other large cities."),
        (37, "A-4"),
        (37, "On January 13, a phased withdrawal of the CSTO contingent will commence, which will "
             "take no more than 10 days."),
        (41, "One of the changes is the appointment of a new Cabinet headed by the new Prime "
             "Minister H.E. Mr. Alikhan Smailov on 11 January 2022."),
        (43, "It will continue the course of reforms within the framework of the ‘Listening "
             "State’ concept initiated and implemented by H.E. Mr. Kassym-Jomart Tokayev."),
        (67, "About 90 states of the world have already signed it."),
        (77, "The Diplomatic Informer"),
    ],
    "004": [
        (3, "07.01.2022, 15:23"),
        (7, "What nonsense!"),
        (17, "Almaty alone was attacked by 20,000 bandits.”"),
        (19, "The government will have to make concrete decisions, which I will announce in the "
             "Mazhilis on January 11.”"),
        (24, "Translation by Saniya Sakenova and Assem Zhanmukhanova"),
    ],
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_sentences(prefix: str) -> None:
    got = lines(seed(prefix))
    for item in EXPECTED[prefix]:
        assert item in got


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_invariants(prefix: str) -> None:
    text = seed(prefix)
    raw_lines = text.split("\n")
    ss = split_sentences(text)
    assert ss
    for s in ss:
        assert s.text == s.text.strip() and "  " not in s.text and "\n" not in s.text
        # The sentence's first word is on its line of the original file.
        assert s.text.split()[0] in raw_lines[s.line - 1]
        assert line_at(text, s, 0) == s.line
    assert [s.line for s in ss] == sorted(s.line for s in ss)
    for s in ss:
        for junk in ("Go back", "reviews", "Average rating"):
            assert junk not in s.text


def test_a_text_without_any_sentence_end_is_cut_into_bounded_pieces() -> None:
    # a 50 MB source with no sentence end must not become one 50 MB "sentence" (fuzzy matching
    # and the value reader would then be quadratic in practice); each piece ends at a space
    from kzclaims.text import MAX_SENTENCE_CHARS

    text = "word " * 5000 + "\n" + "troops " * 10 + "\n\n" + "x" * 5000
    sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert "".join(s.text.replace(" ", "") for s in sentences) == text.replace(" ", "").replace(
        "\n", ""
    )
    assert sentences[0].line == 1 and sentences[-1].line == 4
    assert all(not s.text.startswith("ord") for s in sentences)  # never cut inside a word


def test_line_at_is_the_regex_search_it_replaces() -> None:
    """text.line_at finds a sentence's characters among the text's non-whitespace characters;
    it gives what the regex c1\\s*c2\\s*...cn searched from the sentence's line gave (random
    texts with line breaks, tabs, no-break and em spaces, punctuation), and re's \\s is
    str.isspace, on which the two ways agree."""
    import random
    import re

    from kzclaims.model import Sentence
    from kzclaims.text import line_at

    def by_regex(text: str, sentence: Sentence, offset: int) -> int:
        chars = [ch for ch in sentence.text if not ch.isspace()]
        if not chars:
            return sentence.line
        pattern = re.compile(r"\s*".join(re.escape(ch) for ch in chars))
        pos = 0
        for _ in range(sentence.line - 1):
            nl = text.find("\n", pos)
            if nl < 0:
                return sentence.line
            pos = nl + 1
        m = pattern.search(text, pos)
        if m is None:
            return sentence.line
        want = sum(1 for ch in sentence.text[: max(0, offset)] if not ch.isspace())
        line = text.count("\n", 0, m.start()) + 1
        i, seen = m.start(), 0
        while i < m.end() and seen < want:
            if text[i] == "\n":
                line += 1
            elif not text[i].isspace():
                seen += 1
            i += 1
        while i < m.end() and text[i].isspace():
            line += text[i] == "\n"
            i += 1
        return line

    rnd = random.Random(5)
    alpha = "ab.,\u00a0 \n\t\u2003c(*"
    for _ in range(5000):
        text = "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 60)))
        a = rnd.randint(0, len(text))
        b = rnd.randint(a, min(len(text), a + 25))
        said = " ".join(text[a:b].split()) if rnd.random() < 0.5 else text[a:b]
        if rnd.random() < 0.2:
            said = "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 10)))
        s = Sentence(0, said, rnd.randint(1, 6))
        offset = rnd.randint(-2, len(said) + 2)
        assert line_at(text, s, offset) == by_regex(text, s, offset), (text, said, offset)
    assert all(
        (re.match(r"\s", chr(c)) is not None) == chr(c).isspace() for c in range(0x110000)
    )
