"""A typed exception hierarchy, so callers can tell bad input from bad use from I/O trouble.

Every exception carries the `Message`s that explain it, so the CLI renders them exactly like
warnings (file:line:col: CODE severity: text) instead of printing a traceback.
"""

from __future__ import annotations

from .result import Message


class NewsconvError(Exception):
    """Base of every error newsconv raises on purpose."""

    def __init__(self, message: str, messages: tuple[Message, ...] = ()):
        super().__init__(message)
        self.messages = tuple(messages)


class InputError(NewsconvError):
    """The input cannot be read as an article (binary, undecodable, too large, malformed XML/JSON)."""


class ValidationError(NewsconvError):
    """A model or an output does not satisfy its schema."""


class ModelVersionError(InputError):
    """Model JSON written for a major model version this newsconv does not know."""


class UnknownFormatError(NewsconvError, ValueError):
    """A format name that is not registered; the message lists the valid ones."""


__all__ = ["NewsconvError", "InputError", "ValidationError", "ModelVersionError", "UnknownFormatError"]
