"""Benchmark the reference article's parse (issue 3, point 8): median of many in-process runs of the
whole parse (decoding, segmentation and every extraction pass) and of the extraction passes alone,
the first parse of a fresh process with a cold and a warm gazetteer cache, and resident memory.

    PYTHONPATH=. python bench/bench_extract.py [--runs 500] [--rounds 5] [--no-cold] [ARTICLE]

Targets: under 2 ms median for the whole parse; gazetteer + word lists under 100 MB resident.
Times are CPU time of the running thread (wall time is printed too): the machines this runs on
are shared, and CPU time is what another process cannot inflate much. The runs are split into
rounds; the best round's median is printed beside the overall median for the same reason.
Not a timed test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_parse import machine_speed  # (this folder is on sys.path when a script here runs)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("NEWSCONV_SHARED", ROOT.parent / "shared"))
if not SHARED.is_dir() and (ROOT.parent.parent / "shared").is_dir():  # a git worktree under wt/
    SHARED = ROOT.parent.parent / "shared"
SEED = SHARED / "seed" / "000_20d1c5a239aa16e6.txt"

# run in a fresh interpreter: import, first parse, and what each cost (printed as JSON)
_CHILD = r"""
import json, os, sys, time
t0 = time.perf_counter(); c0 = time.process_time()
sys.path.insert(0, sys.argv[1])
import convert, convert.readers.plain, convert.readers.text, convert.extract
t1 = time.perf_counter()
from convert.extract.gazetteer import places
from convert.extract.lexicon import lexicon
lexicon(); places()
t2 = time.perf_counter()
data = open(sys.argv[2], "rb").read()
convert.parse(data, sys.argv[2])
t3 = time.perf_counter(); c3 = time.process_time()
convert.parse(data, sys.argv[2])
t4 = time.perf_counter()
with open("/proc/self/statm") as fh:
    rss = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
print(json.dumps({"import": t1 - t0, "tables": t2 - t1, "first": t3 - t2, "second": t4 - t3,
                  "total": t3 - t0, "cpu": c3 - c0, "rss": rss}))
"""


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; peak RSS elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, runs: int, rounds: int) -> tuple[list[float], list[float], float]:
    """(CPU ms of every run, wall ms of every run, best round's CPU median)."""
    cpu, wall, best = [], [], float("inf")
    per = max(1, runs // rounds)
    for _ in range(rounds):
        this = []
        for _ in range(per):
            w, c = time.perf_counter(), time.thread_time()
            fn()
            this.append((time.thread_time() - c) * 1000)
            wall.append((time.perf_counter() - w) * 1000)
        cpu.extend(this)
        best = min(best, statistics.median(this))
    return cpu, wall, best


def report(label: str, cpu: list[float], wall: list[float], best: float) -> None:
    cpu_s = sorted(cpu)
    print(f"{label}: median {statistics.median(cpu):.3f} ms CPU (best round {best:.3f}, "
          f"p90 {cpu_s[int(len(cpu_s) * 0.9)]:.3f}, min {cpu_s[0]:.3f}); median {statistics.median(wall):.3f} ms wall; "
          f"{len(cpu)} runs")


def fresh_process(article: str, cache_dir: str) -> dict:
    env = dict(os.environ, NEWSCONV_CACHE_DIR=cache_dir)
    out = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), article], env=env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("article", nargs="?", default=str(SEED))
    ap.add_argument("--runs", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--no-cold", action="store_true", help="skip the fresh-process (first parse) figures")
    args = ap.parse_args()
    data = Path(args.article).read_bytes()

    import convert
    from convert.extract import extract
    from convert.extract.gazetteer import places
    from convert.extract.lexicon import lexicon
    from convert.model import rebuild_source
    from convert.textpos import LineIndex

    before = rss_mb()
    t0 = time.perf_counter()
    lexicon()
    table = places()
    load_ms = (time.perf_counter() - t0) * 1000
    after = rss_mb()

    article = convert.parse(data, args.article).value  # warm
    text = rebuild_source(article)
    index = LineIndex(text)

    print(f"article: {args.article} ({len(data)} bytes, {len(article.paragraphs)} paragraphs); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    cpu, wall, best = timed(lambda: convert.parse(data, args.article), args.runs, args.rounds)
    report("parse, all passes    ", cpu, wall, best)
    cpu, wall, best = timed(lambda: extract(text, index, article.paragraphs, article.dateline, args.article),
                            args.runs, args.rounds)
    report("extraction passes    ", cpu, wall, best)
    print(f"machine speed: the fastest 100,000-step Python loop took {machine_speed():.2f} ms "
          f"(~1.6 ms in this machine's fast mode; see bench_parse.py)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from convert.extract import gazetteer

    where = gazetteer.cache_dir() if hasattr(gazetteer, "cache_dir") else "none"
    print(f"gazetteer + word lists: {len(table)} place names, loaded in {load_ms:.0f} ms "
          f"(cache dir {where}); resident {after - before:+.1f} MB (process {after:.1f} MB, peak {peak:.1f} MB)")

    if not args.no_cold:
        with tempfile.TemporaryDirectory(prefix="newsconv-bench-cache-") as tmp:
            for label in ("cold cache", "warm cache", "warm cache"):
                r = fresh_process(args.article, tmp)
                print(f"fresh process, {label}: start to first result {r['total'] * 1000:.0f} ms "
                      f"({r['cpu'] * 1000:.0f} ms CPU) = imports {r['import'] * 1000:.0f} + word lists and "
                      f"gazetteer {r['tables'] * 1000:.0f} + first parse {r['first'] * 1000:.0f} ms; "
                      f"second parse {r['second'] * 1000:.1f} ms; resident {r['rss']:.1f} MB")
            r = fresh_process(args.article, "off")
            print(f"fresh process, cache off: start to first result {r['total'] * 1000:.0f} ms "
                  f"(gazetteer {r['tables'] * 1000:.0f} ms); resident {r['rss']:.1f} MB")
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            print("note: PYTHONDONTWRITEBYTECODE is set, so every fresh process compiles the sources "
                  "(imports are slower than in an installed package)")


if __name__ == "__main__":
    main()
