"""Stage 1: claims.yaml is read exactly, and every mistake comes back with its line and column."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kzclaims.claims import load_claims, parse_claims, parse_duration_days
from kzclaims.errors import InputError
from kzclaims.model import PartialDate, Tolerance

ROOT = Path(__file__).resolve().parent.parent


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        parse_claims(textwrap.dedent(text), "claims.yaml")
    return [str(p) for p in info.value.problems]


def one_claim(body: str) -> str:
    return "version: 1\nclaims:\n  - id: c1\n    title: T\n" + textwrap.indent(textwrap.dedent(body), "    ")


def test_bundled_claims_load() -> None:
    cs = load_claims(ROOT / "claims.yaml", "claims.yaml")
    assert len(cs.claims) >= 20
    assert {c.kind for c in cs.claims} == {"count", "number", "percent", "date", "date_range", "duration", "statement"}
    troops = next(c for c in cs.claims if c.id == "csto-troops")
    assert troops.expected == 2030 and troops.unit[0] == "troops" and troops.threshold == 75.0
    assert troops.line > 0 and troops.col == 5


def test_full_claim_is_read() -> None:
    cs = parse_claims(
        textwrap.dedent(
            """\
            version: 1
            title: Test
            defaults:
              threshold: 80
            claims:
              - id: a-1
                title: "  Troops  "
                kind: count
                find: one phrasing
                unit: troops
                expected: 2030
                tolerance: 5%
                notes: anything
              - id: b
                title: Period
                kind: date_range
                find: [x, y]
                expected: [2022-01-05, 2022-01]
                tolerance: 2
                threshold: 60
            """
        ),
        "c.yaml",
    )
    a, b = cs.claims
    assert cs.title == "Test" and cs.threshold == 80
    assert a.title == "Troops" and a.find == ("one phrasing",) and a.unit == ("troops",)
    assert a.tolerance == Tolerance(5.0, relative=True) and a.threshold == 80 and a.line == 6
    assert b.expected == (PartialDate(2022, 1, 5), PartialDate(2022, 1)) and b.threshold == 60
    assert b.tolerance == Tolerance(2.0)


@pytest.mark.parametrize(
    ("kind", "written", "expected"),
    [
        ("count", "2030", 2030),
        ("count", '"2030"', 2030),
        ("count", "2,030", 2030),
        ("number", "1,600.5", 1600.5),
        ("number", "1.6e3", 1600.0),
        ("number", "3.5", 3.5),
        ("percent", "30", 30),
        ("percent", '"30%"', 30),
        ("percent", "[3, 4]", (3, 4)),
        # QA8 Q17: a verified range for a count or a number, as for a percentage
        ("count", "[2000, 2500]", (2000, 2500)),
        ("count", '["2,000", "2,500"]', (2000, 2500)),
        ("number", "[1.5, 2]", (1.5, 2)),
        ("date", "2022-01-13", PartialDate(2022, 1, 13)),
        ("date", "2022-01", PartialDate(2022, 1)),
        ("date", "2022", PartialDate(2022)),
        ("date_range", "[2020, 2021]", (PartialDate(2020), PartialDate(2021))),
        ("duration", "10 days", 10),
        ("duration", "3 weeks", 21),
        ("duration", "2 months", 60),
        ("duration", "14", 14),
    ],
)
def test_expected_forms(kind: str, written: str, expected: object) -> None:
    cs = parse_claims(one_claim(f"kind: {kind}\nfind: x\nexpected: {written}\n"), "c.yaml")
    assert cs.claims[0].expected == expected


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("kind: count\nfind: x\nexpected: 2.5\n", "claims.yaml:7:15: error: `expected` for a count claim must be a whole number"),
        ("kind: count\nfind: x\nexpected: -3\n", "claims.yaml:7:15: error: `expected` for a count claim"),
        ("kind: date\nfind: x\nexpected: 2022-13\n", "claims.yaml:7:15: error: `expected` for a date claim"),
        ("kind: date\nfind: x\nexpected: yesterday\n", "claims.yaml:7:15: error: `expected` for a date claim"),
        ("kind: percent\nfind: x\nexpected: [4, 3]\n", "claims.yaml:7:15: error: `expected` for a percent claim"),
        ("kind: date_range\nfind: x\nexpected: 2022-01-05\n", "claims.yaml:7:15: error: `expected` for a date_range claim"),
        ("kind: date_range\nfind: x\nexpected: [2022-01-19, 2022-01-05]\n", "date range ends before it starts"),
        ("kind: duration\nfind: x\nexpected: ten days\n", "claims.yaml:7:15: error: `expected` for a duration claim"),
        ("kind: statement\nfind: x\nexpected: 1\n", "claims.yaml:7:15: error: a `statement` claim takes no `expected`"),
        ("kind: count\nfind: x\ntolerance: lots\n", "claims.yaml:7:16: error: `tolerance` must be"),
        ("kind: date\nfind: x\ntolerance: 5%\n", "a tolerance for dates is a number of days"),
        ("kind: count\nfind: x\nthreshold: 150\n", "claims.yaml:7:16: error: `threshold` must be a number from 0 to 100, not 150"),
        ("kind: count\nfind: []\n", "claims.yaml:6:11: error: `find` is empty"),
        ("kind: count\nfind: [x, 3.5, {a: b}]\n", "claims.yaml:6:20: error: `find` must be text or a list of texts, not a mapping"),
        ("kind: cont\nfind: x\n", "claims.yaml:5:11: error: unknown kind `cont`; did you mean `count`?"),
        ("kind: count\nfind: x\nexpeted: 3\n", "claims.yaml:7:5: error: unknown key `expeted` in claim `c1`, did you mean `expected`?"),
        ("kind: count\nfind:\n", "claims.yaml:6:10: error: `find` must be text or a list of texts, not an empty text"),
        ("kind: count\nfind: x\nunit: [troops, null]\n", "`unit` must be text or a list of texts"),
    ],
)
def test_claim_mistakes_point_at_the_value(body: str, message: str) -> None:
    found = problems(one_claim(body))
    assert any(message in p for p in found), found


def test_all_problems_at_once_in_file_order() -> None:
    found = problems(
        """\
        version: 2
        claims:
          - id: Bad Id
            title: x
            kind: cont
            find: []
            expeted: 3
          - id: ok
            title: t
            kind: count
            find: x
          - id: ok
            title: t
            kind: count
            find: x
          - title: no id
            kind: count
            find: x
        """
    )
    assert found == [
        "claims.yaml:1:10: error: unsupported version 2; this kzclaims reads version 1",
        "claims.yaml:3:9: error: invalid id `Bad Id`: use lower-case letters, digits and dashes; try `bad-id`",
        "claims.yaml:5:11: error: unknown kind `cont`; did you mean `count`? kinds are: count, number, percent, date, date_range, duration, statement",
        "claims.yaml:6:11: error: `find` is empty; give at least one phrasing to look for",
        "claims.yaml:7:5: error: unknown key `expeted` in claim `Bad Id`, did you mean `expected`?",
        "claims.yaml:12:9: error: duplicate claim id `ok` (first used at line 8)",
        "claims.yaml:16:5: error: this claim is missing required key `id`",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "claims.yaml:1:1: error: the file is empty"),
        ("- a\n- b\n", "claims.yaml:1:1: error: the file must be a mapping with `version` and `claims`, not a list"),
        ("version: 1\n", "claims.yaml:1:1: error: the claims file is missing required key `claims`"),
        ("version: 1\nclaims: []\n", "claims.yaml:2:9: error: `claims` is empty"),
        ("version: 1\nclaims: {}\n", "claims.yaml:2:9: error: `claims` must be a list of claims, not a mapping"),
        ("version: 1\nclaims:\n  - just text\n", "claims.yaml:3:5: error: each claim must be a mapping"),
        ("version: 1\ntitel: x\nclaims: []\n", "claims.yaml:2:1: error: unknown key `titel` in the claims file, did you mean `title`?"),
        ("version: 1\ndefaults:\n  treshold: 3\nclaims: []\n", "claims.yaml:3:3: error: unknown key `treshold` in defaults, did you mean `threshold`?"),
        ("version: 1\nversion: 1\nclaims: []\n", "claims.yaml:2:1: error: duplicate key `version` (first defined at line 1)"),
        ("version: 1\nclaims:\n  - id: a\n    title: [unclosed\n", "claims.yaml:4:12: error: invalid YAML: this `[` is never closed with `]`"),
        ("version: 1\nclaims:\n  - id: a\n\ttitle: x\n", "claims.yaml:4:1: error: invalid YAML: a tab character; indent with spaces, not tabs"),
        ("version: 1\nclaims:\n  - id: a\n   title: x\n", "claims.yaml:4:4: error: invalid YAML: this line is indented differently from the lines above it"),
    ],
)
def test_file_level_mistakes(text: str, message: str) -> None:
    found = problems(text)
    assert any(p.startswith(message) for p in found), found


def test_missing_file_and_bad_encoding(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_claims(tmp_path / "nope.yaml", "nope.yaml")
    assert str(info.value) == "nope.yaml: error: file not found"
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("version: 1\ntitle: caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError) as info:
        load_claims(bad, "latin1.yaml")
    assert str(info.value) == (
        "latin1.yaml:2:11: error: not UTF-8 text (byte 0xe9): it reads as Windows-1252 (Western"
        " European); re-save the file as UTF-8"
    )
    # QA8 Q14: a Russian user's Notepad saves Windows-1251; the message names it
    cyrillic = tmp_path / "cp1251.yaml"
    cyrillic.write_bytes("version: 1\ntitle: Обрушение моста в Уфе\n".encode("cp1251"))
    with pytest.raises(InputError) as info:
        load_claims(cyrillic, "claims.yaml")
    assert str(info.value) == (
        "claims.yaml:2:8: error: not UTF-8 text (byte 0xce): it reads as Windows-1251 (Cyrillic);"
        " re-save the file as UTF-8"
    )
    with pytest.raises(InputError) as info:
        load_claims(tmp_path, "dir")
    assert "is a directory" in str(info.value)


@pytest.mark.parametrize(
    ("text", "days"),
    [("10 days", 10), ("1 day", 1), ("3 weeks", 21), ("2 Months", 60), ("1 year", 365), (7, 7), ("x", None), (-1, None)],
)
def test_parse_duration_days(text: object, days: float | None) -> None:
    assert parse_duration_days(text) == days


# QA3 Q9: syntax errors in plain words (no PyYAML jargon), at the place to change
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 1\nclaims:\n  - id: a\n    title: A: b\n",
         "claims.yaml:4:13: error: invalid YAML: a `: ` (colon and space) inside a value; put the whole value in quotes"),
        ("version: 1\nclaims:\n  - id: a\n    title A\n    kind: count\n",
         "claims.yaml:4:5: error: invalid YAML: no `:` after the key on this line"),
        ("version: 1\nclaims:\n  - id: a\n    title: \"A\n    kind: count\n",
         "claims.yaml:4:12: error: invalid YAML: this quote is never closed"),
        ("version: 1\nclaims:\n  - {id: a, title: A\n",
         "claims.yaml:3:5: error: invalid YAML: this `{` is never closed with `}`"),
        ("version: 1\nclaims:\n  - id: a\n    find: [x, y\n    kind: count\n",
         "claims.yaml:5:9: error: invalid YAML: expected `,` or `]` here: the `[` at line 4, column 11 is not closed"),
        ("version: 1\nclaims:\n  - id: a\n    title: A\n  oops: [\n",
         "claims.yaml:5:3: error: invalid YAML: this line is indented differently from the lines above it"),
        ("version: 1\nclaims:\n  - id: a\n    unit: [a, b]]\n",
         "claims.yaml:4:17: error: invalid YAML: a `]` with no `[` before it"),
        ("version: 1\nclaims:\n  - id: a\n    notes: \"a\" b\n",
         "claims.yaml:4:16: error: invalid YAML: more text after a value"),
        ("version: 1\nclaims:\n  - id: a\n    find: @x\n",
         "claims.yaml:4:11: error: invalid YAML: a value cannot start with `@`; put the value in quotes"),
        ("version: 1\nclaims:\n  - id: a\n    title: *b\n",
         "claims.yaml:4:12: error: invalid YAML: `*b` refers to an anchor `&b` that is not defined above"),
        ("version: 1\n---\nclaims: []\n",
         "claims.yaml:2:1: error: invalid YAML: a second document (a `---` line); the file must hold one"),
        ("version: 1\ntitle: \"a\\qb\"\nclaims: []\n",
         "claims.yaml:2:11: error: invalid YAML: an unknown escape `\\q` in a double-quoted value"),
        ("version: 1\ntitle: a\u0007b\nclaims: []\n",
         "claims.yaml:2:9: error: invalid YAML: a control character (U+0007) that YAML does not allow"),
        ("version: 1\n: x\n", "claims.yaml:2:1: error: invalid YAML: a `:` with no key before it"),
    ],
)
def test_yaml_syntax_errors_in_plain_words(text: str, message: str) -> None:
    found = problems(text)
    assert any(p.startswith(message) for p in found), found
    jargon = ("<block", "<stream", "<scalar>", "cannot start any token", "mapping values",
              "could not find expected", "scanning", "parsing", "#x")
    assert not any(j in p for p in found for j in jargon), found


def test_a_quoted_version_is_named_as_text() -> None:
    # QA3 Q14: a quoted "1" is the text, not the number; "unsupported version '1'; this kzclaims
    # reads version 1" read as a contradiction
    assert problems('version: "1"\nclaims:\n  - {id: a, title: T, kind: count, find: x}\n') == [
        'claims.yaml:1:10: error: `version` must be the number 1, not the text "1": remove the quotes'
    ]
    assert problems("version: '2'\nclaims:\n  - {id: a, title: T, kind: count, find: x}\n") == [
        "claims.yaml:1:10: error: unsupported version '2'; this kzclaims reads version 1"
    ]
    # QA4: typographic quotes, as a word processor writes them
    assert problems("version: “1”\nclaims:\n  - {id: a, title: T, kind: count, find: x}\n") == [
        "claims.yaml:1:10: error: `version` must be the number 1, not the text “1”: remove the quotes"
    ]


# QA4: the mistakes a fact-checker makes by hand get the one line with the fix in it
@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("kind: duration\nfind: x\nexpected: ten days\n", "not `ten days`; did you mean `10 days`?"),
        ("kind: duration\nfind: x\nexpected: six months\n", "not `six months`; did you mean `6 months`?"),
        ("kind: date\nfind: x\nexpected: 13/01/2022\n", "not `13/01/2022`; did you mean `2022-01-13`?"),
        ("kind: date\nfind: x\nexpected: 01/13/2022\n", "not `01/13/2022`; did you mean `2022-01-13`?"),
        ("kind: date\nfind: x\nexpected: January 13, 2022\n", "did you mean `2022-01-13`?"),
        ("kind: count\nfind: x\nexpected: “2000”\n", "not `“2000”`; did you mean `2000`?"),
        ("kind: count\nfind: x\nexpected: about 2,000\n", "did you mean `2000`? (the verified value alone; `tolerance:` gives it a margin)"),
        ("kind: count\nfind: x\nexpected: 2,000 troops\n", "not `2,000 troops`; did you mean `2000`?"),
        # QA8 Q17: a range in words gets the list it means
        ("kind: count\nfind: x\nexpected: 2,000 to 2,500\n", "not `2,000 to 2,500`; did you mean `[2000, 2500]`?"),
        ("kind: count\nfind: x\nexpected: 2000-2500\n", "did you mean `[2000, 2500]`?"),
        ("kind: number\nfind: x\nexpected: between 1.5 and 2\n", "did you mean `[1.5, 2]`?"),
        ("kind: percent\nfind: x\nexpected: 3% – 4%\n", "did you mean `[3, 4]`?"),
        ("kind: date_range\nfind: x\nexpected: 2026-10-16 to 2026-10-18\n", "did you mean `[2026-10-16, 2026-10-18]`?"),
        ("kind: date_range\nfind: x\nexpected: 16/10/2026 - 18/10/2026\n", "did you mean `[2026-10-16, 2026-10-18]`?"),
        ("kind: count\nfind: x\ntolerance: ten percent\n", 'not `ten percent`; did you mean `"10%"`?'),
        ("kind: date\nfind: x\ntolerance: three days\n", "not `three days`; did you mean `3 days`?"),
        ("kind: count\nfind: x\nexpected: [2500, 2000]\n", "(give `[low, high]` with low <= high)"),
        ("kind: count\nfind: x\nexpected: [2000.5, 2500]\n", "(give `[low, high]` with low <= high)"),
        ("kind: date_range\nfind: x\nexpected: [2022-01-19, 2022-01-05]\n",
         "ends before it starts; did you mean `[2022-01-05, 2022-01-19]`?"),
        ("kind: date_range\nfind: x\nexpected: [13/01/2022, 2022-01-19]\n",
         "claims.yaml:7:16: error: not a date: `13/01/2022` (write `2022-01-05`, `2022-01` or `2022`); did you mean `2022-01-13`?"),
    ],
)
def test_a_refused_expected_says_what_was_probably_meant(body: str, message: str) -> None:
    found = problems(one_claim(body))
    assert len(found) == 1 and message in found[0], found


@pytest.mark.parametrize(
    "written", ["01/02/2022", "2000 and 3000", "lots", "31/02/2022"],
)
def test_no_suggestion_when_nothing_is_obvious(written: str) -> None:
    kind = "date" if "/" in written else "count"
    found = problems(one_claim(f"kind: {kind}\nfind: x\nexpected: {written}\n"))
    assert len(found) == 1 and "did you mean" not in found[0], found


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 1\nclaim:\n  - id: a\n", "claims.yaml:2:1: error: unknown key `claim` in the claims file, did you mean `claims`?"),
        ("version: 1\ntitle: T\nitems:\n  - id: a\n", "claims.yaml:3:1: error: unknown key `items` in the claims file, did you mean `claims`?"),
    ],
)
def test_a_claim_list_under_the_wrong_key_is_one_line_naming_claims(text: str, message: str) -> None:
    assert problems(text) == [message]


def test_a_find_of_one_string_with_commas_is_a_warning() -> None:
    cs = parse_claims(one_claim("kind: count\nfind: troops were deployed, contingent of troops\n"),
                      "claims.yaml")
    assert [str(w) for w in cs.warnings] == [
        "claims.yaml:6:11: warning: `find` is one phrasing with commas in it; for several "
        "phrasings write a list: `find: [troops were deployed, contingent of troops]`"
    ]
    for fine in ("find: Almaty, the largest city\n", "find: [a b, c d]\n", "find: troops deployed\n"):
        assert parse_claims(one_claim(f"kind: count\n{fine}"), "claims.yaml").warnings == ()


def test_a_unit_of_one_string_with_commas_is_the_list_it_names() -> None:
    # QA8: `unit: rescuers, divers, спасателей` was one unit, "rescuers, divers, спасателей"
    cs = parse_claims(one_claim("kind: count\nfind: x\nunit: rescuers, divers,  спасателей\n"),
                      "claims.yaml")
    assert cs.claims[0].unit == ("rescuers", "divers", "спасателей") and cs.warnings == ()
    cs = parse_claims(one_claim("kind: count\nfind: x\nunit: [troops, 'troops,', soldiers]\n"),
                      "claims.yaml")
    assert cs.claims[0].unit == ("troops", "soldiers")


def test_unicode_line_separators_are_spaces_so_lines_are_the_editors() -> None:
    # QA4: a phrasing pasted from a web page with U+2028 inside broke the YAML at the next line
    # ("no `:` after the key"), and a NEL shifted every later line:col by one
    text = one_claim("kind: count\nfind: troops were@deployed\nunit: troops\nexpected: lots\n")
    text = text.replace("@", "\u2028")  # (textwrap.indent would take it for a line break)
    assert problems(text) == [
        "claims.yaml:8:15: error: `expected` for a count claim must be a whole number, e.g. "
        "`2030`, or a range `[2000, 2500]`, not `lots`"
    ]
    cs = parse_claims(text.replace("lots", "2030"), "claims.yaml")
    assert cs.claims[0].find == ("troops were deployed",)
    nel = one_claim("kind: count\nfind: \"a@b\"\nexpected: lots\n").replace("@", "\x85")
    assert problems(nel)[0].startswith(
        "claims.yaml:7:15:"
    )


def test_a_text_under_an_unknown_key_is_not_taken_for_the_missing_required_one() -> None:
    assert problems(one_claim("kind: count\ncomment: troops\n")) == [
        "claims.yaml:6:5: error: unknown key `comment` in claim `c1` (allowed: id, title, kind, "
        "find, unit, expected, tolerance, threshold, notes)",
    ]
    assert problems(one_claim("kind: count\nphrasings: [troops deployed]\n")) == [
        "claims.yaml:6:5: error: unknown key `phrasings` in claim `c1`, did you mean `find`?"
    ]


@pytest.mark.parametrize("kind", ["count", "date", "statement"])
def test_a_claim_of_a_title_only_searches_its_title(kind: str) -> None:
    # QA8: a user's first claims are titles or questions; `find` was required, although the
    # title is searched as one more phrasing anyway ("claim `passengers` is missing required
    # key `find`")
    text = "version: 1\nclaims:\n  - id: a\n    title: How many people were on board?\n"
    cs = parse_claims(text + f"    kind: {kind}\n", "claims.yaml")
    assert cs.claims[0].find == ("How many people were on board?",) and cs.warnings == ()


@pytest.mark.parametrize(
    ("kind", "written", "days"),
    [("duration", "1 day", 1.0), ("date", "2 days", 2.0), ("date_range", "1 week", 7.0), ("date", "3", 3.0)],
)
def test_a_tolerance_in_days_may_be_written_as_a_duration(kind: str, written: str, days: float) -> None:
    # QA8: `expected: 10 days` was taken but `tolerance: 1 day` refused ("must be a number of days")
    from kzclaims.model import Tolerance

    cs = parse_claims(one_claim(f"kind: {kind}\nfind: x\ntolerance: {written}\n"), "claims.yaml")
    assert cs.claims[0].tolerance == Tolerance(days)
    assert problems(one_claim("kind: count\nfind: x\ntolerance: 1 day\n")) == [
        'claims.yaml:7:16: error: `tolerance` must be a number or "N%" (0 or more), not `1 day`'
    ]


def test_an_id_in_cyrillic_gets_a_latin_suggestion() -> None:
    # QA8: "invalid id `погибшие`: use lower-case letters, digits and dashes" (they are
    # lower-case letters) and no suggestion, where `Troops` gets "try `troops`"
    text = "version: 1\nclaims:\n  - {id: погибшие, title: T, kind: count}\n  - {id: Спасённые люди, title: T, kind: count}\n"
    assert problems(text) == [
        "claims.yaml:3:10: error: invalid id `погибшие`: use lower-case Latin letters, digits and"
        " dashes; try `pogibshie`",
        "claims.yaml:4:10: error: invalid id `Спасённые люди`: use lower-case Latin letters, digits"
        " and dashes; try `spasyonnye-lyudi`",
    ]


def test_claims_keyed_by_id_are_told_how_to_write_the_list() -> None:
    # QA8: a user wrote `claims:` as a mapping keyed by id (`death-toll:` and its keys)
    text = "version: 1\nclaims:\n  death-toll:\n    title: Death toll\n    kind: count\n"
    assert problems(text) == [
        "claims.yaml:3:3: error: `claims` must be a list of claims, not a mapping; write each"
        " claim as `- id: death-toll` with its keys under it"
    ]


def test_a_merge_key_is_overridden_by_the_keys_written_beside_it() -> None:
    # QA9 Q1: `- <<: *base` then `id: other` is how YAML reuses a claim (keys written beside a
    # merge key override the merged ones); it was "duplicate key `id`" and "duplicate claim id"
    text = textwrap.dedent(
        """\
        version: 1
        claims:
          - &base
            id: troops
            title: Size of the contingent
            kind: count
            find: [contingent of troops deployed]
            unit: troops
          - <<: *base
            id: troops-expected
            title: Size again
            expected: 2030
          - <<: [*base]
            id: troops-third
        """
    )
    claims = parse_claims(text, "claims.yaml").claims
    assert [c.id for c in claims] == ["troops", "troops-expected", "troops-third"]
    assert [c.title for c in claims] == ["Size of the contingent", "Size again",
                                         "Size of the contingent"]
    assert claims[1].expected == 2030 and claims[1].unit == claims[0].unit
    assert claims[2].find == claims[0].find


def test_a_key_written_twice_beside_a_merge_key_is_still_a_duplicate() -> None:
    text = (
        "version: 1\nclaims:\n  - &a\n    id: a\n    title: A\n    kind: statement\n"
        "  - <<: *a\n    id: b\n    id: c\n"
    )
    assert problems(text) == [
        "claims.yaml:9:5: error: duplicate key `id` (first defined at line 8)"
    ]


def test_a_pasted_paragraph_as_a_phrasing_is_a_warning() -> None:
    # QA9 Q12: a 3,000-word phrasing (an article pasted under `find`) was taken silently
    long = " ".join(["troops were deployed"] * 20)
    cs = parse_claims(one_claim(f"kind: count\nfind: [troops deployed, {long}]\n"), "claims.yaml")
    assert [str(w) for w in cs.warnings] == [
        "claims.yaml:6:29: warning: a `find` phrasing of 60 words: a passage must share most of"
        " a phrasing's words, so a pasted paragraph matches little but its own source; write the"
        " few words a source would use around the value"
    ]
    bundled = load_claims(Path(__file__).resolve().parent.parent / "claims.yaml")
    assert bundled.warnings == ()


def test_a_problem_with_an_aliased_value_is_told_where_the_alias_is() -> None:
    # QA9 Q2: `find: *base` (`&base` a whole claim) was reported at the anchor's line 3
    text = (
        "version: 1\nclaims:\n  - &base\n    id: a\n    title: A\n    kind: statement\n"
        "  - id: b\n    title: B\n    kind: statement\n    find: *base\n"
    )
    assert problems(text) == [
        "claims.yaml:10:11: error: `find` must be text or a list of texts, not a mapping"
    ]
