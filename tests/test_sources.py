"""Stage 2: the sources folder, its manifest, and every way a source can be unreadable."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from kzclaims.errors import InputError
from kzclaims.sources import infer_dateline, load_sources, parse_manifest

ROOT = Path(__file__).resolve().parent.parent


def errors(directory: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_sources(directory, "src")
    return [str(p) for p in info.value.problems]


def test_bundled_corpus() -> None:
    corpus = load_sources(ROOT / "sources", "sources")
    assert [s.id for s in corpus.sources] == ["tdi", "akorda", "transcript", "embassy", "tv"]
    assert corpus.warnings == ()
    tdi = corpus.sources[0]
    assert tdi.outlet == "The Diplomatic Insight"
    assert tdi.published == dt.date(2022, 1, 12) and tdi.as_of == dt.date(2022, 1, 11)
    assert tdi.reference_date == dt.date(2022, 1, 11)
    assert tdi.file == "sources/tdi-2022-01-12-majilis-address.txt"
    assert not tdi.published_inferred
    # the files are the seeds, byte for byte
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        bundled = sorted((ROOT / "sources").glob("*.txt"))
        assert sorted(p.read_bytes() for p in bundled) == sorted(p.read_bytes() for p in seeds.glob("*.txt"))


def test_without_manifest_every_text_file_is_a_source(tmp_path: Path) -> None:
    (tmp_path / "b-report.md").write_text("Title\n\nNur-Sultan, 12 January 2022 (TDI): Text.\n", encoding="utf-8")
    (tmp_path / "a-note.txt").write_text("January 6, 2022\n\nSome text.\n", encoding="utf-8")
    (tmp_path / "figures.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    corpus = load_sources(tmp_path, "src")
    assert [(s.id, s.file, s.published, s.published_inferred) for s in corpus.sources] == [
        ("a-note", "src/a-note.txt", dt.date(2022, 1, 6), True),
        ("b-report", "src/b-report.md", dt.date(2022, 1, 12), True),
    ]
    assert corpus.manifest is None
    assert [str(w) for w in corpus.warnings] == [
        "src/figures.xlsx: warning: no reader for .xlsx; it is not compared (sources may be .txt, .md, .html, .htm, .pdf or .docx files)"
    ]


def test_crlf_is_read_as_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"One.\r\nTwo.\r\n")
    assert load_sources(tmp_path).sources[0].text == "One.\nTwo.\n"


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("07.01.2022, 15:23", dt.date(2022, 1, 7)),
        ("Pretoria, 11 January 2022", dt.date(2022, 1, 11)),
        ("January 6, 2022", dt.date(2022, 1, 6)),
        ("No date in this line.", None),
    ],
)
def test_dateline(head: str, date: dt.date | None) -> None:
    assert infer_dateline(f"A headline\n\n{head}\n\nBody text of the article.\n") == date


def test_empty_and_missing_folders(tmp_path: Path) -> None:
    assert errors(tmp_path) == ["src: error: no sources: the folder has no .txt, .md, .html, .htm, .pdf or .docx files and no sources.yaml"]
    assert errors(tmp_path / "nope") == ["src: error: sources folder not found"]
    f = tmp_path / "file.csv"
    f.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder"):
        load_sources(f, "file.csv")
    one = tmp_path / "file.txt"  # one source file: that source (QA8)
    one.write_text("Eleven people were killed.\n", encoding="utf-8")
    assert [(s.id, s.file) for s in load_sources(one, "src/file.txt").sources] == [
        ("file", "src/file.txt")
    ]


def test_binary_sources_are_reported_together(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "b.md").write_bytes(b"\x00\x01")
    (tmp_path / "c.txt").write_text("Fine.\n", encoding="utf-8")
    assert errors(tmp_path) == [
        # an image is named as one (QA9 Q4)
        "src/a.txt: error: a PNG image, not text: kzclaims reads text, so a scan or a photo needs OCR first (save its text as a .txt file, or a PDF with a text layer)",
        "src/b.md: error: binary file, not text, and no reader knows it (sources may be .txt, .md, .html, .htm, .pdf or .docx files)",
    ]


def write_manifest(directory: Path, body: str) -> None:
    (directory / "sources.yaml").write_text(textwrap.dedent(body), encoding="utf-8")


def test_many_unlisted_files_are_one_warning(tmp_path: Path) -> None:
    # QA9 Q20: 1,120 files archived beside a manifest of 300 gave 1,120 warnings on every run
    for k in range(8):
        (tmp_path / f"f{k}.txt").write_text(f"Text {k}.\n", encoding="utf-8")
    write_manifest(tmp_path, "sources:\n  - file: f0.txt\n")
    assert [str(w) for w in load_sources(tmp_path, "src").warnings] == [
        "src/f1.txt: warning: not listed in src/sources.yaml, nor are 6 more files of the folder"
        " (src/f2.txt, src/f3.txt, ...); none is compared (add them to the manifest, or keep"
        " them in another folder)"
    ]
    write_manifest(tmp_path, "sources:\n  - file: f0.txt\n  - file: f1.txt\n  - file: f2.txt\n")
    assert len(load_sources(tmp_path, "src").warnings) == 5  # a few: one each, as before


def test_a_file_listed_as_dot_slash_is_listed(tmp_path: Path) -> None:
    # QA9 Q3: `file: ./a.txt` read a.txt and warned that a.txt was "not listed ... not compared"
    (tmp_path / "a.txt").write_text("A.\n", encoding="utf-8")
    write_manifest(tmp_path, "sources:\n  - file: ./a.txt\n")
    corpus = load_sources(tmp_path, "src")
    assert [s.id for s in corpus.sources] == ["a"]
    assert [str(w) for w in corpus.warnings] == []


def test_manifest_missing_file_and_unlisted_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.\n", encoding="utf-8")
    (tmp_path / "extra.txt").write_text("B.\n", encoding="utf-8")
    write_manifest(tmp_path, "sources:\n  - file: a.txt\n")
    corpus = load_sources(tmp_path, "src")
    assert [str(w) for w in corpus.warnings] == [
        "src/extra.txt: warning: not listed in src/sources.yaml; it is not compared (add it to the manifest)"
    ]
    write_manifest(tmp_path, "sources:\n  - file: a.txt\n  - file: gone.txt\n    id: gone\n")
    assert errors(tmp_path) == [
        "src/sources.yaml:3:11: error: source file not found: src/gone.txt",
        "src/extra.txt: warning: not listed in src/sources.yaml; it is not compared (add it to the manifest)",
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("sources:\n  - file: a.txt\n    outlt: X\n", "m.yaml:3:5: error: unknown key `outlt` in this source, did you mean `outlet`?"),
        ("sources:\n  - id: a\n", "m.yaml:2:5: error: this source is missing required key `file`"),
        ("sources:\n  - file: a.txt\n    published: yesterday\n", "m.yaml:3:16: error: `published` must be a date like 2022-01-12, not text `yesterday`"),
        # QA8: a date as people write it gets the ISO form it probably means
        ("sources:\n  - file: a.txt\n    published: 19/08/2026\n", "m.yaml:3:16: error: `published` must be a date like 2022-01-12, not text `19/08/2026`; did you mean `2026-08-19`?"),
        ("sources:\n  - file: a.txt\n    as_of: 2022-13-01\n", "m.yaml:3:12: error: not a valid date `2022-13-01`: month must be in 1..12"),
        ("sources:\n  - file: a.txt\n  - file: b.txt\n    id: a\n", "m.yaml:4:9: error: duplicate source id `a` (first used at line 2)"),
        ("sources:\n  - file: a.txt\n  - file: a.txt\n    id: b\n", "m.yaml:3:11: error: `a.txt` is listed twice (first at line 2)"),
        # QA9 Q3: the same file spelt another way is the same file
        ("sources:\n  - file: a.txt\n  - file: ./a.txt\n    id: b\n", "m.yaml:3:11: error: `./a.txt` is listed twice (first at line 2)"),
        ("sources:\n  - file: sub/a.txt\n  - file: sub//./a.txt\n    id: b\n", "m.yaml:3:11: error: `sub//./a.txt` is listed twice (first at line 2)"),
        ("sources:\n  - file: ../secret.txt\n", "m.yaml:2:11: error: `file` must be a path inside the sources folder"),
        ("sources:\n  - file: a.txt\n    id: has space\n", "m.yaml:3:9: error: invalid source id `has space`"),
        ("sources: []\n", "m.yaml:1:10: error: `sources` is empty"),
        ("files: []\n", "m.yaml:1:1: error: unknown key `files` in the manifest"),
        ("sources:\n  - file: [a.txt]\n", "m.yaml:2:11: error: `file` must be non-empty text, not a list"),
        ("sources:\n  - file:\n", "m.yaml:2:5: error: `file` is empty: give the source's file"),
        ("sources:\n  - file: a.txt\n  - file: ~\n", "m.yaml:3:5: error: `file` is empty"),
        ("", "m.yaml:1:1: error: the manifest is empty"),
    ],
)
def test_manifest_mistakes(body: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        parse_manifest(body, "m.yaml")
    found = [str(p) for p in info.value.problems]
    assert any(p.startswith(message) for p in found), found


def test_manifest_defaults() -> None:
    (entry,) = parse_manifest("sources:\n  - file: tdi-2022.txt\n", "m.yaml")
    assert (entry.id, entry.outlet, entry.language, entry.published) == ("tdi-2022", "tdi-2022", None, None)  # language: detected from the text


def test_same_stem_twice_without_manifest(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("One.\n", encoding="utf-8")
    (tmp_path / "report.md").write_text("Two.\n", encoding="utf-8")
    assert errors(tmp_path) == [
        "src/report.txt: error: two sources would have the id `report` (src/report.md); name them in a sources.yaml"
    ]


def test_manifest_and_file_problems_come_in_one_pass(tmp_path: Path) -> None:
    # F15: unknown key, bad date, duplicate id, missing file and unsupported language together
    (tmp_path / "brief.txt").write_text("A.\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("B.\n", encoding="utf-8")
    (tmp_path / "odd.txt").write_text("C.\n", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    write_manifest(tmp_path, """\
        sources:
          - file: brief.txt
            id: brief
            publshed: 2023-01-13
          - file: other.txt
            id: brief
            published: 2023-02-30
          - file: missing.txt
          - file: odd.txt
            language: xx
        """)
    with pytest.raises(InputError) as info:
        load_sources(tmp_path, "src")
    assert [str(p) for p in info.value.problems] == [
        "src/sources.yaml:4:5: error: unknown key `publshed` in this source, did you mean `published`?",
        "src/sources.yaml:6:9: error: duplicate source id `brief` (first used at line 3)",
        "src/sources.yaml:7:16: error: not a valid date `2023-02-30`: day is out of range for month",
        "src/sources.yaml:8:11: error: source file not found: src/missing.txt",
        "src/photo.jpg: warning: no reader for .jpg; it is not compared (sources may be .txt, .md, .html, .htm, .pdf or .docx files)",
        "src/sources.yaml:9:5: warning: language `xx` of odd.txt is not supported (supported: en, ru); it is read as English",
    ]


def test_an_id_clash_does_not_hide_unreadable_files(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("One.\n", encoding="utf-8")
    (tmp_path / "report.md").write_text("Two.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    assert errors(tmp_path) == [
        "src/report.txt: error: two sources would have the id `report` (src/report.md); name them in a sources.yaml",
        "src/bad.txt: error: binary file, not text, and no reader knows it (sources may be .txt, .md, .html, .htm, .pdf or .docx files)",
    ]


def test_utf16_manifest_and_claims_with_a_bom_are_read(tmp_path: Path) -> None:
    # F16: Notepad's "Unicode" is UTF-16 with a BOM, not binary data
    from kzclaims.claims import load_claims

    (tmp_path / "a.txt").write_text("A.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_bytes("sources:\r\n  - file: a.txt\r\n    id: айди\r\n".encode("utf-16"))
    with pytest.raises(InputError) as info:  # read as text: the bad id is reported, not binary
        load_sources(tmp_path, "src")
    assert str(info.value.problems[0]).startswith("src/sources.yaml:3:9: error: invalid source id")
    (tmp_path / "sources.yaml").write_bytes("sources:\r\n  - file: a.txt\r\n".encode("utf-16-be").join([b"\xfe\xff", b""]))
    assert [s.id for s in load_sources(tmp_path, "src").sources] == ["a"]
    claims = ROOT / "claims.yaml"
    (tmp_path / "claims.yaml").write_bytes(claims.read_text(encoding="utf-8").encode("utf-16"))
    assert len(load_claims(tmp_path / "claims.yaml", "c.yaml").claims) == len(
        load_claims(claims, "claims.yaml").claims
    )


def test_a_manifest_entry_no_reader_knows_points_at_the_entry(tmp_path: Path) -> None:
    # QA7: `- file: notes.rtf` gave "src/notes.rtf: error: no reader for .rtf (...)": no line
    # to edit, and without the "save it as .docx" a folder's unlisted .rtf gets
    (tmp_path / "a.txt").write_text("Two people died.\n", encoding="utf-8")
    (tmp_path / "notes.rtf").write_text(r"{\rtf1\ansi Desk notes: 23 injured.\par}", encoding="utf-8")
    (tmp_path / "sheet.txt").write_bytes(b"PK\x03\x04xl/workbook.xml")
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - file: a.txt\n  - file: notes.rtf\n  - file: sheet.txt\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as info:
        load_sources(tmp_path, "src")
    assert [str(p) for p in info.value.problems if p.severity == "error"] == [
        "src/sources.yaml:3:11: error: src/notes.rtf: no reader for .rtf (save it as .docx;"
        " sources may be .txt, .md, .html, .htm, .pdf or .docx files)",
        "src/sources.yaml:4:11: error: src/sheet.txt: a spreadsheet (Office Open XML), not text;"
        " no reader knows it (sources may be .txt, .md, .html, .htm, .pdf or .docx files)",
    ]


def test_a_source_saved_twice_is_a_warning(tmp_path: Path) -> None:
    # QA7: one article saved twice (a browser's "article (1).html") and its AMP copy filled three
    # columns and outvoted another outlet (its 27 marked the outlier against "most sources")
    page = ("<html lang='en'><head><title>Flood</title><link rel='canonical' href='{url}'></head>"
            "<body><article><h1>Flood</h1><p>{text}</p></article></body></html>")
    text = "Twenty-three people were injured when the tunnel flooded, the authority said on Wednesday."
    url = "https://daily.example/flood"
    (tmp_path / "daily.html").write_text(page.format(url=url, text=text), encoding="utf-8")
    (tmp_path / "daily (1).html").write_text(page.format(url=url, text=text), encoding="utf-8")
    amp = text.replace("authority said", "transport authority said")
    (tmp_path / "daily-amp.html").write_text(page.format(url=url + "/", text=amp), encoding="utf-8")
    (tmp_path / "wire.txt").write_text("Twenty-seven people were injured.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "empty2.txt").write_text("\n", encoding="utf-8")
    corpus = load_sources(tmp_path, "src")
    # QA8: the warning is on the copy, "daily (1).html", not on the page it copies
    assert [str(w) for w in corpus.warnings if w.code == "duplicate-source"] == [
        "src/daily.html: warning: the same address (https://daily.example/flood) as"
        " src/daily-amp.html: each copy counts as one more source in the comparison; keep one",
        "src/daily (1).html: warning: the same text as src/daily.html: each copy counts as one"
        " more source in the comparison; keep one",
    ]


def test_a_saved_pages_outlet_is_its_site_unless_the_manifest_names_one(tmp_path: Path) -> None:
    # QA8: without `outlet:` a page's column was titled by its file name ("Ferry capsizes on
    # Irtysh near Pavlodar, dozens missing - Steppe News"), though the page names its site
    page = ("<html lang='en'><head><title>Ferry capsizes</title>{meta}</head><body><article>"
            "<h1>Ferry capsizes</h1><p>At least 11 people were killed when the ferry capsized on"
            " the Irtysh on Wednesday evening, officials said.</p></article></body></html>")
    named = "<meta property='og:site_name' content='Steppe News'>"
    host = "<link rel='canonical' href='https://www.tass.com/world/1234'>"
    (tmp_path / "Ferry capsizes - Steppe News.html").write_text(page.format(meta=named), encoding="utf-8")
    (tmp_path / "tass-ferry.html").write_text(page.format(meta=host), encoding="utf-8")
    (tmp_path / "wire.txt").write_text("Eleven people were killed.\n", encoding="utf-8")
    corpus = load_sources(tmp_path, "src")
    assert [(s.id, s.outlet) for s in corpus.sources] == [
        ("Ferry capsizes - Steppe News", "Steppe News"), ("tass-ferry", "tass.com"), ("wire", "wire"),
    ]
    write_manifest(tmp_path, "sources:\n  - file: tass-ferry.html\n    outlet: TASS\n"
                             "  - file: Ferry capsizes - Steppe News.html\n    id: steppe\n"
                             "  - file: wire.txt\n")
    corpus = load_sources(tmp_path, "src")
    assert [(s.id, s.outlet) for s in corpus.sources] == [
        ("tass-ferry", "TASS"), ("steppe", "Steppe News"), ("wire", "wire"),
    ]
