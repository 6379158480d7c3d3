"""Shared by the round-trip tests of the formats that cannot carry the whole model."""

from __future__ import annotations

import copy

from convert.modeljson import to_dict


def _drop(obj, path: list[str]) -> None:
    if obj is None:
        return
    head, rest = path[0], path[1:]
    if head.endswith("[]"):
        for item in obj.get(head[:-2], []):
            _drop(item, rest)
    elif not rest:
        obj.pop(head, None)
    else:
        _drop(obj.get(head), rest)


def without(article, not_carried) -> dict:
    """The model as JSON values minus the fields a format cannot carry, each given as a dotted
    path where `name[]` walks every item of a list (`entities[].mentions`)."""
    d = copy.deepcopy(to_dict(article))
    for path in not_carried:
        _drop(d, path.split("."))
    return d
