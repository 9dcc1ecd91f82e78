"""Every machine format of the sample reports, compared exactly with its golden file.

Each report is rendered twice, from the dataclasses and from its saved JSON (so load_report is
exercised too), and both must equal the golden file. Regenerate after an intended change with
``KZCLAIMS_REGEN=1 pytest tests/test_render_*.py`` and review the diff.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from report_factory import EXPECTED, REPORTS, assert_golden, compared_report, sample_report

from kzclaims.model import Report
from kzclaims.render.github import render_github
from kzclaims.render.json import load_report
from kzclaims.render.junit import render_junit
from kzclaims.render.markdown import render_markdown

RENDERERS: dict[str, tuple[Callable[[Report], str], str]] = {
    "github": (render_github, "github"),
    "junit": (render_junit, "junit.xml"),
    "markdown": (render_markdown, "md"),
}
REPORTS_BY_NAME: dict[str, Callable[[], Report]] = {
    "sample": sample_report,
    "sample-compared": compared_report,
}


@pytest.mark.parametrize("report_name", list(REPORTS_BY_NAME))
@pytest.mark.parametrize("renderer", list(RENDERERS))
def test_golden(renderer: str, report_name: str) -> None:
    render, suffix = RENDERERS[renderer]
    text = render(load_report(REPORTS / f"{report_name}.json"))
    assert text == render(REPORTS_BY_NAME[report_name]())
    assert_golden(EXPECTED / f"{report_name}.{suffix}", text)
