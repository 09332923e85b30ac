"""Admin commands: /stats, /reload and /broadcast (with a confirmation step).

The dialog side only decides what is asked for; the shell carries out the AdminAction effects
(reading statistics, reloading the knowledge base, sending), because those touch storage and the
transport. Only admins reach these functions: the router checks Event.is_admin first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from dialogs.buttons import dialog_button, rows
from dialogs.model import AdminAction, Event, Outcome, Reply, UserState
from dialogs.numbers import parse_yes_no
from dialogs.qa import split_message
from dialogs.texts import admin as T
from dialogs.texts import common
from knowledge.regions import region_by_id, region_ids, region_named_in, regions

BROADCAST_LIMIT = 3000
ALL_REGIONS_WORDS = {"全部", "所有", "all", "全部地区"}


def stats(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    return Outcome(state, [], [AdminAction("stats")])


def reload(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    return Outcome(state, [Reply(T.RELOAD_STARTED)], [AdminAction("reload")])


def broadcast(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    """/broadcast <region> <text>: check both, then ask for confirmation with buttons."""
    word, _, text = event.data.strip().partition(" ")
    text = text.strip()
    if not word or not text:
        return Outcome(state, [Reply(T.BROADCAST_USAGE.format(regions=_region_list()))])
    region = _region_of(word)
    if region is None:
        return Outcome(state, [Reply(T.BROADCAST_UNKNOWN_REGION.format(word=word[:20], regions=_region_list()))])
    if len(text) > BROADCAST_LIMIT:
        return Outcome(state, [Reply(T.BROADCAST_TOO_LONG.format(n=len(text), limit=BROADCAST_LIMIT))])
    state.start("broadcast", "confirm", {"region": region, "text": text})
    return Outcome(state, prompt(state, kb, now))


def prompt(state: UserState, kb: Any, now: dt.datetime) -> list[Reply]:
    if state.step != "confirm" or not state.data.get("text"):
        return []
    region, text = state.data.get("region", "all"), state.data["text"]
    choices = [dialog_button(state, T.BROADCAST_YES, "bc:yes"), dialog_button(state, T.BROADCAST_NO, "bc:no")]
    return [Reply(T.BROADCAST_CONFIRM.format(region=region_label(region), text=text), rows(choices))]


def on_event(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    if not state.data.get("text"):  # a confirmation with nothing to send: end it, send nothing
        state.finish()
        return Outcome(state, [Reply(T.BROADCAST_CANCELLED)])
    pressed = {"bc:yes": True, "bc:no": False}.get(event.data)
    answer = pressed if event.kind == "press" else parse_yes_no(event.text)
    if answer is None:
        return Outcome(state, [Reply(common.YES_NO_PROMPT), *prompt(state, kb, now)])
    region, text = state.data.get("region", "all"), state.data.get("text", "")
    state.finish()
    if not answer:
        return Outcome(state, [Reply(T.BROADCAST_CANCELLED)])
    return Outcome(state, [Reply(T.BROADCAST_STARTED)], [AdminAction("broadcast", region=region, text=text)])


def region_label(region: str) -> str:
    if region == "all":
        return T.BROADCAST_ALL
    found = region_by_id(region)
    return found.name if found else region


def render_stats(
    users_total: int,
    users_active: int,
    by_region_stage: Sequence[tuple[str | None, str | None, int]],
    questions_by_region: Mapping[str, int],
    top_unanswered: Sequence[tuple[str, int]],
) -> list[Reply]:
    """The /stats message from figures the shell read from storage."""
    lines = [T.STATS_TITLE, T.STATS_USERS.format(total=users_total, active=users_active), "", T.STATS_BY_REGION]
    for region, stage, count in by_region_stage:
        name = region_label(region) if region else T.STATS_NO_REGION
        lines.append(T.STATS_REGION_LINE.format(region=name, stage=stage or T.STATS_NO_STAGE, count=count))
    if not by_region_stage:
        lines.append(T.STATS_NONE)
    lines += ["", T.STATS_QUESTIONS.format(total=sum(questions_by_region.values()))]
    for region, count in sorted(questions_by_region.items(), key=lambda kv: -kv[1]):
        name = T.STATS_NO_REGION if region in ("", "none") else region_label(region)
        lines.append(T.STATS_QUESTION_LINE.format(region=name, count=count))
    lines += ["", T.STATS_TOP_UNANSWERED.format(n=len(top_unanswered) or 0)]
    for text, count in top_unanswered:
        lines.append(T.STATS_UNANSWERED_LINE.format(text=_clip(text, 60), count=count))
    if not top_unanswered:
        lines.append(T.STATS_NONE)
    return split_message("\n".join(lines))


def _region_of(word: str) -> str | None:
    if word.lower() in ALL_REGIONS_WORDS:
        return "all"
    if word in region_ids():
        return word
    return region_named_in(word)


def _region_list() -> str:
    return "、".join(r.short for r in regions())


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
