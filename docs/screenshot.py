"""Screenshots of the HTML report of the bundled corpus, for the README.

    python docs/generate.py      # first: docs/example-report.html from the program
    python docs/screenshot.py    # then: docs/report*.png, docs/report-full.jpg

report.png (desktop) and report-narrow.png (a phone) show the bundled corpus from the filters
down; report-full.jpg is its whole page; report-conflict.png is tests/fixtures/conflicts, whose
conflict shows the outlier marking (the bundled corpus has no conflict).

Needs the test extra (`pip install -e ".[test]"`, for playwright) and a Chromium: Debian's
`/usr/bin/chromium` (`apt-get install chromium`), or one named by the CHROMIUM environment
variable. Playwright's own browser download is never used.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_HTML = ROOT / "docs" / "example-report.html"

#: Flags for a headless Chromium that makes no network connection of its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# (file, report, viewport width, viewport height, full page, scroll to the filters first)
SHOTS = [
    ("report.png", "bundled", 1280, 1000, False, True),
    ("report-narrow.png", "bundled", 390, 1300, False, True),
    ("report-full.jpg", "bundled", 1280, 900, True, False),
    ("report-conflict.png", "conflicts", 1280, 900, True, False),
]


def find_chromium() -> str | None:
    """Debian's Chromium, or the one named by $CHROMIUM; None when there is none."""
    for candidate in (
        os.environ.get("CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _conflicts_report(path: Path) -> Path:
    """The report of tests/fixtures/conflicts (the bundled corpus has no conflict to show)."""
    from typer.testing import CliRunner

    from kzclaims.cli import app

    old = Path.cwd()
    os.chdir(ROOT / "tests" / "fixtures" / "conflicts")
    try:
        result = CliRunner().invoke(app, ["compare", "--format", "html", "--output", str(path)])
    finally:
        os.chdir(old)
    if result.exit_code != 0:
        raise SystemExit(f"kzclaims compare failed: {result.output}")
    return path


def main() -> int:
    chromium = find_chromium()
    if chromium is None:
        print("no Chromium found: apt-get install chromium, or set CHROMIUM", file=sys.stderr)
        return 1
    if not EXAMPLE_HTML.exists():
        print("docs/example-report.html is missing: run python docs/generate.py", file=sys.stderr)
        return 1
    import tempfile

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        reports = {"bundled": EXAMPLE_HTML, "conflicts": _conflicts_report(Path(tmp) / "c.html")}
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for name, report, width, height, full, to_filters in SHOTS:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(reports[report].as_uri())
                if to_filters:
                    page.evaluate("document.getElementById('filters').scrollIntoView()")
                options = {"quality": 80} if name.endswith(".jpg") else {}
                page.screenshot(path=str(ROOT / "docs" / name), full_page=full, **options)
                page.close()
                print(f"wrote docs/{name}")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
