"""Benchmark: whole parse of the reference article (decoding, segmentation and every extraction
pass), median of many in-process runs, plus the resident memory of the gazetteer and word lists.

    PYTHONPATH=. python bench/bench_extract.py [--runs 500] [ARTICLE]

Target (issue 3): under 2 ms median; gazetteer + lists under 100 MB resident.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("NEWSCONV_SHARED", ROOT.parent / "shared"))
if not SHARED.is_dir() and (ROOT.parent.parent / "shared").is_dir():  # a git worktree under wt/
    SHARED = ROOT.parent.parent / "shared"
SEED = SHARED / "seed" / "000_20d1c5a239aa16e6.txt"


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; peak RSS elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("article", nargs="?", default=str(SEED))
    ap.add_argument("--runs", type=int, default=500)
    args = ap.parse_args()
    data = Path(args.article).read_bytes()

    import convert
    from convert.extract.gazetteer import places
    from convert.extract.lexicon import lexicon

    before = rss_mb()
    t0 = time.perf_counter()
    lexicon()
    table = places()
    load_ms = (time.perf_counter() - t0) * 1000
    after = rss_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    convert.parse(data, args.article)  # warm
    times, cpu = [], []
    for _ in range(args.runs):
        t, c = time.perf_counter(), time.thread_time()
        convert.parse(data, args.article)
        cpu.append((time.thread_time() - c) * 1000)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"article: {args.article} ({len(data)} bytes); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"parse incl. extraction: median {statistics.median(times):.3f} ms wall "
          f"(p90 {times[int(len(times) * 0.9)]:.3f}, min {times[0]:.3f}), "
          f"median {statistics.median(cpu):.3f} ms CPU, over {args.runs} runs")
    t = time.thread_time()
    s = 0
    for i in range(100_000):
        s += i
    print(f"machine speed reference: a 100,000-iteration Python loop takes {(time.thread_time() - t) * 1000:.2f} ms CPU")
    print(f"gazetteer + word lists: {len(table)} place names, loaded once in {load_ms:.0f} ms; "
          f"resident {after - before:+.1f} MB (process {after:.1f} MB, peak {peak:.1f} MB)")


if __name__ == "__main__":
    main()
