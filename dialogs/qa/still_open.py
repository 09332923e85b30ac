"""Whether one can still apply now ("今年还能报吗", "现在还能申请吗", "还来得及吗"): answered from the
region's calendar on the day asked — its next deadline of the director's own steps, and the day's
status note (which text governs, that a dated schedule is over, that applications are taken all
year, whom to ask) — with their sources. Before, such a question got the plan's targets (北京: 2022's
新建10家) or suggestions (newcomer2 F6)."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange

from core.model import Reply
from core.text import chinese_int, fold_chinese
from dialogs import render
from dialogs.qa.in_force_words import CONDITION_UNMET
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import BARRING_FACTS, STILL_OPEN, TODAY_SAID, YES_WORDS
from dialogs.texts import qa as T
from dialogs.texts import qa_situation as S
from knowledge.base import KnowledgeBase
from knowledge.calendar import Calendar
from knowledge.calendar.actors import own_deadlines, own_stages
from knowledge.search.model import Source

LEAP_YEAR = 2000


def names_a_bar(text: str, region: str, kb: KnowledgeBase) -> bool:
    """The question names a situation that bars applying in the region's rules (出租科室, 医疗事故, 骗保):
    "出租科室了还能申请吗" asks about that bar, answered by the situation or its rule, not by the
    calendar's "any time" (newcomer trial 5, N1: in 渝中 the calendar's 常态化受理 answered it)."""
    rules = kb.rules.get(region)
    ruled = {f for c in rules.criteria for f in c.fields} if rules is not None else set()
    return any(w in text for f in BARRING_FACTS if f in ruled for w in YES_WORDS[f])


def reply(text: str, region: str | None, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """The answer for `region` on `today`; None when the text does not ask this, or no region is
    known (the region decides the answer) or it has no calendar."""
    if region is None or not STILL_OPEN.search(text) or names_a_bar(text, region, kb) or CONDITION_UNMET.search(text):
        return None
    calendar = kb.calendars.get(region)
    if calendar is None:
        return None
    upcoming = sorted(
        (d for s in own_stages(calendar) for d in own_deadlines(calendar, s, today)), key=lambda d: d.date
    )
    note = calendar.status_on(today)
    lines = [T.STILL_OPEN_HEADER.format(region=render.region_name(kb, region), today=render.date(today, weekday=False))]
    sources = []
    said = said_day_lines(text, calendar)  # 今天7月5号，今年还赶趟不: that day against the yearly deadline
    if said:
        lines += [line for line, _ in said]
        sources += [source for _, source in said]
    elif upcoming:
        d = upcoming[0]
        lines.append(
            T.STILL_OPEN_NEXT.format(date=render.date(d.date), left=render.days_left(d.date, today), title=d.title)
        )
        sources.append(d.source)
    if note is not None:
        lines.append(note.text)
        sources += list(note.sources)
    if not upcoming and note is None:
        lines.append(T.STILL_OPEN_UNKNOWN)
    sources = render.distinct_sources(sources)
    lines += [render.source_line(s) for s in sources]
    return Turn("in_force", "answer", (Reply("\n".join(lines)),), region, 1.0, (), tuple(sources))


def said_day_lines(text: str, calendar: Calendar) -> list[tuple[str, Source]]:
    """For a day said to be today ("今天7月5号"): each yearly deadline of the director's first own step,
    said passed for that year with the next one (次年6月30日前), or the days left; with its source. [] when no
    day is said, or the first step has no yearly deadline (北京, 渝中: dated once, or taken all year)."""
    m = TODAY_SAID.search(fold_chinese(text))
    month, day = (chinese_int(m["m"]), chinese_int(m["d"])) if m else (None, None)
    own = own_stages(calendar)
    if not month or not day or not own or not 1 <= month <= 12:
        return []
    said = S.STILL_OPEN_SAID_DAY.format(month=month, day=day)
    out = []
    for rule in calendar.rules:
        if rule.kind != "yearly" or rule.stage != own[0].id:
            continue
        date = S.STILL_OPEN_SAID_DAY.format(month=rule.month, day=rule.day)
        years = (
            S.STILL_OPEN_SAID_YEARS.format(first=rule.first_year, last=rule.last_year)
            if rule.last_year
            else S.STILL_OPEN_SAID_FROM.format(first=rule.first_year)
        )
        known = dict(source=render.citation(rule.source), date=date, title=rule.title, years=years, said=said)
        if (month, day) > (rule.month, rule.day):
            out.append((S.STILL_OPEN_SAID_PASSED.format(**known), rule.source))
        else:
            # only the month and day count: 2000 is a leap year, and a 31st said of a 30-day month is its last day
            said_on = dt.date(LEAP_YEAR, month, min(day, monthrange(LEAP_YEAR, month)[1]))
            days = (dt.date(LEAP_YEAR, rule.month, rule.day) - said_on).days
            out.append((S.STILL_OPEN_SAID_AHEAD.format(**known, days=days), rule.source))
    return out
