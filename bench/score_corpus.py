#!/usr/bin/env python3
"""Parse every article of the development corpus to model JSON and score it with the corpus's
own scorer.

    python bench/score_corpus.py [--shared DIR] [--out DIR] [--json scores.json]
                                 [--details per_article.jsonl] [--ids ID ...] [--quiet]

`--shared` (or NEWSCONV_SHARED; default ../shared beside the repository) holds
corpus/articles/<id>/article.txt and corpus/score.py. Each article is parsed in-process with
`convert.parse` and written as `<out>/<id>.json` (the project's model JSON, `convert.to_json`);
an article the reader refuses is written as an empty object and reported. Then
`corpus/score.py --pred-dir <out>` runs in a subprocess and its report is printed (with `--json`,
its aggregate scores are also written to that file).

Why a subprocess for the scorer: score.py is the corpus's reference, not part of newsconv; it is
run exactly as documented in corpus/README.md, so the figures are the ones anyone else gets.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def default_shared() -> Path:
    return Path(os.environ.get("NEWSCONV_SHARED", ROOT.parent / "shared")).resolve()


def parse_corpus(articles: Path, out: Path, ids: list[str] | None = None) -> tuple[int, list[str], float]:
    """Write <out>/<id>.json for every article; (count, failures, seconds spent parsing)."""
    import convert

    out.mkdir(parents=True, exist_ok=True)
    convert.parse(b"WARM-UP\n\nLONDON, March 3 - Lazy imports happen here, not in the timing.\n")
    failures: list[str] = []
    count = 0
    spent = 0.0
    for folder in sorted(p for p in articles.iterdir() if (p / "article.txt").is_file()):
        if ids and folder.name not in ids:
            continue
        data = (folder / "article.txt").read_bytes()
        t0 = time.perf_counter()
        try:
            article = convert.parse(data, f"{folder.name}/article.txt").value
            doc = convert.to_json(article)
        except convert.NewsconvError as exc:
            failures.append(f"{folder.name}: {exc}")
            doc = "{}\n"
        spent += time.perf_counter() - t0
        (out / f"{folder.name}.json").write_text(doc, encoding="utf-8")
        count += 1
    return count, failures, spent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=None, help="the shared folder (default: NEWSCONV_SHARED or ../shared)")
    ap.add_argument("--out", type=Path, default=None, help="where to write <id>.json (default: a temporary folder)")
    ap.add_argument("--json", dest="json_out", type=Path, help="also write the aggregate scores as JSON here")
    ap.add_argument("--details", type=Path, help="per-article details (JSON Lines) from the scorer")
    ap.add_argument("--ids", nargs="*", help="only these article ids")
    ap.add_argument("--quiet", action="store_true", help="print only the summary lines")
    args = ap.parse_args(argv)

    shared = (args.shared or default_shared()).resolve()
    corpus = shared / "corpus"
    scorer = corpus / "score.py"
    if not scorer.is_file() or not (corpus / "articles").is_dir():
        print(f"error: no corpus at {corpus} (set --shared or NEWSCONV_SHARED)", file=sys.stderr)
        return 2

    tmp = None
    out = args.out
    if out is None:
        tmp = tempfile.TemporaryDirectory(prefix="newsconv-corpus-")
        out = Path(tmp.name)
    try:
        count, failures, spent = parse_corpus(corpus / "articles", out, args.ids)
        for f in failures:
            print(f"parse failed: {f}", file=sys.stderr)
        cmd = [sys.executable, str(scorer), "--pred-dir", str(out)]
        json_out = args.json_out
        if json_out is None and args.quiet:
            json_out = out / "_scores.json"
        if json_out is not None:
            cmd += ["--json", str(json_out)]
        if args.details:
            cmd += ["--details", str(args.details)]
        if args.ids:
            cmd += ["--ids", *args.ids]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            return proc.returncode
        if args.quiet:
            scores = json.loads(Path(json_out).read_text())["scores"]
            keys = ("headline_exact", "dateline_place", "no_dateline_correct", "dateline_date")
            print(f"{'group':<28}" + "".join(f"{k:>21}" for k in keys))
            for group in ["ALL"] + sorted(g for g in scores if g != "ALL"):
                row = scores[group]
                cells = []
                for k in keys:
                    v = row.get(k)
                    cells.append(f"{'-':>21}" if v is None or v[0] is None else f"{v[0]:>14.3f} (n={v[1]:>3})")
                print(f"{group:<28}" + "".join(cells))
        else:
            sys.stdout.write(proc.stdout)
        print(f"\nparsed {count} articles in {spent * 1000:.1f} ms "
              f"({spent / max(count, 1) * 1000:.3f} ms each); {len(failures)} refused; model JSON in "
              f"{'a temporary folder' if tmp else out}")
        return 0
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `... | head`
        sys.exit(0)
