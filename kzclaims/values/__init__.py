"""The value reader: numbers, percentages, dates, date ranges and durations in English news text.

One public entry point, :func:`read_values`. Temporal expressions (dates, date ranges, durations,
years) are read first; numbers and percentages are then read from the rest of the text, so that
"January 13", "2020-2021" or "10 days" are never also read as counts.
"""

from __future__ import annotations

import datetime as dt

from kzclaims.model import Kind, Value

__all__ = ["read_values"]

_TYPES_FOR_KIND: dict[str, frozenset[str]] = {
    "count": frozenset({"number"}),
    "number": frozenset({"number"}),
    "percent": frozenset({"percent"}),
    "date": frozenset({"date"}),
    "date_range": frozenset({"date_range"}),
    "duration": frozenset({"duration"}),
    "statement": frozenset(),
}
_NUMERIC = frozenset({"number", "percent"})


def read_values(
    text: str, kind: Kind | None = None, reference: dt.date | None = None
) -> list[Value]:
    """Every value of ``kind`` in ``text`` (every kind when None), in text order.

    ``reference`` is the date that relative ("in two days", "this Thursday") and year-less
    ("on January 13") dates resolve against; without it such dates are not resolved.
    """
    from kzclaims.values.temporal import scan_temporal

    wanted = _TYPES_FOR_KIND[kind] if kind is not None else None
    # Every temporal expression is skipped by the numbers reader, also those that could not be
    # resolved without a reference date ("two days ago"): their numbers are not counts.
    temporal, taken = scan_temporal(text, reference)
    numeric: list[Value] = []
    if wanted is None or wanted & _NUMERIC:
        from kzclaims.values.numbers import read_numbers

        numeric = read_numbers(text, exclude=taken)
    values = sorted([*temporal, *numeric], key=lambda v: (v.start, v.end))
    if wanted is None:
        return values
    return [v for v in values if v.type in wanted]
