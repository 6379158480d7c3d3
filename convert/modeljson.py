"""Model <-> JSON, driven by the dataclass definitions themselves.

Why generic: a hand-written `to_dict` per class drifts from the dataclasses the first time a field
is added. Here the field list and the type hints are read once per class and cached, so the JSON
always follows the model, and `tests/test_model_schema.py` keeps the schema following both.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache

from . import messages
from .errors import InputError, ModelVersionError
from .model import MODEL_VERSION, Article

_ATOMS = (str, int, float, bool, type(None))


@cache
def _fields(cls: type) -> tuple[tuple[str, object], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def to_dict(obj) -> object:
    """A dataclass tree as plain JSON values (tuples become lists; field order kept)."""
    if dataclasses.is_dataclass(obj):
        return {name: to_dict(getattr(obj, name)) for name, _ in _fields(type(obj))}
    if isinstance(obj, tuple):
        return [to_dict(v) for v in obj]
    return obj


def _build(tp, value, path: str):
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _build(inner[0], value, path)
    if origin is tuple:
        (item_tp, _ellipsis) = typing.get_args(tp)
        if not isinstance(value, list):
            raise TypeError(f"{path}: expected an array")
        return tuple(_build(item_tp, v, f"{path}[{i}]") for i, v in enumerate(value))
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value, path)
    if tp in _ATOMS:
        if tp is float and isinstance(value, int):
            return float(value)
        if not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
            raise TypeError(f"{path}: expected {tp.__name__}")
        return value
    raise TypeError(f"{path}: unsupported type {tp!r}")  # pragma: no cover - model guard


def from_dict(cls: type, data: dict, path: str = "$"):
    """Build dataclass `cls` from JSON values; unknown keys are refused (no silent loss)."""
    if not isinstance(data, dict):
        raise TypeError(f"{path}: expected an object")
    fields = _fields(cls)
    names = {n for n, _ in fields}
    unknown = set(data) - names
    if unknown:
        raise TypeError(f"{path}: unknown field(s) {', '.join(sorted(unknown))}")
    kwargs = {}
    for name, tp in fields:
        if name in data:
            kwargs[name] = _build(tp, data[name], f"{path}.{name}")
    return cls(**kwargs)


def to_json(article: Article, *, indent: int | None = 2) -> str:
    """The model JSON of `article` (UTF-8 text, keys in model order, trailing newline)."""
    return json.dumps(to_dict(article), ensure_ascii=False, indent=indent) + "\n"


def check_version(version: object, source: str | None = None) -> None:
    """Refuse a model whose major version this newsconv does not know, saying what to do."""
    supported = MODEL_VERSION.split(".")[0]
    if not isinstance(version, str) or version.split(".")[0] != supported:
        msg = messages.make("NC403", file=source, path="$.model_version", version=version,
                            supported=f"{supported}.x")
        raise ModelVersionError(msg.text, (msg,))


def from_json(data: str | bytes | dict, *, source: str | None = None, validate: bool = True) -> Article:
    """Read model JSON back into an Article.

    Raises ModelVersionError for an unknown major model_version and InputError (with one Message
    per schema error, each with its JSON path) for anything else that does not fit."""
    if not isinstance(data, dict):
        from .jsonsafe import load_json  # size and depth limits before parsing (issue 9)

        data = load_json(data, source=source)
    if not isinstance(data, dict):
        msg = messages.make("NC401", file=source, path="$", detail="the top level must be an object")
        raise InputError(msg.text, (msg,))
    check_version(data.get("model_version"), source)
    if validate:
        from .schema import validate_model

        problems = validate_model(data, source=source)
        if problems:
            raise InputError(problems[0].text, tuple(problems))
    try:
        return from_dict(Article, data)
    except TypeError as exc:
        msg = messages.make("NC401", file=source, detail=str(exc))
        raise InputError(msg.text, (msg,)) from None


__all__ = ["to_dict", "from_dict", "to_json", "from_json", "check_version"]
