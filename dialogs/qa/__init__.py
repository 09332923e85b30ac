"""The question-and-answer turn: what kind of question a text is, and its answer.

In order (the first that applies answers):
  1. small talk (你好, 谢谢, 你是谁) — a friendly reply and what the assistant does (smalltalk.py);
     a bare figure (四十, 3000, 75%) — not a question: how to give it to /check (figure.py);
  2. a place not covered (上海, 重庆江北区) — said plainly, the national text as a reference, whom
     to ask (uncovered.py); only some parts about one — each part under its own mark (uncovered_parts.py);
  3. a comparison of regions — each region's answer side by side, the same and the different
     (compare.py);
  4. a situation (床位40张、使用率70%…能申请吗) — a verdict per stated criterion and /check with
     those answers filled (situation.py, facts.py);
  5. several questions in one — each part answered (parts.py);
  6. one question — the search's answer, the likeliest answer, suggestions or an honest decline
     (entries.py), a 怎么算 question without a method in the texts said to be that (method.py).
Every handler returns a Turn (turn.py): the replies and what they rest on; the chat shows the
replies, `python -m bot ask --json` and the evaluation read the rest. Pure: no clock, no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from core.clock import local_today
from core.effects import CountQuestion, Effect, LogUnanswered
from core.model import Outcome, Reply, UserState
from dialogs.qa import (
    act_first,
    bar_depends,
    besides,
    cited_standing,
    compare,
    compare_news,
    dates_named,
    details,
    doc_issued,
    doc_number,
    figure,
    holiday_moved,
    in_force,
    later_plan,
    method,
    mixed,
    needed,
    on_date,
    parts,
    premise,
    progress,
    region_slip,
    relative_time,
    share_enough,
    situation,
    situation_asked,
    smalltalk,
    still_open,
    term_in_text,
    uncovered,
    uncovered_parts,
    year_asked,
    yearly,
)
from dialogs.qa.asked_first import asked_first
from dialogs.qa.compare_news import REPORTED_ATTRIBUTES as REPORTED
from dialogs.qa.entries import format_answer, governing_note, render_result, search_turn, with_note
from dialogs.qa.turn import Turn
from dialogs.texts import common
from knowledge.base import KnowledgeBase
from knowledge.places import PlacesNamed, places_named
from knowledge.search.intent import asks_now
from knowledge.search.memo import one_turn
from knowledge.search.question_parts import split_parts

__all__ = [
    "Turn",
    "answer",
    "answer_in_full",
    "ask_suggested",
    "details_waiting",
    "details_wanted",
    "format_answer",
    "governing_note",
    "greets_only",
    "render_result",
    "respond",
    "show_details",
]


def answer(state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """Answer a typed question for the user's region (or each region, when none is chosen)."""
    turn = respond(state, text, kb, now)
    return Outcome(state, list(turn.replies), effects_for(text, turn, state.region))


def details_wanted(text: str) -> bool:
    return details.wanted(text)


def details_waiting(state: UserState) -> bool:
    return bool(details.waiting(state))


def answer_in_full(state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """Answer as `answer` does, in full: a reply short on a phone (a situation) comes with its details."""
    before = details.waiting(state)
    return details.in_full(before, answer(state, text, kb, now))


def respond(state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime) -> Turn:
    """The turn for a typed question (see the module docstring for the order of the kinds).
    May keep the answers a situation states for /check in `state` (dialogs/prefill.py). The turn's
    readings search the same texts again (a part alone, after another …): searched once a turn."""
    with one_turn():
        return _respond(state, text, kb, now)


def _respond(state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime) -> Turn:
    today = local_today(now)
    text = smalltalk.without_address(text)  # "@社区医院助手 大家好，…": whom it is for, not what (N10)
    text = region_slip.respelled(text, kb)  # 北就社区医院…: 北京 with its second character slipped (s9b054)
    full = details.asked(state, text)  # 详细: the full text behind the last short reply (details.py)
    if full is not None:
        return Turn("situation", "answer", (Reply(full),), state.region, 1.0)
    turn = smalltalk.reply(text, state.region) or figure.reply(text, state.region)
    if turn is not None:
        return turn
    named = places_named(text)
    if named.uncovered:  # "吉林床位要多少？广东呢？": the Jilin part is answered, the other said not covered
        turn = uncovered_parts.reply(
            split_parts(text), lambda part, where: single(part, where, state, kb, today), kb, today, state.region
        )
        if turn is not None:
            return turn
    turn = uncovered.reply(text, named, kb, today)
    if turn is not None:
        return turn
    compared = compare.regions_compared(text, named, state.region)
    if compared and situation.states_numbers(text, kb):
        turn = _compared_situation(text, compared, _region_asked(named) or state.region, state, kb, today)
        if turn is not None:
            return turn
    turn = compare.reply(text, compared, kb, today) if compared else None
    if turn is not None:
        return turn
    region = _region_asked(named) or state.region
    turn = on_date.reply(text, region, kb, today)  # "10月底要干什么": the calendar's items that day (F28)
    if turn is not None:
        return turn
    pieces = split_parts(text)
    # "国家规定的上报日期是哪天？吉林呢": the first question asked of each place, side by side.
    followed = compare.follow_up_regions(pieces, state.region)
    turn = compare.reply(pieces[0], followed, kb, today) if followed else None
    if turn is not None:
        return turn
    if len(pieces) < 2:
        return single(text, region, state, kb, today)
    # 除了30张床位、75%使用率，还有什么条件: figures excluded from what is asked are the rule's, no situation
    if situation.states_numbers(besides.without_excluded(text), kb):
        turn = mixed.reply(
            pieces,
            lambda part: single(part, region, state, kb, today),
            lambda t: situation.states_numbers(t, kb),
            kb,
            today,
            region,
        )
        return turn or single(text, region, state, kb, today)
    # Several questions: answered part by part when the parts need different entries; when one
    # entry answers them all ("…是什么文件？谁发的？"), that entry once — but the whole question read
    # as one is trusted only when it shows what the parts found: its confidence speaks for all the
    # words at once, and a passage about neither part must not replace a part said to be unanswered.
    several = parts.reply(pieces, lambda part: single(part, region, state, kb, today), kb, today, region)
    if several is not None and _part_by_part(several):
        return several
    whole = single(text, region, state, kb, today)
    if several is None:
        return whole
    # A part said unanswered is hidden by the whole only when the whole's answer gives what that part
    # asks ("…找谁？电话多少": the contact entry has the number; "复核完要报哪些东西": a date is no material).
    found = {a.entry_id for a in several.shown}
    agrees = whole.answered and {a.entry_id for a in whole.shown} <= found
    unanswered = [s.label for s in several.sections if s.status == "unanswered"]
    agrees = agrees and all(parts.gives_asked(p, whole.shown) for p in unanswered)
    agrees = agrees and all(parts.holds_figure_of(p, whole, kb) for p in unanswered)  # 满意度: not 使用率's 75%
    # 评估完挂牌要搞仪式吗 (仪式: no text uses it) is not hidden by the whole's 10月31日 entry either
    agrees = agrees and all(parts.may_lean(p, kb, region) for p in unanswered)
    return whole if agrees else several


def _part_by_part(several: Turn) -> bool:
    """The parts need different entries, or some rest on none (the calendar's 还能报吗, 下个月底前…): the
    whole read as one cannot show what they found (N11: "…还能报吗？下个月底前要交什么" lost its second part)."""
    answered = sum(s.status == "answered" for s in several.sections)
    return len(several.shown) > 1 or (answered > 1 and len(several.shown) < answered)


def _compared_situation(
    text: str, compared: tuple[str, ...], region: str | None, state: UserState, kb: KnowledgeBase, today: dt.date
) -> Turn | None:
    """ "吉林和北京，床位40张，使用率80%，能申请吗": each region's verdict, not one rule compared; another
    question beside it ("…？什么时候截止") compared across the same regions (dialogs/qa/mixed.py)."""

    def judge(part: str) -> Turn:
        return situation.reply(part, compared, kb, state, False, today) or single(part, region, state, kb, today)

    def other(part: str) -> Turn:
        return compare.reply(part, compared, kb, today) or single(part, region, state, kb, today)

    pieces = split_parts(text)
    if len(pieces) > 1:
        numbers = lambda t: situation.states_numbers(t, kb)  # noqa: E731
        turn = mixed.reply(pieces, other, numbers, kb, today, region, judge=judge)
        if turn is not None:
            return turn
    return situation.reply(text, compared, kb, state, False, today)


def single(text: str, region: str | None, state: UserState, kb: KnowledgeBase, today: dt.date) -> Turn:
    """One question: a situation's verdict, else the search's answer (method questions said to
    have no method when the texts give none)."""
    named = places_named(text)
    asked = _region_asked(named) or doc_number.region_named(text, region, kb) or region
    # "你好，我是XX卫生院院长，想问…": the greeting and the introduction say who asks, not what; the
    # situation still reads the whole text (the introduction may say what the institution is).
    query = doc_number.expand(smalltalk.without_preamble(text), asked or region, kb)  # 17号文件: 17, not 317 (F21)
    named_doc = doc_issued.reply(query, asked, kb)  # 17号文是哪天发的: its date, not the text governing today (N8)
    named_doc = named_doc or cited_standing.reply(query, kb, today) or doc_number.reply(query, asked, kb, today)
    if named_doc is not None:
        return named_doc
    searched = doc_number.without_named(query, region, kb)
    result = asked_first(query, searched, asked, kb)
    if not result.answered and query != text:
        # "我们是民营的社区卫生服务中心，能申请吗": the introduction is what is asked about (N9); the whole
        # text is searched when the question without it is not answered and the whole is.
        whole = doc_number.expand(text, asked or region, kb)
        found = kb.search(doc_number.without_named(whole, region, kb), asked)
        if found.decision == "answer":
            query, result = whole, found
    # 还没达标，能先挂牌吗: 不能, with the texts making the standard a condition of the sign (s8b071) — what
    # is asked is the act, before any verdict on the facts said beside it
    turn = act_first.reply(query, asked or region, kb, today)
    if turn is not None:
        return turn
    # An institution is where it is: the region named, else the user's, before a bare 国家.
    where = named.regions[0] if named.regions else region or ("national" if named.national else None)
    regions = (where,) if where else ()
    # "床位30张那个条件现在还有效吗" asks whether a rule still applies: its figure is the rule's, not a
    # situation of the director's institution.
    turn = None
    # "3000平方米的业务用房面积包括食堂吗" asks how the rule's figure is counted: no situation either.
    # "要50人次对吧" asks to confirm the rule's figure: its figure is no situation either (N15).
    if asks_now(query) != "in_force" and not method.asks_of_rule(text, regions, kb) and not premise.asks(text, kb):
        # "我们是…卫生院，…，床位要多少张？": the number asked for first, the verdict on the rest after it
        # 除了30张床位、75%使用率，还有什么条件: the excluded figures are the rule's, not the institution's
        rest = besides.without_excluded(text)
        turn = situation_asked.reply(
            rest, regions, kb, state, today, lambda q: single(q, region, state, kb, today)
        ) or (situation.reply(rest, regions, kb, state, result.decision == "answer", today))
    turn = turn or still_open.reply(query, asked, kb, today)
    turn = turn or on_date.reply(query, asked or region, kb, today)  # a part "9月30日前又要完成啥": that day's items
    # "下个月底前要交什么", "离截止还有几天": the calendar over that window, not the words searched (N11, N17)
    turn = turn or relative_time.reply(query, asked or region, kb, today, lambda q: single(q, region, state, kb, today))
    if turn is not None:
        turn = _with_worked(turn, query, asked, kb) if turn.kind != "situation" else turn
        return bar_depends.annotate(turn, text, asked, kb)  # 前年出过二级医疗事故: 要看是否负主要责任 (N5)
    # the texts' own words quoted (“服务人口超过1万人”，人口怎么算) are the term, before any method entry
    # 8月31日前报申请，是每年都这样吗: which of the date's mentions are every year's, which one year's (s10a091)
    turn = yearly.reply(query, result, kb, today)
    turn = turn or term_in_text.quoted(query, result, kb, asked or region) or method.reply(query, result, kb, today)
    turn = turn or term_in_text.reply(query, result, kb, asked or region)
    turn = turn or search_turn(query, result, kb, state.region, today)
    turn = year_asked.annotate(query, in_force.annotate(query, turn, result, kb, today))  # 2023年新建几家 (s10)
    turn = dates_named.annotate(query, turn, asked, kb, today)
    turn = progress.annotate(query, turn, kb)  # 目标完成了吗: the texts hold targets, not what was achieved
    turn = holiday_moved.annotate(query, turn, asked, kb, today)  # 赶上国庆: the day it moves to (N10)
    turn = bar_depends.annotate(_with_worked(turn, query, asked, kb), text, asked, kb)
    turn = share_enough.annotate(query, turn)  # 20家回头看5家，够吗: 25 % against the 30 % the answer states
    turn = premise.annotate(text, turn, regions, kb)
    turn = compare_news.with_standard_report(query, turn, kb, today, lambda t: compare.key_facts(t, REPORTED))
    turn = later_plan.with_later_plan(query, turn, kb, today)  # 317号的500家现在还是目标吗: the reported later plan's
    note = uncovered.partial_note(named, kb)
    if note and turn.answered:
        first = turn.replies[0]
        turn = _with_replies(turn, (Reply(note + "\n" + first.text, first.buttons), *turn.replies[1:]))
    return turn


def greets_only(text: str) -> bool:
    """The whole message is a greeting (你好, 院长好): nothing asked, nothing said of the institution."""
    return smalltalk.kind_of(text) in smalltalk.GREETS


def show_details(state: UserState, key: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """A "详细说明" button: the full text behind a short reply (dialogs/qa/details.py)."""
    return details.shown(state, key, kb, now)


def ask_suggested(state: UserState, entry_id: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """A "您是不是想问" button: show that entry (it may be gone after a reload)."""
    entry = kb.index.entry(entry_id) if entry_id else None
    if entry is None:
        return Outcome(state, [Reply(common.STALE_BUTTON)])
    return Outcome(state, [Reply(with_note(entry, kb, local_today(now)))])


def effects_for(text: str, turn: Turn, user_region: str | None) -> list[Effect]:
    """Count the question; log it (without the asker) when it was not answered surely."""
    effects: list[Effect] = [CountQuestion(turn.region or user_region)]
    if turn.decision != "answer" and turn.kind not in ("smalltalk", "figure"):
        effects.append(LogUnanswered(text, turn.region or user_region, turn.best_entry, turn.confidence))
    return effects


def _region_asked(named: PlacesNamed) -> str | None:
    """The region a question names: the first covered one ("吉林这个方案是根据哪个国家文件定的" is
    about Jilin), else national when it names only 国家."""
    if named.regions:
        return named.regions[0]
    # 省里什么时候报给国家: 国家 is whom the step goes to, the user's region is asked (places.py)
    return "national" if named.national and not named.national_recipient else None


def _with_worked(turn: Turn, text: str, region: str | None, kb: KnowledgeBase) -> Turn:
    """常住人口12万，全科医生几名: the ratio rule worked out for the base stated, before the answer."""
    worked = needed.note(text, turn.region or region, kb) if turn.answered and turn.replies else ""
    if not worked:
        return turn
    first = turn.replies[0]
    return _with_replies(turn, (Reply(worked + "\n" + first.text, first.buttons), *turn.replies[1:]))


def _with_replies(turn: Turn, replies: tuple[Reply, ...]) -> Turn:
    return replace(turn, replies=replies)
