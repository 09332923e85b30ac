"""A terse question about what falls due on a day of the region's calendar ("10月底要干什么", "吉林 10月底",
"9月底有什么事"): the calendar's items on that day, each with its years, who acts and its source (breaker
F28: 10月底 in Jilin was answered with the 2020 plan's 8月31日 task, a date-less search). A day the region's
texts do not set is left to dates_named.annotate, which says so; a longer question goes to the search.
Asked as one part of several ("…？9月30日前又要完成啥"), the part gets the same: the search's entry for a
date gives one step of that day, or another day's step (sealed set 8, s8a081: the 评审 without the reports)."""

from __future__ import annotations

import calendar as months
import datetime as dt
import re

from core.model import Reply
from core.text import chinese_int, fold_chinese
from dialogs import render
from dialogs.qa.dates_named import SPAN, dates_named, when
from dialogs.qa.step_words import ON_DATE_FILLER
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import MONTH_END, NAMED_DATE, ON_DATE_ASKED
from dialogs.texts import qa_dates as D
from knowledge.base import KnowledgeBase
from knowledge.calendar.model import DeadlineRule
from knowledge.places import without_places

_SPACES = re.compile(r"[\s,，。.!！?？~～]+")


def day_named(text: str) -> tuple[int, int, bool] | None:
    """(month, day, month_end) of the one day the text names, a month's end as its last day (31 when
    the month has it; February's end as the 28th); None for none or several."""
    days = [(m, d, False) for m, d in dates_named(text)]
    for m in MONTH_END.finditer(fold_chinese(text)):
        month = chinese_int(m["m"])
        if month and 1 <= month <= 12:
            days.append((month, months.monthrange(2023, month)[1], True))
    return days[0] if len(days) == 1 else None


def reply(text: str, region: str | None, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    calendar = kb.calendars.get(region) if region else None
    named = day_named(text)
    if calendar is None or named is None:
        return None
    rest = MONTH_END.sub("", NAMED_DATE.sub("", fold_chinese(without_places(text, kb.root))))
    if not ON_DATE_ASKED.match(ON_DATE_FILLER.sub("", _SPACES.sub("", rest))):
        return None
    month, day, month_end = named
    rules = [r for r in calendar.rules if _on(r, month, day)]
    if not rules:
        return None
    said = D.MONTH_END_NAMED.format(month=month) if month_end else D.DATE_NAMED.format(month=month, day=day)
    lines = [D.ON_DATE_HEAD.format(region=render.region_name(kb, calendar.region), date=said)]
    all_over = all(_over(r, today) for r in rules)  # said once, not after each item
    for rule in rules:
        past = D.DATE_PAST if _over(rule, today) and not all_over else ""
        actor = D.ON_DATE_ACTOR.format(actor=rule.actor) if rule.actor else ""
        lines.append(D.ON_DATE_ITEM.format(when=when(rule), title=rule.title, actor=actor, past=past))
    if all_over:
        lines.append(D.DATE_ALL_PAST)
    sources = render.distinct_sources([r.source for r in rules])
    lines += [render.source_line(s) for s in sources]
    return Turn("search", "answer", (Reply("\n".join(lines)),), calendar.region, 1.0, sources=tuple(sources))


def _on(rule: DeadlineRule, month: int, day: int) -> bool:
    """The rule sets that day as the text states it (a yearly rule's one-year exception is not its day)."""
    if rule.kind == "yearly":
        return (rule.month, rule.day) == (month, day)
    return any((d.month, d.day) == (month, day) for _, d, _ in rule.dates_between(*SPAN))


def _over(rule: DeadlineRule, today: dt.date) -> bool:
    last = max((d for _, d, _ in rule.dates_between(*SPAN)), default=None)
    return last is not None and last < today
