"""The value reader: numbers, percentages, dates, date ranges and durations in English news text.

One public entry point, :func:`read_values`.
"""

from __future__ import annotations

import datetime as dt

from kzclaims.model import Kind, Value

__all__ = ["read_values"]


def read_values(text: str, kind: Kind | None = None, reference: dt.date | None = None) -> list[Value]:
    """Every value of ``kind`` in ``text`` (all kinds when None), in text order.

    ``reference`` is the date relative and year-less dates resolve against.
    """
    raise NotImplementedError
