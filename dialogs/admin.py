"""Admin commands: /stats, /reload and /broadcast (with a confirmation step), and the wording of
their results.

The dialog side only decides what is asked for; the shell carries out the admin effects (reading
statistics, reloading the knowledge base, sending), because those touch storage and the transport,
and checks the sender's rights again when it does. Only admins reach these functions: the router
checks Event.is_admin first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from core.effects import Broadcast, ReloadKnowledge, ShowStats
from core.model import Event, Outcome, Reply, UserState
from core.text import clip
from dialogs import render
from dialogs.buttons import dialog_button, rows
from dialogs.dialog import Dialog
from dialogs.texts import admin as T
from dialogs.texts import common
from dialogs.words import ALL_REGIONS_WORDS, parse_confirmation
from knowledge.base import KnowledgeBase

NAME = "broadcast"
BROADCAST_LIMIT = 3000
UNANSWERED_CHARS = 60
MAX_FAULTS_SHOWN = 10


def stats(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    return Outcome(state, [], [ShowStats()])


def reload(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    return Outcome(state, [Reply(T.RELOAD_STARTED)], [ReloadKnowledge()])


def broadcast(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """/broadcast <region> <text>: check both, then ask for confirmation with buttons."""
    word, _, text = event.data.strip().partition(" ")
    text = text.strip()
    if not word or not text:
        return Outcome(state, [Reply(T.BROADCAST_USAGE.format(regions=_region_list(kb)))])
    region = _region_of(word, kb)
    if region is None:
        return Outcome(state, [Reply(T.BROADCAST_UNKNOWN_REGION.format(word=word[:20], regions=_region_list(kb)))])
    if len(text) > BROADCAST_LIMIT:
        return Outcome(state, [Reply(T.BROADCAST_TOO_LONG.format(n=len(text), limit=BROADCAST_LIMIT))])
    state.start(NAME, "confirm", {"region": region, "text": text})
    return Outcome(state, prompt(state, kb, now))


def prompt(state: UserState, kb: KnowledgeBase, now: dt.datetime) -> list[Reply]:
    if state.step != "confirm" or not state.data.get("text"):
        return []
    region, text = state.data.get("region", "all"), state.data["text"]
    choices = [dialog_button(state, T.BROADCAST_YES, "bc:yes"), dialog_button(state, T.BROADCAST_NO, "bc:no")]
    return [Reply(T.BROADCAST_CONFIRM.format(region=region_label(kb, region), text=text), rows(choices))]


def on_event(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    if not state.data.get("text"):  # a confirmation with nothing to send: end it, send nothing
        state.finish()
        return Outcome(state, [Reply(T.BROADCAST_CANCELLED)])
    pressed = {"bc:yes": True, "bc:no": False}.get(event.data)
    answer = pressed if event.kind == "press" else parse_confirmation(event.text)
    if answer is None:
        return Outcome(state, [Reply(common.YES_NO_PROMPT), *prompt(state, kb, now)], unread=event.kind == "text")
    region, text = state.data.get("region", "all"), state.data.get("text", "")
    state.finish()
    if not answer:
        return Outcome(state, [Reply(T.BROADCAST_CANCELLED)])
    if not event.is_admin:  # rights are checked when the effect is asked for, not only at /broadcast
        return Outcome(state, [Reply(common.ADMIN_ONLY)])
    return Outcome(state, [Reply(T.BROADCAST_STARTED)], [Broadcast(region=region, text=text)])


DIALOG = Dialog(NAME, prompt, on_event)


def region_label(kb: KnowledgeBase, region: str) -> str:
    """ "全部地区" for "all", else the region's name."""
    return T.BROADCAST_ALL if region == "all" else render.region_name(kb, region)


def render_stats(
    kb: KnowledgeBase,
    users_total: int,
    users_active: int,
    by_region_stage: Sequence[tuple[str | None, str | None, int]],
    questions_by_region: Mapping[str, int],
    top_unanswered: Sequence[tuple[str, int]],
) -> Reply:
    """The /stats message from figures the shell read from storage; stages by their names."""
    lines = [T.STATS_TITLE, T.STATS_USERS.format(total=users_total, active=users_active), "", T.STATS_BY_REGION]
    for region, stage, count in by_region_stage:
        name = region_label(kb, region) if region else T.STATS_NO_REGION
        lines.append(T.STATS_REGION_LINE.format(region=name, stage=_stage_name(kb, region, stage), count=count))
    if not by_region_stage:
        lines.append(T.STATS_NONE)
    lines += ["", T.STATS_QUESTIONS.format(total=sum(questions_by_region.values()))]
    for region, count in sorted(questions_by_region.items(), key=lambda kv: -kv[1]):
        name = T.STATS_NO_REGION if region in ("", "none") else region_label(kb, region)
        lines.append(T.STATS_QUESTION_LINE.format(region=name, count=count))
    lines += ["", T.STATS_TOP_UNANSWERED.format(n=len(top_unanswered) or 0)]
    for text, count in top_unanswered:
        lines.append(T.STATS_UNANSWERED_LINE.format(text=clip(text, UNANSWERED_CHARS), count=count))
    if not top_unanswered:
        lines.append(T.STATS_NONE)
    return Reply("\n".join(lines))


def render_reload(ok: bool, faults: Sequence[str], entries: int, replanned: int) -> Reply:
    """The result of /reload: what was loaded and replanned, or why the new base was refused."""
    if not ok:
        shown = faults[:MAX_FAULTS_SHOWN]
        lines = [T.RELOAD_FAILED.format(n=len(faults), shown=len(shown))]
        lines += [T.RELOAD_FAULT_LINE.format(fault=f) for f in shown]
        return Reply("\n".join(lines))
    return Reply(T.RELOAD_OK.format(entries=entries) + "\n" + T.RELOAD_REPLANNED.format(count=replanned))


def render_broadcast_done(kb: KnowledgeBase, region: str, sent: int, blocked: int, failed: int) -> Reply:
    return Reply(T.BROADCAST_DONE.format(region=region_label(kb, region), sent=sent, blocked=blocked, failed=failed))


def _stage_name(kb: KnowledgeBase, region: str | None, stage: str | None) -> str:
    if not stage:
        return T.STATS_NO_STAGE
    calendar = kb.calendars.get(region) if region else None
    found = calendar.stage(stage) if calendar else None
    return found.name if found else stage


def _region_of(word: str, kb: KnowledgeBase) -> str | None:
    if word.lower() in ALL_REGIONS_WORDS:
        return "all"
    if word in kb.regions.ids:
        return word
    return kb.regions.named_in(word)


def _region_list(kb: KnowledgeBase) -> str:
    return T.REGION_SEPARATOR.join(r.short for r in kb.regions)
