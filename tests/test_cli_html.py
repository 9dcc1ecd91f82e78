"""`--format html` through the command line, and the committed example report being current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from cli_main import invoke as run

ROOT = Path(__file__).resolve().parent.parent


def test_compare_html_on_stdout_and_to_a_file(corpus: Path) -> None:
    code, out, err = run("compare", "--format", "html")
    assert code == 0 and err == ""
    assert out.startswith("<!DOCTYPE html>") and out.endswith("</html>\n")
    assert "<h1>Fixture corpus</h1>" in out
    assert "<mark>Roughly 2,500 troops</mark>" in out
    assert 'id="claim-troops"' in out and 'data-conflict="1"' in out
    code, out2, err = run("compare", "-f", "html", "-o", "report.html")
    assert code == 0 and out2 == "" and err == ""
    assert (corpus / "report.html").read_text(encoding="utf-8") == out


def test_compare_html_with_baseline_marks_changes(corpus: Path) -> None:
    run("compare", "--format", "json", "--output", "baseline.json")
    daily = corpus / "sources" / "daily.txt"
    daily.write_text(daily.read_text(encoding="utf-8").replace("about 2,000", "about 2,900"),
                     encoding="utf-8")
    code, out, _ = run("compare", "-f", "html", "--baseline", "baseline.json")
    assert code == 0
    assert "since <code>baseline.json</code>" in out
    assert "Δ value changed" in out and 'data-changed="1"' in out


def test_diff_html(corpus: Path) -> None:
    run("compare", "--format", "json", "--output", "old.json")
    run("compare", "--format", "json", "--output", "new.json")
    code, out, _ = run("diff", "old.json", "new.json", "--format", "html")
    assert code == 0 and "No changes since <code>old.json</code>" in out


def test_example_report_in_docs_is_current() -> None:
    spec = importlib.util.spec_from_file_location("generate_docs", ROOT / "docs" / "generate.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert (ROOT / "docs" / "example-report.html").read_text(encoding="utf-8") == (
        gen.example_report()
    ), "docs/example-report.html is out of date: run python docs/generate.py"
