"""The s6 glue shortcuts give exactly what their plain forms give.

Why: the reader and the extraction glue make the model's ids and spans by the dozen per article,
so they take shortcuts (ids sliced from strings made once, spans of mentions and quotations made
without a tuple or a call each). Each test compares a shortcut with the plain form it replaces,
on generated input and on every fixture.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import convert
from convert.errors import InputError
from convert.textpos import SERIAL_IDS_KEPT, serial_ids

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))


def _plain_ids(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(1, n + 1)]


@pytest.mark.parametrize("prefix", ["p", "e", "q", "d", "x-"])
def test_serial_ids_are_the_plain_f_strings(prefix):
    for n in [*range(0, 40), SERIAL_IDS_KEPT - 1, SERIAL_IDS_KEPT, SERIAL_IDS_KEPT + 1, 2 * SERIAL_IDS_KEPT + 3]:
        got = serial_ids(prefix, n)
        assert list(got) == _plain_ids(prefix, n), (prefix, n)
        assert all(type(i) is str for i in got)


@given(st.text(max_size=4), st.integers(min_value=0, max_value=3 * SERIAL_IDS_KEPT))
def test_serial_ids_on_generated_prefixes(prefix, n):
    assert list(serial_ids(prefix, n)) == _plain_ids(prefix, n)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_model_ids_count_from_one_in_order(path):
    """Paragraphs, entities, quotations and dates carry p1.., e1.., q1.., d1.. in order (what the
    f-strings gave) on every fixture."""
    try:
        article = convert.parse(path.read_bytes(), path.name).value
    except InputError:
        return
    for prefix, items in (("p", article.paragraphs), ("e", article.entities), ("q", article.quotes),
                          ("d", article.dates)):
        assert [x.id for x in items] == _plain_ids(prefix, len(items))
