"""/status: region, stage, the next deadlines with days left, the status note of the day with what
it rests on, which text governs the region's procedure that day, own reminders and the stage's
materials as a tickable checklist.

Checklist buttons are global ("g:trk:ck:<stage>:<material>:<1|0>"): /status may be looked at in the
middle of another dialog, and a tick must work there too; the button names the stage and the wanted
state, so an old button for another stage is refused and pressing one twice changes nothing more."""

from __future__ import annotations

import datetime as dt

from core.clock import local_today
from core.model import Button, Event, Outcome, Reply, UserState
from core.text import clip
from dialogs import onboarding, render
from dialogs.buttons import global_button, rows
from dialogs.texts import common as C
from dialogs.texts import tracking as T
from dialogs.tracking.common import GLOBAL_KIND, calendar_of, need_region
from dialogs.words import ALL_WORDS
from knowledge.base import KnowledgeBase
from knowledge.calendar import Calendar, Deadline, Stage
from knowledge.calendar.actors import institution_involved

HORIZON_DAYS = 400
STATUS_DEADLINES = 3
CHECKLIST_LABEL_CHARS = 24
PAST_YEARS = 8  # how far back /status all looks for the texts' past dates
ALL_KEY = "all"  # the global button "g:trk:all": every deadline


def status(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    calendar = calendar_of(state, kb)
    if calendar is None:
        return need_region(state)
    every = event.data.strip().lower() in ALL_WORDS  # /status all: every deadline (newcomer trial 5, N11)
    return Outcome(state, [status_reply(state, calendar, kb, local_today(now), every)])


def horizon_end(today: dt.date) -> str:
    """The last day /status and /remind look ahead to, as said ("2028年1月4日"): a count of days
    ("今后400天内") read oddly to directors."""
    return render.date(today + dt.timedelta(days=HORIZON_DAYS), weekday=False)


def status_reply(state: UserState, calendar: Calendar, kb: KnowledgeBase, today: dt.date, every: bool = False) -> Reply:
    """The /status message and its checklist buttons; the nearest STATUS_DEADLINES deadlines, with a
    button and the command (/status all) for the rest, or every one (`every`)."""
    stage = calendar.stage(state.stage)
    lines = [T.STATUS_TITLE, T.STATUS_REGION.format(region=render.region_name(kb, calendar.region))]
    if stage:
        lines.append(T.STATUS_STAGE.format(stage=stage.name, actor=stage.actor))
        if stage.next_step:
            lines.append(T.STATUS_NEXT_STEP.format(next_step=stage.next_step))
    elif calendar.stages:
        lines.append(T.STATUS_NO_STAGE)
    lines.append("")
    every_one = calendar.deadlines(stage.id if stage else None, today, HORIZON_DAYS)
    # an authorities-only task (省级报国家名单) is not the director's deadline: listed only under 全部 (N12)
    upcoming = every_one if every else [d for d in every_one if institution_involved(d.actor)]
    theirs = len(every_one) - len(upcoming)
    more: tuple[Button, ...] = ()
    shown = upcoming if every else upcoming[:STATUS_DEADLINES]
    if upcoming:
        lines.append(T.STATUS_DEADLINES)
        lines += [render.deadline_lines(d, today) for d in shown]
    else:
        lines.append(T.STATUS_NO_DEADLINES.format(until=horizon_end(today)))
    if every:  # /status all: the texts' past dates too, each rule's last one, marked past (trial 6, N30)
        lines += past_lines(calendar, today)
    if len(upcoming) > len(shown):
        lines.append(T.STATUS_MORE.format(n=len(upcoming) - len(shown), shown=len(shown)))
    if theirs:
        lines.append(T.STATUS_AUTHORITIES.format(n=theirs))
    if len(upcoming) > len(shown) or theirs:
        more = (global_button(T.STATUS_ALL_BUTTON.format(n=len(every_one)), GLOBAL_KIND, ALL_KEY),)
    note = calendar.note_on(today)
    if note:
        lines.append(T.STATUS_NOTE.format(note=note))
        lines += [T.SOURCE_INDENT + render.source_line(s, quote=True) for s in calendar.sources_on(today)]
    procedure = render.procedure(kb, calendar.region, today)
    if procedure:
        lines.append(procedure)
    own = sorted((r for r in state.reminders if r.date >= today), key=lambda r: r.date)
    if own:
        lines += ["", T.STATUS_REMINDERS]
        lines += [
            T.STATUS_REMINDER_LINE.format(date=render.date(r.date), left=render.days_left(r.date, today), title=r.title)
            for r in own
        ]
    buttons: tuple[tuple[Button, ...], ...] = ()
    if stage:
        checklist_text, buttons = checklist(state, stage)
        lines += ["", checklist_text]
    return Reply("\n".join(lines), (more, *buttons) if more else buttons)


def past_lines(calendar: Calendar, today: dt.date) -> list[str]:
    """The last past date of each dated rule of the region's texts (within PAST_YEARS), newest first,
    under a heading saying they are past; [] when there is none."""
    since = today - dt.timedelta(days=PAST_YEARS * 366)
    last: dict[str, Deadline] = {}
    for d in calendar.deadlines(None, since, (today - since).days - 1):
        last[d.title] = d  # in date order: the last one wins
    past = sorted(last.values(), key=lambda d: d.date, reverse=True)
    lines = [T.STATUS_PAST.format(date=render.date(d.date), title=d.title) for d in past]
    return [T.STATUS_PAST_TITLE, *lines] if lines else []


def checklist(state: UserState, stage: Stage) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    """The stage's materials with ☑/☐ and one toggle button each."""
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
        label = T.TICK_BUTTON.format(mark=mark, name=clip(material.name, CHECKLIST_LABEL_CHARS))
        buttons.append(global_button(label, GLOBAL_KIND, f"ck:{stage.id}:{material.id}:{wanted}"))
    done_count = sum(1 for m in stage.materials if m.id in ticked)
    lines.append(T.CHECKLIST_PROGRESS.format(done=done_count, total=len(stage.materials)))
    return "\n".join(lines), rows(buttons, 1)


def on_global(state: UserState, arg: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """Global presses "g:trk:region" and "g:trk:ck:<stage>:<material>:<1|0>"."""
    if arg == "region":
        return onboarding.ask_region(state, kb, now, return_to="stage")
    parts = arg.split(":")
    calendar = calendar_of(state, kb)
    if arg == ALL_KEY and calendar is not None:
        return Outcome(state, [status_reply(state, calendar, kb, local_today(now), every=True)])
    if len(parts) != 4 or parts[0] != "ck" or parts[3] not in ("0", "1") or calendar is None:
        return Outcome(state, [Reply(C.STALE_BUTTON)])
    _, stage_id, material_id, wanted = parts
    stage = calendar.stage(state.stage)
    material = next((m for m in stage.materials if m.id == material_id), None) if stage else None
    if stage is None or stage.id != stage_id or material is None:
        replies = [Reply(T.TICK_STALE)]
        if stage is not None:
            replies.append(status_reply(state, calendar, kb, local_today(now)))
        return Outcome(state, replies)
    ticked = [m for m in state.checklist.get(stage.id, []) if m != material_id]
    if wanted == "1":
        ticked.append(material_id)
    # Keep the calendar's order, so the stored list reads like the checklist.
    order = [m.id for m in stage.materials]
    state.checklist[stage.id] = sorted(set(ticked), key=lambda m: order.index(m) if m in order else len(order))
    text = (T.TICKED if wanted == "1" else T.UNTICKED).format(name=material.name)
    checklist_text, buttons = checklist(state, stage)
    return Outcome(state, [Reply(text + "\n\n" + checklist_text, buttons)])
