"""Batch conversion: many inputs, any `concurrent.futures.Executor`, atomic outputs, a resumable
manifest, bounded memory.

    from convert.batch import convert_many, iter_inputs
    summary = convert_many(iter_inputs("in/"), "out/", ["json", "newsml"], root="in/")
    summary = convert_many(paths, "out/", ["json"], executor=client.get_executor())   # Dask

Why it is built this way:
- Chunks, not one task per article: a Dask task costs milliseconds of scheduling, a process-pool
  task a pickle round trip; a chunk of `chunk_size` articles amortises both.
- Workers write the outputs themselves (through `convert.fsio.atomic_write`: a temporary file in
  the target folder, then `os.replace`) and send back only a small record, so no article text or
  output bytes cross the process boundary, and a reader of the output folder never sees half a file.
  On a cluster the input and output folders must therefore be on a file system every worker sees.
- The parent streams: inputs are a lazy iterable, at most `max_in_flight` chunks are submitted at a
  time, and records are appended to the manifest as they arrive, never collected. Peak memory does
  not grow with the number of articles (a resumed run keeps one small entry per recorded input).
- A failing article is a record with status "failed" and its messages; the batch goes on. A worker
  that dies (segfault, OOM kill, `os._exit`) loses its chunk: the chunk's articles are retried one
  at a time, alone, so the article that kills its worker is found and recorded as failed (NC850).
- Output names come from input names, sanitised, de-duplicated and checked never to leave the
  output folder. Without `keep_dirs` they are sharded into sub-folders (`0000/`, `0001/`, ...) of at
  most 1000 files; the i-th input goes to shard i // (1000 // number of formats), so a clean run and
  an interrupted-then-resumed run place every article in the same place.
"""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import os
import signal
import time
from collections import OrderedDict, deque
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Executor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import manifest as _manifest
from . import messages
from .decode import DEFAULT_MAX_BYTES
from .errors import NewsconvError
from .options import DEFAULT_OPTIONS, WriteOptions
from .result import Message

#: Files converted when no --include is given (plain-text articles).
DEFAULT_INCLUDE: tuple[str, ...] = ("*.txt", "*.text")
#: At most this many files in one shard folder.
SHARD_FILES = 1000
#: Articles per task. Each chunk costs a round trip, an os.sync() and a manifest record; measured
#: on a quiet 2-core machine (bench/bench_batch.py, 1,000 articles to json+newsml+jsonld), 16
#: gave 351/s with a 1.58x speed-up for 2 workers and Dask at 80% of the pool, 32 gave 348/s,
#: 1.78x and 95% (Dask uses twice this).
DEFAULT_CHUNK_SIZE = 32
_PART_SUFFIX = ".part"  # convert.fsio.atomic_write's temporary files: ".<name>.<random>.part"
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_UNSAFE = set('/\\:*?"<>|\x7f')
_HAS_SYNC = hasattr(os, "sync")  # not on Windows: there each file is fsync-ed
_MAX_NAME_BYTES = 150  # leaves room for ".newsml.xml" and atomic_write's ".<name>.xxxxxxxx.part"


class BatchError(NewsconvError):
    """The batch cannot start or go on (an earlier batch in the output folder, no inputs, ...)."""


# ---- inputs -----------------------------------------------------------------------------------

def _matches(rel: str, patterns: Iterable[str]) -> bool:
    """Case-insensitive glob match: a pattern with a '/' matches the relative path, else the name."""
    rel = rel.lower()
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel if "/" in p else name, p.lower()) for p in patterns)


def iter_inputs(input_dir: str | os.PathLike, include: Iterable[str] = DEFAULT_INCLUDE,
                exclude: Iterable[str] = (), *, skip: Iterable[str | os.PathLike] = ()) -> Iterator[Path]:
    """Every file under `input_dir` matching `include` and not `exclude`, in a stable order
    (sorted, folder by folder), lazily. Hidden files and folders (".x") are left out, symlinked
    folders are not followed, and folders in `skip` (e.g. the output folder inside the input
    folder) are not entered."""
    root = Path(input_dir)
    include, exclude = tuple(include) or DEFAULT_INCLUDE, tuple(exclude)
    skip_real = {os.path.realpath(p) for p in skip}
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(".")
                             and os.path.realpath(os.path.join(dirpath, d)) not in skip_real
                             and not (exclude and _matches(rel_dir + d, exclude)))
        for name in sorted(filenames):
            rel = rel_dir + name
            if name.startswith(".") or not _matches(rel, include) or (exclude and _matches(rel, exclude)):
                continue
            yield Path(dirpath, name)


def count_inputs(*args, **kwargs) -> int:
    """How many inputs `iter_inputs` would give (a walk over names only; for the progress bar)."""
    return sum(1 for _ in iter_inputs(*args, **kwargs))


# ---- output names -----------------------------------------------------------------------------

def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:8]


def safe_component(name: str) -> str:
    """One path component that is safe on every common file system: no separators, control or
    reserved characters, no '.', '..' or hidden names, no Windows device names, not too long."""
    clean = "".join("_" if (c in _UNSAFE or not c.isprintable()) else c for c in name)
    clean = clean.strip().rstrip(".")
    if clean.startswith("."):
        clean = "_" + clean.lstrip(".")
    if not clean or clean in {".", ".."}:
        clean = "_"
    if clean.split(".", 1)[0].upper() in _WINDOWS_RESERVED:
        clean = "_" + clean
    encoded = clean.encode("utf-8", "surrogateescape")
    if len(encoded) > _MAX_NAME_BYTES:
        clean = encoded[: _MAX_NAME_BYTES - 9].decode("utf-8", "ignore") + "-" + _short_hash(name)
    return clean.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def output_stem(filename: str) -> str:
    """`article.txt` -> `article`; `a.model.json` -> `a` (the longest known input suffix goes)."""
    from .readers import READERS

    lower = filename.lower()
    suffixes = sorted({s for info in READERS.values() for s in info.suffixes}, key=len, reverse=True)
    for suffix in suffixes:
        if lower.endswith(suffix) and len(filename) > len(suffix):
            return filename[: -len(suffix)]
    return filename.rsplit(".", 1)[0] if "." in filename.strip(".") else filename


def _inside(folder_real: str, path: str | os.PathLike) -> bool:
    real = os.path.realpath(path)
    return real == folder_real or real.startswith(folder_real.rstrip(os.sep) + os.sep)


class _Layout:
    """Decides every input's output base (relative path without a suffix), deterministically in
    input order, remembering what a resumed manifest already placed."""

    def __init__(self, n_formats: int, keep_dirs: bool, recorded: dict[str, _manifest.Entry]):
        self.keep_dirs = keep_dirs
        self.capacity = max(1, SHARD_FILES // max(1, n_formats))  # articles per shard
        self.ordinal = 0
        self.counts: dict[int, int] = {}
        self.taken: OrderedDict[str, set[str]] = OrderedDict()  # folder -> casefolded names
        self.recorded = recorded
        self._keep_all = bool(recorded)  # a resumed run must see every recorded name
        for entry in recorded.values():
            folder, _, name = entry.base.rpartition("/")
            self._taken(folder).add(name.casefold())
            if not keep_dirs and folder.isdigit():
                self.counts[int(folder)] = self.counts.get(int(folder), 0) + 1

    def _taken(self, folder: str) -> set[str]:
        names = self.taken.get(folder)
        if names is None:
            names = self.taken[folder] = set()
            if not self._keep_all and len(self.taken) > 64:
                self.taken.popitem(last=False)  # inputs come folder by folder: old folders are done
        else:
            self.taken.move_to_end(folder)
        return names

    def place(self, key: str, filename: str, rel_dir: str) -> str:
        entry = self.recorded.get(key)
        ordinal = self.ordinal
        self.ordinal += 1
        if entry is not None:
            return entry.base
        if self.keep_dirs:
            folder = "/".join(safe_component(p) for p in rel_dir.split("/") if p)
        else:
            shard = ordinal // self.capacity
            while self.counts.get(shard, 0) >= self.capacity:
                shard += 1
            self.counts[shard] = self.counts.get(shard, 0) + 1
            folder = f"{shard:04d}"
        names = self._taken(folder)
        stem = output_stem(filename)
        name = safe_component(stem)
        if name.casefold() in names and not self.keep_dirs and rel_dir:
            # "a/article.txt" and "b/article.txt" in one shard: "article", then "b_article"
            name = safe_component("_".join(p for p in rel_dir.split("/") if p) + "_" + stem)
        if name.casefold() in names:
            name = safe_component(f"{stem}-{_short_hash(key)}")
        names.add(name.casefold())
        return f"{folder}/{name}" if folder else name


# ---- the work sent to workers -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Job:
    """What every chunk of one batch shares (small and picklable)."""

    output_dir: str
    formats: tuple[str, ...]
    options: WriteOptions = DEFAULT_OPTIONS
    from_: str | None = None
    max_bytes: int | None = DEFAULT_MAX_BYTES
    strict: bool = False
    #: flush each chunk's outputs to disk before recording them (see convert_chunk)
    durable: bool = True
    #: settings_fingerprint(...) of this run, stored in every record
    settings: str = ""


@dataclass(frozen=True, slots=True)
class Task:
    """One article: where to read it, its manifest key, where its outputs go, and the sha256 of
    its earlier done record (a resumed run skips it when the input is unchanged)."""

    path: str
    key: str
    base: str
    done_sha256: str | None = None
    #: the sizes its outputs had when recorded, in job.formats order
    done_sizes: tuple[int, ...] = ()
    attempt: int = 0


def _message_dict(m: Message) -> dict:
    d = m.to_dict()
    d.pop("hint", None)
    return {k: v for k, v in d.items() if v is not None}


@functools.cache
def _writer(fmt: str) -> Callable:
    """The writer function of `fmt`, looked up once per worker process (the registry's lookup
    checks every module's presence on each call, which costs more than a small article's JSON)."""
    from .writers import get_writer

    return get_writer(fmt)


@functools.cache
def _reader(fmt: str) -> Callable:
    from .readers import get_reader

    return get_reader(fmt)


@functools.cache
def _reader_suffixes() -> tuple[tuple[str, str], ...]:
    from .readers import available

    pairs = ((s, fmt) for fmt, info in available().items() for s in info.suffixes)
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _input_format(name: str, data: bytes) -> str:
    """`convert.readers.guess_format`, with the registry looked up once per worker: the longest
    known suffix of the name wins, else the content decides."""
    lower = name.lower()
    for suffix, fmt in _reader_suffixes():
        if lower.endswith(suffix):
            return fmt
    from .readers import guess_format

    return guess_format(None, data)


def _convert_one(job: Job, task: Task) -> dict:
    """Convert one article and write its outputs; never raises for a bad article."""
    from .api import read_bytes_from
    from .fsio import atomic_write
    from .writers import WRITERS

    record: dict = {"input": task.key, "sha256": None, "size": None, "status": "failed",
                    "base": task.base, "settings": job.settings, "outputs": {}, "sizes": {},
                    "messages": []}
    notes: list[Message] = []
    try:
        data = read_bytes_from(task.path, job.max_bytes)
        sha = hashlib.sha256(data).hexdigest()
        record["sha256"], record["size"] = sha, len(data)
        outputs = {fmt: task.base + WRITERS[fmt].suffix for fmt in job.formats}
        if task.done_sha256 == sha and _outputs_intact(job.output_dir, outputs.values(), task.done_sizes):
            record["status"], record["outputs"] = "skipped", outputs
            return record
        fmt = job.from_ or _input_format(task.path, data)
        extra = {"max_bytes": job.max_bytes} if fmt == "text" else {}
        parsed = _reader(fmt)(data, task.path, **extra)
        notes.extend(parsed.messages)
        failed = bool(parsed.errors) or (job.strict and bool(parsed.warnings))
        folder_made = False
        for fmt in () if parsed.errors else job.formats:  # no output from input read with errors
            result = _writer(fmt)(parsed.value, job.options)
            notes.extend(result.messages)
            if result.errors or (job.strict and result.warnings):
                failed = True
                notes.append(messages.make("NC859", file=task.path, fmt=fmt))
                continue
            target = os.path.join(job.output_dir, outputs[fmt])
            if not folder_made:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                folder_made = True
            atomic_write(target, result.value, fsync=job.durable and not _HAS_SYNC)
            record["outputs"][fmt] = outputs[fmt]
            record["sizes"][fmt] = len(result.value)
        record["status"] = "failed" if failed else "done"
    except NewsconvError as exc:
        notes.extend(exc.messages)
    except Exception as exc:  # a bug in a reader or writer must not stop the batch
        notes.append(messages.make("NC851", file=task.path, detail=f"{type(exc).__name__}: {exc}"))
    record["messages"] = [_message_dict(m.with_file(task.path)) for m in notes]
    return record


def _outputs_intact(folder: str, paths, sizes: tuple[int, ...]) -> bool:
    """Every output exists with the size recorded (a power cut can leave empty files behind)."""
    paths = list(paths)
    if len(paths) != len(sizes):
        return False
    for rel, size in zip(paths, sizes):
        try:
            if os.stat(os.path.join(folder, rel)).st_size != size:
                return False
        except OSError:
            return False
    return True


def convert_chunk(job: Job, tasks: list[Task]) -> list[dict]:
    """The unit of work sent to an executor: convert each task, return one record per task.

    With `job.durable` the chunk's outputs are flushed to disk (one `os.sync()` for the chunk,
    not one fsync per file) before the records go back, so a manifest line saying "done" never
    points at data a power cut could still lose."""
    records = [_convert_one(job, task) for task in tasks]
    if job.durable and _HAS_SYNC and any(rec["outputs"] for rec in records):
        os.sync()
    return records


_WARM_SAMPLE = (b"Acme wins the contract\n\nLONDON, March 3, 2024 (Reuters) - Acme Corp said on Monday it had won "
                b"the contract. \"We are delighted,\" said John Smith, chief executive of Acme.\n")


def warm_up(formats: Iterable[str] = ()) -> None:
    """Import the reader and the writers and fill their caches (gazetteers, word lists, schemas)
    with one small article. Done in the parent before the pool forks, so every worker starts warm
    instead of paying the imports (over a second) itself; again in each worker, where it is
    nearly free after a fork and needed under other start methods."""
    try:
        parsed = _reader("text")(_WARM_SAMPLE, "warm-up.txt")
        for fmt in formats:
            _writer(fmt)(parsed.value, DEFAULT_OPTIONS)
    except Exception:  # warming is an optimisation only; real errors show on real articles
        pass


def _worker_init(formats: tuple[str, ...] = ()) -> None:
    """Pool workers ignore Ctrl-C: the parent decides how to stop (it finishes or cancels
    chunks and closes the manifest), so no worker dies mid-chunk with a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up(formats)


def default_executor(jobs: int | None = None, formats: Iterable[str] = ()) -> Executor:
    """A process pool of `jobs` workers (default: one per CPU), warmed for `formats`."""
    from concurrent.futures import ProcessPoolExecutor

    formats = tuple(formats)
    warm_up(formats)
    return ProcessPoolExecutor(max_workers=jobs or os.cpu_count() or 1, initializer=_worker_init,
                               initargs=(formats,))


# ---- the summary --------------------------------------------------------------------------------

@dataclass
class BatchSummary:
    succeeded: int = 0
    failed: int = 0
    skipped: int = 0
    #: (input key, its error messages) for every failed article (the first `max_failures` kept).
    failures: list[tuple[str, tuple[Message, ...]]] = field(default_factory=list)
    #: batch-level messages (partial files removed, torn manifest lines, interruption, ...).
    messages: list[Message] = field(default_factory=list)
    manifest: Path | None = None
    elapsed: float = 0.0
    interrupted: bool = False
    aborted: bool = False

    @property
    def total(self) -> int:
        return self.succeeded + self.failed + self.skipped

    @property
    def ok(self) -> bool:
        return not (self.failed or self.interrupted or self.aborted)

    def text(self) -> str:
        rate = self.total / self.elapsed if self.elapsed > 0 else 0.0
        return (f"{self.succeeded} converted, {self.failed} failed, {self.skipped} skipped "
                f"({self.total} articles in {self.elapsed:.1f} s, {rate:.1f}/s)")


# ---- the driver ---------------------------------------------------------------------------------

class _Abort(Exception):
    def __init__(self, exc: BaseException):
        super().__init__(str(exc))
        self.exc = exc


def _worker_death(exc: BaseException) -> bool:
    """A lost worker (process pool: BrokenProcessPool; Dask: KilledWorker after its retries)."""
    return isinstance(exc, BrokenExecutor) or type(exc).__name__ in {"KilledWorker", "WorkerLostError"}


def settings_fingerprint(**settings) -> str:
    """A short hash of what, besides the input bytes, decides the outputs (newsconv's version and
    the options): a resumed run redoes articles converted with other settings."""
    from . import __version__

    return hashlib.sha256(repr((__version__, sorted(settings.items()))).encode()).hexdigest()[:16]


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def remove_partial_files(output_dir: str | os.PathLike) -> int:
    """Delete the temporary files (".<name>.<random>.part") that a killed run left behind."""
    removed = 0
    for dirpath, _dirnames, filenames in os.walk(output_dir):
        for name in filenames:
            if name.startswith(".") and name.endswith(_PART_SUFFIX):
                try:
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
                except OSError:
                    pass
    return removed


def convert_many(paths: Iterable[str | os.PathLike], output_dir: str | os.PathLike,
                 formats: Iterable[str] = ("json",), *, root: str | os.PathLike | None = None,
                 keep_dirs: bool = False, options: WriteOptions = DEFAULT_OPTIONS, from_: str | None = None,
                 max_bytes: int | None = DEFAULT_MAX_BYTES, strict: bool = False, resume: bool = False,
                 force: bool = False, jobs: int | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE,
                 max_in_flight: int | None = None,
                 executor: Executor | Callable[[], Executor] | None = None,
                 progress: Callable[[int], None] | None = None, max_failures: int = 10_000,
                 durable: bool = True) -> BatchSummary:
    """Convert every path to every format, writing into `output_dir`; return the summary.

    `paths` may be a lazy iterable (e.g. `iter_inputs(...)`); it is consumed once, in order.
    `root` is the input folder: manifest keys and `keep_dirs` mirroring are relative to it (default:
    the current folder). `executor` is any `concurrent.futures.Executor` (e.g. a Dask
    `Client.get_executor()`), or a zero-argument factory of one; by default a process pool of `jobs`
    workers. With a factory (or the default) a pool broken by a dying worker is replaced and the
    batch goes on; a broken executor that was passed in stops the batch (`aborted`), and a run with
    `resume=True` picks up from the manifest. `progress(n)` is called with the number of articles
    finished after each chunk. `durable=False` skips flushing outputs to disk (faster on slow
    disks; still atomic, and safe against killed processes, but not against a power cut).
    """
    from .writers import available

    formats = tuple(dict.fromkeys(formats))
    known = available()
    for fmt in formats:
        if fmt not in known:
            msg = messages.make("NC801", name=fmt, valid=", ".join(known))
            raise BatchError(msg.text, (msg,))
    if not formats:
        raise ValueError("convert_many needs at least one format")
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    out_real = os.path.realpath(out)
    root_path = Path(root) if root is not None else Path.cwd()
    root_abs = os.path.abspath(root_path)
    manifest_path = out / _manifest.MANIFEST_NAME
    summary = BatchSummary(manifest=manifest_path)
    start = time.monotonic()

    if manifest_path.exists() and not (resume or force):
        msg = messages.make("NC852", file=str(out), target=str(out))
        raise BatchError(msg.text, (msg,))
    recorded: dict[str, _manifest.Entry] = {}
    if resume or force:
        removed = remove_partial_files(out)
        if removed:
            summary.messages.append(messages.make("NC857", file=str(out), count=removed))
    if resume:
        recorded, bad = _manifest.load(manifest_path)
        for number in bad:
            summary.messages.append(messages.make("NC853", file=str(manifest_path), line=number, number=number))
    layout = _Layout(len(formats), keep_dirs, recorded)
    writer = _manifest.ManifestWriter(manifest_path, append=resume)
    settings = settings_fingerprint(options=options, from_=from_, strict=strict, max_bytes=max_bytes)
    job = Job(str(out), formats, options, from_, max_bytes, strict, durable, settings)

    checked: dict[str, bool] = {}

    def tasks() -> Iterator[Task]:
        for p in paths:
            path = os.fspath(p)
            absolute = os.path.abspath(path)
            inside = absolute.startswith(root_abs.rstrip(os.sep) + os.sep)
            key = (os.path.relpath(absolute, root_abs) if inside else absolute).replace(os.sep, "/")
            if keep_dirs and not inside:
                record_failure(key, (messages.make("NC855", file=path, target=path, root=str(root_path)),))
                continue
            rel_dir = key.rpartition("/")[0] if inside else ""
            base = layout.place(key, os.path.basename(path), rel_dir)
            folder = base.rpartition("/")[0]
            safe = checked.get(folder)
            if safe is None:  # names are single safe components: only the folders can lead out
                if len(checked) > 4096:
                    checked.clear()
                safe = checked[folder] = _inside(out_real, os.path.join(out_real, folder))
            if not safe:  # e.g. a symbolic link inside OUT
                record_failure(key, (messages.make("NC855", file=path, target=base, root=str(out)),))
                continue
            entry = recorded.get(key)
            if entry and entry.status == "done" and entry.settings == settings:
                sizes = dict(entry.sizes)
                if all(sizes.get(fmt, -1) >= 0 for fmt in formats):
                    yield Task(path, key, base, entry.sha256, tuple(sizes[fmt] for fmt in formats))
                    continue
            yield Task(path, key, base)

    def record_failure(key: str, msgs: tuple[Message, ...], base: str | None = None) -> None:
        summary.failed += 1
        if len(summary.failures) < max_failures:
            summary.failures.append((key, msgs))
        if base is not None:
            writer.write({"input": key, "sha256": None, "size": None, "status": "failed", "base": base,
                          "settings": settings, "outputs": {}, "sizes": {}, "messages": [_message_dict(m) for m in msgs]})
        if progress:
            progress(1)

    def consume(records: list[dict]) -> None:
        for rec in records:
            status = rec["status"]
            if status == "skipped":
                summary.skipped += 1
                continue
            writer.write(rec)
            if status == "done":
                summary.succeeded += 1
            else:
                summary.failed += 1
                if len(summary.failures) < max_failures:
                    errs = tuple(Message(m["code"], m["severity"], m["message"], m.get("line"), m.get("col"),
                                         m.get("path"), m.get("file"),
                                         messages.CODES[m["code"]].hint if m["code"] in messages.CODES else None)
                                 for m in rec["messages"] if m["severity"] == "error")
                    summary.failures.append((rec["input"], errs))
        writer.flush()
        if progress:
            progress(len(records))

    own = executor is None or not isinstance(executor, Executor)
    factory: Callable[[], Executor] = (lambda: default_executor(jobs, formats)) if executor is None else (
        executor if own else (lambda: executor))  # type: ignore[assignment,return-value]
    ex = factory()
    generation = 0
    in_flight = max_in_flight or max(4, 2 * (jobs or os.cpu_count() or 1))
    source = _chunks(tasks(), max(1, chunk_size))
    retry: deque[Task] = deque()  # tasks of lost chunks, each to be run alone
    pending: dict = {}  # future -> (chunk, generation)

    def submit(chunk: list[Task]) -> None:
        try:
            pending[ex.submit(convert_chunk, job, chunk)] = (chunk, generation)
        except Exception as exc:  # broken or shut down executor
            raise _Abort(exc) from None

    def lost(chunk: list[Task], exc: BaseException) -> None:
        """A chunk whose worker died or whose future failed: isolate its articles, or give up on
        an article that already ran alone."""
        for task in chunk:
            if task.attempt == 0:
                retry.append(Task(task.path, task.key, task.base, task.done_sha256, task.done_sizes, 1))
            else:
                detail = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
                record_failure(task.key, (messages.make("NC850", file=task.path, target=task.path, detail=detail),),
                               base=task.base)

    try:
        exhausted = False
        while True:
            if retry:
                if not pending:  # isolation: a retried article runs alone, so a crash names it
                    submit([retry.popleft()])
            else:
                while not exhausted and len(pending) < in_flight:
                    chunk = next(source, None)
                    if chunk is None:
                        exhausted = True
                        break
                    submit(chunk)
            if not pending:
                if retry:
                    continue
                break
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            for fut in done:
                chunk, gen = pending.pop(fut)
                exc = fut.exception()
                if exc is None:
                    consume(fut.result())
                    continue
                if not _worker_death(exc):  # the chunk function never raises: the executor is at fault
                    raise _Abort(exc)
                if isinstance(exc, BrokenExecutor) and gen == generation:
                    if not own:
                        raise _Abort(exc)
                    ex.shutdown(wait=False, cancel_futures=True)
                    ex = factory()
                    generation += 1
                lost(chunk, exc)
    except KeyboardInterrupt:
        summary.interrupted = True
        for fut in pending:
            fut.cancel()
        try:  # chunks already running finish (workers ignore SIGINT); record them
            done, _ = wait(list(pending), timeout=30)
            for fut in done:
                if not fut.cancelled() and fut.exception() is None:
                    consume(fut.result())
        except KeyboardInterrupt:
            pass
        summary.messages.append(messages.make("NC858", file=str(out), done=summary.total))
    except _Abort as abort:  # a passed-in executor broke, was shut down, or cannot run the work
        summary.aborted = True
        for fut in pending:  # keep what finished before the break
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                consume(fut.result())
        exc = abort.exc
        summary.messages.append(messages.make("NC856", file=str(out), detail=f"{type(exc).__name__}: {exc}"))
    finally:
        writer.close()
        if own:
            ex.shutdown(wait=not summary.interrupted, cancel_futures=True)
        summary.elapsed = time.monotonic() - start
    return summary


# ---- Dask ---------------------------------------------------------------------------------------

class dask_executor:
    """`with dask_executor("local", n_workers=2) as ex:` an Executor running on Dask: a
    LocalCluster of worker processes for "local", else the scheduler at `address`
    (e.g. "tcp://10.0.0.5:8786"). Needs `pip install newsconv[dask]`; on a remote cluster the
    workers need newsconv installed and the input and output folders on a shared file system."""

    def __init__(self, address: str, n_workers: int | None = None):
        self.address, self.n_workers = address, n_workers
        self.client = self.cluster = None

    def __enter__(self) -> Executor:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the installation
            msg = messages.make("NC860", file="--dask", detail=str(exc))
            raise BatchError(msg.text, (msg,)) from None
        if self.address == "local":
            self.cluster = LocalCluster(n_workers=self.n_workers or os.cpu_count() or 1, threads_per_worker=1,
                                        processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(self.address, timeout="20s")
            except (OSError, TimeoutError, ValueError) as exc:
                msg = messages.make("NC861", file=self.address, detail=f"{type(exc).__name__}: {exc}")
                raise BatchError(msg.text, (msg,)) from None
        return self.client.get_executor()

    def workers(self) -> int:
        """Threads across the cluster's workers (to size the chunks in flight)."""
        info = self.client.scheduler_info() if self.client else {}
        return sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()) or 1

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


__all__ = ["convert_many", "convert_chunk", "iter_inputs", "count_inputs", "BatchSummary", "BatchError",
           "Job", "Task", "dask_executor", "default_executor", "warm_up", "remove_partial_files", "safe_component",
           "output_stem", "DEFAULT_INCLUDE", "SHARD_FILES"]
