"""Benchmark: write the reference (seed) article as NewsML-G2, and read it back.

Targets (issue 4): write < 1 ms median, read back < 2 ms median. Also times the hand-built rich
sample (quotes, entities, dates marked up inline), which exercises the whole writer.

    PYTHONPATH=. python bench/bench_newsml.py [-n RUNS]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import convert  # noqa: E402
from convert.options import WriteOptions  # noqa: E402
from convert.readers.newsml import read  # noqa: E402
from convert.writers.newsml import write  # noqa: E402


def median_ms(fn, runs: int) -> tuple[float, float]:
    for _ in range(min(50, runs)):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    return statistics.median(times) * 1000, times[int(len(times) * 0.95)] * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", "--runs", type=int, default=2000)
    args = ap.parse_args()
    seed = ROOT / "fixtures" / "000_20d1c5a239aa16e6.txt"
    articles = {"seed": convert.parse(seed.read_bytes(), source=seed.name).value}
    try:
        from test_newsml_helpers import rich_article

        articles["rich (hand-built)"] = rich_article()
    except ImportError:  # pragma: no cover
        pass
    opts = WriteOptions(created="2025-01-01T00:00:00Z")
    print(f"{'article':<20} {'bytes':>7} {'write median':>13} {'p95':>8} {'read median':>12} {'p95':>8}")
    for label, art in articles.items():
        data = write(art, opts).value
        w_med, w_p95 = median_ms(lambda: write(art, opts), args.runs)
        r_med, r_p95 = median_ms(lambda: read(data, "x.newsml.xml"), args.runs)
        print(f"{label:<20} {len(data):>7} {w_med:>10.3f} ms {w_p95:>5.3f} ms {r_med:>9.3f} ms {r_p95:>5.3f} ms")
    print("targets: write < 1 ms, read < 2 ms (median, seed article)")


if __name__ == "__main__":
    main()
