"""Regenerate the parts of the docs that are program output, so that they never drift.

    python docs/generate.py          # rewrite README.md's transcript, docs/cli.md and
                                     # docs/example-report.html
    python docs/generate.py --check  # exit 1 if any is out of date (tests/test_docs.py)

The transcript is a real run on the bundled corpus; docs/cli.md is every command's --help;
docs/example-report.html is `kzclaims compare --format html` on the bundled corpus (its
screenshots, docs/report*.png, are taken by docs/screenshot.py).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CLI_DOC = ROOT / "docs" / "cli.md"
EXAMPLE_HTML = ROOT / "docs" / "example-report.html"

TRANSCRIPT_CLAIMS = [
    "csto-troops", "withdrawal-start", "withdrawal-length", "almaty-attackers",
    "majilis-address-date", "casualties-scale", "death-toll",
]
TRANSCRIPT_WIDTH = 118
COMMANDS = ["", "compare", "check", "explain", "sources", "diff", "schema"]


def _run(args: list[str], width: int) -> str:
    from typer.testing import CliRunner

    from kzclaims.cli import app

    env = {"COLUMNS": str(width), "NO_COLOR": "1", "TERM": "dumb", "GITHUB_ACTIONS": ""}
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, args, env=env, prog_name="kzclaims")
    finally:
        os.chdir(old)
    return result.stdout


def transcript() -> str:
    args = ["compare"]
    for cid in TRANSCRIPT_CLAIMS:
        args += ["--claim", cid]
    shown = " ".join(f"--claim {c}" for c in TRANSCRIPT_CLAIMS)
    out = _run(args, TRANSCRIPT_WIDTH).rstrip()
    out = "\n".join(line.rstrip() for line in out.splitlines())
    return f"```text\n$ kzclaims compare {shown}\n{out}\n```"


EVIDENCE_CLAIM = "almaty-airport-aircraft"


def evidence() -> str:
    out = _run(["compare", "--claim", EVIDENCE_CLAIM, "--evidence"], 400)
    tail = out[out.index("Evidence\n") + len("Evidence\n") :].rstrip()
    tail = "\n".join(line.rstrip() for line in tail.splitlines())
    return f"```text\n{tail}\n```"


def _fill(text: str, name: str, content: str) -> str:
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(\n<!-- {name}:end -->)", re.S)
    return pattern.sub(lambda m: m.group(1) + content + m.group(2), text)


def readme_text() -> str:
    text = README.read_text(encoding="utf-8")
    text = _fill(text, "transcript", transcript())
    return _fill(text, "evidence", evidence())


def cli_doc() -> str:
    parts = [
        "# Command-line reference",
        "",
        "Generated from `--help` by `python docs/generate.py`; do not edit by hand.",
    ]
    for cmd in COMMANDS:
        args = [cmd, "--help"] if cmd else ["--help"]
        title = f"kzclaims {cmd}".strip()
        out = "\n".join(line.rstrip() for line in _run(args, 100).strip("\n").splitlines())
        parts += ["", f"## {title}", "", "```text", out, "```"]
    return "\n".join(parts) + "\n"


def example_report() -> str:
    """The HTML report of the bundled corpus, as `kzclaims compare --format html` writes it."""
    return _run(["compare", "--format", "html"], 100)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the docs are current")
    args = parser.parse_args()
    wanted = {README: readme_text(), CLI_DOC: cli_doc(), EXAMPLE_HTML: example_report()}
    stale = [p for p, text in wanted.items() if not p.exists() or p.read_text("utf-8") != text]
    if args.check:
        for p in stale:
            print(f"{p.relative_to(ROOT)} is out of date: run docs/generate.py", file=sys.stderr)
        return 1 if stale else 0
    for p in stale:
        p.write_text(wanted[p], encoding="utf-8")
        print(f"wrote {p.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
