"""Greeting, choosing the region, and /cancel.

The region is read from a button, a number, or the place a director types, through the place lookup
knowledge.places (provinces, main cities, Chongqing's districts): 重庆江北 is not 渝中 (only 渝中's
documents are loaded), and a place not covered is said to be not covered, with the national texts
offered. A question typed at the region prompt is not lost: when it names a covered region, the
region is set and the question answered for it; when it names none, it is answered side by side for
the regions and the region is asked again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.effects import ReplanNudges
from core.model import Event, Outcome, Reply, UserState
from dialogs import qa, render
from dialogs.buttons import dialog_button, rows
from dialogs.dialog import Dialog
from dialogs.intent_words import PLACE_ENDINGS
from dialogs.place_typo_words import homophone_region
from dialogs.qa import details, smalltalk
from dialogs.texts import common as T
from dialogs.texts import qa as QT
from dialogs.words import looks_like_question, parse_choice_index
from knowledge.base import KnowledgeBase
from knowledge.places import places_named, without_places

NAME = "onboarding"
# Small talk at the region prompt answered in one line, the prompt under it: the welcome was just shown.
GREETED_BACK = ("greeting", "arrival", "thanks", "introduction")
DETAILS = "details"  # return_to: the question answered side by side, in full for the region chosen
ASKED = "asked"  # the question answered side by side before the region was chosen (its data key)


def start(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    if state.region:
        name = render.region_name(kb, state.region)
        if state.dialog:
            state.finish()
        return Outcome(state, [Reply(T.GREETING), Reply(T.REGION_UNCHANGED.format(name=name) + T.AFTER_REGION_HINT)])
    state.start(NAME, "region")
    return Outcome(state, [Reply(T.GREETING), *prompt(state, kb, now)])


def choose_region(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """/region, or /region 吉林: the place typed after it is read like a typed answer."""
    if event.data:
        reading = read_place(event.data, kb)
        if reading.region:
            return _set_region(state, reading.region, kb)
        sounded = None if reading.note else _sounded(state, event.data, kb)
        if sounded is not None:
            return sounded
        if reading.note:
            state.start(NAME, "region", {"return_to": None})
            return Outcome(state, [Reply(reading.note), *prompt(state, kb, now)])
    return ask_region(state, kb, now)


@dataclass(frozen=True)
class PlaceReading:
    """What a typed text says about the region: a covered region, or a note for a place that is
    not covered (or only partly); neither when it names no place."""

    region: str | None = None
    note: str | None = None


def read_place(text: str, kb: KnowledgeBase) -> PlaceReading:
    """The region a typed text names. The place named first is where the institution is: a place not
    covered named before a covered one ("河北廊坊的乡镇卫生院，离北京近，能按北京的方案来吗") sets no
    region (newcomer trial 3, F24: it set 北京 and then answered with Beijing's rules)."""
    named = places_named(text, kb.root)
    # where the director says they are (我们是/我在 …), else the first place not named as a model: a place
    # after 按/参考/像/跟 ("能按北京的方案来吗") never sets the region (knowledge.places: PlacesNamed.own)
    first = named.own
    if first is None and named.mentions:
        return PlaceReading()
    if first is not None and first.region is None:
        return PlaceReading(note=T.REGION_NOT_COVERED.format(place=first.name))
    if first is not None and first.covered:
        return PlaceReading(region=first.region)
    if named.covered:
        return PlaceReading(region=named.covered[0])
    if named.partial:
        place = named.partial[0]
        region = render.region_name(kb, place.region or "")
        return PlaceReading(note=T.REGION_PARTIAL.format(place=place.name, region=region))
    if named.uncovered:
        return PlaceReading(note=T.REGION_NOT_COVERED.format(place=named.uncovered[0].name))
    if named.national:
        return PlaceReading(region="national")
    return PlaceReading(region=kb.regions.named_in(text))


def names_a_place(text: str, kb: KnowledgeBase) -> bool:
    """The words name a place (吉林, 长春, 朝阳区, 全国) and nothing else: "换到吉林" changes the region, while
    "我在看床位要求" or "我在吉林，床位要多少" are not a region change."""
    named = places_named(text, kb.root)
    if not named.mentions and not named.national and kb.regions.named_in(text) is None:
        return False
    return not without_places(text, kb.root).strip(PLACE_ENDINGS)


def ask_region(
    state: UserState, kb: KnowledgeBase, now: dt.datetime, return_to: str | None = None, intro: str | None = None
) -> Outcome:
    """Show the region choice (after `intro`, when given); `return_to` names a command to carry on
    with once it is chosen."""
    state.start(NAME, "region", {"return_to": return_to})
    return Outcome(state, [*([Reply(intro)] if intro else []), *prompt(state, kb, now)])


def details_after_region(state: UserState, asked: object, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """详细 typed before any region is chosen: the region asked first, and the question answered before it
    (`asked`) answered in full for that region once it is chosen; with no question before it, said so."""
    if state.dialog != NAME:
        state.start(NAME, "region", {"return_to": None})
    if not isinstance(asked, str) or not asked:
        return Outcome(state, [Reply(T.NOTHING_TO_DETAIL), *prompt(state, kb, now)])
    state.data.update({"return_to": DETAILS, ASKED: asked})
    return Outcome(state, [Reply(T.DETAILS_AFTER_REGION.format(asked=asked)), *prompt(state, kb, now)])


def details_typed(state: UserState, text: str, in_group: bool, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    """详细 typed with no dialog in progress after an answer given side by side (no region): the region
    first, then that question in full for it; with nothing to show, said so (B11, B13). None when the text
    is not such a wish, or details wait to be shown."""
    if state.dialog is not None or not details.wanted(text):
        return None
    asked = state.data.get(ASKED)
    waiting = bool(details.waiting(state))
    if state.region is None and not in_group and (asked or not waiting):
        return details_after_region(state, asked, kb, now)
    return None if waiting else Outcome(state, [Reply(T.NOTHING_TO_DETAIL)])


def remember_asked(state: UserState, text: str, side_by_side: bool) -> None:
    """Keep the question last answered side by side for the regions (no region chosen), for 详细."""
    if state.region is None and state.dialog is None:
        state.data.pop(ASKED, None)
        if side_by_side:
            state.data[ASKED] = text


CHECK = "questionnaire"  # dialogs.questionnaire.flow.NAME, not imported: the questionnaire imports this module


def cancel(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    if state.dialog is None:
        return Outcome(state, [Reply(T.NOTHING_TO_CANCEL)])
    in_check = state.dialog == CHECK
    state.finish()
    return Outcome(state, [Reply(T.CANCELLED_CHECK if in_check else T.CANCELLED)])


def prompt(state: UserState, kb: KnowledgeBase, now: dt.datetime) -> list[Reply]:
    if state.step != "region":
        return []
    choices = [dialog_button(state, f"{i}. {r.name}", f"region:{r.id}") for i, r in enumerate(kb.regions, 1)]
    return [Reply(T.ASK_REGION, rows(choices, 2))]


def on_event(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    region_id: str | None = None
    if event.kind == "press" and event.data.startswith("region:"):
        region_id = event.data.split(":", 1)[1]
        if region_id not in kb.regions.ids:
            region_id = None
    elif event.kind == "text":
        return _typed(state, event.text, kb, now)
    if region_id is None:
        n = len(kb.regions)
        return Outcome(state, [Reply(T.REGION_NOT_UNDERSTOOD.format(n=n)), *prompt(state, kb, now)])
    return _set_region(state, region_id, kb)


def _typed(state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """A number, a place, or a question typed at the region prompt (see the module docstring)."""
    if details.wanted(text):  # 详细 before the region: the question again, in full, once it is chosen (B11)
        return details_after_region(state, state.data.get(ASKED), kb, now)
    index = parse_choice_index(text, len(kb.regions))
    if index is not None:
        return _set_region(state, kb.regions.all[index].id, kb)
    reading = read_place(text, kb)
    question = looks_like_question(text)
    if reading.region:
        outcome = _set_region(state, reading.region, kb)
        if question:  # the question, answered for that region
            answered = qa.answer(outcome.state, text, kb, now)
            return Outcome(answered.state, outcome.replies + answered.replies, outcome.effects + answered.effects)
        if smalltalk.kind_of(text) in (*smalltalk.GREETS, "introduction"):  # 你好，我是吉林省梨树县…院长 (N8)
            outcome.replies[0] = Reply(T.GREET_BACK + outcome.replies[0].text)
        return outcome
    if reading.note and question:  # 上海闵行…想参考下渝中的做法: the question answered, no region set (F24)
        answered = qa.answer(state, text, kb, now)
        return Outcome(state, [*answered.replies, *prompt(state, kb, now)], answered.effects)
    if reading.note:
        return Outcome(state, [Reply(reading.note), *prompt(state, kb, now)])
    talk = None if smalltalk.stray_answer(text) else smalltalk.reply(text, None)
    if talk is not None:  # 你好 just after the welcome: greeted back, never a second welcome (polish 2)
        kind = smalltalk.kind_of(text) or ""
        said = QT.SMALLTALK[kind] if kind in GREETED_BACK else talk.replies[0].text
        return Outcome(state, [Reply(said), *prompt(state, kb, now)])
    if question:  # no region named: answered for each region, then the region asked again
        answered = qa.answer(state, text, kb, now)
        state.data[ASKED] = text
        # an answer that opens by saying no region is chosen needs no second lead saying it (newcomer trial 8, N31)
        said = answered.replies and answered.replies[0].text.startswith((QT.REGION_DIFFERS, QT.SITUATION_NO_REGION))
        lead = [] if said else [Reply(T.ANSWERED_FOR_EACH_REGION)]
        return Outcome(state, [*lead, *answered.replies, *prompt(state, kb, now)], answered.effects)
    sounded = _sounded(state, text, kb)  # 吉临 for 吉林 (newcomer trial 8, N36)
    if sounded is not None:
        return sounded
    n = len(kb.regions)
    return Outcome(state, [Reply(T.REGION_NOT_UNDERSTOOD.format(n=n)), *prompt(state, kb, now)], unread=True)


def _sounded(state: UserState, text: str, kb: KnowledgeBase) -> Outcome | None:
    """A region's name typed with a homophone (dialogs/place_typo_words.py): set, and the reading said."""
    found = homophone_region(text, kb)
    if found is None:
        return None
    outcome = _set_region(state, found[0], kb)
    said = T.REGION_HOMOPHONE.format(typed=text.strip(), name=found[1])
    return Outcome(outcome.state, [Reply(said + outcome.replies[0].text), *outcome.replies[1:]], outcome.effects)


def _set_region(state: UserState, region_id: str, kb: KnowledgeBase) -> Outcome:
    changed = state.region != region_id
    before = state.region
    state.region = region_id
    if state.dialog == "onboarding":
        state.finish()
    effects = [ReplanNudges()] if changed else []
    if not changed:  # 我们其实是长春的, in 吉林 already: said so, not the welcome's hint (newcomer trial 8, N27)
        return Outcome(state, [Reply(T.REGION_UNCHANGED.format(name=render.region_name(kb, region_id)))])
    text = T.REGION_SET.format(name=render.region_name(kb, region_id)) + T.AFTER_REGION_HINT
    if changed and state.stage:
        text += _stage_note(state.stage, before, region_id, kb)
    return Outcome(state, [Reply(text)], list(effects))


def _stage_note(stage_id: str, before: str | None, region_id: str, kb: KnowledgeBase) -> str:
    """What a region change does to the stage set (newcomer trial 4, F34): a stage the new region's calendar
    does not have is said to need setting again; one it names otherwise is said by its new name."""
    old = kb.calendars[before].stage(stage_id) if before in kb.calendars else None
    new = kb.calendars[region_id].stage(stage_id) if region_id in kb.calendars else None
    name = render.region_name(kb, region_id)
    if new is None:
        return T.STAGE_NOT_IN_REGION.format(stage=old.name if old else stage_id, region=name)
    return T.STAGE_IN_REGION.format(stage=new.name, region=name) if old is None or old.name != new.name else ""


DIALOG = Dialog(NAME, prompt, on_event)
