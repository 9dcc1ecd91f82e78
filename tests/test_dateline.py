"""Year-less datelines ("МОСКВА, 14 марта. /ТАСС/.", "Aug 19 (Reuters) -"): found, given the
nearest sensible year, used as the date relative expressions refer to, and shown by explain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzclaims.cli import app
from kzclaims.dateline import find_yearless_dateline, nearest_year, text_year
from kzclaims.errors import InputError
from kzclaims.lang import conventions_for
from kzclaims.sources import load_sources

ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}


@pytest.mark.parametrize(
    ("text", "shown", "month", "day", "day_first"),
    [
        ("МОСКВА, 14 марта. /ТАСС/. Вчера в столице прошла встреча.", "МОСКВА, 14 марта.", 3, 14, True),
        ("14 марта, 10:42\n\nВчера в столице прошла встреча.", "14 марта", 3, 14, True),
        ("Заголовок новости\n\nНУР-СУЛТАН, 5 января. /КазТАГ/. Текст.", "НУР-СУЛТАН, 5 января.", 1, 5, True),
        ("АЛМАТЫ, 7 янв. — Текст", "АЛМАТЫ, 7 янв.", 1, 7, True),
        ("WASHINGTON, Aug 19 (Reuters) - The fire grew.", "WASHINGTON, Aug 19", 8, 19, False),
        ("Aug 19 (Reuters) - The fire grew.", "Aug 19", 8, 19, False),
        ("KYIV, 3 March — Officials said.", "KYIV, 3 March", 3, 3, True),
        # a wire's place with its country or state (QA9 S2)
        ("UFA, Russia, March 14 (Reuters) - The toll rose.", "UFA, Russia, March 14", 3, 14, False),
        ("SAN JOSE, Costa Rica, Feb 2 (AP) — Text.", "SAN JOSE, Costa Rica, Feb 2", 2, 2, False),
        ("DENVER, Colo., Aug. 19 (AP) - Text.", "DENVER, Colo., Aug. 19", 8, 19, False),
        ("Headline\nSeptember 4, 09:15\nText.", "September 4", 9, 4, False),
        ("29 февраля\nТекст", "29 февраля", 2, 29, True),
    ],
)
def test_a_yearless_dateline_is_found(
    text: str, shown: str, month: int, day: int, day_first: bool
) -> None:
    found = find_yearless_dateline(text)
    assert found is not None
    assert (found.text, found.month, found.day, found.day_first) == (shown, month, day, day_first)


@pytest.mark.parametrize(
    "text",
    [
        "14 марта в Москве прошла встреча.",  # a sentence, not a dateline
        "14 марта, в день выборов, прошла встреча.",
        "Всего при обрушении кровли в среду, 14 июня, под землёй оказались 17 горняков.",
        "May 5 people died in the fire.",
        "PARIS, France, says 5 people died.",
        "Title\n18.06.2023\n\nЛИМА, 16 февраля. Текст.",  # a dateline with its year comes first
        "19 августа 2025\nМОСКВА, 18 августа. Текст.",
        "МОСКВА, 31 февраля. Текст.",  # no such day
        "Line 1\nLine 2\nLine 3\nLine 4\nLine 5\nLine 6\nLine 7\nLine 8\nМОСКВА, 14 марта. x",
    ],
)
def test_no_yearless_dateline(text: str) -> None:
    assert find_yearless_dateline(text) is None


def test_the_nearest_year() -> None:
    assert nearest_year(12, 31, [dt.date(2025, 1, 2)]) == dt.date(2024, 12, 31)
    assert nearest_year(1, 2, [dt.date(2024, 12, 31)]) == dt.date(2025, 1, 2)
    assert nearest_year(3, 14, [dt.date(2025, 3, 15)]) == dt.date(2025, 3, 14)
    # the median of the other sources' dates, not one outlier
    dates = [dt.date(2023, 6, 18), dt.date(2023, 6, 19), dt.date(2019, 1, 1)]
    assert nearest_year(6, 17, dates) == dt.date(2023, 6, 17)
    assert nearest_year(2, 29, [dt.date(2025, 3, 1)]) == dt.date(2024, 2, 29)
    assert nearest_year(3, 14, []) is None


def test_the_year_a_text_writes() -> None:
    assert text_year("В 2024 году ... 15.02.2024 ... в 2023 г. ... 2030 военнослужащих") == 2024
    assert text_year("The 2030 troops left in 2022; on 12 March 2024 and in March 2024.") == 2024
    assert text_year("2 030 troops, 2030 tanks") is None


def test_a_year_of_history_is_not_the_story_s() -> None:
    """QA9 S1: "МОСКВА, 14 марта. /ТАСС/." in a text whose only year dates the bridge's building
    was dated 1974-03-14, and its "с 12 по 26 марта" read as March 1974."""
    tass = (
        "МОСКВА, 14 марта. /ТАСС/. Число погибших при обрушении моста выросло до 17 человек.\n\n"
        "Мост длиной 420 метров был построен в 1974 году. Режим ЧС введён с 12 по 26 марта."
    )
    assert text_year(tass) is None
    assert text_year(tass + " В 2026 году мост должны были закрыть на ремонт.") == 2026
    assert text_year("The bridge, built in 1974, fell on Monday; it was to close in 2026.") == 2026
    assert text_year("In 1974 the bridge was built; in 1991 the company was founded.") is None
    assert text_year("Завод, основанный в 1991 году, остановлен; в 1991 году родился мэр.") is None
    # a year of the story beside a history word in another clause still counts
    assert text_year("The bridge was built long ago. It carried in 2024 9,000 cars a day.") == 2024
    assert text_year("В 2023 году ураган, а мост построили давно. В 2023 году ремонт.") == 2023


def _folder(tmp_path: Path, files: dict[str, str], manifest: str | None = None) -> Path:
    src = tmp_path / "sources"
    src.mkdir()
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        (src / "sources.yaml").write_text(manifest, encoding="utf-8")
    return src


TASS = "МОСКВА, 14 марта. /ТАСС/. Вчера в Москве прошла встреча министров.\n"


def test_year_from_the_other_sources_of_the_manifest(tmp_path: Path) -> None:
    src = _folder(
        tmp_path, {"tass.txt": TASS, "wire.txt": "Text.\n"},
        "sources:\n  - {file: tass.txt, id: tass}\n  - {file: wire.txt, id: wire, published: 2025-03-15}\n",
    )
    tass = load_sources(src, "sources").sources[0]
    assert tass.published == dt.date(2025, 3, 14) and tass.published_inferred
    assert tass.published_from == "dateline" and tass.reference_date == dt.date(2025, 3, 14)
    assert tass.dateline_note == "“МОСКВА, 14 марта.”, year from the dates of the other sources"


def test_year_from_the_text_without_a_manifest(tmp_path: Path) -> None:
    src = _folder(tmp_path, {"tass.txt": TASS + "Соглашение 2024 года продлено.\n"})
    tass = load_sources(src, "sources").sources[0]
    assert tass.published == dt.date(2024, 3, 14)
    assert tass.dateline_note == "“МОСКВА, 14 марта.”, year from the text (2024)"


def test_no_year_anywhere_no_date(tmp_path: Path) -> None:
    tass = load_sources(_folder(tmp_path, {"tass.txt": TASS}), "sources").sources[0]
    assert tass.published is None and tass.reference_date is None and tass.dateline is None


def test_no_year_anywhere_is_said_once(tmp_path: Path) -> None:
    """QA9 S1: an undated folder of agency texts, the only year a history one: one warning per
    source naming its dateline and what to give; none once the manifest dates it."""
    text = TASS + "Мост был построен в 1974 году.\n"
    corpus = load_sources(_folder(tmp_path, {"tass.txt": text}), "sources")
    assert corpus.sources[0].published is None
    [w] = [w for w in corpus.warnings if w.code == "dateline-without-year"]
    assert w.path == "sources/tass.txt" and w.line is None
    assert w.message.startswith("its dateline “МОСКВА, 14 марта.” has no year and nothing gives")
    assert w.message.endswith("give `published:` in a manifest, sources/sources.yaml")
    (tmp_path / "m").mkdir()
    (tmp_path / "d").mkdir()
    listed = _folder(
        tmp_path / "m", {"tass.txt": text}, "sources:\n  - {file: tass.txt, id: tass}\n"
    )
    [w] = [w for w in load_sources(listed, "sources").warnings if w.code == "dateline-without-year"]
    assert w.path == "sources/sources.yaml" and w.line == 2
    assert w.message.startswith("tass.txt: its dateline") and "in sources/sources.yaml" in w.message
    dated = _folder(
        tmp_path / "d", {"tass.txt": text},
        "sources:\n  - {file: tass.txt, id: tass, published: 2026-03-14}\n",
    )
    assert not [w for w in load_sources(dated, "sources").warnings if w.code.startswith("dateline")]


@pytest.mark.parametrize(
    ("published", "dateline"),
    [
        ("2025-03-15", dt.date(2025, 3, 14)),  # written the day before it was published
        ("2025-03-14", dt.date(2025, 3, 14)),
        ("2025-04-30", None),  # weeks later: the dateline is not this text's day
        ("2025-03-13", None),  # a dateline after its own publication: not believed
    ],
)
def test_with_a_published_date_the_dateline_gives_the_day(
    tmp_path: Path, published: str, dateline: dt.date | None
) -> None:
    src = _folder(tmp_path, {"tass.txt": TASS}, f"sources:\n  - {{file: tass.txt, id: tass, published: {published}}}\n")
    tass = load_sources(src, "sources").sources[0]
    assert tass.published == dt.date.fromisoformat(published) and not tass.published_inferred
    assert tass.dateline == dateline
    assert tass.reference_date == (dateline or tass.published)


def test_as_of_wins_over_the_dateline(tmp_path: Path) -> None:
    src = _folder(tmp_path, {"tass.txt": TASS}, "sources:\n  - {file: tass.txt, id: tass, published: 2025-03-15, as_of: 2025-03-15}\n")
    tass = load_sources(src, "sources").sources[0]
    assert tass.dateline is None and tass.reference_date == dt.date(2025, 3, 15)


def test_conventions_from_a_yearless_english_dateline() -> None:
    assert conventions_for("KYIV, 3 March — Officials said 12/05 was the day.", "en").day_first
    c = conventions_for("Aug 19 (Reuters) - The fire grew.", "en")
    assert not c.day_first and c.reason == "the dateline “Aug 19” puts the month first"


def test_relative_dates_resolve_against_the_dateline_and_explain_says_so(corpus: Path) -> None:
    # published the 12th, written the 11th: "in two days" is the 13th
    (corpus / "sources" / "agency.txt").write_text(
        "ALMATY, Jan 11 (Reuters) - The withdrawal of the contingent will start in two days.\n",
        encoding="utf-8",
    )
    (corpus / "sources" / "sources.yaml").write_text(
        "sources:\n  - {file: agency.txt, id: agency, outlet: News Agency, published: 2022-01-12}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["explain", "withdrawal-start"], env=ENV)
    assert result.exit_code == 0, result.output
    assert "→ 2022-01-13" in result.stdout and "(relative to 2022-01-11)" in result.stdout
    assert (
        "relative dates refer to 2022-01-11 by its dateline “ALMATY, Jan 11”, year from the"
        " publication date 2022-01-12"
    ) in result.stdout


@pytest.mark.parametrize(
    ("text", "language", "dateline", "other"),
    [
        ("МАСЕРУ, 17 сентября. /ПанАфрика-Пресс/. Голосование прошло 13 сентября.", "ru",
         "17 сентября", "13 сентября"),
        # a headline read together with the dateline after it
        ("Оппозиция победила на выборах МАСЕРУ, 17 сентября. /ТАСС/. Выборы прошли 13 сентября.",
         "ru", "17 сентября", "13 сентября"),
        ("17 сентября, 10:42 Голосование прошло 13 сентября.", "ru", "17 сентября", "13 сентября"),
        ("LIMA, Feb 16 (Reuters) - The rain fell on Feb 6.", "en", "Feb 16", "Feb 6"),
    ],
)
def test_a_datelines_date_is_tagged(text: str, language: str, dateline: str, other: str) -> None:
    from kzclaims.values import read_values

    tags = {v.text: v.tags for v in read_values(text, "date", dt.date(2025, 9, 17), language)}
    assert "dateline" in tags[dateline] and "dateline" not in tags[other]


def test_a_date_at_the_start_of_a_sentence_is_no_dateline() -> None:
    from kzclaims.values import read_values

    [v] = read_values("17 сентября партия набрала 41,3%.", "date", dt.date(2025, 9, 17), "ru")
    assert "dateline" not in v.tags


def test_a_dateline_set_aside_by_published_is_a_warning(tmp_path: Path) -> None:
    src = _folder(tmp_path, {"tass.txt": TASS}, "sources:\n  - {file: tass.txt, id: tass, published: 2025-04-30}\n")
    corpus = load_sources(src, "sources")
    assert [str(w) for w in corpus.warnings] == [
        "sources/sources.yaml:2:5: warning: tass.txt: the dateline “МОСКВА, 14 марта.” is not"
        " within 7 days before published 2025-04-30, so relative dates (yesterday, вчера) count"
        " from 2025-04-30; give as_of: for this source if they count from the dateline"
    ]
    # used, or overruled by as_of: nothing to say
    for n, entry in enumerate(("published: 2025-03-15", "published: 2025-04-30, as_of: 2025-04-30")):
        (tmp_path / str(n)).mkdir()
        src = _folder(tmp_path / str(n), {"tass.txt": TASS}, f"sources:\n  - {{file: tass.txt, id: tass, {entry}}}\n")
        assert list(load_sources(src, "sources").warnings) == []


# QA3 Q1 / QA4 Q11: without any date in a manifest, a year-less dateline took its year from a
# year the text writes (a past year, often: "the flood of 2023") although the other sources were
# from 2025; it is now dated by the other sources' dates, read first, whatever the shards.
INTERFAX = (
    "МОСКВА, 14 сентября. /Интерфакс/. Около 300 человек эвакуированы в воскресенье.\n\n"
    "Похожее наводнение произошло в 2023 году, тогда пострадали 40 домов.\n"
)
WIRES = {
    "a-wire.txt": "Flood forces evacuation\n16 September 2025\n\nAbout 300 people left.\n",
    "z-wire.txt": "Flood aftermath\n18 September 2025\n\nThe river fell.\n",
}


def test_year_from_the_other_sources_read_first_without_a_manifest(tmp_path: Path) -> None:
    src = _folder(tmp_path, {"m-interfax.txt": INTERFAX, **WIRES})
    sources = {s.id: s for s in load_sources(src, "sources").sources}
    assert sources["m-interfax"].published == dt.date(2025, 9, 14)
    assert sources["m-interfax"].dateline_note == (
        "“МОСКВА, 14 сентября.”, year from the dates of the other sources"
    )
    assert sources["z-wire"].published == dt.date(2025, 9, 18)
    # alone, the text's year is all there is
    (tmp_path / "alone").mkdir()
    alone = _folder(tmp_path / "alone", {"m-interfax.txt": INTERFAX})
    assert load_sources(alone, "sources").sources[0].published == dt.date(2023, 9, 14)


@pytest.mark.parametrize(("shard_bytes", "jobs"), [(None, 1), (1, 1), (1, 2)])
def test_the_run_dates_it_the_same_whatever_the_shards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shard_bytes: int | None, jobs: int
) -> None:
    from kzclaims import execute
    from kzclaims.claims import parse_claims
    from kzclaims.sources import list_sources

    if shard_bytes is not None:  # one source a shard: the others' dates come from other shards
        monkeypatch.setattr(execute, "MIN_SHARD_BYTES", shard_bytes)
        monkeypatch.setattr(execute, "MAX_SHARD_BYTES", shard_bytes)
        monkeypatch.setattr(execute, "PARALLEL_MIN_BYTES", 0)  # a pool of ``jobs`` workers
    src = _folder(tmp_path, {"m-interfax.txt": INTERFAX, **WIRES})
    claims = parse_claims(
        "version: 1\nclaims:\n  - id: evacuated\n    title: People evacuated\n    kind: count\n"
        "    find: [people evacuated, эвакуированы]\n",
        "claims.yaml",
    )
    report = execute.run_compare(claims, list_sources(src, "sources"), jobs=jobs).report
    published = {s.id: s.published for s in report.sources}
    assert published == {"a-wire": "2025-09-16", "m-interfax": "2025-09-14", "z-wire": "2025-09-18"}
    assert [s.id for s in report.sources] == ["a-wire", "m-interfax", "z-wire"]
    cells = {f.source: f.value for f in report.claims[0].findings}
    assert cells["m-interfax"] == 300


@pytest.mark.parametrize("broken", ["missing.txt", "binary.txt"])
def test_a_yearless_dateline_beside_an_unreadable_source_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    # QA6 Q2: a manifest naming a missing (or unreadable) file beside a source dated by its
    # year-less dateline crashed `check` and `sources` (exit 3) instead of naming the file
    src = _folder(tmp_path, {"m-interfax.txt": INTERFAX, **WIRES, "binary.txt": "x"})
    (src / "binary.txt").write_bytes(b"x\x00y")
    (src / "sources.yaml").write_text(
        f"sources:\n  - file: m-interfax.txt\n  - file: a-wire.txt\n  - file: {broken}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        load_sources(src, "sources")
    assert broken in str(info.value)
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nclaims:\n  - id: evacuated\n    title: People evacuated\n    kind: count\n"
        "    find: [people evacuated]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    for command in (["check"], ["sources"], ["compare"]):
        result = CliRunner().invoke(app, command, env=ENV)
        assert result.exit_code == 2, (command, result.output)
        assert f"sources/{broken}" in result.output
        assert "internal error" not in result.output
