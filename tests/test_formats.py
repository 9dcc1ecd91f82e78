"""End to end on the formats fixture corpus: the bundled case's facts as people save them.

tests/fixtures/formats/sources holds an HTML page (with navigation, a cookie banner, a ticker, a
"related stories" box, share bar, scripts and a footer, all with other numbers in them), a
two-page PDF with a running header and "Page N of 2" footer, a Word file with a page header, and
a Windows-1252 text file. Every cell is written out: value, qualifier, and where a person finds
the quote (page of the PDF, paragraph of the HTML page or Word file, line of the text file).

To add a source: put the file in sources/, list it in sources/sources.yaml, add its id to
SOURCES and one cell per claim to EXPECTED (None where it says nothing).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kzclaims.claims import load_claims
from kzclaims.model import ClaimResult, Finding, Report
from kzclaims.pipeline import compare
from kzclaims.readers import read
from kzclaims.sources import load_sources

HERE = Path(__file__).resolve().parent / "fixtures" / "formats"
SOURCES = ("courier", "review", "brief", "wire", "interfax")
S = True  # a statement that is made

# claim: (verdict, (courier .html, review .pdf, brief .docx, wire cp1252 .txt, interfax Russian
# .txt)); each cell (value, qualifier, where the quote is) or None (not found). The Russian
# article is found through the claims' Russian `find` phrasings and read by the Russian reader.
EXPECTED: dict[str, tuple[str, tuple[tuple[object, str, str] | None, ...]]] = {
    "csto-appeal": ("agree", (None, (S, "exact", "page 1"), (S, "exact", "paragraph 6"), None,
                              (S, "exact", "line 17"))),
    "csto-troops": ("agree", ((2030, "exact", "paragraph 3"), (2030, "exact", "page 2"), (2030, "exact", "paragraph 5"), None,
                              (2030, "exact", "line 9"))),  # "2 030 военнослужащих"
    "csto-equipment": ("agree", ((250, "exact", "paragraph 3"), None, (250, "exact", "paragraph 5"), None,
                                 (250, "exact", "line 9"))),  # "250 единиц военной техники"
    "withdrawal-start": ("agree", (("2022-01-13", "exact", "paragraph 2"), ("2022-01-13", "exact", "page 2"),
                                   ("2022-01-13", "exact", "paragraph 3"), ("2022-01-13", "exact", "line 5"),
                                   ("2022-01-13", "exact", "line 5"))),  # "через два дня"
    # (line 5 quotes the president, "Через два дня начнется поэтапный вывод": the same value as
    # the lead on line 3, whose passage is as relevant; the joint score prefers the quote)
    "withdrawal-length": ("consistent", ((10, "at_most", "paragraph 4"), (10, "at_most", "page 2"),
                                         (10, "at_most", "paragraph 4"), (10, "exact", "line 5"),
                                         (10, "at_most", "line 7"))),  # "не более 10 дней"
    "almaty-attackers": ("agree", ((20000, "approx", "paragraph 5"), (20000, "approx", "page 1"), None, (20000, "approx", "line 3"),
                                   (20000, "approx", "line 11"))),  # "около 20 тысяч бандитов"
    # the page's "related stories" box says 164: never read; "выросло до 225": 225 exactly
    "death-toll": ("agree", (None, None, None, (225, "exact", "line 7"), (225, "exact", "line 13"))),
    "state-of-emergency": ("agree", ((["2022-01-05", "2022-01-19"], "exact", "paragraph 6"),
                                     (["2022-01-05", "2022-01-19"], "exact", "page 1"), None, None,
                                     (["2022-01-05", "2022-01-19"], "exact", "line 15"))),  # "с 5 по 19 января"
    # the related story's "January 20" is not read
    "mourning-day": ("agree", (None, ("2022-01-10", "exact", "page 1"), None, None, ("2022-01-10", "exact", "line 15"))),
    "action-program-deadline": ("agree", ((21, "at_most", "paragraph 7"), None, None, None,
                                          (21, "at_most", "line 19"))),  # "в течение трех недель"
    "inflation-target": ("agree", (([3, 4], "exact", "paragraph 8"), None, None, None, ([3, 4], "exact", "line 21"))),
}

# Numbers that stand only in the boilerplate of the files (HTML nav, banner, ticker, related
# stories, scripts, footer; PDF header/footer; Word page header): none may be read as a value.
BOILERPLATE = (
    "842", "1,500", "3,000", "3000", "5000", "20304", "164", "050000", "727", "1000", "148",
    "728", "45", "2022-02-15", "2022-01-20", "2022-02-01",
    "Weekly Security Briefing", "Page 1 of 2", "Page 2 of 2", "Issue 7", "Accept all",
    "Related stories", "Subscribe", "cookies", "dataLayer", "Steppe Courier.",
)


@pytest.fixture(scope="module")
def report() -> Report:
    claims = load_claims(HERE / "claims.yaml", "claims.yaml")
    corpus = load_sources(HERE / "sources", "sources")
    return compare(claims, corpus)


def _claim(report: Report, cid: str) -> ClaimResult:
    return next(c for c in report.claims if c.id == cid)


def _where(f: Finding) -> str | None:
    return f.where


def test_every_claim_and_source_is_covered(report: Report) -> None:
    assert [c.id for c in report.claims] == list(EXPECTED)
    assert [s.id for s in report.sources] == list(SOURCES)


@pytest.mark.parametrize("cid", list(EXPECTED))
def test_every_cell(report: Report, cid: str) -> None:
    verdict, cells = EXPECTED[cid]
    claim = _claim(report, cid)
    got = tuple(
        (f.value, f.qualifier, _where(f)) if f.found else None for f in claim.findings
    )
    assert got == cells
    assert claim.verdict == verdict


def test_locations_are_the_files_own(report: Report) -> None:
    kinds = {s.id: s.file.rsplit(".", 1)[1] for s in report.sources}
    for c in report.claims:
        for f in c.findings:
            if not f.found:
                continue
            kind = kinds[f.source]
            assert (f.page is not None) == (kind == "pdf")
            assert (f.paragraph is not None) == (kind in ("html", "docx"))
            assert f.line is not None


def test_no_value_or_quote_from_boilerplate(report: Report) -> None:
    for c in report.claims:
        for f in c.findings:
            for field in (f.text, f.quote, str(f.value)):
                for bit in BOILERPLATE:
                    if bit[0].isdigit():
                        assert not re.search(rf"(?<![\d,]){re.escape(bit)}(?![\d,])", field or ""), (c.id, f.source, bit)
                    else:
                        assert bit not in (field or ""), (c.id, f.source, bit)


@pytest.mark.parametrize("name", sorted(p.name for p in (HERE / "sources").iterdir() if p.name != "sources.yaml"))
def test_boilerplate_is_not_in_the_text_read(name: str) -> None:
    text = read(HERE / "sources" / name).text
    for bit in BOILERPLATE:
        if bit[0].isdigit():
            assert not re.search(rf"(?<![\d,]){re.escape(bit)}(?![\d,])", text), (name, bit)
        else:
            assert bit not in text, (name, bit)


def test_metadata_fills_what_the_manifest_leaves_out(report: Report) -> None:
    info = {s.id: s for s in report.sources}
    courier = info["courier"]
    assert (courier.title, courier.published, courier.published_inferred, courier.title_inferred) == (
        "Tokayev: CSTO mission to begin leaving in two days", "2022-01-12", True, True
    )  # htmldate reads the meta tag, not the script's "publishDate": "2022-02-15"
    assert courier.url == "https://steppe-courier.example/politics/2022/01/12/csto-withdrawal"
    assert courier.author == "Aigerim Sadykova"
    review = info["review"]  # no dateline on the PDF: its CreationDate
    assert (review.title, review.published, review.author) == (
        "Weekly Security Briefing No. 2: Kazakhstan after the January unrest", "2022-01-14",
        "Caspian Review analysis desk",
    )
    brief = info["brief"]  # the Word file's dateline "Almaty, 13 January 2022"
    assert (brief.title, brief.published, brief.published_inferred) == (
        "CSTO begins its withdrawal from Kazakhstan", "2022-01-13", True
    )
    wire = info["wire"]
    assert (wire.title, wire.published, wire.title_inferred) == (None, "2022-01-11", False)
    # F22: where each inferred date came from
    assert [info[i].published_from for i in ("courier", "review", "brief", "wire")] == [
        "page metadata", "document properties", "dateline", "dateline"
    ]


def test_legacy_encoding_is_named_in_one_warning() -> None:
    corpus = load_sources(HERE / "sources", "sources")
    assert [str(w) for w in corpus.warnings] == [
        "sources/nomad-wire-2022-01-11.txt:1:38: warning: not UTF-8 (byte 0x97); read as "
        "Windows-1252 (Western European), judged from its letters; re-save the file as UTF-8 "
        "to be sure"
    ]
    wire = next(s for s in corpus.sources if s.id == "wire")
    assert "“Almost 20 thousand bandits attacked Almaty,” the President said — a figure" in wire.text
    assert "café" in wire.text


def test_fixture_files_hold_what_the_script_writes() -> None:
    """The committed PDF, Word and text files are made by tools/make_fixtures.py from its texts."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", HERE / "tools" / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pdf = read(HERE / "sources" / "caspian-review-2022-01-14.pdf")
    words = " ".join(pdf.text.split())
    for page in module.PDF_PAGES:
        body = " ".join(" ".join(page).split()).replace("with- drawal", "withdrawal")
        assert body in words
    docx = read(HERE / "sources" / "eurasia-brief-2022-01-13.docx")
    assert docx.text.split("\n\n") == [t for _, t in module.DOCX_PARAGRAPHS if t]
    assert module.WIRE_TEXT.encode("cp1252") == (HERE / "sources" / "nomad-wire-2022-01-11.txt").read_bytes()


def test_every_format_says_where_the_quote_is(report: Report) -> None:
    import json

    from kzclaims.render.json import render_json, report_from_dict
    from kzclaims.render.markdown import render_markdown

    text = render_json(report)
    data = json.loads(text)
    troops = next(c for c in data["claims"] if c["id"] == "csto-troops")
    cells = {f["source"]: f for f in troops["findings"]}
    assert (cells["review"]["page"], "paragraph" in cells["review"]) == (2, False)
    assert (cells["courier"]["paragraph"], "page" in cells["courier"]) == (3, False)
    assert "page" not in cells["wire"] and "paragraph" not in cells["wire"]
    assert render_json(report_from_dict(data, "r.json")) == text  # baselines keep the locations
    md = render_markdown(report)
    assert "caspian-review-2022-01-14.pdf, page 2" in md
    assert "steppe-courier-2022-01-12.html, paragraph 3" in md


def test_russian_source_language_is_detected_and_reported(report: Report) -> None:
    corpus = load_sources(HERE / "sources", "sources")
    langs = {s.id: (s.language, s.language_detected) for s in corpus.sources}
    assert langs["interfax"] == ("ru", True)
    assert langs["courier"] == ("en", False)  # the page declares it: <html lang="en">
    assert {langs[i] for i in SOURCES if i not in ("interfax", "courier")} == {("en", True)}
    info = {s.id: s for s in report.sources}
    assert info["interfax"].language == "ru" and info["courier"].language == "en"
