"""kzclaims._lazyre: patterns compiled on first use, or built from the table of compiled code,
behave like compiled ones."""

from __future__ import annotations

import _sre
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kzclaims import _lazyre, _recode
from kzclaims._lazyre import lazy


def test_not_compiled_until_used() -> None:
    p = lazy(r"(?P<n>\d+)", re.IGNORECASE)
    assert "search" not in vars(p)  # nothing compiled yet
    m = p.search("abc 42")
    assert m is not None and m.group("n") == "42"
    assert "search" in vars(p)  # the compiled pattern's method is bound now
    assert m.re.pattern == p.pattern


def test_every_method_matches_re() -> None:
    text = "a1 b22 c333"
    for name in ("findall", "split", "sub", "subn", "match", "fullmatch", "search"):
        fresh = lazy(r"\d+")
        real = re.compile(r"\d+")
        args: tuple[str, ...] = ("#", text) if name in ("sub", "subn") else (text,)
        got, want = getattr(fresh, name)(*args), getattr(real, name)(*args)
        if isinstance(want, re.Match) or want is None:
            assert (got and got.span()) == (want and want.span())
        else:
            assert got == want
    assert [m.span() for m in lazy(r"\d+").finditer(text)] == [(1, 2), (4, 6), (8, 11)]
    assert lazy(r"(a)(b)").groups == 2
    assert lazy(r"x", re.I).flags & re.I


# --- the table of compiled code (kzclaims/_recode.py) ------------------------------------------

_TABLE_IS_FOR_THIS_PYTHON = (
    sys.implementation.name == "cpython"
    and tuple(sys.version_info[:2]) == _recode.PYTHON
    and _sre.MAGIC == _recode.MAGIC
    and sys.byteorder == _recode.BYTEORDER
)
_for_this_python = pytest.mark.skipif(
    not _TABLE_IS_FOR_THIS_PYTHON,
    reason=f"kzclaims/_recode.py is for Python {_recode.PYTHON}, re MAGIC {_recode.MAGIC}",
)


@_for_this_python
def test_table_is_current() -> None:
    """Every pattern the package defines at import is in the table, with the code this Python
    compiles it to (a fresh interpreter: only the import-time patterns count)."""
    code = "import sys; from kzclaims import _lazyre; sys.stdout.write(_lazyre.table_source())"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert p.returncode == 0, p.stderr
    current = Path(_recode.__file__).read_text(encoding="utf-8")
    assert p.stdout == current, (
        "kzclaims/_recode.py is out of date (a pattern changed): run `python -m kzclaims._lazyre`"
        " and commit it (on a rebase conflict in it, run the same command)"
    )


@_for_this_python
def test_patterns_from_the_table_equal_compiled_ones() -> None:
    table = _lazyre._load_table()
    assert len(table) > 100
    for (pattern, flags), entry in table.items():
        got = _lazyre.cached(pattern, flags)
        want = re.compile(pattern, flags)
        assert got is not want
        # Pattern equality compares the text, the flags and the compiled code
        assert got == want, pattern
        assert (got.groups, got.groupindex) == (want.groups, want.groupindex)
        assert entry[0] == want.flags


def test_a_pattern_outside_the_table_is_compiled() -> None:
    p = _lazyre.cached(r"(?P<kz>x)(y)z-not-in-the-table")
    assert p.search("axyz-not-in-the-table").group("kz") == "x"
    assert p.groups == 2


def test_a_table_for_another_python_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_recode, "MAGIC", -1)
    monkeypatch.setattr(_lazyre, "_table", None)
    assert _lazyre._load_table() == {}
    p = _lazyre.cached(r"\b(?P<n>\d+) days\b")
    assert p.search("in 12 days").group("n") == "12"
    monkeypatch.setattr(_lazyre, "_table", None)  # reloaded from the real table next time
