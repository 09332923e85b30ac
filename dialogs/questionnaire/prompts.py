"""What the questionnaire shows for its pending step, and how it shows a value or a number error."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from core.model import Button, Reply, UserState
from dialogs import render
from dialogs.buttons import dialog_button, rows
from dialogs.field_words import BASIC_STANDARD
from dialogs.quantities import ParseError
from dialogs.questionnaire.flow import NUMERIC, Flow, current_flow, has_current, mode
from dialogs.texts import questionnaire as T
from knowledge.base import KnowledgeBase
from knowledge.eligibility import FieldSpec, RuleSet
from knowledge.eligibility.evaluate import number_text
from knowledge.search.model import Source

# Stable shortcuts of the steering buttons in a text front end (the terminal), the same on every
# screen: y keeps or confirms (沿用, 是), n changes (修改, 改为…, 否/重新输入), b 上一步, s 跳过/不清楚,
# w 为什么问这个. Answers (是/否/不清楚, the choices) keep their numbers, and a number typed where a
# quantity is asked is always the quantity.
KEY_YES, KEY_NO, KEY_BACK, KEY_SKIP, KEY_WHY = "y", "n", "b", "s", "w"
TOTAL_SHOWN = "total_shown"  # the question count last shown (intro or 第 i/n 题), state.data


def prompt(state: UserState, kb: KnowledgeBase, now: dt.datetime) -> list[Reply]:
    """The pending question, asked again (after an interruption, a restart or /help)."""
    flow = current_flow(state, kb)
    if flow is None or state.step not in flow.fields:
        return []
    step_mode = mode(state)
    if step_mode == "resume":
        # counted as 第 i/n 题 counts (the questions that matter on the answers so far), and that count
        # remembered: 已答 1/8 then 第 2/7 then 现在共 8 题 disagreed (newcomer trial 7, N26)
        done = len([f for f in state.data.get("answered", []) if f in flow.fields and f in state.profile])
        n = state.data[TOTAL_SHOWN] = flow.number(state.profile, state.step)[1]
        text = T.RESUME_OFFER.format(title=flow.rule_set.title, done=min(done, n), n=n)
        choices = [dialog_button(state, T.RESUME_CONTINUE, "cont"), dialog_button(state, T.RESUME_RESTART, "new")]
        return [Reply(text, rows(choices))]
    spec = flow.spec(state.step)
    i, n = flow.number(state.profile, state.step)
    head = T.PROGRESS.format(i=i, n=n) + spec.question
    shown = state.data.get(TOTAL_SHOWN)
    if isinstance(shown, int) and shown != n:  # 共 7 题, then 第 3/8 题: say why (newcomer trial 6, N14)
        head = (T.TOTAL_MORE if n > shown else T.TOTAL_FEWER).format(d=abs(n - shown), n=n) + "\n" + head
    state.data[TOTAL_SHOWN] = n
    head += "".join("\n" + line for line in reported_lines(flow.rule_set, spec.name))
    first = flow.previous_needed(state.profile, flow.position(state.step)) is None  # no 上一步 on it (N21)
    steer = steer_buttons(state, spec, back=not first)
    if step_mode == "confirm" and state.data.get("confirm") == "earlier":  # dialogs/questionnaire/earlier.py
        return [_earlier_confirmation(state, flow)]
    if step_mode == "confirm":
        return [_confirmation(state, spec)]
    if step_mode == "reuse" and spec.kind == "bool":
        # 是/否 are the answers themselves, never 沿用/修改 (newcomer trial 3, F23: "是" kept 否)
        previous = show_value(spec, state.profile.get(spec.name))
        text = head + "\n" + T.REUSE_OFFER_BOOL.format(value=previous)
        answers = [dialog_button(state, T.YES, "yes"), dialog_button(state, T.NO, "no")]
        if spec.allow_unknown:
            answers.append(dialog_button(state, T.UNKNOWN, "unk"))
        keep_old = dialog_button(state, T.KEEP, "keep", KEY_YES)
        return [Reply(text, (tuple(answers), (keep_old,), steer_buttons(state, spec, skip=False, back=not first)))]
    if step_mode == "reuse":
        offer = T.REUSE_OFFER if spec.kind in NUMERIC else T.REUSE_OFFER_CHOICE
        text = head + "\n" + offer.format(value=show_value(spec, state.profile.get(spec.name)))
        buttons = ((dialog_button(state, T.KEEP, "keep", KEY_YES), dialog_button(state, T.EDIT, "edit", KEY_NO)), steer)
        return [Reply(text, buttons, expects_number=spec.kind in NUMERIC)]
    lines = [head]
    keep: tuple[tuple[Button, ...], ...] = ()
    if spec.name in state.profile and spec.name in state.data.get("answered", []):
        lines.append(T.CURRENT_VALUE.format(value=show_value(spec, state.profile[spec.name])))
    if has_current(state, spec.name):  # 上一步, or filled in from a question: keep it with one press
        label = T.KEEP_PREVIOUS.format(value=show_value(spec, state.profile[spec.name]))
        keep = ((dialog_button(state, label, "keep", KEY_YES),),)
    if spec.kind in NUMERIC:
        lines.append(T.NUMBER_HINT.format(unit_hint=_unit_hint(spec), example=_example(spec)))
        return [Reply("\n".join(lines), (*keep, steer), expects_number=True)]
    if spec.kind == "bool":
        lines.append(T.BOOL_HINT)
        answers = [dialog_button(state, T.YES, "yes"), dialog_button(state, T.NO, "no")]
        if spec.allow_unknown:
            answers.append(dialog_button(state, T.UNKNOWN, "unk"))
        steer_no_skip = steer_buttons(state, spec, skip=False, back=not first)
        return [Reply("\n".join(lines), (tuple(answers), *keep, steer_no_skip))]
    lines.append(T.CHOICE_HINT)
    answers = [dialog_button(state, f"{i}. {label}", f"c{i - 1}") for i, (_, label) in enumerate(spec.choices, 1)]
    return [Reply("\n".join(lines), (*rows(answers, 1), *keep, steer))]


def reported_lines(rule_set: RuleSet, field: str) -> list[str]:
    """The news-reported figures a question's answer is held against (national: 至少有3名全科医师), one
    line each under the question, marked as reported (force `reported`: never deciding alone) (F7)."""
    reported = [c for c in rule_set.criteria if c.secondary and c.fields == (field,)]
    return [T.REPORTED_AT_QUESTION.format(title=c.title.removesuffix(T.REPORTED_TITLE_SUFFIX)) for c in reported]


def _earlier_confirmation(state: UserState, flow: Flow) -> Reply:
    """Asking before an answer typed at this question changes another one's (newcomer trial 9, finding 8)."""
    field = str(state.data.get("earlier"))
    spec = flow.spec(field)
    n, value = flow.number(state.profile, field)[0], show_value(spec, state.data.get("candidate"))
    text = T.CONFIRM_EARLIER.format(typed=state.data.get("typed", ""), n=n, label=spec.label, value=value)
    take = dialog_button(state, T.TAKE_EARLIER.format(value=value), "p1", KEY_YES)
    keep = dialog_button(state, T.KEEP_EARLIER.format(n=n), "p0", KEY_NO)
    return Reply(text, ((take, keep),))


def _confirmation(state: UserState, spec: FieldSpec) -> Reply:
    """Asking before saving a value that may not be meant (flow.py: the three reasons)."""
    candidate = state.data.get("candidate")
    reason = state.data.get("confirm", "percent")
    if reason == "offered":
        previous = show_value(spec, state.profile.get(spec.name))
        typed = state.data.get("typed", "")
        # no typed text: the figure a question stated, beside the answer stored earlier
        said = T.CONFIRM_OFFERED if typed else T.CONFIRM_STATED
        text = said.format(typed=typed, label=spec.label, value=show_value(spec, candidate), previous=previous)
        take = dialog_button(state, T.TAKE_TYPED.format(value=show_value(spec, candidate)), "p1", KEY_NO)
        keep = dialog_button(state, T.KEEP_PREVIOUS.format(value=previous), "keep", KEY_YES)
        return Reply(text, ((take, keep),), expects_number=True)
    if reason == "small":
        typed = state.data.get("typed", "")
        text = T.CONFIRM_SMALL.format(label=spec.label, value=show_value(spec, candidate), typed=typed)
        yes, retype = dialog_button(state, T.YES, "p1", KEY_YES), dialog_button(state, T.RETYPE_BUTTON, "p0", KEY_NO)
        return Reply(text, ((yes, retype),), expects_number=True)
    if reason == "plausible" and spec.plausible is not None:
        low, high = (show_value(spec, v) for v in spec.plausible)
        side = T.BELOW_USUAL if candidate is not None and candidate < spec.plausible[0] else T.ABOVE_USUAL
        text = T.CONFIRM_PLAUSIBLE.format(
            label=spec.label, value=show_value(spec, candidate), low=low, high=high, side=side
        )
        yes, retype = dialog_button(state, T.YES, "p1", KEY_YES), dialog_button(state, T.RETYPE_BUTTON, "p0", KEY_NO)
        return Reply(text, ((yes, retype),), expects_number=True)
    text = T.CONFIRM_PERCENT.format(value=number_text(candidate, 2))
    yes, no = dialog_button(state, T.YES, "p1", KEY_YES), dialog_button(state, T.NO, "p0", KEY_NO)
    return Reply(text, ((yes, no),), expects_number=True)


def steer_buttons(state: UserState, spec: FieldSpec, skip: bool = True, back: bool = True) -> tuple[Button, ...]:
    steer = [dialog_button(state, T.BACK, "back", KEY_BACK)] if back else []
    if skip and spec.allow_unknown:
        steer.append(dialog_button(state, T.SKIP, "unk", KEY_SKIP))
    steer.append(dialog_button(state, T.WHY, "why", KEY_WHY))
    return tuple(steer)


def _unit_hint(spec: FieldSpec) -> str:
    return T.UNIT_HINT.format(unit=spec.unit) if spec.unit and spec.kind != "percent" else ""


def _example(spec: FieldSpec) -> str:
    """An example that fits the field: round and inside its usual range (fields.yaml `plausible`), so
    公共卫生医师数 is not "例如 30" and 辖区常住人口 not "例如 30" (newcomer trial 2, D19)."""
    value = example_value(spec)
    if spec.kind == "percent":
        return T.PERCENT_EXAMPLE.format(value=value)
    return str(value)


def example_value(spec: FieldSpec) -> int:
    """A percentage: the middle of its usual range, to 5; a count or area: the geometric middle of its
    usual range to one significant digit (beds 5–500 -> 50, population 1,000–1,000,000 -> 30,000)."""
    if spec.unit in T.EXAMPLES:  # a year
        return int(T.EXAMPLES[spec.unit])
    if spec.plausible is None:
        return int(T.EXAMPLE_DEFAULT)
    low, high = (float(v) for v in spec.plausible)
    if spec.kind == "percent":
        return max(5, round((low + high) / 2 / 5) * 5)
    middle = math.sqrt(max(low, 1.0) * high)
    digits = 10 ** math.floor(math.log10(middle))
    return max(1, round(middle / digits) * digits)


def show_value(spec: FieldSpec, value: Any) -> str:
    """A stored answer as the director reads it back: "30 张", "78%", "是", "推荐标准", "不清楚"."""
    if value is None:
        return T.VALUE_UNKNOWN
    if spec.kind == "bool":
        return T.VALUE_YES if value else T.VALUE_NO
    if spec.kind == "choice":
        return spec.choice_label(value)
    number = number_text(value, 2)
    if spec.kind == "percent":
        return f"{number}%"
    return f"{number} {spec.unit}".rstrip()


def number_error(spec: FieldSpec, error: ParseError, example: str = "") -> str:
    """The polite message for a quantity that could not be taken, naming what is expected (`example`:
    one the caller knows is taken, for the 约… suggestion of a range or a bound)."""
    unit = "%" if spec.kind == "percent" else spec.unit
    return T.NUMBER_ERRORS[error.reason].format(
        label=spec.label,
        unit=unit,
        unit_hint=_unit_hint(spec),
        example=(example if error.reason in ("range", "bound") else "") or _example(spec).split(" ")[0],
        value=number_text(error.value, 2) if error.value is not None else "",
        min=number_text(spec.min, 2) if spec.min is not None else "",
        max=number_text(spec.max, 2) if spec.max is not None else "",
        seen=error.unit_seen or T.WRONG_UNIT_NONE,
    )


def why(flow: Flow, spec: FieldSpec, kb: KnowledgeBase | None = None) -> Reply:
    """为什么问这个: the criteria that read the field, each with its source and quote, and its help. A
    question about the 基本标准 also gives the figures reported for it (the national rule set's reported
    criteria, each with its provenance): its text is not loaded, and without them a director cannot
    answer (newcomer trial 7, N18)."""
    lines = [T.WHY_HEADER.format(label=spec.label)]
    reasons = [c for c in flow.rule_set.criteria if spec.name in c.fields]
    reported = _reported_figures(spec, kb)
    for c in reasons:
        lines.append(T.WHY_ITEM.format(title=c.title, why=c.why))
        lines.append(T.INDENT + render.source_line(_source(c), quote=True))
    if not reasons:
        lines.append(T.WHY_NONE)
    if reported:
        lines.append(T.WHY_REPORTED_HEAD)
        lines += [T.WHY_REPORTED_ITEM.format(title=c.title) for c in reported]
        sources = {_source(c).document: _source(c) for c in reported}  # one line per report, however many figures
        lines += [T.INDENT + render.source_line(source, quote=False) for source in sources.values()]
    lines.append(T.WHY_HELP.format(help=spec.help))
    return Reply("\n".join(lines))


def _reported_figures(spec: FieldSpec, kb: KnowledgeBase | None) -> list[Any]:
    """The national rule set's reported criteria (figures of the 基本标准 known only from news reports)."""
    national = kb.rules.get("national") if kb is not None and BASIC_STANDARD in spec.label else None
    return [c for c in national.criteria if c.force == "reported"] if national is not None else []


def _source(c: Any) -> Source:
    return c.source or Source(c.citation.document, "", c.citation.section, c.citation.quote)
