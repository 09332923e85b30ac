"""What each body named in a comparison's answers does (dialogs/qa/compare.py): two sides naming the
same bodies may give them different jobs (国家317号: 省级评估、可授权地市级评估; 吉林2024: 地市级评价排序、
省级复核), so a body in common is "the same" only when it does the same on every side (sealed set 7,
s7b079: the summary said "都相同" of the very difference asked about)."""

from __future__ import annotations

import re

from core.text import fold_chinese
from dialogs.qa.compare_words import BODY, CLAUSE_END, EACH, HEDGE, LEVEL_PREFIXES, ROLES, SENTENCE_END
from dialogs.texts import qa as T
from dialogs.texts import qa_compare as TC

_BODY = re.compile(f"(?P<body>{BODY})")
_SPACE = re.compile(r"\s+")


def normal(m: re.Match[str], municipality: bool = False) -> str:
    """A body by its level's name; a number or date as written."""
    if not m.group("body"):
        return m.group()
    said = m.group().removeprefix(EACH)  # 各区…主管业务部门 is a district's body
    level = next((key for start, key in LEVEL_PREFIXES if said.startswith(start)), "")
    if level == "city" and municipality:  # 重庆市卫生健康委 is provincial-level, not 吉林's 市（州）
        level = "municipality"
    return TC.LEVEL_NAMES.get(level, m.group())


def body_roles(text: str, municipality: bool = False, elsewhere: tuple = ()) -> dict[str, str]:
    """Each body an answer names (by its level's name, `normal`) with what it first does in the
    clause after it ("评估", "复核"), or "" when that clause names no job; sentences that only say
    whom to ask (HEDGE) or name another region (`elsewhere`) are left out, as in key_facts."""
    folded = _SPACE.sub("", fold_chinese(text))
    found: dict[str, str] = {}
    for sentence in SENTENCE_END.split(folded):
        if any(w in sentence for w in (*HEDGE, *elsewhere)):
            continue
        for m in _BODY.finditer(sentence):
            clause = CLAUSE_END.split(sentence[m.end() :], 1)[0]
            jobs = sorted((clause.find(w), w) for w in ROLES if w in clause)
            body = normal(m, municipality)
            if not found.get(body):  # its first job said; a later mention may say it where the first did not
                found[body] = jobs[0][1] if jobs else ""
    return found


def roles_differ(facts: list[str], roles: dict[str, dict[str, str]]) -> list[str]:
    """The bodies among `facts` (those every side names) whose job differs between two sides that
    both say it."""
    differ = []
    for fact in facts:
        said = {r[fact] for r in roles.values() if r.get(fact)}
        if len(said) > 1:
            differ.append(fact)
    return differ


def roles_said(jobs: dict[str, dict[str, str]]) -> str:
    """Each side's bodies with their jobs, "全国（国家文件）：省级卫生健康部门评估、…；吉林省：…"."""
    sides = []
    for name, bodies in jobs.items():
        said = [b + job for b, job in bodies.items() if job]  # 省级卫生健康部门 + 复核
        if said:
            sides.append(TC.SIDE_ROLES.format(name=name, roles=T.PLACE_SEPARATOR.join(said)))
    return TC.SIDES_SEPARATOR.join(sides)
