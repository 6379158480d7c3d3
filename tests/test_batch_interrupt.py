"""A batch killed midway (SIGKILL of the whole process group, or Ctrl-C) and then resumed ends
with exactly the outputs of a clean run, and no partial file anywhere."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from convert.batch import convert_many, iter_inputs
from convert.writers import available

from conftest import ROOT
from test_batch import make_corpus, manifest, tree

N = 600
FORMATS = [f for f in ("json", "newsml", "jsonld") if f in available()]


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "convert.cli", "convert", *map(str, args)]


def env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def recorded_so_far(out: Path) -> int:
    """Articles the manifest already records as done (complete lines only: the run may be writing
    the next one). Waiting on these, not on files in the folder, keeps the test independent of
    machine load: files appear before their chunk is synced and recorded."""
    import json

    try:
        data = (out / "manifest.jsonl").read_text(encoding="utf-8")
    except OSError:
        return 0
    done = 0
    for line in data.splitlines(keepends=True):
        if line.endswith("\n"):
            try:
                done += json.loads(line).get("status") == "done"
            except ValueError:
                pass
    return done


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    base = tmp_path_factory.mktemp("interrupt")
    src = base / "in"
    make_corpus(src, N, nested=True)
    clean = base / "clean"
    summary = convert_many(iter_inputs(src), clean, FORMATS, root=src, jobs=2)
    assert summary.succeeded == N
    return src, tree(clean)


def start_and_stop(src: Path, out: Path, sig: int, *, group: bool) -> subprocess.CompletedProcess:
    proc = subprocess.Popen(cli("--input-dir", src, "--output-dir", out, "-t", ",".join(FORMATS), "-j", "2",
                                "--chunk-size", "4"),
                            env=env(), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while recorded_so_far(out) < 8 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, "the batch finished before it could be interrupted"
    if group:
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)
    stdout, stderr = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def resume(src: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(cli("--input-dir", src, "--output-dir", out, "-t", ",".join(FORMATS), "-j", "2", "--resume"),
                          env=env(), cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_sigkill_of_the_whole_run_then_resume_gives_the_clean_result(corpus, tmp_path):
    src, clean = corpus
    out = tmp_path / "out"
    killed = start_and_stop(src, out, signal.SIGKILL, group=True)
    assert killed.returncode == -signal.SIGKILL
    done_before = sum(1 for r in manifest(out).values() if r["status"] == "done")
    assert 0 < done_before < N
    res = resume(src, out)
    assert res.returncode == 0, res.stderr
    assert f"{N - done_before} converted, 0 failed, {done_before} skipped" in res.stderr
    assert tree(out) == clean  # same files, same bytes, no ".part" left over
    recs = manifest(out)
    assert len(recs) == N and {r["status"] for r in recs.values()} == {"done"}


def test_ctrl_c_stops_cleanly_then_resume_gives_the_clean_result(corpus, tmp_path):
    src, clean = corpus
    out = tmp_path / "out"
    stopped = start_and_stop(src, out, signal.SIGINT, group=False)
    assert stopped.returncode == 130, stopped.stderr
    assert b"NC858" in stopped.stderr and b"Traceback" not in stopped.stderr
    assert not [p for p in out.rglob("*.part")]
    done_before = sum(1 for r in manifest(out).values() if r["status"] == "done")
    assert 0 < done_before < N
    res = resume(src, out)
    assert res.returncode == 0, res.stderr
    assert f"{N - done_before} converted, 0 failed, {done_before} skipped" in res.stderr
    assert tree(out) == clean
