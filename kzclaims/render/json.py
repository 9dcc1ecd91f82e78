"""The JSON report (``--format json``): serialization, and loading it back for baselines.

The shape is the contract in ``formats.md``; keys that are not in the contract are additions
(``line`` of a claim, ``unit``/``why`` of a finding, ``page``/``paragraph`` of a finding from a
PDF / an HTML page or Word file, ``value_line`` of a finding whose value is on a later line than
its quote's first, ``agreement`` of a finding the agreement across sources changed (with its
``why`` also when it was dropped), ``title_inferred``/``author`` of a source, ``title`` of the
report, ``changes`` and ``baseline`` when the run was compared with a baseline).

Output is byte-deterministic: sorted keys, two-space indent, UTF-8 text (no ``\\u`` escapes),
a final newline. Numbers are normalized so that the same value always prints the same way:

* a float with no fractional part prints as an integer (``2030``, not ``2030.0``);
* other floats are rounded to 12 significant digits, which removes binary noise such as
  ``1827.0000000000002``; scores are rounded to one decimal;
* NaN and infinities (never produced on purpose) print as ``null``: an open end.

Loading (:func:`load_report`, :func:`report_from_dict`) checks the shape and raises
:class:`~kzclaims.errors.InputError` with one clear line; unknown keys are ignored so that
reports written by a newer kzclaims with additional keys still load.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn, cast, get_args

from kzclaims.errors import InputError
from kzclaims.model import (
    AGREEMENTS,
    KINDS,
    QUALIFIERS,
    VERDICTS,
    Change,
    ChangeKind,
    ClaimResult,
    Finding,
    JSONValue,
    Kind,
    Number,
    Qualifier,
    Report,
    SourceInfo,
    Verdict,
)

SCHEMA_VERSION = 1
CHANGE_KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)

__all__ = [
    "SCHEMA_VERSION",
    "json_chunks",
    "load_report",
    "normalize_number",
    "normalize_value",
    "render_json",
    "report_from_dict",
    "report_to_dict",
]


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------


def normalize_number(x: Number, digits: int | None = None) -> Number | None:
    """A number as it is written to JSON: integral floats become ints; NaN/inf become None.

    ``digits`` rounds to that many decimals (scores use 1); otherwise 12 significant digits.
    """
    if isinstance(x, bool):  # bool is an int; never meant as a number here
        return int(x)
    if isinstance(x, int):
        return x
    if not math.isfinite(x):
        return None
    y = round(x, digits) if digits is not None else float(f"{x:.12g}")
    if y == 0:
        return 0
    if y.is_integer() and abs(y) < 2**63:
        return int(y)
    return y


def normalize_value(v: Any) -> JSONValue:
    """Normalize every number inside a JSON value (lists and dicts included)."""
    if v is None or isinstance(v, (bool, str)):
        return cast(JSONValue, v)
    if isinstance(v, (int, float)):
        return normalize_number(v)
    if isinstance(v, (list, tuple)):
        return [normalize_value(x) for x in v]
    if isinstance(v, Mapping):
        return {str(k): normalize_value(x) for k, x in v.items()}
    return str(v)  # a date or anything else: its text form


# --------------------------------------------------------------------------------------------
# Report -> dict -> text
# --------------------------------------------------------------------------------------------


def _source_to_dict(s: SourceInfo) -> dict[str, JSONValue]:
    d: dict[str, JSONValue] = {
        "id": s.id,
        "outlet": s.outlet,
        "file": s.file,
        "published": s.published,
    }
    if s.published_inferred:
        d["published_inferred"] = True
    if s.as_of is not None:
        d["as_of"] = s.as_of
    if s.title is not None:
        d["title"] = s.title
    if s.url is not None:
        d["url"] = s.url
    if s.title_inferred:
        d["title_inferred"] = True
    if s.author is not None:
        d["author"] = s.author
    if s.language != "en":  # English is the default (formats.md): written only when not
        d["language"] = s.language
    if s.published_from is not None:
        d["published_from"] = s.published_from
    return d


def _finding_to_dict(f: Finding, has_expected: bool) -> dict[str, JSONValue]:
    d: dict[str, JSONValue] = {"source": f.source, "found": f.found}
    score = None if f.score is None else normalize_number(f.score, 1)
    if not f.found:
        # A near miss: the passage matched but gave no readable value.
        if f.quote is not None:
            d["quote"] = f.quote
        if f.line is not None:
            d["line"] = f.line
        if score is not None:
            d["score"] = score
        if f.agreement is not None:  # dropped by the agreement across sources: say why
            d["agreement"] = f.agreement
            if f.why is not None:
                d["why"] = f.why
        _location(d, f)
        return d
    d.update(
        {
            "text": f.text,
            "value": normalize_value(f.value),
            "qualifier": f.qualifier,
            "low": normalize_value(f.low),
            "high": normalize_value(f.high),
            "quote": f.quote,
            "line": f.line,
            "score": score,
        }
    )
    if has_expected:
        d["matches_expected"] = f.matches_expected
    if f.reference_date is not None:
        d["reference_date"] = f.reference_date
    if f.unit is not None:
        d["unit"] = f.unit
    if f.why is not None:
        d["why"] = f.why
    if f.agreement is not None:
        d["agreement"] = f.agreement
    _location(d, f)
    return d


def _location(d: dict[str, JSONValue], f: Finding) -> None:
    """``page`` (PDF) or ``paragraph`` (HTML, Word): only for sources that have them;
    ``value_line``: only when the value is on a later line than the quote's first."""
    if f.value_line is not None:
        d["value_line"] = f.value_line
    if f.page is not None:
        d["page"] = f.page
    if f.paragraph is not None:
        d["paragraph"] = f.paragraph


def _claim_to_dict(c: ClaimResult) -> dict[str, JSONValue]:
    d: dict[str, JSONValue] = {
        "id": c.id,
        "title": c.title,
        "kind": c.kind,
        "verdict": c.verdict,
        "findings": [_finding_to_dict(f, c.has_expected) for f in c.findings],
        "line": c.line,
    }
    if c.not_found:
        d["not_found"] = c.not_found
    if c.has_expected:
        d["expected"] = normalize_value(c.expected)
    return d


def _change_to_dict(ch: Change) -> dict[str, JSONValue]:
    return {
        "kind": ch.kind,
        "claim": ch.claim,
        "source": ch.source,
        "old": ch.old,
        "new": ch.new,
        "title": ch.title,
        "line": ch.line,
    }


def report_to_dict(report: Report) -> dict[str, JSONValue]:
    """The report as the JSON contract describes it (plain dicts, lists and scalars)."""
    return _report_dict(
        report, [_source_to_dict(s) for s in report.sources],
        [_claim_to_dict(c) for c in report.claims],
    )


def _report_dict(
    report: Report, sources: list[JSONValue], claims: list[JSONValue]
) -> dict[str, JSONValue]:
    d: dict[str, JSONValue] = {
        "schema_version": report.schema_version,
        "claims_file": report.claims_file,
        "sources": sources,
        "claims": claims,
    }
    if report.title is not None:
        d["title"] = report.title
    if report.compact:
        d["compact"] = True
    if report.changes is not None:
        d["changes"] = [_change_to_dict(ch) for ch in report.changes]
        d["baseline"] = report.baseline_file
    return d


def render_json(report: Report) -> str:
    """The JSON report text: sorted keys, indent 2, UTF-8, final newline; byte-deterministic."""
    return "".join(json_chunks(report))


def json_chunks(report: Report) -> Iterator[str]:
    """:func:`render_json`'s text in pieces of ~80 KB, for writing as they come (the CLI streams
    them to stdout: a large report is never held whole, docs/benchmarks.md "Memory (issue 8,
    fourth session)").

    The text is what ``json.dumps(..., sort_keys=True, indent=2, ensure_ascii=False)`` gives,
    joined from the encoder's pieces a batch at a time: ``json.dumps`` keeps every piece (a
    key, a comma, an indent: ~10 characters each) in one list before joining them, ~4 bytes of
    memory per byte of JSON at the end of a run."""
    encoder = json.JSONEncoder(sort_keys=True, indent=2, ensure_ascii=False)
    batch: list[str] = []
    # the claims' and sources' dicts are made one at a time as the encoder reaches them: the
    # report's dict was never needed whole (10 MB x 500 claims: ~13,000 found cells, ~9 MB of
    # dicts at the end of the run, docs/benchmarks.md "Memory with 500 claims")
    d = _report_dict(
        report, _Made(report.sources, _source_to_dict), _Made(report.claims, _claim_to_dict)
    )
    for piece in encoder.iterencode(d):
        batch.append(piece)
        if len(batch) >= _JOIN_BATCH:
            yield "".join(batch)
            batch.clear()
    batch.append("\n")
    yield "".join(batch)


#: encoder pieces joined at a time by :func:`json_chunks`
_JOIN_BATCH = 8192


class _Made(list):  # type: ignore[type-arg]
    """A list to ``json.JSONEncoder.iterencode`` (with ``indent``, its pure-Python encoder: it
    asks ``len`` and iterates), whose items are made from ``items`` as they are encoded."""

    def __init__(self, items: Sequence[Any], make: Callable[[Any], JSONValue]) -> None:
        super().__init__()
        self._items = items
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[JSONValue]:  # type: ignore[override]
        return map(self._make, self._items)


# --------------------------------------------------------------------------------------------
# dict -> Report (validating)
# --------------------------------------------------------------------------------------------


class _Reader:
    """Checks one report's shape; every complaint is a single line naming the JSON path."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, message: str) -> NoReturn:
        raise InputError.single(self.path, message, code="bad-report")

    def obj(self, v: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(v, Mapping):
            self.fail(f"{where} must be an object, not {_json_type(v)}")
        return v

    def arr(self, v: Any, where: str) -> Sequence[Any]:
        if not isinstance(v, list):
            self.fail(f"{where} must be an array, not {_json_type(v)}")
        return v

    def req(self, d: Mapping[str, Any], key: str, where: str) -> Any:
        if key not in d:
            self.fail(f'{where} is missing "{key}"')
        return d[key]

    def _typed(self, d: Mapping[str, Any], key: str, where: str, kind: type, what: str,
               required: bool, default: Any) -> Any:
        """``d[key]`` when it is a ``kind``; ``default`` when it is absent, or null and not
        required; else fails with '<where>: "<key>" must be <what>, not <its type>'."""
        if key not in d or (not required and d[key] is None):
            if required:
                self.fail(f'{where} is missing "{key}"')
            return default
        v = d[key]
        if not isinstance(v, kind):
            self.fail(f'{where}: "{key}" must be {what}, not {_json_type(v)}')
        return v

    def string(self, d: Mapping[str, Any], key: str, where: str, *, required: bool = True,
               default: str | None = None) -> str | None:
        v: str | None = self._typed(d, key, where, str, "a string", required, default)
        return v

    def req_string(self, d: Mapping[str, Any], key: str, where: str) -> str:
        v = self.string(d, key, where)
        assert v is not None
        return v

    def boolean(self, d: Mapping[str, Any], key: str, where: str, *, required: bool = False,
                default: bool | None = None) -> bool | None:
        v: bool | None = self._typed(d, key, where, bool, "true or false", required, default)
        return v

    def integer(self, d: Mapping[str, Any], key: str, where: str, default: int | None = None
                ) -> int | None:
        v = d.get(key)
        if v is None:
            return default
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            self.fail(f'{where}: "{key}" must be a whole number >= 0, not {json.dumps(v)}')
        return v

    def number(self, d: Mapping[str, Any], key: str, where: str) -> float | None:
        v = d.get(key)
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            self.fail(f'{where}: "{key}" must be a number, not {_json_type(v)}')
        return float(v)

    def bound(self, d: Mapping[str, Any], key: str, where: str) -> Number | str | None:
        v = d.get(key)
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, (int, float, str)):
            self.fail(f'{where}: "{key}" must be a number, a date string or null')
        return v

    def choice(self, d: Mapping[str, Any], key: str, where: str, allowed: tuple[str, ...],
               required: bool = True) -> str | None:
        v = self.string(d, key, where, required=required)
        if v is not None and v not in allowed:
            self.fail(f'{where}: unknown {key} {json.dumps(v)} (expected one of: '
                      f'{", ".join(allowed)})')
        return v

    # -- records ------------------------------------------------------------------------------

    def source(self, v: Any, where: str) -> SourceInfo:
        d = self.obj(v, where)
        return SourceInfo(
            id=self.req_string(d, "id", where),
            outlet=self.string(d, "outlet", where, required=False, default="") or "",
            file=self.string(d, "file", where, required=False, default="") or "",
            published=self.string(d, "published", where, required=False),
            published_inferred=bool(self.boolean(d, "published_inferred", where, default=False)),
            as_of=self.string(d, "as_of", where, required=False),
            title=self.string(d, "title", where, required=False),
            url=self.string(d, "url", where, required=False),
            title_inferred=bool(self.boolean(d, "title_inferred", where, default=False)),
            author=self.string(d, "author", where, required=False),
            language=self.string(d, "language", where, required=False, default="en") or "en",
            published_from=self.string(d, "published_from", where, required=False),
        )

    def finding(self, v: Any, where: str) -> Finding:
        d = self.obj(v, where)
        found = self.boolean(d, "found", where, required=True)
        assert found is not None
        value = d.get("value")
        _check_json(value, f"{where}.value", self)
        return Finding(
            source=self.req_string(d, "source", where),
            found=found,
            text=self.string(d, "text", where, required=False),
            value=cast(JSONValue, value),
            qualifier=cast(
                "Qualifier | None", self.choice(d, "qualifier", where, QUALIFIERS, required=False)
            ),
            low=self.bound(d, "low", where),
            high=self.bound(d, "high", where),
            quote=self.string(d, "quote", where, required=False),
            line=self.integer(d, "line", where),
            score=self.number(d, "score", where),
            matches_expected=self.boolean(d, "matches_expected", where),
            reference_date=self.string(d, "reference_date", where, required=False),
            unit=self.string(d, "unit", where, required=False),
            why=self.string(d, "why", where, required=False),
            page=self.integer(d, "page", where),
            paragraph=self.integer(d, "paragraph", where),
            value_line=self.integer(d, "value_line", where),
            agreement=self.choice(d, "agreement", where, AGREEMENTS, required=False),
        )

    def claim(self, v: Any, where: str) -> ClaimResult:
        d = self.obj(v, where)
        cid = self.req_string(d, "id", where)
        where = f"claim {json.dumps(cid, ensure_ascii=False)}"
        findings = self.arr(self.req(d, "findings", where), f"{where}: \"findings\"")
        expected = d.get("expected")
        _check_json(expected, f"{where}.expected", self)
        return ClaimResult(
            id=cid,
            title=self.string(d, "title", where, required=False, default=cid) or cid,
            kind=cast(Kind, self.choice(d, "kind", where, KINDS)),
            verdict=cast(Verdict, self.choice(d, "verdict", where, VERDICTS)),
            findings=tuple(
                self.finding(f, f"{where}: findings[{i}]") for i, f in enumerate(findings)
            ),
            expected=cast(JSONValue, expected),
            has_expected="expected" in d,
            line=self.integer(d, "line", where, default=0) or 0,
            not_found=self.integer(d, "not_found", where, default=0) or 0,
        )

    def change(self, v: Any, where: str) -> Change:
        d = self.obj(v, where)
        return Change(
            kind=cast(ChangeKind, self.choice(d, "kind", where, CHANGE_KINDS)),
            claim=self.req_string(d, "claim", where),
            source=self.string(d, "source", where, required=False),
            old=self.string(d, "old", where, required=False),
            new=self.string(d, "new", where, required=False),
            title=self.string(d, "title", where, required=False),
            line=self.integer(d, "line", where, default=0) or 0,
        )


def _json_type(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, (int, float)):
        return "a number"
    if isinstance(v, str):
        return "a string"
    if isinstance(v, list):
        return "an array"
    if isinstance(v, Mapping):
        return "an object"
    return type(v).__name__


def _check_json(v: Any, where: str, r: _Reader) -> None:
    """Values arrive from json.loads, so only non-JSON Python objects need rejecting."""
    if v is None or isinstance(v, (bool, int, float, str)):
        return
    if isinstance(v, list):
        for x in v:
            _check_json(x, where, r)
        return
    if isinstance(v, Mapping):
        for x in v.values():
            _check_json(x, where, r)
        return
    r.fail(f"{where} is not a JSON value")


def report_from_dict(data: Any, path: str) -> Report:
    """Build a :class:`Report` from parsed JSON, checking its shape.

    Raises :class:`InputError` (one problem, one line) when ``data`` is not a kzclaims report
    or its ``schema_version`` is not one this version reads.
    """
    r = _Reader(path)
    if not isinstance(data, Mapping):
        r.fail(f"not a kzclaims report (the top level is {_json_type(data)}, not an object)")
    for key in ("claims", "sources"):
        if key not in data:
            r.fail(f'not a kzclaims report (missing "{key}")')
    version = data.get("schema_version")
    if version is None:
        r.fail('not a kzclaims report (missing "schema_version")')
    if version != SCHEMA_VERSION or isinstance(version, bool):
        r.fail(f"unsupported schema_version {json.dumps(version)} "
               f"(this kzclaims reads version {SCHEMA_VERSION})")
    claims_file = data.get("claims_file", "")
    if not isinstance(claims_file, str):
        r.fail(f'"claims_file" must be a string, not {_json_type(claims_file)}')
    sources = r.arr(data["sources"], '"sources"')
    claims = r.arr(data["claims"], '"claims"')
    title = r.string(data, "title", "the report", required=False)
    changes: tuple[Change, ...] | None = None
    baseline: str | None = None
    if data.get("changes") is not None:
        raw = r.arr(data["changes"], '"changes"')
        changes = tuple(r.change(c, f"changes[{i}]") for i, c in enumerate(raw))
        baseline = r.string(data, "baseline", "the report", required=False)
    return Report(
        claims_file=claims_file,
        sources=tuple(r.source(s, f"sources[{i}]") for i, s in enumerate(sources)),
        claims=tuple(r.claim(c, f"claims[{i}]") for i, c in enumerate(claims)),
        schema_version=SCHEMA_VERSION,
        title=title,
        changes=changes,
        baseline_file=baseline,
        compact=data.get("compact") is True,
    )


def load_report(path: str | Path) -> Report:
    """Read a JSON report written by ``--format json`` (a baseline, or an input of ``diff``).

    Every failure is an :class:`InputError` with a single problem: a file that cannot be read,
    text that is not UTF-8, invalid JSON (with its line and column), or a wrong shape.
    """
    from kzclaims.safefs import MAX_REPORT_BYTES, read_regular_file

    name = str(path)
    try:
        raw = read_regular_file(Path(path), name, MAX_REPORT_BYTES, "JSON report")
    except InputError as exc:
        if exc.problems[0].code == "missing-file":
            raise InputError.single(name, "report not found", code="not-found") from None
        raise
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError.single(
            name, f"not UTF-8 text (byte {e.start}): not a kzclaims report", code="bad-report"
        ) from None
    if not text.strip():
        raise InputError.single(name, "empty file: not a kzclaims report", code="bad-report")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        # in words, not the json module's ("Expecting value", "Expecting ',' delimiter")
        if not text.lstrip().startswith("{"):
            why = "not a kzclaims report (a report, written by `kzclaims compare --format json`,"
            why += " starts with `{`)"
        elif e.pos >= len(text.rstrip()):
            why = "the file ends before the JSON does (cut short?)"
        else:
            why = f"{e.msg[:1].lower()}{e.msg[1:]}"
        raise InputError.single(
            name, f"invalid JSON: {why}", line=e.lineno, col=e.colno, code="json-syntax"
        ) from None
    except RecursionError:
        raise InputError.single(name, "invalid JSON: nested too deeply", code="json-syntax"
                                ) from None
    return report_from_dict(data, name)
