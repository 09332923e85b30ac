"""/remind: how many days before a deadline to remind, mute, snooze, and own dated reminders.

Steps of the "tracking" dialog here: "remind" (the settings menu), "remind_days" (waiting for day
counts), "remind_add" (waiting for "事项 + 日期"). Each change of the menu restarts the step, so its
version grows and a keyboard from before the change is answered as stale. Every change that moves
a nudge (days, mute, snooze, own reminders) returns ReplanNudges."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable

from core.clock import local_today
from core.effects import ReplanNudges
from core.model import DEFAULT_REMINDER_DAYS, Button, Event, Outcome, OwnReminder, Reply, UserState
from core.text import chinese_int, fold
from dialogs import onboarding, render
from dialogs.buttons import dialog_button
from dialogs.dates import (
    MAX_TITLE_CHARS,
    MAX_YEARS_AHEAD,
    ParsedReminder,
    parse_reminder,
    reads_as_reminder,
    refused_reminder,
    remind_me_undated,
)
from dialogs.day_words import REMINDER_PLACEHOLDER
from dialogs.texts import common as C
from dialogs.texts import tracking as T
from dialogs.tracking import remind_delete
from dialogs.tracking.common import DIALOG
from dialogs.tracking.remind_menu import MENU, back_to_menu, menu
from dialogs.tracking.remind_said import holiday_note, when_sent
from dialogs.words import (
    DAY_COUNT,
    DAY_SEPARATORS,
    DAY_SUFFIX,
    DAY_UNIT_DAYS,
    DAYS_AROUND,
    DELETE_TYPED,
    DONE_WORDS,
    asks,
    parse_reminder_words,
)
from knowledge.base import KnowledgeBase

DAYS, ADD = "remind_days", "remind_add"
TITLE = "title"  # at ADD: the matter of "提醒我交材料", waiting for its date
DATE_SAID = "date_said"  # at ADD: a date typed alone ("下个月初"), waiting for its matter (trial 9, finding 4)
OUTSIDE = "outside"  # at ADD: asked for in words outside /remind, so no menu follows (N19)
SNOOZE_DAYS = 3
MAX_REMINDERS = 20
MAX_DAY_VALUES = 5
DAY_LIMIT = 365

Action = Callable[[UserState, str, KnowledgeBase, dt.datetime], Outcome]


def remind(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """/remind: the menu; words after it are read as typed there (trial 11 N6, brk11 B13: they were dropped)."""
    state.start(DIALOG, MENU)
    said = event.data.strip(" ，,。.!！")
    if not said:
        return Outcome(state, menu(state, kb, now))
    outcome = on_menu(state, Event.say(said), kb, now)
    if outcome.unread and not asks(said) and parse_reminder(said, local_today(now)) == "no_date" and _matter(said):
        state.start(DIALOG, ADD, {TITLE: said})  # "/remind 交材料": its date is asked
        return Outcome(state, [Reply(T.REMINDER_DATE_FOR.format(title=said), _back_button(state))])
    shown = outcome.unread and len(outcome.replies) == len(menu(state, kb, now))  # a question: the menu alone
    return Outcome(outcome.state, [Reply(T.REMIND_ARGS_NOT_READ), *outcome.replies]) if shown else outcome


# --- the menu's actions --------------------------------------------------------------------------


def _mute(state: UserState, arg: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    state.muted = True
    return back_to_menu(state, kb, now, T.MUTED, replan=True)


def _unmute(state: UserState, arg: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    state.muted = False
    return back_to_menu(state, kb, now, T.UNMUTED, replan=True)


def _snooze(state: UserState, arg: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """The button snoozes SNOOZE_DAYS; typed words ("推迟一周") pass their own count in `arg`."""
    days = int(arg) if arg.isascii() and arg.isdigit() and 0 < int(arg) <= DAY_LIMIT else SNOOZE_DAYS
    until = local_today(now) + dt.timedelta(days=days)
    state.snoozed_until = until
    return back_to_menu(state, kb, now, T.SNOOZED.format(date=render.date(until)), replan=True)


def _unsnooze(state: UserState, arg: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    state.snoozed_until = None
    return back_to_menu(state, kb, now, T.UNSNOOZED, replan=True)


def _ask_days(state: UserState, arg: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    state.start(DIALOG, DAYS)
    return Outcome(state, days_prompt(state))


def _ask_new(state: UserState, arg: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    if len(state.reminders) >= MAX_REMINDERS:
        return Outcome(state, [Reply(T.REMINDERS_FULL.format(max=MAX_REMINDERS)), *menu(state, kb, now)])
    state.start(DIALOG, ADD)
    return Outcome(state, add_prompt(state))


def _delete(state: UserState, arg: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """Asks first (remind_delete.py). isascii: "²".isdigit() is true but int("²") fails (forged data)."""
    index = int(arg) if arg.isascii() and arg.isdigit() else -1
    return remind_delete.ask(state, index, kb, now)


def _done(state: UserState, arg: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    state.finish()
    return Outcome(state, [Reply(T.REMIND_DONE)])


ACTIONS: dict[str, Action] = {
    "mute": _mute,
    "unmute": _unmute,
    "snooze": _snooze,
    "unsnooze": _unsnooze,
    "days": _ask_days,
    "add": _ask_new,
    "del": _delete,
    "done": _done,
}
# A menu label typed instead of pressed (the terminal, or a director who types) acts like the button.
_LABELS = {
    T.BUTTON_MUTE: "mute",
    T.BUTTON_UNMUTE: "unmute",
    T.BUTTON_SNOOZE: "snooze",
    T.BUTTON_UNSNOOZE: "unsnooze",
    T.BUTTON_DAYS: "days",
    T.BUTTON_ADD: "add",
    T.BUTTON_DONE: "done",
}
TYPED_ACTIONS = {fold(label): action for label, action in _LABELS.items()} | {w: "done" for w in DONE_WORDS}


def on_menu(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    words = parse_reminder_words(event.text) if event.kind == "text" else None
    if words is not None:  # "推迟一周", "别提醒了" typed in the menu
        return ACTIONS[words.action](state, str(words.days), kb, now)
    deleting = DELETE_TYPED.match(fold(event.text)) if event.kind == "text" else None
    if deleting is not None and (n := chinese_int(deleting["n"])) is not None:  # "删除1": asks first
        return remind_delete.ask(state, n - 1, kb, now)
    if event.kind == "text" and fold(event.text) in TYPED_ACTIONS:
        event = Event("press", data=TYPED_ACTIONS[fold(event.text)])
    if event.kind == "text":
        parsed = parse_reminder(event.text, local_today(now))
        if parsed == "no_date":
            asked_date = _ask_date(state, event.text, local_today(now))
            return asked_date or Outcome(
                state, [Reply(T.REMIND_TEXT_NOT_UNDERSTOOD), *menu(state, kb, now)], unread=True
            )
        # A question that names a date ("6月30日前要交什么材料？") is not a reminder; a question word in a
        # title laid out as 事项 + 日期 ("问区卫健委要交什么材料 3月15日") is (dates.reads_as_reminder).
        if asks(event.text) and not reads_as_reminder(event.text, local_today(now)):
            return Outcome(state, menu(state, kb, now), unread=True)
        held = _ask_title(state, event.text, local_today(now)) if parsed == "no_title" else None
        return held or _add_reminder(state, parsed, kb, now, stay_on_error=False)
    name, _, arg = event.data.partition(":")
    action = ACTIONS.get(name)
    if action is None:
        return Outcome(state, [Reply(C.STALE_BUTTON), *menu(state, kb, now)])
    return action(state, arg, kb, now)


# --- own reminders -------------------------------------------------------------------------------


def add_prompt(state: UserState) -> list[Reply]:
    return [Reply(T.ASK_REMINDER, _back_button(state))]


def _add_reminder(
    state: UserState,
    parsed: ParsedReminder | str,
    kb: KnowledgeBase,
    now: dt.datetime,
    stay_on_error: bool,
    outside: bool = False,
) -> Outcome:
    """Add a parsed reminder and say when it comes. In /remind the menu follows; a reminder asked for in
    words outside it (提醒我下周三交材料, 过完年初八 开会) is said in one line and nothing stays open (newcomer
    trial 8, N19: the 18-line menu then followed every later reply)."""
    if isinstance(parsed, str):
        error = T.REMINDER_ERRORS[parsed].format(years=MAX_YEARS_AHEAD, chars=MAX_TITLE_CHARS)
        again = add_prompt(state) if stay_on_error else menu(state, kb, now)
        return Outcome(state, [Reply(error), *again], unread=True)  # a question, maybe (dialogs/asked.py)
    if len(state.reminders) >= MAX_REMINDERS:
        return back_to_menu(state, kb, now, T.REMINDERS_FULL.format(max=MAX_REMINDERS), replan=False)
    same = next((r for r in state.reminders if r.title == parsed.title and r.date == parsed.date), None)
    if same:
        said = T.REMINDER_DUPLICATE.format(date=render.date(same.date), title=same.title)
        return back_to_menu(state, kb, now, said, replan=False)
    state.reminders.append(OwnReminder(parsed.title, parsed.date))
    state.reminders.sort(key=lambda r: r.date)
    template = T.REMINDER_ADDED_LUNAR if parsed.lunar else T.REMINDER_ADDED
    said = template.format(date=render.date(parsed.date, weekday=True), title=parsed.title, lunar=parsed.lunar)
    said += when_sent(state, parsed.title, parsed.date, now) + holiday_note(parsed.date, state.region, kb)
    if outside:
        if state.dialog == DIALOG:  # the date asked for "提醒我交材料": that screen is done
            state.finish()
        return Outcome(state, [Reply(said + T.TYPED_SETTING_HINT)], [ReplanNudges()])
    return back_to_menu(state, kb, now, said, replan=True)


def typed_reminder(
    state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime, midway: bool = False
) -> Outcome | None:
    """A reminder typed outside /remind, laid out as its prompt asks (事项 + 日期: "月底 交表"): added and
    said in one line (/remind shows and deletes it); None for anything else, a question among them
    (newcomer trial 3, F19: "月底 交表" was declined as a question the documents do not answer). `midway`:
    typed in the middle of another dialog (/check), where only a dated one is added — asking its date
    would replace the dialog in progress (newcomer trial 8, N20)."""
    today = local_today(now)
    undated = remind_me_undated(text, today) if midway and not asks(text) else None
    if undated is not None:  # its date is asked once the dialog in progress is done
        return Outcome(state, [Reply(T.REMINDER_DATE_MIDWAY.format(title=undated))])
    asked_date = None if midway else _ask_date(state, text, today, outside=True)
    if asked_date is not None:
        return asked_date
    if asks(text):
        return None
    refused = None if midway else refused_reminder(text, today)
    if refused is not None:  # 提醒我 昨天/13月1日/100年后 …: why not, never a search
        return Outcome(state, [Reply(T.REMINDER_ERRORS[refused].format(years=MAX_YEARS_AHEAD, chars=MAX_TITLE_CHARS))])
    if not reads_as_reminder(text, today):
        return None
    parsed = parse_reminder(text, today)
    if isinstance(parsed, str) or onboarding.names_a_place(parsed.title, kb):
        return None  # "吉林 10月底": what falls due there then, asked tersely, not a reminder titled 吉林 (F28)
    return _add_reminder(state, parsed, kb, now, stay_on_error=False, outside=True)


def _ask_date(state: UserState, text: str, today: dt.date, outside: bool = False) -> Outcome | None:
    """ "提醒我交材料" — a reminder asked for without its date, typed anywhere, at the menu or at 添加提醒
    (brk8: both screens said "没有找到日期"): only its date is asked (B24). None for anything else."""
    undated = None if asks(text) else remind_me_undated(text, today)
    if undated is None or len(state.reminders) >= MAX_REMINDERS:
        return None
    state.start(DIALOG, ADD, {TITLE: undated, OUTSIDE: outside or bool(state.data.get(OUTSIDE))})
    return Outcome(state, [Reply(T.REMINDER_DATE_FOR.format(title=undated), _back_button(state))])


def on_add(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    if event.kind == "press":
        if event.data == "back":
            state.start(DIALOG, MENU)
            return Outcome(state, menu(state, kb, now))
        return Outcome(state, [Reply(C.STALE_BUTTON), *add_prompt(state)])
    # "6月30日前要交什么材料？" asks; it is not a reminder to add (F26): the router answers. But a text laid
    # out as the prompt asks, 事项 + 日期, is read: the screen keeps it (breaker trial 2, finding 5).
    if asks(event.text) and not reads_as_reminder(event.text, local_today(now)):
        return Outcome(state, add_prompt(state), unread=True)
    today = local_today(now)
    parsed = parse_reminder(event.text, today)
    asked_date = _ask_date(state, event.text, today) if parsed == "no_date" else None
    if asked_date is not None:
        return asked_date
    title, date_said = state.data.get(TITLE), state.data.get(DATE_SAID)
    if parsed == "no_title" and isinstance(title, str):  # the date alone, for "提醒我交材料" (B24)
        parsed = parse_reminder(f"{title} {event.text}", today)
    elif parsed == "no_title":  # the date first, its matter next: the date is kept (trial 9, finding 4)
        held = _ask_title(state, event.text, today)
        if held is not None:
            return held
    elif parsed == "no_date" and isinstance(date_said, str):  # the matter, for the date typed before
        parsed = parse_reminder(f"{event.text} {date_said}", today)
    elif parsed == "no_date" and (matter := _matter(event.text)):  # the matter first: its date is asked
        state.start(DIALOG, ADD, {TITLE: matter, OUTSIDE: bool(state.data.get(OUTSIDE))})
        return Outcome(state, [Reply(T.REMINDER_DATE_FOR.format(title=matter), _back_button(state))])
    return _add_reminder(state, parsed, kb, now, stay_on_error=True, outside=bool(state.data.get(OUTSIDE)))


def _ask_title(state: UserState, text: str, today: dt.date) -> Outcome | None:
    """A date typed alone ("下个月初", "农历腊月二十") at 添加提醒 or at the menu: kept, and only its matter
    asked; None when the text is no single good date."""
    parsed = parse_reminder(f"{text} {REMINDER_PLACEHOLDER}", today)
    if isinstance(parsed, str) or len(state.reminders) >= MAX_REMINDERS:
        return None
    state.start(DIALOG, ADD, {DATE_SAID: text, OUTSIDE: bool(state.data.get(OUTSIDE))})
    day = render.date(parsed.date, weekday=True) + (f"（{parsed.lunar}）" if parsed.lunar else "")
    return Outcome(state, [Reply(T.REMINDER_TITLE_FOR.format(date=day), _back_button(state))])


def _matter(text: str) -> str | None:
    """The matter of a reminder typed alone at 添加提醒 ("开会", "交材料"), or None when too long."""
    matter = text.strip(" ，,。.!！")
    return matter if matter and len(matter) <= MAX_TITLE_CHARS else None


# --- days before ---------------------------------------------------------------------------------


def parse_days(text: str) -> list[int] | str:
    """Day counts like "30 7 1", "14，3", "三十 七 一天": sorted, largest first; or an error text."""
    typed = DAYS_AROUND.sub("", unicodedata.normalize("NFKC", text).strip())
    tokens = [t for t in DAY_SEPARATORS.split(typed) if t]
    values = [_day_count(t) for t in tokens]
    if not values or any(v is None or not 1 <= v <= DAY_LIMIT for v in values):
        return T.DAYS_INVALID.format(limit=DAY_LIMIT)
    unique = sorted({v for v in values if v is not None}, reverse=True)
    if len(unique) > MAX_DAY_VALUES:
        return T.DAYS_TOO_MANY.format(max=MAX_DAY_VALUES)
    return unique


def _day_count(token: str) -> int | None:
    """ "30", "三十天", "两周" (14), "一个月" (30): the days before; None when it is not one."""
    m = DAY_COUNT.match(token)
    n = chinese_int(m["n"]) if m else None
    if m is None or n is None:
        return chinese_int(token.removesuffix(DAY_SUFFIX))
    return n * DAY_UNIT_DAYS.get(m["unit"] or DAY_SUFFIX, 1)


def days_prompt(state: UserState) -> list[Reply]:
    buttons = ((dialog_button(state, T.BUTTON_DEFAULT_DAYS, "default"), dialog_button(state, T.BUTTON_BACK, "back")),)
    return [Reply(T.ASK_DAYS.format(max=MAX_DAY_VALUES, limit=DAY_LIMIT), buttons)]


def on_days(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    if event.kind == "press":
        if event.data == "back":
            state.start(DIALOG, MENU)
            return Outcome(state, menu(state, kb, now))
        if event.data != "default":
            return Outcome(state, [Reply(C.STALE_BUTTON), *days_prompt(state)])
        days: list[int] | str = list(DEFAULT_REMINDER_DAYS)
    else:
        days = parse_days(event.text)
    if isinstance(days, str):
        return Outcome(state, [Reply(days), *days_prompt(state)], unread=event.kind == "text")
    changed = days != state.reminder_days
    state.reminder_days = days
    said = T.DAYS_SET.format(days=T.REMIND_DAYS_SEP.join(str(d) for d in days))
    return back_to_menu(state, kb, now, said, replan=changed)


def _back_button(state: UserState) -> tuple[tuple[Button, ...], ...]:
    return ((dialog_button(state, T.BUTTON_BACK, "back"),),)
