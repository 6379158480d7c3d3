"""The CLI's spine: convert to model JSON, validate model JSON, schema, formats, exit codes."""

from __future__ import annotations

import json

from click.testing import CliRunner

from convert.cli import main

from conftest import FIXTURES, SEED_NAME


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_convert_seed_to_json_on_stdout():
    res = run("convert", str(FIXTURES / SEED_NAME), "-t", "json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["headline"] is None and doc["title"]["derived"] is True
    assert doc["layout"] == "line-per-paragraph"
    assert "NC201" in res.stderr


def test_convert_stdin_and_file_output(tmp_path):
    out = tmp_path / "a.model.json"
    res = run("convert", "-", "-o", str(out), input="HEADLINE\n\nLONDON, March 3 - Body.\n")
    assert res.exit_code == 0, res.output
    assert json.loads(out.read_text())["dateline"]["place"] == "LONDON"
    again = run("convert", "-", "-o", str(out), input="X\n\nY.\n")
    assert again.exit_code == 3 and "NC803" in again.stderr
    forced = run("convert", "-", "-o", str(out), "--force", input="X\n\nY z.\n")
    assert forced.exit_code == 0


def test_validate_model_json_reports_every_error_and_exit_1(tmp_path):
    res = run("convert", str(FIXTURES / SEED_NAME))
    doc = json.loads(res.stdout)
    doc["language"] = 7
    doc["paragraphs"][2]["id"] = "para"
    bad = tmp_path / "bad.model.json"
    bad.write_text(json.dumps(doc))
    res = run("validate", str(bad))
    assert res.exit_code == 1
    assert "$.language" in res.stderr and "$.paragraphs[2].id" in res.stderr
    good = tmp_path / "good.model.json"
    good.write_text(run("convert", str(FIXTURES / SEED_NAME)).stdout)
    assert run("validate", str(good)).exit_code == 0


def test_binary_input_is_a_clear_error_not_a_traceback(tmp_path):
    f = tmp_path / "x.txt"
    f.write_bytes(b"abc\x00\x01\x02def")
    res = run("convert", str(f))
    assert res.exit_code == 1
    assert "NC101" in res.stderr and "byte offset 3" in res.stderr
    assert "Traceback" not in res.output


def test_usage_error_exit_2_and_formats_and_schema():
    assert run("convert", "x.txt", "-t", "nonsense").exit_code == 2
    formats = run("formats").stdout.split()
    assert "json" in formats
    assert json.loads(run("schema").stdout)["$schema"].endswith("2020-12/schema")


def test_outputs_get_ordinary_file_permissions(tmp_path):
    import os
    import stat

    out = tmp_path / "a.model.json"
    assert run("convert", "-", "-o", str(out), input="X\n\nY z.\n").exit_code == 0
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


def test_one_call_validate_api(tmp_path):
    """convert.validate(path_or_bytes) -> Report, as CONVENTIONS.md promises."""
    import convert

    good = convert.validate(FIXTURES / SEED_NAME)
    assert good.ok and good.format == "text"
    bad = convert.validate(b'{"model_version": "1.0"}', "bad.model.json")
    assert not bad.ok and {m.code for m in bad.messages} == {"NC401"}
    assert isinstance(bad, convert.Report)


def test_every_message_names_the_input_as_given(tmp_path):
    """Reader and writer messages carry the path the user typed, not only its base name."""
    sub = tmp_path / "desk"
    sub.mkdir()
    art = sub / "story.txt"
    art.write_bytes((FIXTURES / SEED_NAME).read_bytes())
    res = run("convert", str(art), "-t", "newsml", "-o", str(tmp_path / "x.newsml.xml"))
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.stderr.splitlines() if ": NC" in ln]
    assert lines and all(ln.startswith(str(art) + ":") for ln in lines), lines
    assert any(": NC5" in ln for ln in lines)  # a writer message too


def test_non_text_input_is_read_by_its_own_reader(tmp_path):
    model = tmp_path / "a.model.json"
    assert run("convert", str(FIXTURES / SEED_NAME), "-o", str(model)).exit_code == 0
    res = run("convert", str(model), "-t", "jsonld")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["@context"] == "https://schema.org"
