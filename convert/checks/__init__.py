"""Per-format checks of written outputs, used by `newsconv validate`.

Each module `convert.checks.<format>` exposes `check(data: bytes, name: str | None) -> list[Message]`,
the package's own structural checks of what its writer produces, usable without ../shared.
"""
