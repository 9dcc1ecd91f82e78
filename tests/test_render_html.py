"""The HTML report (``--format html``): escaping, determinism, completeness, outliers, words.

The page is parsed with the standard library's HTMLParser, so the assertions are about the
document an editor's browser sees, not about substrings that happen to appear in it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html.parser import HTMLParser

from report_factory import claim, compared_report, found, missing, sample_report

from kzclaims.model import Finding, Report, SourceInfo
from kzclaims.render.html import expected_sentence, render_html, value_in_words, verdict_sentence

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    text: str = ""


class _Parser(HTMLParser):
    """Every element with its attributes and the text inside it (children's text included)."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[Node] = []
        self.open: list[Node] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.nodes.append(node)
        if tag not in self.VOID:
            self.open.append(node)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                return

    def handle_data(self, data: str) -> None:
        for node in self.open:
            node.text += data


def parse(page: str) -> list[Node]:
    p = _Parser()
    p.feed(page)
    p.close()
    return p.nodes


def cells(nodes: list[Node], claim_id: str) -> dict[str, Node]:
    """The cells of one claim's group, by source id."""
    out: dict[str, Node] = {}
    inside = False
    for n in nodes:
        if n.tag == "tbody":
            inside = n.attrs.get("id") == f"claim-{claim_id}"
        elif inside and n.tag == "td":
            out[n.attrs["data-source"]] = n
    return out


def group(nodes: list[Node], claim_id: str) -> Node:
    (g,) = [n for n in nodes if n.tag == "tbody" and n.attrs.get("id") == f"claim-{claim_id}"]
    return g


def conflict_report() -> Report:
    """Three outlets on the contingent: weekly's "roughly 2,500" disagrees with both others."""
    sources = (
        SourceInfo("daily", "Daily", "sources/daily.txt"),
        SourceInfo("weekly", "Weekly", "sources/weekly.md"),
        SourceInfo("wire", "Wire", "sources/wire.txt"),
    )
    c = claim("contingent", "conflict", [
        found("daily", "About 2,000 service members", 2000, qualifier="approx", low=1800,
              high=2200, quote="About 2,000 service members were deployed.", line=5),
        found("weekly", "Roughly 2,500 troops", 2500, qualifier="approx", low=2250, high=2750,
              quote="Roughly 2,500 troops of a force of 3,600.", line=8),
        found("wire", "2,030 troops", 2030, quote="Its force of 2,030 troops had started.",
              line=5),
    ], title="Size of the CSTO contingent")
    return Report("claims.yaml", sources, (c,), title="Contingent")


# ---------------------------------------------------------------------------------------------


def test_hostile_text_is_escaped_everywhere() -> None:
    report = sample_report()
    sources = (
        replace(report.sources[0], outlet=HOSTILE, title=HOSTILE, file=f"sources/{HOSTILE}.txt"),
        replace(report.sources[1], url="javascript:alert(1)"),
        report.sources[2],
    )
    hostile_claim = claim("x-1", "single", [
        found("tdi", HOSTILE, 5, quote=f"He said {HOSTILE} twice.", why=HOSTILE, unit=HOSTILE),
        missing("akorda", quote=HOSTILE, line=3, score=70.0),
        missing("rfe"),
    ], title=HOSTILE)
    sources = (*sources[:2], replace(sources[2], author=HOSTILE))
    report = replace(report, sources=sources, claims=(*report.claims, hostile_claim),
                     title=HOSTILE, claims_file=HOSTILE)
    page = render_html(report)
    nodes = parse(page)
    assert [n.tag for n in nodes].count("script") == 1  # only the page's own
    assert not [n for n in nodes if n.tag == "img"]
    assert not [(n.tag, k) for n in nodes for k in n.attrs if k.startswith("on")]
    assert "javascript:" not in " ".join(n.attrs.get("href", "") for n in nodes)
    # the hostile words are shown as text
    assert HOSTILE in next(n for n in nodes if n.tag == "h1").text
    tdi = cells(nodes, "x-1")["tdi"]
    assert f"He said {HOSTILE} twice." in tdi.text
    assert [n.text for n in nodes if n.tag == "mark" and HOSTILE in n.text] == [HOSTILE]


def test_deterministic() -> None:
    report = compared_report()
    page = render_html(report)
    assert render_html(compared_report()) == page
    assert page.endswith("</html>\n")


def test_self_contained_no_network() -> None:
    page = render_html(sample_report())
    nodes = parse(page)
    assert not [n for n in nodes if "src" in n.attrs]
    links = [n.attrs["href"] for n in nodes if "href" in n.attrs]
    assert all(h.startswith(("#", "data:", "https://example.org/")) for h in links), links
    assert "@import" not in page and "url(" not in page
    (csp,) = [n for n in nodes if n.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp.attrs["content"]


def test_every_claim_and_cell_present() -> None:
    report = sample_report()
    nodes = parse(render_html(report))
    headers = [n.text for n in nodes if n.tag == "th" and n.attrs.get("scope") == "col"]
    for s in report.sources:
        assert s.outlet in headers
    for c in report.claims:
        g = group(nodes, c.id)
        assert c.title.split("\n")[0] in g.text and c.id in g.text and c.kind in g.text
        assert set(cells(nodes, c.id)) == {s.id for s in report.sources}
    withdrawal = cells(nodes, "withdrawal-days")
    assert "≤10 days" in withdrawal["tdi"].text and "at most" in withdrawal["tdi"].text
    assert "sources/tdi-2022-01-12.txt:30" in withdrawal["tdi"].text
    assert "relative to 2022-01-10" in withdrawal["rfe"].text
    assert "not found" in withdrawal["akorda"].text
    assert "notfound" in withdrawal["akorda"].attrs["class"].split()


def test_near_miss_is_shown_dimmed() -> None:
    nodes = parse(render_html(sample_report()))
    tdi = cells(nodes, "start-date")["tdi"]
    assert "notfound" in tdi.attrs["class"].split()
    assert "Protests began in early January." in tdi.text
    assert "sources/tdi-2022-01-12.txt:2" in tdi.text


def test_value_words_are_highlighted_in_the_quote() -> None:
    nodes = parse(render_html(sample_report()))
    marks = [n.text for n in nodes if n.tag == "mark"]
    assert "2,030 troops" in marks


LABELS = {
    "dateline": "(read from a dateline)",
    "page metadata": "(read from the page's metadata)",
    "document properties": "(read from the document's properties)",
}


def test_an_inferred_date_says_where_it_came_from() -> None:
    # F22: not every inferred date is "read from a dateline"
    for origin, label in LABELS.items():
        report = sample_report()
        sources = tuple(
            replace(s, published_from=origin) if s.published_inferred else s
            for s in report.sources
        )
        nodes = parse(render_html(replace(report, sources=sources)))
        (table,) = [n for n in nodes if n.tag == "table" and "sources" in n.attrs.get("class", "")]
        assert [text for text in LABELS.values() if text in table.text] == [label]


def test_sources_header() -> None:
    nodes = parse(render_html(sample_report()))
    (table,) = [n for n in nodes if n.tag == "table" and "sources" in n.attrs.get("class", "")]
    for text in ("The Diplomatic Insight", "tdi", "2022-01-12", "sources/tdi-2022-01-12.txt",
                 "(inferred)", "statements as of 2022-01-10",
                 "https://example.org/rfe"):
        assert text in table.text
    counts = next(n for n in nodes if n.attrs.get("class") == "counts")
    assert "1 conflict" in " ".join(counts.text.split())
    assert "2 agree" in " ".join(counts.text.split())


def test_outlier_is_marked_with_words_not_only_colour() -> None:
    nodes = parse(render_html(conflict_report()))
    row = cells(nodes, "contingent")
    assert "outlier" in row["weekly"].attrs["class"].split()
    assert "! outlier: disagrees with Daily and Wire" in row["weekly"].text
    for other in ("daily", "wire"):
        assert "outlier" not in row[other].attrs["class"].split()
        assert "≠ conflicts with Weekly" in row[other].text
    g = group(nodes, "contingent")
    assert g.attrs["data-conflict"] == "1"
    assert "≠ Conflict" in g.text


def test_two_sided_conflict_has_no_outlier() -> None:
    report = conflict_report()
    c = report.claims[0]
    two = replace(c, findings=(c.findings[1], c.findings[2], missing("daily")))
    nodes = parse(render_html(replace(report, claims=(two,))))
    row = cells(nodes, "contingent")
    assert not [n for n in nodes if "outlier" in n.attrs.get("class", "").split()]
    assert "≠ conflicts with Wire" in row["weekly"].text


def test_verdict_sentences() -> None:
    names = {"tdi": "The Diplomatic Insight", "tv": "TV report", "emb": "Embassy interview",
             "daily": "Daily", "weekly": "Weekly", "wire": "Wire"}
    two = claim("troops", "conflict", [
        found("tdi", "2,030 troops", 2030),
        found("tv", "about 2,500", 2500, qualifier="approx", low=2250, high=2750),
    ])
    assert verdict_sentence(two, names) == (
        "Conflict: The Diplomatic Insight says 2,030 but TV report says about 2,500"
        " — these do not overlap."
    )
    assert verdict_sentence(conflict_report().claims[0], names) == (
        "Conflict: Weekly says about 2,500, which does not overlap with Daily (about 2,000) or"
        " Wire (2,030). Daily and Wire are compatible with each other."
    )
    agree = claim("start", "agree", [
        found("tdi", "in two days", "2022-01-13"),
        found("emb", "January 13", "2022-01-13"), missing("tv"),
    ], kind="date")
    assert verdict_sentence(agree, names) == (
        "Agree: The Diplomatic Insight and Embassy interview both say 13 January 2022."
    )
    consistent = claim("days", "consistent", [
        found("tdi", "10 days", 10), missing("tv"),
        found("emb", "no more than 10 days", 10, qualifier="at_most", low=0, high=10),
    ], kind="duration")
    assert verdict_sentence(consistent, names) == (
        "Consistent: The Diplomatic Insight says 10 days and Embassy interview says at most"
        " 10 days — worded or rounded differently, but every pair of values overlaps."
    )
    single = claim("stated", "single", [found("tv", "fire", True), missing("tdi")],
                   kind="statement")
    assert verdict_sentence(single, names) == (
        "Single source: only TV report states it; nothing to compare it with."
    )
    nowhere = claim("toll", "missing", [missing("tdi", quote="Many died.", score=70.0),
                                        missing("tv")])
    assert verdict_sentence(nowhere, names) == (
        "Missing: no source gives it; 1 source has a passage that comes close (shown dimmed)."
    )


def test_expected_sentence() -> None:
    names = {"tdi": "TDI", "rfe": "RFE/RL"}
    c = claim("d", "consistent", [
        found("tdi", "225", 225, matches_expected=True),
        found("rfe", "more than 160", 160, qualifier="at_least", low=160, high=None,
              matches_expected=False),
    ], expected=225)
    assert expected_sentence(c, names) == "Expected 225: RFE/RL (at least 160) does not fit (≠)."
    ok = replace(c, findings=(c.findings[0],))
    assert expected_sentence(ok, names) == "Expected 225: every source that gives it fits (✓)."
    assert expected_sentence(replace(c, has_expected=False), names) is None


def test_value_in_words() -> None:
    f = found("a", "by Jan. 23", "2022-01-23", qualifier="at_most", low=None, high="2022-01-23")
    assert value_in_words(f, "date") == "by 23 January 2022"
    r = found("a", "Jan 5-19", ["2022-01-05", "2022-01-19"])
    assert value_in_words(r, "date_range") == "5 January 2022 to 19 January 2022"
    assert value_in_words(found("a", "3-4 percent", [3, 4]), "percent") == "3–4%"
    assert value_in_words(found("a", "2020", "2020-05"), "date") == "May 2020"
    assert value_in_words(missing("a"), "count") == "does not give it"


def test_changes_listed_and_marked_on_cells() -> None:
    report = compared_report()
    assert report.changes
    nodes = parse(render_html(report))
    (section,) = [n for n in nodes if n.attrs.get("id") == "changes"]
    assert f"{len(report.changes)} changes since reports/baseline.json" in " ".join(
        section.text.split())
    for ch in report.changes:
        assert ch.claim in section.text
    rfe = cells(nodes, "csto-troops")["rfe"]
    assert "changed" in rfe.attrs["class"].split()
    assert "Δ no longer found" in rfe.text
    assert group(nodes, "csto-troops").attrs["data-changed"] == "1"
    assert group(nodes, "withdrawal-days").attrs["data-changed"] == "0"
    assert "Δ verdict changed" in group(nodes, "csto-troops").text
    # the filter for changes exists only with a baseline
    boxes = [n.attrs["value"] for n in nodes if n.attrs.get("type") == "checkbox"]
    assert boxes == ["conflict", "missing", "changed"]
    plain = parse(render_html(sample_report()))
    assert [n.attrs["value"] for n in plain if n.attrs.get("type") == "checkbox"] == [
        "conflict", "missing"]


def test_filters_hidden_until_script_runs() -> None:
    nodes = parse(render_html(sample_report()))
    (form,) = [n for n in nodes if n.attrs.get("id") == "filters"]
    assert "hidden" in form.attrs
    assert not [n for n in nodes if n.tag == "tbody" and "hidden" in n.attrs]


@dataclass(frozen=True)
class PagedFinding(Finding):
    page: int | None = None
    paragraph: int | None = None


def test_page_and_paragraph_when_the_finding_has_them() -> None:
    report = conflict_report()
    c = report.claims[0]
    paged = PagedFinding(**{**c.findings[0].__dict__, "page": 3, "paragraph": 7})
    report = replace(report, claims=(replace(c, findings=(paged, *c.findings[1:])),))
    daily = cells(parse(render_html(report)), "contingent")["daily"]
    # the line of extracted text is left out: the page and paragraph say where the quote is
    assert "sources/daily.txt · page 3 · paragraph 7" in daily.text


def test_empty_report() -> None:
    page = render_html(Report("claims.yaml", (), ()))
    assert "No claims to show." in page and "<h1>kzclaims report</h1>" in page


def test_many_sources_stack_on_wider_screens() -> None:
    report = sample_report()
    assert "@media (max-width:760px)" in render_html(report)
    many = tuple(SourceInfo(f"s{i}", f"Outlet {i}", f"sources/s{i}.txt") for i in range(10))
    assert "@media (max-width:1560px)" in render_html(replace(report, sources=many, claims=()))


def test_date_range_value_wraps_between_its_ends_only() -> None:
    c = claim("period", "single", [found("tdi", "from Jan. 5 to 19",
                                        ["2022-01-05", "2022-01-19"])], kind="date_range")
    page = render_html(replace(sample_report(), claims=(c,)))
    assert ('<span class="nw">2022-01-05</span> – <span class="nw">2022-01-19</span>'
            in page)


def test_quotes_from_a_source_in_another_language_carry_its_lang() -> None:
    report = conflict_report()
    sources = (replace(report.sources[0], language="ru"), report.sources[1],
               replace(report.sources[2], language='x" onclick="y'))
    nodes = parse(render_html(replace(report, sources=sources)))
    quotes = {n.attrs.get("lang") for n in nodes if n.tag == "blockquote"}
    assert quotes == {"ru", None}
    assert not [k for n in nodes for k in n.attrs if k.startswith("on")]


def test_a_large_run_lists_each_claims_own_cells_and_names_a_few_sources() -> None:
    # QA4: 2,721 sources x 50 claims gave a 31 MB page (a cell per source and claim, each
    # conflicting cell naming hundreds of outlets) that took 30 s to open
    n = 300
    sources = tuple(SourceInfo(f"s{i}", f"Outlet {i}", f"sources/s{i}.txt", None) for i in range(n))
    values = [found(f"s{i}", f"{1000 + 10 * i:,} troops", 1000 + 10 * i) for i in range(0, 40, 2)]
    c = claim("troops", "conflict", values)
    report = Report("claims.yaml", sources, (c,), compact=True)
    page = render_html(report)
    assert page.count('<td class="cell') == 20
    assert "Not found in the 280 other sources" in page
    assert '<details class="sources-list"><summary><h2 id="sources-h">The 300 sources</h2></summary>' in page
    assert "conflicts with Outlet 2, Outlet 4, Outlet 6, Outlet 8, Outlet 10, Outlet 12, Outlet 14," \
        " Outlet 16 and 11 more</p>" in page
    assert "@media (max-width:100000px)" in page  # always the stack of cells
    full = render_html(replace(report, compact=False))
    assert full.count('<td class="cell') == n and "sources-list" not in full


def test_the_sources_table_names_a_source_language_that_is_not_english() -> None:
    # QA9 Q15: a desk with Russian and English sources could not tell from the report's
    # sources which were Russian (`kzclaims sources` and the JSON say so)
    report = conflict_report()
    sources = (replace(report.sources[0], language="ru"), *report.sources[1:])
    nodes = parse(render_html(replace(report, sources=sources)))
    (table,) = [n for n in nodes if n.tag == "table" and "sources" in n.attrs.get("class", "")]
    assert table.text.count("Russian") == 1
    english = parse(render_html(report))
    (plain,) = [n for n in english if n.tag == "table" and "sources" in n.attrs.get("class", "")]
    assert "English" not in plain.text and "Russian" not in plain.text
