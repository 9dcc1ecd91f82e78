"""Where a cell points: the value's line, page or paragraph when its quote runs on past the line
it starts on (a value stated in the sentence after the one naming the claim, a hard-wrapped
transcript). An editor opens the page the report names and finds the number there."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kzclaims import Corpus, Source, compare, parse_claims
from kzclaims.cli import app
from kzclaims.model import Finding
from kzclaims.render.json import render_json, report_from_dict
from kzclaims.text import value_line

TEXT = (
    "Headline: families leave the valley\n"  # 1
    "\n"
    "The number of residents evacuated from the valley was confirmed\n"  # 3
    "by the regional authorities on Friday.\n"  # 4
    "\n"
    "In all, 4,300 people left their homes. Officials said 12 buses were used.\n"  # 6
)

CLAIMS = """\
version: 1
claims:
  - id: evacuated
    title: Residents evacuated
    kind: count
    find: [number of residents evacuated from the valley]
    unit: [people, residents]
"""


def test_value_line_one_line_and_wrapped() -> None:
    passage = "In all, 4,300 people left their homes. Officials said 12 buses were used."
    assert value_line(TEXT, passage, 6, passage.index("12 buses")) == 6  # the line holds it
    wrapped = "The number of residents evacuated from the valley was confirmed by the regional"
    assert value_line(TEXT, wrapped, 3, wrapped.index("regional")) == 4
    two = (
        "The number of residents evacuated from the valley was confirmed by the regional "
        "authorities on Friday. In all, 4,300 people left their homes."
    )
    assert value_line(TEXT, two, 3, two.index("4,300")) == 6
    assert value_line(TEXT, two, 3, 0) == 3
    # a passage that is not in the text (or a line out of range) keeps the line it was given
    assert value_line(TEXT, "Nothing like this.", 3, 5) == 3
    assert value_line(TEXT, two, 99, 5) == 99


def test_value_line_survives_odd_spacing() -> None:
    text = "Intro.\n\nTroops   were\n\tsent:   2,030\n  in all.\n"
    passage = "Troops were sent: 2,030 in all."
    assert value_line(text, passage, 3, passage.index("2,030")) == 4
    assert value_line(text, passage, 3, passage.index("all")) == 5


def _finding(source: Source) -> Finding:
    report = compare(parse_claims(CLAIMS, "claims.yaml"), Corpus(directory="", sources=(source,)))
    (finding,) = report.claims[0].findings
    return finding


def test_a_pdf_cell_names_the_page_of_its_value() -> None:
    # page 1 is lines 1-4 of the text read, page 2 from line 5 on: the quote starts on page 1,
    # its 4,300 is on page 2, where an editor looks for it
    pdf = Source(
        id="brief", file="brief.pdf", text=TEXT, kind="pdf", location_unit="page",
        locations=((1, 1), (5, 2)),
    )
    f = _finding(pdf)
    assert (f.found, f.value, f.line, f.value_line, f.page) == (True, 4300, 3, 6, 2)
    assert f.where == "page 2"


def test_a_text_cell_names_the_lines_from_quote_to_value() -> None:
    f = _finding(Source(id="wire", file="wire.txt", text=TEXT))
    assert (f.value, f.line, f.value_line, f.where) == (4300, 3, 6, "lines 3-6")
    one_line = TEXT.replace("confirmed\nby", "confirmed by").replace("Friday.\n\nIn", "Friday. In")
    f = _finding(Source(id="wire", file="wire.txt", text=one_line))
    assert (f.value, f.line, f.value_line, f.where) == (4300, 3, None, "line 3")


def test_value_line_in_json_and_back() -> None:
    corpus = Corpus(directory="", sources=(Source(id="wire", file="wire.txt", text=TEXT),))
    report = compare(parse_claims(CLAIMS, "claims.yaml"), corpus)
    text = render_json(report)
    (cell,) = json.loads(text)["claims"][0]["findings"]
    assert (cell["line"], cell["value_line"]) == (3, 6)
    assert report_from_dict(json.loads(text), "r.json").claims[0].findings[0].value_line == 6


def test_bundled_transcript_evidence_points_at_the_value() -> None:
    # the transcript is hard-wrapped: "... which I will discuss in" (line 215), "the Mazhilis on
    # January 11." (line 217)
    env = {"COLUMNS": "200", "NO_COLOR": "1", "GITHUB_ACTIONS": "", "TERM": "dumb"}
    out = CliRunner().invoke(
        app, ["compare", "--claim", "majilis-address-date", "--evidence"], env=env
    )
    assert out.exit_code in (0, 1), out.output
    assert "address-2022-01-07-transcript.txt:215-217," in out.output
