"""newsconv: plain-text news articles -> one validated model -> NewsML-G2, JSON-LD, DOCX, ...

The public API (everything else is internal and may change):

    >>> import convert
    >>> result = convert.parse("HEADLINE\\n\\nLONDON, March 3 - Body text.")
    >>> result.value.dateline.place
    'LONDON'
    >>> xml = convert.write(result.value, "json").value
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

# The public names are imported on first use (PEP 562), so `newsconv --help` and `import convert`
# do not pay for the model, the decoder and the registries until something is parsed or written.
_LAZY = {
    "convert": ".api", "parse": ".api", "read": ".api", "read_file": ".api", "write": ".api",
    "InputError": ".errors", "ModelVersionError": ".errors", "NewsconvError": ".errors",
    "UnknownFormatError": ".errors", "ValidationError": ".errors",
    "MODEL_VERSION": ".model", "Article": ".model", "Dateline": ".model", "DateMention": ".model",
    "Entity": ".model", "Paragraph": ".model", "Quote": ".model", "Span": ".model",
    "from_json": ".modeljson", "to_json": ".modeljson",
    "WriteOptions": ".options",
    "Message": ".result", "Result": ".result",
}

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from .api import convert, parse, read, read_file, write
    from .errors import InputError, ModelVersionError, NewsconvError, UnknownFormatError, ValidationError
    from .model import MODEL_VERSION, Article, Dateline, DateMention, Entity, Paragraph, Quote, Span
    from .modeljson import from_json, to_json
    from .options import WriteOptions
    from .result import Message, Result


def __getattr__(name: str):
    import importlib

    module = _LAZY.get(name)
    if module is None:
        try:  # a submodule: `convert.model`, `convert.schema`, ...
            return importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "__version__",
    "MODEL_VERSION",
    "Article",
    "Dateline",
    "DateMention",
    "Entity",
    "InputError",
    "Message",
    "ModelVersionError",
    "NewsconvError",
    "Paragraph",
    "Quote",
    "Result",
    "Span",
    "UnknownFormatError",
    "ValidationError",
    "WriteOptions",
    "convert",
    "from_json",
    "parse",
    "read",
    "read_file",
    "to_json",
    "write",
]
