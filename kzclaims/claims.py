"""Stage 1: the claims file (``claims.yaml``), validated with a position for every problem.

``load_claims(path)`` returns a :class:`~kzclaims.model.ClaimSet` or raises
:class:`~kzclaims.errors.InputError` carrying *every* problem found, each with its line and column.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

from kzclaims._lazyre import cached
from kzclaims.errors import InputError, Problem
from kzclaims.model import KINDS, Claim, ClaimSet, Expected, Kind, PartialDate, Tolerance
from kzclaims.yamlfile import Node, Reporter, check_keys, parse_yaml, read_text_file, type_name

__all__ = ["DAYS_PER_UNIT", "load_claims", "parse_claims", "parse_duration_days"]

TOP_KEYS = ("version", "title", "defaults", "claims")
DEFAULT_KEYS = ("threshold",)
CLAIM_KEYS = ("id", "title", "kind", "find", "unit", "expected", "tolerance", "threshold", "notes")
#: `find` may be left out: the title is then the claim's phrasing (a user writes a title, or a
#: question, first; the title is searched as one more phrasing anyway)
CLAIM_REQUIRED = ("id", "title", "kind")
ID_RE = cached(r"[a-z0-9][a-z0-9-]*\Z")
DEFAULT_THRESHOLD = 75.0
#: The largest magnitude an ``expected`` or ``tolerance`` may have: far beyond any figure in the
#: news, and small enough that every arithmetic on it stays exact and finite.
MAX_MAGNITUDE = 1e15

#: How durations are counted in days (the contract: weeks x 7). Months and years are calendar
#: averages rounded the way news writing rounds them.
DAYS_PER_UNIT = {"day": 1, "week": 7, "month": 30, "year": 365}
_DURATION_RE = cached(r"\s*(\d+(?:\.\d+)?)\s*(day|week|month|year)s?\s*\Z", re.IGNORECASE)
_GROUPED = cached(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?\Z")
_PERCENT_RE = cached(r"\s*(\d+(?:\.\d+)?)\s*%\s*\Z")

EXPECTED_FORMS: dict[str, str] = {
    "count": "a whole number, e.g. `2030`, or a range `[2000, 2500]`",
    "number": "a number, e.g. `3.5` or `1.6e3`, or a range `[3, 4.5]`",
    "percent": "a number, e.g. `30`, or a range `[3, 4]`",
    "date": "a date `2022-01-13`, or `2022-01` / `2022`",
    "date_range": "two dates, e.g. `[2022-01-05, 2022-01-19]`",
    "duration": "`10 days`, `3 weeks`, or a number of days",
}


#: a `find` phrasing longer than this many words gets a warning (the bundled claims' longest
#: has 17; a pasted paragraph has hundreds)
LONG_PHRASING_WORDS = 40


def load_claims(path: str | Path, display: str | None = None) -> ClaimSet:
    """Read and validate a claims file."""
    path = Path(path)
    shown = display or str(path)
    return parse_claims(read_text_file(path, shown, "claims file"), shown)


def parse_claims(text: str, path: str) -> ClaimSet:
    """Validate the text of a claims file; ``path`` is used in messages."""
    root, problems = parse_yaml(text, path)
    r = Reporter(path)
    r.problems.extend(problems)
    if root is None:
        raise InputError(
            [
                Problem(
                    path,
                    1,
                    1,
                    "the file is empty; it needs `version: 1` and `claims:`",
                    code="empty",
                )
            ]
        )
    if not root.is_mapping:
        r.error(
            root,
            f"the file must be a mapping with `version` and `claims`, not {type_name(root)}",
            "bad-type",
        )
        r.raise_if_errors()
    check_keys(r, root, TOP_KEYS, ("version", "claims"), "the claims file")
    m = root.value

    version = m.get("version")
    if version is not None and isinstance(version.value, str) and (
        version.value.strip().strip(_QUOTES).strip() == "1"
    ):
        shown = version.value.strip() if version.value.strip() != "1" else '"1"'
        r.error(version, f"`version` must be the number 1, not the text {shown}: remove the quotes",
                "bad-version")
    elif version is not None and (version.value != 1 or isinstance(version.value, bool)):
        r.error(
            version,
            f"unsupported version {version.value!r}; this kzclaims reads version 1",
            "bad-version",
        )

    title = _opt_str(r, m.get("title"), "title")

    threshold = DEFAULT_THRESHOLD
    defaults = m.get("defaults")
    if defaults is not None:
        if not defaults.is_mapping:
            r.error(
                defaults, f"`defaults` must be a mapping, not {type_name(defaults)}", "bad-type"
            )
        else:
            check_keys(r, defaults, DEFAULT_KEYS, (), "defaults")
            t = _threshold(r, defaults.value.get("threshold"))
            if t is not None:
                threshold = t

    claims: list[Claim] = []
    items = m.get("claims")
    if items is not None:
        if not items.is_sequence:
            hint = ""
            if items.is_mapping and items.value:  # claims keyed by id: `death-toll:` + its keys
                first = next(iter(items.value))
                hint = f"; write each claim as `- id: {first}` with its keys under it"
            r.error(
                items,
                f"`claims` must be a list of claims, not {type_name(items)}{hint}",
                "bad-type",
            )
        elif not items.value:
            r.error(items, "`claims` is empty; add at least one claim", "empty")
        else:
            seen: dict[str, int] = {}
            for item in items.value:
                claim = _claim(r, item, threshold)
                id_node = item.value.get("id") if item.is_mapping else None
                if id_node is not None and isinstance(id_node.value, str | int):
                    cid = str(id_node.value)
                    if cid in seen:
                        r.error(
                            id_node,
                            f"duplicate claim id `{cid}` (first used at line {seen[cid]})",
                            "duplicate-id",
                        )
                        continue
                    seen[cid] = id_node.line
                if claim is not None:
                    claims.append(claim)
    r.raise_if_errors()
    warnings = tuple(p for p in r.problems if p.severity == "warning")
    return ClaimSet(
        path=path, claims=tuple(claims), title=title, threshold=threshold, warnings=warnings
    )


def _claim(r: Reporter, item: Node, default_threshold: float) -> Claim | None:
    if not item.is_mapping:
        r.error(
            item,
            f"each claim must be a mapping with id, title, kind and find, not {type_name(item)}",
            "bad-type",
        )
        return None
    before = len(r.problems)
    m = item.value
    # a list under an unknown key, with no `find`, is a misnamed `find` (`phrasings: [...]`)
    listed = [k for k, v in item.items() if k not in CLAIM_KEYS and v.is_sequence]
    required = CLAIM_REQUIRED + (("find",) if "find" not in m and len(listed) == 1 else ())
    check_keys(r, item, CLAIM_KEYS, required, _claim_name(item))

    cid = m.get("id")
    if cid is not None:
        if not isinstance(cid.value, str | int) or isinstance(cid.value, bool):
            r.error(cid, f"`id` must be text, not {type_name(cid)}", "bad-type")
        elif not ID_RE.match(str(cid.value)):
            raw = str(cid.value).lower()
            # an id in another alphabet ("погибшие"): its letters are lower-case, but not a-z
            latin = "" if raw.isascii() else " Latin"
            if re.search(r"[а-яё]", raw):
                from kzclaims.lang.bridge import transliterate

                raw = transliterate(raw, "en")
            suggestion = re.sub(r"[^a-z0-9]+", "-", raw).strip("-")
            hint = f"; try `{suggestion}`" if suggestion and ID_RE.match(suggestion) else ""
            r.error(
                cid,
                f"invalid id `{cid.value}`: use lower-case{latin} letters, digits and dashes"
                f"{hint}",
                "bad-id",
            )
    title = m.get("title")
    if title is not None and (not isinstance(title.value, str) or not title.value.strip()):
        r.error(title, f"`title` must be non-empty text, not {type_name(title)}", "bad-type")

    kind_node = m.get("kind")
    kind: Kind | None = None
    if kind_node is not None:
        if kind_node.value in KINDS:
            kind = kind_node.value
        else:
            import difflib

            close = difflib.get_close_matches(str(kind_node.value), KINDS, n=1, cutoff=0.6)
            hint = f"did you mean `{close[0]}`? " if close else ""
            r.error(
                kind_node,
                f"unknown kind `{kind_node.value}`; {hint}kinds are: {', '.join(KINDS)}",
                "unknown-kind",
            )

    find = _strings(r, m.get("find"), "find", required=True)
    if m.get("find") is None and title is not None and isinstance(title.value, str):
        find = (title.value.strip(),)  # no `find`: the title is what is searched
    find_node = m.get("find")
    if find_node is not None and len(find) == 1 and isinstance(find_node.value, str):
        parts = [p.strip() for p in find[0].split(",")]
        if len(parts) >= 2 and all(len(p.split()) >= 2 for p in parts):
            listed = ", ".join(parts)
            r.warning(
                find_node,
                "`find` is one phrasing with commas in it; for several phrasings write a list: "
                f"`find: [{listed}]`",
                "find-commas",
            )
    if find_node is not None:  # a pasted paragraph (QA9 Q12): it matches only its own source
        phrasings = find_node.value if find_node.is_sequence else [find_node]
        for phrasing in phrasings:
            words = len(phrasing.value.split()) if isinstance(phrasing.value, str) else 0
            if words > LONG_PHRASING_WORDS:
                r.warning(
                    phrasing,
                    f"a `find` phrasing of {words:,} words: a passage must share most of a"
                    " phrasing's words, so a pasted paragraph matches little but its own"
                    " source; write the few words a source would use around the value",
                    "find-long",
                )
    # a unit is a noun or a short noun phrase, never a sentence: `unit: rescuers, divers` means
    # the list [rescuers, divers] (QA8: as one unit it counted nothing its words did not)
    unit = tuple(
        dict.fromkeys(
            part.strip()
            for u in _strings(r, m.get("unit"), "unit", required=False)
            for part in u.split(",")
            if part.strip()
        )
    )
    threshold = _threshold(r, m.get("threshold"))
    notes = _opt_str(r, m.get("notes"), "notes")

    expected: Expected | None = None
    exp_node = m.get("expected")
    if exp_node is not None and kind is not None:
        if kind == "statement":
            r.error(
                exp_node,
                "a `statement` claim takes no `expected`: it is found or not",
                "bad-expected",
            )
        else:
            expected = _expected(r, exp_node, kind)
    tolerance = _tolerance(r, m.get("tolerance"), kind)

    if len(r.problems) > before and any(p.severity == "error" for p in r.problems[before:]):
        return None
    assert kind is not None and cid is not None and title is not None
    return Claim(
        id=str(cid.value),
        title=title.value.strip(),
        kind=kind,
        find=find,
        unit=unit,
        expected=expected,
        tolerance=tolerance,
        threshold=default_threshold if threshold is None else threshold,
        notes=notes,
        line=item.line,
        col=item.col,
    )


def _claim_name(item: Node) -> str:
    cid = item.value.get("id")
    return (
        f"claim `{cid.value}`" if cid is not None and isinstance(cid.value, str) else "this claim"
    )


def _opt_str(r: Reporter, node: Node | None, key: str) -> str | None:
    if node is None or node.value is None:
        return None
    if not isinstance(node.value, str):
        r.error(node, f"`{key}` must be text, not {type_name(node)}", "bad-type")
        return None
    return node.value


def _strings(r: Reporter, node: Node | None, key: str, *, required: bool) -> tuple[str, ...]:
    if node is None:
        return ()
    items = node.value if node.is_sequence else [node]
    out: list[str] = []
    for it in items:
        if isinstance(it.value, str) and it.value.strip():
            out.append(it.value.strip())
        elif isinstance(it.value, int | float) and not isinstance(it.value, bool):
            out.append(str(it.value))
        else:
            what = (
                "an empty text" if isinstance(it.value, str) or it.value is None else type_name(it)
            )
            r.error(it, f"`{key}` must be text or a list of texts, not {what}", "bad-type")
    if required and not out and node.is_sequence and not node.value:
        r.error(node, f"`{key}` is empty; give at least one phrasing to look for", "empty")
    return tuple(out)


def _threshold(r: Reporter, node: Node | None) -> float | None:
    if node is None:
        return None
    v = node.value
    if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 100:
        plain = (isinstance(v, str) and len(v) <= 40) or (
            isinstance(v, int | float) and not isinstance(v, bool) and _finite(v)
        )
        shown = repr(v) if plain else _shown(node)
        r.error(node, f"`threshold` must be a number from 0 to 100, not {shown}", "bad-threshold")
        return None
    return float(v)


def _finite(n: float | int) -> bool:
    """A number kzclaims can compute with: not NaN, not infinite, not absurdly large."""
    if isinstance(n, int):
        return -MAX_MAGNITUDE <= n <= MAX_MAGNITUDE
    return math.isfinite(n) and abs(n) <= MAX_MAGNITUDE


def _number(v: Any) -> float | int | None:
    """A finite number from a YAML value (``2030``, ``"2,030"``, ``1.6e3``); None otherwise
    (text, ``.nan``, ``.inf``, a 5,000-digit integer)."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return v if _finite(v) else None
    if isinstance(v, str):
        text = v.strip()
        if len(text) > 40:
            return None
        if _GROUPED.match(text):  # "2,030" as people write it (YAML reads it as text)
            text = text.replace(",", "")
        try:
            f = float(text)
        except ValueError:
            return None
        if not _finite(f):
            return None
        return int(f) if f.is_integer() and "." not in text and "e" not in text.lower() else f
    return None


def partial_date(v: Any) -> PartialDate | None:
    """A date as written in YAML: a date, ``"YYYY-MM"``, ``"YYYY"`` or the integer year."""
    if isinstance(v, dt.datetime):
        return PartialDate.from_date(v.date())
    if isinstance(v, dt.date):
        return PartialDate.from_date(v)
    if isinstance(v, int) and not isinstance(v, bool) and 1000 <= v <= 9999:
        return PartialDate(v)
    if isinstance(v, str):
        try:
            return PartialDate.parse(v)
        except ValueError:
            return None
    return None


def parse_duration_days(v: Any) -> float | None:
    """``10 days``, ``3 weeks``, ``2 months`` or a plain number of days; None when it is not one."""
    if isinstance(v, str):
        m = _DURATION_RE.match(v) if len(v) <= 60 else None
        if m:
            days = float(m.group(1)) * DAYS_PER_UNIT[m.group(2).lower()]
            return days if _finite(days) else None
    n = _number(v)
    return None if n is None or n < 0 else float(n)


_QUOTES = "\"'“”‘’«»„‚‹›「」"
_NUMERIC_DATE = cached(r"\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})\s*\Z")
_DURATION_WORDS = cached(r"(.*?)\s*\b(day|week|month|year)s?\s*\Z", re.IGNORECASE)


def suggest_date(v: Any) -> str | None:
    """The ISO date a date written otherwise (``19/08/2026``, ``August 19, 2026``) was probably
    meant to be, for a message; None when nothing is obvious."""
    return _suggest(v, "date")


def _suggest(v: Any, kind: Kind) -> str | None:
    """What an ``expected`` the loader refused was probably meant to be, in the file's syntax:
    ``13/01/2022`` -> ``2022-01-13``, ``ten days`` -> ``10 days``, ``“2000”`` -> ``2000``,
    ``about 2,000`` -> ``2000``; None when nothing is obvious (``01/02/2022`` is ambiguous).

    Read with kzclaims's own value reader (imported here: only a broken file pays for it)."""
    if not isinstance(v, str) or not v.strip() or len(v) > 60:
        return None
    text = v.strip().strip(_QUOTES).strip()
    if not text:
        return None
    ends = _range_ends(text, kind)
    if ends is not None:
        return f"[{ends[0]}, {ends[1]}]"
    if kind == "date":
        m = _NUMERIC_DATE.match(text)
        if m:
            a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
            day, month = (a, b) if a > 12 >= b else (b, a) if b > 12 >= a else (0, 0)
            if not day:
                return None  # 01/02/2022: January 2 or February 1, only the user knows
            try:
                return dt.date(int(year), month, day).isoformat()
            except ValueError:
                return None
    if kind in ("count", "number", "percent") and text != v.strip():
        n = _number(text)  # “2000”: only the quotes were wrong
        if n is not None and (kind != "count" or (n >= 0 and float(n) == int(n))):
            return str(n)
    from kzclaims.values import read_values

    try:
        values = read_values(text, kind)
    except Exception:  # a suggestion must never turn a clear error into a crash
        return None
    if len(values) != 1:
        return None
    value = values[0]
    rest = text[: value.start] + text[value.end :]
    if any(ch.isdigit() for ch in rest) or (
        kind not in ("count", "number") and len(value.text) < len(text) // 2
    ):
        return None  # "2000 and 3000": the reader passed over a number; no guess
    reading = value.reading
    if kind == "date":
        return reading.iso() if isinstance(reading, PartialDate) else None
    if kind == "date_range":
        if isinstance(reading, tuple) and len(reading) == 2 and all(
            isinstance(d, PartialDate) for d in reading
        ):
            return f"[{reading[0].iso()}, {reading[1].iso()}]"
        return None
    if kind == "duration":
        m = _DURATION_WORDS.match(text)
        n = value.low if value.low is not None else value.high
        if m and isinstance(n, int | float):
            counted = read_values(m.group(1), "count") if m.group(1) else []
            if len(counted) == 1 and isinstance(counted[0].low, int | float):
                k = counted[0].low
                unit = m.group(2).lower()
                return f"{k:g} {unit}{'s' if k != 1 else ''}"
        return f"{n:g} days" if isinstance(n, int | float) else None
    if kind in ("count", "number", "percent") and isinstance(reading, int | float):
        if kind == "count" and (reading < 0 or float(reading) != int(reading)):
            return None
        return f"{reading:g}" if isinstance(reading, float) else str(reading)
    return None


def _range_ends(text: str, kind: Kind) -> tuple[str, str] | None:
    """The two ends of a range written in words, in the file's syntax, for a suggestion:
    ``2,000 to 2,500`` -> ``("2000", "2500")``, ``2026-10-16 to 2026-10-18`` -> the two dates;
    None when ``text`` is not two values of ``kind`` joined by to/until/a dash (QA8 Q17)."""
    if kind not in ("count", "number", "percent", "date_range"):
        return None
    between = re.match(r"(?i)(?:between|from)\s+", text)
    body = text[between.end():] if between else text
    separators = [r"\s+(?:to|until|till|through)\s+", r"\s*[–—]\s*", r"\s+-\s+"]
    if between:
        separators.append(r"\s+and\s+")
    if kind != "date_range":
        separators.append(r"(?<=\d)-(?=\d)")  # "2000-2500"; not inside "2026-10-16"
    for separator in separators:
        parts = re.split(separator, body, flags=re.IGNORECASE)
        if len(parts) == 2:
            break
    else:
        return None
    if kind == "date_range":
        dates = [partial_date(p.strip()) for p in parts]
        shown = [d.iso() if d is not None else _suggest(p, "date") for d, p in zip(
            dates, parts, strict=True)]
        first, last = (partial_date(x) if x else None for x in shown)
        if first is None or last is None or first.first() > last.last():
            return None
        return shown[0] or "", shown[1] or ""
    numbers = [_number(p.strip().strip(_QUOTES).rstrip("%").strip()) for p in parts]
    low, high = numbers
    if low is None or high is None or low > high:
        return None
    if kind == "count" and any(n < 0 or float(n) != int(n) for n in (low, high)):
        return None
    return f"{low:g}", f"{high:g}"


def _bad_expected(r: Reporter, node: Node, kind: Kind) -> None:
    """The one line for an ``expected`` that does not fit its kind, with a suggestion."""
    message = f"`expected` for a {kind} claim must be {EXPECTED_FORMS[kind]}, not {_shown(node)}"
    suggestion = _suggest(node.value, kind)
    if suggestion is not None:
        message += f"; did you mean `{suggestion}`?"
        if isinstance(node.value, str) and re.match(
            r"\s*(about|around|some|roughly|nearly|almost|over|more than|up to|at least|at most)\b",
            node.value.strip(_QUOTES), re.IGNORECASE,
        ):
            message += " (the verified value alone; `tolerance:` gives it a margin)"
    r.error(node, message, "bad-expected")


def _expected(r: Reporter, node: Node, kind: Kind) -> Expected | None:
    v = node.value
    bad = f"`expected` for a {kind} claim must be {EXPECTED_FORMS[kind]}, not "
    if kind in ("count", "number") and node.is_sequence:  # a verified range, as for percent
        nums = [_number(x.value) for x in v]
        whole = kind != "count" or all(
            n is not None and n >= 0 and float(n) == int(n) for n in nums
        )
        if len(nums) != 2 or None in nums or not whole or nums[0] > nums[1]:  # type: ignore[operator]
            r.error(
                node, bad + "that list (give `[low, high]` with low <= high)", "bad-expected"
            )
            return None
        if kind == "count":
            return (int(nums[0]), int(nums[1]))  # type: ignore[arg-type]
        return (nums[0], nums[1])  # type: ignore[return-value]
    if kind == "count":
        n = _number(v)
        if n is None or n < 0 or float(n) != int(n):
            _bad_expected(r, node, kind)
            return None
        return int(n)
    if kind == "number":
        n = _number(v)
        if n is None:
            _bad_expected(r, node, kind)
        return n
    if kind == "percent":
        if node.is_sequence:
            nums = [_number(x.value) for x in v]
            if len(nums) != 2 or None in nums or nums[0] > nums[1]:  # type: ignore[operator]
                r.error(
                    node, bad + "that list (give `[low, high]` with low <= high)", "bad-expected"
                )
                return None
            return (nums[0], nums[1])  # type: ignore[return-value]
        pm = _PERCENT_RE.match(v) if isinstance(v, str) else None
        n = _number(pm.group(1) if pm else v)
        if n is None:
            _bad_expected(r, node, kind)
        return n
    if kind == "date":
        d = partial_date(v)
        if d is None:
            _bad_expected(r, node, kind)
        return d
    if kind == "date_range":
        if not node.is_sequence or len(v) != 2:
            _bad_expected(r, node, kind)
            return None
        ends = [partial_date(x.value) for x in v]
        for x, d in zip(v, ends, strict=False):
            if d is None:
                suggestion = _suggest(x.value, "date")
                hint = f"; did you mean `{suggestion}`?" if suggestion else ""
                r.error(
                    x,
                    f"not a date: {_shown(x)} (write `2022-01-05`, `2022-01` or `2022`){hint}",
                    "bad-expected",
                )
        if ends[0] is None or ends[1] is None:
            return None
        if ends[0].first() > ends[1].last():
            r.error(
                node,
                "`expected` date range ends before it starts; did you mean "
                f"`[{ends[1].iso()}, {ends[0].iso()}]`?",
                "bad-expected",
            )
            return None
        return (ends[0], ends[1])
    if kind == "duration":
        days = parse_duration_days(v)
        if days is None:
            _bad_expected(r, node, kind)
            return None
        return int(days) if days.is_integer() else days
    return None


def _tolerance(r: Reporter, node: Node | None, kind: Kind | None) -> Tolerance | None:
    if node is None:
        return None
    v = node.value
    if kind == "statement":
        r.error(node, "a `statement` claim takes no `tolerance`", "bad-tolerance")
        return None
    if isinstance(v, str):
        m = _PERCENT_RE.match(v)
        if m:
            if kind in ("date", "date_range"):
                r.error(
                    node,
                    "a tolerance for dates is a number of days, not a percentage",
                    "bad-tolerance",
                )
                return None
            pct = _number(m.group(1))
            if pct is not None:
                return Tolerance(float(pct), relative=True)
    if kind in ("date", "date_range", "duration") and isinstance(v, str):
        days = parse_duration_days(v)  # "1 day", "2 weeks", as `expected` takes "10 days"
        if days is not None:
            return Tolerance(days)
    n = _number(v)
    if n is None or n < 0:
        days = kind in ("date", "date_range", "duration")
        unit = "a number of days" if days else 'a number or "N%"'
        hint = ""
        if isinstance(v, str):  # "ten percent", "one day" (QA8 Q17)
            suggestion = _suggest(v, "duration" if days else "percent")
            if suggestion is not None and not days:
                suggestion = f'"{suggestion}%"'
            hint = f"; did you mean `{suggestion}`?" if suggestion is not None else ""
        r.error(
            node,
            f"`tolerance` must be {unit} (0 or more), not {_shown(node)}{hint}",
            "bad-tolerance",
        )
        return None
    return Tolerance(float(n))


def _shown(node: Node) -> str:
    v = node.value
    if isinstance(v, dict | list) or v is None:
        return type_name(node)
    if hasattr(v, "isoformat"):
        return f"the date {v.isoformat()}"
    if isinstance(v, float) and not math.isfinite(v):
        return f"`{v}` (not a finite number)"
    if isinstance(v, int) and not isinstance(v, bool) and not _finite(v):
        return "a number too large to compare (more than 10^15)"
    text = str(v)
    return f"`{text}`" if len(text) <= 40 else f"`{text[:37]}...`"
