"""Comparisons: a question naming two or more regions ("吉林和北京…一样吗", "国家和吉林…对得上吗",
or one region compared with the user's own) gets one answer per region side by side, each searched
in that region's texts only, then what is the same and what differs.

The same / different lines are derived from the answers shown, never invented: the numbers with
their units, the dates and the bodies each answer names (`key_facts`), set against each other.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from core.lazy_re import lazy
from core.model import Reply
from core.text import fold_chinese
from dialogs import render
from dialogs.qa import higher
from dialogs.qa.compare_general import general, search_in, words_known
from dialogs.qa.compare_news import REPORTED_ATTRIBUTES, is_reported, reported_beside
from dialogs.qa.compare_roles import body_roles, roles_differ, roles_said
from dialogs.qa.compare_roles import normal as _normal
from dialogs.qa.compare_words import (
    AMOUNT,
    ASKS_AMOUNT,
    ASKS_BODY,
    ASKS_DATE,
    ASKS_PROCEDURE,
    ASKS_REQUIREMENT,
    ASKS_WHICH,
    BODY,
    BODY_AFTER,
    DATE,
    DESTINATION_BEFORE,
    FOLLOW_UP_WORDS,
    HEDGE,
    JOINERS,
    LEVEL_SUFFIXES,
    PLACE_JOINERS,
    REPORTS,
    SENDERS,
    SENTENCE_END,
)
from dialogs.qa.entries import with_note
from dialogs.qa.turn import Section, Turn, sources_of
from dialogs.texts import qa as T
from dialogs.texts import qa_compare as TC
from knowledge.base import KnowledgeBase
from knowledge.places import PlacesNamed, places_named, without_places
from knowledge.search.intent import is_comparison, without_comparison
from knowledge.search.model import Answer, SearchResult

MAX_FACTS = 6
_FACT = lazy(f"(?P<body>{BODY})|(?P<date>{DATE})|(?P<amount>{AMOUNT})")
Attribute = str  # "body", "date" or "amount": the group of _FACT that matched
_SPACE = lazy(r"\s+")


def regions_compared(text: str, named: PlacesNamed, user_region: str | None) -> tuple[str, ...]:
    """The regions a question compares, in the order named: two or more covered regions named
    (国家 counts only beside a comparison word: "吉林这个方案是根据哪个国家文件定的" is about Jilin),
    or one region named with a comparison word, compared with the user's own; () when it compares
    nothing."""
    comparing = is_comparison(text) or bool(ASKS_WHICH.search(text)) or _joined(text, named)
    regions = list(named.regions)
    if named.national and comparing and "national" not in regions:
        regions.insert(0, "national")
    if len(regions) == 1 and comparing and user_region and user_region not in regions:
        regions.insert(0, user_region)
    return tuple(regions) if len(regions) >= 2 else ()


def _joined(text: str, named: PlacesNamed) -> bool:
    """Two places named one right after the other with a joiner between ("国家和吉林…谁来评估"):
    the question asks of both."""
    folded = fold_chinese(text)
    spans = sorted(named.spans)
    return any(folded[a[1] : b[0]] in PLACE_JOINERS for a, b in itertools.pairwise(spans))


def follow_up_regions(pieces: list[str], user_region: str | None) -> tuple[str, ...]:
    """The regions compared when every part after the first is only a place ("国家规定的上报日期是
    哪天？吉林呢"): the first part's region (named, or the user's) and each place asked after it;
    () when a later part asks something of its own or fewer than two regions result."""
    if len(pieces) < 2:
        return ()
    later = []
    for piece in pieces[1:]:
        named = places_named(piece)
        rest = without_places(piece)
        for w in sorted(FOLLOW_UP_WORDS, key=len, reverse=True):
            rest = rest.replace(w, "")
        region = named.regions[0] if named.regions else ("national" if named.national else None)
        if rest or region is None:
            return ()
        later.append(region)
    first = places_named(pieces[0])
    base = first.regions[0] if first.regions else ("national" if first.national else user_region)
    regions = tuple(dict.fromkeys(r for r in (base, *later) if r))
    return regions if len(regions) >= 2 else ()


def reply(text: str, regions: tuple[str, ...], kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """Each region's answer, then the same and the different; None when no region has an answer."""
    asked = general(ASKS_WHICH.sub(r"\g<between>", without_comparison(asked_of_each(text))).lstrip(JOINERS))
    results = {r: search_in(kb, asked, r) for r in regions}
    attributes = attributes_asked(asked)
    if not any(res.answered for res in results.values()) and not words_known(kb, asked, regions):
        return None  # no side sure, words the texts never use (长春到北京高铁要坐多久): nothing to compare
    answered = _sides(kb, results, attributes)
    if not answered:
        return None
    news = _reports(kb, answered, attributes)
    names = T.PLACE_SEPARATOR.join(render.region_name(kb, r) for r in regions)
    parts = [TC.COMPARE_HEADER.format(regions=names)]
    sections = []
    for r in regions:
        side = answered.get(r)
        parts.append(_side(kb, r, side[1] if side else "decline", side[0] if side else None, today))
        if r in news:
            parts[-1] += "\n\n" + TC.COMPARE_ALSO_REPORTED + "\n" + with_note(news[r], kb, today)
        sections.append(Section(r, "answered" if side else "missing", parts[-1]))
    which = bool(ASKS_WHICH.search(text))
    parts.append(summary(kb, {r: a for r, (a, _) in answered.items()}, attributes, which, asked, news))
    sections.append(Section("", "summary", parts[-1]))
    decision = "answer" if all(answered.get(r, (None, ""))[1] == "answer" for r in regions) else "likely"
    answered = {r: a for r, (a, _) in answered.items()}
    shown = tuple({a.entry_id: a for a in (*answered.values(), *news.values())}.values())
    confidence = min(res.confidence for res in results.values())
    best = next(iter(answered.values())).entry_id
    reply = Reply("\n\n".join(parts))
    return Turn("comparison", decision, (reply,), None, confidence, shown, sources_of(shown), (), best, tuple(sections))


def _reports(
    kb: KnowledgeBase, answered: dict[str, tuple[Answer, str]], attributes: frozenset[Attribute] | None
) -> dict[str, Answer]:
    """Each side's news report shown beside its official entry that gives no figure (compare_news)."""
    facts = lambda text: key_facts(text, attributes or REPORTED_ATTRIBUTES)  # noqa: E731
    found = {
        r: reported_beside(kb, r, a, [o for s, (o, _) in answered.items() if s != r], facts)
        for r, (a, _) in answered.items()
    }
    return {r: a for r, a in found.items() if a is not None}


def asked_of_each(text: str) -> str:
    """What is asked of each region: the text (folded) without the places it compares, except a
    place that is where something goes ("名单几号前报国家": 报国家 is what is asked) and the level of
    a body named by its place ("吉林省卫健委" -> "省卫健委")."""
    folded = fold_chinese(text)
    for start, end in sorted(places_named(text).spans, reverse=True):
        name = folded[start:end]
        if folded[:start].endswith(DESTINATION_BEFORE):
            continue
        keep = name[-1] if folded[end:].startswith(BODY_AFTER) and name[-1] in LEVEL_SUFFIXES else ""
        folded = folded[:start] + keep + folded[end:]
    return folded


def _sides(
    kb: KnowledgeBase, results: dict[str, SearchResult], attributes: frozenset[Attribute] | None = None
) -> dict[str, tuple[Answer, str]]:
    """Each region's (entry, decision). A region's sure answer stands (its own entry on that topic
    rather than a national one). A region whose search is not sure takes its own entry on a topic
    every side's best candidates share, else on the topic of the surest side's answer: the same
    question asked of another region; else, when the comparison asks for one attribute (dates for
    几号, bodies for 谁), its best entry if that gives it ("名单几号前报国家": 国家's 11月30日). Such
    an entry is shown as the likeliest."""
    shared = _shared_topic(results)
    sure = [(res.confidence, r) for r, res in results.items() if res.answered and res.answers]
    anchor = results[max(sure)[1]].answers[0] if sure else None
    sides: dict[str, tuple[Answer, str]] = {}
    for r, res in results.items():
        own = res.answers[0] if res.answers else None
        if res.decision == "answer" and own is not None:
            mine = kb.index.same_topic(own.entry_id, r) if r not in own.regions else None
            sides[r] = (mine or own, "answer")
            continue
        same = shared.get(r) or (kb.index.same_topic(anchor.entry_id, r) if anchor else None)
        if same is not None:
            sides[r] = (same, "likely")
        elif res.answered and own is not None:
            sides[r] = (own, res.decision)
        elif own is not None and attributes and key_facts(own.answer, attributes) and res.decision == "suggest":
            sides[r] = (own, "likely")
    return sides


def _shared_topic(results: dict[str, SearchResult]) -> dict[str, Answer]:
    """Each region's entry on the topic that every region's best candidates share (the best-placed
    such topic), or {} when they share none."""
    ranks: dict[str, int] = {}
    for res in results.values():
        for rank, a in enumerate(res.answers):
            if a.topic:
                ranks[a.topic] = ranks.get(a.topic, 0) + rank
    common = [t for t in ranks if all(any(a.topic == t for a in res.answers) for res in results.values())]
    if not common:
        return {}
    topic = min(common, key=lambda t: ranks[t])
    return {r: next(a for a in res.answers if a.topic == topic) for r, res in results.items()}


def _side(kb: KnowledgeBase, region: str, decision: str, answer: Answer | None, today: dt.date) -> str:
    name = render.region_name(kb, region)
    head = T.REGION_HEADER.format(name=name)
    if answer is None:
        return head + "\n" + TC.COMPARE_MISSING.format(name=name)
    if region != "national" and region not in answer.regions:  # a report is no text of the region's (s7a076)
        head += TC.COMPARE_NATIONAL_REPORTED.format(name=name) if answer.provenance else TC.COMPARE_NATIONAL_ENTRY
    if decision == "likely":
        head += TC.COMPARE_LIKELY
    return head + "\n" + with_note(answer, kb, today)


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
    """The attributes a comparison asks about (谁来验收: bodies; 什么时候: dates; 床位要求: amounts); None: all."""
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
) -> str:
    """What the answers have in common and what only one of them says (numbers, dates, bodies; only
    the attributes the question asks about, when it asks about some); `which`: the question (`asked`
    of each side) asks which side is higher (哪个高), said first from the sides' figures (higher.py)."""
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
    notes = [
        TC.COMPARE_REPORTED_FACTS.format(name=render.region_name(kb, r), facts=_join(fs))
        for r, fs in reported.items()
        if fs
    ]
    common = [f for f in next(iter(facts.values())) if all(f in fs for fs in facts.values())]
    roles = {r: body_roles(a.answer, _municipality(kb, r), others[r]) for r, a in answered.items()}
    differ = roles_differ(common, roles)  # named on every side, but doing different jobs: not "the same"
    common = [f for f in common if f not in differ]
    if common and not differ and all(len(fs) == len(common) for fs in facts.values()):
        lines.append(TC.COMPARE_ALL_SAME.format(facts=_join(common)))
        return "\n".join(lines + notes)
    if common:
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
    return key_facts(answer.answer, (attributes or REPORTED_ATTRIBUTES) & REPORTED_ATTRIBUTES)


def _municipality(kb: KnowledgeBase, region: str) -> bool:
    found = kb.regions.by_id(region)
    return found is not None and found.municipality


def _join(facts: list[str]) -> str:
    return T.FACT_SEPARATOR.join(facts[:MAX_FACTS])
