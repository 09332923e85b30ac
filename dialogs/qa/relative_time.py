"""A question about a time counted from today ("下个月底之前要做啥", "离截止还有几天", "最近要忙什么",
"下个月底前要交什么"): the region's calendar over that window — its deadlines of the director's own
steps, or that the loaded texts set none, and the day's status note (which text governs, 常态化受理,
whom to ask) — with their sources. Anything else the question asks beside the time (要交什么) is
searched without the time words and answered after that line.

Before (newcomer trial 6, N11/N17) such a question was searched as words: 下个月底 matched 渝中's
2021 "3月底前" step, or nothing ("我不想猜测"), while /status knew that no deadline was loaded."""

from __future__ import annotations

import calendar as months
import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from core.model import Reply
from core.text import fold_chinese
from dialogs import render
from dialogs.dates import date_in
from dialogs.festival_words import eve
from dialogs.qa.relative_words import (
    AHEAD,
    DAYS_LEFT,
    HAND_IN,
    LAST_LUNAR_MONTH,
    MATERIALS,
    MONTH_NAMED,
    PARTICLES,
    RECENT,
    RECENT_KEEPS,
    RELATIVE_WHEN,
    TIME_FILLER,
    WEEK_NAMED,
    WHAT_TO_DO,
)
from dialogs.qa.turn import Turn
from dialogs.texts import qa_dates as D
from knowledge.base import KnowledgeBase
from knowledge.calendar import Calendar
from knowledge.calendar.actors import institution_involved
from knowledge.places import without_places
from knowledge.search.model import Source

HORIZON_DAYS = 400  # as far ahead as /status looks
RECENT_DAYS = 30  # "最近", "这段时间": the next month


def asks(text: str) -> bool:
    """The question names a time counted from today or asks how long is left."""
    t = fold_chinese(text)
    return bool(RELATIVE_WHEN.search(t) or DAYS_LEFT.search(t))


def reply(
    text: str, region: str | None, kb: KnowledgeBase, today: dt.date, search: Callable[[str], Turn]
) -> Turn | None:
    """The window's deadlines (or none) and the day's note, before the answer to anything else the
    question asks (`search`: the Q&A turn for that rest); None when the text names no such time or
    the region has no calendar; without a region, that one is asked for."""
    if region is None and asks(text):  # the window is the region's calendar's: which one is asked first
        return _no_region(text, kb, search)
    calendar = kb.calendars.get(region) if region else None
    if calendar is None or not asks(text):
        return None
    t = fold_chinese(text)
    end = _window_end(t, today)
    lines, shown, sources = _window(calendar, kb, today, end)
    rest = _rest(t, kb)
    if rest and _only_recent(t) and not RECENT_KEEPS.search(rest):
        return search(rest)  # 最近有什么新政策: "lately" is no window of deadlines, the rest is asked
    if rest and not asks(rest):
        answer = search(rest)
        if not answer.replies:
            return None
        if not answer.answered:  # "要交什么" alone is unsure: the window, then what it may mean
            window = Reply("\n".join([*lines, *(render.source_line(s) for s in shown)]))
            return replace(answer, replies=(window, *answer.replies), sources=(*sources, *answer.sources))
        first = answer.replies[0]
        head = Reply("\n".join(lines) + "\n\n" + first.text, first.buttons, first.document)
        return replace(answer, replies=(head, *answer.replies[1:]), sources=(*sources, *answer.sources))
    lines += [render.source_line(s) for s in shown]
    lines.append(D.RELATIVE_STATUS)
    return Turn("search", "answer", (Reply("\n".join(lines)),), region, 1.0, (), tuple(sources))


def _no_region(text: str, kb: KnowledgeBase, search: Callable[[str], Turn]) -> Turn:
    """Without a region the window cannot be read: the region is asked for — unless what the question
    asks beside its time is no calendar's ("最近医药股能买吗", "最近天气怎么样": sealed set 3, v107 was
    answered confidently with "截止日期因地区而异"), which is answered (declined) as asked."""
    t = fold_chinese(text)
    rest = _rest(t, kb)
    if rest and _only_recent(t) and not RECENT_KEEPS.search(rest):
        return search(rest)  # as with a region: "lately" is no window of deadlines
    if rest and not asks(rest):
        answer = search(rest)
        if answer.decision == "decline":  # the texts hold nothing of it: no deadline is what it asks
            return answer
    return Turn("search", "answer", (Reply(D.RELATIVE_NO_REGION),), None, 1.0, (), ())


def without_time(text: str) -> str:
    """The question without its time counted from today (下个月底前要交什么 -> 要交什么); as it is without one."""
    t = fold_chinese(text)
    return TIME_FILLER.sub("", DAYS_LEFT.sub("", t)) if asks(t) else text


def _window_end(t: str, today: dt.date) -> dt.date | None:
    """The last day the question looks at; None: as far as /status looks (离截止还有几天)."""
    if DAYS_LEFT.search(t) and not RELATIVE_WHEN.search(t):
        return None
    named = date_in(t, today)
    if named is not None and named >= today:
        return named
    week, month = WEEK_NAMED.search(t), MONTH_NAMED.search(t)
    if week is not None:  # 下周: to that week's Sunday
        return today + dt.timedelta(days=6 - today.weekday() + 7 * AHEAD[week["which"]])
    if month is not None:  # 下个月: to that month's last day
        first = (today.replace(day=1) + dt.timedelta(days=32 * AHEAD[month["which"]])).replace(day=1)
        return first.replace(day=months.monthrange(first.year, first.month)[1])
    if LAST_LUNAR_MONTH.search(t):  # 腊月里: to the eve
        return eve(today)
    return today + dt.timedelta(days=RECENT_DAYS) if RECENT.search(t) else None


def _only_recent(t: str) -> bool:
    """The question's only time is "lately" (最近, 这段时间)."""
    return bool(RECENT.search(t)) and not RELATIVE_WHEN.search(RECENT.sub("", t)) and not DAYS_LEFT.search(t)


def _window(
    calendar: Calendar, kb: KnowledgeBase, today: dt.date, end: dt.date | None
) -> tuple[list[str], list[Source], list[Source]]:
    """The lines on the deadlines up to `end` (None: the horizon) and the day's note; the sources still
    to show (each deadline's line shows its own) and all of them."""
    days = (end - today).days if end is not None else HORIZON_DAYS
    region = render.region_name(kb, calendar.region)
    due = [d for d in calendar.deadlines(None, today, days) if institution_involved(d.actor)]
    lines: list[str] = []
    if due:
        when = end or today + dt.timedelta(days=days)
        lines.append(D.RELATIVE_SOME.format(date=render.date(when), left=render.days_left(when, today), region=region))
        lines += [render.deadline_lines(d, today) for d in due]
    elif end is None:
        lines.append(
            D.RELATIVE_LEFT_NONE.format(
                until=render.date(today + dt.timedelta(days=days), weekday=False), region=region
            )
        )
    else:
        lines.append(D.RELATIVE_NONE.format(date=render.date(end), left=render.days_left(end, today), region=region))
    note = calendar.note_on(today)
    shown = list(calendar.sources_on(today)) if note else []
    if note:
        lines.append(note)
    return lines, render.distinct_sources(shown), render.distinct_sources([*(d.source for d in due), *shown])


def _rest(t: str, kb: KnowledgeBase) -> str:
    """What the question asks beside the time and "what must we do" ("" when nothing): searched."""
    rest = TIME_FILLER.sub("", DAYS_LEFT.sub("", without_places(t, kb.root)))
    rest = WHAT_TO_DO.sub("", rest)
    handed = HAND_IN.search(rest)
    rest = rest[: handed.end("core")] + MATERIALS if handed else rest
    return rest if PARTICLES.sub("", rest) and len(PARTICLES.sub("", rest)) > 1 else ""
