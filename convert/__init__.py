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

from .api import convert, parse, read, read_file, write
from .errors import InputError, ModelVersionError, NewsconvError, UnknownFormatError, ValidationError
from .model import MODEL_VERSION, Article, Dateline, DateMention, Entity, Paragraph, Quote, Span
from .modeljson import from_json, to_json
from .options import WriteOptions
from .result import Message, Result

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

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
