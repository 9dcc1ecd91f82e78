"""The JSON Schemas of claims.yaml and sources.yaml, and their agreement with the loaders.

Every example below is checked against BOTH the schema (jsonschema, draft 2020-12) and the
loader (``kzclaims.claims.parse_claims`` / ``kzclaims.sources.parse_manifest``): a valid example
must pass both, an invalid one must be rejected by both.

How YAML is turned into a JSON instance for the schema: the way an editor's YAML 1.2 loader
sees it. Dates stay strings (PyYAML would make ``2022-01-13`` a ``datetime.date``, which JSON
Schema cannot type), and ``1.6e3`` is a number (PyYAML's YAML 1.1 float needs a signed
exponent, so it would read it as a string). See :func:`yaml_instance`.

Some differences cannot be expressed in JSON Schema or are deliberate; they are listed in
KNOWN_GAPS with what each side says, so a change on either side shows up here:

* duplicate ids, ``[low, high]`` with low > high, a date range ending before it starts and
  impossible calendar days (``2022-02-30``) are rejected by the loader only;
* the schema asks for canonical forms where the loader is lenient: a quoted number
  (``expected: "2030"``), a source field left empty (``outlet:``), ``2022-1-5``;
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

jsonschema = pytest.importorskip("jsonschema")

from kzclaims.errors import InputError  # noqa: E402
from kzclaims.schemas import SCHEMA_NAMES, load_schema  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

try:
    from kzclaims.claims import parse_claims
    from kzclaims.sources import parse_manifest

    HAVE_LOADERS = True
except ImportError:  # the loaders are not there yet
    HAVE_LOADERS = False

needs_loaders = pytest.mark.skipif(not HAVE_LOADERS, reason="kzclaims loaders not importable")


class _EditorLikeLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver, with YAML 1.2 floats such as ``1.6e3``."""


_EditorLikeLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_EditorLikeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)[eE][-+]?[0-9]+$"),
    list("-+0123456789."),
)


def yaml_instance(text: str) -> Any:
    return yaml.load(text, Loader=_EditorLikeLoader)  # a SafeLoader subclass: safe


def schema_errors(name: str, text: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(load_schema(name))  # type: ignore[arg-type]
    return [e.message for e in validator.iter_errors(yaml_instance(text))]


def loader_accepts(name: str, text: str) -> bool:
    try:
        if name == "claims":
            parse_claims(text, "claims.yaml")
        else:
            parse_manifest(text, "sources.yaml")
    except InputError:
        return False
    return True


# ---- the schemas themselves ------------------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = load_schema(name)  # type: ignore[arg-type]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def _walk_properties(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for key, sub in node.get("properties", {}).items():
            out.append((f"{path}.{key}", sub))
        for key, sub in node.items():
            if key != "properties" and key != "allOf":
                out += _walk_properties(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            out += _walk_properties(sub, f"{path}[{i}]")
    return out


@pytest.mark.parametrize("name", ["claims", "sources"])  # the files people edit (not the report)
def test_every_property_is_documented_for_editors(name: str) -> None:
    schema = load_schema(name)  # type: ignore[arg-type]
    defs = schema.get("$defs", {})
    props = _walk_properties({k: v for k, v in schema.items() if k != "$defs"})
    props += _walk_properties(defs)
    assert props
    for path, prop in props:
        if "$ref" in prop and "description" not in prop:
            prop = defs[prop["$ref"].rsplit("/", 1)[1]]
        assert prop.get("description"), path
        assert prop.get("markdownDescription"), path
        if "title" not in prop:  # a $ref'd definition carries the title
            continue
        assert prop["title"], path


def test_unknown_schema_name() -> None:
    with pytest.raises(ValueError, match="unknown schema"):
        load_schema("everything")  # type: ignore[arg-type]


# ---- the bundled files ---------------------------------------------------------------------


@pytest.mark.parametrize(("name", "path"), [("claims", "claims.yaml"),
                                            ("sources", "sources/sources.yaml")])
def test_bundled_file_is_valid(name: str, path: str) -> None:
    file = ROOT / path
    if not file.exists():
        pytest.skip(f"{path} does not exist yet")
    text = file.read_text(encoding="utf-8")
    assert schema_errors(name, text) == []
    if HAVE_LOADERS:
        assert loader_accepts(name, text)


# ---- claims.yaml examples ------------------------------------------------------------------


def claims_doc(body: str, head: str = "version: 1\n") -> str:
    return head + "claims:\n" + textwrap.indent(textwrap.dedent(body).strip("\n"), "  ") + "\n"


STATEMENT = """\
- id: csto-appeal
  title: Kazakhstan appealed to the CSTO
  kind: statement
  find: appealed to the CSTO
"""

VALID_CLAIMS = {
    "minimal statement": claims_doc(STATEMENT),
    "title only, no find": claims_doc("- {id: a, title: How many died, kind: count}"),
    # QA8 Q17: a verified range for a count or a number, as for a percentage
    "count range": claims_doc("- {id: a, title: A, kind: count, expected: [2000, 2500]}"),
    "number range": claims_doc("- {id: a, title: A, kind: number, expected: [1.5, 2]}"),
    "everything": "version: 1\ntitle: T\ndefaults:\n  threshold: 80\n" + claims_doc("""\
        - id: csto-troops
          title: Size of the CSTO contingent
          kind: count
          find: [CSTO peacekeeping mission troops, mission consists of troops]
          unit: [troops, soldiers]
          expected: 2030
          tolerance: 5%
          threshold: 90
          notes: free text
        """, head=""),
    "count tolerance absolute": claims_doc("""\
        - {id: c, title: C, kind: count, find: x, expected: 0, tolerance: 50}
        """),
    "number 1.6e3": claims_doc("- {id: n, title: N, kind: number, find: x, expected: 1.6e3}"),
    "number negative float": claims_doc("- {id: n, title: N, kind: number, find: x, "
                                        "expected: -3.5}"),
    "percent": claims_doc("- {id: p, title: P, kind: percent, find: x, expected: 30}"),
    "percent range": claims_doc("- {id: p, title: P, kind: percent, find: x, "
                                "expected: [3, 4]}"),
    "percent text": claims_doc("- {id: p, title: P, kind: percent, find: x, expected: 30%}"),
    "date": claims_doc("- {id: d, title: D, kind: date, find: x, expected: 2022-01-13, "
                       "tolerance: 1}"),
    "date month": claims_doc("- {id: d, title: D, kind: date, find: x, expected: 2022-01}"),
    "date year": claims_doc("- {id: d, title: D, kind: date, find: x, expected: 2022}"),
    "date range": claims_doc("- {id: r, title: R, kind: date_range, find: x, "
                             "expected: [2022-01-05, 2022-01-19]}"),
    "duration days": claims_doc("- {id: u, title: U, kind: duration, find: x, "
                                "expected: 10 days}"),
    "duration weeks": claims_doc("- {id: u, title: U, kind: duration, find: x, "
                                 "expected: 3 weeks, tolerance: 2}"),
    "duration one month": claims_doc("- {id: u, title: U, kind: duration, find: x, "
                                     "expected: 1 month}"),
    "duration number": claims_doc("- {id: u, title: U, kind: duration, find: x, expected: 14}"),
    "threshold bounds": "version: 1\ndefaults: {threshold: 0}\n" + claims_doc(
        "- {id: a, title: A, kind: statement, find: x, threshold: 100}", head=""),
    "two claims, unit text": claims_doc(STATEMENT + textwrap.dedent("""\
        - id: troops-2
          title: Troops
          kind: count
          find:
            - troops
          unit: troops
        """)),
}

INVALID_CLAIMS = {
    "unknown top-level key": "titel: x\n" + claims_doc(STATEMENT),
    "unknown claim key": claims_doc(STATEMENT + "  expect: 5\n"),
    "unknown defaults key": "version: 1\ndefaults: {treshold: 70}\n" + claims_doc(
        STATEMENT, head=""),
    "version 2": claims_doc(STATEMENT, head="version: 2\n"),
    "version text": claims_doc(STATEMENT, head="version: one\n"),
    "version missing": claims_doc(STATEMENT, head=""),
    "claims missing": "version: 1\n",
    "claims empty": "version: 1\nclaims: []\n",
    "claims not a list": "version: 1\nclaims: {id: a}\n",
    "claim not a mapping": "version: 1\nclaims:\n  - just text\n",
    "root is a list": "- version: 1\n",
    "bad id (capitals, underscore)": claims_doc(STATEMENT.replace("csto-appeal", "CSTO_appeal")),
    "bad id (leading dash)": claims_doc(STATEMENT.replace("csto-appeal", "-appeal")),
    "bad id (space)": claims_doc(STATEMENT.replace("csto-appeal", "'csto appeal'")),
    "id missing": claims_doc("- {title: A, kind: statement, find: x}"),
    "title missing": claims_doc("- {id: a, kind: statement, find: x}"),
    "title wrong type": claims_doc("- {id: a, title: [A], kind: statement, find: x}"),
    "title blank": claims_doc("- {id: a, title: ' ', kind: statement, find: x}"),
    "unknown kind": claims_doc("- {id: a, title: A, kind: counts, find: x}"),
    "kind missing": claims_doc("- {id: a, title: A, find: x}"),
    "find empty list": claims_doc("- {id: a, title: A, kind: statement, find: []}"),
    "find empty text": claims_doc("- {id: a, title: A, kind: statement, find: ''}"),
    "find mapping": claims_doc("- {id: a, title: A, kind: statement, find: {a: b}}"),
    "unit empty text": claims_doc("- {id: a, title: A, kind: count, find: x, unit: ['']}"),
    "notes not text": claims_doc("- {id: a, title: A, kind: statement, find: x, notes: [1]}"),
    "threshold 150": claims_doc("- {id: a, title: A, kind: statement, find: x, "
                                "threshold: 150}"),
    "threshold negative default": "version: 1\ndefaults: {threshold: -1}\n" + claims_doc(
        STATEMENT, head=""),
    "threshold boolean": claims_doc("- {id: a, title: A, kind: statement, find: x, "
                                    "threshold: true}"),
    "count: fraction": claims_doc("- {id: a, title: A, kind: count, find: x, expected: 2030.5}"),
    "count: negative": claims_doc("- {id: a, title: A, kind: count, find: x, expected: -1}"),
    "count: words": claims_doc("- {id: a, title: A, kind: count, find: x, expected: many}"),
    "count: three-element range": claims_doc("- {id: a, title: A, kind: count, find: x, "
                                             "expected: [1, 2, 3]}"),
    "count: fraction in a range": claims_doc("- {id: a, title: A, kind: count, find: x, "
                                             "expected: [1.5, 2]}"),
    "number: words": claims_doc("- {id: a, title: A, kind: number, find: x, expected: lots}"),
    "number: date": claims_doc("- {id: a, title: A, kind: number, find: x, "
                               "expected: 2022-01-13}"),
    "percent: one-element range": claims_doc("- {id: a, title: A, kind: percent, find: x, "
                                             "expected: [3]}"),
    "percent: three-element range": claims_doc("- {id: a, title: A, kind: percent, find: x, "
                                               "expected: [3, 4, 5]}"),
    "percent: words": claims_doc("- {id: a, title: A, kind: percent, find: x, "
                                 "expected: a third}"),
    "date: words": claims_doc("- {id: a, title: A, kind: date, find: x, "
                              "expected: January 2022}"),
    "date: month 13": claims_doc("- {id: a, title: A, kind: date, find: x, expected: 2022-13}"),
    "date: list": claims_doc("- {id: a, title: A, kind: date, find: x, "
                             "expected: [2022-01-05, 2022-01-06]}"),
    "date: percent tolerance": claims_doc("- {id: a, title: A, kind: date, find: x, "
                                          "expected: 2022-01-13, tolerance: 5%}"),
    "date_range: one date": claims_doc("- {id: a, title: A, kind: date_range, find: x, "
                                       "expected: 2022-01-05}"),
    "date_range: one-element list": claims_doc("- {id: a, title: A, kind: date_range, "
                                               "find: x, expected: [2022-01-05]}"),
    "date_range: not dates": claims_doc("- {id: a, title: A, kind: date_range, find: x, "
                                        "expected: [start, end]}"),
    "duration: unknown unit": claims_doc("- {id: a, title: A, kind: duration, find: x, "
                                         "expected: 10 fortnights}"),
    "duration: negative": claims_doc("- {id: a, title: A, kind: duration, find: x, "
                                     "expected: -3}"),
    "statement with expected": claims_doc(STATEMENT + "  expected: true\n"),
    "statement with tolerance": claims_doc(STATEMENT + "  tolerance: 1\n"),
    "tolerance negative": claims_doc("- {id: a, title: A, kind: count, find: x, "
                                     "tolerance: -1}"),
    "tolerance words": claims_doc("- {id: a, title: A, kind: count, find: x, "
                                  "tolerance: five}"),
    "tolerance list": claims_doc("- {id: a, title: A, kind: count, find: x, "
                                 "tolerance: [1, 2]}"),
}


@pytest.mark.parametrize("text", VALID_CLAIMS.values(), ids=VALID_CLAIMS.keys())
def test_valid_claims_schema(text: str) -> None:
    assert schema_errors("claims", text) == []


@needs_loaders
@pytest.mark.parametrize("text", VALID_CLAIMS.values(), ids=VALID_CLAIMS.keys())
def test_valid_claims_loader(text: str) -> None:
    parse_claims(text, "claims.yaml")


@pytest.mark.parametrize("text", INVALID_CLAIMS.values(), ids=INVALID_CLAIMS.keys())
def test_invalid_claims_schema(text: str) -> None:
    assert schema_errors("claims", text) != []


@needs_loaders
@pytest.mark.parametrize("text", INVALID_CLAIMS.values(), ids=INVALID_CLAIMS.keys())
def test_invalid_claims_loader(text: str) -> None:
    with pytest.raises(InputError) as ei:
        parse_claims(text, "claims.yaml")
    assert all(p.line is not None for p in ei.value.errors)  # positions, as the contract says


def test_at_least_fifteen_invalid_examples() -> None:
    assert len(INVALID_CLAIMS) >= 15 and len(VALID_CLAIMS) >= 10


# ---- sources.yaml examples -----------------------------------------------------------------

VALID_MANIFESTS = {
    "file only": "sources:\n  - file: a.txt\n",
    "quoted published date": "sources:\n  - {file: a.txt, published: '2022-01-12'}\n",
    "everything": textwrap.dedent("""\
        sources:
          - file: tdi-2022-01-12.txt
            id: tdi
            outlet: The Diplomatic Insight
            title: Plenary session of the Majilis
            published: 2022-01-12
            as_of: 2022-01-11
            url: https://example.org/tdi
            language: en
          - file: sub/akorda.md
            id: akorda.kz_2
        """),
}

INVALID_MANIFESTS = {
    "sources missing": "{}\n",
    "sources empty": "sources: []\n",
    "unknown top-level key": "sources:\n  - file: a.txt\nversion: 1\n",
    "unknown entry key": "sources:\n  - file: a.txt\n    date: 2022-01-12\n",
    "file missing": "sources:\n  - id: a\n",
    "file absolute": "sources:\n  - file: /etc/passwd\n",
    "file leaves the folder": "sources:\n  - file: ../secret.txt\n",
    "file leaves the folder (deeper)": "sources:\n  - file: a/../../secret.txt\n",
    "bad id": "sources:\n  - {file: a.txt, id: 'bad id!'}\n",
    "published words": "sources:\n  - {file: a.txt, published: January 12}\n",
    "published month 13": "sources:\n  - {file: a.txt, published: 2022-13-01}\n",
    "as_of number": "sources:\n  - {file: a.txt, as_of: 12}\n",
    "outlet list": "sources:\n  - {file: a.txt, outlet: [a, b]}\n",
    "url number": "sources:\n  - {file: a.txt, url: 5}\n",
    "language blank": "sources:\n  - {file: a.txt, language: ' '}\n",
    "entry not a mapping": "sources:\n  - a.txt\n",
    "root is a list": "- file: a.txt\n",
}


@pytest.mark.parametrize("text", VALID_MANIFESTS.values(), ids=VALID_MANIFESTS.keys())
def test_valid_manifest_schema(text: str) -> None:
    assert schema_errors("sources", text) == []


@needs_loaders
@pytest.mark.parametrize("text", VALID_MANIFESTS.values(), ids=VALID_MANIFESTS.keys())
def test_valid_manifest_loader(text: str) -> None:
    parse_manifest(text, "sources.yaml")


@pytest.mark.parametrize("text", INVALID_MANIFESTS.values(), ids=INVALID_MANIFESTS.keys())
def test_invalid_manifest_schema(text: str) -> None:
    assert schema_errors("sources", text) != []


@needs_loaders
@pytest.mark.parametrize("text", INVALID_MANIFESTS.values(), ids=INVALID_MANIFESTS.keys())
def test_invalid_manifest_loader(text: str) -> None:
    with pytest.raises(InputError):
        parse_manifest(text, "sources.yaml")


# ---- known gaps: (schema accepts, loader accepts) as they are today -----------------------------

KNOWN_GAPS: dict[str, tuple[str, str, bool, bool]] = {
    # name: (schema, text, schema accepts, loader accepts)
    "duplicate claim id (not expressible)": ("claims", claims_doc(STATEMENT + STATEMENT),
                                             True, False),
    "percent range low > high": ("claims", claims_doc(
        "- {id: a, title: A, kind: percent, find: x, expected: [4, 3]}"), True, False),
    "date range backwards": ("claims", claims_doc(
        "- {id: a, title: A, kind: date_range, find: x, expected: [2022-01-19, 2022-01-05]}"),
        True, False),
    "impossible calendar day": ("claims", claims_doc(
        "- {id: a, title: A, kind: date, find: x, expected: 2022-02-30}"), True, False),
    "quoted count (loader lenient)": ("claims", claims_doc(
        "- {id: a, title: A, kind: count, find: x, expected: '2030'}"), False, True),
    "one-digit month (loader lenient)": ("claims", claims_doc(
        "- {id: a, title: A, kind: date, find: x, expected: 2022-1-5}"), False, True),
    "duplicate source id (not expressible)": ("sources",
                                              "sources:\n  - {file: a.txt, id: x}\n"
                                              "  - {file: b.txt, id: x}\n", True, False),
    "empty outlet (loader lenient)": ("sources", "sources:\n  - file: a.txt\n    outlet:\n",
                                      False, True),
}


@needs_loaders
@pytest.mark.parametrize("case", KNOWN_GAPS.values(), ids=KNOWN_GAPS.keys())
def test_known_gaps_are_as_documented(case: tuple[str, str, bool, bool]) -> None:
    name, text, schema_ok, loader_ok = case
    assert (schema_errors(name, text) == []) is schema_ok
    assert loader_accepts(name, text) is loader_ok


def test_yaml_instance_keeps_dates_as_text() -> None:
    assert yaml_instance("a: 2022-01-13\nb: 1.6e3\nc: 2022\nd: 2022-01") == {
        "a": "2022-01-13", "b": 1600.0, "c": 2022, "d": "2022-01"}
