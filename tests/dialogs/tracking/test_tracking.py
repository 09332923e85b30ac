"""/stage, /status and /remind through dialogs.router.handle with the real knowledge base, and the
`python -m bot deadlines` command."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import texts as BT
from bot.__main__ import main as cli
from core.clock import local_today
from core.effects import ReplanNudges
from core.limits import CALLBACK_DATA_MAX_BYTES as MAX_CALLBACK_BYTES
from core.model import Button, Event, Outcome, OwnReminder, Reply, UserState
from dialogs import render, router
from dialogs.dates import parse_reminder
from dialogs.texts import common as C
from dialogs.texts import tracking as T
from dialogs.tracking.remind import parse_days
from dialogs.tracking.status import horizon_end
from knowledge.base import KnowledgeBase

SHANGHAI = ZoneInfo("Asia/Shanghai")
ROOT = Path(__file__).resolve().parents[3]


def run(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    return router.handle(state, event, kb, now)


def buttons(reply: Reply) -> list[Button]:
    return [b for row in reply.buttons for b in row]


def button(outcome: Outcome, label_part: str) -> Button:
    found = [b for r in outcome.replies for b in buttons(r) if label_part in b.label]
    assert found, f"no button with {label_part!r} in {[b.label for r in outcome.replies for b in buttons(r)]}"
    return found[0]


def text(outcome: Outcome) -> str:
    return "\n".join(r.text for r in outcome.replies)


def replans(outcome: Outcome) -> bool:
    return any(isinstance(e, ReplanNudges) for e in outcome.effects)


# ---------------------------------------------------------------- /stage


def test_stage_without_region_says_so_and_offers_region(kb, now) -> None:
    out = run(UserState(), Event.command("stage"), kb, now)
    assert out.replies[0].text == T.NEED_REGION and out.state.dialog is None
    press = run(out.state, Event.press(button(out, T.CHOOSE_REGION_BUTTON).data), kb, now)
    assert press.state.dialog == "onboarding" and press.replies[-1].text == C.ASK_REGION


def test_stage_choose_with_a_button_then_advance(kb, now) -> None:
    out = run(UserState(region="jilin"), Event.command("stage"), kb, now)
    assert out.state.dialog == "tracking" and T.NO_CURRENT_STAGE in out.replies[0].text
    assert [b.label for b in buttons(out.replies[0])] == [
        "1. 机构申请",
        "2. 组织建设",
        "3. 审核、复核与评价",
        "4. 省级评估或复核、挂牌",
    ]
    chosen = run(out.state, Event.press(button(out, "机构申请").data), kb, now)
    assert chosen.state.stage == "apply" and chosen.state.dialog is None and replans(chosen)
    assert "已将申报阶段设为：机构申请" in chosen.replies[0].text
    assert "社区医院建设机构申请表" in chosen.replies[0].text  # the checklist comes with it

    again = run(chosen.state, Event.command("stage"), kb, now)
    assert "1. 机构申请（当前）" in [b.label for b in buttons(again.replies[0])]
    advanced = run(again.state, Event.press(button(again, "推进到下一阶段").data), kb, now)
    assert advanced.state.stage == "build" and replans(advanced)


def test_advancing_past_the_last_stage_says_so(kb, now) -> None:
    out = run(UserState(region="jilin", stage="evaluation"), Event.command("stage"), kb, now)
    assert not any("推进" in b.label for b in buttons(out.replies[0]))
    last = run(out.state, Event.say("下一阶段"), kb, now)
    assert last.state.stage == "evaluation" and T.STAGE_LAST.format(stage="省级评估或复核、挂牌") in text(last)
    assert not replans(last)


def test_stage_by_typed_number_name_or_argument(kb, now) -> None:
    out = run(UserState(region="chongqing-yuzhong"), Event.command("stage"), kb, now)
    typed = run(out.state, Event.say("3"), kb, now)
    assert typed.state.stage == "acceptance"
    named = run(run(typed.state, Event.command("stage"), kb, now).state, Event.say("报备复核"), kb, now)
    assert named.state.stage == "filing"
    direct = run(UserState(region="beijing"), Event.command("stage", "2"), kb, now)
    assert direct.state.stage == "district-review" and direct.state.dialog is None


def test_same_stage_again_changes_nothing(kb, now) -> None:
    out = run(UserState(region="jilin", stage="build"), Event.command("stage", "组织建设"), kb, now)
    assert out.state.stage == "build" and not replans(out)
    assert T.STAGE_UNCHANGED.format(stage="组织建设") in out.replies[0].text


def test_unknown_stage_answer_asks_again_politely(kb, now) -> None:
    out = run(UserState(region="jilin"), Event.command("stage"), kb, now)
    bad = run(out.state, Event.say("第九阶段吧"), kb, now)
    assert bad.state.dialog == "tracking" and bad.state.stage is None
    assert bad.replies[0].text == T.STAGE_NOT_UNDERSTOOD.format(n=4) and bad.replies[1].buttons


def test_old_stage_keyboard_is_stale(kb, now) -> None:
    out = run(UserState(region="jilin"), Event.command("stage"), kb, now)
    old = button(out, "组织建设").data
    chosen = run(out.state, Event.press(button(out, "机构申请").data), kb, now)
    stale = run(chosen.state, Event.press(old), kb, now)
    assert stale.state.stage == "apply" and stale.replies[0].text == C.STALE_BUTTON


def test_national_region_has_no_stages_and_says_why(kb, now) -> None:
    out = run(UserState(region="national"), Event.command("stage"), kb, now)
    assert "没有机构层面的申报阶段" in out.replies[0].text and "省级" in out.replies[0].text
    assert out.state.dialog is None and button(out, T.CHOOSE_REGION_BUTTON)


# ---------------------------------------------------------------- /status


def test_status_shows_region_stage_deadlines_with_days_left_and_checklist(kb, now) -> None:
    # Jilin's 2020-plan dates run to 2023 (the 2024–2025 plan took over; audit K1): a day in 2023.
    then = now.replace(year=2023)
    out = run(UserState(region="jilin", stage="apply"), Event.command("status"), kb, then)
    [reply] = out.replies
    assert "地区：吉林省" in reply.text and "阶段：机构申请" in reply.text
    # then is 2023-03-10; 2023-06-30 is 112 days away
    assert "2023年6月30日（周五），还有112天" in reply.text
    assert "吉卫基层发〔2020〕5号" in reply.text and "四（一）" in reply.text
    assert "☐ 社区医院建设机构申请表（附件4，书面填报）" in reply.text and "☐ 机构建设方案" in reply.text
    assert len(buttons(reply)) == 2 and not out.effects


def test_status_without_stage_lists_all_region_deadlines(kb, now) -> None:
    out = run(UserState(region="jilin"), Event.command("status"), kb, now.replace(year=2023))
    assert T.STATUS_NO_STAGE in out.replies[0].text
    assert "还有112天" in out.replies[0].text and "（另有" in out.replies[0].text
    # the rest one press away (newcomer trial 5, N11), no checklist without a stage
    assert [b.data for b in buttons(out.replies[0])] == ["g:trk:all"]


def test_status_for_beijing_says_the_schedule_is_over(kb, now) -> None:
    out = run(UserState(region="beijing", stage="self-assessment"), Event.command("status"), kb, now)
    body = out.replies[0].text
    assert T.STATUS_NO_DEADLINES.format(until=horizon_end(now.date())) in body
    assert "已经全部过去" in body and "尚未收录" in body


def test_status_for_yuzhong_says_applications_are_taken_all_year(kb, now) -> None:
    out = run(UserState(region="chongqing-yuzhong", stage="acceptance"), Event.command("status"), kb, now)
    assert "常态化受理" in out.replies[0].text and "社区医院验收申请表（附件4）" in out.replies[0].text


def test_status_counts_days_in_shanghai_not_utc(kb) -> None:
    # 16:00 UTC on 29 June is midnight in Shanghai: 30 June there, the deadline day itself.
    late_utc = dt.datetime(2023, 6, 29, 16, 0, tzinfo=dt.UTC)  # a year Jilin's 6/30 date still runs (K1)
    assert local_today(late_utc) == dt.date(2023, 6, 30)
    out = run(UserState(region="jilin", stage="apply"), Event.command("status"), kb, late_utc)
    assert f"2023年6月30日（周五），{C.DAYS_LEFT_TODAY}" in out.replies[0].text
    before = run(
        UserState(region="jilin", stage="apply"), Event.command("status"), kb, late_utc - dt.timedelta(minutes=1)
    )
    assert f"2023年6月30日（周五），{C.DAYS_LEFT_TOMORROW}" in before.replies[0].text


def test_status_without_region(kb, now) -> None:
    out = run(UserState(), Event.command("status"), kb, now)
    assert out.replies[0].text == T.NEED_REGION


def test_status_lists_upcoming_own_reminders_only(kb, now) -> None:
    state = UserState(
        region="jilin",
        reminders=[OwnReminder("自评完成", dt.date(2026, 3, 15)), OwnReminder("旧事项", dt.date(2026, 3, 1))],
    )
    body = run(state, Event.command("status"), kb, now).replies[0].text
    assert "2026年3月15日（周日），还有5天：自评完成" in body and "旧事项" not in body


def test_status_keeps_the_dialog_in_progress(kb, now) -> None:
    state = run(UserState(region="jilin"), Event.command("remind"), kb, now).state
    out = run(state, Event.command("status"), kb, now)
    assert out.state.dialog == "tracking" and out.state.step == "remind"
    assert out.replies[1].text == C.PENDING_AGAIN and T.REMIND_TITLE in out.replies[2].text


# ---------------------------------------------------------------- checklist


def test_tick_and_untick(kb, now) -> None:
    out = run(UserState(region="jilin", stage="apply"), Event.command("status"), kb, now)
    ticked = run(out.state, Event.press(button(out, "机构建设方案").data), kb, now)
    assert ticked.state.checklist == {"apply": ["construction-plan"]}
    assert "已勾选：机构建设方案" in ticked.replies[0].text and "已完成 1/2 项" in ticked.replies[0].text
    assert not ticked.effects  # the checklist does not move any nudge
    form = run(ticked.state, Event.press(button(ticked, "申请表").data), kb, now)
    assert form.state.checklist == {"apply": ["application-form", "construction-plan"]}
    untick = run(form.state, Event.press(button(form, "☑ 机构建设方案").data), kb, now)
    assert untick.state.checklist == {"apply": ["application-form"]}
    assert "已取消勾选：机构建设方案" in untick.replies[0].text


def test_pressing_the_same_tick_twice_does_not_flip_it_back(kb, now) -> None:
    out = run(UserState(region="jilin", stage="apply"), Event.command("status"), kb, now)
    tick = button(out, "机构建设方案").data
    once = run(out.state, Event.press(tick), kb, now)
    twice = run(once.state, Event.press(tick), kb, now)
    assert twice.state.checklist == {"apply": ["construction-plan"]}


def test_checklist_button_of_an_old_stage_is_stale(kb, now) -> None:
    out = run(UserState(region="jilin", stage="apply"), Event.command("status"), kb, now)
    tick = button(out, "机构建设方案").data
    moved = run(out.state, Event.command("stage", "组织建设"), kb, now)
    stale = run(moved.state, Event.press(tick), kb, now)
    assert stale.replies[0].text == T.TICK_STALE and stale.state.checklist == {}
    assert "组织建设" in stale.replies[1].text  # the current checklist instead
    forged = run(moved.state, Event.press("g:trk:ck:build:nonexistent:1"), kb, now)
    assert forged.replies[0].text == T.TICK_STALE and forged.state.checklist == {}


def test_ticking_in_the_middle_of_another_dialog_repeats_its_question(kb, now) -> None:
    state = run(UserState(region="jilin", stage="apply"), Event.command("remind"), kb, now).state
    out = run(state, Event.press("g:trk:ck:apply:construction-plan:1"), kb, now)
    assert out.state.checklist == {"apply": ["construction-plan"]} and out.state.step == "remind"
    assert out.replies[1].text == C.PENDING_AGAIN


def test_every_checklist_button_fits_telegram(kb, now) -> None:
    for region, calendar in kb.calendars.items():
        for stage in calendar.stages:
            out = run(UserState(region=region, stage=stage.id), Event.command("status"), kb, now)
            for b in buttons(out.replies[0]):
                assert len(b.data.encode()) <= MAX_CALLBACK_BYTES


# ---------------------------------------------------------------- /remind


def test_remind_menu_shows_defaults(kb, now) -> None:
    out = run(UserState(region="jilin", stage="apply"), Event.command("remind"), kb, now)
    menu = out.replies[0].text
    assert "截止日期前 30、7、1 天" in menu and T.REMIND_ON in menu and T.REMIND_OWN_NONE in menu
    assert out.state.dialog == "tracking" and out.state.step == "remind"


def test_mute_unmute_snooze_unsnooze(kb, now) -> None:
    out = run(UserState(region="jilin"), Event.command("remind"), kb, now)
    muted = run(out.state, Event.press(button(out, T.BUTTON_MUTE).data), kb, now)
    assert muted.state.muted and replans(muted) and T.REMIND_MUTED in text(muted)
    unmuted = run(muted.state, Event.press(button(muted, T.BUTTON_UNMUTE).data), kb, now)
    assert not unmuted.state.muted and replans(unmuted)
    snoozed = run(unmuted.state, Event.press(button(unmuted, T.BUTTON_SNOOZE).data), kb, now)
    assert snoozed.state.snoozed_until == dt.date(2026, 3, 13) and replans(snoozed)
    assert "2026年3月13日（周五）之前不发送提醒" in text(snoozed)
    back = run(snoozed.state, Event.press(button(snoozed, T.BUTTON_UNSNOOZE).data), kb, now)
    assert back.state.snoozed_until is None and replans(back)


def test_menu_buttons_from_before_a_change_are_stale(kb, now) -> None:
    out = run(UserState(region="jilin"), Event.command("remind"), kb, now)
    mute = button(out, T.BUTTON_MUTE).data
    muted = run(out.state, Event.press(mute), kb, now)
    unmuted = run(muted.state, Event.press(button(muted, T.BUTTON_UNMUTE).data), kb, now)
    again = run(unmuted.state, Event.press(mute), kb, now)
    assert again.replies[0].text == C.STALE_BUTTON and not again.state.muted and not again.effects


def test_change_days_by_text_and_back_to_default(kb, now) -> None:
    out = run(UserState(), Event.command("remind"), kb, now)
    asking = run(out.state, Event.press(button(out, T.BUTTON_DAYS).data), kb, now)
    assert asking.state.step == "remind_days"
    bad = run(asking.state, Event.say("明天吧"), kb, now)
    assert bad.replies[0].text == T.DAYS_INVALID.format(limit=365) and bad.state.step == "remind_days"
    assert bad.state.reminder_days == [30, 7, 1] and not bad.effects
    set_ = run(bad.state, Event.say("14，3、1天"), kb, now)
    assert set_.state.reminder_days == [14, 3, 1] and replans(set_) and set_.state.step == "remind"
    asking = run(set_.state, Event.press(button(set_, T.BUTTON_DAYS).data), kb, now)
    default = run(asking.state, Event.press(button(asking, "恢复默认").data), kb, now)
    assert default.state.reminder_days == [30, 7, 1] and replans(default)


def test_parse_days() -> None:
    assert parse_days("30 7 1") == [30, 7, 1]
    assert parse_days("1, 30, 7, 7") == [30, 7, 1]
    assert parse_days("三十 七") == [30, 7]
    assert parse_days("0") == T.DAYS_INVALID.format(limit=365)
    assert parse_days("400") == T.DAYS_INVALID.format(limit=365)
    assert parse_days("1 2 3 4 5 6") == T.DAYS_TOO_MANY.format(max=5)


def test_add_own_reminders_in_several_formats(kb, now) -> None:
    state = run(UserState(), Event.command("remind"), kb, now).state
    for typed, title, date in [
        ("自评完成 3月15日", "自评完成", dt.date(2026, 3, 15)),
        ("3/9 年度总结", "年度总结", dt.date(2027, 3, 9)),  # 3/9 has passed in 2026: next year's
        ("2027-03-15 交材料", "交材料", dt.date(2027, 3, 15)),
    ]:
        out = run(state, Event.say(typed), kb, now)
        assert replans(out), typed
        # 3/9 on 3月10日 passed a day ago: next year's, said so (brk9 D9)
        passed = T.PASSED_THIS_YEAR.format(month=3, day=9, year=2027) if date == dt.date(2027, 3, 9) else None
        added = T.REMINDER_ADDED_LUNAR.format(date=_fmt(date), title=title, lunar=passed) if passed else None
        assert (added or T.REMINDER_ADDED.format(date=_fmt(date), title=title)) in text(out)
        state = out.state
    assert [(r.title, r.date) for r in state.reminders] == [
        ("自评完成", dt.date(2026, 3, 15)),
        ("年度总结", dt.date(2027, 3, 9)),
        ("交材料", dt.date(2027, 3, 15)),
    ]


def test_add_with_the_button_and_reject_invalid_dates_politely(kb, now) -> None:
    out = run(UserState(), Event.command("remind"), kb, now)
    asking = run(out.state, Event.press(button(out, T.BUTTON_ADD).data), kb, now)
    assert asking.state.step == "remind_add" and asking.replies[0].text == T.ASK_REMINDER
    for typed, code in [("交材料 2月30日", "no_such_day"), ("2025-01-01 交材料", "past")]:
        bad = run(asking.state, Event.say(typed), kb, now)
        assert bad.replies[0].text == T.REMINDER_ERRORS[code].format(years=5, chars=40), typed
        assert bad.state.step == "remind_add" and bad.state.reminders == [] and not bad.effects
    # the matter alone: its date is asked, the matter kept (newcomer trial 9, finding 4)
    matter = run(asking.state, Event.say("交材料"), kb, now)
    assert matter.replies[0].text == T.REMINDER_DATE_FOR.format(title="交材料") and matter.state.reminders == []
    good = run(asking.state, Event.say("三月二十日 院内自评"), kb, now)
    assert [(r.title, r.date) for r in good.state.reminders] == [("院内自评", dt.date(2026, 3, 20))]
    assert good.state.step == "remind"


def test_remove_own_reminder_with_buttons(kb, now) -> None:
    state = UserState(
        reminders=[OwnReminder("自评完成", dt.date(2026, 3, 15)), OwnReminder("交材料", dt.date(2026, 4, 1))]
    )
    out = run(state, Event.command("remind"), kb, now)
    asked = run(out.state, Event.press(button(out, "删除 1. 自评完成").data), kb, now)
    assert len(asked.state.reminders) == 2 and not replans(asked)  # it asks first (newcomer trial 2, F1)
    removed = run(asked.state, Event.press(button(asked, T.BUTTON_REMOVE_YES).data), kb, now)
    assert [r.title for r in removed.state.reminders] == ["交材料"] and replans(removed)
    assert T.REMINDER_REMOVED.format(title="自评完成") in text(removed)
    # the old keyboard's "删除 2." would now point past the list: it is stale, nothing is removed
    stale = run(removed.state, Event.press(button(out, "删除 2. 交材料").data), kb, now)
    assert stale.replies[0].text == C.STALE_BUTTON and len(stale.state.reminders) == 1


def test_duplicate_reminder_is_not_added_twice(kb, now) -> None:
    state = run(UserState(), Event.command("remind"), kb, now).state
    once = run(state, Event.say("自评完成 3月15日"), kb, now)
    twice = run(once.state, Event.say("3月15日 自评完成"), kb, now)
    assert len(twice.state.reminders) == 1 and not twice.effects


def test_done_ends_the_dialog(kb, now) -> None:
    out = run(UserState(), Event.command("remind"), kb, now)
    done = run(out.state, Event.press(button(out, T.BUTTON_DONE).data), kb, now)
    assert done.state.dialog is None and done.replies[0].text == T.REMIND_DONE


def test_typed_menu_words_act_like_buttons(kb, now) -> None:
    state = run(UserState(), Event.command("remind"), kb, now).state
    muted = run(state, Event.say("静音"), kb, now)
    assert muted.state.muted and replans(muted)
    snoozed = run(muted.state, Event.say("推迟3天"), kb, now)
    assert snoozed.state.snoozed_until == dt.date(2026, 3, 13)
    done = run(snoozed.state, Event.say("完成"), kb, now)
    assert done.state.dialog is None and done.replies[0].text == T.REMIND_DONE
    lost = run(run(UserState(), Event.command("remind"), kb, now).state, Event.say("随便说说"), kb, now)
    assert lost.replies[0].text == T.REMIND_TEXT_NOT_UNDERSTOOD and lost.state.step == "remind"


def test_remind_in_a_group_is_for_the_groups_admins(kb, now) -> None:
    out = run(UserState(), Event.command("remind", in_group=True), kb, now)
    assert out.replies[0].text == C.GROUP_ADMINS_ONLY
    admin = run(UserState(), Event.command("remind", in_group=True, group_admin=True), kb, now)
    assert admin.replies[0].text.startswith(T.REMIND_TITLE)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("十二月三十一号 年终总结", ("年终总结", dt.date(2026, 12, 31))),
        ("交表 2月29日", ("交表", dt.date(2028, 2, 29))),  # a date without a year: the next one that exists
        ("2026年3月10日 今天的事", ("今天的事", dt.date(2026, 3, 10))),
        ("3/15 和 4/16", "several_dates"),
        ("3月15日", "no_title"),
        ("2099-01-01 很远", "too_far"),
        ("13月1日 x", "no_such_day"),
    ],
)
def test_parse_reminder(typed: str, expected: object) -> None:
    got = parse_reminder(typed, dt.date(2026, 3, 10))
    assert (got if isinstance(got, str) else (got.title, got.date)) == expected


def _fmt(day: dt.date) -> str:
    return render.date(day)


# ---------------------------------------------------------------- python -m bot deadlines


def test_cli_json_shape(capsys) -> None:
    assert cli(["deadlines", "--region", "jilin", "--today", "2022-12-15", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    first = out["deadlines"][0]
    assert set(first) >= {"id", "title", "date", "original_date", "stage", "source"}
    assert (first["id"], first["date"], first["stage"]) == ("jilin-application-2023", "2023-06-30", "apply")
    assert first["source"]["number"] == "吉卫基层发〔2020〕5号"
    dates = [d["date"] for d in out["deadlines"]]
    assert dates == sorted(dates) and dates[0] >= "2022-12-15"
    # From 2026 no loaded Jilin text gives a date (audit K1): none is shown, and the note says why.
    assert cli(["deadlines", "--region", "jilin", "--today", "2026-12-15", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["deadlines"] == [] and "尚未收录" in out["note"]


def test_cli_today_is_included_and_postponement_shown(capsys) -> None:
    assert cli(["deadlines", "--region", "beijing", "--today", "2022-10-08", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)["deadlines"][0]
    assert (first["date"], first["original_date"]) == ("2022-10-08", "2022-10-01")
    assert "note" in first


def test_cli_stage_filter(capsys) -> None:
    assert cli(["deadlines", "--region", "jilin", "--stage", "build", "--today", "2023-03-10", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in out["deadlines"]] == ["jilin-building-done-2023"]


def test_cli_readable_chinese(capsys) -> None:
    assert cli(["deadlines", "--region", "chongqing-yuzhong", "--today", "2026-03-10"]) == 0
    out = capsys.readouterr().out
    assert BT.CLI_NONE.format(days=400) in out and "常态化受理" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "shanghai"], "没有这个地区：shanghai"),
        (["--region", "jilin", "--stage", "naming"], "吉林省没有这个阶段：naming"),
        (["--region", "jilin", "--today", "2026-02-30"], "日期格式不对"),
    ],
)
def test_cli_bad_input_exits_2_with_a_chinese_message(capsys, args: list[str], message: str) -> None:
    assert cli(["deadlines", *args]) == 2
    assert message in capsys.readouterr().err


def test_cli_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "deadlines", "--region", "beijing", "--today", "2022-09-01", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    ids = [d["id"] for d in json.loads(done.stdout)["deadlines"]]
    assert ids[0] == "beijing-2022-progress-2022-09" and "beijing-2022-naming" in ids


@pytest.mark.parametrize("arg", ["²", "٣", "-1", ""])
def test_a_forged_delete_press_removes_nothing(kb, now, arg: str) -> None:
    """ "del:²" passed str.isdigit() and then crashed in int(); now it is a reminder that is gone."""
    state = UserState(region="jilin", reminders=[OwnReminder("自评完成", dt.date(2026, 4, 1), id=1)])
    menu = run(state, Event.command("remind"), kb, now)
    out = run(menu.state, Event.press(f"d{menu.state.version}:del:{arg}"), kb, now)
    assert out.replies[0].text == T.REMINDER_GONE
    assert out.state.reminders == state.reminders


def test_days_and_region_in_digits_int_cannot_read_get_a_reply(kb, now) -> None:
    """ "፩" (Ethiopic one) passed str.isdigit() and crashed int(): at /remind's days and /start."""
    assert isinstance(parse_days("፩ ፪"), str)
    for text in ("፩", "𐩀"):
        asked = run(UserState(), Event.command("start"), kb, now)
        out = run(asked.state, Event.say(text), kb, now)
        assert out.state.dialog == "onboarding" and out.replies


@pytest.mark.parametrize("typed", ["6月30日前要交什么材料？", "床位要多少张", "吉林什么时候截止", "3月15日要交材料吗"])
def test_a_question_at_the_add_reminder_prompt_is_answered_not_added(kb, now, typed) -> None:
    """F26: the 添加自定义提醒 prompt took a question with a date as a reminder titled 要交什么材料?."""
    out = run(UserState(region="jilin"), Event.command("remind"), kb, now)
    asking = run(out.state, Event.press(button(out, T.BUTTON_ADD).data), kb, now)
    answered = run(asking.state, Event.say(typed), kb, now)
    assert answered.state.reminders == [] and not replans(answered)
    assert answered.state.step == "remind_add" and C.PENDING_AGAIN in text(answered)
    assert answered.replies[-1].text == T.ASK_REMINDER


# Newcomer trial 2, B8: the reply says when the reminder comes (the planner's own times), and that a
# clock time in the title is not one of them.
def test_an_added_reminder_says_when_it_comes(kb) -> None:
    night = dt.datetime(2026, 12, 1, 1, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    out = run(UserState(user_id=5, region="jilin"), Event.command("remind"), kb, night)
    asking = run(out.state, Event.press(button(out, T.BUTTON_ADD).data), kb, night)
    added = run(asking.state, Event.say("下周五 开会"), kb, night)
    text = added.replies[0].text
    assert "12月4日 09:30" in text and "12月10日 09:30" in text and T.REMINDER_TIME_IN_TITLE not in text
    again = run(asking.state, Event.say("明天下午三点给卫健委打电话"), kb, night)
    assert T.REMINDER_TIME_IN_TITLE in again.replies[0].text


# ---------------------------------------------------------------- /remind hint (newcomer finding C17)


@pytest.mark.parametrize("region", ["jilin", "beijing", "chongqing-yuzhong"])
def test_remind_menu_says_when_no_region_deadline_is_ahead(kb, region: str) -> None:
    # The stored plans run to 2025: at the end of 2026 no regional reminder will come, and the menu
    # must not promise "按地区通用的日期提醒" (it said so while /status said there were none).
    now = dt.datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)
    out = run(UserState(user_id=1, region=region), Event.command("remind"), kb, now)
    assert T.REMIND_NO_DEADLINES.format(until=horizon_end(now.date())) in text(out)
    assert T.REMIND_STAGE_HINT not in text(out)


def test_remind_menu_keeps_the_stage_hint_while_region_deadlines_are_ahead(kb) -> None:
    now = dt.datetime(2024, 5, 1, 10, 0, tzinfo=SHANGHAI)
    out = run(UserState(user_id=1, region="jilin"), Event.command("remind"), kb, now)
    assert T.REMIND_NO_DEADLINES.format(until=horizon_end(now.date())) not in text(out)
    assert T.REMIND_STAGE_HINT in text(out)


def test_status_tells_the_documents_dates_from_the_directors_own(kb, now) -> None:
    """Newcomer trial 3, F5: "今后400天内没有已知的截止日期" followed by the director's own reminder read as
    a contradiction: the first is about the documents' dates, the list is the director's own."""
    from core.model import OwnReminder

    own = [OwnReminder("去市卫健委问截止时间", now.date() + dt.timedelta(days=8), 1)]
    out = run(UserState(region="beijing", stage="self-assessment", reminders=own), Event.command("status"), kb, now)
    body = out.replies[0].text
    assert "文件" in T.STATUS_NO_DEADLINES and T.STATUS_NO_DEADLINES.format(until=horizon_end(now.date())) in body
    assert T.STATUS_REMINDERS in body and "去市卫健委问截止时间" in body
    assert "文件规定" in T.STATUS_REMINDERS


def test_the_horizon_is_said_as_a_date_not_a_count_of_days(kb, now) -> None:
    """Session 8's note: "今后400天内" read oddly; the look-ahead's last day is said as a date."""
    out = run(UserState(region="beijing", stage="self-assessment"), Event.command("status"), kb, now)
    body = out.replies[0].text
    end = now.date() + dt.timedelta(days=400)
    assert f"{end.year}年{end.month}月{end.day}日" in body and "400天" not in body
