"""Trailing agency sign-offs and credit lines: `Reuter`, `(Reporting by ... ; Editing by ...)`,
`-- Bucharest Newsroom +40-1 3120264`, `(AP)`, `Contributing: ...`, `... contributed reporting.`,
`©2018 Los Angeles Times`.

Why recognise them: they are not body text. Kept as paragraphs they would count as words of the
article, show up in the DOCX body and the NewsML body as if the reporter had written them, and
feed names (`Reporting by Jane Doe`) to the extraction as if they were people in the story.
"""

from __future__ import annotations

import re

_AGENCIES = frozenset({"AP", "AFP", "UPI", "DPA", "ANSA", "EFE", "PA", "CP", "AAP", "IANS", "PTI",
                       "REUTER", "REUTERS", "XINHUA", "KYODO", "TASS", "BLOOMBERG"})

_SIGNOFF = re.compile(
    r"(?:Reuters?|REUTERS?"
    r"|\(?(?:(?:Additional )?[Rr]eporting|Writing|Editing|Compiled|Edited|Written|Contributing|Research"
    r"|Additional research) by [^\n]{1,300}\)?"
    r"|\((?P<agency>[A-Za-z]{2,10})\)"
    r"|(?P<bare>[A-Z][A-Za-z]{1,9})"
    r"|-{2,}|#{1,3}|[-=_*]{3,}"
    r"|(?:--|—|–)\s*[A-Z][\w .,+()/'&-]{0,60}"
    r"|Contribut(?:ing|ors?):\s*[^\n]{1,200})"
)
#: `... contributed reporting.`, tried after the forms above and before those below (the order of
#: one alternation of all three). Apart, and tried only on a text with the word in it, because
#: its opening `[^\n]{0,200}` backtracks through up to 200 characters of any last paragraph.
_CONTRIBUTED = re.compile(
    r"[^\n]{0,200}\bcontributed(?: additional)? (?:reporting|research|to this (?:report|story|article))[^\n]{0,120}"
)
_CREDIT_OR_COPYRIGHT = re.compile(
    r"(?P<credit>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:reports|writes|reported) (?:for|from) [^\n]{1,200})"
    r"|(?:©|\([cC]\)|Copyright)\s*(?:\d{4})?[^\n]{0,200}"
)
_MAX_WORDS = 60
_CREDIT_MAX_WORDS = 30
_REPORTED_SPEECH = re.compile(r"\b(?:that|said|says|saying|who|which|when|where|after|because)\b")


def is_signoff(text: str) -> bool:
    """True for a block that is an agency sign-off or a credit line, not body text.

    The words are counted last: on body text the forms fail within a few characters, which
    costs less than splitting a whole last paragraph into words (a split at most _MAX_WORDS
    times gives more than _MAX_WORDS items only for a longer text)."""
    text = text.strip()
    return bool(text) and _has_signoff_form(text) and len(text.split(None, _MAX_WORDS)) <= _MAX_WORDS


def _has_signoff_form(text: str) -> bool:
    """`text` (stripped, not empty) has the form of a sign-off or a credit line."""
    m = _SIGNOFF.fullmatch(text)
    if m is not None:
        bare = m.group("bare") or m.group("agency")
        return bare is None or bare.upper() in _AGENCIES
    if "contributed" in text and _CONTRIBUTED.fullmatch(text):
        return True
    m = _CREDIT_OR_COPYRIGHT.fullmatch(text)
    if m is None:
        return False
    if m.group("credit") is not None:
        # `Glorioso reports for Naples Daily News.` is a credit; `CNN reported from Baghdad that
        # three soldiers died.` is the story's last sentence
        return len(text.split()) <= _CREDIT_MAX_WORDS and not _REPORTED_SPEECH.search(text)
    return True


__all__ = ["is_signoff"]
