"""A date the director names ("6月30日前要交什么") that the region's texts do not set: said to be not
that region's date (and whose date it is, when another loaded region sets it), then the region's own
dates, before the answer. Without this a Beijing director asking about 6月30日 read a confident answer
about 9月30日 and was never told that 6/30 is Jilin's date.

The region's dates are its calendar's deadline rules (knowledge/data/calendars), each occurrence's
month and day as the text states it (before any holiday postponement)."""

from __future__ import annotations

import calendar as days_of
import datetime as dt
from dataclasses import replace

from core.model import Reply
from core.text import chinese_int, fold_chinese
from dialogs import render
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import NAMED_DATE
from dialogs.texts import qa as T
from dialogs.texts import qa_dates as D
from knowledge.base import KnowledgeBase
from knowledge.calendar import Calendar
from knowledge.calendar.model import DeadlineRule
from knowledge.search.memo import per_turn_call

SPAN = (dt.date(2019, 1, 1), dt.date(2030, 12, 31))  # the years the loaded texts speak of
MAX_OWN_DATES = 8


def dates_named(text: str) -> list[tuple[int, int]]:
    """(month, day) of every valid date the text names, in order."""
    out = []
    for m in NAMED_DATE.finditer(fold_chinese(text)):
        month, day = chinese_int(m["m"]), chinese_int(m["d"])
        if month and day and 1 <= month <= 12 and 1 <= day <= 31 and (month, day) not in out:
            out.append((month, day))
    return out


@per_turn_call(dict)  # the same calendars are read by every reading of a multi-part turn
def own_dates(calendar: Calendar) -> dict[tuple[int, int], str]:
    """(month, day) -> the title of the first deadline rule on that day, over the texts' years."""
    found: dict[tuple[int, int], str] = {}
    for rule in calendar.rules:
        for _, day, _ in rule.dates_between(*SPAN):
            found.setdefault((day.month, day.day), rule.title)
    return found


def annotate(text: str, turn: Turn, region: str | None, kb: KnowledgeBase, today: dt.date | None = None) -> Turn:
    """The turn with a note in front when the question names a date the region's texts do not set."""
    calendar = kb.calendars.get(region) if region else None
    if calendar is None or not turn.replies:
        return turn
    own = own_dates(calendar)
    missing = [md for md in dates_named(text) if md not in own]
    if not missing:
        return turn
    name = render.region_name(kb, calendar.region)
    notes = []
    for month, day in missing:
        if day > days_of.monthrange(2000, month)[1]:  # 6月31日 is in no calendar: said so (trial 7, N21)
            notes.append(D.DATE_NO_SUCH_DAY.format(month=month, day=day))
            continue
        others = [
            render.region_name(kb, r)
            for r, c in kb.calendars.items()
            if r != calendar.region and (month, day) in own_dates(c)
        ]
        said = D.DATE_NAMED.format(month=month, day=day)
        elsewhere = D.DATE_ELSEWHERE.format(date=said, regions="、".join(others)) if others else ""
        notes.append(D.DATE_NOT_OURS.format(region=name, date=said, elsewhere=elsewhere))
    notes.extend(own_list(calendar, kb, name, today))
    first = turn.replies[0]
    head = Reply("\n".join(notes) + "\n\n" + first.text, first.buttons, first.document, first.expects_number)
    return replace(turn, replies=(head, *turn.replies[1:]))


def own_list(calendar: Calendar, kb: KnowledgeBase, name: str, today: dt.date | None) -> list[str]:
    """The region's own dates, each with its year or period and whether it is past on `today`
    (Beijing's are all 2022's: a director must not read them as this year's), then the national
    text's dates, said to be the national text's (newcomer trial 3, N1)."""
    national = kb.calendars.get("national")
    national_ids = {r.id for r in national.rules} if national and calendar.region != "national" else set()
    own = [r for r in calendar.rules if r.id not in national_ids]
    borrowed = [r for r in calendar.rules if r.id in national_ids]
    every = own[:MAX_OWN_DATES] + borrowed
    all_past = bool(every) and all(_past(r, today) for r in every)  # said once, not after each date
    lines = []
    if own:
        items = T.FACT_SEPARATOR.join(_item(r, today, all_past) for r in own[:MAX_OWN_DATES])
        lines.append(D.DATE_OWN_LIST.format(region=name, dates=items))
    else:
        lines.append(D.DATE_OWN_NONE.format(region=name))
    if borrowed:
        items = T.FACT_SEPARATOR.join(_item(r, today, all_past) for r in borrowed)
        lines.append(D.DATE_NATIONAL_LIST.format(dates=items))
    if all_past:
        lines.append(D.DATE_ALL_PAST)
    lines[-1] += D.DATE_ANSWER_FOLLOWS
    return lines


def _item(rule: DeadlineRule, today: dt.date | None, all_past: bool) -> str:
    past = D.DATE_PAST if not all_past and _past(rule, today) else ""
    return D.DATE_OWN_ITEM.format(when=when(rule), title=rule.title, past=past)


def when(rule: DeadlineRule) -> str:
    """The date as the text sets it, with its year or years: 2022年8月31日, 每年6月30日（2020—2023年）,
    2022年9月—12月每月1日."""
    if rule.kind == "once" and rule.date is not None:
        return render.date(rule.date, weekday=False)
    if rule.kind == "yearly":
        years = (
            D.DATE_YEARS.format(first=rule.first_year, last=rule.last_year)
            if rule.last_year
            else (D.DATE_YEARS_OPEN.format(first=rule.first_year))
        )
        return D.DATE_YEARLY.format(month=rule.month, day=rule.day, years=years)
    (y1, m1), end = rule.start, rule.end
    if end is None:
        return D.DATE_MONTHLY_OPEN.format(year=y1, month=m1, day=rule.day)
    return D.DATE_MONTHLY.format(year=y1, month=m1, last_year=end[0], last_month=end[1], day=rule.day)


def _past(rule: DeadlineRule, today: dt.date | None) -> bool:
    if today is None:
        return False
    if rule.kind == "once":
        return rule.date is not None and rule.date < today
    if rule.kind == "yearly":
        return rule.last_year is not None and rule.last_year < today.year
    return rule.end is not None and rule.end < (today.year, today.month)
