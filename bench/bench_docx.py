"""Benchmark of the DOCX report writer (median of many runs; not a timed test).

    PYTHONPATH=. python bench/bench_docx.py [--runs N]

Prints, in milliseconds (median, and the 10th/90th percentiles):
  * python-docx baseline: `Document()` + `save()` of an empty document (what the issue calls ~14 ms);
  * the reference article's report as the reader gives it;
  * the same article with hand-made extraction (10 quotations, 22 entities, 3 dates), which is
    what the report will hold once extraction is merged;
  * a 500-paragraph article.
The first call (template load, ~once per process) is timed separately.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def timed(fn, runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[len(times) // 10], times[(len(times) * 9) // 10]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=300)
    args = ap.parse_args()

    t0 = time.perf_counter()
    import convert
    from convert.options import WriteOptions
    from convert.writers.docx import write

    seed = convert.read_file(ROOT / "fixtures" / "000_20d1c5a239aa16e6.txt").value
    first = time.perf_counter()
    write(seed, WriteOptions())
    print(f"first report (imports + template load): {(time.perf_counter() - first) * 1000:.1f} ms "
          f"(process start to here {(time.perf_counter() - t0) * 1000:.0f} ms)")

    import docx

    def baseline():
        docx.Document().save(io.BytesIO())

    from test_docx_samples import enriched_seed

    enriched = enriched_seed()
    long = convert.parse("A LONG DAY\n\n" + "\n\n".join(
        f"Paragraph {i} says \"line {i} is here,\" the clerk said." for i in range(1, 501)), "long.txt").value
    opts = WriteOptions()
    rows = [
        ("python-docx Document()+save (empty)", baseline, args.runs // 3 or 1),
        ("seed report (reader output)", lambda: write(seed, opts), args.runs),
        ("seed report (with extraction: 10 quotes, 22 entities)", lambda: write(enriched, opts), args.runs),
        ("500-paragraph article", lambda: write(long, opts), max(10, args.runs // 10)),
    ]
    print(f"{'case':58} {'median':>8} {'p10':>8} {'p90':>8}   (ms, {args.runs} runs)")
    for label, fn, runs in rows:
        med, p10, p90 = timed(fn, runs)
        print(f"{label:58} {med:8.2f} {p10:8.2f} {p90:8.2f}")
    print(f"report size: seed {len(write(seed, opts).value)} B, with extraction {len(write(enriched, opts).value)} B")


if __name__ == "__main__":
    main()
