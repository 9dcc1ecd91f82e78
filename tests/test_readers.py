"""The readers, one kind of file at a time: choice by content, bad files, missing extras."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzclaims.cli import app
from kzclaims.errors import InputError
from kzclaims.readers import read, read_bytes, sniff
from kzclaims.readers.encoding import ENCODING_NAMES, legacy_scores
from kzclaims.readers.pdf import clean_pages
from kzclaims.readers.plain import guess_legacy_encoding
from kzclaims.sources import load_sources

FORMATS = Path(__file__).resolve().parent / "fixtures" / "formats" / "sources"
PAGE = FORMATS / "steppe-courier-2022-01-12.html"
PDF = FORMATS / "caspian-review-2022-01-14.pdf"
DOCX = FORMATS / "eurasia-brief-2022-01-13.docx"
ENCODINGS = Path(__file__).resolve().parent / "fixtures" / "encodings"


def error(data: bytes, suffix: str) -> str:
    with pytest.raises(InputError) as info:
        read_bytes(data, "src/f" + suffix, suffix)
    assert len(info.value.problems) == 1
    return str(info.value.problems[0])


@pytest.mark.parametrize(
    ("data", "suffix", "kind"),
    [
        (PAGE.read_bytes(), ".txt", "html"),  # a saved page renamed: read as HTML
        (b"<p>VALEA VERDE &mdash; one</p>\n<p>two</p><div>three</div>", ".txt", "html"),
        (PDF.read_bytes(), ".txt", "pdf"),
        (DOCX.read_bytes(), ".bin", "docx"),
        (b"Plain text with <b>one</b> tag.", ".txt", "text"),
        (b"# Markdown\n\nText.", ".md", "text"),
        (b"\x89PNG\r\n", ".jpg", None),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", ".md", "html"),
    ],
)
def test_kind_by_content_then_suffix(data: bytes, suffix: str, kind: str | None) -> None:
    assert sniff(data, suffix) == kind


def test_page_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    shutil.copy(PAGE, tmp_path / "page.txt")
    doc = read(tmp_path / "page.txt")
    assert doc.text == read(PAGE).text
    assert "<p>" not in doc.text and "&mdash;" not in doc.text and "dataLayer" not in doc.text


def test_pdf_keeps_pages_and_drops_running_header_and_footer() -> None:
    doc = read(PDF)
    assert (doc.kind, doc.unit) == ("pdf", "page")
    assert [n for _, n in doc.marks] == [1, 2]
    at = doc.text.index("2,030 troops")
    assert doc.location_at(at) == 2
    assert doc.location_at(doc.text.index("state of emergency")) == 1
    assert "Page" not in doc.text and "Briefing No." not in doc.text
    assert "The phased withdrawal of the CSTO contingent began" in " ".join(doc.text.split())


def test_clean_pages() -> None:
    pages = [
        "Daily Report No. 3\nThe ﬁrst with-\ndrawal began.\n1",
        "Daily Report No. 4\nThe withdrawal ended. Anti-\nterrorist units left.\n2",
    ]
    assert clean_pages(pages) == [
        "The first withdrawal began.",
        "The withdrawal ended. Anti-\nterrorist units left.",
    ]
    # a single page: only a bare page number goes, a first line may be the headline
    assert clean_pages(["Headline 2022\nText.\nPage 1 of 1"]) == ["Headline 2022\nText."]


def test_docx_paragraphs_and_properties() -> None:
    doc = read(DOCX)
    assert (doc.kind, doc.unit, doc.title, doc.author) == (
        "docx", "paragraph", "CSTO begins its withdrawal from Kazakhstan", "Eurasia Brief"
    )
    assert doc.location_at(doc.text.index("2,030 troops")) == 5
    assert "Issue 7" not in doc.text  # the page header is not read


def test_docx_table_rows_are_paragraphs() -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Key figures")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Troops", "2,030"
    table.cell(1, 0).text, table.cell(1, 1).text = "Vehicles", "250"
    d.add_paragraph("After the table.")
    raw = io.BytesIO()
    d.save(raw)
    doc = read_bytes(raw.getvalue(), "t.docx", ".docx")
    assert doc.text.split("\n\n") == ["Key figures", "Troops | 2,030", "Vehicles | 250", "After the table."]
    assert [n for _, n in doc.marks] == [1, 2, 3, 4]


def test_corrupt_and_encrypted_pdf() -> None:
    assert error(PDF.read_bytes()[:400], ".pdf").startswith(
        "src/f.pdf: error: not a readable PDF (corrupt or truncated"
    )
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(PDF.read_bytes()))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert error(out.getvalue(), ".pdf") == (
        "src/f.pdf: error: the PDF is encrypted and needs a password; save an unencrypted copy "
        "to compare it"
    )


def test_pdf_encrypted_without_a_password_is_read() -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(PDF.read_bytes()))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert "2,030 troops" in read_bytes(out.getvalue(), "f.pdf", ".pdf").text


def test_corrupt_docx() -> None:
    assert error(b"PK\x03\x04not really a zip", ".docx").startswith(
        "src/f.docx: error: not a readable Word (.docx) file"
    )


def test_html_page_without_an_article_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text(
        "<html><head><title>Loading</title><script>var x = 2030;</script></head><body></body></html>",
        encoding="utf-8",
    )
    corpus = load_sources(tmp_path, "src")
    assert corpus.sources[0].text == ""
    assert [str(w) for w in corpus.warnings] == [
        "src/empty.html: warning: no article text found in this HTML page; it gives no values"
    ]



def test_a_read_more_link_in_the_story_is_not_its_text(tmp_path: Path) -> None:
    """QA5 Q17: a CMS page's "Read more: 45 firefighters battle refinery blaze in Oskol" (a link
    to another story, inside the story's div) was read, and gave a firefighters claim 45."""
    (tmp_path / "page.html").write_text(
        "<html><head><title>Blast kills 17</title></head><body><div class='story-body'>"
        "<h1>Blast kills 17 at Varnsk plant</h1>"
        "<p>Seventeen people were killed in an explosion at the NitroVarn plant on Saturday.</p>"
        "<p><strong>Read more:</strong> <a href='/x'>45 firefighters battle refinery blaze in "
        "Oskol</a></p><p>Читайте также: <a href='/y'>Пожар на НПЗ: 45 пожарных</a></p>"
        "<p>Rescuers worked through the night, and read more than 30 reports.</p>"
        "<p>Related talks: the union and the plant met on Monday.</p></div></body></html>",
        encoding="utf-8",
    )
    text = load_sources(tmp_path, "src").sources[0].text
    assert "Seventeen people were killed" in text and "45" not in text
    assert "read more than 30 reports" in text and "Related talks: the union" in text


def test_html_page_of_only_navigation_and_a_cookie_banner_gives_no_text(tmp_path: Path) -> None:
    """QA3 Q12: trafilatura's last-resort rescue returns the menu and the cookie banner of a page
    with no article; that text is not the source's (its numbers would be read), and the page
    gets the warning. A short page with an article keeps it."""
    (tmp_path / "empty.html").write_text(
        "<html><head><title>Page not found</title><script>var x = 1;</script></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        '<div class="cookie">We use 14 cookies</div><footer>© 2025, 42 Harbour Street</footer>'
        "</body></html>",
        encoding="utf-8",
    )
    (tmp_path / "short.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>Dam gives way</h1>"
        "<p>About 4,800 residents were evacuated.</p></article></body></html>",
        encoding="utf-8",
    )
    corpus = load_sources(tmp_path, "src")
    texts = {s.id: s.text for s in corpus.sources}
    assert texts["empty"] == ""
    assert "About 4,800 residents were evacuated." in texts["short"]
    assert [str(w) for w in corpus.warnings] == [
        "src/empty.html: warning: no article text found in this HTML page; it gives no values"
    ]


def test_a_zip_that_is_not_a_word_file_says_so_in_words() -> None:
    # QA3 Q13: no "KeyError: ..." from the zip library
    out = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "hi")
    assert error(out.getvalue(), ".docx") == (
        "src/f.docx: error: not a readable Word (.docx) file (a zip archive, but not a Word"
        " document: it has no [Content_Types].xml)"
    )


LEGACY_TEXTS = [
    ("Около 20 тысяч бандитов атаковали Алматы, заявил президент.", "cp1251"),
    ("Вывод контингента ОДКБ (CSTO) начнётся 13 января и займёт не более 10 дней.", "cp1251"),
    ("Около 20 тысяч бандитов атаковали Алматы, заявил президент.", "koi8_r"),
    ("Вывод контингента ОДКБ (CSTO) начнётся 13 января и займёт не более 10 дней.", "koi8_r"),
    ("Ущерб составил 340 млн долларов, сообщили в правительстве.", "koi8_r"),
    ("Около 20 тысяч бандитов атаковали Алматы, заявил президент.", "cp866"),
    ("Ущерб составил 340 млн долларов, сообщили в правительстве.", "cp866"),
    ("Около 20 тысяч бандитов атаковали Алматы, заявил президент.", "mac_cyrillic"),
    ("Ущерб составил 340 млн долларов, сообщили в правительстве.", "mac_cyrillic"),
    ("Москва", "cp1251"),
    ("Москва", "koi8_r"),
    ("Москва", "cp866"),
    ("вчера", "koi8_r"),
    ("Almost 20,000 bandits attacked Almaty, the café owner said — “we hid”.", "cp1252"),
    ("Der Abzug der Truppen beginnt am 13. Januar; Zürich, Genève und Köln berichten.", "cp1252"),
    ("Le retrait commencera le 13 janvier, a déclaré le président à l'Assemblée élue.", "cp1252"),
    ("The strike costs the economy €45m a day.", "cp1252"),
    ("Señor Müller", "cp1252"),
]


@pytest.mark.parametrize(("text", "encoding"), LEGACY_TEXTS)
def test_legacy_encoding_is_guessed_from_the_letters(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert guess_legacy_encoding(data) == encoding
    doc = read_bytes(data, "f.txt", ".txt")
    assert doc.text == text and doc.encoding == encoding
    assert len(doc.warnings) == 1 and "re-save the file as UTF-8" in doc.warnings[0].message
    assert ENCODING_NAMES[encoding] in doc.warnings[0].message


@pytest.mark.parametrize(
    ("name", "encoding", "shown"),
    [
        ("ru-cp1251.txt", "cp1251", "Windows-1251 (Cyrillic)"),
        ("ru-koi8r.txt", "koi8_r", "KOI8-R (Cyrillic)"),
        ("ru-cp866.txt", "cp866", "CP866 (DOS Cyrillic)"),
        ("ru-maccyrillic.txt", "mac_cyrillic", "Mac Cyrillic"),
        ("west-cp1252.txt", "cp1252", "Windows-1252 (Western European)"),
    ],
)
def test_legacy_fixture_files_are_read_in_their_encoding(name: str, encoding: str, shown: str) -> None:
    doc = read(ENCODINGS / name, "sources/" + name)
    assert doc.encoding == encoding
    expected = "ZÜRICH, 11 Jan." if name.startswith("west") else "АЛМАТЫ, 11 января."
    assert doc.text.startswith(expected)
    [w] = doc.warnings
    assert str(w).startswith(f"sources/{name}:1:")
    assert f"; read as {shown}, judged from its letters" in str(w)


def test_a_legacy_file_with_a_byte_cp1252_leaves_undefined_is_read_as_cyrillic() -> None:
    # 0x81 is undefined in Windows-1252, wherever it is: CP866 "Б" late in a long text
    text = "сообщение. " * 600 + "Бишкек"
    data = text.encode("cp866")
    assert b"\x81" not in data[:6000] and data.endswith(b"\x81\xa8\xe8\xaa\xa5\xaa")
    assert guess_legacy_encoding(data) == "cp866"
    assert read_bytes(data, "f.txt", ".txt").text == text


def test_legacy_scores_rank_the_right_code_page_first() -> None:
    data = "Забастовка продолжалась одиннадцать дней.".encode("koi8_r")
    scores = legacy_scores(data)
    assert "cp1252" in scores and max(scores, key=scores.__getitem__) == "koi8_r"
    assert scores["koi8_r"] > 0 > scores["cp1251"]


def test_a_koi8r_source_gives_its_values(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    src.mkdir()
    shutil.copy(ENCODINGS / "ru-koi8r.txt", src / "tass.txt")
    corpus = load_sources(src, "sources")
    assert "2 030 военнослужащих" in corpus.sources[0].text
    assert [w.message.split(";")[1].strip() for w in corpus.warnings] == [
        "read as KOI8-R (Cyrillic), judged from its letters",
        # its dateline "АЛМАТЫ, 11 января." has no year and nothing gives one
        "give `published:` in a manifest, sources/sources.yaml",
    ]


def test_utf16_with_bom_is_text() -> None:
    assert read_bytes("Текст, 2,030 troops.".encode("utf-16"), "f.txt", ".txt").text == "Текст, 2,030 troops."


def test_missing_extra_names_it_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdf", None)  # as if kzclaims[pdf] were not installed
    src = tmp_path / "sources"
    src.mkdir()
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        shutil.copy(PDF, src / name)
    (src / "d.txt").write_text("Text.\n", encoding="utf-8")
    shutil.copy(FORMATS.parent / "claims.yaml", tmp_path / "claims.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["compare"], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        'sources/a.pdf (and 2 more): error: reading PDF files needs an optional library: '
        'pip install "kzclaims[pdf]"\n'
    )


def test_check_warns_about_every_file_without_a_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "sources"
    src.mkdir()
    shutil.copy(PAGE, src / "page.html")
    (src / "figures.xlsx").write_bytes(b"PK\x03\x04")
    (src / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    shutil.copy(FORMATS.parent / "claims.yaml", tmp_path / "claims.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check"], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert "sources/figures.xlsx: warning: no reader for .xlsx; it is not compared" in lines[0]
    assert "sources/photo.jpg: warning: no reader for .jpg; it is not compared" in lines[1]
    assert "1 source are valid" in lines[-1] and "warnings" in lines[-1]


RU_PAGE = (
    '<html lang="{lang}"><head><title>Пожар</title></head><body><article>'
    "<p>Около 20 тысяч жителей эвакуированы из района пожара, сообщили власти.</p>"
    "<p>В тушении участвуют 2030 пожарных и 45 самолётов.</p></article></body></html>"
)


def test_declared_language_is_used_when_the_manifest_has_none(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(RU_PAGE.format(lang="ru-RU"), encoding="utf-8")
    corpus = load_sources(tmp_path, "src")
    assert (corpus.sources[0].language, corpus.sources[0].language_detected) == ("ru", False)
    assert not [w for w in corpus.warnings if w.code == "declared-language"]
    (tmp_path / "page.html").write_text(RU_PAGE.format(lang="xx"), encoding="utf-8")
    source = load_sources(tmp_path, "src").sources[0]
    assert (source.language, source.language_detected) == ("ru", True)  # unknown: detected


def test_a_declared_language_the_text_contradicts_gives_way_with_a_warning(tmp_path: Path) -> None:
    # F26: a CMS template's <html lang="en"> around Russian text
    (tmp_path / "page.html").write_text(RU_PAGE.format(lang="en"), encoding="utf-8")
    corpus = load_sources(tmp_path, "src")
    assert (corpus.sources[0].language, corpus.sources[0].language_detected) == ("ru", True)
    # the advice fits where the sources came from (QA3 Q11): a folder without a manifest, a
    # glob, a manifest given by name
    assert [str(w) for w in corpus.warnings if w.code == "declared-language"] == [
        'src/page.html: warning: declares lang="en" but the text is Russian; to be sure, give'
        " `language:` in a manifest, src/sources.yaml"
    ]
    glob = load_sources(f"{tmp_path}/*.html", "src/*.html")
    assert [w.message for w in glob.warnings if w.code == "declared-language"] == [
        'declares lang="en" but the text is Russian; to be sure, list the files with'
        " `language:` in a manifest and pass it to --sources"
    ]
    (tmp_path / "corpus.yaml").write_text("sources:\n  - file: page.html\n", encoding="utf-8")
    named = load_sources(tmp_path / "corpus.yaml", "src/corpus.yaml")
    assert [w.message for w in named.warnings if w.code == "declared-language"] == [
        'declares lang="en" but the text is Russian; give `language:` in src/corpus.yaml to be'
        " sure"
    ]
    (tmp_path / "corpus.yaml").unlink()
    # an English page declared Russian gives way too
    page = PAGE.read_text(encoding="utf-8").replace('<html lang="en">', '<html lang="ru-RU">')
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    corpus = load_sources(tmp_path, "src")
    assert corpus.sources[0].language == "en"
    assert any("declares lang=\"ru\" but the text is English" in w.message for w in corpus.warnings)
    # the manifest's language: always wins, without a warning
    (tmp_path / "page.html").write_text(RU_PAGE.format(lang="en"), encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - file: page.html\n    language: en\n", encoding="utf-8")
    corpus = load_sources(tmp_path, "src")
    assert corpus.sources[0].language == "en"
    assert not [w for w in corpus.warnings if w.code == "declared-language"]


@pytest.mark.parametrize("path", [PDF, DOCX, PAGE, FORMATS / "nomad-wire-2022-01-11.txt"], ids=lambda p: p.suffix)
def test_damaged_files_give_a_document_or_one_input_error(path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    import random

    rng = random.Random(7)
    original = path.read_bytes()
    for _ in range(20):
        data = bytearray(original)
        if rng.random() < 0.4:
            data = data[: rng.randrange(len(data))]
        else:
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            read_bytes(bytes(data), "f" + path.suffix, path.suffix)
        except InputError as exc:
            assert len(exc.problems) == 1 and "\n" not in str(exc)
    assert capfd.readouterr().err == ""  # nothing printed by the libraries


def test_a_spreadsheet_saved_as_txt_is_named(tmp_path: Path) -> None:
    # F29: an .xlsx renamed .txt is not "no reader for .txt"
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert error(buf.getvalue(), ".txt") == (
        "src/f.txt: error: a spreadsheet (Office Open XML), not text; no reader knows it"
        " (sources may be .txt, .md, .html, .htm, .pdf or .docx files)"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "hello")
    assert error(buf.getvalue(), ".txt").startswith("src/f.txt: error: a zip archive, not text")


def test_a_koi8r_source_read_from_a_url_is_judged_the_same(tmp_path: Path) -> None:
    # the guess works on bytes wherever they come from (here fsspec's memory://)
    fsspec = pytest.importorskip("fsspec")
    import uuid

    bucket = f"kz-{uuid.uuid4().hex[:8]}"
    fs = fsspec.filesystem("memory")
    fs.pipe(f"/{bucket}/tass.txt", (ENCODINGS / "ru-koi8r.txt").read_bytes())
    try:
        (tmp_path / "sources.yaml").write_text(
            f"sources:\n  - {{file: 'memory://{bucket}/tass.txt', id: tass}}\n"
            "  - {file: other.txt, id: other, published: 2022-01-12}\n",
            encoding="utf-8",
        )
        (tmp_path / "other.txt").write_text("Text.\n", encoding="utf-8")
        corpus = load_sources(tmp_path, "sources")
        tass = corpus.sources[0]
        assert tass.text.startswith("АЛМАТЫ, 11 января.") and "2 030 военнослужащих" in tass.text
        assert any("read as KOI8-R (Cyrillic)" in w.message for w in corpus.warnings)
        # its year-less dateline takes its year from the manifest's other date
        assert tass.published == dt.date(2022, 1, 11) and tass.published_from == "dateline"
    finally:
        fs.rm(f"/{bucket}", recursive=True)


def test_an_old_word_file_is_told_to_be_saved_as_docx(tmp_path: Path) -> None:
    # QA3 Q18: a Word 97-2003 file named .docx was "File is not a zip file"; a .doc got no hint
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64
    assert error(ole, ".docx") == (
        "src/f.docx: error: not a readable Word (.docx) file (an old Word .doc (or other Office"
        " 97-2003 file) named .docx: save it as .docx)"
    )
    (tmp_path / "old.doc").write_bytes(ole)
    (tmp_path / "wire.txt").write_text("About 4,800 residents were evacuated.\n", encoding="utf-8")
    corpus = load_sources(tmp_path, "src")
    assert [str(w) for w in corpus.warnings] == [
        "src/old.doc: warning: no reader for .doc; it is not compared (save it as .docx; sources"
        " may be .txt, .md, .html, .htm, .pdf or .docx files)"
    ]


def _tracked_docx() -> bytes:
    """A Word file with tracked changes, as Word saves it with "Track Changes" on: inserted text
    in <w:ins> runs, deleted text in <w:del> runs (<w:delText>), a content control (<w:sdt>)."""
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("The repair cost is ")
    d.add_paragraph("Closure: ")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Injured"
    raw = io.BytesIO()
    d.save(raw)
    import zipfile

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    xml = src.read("word/document.xml").decode()
    ins = ('<w:del w:id="1" w:author="A" w:date="2026-11-20T09:00:00Z"><w:r><w:delText>€3.9 million'
           '</w:delText></w:r></w:del><w:ins w:id="2" w:author="A" w:date="2026-11-20T09:00:00Z">'
           '<w:r><w:t>€4.5 million</w:t></w:r></w:ins><w:r><w:t>, says the insurer.</w:t></w:r></w:p>')
    xml = xml.replace("The repair cost is </w:t></w:r></w:p>", "The repair cost is </w:t></w:r>" + ins, 1)
    sdt = ('<w:sdt><w:sdtContent><w:r><w:t>14 days</w:t></w:r></w:sdtContent></w:sdt></w:p>')
    xml = xml.replace("Closure: </w:t></w:r></w:p>", "Closure: </w:t></w:r>" + sdt, 1)
    cell = '<w:ins w:id="3" w:author="A" w:date="2026-11-20T09:00:00Z"><w:r><w:t>23</w:t></w:r></w:ins>'
    xml = xml.replace("Injured</w:t></w:r></w:p></w:tc><w:tc><w:tcPr>", "Injured</w:t></w:r></w:p></w:tc><w:tc><w:tcPr>", 1)
    xml = xml.replace('<w:p/></w:tc></w:tr>', f'<w:p>{cell}</w:p></w:tc></w:tr>', 1)
    assert w in xml and "€4.5 million" in xml and "14 days" in xml and ">23<" in xml
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            z.writestr(item, xml if item.filename == "word/document.xml" else src.read(item))
    return out.getvalue()


def test_docx_with_tracked_changes_reads_the_text_as_word_shows_it() -> None:
    # Word shows inserted text and hides deleted text; python-docx's Paragraph.text skips the
    # runs inside <w:ins> (and content controls), so a figure typed with Track Changes on was
    # lost: "The repair cost is , says the insurer."
    doc = read_bytes(_tracked_docx(), "t.docx", ".docx")
    assert doc.text.split("\n\n") == [
        "The repair cost is €4.5 million, says the insurer.",
        "Closure: 14 days",
        "Injured | 23",
    ]


def test_a_page_with_a_large_inline_image_keeps_its_article(tmp_path: Path) -> None:
    # a page saved with "Save page as" may inline a large image (a data: URI) or a framework's
    # JSON state: lxml stops at a text or attribute over 10 MB unless told (huge_tree), and
    # trafilatura refuses pages over 20 MB, so the article was lost ("no article text found")
    blob = "A" * 10_500_000  # over lxml's 10 MB for one attribute
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Flood</title></head>"
        f"<body><img src='data:image/jpeg;base64,{blob}' alt='hero'><article><h1>Flood: what we"
        " know</h1><p>At least 1,200 passengers were evacuated from the tunnel, and 23 people"
        " were injured, the authority said on Wednesday evening.</p><p>Oldmarket station is"
        " expected to remain closed for two weeks while engineers pump out the water.</p>"
        "</article></body></html>"
    )
    (tmp_path / "big.html").write_text(page, encoding="utf-8")
    doc = read(tmp_path / "big.html")
    assert doc.warnings == ()
    assert doc.text.split("\n\n") == [
        "Flood: what we know",
        "At least 1,200 passengers were evacuated from the tunnel, and 23 people were injured,"
        " the authority said on Wednesday evening.",
        "Oldmarket station is expected to remain closed for two weeks while engineers pump out"
        " the water.",
    ]


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("about:blank", None),  # Chromium's "Save as PDF" of a page without a <title>
        ("file:///home/ed/Downloads/press.html", None),
        ("https://council.example/press/2026-11-19", None),
        ("Microsoft Word - brief.docx", None),
        ("Untitled", None),
        ("press-release.pdf", None),
        ("  ", None),
        ("Kastel line flooding:\n update", "Kastel line flooding: update"),
        ("Press release: 23 injured", "Press release: 23 injured"),
    ],
)
def test_a_pdf_title_that_names_no_document_is_no_title(raw: str, title: str | None) -> None:
    # `kzclaims sources` and the HTML report showed "about:blank (read from the file)" for a
    # page printed to PDF by a browser
    from kzclaims.readers import meta_title

    assert meta_title(raw) == title


@pytest.mark.parametrize(
    ("title", "author", "shown"),
    [
        ("Microsoft Word - irtysh_final_v3.docx", "Admin", (None, None)),
        ("irtysh_final_v3.docx", "Windows User", (None, None)),
        ("Untitled", "Пользователь", (None, None)),
        ("", "python-docx", (None, None)),
        ("Irtysh tragedy: death toll rises", "Yerlan Abenov", ("Irtysh tragedy: death toll rises", "Yerlan Abenov")),
    ],
)
def test_a_word_files_placeholder_title_and_account_author_are_not_shown(
    title: str, author: str, shown: tuple[str | None, str | None]
) -> None:
    # QA8: `kzclaims sources` and the HTML report showed "Microsoft Word -
    # irtysh_final_v3.docx (read from the file)" and "by Admin" for a newsroom's Word file
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.core_properties.title, d.core_properties.author = title, author
    d.add_paragraph("Of the 87 passengers listed on the manifest, 61 were rescued.")
    raw = io.BytesIO()
    d.save(raw)
    doc = read_bytes(raw.getvalue(), "t.docx", ".docx")
    assert (doc.title, doc.author) == shown


def test_a_markdown_pages_front_matter_is_its_metadata_not_text(tmp_path: Path) -> None:
    # QA8: a blog post saved as .md with Jekyll/Hugo front matter was searched whole: its
    # "date: 2026-08-21" and tags were text, its title unknown, its date taken from a line below
    page = (
        '---\ntitle: "Monchique burns again"\ndate: 2026-08-21T09:30:00+01:00\n'
        "author: Jane Holloway\ntags: [portugal, wildfire]\n---\n\n# Monchique burns again\n\n"
        "*Posted 24 August 2026*\n\nMore than 1,100 firefighters fought the flames.\n"
    )
    doc = read_bytes(page.encode(), "blog.md", ".md")
    assert (doc.title, doc.author, doc.published) == (
        "Monchique burns again", "Jane Holloway", dt.date(2026, 8, 21)
    )
    assert "2026-08-21" not in doc.text and "portugal" not in doc.text
    lines = doc.text.split("\n")  # the file's line numbers are kept
    assert len(lines) == len(page.split("\n"))
    assert lines[11] == "More than 1,100 firefighters fought the flames."  # line 12
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "blog.md").write_text(page, encoding="utf-8")
    (source,) = load_sources(folder).sources
    assert (source.published, source.published_from, source.title) == (
        dt.date(2026, 8, 21), "page metadata", "Monchique burns again"
    )
    for plain in ("---\n\nA rule, then text: 3 dead.\n---\n", "--- a b: c\n---\n", "Text\n---\ntitle: x\n---\n",
                  # a transcript between two rules is text, even with a lower-case speaker
                  "---\nANCHOR: Good evening.\nReporter: Twelve people died.\n---\n",
                  "---\nanchor: Good evening.\nreporter: Twelve people died.\n---\n"):
        assert read_bytes(plain.encode(), "a.md", ".md").text == plain


@pytest.mark.parametrize(
    ("data", "suffix", "message"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), ".pdf",
         "src/f.pdf: error: a JPEG image, not a PDF: kzclaims reads text, so a scan or a photo"
         " needs OCR first (save its text as a .txt file, or a PDF with a text layer)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40), ".txt",
         "src/f.txt: error: a PNG image, not text: kzclaims reads text"),
        (b"GIF89a" + bytes(40), ".docx", "src/f.docx: error: a GIF image, not a Word file"),
        (b"II*\x00" + bytes(40), ".html", "src/f.html: error: a TIFF image, not a web page"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 " + bytes(40), ".md", "src/f.md: error: a WebP image"),
        (b"\x00\x00\x00\x18ftypheic" + bytes(40), ".pdf", "src/f.pdf: error: a HEIC image"),
    ],
)
def test_an_image_is_named_as_one(data: bytes, suffix: str, message: str) -> None:
    # QA9 Q4: a scan saved as .pdf was "not a readable PDF (corrupt or truncated: Stream has
    # ended unexpectedly)", a screenshot saved as .txt "binary file, not text"
    assert error(data, suffix).startswith(message)
