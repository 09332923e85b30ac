"""/status says which text governs the region's procedure on the director's day (issue 9) and shows
only what that day's status note rests on (`sources_on(today)`, not every note's sources)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs import render, router
from knowledge.base import KnowledgeBase

JILIN_2020 = "吉卫基层发〔2020〕5号"
JILIN_2024 = "吉卫联发〔2024〕17号"


def status_text(kb: KnowledgeBase, region: str, day: dt.date, stage: str | None = None) -> str:
    now = dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=SHANGHAI)
    out = router.handle(UserState(user_id=1, region=region, stage=stage), Event.command("status"), kb, now)
    return out.replies[0].text


def governing_line(text: str) -> str:
    (line,) = [x for x in text.splitlines() if x.startswith("📜 适用文件：")]
    return line


@pytest.mark.parametrize(
    ("day", "named", "not_named"),
    [
        (dt.date(2023, 3, 10), f"2023年3月10日适用{JILIN_2020}", JILIN_2024),
        (dt.date(2024, 3, 10), f"2024年3月10日适用{JILIN_2024}", None),
        (dt.date(2026, 3, 10), "2026年3月10日适用的文件尚未收录", None),
    ],
)
def test_status_of_a_jilin_director_names_the_text_governing_that_day(
    kb: KnowledgeBase, day: dt.date, named: str, not_named: str | None
) -> None:
    text = status_text(kb, "jilin", day, "apply")
    line = governing_line(text)
    assert line.startswith("📜 适用文件：社区医院的评价、复核和上报程序：") and named in line
    if not_named:
        assert not_named not in line
    if day.year == 2026:
        assert "请向市（州）卫生健康委确认" in line and "不能当作现行规定" in line
    assert line == render.procedure(kb, "jilin", day)


def test_status_shows_only_the_sources_of_the_note_holding_that_day(kb: KnowledgeBase) -> None:
    jilin = kb.calendars["jilin"]
    in_2024 = status_text(kb, "jilin", dt.date(2024, 3, 10))
    for source in jilin.sources_on(dt.date(2024, 3, 10)):
        assert render.source_line(source, quote=True) in in_2024
    # the 2026 note rests on the plan's title (引言); in 2024 that source is not shown
    only_2026 = set(jilin.sources_on(dt.date(2026, 3, 10))) - set(jilin.sources_on(dt.date(2024, 3, 10)))
    assert only_2026 and all(render.source_line(s, quote=True) not in in_2024 for s in only_2026)
    assert "引言" not in in_2024 and "引言" in status_text(kb, "jilin", dt.date(2026, 3, 10))


def test_status_of_beijing_after_2022_says_no_loaded_text_covers_the_day(kb: KnowledgeBase) -> None:
    line = governing_line(status_text(kb, "beijing", dt.date(2026, 3, 10)))
    assert "2026年3月10日适用的文件尚未收录" in line and "请向所在区卫生健康委确认" in line
    during = governing_line(status_text(kb, "beijing", dt.date(2022, 8, 1)))
    assert "2022年8月1日适用《北京市统筹开展“优质服务基层行”活动与社区医院建设工作方案》" in during
