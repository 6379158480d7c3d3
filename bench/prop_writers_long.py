"""The writer properties of tests/test_writer_properties.py with many more examples.

Same strategies (tests/test_writer_strategies.py), same checks (`writer_problems`: every writer's
output passes the package's own checks, the official NewsML-G2, NITF and ninjs schemas where
../shared is present, and the model JSON round trip); only the example counts differ. Hypothesis'
example database is off, so every run explores fresh examples (pass --seed to repeat one).

    NEWSCONV_SHARED=../shared PYTHONPATH=. python bench/prop_writers_long.py [--examples 2000] [--seed N]

Prints the examples run per property, the time taken and the outcome; exits 1 on a failure
(after hypothesis has shrunk it to a small model, which it prints).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from test_writer_properties import HAVE_SHARED, writer_problems  # noqa: E402
from test_writer_strategies import parsed_articles, rich_articles, write_options  # noqa: E402


def run(name: str, strategy, examples: int, seed_value: int | None) -> bool:
    counted = {"run": 0, "refused": 0}

    @settings(max_examples=examples, deadline=None, database=None, print_blob=True,
              suppress_health_check=list(HealthCheck))
    @given(strategy, write_options())
    def prop(article, options):
        if article is None:
            counted["refused"] += 1
            return
        counted["run"] += 1
        assert writer_problems(article, options) == {}

    if seed_value is not None:
        prop = seed(seed_value)(prop)
    start = time.perf_counter()
    ok = True
    try:
        prop()
    except Exception as exc:  # hypothesis has printed the shrunk example
        ok = False
        print(f"{name}: FAILED: {type(exc).__name__}: {str(exc)[:2000]}")
    took = time.perf_counter() - start
    extra = f" ({counted['refused']} texts refused by the reader, not counted)" if counted["refused"] else ""
    print(f"{name}: {counted['run']} articles through every writer in {took:.1f} s{extra}: "
          f"{'ok' if ok else 'FAILED'}", flush=True)
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=2000, help="examples per property (default 2000)")
    ap.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: random)")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    print(f"official schemas: {'yes' if HAVE_SHARED else 'no (../shared absent: own checks only)'}")
    ok = run("rich models", rich_articles(), args.examples, args.seed)
    ok = run("parsed texts", parsed_articles(), args.examples, args.seed) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
