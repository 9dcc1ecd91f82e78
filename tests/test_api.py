"""The public library API: ``import kzclaims`` exposes it, lazily, with ``__all__``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import kzclaims

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "corpus"


def test_every_name_in_all_resolves() -> None:
    for name in kzclaims.__all__:
        assert getattr(kzclaims, name) is not None, name
    assert set(kzclaims.__all__) <= set(dir(kzclaims))
    with pytest.raises(AttributeError):
        kzclaims.not_a_name  # noqa: B018


def test_the_types_read_values_is_annotated_with_are_public() -> None:
    """QA9 Q13: a script typing its calls of read_values had to import kzclaims.model and
    kzclaims.lang for `Kind` and `Conventions`."""
    import datetime
    import typing

    # every name its annotations use resolves among the public names (and datetime's)
    public = {name: getattr(kzclaims, name) for name in kzclaims.__all__}
    hints = typing.get_type_hints(kzclaims.read_values, globalns={**public, "dt": datetime})
    assert "Kind" in kzclaims.__all__ and "Conventions" in kzclaims.__all__
    assert typing.get_args(hints["kind"])[0] is kzclaims.Kind
    assert typing.get_args(hints["conventions"])[0] is kzclaims.Conventions
    assert set(typing.get_args(kzclaims.Kind)) == {
        "count", "number", "percent", "date", "date_range", "duration", "statement"
    }


def test_version_matches_the_package_metadata() -> None:
    from importlib.metadata import version

    assert kzclaims.__version__ == version("kzclaims")


def test_a_run_through_the_library(tmp_path: Path) -> None:
    claims = kzclaims.load_claims(FIXTURE / "claims.yaml", "claims.yaml")
    corpus = kzclaims.load_sources(FIXTURE / "sources", "sources")
    report = kzclaims.compare(claims, corpus)
    assert isinstance(report, kzclaims.Report)
    assert [c.verdict for c in report.claims] == ["conflict", "agree", "agree", "missing"]
    for render in (
        kzclaims.render_json, kzclaims.render_markdown, kzclaims.render_github,
        kzclaims.render_junit, kzclaims.render_html, kzclaims.render_text,
    ):
        assert render(report)
    kzclaims.write_baseline(tmp_path / "base.json", report)
    old = kzclaims.load_report(tmp_path / "base.json")
    assert kzclaims.diff_reports(old, report) == ()
    assert kzclaims.explain(claims.claims[0], corpus).claim.id == "troops"
    with pytest.raises(kzclaims.InputError) as info:
        kzclaims.parse_claims("version: 1\nclaims: 3\n", "c.yaml")
    assert str(info.value.problems[0]).startswith("c.yaml:2:9: error:")


def test_sources_held_in_memory_as_the_readme_shows() -> None:
    import datetime

    from kzclaims.lang import detect

    claims = kzclaims.parse_claims(
        "version: 1\nclaims:\n  - id: troops\n    title: Troops\n    kind: count\n"
        "    find: mission consists of troops\n    unit: troops\n", "c.yaml")
    text = "The mission consists of 2,030 troops and 250 units of military equipment."
    ru = "Миссия состоит из 2 030 военнослужащих."
    wire = kzclaims.Source(id="wire", file="wire.txt", text=text, outlet="Wire",
                           published=datetime.date(2022, 1, 12), language=detect(text))
    tass = kzclaims.Source(id="tass", file="tass.txt", text=ru, outlet="TASS", language=detect(ru))
    report = kzclaims.compare(claims, kzclaims.Corpus(directory="", sources=(wire, tass)))
    assert [(f.source, f.value) for f in report.claims[0].findings] == [
        ("wire", 2030), ("tass", 2030)]
    with pytest.raises(ValueError, match="unknown kind 'counts'; kinds are: count, number"):
        kzclaims.read_values("about 20", "counts")  # type: ignore[arg-type]


def test_importing_the_package_imports_no_heavy_library() -> None:
    code = (
        "import sys, kzclaims; kzclaims.__all__; "
        "print(sorted(m for m in ('yaml', 'rich', 'rapidfuzz', 'typer') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_readme_library_code_type_checks_with_mypy_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # kzclaims ships py.typed: a caller's type checker reads its types. The model classes are
    # made by kzclaims._dataclass.dataclass, which a type checker does not run; it must see the
    # standard decorator, or it refuses `kzclaims.Source(id="wire", ...)` from the README
    # ("Unexpected keyword argument "id" for "Source"") and every field of a Report is Any.
    api = pytest.importorskip("mypy.api")
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using kzclaims as a library", 1)[1].split("\n## ", 1)[0]
    code = "\n".join(re.findall(r"```python\n(.*?)```", section, re.S))
    assert "kzclaims.Source(" in code and "kzclaims.compare(" in code
    code += (
        "\nfirst: kzclaims.ClaimResult = report.claims[0]\n"
        "reveal_type(wire.published)\n"
    )
    script = tmp_path / "readme_library.py"
    script.write_text(code, encoding="utf-8")
    config = tmp_path / "mypy.ini"
    # kzclaims's own modules are read (silently: only the caller's errors count); the
    # libraries behind them are not, which keeps this to a few seconds
    others = ",".join(f"{m}.*" for m in (
        "rich", "rapidfuzz", "typer", "click", "yaml", "numpy", "trafilatura", "htmldate",
        "lxml", "pypdf", "docx", "fsspec", "dask", "distributed", "pymorphy3", "jsonschema",
    ))
    config.write_text(
        f"[mypy]\nstrict = True\nfollow_imports = silent\n[mypy-{others}]\n"
        "follow_imports = skip\nignore_missing_imports = True\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("MYPYPATH", str(Path(kzclaims.__file__).resolve().parent.parent))
    out, err, _ = api.run([
        f"--config-file={config}", f"--cache-dir={tmp_path / 'cache'}", "--no-error-summary",
        str(script),
    ])
    lines = [line for line in out.splitlines() if "error:" in line]
    assert lines == [], out + err
    assert 'Revealed type is "Union[datetime.date, None]"' in out or (
        'Revealed type is "datetime.date | None"' in out
    ), out
