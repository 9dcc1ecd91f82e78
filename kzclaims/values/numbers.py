"""Numbers and percentages (placeholder: being written)."""

from __future__ import annotations

from collections.abc import Sequence

from kzclaims.model import Value


def read_numbers(text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[Value]:
    """Numbers and percentages in ``text`` outside the ``exclude`` spans, in text order."""
    return []
