"""Reading the user's YAML files with a position for every value.

The files fact-checkers edit by hand must report each mistake at ``path:line:col``. PyYAML's
composer gives every node its start mark; this module walks the node tree and hands the loaders
``Node`` objects that carry the Python value and its position, so that a message can point at
the exact key or value that is wrong. All problems are collected, never just the first.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kzclaims._dataclass import dataclass
from kzclaims.errors import InputError, Problem


@dataclass(frozen=True, slots=True)
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


def read_text_file(path: Path, display: str, what: str = "YAML file") -> str:
    """Read a small UTF-8 text file the user owns, or raise InputError with one clear line.

    Only a regular file of at most :data:`~kzclaims.safefs.MAX_YAML_BYTES` is read (a FIFO or
    ``/dev/zero`` is refused at once); UTF-16 with a BOM is read too; otherwise a NUL byte
    means a binary file.
    """
    from kzclaims.safefs import MAX_YAML_BYTES, read_regular_file

    data = read_regular_file(path, display, MAX_YAML_BYTES, what)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with a BOM (Notepad's "Unicode")
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError.single(
                display, "broken UTF-16 text; re-save the file as UTF-8", 1, 1, code="encoding"
            ) from None
        return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        col = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        raise InputError.single(
            display,
            f"binary data (a NUL byte), not a text {what}",
            line,
            col,
            code="binary",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from kzclaims.readers.encoding import ENCODING_NAMES, guess_legacy_encoding

        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        # named, not read: a guessed code page must not decide the ids and values of a file
        # the user edits (sources are read in it, with a warning); QA8 Q14
        encoding = ENCODING_NAMES[guess_legacy_encoding(data)]
        raise InputError.single(
            display,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}): it reads as {encoding}; re-save"
            " the file as UTF-8",
            line,
            col,
            code="encoding",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: Limits of the YAML reader (a hand-written claims file is far inside all of them).
MAX_DEPTH = 64  # nesting levels of mappings and lists
MAX_NODES = 200_000  # values after expanding aliases (a "billion laughs" bomb is refused)
#: The only tags a claims file or manifest may carry (explicitly or implicitly).
STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
)


class _Limit(Exception):
    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def _bounded_loader(text: str) -> Any:
    """A SafeLoader that refuses deep nesting while composing (before Python's recursion limit)
    and remembers where the first alias is."""
    import copy

    import yaml

    class Loader(yaml.SafeLoader):  # type: ignore[misc]
        depth = 0
        first_alias: Any = None

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                if self.first_alias is None:
                    self.first_alias = mark
                # the anchored node at the alias's place (a shallow copy sharing its value), so
                # that a problem with the value is told where it is used (QA9 Q2): `find: *base`
                # with `&base` a whole claim was reported at the anchor's line
                twin = copy.copy(super().compose_node(parent, index))
                twin.start_mark = mark
                return twin
            self.depth += 1
            try:
                if self.depth > MAX_DEPTH:
                    raise _Limit(
                        f"nested more than {MAX_DEPTH} levels deep", self.peek_event().start_mark
                    )
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    return Loader(text)


def _expanded_size(root: Any, limit: int) -> int:
    """How many nodes the tree has once aliases are expanded (stops counting past ``limit``)."""
    import yaml

    memo: dict[int, int] = {}

    def size(node: Any) -> int:
        key = id(node)
        if key in memo:
            return memo[key]
        memo[key] = limit + 1  # a recursive alias counts as too many
        total = 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += size(k) + size(v)
                if total > limit:
                    break
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                total += size(item)
                if total > limit:
                    break
        memo[key] = total
        return total

    return size(root)


def _invalid(path: str, message: str, mark: Any = None, code: str = "yaml-syntax") -> InputError:
    """The one problem of a YAML text that cannot be composed, at PyYAML's ``mark`` (0-based)."""
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    return InputError.single(path, f"invalid YAML: {message}", line, col, code)


_UNICODE_BREAKS = {0x85: " ", 0x2028: " ", 0x2029: " "}


def parse_yaml(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """Compose ``text`` into a Node tree (None for an empty document).

    A syntax error raises InputError (nothing after it can be trusted). Duplicate keys and values
    that cannot be read (``2022-02-30``) are returned as problems beside the tree, so that the
    caller reports them together with everything else it finds.
    """
    import yaml

    # YAML 1.1 counts NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line breaks; editors (and
    # people) do not, and a phrasing pasted from a web page carries them invisibly: read as
    # spaces, so that the value is what the editor shows and every line:col is the editor's
    text = text.translate(_UNICODE_BREAKS)
    if _fast_path_safe(text):
        try:
            return _parse_yaml_fast(text, path)
        except Exception:  # any problem at all: the precise path below reports it
            pass
    try:
        loader = _bounded_loader(text)
    except yaml.reader.ReaderError as exc:  # the reader checks every character first
        line = text.count("\n", 0, exc.position)
        col = exc.position - text.rfind("\n", 0, exc.position) - 1
        raise _invalid(path, _unreadable_character(exc), yaml.Mark("", 0, line, col, "", 0)
                       ) from None
    except yaml.YAMLError as exc:
        raise _invalid(path, _one_line(exc)) from None
    try:
        root = loader.get_single_node()
    except _Limit as exc:
        raise _invalid(path, exc.message, exc.mark, "yaml-too-deep") from None
    except yaml.MarkedYAMLError as exc:
        raise _invalid(path, *syntax_message(exc)) from None
    except yaml.YAMLError as exc:
        raise _invalid(path, _one_line(exc)) from None
    finally:
        loader.dispose()
    if root is None:
        return None, []
    if loader.first_alias is not None and _expanded_size(root, MAX_NODES) > MAX_NODES:
        raise _invalid(
            path, f"aliases expand to more than {MAX_NODES:,} values; refused",
            loader.first_alias, "yaml-alias-bomb",
        )
    reporter = Reporter(path)
    node = _convert(root, loader, reporter)
    return node, reporter.problems



#: how PyYAML names what it found, in words a person editing the file knows
_TOKENS = {
    "'<stream end>'": "the end of the file",
    "'<block end>'": "the end of the block",
    "<block end>": "the end of the block",
    "'<block mapping start>'": "a new key",
    "'<block sequence start>'": "a list",
    "'<block entry>'": "a list item `-`",
    "'<scalar>'": "more text",
    "'<document start>'": "`---`",
    "'<flow mapping start>'": "`{`",
    "'<flow sequence start>'": "`[`",
    "'?'": "a new key",
}


def _words(s: str) -> str:
    for token, words in _TOKENS.items():
        s = s.replace(token, words)
    return s


def _at(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}"


def syntax_message(exc: Any) -> tuple[str, Any]:
    """A YAML syntax error in plain words, and the mark it points at.

    PyYAML says what its scanner and parser expected ("mapping values are not allowed here",
    "expected <block end>, but found '?'"); a fact-checker editing a claims file needs to know
    what to change. The common mistakes get a sentence of their own (a `: ` inside a value, a
    line without `:`, a tab, a quote or bracket never closed, an indentation that does not line
    up); anything else keeps PyYAML's words with its token names translated.
    """
    problem = " ".join(str(exc.problem or exc.context or "").split())
    context = " ".join(str(exc.context or "").split())
    mark, ctx = exc.problem_mark or exc.context_mark, exc.context_mark
    closer = {"flow sequence": ("`[`", "`]`"), "flow mapping": ("`{`", "`}`")}
    if problem == "mapping values are not allowed here":
        return "a `: ` (colon and space) inside a value; put the whole value in quotes", mark
    if problem == "could not find expected ':'" and ctx is not None:
        return (
            "no `:` after the key on this line (write `key: value`; a value that goes on to"
            " the next line must be in quotes)", ctx,
        )
    if problem.startswith("found character '\\t'") or "tab character" in problem:
        return "a tab character; indent with spaces, not tabs", mark
    if problem.startswith("found character '") and problem.endswith("cannot start any token"):
        char = problem.split("'")[1]
        return f"a value cannot start with `{char}`; put the value in quotes", mark
    if problem == "found unexpected end of stream" and "quoted scalar" in context and ctx:
        return "this quote is never closed", ctx
    for what, (opening, closing) in closer.items():
        if what in context and ctx is not None:
            if problem.endswith("'<stream end>'"):
                return f"this {opening} is never closed with {closing}", ctx
            return (
                f"expected `,` or {closing} here: the {opening} at {_at(ctx)} is not closed (a"
                " value with `: ` or `,` in it must be in quotes)", mark,
            )
    if problem.startswith("expected <block end>, but found"):
        found = problem.rsplit(" ", 1)[-1]
        pairs = {"']'": ("`]`", "`[`"), "'}'": ("`}`", "`{`")}
        if found in pairs:
            closing, opening = pairs[found]
            return f"a {closing} with no {opening} before it", mark
        if found == "':'":
            return "a `:` with no key before it", mark
        if found == "'<scalar>'":
            return (
                "more text after a value (a value with a quoted part must be quoted whole), or"
                " a line indented differently from the lines above", mark,
            )
        start = f"; the block starts at {_at(ctx)}" if ctx is not None else ""
        return (
            "this line is indented differently from the lines above it (keys that belong"
            f" together line up under each other{start})", mark,
        )
    if problem.startswith("found undefined alias"):
        name = problem.split("'")[1] if "'" in problem else ""
        return (
            f"`*{name}` refers to an anchor `&{name}` that is not defined above; a value that"
            " starts with `*` must be in quotes", mark,
        )
    if problem == "but found another document":
        return "a second document (a `---` line); the file must hold one", mark
    if problem.startswith("found unknown escape character"):
        char = problem.split("'")[1] if "'" in problem else ""
        return (
            f"an unknown escape `\\{char}` in a double-quoted value; use"
            " single quotes, or write `\\\\` for a backslash", mark,
        )
    if "block scalar" in context:
        return "after `|` or `>` nothing else may stand on the line; put the value in quotes", mark
    if "duplicate anchor" in context and ctx is not None:
        return f"this anchor is defined twice (first at {_at(ctx)})", mark
    if "anchor" in context or "alias" in context:
        return "`&` and `*` start anchors and aliases in YAML; put the value in quotes", mark
    message = _words(problem)
    if context and ctx is not None and mark is not None and ctx.line != mark.line:
        started = _words(context.removeprefix("while ").replace("parsing ", ""))
        message += f" ({started} started at {_at(ctx)})"
    return message, mark


def _unreadable_character(exc: Any) -> str:
    """PyYAML's reader refusing a character ("unacceptable character #x0007"), in words."""
    char = exc.character
    code = char if isinstance(char, int) else ord(char)
    if exc.encoding != "unicode":  # a byte that is not UTF-8
        return f"not UTF-8 text (byte 0x{code:02x}); re-save the file as UTF-8"
    return f"a control character (U+{code:04X}) that YAML does not allow; remove it"

#: texts at least this long are composed by libyaml (PyYAML's CSafeLoader) when it is there:
#: a manifest of 18,000 sources took ~29 s with the pure-Python composer, and the bundled
#: claims.yaml (12 KB) 38 ms against 5 ms (a fifth of a `kzclaims compare` on the bundled corpus)
FAST_MIN_BYTES = 0


def _fast_path_safe(text: str) -> bool:
    """May ``text`` be composed by libyaml? Only a text without aliases or tags and without deep
    nesting (indentation, or flow collections counted bracket by bracket, as if none closed
    inside a string): what the precise path guards against cannot happen in it. Any error or
    problem on the fast path falls back to the precise path, which reports it with its line and
    column. (Every YAML text of the test suite composes to the same nodes on both paths.)"""
    if len(text) < FAST_MIN_BYTES:
        return False
    import yaml

    if not hasattr(yaml, "CSafeLoader") or any(c in text for c in "&*!"):
        return False
    deepest = max((len(ln) - len(ln.lstrip(" -")) for ln in text.splitlines()), default=0)
    flow = 0
    if "[" in text or "{" in text:
        depth = 0
        for c in text:
            if c in "[{":
                depth += 1
                flow = max(flow, depth)
            elif c in "]}" and depth:
                depth -= 1
    return deepest + flow < MAX_DEPTH


def _parse_yaml_fast(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """libyaml's events composed straight into :class:`Node` objects, one event at a time: the
    composer's own node tree (two marks per node) is never built, which cost ~100 MB at the
    peak for a manifest of 29,687 sources (docs/benchmarks.md "Memory (issue 8, fourth
    session)"). Anything this path does not handle as :func:`_convert` would (a merge key, a
    tag outside the standard ones, a value that cannot be read) raises, and the precise path
    reports it."""
    import yaml

    loader = yaml.CSafeLoader(text)
    try:
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return None, []
        loader.get_event()  # document start
        node = _compose_event_node(loader)
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            raise ValueError("more than one document: the precise path reports it")
    finally:
        loader.dispose()
    return node, []


def _event_tag(loader: Any, event: Any, kind: Any) -> str:
    """The tag of a node's event (``kind``: its class of node), resolved as the composer resolves
    it; ValueError (the precise path reports it) for a tag beyond YAML's standard ones and for a
    scalar's merge tag (``<<``)."""
    scalar = kind.id == "scalar"
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(kind, event.value if scalar else None, event.implicit)
    if tag not in STANDARD_TAGS or (scalar and tag == "tag:yaml.org,2002:merge"):
        raise ValueError("the precise path reports it")
    return tag


def _compose_event_node(loader: Any) -> Node:
    """The next node of ``loader``'s events, as :func:`_convert` makes it from a composed node
    (the same tags, values, lines and columns)."""
    import yaml

    event = loader.get_event()
    line, col = event.start_mark.line + 1, event.start_mark.column + 1
    if isinstance(event, yaml.ScalarEvent):
        tag = _event_tag(loader, event, yaml.ScalarNode)
        scalar = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        value = loader.construct_object(scalar, deep=True)  # raises as _convert reports
        loader.constructed_objects.pop(scalar, None)  # nothing refers to it again (no aliases)
        return Node(value, line, col, tag)
    if isinstance(event, yaml.SequenceStartEvent):
        tag = _event_tag(loader, event, yaml.SequenceNode)
        items = []
        while not loader.check_event(yaml.SequenceEndEvent):
            items.append(_compose_event_node(loader))
        loader.get_event()
        return Node(items, line, col, tag)
    if isinstance(event, yaml.MappingStartEvent):
        tag = _event_tag(loader, event, yaml.MappingNode)
        out: dict[str, Node] = {}
        while not loader.check_event(yaml.MappingEndEvent):
            key_event = loader.get_event()
            if not isinstance(key_event, yaml.ScalarEvent):
                raise ValueError("a key that is not a plain word: the precise path reports it")
            _event_tag(loader, key_event, yaml.ScalarNode)  # a merge key or a tag: ValueError
            key = str(key_event.value)  # as _convert: the key as written, not constructed
            if key in out:
                raise ValueError("a duplicate key: the precise path reports it")
            child = _compose_event_node(loader)
            out[key] = Node(child.value, child.line, child.col, child.tag,
                            key_event.start_mark.line + 1, key_event.start_mark.column + 1)
        loader.get_event()
        return Node(out, line, col, tag)
    raise ValueError("an alias: the precise path expands and bounds it")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _bad_tag(node: Any, reporter: Reporter) -> bool:
    """Report a tag other than YAML's standard ones (``!!python/object``, ``!custom``)."""
    if node.tag in STANDARD_TAGS:
        return False
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    reporter.problems.append(
        Problem(
            reporter.path,
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            f"unsupported tag `{tag[:60]}`: only plain YAML values are read",
            "error",
            "yaml-tag",
        )
    )
    return True


def _convert(node: Any, loader: Any, reporter: Reporter) -> Node:
    import yaml

    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if _bad_tag(node, reporter):
        return Node(None, line, col, "tag:yaml.org,2002:null")
    if isinstance(node, yaml.MappingNode):
        merge_tag = "tag:yaml.org,2002:merge"
        own = {id(k) for k, _ in node.value if k.tag != merge_tag}  # keys written here
        try:
            loader.flatten_mapping(node)  # `<<: *defaults` merge keys
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or node.start_mark
            reporter.problems.append(
                Problem(
                    reporter.path,
                    mark.line + 1,
                    mark.column + 1,
                    f"invalid YAML: {_one_line(exc.problem or exc)}",
                    "error",
                    "yaml-merge",
                )
            )
            node.value = [(k, v) for k, v in node.value if k.tag != merge_tag]
        out: dict[str, Node] = {}
        # keys a merge key brought in: a key written beside it overrides them, as YAML says (a
        # claim reusing another with `<<: *base` and its own `id:`), and so does a later merge
        merged: set[str] = set()
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
            if _bad_tag(key_node, reporter):
                continue
            key = str(key_node.value)
            if key in merged:
                merged.discard(key)  # overridden: not a duplicate
                del out[key]
            elif key in out:
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
            if id(key_node) not in own:
                merged.add(key)
        return Node(out, line, col, node.tag)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, loader, reporter) for item in node.value], line, col, node.tag)
    try:
        value = loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        what = "not a valid date" if node.tag.endswith(":timestamp") else "cannot read value"
        shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
        reason = _one_line(exc)
        if "digits" in reason or isinstance(exc, OverflowError):
            reason = "the number is too large"
        reporter.problems.append(
            Problem(reporter.path, line, col, f"{what} `{shown}`: {reason}", "error", "bad-value")
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
    """Report unknown keys (with a suggestion) and missing required ones. True when all is well.

    A suggestion is a key the mapping does not have yet (``items:`` beside ``title:`` is not a
    misspelt ``title``); when an unknown key holding a list is the only candidate for the one
    required key that is missing, it is suggested even if the spelling is far (``items`` ->
    ``claims``), and the mistake is one line, not also "missing required key".
    """
    ok = True
    absent = [k for k in allowed if k not in mapping.value]
    missing = [k for k in required if k not in mapping.value]
    unknown = [(key, value) for key, value in mapping.items() if key not in allowed]
    suggested: set[str] = set()
    for key, value in unknown:
        ok = False
        close = difflib.get_close_matches(key, absent, n=1, cutoff=0.6)
        if not close and len(missing) == 1 and len(unknown) == 1 and value.is_sequence:
            close = missing  # a list under the wrong name: `items:` for `claims:`
        if close:
            suggested.add(close[0])
            hint = f", did you mean `{close[0]}`?"
        else:
            hint = f" (allowed: {', '.join(allowed)})"
        reporter.error(
            value, f"unknown key `{key}` in {what}{hint}", "unknown-key", at_key=True
        )
    for key in missing:
        ok = False
        if key not in suggested:
            reporter.error(mapping, f"{what} is missing required key `{key}`", "missing-key")
    return ok
