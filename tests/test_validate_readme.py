"""The README documents what `newsconv validate` does: every message code with its severity, the
options of `validate --help`, the exit codes; and the pre-commit hook's entry command works.

`pytest --update-goldens` rewrites the README's "Message codes" table from convert/messages.py.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from convert import messages
from convert.cli import main

from conftest import ROOT, fixture_articles

README = ROOT / "README.md"
_HEADER = "| code | severity | message |\n|---|---|---|\n"


def _cells(row: str) -> list[str]:
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def codes_table(text: str) -> tuple[int, int, list[list[str]]]:
    """The (start, end, rows) of the table under '## Message codes'."""
    section = text.index("## Message codes")
    start = text.index(_HEADER, section)
    end = start + len(_HEADER)
    rows = []
    for line in text[end:].splitlines(keepends=True):
        if not line.startswith("|"):
            break
        rows.append(_cells(line))
        end += len(line)
    return start, end, rows


def generated_table() -> str:
    rows = "".join(f"| {c.code} | {c.severity} | {c.template.replace('|', chr(92) + '|')} |\n"
                   for c in sorted(messages.CODES.values(), key=lambda c: c.code))
    return _HEADER + rows


def test_every_code_is_in_the_readme_table_with_its_severity(update_goldens):
    text = README.read_text(encoding="utf-8")
    start, end, rows = codes_table(text)
    if update_goldens:
        README.write_text(text[:start] + generated_table() + text[end:], encoding="utf-8")
        start, end, rows = codes_table(README.read_text(encoding="utf-8"))
    documented = {r[0]: r for r in rows}
    missing = sorted(set(messages.CODES) - set(documented))
    assert not missing, f"codes missing from the README table (pytest --update-goldens): {missing}"
    unknown = sorted(set(documented) - set(messages.CODES))
    assert not unknown, f"README codes that convert/messages.py does not define: {unknown}"
    wrong = [(code, row[1], messages.CODES[code].severity) for code, row in documented.items()
             if row[1] != messages.CODES[code].severity]
    assert not wrong, f"severity differs (code, README, messages.py): {wrong}"
    stale = [code for code, row in documented.items() if row[2] != messages.CODES[code].template]
    assert not stale, f"README wording differs from messages.py for {stale} (pytest --update-goldens)"
    order = [r[0] for r in rows]
    assert order == sorted(order) and len(order) == len(set(order))


def test_every_code_has_a_hint_and_a_known_severity():
    for c in messages.CODES.values():
        assert re.fullmatch(r"NC\d{3}", c.code)
        assert c.severity in ("error", "warning", "info"), c.code
        assert c.hint and "\n" not in c.hint and "{" not in c.hint, c.code


def _validate_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Validation in CI")
    return text[start:text.index("\n## ", start + 5)]


def test_readme_documents_every_validate_option_and_the_exit_codes():
    section = _validate_section()
    command = main.commands["validate"]
    for param in command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("-"):
                assert opt in section, f"{opt} is not documented in the README's Validation in CI section"
    for code, meaning in (("0", "nothing wrong"), ("1", "errors found"), ("2", "usage error")):
        assert re.search(rf"^\| {code} \| {meaning}", section, re.M), code
    for fmt in ("text", "json", "junit", "github", "sarif"):
        assert f"`{fmt}`" in section
    assert "upload-sarif" in section and "newsconv-validate" in section
    assert "Exit codes: 0 nothing wrong; 1 errors found" in " ".join(section.split())  # --help epilog


# ---- the pre-commit hook -----------------------------------------------------------------------

def hook() -> dict:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [entry] = [h for h in hooks if h["id"] == "newsconv-validate"]
    return entry


def entry_command() -> list[str]:
    """The hook's entry, with `newsconv` resolved to the installed script, or to
    `python -m convert.cli` when the package is not installed (a plain checkout)."""
    argv = shlex.split(hook()["entry"])
    assert argv[0] == "newsconv"
    script = Path(sys.executable).with_name("newsconv")
    if script.exists():
        return [str(script)] + argv[1:]
    found = shutil.which("newsconv")
    return ([found] if found else [sys.executable, "-m", "convert.cli"]) + argv[1:]


def test_hook_definition():
    h = hook()
    assert h["language"] == "python" and h["name"]
    files = re.compile(h["files"])
    for name in ("a.txt", "x/y.model.json", "a.newsml.xml", "a.jsonld", "a.docx"):
        assert files.search(name), name
    assert not files.search("setup.py") and not files.search("a.txt.bak")


def test_hook_entry_runs_on_fixtures(tmp_path):
    """pre-commit runs `entry` with the staged file names appended: fine fixtures pass, a bad
    file fails with its located message."""
    fixtures = [str(p.relative_to(ROOT)) for p in fixture_articles()]
    assert fixtures
    ok = subprocess.run(entry_command() + fixtures, cwd=ROOT, capture_output=True, text=True,
                        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "NO_COLOR": "1"})
    assert ok.returncode == 0, ok.stderr
    assert f"{len(fixtures)} files checked, 0 failed" in ok.stderr
    bad = tmp_path / "bad.model.json"
    bad.write_text('{"model_version": "1.0",\n "language": 7}\n')
    failed = subprocess.run(entry_command() + [fixtures[0], str(bad)], cwd=ROOT, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "NO_COLOR": "1"})
    assert failed.returncode == 1
    assert f"{bad}: NC401 error" in failed.stderr and "(at $.language)" in failed.stderr
    assert "Traceback" not in failed.stderr

