"""Benchmark: writing the reference (seed) article's JSON-LD, median of many runs.

Run from the project root:  python bench/bench_jsonld.py [--runs N]
Target (issue 5): under 0.5 ms median. Wall-clock medians are printed, and the process CPU time
as well, which a busy machine (other jobs on the same cores) disturbs less. Two articles are timed: the seed as the text reader models
it today, and the seed with a full set of hand-made extraction results (15 entities with titles,
affiliations, acronyms and events; 8 quotations), which is what the writer will see once the
extraction passes land. Reading the JSON-LD back is timed as well (no target), and so is the
ninjs writer (3.1 and 2.2; no target).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from convert import parse  # noqa: E402
from convert.options import WriteOptions  # noqa: E402
from convert.readers.jsonld import read  # noqa: E402
from convert.writers import ninjs  # noqa: E402
from convert.writers.jsonld import write  # noqa: E402


def median_ms(fn, runs: int, clock=time.perf_counter, rounds: int = 5) -> tuple[float, float]:
    """(median of all runs, lowest median of `rounds` equal rounds), in ms. On a shared machine
    the lowest round is the code's own cost; the overall median includes other jobs' noise."""
    for _ in range(min(200, runs)):  # warm-up
        fn()
    per_round = []
    for _ in range(rounds):
        times = []
        for _ in range(max(1, runs // rounds)):
            t0 = clock()
            fn()
            times.append(clock() - t0)
        per_round.append(times)
    every = [t for r in per_round for t in r]
    return statistics.median(every) * 1000, min(statistics.median(r) for r in per_round) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3000)
    args = ap.parse_args()
    from test_jsonld_samples import rich_seed  # the hand-made extraction results

    seed_path = ROOT / "fixtures" / "000_20d1c5a239aa16e6.txt"
    plain = parse(seed_path.read_bytes(), seed_path.name).value
    rich = rich_seed()
    opts = WriteOptions()
    for label, article in (("seed (reader today)", plain), ("seed + extraction", rich)):
        data = write(article, opts).value
        w, w_best = median_ms(lambda: write(article, opts), args.runs)
        cpu, _ = median_ms(lambda: write(article, opts), args.runs, time.process_time)
        r, _ = median_ms(lambda: read(data, "seed.jsonld"), args.runs)
        print(f"{label:22s} write {w:.3f} ms median (best round {w_best:.3f}, CPU time {cpu:.3f})  "
              f"read back {r:.3f} ms  ({len(data)} bytes, "
              f"{len(article.entities)} entities, {len(article.direct_quotes)} quotations)")
    for version in ("3.1", "2.2"):
        nopts = WriteOptions(ninjs_version=version)
        w, w_best = median_ms(lambda: ninjs.write(rich, nopts), args.runs)
        print(f"ninjs {version} write (seed + extraction) {w:.3f} ms median (best round {w_best:.3f})")


if __name__ == "__main__":
    main()
