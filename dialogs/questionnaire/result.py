"""The questionnaire's result: the verdict, every criterion grouped by its force (with what that
force does to the verdict), numbers, gap and source, which text governs the conditions on the day,
then the next step and deadline. Also used by `python -m bot check`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from core.clock import local_today
from core.model import Outcome, Reply, UserState
from dialogs import render
from dialogs.buttons import global_button
from dialogs.qa.need import count_needed
from dialogs.questionnaire.flow import Flow
from dialogs.questionnaire.prompts import show_value
from dialogs.questionnaire.summary import FORCES, basic_standard_clash, headline, opening, render_summary
from dialogs.texts import questionnaire as T
from dialogs.type_notes import type_note
from knowledge.base import KnowledgeBase
from knowledge.calendar.actors import next_own_stage, own_deadlines
from knowledge.eligibility import Criterion, CriterionResult, FieldSpec, RuleSet, Verdict, evaluate
from knowledge.eligibility.evaluate import number_text
from knowledge.governing import Governing
from knowledge.texts import FORCE, FORCE_EFFECT

__all__ = ["FORCES", "basic_standard_clash", "finish", "governing_of", "headline", "render_next_step", "render_result"]


APPROX = "approximate_fields"  # state.data: the fields recorded from an approximate figure (约, 来, 多, 左右)


def finish(state: UserState, flow: Flow, kb: KnowledgeBase, now: dt.datetime, recorded: str) -> Outcome:
    """End the run: the result, then the next step with the 生成自评报告 button (global, so it
    stays valid after the questionnaire has ended)."""
    region = state.data.get("region") or state.region or ""
    approximate = [f for f in state.data.get(APPROX, []) if f in flow.specs and state.profile.get(f) is not None]
    state.finish()
    today = local_today(now)
    verdict = evaluate(state.profile, flow.rule_set)
    summary = recorded + "\n\n" + render_summary(verdict, flow.rule_set, kb, state.profile)
    if approximate:  # 三十来张 recorded as 30: the verdict rests on it, and says so (newcomer trial 7, N15)
        figures = [
            T.APPROX_FIGURE.format(label=flow.specs[f].label, value=show_value(flow.specs[f], state.profile[f]))
            for f in approximate
        ]
        head, _, tail = summary.rpartition("\n\n")  # before the closing 逐项结果…见下一条消息
        note = T.VERDICT_ON_APPROX.format(figures=T.APPROX_TITLES_JOIN.join(figures))
        summary = f"{head}\n{note}\n\n{tail}" if head else f"{summary}\n{note}"
    details = render_result(
        verdict, flow.rule_set, flow.specs, kb, today, with_procedure=True, with_headline=False, profile=state.profile
    )
    # the procedure's 📜 note is in the result already (governing_of): not said a second time below
    next_step = render_next_step(verdict, kb, region, state.stage, today, with_procedure=False)
    report_button = global_button(T.REPORT, "report", region)
    return Outcome(state, [Reply(summary), Reply(details), Reply(next_step, ((report_button,),))])


def governing_of(kb: KnowledgeBase, rule_set: RuleSet, today: dt.date) -> list[Governing]:
    """Which text governs, on `today`, each point of the region's procedure its criteria cite (Jilin:
    who may apply, the selection conditions); the procedure when they cite none (national)."""
    cited = kb.governing.cited_points((c.citation for c in rule_set.criteria), today, rule_set.region)
    if cited:
        return [p.governing for p in cited]
    info = kb.governing.regions.get(rule_set.region)
    if info is None or "procedure" not in info.points:
        return []
    return [kb.governing.on(rule_set.region, "procedure", today)]


def _with_procedure(kb: KnowledgeBase, governing: list[Governing], region: str, today: dt.date) -> list[Governing]:
    """`governing` and the region's procedure, once: the result says it, the next step then need not."""
    info = kb.governing.regions.get(region)
    if info is None or "procedure" not in info.points or any(g.point.id == "procedure" for g in governing):
        return governing
    return [*governing, kb.governing.on(region, "procedure", today)]


def render_result(
    verdict: Verdict,
    rule_set: RuleSet,
    fields: Mapping[str, FieldSpec],
    kb: KnowledgeBase,
    today: dt.date,
    with_procedure: bool = False,
    with_headline: bool = True,
    profile: Mapping[str, Any] | None = None,
) -> str:
    """The verdict first, then the criteria by force, each with its icon, numbers, gap and source,
    the rule set's notes, and which text governs the conditions on `today` (and the procedure,
    with_procedure: when the next step below leaves it out). Without the headline (the chat's second
    message, after the summary that has it: summary.py) it opens with 【逐项结果与依据】 instead."""
    if not with_headline:
        details = _details(verdict, rule_set, fields, kb, today, with_procedure, profile or {})
        return T.DETAILS_HEADER + "\n" + "\n".join(details)
    lines = opening(verdict, rule_set, kb)
    shown = {*verdict.failed(), *verdict.awaited()}  # 待核实's figures are not side notes (B12)
    cautions = [r for r in verdict.cautions() if r not in shown and not type_note(r)]  # a type is no caution (N23)
    if cautions:
        lines.append(T.CAUTIONS.format(n=len(cautions)))
    lines += _details(verdict, rule_set, fields, kb, today, with_procedure, profile or {})
    return "\n".join(lines)


def _details(
    verdict: Verdict,
    rule_set: RuleSet,
    fields: Mapping[str, FieldSpec],
    kb: KnowledgeBase,
    today: dt.date,
    with_procedure: bool,
    profile: Mapping[str, Any],
) -> list[str]:
    """The criteria by force, the notes, the governing texts and the disclaimer (lines)."""
    lines: list[str] = []
    for force in FORCES:
        results = verdict.of_force(force)
        if not results:
            continue
        lines += ["", T.SECTION.format(force=FORCE[force], effect=FORCE_EFFECT[force])]
        for r in results:
            lines.extend(_criterion_lines(r, rule_set, fields))
            need = count_needed(r, rule_set, dict(profile), fields) if r.status == "fail" else ""
            if need:  # 每万人口全科医生 short: how many doctors that is for this population (F11)
                lines.append(T.RESULT_INDENT + need.strip())
    if rule_set.notes:
        lines += ["", T.SECTION_NOTES]
        lines.extend(T.NOTE_ITEM.format(note=n) for n in rule_set.notes)
    governing = governing_of(kb, rule_set, today)
    if with_procedure:
        governing = _with_procedure(kb, governing, rule_set.region, today)
    if governing:
        lines += ["", *render.governing_lines(kb, governing)]
    lines += ["", T.DISCLAIMER]
    return lines


def _criterion_lines(result: CriterionResult, rule_set: RuleSet, fields: Mapping[str, FieldSpec]) -> list[str]:
    lines = [T.CRITERION_LINE.format(icon=T.ICONS.get(result.status, "❔"), title=result.title, message=result.message)]
    criterion = rule_set.criterion(result.id)
    gap_line = _gap_line(result, criterion, fields)
    if gap_line:
        lines.append(T.RESULT_INDENT + gap_line)
    if result.force == "disqualifier" and result.status == "fail":
        lines.append(T.DISQUALIFIER_APPLIES)
    lines.append(T.RESULT_INDENT + render.source_line(result.source))
    return lines


def _gap_line(result: CriterionResult, criterion: Criterion | None, fields: Mapping[str, FieldSpec]) -> str:
    """ "还差 2 张" when the criterion's own message does not already say how far off it is; nothing
    for a gap of 0 (a strict limit reached exactly: its message says so, F19)."""
    if not result.gap or result.status not in ("fail", "warning", "not_met") or criterion is None:
        return ""
    if "{gap}" in criterion.messages.fail:
        return ""
    gap = number_text(result.gap, max(criterion.decimals, 1))
    spec = fields.get(criterion.fields[0]) if not criterion.derived else None
    label = spec.label if spec else criterion.title
    if result.unit == "%":
        return T.GAP_PERCENT.format(label=label, gap=gap)
    return T.GAP_UNIT.format(label=label, gap=gap, unit=result.unit)


def render_next_step(
    verdict: Verdict,
    kb: KnowledgeBase,
    region: str,
    stage: str | None,
    today: dt.date,
    with_procedure: bool = True,
) -> str:
    """What to do next for this verdict: the director's own next stage (the one set, or with none
    set the first of theirs with a coming deadline), its materials and its own next deadline, never
    another stage's date nor an authority's task (省卫健委报国家名单)."""
    # only the marks the result shows (a 原则上 miss alone has no ❌ to point at)
    shown = [T.ICONS["fail"]] if any(r.status == "fail" for r in verdict.criteria) else []
    shown += [T.ICONS["warning"]] if verdict.warnings() else []
    marks = T.MARK_SEPARATOR.join(shown)
    if verdict.reported_only:
        advice = T.NEXT_REPORTED_ONLY
    elif verdict.verdict == "eligible" and verdict.reported_missed():  # 待核实 (breaker B12)
        advice = T.NEXT_REPORTED_MISSED
    else:
        advice = T.NEXT[verdict.verdict].format(marks=marks)
    lines = [T.NEXT_HEADER, advice]
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
    procedure = render.procedure(kb, region, today) if with_procedure else ""
    if procedure:
        lines.append(procedure)
    lines.append(T.TRACK_HINT)
    return "\n".join(lines)
