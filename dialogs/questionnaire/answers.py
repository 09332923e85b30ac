"""Taking the director's answer to the pending step: typed text or a press of the step's buttons.

The presses are a table (payload → handler) per mode, so every (mode, action) pair is declared in
one place and a test can walk them all. A handler returns None when the press makes no sense in
the current state: the button is then answered as stale and the step asked again."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable

from core.model import Event, Outcome, Reply, UserState
from core.text import chinese_int, clip
from dialogs import render
from dialogs.answer_words import ClosedReading, read_choice, read_yes_no
from dialogs.none_words import says_none, says_unsure
from dialogs.quantities import ParseError, parse_quantity
from dialogs.questionnaire import earlier
from dialogs.questionnaire import elsewhere as typed_parts
from dialogs.questionnaire.approximate import depends_note, not_recorded, spoken_range, taken_example
from dialogs.questionnaire.bounds import decided_above
from dialogs.questionnaire.confirm import figure_confirmation
from dialogs.questionnaire.corrected import corrected
from dialogs.questionnaire.elsewhere import Elsewhere, bare_figure, by_unit, closed_problem, names_a_field, other_fields
from dialogs.questionnaire.flow import Flow, arrive, current_flow, first_unanswered, go, has_current, mode
from dialogs.questionnaire.prompts import number_error, prompt, show_value, why
from dialogs.questionnaire.ratio_said import ratio_at_count
from dialogs.questionnaire.record import again, answer
from dialogs.texts import common as C
from dialogs.texts import questionnaire as T
from dialogs.unit_words import fraction_as_percent
from dialogs.words import asks_why, is_back, is_continue, is_edit, is_keep, is_restart, parse_unknown, parse_yes_no
from knowledge.base import KnowledgeBase
from knowledge.eligibility import FieldSpec
from knowledge.search.normalize import fractions_to_percent

Press = Callable[[UserState, Flow, KnowledgeBase, dt.datetime], Outcome | None]
TYPED_CHARS = 20  # what the director typed, as quoted back in a confirmation
NUMBER_KINDS = ("int", "number", "percent")
BUTTON_INDEX_MAX = 9  # a bare number up to this, typed where buttons were offered, may mean a button
UNCLEAR_SAID = {"unclear": T.BOOL_UNCLEAR, "several": T.BOOL_UNCLEAR, "past": T.PAST_NOT_NOW}  # when none named


def on_event(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    flow = current_flow(state, kb)
    if flow is None:  # the rule set is gone (a reload removed the region): end politely
        region = state.data.get("region") or state.region or ""
        state.finish()
        return Outcome(state, [Reply(T.NO_RULES.format(name=render.region_name(kb, region)))])
    if state.step not in flow.fields:  # the rules changed under a run in progress: carry on where we can
        arrive(state, first_unanswered(state, flow))
    if event.kind == "press":
        return press(state, flow, event.data, kb, now)
    # an earlier answer corrected in words (第2题改成35张, 床位填错了，应该是35张: brk11 B16), else the step's
    return corrected(state, flow, event.text, kb, now) or _typed(state, flow, event.text, kb, now)


def press(state: UserState, flow: Flow, payload: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    table = RESUME_PRESSES if mode(state) == "resume" else PRESSES
    handler = table.get(payload)
    outcome = handler(state, flow, kb, now) if handler else _choice(state, flow, payload, kb, now)
    if outcome is not None:
        return outcome
    problem = T.RESUME_NOT_UNDERSTOOD if mode(state) == "resume" else C.STALE_BUTTON
    return again(state, kb, now, problem)


def _typed(state: UserState, flow: Flow, text: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """Words that steer (继续, 上一步, 为什么问这个, 不清楚, 沿用, 是/否) act like their buttons;
    anything else is an answer to the step."""
    step_mode = mode(state)
    if step_mode == "resume":
        return _resume_typed(state, flow, text, kb, now)
    if is_back(text):
        return press(state, flow, "back", kb, now)
    if asks_why(text):
        return press(state, flow, "why", kb, now)
    # 说不准, 还没统计 at a number question: the figure is not known (F37; at 是/否 "不是很清楚" asks again)
    if parse_unknown(text) or (flow.spec(state.step or "").kind in NUMBER_KINDS and says_unsure(text)):
        return press(state, flow, "unk", kb, now)
    if step_mode != "confirm" and flow.spec(state.step or "").kind == "percent" and says_none(text):
        return press(state, flow, "unk", kb, now)  # 没有 at 满意度是多少: no such figure, so 不清楚 (trial 8, N21)
    if step_mode == "confirm" and state.data.get("candidate") == 0 and says_none(text):
        return press(state, flow, "p1", kb, now)  # 没有 at "全科医生数是 0 人 吗？": yes, none (trial 8, N21)
    yes_no = parse_yes_no(text)
    if step_mode == "reuse":
        reused = _reuse_typed(state, flow, text, yes_no, kb, now)
        if reused is not None:
            return reused
    figure = show_value(flow.spec(state.step or ""), state.data.get("candidate")) if step_mode == "confirm" else ""
    sure = _sure(state, text, figure, yes_no) if step_mode == "confirm" else None
    if sure is not None:
        return press(state, flow, "p1" if sure else "p0", kb, now)
    if step_mode == "confirm" and yes_no is not None:  # "有的，全科康复中医都有": another question's (N4)
        return again(state, kb, now, T.CONFIRM_UNCLEAR.format(typed=clip(text, TYPED_CHARS), value=figure))
    if step_mode == "confirm" and state.data.get("confirm") == "offered" and is_keep(text):
        return press(state, flow, "keep", kb, now)
    if step_mode == "ask" and has_current(state, state.step or "") and is_keep(text):
        return press(state, flow, "keep", kb, now)
    if step_mode == "confirm" and state.data.get("confirm") == "offered" and is_edit(text):
        return press(state, flow, "p1", kb, now)
    if step_mode == "confirm" and typed_parts.same_again(state, flow, text):
        # The same figure typed again at its own confirmation ("1", "1" meaning the first button): still
        # not a choice between the buttons, so it is not taken as a value.
        return again(state, kb, now, T.SAME_AGAIN.format(typed=clip(text, TYPED_CHARS)))
    return _typed_answer(state, flow, flow.spec(state.step or ""), text, kb, now)


def _sure(state: UserState, text: str, figure: str, yes_no: bool | None) -> bool | None:
    """是/否 typed at a confirmation: of the figure, or at 要把第1题改为…吗 plain 是/不用 (earlier.py)."""
    return yes_no if state.data.get("confirm") == earlier.EARLIER else figure_confirmation(text, figure)


def _resume_typed(state: UserState, flow: Flow, text: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    if is_continue(text):  # not 是的: "接着做，还是从头开始？" has no yes (N19)
        return press(state, flow, "cont", kb, now)
    if is_restart(text):
        return press(state, flow, "new", kb, now)
    if names_a_field(flow, text):  # 四十张 at 接着做，还是从头开始: 继续, and the figure read there (N7)
        return _typed(press(state, flow, "cont", kb, now).state, flow, text, kb, now)
    # Anything else is tried as the answer to the question that waits (俩, 有的, 十二个，其中两个…算不算):
    # 继续 with it. What the question cannot read either stays at the gate, flagged unread: a question is
    # answered there (dialogs/asked.py) and the gate asked again (newcomer trial 8, N17). A bare 是/有的
    # answers the gate's own question, not one not on screen: never recorded (N19).
    if parse_yes_no(text) is not None:
        return _not_an_answer(state, text, T.RESUME_NOT_UNDERSTOOD, kb, now)
    resumed = _typed(press(copy.deepcopy(state), flow, "cont", kb, now).state, flow, text, kb, now)
    return resumed if not resumed.unread else _not_an_answer(state, text, T.RESUME_NOT_UNDERSTOOD, kb, now)


def _reuse_typed(
    state: UserState, flow: Flow, text: str, yes_no: bool | None, kb: KnowledgeBase, now: dt.datetime
) -> Outcome | None:
    """At 上次…，沿用吗: 沿用/修改; at a 是/否 question 是/否 are the answer itself (newcomer trial 3, F23)."""
    if is_keep(text):
        return press(state, flow, "keep", kb, now)
    if flow.spec(state.step or "").kind == "bool":
        return _typed_answer(state, flow, flow.spec(state.step or ""), text, kb, now)
    if yes_no is True:
        return press(state, flow, "keep", kb, now)
    return press(state, flow, "edit", kb, now) if is_edit(text) or yes_no is False else None


def _elsewhere(state: UserState, flow: Flow, said: Elsewhere, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """Figures of other questions saved and said; then the pending question's own answer, or the question again."""
    notes = "\n".join(said.notes)
    if said.found:
        outcome = answer(state, flow, said.value, kb, now)
        return Outcome(outcome.state, [Reply(notes), *outcome.replies], outcome.effects)
    return again(state, kb, now, notes + "\n" + T.ELSEWHERE_NOW)


# --- presses -------------------------------------------------------------------------------------


def _continue(state: UserState, flow: Flow, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    resumed = state.data.pop("resume_mode", "ask")
    go(state, state.step, resumed if resumed != "confirm" or "candidate" in state.data else "ask")
    return Outcome(state, prompt(state, kb, now))


def _restart(state: UserState, flow: Flow, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """From question 1, every question asked again with its stored answer offered (沿用/修改) — those filled
    from a question too (newcomer trial 8, N18: 重新开始 went from 第 1 题 to 第 5 题)."""
    state.data["answered"] = []
    state.data.pop("prefilled", None)
    state.data.pop("resume_mode", None)
    arrive(state, flow.fields[0])
    return Outcome(state, [Reply(T.RESTARTED), *prompt(state, kb, now)])


def _back(state: UserState, flow: Flow, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    previous = flow.previous_needed(state.profile, flow.position(state.step or ""))
    if previous is None:
        return again(state, kb, now, T.AT_FIRST)
    go(state, previous, "ask")
    return Outcome(state, prompt(state, kb, now))


def _why(state: UserState, flow: Flow, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    return Outcome(state, [why(flow, flow.spec(state.step or ""), kb), Reply(C.PENDING_AGAIN), *prompt(state, kb, now)])


def _skip(state: UserState, flow: Flow, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    return answer(state, flow, None, kb, now)


def _keep(state: UserState, flow: Flow, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    offered = mode(state) == "confirm" and state.data.get("confirm") == "offered"
    shown = mode(state) == "ask" and has_current(state, state.step or "")  # 目前填的是… (上一步, filled in)
    if mode(state) != "reuse" and not offered and not shown:
        return None
    return answer(state, flow, state.profile.get(flow.spec(state.step or "").name), kb, now)


def _edit(state: UserState, flow: Flow, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    if mode(state) != "reuse":
        return None
    go(state, state.step, "ask")
    return Outcome(state, prompt(state, kb, now))


def _confirmed(state: UserState, flow: Flow, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    """是: the value in question (75 for 0.75, an unusual value, a typed number where 沿用 was offered)."""
    if mode(state) != "confirm":
        return None
    if state.data.get("confirm") == earlier.EARLIER:
        return earlier.settle(state, flow, True, kb, now)
    approximate = bool(state.data.get("approximate"))
    return answer(state, flow, state.data.get("candidate"), kb, now, approximate=approximate)


def _not_confirmed(state: UserState, flow: Flow, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    if mode(state) != "confirm":
        return None
    if state.data.get("confirm") == earlier.EARLIER:
        return earlier.settle(state, flow, False, kb, now)
    said = T.PERCENT_AS_WHOLE if state.data.get("confirm", "percent") == "percent" else T.RETYPE
    go(state, state.step, "ask")
    return Outcome(state, [Reply(said), *prompt(state, kb, now)])


def _yes_no(value: bool) -> Press:
    def pressed(state: UserState, flow: Flow, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
        if flow.spec(state.step or "").kind != "bool":
            return None
        return answer(state, flow, value, kb, now)

    return pressed


def _choice(state: UserState, flow: Flow, payload: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    """ "c<i>": the i-th choice of a choice question (isascii: "c²" is forged data int() rejects)."""
    spec = flow.spec(state.step or "")
    digits = payload[1:]
    if not payload.startswith("c") or not (digits.isascii() and digits.isdigit()) or spec.kind != "choice":
        return None
    index = int(digits)
    return answer(state, flow, spec.choices[index][0], kb, now) if index < len(spec.choices) else None


RESUME_PRESSES: dict[str, Press] = {"cont": _continue, "new": _restart}
PRESSES: dict[str, Press] = {
    "back": _back,
    "why": _why,
    "unk": _skip,
    "keep": _keep,
    "edit": _edit,
    "p1": _confirmed,
    "p0": _not_confirmed,
    "yes": _yes_no(True),
    "no": _yes_no(False),
}


# --- typed answers -------------------------------------------------------------------------------


def _typed_answer(
    state: UserState, flow: Flow, spec: FieldSpec, text: str, kb: KnowledgeBase, now: dt.datetime
) -> Outcome:
    if (elsewhere := other_fields(state, flow, text)) is not None:
        return _elsewhere(state, flow, elsewhere, kb, now)  # "业务用房3200平方米" at 床位使用率 (F3)
    if (offered := earlier.offer(state, flow, text, kb, now)) is not None:
        return offered  # "去年刚评上甲级" at 双向转诊医院数: 要把第1题改为“是”吗 (trial 9, finding 8)
    if (ratio := ratio_at_count(flow, spec, text)) is not None:
        return again(state, kb, now, ratio)  # "年诊疗人次是常住人口的两倍" at 年诊疗人次数 (trial 9, finding 3)
    reuse = mode(state) == "reuse"  # the screen shows 沿用/修改, not the answers: its error names them (N19)
    if spec.kind == "bool":
        value = parse_yes_no(text)
        if value is not None:
            return answer(state, flow, value, kb, now)
        problem = T.REUSE_BOOL_NOT_UNDERSTOOD if reuse else T.BOOL_NOT_UNDERSTOOD
        return _closed(state, flow, read_yes_no(text, spec.question), text, problem, kb, now)
    if spec.kind == "choice":
        problem = T.REUSE_NOT_UNDERSTOOD if reuse else T.CHOICE_NOT_UNDERSTOOD.format(n=len(spec.choices))
        return _closed(state, flow, read_choice(text, spec.choices), text, problem, kb, now)
    share = fraction_as_percent(fractions_to_percent(text)) if spec.kind == "percent" else text  # 四分之一, 3/4
    parsed = parse_quantity(share, spec)
    doubt = typed_parts.figure_with_doubt(text, spec) if isinstance(parsed, ParseError) else None
    if doubt is not None:  # 十二个，其中两个是转岗培训的算不算: the figure, and whom to ask about the part (N16)
        outcome = _typed_answer(state, flow, spec, doubt[0], kb, now)
        return Outcome(outcome.state, [Reply(doubt[1]), *outcome.replies], outcome.effects)
    example = taken_example(spec, kb.fields, state.profile, flow.rule_set) if isinstance(parsed, ParseError) else ""
    if isinstance(parsed, ParseError) and parsed.reason == "range":  # 十几张: an answer, not a question (几)
        if mode(state) == "confirm":  # typed at "是 1 张 吗？": back to the question itself (N20)
            go(state, spec.name, "ask")
        # 2900到3100 against ≥3000: it depends, like 约3000 (N6); else a 约… example this question takes
        note = depends_note(text, spec, kb.fields, state.profile, flow.rule_set)
        if note is None and (low := spoken_range(text, spec, kb.fields)) is not None:  # 十几个 (brk9)
            return answer(state, flow, low, kb, now, True)
        return again(state, kb, now, note or number_error(spec, parsed, example))
    if isinstance(parsed, ParseError) and decided_above(flow, spec, parsed):  # 九成以上 at ≥80 % (F16)
        outcome = answer(state, flow, parsed.value, kb, now)
        said = T.BOUND_TAKEN.format(typed=clip(text, TYPED_CHARS), value=show_value(spec, parsed.value))
        return Outcome(outcome.state, [Reply(said), *outcome.replies], outcome.effects)
    if isinstance(parsed, ParseError) and parsed.reason == "bound":  # 不到九成: an answer, not a question (B4)
        return again(state, kb, now, not_recorded(state, spec, kb.fields, flow.rule_set, text, parsed) or "")
    if isinstance(parsed, ParseError):
        return _not_an_answer(state, text, by_unit(flow, text, parsed) + number_error(spec, parsed, example), kb, now)
    # Confirm before saving what may not be meant: 0.75 for a percentage; a bare "1" typed where 沿用
    # was offered (the first button); a value outside the field's usual range (1 m² of floor area).
    bare = chinese_int(text)
    button_like = bare is not None and 1 <= bare <= BUTTON_INDEX_MAX
    offered = mode(state) == "reuse" or has_current(state, spec.name)
    offered = offered and button_like and bare != state.profile.get(spec.name)
    # A bare 1–9 for a percentage (1% 公卫人员占比) is far more often a button's number typed from
    # another screen (a checklist above the question) than the answer: asked, like an unusual value.
    small = button_like and spec.kind == "percent" and spec.plausible is not None
    kind = "percent" if parsed.confirm_percent else "offered" if offered else "small" if small else "plausible"
    if parsed.confirm_percent or offered or small or spec.implausible(parsed.value):
        go(state, spec.name, "confirm")
        state.data.update(candidate=parsed.value, confirm=kind, typed=clip(text, TYPED_CHARS))
        state.data["approximate"] = parsed.approximate
        return Outcome(state, prompt(state, kb, now))
    # 约30张 against ≥30张: neither 符合 nor 不符合 until the exact figure is known (brief polish 3)
    note = not_recorded(state, spec, kb.fields, flow.rule_set, text, parsed)
    return again(state, kb, now, note) if note else answer(state, flow, parsed.value, kb, now, parsed.approximate)


def _closed(
    state: UserState, flow: Flow, reading: ClosedReading, text: str, problem: str, kb: KnowledgeBase, now: dt.datetime
) -> Outcome:
    """A closed question's reading (dialogs/answer_words.py): a value is recorded, a question answered and
    asked again; several options, a hedge or a past that ended (N23) ask again (trial 3, F6/F7)."""
    label = flow.spec(state.step or "").choice_label
    if reading.kind in ("short", "below"):  # below: 三级医疗事故 at 二级及以上 (N5)
        said = T.READ_BELOW_BAR.format(*reading.named) if reading.kind == "below" else T.READ_AS_NO
        outcome = answer(state, flow, False, kb, now)
        return Outcome(outcome.state, [Reply(said), *outcome.replies], outcome.effects)
    if reading.kind in ("value", "unknown"):  # unknown: 不清楚，要问医保科
        return answer(state, flow, reading.value, kb, now)
    named = T.CHOICE_WHICH_JOIN.join(T.CHOICE_WHICH_ITEM.format(label=label(v)) for v in reading.named)
    if reading.kind in UNCLEAR_SAID:  # past: 以前有，去年收回来了 — the question is about now (N23)
        return again(state, kb, now, T.CHOICE_WHICH.format(named=named) if named else UNCLEAR_SAID[reading.kind])
    if bare_figure(flow, text):  # 不到九成 at 社区卫生服务中心还是乡镇卫生院: a figure, never searched (N7)
        return again(state, kb, now, closed_problem(flow, text, problem))
    return _not_an_answer(state, text, closed_problem(flow, text, problem), kb, now)


def _not_an_answer(state: UserState, text: str, problem: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """Not an answer: `problem` and the question again, flagged unread — a question typed in the middle
    ("床位使用率怎么算？", "吉卫基层发〔2020〕5号是什么文件？") is answered by the router instead, and the
    pending question follows (dialogs/asked.py, the same for every waiting screen)."""
    outcome = again(state, kb, now, problem)
    outcome.unread = True
    return outcome
