"""Reading the user's YAML files with a position for every value.

The files fact-checkers edit by hand must report each mistake at ``path:line:col``. PyYAML's
composer gives every node its start mark; this module walks the node tree and hands the loaders
``Node`` objects that carry the Python value and its position, so that a message can point at
the exact key or value that is wrong. All problems are collected, never just the first.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzclaims.errors import InputError, Problem


@dataclass(frozen=True)
class Node:
    """A YAML value (mapping, sequence or scalar) with its 1-based position."""

    value: Any  # dict[str, Node] for mappings, list[Node] for sequences, else the scalar
    line: int
    col: int
    tag: str = ""
    key_line: int = 0  # for values of a mapping: the position of their key
    key_col: int = 0

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_sequence(self) -> bool:
        return isinstance(self.value, list)

    def items(self) -> Iterator[tuple[str, Node]]:
        assert isinstance(self.value, dict)
        yield from self.value.items()

    def plain(self) -> Any:
        """The plain Python value (nested), without positions."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


class Reporter:
    """Collects problems about one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(
        self, node: Node | None, message: str, code: str = "invalid", *, at_key: bool = False
    ) -> None:
        self._add(node, message, code, "error", at_key)

    def warning(
        self, node: Node | None, message: str, code: str = "warning", *, at_key: bool = False
    ) -> None:
        self._add(node, message, code, "warning", at_key)

    def _add(self, node: Node | None, message: str, code: str, severity: str, at_key: bool) -> None:
        line = col = None
        if node is not None:
            line, col = (
                (node.key_line, node.key_col) if at_key and node.key_line else (node.line, node.col)
            )
        if line is not None and any(p.line == line and p.col == col for p in self.problems):
            return  # one problem per place: the first is the most precise
        self.problems.append(Problem(self.path, line, col, message, severity, code))  # type: ignore[arg-type]

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def raise_if_errors(self) -> None:
        if self.has_errors:
            raise InputError(sorted(self.problems, key=_position))


def _position(p: Problem) -> tuple[int, int]:
    return (p.line or 0, p.col or 0)


def read_text_file(path: Path, display: str) -> str:
    """Read a small UTF-8 text file the user owns, or raise InputError with one clear line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError.single(display, "file not found", code="missing-file") from None
    except IsADirectoryError:
        raise InputError.single(
            display, "is a directory, expected a file", code="not-a-file"
        ) from None
    except OSError as exc:
        raise InputError.single(
            display, f"cannot read: {exc.strerror}", code="unreadable"
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError.single(
            display,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            code="encoding",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_yaml(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """Compose ``text`` into a Node tree (None for an empty document).

    A syntax error raises InputError (nothing after it can be trusted). Duplicate keys and values
    that cannot be read (``2022-02-30``) are returned as problems beside the tree, so that the
    caller reports them together with everything else it finds.
    """
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        ctx = exc.context_mark
        if exc.context and ctx is not None and mark is not None and ctx.line != mark.line:
            started = str(exc.context).removeprefix("while ").replace("parsing ", "")
            message += f" ({started} started at line {ctx.line + 1}, column {ctx.column + 1})"
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise InputError.single(
            path, f"invalid YAML: {message}", line, col, "yaml-syntax"
        ) from None
    except yaml.YAMLError as exc:
        raise InputError.single(path, f"invalid YAML: {exc}", code="yaml-syntax") from None
    finally:
        loader.dispose()
    if root is None:
        return None, []
    reporter = Reporter(path)
    node = _convert(root, loader, reporter)
    return node, reporter.problems


def _convert(node: Any, loader: Any, reporter: Reporter) -> Node:
    import yaml

    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key_line, key_col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode):
                reporter.problems.append(
                    Problem(
                        reporter.path,
                        key_line,
                        key_col,
                        "a key must be a plain word",
                        "error",
                        "bad-key",
                    )
                )
                continue
            key = str(key_node.value)
            if key in out:
                first = out[key]
                reporter.problems.append(
                    Problem(
                        reporter.path,
                        key_line,
                        key_col,
                        f"duplicate key `{key}` (first defined at line {first.key_line})",
                        "error",
                        "duplicate-key",
                    )
                )
                continue
            child = _convert(value_node, loader, reporter)
            out[key] = Node(child.value, child.line, child.col, child.tag, key_line, key_col)
        return Node(out, line, col, node.tag)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, loader, reporter) for item in node.value], line, col, node.tag)
    try:
        value = loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError) as exc:
        what = "not a valid date" if node.tag.endswith(":timestamp") else "cannot read value"
        reporter.problems.append(
            Problem(reporter.path, line, col, f"{what} `{node.value}`: {exc}", "error", "bad-value")
        )
        value = node.value
    return Node(value, line, col, node.tag)


def type_name(node: Node) -> str:
    """How a value's type is called in messages for non-programmers."""
    v = node.value
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    if v is None:
        return "empty"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, int):
        return "a whole number"
    if isinstance(v, float):
        return "a number"
    if hasattr(v, "isoformat"):
        return "a date"
    return "text"


def check_keys(
    reporter: Reporter,
    mapping: Node,
    allowed: tuple[str, ...],
    required: tuple[str, ...],
    what: str,
) -> bool:
    """Report unknown keys (with a suggestion) and missing required ones. True when all is well."""
    ok = True
    for key, value in mapping.items():
        if key not in allowed:
            ok = False
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f", did you mean `{close[0]}`?" if close else f" (allowed: {', '.join(allowed)})"
            reporter.error(
                value, f"unknown key `{key}` in {what}{hint}", "unknown-key", at_key=True
            )
    for key in required:
        if key not in mapping.value:
            ok = False
            reporter.error(mapping, f"{what} is missing required key `{key}`", "missing-key")
    return ok
