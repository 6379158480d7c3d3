"""The bad-input collection (fixtures/invalid/): each input with its exact expected outcome.

Every `fixtures/invalid/<name>.expected.json` names its input (a file beside it, or `generate`d at
run time: the 1 MB line and the 50 MB article are never committed), extra CLI `args`, the exit
code of `newsconv convert` and the exact messages (code, severity, line, col, text) in order.
`pytest --update-goldens` rewrites `exit_code` and `messages` from the current behaviour: review
the diff. Where a result is produced, the model JSON validates and rebuilds the source exactly,
and every available writer's output passes its checks (FORMATS: one list, so a new writer is
covered without editing this file).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from convert.api import read_file
from convert.cli import main
from convert.decode import decode
from convert.errors import InputError
from convert.model import rebuild_source
from convert.modeljson import from_json
from convert.writers import available, write

from conftest import FIXTURES

INVALID = FIXTURES / "invalid"
EXPECTED = sorted(INVALID.glob("*.expected.json"))
FORMATS = sorted(available())
MESSAGE_LINE = re.compile(r"^(?P<file>.*?)(?::(?P<line>\d+)(?::(?P<col>\d+))?)?: "
                          r"(?P<code>NC\d{3}) (?P<severity>error|warning|info): (?P<text>.*)$")


def load(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def input_path(spec: dict, tmp_path: Path) -> Path:
    gen = spec.get("generate")
    if gen is None:
        return INVALID / spec["input"]
    text, size = gen["text"], gen["bytes"]
    data = (text * (size // len(text) + 1)).encode("utf-8")[:size]
    path = tmp_path / spec["input"]
    path.write_bytes(data)
    return path


def parse_messages(stderr: str) -> list[dict]:
    out = []
    for raw in stderr.splitlines():
        m = MESSAGE_LINE.match(raw)
        assert m, f"not a message line: {raw!r}"
        out.append({"code": m["code"], "severity": m["severity"],
                    "line": int(m["line"]) if m["line"] else None,
                    "col": int(m["col"]) if m["col"] else None, "text": m["text"]})
    return out


def run_convert(path: Path, args: list[str]):
    return CliRunner(env={"NEWSCONV_MAX_BYTES": None}).invoke(main, ["convert", str(path), "-t", "json", "--color",
                                                                      "never", *args])


def test_the_collection_covers_issue_9():
    names = {p.name.removesuffix(".expected.json") for p in EXPECTED}
    assert {"empty", "whitespace_only", "headline_only", "binary_png", "nul_in_text", "invalid_utf8",
            "utf16le_bom", "utf16le_no_bom", "mixed_line_endings", "single_line_1mb", "article_50mb",
            "control_characters", "outside_xml", "unbalanced_quotes", "mismatched_quotes", "nested_quotes",
            "xml_specials", "rtl_scripts", "combining_emoji"} <= names
    for p in EXPECTED:
        spec = load(p)
        assert spec.get("generate") or (INVALID / spec["input"]).is_file(), p.name


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_bad_input_gives_the_exact_expected_outcome(expected_path, tmp_path, update_goldens):
    spec = load(expected_path)
    path = input_path(spec, tmp_path)
    res = run_convert(path, spec["args"])
    assert res.exception is None or isinstance(res.exception, SystemExit), f"crashed: {res.exception!r}\n{res.output}"
    assert "Traceback" not in res.output
    actual = parse_messages(res.stderr)
    if update_goldens or spec["exit_code"] is None:
        if not update_goldens:
            pytest.fail(f"{expected_path.name} has no expected outcome yet; run pytest --update-goldens and review it")
        spec["exit_code"], spec["messages"] = res.exit_code, actual
        expected_path.write_text(json.dumps(spec, ensure_ascii=False, indent=2) + "\n", "utf-8")
        return
    assert (res.exit_code, actual) == (spec["exit_code"], spec["messages"])

    # the API says the same as the CLI: an InputError exactly when the CLI exits 1 without output
    max_bytes = int(spec["args"][spec["args"].index("--max-bytes") + 1]) if "--max-bytes" in spec["args"] else None
    kwargs = {"max_bytes": max_bytes} if max_bytes is not None else {}
    if spec["exit_code"] == 1 and not res.stdout:
        with pytest.raises(InputError) as info:
            read_file(path, **kwargs)
        assert [m.code for m in info.value.messages] == [m["code"] for m in actual]
        return
    assert res.exit_code == 0
    article = from_json(res.stdout)  # validates against the packaged schema
    assert rebuild_source(article) == decode(path.read_bytes()).text
    assert article == read_file(path, **kwargs).value


READABLE = [p for p in EXPECTED if load(p)["exit_code"] == 0]


def check_output(fmt: str, data: bytes, name: str) -> None:
    """The package's own checks for `fmt` (convert.checks.<fmt>) when present, else well-formedness."""
    assert data
    if fmt == "json":
        from_json(data)
        return
    if importlib.util.find_spec(f"convert.checks.{fmt}") is not None:
        problems = importlib.import_module(f"convert.checks.{fmt}").check(data, name)
        assert not [m for m in problems if m.severity == "error"], [m.render() for m in problems]
    elif name.endswith((".xml", ".jsonld", ".json")) and not name.endswith(".docx"):
        if name.endswith(".xml"):
            from lxml import etree

            etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        else:
            json.loads(data)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("expected_path", READABLE, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_every_writer_handles_what_was_read(expected_path, fmt, tmp_path):
    spec = load(expected_path)
    article = read_file(input_path(spec, tmp_path)).value
    result = write(article, fmt)
    assert not result.errors, [m.render() for m in result.errors]
    check_output(fmt, result.value, f"out{available()[fmt].suffix}")


#: format -> the official validator in ../shared/tools that checks its output (one call for many files)
OFFICIAL = {"newsml": "check_newsml.py", "jsonld": "check_jsonld.py"}


@pytest.mark.parametrize("fmt", sorted(OFFICIAL))
def test_outputs_of_readable_bad_inputs_pass_the_official_validators(fmt, shared, tmp_path):
    if fmt not in available():
        pytest.skip(f"the {fmt} writer is not in this installation")
    import subprocess
    import sys

    files = []
    for expected_path in READABLE:
        spec = load(expected_path)
        article = read_file(input_path(spec, tmp_path)).value
        out = tmp_path / f"{expected_path.name.removesuffix('.expected.json')}{available()[fmt].suffix}"
        out.write_bytes(write(article, fmt).value)
        files.append(str(out))
    proc = subprocess.run([sys.executable, str(shared / "tools" / OFFICIAL[fmt]), *files],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
