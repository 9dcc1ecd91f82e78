"""Agreement across sources (issue 10, sixth pass): after every source is searched, what the
other sources give for a claim moves a source's cell to a value they agree on, takes a value
below the threshold that they agree on (dates, percentages, durations, date ranges), and drops a
cell near the threshold whose value no other source gives while others agree on another."""

from __future__ import annotations

from pathlib import Path

import pytest

import kzclaims.pipeline as pipeline
from kzclaims.claims import load_claims
from kzclaims.compare import Bounds
from kzclaims.model import Claim, ClaimResult, Finding, SourceInfo

CLAIMS = """\
version: 1
claims:
  - id: troops
    title: Troops deployed
    kind: count
    find: [number of troops deployed]
    unit: [troops]
  - id: start
    title: Start of the withdrawal
    kind: date
    find: [date the withdrawal started]
"""


@pytest.fixture
def claims(tmp_path: Path) -> tuple[Claim, ...]:
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return load_claims(tmp_path / "claims.yaml").claims


def _finding(source: str, value: float, score: float = 90.0) -> Finding:
    return Finding(
        source=source, found=True, text=f"{value:g} troops", value=value, qualifier="exact",
        quote=f"... {value:g} troops ...", line=1, score=score, why="score it",
    )


def _cell(q: int, source: str, value: float, margin: float, key: int) -> pipeline.Rival:
    f = _finding(source, value, 75.0 + margin)
    return pipeline.Rival(q, f, (Bounds(value, value),), margin, (key, 0), taken=True)


def _other(q: int, source: str, value: float, margin: float, key: int) -> pipeline.Rival:
    f = _finding(source, value, 75.0 + margin)
    return pipeline.Rival(q, f, (Bounds(value, value),), margin, (key, 0))


def _outcome(source: str, rivals: list[pipeline.Rival]) -> pipeline.SourceOutcome:
    cells = tuple(
        (r.claim, r.finding, r.bounds) for r in rivals if r.taken
    )
    return pipeline.SourceOutcome(
        SourceInfo(source, source, f"{source}.txt"), cells, rivals=tuple(rivals)
    )


def _results(claims: tuple[Claim, ...], outcomes: list[pipeline.SourceOutcome]) -> ClaimResult:
    return pipeline.assemble(claims, outcomes)[0]


def test_a_cell_moves_to_the_value_other_sources_give(claims: tuple[Claim, ...]) -> None:
    outcomes = [
        _outcome("a", [_cell(0, "a", 2500, 20, 1)]),
        _outcome("b", [_cell(0, "b", 2500, 15, 1)]),
        # "c" took 40 (a figure of another kind), with 2,500 a little below it
        _outcome("c", [_cell(0, "c", 40, 10, 1), _other(0, "c", 2500, 0, 2)]),
    ]
    result = _results(claims, outcomes)
    c = result.findings[2]
    assert c.found and c.value == 2500
    assert c.why is not None and c.why.startswith("2 other sources agree with “2500 troops”, none")
    assert result.verdict == "agree"
    # off: the cell stays
    pipeline.AGREE = False
    try:
        assert _results(claims, outcomes).findings[2].value == 40
    finally:
        pipeline.AGREE = True


def test_a_rival_far_below_the_cell_does_not_win(claims: tuple[Claim, ...]) -> None:
    outcomes = [
        _outcome("a", [_cell(0, "a", 2500, 20, 1)]),
        _outcome("b", [_cell(0, "b", 2500, 15, 1)]),
        _outcome(
            "c", [_cell(0, "c", 40, 60, 1), _other(0, "c", 2500, 60 - pipeline.AGREE_SWITCH - 1, 2)]
        ),
    ]
    assert _results(claims, outcomes).findings[2].value == 40


def test_one_other_source_is_not_enough(claims: tuple[Claim, ...]) -> None:
    outcomes = [
        _outcome("a", [_cell(0, "a", 2500, 20, 1)]),
        _outcome("c", [_cell(0, "c", 40, 10, 1), _other(0, "c", 2500, 5, 2)]),
    ]
    assert pipeline.AGREE_MIN >= 2
    assert _results(claims, outcomes).findings[1].value == 40


def test_a_lone_value_near_the_threshold_is_dropped(claims: tuple[Claim, ...]) -> None:
    outcomes = [
        _outcome("a", [_cell(0, "a", 2500, 20, 1)]),
        _outcome("b", [_cell(0, "b", 2500, 15, 1)]),
        _outcome("c", [_cell(0, "c", 40, 2, 1)]),
        # far above the threshold: kept (a source may report its own figure)
        _outcome("d", [_cell(0, "d", 3100, pipeline.AGREE_DROP + 5, 1)]),
        # near: the other sources' value give or take AGREE_NEAR is support
        _outcome("e", [_cell(0, "e", 2500 * (1 + pipeline.AGREE_NEAR / 2), 2, 1)]),
    ]
    result = _results(claims, outcomes)
    c = result.findings[2]
    assert not c.found and c.quote is not None
    assert c.why is not None and c.why.startswith("abstained: its value")
    assert result.findings[3].value == 3100
    assert result.findings[4].found


def test_a_date_below_the_threshold_is_taken_when_others_agree(
    claims: tuple[Claim, ...],
) -> None:
    bar = pipeline.AGREE_BAR.get("date", 0.0)
    assert bar > 0.0
    day = 739000.0  # an ordinal: the test builds bounds by hand

    def date(source: str, margin: float, taken: bool) -> pipeline.Rival:
        f = Finding(
            source=source, found=True, text="20 May", value="2025-05-20", qualifier="exact",
            quote="... 20 May ...", line=1, score=75.0 + margin, why="score it",
        )
        return pipeline.Rival(1, f, (Bounds(day, day),), margin, (1, 0), taken=taken)

    outcomes = [
        _outcome("a", [date("a", 10, True)]),
        _outcome("b", [date("b", 5, True)]),
        _outcome("c", [date("c", -bar + 1, False)]),
        _outcome("d", [date("d", -bar - 1, False)]),
    ]
    result = pipeline.assemble(claims, outcomes)[1]
    assert result.findings[2].found
    assert result.findings[2].why is not None
    assert "taken because 2 other sources agree with “20 May”" in result.findings[2].why
    assert not result.findings[3].found


def test_the_result_does_not_depend_on_the_order_of_the_sources(
    claims: tuple[Claim, ...],
) -> None:
    outcomes = [
        _outcome("a", [_cell(0, "a", 2500, 20, 1)]),
        _outcome("b", [_cell(0, "b", 40, 10, 1), _other(0, "b", 2500, 0, 2)]),
        _outcome("c", [_cell(0, "c", 2500, 15, 1)]),
        _outcome("d", [_cell(0, "d", 7, 1, 1)]),
        _outcome("e", [_cell(0, "e", 2500, 5, 1)]),
    ]
    forward = {f.source: f for f in _results(claims, outcomes).findings}
    backward = {f.source: f for f in _results(claims, outcomes[::-1]).findings}
    assert forward == backward
    assert forward["b"].value == 2500 and not forward["d"].found


def test_a_value_another_claim_holds_is_not_taken(claims: tuple[Claim, ...]) -> None:
    outcomes = [
        _outcome("a", [_cell(0, "a", 2500, 20, 1)]),
        _outcome("b", [_cell(0, "b", 2500, 15, 1)]),
        # in "c", the 2,500 (sentence 2) is the value claim 1 took
        _outcome(
            "c",
            [
                # above both drops' bands
                _cell(0, "c", 40, max(pipeline.AGREE_DROP, pipeline.AGREE_FAR_DROP) + 5, 1),
                _other(0, "c", 2500, pipeline.AGREE_DROP, 2),
                pipeline.Rival(1, _finding("c", 2500), None, 20, (2, 0), taken=True),
            ],
        ),
    ]
    assert _results(claims, outcomes).findings[2].value == 40


SIBLINGS = """\
version: 1
claims:
  - id: dead
    title: People killed
    kind: count
    find: [number of people killed]
  - id: missing
    title: People missing
    kind: count
    find: [number of people missing]
"""


@pytest.fixture
def siblings(tmp_path: Path) -> tuple[Claim, ...]:
    (tmp_path / "claims.yaml").write_text(SIBLINGS, encoding="utf-8")
    return load_claims(tmp_path / "claims.yaml").claims


def test_another_claims_figure_moves_to_the_next_value(siblings: tuple[Claim, ...]) -> None:
    # three sources give 9 dead; "c" read 9 for the missing too (its 9 dead took another
    # mention), and its 2 is above the threshold below it
    outcomes = [
        _outcome("a", [_cell(0, "a", 9, 20, 1), _cell(1, "a", 2, 10, 2)]),
        _outcome("b", [_cell(0, "b", 9, 20, 1)]),
        _outcome(
            "c",
            [_cell(0, "c", 9, 20, 1), _cell(1, "c", 9, 15, 3), _other(1, "c", 2, 5, 4)],
        ),
    ]
    missing = pipeline.assemble(siblings, outcomes)[1]
    c = missing.findings[2]
    assert c.found and c.value == 2
    assert c.why is not None
    assert c.why.startswith("2 other sources give this value (“9 troops” here) for")
    # with no other value there, abstained
    outcomes[2] = _outcome("c", [_cell(0, "c", 9, 20, 1), _cell(1, "c", 9, 15, 3)])
    c = pipeline.assemble(siblings, outcomes)[1].findings[2]
    assert not c.found and c.why is not None and c.why.startswith("abstained: 2 other sources")
    # off: the cell stays
    old = pipeline.AGREE_OWNED
    pipeline.AGREE_OWNED = False
    try:
        assert pipeline.assemble(siblings, outcomes)[1].findings[2].value == 9
    finally:
        pipeline.AGREE_OWNED = old


def test_a_figure_two_claims_share_stays(siblings: tuple[Claim, ...]) -> None:
    # as many other sources give 9 for the missing as for the dead: no claim owns it
    outcomes = [
        _outcome("a", [_cell(0, "a", 9, 20, 1), _cell(1, "a", 9, 10, 2)]),
        _outcome("b", [_cell(0, "b", 9, 20, 1), _cell(1, "b", 9, 10, 2)]),
        _outcome("c", [_cell(0, "c", 9, 20, 1), _cell(1, "c", 9, 15, 3)]),
    ]
    missing = pipeline.assemble(siblings, outcomes)[1]
    assert [f.value for f in missing.findings] == [9, 9, 9]
    # one other source is not enough
    outcomes = [
        _outcome("a", [_cell(0, "a", 9, 20, 1)]),
        _outcome("c", [_cell(0, "c", 9, 20, 1), _cell(1, "c", 9, 15, 3)]),
        _outcome("d", [_cell(0, "d", 4, 20, 1)]),
    ]
    assert pipeline.assemble(siblings, outcomes)[1].findings[1].value == 9


def test_each_changed_cell_says_how_and_the_renderers_mark_it(
    claims: tuple[Claim, ...], siblings: tuple[Claim, ...]
) -> None:
    """Finding.agreement names what the step did, so that a reader of the table (not only of
    --evidence) sees which cells the other sources decided (QA6 Q4)."""
    import json

    from kzclaims.model import Report
    from kzclaims.render.html import render_html
    from kzclaims.render.json import render_json, report_from_dict
    from kzclaims.render.markdown import render_markdown
    from kzclaims.render.text import render_text

    switched = _results(claims, [
        _outcome("a", [_cell(0, "a", 2500, 20, 1)]),
        _outcome("b", [_cell(0, "b", 2500, 15, 1)]),
        _outcome("c", [_cell(0, "c", 40, 10, 1), _other(0, "c", 2500, 0, 2)]),
    ])
    assert [f.agreement for f in switched.findings] == [None, None, "switched"]
    dropped = _results(claims, [
        _outcome("a", [_cell(0, "a", 2500, 20, 1)]),
        _outcome("b", [_cell(0, "b", 2500, 15, 1)]),
        _outcome("c", [_cell(0, "c", 40, 2, 1)]),
    ])
    assert [f.agreement for f in dropped.findings] == [None, None, "dropped"]
    owned = pipeline.assemble(siblings, [
        _outcome("a", [_cell(0, "a", 9, 20, 1), _cell(1, "a", 2, 10, 2)]),
        _outcome("b", [_cell(0, "b", 9, 20, 1)]),
        _outcome("c", [_cell(0, "c", 9, 20, 1), _cell(1, "c", 9, 15, 3), _other(1, "c", 2, 5, 4)]),
    ])[1]
    assert [f.agreement for f in owned.findings] == [None, None, "owned"]

    sources = tuple(SourceInfo(s, s, f"{s}.txt") for s in "abc")
    report = Report(claims_file="claims.yaml", sources=sources, claims=(switched, dropped))
    text = render_json(report)
    cells = [c["findings"][2] for c in json.loads(text)["claims"]]
    assert cells[0]["agreement"] == "switched" and cells[0]["value"] == 2500
    assert cells[1] == {
        "source": "c", "found": False, "quote": "... 40 troops ...", "line": 1, "score": 77,
        "agreement": "dropped", "why": dropped.findings[2].why,
    }
    assert "agreement" not in json.loads(text)["claims"][0]["findings"][0]
    again = report_from_dict(json.loads(text), "r.json")
    assert [c.findings[2].agreement for c in again.claims] == ["switched", "dropped"]
    assert render_json(again) == text

    table = render_text(report, width=160, color=False)
    assert "⇄ changed by what the other sources give" in " ".join(table.split())
    assert table.count("⇄") == 3  # the two cells and the legend
    md = render_markdown(report)
    assert md.count(" ⇄ |") == 2 and "⇄ the cell was changed by what the other sources" in md
    html = render_html(report)
    assert "⇄ switched to the value more other sources give" in html
    assert "⇄ dropped: no other source gives it" in html


def test_a_lone_cell_far_from_what_others_agree_on_is_dropped(
    claims: tuple[Claim, ...],
) -> None:
    """A cell no other source gives, far (AGREE_FAR times) from the value the others agree on,
    is another quantity, not a variant: dropped up to AGREE_FAR_DROP above the threshold, even
    when its source has no other value of the claim (a lone cell); a variant within the factor
    scoring as much stays, and so does a far cell above the band."""
    high = pipeline.AGREE_FAR_DROP - 5
    assert high > pipeline.AGREE_DROP
    outcomes = [
        _outcome("a", [_cell(0, "a", 2500, 20, 1)]),
        _outcome("b", [_cell(0, "b", 2500, 15, 1)]),
        # lone (no other value of the claim in "c"), far: a city's population
        _outcome("c", [_cell(0, "c", 2500 * pipeline.AGREE_FAR * 2, high, 1)]),
        # lone, a variant of the others' figure: kept
        _outcome("d", [_cell(0, "d", 2500 * 2, high, 1)]),
        # far, but well above the band: kept
        _outcome("e", [_cell(0, "e", 40, pipeline.AGREE_FAR_DROP + 5, 1)]),
        # far, with another value in its source that nobody gives: dropped too
        _outcome("f", [_cell(0, "f", 7, high, 1), _other(0, "f", 90, 0, 2)]),
    ]
    result = _results(claims, outcomes)
    by = {f.source: f for f in result.findings}
    assert not by["c"].found and by["c"].agreement == "dropped"
    assert by["c"].why is not None and "far from the value 2 other sources agree on" in by["c"].why
    assert by["d"].found and by["e"].found
    assert not by["f"].found
    # lone cells were not weighed before the eighth pass: a lone cell near the threshold whose
    # value is a variant stays (AGREE_LONE_DROP 0)
    outcomes[3] = _outcome("d", [_cell(0, "d", 2500 * 2, 1, 1)])
    assert {f.source: f for f in _results(claims, outcomes).findings}["d"].found


def test_the_lone_cells_source_keeps_its_cell_as_a_rival(tmp_path: Path) -> None:
    """ShardSearch records a found cell as its claim's taken rival even when the source has no
    other value of the claim, so that the agreement can weigh it."""
    from kzclaims.model import Source

    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    claims = load_claims(tmp_path / "claims.yaml").claims[:1]
    text = "The alliance deployed 2,500 troops to the country."
    src = Source(id="s", file="s.txt", text=text, language="en")
    [outcome] = pipeline.ShardSearch(claims).search([src])
    assert [r.taken for r in outcome.rivals] == [True]
    assert outcome.rivals[0].finding == outcome.cells[0][1]


def test_an_open_bound_far_away_is_no_support(claims: tuple[Claim, ...]) -> None:
    """"up to 2,500" (bounds 0-2,500) overlaps "4", but a value AGREE_FAR times smaller is not
    a reading of the same figure: the 4 is no other source's value, and is dropped."""
    outcomes = [
        _outcome("a", [_cell(0, "a", 1850, 20, 1)]),
        _outcome("b", [_cell(0, "b", 1850, 15, 1)]),
        _outcome("c", [pipeline.Rival(
            0, _finding("c", 2500), (Bounds(0.0, 2500.0),), 20, (1, 0), taken=True
        )]),
        _outcome("d", [_cell(0, "d", 4, 5, 1)]),
    ]
    assert not _results(claims, outcomes).findings[3].found
    pipeline.AGREE_OVERLAP_FAR = False
    try:
        assert _results(claims, outcomes).findings[3].found
    finally:
        pipeline.AGREE_OVERLAP_FAR = True


def test_a_far_figure_one_other_source_shares_is_dropped(claims: tuple[Claim, ...]) -> None:
    """Two outlets with the same far figure ("two police officers" for the police deployed)
    against three that agree: dropped (AGREE_FAR_SUPPORT); against two, kept."""
    assert pipeline.AGREE_FAR_SUPPORT == 1
    outcomes = [
        _outcome("a", [_cell(0, "a", 2500, 20, 1)]),
        _outcome("b", [_cell(0, "b", 2500, 15, 1)]),
        _outcome("c", [_cell(0, "c", 2, 10, 1)]),
        _outcome("d", [_cell(0, "d", 2, 10, 1)]),
    ]
    assert all(f.found for f in _results(claims, outcomes).findings)
    outcomes.append(_outcome("e", [_cell(0, "e", 2500, 15, 1)]))
    result = _results(claims, outcomes)
    assert [f.found for f in result.findings] == [True, True, False, False, True]
    assert result.findings[2].why is not None
    assert "only 1 other source gives it, and it is far" in result.findings[2].why


def test_a_month_holding_the_agreed_day_and_the_next_day_are_variants(
    claims: tuple[Claim, ...],
) -> None:
    """Dates are far from the day the others agree on only when more than AGREE_FAR_DAYS days
    lie between their spans: "in January" holds "14 January" and "Monday, 3 March" is a day off
    "2 March" (variants a source may give: kept); a day a week away is another date (dropped).
    A month is no support for one of its days: "this month" does not save "20 March"."""
    def date(source: str, iso: str, margin: float) -> pipeline.Rival:
        from kzclaims.model import PartialDate

        d = PartialDate.parse(iso)
        lo, hi = float(d.first().toordinal()), float(d.last().toordinal())
        f = Finding(
            source=source, found=True, text=iso, value=iso, qualifier="exact",
            quote=f"... {iso} ...", line=1, score=75.0 + margin, why="score it",
        )
        return pipeline.Rival(1, f, (Bounds(lo, hi),), margin, (1, 0), taken=True)

    assert pipeline.AGREE_FAR_DAYS == 1
    outcomes = [
        _outcome("a", [date("a", "2025-01-14", 20)]),
        _outcome("b", [date("b", "2025-01-14", 20)]),
        _outcome("c", [date("c", "2025-01-14", 20)]),
        _outcome("d", [date("d", "2025-01", 40)]),  # the month: kept
        _outcome("e", [date("e", "2025-01-15", 40)]),  # a day off: kept
        _outcome("f", [date("f", "2025-01-22", 40)]),  # a week off: dropped
    ]
    by = {f.source: f for f in pipeline.assemble(claims, outcomes)[1].findings}
    assert by["d"].found and by["e"].found
    assert not by["f"].found and by["f"].agreement == "dropped"
    # the month supports no day of it: "2025-01-22" is still alone against the 14th
    assert by["f"].why is not None and "far from the value" in by["f"].why
    pipeline.AGREE_FAR_DAYS = -1  # before the tenth pass: every other date was far
    try:
        by = {f.source: f for f in pipeline.assemble(claims, outcomes)[1].findings}
        assert not by["d"].found and not by["e"].found
    finally:
        pipeline.AGREE_FAR_DAYS = 1
