"""Problems with the user's input, reported as ``path:line:col: severity: message``.

The library raises :class:`InputError` carrying every problem it found; the CLI prints one line
per problem on stderr and exits with code 2. Nothing here imports a third-party package.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from kzclaims._dataclass import dataclass

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem with an input: where (path, line, column) and what."""

    path: str
    line: int | None = None  # 1-based
    col: int | None = None  # 1-based
    message: str = ""
    severity: Severity = "error"
    code: str = "invalid"  # a short, stable name: "yaml-syntax", "unknown-key", ...

    def location(self) -> str:
        loc = self.path
        if self.line is not None:
            loc += f":{self.line}"
            if self.col is not None:
                loc += f":{self.col}"
        return loc

    def __str__(self) -> str:
        return f"{self.location()}: {self.severity}: {self.message}"


class KzclaimsError(Exception):
    """Base class of the library's exceptions."""


class InputError(KzclaimsError):
    """The input (claims file, manifest, sources, report) is invalid: one or more problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(
        cls,
        path: str,
        message: str,
        line: int | None = None,
        col: int | None = None,
        code: str = "invalid",
    ) -> InputError:
        return cls([Problem(path, line, col, message, "error", code)])

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")
