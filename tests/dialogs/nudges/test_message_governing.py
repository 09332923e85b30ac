"""A nudge whose date comes from a text that does not govern its point on the sending day (a later
text changed it, it is not yet in force, or no loaded text covers the day) says which text governs;
one whose text governs says nothing more (issue 9)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from core.clock import SHANGHAI
from dialogs import render
from dialogs.nudges.message import NudgeWording, governing_lines
from dialogs.texts import nudge as T
from knowledge.base import KnowledgeBase
from knowledge.calendar import Deadline


@dataclass(frozen=True)
class Row:
    """What a claimed nudge row tells the wording (the DueNudge protocol)."""

    region: str | None
    deadline_id: str
    title: str
    deadline_date: dt.date
    late: bool = False
    checklist: dict[str, list[str]] = field(default_factory=dict)


def deadline(kb: KnowledgeBase, region: str, deadline_id: str, around: dt.date) -> Deadline:
    return next(d for d in kb.calendars[region].deadlines(None, around, 400) if d.id == deadline_id)


def at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 9, 30, tzinfo=SHANGHAI)


def test_a_nudge_on_time_under_its_own_text_adds_nothing(kb: KnowledgeBase) -> None:
    d = deadline(kb, "jilin", "jilin-building-done-2023", dt.date(2023, 8, 1))
    assert d.citation is not None and d.citation.document == "jilin-2020"
    assert governing_lines(kb, d, dt.date(2023, 8, 24)) == []
    text = NudgeWording(kb).text(Row("jilin", d.id, d.title, d.date), at(dt.date(2023, 8, 24)))
    assert text is not None and T.NOT_CURRENT not in text and "📜" not in text


def test_a_late_nudge_after_the_2024_plan_took_over_names_it(kb: KnowledgeBase) -> None:
    """Jilin: a 2020-plan date reminded in January 2024 (the bot was down) names the 2024–2025 plan."""
    d = deadline(kb, "jilin", "jilin-building-done-2023", dt.date(2023, 8, 1))
    sent = dt.date(2024, 1, 2)
    text = NudgeWording(kb).text(Row("jilin", d.id, d.title, d.date, late=True), at(sent))
    assert text is not None and T.NOT_CURRENT in text
    lines = text.splitlines()
    governing = [line for line in lines if line.startswith("📜 适用文件：")]
    assert governing and governing[0] == render.procedure(kb, "jilin", sent)
    assert "2024年1月2日适用吉卫联发〔2024〕17号" in governing[0] and "已由吉卫联发〔2024〕17号改变" in governing[0]
    # the note comes after the date's own citation and before the footer
    assert lines.index(T.NOT_CURRENT) > next(i for i, x in enumerate(lines) if x.startswith("📄 出处："))
    assert lines[-1] == T.FOOTER


def test_a_date_of_a_plan_not_yet_in_force_names_the_text_governing_today(kb: KnowledgeBase) -> None:
    """A reminder set long ahead: in December 2023 the 2024 plan's October date is not yet in force."""
    d = deadline(kb, "jilin", "jilin-city-annual-report-2024", dt.date(2024, 1, 1))
    (line,) = governing_lines(kb, d, dt.date(2023, 12, 15))
    assert "2023年12月15日适用吉卫基层发〔2020〕5号" in line
    assert governing_lines(kb, d, dt.date(2024, 10, 1)) == []


def test_a_beijing_nudge_after_2022_says_no_loaded_text_covers_the_day(kb: KnowledgeBase) -> None:
    d = deadline(kb, "beijing", "beijing-2022-naming", dt.date(2022, 12, 1))
    assert governing_lines(kb, d, dt.date(2022, 12, 24)) == []
    (line,) = governing_lines(kb, d, dt.date(2023, 1, 3))
    assert "2023年1月3日适用的文件尚未收录" in line and "请向所在区卫生健康委确认" in line


def test_an_own_reminder_never_gets_a_governing_note(kb: KnowledgeBase) -> None:
    row = Row("jilin", "own-1", "自评完成", dt.date(2026, 3, 15))
    text = NudgeWording(kb).text(row, at(dt.date(2026, 3, 8)))
    assert text is not None and "📜" not in text and T.NOT_CURRENT not in text
