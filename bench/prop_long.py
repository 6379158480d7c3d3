"""A long run of the property tests (tests/test_properties.py) with many more examples than CI.

Usage:  NEWSCONV_SHARED=../shared python bench/prop_long.py [EXAMPLES]   (default 20000 per property)

It reruns the same properties (arbitrary text, arbitrary bytes, article-shaped text in several
encodings, lossless model + JSON round trip + every available writer, arbitrary and mutated model JSON) through pytest, with
NEWSCONV_PROP_EXAMPLES set, and prints the count, the time taken and pytest's verdict.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    examples = int(argv[1]) if len(argv) > 1 else 20000
    env = dict(os.environ, NEWSCONV_PROP_EXAMPLES=str(examples))
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(ROOT / "tests" / "test_properties.py"), "-k", "not surrogates"],
                          cwd=ROOT, env=env)
    elapsed = time.perf_counter() - started
    print(f"prop_long: {examples} examples per property, {elapsed:.0f} s, "
          f"{'passed' if proc.returncode == 0 else 'FAILED'}")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
