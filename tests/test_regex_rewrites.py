"""Patterns rewritten for speed (issue 8's start-up: a class or a literal first, so that the regex
engine scans for it instead of trying the whole pattern at every position) find what the plain
patterns they replace find: the same matches, spans and groups, from any start to any end."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

_PIECES = (
    " ", "  ", "\n", ".", ". ", "!", "? ", ";", ": ", ",", ", ", "(", ")", "-", "’", "'", "_",
    "when", "where", "while", "whereas", "but", "butter", ", when", ", but ", ", whereas.",
    "1", "2", "19", "20", "18", "1990", "2022", "20221", "1.2022", ",2022", "2022.5", "2022,5",
    "1899", "2099", "3021", "x", "The", "Ж", "é", "٣",
    "line", "LINE", "Line", "lıne", "lİne", "hotline", "phone", "PHONE", "tel.", "Tel.", "tel",
    "TEL.", "fax", "FAX", "fAx", "ſ", "\u212a", "ph", "te", "li",
)


def _texts() -> list[str]:
    rnd = random.Random(10)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sources").glob("*.txt"))]
    texts += ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 12))) for _ in range(4000)]
    return texts


def _all(pattern: re.Pattern[str], text: str, pos: int, end: int) -> list[object]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos, end)]


@pytest.mark.parametrize(
    ("module", "name", "plain", "flags"),
    [
        ("kzclaims.choose", "_YEAR", r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d)", 0),
        (
            "kzclaims.choose", "_CLAUSE_EDGE",
            r"[.!?;:]\s|,\s(?:when|where|while|whereas|but)\b|\(|\)", 0,
        ),
    ],
)
def test_the_same_matches_as_the_plain_pattern(module: str, name: str, plain: str, flags: int) -> None:
    import importlib

    ours = getattr(importlib.import_module(module), name)
    reference = re.compile(plain, flags)
    rnd = random.Random(name)
    for text in _texts():
        cuts = [(0, len(text))] + [
            tuple(sorted((rnd.randint(0, len(text)), rnd.randint(0, len(text))))) for _ in range(3)
        ]
        for pos, end in cuts:
            assert _all(ours, text, pos, end) == _all(reference, text, pos, end), (text, pos, end)


def test_the_phone_cues_are_found_in_the_same_texts() -> None:
    from kzclaims.values.numbers import _PHONE_CUES

    reference = re.compile(r"line|phone|tel\.|fax", re.IGNORECASE)
    for text in _texts():
        assert bool(_PHONE_CUES.search(text)) == bool(reference.search(text)), text
