"""Batch throughput (articles/s) and peak memory. Not a timed test: run it and read the figures.

    python bench/bench_batch.py                    # 1,000 articles, 5 runs per configuration
    python bench/bench_batch.py --runs 9 --record  # also write bench/results/batch.txt
    python bench/bench_batch.py --rss              # peak RSS for 1,000 vs 10,000 articles

Articles: the evaluation corpus (../shared/corpus, or the fixtures when it is absent) repeated
with a numbered closing paragraph, so every article is distinct. Configurations: the formats
available among json+newsml+jsonld, and among all four (json, newsml, jsonld, docx); a process
pool of 1 and of 2 workers, and a Dask LocalCluster of 2 worker processes (chunks twice as big
and 4 in flight per worker, as `newsconv convert --dask` does). Each figure is the
median of `--runs` runs, each into a fresh output folder; the wall time includes starting the
pool (not the Dask cluster, which a real deployment keeps running).
Targets on a 2-core machine: >= 300 articles/s to json+newsml+jsonld with 2 workers; 2 workers
>= 1.7x one; Dask within 15% of the process pool.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from convert.batch import DEFAULT_CHUNK_SIZE, convert_many, iter_inputs  # noqa: E402
from convert.writers import available  # noqa: E402

SHARED = Path(os.environ.get("NEWSCONV_SHARED", ROOT.parent / "shared"))


def sources() -> list[bytes]:
    corpus = sorted((SHARED / "corpus" / "articles").glob("*/article.txt"))
    paths = corpus or sorted((ROOT / "fixtures").glob("*.txt"))
    return [p.read_bytes().rstrip(b"\r\n") for p in paths]


def generate(folder: Path, n: int) -> Path:
    bases = sources()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        sub = folder / f"{i // 500:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"a{i:06d}.txt").write_bytes(bases[i % len(bases)] + f"\n\nThis is copy number {i}.\n".encode())
    return folder


def _cpu(who) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def timed(src: Path, scratch: Path, formats, **kw) -> tuple[float, float, float]:
    """(articles/s, parent CPU ms per article, worker CPU ms per article: pool runs only)."""
    out = scratch / "out"
    shutil.rmtree(out, ignore_errors=True)
    me, kids = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    summary = convert_many(iter_inputs(src), out, formats, root=src, **kw)
    elapsed = time.perf_counter() - start
    assert summary.ok and summary.succeeded > 0, summary.text()
    n = summary.succeeded
    return n / elapsed, (_cpu(resource.RUSAGE_SELF) - me) * 1000 / n, (_cpu(resource.RUSAGE_CHILDREN) - kids) * 1000 / n


def median_rate(runs: int, *args, **kw) -> tuple[float, float, float, float]:
    """median and best articles/s, median parent and worker CPU ms per article."""
    timed(*args, **kw)  # warm-up (page cache, imports)
    got = [timed(*args, **kw) for _ in range(runs)]
    return (statistics.median(g[0] for g in got), max(g[0] for g in got),
            statistics.median(g[1] for g in got), statistics.median(g[2] for g in got))


def load() -> str:
    return "load average %.1f" % os.getloadavg()[0]


def throughput(n: int, runs: int, chunk_size: int, use_dask: bool) -> list[str]:
    """Process pools first, then the Dask cluster: an idle LocalCluster and its client's event
    loop take CPU too (heartbeats), so it runs only while it is measured."""
    lines = []
    wanted = [("json+newsml+jsonld", ("json", "newsml", "jsonld")),
              ("all four", ("json", "newsml", "jsonld", "docx"))]
    have = available()
    pool: dict[str, tuple] = {}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        scratch = Path(tmp)
        src = generate(scratch / "in", n)
        for label, fmts in wanted:
            formats = [f for f in fmts if f in have]
            missing = [f for f in fmts if f not in have]
            note = f" (missing: {', '.join(missing)})" if missing else ""
            before = load()
            one = median_rate(runs, src, scratch, formats, jobs=1, chunk_size=chunk_size)
            two = median_rate(runs, src, scratch, formats, jobs=2, chunk_size=chunk_size)
            pool[label] = (formats, two)
            row = (f"{label:<20} formats={','.join(formats)}{note} ({before} before, {load()} after)\n"
                   f"    1 worker  {one[0]:7.1f} articles/s (best {one[1]:.1f}); CPU ms/article: "
                   f"worker {one[3]:.2f}, parent {one[2]:.2f}\n"
                   f"    2 workers {two[0]:7.1f} articles/s (best {two[1]:.1f}); CPU ms/article: "
                   f"workers {two[3]:.2f}, parent {two[2]:.2f}; speed-up {two[0] / one[0]:.2f}x "
                   f"(best {two[1] / one[1]:.2f}x)")
            lines.append(row)
            print(row, flush=True)
        if not use_dask:
            return lines
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            lines.append("dask not installed: Dask figures skipped")
            return lines
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            ex = client.get_executor()
            for label, (formats, two) in pool.items():
                before = load()
                dask = median_rate(runs, src, scratch, formats, executor=ex, jobs=2,
                                   chunk_size=2 * chunk_size, max_in_flight=8)
                row = (f"{label:<20} Dask LocalCluster, 2 worker processes ({before} before, {load()} after)\n"
                       f"    Dask 2    {dask[0]:7.1f} articles/s (best {dask[1]:.1f}); "
                       f"{dask[0] / two[0]:.0%} of the 2-worker pool (best {dask[1] / two[1]:.0%})")
                lines.append(row)
                print(row, flush=True)
    return lines


RSS_SCRIPT = r"""
import json, resource, sys
sys.path.insert(0, sys.argv[4])
from convert.batch import convert_many, iter_inputs
src, out, formats = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
s = convert_many(iter_inputs(src), out, formats, root=src, jobs=2)
print(json.dumps({"n": s.succeeded, "parent_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "worker_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def rss(sizes=(1000, 10_000)) -> list[str]:
    formats = [f for f in ("json", "newsml", "jsonld") if f in available()]
    lines = []
    with tempfile.TemporaryDirectory(prefix="bench-rss-") as tmp:
        for n in sizes:
            src = generate(Path(tmp) / f"in{n}", n)
            res = subprocess.run([sys.executable, "-c", RSS_SCRIPT, str(src), str(Path(tmp) / f"out{n}"),
                                  ",".join(formats), str(ROOT)], capture_output=True, text=True, check=True)
            got = json.loads(res.stdout)
            line = (f"{n:>6} articles ({','.join(formats)}): peak RSS parent {got['parent_kib'] / 1024:.1f} MiB, "
                    f"largest worker {got['worker_kib'] / 1024:.1f} MiB")
            print(line, flush=True)
            lines.append(line)
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000, help="articles per run (default 1000)")
    ap.add_argument("--runs", type=int, default=5, help="runs per configuration; the median is shown")
    ap.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE)
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--rss", action="store_true", help="also measure peak RSS for 1,000 and 10,000 articles")
    ap.add_argument("--record", action="store_true", help="write the figures to bench/results/batch.txt")
    args = ap.parse_args()
    head = (f"bench_batch: {args.n} articles, median of {args.runs} runs, chunk size {args.chunk_size}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}, writers: {', '.join(available())}")
    print(head, flush=True)
    lines = [head, *throughput(args.n, args.runs, args.chunk_size, not args.no_dask)]
    if args.rss:
        lines += rss()
    if args.record:
        out = ROOT / "bench" / "results" / "batch.txt"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"written {out}")


if __name__ == "__main__":
    main()
