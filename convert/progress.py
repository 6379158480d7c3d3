"""A tiny progress bar for batch runs: articles done, rate and ETA, on stderr.

Why our own and not tqdm: the batch needs one line (count, rate, ETA), redrawn a few times a second,
and nothing else; ~40 lines do that without adding a dependency to every install. It is off
when the stream is not a terminal (logs and CI stay clean) or with `-q`.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Counts articles. `update(n)` after each finished chunk; `close()` at the end.

    `enabled=None` means: on when `stream` is a terminal."""

    def __init__(self, total: int | None = None, *, stream: TextIO | None = None, enabled: bool | None = None,
                 unit: str = "articles", min_interval: float = 0.1, width: int = 24,
                 clock=time.monotonic):
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled
        self.total, self.unit, self.width = total, unit, width
        self.min_interval, self.clock = min_interval, clock
        self.done = 0
        self.start = clock()
        self._last_draw = float("-inf")
        self._last_len = 0

    def line(self) -> str:
        """The text of the bar as it would be drawn now."""
        elapsed = max(self.clock() - self.start, 1e-9)
        rate = self.done / elapsed
        if self.total:
            frac = min(self.done / self.total, 1.0)
            filled = int(frac * self.width)
            bar = "#" * filled + "." * (self.width - filled)
            eta = _clock((self.total - self.done) / rate) if rate > 0 else "?"
            return (f"{self.done}/{self.total} {self.unit} [{bar}] {frac:4.0%} "
                    f"{rate:.1f}/s ETA {eta}")
        return f"{self.done} {self.unit} {rate:.1f}/s elapsed {_clock(elapsed)}"

    def update(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = self.clock()
        if now - self._last_draw >= self.min_interval or (self.total and self.done >= self.total):
            self._draw()
            self._last_draw = now

    def _draw(self) -> None:
        text = self.line()
        pad = " " * max(0, self._last_len - len(text))
        self.stream.write("\r" + text + pad)
        self.stream.flush()
        self._last_len = len(text)

    def close(self) -> None:
        if self.enabled and self._last_len:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
        self.enabled = False


__all__ = ["Progress"]
