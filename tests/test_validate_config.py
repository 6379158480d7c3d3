"""`[tool.newsconv]` in pyproject.toml: found by walking up, checked, and overridden by the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from convert.cli import main
from convert.config import Config, ConfigError, find_pyproject, load_config, parse_config

ARTICLE = b"HEADLINE\n\nPARIS - The talks ended.\r\n\r\nMore text.\n"  # NC204 info + NC106 warning


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project with [tool.newsconv] at its root, run from a sub-folder."""
    (tmp_path / "articles" / "sub").mkdir(parents=True)
    (tmp_path / "articles" / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "articles" / "sub" / "b.txt").write_bytes(ARTICLE)
    (tmp_path / "articles" / "sub" / "draft.txt").write_bytes(b"")
    monkeypatch.chdir(tmp_path / "articles" / "sub")
    return tmp_path


def write_config(root, body: str):
    (root / "pyproject.toml").write_text(f'[project]\nname = "x"\n\n[tool.newsconv]\n{body}\n')


def test_found_by_walking_up_and_skips_pyprojects_without_the_table(project):
    write_config(project, 'select = ["NC2"]')
    (project / "articles" / "pyproject.toml").write_text('[project]\nname = "inner"\n')
    found = find_pyproject()
    assert found == project / "pyproject.toml"
    assert load_config().select == ("NC2",)


def test_config_values_and_relative_xsd(project):
    (project / "schemas").mkdir()
    (project / "schemas" / "g2.xsd").write_text("<x/>")
    write_config(project, '\n'.join([
        'select = ["NC1", "NC2"]', 'ignore = "NC204"', "strict = true", 'format = "json"',
        'xsd = "schemas/g2.xsd"', 'include = ["*.txt"]', 'exclude = ["draft.txt"]']))
    cfg = load_config()
    assert cfg == Config(path=str(project / "pyproject.toml"), select=("NC1", "NC2"), ignore=("NC204",),
                         strict=True, format="json", xsd=str(project / "schemas" / "g2.xsd"),
                         include=("*.txt",), exclude=("draft.txt",))


@pytest.mark.parametrize("body,detail", [
    ('select = 3', "`select` must be a list of strings"),
    ('strict = "yes"', "`strict` must be true or false"),
    ('format = "yaml"', "`format` must be one of"),
    ('xsd = "nowhere.xsd"', "not a file"),
    ('select = [', "not valid TOML"),
])
def test_bad_config_is_nc810_and_exit_2(project, body, detail):
    write_config(project, body)
    with pytest.raises(ConfigError) as info:
        load_config()
    assert info.value.messages[0].code == "NC810" and detail in info.value.messages[0].text
    res = run("validate", ".")
    assert res.exit_code == 2 and "NC810" in res.stderr and detail in res.stderr


def test_unknown_key_is_a_warning_and_sub_tables_are_left_alone():
    cfg = parse_config('[tool.newsconv]\nselct = ["NC2"]\n[tool.newsconv.batch]\njobs = 4\n', "p/pyproject.toml")
    assert [m.code for m in cfg.notes] == ["NC810"] and cfg.notes[0].severity == "warning"
    assert "selct" in cfg.notes[0].text
    assert parse_config('[project]\nname = "x"\n', "pyproject.toml") == Config()


def test_config_drives_the_cli_and_the_cli_wins(project):
    write_config(project, '\n'.join(['select = ["NC2"]', 'format = "json"', 'strict = true',
                                     'exclude = ["draft.txt"]']))
    res = run("validate", str(project / "articles"))
    doc = json.loads(res.stdout)
    assert [f["file"].rsplit("/", 1)[1] for f in doc["files"]] == ["a.txt", "b.txt"]  # draft.txt excluded
    assert {m["code"] for m in doc["messages"]} == {"NC204"}  # select = NC2: NC106 not reported
    assert res.exit_code == 0  # strict, but the only warning (NC106) was not selected
    res = run("validate", "--select", "NC1", "--format", "text", str(project / "articles"))
    assert res.stdout == "" and "NC106" in res.stderr and "NC204" not in res.stderr
    assert res.exit_code == 1  # strict from the config, NC106 is a warning
    isolated = run("validate", "--isolated", str(project / "articles"))
    assert isolated.stdout == "" and "draft.txt:1:1: NC104" in isolated.stderr and isolated.exit_code == 1


def test_config_ignore_adds_to_cli_ignore(project):
    write_config(project, 'ignore = ["NC106"]')
    res = run("validate", "--ignore", "NC2", "b.txt")
    assert "NC106" not in res.stderr and "NC204" not in res.stderr and res.exit_code == 0


def test_explicit_config_file(project, tmp_path):
    other = project / "ci.toml"
    other.write_text('[tool.newsconv]\nformat = "junit"\n')
    res = run("validate", "--config", str(other), "b.txt")
    assert res.stdout.startswith("<?xml")
