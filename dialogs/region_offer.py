"""A place named where no region change was asked for (newcomer trial 7, N2): offered, never carried out
silently, and never left unsaid.

A bare place typed as a message (渝中区, 全国, 北京朝阳) while another region is chosen is answered as
before, for that place, and a line says the region stays what it was, with a button to switch. A place
the director says they are in (我们其实是北京通州的) in the middle of /check is offered the same way and
the pending question is asked again; the switch, when pressed, lets the run go as /region does.

A bare place is answered with its region's overview entries (what the loaded texts of that place are): the
search on a place name alone found whatever shared its words — 海淀 was told "这个问题我的资料库里没有答案",
长春市 got the 2020 mailing address, 北京 three suggestions but 北京市 an overview (brk9 R4/R5). A place said
with a closing mark or particle (北京。 北京！ 北京吧) is still a bare place (R1/R2)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from core.clock import local_today
from core.model import Event, Reply, UserState
from dialogs import buttons, onboarding, render
from dialogs.intent_words import located_at
from dialogs.qa.entries import with_note
from dialogs.qa.turn import Turn, sources_of
from dialogs.texts import common as T
from dialogs.texts import qa as Q
from knowledge.base import KnowledgeBase
from knowledge.places import places_named

PRESS = "rgn"  # the global press "g:rgn:<region id>": /region with that region


def bare_place(text: str, kb: KnowledgeBase) -> str | None:
    """The region a message that is nothing but a place names (渝中区, 全国, 北京朝阳), or None."""
    if not onboarding.names_a_place(text, kb):
        return None
    return onboarding.read_place(text, kb).region


def stated_place(text: str, kb: KnowledgeBase) -> onboarding.PlaceReading | None:
    """What a statement of where the director is names (我们其实是北京通州的, 我们在上海), or None when the
    text is no such statement."""
    place = located_at(text)
    if place is None or not onboarding.names_a_place(place, kb):
        return None
    return onboarding.read_place(place, kb)


def overview(state: UserState, region_id: str, kb: KnowledgeBase, now: dt.datetime) -> Turn | None:
    """The answer to a bare place: the overview entries of its region's texts (faq `overview`), each
    with its governing note, said to be for that place when it is not the user's; None when it has none."""
    found = tuple(a for a in kb.index.answers if a.overview and region_id in a.regions)
    if not found:
        return None
    texts = [with_note(a, kb, local_today(now)) for a in found]
    if region_id != state.region:
        texts.insert(0, Q.ANSWER_FOR_REGION.format(name=render.region_name(kb, region_id)))
    return Turn("search", "answer", (Reply("\n\n".join(texts)),), region_id, 1.0, found, sources_of(found))


def partial_place(text: str, kb: KnowledgeBase) -> str | None:
    """The covered region inside a place that is nothing but a city or province of which only that region
    is covered (重庆 -> chongqing-yuzhong), or None."""
    if not onboarding.names_a_place(text, kb):
        return None
    named = places_named(text, kb.root)
    if named.covered or named.uncovered or named.national or not named.partial:
        return None
    return named.partial[0].region


def place_answered(
    state: UserState, text: str, turn: Turn, kb: KnowledgeBase, now: dt.datetime, asked_there: str | None = None
) -> Turn:
    """`turn` (the Q&A's for `text`) when the text is no bare place; else the place's overview in its place
    (not what a search on its name found), with the switch offered when it is not the user's region.
    `asked_there`: the region `turn` answers the last question of (北京呢: dialogs/follow_up.py), kept. A
    place only partly covered (重庆 while 吉林 is set) is asked about: "您是想切换到重庆市渝中区吗？" with the
    switch button, like 北京通州 (newcomer trial 9, N13: it got the city plan's "not held" answer and no
    button)."""
    partial = None if asked_there else partial_place(text, kb)
    if partial is not None and partial != state.region:
        return dataclasses.replace(turn, replies=(offer_partial(state, partial, kb),), decision="answer")
    place = asked_there or bare_place(text, kb)
    if place is None:
        return turn
    turn = turn if asked_there else overview(state, place, kb, now) or turn
    if place == state.region:
        return turn
    return dataclasses.replace(turn, replies=(*turn.replies, offer(state, place, kb)))


def offer(state: UserState, region_id: str, kb: KnowledgeBase, in_check: bool = False) -> Reply:
    """The region kept, said, and a button to switch to `region_id`."""
    region = kb.regions.by_id(region_id)
    short = region.short if region is not None else region_id
    template = T.REGION_OFFER_IN_CHECK if in_check else T.REGION_OFFER
    text = template.format(current=render.region_name(kb, state.region or ""), place=render.region_name(kb, region_id))
    button = buttons.global_button(T.REGION_SWITCH_BUTTON.format(short=short), PRESS, region_id)
    return Reply(text, ((button,),))


def offer_partial(state: UserState, region_id: str, kb: KnowledgeBase, in_check: bool = False) -> Reply:
    """A place only partly covered named alone: whether the director means the covered region, the region
    kept, and the switch button."""
    asked = T.REGION_PARTIAL_ASK.format(region=render.region_name(kb, region_id))
    kept = offer(state, region_id, kb, in_check)
    return Reply(asked + kept.text, kept.buttons)


def offered_midway(state: UserState, text: str, kb: KnowledgeBase) -> Reply | None:
    """A place stated (我们其实是北京通州的) or named alone (渝中区) in the middle of /check: the switch
    offered when it is another covered region, the note when it is not covered; None otherwise."""
    reading = stated_place(text, kb)
    partial = partial_place(text, kb) if reading is None else None
    if partial is not None and partial != state.region:
        return offer_partial(state, partial, kb, in_check=True)
    region = reading.region if reading is not None else bare_place(text, kb)
    if region is not None and region != state.region:
        return offer(state, region, kb, in_check=True)
    return Reply(reading.note) if reading is not None and reading.note else None


def switch_event(region_id: str, kb: KnowledgeBase) -> Event | None:
    """The 切换到… button's /region command, as if typed; None for a region no longer covered."""
    region = kb.regions.by_id(region_id)
    return Event.command("region", region.short) if region is not None else None
