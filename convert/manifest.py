"""The batch manifest: one JSON object per line, one line per converted (or failed) article.

Why JSON Lines: a line is appended as soon as an article's outputs are in place, so a killed run
loses at most the line being written (a torn last line is ignored on reading), and the file can be
read, grepped and `jq`-ed while a batch runs. Later lines win over earlier ones for the same input,
so a resumed run only appends.

A record:
    {"input": "sub/a.txt", "sha256": "...", "size": 1234, "status": "done"|"failed",
     "base": "0000/a", "settings": "<hash of version and options>",
     "outputs": {"json": "0000/a.model.json", ...}, "sizes": {"json": 5120, ...},
     "messages": [{...}, ...]}
`input` is the path relative to the input folder; `base` and `outputs` are relative to the output
folder (posix separators).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

MANIFEST_NAME = "manifest.jsonl"


@dataclass(frozen=True, slots=True)
class Entry:
    """What a resumed run needs to remember of a record (kept small: one per done input)."""

    base: str
    sha256: str | None
    status: str
    #: (format, output size in bytes) for every output written
    sizes: tuple[tuple[str, int], ...]
    settings: str | None = None


def load(path: str | os.PathLike) -> tuple[dict[str, Entry], list[int]]:
    """The last record of every input, and the line numbers of lines that could not be read
    (a torn last line after a kill)."""
    entries: dict[str, Entry] = {}
    bad: list[int] = []
    try:
        handle = open(path, "rb")
    except FileNotFoundError:
        return entries, bad
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
                key, base = rec["input"], rec["base"]
                if not isinstance(key, str) or not isinstance(base, str):
                    raise TypeError
            except (ValueError, KeyError, TypeError):
                bad.append(number)
                continue
            sizes = rec.get("sizes") or {}
            entries[key] = Entry(base, rec.get("sha256"), rec.get("status", "failed"),
                                 tuple((fmt, int(sizes.get(fmt, -1))) for fmt in (rec.get("outputs") or {})),
                                 rec.get("settings"))
    return entries, bad


class ManifestWriter:
    """Appends records; the parent process is the only writer."""

    def __init__(self, path: str | os.PathLike, *, append: bool):
        self.path = Path(path)
        if append and self.path.exists() and self.path.stat().st_size:
            with open(self.path, "rb") as h:
                h.seek(-1, os.SEEK_END)
                torn = h.read(1) != b"\n"
            self._handle = open(self.path, "a", encoding="utf-8")
            if torn:  # the killed run left half a line: end it so ours start clean
                self._handle.write("\n")
        else:
            self._handle = open(self.path, "w", encoding="utf-8")

    def write(self, record: dict) -> None:
        self._handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")

    def flush(self) -> None:
        self._handle.flush()

    def close(self) -> None:
        if not self._handle.closed:
            self._handle.flush()
            try:
                os.fsync(self._handle.fileno())
            except OSError:  # pragma: no cover - e.g. a pipe or a FS without fsync
                pass
            self._handle.close()


__all__ = ["MANIFEST_NAME", "Entry", "load", "ManifestWriter"]
