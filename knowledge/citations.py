"""Checking a citation (document, section path, quote) against the stored source text.

A quote must occur in the cited section's normalised text, comparing with all whitespace removed
on both sides (so a line break inside a quote does not matter, but every other character,
punctuation included, must be verbatim). The table cell separator "|" (knowledge/sources.py joins
a table row's cells with " | "; the official texts contain no "|") counts as whitespace, so a
quote may run across the cells of a row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from difflib import get_close_matches
from typing import Protocol

MAX_QUOTE_CHARS = 80  # quotes are short by design (the brief asks for ≤ 60; a little slack)

_WHITESPACE = re.compile(r"[\s|]+")


class HasSections(Protocol):
    sections: dict[str, str]


def squash(text: str) -> str:
    return _WHITESPACE.sub("", text)


def verify(documents: Mapping[str, HasSections], document_id: str, section: str, quote: str) -> str | None:
    """None when the quote occurs in that section, else a message saying what is wrong and, when
    the quote occurs elsewhere, where (to help whoever writes the entry)."""
    doc = documents.get(document_id)
    if doc is None:
        near = get_close_matches(document_id, list(documents), n=1)
        hint = f" (did you mean {near[0]}?)" if near else ""
        return f"unknown document {document_id!r}{hint}"
    needle = squash(quote)
    if not needle:
        return "empty quote"
    if len(needle) > MAX_QUOTE_CHARS:
        return f"quote too long ({len(needle)} chars > {MAX_QUOTE_CHARS}); cite a shorter verbatim piece"
    text = doc.sections.get(section)
    if text is None:
        near = get_close_matches(section, list(doc.sections), n=3, cutoff=0.3)
        found = _deepest_sections_containing(doc.sections, needle)
        hint = f"; the quote is in {', '.join(found)}" if found else ""
        near_hint = f"; close: {', '.join(near)}" if near else ""
        return f"{document_id} has no section {section!r}{near_hint}{hint}"
    if needle in squash(text):
        return None
    found = _deepest_sections_containing(doc.sections, needle)
    if found:
        return f"quote not in {document_id} {section}, but found in section {', '.join(found)}"
    elsewhere = [
        f"{other_id} {', '.join(secs)}"
        for other_id, other in documents.items()
        if other_id != document_id and (secs := _deepest_sections_containing(other.sections, needle))
    ]
    if elsewhere:
        return f"quote not in {document_id} {section}, but found in another document: {'; '.join(elsewhere)}"
    return f"quote not found in {document_id} {section}: {quote!r}"


def _deepest_sections_containing(sections: Mapping[str, str], needle: str) -> list[str]:
    """The most specific sections holding the needle: a section is dropped when one of its
    sub-sections (whose path extends it) also holds it."""
    hits = [path for path, text in sections.items() if needle in squash(text)]
    return [p for p in hits if not any(other != p and other.startswith(p) for other in hits)]
