"""kzclaims: compare what several outlets report about the same event.

The library behind the ``kzclaims`` command. A run in four calls::

    import kzclaims

    claims = kzclaims.load_claims("claims.yaml")
    corpus = kzclaims.load_sources("sources")
    report = kzclaims.compare(claims, corpus)
    print(kzclaims.render_markdown(report))

Every stage passes frozen dataclasses (``Report``, ``ClaimResult``, ``Finding`` ...); the
renderers are pure functions of a ``Report``; bad input raises :class:`InputError` carrying
every problem with its ``path:line:col``. ``write_baseline`` saves a report atomically for the
next run's ``diff_reports``. Names are imported on first use, so ``import kzclaims`` (and the
command's start-up) stays fast.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

__all__ = [
    "Change",
    "Claim",
    "ClaimResult",
    "ClaimSet",
    "Conventions",
    "Corpus",
    "Explanation",
    "Finding",
    "InputError",
    "Kind",
    "KzclaimsError",
    "PartialDate",
    "Problem",
    "Report",
    "Source",
    "SourceInfo",
    "Tolerance",
    "Value",
    "__version__",
    "compare",
    "diff_reports",
    "explain",
    "fail_conditions",
    "load_claims",
    "load_report",
    "load_schema",
    "load_sources",
    "parse_claims",
    "read_values",
    "render_github",
    "render_html",
    "render_json",
    "render_junit",
    "render_markdown",
    "render_text",
    "report_to_dict",
    "with_changes",
    "write_atomic",
    "write_baseline",
]

#: where each public name lives (imported lazily by __getattr__)
_WHERE: dict[str, str] = {
    "Change": "kzclaims.model",
    "Claim": "kzclaims.model",
    "ClaimResult": "kzclaims.model",
    "ClaimSet": "kzclaims.model",
    "Finding": "kzclaims.model",
    "Kind": "kzclaims.model",
    "Conventions": "kzclaims.lang",
    "PartialDate": "kzclaims.model",
    "Report": "kzclaims.model",
    "Source": "kzclaims.model",
    "SourceInfo": "kzclaims.model",
    "Tolerance": "kzclaims.model",
    "Value": "kzclaims.model",
    "Corpus": "kzclaims.sources",
    "load_sources": "kzclaims.sources",
    "load_claims": "kzclaims.claims",
    "parse_claims": "kzclaims.claims",
    "compare": "kzclaims.pipeline",
    "explain": "kzclaims.pipeline",
    "Explanation": "kzclaims.pipeline",
    "diff_reports": "kzclaims.baseline",
    "with_changes": "kzclaims.baseline",
    "fail_conditions": "kzclaims.baseline",
    "InputError": "kzclaims.errors",
    "KzclaimsError": "kzclaims.errors",
    "Problem": "kzclaims.errors",
    "write_atomic": "kzclaims.io",
    "write_baseline": "kzclaims.io",
    "read_values": "kzclaims.values",
    "load_schema": "kzclaims.schemas",
    "render_json": "kzclaims.render.json",
    "load_report": "kzclaims.render.json",
    "report_to_dict": "kzclaims.render.json",
    "render_markdown": "kzclaims.render.markdown",
    "render_github": "kzclaims.render.github",
    "render_junit": "kzclaims.render.junit",
    "render_html": "kzclaims.render.html",
    "render_text": "kzclaims.render.text",
}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kzclaims")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value = _version()
    elif name in _WHERE:
        value = getattr(import_module(_WHERE[name]), name)
    else:
        raise AttributeError(f"module 'kzclaims' has no attribute {name!r}")
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(ModuleType):
    """The package module. ``kzclaims.compare`` and ``kzclaims.explain`` are the pipeline's
    functions, although ``kzclaims/compare.py`` is also a submodule (the verdict stage): Python
    would set the package attribute to that module when it is first imported. The submodule
    stays importable by its full name (``from kzclaims.compare import outliers``)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("compare", "explain") and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:  # for type checkers and editors: the real imports
    from kzclaims.baseline import diff_reports, fail_conditions, with_changes
    from kzclaims.claims import load_claims, parse_claims
    from kzclaims.errors import InputError, KzclaimsError, Problem
    from kzclaims.io import write_atomic, write_baseline
    from kzclaims.model import (
        Change,
        Claim,
        ClaimResult,
        ClaimSet,
        Finding,
        PartialDate,
        Report,
        Source,
        SourceInfo,
        Tolerance,
        Value,
    )
    from kzclaims.pipeline import Explanation, compare, explain
    from kzclaims.render.github import render_github
    from kzclaims.render.html import render_html
    from kzclaims.render.json import load_report, render_json, report_to_dict
    from kzclaims.render.junit import render_junit
    from kzclaims.render.markdown import render_markdown
    from kzclaims.render.text import render_text
    from kzclaims.schemas import load_schema
    from kzclaims.sources import Corpus, load_sources
    from kzclaims.values import read_values

    __version__: str
