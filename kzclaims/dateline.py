"""Datelines without a year: "МОСКВА, 14 марта. /ТАСС/.", "14 марта, 10:42", "Aug 19 (Reuters) -".

Agencies date a story by day and month only; the year is the reader's to know. A year-less
dateline near the top of a text gives the day the story was written, which is what "вчера" or
"on Thursday" in it refer to, once it has a year. The year is the nearest sensible one:

- with the source's own date in the manifest (``as_of``, else ``published``), the year that puts
  the dateline's day nearest to that date (a dateline "31 декабря" published 2 January is the
  previous year's);
- else the nearest to the dates of the other sources of the same manifest (one event, one time);
- else the year the text itself writes most often ("в 2024 году", "12 March 2024"), leaving out
  the years of history it tells ("the bridge, built in 1974", "мост был построен в 1974 году":
  a year a building, founding or birth is dated by is no year of the story). No such year, no
  year: the source stays undated rather than dated 1974.

Only a day and a month at the start of one of the first lines is a dateline: after a place in
capitals ("МОСКВА, 14 марта."), or followed by a time, an agency or a dash ("14 марта, 10:42",
"Aug 19 (Reuters) -"), or alone on its line. "14 марта" inside a sentence is not, nor is a
paragraph that starts "14 марта, в день выборов"; a line with a full date above it ends the
search (that dateline has its year).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

from kzclaims._dataclass import dataclass
from kzclaims._lazyre import cached

__all__ = ["Dateline", "dateline_spans", "find_yearless_dateline", "nearest_year", "text_year"]

_HEAD_LINES = 8
_LINE_CHARS = 200

#: a place in capitals ("МОСКВА, ", "WASHINGTON, ", "НУР-СУЛТАН, "), then perhaps its country
#: or state as wires write it ("UFA, Russia, ", "SAN JOSE, Costa Rica, ", "DENVER, Colo., ")
_PLACE = (
    r"(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ.'’\- ]{1,40},\s*"
    r"(?:[A-ZА-ЯЁ][a-zа-яё]+\.?(?:\s[A-ZА-ЯЁ][a-zа-яё]+\.?)?,\s*)?)?"
)
#: what follows the day and month of a dateline: after a place, a full stop, comma, dash,
#: "/ТАСС/", "(Reuters)"; without one (a line "14 марта, 10:42"), only a time, an agency, a dash
#: or the end of the line
_AFTER = (
    r"(?(place)(?=\s*(?:[.,;:/(—–|-]|$))"
    r"|(?=[.,]?\s+\d{1,2}[:.]\d{2}\b|[.,]?\s*[/(][A-ZА-ЯЁ]|\.?\s+[—–-]\s|\.?\s*$))"
)
_RU_DAY_MONTH = cached(
    r"^" + _PLACE + r"(?P<day>\d{1,2})\s+(?P<month>[а-яё]{3,9})\.?" + _AFTER
)
_EN_DAY_MONTH = cached(
    r"^" + _PLACE + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]{3,9})\.?" + _AFTER
)
_EN_MONTH_DAY = cached(
    r"^" + _PLACE + r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _AFTER
)
#: a line dated with its year: that dateline is :func:`kzclaims.sources.infer_dateline`'s
_FULL_DATE = cached(
    r"\b\d{1,2}\.\d{1,2}\.\d{4}\b|\b\d{1,2}\s+[A-Za-zа-яё]{3,9}\.?\s+\d{4}\b"
    r"|\b[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}\b"
)
_YEAR = cached(r"(?<![\d,])(19[5-9]\d|20\d\d)(?![\d.,]\d)")
#: what makes a four-digit number a year: "2024 года", "в 2024 г.", "March 2024", "12.03.2024"
_YEAR_AFTER = cached(r"\s*(?:год|г\.|гг\.)", re.I)
_YEAR_BEFORE = cached(
    r"(?:\b(?:in|since|of|в|с|до)|\d{1,2}\.\d{1,2}\.|[A-Za-zА-Яа-яё]{3,}\.?\s+\d{1,2},?)\s*$"
    r"|\b[A-Za-zА-Яа-яё]{3,9}\.?\s*$",
)


_YEAR_WORDS = frozenset(["in", "since", "of", "в", "с", "до"])

#: words that date history, not the story, in the year's clause: "built in 1974", "founded in
#: 1991", "born in 1950", "мост был построен в 1974 году", "основанный в 1991 году", "в 1974 году
#: построили"
_HISTORY_CUE = cached(
    r"\b(?:built|rebuilt|constructed|founded|established|erected|born|inaugurated|dating|dates"
    r"|постро\w*|перестро\w*|основ\w*|возвед\w*|сооруж\w*|родил\w*|рожд\w*|учрежд\w*"
    r"|учред\w*)\b",
    re.I,
)
#: how far a history word may stand from its year, within the year's clause
_HISTORY_BEFORE = 60
_HISTORY_AFTER = 40


def _history_year(text: str, start: int, end: int) -> bool:
    """Does a history word date the year at ``text[start:end]`` (in its clause)?"""
    before = text[max(0, start - _HISTORY_BEFORE) : start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("; "))
    if cut >= 0:
        before = before[cut + 1 :]
    after = re.split(r"[.;,!?\n]", text[end : end + _HISTORY_AFTER], maxsplit=1)[0]
    return _HISTORY_CUE.search(before) is not None or _HISTORY_CUE.search(after) is not None


@dataclass(frozen=True)
class Dateline:
    """A day and month read from the top of a text, and how it was written."""

    text: str  # as written: "МОСКВА, 14 марта"
    line: int  # 1-based line of the text
    month: int
    day: int
    day_first: bool  # "14 марта", "14 March" (True); "Aug 19" (False)


def find_yearless_dateline(text: str) -> Dateline | None:
    """The first year-less dateline among the first lines of ``text``, or None."""
    from kzclaims.lang import get

    en, ru = get("en").months, get("ru").months
    count = 0
    for number, raw in enumerate(text[: 40 * _LINE_CHARS].split("\n", 40)[:40], 1):
        line = raw.strip()[:_LINE_CHARS]
        if not line:
            continue
        count += 1
        if count > _HEAD_LINES or _FULL_DATE.search(line):
            break  # a dateline with a year says it all
        for rx, table, day_first in (
            (_RU_DAY_MONTH, ru, True),
            (_EN_DAY_MONTH, en, True),
            (_EN_MONTH_DAY, en, False),
        ):
            m = rx.match(line)
            if m is None:
                continue
            month = table.get(m.group("month").lower())
            day = int(m.group("day"))
            if month is None or not 1 <= day <= 31:
                continue
            try:
                dt.date(2000, month, day)  # 29 February is a day of a leap year
            except ValueError:
                continue
            return Dateline(m.group().strip(), number, month, day, day_first)
    return None


#: a dateline inside a passage (a headline read together with the dateline after it): a place in
#: capitals, the day and month, then an agency ("ЛИМА, 16 февраля. /ТАСС/", "LIMA, Feb 16 (AP)")
_INNER = cached(
    r"(?<![\w])[A-ZА-ЯЁ]{2}[A-ZА-ЯЁ.'’\- ]{1,38},\s*"
    r"(?P<date>\d{1,2}\s+[а-яё]{3,9}|\d{1,2}\s+[A-Za-z]{3,9}|[A-Za-z]{3,9}\.?\s+\d{1,2})"
    r"\.?(?=[.,]?\s*[/(][A-ZА-ЯЁ])"
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where a passage holds a dateline ("МАСЕРУ, 17 сентября. /ПанАфрика-Пресс/. ...",
    "LIMA, Feb 16 (Reuters) - ...", "17 сентября, 10:42"): the spans of its day and month, which
    date the report, not anything in it. At the start of the passage, a place in capitals or an
    agency or a time after the date must be there; inside it, both a place and an agency."""
    from kzclaims.lang import get

    out: list[tuple[int, int]] = []
    lead = len(text) - len(text.lstrip())
    line = text[lead : lead + _LINE_CHARS]
    for rx, table in (
        (_RU_DAY_MONTH, get("ru").months),
        (_EN_DAY_MONTH, get("en").months),
        (_EN_MONTH_DAY, get("en").months),
    ):
        m = rx.match(line)
        if m is None or m.group("month").lower().rstrip(".") not in table:
            continue
        rest = line[m.end() :]
        if m.group("place") or re.match(r"[.,]?\s*(?:[/(][A-ZА-ЯЁ]|\d{1,2}[:.]\d{2}\b)", rest):
            start = m.end("place") if m.group("place") else 0
            out.append((lead + start, lead + m.end()))
            break
    if "/" in text or "(" in text:
        months = set(get("ru").months) | set(get("en").months)
        for m in _INNER.finditer(text):
            words = re.findall(r"[A-Za-zА-Яа-яё]+", m.group("date"))
            if words and words[0].lower() in months and (m.start("date"), m.end()) not in out:
                out.append((m.start("date"), m.end()))
    return out


def nearest_year(month: int, day: int, near: Iterable[dt.date]) -> dt.date | None:
    """The date (month, day) in the year that puts it nearest to the dates ``near`` (their
    median); None without any date."""
    dates = sorted(near)
    if not dates:
        return None
    middle = dates[len(dates) // 2]
    best: dt.date | None = None
    for year in (middle.year - 1, middle.year, middle.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue  # 29 February
        if best is None or abs((d - middle).days) < abs((best - middle).days):
            best = d
    return best


def text_year(text: str) -> int | None:
    """The year a text writes most often (the latest among equals), or None; a year its history
    words date ("built in 1974") does not count."""
    from kzclaims.lang import get

    months = set(get("en").months) | set(get("ru").months)
    head = text[:20000]
    years: Counter[int] = Counter()
    for m in _YEAR.finditer(head):
        if _history_year(head, m.start(), m.end()):
            continue
        before = head[max(0, m.start() - 20) : m.start()]
        if _YEAR_AFTER.match(head, m.end()):
            years[int(m.group())] += 1
            continue
        b = _YEAR_BEFORE.search(before)
        if b is None:
            continue
        words = re.findall(r"[A-Za-zА-Яа-яё]+", b.group())
        # "12.03.2024", "March 2024", "12 March 2024", "in 2024", "в 2024"
        if not words or words[0].lower() in months or words[0].lower() in _YEAR_WORDS:
            years[int(m.group())] += 1
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))
