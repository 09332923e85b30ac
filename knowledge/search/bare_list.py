"""One question asked of several things without 分别: "床位、使用率、面积要多少", "请问床位和使用率有
什么要求". Before, the message was one question and the last thing's entry answered it: the other
things were silently dropped (the brkqa brief). Now each thing gets the question of its own, as
shared.spread does after 分别.

Read narrowly, because 、 and 和 join many other things: the list is cut at 、 (or, without 、, at
和 / 及 / 与 / 跟 / 以及) before what is asked; what is asked starts at the first word of
`part_asked_heads` in the last thing (要多少, 有什么要求); every thing but the first (which may carry
context in front: "请问床位") is short, no thing names a figure or a bracket ("床位40张、使用率80%能申请
吗" is a situation; "县（市、区）" one office), and the clause names no word of `part_list_not` (区别,
关系, 还是 …) nor a comparison cue. A list of places is left to the comparison. Reads
question_cues.yaml; otherwise pure."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from knowledge.regions import DATA
from knowledge.yaml_read import read_yaml

CUES = "question_cues.yaml"
MIN_THING_CHARS = 2  # "床位"; not the 参 of 参与 nor the 平区 of 和平区 … (that one is cut off: see _things)
_PARTICLES = ("吗", "呢", "吧", "啊")  # a thing ending so is a question or remark, not a term
MAX_THING_CHARS = 8  # a thing after the first is a term ("业务用房建筑面积"), not a clause
_FIGURE_OR_BRACKET = re.compile(r"[0-9０-９%％（）()《》〈〉【】\[\]“”\"']")
_CLAUSE = re.compile(r"([，,：:])")
# A joiner right after a numeral joins no list: "二及医院" is 二级医院 typed with a homophone (sealed set
# 9, s9b061), "三和四" is no pair of terms asked about.
_AFTER_NUMERAL = r"(?<![一二三四五六七八九十0-9０-９])"


@cache
def _words() -> tuple[tuple[str, ...], ...]:
    raw = read_yaml(DATA / CUES)

    def listed(key: str) -> tuple[str, ...]:
        return tuple(sorted({str(v) for v in raw.get(key) or ()} - {""}, key=len, reverse=True))

    return (
        listed("part_asked_heads"),
        listed("part_list_not"),
        listed("comparison"),
        listed("question_words"),
        listed("part_and"),
        listed("part_shared_measure"),
    )


def spread_bare(sentence: str, is_place: Callable[[str], bool] = lambda _: False) -> list[str]:
    """The sentence as one question per thing of a list asked about without 分别 (see the module
    docstring), each with what is asked of them all; [sentence] otherwise. Only the clause holding
    the list is spread; the clauses before it stay in front of the first question."""
    heads, not_words, comparison, question_words, ands, measures = _words()
    pieces = _CLAUSE.split(sentence)
    for k in range(0, len(pieces), 2):
        clause = pieces[k]
        if any(w in clause for w in (*not_words, *comparison)) or _FIGURE_OR_BRACKET.search(clause):
            continue
        things, asked = _listed(clause, heads, ands)
        if len(things) < 2 or not any(w in asked for w in question_words):
            continue
        if any(is_place(t) for t in things) or any(len(t) > MAX_THING_CHARS for t in things[1:]):
            continue
        # a thing after the first is a term: one with a space or a particle in it ("医院吗 国家") is a
        # clause of its own, and the message is no list (s9b061)
        if any(not t.isalpha() or t.endswith(_PARTICLES) for t in things[1:]):
            continue
        if _measure_shared(things, measures):
            continue
        questions = [thing + asked for thing in things]
        questions[0] = "".join(pieces[:k]) + questions[0]
        questions[-1] = questions[-1] + "".join(pieces[k + 1 :])
        return questions
    return [sentence]


def is_bare_thing(clause: str, is_place: Callable[[str], bool] = lambda _: False) -> bool:
    """A clause that is a thing of a list and nothing else: a few characters, no figure or mark,
    asks and states nothing, names no place ("床位" in "床位,使用率,面积分别要多少"; not "我们在吉林",
    "床位40张", "都达标")."""
    _, not_words, _, question_words, _, _ = _words()
    t = clause.strip()
    if not (MIN_THING_CHARS <= len(t) <= MAX_THING_CHARS and t.isalpha()):
        return False
    from knowledge.places import places_named

    stated = any(w in t for w in (*not_words, *question_words))
    return not stated and not is_place(t) and not places_named(t).spans


def _measure_shared(things: list[str], measures: tuple[str, ...]) -> bool:
    """The last thing ends with a measure (比例, 数量 …) and no other thing names one: the things are
    what that one measure is taken over ("中心和卫生院比例"), not things asked one by one."""
    last = things[-1]
    ends = any(last.endswith(m) and len(last) > len(m) for m in measures)
    return ends and not any(m in t for t in things[:-1] for m in measures)


def _listed(clause: str, heads: tuple[str, ...], ands: tuple[str, ...]) -> tuple[list[str], str]:
    """The things a clause lists before what it asks, and what it asks; ([], "") without a list."""
    if "、" in clause:
        *front, last = clause.split("、")
    else:
        pattern = "|".join(_AFTER_NUMERAL + re.escape(w) for w in ands)
        cut = re.split(pattern, clause) if pattern else [clause]
        if len(cut) != 2:  # "A和B和C" or none: left whole (和 inside a term is too likely)
            return [], ""
        front, last = cut[:1], cut[1]
    at = [last.find(h) for h in heads if last.find(h) > 0]
    if not at:
        return [], ""
    start = min(at)
    things = [t.strip() for t in (*front, last[:start])]
    if any(len(t) < MIN_THING_CHARS for t in things):
        return [], ""
    return things, last[start:]
