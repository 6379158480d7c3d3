"""The wheel ships the schema: build it, install it in a fresh venv, load the schema from there.

Why a real build and install: `importlib.resources` finds the schema in a source checkout through
the repository folder, so only an installed wheel proves that `schemas/article.schema.json` is
packaged (as `convert.schemas`) and that `newsconv schema` works for a user who ran `pip install`.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

SOURCES = ("pyproject.toml", "README.md", "convert", "schemas")


def _has_local_build_backend() -> bool:
    try:
        import setuptools
        import wheel  # noqa: F401  (bdist_wheel for setuptools < 70.1)
    except ImportError:
        return False
    return int(setuptools.__version__.split(".")[0]) >= 68


def _build_wheel(tmp: Path) -> Path:
    """Build from a copy of the sources (so build/ and *.egg-info never land in the checkout)."""
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, src / name)
    out = tmp / "dist"
    cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(src)]
    if _has_local_build_backend():
        cmd[3:3] = ["--no-isolation"]  # no download of setuptools/wheel when they are here already
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        log = proc.stdout + proc.stderr
        if any(s in log for s in ("Could not find a version", "NewConnectionError", "Temporary failure in name")):
            pytest.skip("cannot fetch the build backend (setuptools, wheel) from the package index: " + log[-300:])
        pytest.fail(f"wheel build failed:\n{log[-3000:]}")
    wheels = list(out.glob("newsconv-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_installs_and_loads_its_schema(tmp_path):
    wheel_path = _build_wheel(tmp_path)
    with zipfile.ZipFile(wheel_path) as zf:
        names = set(zf.namelist())
    assert "convert/schemas/article.schema.json" in names
    assert "convert/py.typed" in names
    assert not any(n.startswith(("tests/", "fixtures/", "bench/")) for n in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=120)
    py = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    pip = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel_path)],
                         capture_output=True, text=True, timeout=120)
    assert pip.returncode == 0, pip.stderr
    # the dependencies (jsonschema, click, ...) come from this interpreter's site-packages, added
    # *after* the venv's own: `convert` itself can only come from the installed wheel
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    deps = [p for p in site.getsitepackages() + [site.getusersitepackages()] if Path(p).is_dir()]
    Path(purelib, "_newsconv_test_deps.pth").write_text("\n".join(deps) + "\n")

    script = textwrap.dedent(f"""
        import json
        from importlib import resources
        from pathlib import Path
        import convert
        from convert.schema import model_schema, validate_model
        here = Path(convert.__file__).resolve()
        assert Path({str(venv)!r}).resolve() in here.parents, here
        text = resources.files("convert.schemas").joinpath("article.schema.json").read_text("utf-8")
        assert json.loads(text) == model_schema()
        article = convert.parse("HEADLINE\\n\\nLONDON, March 3 (Reuters) - The body of it.\\n").value
        assert validate_model(json.loads(convert.to_json(article))) == []
        print(json.dumps({{"schema": model_schema()["$schema"], "place": article.dateline.place}}))
    """)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    run = subprocess.run([str(py), "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out == {"schema": "https://json-schema.org/draft/2020-12/schema", "place": "LONDON"}

    cli = venv / ("Scripts" if os.name == "nt" else "bin") / "newsconv"
    printed = subprocess.run([str(cli), "schema"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert printed.returncode == 0, printed.stderr
    assert json.loads(printed.stdout) == json.loads((ROOT / "schemas" / "article.schema.json").read_text("utf-8"))
