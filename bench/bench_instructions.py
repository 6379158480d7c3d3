#!/usr/bin/env python3
"""Machine instructions per call, counted by valgrind (callgrind): a speed figure that load does not move.

    python bench/bench_instructions.py [--what parse,read,newsml-write,newsml-read] [--runs 40] [--file PATH]

Why: the machines we measure on are shared and their speed drifts by tens of percent from one
minute to the next, so two timings of the same code can differ more than a change does. The count
of instructions the interpreter executes for the same work is the same on every run. It is not a
time (a cache miss costs more than an add), so the targets stay in milliseconds and are measured
with the other bench scripts on a quiet machine; this script tells whether a change made the work
smaller, and by how much.

How: the workload runs in a fresh interpreter under callgrind twice, warmed up and then called 0
and `--runs` times; the difference divided by `--runs` is the count per call, free of start-up,
imports and the gazetteer load. The two runs go side by side; each figure takes about half a
minute (valgrind is ~50x slower).

Workloads: parse (plain text -> model, all passes), read (the same with the extraction passes
stubbed out), newsml-write (model -> NewsML-G2 bytes), newsml-read (those bytes -> model).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "000_20d1c5a239aa16e6.txt"

DRIVER = r"""
import sys
sys.path.insert(0, sys.argv[1])
import convert
from convert.extract import Extraction
from convert.readers import text as text_reader
from convert.writers import WriteOptions, write
from convert.readers import newsml as newsml_reader

what, path, runs = sys.argv[2], sys.argv[3], int(sys.argv[4])
data = open(path, "rb").read()
article = convert.parse(data, "article.txt").value
options = WriteOptions(created="2024-11-27T00:00:00Z")
xml = write(article, "newsml", options).value
if what == "read":
    text_reader.extract = lambda *args, **kwargs: Extraction()
work = {
    "parse": lambda: convert.parse(data, "article.txt"),
    "read": lambda: convert.parse(data, "article.txt"),
    "newsml-write": lambda: write(article, "newsml", options),
    "newsml-read": lambda: newsml_reader.read(xml, "article.xml"),
}[what]
for _ in range(3):
    work()
for _ in range(runs):
    work()
"""

WORKLOADS = ("parse", "read", "newsml-write", "newsml-read")


def count(what: str, path: Path, runs: int) -> int:
    """Instructions for `runs` calls (warm-up and start-up excluded by the caller's subtraction)."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
           sys.executable, "-c", DRIVER, str(ROOT), what, str(path), str(runs)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stderr
    m = re.search(r"Collected : (\d+)", out)
    if m is None:
        raise RuntimeError(f"callgrind printed no count:\n{out[-2000:]}")
    return int(m.group(1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--what", default="parse,read,newsml-write", help=f"comma-separated: {', '.join(WORKLOADS)}")
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--file", type=Path, default=SEED)
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind); nothing measured", file=sys.stderr)
        return 2
    for what in args.what.split(","):
        if what not in WORKLOADS:
            ap.error(f"unknown workload {what!r}; choose from {', '.join(WORKLOADS)}")
        with ThreadPoolExecutor(2) as pool:  # the two runs side by side (one per core)
            many, none = pool.map(lambda n: count(what, args.file, n), (args.runs, 0))
        per_call = (many - none) / args.runs
        print(f"{what:13} {per_call / 1e6:8.2f} M instructions per call   ({args.file.name}, {args.runs} calls)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
