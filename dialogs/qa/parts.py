"""Multi-part questions ("渝中验收啥时候搞 谁来验 要几项达标"): every part is answered under its own
mark, each judged on its own, and a part without an answer of its own says so.

A later part usually leans on what came before it: "吉林申请表叫啥？哪天前报到省里？" asks when the
*application* goes to the province, in *Jilin*. So a later part is read three ways: after the part just
before it, after the first part (both lend the region and the topic, not a time counted from today:
离截止还有几天？床位要多少张 says the window once), and alone. The alone reading goes first only when the
part names its own topic (the entry it finds holds nearly all of its words, and it points back at
nothing: 它们…, …呢). Whichever reading is taken, its answer must give what *this part* asks (a
department for 报给谁, a day for 几号, materials for 哪些材料): the search's confidence for a reading
with the first part in front speaks for that part's words. A part no reading answers that way is unanswered."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from weakref import WeakKeyDictionary

from core.model import Reply
from dialogs.qa.entries import suggestion_buttons, with_note
from dialogs.qa.figure_term import FIGURES, terms_named
from dialogs.qa.on_date import day_named
from dialogs.qa.parts_number import numbers_of_named
from dialogs.qa.parts_recheck import rechecked
from dialogs.qa.parts_siblings import untangled
from dialogs.qa.parts_text import of_text_named
from dialogs.qa.receiver_words import ASKS_RECEIVER, GIVES_RECEIVER
from dialogs.qa.relative_time import without_time
from dialogs.qa.text_not_held import says_not_given
from dialogs.qa.turn import AnswerOne, Section, Turn, sources_of
from dialogs.qa.verdict_asks_words import OTHER_ASKS
from dialogs.qa.vocabulary import ASKS_DAY, CITES_DOCUMENT, GIVES_DAY, POINTS_BACK, YES_NO
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.places import places_named
from knowledge.search.bare_ask import asks_only
from knowledge.search.calibration import FEATURES
from knowledge.search.intent import attributes_asked, cues
from knowledge.search.intent import folded as folded_text
from knowledge.search.model import Answer
from knowledge.search.signals import PROVIDES, UNCHECKED, count_patterns

# A part "names its own topic" when the entry its alone reading finds holds at least this share of
# its words (IDF-weighted, the search's `coverage` feature): "原来的名称还保留吗" (1.0) stands alone,
# "报给哪个部门" (0.84: 部门 and 报 are in many entries) leans on the part before it.
OWN_TOPIC = 0.9
_COVERAGE = FEATURES.index("coverage")
# How many of the part's own best entries a reading with another part in front may choose among.
OWN_CANDIDATES = 5
MAX_OFFERED = 3  # entries offered for a part not answered
OWN_WORDS = 2  # words a part names that a repeated entry lacks: it asks of something else


def reply(
    parts: list[str],
    answer_one: AnswerOne,
    kb: KnowledgeBase,
    today: dt.date,
    region: str | None = None,
    alone: bool = False,
) -> Turn | None:
    """One answer per part (`answer_one` answers a single question; `region` is the one the whole
    question is asked for); None when no part is answered. `alone`: each part is read alone, never
    after another (a situation's verdict gives the question beside it nothing to lean on)."""
    turns: list[Turn] = []
    for i in range(len(parts)):
        turns.append(answer_one(parts[i]) if alone else _answer_part(i, parts, answer_one, kb, region, turns, today))
    if not alone:  # a part that took (or missed for) its sibling's entry: its own next one (parts_siblings.py)
        turns = numbers_of_named(parts, untangled(parts, turns, answer_one, kb, region, gives_asked, _names_more))
        turns = of_text_named(parts, turns, answer_one, kb, region, gives_asked)  # 哪天印发的: of ①'s text
        turns = rechecked(parts, turns, kb, region, gives_asked, may_lean)  # not "not found" beside its answer
    if not any(t.answered for t in turns):
        return None
    lines = [T.PARTS_HEADER.format(n=len(parts))]
    shown_at: dict[tuple[str, ...], int] = {}  # the entries shown for a part -> that part's index
    sections: list[Section] = []
    for i, (part, turn) in enumerate(zip(parts, turns, strict=True)):
        head = T.PART_HEADER.format(marks=_mark(i), part=part)
        # a reply on no entry (a verdict, a text's standing) is the same answer when its text is
        ids = tuple(a.entry_id for a in turn.shown) or tuple(r.text for r in turn.replies[:1])
        if not turn.answered:
            body = T.PART_UNANSWERED_SUGGEST if (turn.suggestions or turn.shown) else T.PART_UNANSWERED
            if alone and turn.replies:  # read alone, its own reply says it (a decline names whom to ask)
                body = turn.replies[0].text
            sections.append(Section(part, "unanswered", body))
        elif ids and ids in shown_at:
            earlier = shown_at[ids]
            body = T.PART_SAME if earlier == i - 1 else T.PART_SAME_AS.format(mark=_mark(earlier))
            sections.append(Section(part, "same", body, earlier))
        else:
            body = turn.replies[0].text
            if ids:
                shown_at[ids] = i
            sections.append(Section(part, "answered", body))
        lines.append(head + "\n" + body)
    replies = [Reply("\n\n".join(lines))]
    offered = [a for t in turns if not t.answered for a in (*t.suggestions, *t.shown)]
    if offered:
        replies.append(Reply(T.PART_OFFERED, suggestion_buttons(list(dict.fromkeys(offered)))))
    decision = "answer" if all(t.decision == "answer" for t in turns) else "likely"
    shown = tuple({a.entry_id: a for t in turns if t.answered for a in t.shown}.values())
    sources = tuple(dict.fromkeys(s for t in turns if t.answered for s in t.sources)) or sources_of(shown)
    confidence = min(t.confidence for t in turns)
    best = next((t.best_entry for t in turns if t.best_entry), None)
    return Turn(
        "multipart", decision, tuple(replies), turns[0].region, confidence, shown, sources, (), best, tuple(sections)
    )


def _mark(i: int) -> str:
    return T.PART_MARKS[i % len(T.PART_MARKS)]


def _answer_part(
    i: int,
    parts: list[str],
    answer_one: AnswerOne,
    kb: KnowledgeBase,
    region: str | None,
    earlier: list[Turn],
    today: dt.date,
) -> Turn:
    """Part i's turn: the first reading (see the module docstring for the order) that is answered,
    gives what the part asks, and — read with another part in front — shows an entry of an earlier
    part or one of the part's own likeliest entries (the words in front re-rank what the part
    itself finds; they do not bring in a passage about neither); else the part as not answered,
    its entries offered."""
    part = parts[i]
    alone = answer_one(part)
    if i == 0:
        return alone
    before = [f"{without_time(parts[i - 1])}，{part}"] if i > 1 else []
    first = f"{without_time(parts[0])}，{part}"
    contextual = [answer_one(text) for text in (*before, first, *_in_first_place(parts[0], part))]
    # the part's own likeliest entries where it names a place of its own, and where the whole question
    # is asked ("吉林省卫健委几号前评估？名单几号前报国家？": 国家 is where the list goes, not the region)
    own = _own_candidates(part, kb, alone.region or region) | _own_candidates(part, kb, region)
    related = own | {a.entry_id for t in earlier if t.answered for a in t.shown}
    contextual = [t for t in contextual if all(a.entry_id in related for a in t.shown)]
    # 满意度多少: not the 使用率 entry; a reading on no entry (还能报吗 before 下个月底前要交什么) is no re-rank (N11)
    contextual = [t for t in contextual if holds_figure_of(part, t, kb) and (t.shown or not alone.answered)]
    readings = [alone, *contextual] if _own_topic(part, alone, kb, region) else [*contextual, alone]
    # A reading that only repeats an earlier part's entry comes after a sure reading of the part's own
    # when the part names something of its own that entry does not hold ("…建成多少家？2024年达到服务
    # 能力标准的机构数量要多少": the first part's words put its entry first, without 服务能力标准).
    shown_before = {a.entry_id: a for t in earlier if t.answered for a in t.shown}
    if alone.decision == "answer" and not {a.entry_id for a in alone.shown} <= set(shown_before):
        repeats = [
            t
            for t in contextual
            if t.shown
            and {a.entry_id for a in t.shown} <= set(shown_before)
            and _names_more(part, t.shown, kb, alone.shown)
        ]
        readings = [t for t in readings if t not in repeats] + repeats
    elif not may_lean(part, kb, alone.region or region):
        # naming words the texts never use (仪式), a part is not answered by an earlier part's entry
        # ("几号前评估？评估完挂牌要搞仪式吗": the 10月31日 entry)
        readings = [t for t in readings if not (t.shown and {a.entry_id for a in t.shown} <= set(shown_before))]
    for turn in readings:
        if turn.answered and gives_asked(part, turn.shown):
            return turn
    shared = _answered_before(part, [parts[0], parts[i - 1]], earlier, kb, alone.region or region)
    shared = shared if may_lean(part, kb, alone.region or region) else None
    if shared is not None:
        return shared
    nearby = _next_giving(part, alone, kb, alone.region or region, today)
    if nearby is not None:
        return nearby
    # Not answered: the entries the part's own words find first, then the surest other reading's.
    best = max(readings, key=lambda t: t.confidence)
    return _not_answered(best, (*_entries(alone), *_entries(best)))


def _next_giving(part: str, alone: Turn, kb: KnowledgeBase, region: str | None, today: dt.date) -> Turn | None:
    """The part's own next candidate that names where something is sent, shown as the likeliest, when
    the entry its words rank first does not (s9a082: "新建成社区医院名单报给谁" ranked the 名单 form first, which names
    no body the list goes to; the report-deadline entry below it does). None when no candidate does."""
    if not alone.answered or not ASKS_RECEIVER.search(part):  # only where the body sent to is asked: a
        return None  # next candidate for 护士要配几个 was the 0.7-per-bed report (s9a109, out of scope)
    tried = {a.entry_id for a in alone.shown}
    found = kb.search(part, region)
    for a in found.answers:
        if a.entry_id not in tried and gives_asked(part, (a,)):
            reply = Reply(T.LIKELY_HEADER.format(question=a.question) + "\n" + with_note(a, kb, today))
            return Turn(alone.kind, "likely", (reply,), alone.region, found.confidence, (a,), sources_of((a,)))
    return None


def _answered_before(
    part: str, fronts: list[str], earlier: list[Turn], kb: KnowledgeBase, region: str | None
) -> Turn | None:
    """The earlier part's turn whose answer also answers this part, when no reading of the part is
    answered on its own: read after an earlier part, the entry ranked first is one that part
    already shows, and it gives what this part asks ("验收合格以后要填什么表？最晚几号交？": the
    信息表 entry's 11月10日). A part that asks for nothing in particular (咋办, 什么要求) also needs
    its own words to find that entry, so that the first part's words alone do not decide."""
    asks = bool(attributes_asked(part)) or bool(ASKS_DAY.search(part))
    own = {kb.index.answers[c.index].entry_id for c in kb.index.rank(part, region)} if not asks else set()
    for front in dict.fromkeys(fronts):
        ranked = kb.index.distinct(kb.index.rank(f"{front}，{part}", region))
        top = kb.index.answers[ranked[0].index] if ranked else None
        if top is None or not (asks or top.entry_id in own):
            continue
        turn = next((t for t in earlier if t.answered and any(a.entry_id == top.entry_id for a in t.shown)), None)
        if turn is not None and gives_asked(part, (top,)) and holds_figure_of(part, turn, kb):
            return turn
    return None


def may_lean(part: str, kb: KnowledgeBase, region: str | None) -> bool:
    """An earlier part's entry may answer the part, unless it asks yes or no (…吗) of a word no text uses:
    "评估完挂牌要搞仪式吗" names 仪式, and after "吉林省卫健委几号前评估" the 10月31日 entry says nothing of it.
    A part naming nothing of its own (期限是啥时候, 分别是啥) or pointing back may always lean; one asking
    something else (最晚几号交, 赶上国庆咋办) is judged by what the entry gives (gives_asked)."""
    if asks_only(part) or POINTS_BACK.search(part.strip()) or not YES_NO.search(part):
        return True
    ranked = kb.index.rank(part, region)
    return bool(ranked) and ranked[0].every_term_known


def _names_more(part: str, shown: tuple[Answer, ...], kb: KnowledgeBase, alone: tuple[Answer, ...] = ()) -> bool:
    """The part names things of its own (not question words) that none of the entries shown holds:
    OWN_WORDS or more (服务能力标准 and 数量 against the 100家 entry), or one that the part's own sure
    answer (`alone`) holds and that is not part of what it asks (复核 against the 8月31日 entry, held
    by the 9月30日 复核 one); not "报给哪个部门" (部门 is in 哪个部门, what it asks)."""
    own = _own_words(part, _words_of(shown, kb), kb)
    if len(own) >= OWN_WORDS:
        return True
    folded = folded_text(part)
    asking = [w for words in cues().attributes.values() for w in words if w in folded]
    named = {w for w in own if not any(w in phrase for phrase in asking)}
    held_alone = _words_of(alone, kb)
    return bool(named) and bool(alone) and all(w in held_alone[0] or w in held_alone[1] for w in named)


def holds_figure_of(part: str, turn: Turn, kb: KnowledgeBase) -> bool:
    """A part asking a figure (多少, 几张, 面积) of a term of the knowledge base (search_words.txt:
    满意度, 床位使用率 …) is answered only by entries that name that term: read after "床位要多少",
    "满意度要多少" in Jilin found the 床位使用率≥75% entry (a ratio is what it asks), and the director
    read 75% as the satisfaction required. True when the part asks no figure or names no term."""
    if not turn.shown or not (attributes_asked(part) & FIGURES) or says_not_given(part, turn.shown):
        return True
    text, canonical = _words_of(turn.shown, kb)
    named = terms_named(part)
    return all(t in text or t in canonical for t in named)


_WORDS: WeakKeyDictionary[object, dict[str, frozenset[str]]] = WeakKeyDictionary()
_WORDS_KEPT = 2048  # texts of entries shown together, per index


def _words_of(shown: tuple[Answer, ...], kb: KnowledgeBase) -> tuple[str, frozenset[str]]:
    """The entries' text, and its words in canonical form. Kept per index: analysing the same texts
    (typo-corrected run by run) again for every reading of every part was 43 % of a slow multi-part turn."""
    text = "".join(a.answer + a.question for a in shown)
    if not text:
        return text, frozenset()
    kept = _WORDS.setdefault(kb.index, {})
    if text not in kept:
        if len(kept) >= _WORDS_KEPT:
            kept.clear()
        kept[text] = frozenset(kb.index.analyzer.analyse(text)[0])
    return text, kept[text]


def _own_words(part: str, held: tuple[str, frozenset[str]], kb: KnowledgeBase) -> set[str]:
    """The part's words (two characters or more, not question words) the text `held` lacks. A word
    the part writes another way (申请表, read as its canonical 申报表) is compared in the canonical form
    on both sides: "申请表是哪个附件" names 申请表 and 附件 of its own; what a question word reads as
    (哪天 -> 什么时候, 截止 -> 截止日期) is what it asks, and a bare word (分别, 完成: bare_ask.py) names nothing."""
    words, _ = kb.index.analyzer.analyse(part)
    text, canonical = held
    own = {
        w for w in words if len(w) > 1 and w not in text and w not in canonical and "time" not in attributes_asked(w)
    }
    return {w for w in own if not any(q in w for q in OTHER_ASKS) and not asks_only(w)}


def _in_first_place(first: str, part: str) -> list[str]:
    """The part asked in the place the first part names, when it names no covered region of its own
    ("吉林省卫健委几号前评估？名单几号前报国家？": 国家 is where the list goes; the list is Jilin's)."""
    named = places_named(first)
    if not named.regions or places_named(part).regions:
        return []
    where = next(m.text for m in named.mentions if m.place.region)
    return [f"{where}{part}"]


def _own_candidates(part: str, kb: KnowledgeBase, region: str | None) -> set[str]:
    """The entries the part alone ranks highest (OWN_CANDIDATES distinct ones)."""
    ranked = kb.index.distinct(kb.index.rank(part, region))[:OWN_CANDIDATES]
    return {kb.index.answers[c.index].entry_id for c in ranked}


def _own_topic(part: str, alone: Turn, kb: KnowledgeBase, region: str | None) -> bool:
    """The part names what it is about: it points back at nothing, and the entry its alone reading
    shows holds at least OWN_TOPIC of its words, or it names the one day its alone reading answers from
    the region's calendar (a step asked by its day: sealed set 8, s8a081)."""
    if POINTS_BACK.search(part.strip()) or asks_only(part) or not alone.answered:
        return False
    if not alone.shown:  # "9月30日前又要完成啥": the calendar's items on the day it names (on_date.py)
        return day_named(part) is not None and bool(alone.sources)
    wanted = alone.shown[0].entry_id
    candidates = kb.index.rank(part, alone.region or region)
    coverage = next((c.features[_COVERAGE] for c in candidates if kb.index.answers[c.index].entry_id == wanted), 0.0)
    return coverage >= OWN_TOPIC


def gives_asked(part: str, shown: tuple[Answer, ...]) -> bool:
    """The answers shown give everything the part asks for (knowledge.search.signals.PROVIDES: a date for
    什么时候, a department for 谁, a day for 几号). Unlike the search's own signal, a "没有写…" in the answer gives
    nothing ("方案没有写到哪个月为止"), nor does 按北京方案 give materials. True when the part asks for no particular
    thing, nothing is shown (a verdict), or the entries say the texts do not give what it names."""
    if not shown or says_not_given(part, shown):  # 床护比怎么规定: "收录的文件里没有床护比…" answers it
        return True
    text = "\n".join(a.answer for a in shown)
    patterns = {**PROVIDES, **count_patterns()}  # 几家 wants a figure in 家, not any figure (F: 新建几家)
    asked = [a for a in attributes_asked(without_time(part)) if a in patterns and a not in UNCHECKED]
    uncited = CITES_DOCUMENT.sub("", text)  # naming the document relied on hands in no material
    if not all(patterns[a].search(uncited if a == "materials" else text) for a in asked):
        return False
    if ASKS_RECEIVER.search(part) and not GIVES_RECEIVER.search(text):  # 报给谁: a body something goes to (s9a082)
        return False
    return not ASKS_DAY.search(part) or bool(GIVES_DAY.search(text))


def _entries(turn: Turn) -> tuple[Answer, ...]:
    return (*turn.shown, *turn.suggestions)


def _not_answered(turn: Turn, offered: tuple[Answer, ...]) -> Turn:
    """The part as not answered: nothing shown, `offered` (up to MAX_OFFERED distinct) as suggestions."""
    distinct = tuple({a.entry_id: a for a in offered}.values())[:MAX_OFFERED]
    decision = turn.decision if not turn.answered else "suggest"
    return replace(turn, decision=decision, shown=(), sources=(), suggestions=distinct)
