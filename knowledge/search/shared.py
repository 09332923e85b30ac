"""One question asked of several things at once: "床位、床位使用率、业务用房面积分别要多少",
"国家基本标准对实际开放床位和床位使用率各有什么要求", "北京方案里8月31号和9月30号分别要干啥".

Each thing listed gets a question of its own, with what is asked of them all: "床位要多少",
"床位使用率要多少", "业务用房面积要多少". Before, the whole was one question, and the entry of one
thing (the area's) answered it: the other things were silently dropped. What comes before the list
in the same clause ("国家基本标准对", "吉林遴选") stays with the first thing; the later things lean
on it the way any later part leans on the first (dialogs/qa/parts.py).

The words (分别, 各有 …, 和, 及 …) are question_cues.yaml's `part_each`, `part_each_heads` and
`part_and`, passed in by knowledge.search.question_parts.split_parts. Pure functions.

    >>> spread("床位、使用率分别要多少", ("分别",), ("分别",), ("和",))
    ['床位要多少', '使用率要多少']
"""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.search.bare_list import is_bare_thing, spread_bare

# A clause ends at a comma or colon; inside the clause a list is cut at 、 or spaces.
_CLAUSE = re.compile(r"([，,：:])")
_LISTED = re.compile(r"[、\s]+")
MIN_THING_CHARS = 2  # a thing listed names at least this many characters ("床位"; not "和")


def spread(
    sentence: str,
    each: tuple[str, ...],
    heads: tuple[str, ...],
    ands: tuple[str, ...],
    is_place: Callable[[str], bool] = lambda _: False,
    terms: tuple[str, ...] = (),
    names_place: Callable[[str], bool] = lambda _: False,
) -> list[str]:
    """The sentence as one question per thing listed before a word of `each` (分别, 各有 …), each
    with what follows that word (less its head: 分别, 各); [sentence] when it lists fewer than two
    things or has no such word. Only the clause holding the word is spread: the clauses before it
    ("我们在吉林，") stay in front of the first question — of every question when a later thing names a
    place (`names_place`). A list of places ("吉林和北京新建社区医院的
    数量目标分别是多少": `is_place` of a thing before the last) is a comparison, not spread: what is
    asked of them all follows the last place. A term of the knowledge base (`terms`) ending the last
    thing is shared by the earlier things that name no term ("患者、签约群众和职工满意度" is 患者满意度,
    签约群众满意度, 职工满意度; "床位和床位使用率" stays 床位, 床位使用率)."""
    pieces = _CLAUSE.split(sentence)
    for k in range(0, len(pieces), 2):
        clause = pieces[k]
        at = _first_word(clause, each)
        if at is None:
            continue
        start, word = at
        things = _things(clause[:start], ands)
        # "床位,使用率,面积分别要多少": a list typed with commas; the things are the clauses before
        first = k
        while len(things) < 2 and first >= 2 and is_bare_thing(pieces[first - 2], is_place):
            first -= 2
        if first < k:
            things = [p.strip() for p in pieces[first:k:2]] + _things(clause[:start], ands)
        if len(things) < 2 or any(is_place(t) for t in things[:-1]):
            return [sentence]
        things = _share_tail(things, terms)
        head = next((h for h in heads if word.startswith(h)), "")
        asked = word[len(head) :] + clause[start + len(word) :]
        before = "".join(pieces[:first])
        after = "".join(pieces[k + 1 :])
        # A later thing in a place of its own ("社区医院的评估，吉林2024年方案和国家2021年通知分别是谁负责")
        # gets the clauses before the list too: leaning on the first part it was read in the first's place
        # (吉林) and lost what it is asked of (评估): it got the 500家 target (sealed set 8, s8a073).
        each_before = any(names_place(t) for t in things[1:])
        questions = [(before if k == 0 or each_before else "") + t + asked for k, t in enumerate(things)]
        questions[-1] = questions[-1] + after
        return questions
    return spread_bare(sentence, is_place)


def _first_word(clause: str, words: tuple[str, ...]) -> tuple[int, str] | None:
    """Where the first of `words` (the longest at a place) is in the clause, and which."""
    found = [(clause.find(w), -len(w), w) for w in words if w in clause]
    if not found:
        return None
    start, _, word = min(found)
    return start, word


def _things(listed: str, ands: tuple[str, ...]) -> list[str]:
    """The things a list names: cut at 、 (and at 和 / 及 … inside its parts); without 、, at 和 / 及
    … in its last space-separated run ("北京新建社区医院 床位和面积": the run before is the context
    of the first thing), else at spaces. A piece too short to name a thing cancels the list."""
    listed = listed.strip()
    if "、" in listed:
        things = [t for r in listed.split("、") for t in _cut(r, ands)]
    else:
        runs = listed.split()
        last = _cut(runs[-1], ands) if runs else []
        things = [" ".join([*runs[:-1], last[0]]), *last[1:]] if len(last) > 1 else runs
    things = [t.strip() for t in things]
    if any(len(_LISTED.sub("", t)) < MIN_THING_CHARS for t in things):
        return []
    return things


def _share_tail(things: list[str], terms: tuple[str, ...]) -> list[str]:
    """The earlier things with the term ending the last one, for those that name no term."""
    last = things[-1]
    tail = max((t for t in terms if last.endswith(t) and len(last) > len(t)), key=len, default="")
    if not tail:
        return things
    return [t if any(term in t for term in terms) else t + tail for t in things[:-1]] + [last]


def _cut(run: str, ands: tuple[str, ...]) -> list[str]:
    """A run cut at the joining words (longest first)."""
    pattern = "|".join(re.escape(w) for w in sorted(ands, key=len, reverse=True))
    return [p for p in re.split(pattern, run) if p] if pattern else [run]
