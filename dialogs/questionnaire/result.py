"""The questionnaire's result: the verdict, every criterion with its icon, numbers, gap and source,
then the next step and deadline. Also used by `python -m bot check`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from core.clock import local_today
from core.model import Outcome, Reply, UserState
from dialogs import render
from dialogs.buttons import global_button
from dialogs.questionnaire.flow import Flow
from dialogs.texts import questionnaire as T
from knowledge.base import KnowledgeBase
from knowledge.calendar.actors import next_own_stage, own_deadlines
from knowledge.eligibility import Criterion, CriterionResult, FieldSpec, RuleSet, Verdict, evaluate
from knowledge.eligibility.evaluate import number_text

SECTIONS = (
    ("required", T.SECTION_REQUIRED),
    ("disqualifier", T.SECTION_DISQUALIFIERS),
    ("priority", T.SECTION_PRIORITY),
)


def finish(state: UserState, flow: Flow, kb: KnowledgeBase, now: dt.datetime, recorded: str) -> Outcome:
    """End the run: the result, then the next step with the 生成自评报告 button (global, so it
    stays valid after the questionnaire has ended)."""
    region = state.data.get("region") or state.region or ""
    state.finish()
    verdict = evaluate(state.profile, flow.rule_set)
    result = recorded + "\n\n" + render_result(verdict, flow.rule_set, flow.specs)
    next_step = render_next_step(verdict, kb, region, state.stage, local_today(now))
    report_button = global_button(T.REPORT, "report", region)
    return Outcome(state, [Reply(result), Reply(next_step, ((report_button,),))])


def render_result(verdict: Verdict, rule_set: RuleSet, fields: Mapping[str, FieldSpec]) -> str:
    """The verdict first, then every criterion with its icon, numbers, gap and source."""
    failed = len(verdict.failed()) + len(verdict.warnings())
    lines = [T.VERDICT[verdict.verdict].format(title=rule_set.title, failed=failed, unknown=len(verdict.unknown()))]
    if verdict.conditional:
        lines.append(T.CONDITIONAL)
    for kind, header in SECTIONS:
        results = [r for r in verdict.criteria if r.kind == kind]
        if not results:
            continue
        lines += ["", header]
        for r in results:
            lines.extend(_criterion_lines(r, rule_set, fields))
    if rule_set.notes:
        lines += ["", T.SECTION_NOTES]
        lines.extend(T.NOTE_ITEM.format(note=n) for n in rule_set.notes)
    lines += ["", T.DISCLAIMER]
    return "\n".join(lines)


def _criterion_lines(result: CriterionResult, rule_set: RuleSet, fields: Mapping[str, FieldSpec]) -> list[str]:
    lines = [T.CRITERION_LINE.format(icon=T.ICONS.get(result.status, "❔"), title=result.title, message=result.message)]
    criterion = rule_set.criterion(result.id)
    gap_line = _gap_line(result, criterion, fields)
    if gap_line:
        lines.append(T.RESULT_INDENT + gap_line)
    if result.kind == "disqualifier" and result.status == "fail":
        lines.append(T.DISQUALIFIER_APPLIES)
    lines.append(T.RESULT_INDENT + render.source_line(result.source))
    return lines


def _gap_line(result: CriterionResult, criterion: Criterion | None, fields: Mapping[str, FieldSpec]) -> str:
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


def render_next_step(verdict: Verdict, kb: KnowledgeBase, region: str, stage: str | None, today: dt.date) -> str:
    """What to do next for this verdict: the director's own next stage (the one set, or with none
    set the first of theirs with a coming deadline), its materials and its own next deadline, never
    another stage's date nor an authority's task (省卫健委报国家名单)."""
    mark = T.WARNING_MARK if verdict.warnings() else ""
    lines = [T.NEXT_HEADER, T.NEXT[verdict.verdict].format(warning_mark=mark)]
    calendar = kb.calendars.get(region)
    if calendar is None:
        lines.append(T.NO_CALENDAR)
        return "\n".join(lines)
    current = next_own_stage(calendar, stage, today)
    set_stage = calendar.stage(stage)
    if set_stage is not None and set_stage is not current:  # an authority's stage: say who acts
        lines.append(T.STAGE_OF_OTHERS.format(stage=set_stage.name, actor=set_stage.actor))
    if current is not None:
        lines.append(T.OWN_STAGE.format(stage=current.name))
        if current.materials:
            lines.append(T.MATERIALS_HEADER.format(stage=current.name))
            lines.extend(T.MATERIAL_ITEM.format(name=m.name) for m in current.materials)
    upcoming = own_deadlines(calendar, current, today) if current is not None else []
    if upcoming:
        d = upcoming[0]
        left = render.days_left(d.date, today)
        lines.append(T.NEXT_DEADLINE.format(date=render.date(d.date), left=left, title=d.title))
        if d.postponed:
            lines[-1] += T.DEADLINE_POSTPONED.format(original=render.date(d.original_date))
        if d.note:
            lines.append(T.DEADLINE_NOTE.format(note=d.note))
        lines.append(T.RESULT_INDENT + render.source_line(d.source))
    else:
        lines.append(calendar.note_on(today) or T.NO_DEADLINE)
    lines.append(T.TRACK_HINT)
    return "\n".join(lines)
