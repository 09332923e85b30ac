"""The eligibility questionnaire (/check): one question per message, then a verdict per criterion.

The flow is declared by the region's rule set: its `fields_needed()` are the questions, in order;
the wording of each question is in knowledge/data/fields.yaml. The dialog state is
  step  = the field being asked
  data  = {"region": …, "answered": [fields answered in this run], "mode": …, "candidate": …}
with mode "ask" (the question), "reuse" (上次填的是…，沿用吗), "confirm" (0.75 → 您是指 75% 吗) or
"resume" (/check while a run is in progress: 继续 / 重新开始). Every answer goes into
`state.profile` at once, so the shell saves it with the turn and nothing is lost on a restart.
Each step bumps `state.version`, so a button pressed on an earlier question is answered as stale
by the router instead of answering the current one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from dialogs import onboarding, qa
from dialogs.buttons import dialog_button, global_button, rows
from dialogs.model import Button, Document, Event, Outcome, Reply, UserState
from dialogs.numbers import (
    ParseError,
    asks_why,
    is_back,
    is_continue,
    is_edit,
    is_keep,
    is_restart,
    looks_like_question,
    parse_choice,
    parse_quantity,
    parse_unknown,
    parse_yes_no,
)
from dialogs.texts import common as C
from dialogs.texts import questionnaire as T
from knowledge.eligibility import FieldSpec, RuleSet, Verdict, evaluate, evaluate_criterion, load_fields
from knowledge.eligibility.evaluate import number_text
from knowledge.regions import region_by_id

NAME = "questionnaire"
NUMERIC = ("int", "number", "percent")


# --- Entry points ---------------------------------------------------------------------------------


def check(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    """/check: start the questionnaire for the user's region, or offer to resume the one in progress."""
    if not state.region:
        state.start("onboarding", "region", {"return_to": "check"})
        return Outcome(state, [Reply(T.REGION_FIRST), *onboarding.prompt(state, kb, now)])
    rule_set = kb.rules.get(state.region)
    if rule_set is None:
        if state.dialog == NAME:
            state.finish()
        return Outcome(state, [Reply(T.NO_RULES.format(name=_region_name(state.region)))])
    if state.dialog == NAME and state.data.get("region") == state.region and state.data.get("mode") != "resume":
        state.data["resume_mode"] = state.data.get("mode", "ask")
        _go(state, state.step, "resume")
        return Outcome(state, prompt(state, kb, now))
    if state.dialog == NAME and state.data.get("mode") == "resume":
        return Outcome(state, prompt(state, kb, now))
    flow = Flow(rule_set, _fields(kb))
    first = flow.next_needed(state.profile, 0) or flow.fields[0]
    state.start(NAME, first, {"region": state.region, "answered": []})
    _arrive(state, first)
    replies = prompt(state, kb, now)
    intro = T.INTRO.format(title=rule_set.title, n=len(flow.fields))
    return Outcome(state, [Reply(intro), *replies])


def prompt(state: UserState, kb: Any, now: dt.datetime) -> list[Reply]:
    """The pending question, asked again (after an interruption, a restart or /help)."""
    flow = _flow(state, kb)
    if flow is None or state.step not in flow.fields:
        return []
    mode = state.data.get("mode", "ask")
    if mode == "resume":
        done = len([f for f in state.data.get("answered", []) if f in flow.fields])
        text = T.RESUME_OFFER.format(title=flow.rule_set.title, done=done, n=len(flow.fields))
        choices = [_button(state, T.RESUME_CONTINUE, "cont"), _button(state, T.RESUME_RESTART, "new")]
        return [Reply(text, rows(choices))]
    spec = flow.spec(state.step)
    head = T.PROGRESS.format(i=flow.fields.index(state.step) + 1, n=len(flow.fields)) + spec.question
    steer = _steer_buttons(state, spec)
    if mode == "confirm":
        text = T.CONFIRM_PERCENT.format(value=number_text(state.data.get("candidate"), 2))
        return [Reply(text, ((_button(state, T.YES, "p1"), _button(state, T.NO, "p0")),))]
    if mode == "reuse":
        offer = T.REUSE_OFFER if spec.kind in NUMERIC else T.REUSE_OFFER_CHOICE
        text = head + "\n" + offer.format(value=show_value(spec, state.profile.get(spec.name)))
        buttons = ((_button(state, T.KEEP, "keep"), _button(state, T.EDIT, "edit")), steer)
        return [Reply(text, buttons, expects_number=spec.kind in NUMERIC)]
    lines = [head]
    if spec.name in state.profile and spec.name in state.data.get("answered", []):
        lines.append(T.CURRENT_VALUE.format(value=show_value(spec, state.profile[spec.name])))
    if spec.kind in NUMERIC:
        lines.append(_number_hint(spec))
        return [Reply("\n".join(lines), (steer,), expects_number=True)]
    if spec.kind == "bool":
        lines.append(T.BOOL_HINT)
        answers = [_button(state, T.YES, "yes"), _button(state, T.NO, "no")]
        if spec.allow_unknown:
            answers.append(_button(state, T.UNKNOWN, "unk"))
        return [Reply("\n".join(lines), (tuple(answers), _steer_buttons(state, spec, skip=False)))]
    lines.append(T.CHOICE_HINT)
    answers = [_button(state, f"{i}. {label}", f"c{i - 1}") for i, (_, label) in enumerate(spec.choices, 1)]
    return [Reply("\n".join(lines), (*rows(answers, 1), steer))]


def on_event(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    flow = _flow(state, kb)
    if flow is None:  # the rule set is gone (a reload removed the region): end politely
        region = state.data.get("region") or state.region or ""
        state.finish()
        return Outcome(state, [Reply(T.NO_RULES.format(name=_region_name(region)))])
    if state.step not in flow.fields:  # the rules changed under a run in progress: carry on where we can
        _arrive(state, _first_unanswered(state, flow))
    mode = state.data.get("mode", "ask")
    if event.kind == "press":
        return _press(state, flow, event.data, kb, now)
    text = event.text
    if mode == "resume":
        if is_continue(text) or parse_yes_no(text) is True:
            return _press(state, flow, "cont", kb, now)
        if is_restart(text):
            return _press(state, flow, "new", kb, now)
        return _again(state, kb, now, T.RESUME_NOT_UNDERSTOOD)
    if is_back(text):
        return _back(state, flow, kb, now)
    if asks_why(text):
        return _why(state, flow, kb, now)
    spec = flow.spec(state.step)
    if parse_unknown(text):
        return _answer(state, flow, None, kb, now)
    if mode == "reuse":
        if is_keep(text) or parse_yes_no(text) is True:
            return _answer(state, flow, state.profile.get(spec.name), kb, now)
        if is_edit(text) or parse_yes_no(text) is False:
            _go(state, spec.name, "ask")
            return Outcome(state, prompt(state, kb, now))
    if mode == "confirm":
        yes_no = parse_yes_no(text)
        if yes_no is not None:
            return _press(state, flow, "p1" if yes_no else "p0", kb, now)
    return _typed_answer(state, flow, spec, text, kb, now)


def report(state: UserState, region: str, kb: Any, now: dt.datetime) -> Outcome:
    """The "生成自评报告" button (global: it stays valid after the questionnaire has ended)."""
    rule_set = kb.rules.get(region)
    if rule_set is None:
        return Outcome(state, [Reply(T.NO_RULES.format(name=_region_name(region)))])
    if not any(f in state.profile for f in rule_set.fields_needed()):
        return Outcome(state, [Reply(T.REPORT_NEEDS_ANSWERS)])
    try:
        from dialogs.selfassessment import FORM_REGION, build_docx
    except ImportError:  # the report module is optional: the questionnaire works without it
        return Outcome(state, [Reply(T.REPORT_NOT_AVAILABLE)])
    name = _region_name(region)
    content = build_docx(evaluate(state.profile, rule_set), state.profile, _fields(kb), name, rule_set.title)
    filename = T.REPORT_FILENAME_FORM if region == FORM_REGION else T.REPORT_FILENAME
    return Outcome(state, [Reply(T.REPORT_CAPTION.format(region=name), document=Document(filename, content))])


# --- The flow of one run ------------------------------------------------------------------------


class Flow:
    """The region's rule set, its questions in order, and the field specs."""

    def __init__(self, rule_set: RuleSet, fields: dict[str, FieldSpec]) -> None:
        self.rule_set = rule_set
        self.fields = rule_set.fields_needed()
        self.specs = fields

    def spec(self, name: str) -> FieldSpec:
        return self.specs[name]

    def needed(self, profile: dict[str, Any], name: str) -> bool:
        """Whether the answer can still change a criterion. A field read only together with another
        one may be moot: 城乡结合部 matters for a 乡镇卫生院 and not for a 社区卫生服务中心. Closed
        questions are probed with every possible answer; a number is always needed."""
        spec = self.spec(name)
        for criterion in self.rule_set.criteria:
            if name not in criterion.fields:
                continue
            if len(criterion.fields) == 1 or spec.kind not in ("bool", "choice"):
                return True
            answers = [None, True, False] if spec.kind == "bool" else [None, *(v for v, _ in spec.choices)]
            statuses = {evaluate_criterion({**profile, name: a}, criterion).status for a in answers}
            if len(statuses) > 1:
                return True
        return False

    def next_needed(self, profile: dict[str, Any], start: int) -> str | None:
        return next((f for f in self.fields[start:] if self.needed(profile, f)), None)

    def previous_needed(self, profile: dict[str, Any], before: int) -> str | None:
        return next((f for f in reversed(self.fields[:before]) if self.needed(profile, f)), None)


def _fields(kb: Any) -> dict[str, FieldSpec]:
    """fields.yaml, read once per knowledge base (every turn needs it). The knowledge base's own
    cache dict is used so that a reloaded knowledge base brings its new fields with it."""
    cache = getattr(kb, "_cache", None)
    if cache is None:
        return load_fields(kb.root)
    if "questionnaire_fields" not in cache:
        cache["questionnaire_fields"] = load_fields(kb.root)
    return cache["questionnaire_fields"]


def _flow(state: UserState, kb: Any) -> Flow | None:
    region = state.data.get("region")
    rule_set = kb.rules.get(region) if region else None
    return Flow(rule_set, _fields(kb)) if rule_set is not None else None


def _go(state: UserState, step: str | None, mode: str) -> None:
    """Move to a step/mode; the new version makes buttons of the previous step stale."""
    if mode not in ("resume", "confirm"):  # resume keeps a pending 0.75 → 75% for 继续
        state.data.pop("candidate", None)
    state.step = step
    state.data["mode"] = mode
    state.version += 1


def _arrive(state: UserState, field: str) -> None:
    """Ask a field: offer the stored answer when there is one from an earlier run or region."""
    stored = state.profile.get(field)
    fresh = field not in state.data.get("answered", [])
    _go(state, field, "reuse" if stored is not None and fresh else "ask")


def _first_unanswered(state: UserState, flow: Flow) -> str:
    answered = state.data.get("answered", [])
    return next((f for f in flow.fields if f not in answered), flow.fields[-1])


def _button(state: UserState, label: str, payload: str) -> Button:
    return dialog_button(state, label, payload)


def _steer_buttons(state: UserState, spec: FieldSpec, skip: bool = True) -> tuple[Button, ...]:
    steer = [_button(state, T.BACK, "back")]
    if skip and spec.allow_unknown:
        steer.append(_button(state, T.SKIP, "unk"))
    steer.append(_button(state, T.WHY, "why"))
    return tuple(steer)


def _number_hint(spec: FieldSpec) -> str:
    return T.NUMBER_HINT.format(unit_hint=_unit_hint(spec), example=_example(spec))


def _unit_hint(spec: FieldSpec) -> str:
    return T.UNIT_HINT.format(unit=spec.unit) if spec.unit and spec.kind != "percent" else ""


def _example(spec: FieldSpec) -> str:
    if spec.kind == "percent":
        return T.PERCENT_EXAMPLE
    return T.EXAMPLES.get(spec.unit, T.EXAMPLE_DEFAULT)


def show_value(spec: FieldSpec, value: Any) -> str:
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


# --- Answers --------------------------------------------------------------------------------------


def _press(state: UserState, flow: Flow, payload: str, kb: Any, now: dt.datetime) -> Outcome:
    spec = flow.spec(state.step)
    mode = state.data.get("mode", "ask")
    if payload == "cont" and mode == "resume":
        resumed = state.data.pop("resume_mode", "ask")
        _go(state, state.step, resumed if resumed != "confirm" or "candidate" in state.data else "ask")
        return Outcome(state, prompt(state, kb, now))
    if payload == "new" and mode == "resume":
        state.data["answered"] = []
        state.data.pop("resume_mode", None)
        _arrive(state, flow.fields[0])
        return Outcome(state, [Reply(T.RESTARTED), *prompt(state, kb, now)])
    if mode == "resume":  # a press that makes no sense here: show the choice again
        return _again(state, kb, now, T.RESUME_NOT_UNDERSTOOD)
    if payload == "back":
        return _back(state, flow, kb, now)
    if payload == "why":
        return _why(state, flow, kb, now)
    if payload == "unk":
        return _answer(state, flow, None, kb, now)
    if payload == "keep" and mode == "reuse":
        return _answer(state, flow, state.profile.get(spec.name), kb, now)
    if payload == "edit" and mode == "reuse":
        _go(state, spec.name, "ask")
        return Outcome(state, prompt(state, kb, now))
    if payload == "p1" and mode == "confirm":
        return _answer(state, flow, state.data.get("candidate"), kb, now)
    if payload == "p0" and mode == "confirm":
        _go(state, spec.name, "ask")
        return Outcome(state, [Reply(T.PERCENT_AS_WHOLE), *prompt(state, kb, now)])
    if payload in ("yes", "no") and spec.kind == "bool":
        return _answer(state, flow, payload == "yes", kb, now)
    # isascii: "c²"[1:].isdigit() is true but int("²") fails (forged callback data).
    if payload.startswith("c") and payload[1:].isascii() and payload[1:].isdigit() and spec.kind == "choice":
        index = int(payload[1:])
        if index < len(spec.choices):
            return _answer(state, flow, spec.choices[index][0], kb, now)
    return _again(state, kb, now, C.STALE_BUTTON)


def _typed_answer(state: UserState, flow: Flow, spec: FieldSpec, text: str, kb: Any, now: dt.datetime) -> Outcome:
    if spec.kind == "bool":
        value = parse_yes_no(text)
        if value is not None:
            return _answer(state, flow, value, kb, now)
        return _not_an_answer(state, text, T.BOOL_NOT_UNDERSTOOD, kb, now)
    if spec.kind == "choice":
        choice = parse_choice(text, spec.choices)
        if choice is not None:
            return _answer(state, flow, choice, kb, now)
        return _not_an_answer(state, text, T.CHOICE_NOT_UNDERSTOOD.format(n=len(spec.choices)), kb, now)
    parsed = parse_quantity(text, spec)
    if isinstance(parsed, ParseError):
        return _not_an_answer(state, text, number_error(spec, parsed), kb, now)
    if parsed.confirm_percent:
        _go(state, spec.name, "confirm")
        state.data["candidate"] = parsed.value
        return Outcome(state, prompt(state, kb, now))
    return _answer(state, flow, parsed.value, kb, now, approximate=parsed.approximate)


def _not_an_answer(state: UserState, text: str, problem: str, kb: Any, now: dt.datetime) -> Outcome:
    """A question typed in the middle ("床位使用率怎么算？", "吉卫基层发〔2020〕5号是什么文件？") goes to the
    knowledge base and the pending question follows; anything else gets `problem` and is asked again."""
    if looks_like_question(text):
        outcome = qa.answer(state, text, kb, now)
        outcome.replies.append(Reply(C.PENDING_AGAIN))
        outcome.replies.extend(prompt(state, kb, now))
        return outcome
    return _again(state, kb, now, problem)


def number_error(spec: FieldSpec, error: ParseError) -> str:
    unit = "%" if spec.kind == "percent" else spec.unit
    return T.NUMBER_ERRORS[error.reason].format(
        label=spec.label,
        unit=unit,
        unit_hint=_unit_hint(spec),
        example=_example(spec).split(" ")[0],
        value=number_text(error.value, 2) if error.value is not None else "",
        min=number_text(spec.min, 2) if spec.min is not None else "",
        max=number_text(spec.max, 2) if spec.max is not None else "",
        seen=error.unit_seen or T.WRONG_UNIT_NONE,
    )


def _again(state: UserState, kb: Any, now: dt.datetime, problem: str) -> Outcome:
    return Outcome(state, [Reply(problem), *prompt(state, kb, now)])


def _answer(state: UserState, flow: Flow, value: Any, kb: Any, now: dt.datetime, approximate: bool = False) -> Outcome:
    spec = flow.spec(state.step)
    if value is None and not spec.allow_unknown:
        return _again(state, kb, now, T.MUST_ANSWER)
    state.profile[spec.name] = value
    answered = state.data.setdefault("answered", [])
    if spec.name not in answered:
        answered.append(spec.name)
    recorded = T.RECORDED.format(label=spec.label, value=show_value(spec, value))
    if approximate:
        recorded += T.RECORDED_APPROX
    following = flow.next_needed(state.profile, flow.fields.index(spec.name) + 1)
    if following is not None:
        _arrive(state, following)
        replies = prompt(state, kb, now)
        first = replies[0]
        replies[0] = dataclasses.replace(first, text=recorded + "\n\n" + first.text)
        return Outcome(state, replies)
    return _finish(state, flow, kb, now, recorded)


def _back(state: UserState, flow: Flow, kb: Any, now: dt.datetime) -> Outcome:
    previous = flow.previous_needed(state.profile, flow.fields.index(state.step))
    if previous is None:
        return _again(state, kb, now, T.AT_FIRST)
    _go(state, previous, "ask")
    return Outcome(state, prompt(state, kb, now))


def _why(state: UserState, flow: Flow, kb: Any, now: dt.datetime) -> Outcome:
    spec = flow.spec(state.step)
    lines = [T.WHY_HEADER.format(label=spec.label)]
    reasons = [c for c in flow.rule_set.criteria if spec.name in c.fields]
    for c in reasons:
        lines.append(T.WHY_ITEM.format(title=c.title, why=c.why))
        source = c.source
        document = source.document if source else c.citation.document
        number = T.SOURCE_NUMBER.format(number=source.number) if source and source.number else ""
        lines.append(
            T.SOURCE_LINE.format(document=document, number=number, section=c.citation.section, quote=c.citation.quote)
        )
    if not reasons:
        lines.append(T.WHY_NONE)
    lines.append(T.WHY_HELP.format(help=spec.help))
    return Outcome(state, [*qa.split_message("\n".join(lines)), Reply(C.PENDING_AGAIN), *prompt(state, kb, now)])


# --- The result -----------------------------------------------------------------------------------


def _finish(state: UserState, flow: Flow, kb: Any, now: dt.datetime, recorded: str) -> Outcome:
    region = state.data.get("region") or state.region or ""
    state.finish()
    verdict = evaluate(state.profile, flow.rule_set)
    text = recorded + "\n\n" + render_result(verdict, flow.rule_set, flow.specs)
    replies = qa.split_message(text)
    replies.extend(qa.split_message(render_next_step(verdict, kb, region, state.stage, now.date())))
    last = replies[-1]
    report_button = global_button(T.REPORT, "report", region)
    replies[-1] = dataclasses.replace(last, buttons=((report_button,),))
    return Outcome(state, replies)


def render_result(verdict: Verdict, rule_set: RuleSet, fields: dict[str, FieldSpec]) -> str:
    """The verdict first, then every criterion with its icon, numbers, gap and source."""
    failed = len(verdict.failed()) + len(verdict.warnings())
    lines = [T.VERDICT[verdict.verdict].format(title=rule_set.title, failed=failed, unknown=len(verdict.unknown()))]
    if verdict.conditional:
        lines.append(T.CONDITIONAL)
    for kind, header in (
        ("required", T.SECTION_REQUIRED),
        ("disqualifier", T.SECTION_DISQUALIFIERS),
        ("priority", T.SECTION_PRIORITY),
    ):
        results = [r for r in verdict.criteria if r.kind == kind]
        if not results:
            continue
        lines.append("")
        lines.append(header)
        for r in results:
            lines.extend(_criterion_lines(r, rule_set, fields))
    if rule_set.notes:
        lines.append("")
        lines.append(T.SECTION_NOTES)
        lines.extend(T.NOTE_ITEM.format(note=n) for n in rule_set.notes)
    lines.append("")
    lines.append(T.DISCLAIMER)
    return "\n".join(lines)


def _criterion_lines(result: Any, rule_set: RuleSet, fields: dict[str, FieldSpec]) -> list[str]:
    lines = [T.CRITERION_LINE.format(icon=T.ICONS.get(result.status, "❔"), title=result.title, message=result.message)]
    criterion = rule_set.criterion(result.id)
    gap_line = _gap_line(result, criterion, fields)
    if gap_line:
        lines.append("   " + gap_line)
    if result.kind == "disqualifier" and result.status == "fail":
        lines.append(T.DISQUALIFIER_APPLIES)
    s = result.source
    number = T.SOURCE_NUMBER.format(number=s.number) if s.number else ""
    lines.append(T.RESULT_SOURCE.format(document=s.document, number=number, section=s.section))
    return lines


def _gap_line(result: Any, criterion: Any, fields: dict[str, FieldSpec]) -> str:
    """ "还差 2 张" when the criterion's own message does not already say how far off it is."""
    if result.gap is None or result.status not in ("fail", "warning", "not_met") or criterion is None:
        return ""
    if "{gap}" in criterion.messages.fail:
        return ""
    gap = number_text(result.gap, max(criterion.decimals, 1))
    spec = fields.get(criterion.fields[0]) if not criterion.derived else None
    label = spec.label if spec else criterion.title
    if result.unit == "%":
        return T.GAP_PERCENT.format(label=label, gap=gap)
    return T.GAP_UNIT.format(label=label, gap=gap, unit=result.unit)


def render_next_step(verdict: Verdict, kb: Any, region: str, stage: str | None, today: dt.date) -> str:
    mark = T.WARNING_MARK if verdict.warnings() else ""
    lines = [T.NEXT_HEADER, T.NEXT[verdict.verdict].format(warning_mark=mark)]
    calendar = _calendar(kb, region)
    if calendar is None:
        lines.append(T.NO_CALENDAR)
        return "\n".join(lines)
    current = calendar.stage(stage) or calendar.next_stage(None)
    if current is not None and current.materials:
        lines.append(T.MATERIALS_HEADER.format(stage=current.name))
        lines.extend(T.MATERIAL_ITEM.format(name=m.name) for m in current.materials)
    upcoming = calendar.deadlines(stage, today)
    if upcoming:
        d = upcoming[0]
        lines.append(T.NEXT_DEADLINE.format(date=_date(d.date), title=d.title))
        if d.postponed:
            lines[-1] += T.DEADLINE_POSTPONED.format(original=_date(d.original_date))
        if d.note:
            lines.append(T.DEADLINE_NOTE.format(note=d.note))
        number = T.SOURCE_NUMBER.format(number=d.source.number) if d.source.number else ""
        lines.append(T.DEADLINE_SOURCE.format(document=d.source.document, number=number, section=d.source.section))
    else:
        lines.append(calendar.note_on(today) or T.NO_DEADLINE)
    lines.append(T.TRACK_HINT)
    return "\n".join(lines)


def _calendar(kb: Any, region: str) -> Any:
    """The region's calendar, or None when the knowledge base has none for it (the next step
    then says whom to ask)."""
    return kb.calendars.get(region)


def _date(d: dt.date) -> str:
    return T.DATE_FORMAT.format(y=d.year, m=d.month, d=d.day)


def _region_name(region_id: str) -> str:
    region = region_by_id(region_id)
    return region.name if region else region_id
