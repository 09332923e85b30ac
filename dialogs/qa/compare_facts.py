"""The facts of a comparison's answers and the same / different lines derived from them (split from
dialogs/qa/compare.py, one module per job): the numbers with their units, the dates with their
reporting step and the bodies each answer names (`key_facts`), set against each other (`summary`)."""

from __future__ import annotations

import re

from core.lazy_re import lazy
from core.text import fold_chinese
from dialogs import render
from dialogs.qa import higher
from dialogs.qa.compare_news import REPORTED_ATTRIBUTES, is_reported
from dialogs.qa.compare_roles import body_roles, roles_differ, roles_said
from dialogs.qa.compare_roles import normal as _normal
from dialogs.qa.compare_rules import AreaRules
from dialogs.qa.compare_words import (
    AMOUNT,
    ASKS_AMOUNT,
    ASKS_BODY,
    ASKS_DATE,
    ASKS_PROCEDURE,
    ASKS_REQUIREMENT,
    BODY,
    DATE,
    HEDGE,
    REPORTS,
    SENDERS,
    SENTENCE_END,
)
from dialogs.texts import qa as T
from dialogs.texts import qa_compare as TC
from knowledge.base import KnowledgeBase
from knowledge.search.model import Answer

MAX_FACTS = 6
_FACT = lazy(f"(?P<body>{BODY})|(?P<date>{DATE})|(?P<amount>{AMOUNT})")
Attribute = str  # "body", "date" or "amount": the group of _FACT that matched
_SPACE = lazy(r"\s+")


def key_facts(
    text: str, attributes: frozenset[Attribute] | None = None, municipality: bool = False, elsewhere: tuple = ()
) -> list[str]:
    """The numbers with units, dates and bodies an answer names, in order, without repeats:
    "不少于30张…床位使用率≥75%…省卫健委" -> ["30张", "75%", "省卫生健康委"]; only those of
    `attributes` when given. A sentence that only says whom to ask (HEDGE) gives none, nor does one
    naming another region (`elsewhere`: 全国's "地方文件中，吉林省方案…≥3000平方米" is Jilin's figure).
    `municipality`: the answer is a 直辖市's, whose 市卫生健康委 is not a province's 地市级 body."""
    folded = _SPACE.sub("", fold_chinese(text))
    sentences = [s for s in SENTENCE_END.split(folded) if not any(w in s for w in (*HEDGE, *elsewhere))]
    facts = [
        _step(s, m, municipality) if m.lastgroup == "date" else _normal(m, municipality)
        for s in sentences
        for m in _FACT.finditer(s)
        if attributes is None or m.lastgroup in attributes
    ]
    stepped = {f.split("（", 1)[0] for f in facts if _is_step(f)}
    return list(dict.fromkeys(f for f in facts if f not in stepped))  # a date said with its step once


def _is_step(fact: str) -> bool:
    """The fact is a date with its reporting step (see `_step`)."""
    return "（" in fact and any(w in fact.split("（", 1)[1] for w in REPORTS)


def _step(sentence: str, date: re.Match[str], municipality: bool = False) -> str:
    """A date with the reporting step its sentence sets, when it sets one (F12: a date to report
    must say who reports to whom — 国家's 11月30日 is the provinces' report to the commission,
    吉林's 9月30日 the cities' report to the province): "9月30日（市级报省级卫生健康部门）"; the date
    alone otherwise. `municipality`: the sentence is a 直辖市's (its 市级 is provincial-level)."""
    after = sentence[date.end() :]
    if not any(w in after for w in REPORTS):
        return date.group()
    receiver = next((m for m in _FACT.finditer(after) if m.lastgroup == "body"), None)
    if receiver is None:
        return date.group()
    receiving = _normal(receiver, municipality)
    senders = [(sentence.find(w), level) for w, level in SENDERS if w in sentence]
    level = min(senders)[1] if senders else ""
    if level == "city" and municipality:  # a 直辖市's 市级 sends as a province does, as in `_normal`
        level = "municipality"
    sender = TC.SENDER_NAMES[level] if level else ""
    if sender and receiving.startswith(sender):  # 省卫生健康委…报送国家: the first 省 is the sender
        sender = ""
    if not sender:
        return TC.DATE_STEP_NO_SENDER.format(date=date.group(), receiver=receiving)
    return TC.DATE_STEP.format(date=date.group(), sender=sender, receiver=receiving)


def attributes_asked(text: str) -> frozenset[Attribute] | None:
    """The attributes a comparison question asks about (谁来验收: bodies; 什么时候: dates; 床位要求:
    amounts), so that the same attribute is compared on each side; None: every attribute."""
    asked = {
        name
        for name, words in (("body", ASKS_BODY), ("date", ASKS_DATE), ("amount", ASKS_AMOUNT))
        if any(w in text for w in words)
    }
    if not asked and any(w in text for w in ASKS_REQUIREMENT) and not any(w in text for w in ASKS_PROCEDURE):
        return frozenset({"amount"})  # 要求有什么不同: the figures, not the bodies of a procedure (N18)
    return frozenset(asked) or None


def summary(
    kb: KnowledgeBase,
    answered: dict[str, Answer],
    attributes: frozenset[Attribute] | None = None,
    which: bool = False,
    asked: str = "",
    news: dict[str, Answer] | None = None,
    area: dict[str, AreaRules] | None = None,
) -> str:
    """What the answers have in common and what only one of them says (numbers, dates, bodies; only
    the attributes the question asks about, when it asks about some); `which`: the question (`asked`
    of each side) asks which side is higher (哪个高), said first from the sides' figures (higher.py);
    `area`: the rules on the asked area added under a side (compare_rules), compared too."""
    lines = [TC.COMPARE_SUMMARY]
    if which and len(answered) >= 2:
        names = {r: render.region_name(kb, r) for r in answered}
        lines.append(higher.said(asked, {names[r]: a.answer for r, a in answered.items()}))
    if len(answered) < 2:
        lines.append(TC.COMPARE_ONE_SIDE)
        return "\n".join(lines)
    if len({a.entry_id for a in answered.values()}) == 1:
        lines.append(TC.COMPARE_SAME_ENTRY)
        return "\n".join(lines)
    others = {r: tuple(w for g in kb.regions if g.id not in (r, "national") for w in g.aliases) for r in answered}
    facts = {r: key_facts(a.answer, attributes, _municipality(kb, r), others[r]) for r, a in answered.items()}
    reported = {r: _reported_facts(a, attributes) for r, a in answered.items() if is_reported(a)}
    facts |= reported
    for r, a in (news or {}).items():
        reported[r] = _reported_facts(a, attributes)
        facts[r] = list(dict.fromkeys([*facts[r], *reported[r]]))
    for r, rules in (area or {}).items():
        said = _reported_facts_of(rules.reported, attributes)
        reported[r] = list(dict.fromkeys([*reported.get(r, []), *said]))
        facts[r] = list(dict.fromkeys([*facts[r], *key_facts(rules.own, attributes), *said]))
    notes = [
        TC.COMPARE_REPORTED_FACTS.format(name=render.region_name(kb, r), facts=_join(fs))
        for r, fs in reported.items()
        if fs
    ]
    common = [f for f in next(iter(facts.values())) if all(f in fs for fs in facts.values())]
    roles = {r: body_roles(a.answer, _municipality(kb, r), others[r]) for r, a in answered.items()}
    differ = roles_differ(common, roles)  # named on every side, but doing different jobs: not "the same"
    common = [f for f in common if f not in differ]
    # a figure one side's own text states and another's only a news report gives is no sameness of rules
    # (s9b075: 吉林's own ≥30张 vs 渝中's via the reported basic standard was "都相同：30张")
    hearsay = [r for r in facts if any(f in reported.get(r, ()) for f in common)]
    said = [r for r in facts if any(f not in reported.get(r, ()) for f in common)]
    mixed = bool(hearsay) and bool(said)
    if common and not differ and not mixed and all(len(fs) == len(common) for fs in facts.values()):
        lines.append(TC.COMPARE_ALL_SAME.format(facts=_join(common)))
        return "\n".join(lines + notes)
    if common and mixed:
        names = T.PLACE_SEPARATOR.join(render.region_name(kb, r) for r in hearsay)
        lines.append(TC.COMPARE_SAME_REPORTED.format(facts=_join(common), names=names))
    elif common:
        lines.append(TC.COMPARE_SAME.format(facts=_join(common)))
    if differ:
        jobs = {render.region_name(kb, r): {b: roles[r].get(b, "") for b in differ} for r in answered}
        lines.append(TC.COMPARE_ROLES_DIFFER.format(facts=_join(differ), roles=roles_said(jobs)))
    for r, fs in facts.items():
        others = {f for o, ofs in facts.items() if o != r for f in ofs}
        only = [f for f in fs if f not in others]
        if only:
            lines.append(TC.COMPARE_ONLY.format(name=render.region_name(kb, r), facts=_join(only)))
    steps = {r: [f for f in fs if _is_step(f)] for r, fs in facts.items()}
    levels = {r: {f.split("（", 1)[1] for f in fs} for r, fs in steps.items() if fs}
    if len(levels) > 1 and not set.intersection(*levels.values()):  # no step in common
        said = T.FACT_SEPARATOR.join(f"{render.region_name(kb, r)}{_join(steps[r])}" for r in levels)
        lines.append(TC.COMPARE_LEVELS.format(steps=said))
    if len(lines) == 1:
        lines.append(TC.COMPARE_NO_FACTS)
    return "\n".join(lines + notes)


def _reported_facts(answer: Answer, attributes: frozenset[Attribute] | None) -> list[str]:
    """The figures a news report gives (of the compared attribute), without the day it was reported."""
    return _reported_facts_of(answer.answer, attributes)


def _reported_facts_of(text: str, attributes: frozenset[Attribute] | None) -> list[str]:
    return key_facts(text, (attributes or REPORTED_ATTRIBUTES) & REPORTED_ATTRIBUTES)


def _municipality(kb: KnowledgeBase, region: str) -> bool:
    found = kb.regions.by_id(region)
    return found is not None and found.municipality


def _join(facts: list[str]) -> str:
    return T.FACT_SEPARATOR.join(facts[:MAX_FACTS])
