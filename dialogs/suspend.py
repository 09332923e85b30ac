"""A /check in progress survives a command that opens another dialog or ends it (/start, /stage,
/remind, /region, /forget answered 不删除).

The questionnaire's step and data are held in the other dialog's data while it runs (SLOT); when that
dialog ends — at once ("/stage 2") or after its own steps — the questionnaire is put back and its
pending question asked again ("我们接着刚才的步骤"). Nothing is dropped, and /check while it is held
resumes it. When the region was changed meanwhile, the held run belongs to the old region: it is let
go, the answers stay in the profile, and the director is told so. Pure, like every dialog."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

from core.effects import ForgetMe
from core.model import Outcome, Reply, UserState
from dialogs import render
from dialogs.questionnaire.flow import NAME as QUESTIONNAIRE
from dialogs.texts import common as T
from knowledge.base import KnowledgeBase

SLOT = "suspended"  # in the data of the dialog running on top: {"dialog", "step", "data"}
# Commands that open a dialog of their own on top of a /check in progress, or act and end at once.
SUSPENDING = frozenset({"start", "stage", "remind", "region", "forget", "check"})

Pending = Callable[[Outcome, KnowledgeBase, dt.datetime], Outcome]


def held(state: UserState) -> dict[str, Any] | None:
    """The questionnaire run to keep: the one in progress, or one already held by the dialog on top."""
    if state.dialog == QUESTIONNAIRE:
        return {"dialog": state.dialog, "step": state.step, "data": copy.deepcopy(state.data)}
    kept = state.data.get(SLOT) if state.dialog else None
    return kept if isinstance(kept, dict) and kept.get("dialog") == QUESTIONNAIRE else None


def restore(state: UserState, run: dict[str, Any]) -> None:
    """Put the held run back as the dialog in progress (a new version: older buttons are stale)."""
    state.dialog, state.step, state.data = run["dialog"], run["step"], copy.deepcopy(run["data"])
    state.version += 1


def carry(
    outcome: Outcome,
    run: dict[str, Any] | None,
    kb: KnowledgeBase,
    now: dt.datetime,
    pending: Pending,
    ask_again: bool = True,
) -> Outcome:
    """After a command or a step of the dialog on top: keep holding `run` while another dialog is in
    progress; once none is, put it back and ask its pending question (`pending` is the router's).
    `ask_again` False: the command itself asked it (/check)."""
    state = outcome.state
    if run is None or any(isinstance(e, ForgetMe) for e in outcome.effects):
        return outcome  # /forget confirmed: everything goes, the held run too
    region = run["data"].get("region")
    if state.dialog == QUESTIONNAIRE and region and state.region and region != state.region:
        state.finish()  # "/region 北京", "换到北京": set at once, under the old region's run — which is let go
    if state.dialog == QUESTIONNAIRE:  # the command acted without opening a dialog ("/stage 2"), or was /check
        return pending(outcome, kb, now) if ask_again else outcome
    if state.dialog is not None:
        state.data[SLOT] = run
        return outcome
    if region and region == state.region:
        restore(state, run)
        return pending(outcome, kb, now)
    if region and state.region:  # another region chosen (after /forget there is none: nothing to say)
        outcome.replies.append(Reply(T.CHECK_LEFT_FOR_REGION.format(region=render.region_name(kb, region))))
    return outcome
