"""The text report written to a pipe or a file without a rich console (``PlainConsole``, issue 8's
start-up) is what a rich console writes there, character for character."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from kzclaims.model import Report
from kzclaims.render.text import NeedsConsole, PlainConsole, render_changes, render_to

ROOT = Path(__file__).resolve().parent.parent

#: pieces of text wrapping must treat alike: words of every width, folded words, spaces, tabs,
#: line ends, characters of two cells and of none, control characters rich drops
_PIECES = (
    "word", "a", "Akorda", "2022-01-05/2022-01-19", "≈2,030", "—", "⇄", "“quoted”", "Россия",
    "supercalifragilisticexpialidocious-and-more", "漢字", "🙂", "e\u0301", "\u200b", " ", "  ",
    "\t", "\n", "\n\n", "\r", "\x07", "! ", "≠ expected", "  ", "x" * 25,
)


def _rich(width: int, draw: object) -> str:
    buf = io.StringIO()
    console = Console(
        file=buf, width=width, highlight=False, emoji=False, no_color=True, color_system=None
    )
    assert not console.is_terminal
    draw(console)  # type: ignore[operator]
    return buf.getvalue()


def _plain(width: int, draw: object) -> str:
    console = PlainConsole(width)
    draw(console)  # type: ignore[operator]
    return console.getvalue()


def _random_text(rnd: random.Random) -> Text:
    t = Text()
    for _ in range(rnd.randint(0, 30)):
        t.append(rnd.choice(_PIECES), style=rnd.choice(("", "bold", "dim italic")))
        if rnd.random() < 0.5:
            t.append(" ")
    return t


@pytest.mark.parametrize("width", [1, 2, 7, 12, 30, 80, 100])
def test_texts_are_wrapped_as_a_rich_console_wraps_them(width: int) -> None:
    rnd = random.Random(width)
    for _ in range(150):
        texts = [_random_text(rnd) for _ in range(rnd.randint(1, 3))]
        soft = rnd.random() < 0.2

        def draw(console: object, texts: list[Text] = texts, soft: bool = soft) -> None:
            for t in texts:
                console.print(t, soft_wrap=True) if soft else console.print(t)  # type: ignore[attr-defined]
            console.print()  # type: ignore[attr-defined]

        assert _plain(width, draw) == _rich(width, draw), [t.plain for t in texts]


_REPORT: list[Report] = []


def _bundled_report() -> Report:
    if not _REPORT:
        from kzclaims.claims import load_claims
        from kzclaims.pipeline import compare
        from kzclaims.sources import load_sources

        _REPORT.append(compare(load_claims(ROOT / "claims.yaml"), load_sources(ROOT / "sources")))
    return _REPORT[0]


@pytest.mark.parametrize("width", [40, 80, 100, 240])
def test_the_bundled_report_is_drawn_as_a_rich_console_draws_it(width: int) -> None:
    report = _bundled_report()
    for evidence in (False, True):

        def draw(console: object, evidence: bool = evidence) -> None:
            render_to(console, report, evidence)  # type: ignore[arg-type]

        try:
            plain = _plain(width, draw)
        except NeedsConsole:  # a table: only rich draws it
            assert width >= 100
            continue
        assert plain == _rich(width, draw)


def test_changes_since_a_baseline_are_drawn_as_a_rich_console_draws_them() -> None:
    from kzclaims._dataclass import replace
    from kzclaims.model import Change

    changes = (
        Change("value_changed", "csto-appeal", "akorda", "2,030", "3,000 and a long tail " * 4),
        Change("verdict_changed", "csto-decision-date", None, "single", "agree"),
    )
    for report in (
        replace(_bundled_report(), changes=changes, baseline_file="base.json"),
        replace(_bundled_report(), changes=(), baseline_file="base.json"),
    ):

        def draw(console: object, report: object = report) -> None:
            render_changes(console, report)  # type: ignore[arg-type]

        assert _plain(30, draw) == _rich(30, draw)


def test_what_only_rich_draws_is_asked_of_a_rich_console() -> None:
    from rich.table import Table

    console = PlainConsole(80)
    with pytest.raises(NeedsConsole):
        console.print(Table())
    with pytest.raises(NeedsConsole):
        console.print("markup [b]string[/b]")
    with pytest.raises(NeedsConsole):
        console.print(Text("a"), Text("b"))
    with pytest.raises(NeedsConsole):
        console.print(Text("a"), overflow="fold")
    with pytest.raises(NeedsConsole):
        console.size  # noqa: B018


_WIDTH = """
import json, sys
from kzclaims import cli
cli._SETTINGS["color"] = {color}
console = cli._console()
print(json.dumps([cli._plain_width(), console.is_terminal, console.width]))
"""


@pytest.mark.parametrize(
    "env",
    [
        {}, {"COLUMNS": "57"}, {"COLUMNS": "0"}, {"COLUMNS": "wide"}, {"COLUMNS": "61", "LINES": "9"},
        {"TTY_COMPATIBLE": "0"}, {"TTY_COMPATIBLE": "1"}, {"FORCE_COLOR": ""}, {"FORCE_COLOR": "1"},
        {"NO_COLOR": "1"}, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, {"TERM": "dumb"},
    ],
)
@pytest.mark.parametrize("color", [None, False, True])
def test_the_plain_width_is_the_width_rich_would_draw_a_pipe_at(
    env: dict[str, str], color: bool | None
) -> None:
    """In a fresh interpreter writing to a pipe: where the plain console is used, rich's console
    would not draw a terminal and would draw at the same width."""
    import os

    base = {k: v for k, v in os.environ.items() if k not in (
        "COLUMNS", "LINES", "TTY_COMPATIBLE", "FORCE_COLOR", "NO_COLOR", "TERM"
    )}
    p = subprocess.run(
        [sys.executable, "-c", _WIDTH.format(color=color)],
        env={**base, **env}, cwd=ROOT, capture_output=True, text=True, check=True,
    )
    plain, terminal, width = json.loads(p.stdout)
    if plain is not None:
        assert not terminal
        assert plain == width
    if color is not True and not env:
        assert plain == width  # the ordinary pipe uses it
