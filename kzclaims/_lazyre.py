"""Regular expressions compiled on first use, not at import.

The value readers define ~130 module-level patterns; compiling them all at import cost ~100-350 ms
of every `kzclaims` start-up, although a run uses only some of them. ``lazy(pattern, flags)``
stands in for ``re.compile``: it compiles on the first call of a method, then binds the compiled
pattern's methods to the instance, so later calls cost the same as on a compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy"]

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def _compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self._flags)
        for name in _METHODS:  # instance attributes win over the class's methods from now on
            setattr(self, name, getattr(compiled, name))
        self._compiled = lambda: compiled  # type: ignore[method-assign]
        return compiled

    @property
    def flags(self) -> int:
        return self._compiled().flags

    @property
    def groupindex(self) -> Any:
        return self._compiled().groupindex

    @property
    def groups(self) -> int:
        return self._compiled().groups

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self._compiled().split(*args, **kwargs)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags})"


def lazy(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, int(flags)))
