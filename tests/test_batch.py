"""Batch conversion (issue 8): whole folders in, sharded or mirrored folders out, atomic writes,
failures recorded, a manifest that resumes, names that stay inside the output folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from io import StringIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import convert.batch as batch
from convert.api import read_file, write
from convert.batch import convert_many, iter_inputs, safe_component
from convert.cli import main
from convert.options import WriteOptions
from convert.progress import Progress
from convert.writers import WRITERS, available

from conftest import FIXTURES, ROOT, fixture_articles

FORMATS = [f for f in ("json", "newsml", "jsonld", "docx") if f in available()]


def fixture_folder(tmp_path: Path) -> Path:
    """The fixture articles (not fixtures/invalid/ nor the goldens) copied into a folder."""
    folder = tmp_path / "fixtures"
    folder.mkdir()
    for p in fixture_articles():
        (folder / p.name).write_bytes(p.read_bytes())
    return folder


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def make_corpus(folder: Path, n: int, *, nested: bool = False) -> list[Path]:
    """`n` distinct articles made by varying the fixtures (a numbered closing paragraph)."""
    bases = [p.read_bytes().rstrip(b"\r\n") for p in fixture_articles()]
    paths = []
    for i in range(n):
        sub = folder / (f"desk{i % 3}/day{i % 2}" if nested else "")
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / f"story{i:05d}.txt"
        p.write_bytes(bases[i % len(bases)] + f"\n\nThis is copy number {i}.\n".encode("ascii"))
        paths.append(p)
    return paths


def tree(folder: Path, *, skip_manifest: bool = True) -> dict[str, bytes]:
    """Every file under `folder` (relative posix path -> bytes), hidden ones included."""
    out = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            p = Path(dirpath, name)
            rel = p.relative_to(folder).as_posix()
            if skip_manifest and rel == "manifest.jsonl":
                continue
            out[rel] = p.read_bytes()
    return out


def manifest(folder: Path) -> dict[str, dict]:
    recs = {}
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            rec = json.loads(line)
        except ValueError:  # a line torn by a killed run
            continue
        recs[rec["input"]] = rec
    return recs


def test_cli_converts_a_folder_to_every_format_like_the_single_file_path(tmp_path):
    out = tmp_path / "out"
    res = run("convert", "--input-dir", fixture_folder(tmp_path), "--output-dir", out, "-t", ",".join(FORMATS),
              "-j", "2")
    assert res.exit_code == 0, res.output
    assert f"{len(fixture_articles())} converted, 0 failed, 0 skipped" in res.stderr
    assert "\r" not in res.stderr  # no progress bar when stderr is not a terminal
    recs = manifest(out)
    assert sorted(recs) == sorted(p.name for p in fixture_articles())
    for src in fixture_articles():
        rec = recs[src.name]
        assert rec["status"] == "done"
        assert rec["sha256"] == __import__("hashlib").sha256(src.read_bytes()).hexdigest()
        assert sorted(rec["outputs"]) == sorted(FORMATS)
        article = read_file(src).value
        for fmt in FORMATS:
            produced = out / rec["outputs"][fmt]
            assert produced.name == src.name[:-4] + WRITERS[fmt].suffix
            assert produced.parent.name == "0000"
            assert produced.read_bytes() == write(article, fmt).value  # DOCX too: its writer is deterministic
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]


@pytest.mark.shared
def test_batch_outputs_pass_the_official_validators(shared, tmp_path):
    tools = {"newsml": "check_newsml.py", "jsonld": "check_jsonld.py"}
    formats = [f for f in tools if f in available()]
    if not formats:
        pytest.skip("no NewsML-G2 or JSON-LD writer in this installation")
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 30, nested=True)
    summary = convert_many(iter_inputs(src), out, formats, root=src, jobs=2)
    assert summary.succeeded == 30
    for fmt in formats:
        files = sorted(str(p) for p in out.rglob("*" + WRITERS[fmt].suffix))
        assert len(files) == 30
        proc = subprocess.run([sys.executable, str(shared / "tools" / tools[fmt]), *files],
                              capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def test_model_json_inputs_convert_back_to_identical_model_json(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert run("convert", "--input-dir", fixture_folder(tmp_path), "--output-dir", first, "-q").exit_code == 0
    res = run("convert", "--input-dir", first, "--output-dir", second, "--include", "*.model.json", "-j", "1")
    assert res.exit_code == 0, res.output
    assert f"{len(fixture_articles())} converted" in res.stderr
    assert tree(second) == tree(first)


def test_keep_dirs_mirrors_the_tree_and_globs_select_files(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 12, nested=True)
    (src / "notes.md").write_text("not an article")
    (src / ".hidden.txt").write_text("HIDDEN\n\nLONDON - Body.\n")
    (src / "desk0" / "skip-me.txt").write_text("SKIP\n\nBody.\n")
    res = run("convert", "--input-dir", src, "--output-dir", out, "--keep-dirs", "--exclude", "skip-*", "-j", "1")
    assert res.exit_code == 0, res.output
    produced = sorted(tree(out))
    expected = sorted(p.relative_to(src).with_suffix("").as_posix() + ".model.json"
                      for p in src.rglob("story*.txt"))
    assert produced == expected and len(produced) == 12
    # --include picks other files; output folder inside the input folder is never read back
    inner = src / "converted"
    res = run("convert", "--input-dir", src, "--output-dir", inner, "--include", "desk1/*", "-j", "1")
    assert res.exit_code == 0, res.output
    again = run("convert", "--input-dir", src, "--output-dir", inner, "--include", "desk1/*", "-j", "1", "--resume")
    assert "0 converted, 0 failed, 4 skipped" in again.stderr
    assert sorted(manifest(inner)) == sorted(p.relative_to(src).as_posix() for p in (src / "desk1").rglob("*.txt"))


def test_shards_hold_at_most_the_file_limit_and_names_stay_unique(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "SHARD_FILES", 10)
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 23, nested=True)
    with ThreadPoolExecutor(2) as ex:
        summary = convert_many(iter_inputs(src), out, ["json", "json"], root=src, executor=ex, chunk_size=3)
    assert summary.succeeded == 23 and summary.ok
    folders = sorted(p for p in out.iterdir() if p.is_dir())
    assert [p.name for p in folders] == ["0000", "0001", "0002"]
    assert [len(list(p.iterdir())) for p in folders] == [10, 10, 3]  # one format: 10 articles per shard
    with ThreadPoolExecutor(2) as ex:
        summary = convert_many(iter_inputs(src), tmp_path / "two", FORMATS[:2],
                               root=src, executor=ex)
    for p in (tmp_path / "two").iterdir():
        if p.is_dir():
            assert len(list(p.iterdir())) <= 10


def test_same_stem_in_one_folder_gets_distinct_outputs(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("ONE\n\nLONDON - First body.\n")
    (src / "a.text").write_text("TWO\n\nPARIS - Second body.\n")
    (src / "A.TXT").write_text("THREE\n\nROME - Third body.\n")
    with ThreadPoolExecutor(1) as ex:
        summary = convert_many(iter_inputs(src), out, ["json"], root=src, keep_dirs=True, executor=ex)
    assert summary.succeeded == 3
    names = sorted(tree(out))
    assert len(names) == 3 and len({n.casefold() for n in names}) == 3
    assert "a.model.json" in names or "A.model.json" in names
    # sharded: the same name in two folders lands in one shard under two names
    for folder in ("x", "y"):
        (src / folder).mkdir()
        (src / folder / "a.txt").write_text(f"FROM {folder}\n\nOSLO - Body.\n")
    with ThreadPoolExecutor(1) as ex:
        convert_many(iter_inputs(src, ["?/a.txt"]), tmp_path / "flat", ["json"], root=src, executor=ex)
    assert sorted(tree(tmp_path / "flat")) == ["0000/a.model.json", "0000/y_a.model.json"]


def test_a_bad_article_is_recorded_and_the_batch_goes_on(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 5)
    (src / "binary.txt").write_bytes(b"abc\x00\x01def")
    (src / "empty.txt").write_bytes(b"")
    res = run("convert", "--input-dir", src, "--output-dir", out, "-j", "2")
    assert res.exit_code == 1
    assert "5 converted, 2 failed, 0 skipped" in res.stderr
    assert f"{src / 'binary.txt'}:1:4: NC101 error" in res.stderr
    assert f"{src / 'empty.txt'}:1:1: NC104 error" in res.stderr
    recs = manifest(out)
    assert recs["binary.txt"]["status"] == "failed" and recs["binary.txt"]["outputs"] == {}
    assert recs["binary.txt"]["messages"][0]["code"] == "NC101"
    assert len(tree(out)) == 5
    # a resumed run retries the failures (they fail again) and skips the rest
    res = run("convert", "--input-dir", src, "--output-dir", out, "-j", "2", "--resume")
    assert res.exit_code == 1 and "0 converted, 2 failed, 5 skipped" in res.stderr


def test_resume_skips_unchanged_redoes_changed_and_new(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    paths = make_corpus(src, 30)
    first = convert_many(iter_inputs(src), out, ["json"], root=src, jobs=2)
    assert first.succeeded == 30
    before = tree(out)
    paths[3].write_bytes(b"CHANGED HEADLINE\n\nLONDON - A new body.\n")
    make_corpus(src / "late", 2)
    again = run("convert", "--input-dir", src, "--output-dir", out, "--resume", "-j", "2")
    assert again.exit_code == 0, again.output
    assert "3 converted, 0 failed, 29 skipped" in again.stderr
    after = tree(out)
    rec = manifest(out)["story00003.txt"]
    assert json.loads(after[rec["outputs"]["json"]])["headline"]["text"] == "CHANGED HEADLINE"
    changed = {k for k in before if before[k] != after.get(k)}
    assert changed == {rec["outputs"]["json"]}
    # without --resume or --force an earlier batch is not overwritten
    refused = run("convert", "--input-dir", src, "--output-dir", out)
    assert refused.exit_code == 3 and "NC852" in refused.stderr
    forced = run("convert", "--input-dir", src, "--output-dir", out, "--force", "-q")
    assert forced.exit_code == 0 and forced.stderr == ""
    assert tree(out) == after


def test_resume_redoes_articles_converted_with_other_options(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 4)
    with ThreadPoolExecutor(2) as ex:
        convert_many(iter_inputs(src), out, ["json"], root=src, executor=ex)
        same = convert_many(iter_inputs(src), out, ["json"], root=src, executor=ex, resume=True)
        other = convert_many(iter_inputs(src), out, ["json"], root=src, executor=ex, resume=True,
                             options=WriteOptions(indent=None))
    assert (same.skipped, same.succeeded) == (4, 0)
    assert (other.skipped, other.succeeded) == (0, 4)
    assert (out / "0000" / "story00000.model.json").read_bytes().count(b"\n") <= 1  # compact JSON now


def test_an_executor_that_cannot_run_the_work_stops_the_batch(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 4)
    ex = ThreadPoolExecutor(1)
    ex.shutdown()
    summary = convert_many(iter_inputs(src), out, ["json"], root=src, executor=ex)
    assert summary.aborted and summary.total == 0
    assert [m.code for m in summary.messages] == ["NC856"]
    assert "RuntimeError" in summary.messages[0].text


def test_torn_manifest_line_and_partial_files_are_cleaned_up(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 6)
    convert_many(iter_inputs(src), out, ["json"], root=src, jobs=1)
    clean = tree(out)
    lines = (out / "manifest.jsonl").read_text().splitlines(keepends=True)
    gone = json.loads(lines[-1])
    (out / "manifest.jsonl").write_text("".join(lines[:-1]) + lines[-1][:25])  # killed mid-line
    (out / gone["outputs"]["json"]).unlink()
    (out / "0000" / f".{Path(gone['outputs']['json']).name}.k3x9z.part").write_bytes(b'{"half')
    emptied = json.loads(lines[0])  # recorded, but its output lost its data (a power cut)
    (out / emptied["outputs"]["json"]).write_bytes(b"")
    summary = convert_many(iter_inputs(src), out, ["json"], root=src, jobs=1, resume=True)
    assert (summary.succeeded, summary.skipped) == (2, 4)
    assert {m.code for m in summary.messages} == {"NC853", "NC857"}
    assert tree(out) == clean
    assert manifest(out)[gone["input"]]["status"] == "done"


def _crash_on(marker: str) -> None:
    """Pool initializer for the tests: the worker dies (os._exit) on an input whose name holds
    `marker`, as a segfault or an OOM kill would end it."""
    import convert.batch as b

    real = b._convert_one

    def dying(job, task):
        if marker in task.path:
            os._exit(13)
        return real(job, task)

    b._convert_one = dying


def test_worker_death_is_isolated_recorded_and_resumed_to_the_clean_result(tmp_path):
    src = tmp_path / "in"
    make_corpus(src, 40)
    clean = tmp_path / "clean"
    convert_many(iter_inputs(src), clean, FORMATS, root=src, jobs=2)

    out = tmp_path / "out"
    factory = lambda: ProcessPoolExecutor(2, initializer=_crash_on, initargs=("story00017",))  # noqa: E731
    summary = convert_many(iter_inputs(src), out, FORMATS, root=src, executor=factory, chunk_size=4)
    assert (summary.succeeded, summary.failed) == (39, 1)
    [(key, errors)] = summary.failures
    assert key == "story00017.txt" and errors[0].code == "NC850"
    assert manifest(out)[key]["status"] == "failed"

    resumed = convert_many(iter_inputs(src), out, FORMATS, root=src, jobs=2, resume=True)
    assert (resumed.succeeded, resumed.failed, resumed.skipped) == (1, 0, 39)
    assert tree(out) == tree(clean)


def test_a_passed_in_executor_that_breaks_stops_the_batch_and_resume_finishes_it(tmp_path):
    src = tmp_path / "in"
    make_corpus(src, 40)
    clean, out = tmp_path / "clean", tmp_path / "out"
    convert_many(iter_inputs(src), clean, ["json"], root=src, jobs=2)
    with ProcessPoolExecutor(2, initializer=_crash_on, initargs=("story00021",)) as ex:
        summary = convert_many(iter_inputs(src), out, ["json"], root=src, executor=ex, chunk_size=4)
    assert summary.aborted and not summary.ok and "NC856" in {m.code for m in summary.messages}
    assert summary.succeeded < 40
    resumed = convert_many(iter_inputs(src), out, ["json"], root=src, jobs=2, resume=True)
    assert resumed.ok and resumed.succeeded + resumed.skipped == 40
    assert tree(out) == tree(clean)


def test_names_outside_the_input_folder_or_through_links_do_not_escape(tmp_path):
    src, out, elsewhere = tmp_path / "in", tmp_path / "out", tmp_path / "elsewhere"
    make_corpus(src, 3)
    outsider = tmp_path / "outsider.txt"
    outsider.write_text("OUT\n\nLONDON - Body.\n")
    elsewhere.mkdir()
    with ThreadPoolExecutor(1) as ex:
        summary = convert_many([*iter_inputs(src), outsider], out, ["json"], root=src, keep_dirs=True, executor=ex)
    assert summary.succeeded == 3 and summary.failed == 1
    assert summary.failures[0][1][0].code == "NC855"
    # a symbolic link planted in the output folder is not followed out of it
    out2 = tmp_path / "out2"
    out2.mkdir()
    (out2 / "0000").symlink_to(elsewhere, target_is_directory=True)
    with ThreadPoolExecutor(1) as ex:
        summary = convert_many(iter_inputs(src), out2, ["json"], root=src, executor=ex)
    assert summary.failed == 3 and {f[1][0].code for f in summary.failures} == {"NC855"}
    assert list(elsewhere.iterdir()) == []


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=300))
def test_safe_component_is_one_harmless_name(name):
    clean = safe_component(name)
    assert clean and "/" not in clean and "\\" not in clean and "\x00" not in clean
    assert clean not in {".", ".."} and not clean.startswith(".")
    assert len(clean.encode("utf-8")) <= 160
    joined = os.path.normpath(os.path.join("/out", clean, clean + ".model.json"))
    assert joined.startswith("/out/")


def test_progress_bar_counts_articles_with_rate_and_eta():
    now = [0.0]
    stream = StringIO()
    bar = Progress(10, stream=stream, enabled=True, clock=lambda: now[0], min_interval=0)
    now[0] = 2.0
    bar.update(4)
    assert bar.line().startswith("4/10 articles [#########") and "2.0/s" in bar.line() and "ETA 0:03" in bar.line()
    now[0] = 5.0
    bar.update(6)
    bar.close()
    assert stream.getvalue().count("\r") >= 2 and stream.getvalue().endswith("\n")
    assert "10/10 articles" in stream.getvalue()
    quiet = StringIO()
    off = Progress(10, stream=quiet)  # not a terminal: off
    off.update(10)
    off.close()
    assert not off.enabled and quiet.getvalue() == ""


def test_cli_usage_errors_and_empty_input(tmp_path):
    assert run("convert", "--input-dir", FIXTURES).exit_code == 2
    assert run("convert", "x.txt", "--keep-dirs").exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    res = run("convert", "--input-dir", empty, "--output-dir", tmp_path / "o")
    assert res.exit_code == 1 and "NC854" in res.stderr


def test_single_file_path_is_unchanged(tmp_path):
    res = run("convert", FIXTURES / "reuters_london_caps.txt", "-o", tmp_path / "r.model.json")
    assert res.exit_code == 0
    assert (tmp_path / "r.model.json").read_bytes() == write(read_file(FIXTURES / "reuters_london_caps.txt").value,
                                                            "json").value


def test_readme_documents_batch_conversion():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Batch conversion", 1)[1].split("\n## ", 1)[0]
    for needle in ("--input-dir", "--keep-dirs", "--resume", "--dask", "manifest.jsonl", "convert_many"):
        assert needle in section


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
