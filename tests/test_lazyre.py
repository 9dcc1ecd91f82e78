"""kzclaims._lazyre: patterns compiled on first use behave like compiled ones."""

from __future__ import annotations

import re

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
