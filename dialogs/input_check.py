"""Input hygiene, before any dialog reads a message: control characters and markup dropped, and an empty,
overlong or wordless message named as such (its wording in dialogs/texts/common.py).

Markup is what a message copied from a web page, a document or another chat carries around its words:
HTML tags and entities (<b>床位</b>, &nbsp;), a Markdown link's address ([通知](http://…)), an @username (the
bot's own, in a private chat or a caption). Left in, the letters (b, br, nbsp, mybot) were words no entry
has, and "床位要多少<br>" or "床位要多少 @mybot" was declined (breaker brk10). Telegram sends no markup of
its own (formatting comes as entities beside the text), so whatever markup there is was typed or pasted."""

from __future__ import annotations

import html
import unicodedata

from core.lazy_re import lazy
from dialogs.texts import common as T

MAX_INPUT_CHARS = 1000
# <b>, </b>, <br/>, <p class="x">: a letter right after "<" (床位<30张 is a bound, not a tag)
_TAG = lazy(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ENTITY = lazy(r"&(?:[A-Za-z]{2,8}|#[0-9]{1,6}|#x[0-9A-Fa-f]{1,6});")
_LINK = lazy(r"\[([^\[\]]*)\]\((?:https?://|www\.)[^()\s]*\)")  # [words](address): the words
# An @username as Telegram spells them (5 to 32 letters, digits, _), not inside an e-mail address
_MENTION = lazy(r"(?<![A-Za-z0-9_.])@[A-Za-z][A-Za-z0-9_]{4,31}(?![A-Za-z0-9_])")
# Markdown emphasis around words (**40**, __床位__, `75%`, *要多少*): the words; "**40**" at /check was "没有看懂"
# while <b>40</b> was read (brk11 B17). Struck-out words (~~30~~ 40) are taken back. A lone * or _ (3*4,
# snake_case) is left.
_EMPHASIS = lazy(r"(\*\*|__|`+)(?=\S)(.+?)(?<=\S)\1")
_STAR = lazy(r"(?<![A-Za-z0-9*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![A-Za-z0-9*])")
_STRUCK = lazy(r"~~(?=\S)(.+?)(?<=\S)~~")


def clean_text(text: str) -> str:
    """Drop control and format characters (keeping line breaks), markup (see the module docstring) and
    surrounding space."""
    kept = "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")
    return without_markup(kept).strip()


def without_markup(text: str) -> str:
    """`text` without HTML tags, @usernames, Markdown emphasis and link addresses, its HTML entities as the
    characters they stand for: "<b>床位</b>要多少&nbsp;@mybot" -> "床位要多少 ", "**40**" -> "40"."""
    if not any(c in text for c in "<&[@*_~`"):
        return text
    text = _STAR.sub(r"\1", _EMPHASIS.sub(r"\2", _STRUCK.sub("", text)))
    text = _LINK.sub(r"\1", _TAG.sub("", text))
    text = _ENTITY.sub(lambda m: html.unescape(m.group()), text).replace("\xa0", " ")
    return _MENTION.sub("", text)


def input_problem(text: str) -> str | None:
    """What is wrong with a message before anything reads it (empty, too long, no words), or None."""
    if not text:
        return T.EMPTY_MESSAGE
    if len(text) > MAX_INPUT_CHARS:
        return T.TOO_LONG.format(n=len(text), limit=MAX_INPUT_CHARS)
    if not any(unicodedata.category(c)[0] in "LN" for c in text):
        return T.NO_WORDS
    return None
