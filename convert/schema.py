"""The packaged JSON Schema of the model, loaded once, and validation that reports every error.

Why `importlib.resources`: the schema ships inside the wheel (package `convert.schemas`, mapped
from the repository's `schemas/` folder) and is never fetched from the network. Why the format
checker: without it `"date": "yesterday"` would pass (python-jsonschema's default).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

from . import messages
from .result import Message

SCHEMA_NAME = "article.schema.json"

# The schema's patterns for the fields that readers of other formats (NewsML-G2, NITF, JSON-LD,
# ninjs) take over only when they fit, compiled once and shared (tests/test_schema.py checks them
# against the schema text, so the two cannot drift apart).
ID_PATTERN = re.compile(r"^urn:newsconv:[0-9a-f]{8,64}$")                   # /properties/id
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")          # /properties/language
SHA256_PATTERN = re.compile(r"^[0-9a-f]{64}$")                              # Source.sha256
DATE_PATTERN = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$")     # Dateline.date, Entity.date, DateMention.value


@cache
def schema_text() -> str:
    """The schema's JSON text, from the installed package or, in a source checkout, `schemas/`."""
    try:
        return resources.files("convert.schemas").joinpath(SCHEMA_NAME).read_text("utf-8")
    except ModuleNotFoundError:  # running from a checkout without installing: use the repo folder
        return (Path(__file__).resolve().parent.parent / "schemas" / SCHEMA_NAME).read_text("utf-8")


@cache
def model_schema() -> dict:
    return json.loads(schema_text())


@cache
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(model_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def json_path(parts) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def validate_model(data: object, *, source: str | None = None) -> list[Message]:
    """One NC401 Message per schema error, sorted by JSON path (empty list: valid)."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    return [messages.make("NC401", file=source, path=json_path(e.absolute_path), detail=e.message) for e in errors]


__all__ = ["schema_text", "model_schema", "validate_model", "json_path"]
