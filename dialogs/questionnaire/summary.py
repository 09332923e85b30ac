"""The /check result's first message, short enough for a phone (newcomer trial, N16): the verdict, the
notes that qualify it, how many criteria passed, failed, only warn or are unknown, and each one missed
with its gap (还差 5 个百分点). The criteria one by one with their sources follow in the next message
(result.render_result), the next step after that. The headline is shared with the full result."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from core.text import clip
from dialogs.qa.need import needed
from dialogs.texts import questionnaire as T
from dialogs.type_notes import type_note, type_status
from knowledge.base import KnowledgeBase
from knowledge.eligibility import CriterionResult, Force, RuleSet, Verdict
from knowledge.eligibility.derived import DERIVED
from knowledge.eligibility.evaluate import number_text
from knowledge.eligibility.model import BASIC_STANDARD_FIELD
from knowledge.texts import REPORTED_ONLY

TITLE_CHARS = 36  # a criterion's title in the summary
MIN_HEAD = 6  # characters a title keeps before its bracketed gloss is dropped whole
MAX_LISTED = 12  # missed criteria listed by name; more are counted
MAX_UNKNOWN = 5  # unknown criteria named
SUMMARY_CHARS = 900  # the first message of the result, read on a phone (newcomer trial, N16)

# The order the forces are shown in: what decides first, what only informs last.
FORCES: tuple[Force, ...] = ("condition", "disqualifier", "principle", "norm", "reported", "priority")


def render_summary(
    verdict: Verdict,
    rule_set: RuleSet,
    kb: KnowledgeBase,
    profile: Mapping[str, Any] | None = None,
    limit: int = SUMMARY_CHARS,
) -> str:
    """Headline, its qualifying notes, the counts by status, the missed criteria with their gaps, the
    unknown ones by name, and where the details are: at most `limit` characters when the headline and
    its notes allow it (fewer missed criteria are named, the rest counted, until it fits). A ratio
    rule's gap (每万人口全科医生) is said as the count missing for the director's base (还差 11人，按辖区常住人口
    60000人计至少要12人), never as the per-10,000 figure with a bare unit (F17: "还差 1.83人")."""
    listed = MAX_LISTED
    text = _summary(verdict, rule_set, kb, listed, profile or {})
    while len(text) > limit and listed > 1:
        listed -= 1
        text = _summary(verdict, rule_set, kb, listed, profile or {})
    return text


def _summary(verdict: Verdict, rule_set: RuleSet, kb: KnowledgeBase, listed: int, profile: Mapping[str, Any]) -> str:
    lines = opening(verdict, rule_set, kb)
    counts = {s: sum(1 for r in verdict.criteria if r.status == s) for s in T.SUMMARY_COUNTS}
    shown = [T.SUMMARY_COUNTS[s].format(n=n) for s, n in counts.items() if n]
    items = plan_items(rule_set)
    note = ""
    if items is not None:
        split = T.ITEMS_SPLIT if items[0] < len(rule_set.criteria) - items[1] else ""
        vetoes = T.ITEMS_VETOES.format(n=items[1]) if items[1] else ""
        note = T.ITEMS_NOTE.format(items=items[0], split=split, vetoes=vetoes)
    total = T.SUMMARY_TOTAL.format(n=len(verdict.criteria), items=note, counts=T.SUMMARY_SEPARATOR.join(shown))
    lines += ["", total]
    missed = [r for force in FORCES for r in verdict.of_force(force) if r.status in ("fail", "warning")]
    notes = [r for r in missed if type_note(r)]  # the institution's type: said, never "未达到" (N23)
    missed = [r for r in missed if r not in notes]
    if missed:
        deciding = {*verdict.failed(), *verdict.warnings(), *verdict.awaited()}
        # "未达到的" under a 符合 headline read as a contradiction (newcomer trial 4, F2)
        lines.append(T.SUMMARY_MISSED if deciding & set(missed) else T.SUMMARY_NOTES_ONLY)
        lines.extend(_missed_line(r, r in deciding, _gap(r, kb, profile)) for r in missed[:listed])
        if len(missed) > listed:
            lines.append(T.SUMMARY_MORE.format(n=len(missed) - listed))
    lines.extend(
        T.SUMMARY_TYPE_LINE.format(title=short_title(r.title), status=type_status(r, kb.fields, profile)) for r in notes
    )
    unknown = [r for r in verdict.criteria if r.status == "unknown"]
    if unknown:
        names = T.SUMMARY_NAME_SEPARATOR.join(short_title(r.title) for r in unknown[:MAX_UNKNOWN])
        more = T.SUMMARY_ETC.format(n=len(unknown)) if len(unknown) > MAX_UNKNOWN else ""
        lines.append(T.SUMMARY_UNKNOWN.format(names=names, more=more))
    lines += ["", T.SUMMARY_DETAILS_BELOW]
    return "\n".join(lines)


def _gap(r: CriterionResult, kb: KnowledgeBase, profile: Mapping[str, Any]) -> str:
    """ "：还差 5 个百分点", "：还差 2张"; for a ratio rule the count missing for the director's base, or,
    without it, the gap per unit of the base in the ratio's own words (每万人口全科医生数还差 1.83人)."""
    if not r.gap:
        return ""
    gap = number_text(r.gap, 2)
    if r.derived:
        need = needed(r, profile, kb.fields)
        if need is not None and need.have is not None:
            num, den = need.numerator, need.denominator
            return T.SUMMARY_GAP_COUNT.format(
                gap=number_text(need.gap, 2),
                unit=num.unit,
                base_label=den.label,
                base=number_text(need.base, 2),
                base_unit=den.unit,
                label=num.label,
                need=number_text(need.need, 2),
            )
        spec = DERIVED.get(r.derived)
        if spec is not None and spec.kind == "number":
            return T.SUMMARY_GAP_RATIO.format(label=spec.label, gap=gap, unit=r.unit)
    if r.compare.startswith("<"):  # a ceiling (非卫生技术人员低于15%): over it, not short of it
        return T.SUMMARY_OVER_PERCENT.format(gap=gap) if r.unit == "%" else T.SUMMARY_OVER.format(gap=gap, unit=r.unit)
    return T.SUMMARY_GAP_PERCENT.format(gap=gap) if r.unit == "%" else T.SUMMARY_GAP.format(gap=gap, unit=r.unit)


def _missed_line(r: CriterionResult, deciding: bool, gap: str) -> str:
    icon = T.ICONS.get(r.status, T.ICONS["unknown"])
    line = T.SUMMARY_MISSED_LINE.format(icon=icon, title=short_title(r.title)) + gap
    if not deciding and not r.title.endswith(T.SUMMARY_ONLY_NOTE):  # a norm, or a reported figure not deciding
        line += T.SUMMARY_ONLY_NOTE
    return line


_ITEM_NUMBER = re.compile("^" + re.escape(T.ITEM_PREFIX).replace(re.escape("{n}"), r"(\d+)"))


def plan_items(rule_set: RuleSet) -> tuple[int, int] | None:
    """(the plan's numbered items, its disqualifiers) when the rule set's condition titles carry the plan's
    own numbering (渝中: 第1项 … 第11项, 第3项 and 第5项 in two parts each), so counts of questions and
    criteria can be said against the text's "11项" (newcomer trial 8, N25); None for unnumbered plans."""
    numbers = {m[1] for c in rule_set.criteria if c.force == "condition" and (m := _ITEM_NUMBER.match(c.title))}
    if not numbers:
        return None
    return len(numbers), sum(1 for c in rule_set.criteria if c.force == "disqualifier")


def short_title(title: str) -> str:
    """A criterion's title in at most TITLE_CHARS characters: a long one loses its bracketed gloss
    whole ("…不低于25%（人员配备要求，不是建设…" was cut mid-gloss, newcomer trial 4, F2), else is clipped."""
    if len(title) > TITLE_CHARS:
        head = title.split("（", 1)[0]
        if MIN_HEAD <= len(head) <= TITLE_CHARS:
            return head
    return clip(title, TITLE_CHARS)


def opening(verdict: Verdict, rule_set: RuleSet, kb: KnowledgeBase) -> list[str]:
    """The lines a result opens with, in the summary and the full result alike: the headline, a
    basic-standard clash, a verdict resting on reported figures only, and whom to ask when it is
    conditional (原则上)."""
    lines = [headline(verdict, rule_set.title)]
    clash = basic_standard_clash(verdict)
    if clash:
        lines.append(T.BASIC_STANDARD_CLASH.format(titles=T.MISSED_SEPARATOR.join(clash)))
    if verdict.reported_only:
        lines.append(T.REPORTED_ONLY_NOTE.format(note=REPORTED_ONLY))
    unchecked = self_declared_standard(verdict, rule_set, kb)
    if unchecked:
        lines.append(T.BASIC_STANDARD_UNCHECKED.format(figures=T.MISSED_SEPARATOR.join(unchecked)))
    if verdict.conditional:
        info = kb.governing.regions.get(rule_set.region)
        lines.append(T.CONDITIONAL.format(ask=info.ask if info else T.ASK_DEFAULT))
    return lines


def basic_standard_clash(verdict: Verdict) -> list[str]:
    """The reported figures of 《社区医院基本标准（试行）》 the director's own answers miss although they
    answered that resources meet that standard (newcomer N4: 是 to question 1, then 2 全科医生 against
    the reported ≥3, and a green 符合 headline). Titles of those criteria; [] when no clash."""
    said_met = any(BASIC_STANDARD_FIELD in r.fields and r.status == "pass" for r in verdict.criteria)
    if not said_met:
        return []
    return [r.title for r in verdict.criteria if r.force == "reported" and r.status in ("fail", "warning")]


def self_declared_standard(verdict: Verdict, rule_set: RuleSet, kb: KnowledgeBase) -> list[str]:
    """The figures reported for 《社区医院基本标准（试行）》 when the director answered 是 to meeting it and
    this region's questionnaire checks none of them (北京: ✅ 符合 after four questions, the standard one
    self-declared 是, newcomer trial 8, N24): shown as 待核实, each one. [] otherwise."""
    said_met = any(BASIC_STANDARD_FIELD in r.fields and r.status == "pass" for r in verdict.criteria)
    national = kb.rules.get("national")
    if not said_met or national is None or any(c.force == "reported" for c in rule_set.criteria):
        return []
    return [c.title.removesuffix(T.REPORTED_TITLE_SUFFIX) for c in national.criteria if c.force == "reported"]


def headline(verdict: Verdict, title: str) -> str:
    """ "❌ 自评结论：不符合（…中 2 项必备条件未达到，存在 1 项否决情形）": the verdict and, when it is
    not met, what it rests on, counted by force; a verdict resting only on news-reported figures says so,
    and an eligible one with reported figures missed is 待核实 (⚠️), never ✅ (breaker B12)."""
    if verdict.verdict == "eligible" and verdict.reported_missed():
        return T.VERDICT["reported_missed"].format(title=title, n=len(verdict.reported_missed()))
    if verdict.verdict == "eligible":
        return T.VERDICT["eligible"].format(title=title)
    if verdict.verdict == "incomplete":
        return T.VERDICT["incomplete"].format(unknown=len(verdict.unknown()))
    counts = {f: 0 for f in FORCES}
    for r in (*verdict.failed(), *verdict.warnings()):
        counts[r.force] += 1
    missed = T.MISSED_SEPARATOR.join(T.MISSED[f].format(n=n) for f, n in counts.items() if n and f in T.MISSED)
    if verdict.reported_only:
        key = "reported_only"
    elif verdict.conditional:
        key = "conditional"
    else:
        key = "not_eligible"
    return T.VERDICT[key].format(title=title, missed=missed)
