"""What the three tracking commands share: the region's calendar and the "choose a region first"
reply."""

from __future__ import annotations

from core.model import Button, Outcome, Reply, UserState
from dialogs.buttons import global_button
from dialogs.texts import tracking as T
from knowledge.base import KnowledgeBase
from knowledge.calendar import Calendar

DIALOG = "tracking"
GLOBAL_KIND = "trk"


def calendar_of(state: UserState, kb: KnowledgeBase) -> Calendar | None:
    """The calendar of the user's region (None without a region or a calendar for it)."""
    return kb.calendars.get(state.region) if state.region else None


def choose_region_button() -> tuple[tuple[Button, ...], ...]:
    """A global "选择地区" button: it opens the region choice and carries on with /stage."""
    return ((global_button(T.CHOOSE_REGION_BUTTON, GLOBAL_KIND, "region"),),)


def need_region(state: UserState) -> Outcome:
    return Outcome(state, [Reply(T.NEED_REGION, choose_region_button())])
