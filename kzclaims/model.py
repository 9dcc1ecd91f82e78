"""The data passed between stages: claims -> sources -> matches -> values -> verdicts -> report.

Everything here is a frozen dataclass (or a plain alias) so that stages can be run, cached and
tested independently. Nothing in this module does I/O or imports a third-party package.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING, Literal, Union

from kzclaims._dataclass import dataclass

if TYPE_CHECKING:
    from kzclaims.errors import Problem

Kind = Literal["count", "number", "percent", "date", "date_range", "duration", "statement"]
KINDS: tuple[Kind, ...] = (
    "count",
    "number",
    "percent",
    "date",
    "date_range",
    "duration",
    "statement",
)

Qualifier = Literal["exact", "approx", "at_least", "at_most"]
QUALIFIERS: tuple[Qualifier, ...] = ("exact", "approx", "at_least", "at_most")

Verdict = Literal["missing", "single", "agree", "consistent", "conflict"]
VERDICTS: tuple[Verdict, ...] = ("missing", "single", "agree", "consistent", "conflict")
#: the order verdicts are counted in every summary line (text, Markdown, HTML): most alarming
#: first, so that a conflict is the first thing read.
SUMMARY_ORDER: tuple[Verdict, ...] = ("conflict", "consistent", "agree", "single", "missing")

Number = int | float


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_date(cls, d: dt.date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raises ValueError otherwise."""
        parts = text.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"not a date: {text!r}")
        nums = [int(p) for p in parts]
        pd = cls(nums[0], nums[1] if len(nums) > 1 else None, nums[2] if len(nums) > 2 else None)
        pd.first()  # validates month/day
        pd.last()
        return pd

    @property
    def precision(self) -> Literal["day", "month", "year"]:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first(self) -> dt.date:
        """The first calendar day this date may stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last(self) -> dt.date:
        """The last calendar day this date may stand for."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()


# --------------------------------------------------------------------------------------------
# Values read from text (the value reader's output; see kzclaims.values.read_values)
# --------------------------------------------------------------------------------------------

ValueType = Literal["number", "percent", "date", "date_range", "duration"]

# The normalized reading of a value:
#   number / percent : a number, or (low, high) for a range the text states ("3-4 percent")
#   duration         : a number of days, or (low, high)
#   date             : a PartialDate
#   date_range       : (PartialDate, PartialDate)
Reading = Number | tuple[Number, Number] | PartialDate | tuple[PartialDate, PartialDate]


@dataclass(frozen=True)
class Value:
    """One value found in a piece of text.

    ``start``/``end`` are character offsets into the text given to the reader, covering the
    whole expression including qualifier words ("almost 20 thousand").
    """

    type: ValueType
    start: int
    end: int
    text: str  # the words as written, qualifier included: "Almost 20 thousand"
    reading: Reading
    qualifier: Qualifier = "exact"
    qualifier_text: str | None = None  # the qualifier words as written: "Almost", "no more than"
    # The interval the words themselves state, before any approximation margin:
    # "more than 20" -> low=20, high=None, low_inclusive=False. Numbers/durations as numbers,
    # dates as PartialDate. None is an open end.
    low: Number | PartialDate | None = None
    high: Number | PartialDate | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    noun: str | None = (
        None  # what the value counts, as written: "troops", "units of military equipment"
    )
    vague: bool = False  # "dozens", "hundreds of": an approximate order of magnitude
    relative: bool = (
        False  # a relative date ("in two days", "yesterday") resolved against the reference
    )
    reference_date: dt.date | None = (
        None  # the date a relative/year-less expression was resolved against
    )
    tags: tuple[str, ...] = ()  # free-form hints: "year", "ordinal", "partitive", "money", ...


# --------------------------------------------------------------------------------------------
# Claims (claims.yaml) and sources (sources/ + sources.yaml)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tolerance:
    """``tolerance:`` of a claim: an absolute amount, a relative percentage, or days for dates."""

    amount: float
    relative: bool = False  # True for "N%"

    def widen(self, value: float) -> float:
        return abs(value) * self.amount / 100.0 if self.relative else self.amount


Expected = Number | tuple[Number, Number] | PartialDate | tuple[PartialDate, PartialDate]


@dataclass(frozen=True)
class Claim:
    """One claim of a claims file: what to look for and how to compare it."""

    id: str
    title: str
    kind: Kind
    find: tuple[str, ...]
    unit: tuple[str, ...] = ()
    expected: Expected | None = None
    tolerance: Tolerance | None = None
    threshold: float = 75.0
    notes: str | None = None
    line: int = 0  # 1-based line of the claim in claims.yaml (0: not from a file)
    col: int = 0


@dataclass(frozen=True)
class ClaimSet:
    """A claims file: its claims, title and default threshold."""

    path: str  # as given / relative to the working directory
    claims: tuple[Claim, ...]
    title: str | None = None
    threshold: float = 75.0
    version: int = 1
    # what is allowed but probably not meant (a `find` of one phrasing with commas): never fatal
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Source:
    """One source: its text and what is known of it (outlet, dates, language)."""

    id: str
    file: str  # path for display, relative to the working directory when possible
    text: str  # the decoded file contents, exactly as on disk (newlines normalized to \n)
    outlet: str = ""
    title: str | None = None
    published: dt.date | None = None
    published_inferred: bool = False  # taken from a dateline, not from the manifest
    as_of: dt.date | None = None
    url: str | None = None
    language: str = "en"  # a code of kzclaims.lang.SUPPORTED
    language_detected: bool = False  # detected from the text, not given in the manifest
    size: int = 0  # bytes on disk
    # What kind of file it was read from, and how places in it are named: the line of a text
    # file, the page of a PDF, the paragraph of an HTML page or a Word file. ``locations`` maps
    # ``text`` back to them: (line of ``text`` where the page/paragraph starts, its number).
    kind: str = "text"  # text, html, pdf, docx
    location_unit: Literal["line", "page", "paragraph"] = "line"
    locations: tuple[tuple[int, int], ...] = ()
    title_inferred: bool = False  # taken from the file's own metadata, not from the manifest
    author: str | None = None
    # where an inferred ``published`` came from: "dateline", "page metadata" (an HTML page's date
    # markup) or "document properties" (a PDF's or Word file's creation date); None otherwise
    published_from: str | None = None
    # the day a year-less dateline near the top gives ("МОСКВА, 14 марта", "Aug 19 (Reuters)"),
    # its year the nearest sensible one (kzclaims.dateline), and how that was decided
    dateline: dt.date | None = None
    dateline_note: str | None = None

    @property
    def reference_date(self) -> dt.date | None:
        """The date relative expressions in this source refer to: ``as_of``, else the day of its
        dateline, else ``published``."""
        return self.as_of or self.dateline or self.published

    def locate(self, line: int | None) -> tuple[str, int] | None:
        """("page", 3) or ("paragraph", 7) for a line of ``text``; None for a text file."""
        if line is None or not self.locations:
            return None
        found = self.locations[0][1]
        for start, number in self.locations:
            if start > line:
                break
            found = number
        return self.location_unit, found


# --------------------------------------------------------------------------------------------
# Text and matching
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A sentence of normalized text with its place in the original file."""

    index: int
    text: str  # normalized: line breaks inside the sentence joined, whitespace collapsed
    line: int  # 1-based line in the original file where it starts


@dataclass(frozen=True)
class Match:
    """A passage (one sentence, or two neighbouring ones) that matched a claim's phrasing."""

    source: str
    text: str
    line: int
    score: float
    phrasing: str
    first_sentence: int
    last_sentence: int
    # character spans in ``text`` of the words that matched the phrasing (for choosing values)
    spans: tuple[tuple[int, int], ...] = ()


# --------------------------------------------------------------------------------------------
# The report (the JSON contract, typed). Values are kept in their JSON form so that the report
# renders, saves and round-trips (baselines) without loss.
# --------------------------------------------------------------------------------------------

JSONScalar = str | int | float | bool | None
JSONValue = Union[JSONScalar, list["JSONValue"], dict[str, "JSONValue"]]  # noqa: UP007 (recursive)


#: what the agreement across sources did to a cell (``Finding.agreement``)
AGREEMENTS = ("switched", "taken", "dropped", "owned")


@dataclass(frozen=True)
class Finding:
    """What one source says for one claim: the value found, its quote and why."""

    source: str
    found: bool
    text: str | None = None
    value: JSONValue = None  # number, [low, high], "YYYY-MM-DD", [..], true
    qualifier: Qualifier | None = None
    low: Number | str | None = None
    high: Number | str | None = None
    quote: str | None = None
    line: int | None = None  # line of the quote in the text read (the file's line for text)
    score: float | None = None
    matches_expected: bool | None = None
    reference_date: str | None = None
    unit: str | None = None  # what the value counts, as the source writes it
    why: str | None = None  # why this value was chosen (for --evidence / explain)
    page: int | None = None  # the PDF page of the value's words (of the quote when not found)
    paragraph: int | None = None  # the paragraph of the value in an HTML page or a Word file
    #: the line of the value's words when the quote runs on past ``line`` to a later line of the
    #: text read (a hard-wrapped transcript, a headline and the paragraph after it); else None
    value_line: int | None = None
    #: how the agreement across sources (kzclaims.pipeline._agree) changed the cell, if it did:
    #: "switched" to a value more other sources give, "taken" below the threshold because other
    #: sources give it, "dropped" (a lone value near the threshold), "owned" (another claim's
    #: figure: moved to this claim's next value, or dropped); ``why`` says what the others gave
    agreement: str | None = None

    @property
    def where(self) -> str | None:
        """Where a person finds the value in the file: "page 3", "paragraph 7", "line 12", or
        "lines 3-5" for a quote from line 3 whose value is on line 5."""
        if self.page is not None:
            return f"page {self.page}"
        if self.paragraph is not None:
            return f"paragraph {self.paragraph}"
        if self.line is None:
            return None
        return f"lines {self.lines}" if self.value_line else f"line {self.line}"

    @property
    def lines(self) -> str | None:
        """The line of the quote, "12", or from the quote to its value, "12-14"."""
        if self.line is None:
            return None
        if self.value_line is not None and self.value_line > self.line:
            return f"{self.line}-{self.value_line}"
        return str(self.line)


@dataclass(frozen=True)
class ClaimResult:
    """One claim across every source: the findings and their verdict."""

    id: str
    title: str
    kind: Kind
    verdict: Verdict
    findings: tuple[Finding, ...]
    expected: JSONValue = None
    has_expected: bool = False
    line: int = 0  # line of the claim in the claims file
    # in a compact report (Report.compact): the sources left out of ``findings`` (not found,
    # no near miss)
    not_found: int = 0

    def finding(self, source_id: str) -> Finding | None:
        for f in self.findings:
            if f.source == source_id:
                return f
        return None


@dataclass(frozen=True, slots=True)  # one per source of a run: ~50 bytes less each (issue 8)
class SourceInfo:
    """What a report says of one source (not its text)."""

    id: str
    outlet: str
    file: str
    published: str | None = None
    published_inferred: bool = False
    as_of: str | None = None
    title: str | None = None
    url: str | None = None
    title_inferred: bool = False
    author: str | None = None
    language: str = "en"
    published_from: str | None = None  # see Source.published_from


ChangeKind = Literal[
    "value_changed",
    "newly_found",
    "no_longer_found",
    "verdict_changed",
    "claim_added",
    "claim_removed",
    "claim_renamed",
    "expected_changed",
    "expected_fit_changed",
]


@dataclass(frozen=True)
class Change:
    """One difference between a baseline report and a new one."""

    kind: ChangeKind
    claim: str
    source: str | None = None
    old: str | None = None  # human-readable old value/verdict
    new: str | None = None
    title: str | None = None  # the claim's title (from the newer report when it has it)
    line: int = 0  # the claim's line in the newer claims file (0 when removed)


@dataclass(frozen=True)
class Report:
    """The result of a comparison: every claim's result over the sources."""

    claims_file: str
    sources: tuple[SourceInfo, ...]
    claims: tuple[ClaimResult, ...]
    schema_version: int = 1
    title: str | None = None
    # Set when the run was compared with a baseline (compare --baseline / diff).
    changes: tuple[Change, ...] | None = None
    baseline_file: str | None = None
    # A large run's report keeps only the cells where a claim was found (or nearly): each
    # claim counts the rest in ``not_found`` (see kzclaims.execute.COMPACT_SOURCES).
    compact: bool = False


_INFERRED_FROM = {
    "dateline": "read from a dateline",
    "page metadata": "read from the page's metadata",
    "document properties": "read from the document's properties",
}


def inferred_from(origin: str | None) -> str:
    """How an inferred publication date is labelled: "read from the page's metadata"."""
    return _INFERRED_FROM.get(origin or "", "inferred")
