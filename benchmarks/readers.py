"""Reading cost and accuracy of the source readers, each against its alternative, in one run.

    pip install -e ".[test]" pdfminer.six fpdf2 charset-normalizer
    python benchmarks/readers.py            # tables
    python benchmarks/readers.py --json     # one JSON object

HTML: trafilatura (the reader, ``kzclaims.readers.html``) against a stdlib ``html.parser``
baseline that drops ``script``/``style``/``nav``/``header``/``footer``/``aside``/``form`` and keeps
every other text block. PDF: pypdf (the reader) against pdfminer.six, both followed by the same
header/footer cleaning. Text: the legacy-encoding guess (Windows-1252, Windows-1251, KOI8-R,
CP866, Mac Cyrillic) against charset-normalizer, on whole texts and short pieces.

The pages and PDFs are made here from article texts: the bundled sources and the sources of the
blind set (benchmarks/unseen/*/sources, English and Russian), wrapped in three page templates of
our own (a news site with a cookie banner, ticker, "related stories" and scripts; a blog with a
sidebar and comments; a bare page with a menu of links), or set as PDFs in one and in two columns
with a running header and "Page N of M" footer. The boilerplate of the templates is our own
writing and the readers were chosen on the fixture corpus first (tests/fixtures/formats): these
are development figures on made-up pages, not a sample of the web.

Measures: ``article`` = share of the article's paragraphs (HTML) or sentences (PDF) found whole
in the text read, in order; ``leak`` = share of boilerplate snippets that got into it; speed in
milliseconds per MB of input and MB/s (median of 3 runs over the whole set).
"""

from __future__ import annotations

import argparse
import html
import io
import json
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


# ------------------------------------------------------------------------------------------
# The articles
# ------------------------------------------------------------------------------------------


def _held_out(f: Path) -> bool:
    facts = f.parent.parent / "facts.yaml"
    if "unseen" not in f.parts or not facts.exists():
        return False
    # "test", "test5", ...: every held-out half (a numbered half matched no "test\\b")
    return bool(re.search(r"^split:\s*test\d*\b", facts.read_text(encoding="utf-8"), re.M))


def articles() -> list[tuple[str, list[str]]]:
    files = sorted((ROOT / "sources").glob("*.txt"))
    files += sorted((ROOT / "benchmarks" / "unseen").glob("*/sources/*.txt"))
    out = []
    for f in files:
        if _held_out(f):
            continue  # the blind set's test half is not read here
        paras = [" ".join(p.split()) for p in f.read_text(encoding="utf-8").split("\n\n")]
        paras = [p for p in paras if len(p) > 1]
        if paras:
            out.append((str(f.relative_to(ROOT)), paras))
    return out


# ------------------------------------------------------------------------------------------
# HTML pages: three templates of boilerplate around an article
# ------------------------------------------------------------------------------------------

NEWS_BOILER = [
    "We and our 842 partners use cookies to personalise content and ads for 30 days.",
    "Breaking: 1,500 passengers stranded as flights are cancelled for 3 days",
    "Subscribe for 1 euro a week",
    "Army sends 3,000 troops to the border for a drill",
    "Death toll of the floods rose to 164, ministry says",
    "Talks will start on February 1 in Vienna",
    "14 Abay Avenue, Almaty 050000. Newsroom: +7 727 250 1000.",
]
BLOG_BOILER = [
    "Popular posts this week",
    "Why 7,200 readers unsubscribed in 2019",
    "Ten maps that explain the region",
    "312 comments on this post",
    "Posted by admin in Uncategorized on 2023-04-05",
    "Leave a reply: your email address will not be published.",
]
BARE_BOILER = [
    "Home", "Archive 1998-2024", "Contact the 24-hour desk",
    "Copyright 2024 Regional Herald, 55 Main Street.",
]


def _paras(paras: list[str], tag: str = "p") -> str:
    return "\n".join(f"<{tag}>{html.escape(p)}</{tag}>" for p in paras)


def page_news(title: str, paras: list[str]) -> str:
    b = NEWS_BOILER
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | The Daily Example</title>
<meta property="article:published_time" content="2024-05-15T10:00:00Z">
<script>window.dataLayer=[{{"articleId":20304,"troops":5000}}];</script></head><body>
<div class="cookie-banner"><p>{b[0]}</p><button>Accept all</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sub">{b[2]}</a></li></ul></nav><div class="ticker">{b[1]}</div></header>
<main><article><h1>{html.escape(title)}</h1>
{_paras(paras)}
<div class="share"><a>Share</a> <a>Tweet</a> <span>148 comments</span></div></article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">{b[3]}</a></li>
<li><a href="/b">{b[4]}</a></li><li><a href="/c">{b[5]}</a></li></ul></aside></main>
<footer><p>{b[6]}</p></footer>
<script>var delay = 45; console.log("will last 90 days");</script></body></html>"""


def page_blog(title: str, paras: list[str]) -> str:
    b = BLOG_BOILER
    body = "\n".join(f"<div class=\"para\">{html.escape(p)}<br></div>" for p in paras)
    return f"""<html><head><title>{html.escape(title)}</title></head><body>
<div id="wrap"><div id="content"><div class="post"><h2 class="title">{html.escape(title)}</h2>
<div class="meta">{b[4]}</div><div class="entry">{body}</div></div>
<div id="comments"><h3>{b[3]}</h3><div class="comment"><p>Great post! I counted 12 errors.</p>
</div><div class="reply">{b[5]}</div></div></div>
<div id="sidebar"><div class="widget"><h3>{b[0]}</h3><ul><li>{b[1]}</li><li>{b[2]}</li></ul>
</div></div></div></body></html>"""


def page_bare(title: str, paras: list[str]) -> str:
    b = BARE_BOILER
    return f"""<html><body><div class="menu"><a href="/">{b[0]}</a> | <a href="/a">{b[1]}</a> |
<a href="/c">{b[2]}</a></div><h1>{html.escape(title)}</h1>
{_paras(paras)}
<div class="foot">{b[3]}</div></body></html>"""


TEMPLATES: dict[str, tuple[Callable[[str, list[str]], str], list[str]]] = {
    "news": (page_news, NEWS_BOILER),
    "blog": (page_blog, BLOG_BOILER),
    "bare": (page_bare, BARE_BOILER),
}


class _Baseline(HTMLParser):
    SKIP: ClassVar[frozenset[str]] = frozenset(
        ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button")
    )
    BLOCK: ClassVar[frozenset[str]] = frozenset(
        ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section",
         "article", "blockquote", "ul", "ol", "table", "main", "body")
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.blocks: list[str] = []
        self.cur: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.cur).split())
        if text:
            self.blocks.append(text)
        self.cur = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.cur.append(data)


def baseline_html(data: bytes) -> str:
    """The stdlib baseline: visible text minus the obvious boilerplate elements."""
    p = _Baseline()
    p.feed(data.decode("utf-8", "replace"))
    p.close()
    p._flush()
    return "\n\n".join(p.blocks)


def trafilatura_html(data: bytes) -> str:
    from kzclaims.readers.html import read_html

    return read_html(data, "page.html").text


# ------------------------------------------------------------------------------------------
# PDFs: one or two columns, running header and footer
# ------------------------------------------------------------------------------------------


def make_pdf(title: str, paras: list[str], columns: int) -> bytes:
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self) -> None:
            self.set_font("body", size=8)
            self.cell(0, 6, "Regional Herald | Weekly Digest No. 12 | 15 May 2024",
                      new_x="LMARGIN", new_y="NEXT", align="C")
            self.ln(3)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("body", size=8)
            self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Doc(format="A4")
    pdf.set_creation_date(__import__("datetime").datetime(2024, 5, 15))
    pdf.add_font("body", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("body", size=14)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=10)
    if columns == 1:
        for p in paras:
            pdf.multi_cell(0, 5, p, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    else:
        with pdf.text_columns(ncols=2, gutter=8) as cols:
            for p in paras:
                cols.write(p + "\n\n")
    return bytes(pdf.output())


def pypdf_pages(data: bytes) -> list[str]:
    import pypdf

    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def pdfminer_pages(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_text

    return [p for p in extract_text(io.BytesIO(data)).split("\f")][:-1] or [""]


# ------------------------------------------------------------------------------------------
# Scoring
# ------------------------------------------------------------------------------------------


def _norm(s: str) -> str:
    return " ".join(s.replace("\u00ad", "").split()).lower()


def _units_found(units: list[str], text: str) -> tuple[int, int]:
    """(found in order, total): each unit must occur whole after the previous one."""
    t = _norm(text)
    pos = 0
    found = 0
    for u in units:
        i = t.find(_norm(u), pos)
        if i >= 0:
            found += 1
            pos = i
    return found, len(units)


def _sentences(paras: list[str]) -> list[str]:
    out = []
    for p in paras:
        out += [s for s in re.split(r"(?<=[.!?])\s+", p) if len(s) > 20]
    return out


def _leaks(snippets: list[str], text: str) -> tuple[int, int]:
    t = _norm(text)
    return sum(1 for s in snippets if _norm(html.unescape(s)) in t), len(snippets)


def _timed(fn: Callable[[bytes], object], docs: list[bytes], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for d in docs:
            fn(d)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_html(arts: list[tuple[str, list[str]]]) -> dict[str, object]:
    pages: list[tuple[str, bytes, list[str], list[str]]] = []
    for i, (_, paras) in enumerate(arts):
        tname = list(TEMPLATES)[i % len(TEMPLATES)]
        make, boiler = TEMPLATES[tname]
        title, body = paras[0], paras[1:] or paras
        pages.append((tname, make(title, body).encode("utf-8"), body, boiler))
    fixture = (ROOT / "tests/fixtures/formats/sources/steppe-courier-2022-01-12.html").read_bytes()
    out: dict[str, object] = {"pages": len(pages), "mb": sum(len(p[1]) for p in pages) / 1e6}
    # one long page (~1 MB: every article's paragraphs in one news template): cost per MB
    # without the per-page overhead
    big = page_news("All the articles", [p for _, ps in arts for p in ps] * 3).encode("utf-8")
    out["big_page_mb"] = len(big) / 1e6
    for label, fn in (("trafilatura", trafilatura_html), ("stdlib", baseline_html)):
        found = total = leaked = boiler_total = 0
        per_template: dict[str, list[int]] = {}
        for tname, data, body, boiler in pages:
            text = fn(data)
            f, n = _units_found(body, text)
            lk, bn = _leaks(boiler, text)
            found, total = found + f, total + n
            leaked, boiler_total = leaked + lk, boiler_total + bn
            acc = per_template.setdefault(tname, [0, 0, 0, 0])
            acc[0] += f
            acc[1] += n
            acc[2] += lk
            acc[3] += bn
        secs = _timed(fn, [p[1] for p in pages])
        big_secs = _timed(fn, [big])
        fx_text = fn(fixture)
        out[label] = {
            "article": found / total,
            "leak": leaked / boiler_total,
            "by_template": {
                k: {"article": v[0] / v[1], "leak": v[2] / v[3]} for k, v in per_template.items()
            },
            "ms_per_mb": 1000 * secs / out["mb"],  # type: ignore[operator]
            "mb_per_s": out["mb"] / secs,  # type: ignore[operator]
            "big_page_ms_per_mb": 1000 * big_secs / out["big_page_mb"],  # type: ignore[operator]
            "fixture_boilerplate_numbers": [
                n for n in ("842", "1,500", "3,000", "164", "050000", "20304", "5000", "148")
                if re.search(rf"(?<![\d,]){re.escape(n)}(?![\d,])", fx_text)
            ],
        }
    return out


def bench_pdf(arts: list[tuple[str, list[str]]]) -> dict[str, object]:
    from kzclaims.readers.pdf import clean_pages

    docs: list[tuple[int, bytes, list[str]]] = []
    for i in range(0, len(arts), 3):  # three articles to a PDF: most run over several pages
        paras = [p for _, ps in arts[i : i + 3] for p in ps]
        cols = 1 + (i // 3) % 2
        docs.append((cols, make_pdf(paras[0], paras[1:], cols), _sentences(paras[1:])))
    fixture = (ROOT / "tests/fixtures/formats/sources/caspian-review-2022-01-14.pdf").read_bytes()
    out: dict[str, object] = {"pdfs": len(docs), "mb": sum(len(d[1]) for d in docs) / 1e6,
                              "pages": sum(len(pypdf_pages(d[1])) for d in docs)}
    for label, fn in (("pypdf", pypdf_pages), ("pdfminer.six", pdfminer_pages)):
        by_cols: dict[int, list[int]] = {1: [0, 0], 2: [0, 0]}
        footers = headers = multi = 0
        for cols, data, sents in docs:
            pages = fn(data)
            text = "\n\n".join(clean_pages(pages))
            f, n = _units_found(sents, text)
            by_cols[cols][0] += f
            by_cols[cols][1] += n
            footers += bool(re.search(r"Page \d+ of", text))
            if len(pages) > 1:  # a running header is told from a headline by its recurring
                multi += 1
                headers += "Weekly Digest" in text
        secs = _timed(fn, [d[1] for d in docs])
        fx = "\n\n".join(clean_pages(fn(fixture)))
        out[label] = {
            "sentences_one_column": by_cols[1][0] / max(1, by_cols[1][1]),
            "sentences_two_columns": by_cols[2][0] / max(1, by_cols[2][1]),
            "page_footer_left_in": footers,
            "running_header_left_in": f"{headers} of {multi} multi-page",
            "ms_per_mb": 1000 * secs / out["mb"],  # type: ignore[operator]
            "mb_per_s": out["mb"] / secs,  # type: ignore[operator]
            "fixture_withdrawal_joined": "phased withdrawal of the CSTO" in " ".join(fx.split()),
        }
    return out


def _snippets(text: str, size: int) -> list[str]:
    """Pieces of about ``size`` characters, cut at spaces, from the start of ``text``."""
    out: list[str] = []
    words = text.split()
    piece: list[str] = []
    for w in words:
        piece.append(w)
        if sum(len(x) + 1 for x in piece) >= size:
            out.append(" ".join(piece))
            piece = []
            if len(out) == 3:
                break
    return out


def bench_encoding(arts: list[tuple[str, list[str]]]) -> dict[str, object]:
    """Each text saved in each legacy encoding it fits (Russian: the four Cyrillic code pages;
    others: Windows-1252), whole and as three pieces of ~60 and ~200 characters; right = the
    guess decodes to the original text."""
    from kzclaims.readers.encoding import guess_legacy_encoding

    cyrillic = ("cp1251", "koi8_r", "cp866", "mac_cyrillic")
    samples: dict[str, list[tuple[bytes, str]]] = {"whole": [], "200 chars": [], "60 chars": []}
    for name, paras in arts:
        text = "\n\n".join(paras)
        encs = cyrillic if "/ru-" in name else ("cp1252",)
        pieces = {"whole": [text], "200 chars": _snippets(text, 200),
                  "60 chars": _snippets(text, 60)}
        for size, texts in pieces.items():
            for t in texts:
                for enc in encs:
                    # a letter or sign the code page lacks ("«", "—" in KOI8-R) is a "?", as a
                    # converting editor would write it
                    data = t.encode(enc, errors="replace")
                    if data.isascii():
                        continue  # nothing to decide
                    samples[size].append((data, enc))

    def ours(d: bytes) -> str:
        return d.decode(guess_legacy_encoding(d))

    def theirs(d: bytes) -> str:
        from charset_normalizer import from_bytes

        best = from_bytes(d).best()
        return str(best) if best is not None else ""

    guessers: dict[str, Callable[[bytes], str]] = {"kzclaims": ours}
    try:
        import charset_normalizer  # noqa: F401

        guessers["charset_normalizer"] = theirs
    except ImportError:
        pass
    out: dict[str, object] = {}
    for name, guess in guessers.items():
        res: dict[str, object] = {}
        for size, items in samples.items():
            by_enc: dict[str, list[int]] = {}
            t = time.perf_counter()
            for d, e in items:
                right = guess(d) == d.decode(e)  # judged by the text it decodes to
                by_enc.setdefault(e, []).append(right)
            ms = 1000 * (time.perf_counter() - t) / len(items)
            res[size] = {
                "files": len(items),
                "right": sum(sum(v) for v in by_enc.values()) / len(items),
                "by_encoding": {e: f"{sum(v)}/{len(v)}" for e, v in sorted(by_enc.items())},
                "ms_per_file": ms,
            }
        out[name] = res
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--encoding-only", action="store_true", help="only the legacy encodings")
    args = ap.parse_args()
    arts = articles()
    if args.encoding_only:
        enc = bench_encoding(arts)
        if args.json:
            print(json.dumps(enc, indent=2))
        else:
            _print_encoding(enc)
        return
    result = {
        "machine": f"{platform.machine()}, {platform.processor() or platform.system()}, "
        f"Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
        "articles": len(arts),
        "html": bench_html(arts),
        "pdf": bench_pdf(arts) if FONT.exists() else "skipped: no DejaVu font",
        "encoding": bench_encoding(arts),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['machine']}; {result['date']}; {len(arts)} articles")
    h = result["html"]
    print(f"\nHTML: {h['pages']} pages, {h['mb']:.2f} MB")  # type: ignore[index]
    print(f"{'':14}{'article':>9}{'leak':>7}{'ms/MB':>9}{'MB/s':>7}{'1-page ms/MB':>13}"
          "  by template (article/leak)")
    for k in ("trafilatura", "stdlib"):
        r = h[k]  # type: ignore[index]
        tpl = "  ".join(f"{t} {v['article']:.0%}/{v['leak']:.0%}"
                        for t, v in r["by_template"].items())
        print(f"{k:14}{r['article']:>9.1%}{r['leak']:>7.1%}{r['ms_per_mb']:>9.0f}"
              f"{r['mb_per_s']:>7.2f}{r['big_page_ms_per_mb']:>13.0f}  {tpl}; "
              "fixture numbers leaked: "
              f"{r['fixture_boilerplate_numbers'] or 'none'}")
    p = result["pdf"]
    if isinstance(p, dict):
        print(f"\nPDF: {p['pdfs']} files, {p['pages']} pages, {p['mb']:.2f} MB")
        print(f"{'':14}{'1 col':>8}{'2 cols':>8}{'ms/MB':>9}{'MB/s':>7}")
        for k in ("pypdf", "pdfminer.six"):
            r = p[k]
            print(f"{k:14}{r['sentences_one_column']:>8.1%}{r['sentences_two_columns']:>8.1%}"
                  f"{r['ms_per_mb']:>9.0f}{r['mb_per_s']:>7.2f}  footers left: "
                  f"{r['page_footer_left_in']}, running headers left: "
                  f"{r['running_header_left_in']}; fixture hyphen joined: "
                  f"{r['fixture_withdrawal_joined']}")
    else:
        print(f"\nPDF: {p}")
    _print_encoding(result["encoding"])  # type: ignore[arg-type]


def _print_encoding(e: dict[str, object]) -> None:
    print("\nLegacy encodings (right / ms per file; by encoding)")
    for name, res in e.items():
        for size, r in res.items():  # type: ignore[attr-defined]
            by = ", ".join(f"{k} {v}" for k, v in r["by_encoding"].items())
            print(f"{name:20}{size:>10}{r['files']:>5} {r['right']:>7.1%}"
                  f"{r['ms_per_file']:>8.2f}  {by}")

if __name__ == "__main__":
    main()
