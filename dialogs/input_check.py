"""Input hygiene, before any dialog reads a message: control characters dropped, and an empty, overlong
or wordless message named as such (its wording in dialogs/texts/common.py)."""

from __future__ import annotations

import unicodedata

from dialogs.texts import common as T

MAX_INPUT_CHARS = 1000


def clean_text(text: str) -> str:
    """Drop control and format characters (keeping line breaks) and surrounding space."""
    kept = [c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C"]
    return "".join(kept).strip()


def input_problem(text: str) -> str | None:
    """What is wrong with a message before anything reads it (empty, too long, no words), or None."""
    if not text:
        return T.EMPTY_MESSAGE
    if len(text) > MAX_INPUT_CHARS:
        return T.TOO_LONG.format(n=len(text), limit=MAX_INPUT_CHARS)
    if not any(unicodedata.category(c)[0] in "LN" for c in text):
        return T.NO_WORDS
    return None
