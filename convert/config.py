"""`[tool.newsconv]` in pyproject.toml: the settings of `newsconv validate`, as ruff users expect.

Why a module of its own: the CLI and the Python API read the same settings, and the rules for
finding them (the nearest pyproject.toml with a `[tool.newsconv]` table, walking up from the
current directory, like ruff) are tested once, here.

    [tool.newsconv]
    select = ["NC"]            # code prefixes to report (NC3 = every NC3xx); "ALL" = every code
    ignore = ["NC2"]           # code prefixes to drop; the more specific of select/ignore wins
    strict = false             # warnings fail the run too
    format = "text"            # text | json | junit | github | sarif
    xsd = "standards/NewsML-G2_2.35-spec-All-Power.xsd"   # relative to this pyproject.toml
    include = ["*.txt", "*.newsml.xml"]                   # globs for files found in directories
    exclude = ["drafts/*"]                                 # added to the default excludes
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import messages
from .errors import NewsconvError
from .result import Message

REPORT_FORMATS = ("text", "json", "junit", "github", "sarif")
_LIST_KEYS = ("select", "ignore", "include", "exclude")
KNOWN_KEYS = frozenset(_LIST_KEYS + ("strict", "format", "xsd"))


class ConfigError(NewsconvError):
    """The [tool.newsconv] table cannot be used (bad TOML, a wrong type, an unknown value)."""


@dataclass(frozen=True, slots=True)
class Config:
    """Settings read from `[tool.newsconv]`; None / () where the file says nothing."""

    path: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    strict: bool | None = None
    format: str | None = None
    xsd: str | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    notes: tuple[Message, ...] = field(default_factory=tuple)  # warnings about the file (unknown keys)


def find_pyproject(start: str | Path | None = None) -> Path | None:
    """The nearest pyproject.toml at or above `start` (default: the cwd) that has a
    `[tool.newsconv]` table; files without one are skipped, as ruff skips those without
    `[tool.ruff]`."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        try:
            raw = candidate.read_bytes()
        except OSError:
            continue
        # a cheap test first: an unrelated (or even broken) pyproject.toml is not parsed at all
        if b"tool.newsconv" in raw:
            return candidate
    return None


def _fail(path: Path | str, detail: str) -> ConfigError:
    msg = messages.make("NC810", file=str(path), target=str(path), detail=detail)
    return ConfigError(msg.text, (msg,))


def _str_list(value, key: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, f"`{key}` must be a list of strings")
    return tuple(value)


def parse_config(text: str, path: str | Path) -> Config:
    """The Config in the TOML `text` of `path` (Config() when it has no [tool.newsconv])."""
    import tomllib

    path = Path(path)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"not valid TOML ({exc})") from None
    table = doc.get("tool", {}).get("newsconv")
    if table is None:
        return Config()
    if not isinstance(table, dict):
        raise _fail(path, "`tool.newsconv` must be a table")
    values: dict = {"path": str(path)}
    notes: list[Message] = []
    for key, value in table.items():
        norm = key.replace("-", "_")
        if norm in _LIST_KEYS:
            values[norm] = _str_list(value, key, path)
        elif norm == "strict":
            if not isinstance(value, bool):
                raise _fail(path, "`strict` must be true or false")
            values["strict"] = value
        elif norm == "format":
            if value not in REPORT_FORMATS:
                raise _fail(path, f"`format` must be one of {', '.join(REPORT_FORMATS)}, not {value!r}")
            values["format"] = value
        elif norm == "xsd":
            if not isinstance(value, str):
                raise _fail(path, "`xsd` must be a path")
            xsd = Path(value)
            if not xsd.is_absolute():
                xsd = path.parent / xsd
            if not xsd.is_file():
                raise _fail(path, f"`xsd` names {xsd}, which is not a file")
            values["xsd"] = str(xsd)
        elif isinstance(value, dict):
            continue  # sub-tables ([tool.newsconv.batch] ...) belong to other commands
        else:
            notes.append(messages.make("NC810", severity="warning", file=str(path), target=str(path),
                                       detail=f"unknown key `{key}` ignored (known: {', '.join(sorted(KNOWN_KEYS))})"))
    return Config(**values, notes=tuple(notes))


def load_config(path: str | Path | None = None, *, start: str | Path | None = None) -> Config:
    """Read `path`, or the pyproject.toml found from `start` (the cwd); Config() when none."""
    if path is None:
        path = find_pyproject(start)
        if path is None:
            return Config()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read it ({getattr(exc, 'strerror', None) or exc})") from None
    return parse_config(text, path)


__all__ = ["Config", "ConfigError", "REPORT_FORMATS", "find_pyproject", "load_config", "parse_config"]
