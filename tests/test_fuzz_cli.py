"""Property test (hypothesis) of the whole CLI on generated manifests (QA6): whatever
``sources/sources.yaml`` holds -- random keys, types, unicode, huge numbers, nesting, files
that are not there, a byte-order mark, CRLF -- ``check``, ``compare`` and ``sources`` end with
exit 0, 1 or 2 and a message, never an internal error (exit 3). It found QA6 Q2: a missing
file beside a source dated by its year-less dateline crashed ``check``."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_main import run_main
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

CLAIMS = (
    "version: 1\nclaims:\n  - id: troops\n    title: Number of troops\n    kind: count\n"
    "    find: [troops deployed]\n    unit: troops\n  - id: start\n    title: Start date\n"
    "    kind: date\n    find: withdrawal starts\n"
)
SOURCE = "ALMATY, Jan 11 - 2,030 troops deployed. The withdrawal starts in two days.\n"


def _run(cwd: Path, *args: str) -> tuple[int, str]:
    code, _, err = run_main("-q", *args, cwd=cwd)
    return code, err


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(), st.text(max_size=20), st.dates().map(str),
    st.sampled_from(["a.txt", "0", "missing.txt", "../a.txt", "file://x", "ru", "en", "de"]),
)
_ANY = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.one_of(st.text(max_size=8), st.sampled_from(["sources", "file", "id"])),
            inner, max_size=4,
        ),
    ),
    max_leaves=12,
)
_ENTRY = st.fixed_dictionaries(
    {"file": _SCALARS},
    optional={k: _SCALARS for k in ("id", "outlet", "published", "as_of", "language", "url")},
)
_MANIFEST = st.one_of(
    st.fixed_dictionaries(
        {"sources": st.one_of(st.lists(_ENTRY, max_size=3).map(
            lambda es: [{"file": "a.txt"}, *es]), _ANY)}
    ),
    _ANY,
)


def _dump(doc: Any, crlf: bool, bom: bool) -> bytes:
    text = yaml.safe_dump(doc, allow_unicode=True)
    if crlf:
        text = text.replace("\n", "\r\n")
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass")


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KZCLAIMS_DEBUG", raising=False)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@example(doc={"sources": [{"file": "a.txt"}, {"file": "0"}]}, crlf=False, bom=False)
@given(_MANIFEST, st.booleans(), st.booleans())
def test_any_manifest_is_a_report_or_input_errors(doc: Any, crlf: bool, bom: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp)
        (top / "sources").mkdir()
        (top / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
        (top / "sources" / "a.txt").write_text(SOURCE, encoding="utf-8")
        (top / "sources" / "sources.yaml").write_bytes(_dump(doc, crlf, bom))
        for command in (["check"], ["compare", "-f", "json"], ["sources"]):
            code, err = _run(top, *command)
            assert code in (0, 1, 2), (command, doc, err)
            assert "internal error" not in err, (command, doc, err)
            if code == 2:
                assert err.strip(), (command, doc)
