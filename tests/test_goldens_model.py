"""Every fixture's model JSON equals its reviewed golden (fixtures/<name>.model.json).

Regenerate with `pytest --update-goldens` and read the diff before committing: the goldens are
the reader's specification for the layouts the fixtures stand for.
"""

from __future__ import annotations

import pytest

import convert

from conftest import FIXTURES, check_golden, fixture_articles


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda p: p.name)
def test_model_json_matches_golden(path, update_goldens):
    article = convert.parse(path.read_bytes(), path.name).value
    golden = FIXTURES / (path.name[: -len(".txt")] + ".model.json")
    check_golden(golden, convert.to_json(article), update_goldens)


def test_every_golden_has_its_fixture():
    """A golden whose input was renamed or removed would silently stop being checked."""
    inputs = {p.name[: -len(".txt")] for p in fixture_articles()}
    goldens = {p.name[: -len(".model.json")] for p in FIXTURES.glob("*.model.json")}
    assert goldens <= inputs, sorted(goldens - inputs)
