"""The one entry point of the conversation: handle(state, event, kb, now) -> Outcome.

Read top to bottom: input hygiene, commands (dialogs/commands.py), button presses, then text for
the dialog in progress or, when none is, a question for the knowledge base. Every dialog is
registered here. One rule keeps an interruption from losing anything: after a command that keeps the
dialog, an unknown command, a stale button, a global press that did not change the dialog or a
reminder setting typed as words (别提醒了, 推迟一周), the pending question is asked again; a /check in
progress is held while /stage, /remind or /region runs and then resumed (dialogs/suspend.py)."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
import unicodedata

from core.model import Event, Outcome, Reply, UserState
from core.text import clip
from dialogs import admin, asked, buttons, notes_once, onboarding, privacy, qa, questionnaire, suspend, tracking
from dialogs.commands import COMMANDS
from dialogs.dialog import Dialog, GlobalPress
from dialogs.follow_up import asked_again, keep_asked
from dialogs.input_check import MAX_INPUT_CHARS as MAX_INPUT_CHARS  # re-exported: tests and the bot name it here
from dialogs.input_check import clean_text, input_problem
from dialogs.intent_words import region_change, typed_command
from dialogs.region_offer import PRESS as REGION_PRESS
from dialogs.region_offer import offered_midway, place_answered, switch_event
from dialogs.stale_labels import as_words, typed_when_idle
from dialogs.stale_labels import on_screen as stale_on_screen
from dialogs.texts import common as T
from knowledge.base import KnowledgeBase

DEADLINE_WORDS = frozenset({"deadlines", "deadline", "ddl", "dates", "calendar", "schedule"})
COMMAND_NAME_CHARS = 30
# A command typed at the end of a message ("床位要多少 /check", "先问一下：截止日期？/status"): after a space,
# a punctuation mark or a Chinese character, with an optional @bot, and nothing after it.
_TRAILING_COMMAND = re.compile(r"(?<=[\s\u3000-\u303f\uff00-\uffef\u3400-\u9fff?!.,;:])/([A-Za-z]+)(?:@\w+)?\s*$")
# Features asked for in words that act even in the middle of a dialog (删除我的数据 asks to confirm first).
WISHED_MIDWAY = frozenset({"forget", "status", "region", "mydata"})
# Features asked for in words that depend on the region: with none chosen, it is asked first and the wish
# carried out once it is (breakers B11, B24: 提醒我 opened reminders with no region's deadlines to remind of).
REGION_FIRST = frozenset({"stage", "status", "remind"})

DIALOGS: dict[str, Dialog] = {
    d.name: d for d in (onboarding.DIALOG, privacy.DIALOG, tracking.DIALOG, admin.DIALOG, questionnaire.DIALOG)
}

# Global presses that change a chat's settings: in a group only its admins may press them.
GROUP_ADMIN_PRESSES = frozenset({"trk"})
# Global buttons about the director's own institution, private chats only like /check (a situation's
# "带着这些数据做完整自评").
PRIVATE_PRESSES = frozenset({"chk", questionnaire.PLAIN})
# Dialogs that change a chat's settings (reminders, stage): in a group only its admins may answer
# them. Choosing a group's region is open to every member (it only shapes the answers).
GROUP_ADMIN_DIALOGS = frozenset({tracking.DIALOG.name})
# Global buttons ("g:<kind>:<arg>"), valid whatever dialog is in progress.
GLOBAL_PRESSES: dict[str, GlobalPress] = {
    "ask": qa.ask_suggested,
    "more": qa.show_details,
    "trk": tracking.on_global,
    "report": questionnaire.report,
    "chk": questionnaire.start_prefilled,
    questionnaire.PLAIN: questionnaire.start_plain,
    REGION_PRESS: lambda state, arg, kb, now: _switch_region(state, arg, kb, now),
}


def handle(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """Pure: the caller's state is not modified; the new state is in the outcome. A governing-text
    note (📜) already shown in this conversation is given as a short reference (dialogs/notes_once.py)."""
    state = copy.deepcopy(state)
    typed = trailing_command(event.text) if event.kind == "text" else None
    if typed is not None:  # the text first, then the command, as if sent one after the other
        said, name = typed
        first = handle(state, dataclasses.replace(event, text=said), kb, now)
        then = handle(first.state, dataclasses.replace(event, kind="command", text=name, data=""), kb, now)
        said_replies = first.replies
        if _menu_at(then.replies) is not None:  # the command shows its own screen: the pending one is not asked again
            said_replies = _without_pending(first.replies)
        return one_menu(Outcome(then.state, said_replies + then.replies, first.effects + then.effects))
    if event.kind == "command":
        return one_menu(notes_once.once(_command(state, event, kb, now), now))
    if event.kind == "press":
        return one_menu(notes_once.once(_press(state, event, kb, now), now))
    return one_menu(notes_once.once(_text(state, event, kb, now), now))


def one_menu(outcome: Outcome) -> Outcome:
    """One live menu at a time (breaker B6: "床位要多少 /check" mid-check showed the question's buttons and
    继续/重新开始 at once, the first already stale): a dialog's buttons are kept on its newest screen only.
    Global buttons (a suggested question, 详细说明) are valid whatever screen is on, and stay."""
    last = _menu_at(outcome.replies)
    if last is None:
        return outcome
    replies = [r if i == last else _without_dialog_buttons(r) for i, r in enumerate(outcome.replies)]
    return dataclasses.replace(outcome, replies=replies)


def _menu_at(replies: list[Reply]) -> int | None:
    """The index of the last reply with a dialog's buttons."""
    found = [
        i for i, r in enumerate(replies) if any(buttons.parse(b.data)[0] == "dialog" for row in r.buttons for b in row)
    ]
    return found[-1] if found else None


def _without_dialog_buttons(reply: Reply) -> Reply:
    kept = tuple(
        t for t in (tuple(b for b in row if buttons.parse(b.data)[0] != "dialog") for row in reply.buttons) if t
    )
    return reply if kept == reply.buttons else dataclasses.replace(reply, buttons=kept)


def _without_pending(replies: list[Reply]) -> list[Reply]:
    """The replies up to the pending question asked again (T.PENDING_AGAIN and what follows it)."""
    at = next((i for i, r in enumerate(replies) if r.text == T.PENDING_AGAIN), None)
    return replies if at is None else replies[:at]


def trailing_command(text: str) -> tuple[str, str] | None:
    """(the words before, the command's name) for a known command typed at the end of a message with
    words before it ("床位要多少 /check"); None otherwise. The shells turn a message that starts with
    "/" into a command event; one that ends with a command came as text, and its command was lost."""
    found = _TRAILING_COMMAND.search(text)
    if found is None or found[1].lower() not in COMMANDS:
        return None
    said = text[: found.start()].strip()
    return (said, found[1].lower()) if input_problem(said) is None else None


def _command(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    command = COMMANDS.get(event.text)
    if command is None:  # the CLI's `deadlines` (README) is /status in the chat (N21)
        template = T.UNKNOWN_COMMAND_DEADLINES if event.text in DEADLINE_WORDS else T.UNKNOWN_COMMAND
        unknown = Reply(template.format(name=clip(event.text, COMMAND_NAME_CHARS)))
        return with_pending(Outcome(state, [unknown]), kb, now)
    if command.admin and not event.is_admin:
        return Outcome(state, [Reply(T.ADMIN_ONLY)])
    if event.in_group and command.private_only and not (command.group_admins and event.group_admin):
        return Outcome(state, [Reply(T.GROUP_ADMINS_ONLY if command.group_admins else T.GROUP_PRIVATE_ONLY)])
    if command.keeps_dialog:
        at_settings = state.dialog == tracking.DIALOG.name
        run = suspend.held(state) if at_settings else None
        outcome = command.run(state, event, kb, now)
        if at_settings and any(r.buttons for r in outcome.replies):
            # /status at the /stage menu: its screen (the checklist's buttons) replaces the menu, never two
            # live menus in one reply (newcomer trial 9, finding 5); a held /check comes back
            outcome.state.finish()
            return suspend.carry(outcome, run, kb, now, with_pending)
        return with_pending(outcome, kb, now)
    # A /check in progress survives /stage, /remind, /region: held, then resumed (dialogs/suspend.py).
    run = suspend.held(state) if event.text in suspend.SUSPENDING else None
    if run is not None and event.text == "check" and state.dialog != run["dialog"]:
        suspend.restore(state, run)  # /check while it is held: offer to resume it
    outcome = command.run(state, event, kb, now)
    return suspend.carry(outcome, run, kb, now, with_pending, ask_again=event.text != "check")


def _press(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    scope, version, payload = buttons.parse(event.data)
    settings_press = (scope == "dialog" and state.dialog in GROUP_ADMIN_DIALOGS) or (
        scope == "global" and payload.partition(":")[0] in GROUP_ADMIN_PRESSES
    )
    if event.in_group and not event.group_admin and settings_press:
        return Outcome(state, [Reply(T.GROUP_ADMINS_ONLY)])  # a group's settings are its admins' to change
    if scope == "global":
        kind, _, arg = payload.partition(":")
        if event.in_group and kind in PRIVATE_PRESSES:
            return Outcome(state, [Reply(T.GROUP_PRIVATE_ONLY)])
        handler = GLOBAL_PRESSES.get(kind)
        if handler is None:
            return _stale(state, kb, now)
        before = state.version
        outcome = handler(state, arg, kb, now)
        return with_pending(outcome, kb, now) if outcome.state.version == before else outcome
    if scope != "dialog" or version != state.version or state.dialog not in DIALOGS:
        return _stale(state, kb, now)
    press = dataclasses.replace(event, data=payload)
    return _in_dialog(state, press, kb, now)


def _text(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    text = as_words(clean_text(event.text))  # "📖 详细说明" typed: the words 详细说明 (trial 8, N26)
    problem = input_problem(text)
    if problem:
        return with_pending(Outcome(state, [Reply(_on_screen(state, problem, kb, now))]), kb, now)
    event = dataclasses.replace(event, text=text)
    idle = typed_when_idle(state, text, kb, now) if not event.in_group else None
    if idle is not None:  # a figures button's label typed later (N26), or an answer to the figures offer (N17)
        return idle
    pressed = _typed_label(state, text, kb, now) if state.dialog in DIALOGS else None
    if pressed is not None:  # 确定删除 typed at [确定删除] [不删除]: the press, not a wish for /forget (N25)
        return _press(state, dataclasses.replace(event, kind="press", data=pressed), kb, now)
    wish = _wish(state, event, kb, now)
    if wish is not None:
        return wish
    may_change = not event.in_group or event.group_admin  # in a group, its admins change its settings
    if may_change and state.dialog in DIALOGS and not tracking.reads_settings(state):
        # "别提醒了" in the middle of /check or at the /stage menu (trial 9, finding 5): the setting at once,
        # then the pending question again. (The /remind menu reads its own words.)
        setting = tracking.typed_setting(state, text, now)
        if setting is not None:
            return with_pending(setting, kb, now)
    if state.dialog in DIALOGS and (may_change or state.dialog not in GROUP_ADMIN_DIALOGS):
        return _in_dialog(state, event, kb, now)
    if may_change:  # "推迟一周", "别提醒了": a setting, not a question
        setting = tracking.typed_setting(state, text, now) or questionnaire.typed_report(state, text, kb, now)
        if setting is not None:
            return setting
    details = onboarding.details_typed(state, text, event.in_group, kb, now)
    if details is not None:
        return details
    if state.region is None and state.dialog is None and not event.in_group and qa.greets_only(text):
        return onboarding.start(state, event, kb, now)  # 你好 before /start: the welcome and the region, once
    again = asked_again(state, text, kb, now)  # 北京呢 after a question: that question, of 北京
    turn = qa.respond(state, again[0] if again else text, kb, now)
    if state.region and not event.in_group:  # 渝中区 typed in 北京: its texts' overview, and the switch offered
        turn = place_answered(state, text, turn, kb, now, asked_there=again[1] if again else None)
    keep_asked(state, again[0] if again else text, turn, now)
    # "月底 交表", "交年度总结 2027-01-15": a reminder laid out as /remind asks (F19), not a question,
    # even when the search finds an entry about the same matter
    if may_change and (not turn.answered or turn.kind == "search"):
        added = tracking.typed_reminder(state, text, kb, now)
        if added is not None:
            return added
    onboarding.remember_asked(state, text, turn.answered and turn.region is None)
    gate = questionnaire.offer_again(state, kb, now, asked=asked.is_question(text, turn))
    return Outcome(state, [*turn.replies, *gate], qa.effects_for(text, turn, state.region))


def _wish(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    """A feature asked for in words (我想做个自评, 换到吉林, 把我的信息删了), or None. At the region prompt it is
    carried out too; one that needs the region, wished before any is chosen, asks it first and is carried
    out once it is (breakers B11, B24)."""
    text = event.text
    if state.dialog == questionnaire.DIALOG.name:  # 我们其实是北京通州的 mid-/check: offered, not carried out
        offered = offered_midway(state, text, kb)
        if offered is not None:
            return with_pending(Outcome(state, [offered]), kb, now)
    known = frozenset(n for n, c in COMMANDS.items() if not c.admin)
    wished = typed_command(text, known) or _region_said(state, text, kb)
    if wished is None:
        return None
    at_region = state.dialog == onboarding.NAME and wished[0] != "region"
    slash = text[0] in "、／/"
    needs_region = wished[0] in REGION_FIRST and state.region is None and not slash and not event.in_group
    if needs_region and (state.dialog is None or at_region):
        return onboarding.ask_region(state, kb, now, return_to=wished[0], intro=T.WISH_REGION_FIRST)
    if state.dialog is None or at_region or wished[0] in WISHED_MIDWAY or slash:
        return _command(state, dataclasses.replace(event, kind="command", text=wished[0], data=wished[1]), kb, now)
    return None


def _region_said(state: UserState, text: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """("region", place) for a region change in words (换到吉林, 我们是朝阳区的): /region with the place. At the
    region prompt itself the place is read there, keeping the command that asked for it (return_to)."""
    place = region_change(text)
    if place is None or state.dialog == onboarding.NAME or not onboarding.names_a_place(place, kb):
        return None
    return "region", place


def _switch_region(state: UserState, region_id: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """The 切换到… button of a region offer (dialogs/region_offer.py): /region with that region."""
    event = switch_event(region_id, kb)
    return _command(state, event, kb, now) if event is not None else _stale(state, kb, now)


_LABEL_EDGE = re.compile(r"^\s*\d+\s*[.、]\s*|[\s。.!！~～]+$")


def _in_dialog(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """Pass the event to the dialog in progress. A command that had to ask for the region first
    (/check with no region, say) carries on once the region is chosen."""
    assert state.dialog is not None
    return_to = state.data.get("return_to") if state.dialog == onboarding.NAME else None
    asked_before = state.data.get(onboarding.ASKED) if return_to == onboarding.DETAILS else None
    run = suspend.held(state) if state.dialog != questionnaire.DIALOG.name else None
    before = copy.deepcopy(state) if event.kind == "text" else None
    outcome = DIALOGS[state.dialog].on_event(state, event, kb, now)
    stale = stale_on_screen(before, event.text) if before is not None and outcome.unread else None
    if stale is not None:  # 继续, 📖 详细说明 typed at a /check question (newcomer trial 8, N26)
        return with_pending(stale, kb, now)
    reminder = before is not None and outcome.unread and before.dialog not in GROUP_ADMIN_DIALOGS
    if reminder and (not event.in_group or event.group_admin) and before is not None:
        # 提醒我下周三交材料 typed at a /check question: added, and the question asked again (trial 8, N20)
        added = tracking.typed_reminder(copy.deepcopy(before), event.text, kb, now, midway=True)
        if added is not None:
            return with_pending(added, kb, now)
    if before is not None and outcome.unread:  # not an answer to the screen: a question? (dialogs/asked.py)
        outcome = asked.on_screen(before, event.text, outcome, kb, now, with_pending)
    outcome = suspend.carry(outcome, run, kb, now, with_pending)
    if isinstance(asked_before, str) and outcome.state.region and outcome.state.dialog is None:
        more = qa.answer_in_full(outcome.state, asked_before, kb, now)
        return Outcome(more.state, outcome.replies + more.replies, outcome.effects + more.effects)
    command = COMMANDS.get(return_to) if return_to else None
    if command is not None and outcome.state.region and outcome.state.dialog is None:
        more = command.run(outcome.state, Event.command(return_to or ""), kb, now)
        return Outcome(more.state, outcome.replies + more.replies, outcome.effects + more.effects)
    return outcome


def _on_screen(state: UserState, problem: str, kb: KnowledgeBase, now: dt.datetime) -> str:
    """An input problem as the waiting screen words it: an empty message where a figure is asked for asks
    for a number (newcomer trial 2, D19), at a 是/否 or choice question for its options (trial 6, N27);
    a message without words (👍) points at the screen's options (trial 5, N20)."""
    waiting = pending(state, kb, now)
    if problem == T.EMPTY_MESSAGE and any(r.expects_number for r in waiting):
        return T.EMPTY_AWAITING_NUMBER
    if problem == T.EMPTY_MESSAGE and any(r.buttons for r in waiting):
        return T.EMPTY_AWAITING_CHOICE
    return T.NO_WORDS_ON_SCREEN if problem == T.NO_WORDS and waiting else problem


def _typed_label(state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime) -> str | None:
    """The data of the waiting screen's button whose label the text repeats exactly (newcomer trial 6,
    N25: a typed 确定删除 was refused with "请点选按钮"); None when no label matches."""
    said = _LABEL_EDGE.sub("", unicodedata.normalize("NFKC", text))
    for reply in pending(copy.deepcopy(state), kb, now):
        for row in reply.buttons:
            for button in row:
                if button.data.startswith("d") and said and _LABEL_EDGE.sub("", button.label) == said:
                    return button.data
    return None


def _stale(state: UserState, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    return with_pending(Outcome(state, [Reply(T.STALE_BUTTON)]), kb, now)


def with_pending(outcome: Outcome, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """Append the pending question of the dialog in progress, so an interruption loses nothing."""
    waiting = pending(outcome.state, kb, now)
    first_choice = outcome.state.dialog == onboarding.NAME and outcome.state.region is None
    if waiting and not first_choice:  # the first region choice follows no step: nothing to go back to
        outcome.replies.append(Reply(T.PENDING_AGAIN))
    if waiting:
        outcome.replies.extend(waiting)
    return outcome


def pending(state: UserState, kb: KnowledgeBase, now: dt.datetime) -> list[Reply]:
    """The question the dialog in progress is waiting for (empty when idle)."""
    dialog = DIALOGS.get(state.dialog or "")
    return dialog.prompt(state, kb, now) if dialog else []
