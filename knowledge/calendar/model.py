"""A region's application calendar: the stages an application passes through, what to prepare at each,
and the dated deadlines, computed for any `today` (knowledge/ has no clock).

A deadline rule is one of three kinds, exactly as the source text states it:
  yearly  — the text says 每年 (Jilin: 每年6月30日前); one date per year from `first_year`
            (to `last_year` when the plan has an end), with per-year exceptions the text names
            (2020年度于8月31日前);
  once    — a date that belongs to one year (Beijing 2022年8月31日前, Yuzhong 11月10日前 of 2021);
  monthly — a day of every month in a span (Beijing: 自9月起，每月1日前).
Only a rule whose text says 顺延 is moved past statutory holidays.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from knowledge.calendar.holidays import Holidays
from knowledge.documents import Citation
from knowledge.search.model import Source

RuleKind = Literal["yearly", "once", "monthly"]


@dataclass(frozen=True)
class Material:
    id: str
    name: str  # Chinese, e.g. 社区医院建设机构申请表（附件4）
    citation: Citation


@dataclass(frozen=True)
class Stage:
    id: str
    name: str  # Chinese, e.g. 机构申请
    actor: str  # who acts at this stage, Chinese: 机构 / 县级卫生健康行政部门 / …
    materials: tuple[Material, ...]
    next_step: str  # what happens next, Chinese
    citation: Citation | None


@dataclass(frozen=True)
class Deadline:
    id: str  # stable: the rule id plus the year (yearly) or year-month (monthly), e.g. jilin-application-2027
    title: str  # Chinese
    date: dt.date  # after any postponement (顺延)
    original_date: dt.date
    stage: str | None  # the stage it concerns; None: everyone in the region
    source: Source
    postponed: bool
    # False when the date needed the holiday schedule of a year chinese_calendar does not cover: the
    # fallback (weekends, fixed-date holidays, the override file) was used. True otherwise.
    official_holiday_data: bool
    note: str = ""  # Chinese, e.g. why 2020 differs, or that a date is taken as the document's year
    actor: str = ""  # who must act by this date, Chinese
    # The citation the date rests on (document id, section, quote): the front ends ask which text
    # governs its point on the day they speak (knowledge/governing.py, Governance.cited_points).
    citation: Citation | None = None


@dataclass(frozen=True)
class DeadlineRule:
    id: str
    title: str
    kind: RuleKind
    stage: str | None
    citation: Citation
    source: Source
    month: int = 0  # yearly
    day: int = 0  # yearly, monthly
    date: dt.date | None = None  # once
    first_year: int = 0  # yearly
    last_year: int | None = None  # yearly: the plan's last year, None when open-ended
    start: tuple[int, int] = (0, 0)  # monthly: (year, month) of the first occurrence
    end: tuple[int, int] | None = None  # monthly: (year, month) of the last, None when open-ended
    exceptions: dict[int, dt.date] = field(default_factory=dict)  # yearly: year -> that year's date
    exception_note: str = ""
    postpone: bool = False  # the text says 顺延
    note: str = ""
    actor: str = ""

    def dates_between(self, first: dt.date, last: dt.date) -> list[tuple[str, dt.date, str]]:
        """(deadline id, original date, note) for every occurrence whose original date could fall in
        [first - a few weeks, last]; the caller filters on the postponed date."""
        out: list[tuple[str, dt.date, str]] = []
        if self.kind == "once":
            assert self.date is not None
            out.append((self.id, self.date, self.note))
        elif self.kind == "yearly":
            top = last.year if self.last_year is None else min(last.year, self.last_year)
            for year in range(max(first.year - 1, self.first_year), top + 1):
                if year in self.exceptions:
                    out.append((f"{self.id}-{year}", self.exceptions[year], _join(self.note, self.exception_note)))
                else:
                    out.append((f"{self.id}-{year}", clamped(year, self.month, self.day), self.note))
        else:
            year, month = max(self.start, _prev_month(first.year, first.month))
            while (year, month) <= (last.year, last.month) and (self.end is None or (year, month) <= self.end):
                out.append((f"{self.id}-{year}-{month:02d}", clamped(year, month, self.day), self.note))
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


def clamped(year: int, month: int, day: int) -> dt.date:
    """The day in that month, or the month's last day when it is shorter (a 2/29 rule in a common
    year falls on 2/28: a deadline stated as a month's end must not vanish)."""
    return dt.date(year, month, min(day, _cal.monthrange(year, month)[1]))


def _prev_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _join(*notes: str) -> str:
    return "；".join(n for n in notes if n)


@dataclass(frozen=True)
class StatusNote:
    """A note on the region's schedule (Chinese) that holds from `start` to `end` (either open):
    e.g. which text governs those years, that a dated schedule is over, or that applications are
    taken all year."""

    text: str
    sources: tuple[Source, ...]  # what the note rests on
    citations: tuple[Citation, ...]
    start: dt.date | None = None
    end: dt.date | None = None
    # the director's stage while the note holds, when they set none (渝中 from 2022: 建设整改, self-assess
    # then apply; not 2021's first stage, which has no deadline ahead either)
    stage: str | None = None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Calendar:
    region: str
    stages: tuple[Stage, ...]
    status_notes: tuple[StatusNote, ...] = ()  # dated; at most one holds on any day (kb check)
    rules: tuple[DeadlineRule, ...] = ()
    holidays: Holidays = field(default_factory=Holidays)
    file: str = ""  # the YAML it came from, for error messages

    def status_on(self, today: dt.date) -> StatusNote | None:
        """The status note that holds on that day, if any."""
        return next((n for n in self.status_notes if n.holds_on(today)), None)

    def note_on(self, today: dt.date) -> str:
        """The status note's text as it holds on that day ("" when none does)."""
        note = self.status_on(today)
        return note.text if note else ""

    def sources_on(self, today: dt.date) -> tuple[Source, ...]:
        """What the status note of that day rests on."""
        note = self.status_on(today)
        return note.sources if note else ()

    @property
    def status_sources(self) -> tuple[Source, ...]:
        """Every status note's sources, without repeats. Older callers that print the sources next
        to `note_on(today)` use this; `sources_on(today)` gives only that day's."""
        return tuple(dict.fromkeys(s for n in self.status_notes for s in n.sources))

    @property
    def status_citations(self) -> tuple[Citation, ...]:
        return tuple(dict.fromkeys(c for n in self.status_notes for c in n.citations))

    def stage(self, stage_id: str | None) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def next_stage(self, stage_id: str | None) -> Stage | None:
        """The stage after this one (the first stage when none is set; None after the last)."""
        if stage_id is None:
            return self.stages[0] if self.stages else None
        ids = [s.id for s in self.stages]
        if stage_id not in ids or ids.index(stage_id) + 1 >= len(ids):
            return None
        return self.stages[ids.index(stage_id) + 1]

    def deadlines(self, stage: str | None, today: dt.date, horizon_days: int = 400) -> list[Deadline]:
        """Deadlines from today (included) to today + horizon_days, in date order.

        With a stage: those concerning that stage and those for everyone in the region (stage None).
        A date is compared after postponement, so a deadline moved past a holiday is still upcoming.
        """
        last = today + dt.timedelta(days=horizon_days)
        found: list[Deadline] = []
        for rule in self.rules:
            if stage is not None and rule.stage not in (None, stage):
                continue
            for deadline_id, original, note in rule.dates_between(today, last):
                moved, official = (original, True)
                if rule.postpone:
                    moved, official = self.holidays.next_workday(original)
                if today <= moved <= last:
                    found.append(
                        Deadline(
                            id=deadline_id,
                            title=rule.title,
                            date=moved,
                            original_date=original,
                            stage=rule.stage,
                            source=rule.source,
                            postponed=moved != original,
                            official_holiday_data=official,
                            note=note,
                            actor=rule.actor,
                            citation=rule.citation,
                        )
                    )
        return sorted(found, key=lambda d: (d.date, d.id))


def deadlines(calendar: Calendar, stage: str | None, today: dt.date, horizon_days: int = 400) -> list[Deadline]:
    return calendar.deadlines(stage, today, horizon_days)
