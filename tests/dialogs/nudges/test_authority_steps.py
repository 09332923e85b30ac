"""F16: reminders only for steps that concern the institution. A step of authorities only (各区卫生健康委
报送进展, 省卫健委报国家名单, the body issuing 《医疗机构执业许可证》 naming) is never reminded; an
authority's deadline the institution must prepare for (吉林: 县、市审核后报送；机构须提前提交申请) is
reminded and said to be the authority's step; a late reminder never claims a cause it does not know."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from core.model import UserState
from dialogs.nudges.message import NudgeWording, render_nudge
from dialogs.nudges.plan import plan_nudges
from dialogs.texts import nudge as T
from knowledge.base import KnowledgeBase
from knowledge.calendar.actors import institution_acts, institution_involved
from tests.dialogs.nudges.test_message_governing import Row

SH = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("actor", "involved"),
    [
        ("各区卫生健康委", False),
        ("省卫生健康委", False),
        ("各省级卫生健康行政部门", False),
        ("区卫生健康委、市卫生健康委", False),
        ("负责审批和发放《医疗机构执业许可证》的主管业务部门", False),
        ("参评基层卫生机构", True),
        ("验收合格的社区医院", True),
        ("县（市、区）、市（州）卫生健康行政部门审核后报送；机构须提前向县级部门提交申请", True),
        ("", True),
    ],
)
def test_whose_step_a_deadline_is(actor: str, involved: bool) -> None:
    assert institution_involved(actor) is involved


@pytest.mark.parametrize(
    ("region", "stage", "now"),
    [
        ("beijing", "self-assessment", dt.datetime(2022, 8, 20, 10, tzinfo=SH)),
        ("beijing", None, dt.datetime(2022, 8, 20, 10, tzinfo=SH)),
        ("jilin", None, dt.datetime(2023, 3, 1, 10, tzinfo=SH)),
        ("jilin", None, dt.datetime(2024, 3, 1, 10, tzinfo=SH)),
        ("chongqing-yuzhong", None, dt.datetime(2021, 3, 20, 10, tzinfo=SH)),
        ("national", None, dt.datetime(2021, 10, 1, 10, tzinfo=SH)),
    ],
)
def test_no_reminder_is_planned_for_a_step_of_authorities_only(kb: KnowledgeBase, region, stage, now) -> None:
    calendar = kb.calendars[region]
    planned = plan_nudges(UserState(user_id=1, region=region, stage=stage), calendar, now)
    actors = {d.id: d.actor for d in calendar.deadlines(stage, now.date(), 400)}
    assert all(institution_involved(actors[p.deadline_id]) for p in planned)
    assert not any("progress" in p.deadline_id or "naming" in p.deadline_id for p in planned)


def test_beijing_self_assessment_is_reminded_of_its_own_filing_only(kb: KnowledgeBase) -> None:
    now = dt.datetime(2022, 8, 20, 10, tzinfo=SH)
    planned = plan_nudges(UserState(user_id=1, region="beijing", stage="self-assessment"), kb.calendars["beijing"], now)
    assert {p.deadline_id for p in planned} == {"beijing-2022-information-system"}


def test_an_authoritys_step_the_institution_prepares_for_says_so(kb: KnowledgeBase) -> None:
    calendar = kb.calendars["jilin"]
    (deadline, *_) = calendar.deadlines("apply", dt.date(2023, 3, 10), 400)
    assert not institution_acts(deadline.actor) and institution_involved(deadline.actor)
    common = {"deadline_id": deadline.id, "title": deadline.title, "deadline_date": deadline.date}
    text = render_nudge(**common, today=deadline.date, late=False, deadline=deadline, calendar=calendar)
    assert T.AUTHORITY_STEP in text
    own = next(d for d in kb.calendars["beijing"].deadlines(None, dt.date(2022, 8, 1), 100) if d.id.endswith("system"))
    text = render_nudge(
        deadline_id=own.id, title=own.title, deadline_date=own.date, today=own.date, late=False, deadline=own
    )
    assert T.AUTHORITY_STEP not in text


def test_a_row_planned_before_the_rule_for_an_authoritys_step_is_not_sent(kb: KnowledgeBase) -> None:
    d = next(d for d in kb.calendars["beijing"].deadlines(None, dt.date(2022, 8, 1), 100) if "progress" in d.id)
    row = Row("beijing", d.id, d.title, d.date, late=True)
    assert NudgeWording(kb).text(row, dt.datetime(2022, 8, 24, 9, 30, tzinfo=SH)) is None


def test_a_late_reminder_does_not_claim_the_assistant_was_down(kb: KnowledgeBase) -> None:
    calendar = kb.calendars["jilin"]
    (deadline, *_) = calendar.deadlines("apply", dt.date(2023, 3, 10), 400)
    common = {"deadline_id": deadline.id, "title": deadline.title, "deadline_date": deadline.date}
    text = render_nudge(**common, today=deadline.date, late=True, deadline=deadline, calendar=calendar)
    assert T.LATE_EXPLAIN in text
    assert "暂停" not in text and "故障" not in text and "停止服务" not in text
