"""JSON Schemas (draft 2020-12) of the two input files, for editors and other tools.

``claims.schema.json`` describes ``claims.yaml``; ``sources.schema.json`` describes
``sources/sources.yaml``; ``report.schema.json`` describes the JSON report (``--format json``,
the baseline). Point an editor at them with a first line such as
``# yaml-language-server: $schema=./kzclaims/schemas/claims.schema.json``, or print them with
``kzclaims schema claims``.

Dates. YAML 1.1 loaders (PyYAML) turn an unquoted ``2022-01-13`` into a date object, JSON has no
date type, and editors' YAML 1.2 loaders keep it as text. The schemas therefore describe dates
as strings (``"YYYY-MM-DD"``, ``"YYYY-MM"``, ``"YYYY"``; a bare year may also be an integer).
To validate a file with :mod:`jsonschema`, load it so that dates stay strings (a SafeLoader
without the timestamp resolver), as ``tests/test_schema.py`` does.

The loaders (``kzclaims.claims``, ``kzclaims.sources``) remain the authority. The schemas are
as strict as the contract and cannot express everything the loaders check: unique ids,
``[low, high]`` with low <= high, a date range that ends after it starts, real calendar days
(``2022-02-30``). Where the loaders are lenient (a number written in quotes, a source field left
empty), the schemas ask for the canonical form.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Literal

__all__ = ["SCHEMA_NAMES", "load_schema"]

SCHEMA_NAMES: tuple[str, ...] = ("claims", "sources", "report")


def load_schema(name: Literal["claims", "sources", "report"]) -> dict[str, Any]:
    """The JSON Schema of ``claims.yaml`` (``"claims"``), of the manifest (``"sources"``) or of
    the JSON report (``"report"``, also the baseline format)."""
    if name not in SCHEMA_NAMES:
        raise ValueError(f"unknown schema {name!r}; choose from {', '.join(SCHEMA_NAMES)}")
    text = resources.files("kzclaims.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
