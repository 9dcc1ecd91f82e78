"""Dates, date ranges, durations and years (placeholder: being written)."""

from __future__ import annotations

import datetime as dt

from kzclaims.model import Value


def read_temporal(text: str, reference: dt.date | None = None) -> list[Value]:
    """Dates, date ranges and durations in ``text``, in text order."""
    return []
