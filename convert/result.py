"""Results carry values *and* messages: library code never prints, it returns what it noticed.

Why: a converter used from CI, batch jobs and notebooks must let the caller decide how problems
are shown (text, JSON, JUnit, SARIF...). This follows mammoth's `Result` and pandoc's
`LogMessage` with a source position.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Generic, TypeVar

T = TypeVar("T")

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Message:
    """One problem or remark, with a stable `code` (see `convert.messages`), a severity, a
    location (1-based `line`/`col` in the input, or a JSON path / XPath in `path`) and a
    one-line `hint` saying how to fix it."""

    code: str
    severity: str
    text: str
    line: int | None = None
    col: int | None = None
    path: str | None = None
    file: str | None = None
    hint: str | None = None

    def with_file(self, file: str | None) -> "Message":
        return self if file is None or self.file == file else replace(self, file=file)

    def location(self) -> str:
        """`file:line:col` as far as it is known (the form editors and CI jump to)."""
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def render(self) -> str:
        """`file:line:col: CODE severity: text [at path]`."""
        where = f" (at {self.path})" if self.path else ""
        return f"{self.location()}: {self.code} {self.severity}: {self.text}{where}"

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.text,
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "path": self.path,
            "hint": self.hint,
        }


class HasMessages:
    """`errors`, `warnings` and `ok` over a `messages` tuple (shared by Result and
    convert.validation.Report)."""

    __slots__ = ()
    messages: tuple[Message, ...]

    @property
    def errors(self) -> tuple[Message, ...]:
        return tuple(m for m in self.messages if m.severity == "error")

    @property
    def warnings(self) -> tuple[Message, ...]:
        return tuple(m for m in self.messages if m.severity == "warning")

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True, slots=True)
class Result(HasMessages, Generic[T]):
    """A value with the messages produced while making it."""

    value: T
    messages: tuple[Message, ...] = ()



__all__ = ["HasMessages", "Message", "Result", "SEVERITIES"]
