"""Issue 10, the next step after the verdict: only the director's own steps and the stage they
belong to — the materials and the deadline shown are of the same stage, and no authority's task
(省卫健委报国家名单, 各区报送进展) is shown as the director's."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogs.questionnaire.result import render_next_step
from dialogs.texts import questionnaire as T
from knowledge.calendar.actors import institution_acts
from knowledge.eligibility import evaluate

DAYS = [dt.date(2021, 3, 1), dt.date(2021, 10, 15), dt.date(2022, 8, 1), dt.date(2026, 1, 10), dt.date(2026, 9, 1)]


def _stages(kb, region: str) -> list[str | None]:
    return [None, *[s.id for s in kb.calendars[region].stages]]


@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong", "beijing", "national"])
@pytest.mark.parametrize("today", DAYS)
def test_materials_and_deadline_are_of_one_stage_and_the_directors_own(kb, region: str, today: dt.date) -> None:
    calendar = kb.calendars[region]
    verdict = evaluate({}, kb.rules[region])
    for stage in _stages(kb, region):
        text = render_next_step(verdict, kb, region, stage, today)
        shown_stages = {s.id for s in calendar.stages if T.MATERIALS_HEADER.format(stage=s.name) in text}
        assert len(shown_stages) <= 1, (stage, text)
        deadline_lines = [line for line in text.splitlines() if line.startswith(T.NEXT_DEADLINE.split("{")[0])]
        for rule in calendar.rules:
            if not any(line.endswith(rule.title) for line in deadline_lines):
                continue
            assert rule.stage is not None, f"a region-wide task shown as the director's: {rule.title}"
            owner = calendar.stage(rule.stage)
            assert owner is not None and institution_acts(owner.actor), (rule.title, owner)
            assert not shown_stages or shown_stages == {rule.stage}, (rule.title, shown_stages)


def test_no_stage_set_jilin_shows_the_application_and_its_deadline(kb) -> None:
    # 2023: the last year the Jilin 2020 plan's yearly dates run (audit K1)
    text = render_next_step(evaluate({}, kb.rules["jilin"]), kb, "jilin", None, dt.date(2023, 1, 10))
    assert T.MATERIALS_HEADER.format(stage="机构申请") in text and "2023年6月30日" in text
    assert "基本建设任务" not in text


def test_national_never_reminds_a_director_of_the_provinces_tasks(kb) -> None:
    for today in DAYS:
        text = render_next_step(evaluate({}, kb.rules["national"]), kb, "national", None, today)
        assert "报送国家卫生健康委" not in text


@pytest.mark.parametrize(
    ("actor", "own"),
    [
        ("机构填报，经县（市、区）、市（州）卫生健康行政部门审核后报省卫生健康委", True),
        ("机构（参评基层卫生机构）", True),
        ("负责审批和发放《医疗机构执业许可证》的主管业务部门", False),
        ("县（市、区）卫生健康行政部门审核，市（州）卫生健康行政部门复核", False),
        ("各省级卫生健康行政部门", False),
    ],
)
def test_whose_step_it_is(actor: str, own: bool) -> None:
    assert institution_acts(actor) is own


@pytest.mark.parametrize("today", [dt.date(2022, 8, 1), dt.date(2026, 1, 10), dt.date(2026, 12, 1)])
def test_with_no_stage_set_after_a_dated_schedule_the_status_notes_stage_is_next(kb, today: dt.date) -> None:
    # newcomer N18: 渝中 after 2021 sent a director who had just self-assessed back to 2021's first stage
    # (制定建设工作计划); the status note (常态化受理, 自评达标后申请验收) names 建设整改, as /status says
    calendar = kb.calendars["chongqing-yuzhong"]
    note = calendar.status_on(today)
    assert note is not None and note.stage is not None
    text = render_next_step(evaluate({}, kb.rules["chongqing-yuzhong"]), kb, "chongqing-yuzhong", None, today)
    assert T.OWN_STAGE.format(stage=calendar.stage(note.stage).name) in text
    assert T.OWN_STAGE.format(stage=calendar.stages[0].name) not in text


def test_a_dated_stage_ahead_still_comes_before_the_notes_stage(kb) -> None:
    calendar = kb.calendars["chongqing-yuzhong"]
    text = render_next_step(
        evaluate({}, kb.rules["chongqing-yuzhong"]), kb, "chongqing-yuzhong", None, dt.date(2021, 3, 20)
    )
    assert T.OWN_STAGE.format(stage=calendar.stages[0].name) in text


def test_a_status_notes_stage_must_exist(kb) -> None:
    from dataclasses import replace

    from knowledge.calendar.check import _check_one

    calendar = kb.calendars["chongqing-yuzhong"]
    broken = replace(calendar, status_notes=tuple(replace(n, stage="no-such-stage") for n in calendar.status_notes))
    assert any("unknown stage 'no-such-stage'" in e for e in _check_one(kb, broken, set(kb.regions.ids), set()))
