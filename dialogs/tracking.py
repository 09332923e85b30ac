"""Application tracking: /stage (choose or advance the stage), /status (region, stage, the next
deadlines with days left, the status note, the tickable materials checklist) and /remind (how many
days before, mute, snooze, own dated reminders).

Steps of the "tracking" dialog: "stage" (choosing), "remind" (the settings menu), "remind_days"
(waiting for day counts), "remind_add" (waiting for "事项 + 日期"). Each change of the reminder menu
restarts the step, so its version grows and a keyboard from before the change is answered as stale.
Checklist buttons are global ("g:trk:ck:<stage>:<material>:<1|0>"): /status may be looked at in the
middle of another dialog, and a tick must work there too; the button names the stage and the wanted
state, so an old button for another stage is refused and pressing one twice changes nothing more.

Every change that moves a nudge (stage, days, mute, snooze, own reminders) returns ReplanNudges.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any
from zoneinfo import ZoneInfo

from dialogs import onboarding
from dialogs.buttons import dialog_button, global_button, rows
from dialogs.dates import MAX_TITLE_CHARS, MAX_YEARS_AHEAD, ParsedReminder, chinese_number, parse_reminder
from dialogs.model import DEFAULT_REMINDER_DAYS, Button, Event, Outcome, OwnReminder, ReplanNudges, Reply, UserState
from dialogs.numbers import fold, parse_choice_index
from dialogs.texts import common as C
from dialogs.texts import tracking as T
from knowledge.calendar import Calendar, Deadline, Stage
from knowledge.regions import region_by_id
from knowledge.search.model import Source

DIALOG = "tracking"
GLOBAL_KIND = "trk"
SHANGHAI = ZoneInfo("Asia/Shanghai")
HORIZON_DAYS = 400
STATUS_DEADLINES = 3
SNOOZE_DAYS = 3
MAX_REMINDERS = 20
MAX_DAY_VALUES = 5
DAY_LIMIT = 365
_ADVANCE_WORDS = {"下一阶段", "下一步", "推进", "推进到下一阶段", "下一个", "next"}
_DONE_WORDS = {"好了", "好的", "结束", "退出", "done", "ok"}
_DAY_SEPARATORS = re.compile(r"[\s,，、/;；和]+")


def today_in_shanghai(now: dt.datetime) -> dt.date:
    """The calendar day in China (16:00 UTC is already the next day there)."""
    return now.astimezone(SHANGHAI).date() if now.tzinfo else now.date()


# ---------------------------------------------------------------- rendering (also used by the CLI)


def format_date(day: dt.date) -> str:
    return T.DATE.format(y=day.year, m=day.month, d=day.day, w=T.WEEKDAYS[day.weekday()])


def days_left(day: dt.date, today: dt.date) -> str:
    n = (day - today).days
    return T.TODAY if n == 0 else T.TOMORROW if n == 1 else T.DAYS_LEFT.format(n=n)


def render_source(source: Source) -> str:
    number = T.SOURCE_NUMBER.format(number=source.number) if source.number else ""
    return T.SOURCE.format(document=source.document, number=number, section=source.section, quote=source.quote)


def render_deadline(deadline: Deadline, today: dt.date) -> str:
    lines = [
        T.DEADLINE_LINE.format(
            date=format_date(deadline.date), left=days_left(deadline.date, today), title=deadline.title
        )
    ]
    if deadline.actor:
        lines.append(T.DEADLINE_ACTOR.format(actor=deadline.actor))
    if deadline.postponed:
        lines.append(T.DEADLINE_POSTPONED.format(original=format_date(deadline.original_date)))
    if not deadline.official_holiday_data:
        lines.append(T.DEADLINE_UNOFFICIAL.format(year=deadline.original_date.year))
    if deadline.note:
        lines.append(T.DEADLINE_NOTE.format(note=deadline.note))
    lines.append(T.DEADLINE_SOURCE.format(source=render_source(deadline.source)))
    return "\n".join(lines)


def region_name(region_id: str) -> str:
    region = region_by_id(region_id)
    return region.name if region else region_id


def _calendar(state: UserState, kb: Any) -> Calendar | None:
    return kb.calendars.get(state.region) if state.region else None


def _current_stage(state: UserState, calendar: Calendar) -> Stage | None:
    """The user's stage in this region's calendar (None after a region change made it foreign)."""
    return calendar.stage(state.stage)


def _need_region(state: UserState) -> Outcome:
    button = global_button(T.CHOOSE_REGION_BUTTON, GLOBAL_KIND, "region")
    return Outcome(state, [Reply(T.NEED_REGION, ((button,),))])


# ---------------------------------------------------------------- /status and the checklist


def status(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    calendar = _calendar(state, kb)
    if calendar is None:
        return _need_region(state)
    return Outcome(state, [_status_reply(state, calendar, today_in_shanghai(now))])


def _status_reply(state: UserState, calendar: Calendar, today: dt.date) -> Reply:
    stage = _current_stage(state, calendar)
    lines = [T.STATUS_TITLE, T.STATUS_REGION.format(region=region_name(calendar.region))]
    if stage:
        lines.append(T.STATUS_STAGE.format(stage=stage.name, actor=stage.actor))
        if stage.next_step:
            lines.append(T.STATUS_NEXT_STEP.format(next_step=stage.next_step))
    elif calendar.stages:
        lines.append(T.STATUS_NO_STAGE)
    lines.append("")
    upcoming = calendar.deadlines(stage.id if stage else None, today, HORIZON_DAYS)
    if upcoming:
        lines.append(T.STATUS_DEADLINES)
        lines += [render_deadline(d, today) for d in upcoming[:STATUS_DEADLINES]]
        if len(upcoming) > STATUS_DEADLINES:
            lines.append(T.STATUS_MORE.format(n=len(upcoming) - STATUS_DEADLINES, shown=STATUS_DEADLINES))
    else:
        lines.append(T.STATUS_NO_DEADLINES.format(days=HORIZON_DAYS))
    note = calendar.note_on(today)
    if note:
        lines.append(T.STATUS_NOTE.format(note=note))
        lines += [T.DEADLINE_SOURCE.format(source=render_source(s)) for s in calendar.status_sources]
    own = sorted((r for r in state.reminders if r.date >= today), key=lambda r: r.date)
    if own:
        lines += ["", T.STATUS_REMINDERS]
        lines += [
            T.STATUS_REMINDER_LINE.format(date=format_date(r.date), left=days_left(r.date, today), title=r.title)
            for r in own
        ]
    buttons: tuple[tuple[Button, ...], ...] = ()
    if stage:
        checklist_text, buttons = _checklist(state, stage)
        lines += ["", checklist_text]
    return Reply("\n".join(lines), buttons)


def _checklist(state: UserState, stage: Stage) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    if not stage.materials:
        return T.CHECKLIST_EMPTY, ()
    ticked = set(state.checklist.get(stage.id, []))
    lines = [T.CHECKLIST_TITLE.format(stage=stage.name)]
    buttons = []
    for material in stage.materials:
        done = material.id in ticked
        mark = T.CHECKLIST_DONE if done else T.CHECKLIST_OPEN
        lines.append(T.CHECKLIST_LINE.format(mark=mark, name=material.name))
        wanted = "0" if done else "1"
        label = T.TICK_BUTTON.format(mark=mark, name=_short(material.name, 24))
        buttons.append(global_button(label, GLOBAL_KIND, f"ck:{stage.id}:{material.id}:{wanted}"))
    done_count = sum(1 for m in stage.materials if m.id in ticked)
    lines.append(T.CHECKLIST_PROGRESS.format(done=done_count, total=len(stage.materials)))
    return "\n".join(lines), rows(buttons, 1)


def on_global(state: UserState, arg: str, kb: Any, now: dt.datetime) -> Outcome:
    """Global presses "g:trk:region" and "g:trk:ck:<stage>:<material>:<1|0>"."""
    if arg == "region":
        return onboarding.ask_region(state, kb, now, return_to="stage")
    parts = arg.split(":")
    calendar = _calendar(state, kb)
    if len(parts) != 4 or parts[0] != "ck" or parts[3] not in ("0", "1") or calendar is None:
        return _with_pending(Outcome(state, [Reply(C.STALE_BUTTON)]), kb, now)
    _, stage_id, material_id, wanted = parts
    stage = _current_stage(state, calendar)
    material = next((m for m in stage.materials if m.id == material_id), None) if stage else None
    today = today_in_shanghai(now)
    if stage is None or stage.id != stage_id or material is None:
        replies = [Reply(T.TICK_STALE)]
        if stage is not None:
            replies.append(_status_reply(state, calendar, today))
        return _with_pending(Outcome(state, replies), kb, now)
    ticked = [m for m in state.checklist.get(stage.id, []) if m != material_id]
    if wanted == "1":
        ticked.append(material_id)
    # Keep the calendar's order, so the stored list reads like the checklist.
    order = [m.id for m in stage.materials]
    state.checklist[stage.id] = sorted(set(ticked), key=lambda m: order.index(m) if m in order else len(order))
    text = (T.TICKED if wanted == "1" else T.UNTICKED).format(name=material.name)
    checklist_text, buttons = _checklist(state, stage)
    return _with_pending(Outcome(state, [Reply(text + "\n\n" + checklist_text, buttons)]), kb, now)


def _with_pending(outcome: Outcome, kb: Any, now: dt.datetime) -> Outcome:
    """A global press can come in the middle of another dialog: ask its pending question again."""
    from dialogs import router  # the router imports this module

    waiting = router.pending(outcome.state, kb, now)
    if waiting:
        outcome.replies.append(Reply(C.PENDING_AGAIN))
        outcome.replies.extend(waiting)
    return outcome


# ---------------------------------------------------------------- /stage


def stage(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    calendar = _calendar(state, kb)
    if calendar is None:
        return _need_region(state)
    if not calendar.stages:
        text = T.NO_STAGES.format(region=region_name(calendar.region))
        note = calendar.note_on(today_in_shanghai(now))
        if note:
            text += "\n" + note
        button = global_button(T.CHOOSE_REGION_BUTTON, GLOBAL_KIND, "region")
        return Outcome(state, [Reply(text, ((button,),))])
    if event.data.strip():
        chosen = _stage_from_text(event.data, state, calendar)
        if chosen is not None:
            return _set_stage(state, calendar, chosen, now)
    state.start(DIALOG, "stage")
    return Outcome(state, _stage_prompt(state, calendar))


def _stage_prompt(state: UserState, calendar: Calendar) -> list[Reply]:
    current = _current_stage(state, calendar)
    header = T.CURRENT_STAGE.format(stage=current.name) if current else T.NO_CURRENT_STAGE
    buttons = []
    for i, s in enumerate(calendar.stages, 1):
        label = (T.STAGE_BUTTON_CURRENT if current and s.id == current.id else T.STAGE_BUTTON).format(i=i, name=s.name)
        buttons.append(dialog_button(state, label, f"stage:{s.id}"))
    following = calendar.next_stage(current.id) if current else None
    if following:
        buttons.append(dialog_button(state, T.ADVANCE_BUTTON.format(name=following.name), "advance"))
    text = header + "\n" + T.ASK_STAGE.format(region=region_name(calendar.region))
    return [Reply(text, rows(buttons, 1))]


def _stage_from_text(text: str, state: UserState, calendar: Calendar) -> Stage | None:
    t = fold(text)
    if t in _ADVANCE_WORDS:
        current = _current_stage(state, calendar)
        return calendar.next_stage(current.id if current else None)
    index = parse_choice_index(t, len(calendar.stages))
    if index is not None:
        return calendar.stages[index]
    by_id = calendar.stage(t)
    if by_id:
        return by_id
    named = [s for s in calendar.stages if t and (t in s.name or s.name in t)]
    return named[0] if len(named) == 1 else None


def _set_stage(state: UserState, calendar: Calendar, chosen: Stage, now: dt.datetime) -> Outcome:
    changed = state.stage != chosen.id
    state.stage = chosen.id
    if state.dialog == DIALOG:
        state.finish()
    template = T.STAGE_SET if changed else T.STAGE_UNCHANGED
    text = template.format(stage=chosen.name, actor=chosen.actor) + "\n" + T.STAGE_HINT
    replies = [Reply(text), _status_reply(state, calendar, today_in_shanghai(now))]
    return Outcome(state, replies, [ReplanNudges()] if changed else [])


def _on_stage_step(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    calendar = _calendar(state, kb)
    if calendar is None or not calendar.stages:
        state.finish()
        return _need_region(state)
    chosen: Stage | None = None
    current = _current_stage(state, calendar)
    advance = event.data == "advance" if event.kind == "press" else fold(event.text) in _ADVANCE_WORDS
    if advance and current and calendar.next_stage(current.id) is None:
        state.finish()
        return Outcome(state, [Reply(T.STAGE_LAST.format(stage=current.name))])
    if advance:
        chosen = calendar.next_stage(current.id if current else None)
    elif event.kind == "press" and event.data.startswith("stage:"):
        chosen = calendar.stage(event.data.split(":", 1)[1])
    elif event.kind == "text":
        chosen = _stage_from_text(event.text, state, calendar)
    if chosen is None:
        problem = Reply(T.STAGE_NOT_UNDERSTOOD.format(n=len(calendar.stages)))
        return Outcome(state, [problem, *_stage_prompt(state, calendar)])
    return _set_stage(state, calendar, chosen, now)


# ---------------------------------------------------------------- /remind


def remind(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    state.start(DIALOG, "remind")
    return Outcome(state, _remind_menu(state, kb, now))


def _remind_menu(state: UserState, kb: Any, now: dt.datetime) -> list[Reply]:
    today = today_in_shanghai(now)
    days = T.REMIND_DAYS_SEP.join(str(d) for d in state.reminder_days)
    lines = [T.REMIND_TITLE, T.REMIND_DAYS.format(days=days)]
    if state.muted:
        lines.append(T.REMIND_MUTED)
    elif state.snoozed_until and state.snoozed_until > today:
        lines.append(T.REMIND_SNOOZED.format(date=format_date(state.snoozed_until)))
    else:
        lines.append(T.REMIND_ON)
    calendar = _calendar(state, kb)
    if calendar and calendar.stages and _current_stage(state, calendar) is None:
        lines.append(T.REMIND_STAGE_HINT)
    if state.reminders:
        lines.append(T.REMIND_OWN_TITLE)
        for i, r in enumerate(state.reminders, 1):
            past = T.REMIND_OWN_PAST if r.date < today else ""
            lines.append(T.REMIND_OWN_LINE.format(i=i, date=format_date(r.date), title=r.title) + past)
    else:
        lines.append(T.REMIND_OWN_NONE)
    b = dialog_button
    buttons = [
        b(state, T.BUTTON_DAYS, "days"),
        b(state, T.BUTTON_UNMUTE, "unmute") if state.muted else b(state, T.BUTTON_MUTE, "mute"),
        b(state, T.BUTTON_UNSNOOZE, "unsnooze")
        if state.snoozed_until and state.snoozed_until > today
        else b(state, T.BUTTON_SNOOZE, "snooze"),
        b(state, T.BUTTON_ADD, "add"),
    ]
    removes = [
        b(state, T.BUTTON_REMOVE.format(i=i, title=_short(r.title, 12)), f"del:{i - 1}")
        for i, r in enumerate(state.reminders, 1)
    ]
    return [Reply("\n".join(lines), rows(buttons, 2) + rows(removes, 1) + ((b(state, T.BUTTON_DONE, "done"),),))]


def _typed_menu_words() -> dict[str, str]:
    labels = {
        T.BUTTON_MUTE: "mute",
        T.BUTTON_UNMUTE: "unmute",
        T.BUTTON_SNOOZE: "snooze",
        T.BUTTON_UNSNOOZE: "unsnooze",
        T.BUTTON_DAYS: "days",
        T.BUTTON_ADD: "add",
        T.BUTTON_DONE: "done",
    }
    return {fold(label): action for label, action in labels.items()} | {w: "done" for w in _DONE_WORDS}


def _back_to_menu(state: UserState, kb: Any, now: dt.datetime, said: str, replan: bool) -> Outcome:
    state.start(DIALOG, "remind")  # a new version: buttons of the menu before this change go stale
    return Outcome(state, [Reply(said), *_remind_menu(state, kb, now)], [ReplanNudges()] if replan else [])


def _on_remind_step(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    today = today_in_shanghai(now)
    if event.kind == "text" and fold(event.text) in _typed_menu_words():
        # A label typed instead of pressed (the terminal, or a director who types): act on it.
        event = Event("press", data=_typed_menu_words()[fold(event.text)])
    if event.kind == "text":
        parsed = parse_reminder(event.text, today)
        if parsed == "no_date":
            return Outcome(state, [Reply(T.REMIND_TEXT_NOT_UNDERSTOOD), *_remind_menu(state, kb, now)])
        return _add_reminder(state, parsed, kb, now, stay_on_error=False)
    action, _, arg = event.data.partition(":")
    if action == "mute":
        state.muted = True
        return _back_to_menu(state, kb, now, T.MUTED, replan=True)
    if action == "unmute":
        state.muted = False
        return _back_to_menu(state, kb, now, T.UNMUTED, replan=True)
    if action == "snooze":
        state.snoozed_until = today + dt.timedelta(days=SNOOZE_DAYS)
        return _back_to_menu(state, kb, now, T.SNOOZED.format(date=format_date(state.snoozed_until)), replan=True)
    if action == "unsnooze":
        state.snoozed_until = None
        return _back_to_menu(state, kb, now, T.UNSNOOZED, replan=True)
    if action == "days":
        state.start(DIALOG, "remind_days")
        return Outcome(state, prompt(state, kb, now))
    if action == "add":
        if len(state.reminders) >= MAX_REMINDERS:
            return Outcome(state, [Reply(T.REMINDERS_FULL.format(max=MAX_REMINDERS)), *_remind_menu(state, kb, now)])
        state.start(DIALOG, "remind_add")
        return Outcome(state, prompt(state, kb, now))
    # isascii: "²".isdigit() is true but int("²") fails (forged or typed callback data).
    if action == "del" and arg.isascii() and arg.isdigit() and int(arg) < len(state.reminders):
        removed = state.reminders.pop(int(arg))
        return _back_to_menu(state, kb, now, T.REMINDER_REMOVED.format(title=removed.title), replan=True)
    if action == "del":
        return _back_to_menu(state, kb, now, T.REMINDER_GONE, replan=False)
    if action == "done":
        state.finish()
        return Outcome(state, [Reply(T.REMIND_DONE)])
    return Outcome(state, [Reply(C.STALE_BUTTON), *_remind_menu(state, kb, now)])


def _add_reminder(
    state: UserState, parsed: ParsedReminder | str, kb: Any, now: dt.datetime, stay_on_error: bool
) -> Outcome:
    if isinstance(parsed, str):
        error = T.REMINDER_ERRORS[parsed].format(years=MAX_YEARS_AHEAD, chars=MAX_TITLE_CHARS)
        again = [Reply(T.ASK_REMINDER, _back_button(state))] if stay_on_error else _remind_menu(state, kb, now)
        return Outcome(state, [Reply(error), *again])
    if len(state.reminders) >= MAX_REMINDERS:
        return _back_to_menu(state, kb, now, T.REMINDERS_FULL.format(max=MAX_REMINDERS), replan=False)
    same = next((r for r in state.reminders if r.title == parsed.title and r.date == parsed.date), None)
    if same:
        return _back_to_menu(
            state, kb, now, T.REMINDER_DUPLICATE.format(date=format_date(same.date), title=same.title), False
        )
    state.reminders.append(OwnReminder(parsed.title, parsed.date))
    state.reminders.sort(key=lambda r: r.date)
    said = T.REMINDER_ADDED.format(date=format_date(parsed.date), title=parsed.title)
    return _back_to_menu(state, kb, now, said, replan=True)


def _on_remind_add(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    if event.kind == "press":
        if event.data == "back":
            state.start(DIALOG, "remind")
            return Outcome(state, _remind_menu(state, kb, now))
        return Outcome(state, [Reply(C.STALE_BUTTON), *prompt(state, kb, now)])
    return _add_reminder(state, parse_reminder(event.text, today_in_shanghai(now)), kb, now, stay_on_error=True)


def parse_days(text: str) -> list[int] | str:
    """Day counts like "30 7 1", "14，3", "三十 七 一天": sorted, largest first; or an error text."""
    tokens = [t.removesuffix("天") for t in _DAY_SEPARATORS.split(unicodedata.normalize("NFKC", text).strip()) if t]
    values = [chinese_number(t) for t in tokens]
    if not values or any(v is None or not 1 <= v <= DAY_LIMIT for v in values):
        return T.DAYS_INVALID.format(limit=DAY_LIMIT)
    unique = sorted({v for v in values if v is not None}, reverse=True)
    if len(unique) > MAX_DAY_VALUES:
        return T.DAYS_TOO_MANY.format(max=MAX_DAY_VALUES)
    return unique


def _on_remind_days(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    if event.kind == "press":
        if event.data == "back":
            state.start(DIALOG, "remind")
            return Outcome(state, _remind_menu(state, kb, now))
        if event.data == "default":
            days: list[int] | str = list(DEFAULT_REMINDER_DAYS)
        else:
            return Outcome(state, [Reply(C.STALE_BUTTON), *prompt(state, kb, now)])
    else:
        days = parse_days(event.text)
    if isinstance(days, str):
        return Outcome(state, [Reply(days), *prompt(state, kb, now)])
    changed = days != state.reminder_days
    state.reminder_days = days
    said = T.DAYS_SET.format(days=T.REMIND_DAYS_SEP.join(str(d) for d in days))
    return _back_to_menu(state, kb, now, said, replan=changed)


def _back_button(state: UserState) -> tuple[tuple[Button, ...], ...]:
    return ((dialog_button(state, T.BUTTON_BACK, "back"),),)


# ---------------------------------------------------------------- the dialog protocol


def prompt(state: UserState, kb: Any, now: dt.datetime) -> list[Reply]:
    if state.step == "stage":
        calendar = _calendar(state, kb)
        return _stage_prompt(state, calendar) if calendar and calendar.stages else []
    if state.step == "remind":
        return _remind_menu(state, kb, now)
    if state.step == "remind_days":
        buttons = (
            (dialog_button(state, T.BUTTON_DEFAULT_DAYS, "default"), dialog_button(state, T.BUTTON_BACK, "back")),
        )
        return [Reply(T.ASK_DAYS.format(max=MAX_DAY_VALUES, limit=DAY_LIMIT), buttons)]
    if state.step == "remind_add":
        return [Reply(T.ASK_REMINDER, _back_button(state))]
    return []


def on_event(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    handlers = {
        "stage": _on_stage_step,
        "remind": _on_remind_step,
        "remind_days": _on_remind_days,
        "remind_add": _on_remind_add,
    }
    handler = handlers.get(state.step or "")
    if handler is None:  # a step from an older version of this dialog: start clean
        state.finish()
        return Outcome(state, [Reply(C.STALE_BUTTON)])
    return handler(state, event, kb, now)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
