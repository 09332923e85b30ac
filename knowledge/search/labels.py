"""How a message marks its parts besides punctuation. An emoji between two questions ends the first
("床位要多少👍使用率要多少": before, one question, the second thing's entry alone answered it).
Numbered lists written in Chinese numerals: "一、床位要多少 二、使用率要多少 三、什么时候截止",
"第一，床位要多少；第二，使用率要多少". Before, "二" and "三" were read as clauses of the question
before them ("一，床位要多少，二") and "第一" as part of the first question, which then found nothing.

Such labels are rewritten as the Arabic labels split_parts already reads ("\\n2、"), but only when
they count up from one in order: "一、二级医院" or "三、四月份" (a range, not a list) is left as
written. Reads question_cues.yaml (`part_numerals`, `part_ordinal`, `part_label_marks`); otherwise
pure."""

from __future__ import annotations

import re
from functools import cache

from knowledge.regions import DATA
from knowledge.yaml_read import read_yaml

CUES = "question_cues.yaml"
DOMAIN_WORDS = "search_words.txt"
MIN_START_CHARS = 2  # a term starting a run-on question ("床位"), and what the question before it names
_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]+")  # pictographs, dingbats (✅ ❌ ☺)


@cache
def _label() -> tuple[re.Pattern[str], tuple[str, ...]]:
    raw = read_yaml(DATA / CUES)
    numerals = tuple(str(n) for n in raw["part_numerals"])
    digits = "".join(re.escape(n) for n in numerals)
    marks = "".join(re.escape(str(m)) for m in raw["part_label_marks"])
    ordinal = re.escape(str(raw["part_ordinal"]))
    # a label: (第)numeral + a mark, not followed by another numeral ("一、二级" is a range)
    return re.compile(rf"(?:{ordinal})?([{digits}])[{marks}](?![{digits}])"), numerals


@cache
def _run_on() -> tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]]:
    from knowledge.search.vocab_build import read_domain_words

    raw = read_yaml(DATA / CUES)
    ends = "|".join(re.escape(str(w)) for w in raw["part_run_on_ends"])
    tails = "|".join(re.escape(str(w)) for w in sorted(raw["part_run_on_tails"], key=len, reverse=True))
    cues = [str(w) for words in raw["attributes"].values() for w in words]
    starts = {*read_domain_words(DATA / DOMAIN_WORDS), *cues}
    question_words = tuple(str(w) for w in raw["question_words"])
    return re.compile(rf"(?:{ends})(?:{tails})*"), tuple(w for w in starts if len(w) >= MIN_START_CHARS), question_words


_SENTENCE = re.compile(r"[？?。！!；;\n]")


def _run_on_cut(text: str) -> str:
    """The text with a line break where a question ends and another starts with no mark between them
    ("床位要多少使用率要多少" -> "床位要多少\\n使用率要多少"): after 多少 / 吗 / 呢 (and a unit or a
    particle), when what follows starts with a term or an attribute cue and asks on its own, and what
    comes before asks about something (two characters besides its question words). Not in
    "要多少床位才能申请" (what follows asks nothing) nor "有多少床位要求吗" ("有" names nothing)."""
    pattern, starts, question_words = _run_on()
    cuts = []
    for m in pattern.finditer(text):
        before, rest = text[: m.end()], text[m.end() :]
        named = before[cuts[-1] if cuts else 0 :]
        for w in question_words:
            named = named.replace(w, "")
        # what follows must ask in its own sentence: "要多少床位？使用率多少？" is no cut before 床位
        own = _SENTENCE.split(rest, maxsplit=1)[0]
        asks = any(w in own for w in question_words)
        if asks and len(named.strip()) >= MIN_START_CHARS and rest.startswith(starts):
            cuts.append(m.end())
    for at in reversed(cuts):
        text = text[:at] + "\n" + text[at:]
    return text


def relabelled(text: str) -> str:
    """The text with each emoji as a line break, and a Chinese-numeral list's labels as Arabic ones,
    each after a line break ("一、床位要多少 二、使用率要多少" -> "1、床位要多少\\n2、使用率要多少"); the
    labels are left as written when (two or more) they do not count up from one in order."""
    text = _run_on_cut(_EMOJI.sub("\n", text))
    pattern, numerals = _label()
    found = list(pattern.finditer(text))
    if len(found) < 2 or [m.group(1) for m in found] != list(numerals[: len(found)]):
        return text
    out, at = [], 0
    for n, m in enumerate(found, 1):
        out.append(text[at : m.start()].rstrip() + ("\n" if n > 1 else ""))
        out.append(f"{n}、")
        at = m.end()
    out.append(text[at:])
    return "".join(out)
