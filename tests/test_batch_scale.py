"""Batch at scale: the same batch on a Dask LocalCluster gives the local output byte for byte, and
peak memory does not grow with the number of articles (both slow: marked `slow`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from convert.batch import convert_many, iter_inputs
from convert.cli import main
from convert.writers import available

from conftest import ROOT, fixture_articles
from test_batch import fixture_folder, make_corpus, manifest, tree

FORMATS = [f for f in ("json", "newsml", "jsonld", "docx") if f in available()]


def _comparable(recs: dict) -> dict:
    return {k: {f: v for f, v in r.items() if f != "messages"} | {"codes": [m["code"] for m in r["messages"]]}
            for k, r in recs.items()}


@pytest.mark.slow
def test_dask_local_cluster_converts_like_the_process_pool(tmp_path):
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    src = tmp_path / "in"
    make_corpus(src, 40, nested=True)
    (src / "bad.txt").write_bytes(b"\x00binary")
    for p in fixture_articles():
        (src / p.name).write_bytes(p.read_bytes())
    local, on_dask = tmp_path / "local", tmp_path / "dask"
    expected = convert_many(iter_inputs(src), local, FORMATS, root=src, jobs=2)
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        got = convert_many(iter_inputs(src), on_dask, FORMATS, root=src, executor=client.get_executor(),
                           chunk_size=4)
    assert (got.succeeded, got.failed) == (expected.succeeded, expected.failed) == (40 + len(fixture_articles()), 1)
    assert tree(on_dask) == tree(local)
    assert _comparable(manifest(on_dask)) == _comparable(manifest(local))


@pytest.mark.slow
def test_cli_dask_local(tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "out"
    fixtures = fixture_folder(tmp_path)
    n = len(fixture_articles())
    res = CliRunner().invoke(main, ["convert", "--input-dir", str(fixtures), "--output-dir", str(out),
                                    "--dask", "local", "-j", "2"])
    assert res.exit_code == 0, res.output
    assert f"{n} converted, 0 failed, 0 skipped" in res.stderr
    local = tmp_path / "local"
    CliRunner().invoke(main, ["convert", "--input-dir", str(fixtures), "--output-dir", str(local), "-j", "2"])
    assert tree(out) == tree(local) and len(tree(out)) == n
    # --dask ADDRESS: a scheduler that is already running
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        remote = tmp_path / "remote"
        res = CliRunner().invoke(main, ["convert", "--input-dir", str(fixtures), "--output-dir", str(remote),
                                        "--dask", cluster.scheduler_address])
        assert res.exit_code == 0, res.output
    assert tree(remote) == tree(local)


RSS_SCRIPT = r"""
import json, resource, sys
from convert.batch import convert_many, iter_inputs
src, out, formats = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
s = convert_many(iter_inputs(src), out, formats, root=src, jobs=2)
print(json.dumps({"n": s.succeeded, "parent_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "worker_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def peak_rss(src, out, formats) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", RSS_SCRIPT, str(src), str(out), ",".join(formats)],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=900, check=True)
    return json.loads(res.stdout)


@pytest.mark.slow
def test_peak_memory_is_flat_from_1000_to_10000_articles(tmp_path):
    formats = ["json"]  # the parent never sees output bytes: memory does not depend on the formats
    small, large = tmp_path / "small", tmp_path / "large"
    make_corpus(small, 1000)
    make_corpus(large, 10_000)
    a = peak_rss(small, tmp_path / "o1", formats)
    b = peak_rss(large, tmp_path / "o2", formats)
    assert (a["n"], b["n"]) == (1000, 10_000)
    print(f"peak RSS parent {a['parent_kib']} -> {b['parent_kib']} KiB, "
          f"worker {a['worker_kib']} -> {b['worker_kib']} KiB")
    assert b["parent_kib"] <= 1.2 * a["parent_kib"]
    assert b["worker_kib"] <= 1.2 * a["worker_kib"]
