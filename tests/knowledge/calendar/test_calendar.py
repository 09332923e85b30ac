"""Calendar arithmetic on the real calendars (knowledge/data/calendars) and on small hand-built ones."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.base import KnowledgeBase
from knowledge.calendar import Calendar, Holidays, deadlines
from knowledge.calendar.check import check_calendars
from knowledge.calendar.holidays import covered_by_official_data
from knowledge.calendar.loader import CalendarError, calendar_from_dict
from knowledge.citations import verify
from knowledge.documents import load_catalogue
from knowledge.regions import DATA

D = dt.date
DOCUMENTS = load_catalogue(DATA)
CITATION = {"document": "beijing-2022", "section": "附件2", "quote": "遇法定节日顺延"}
# chinese_calendar 1.11 covers 2004-2026; the fallback is exercised with a year far beyond any release.
UNCOVERED = 2099


def one_rule_calendar(rule: dict, holidays: Holidays | None = None) -> Calendar:
    raw = {"region": "test", "stages": [], "deadlines": [{"id": "r", "title": "测试", "citation": CITATION, **rule}]}
    return calendar_from_dict(raw, DOCUMENTS, holidays or Holidays(fixed=frozenset({(10, 1), (10, 2), (10, 3)})))


def test_the_fallback_year_is_really_not_covered() -> None:
    assert covered_by_official_data(2024)
    assert not covered_by_official_data(UNCOVERED)


# ---------------------------------------------------------------- yearly rules, rollover, leap years


def test_year_rollover_gives_next_years_dates(kb: KnowledgeBase) -> None:
    found = kb.calendars["jilin"].deadlines(None, D(2021, 12, 15))
    assert [(d.id, d.date) for d in found[:5]] == [
        ("jilin-application-2022", D(2022, 6, 30)),
        ("jilin-building-done-2022", D(2022, 8, 31)),
        ("jilin-city-review-2022", D(2022, 9, 30)),
        ("jilin-provincial-evaluation-2022", D(2022, 10, 31)),
        ("jilin-national-list-2022", D(2022, 11, 30)),
    ]
    assert all(d.original_date == d.date and not d.postponed for d in found)


def test_today_is_included_and_yesterday_is_not(kb: KnowledgeBase) -> None:
    jilin = kb.calendars["jilin"]
    assert jilin.deadlines("apply", D(2022, 6, 30))[0].id == "jilin-application-2022"
    assert jilin.deadlines("apply", D(2022, 7, 1))[0].id == "jilin-application-2023"


def test_stage_filter_keeps_that_stage_and_everyone(kb: KnowledgeBase) -> None:
    found = kb.calendars["jilin"].deadlines("build", D(2022, 1, 1))
    assert {d.stage for d in found} == {"build"}
    assert [d.date for d in found] == [D(2022, 8, 31)]  # the horizon (400 days) stops before 2023-08-31
    beijing = kb.calendars["beijing"].deadlines("naming", D(2022, 9, 1))
    assert {d.stage for d in beijing} == {"naming", None}  # the monthly reports concern every institution


def test_jilin_2020_is_august_31_not_june_30(kb: KnowledgeBase) -> None:
    found = [d for d in kb.calendars["jilin"].deadlines("apply", D(2020, 6, 1), 500)]
    assert [(d.id, d.date) for d in found] == [
        ("jilin-application-2020", D(2020, 8, 31)),
        ("jilin-application-2021", D(2021, 6, 30)),
    ]
    assert "2020年度" in found[0].note and "8月31日" in found[0].note
    assert "2020" not in found[1].note


def test_jilin_2024_plan_report_runs_only_through_2025(kb: KnowledgeBase) -> None:
    ids = [d.id for d in kb.calendars["jilin"].deadlines("review", D(2024, 5, 1), 1200)]
    assert "jilin-city-annual-report-2024" in ids and "jilin-city-annual-report-2025" in ids
    assert not any(i.startswith("jilin-city-annual-report-2026") for i in ids)
    assert "尚未收录" in kb.calendars["jilin"].note_on(D(2026, 1, 1))


def test_K1_the_2020_yearly_dates_stop_where_the_2024_plan_takes_over(kb: KnowledgeBase) -> None:
    """Audit K1: on 2024-10-31 only the 2024–2025 plan's city report is current (no 省级专家评估 of the
    2020 plan beside it), no 2020-plan date is projected past 2023, and from 2026 there is no date
    at all, with a note saying no loaded text covers those years and whom to ask."""
    jilin = kb.calendars["jilin"]
    on_the_day = [d.id for d in jilin.deadlines(None, D(2024, 10, 31), 0)]
    assert on_the_day == ["jilin-city-annual-report-2024"]
    later = [d.id for d in jilin.deadlines(None, D(2024, 1, 1), 3650)]
    assert later == ["jilin-city-annual-report-2024", "jilin-city-annual-report-2025"]
    assert jilin.deadlines(None, D(2026, 1, 1), 3650) == []
    note_2026 = jilin.note_on(D(2026, 11, 30))
    assert (
        "吉卫联发〔2024〕17号" in note_2026
        and "吉卫基层发〔2020〕5号" in note_2026
        and "市（州）卫生健康委" in note_2026
    )
    assert "地市级" in jilin.note_on(D(2024, 6, 1)) and jilin.note_on(D(2023, 6, 1)) == ""
    assert [d.id for d in jilin.deadlines(None, D(2023, 10, 1), 60)] == [
        "jilin-provincial-evaluation-2023", "jilin-national-list-2023"
    ]  # fmt: skip


def test_K2_no_stage_text_says_当年(kb: KnowledgeBase) -> None:
    """Audit K2/C-4: the building deadline is 每年8月31日 as the text says, never 当年."""
    for calendar in kb.calendars.values():
        for stage in calendar.stages:
            assert "当年" not in stage.next_step + stage.actor, stage.id
    build = kb.calendars["jilin"].stage("apply")
    assert build is not None and "每年8月31日前" in build.next_step


def test_K3_the_september_report_says_the_clause_has_no_每年(kb: KnowledgeBase) -> None:
    (rule,) = [r for r in kb.calendars["jilin"].rules if r.id == "jilin-city-review"]
    assert "没有写“每年”" in rule.note


def test_a_february_29_rule_falls_on_the_28th_in_common_years() -> None:
    calendar = one_rule_calendar({"yearly": {"month": 2, "day": 29, "first_year": 2026}})
    found = calendar.deadlines(None, D(2026, 1, 1), 1000)
    assert [d.date for d in found] == [D(2026, 2, 28), D(2027, 2, 28), D(2028, 2, 29)]
    assert [d.id for d in calendar.deadlines(None, D(2028, 2, 29), 30)] == ["r-2028"]


def test_a_leap_day_today_rolls_over() -> None:
    calendar = one_rule_calendar({"yearly": {"month": 6, "day": 30, "first_year": 2020}})
    assert [d.date for d in calendar.deadlines(None, D(2028, 2, 29))] == [D(2028, 6, 30)]
    assert calendar.deadlines(None, D(2028, 7, 1), 366)[0].date == D(2029, 6, 30)


def test_horizon_bounds_the_list(kb: KnowledgeBase) -> None:
    jilin = kb.calendars["jilin"]
    assert jilin.deadlines(None, D(2022, 1, 1), 0) == []
    assert [d.date for d in jilin.deadlines(None, D(2022, 6, 30), 0)] == [D(2022, 6, 30)]


# ---------------------------------------------------------------- postponement (顺延)


def test_monthly_report_on_national_day_moves_to_the_next_working_day(kb: KnowledgeBase) -> None:
    found = {d.id: d for d in kb.calendars["beijing"].deadlines(None, D(2022, 9, 1))}
    october = found["beijing-2022-progress-2022-10"]
    assert (october.original_date, october.date, october.postponed) == (D(2022, 10, 1), D(2022, 10, 8), True)
    assert october.official_holiday_data  # 2022-10-08, a Saturday, was a working day (调休)
    assert found["beijing-2022-progress-2022-11"].date == D(2022, 11, 1)
    assert not found["beijing-2022-progress-2022-11"].postponed
    assert "beijing-2022-progress-2023-01" not in found  # the 2022 table only


def test_postponed_date_decides_whether_it_is_still_upcoming(kb: KnowledgeBase) -> None:
    found = kb.calendars["beijing"].deadlines(None, D(2022, 10, 5))
    assert found[0].id == "beijing-2022-progress-2022-10" and found[0].date == D(2022, 10, 8)


def test_holiday_with_official_data() -> None:
    calendar = one_rule_calendar({"once": "2024-10-01", "postpone": True})
    [d] = calendar.deadlines(None, D(2024, 9, 1))
    assert (d.date, d.postponed, d.official_holiday_data) == (D(2024, 10, 8), True, True)


def test_holiday_without_official_data_falls_back_and_says_so() -> None:
    day = D(UNCOVERED, 10, 1)  # a Thursday: 10/1-10/3 fixed holidays, then Saturday and Sunday
    calendar = one_rule_calendar({"once": day.isoformat(), "postpone": True})
    [d] = calendar.deadlines(None, D(UNCOVERED, 9, 1))
    assert (d.original_date, d.date, d.postponed, d.official_holiday_data) == (day, D(UNCOVERED, 10, 5), True, False)


def test_override_file_days_are_used_in_uncovered_years() -> None:
    holidays = Holidays(
        fixed=frozenset({(10, 1), (10, 2), (10, 3)}),
        extra_off=frozenset(D(UNCOVERED, 10, d) for d in (5, 6, 7)),
        extra_work=frozenset({D(UNCOVERED, 10, 10)}),  # a Saturday made a working day
    )
    assert holidays.next_workday(D(UNCOVERED, 10, 1)) == (D(UNCOVERED, 10, 8), False)
    assert holidays.next_workday(D(UNCOVERED, 10, 10)) == (D(UNCOVERED, 10, 10), False)


def test_a_working_day_is_not_moved_even_without_official_data() -> None:
    calendar = one_rule_calendar({"once": f"{UNCOVERED}-10-06", "postpone": True})  # a Tuesday
    [d] = calendar.deadlines(None, D(UNCOVERED, 10, 1))
    assert (d.date, d.postponed, d.official_holiday_data) == (D(UNCOVERED, 10, 6), False, False)


def test_a_rule_without_shunyan_is_never_moved() -> None:
    calendar = one_rule_calendar({"once": "2024-10-01"})
    [d] = calendar.deadlines(None, D(2024, 9, 1))
    assert (d.date, d.postponed, d.official_holiday_data) == (D(2024, 10, 1), False, True)


def test_real_override_file_is_loaded(kb: KnowledgeBase) -> None:
    holidays = kb.calendars["beijing"].holidays
    assert {(1, 1), (5, 1), (10, 1), (10, 3)} <= holidays.fixed
    assert holidays.next_workday(D(UNCOVERED, 1, 1)) == (D(UNCOVERED, 1, 2), False)  # Thursday 1/1 → Friday


# ---------------------------------------------------------------- regions whose schedule is over


def test_beijing_schedule_is_over_and_says_so(kb: KnowledgeBase) -> None:
    beijing = kb.calendars["beijing"]
    assert beijing.deadlines(None, D(2026, 3, 10)) == []
    assert beijing.deadlines(None, D(2023, 1, 1), 3650) == []
    assert "已经全部过去" in beijing.note_on(D(2026, 3, 10)) and "尚未收录" in beijing.note_on(D(2026, 3, 10))
    assert beijing.note_on(D(2022, 9, 20)) == ""  # while the 2022 dates were still ahead, it was not over


def test_yuzhong_takes_applications_all_year_and_invents_no_date(kb: KnowledgeBase) -> None:
    yuzhong = kb.calendars["chongqing-yuzhong"]
    assert yuzhong.deadlines(None, D(2022, 1, 1), 3650) == []
    assert "常态化受理" in yuzhong.note_on(D(2022, 1, 1))
    assert yuzhong.note_on(D(2021, 12, 31)) == ""
    assert "省级" in kb.calendars["national"].note_on(D(2000, 1, 1))  # no date limit
    in_2021 = [(d.id, d.date) for d in yuzhong.deadlines(None, D(2021, 1, 1), 365)]
    assert ("yuzhong-2021-information-form", D(2021, 11, 10)) in in_2021


def test_national_date_is_taken_as_2021_and_applies_everywhere(kb: KnowledgeBase) -> None:
    for region in ("national", "jilin", "beijing", "chongqing-yuzhong"):
        found = kb.calendars[region].deadlines(None, D(2021, 11, 1), 30)
        summary = [d for d in found if d.id == "national-2021-annual-summary"]
        assert summary and summary[0].date == D(2021, 11, 30) and "2021" in summary[0].note
    assert kb.calendars["national"].deadlines(None, D(2022, 1, 1), 3650) == []


# ---------------------------------------------------------------- stages, materials, sources


def test_stages_and_materials(kb: KnowledgeBase) -> None:
    jilin = kb.calendars["jilin"]
    assert [s.id for s in jilin.stages] == ["apply", "build", "review", "evaluation"]
    apply = jilin.stage("apply")
    assert apply is not None and "附件4" in apply.materials[0].name and "建设方案" in apply.materials[1].name
    assert jilin.next_stage(None) == apply and jilin.next_stage("evaluation") is None
    assert jilin.stage("nope") is None
    yuzhong = kb.calendars["chongqing-yuzhong"]
    names = [m.name for s in yuzhong.stages for m in s.materials]
    assert any("社区医院信息表" in n and "附件2" in n for n in names)
    assert any("社区医院验收申请表" in n and "附件4" in n for n in names)


def test_sources_carry_document_name_and_number(kb: KnowledgeBase) -> None:
    [d] = kb.calendars["jilin"].deadlines("apply", D(2022, 1, 1), 365)
    assert d.source.number == "吉卫基层发〔2020〕5号" and d.source.section == "四（一）"
    assert "6月30日" in d.source.quote


def test_every_citation_verifies_against_the_source_text(kb: KnowledgeBase) -> None:
    count = 0
    for calendar in kb.calendars.values():
        citations = [s.citation for s in calendar.stages if s.citation]
        citations += [m.citation for s in calendar.stages for m in s.materials]
        citations += [r.citation for r in calendar.rules]
        citations += list(calendar.status_citations)
        assert all(n.sources for n in calendar.status_notes)
        for c in citations:
            assert verify(kb.documents, c.document, c.section, c.quote) is None, c
            count += 1
    assert count > 30
    assert check_calendars(kb) == []


def test_check_reports_a_wrong_quote_an_unknown_stage_and_a_date_outside_the_period(tmp_path) -> None:
    import shutil

    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    path = root / "calendars" / "jilin.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    stage: build\n    yearly: {month: 8", "    stage: nope\n    yearly: {month: 8")
    text = text.replace("quote: 于每年8月31日前完成基本建设任务}", "quote: 于每年5月31日前完成基本建设任务}")
    text = text.replace(
        "yearly: {month: 10, day: 31, first_year: 2024, last_year: 2025}",
        "yearly: {month: 10, day: 31, first_year: 2024}",
    )
    path.write_text(text, "utf-8")
    errors = check_calendars(KnowledgeBase(root))
    assert "calendars/jilin.yaml: jilin-building-done: unknown stage 'nope'" in errors, errors
    assert any(e.startswith("calendars/jilin.yaml: jilin-building-done: deadline: quote not found") for e in errors)
    assert any(
        e.startswith("calendars/jilin.yaml: jilin-city-annual-report: runs to no end, but jilin-2024 ends 2025-12-31")
        for e in errors
    ), errors


def test_two_status_notes_on_one_day_are_reported(tmp_path) -> None:
    import shutil

    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    path = root / "calendars" / "jilin.yaml"
    text = path.read_text(encoding="utf-8").replace("    until: 2025-12-31\n", "    until: 2026-06-30\n")
    path.write_text(text, "utf-8")
    errors = check_calendars(KnowledgeBase(root))
    assert any("calendars/jilin.yaml: status notes: the note from 2026-01-01 starts before" in e for e in errors), (
        errors
    )


@pytest.mark.parametrize(
    "rule",
    [
        {"yearly": {"month": 2, "day": 30, "first_year": 2020}},
        {"monthly": {"day": 32, "from": "2022-09"}},
        {"once": "2022-13-01"},
        {"once": "2022-01-01", "yearly": {"month": 1, "day": 1, "first_year": 2020}},
        {},
    ],
)
def test_bad_rules_are_rejected_with_the_file_named(rule: dict) -> None:
    with pytest.raises(CalendarError, match=r"test\.yaml"):
        calendar_from_dict(
            {"region": "t", "deadlines": [{"id": "r", "title": "t", "citation": CITATION, **rule}]},
            DOCUMENTS,
            Holidays(),
            "test.yaml",
        )


def test_module_level_deadlines_is_the_method(kb: KnowledgeBase) -> None:
    jilin = kb.calendars["jilin"]
    assert deadlines(jilin, "apply", D(2022, 1, 1)) == jilin.deadlines("apply", D(2022, 1, 1))
