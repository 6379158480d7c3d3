"""Benchmark: write the reference (seed) article as NewsML-G2, and read it back.

Targets (issue 4): write < 1 ms median, read back < 2 ms median. Also times the hand-built rich
sample (quotes, entities, dates marked up inline), which exercises the whole writer.

The seed is parsed as the text reader parses it today (every extraction pass). For each case the
median wall time and the median CPU time of this thread are printed: on a shared machine (other
jobs on the same cores) the wall time includes their noise, the thread's CPU time much less.
The steps of the writer are timed on their own, and so is the lxml reference path
(`build_item` + `_pretty` + `tostring`, what `write` did before the fast path).

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
from convert.writers import fastxml, newsml  # noqa: E402
from convert.writers.newsml import write  # noqa: E402
from convert.writers.nitf_body import BodyBuilder, Cleaner  # noqa: E402


def medians(fn, runs: int) -> tuple[float, float]:
    """(median wall ms, median thread-CPU ms) over `runs` calls, after a warm-up."""
    for _ in range(min(50, runs)):
        fn()
    wall, cpu = [], []
    for _ in range(runs):
        c0 = time.thread_time()
        t0 = time.perf_counter()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


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
    s = articles["seed"]
    print(f"seed: {len(s.paragraphs)} paragraphs, {len(s.quotes)} quotes, {len(s.entities)} entities, "
          f"{sum(len(e.mentions) for e in s.entities)} mentions, {len(s.dates)} dates")
    print(f"{'case':44} {'bytes':>7} {'wall median':>12} {'CPU median':>11}")

    def row(label, fn, size=""):
        w, c = medians(fn, args.runs)
        print(f"{label:44} {size:>7} {w:9.3f} ms {c:8.3f} ms")

    for label, art in articles.items():
        data = write(art, opts).value
        row(f"{label}: write", lambda: write(art, opts), len(data))
        row(f"{label}: read back", lambda: read(data, "x.newsml.xml"))
    art = articles["seed"]
    derived = art.title.derived and bool(art.title.text)

    def body():
        return BodyBuilder(art, Cleaner(None), mark_headline=not derived, factory=fastxml).build()

    tree = body()
    row("  step: body tree (BodyBuilder, fastxml)", body)
    row("  step: body serialise (fastxml)", lambda: fastxml.tostring(tree, 2, newsml._NO_INDENT, level=4, as_text=True))

    def lxml_path():
        from lxml.etree import tostring

        root, _ = newsml.build_item(art, opts)
        newsml._pretty(root, opts.indent)
        return tostring(root, encoding="UTF-8")

    row("  reference: lxml build_item+pretty+tostring", lxml_path)
    print("targets: write < 1 ms, read < 2 ms (median, seed article)")


if __name__ == "__main__":
    main()
