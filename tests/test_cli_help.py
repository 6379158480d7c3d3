"""Every command has help text, shows the exit codes where it can fail, and is in the README."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from convert.cli import main

from conftest import ROOT

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_and_is_documented(name):
    res = CliRunner().invoke(main, [name, "--help"])
    assert res.exit_code == 0
    assert main.commands[name].help and len(main.commands[name].help.strip()) > 20
    assert f"newsconv {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_top_level_help_lists_every_command_and_exit_codes():
    res = CliRunner().invoke(main, ["--help"])
    for name in COMMANDS:
        assert name in res.output
    assert "Exit codes" in res.output
