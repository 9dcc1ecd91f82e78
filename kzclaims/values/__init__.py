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


def read_values(
    text: str, kind: Kind | None = None, reference: dt.date | None = None
) -> list[Value]:
    """Every value of ``kind`` in ``text`` (every kind when None), in text order.

    ``reference`` is the date that relative ("in two days", "this Thursday") and year-less
    ("on January 13") dates resolve against; without it such dates are not resolved.
    """
    from kzclaims.values.numbers import read_numbers
    from kzclaims.values.temporal import read_temporal

    temporal = read_temporal(text, reference)
    taken = [(v.start, v.end) for v in temporal]
    numeric = read_numbers(text, exclude=taken)
    values = sorted([*temporal, *numeric], key=lambda v: (v.start, v.end))
    if kind is None:
        return values
    wanted = _TYPES_FOR_KIND[kind]
    return [v for v in values if v.type in wanted]
