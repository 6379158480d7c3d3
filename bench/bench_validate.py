"""Benchmark: `newsconv validate` on the corpus articles as text, against converting them.

Issue 7 asks: validating the corpus (../shared/corpus, 76+ articles) as text takes under 1 s in
one process, and validating is never slower than converting. This prints the median of many
runs of each, in one process:

- validate: convert.validate.validate_paths over every corpus article (read + decode + reader +
  checks + select/ignore), and rendering its text report;
- convert:  reading each file and writing model JSON (the cheapest conversion), as
  `newsconv convert -t json` does;
- the CLI end to end in a fresh process (`python -m convert.cli validate <corpus folder>`),
  start-up included.

Run: NEWSCONV_SHARED=../shared python bench/bench_validate.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("NEWSCONV_SHARED", ROOT.parent / "shared")).resolve()


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    corpus = SHARED / "corpus" / "articles"
    files = sorted(str(p) for p in corpus.glob("*/article.txt"))
    if not files:
        print(f"no corpus at {corpus}; set NEWSCONV_SHARED", file=sys.stderr)
        return 2

    from convert.api import read_file, write
    from convert.reports import render
    from convert.validate import ValidateOptions, validate_paths

    options = ValidateOptions()

    def validate_all():
        return render("text", validate_paths(files, options))

    def convert_all():
        for f in files:
            write(read_file(f).value, "json")

    validate_all(), convert_all()  # warm-up: imports, caches (schema load)
    t_validate = median_time(validate_all, args.runs)
    t_convert = median_time(convert_all, args.runs)
    reports = validate_paths(files, options)
    n_msgs = sum(len(r.messages) for r in reports)

    cli_runs = max(3, args.runs // 3)
    cli = [sys.executable, "-m", "convert.cli", "validate", "--exit-zero", "-qq", str(corpus)]
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    def run_cli():
        subprocess.run(cli, env=env, check=True, capture_output=True)

    t_cli = median_time(run_cli, cli_runs)
    print(f"corpus: {len(files)} articles ({sum(Path(f).stat().st_size for f in files) / 1024:.0f} KiB), "
          f"{n_msgs} messages, {sum(not r.ok for r in reports)} files with errors")
    print(f"validate (in process, median of {args.runs}): {t_validate * 1000:8.1f} ms  "
          f"({t_validate / len(files) * 1000:.2f} ms/article)  limit 1000 ms: {'OK' if t_validate < 1 else 'SLOW'}")
    print(f"convert -t json (in process, median of {args.runs}): {t_convert * 1000:8.1f} ms  "
          f"-> validate/convert = {t_validate / t_convert:.2f} ({'OK' if t_validate <= t_convert else 'SLOWER'})")
    print(f"CLI `newsconv validate <corpus>` (new process, median of {cli_runs}): {t_cli * 1000:8.1f} ms")
    return 0 if t_validate < 1 and t_validate <= t_convert else 1


if __name__ == "__main__":
    sys.exit(main())
