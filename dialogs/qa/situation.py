"""Situational questions ("我们卫生院床位40张、使用率70%，在吉林能申请吗"): the facts in the question
become a partial profile (dialogs/qa/facts.py), the region's rules run on it
(knowledge.eligibility.evaluate), and the answer gives each stated criterion ✅/❌ with the gap, by
its force (norms, reported figures and priorities never decide), names the deciding criteria still
unknown, cites the rules, and offers /check with those answers already filled in.

A ratio the rules compare (全科医生 per 10,000 residents, 年诊疗人次 per resident) is also said as
the count it asks for: "按常住人口80000人计，全科医生至少要16人，现有15人，还差1人".

A range or an approximate figure (床位二三十张, 七八万人, 三千左右, 七成多) is read as its two ends
(facts.py), and the rules run on every corner of the stated ranges: a criterion gets ✅/❌ only when
every corner gives it the same status (the whole range is on one side of the limit), else "要看准确
数字" with the limit. A bound (没有30张床, 使用率超过80%) is a one-sided range: decided on its
interval (dialogs/qa/bounds.py), and where it lies across the limit it is the same "要看准确数字".
Neither ranges nor bounds are pre-filled for /check, which asks for one number."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from core.model import Reply
from dialogs import render
from dialogs.qa.bounds import Bound
from dialogs.qa.bounds import apply as apply_bounds
from dialogs.qa.counts import Told, said_counts
from dialogs.qa.facts import Stated, read_all, read_situation
from dialogs.qa.need import count_needed, share_needed
from dialogs.qa.ratios import stated_ratios
from dialogs.qa.saved import saved_answers
from dialogs.qa.situation_gate import another_question, others_met
from dialogs.qa.situation_grade import read_with_type
from dialogs.qa.situation_lines import (
    criterion_line,
    governing_short,
    headline,
    range_message,
    short_figure,
    short_range,
    source_lines,
    unknown_line,
)
from dialogs.qa.situation_notes import NUMERIC, notes_below, others_said
from dialogs.qa.situation_offer import check_offer, laid_out
from dialogs.qa.turn import Turn
from dialogs.qa.unread import nothing_read
from dialogs.texts import qa as T
from dialogs.texts.questionnaire import ICONS, TYPE_ICON
from dialogs.type_notes import TYPE_FIELDS, type_note, type_status
from knowledge.base import KnowledgeBase
from knowledge.eligibility import CriterionResult, FieldSpec, RuleSet, Verdict, evaluate
from knowledge.eligibility.model import BASIC_STANDARD_FIELD, DECIDING
from knowledge.search.model import Source

MAX_UNKNOWN = 8
MAX_RANGED = 4  # ranges whose corners are all tried (2**4 evaluations); beyond that, low ends and high ends


def reply(
    text: str,
    regions: tuple[str, ...],
    kb: KnowledgeBase,
    state: Any,
    search_sure: bool,
    today: dt.date,
    brief: bool = False,
) -> Turn | None:
    """The verdict on the situation a question describes, or None when it describes none.

    `regions`: the region asked about (one), or () when none is known (each region's rules that
    read the facts are run). `search_sure`: the search has a sure answer, which wins over a verdict
    that only yes/no facts deciding nothing would give. `brief`: under the answer to a question asked
    beside the facts (dialogs/qa/situation_asked.py) — the conditions still unknown are not listed."""
    reading = read_all(text, kb.fields)
    stated = reading.found
    # a ratio said as such (全科医生每万人1.5个) is judged as the rule's own quantity (N4/N5)
    ratios = stated_ratios(text)
    said = {name: value for name, (value, _) in ratios.items()}
    reading = replace(reading, aside=(*reading.aside, *(words for _, words in ratios.values())))
    if not stated and not said:
        return nothing_read(text, reading, regions, kb.fields)
    numbers = bool(said) or any(kb.fields[f].kind in NUMERIC for f in stated)
    if another_question(text, numbers, kb):
        return None
    profile = {f: s.value for f, s in stated.items() if not s.bound}
    ranges = {f: s for f, s in stated.items() if s.ranged}
    # a bound is a one-sided range (its one end, open or closed); decided on its interval (bounds.py)
    bounds = {f: Bound(s.bound, float(s.value)) for f, s in stated.items() if s.bound}
    candidates = regions or tuple(r for r in kb.regions.ids if r in kb.rules)
    verdicts, saved_by = [], {}
    for r in candidates:
        rule_set = kb.rules[r].weighed() if r in kb.rules else None  # with the plan's work targets
        if rule_set is not None:
            saved = saved_by[r] = saved_answers(state, stated, rule_set, text)  # /check answers for the unsaid (N6)
            verdict, depends = _evaluate_ranges({**saved, **profile, **said}, ranges, rule_set)
            verdict, by_bound = apply_bounds(verdict, rule_set, bounds, kb.fields)
            # a bound across the limit (不到40张 against ≥30) depends on the exact figure like a range
            depends |= {r.id for r in verdict.criteria if r.id in by_bound and r.status == "unknown"}
            shown = _stated(verdict, rule_set, {**saved, **profile, **said}, kb.fields, by_bound)
            shown = read_with_type(shown, rule_set, stated)  # 乙级社区卫生服务中心: 社区甲级, not 乡镇乙级以上
            if shown:
                verdicts.append((rule_set, verdict, shown, depends))
    vias = {}
    for r in regions:
        own = [v for v in verdicts if v[0].region == r]
        via = _via_basic_standard(kb, r, own, profile, ranges, bounds, today)
        if via is not None:
            vias[r] = via
    if not verdicts and not vias:
        return None
    decides = any(r.force in DECIDING and r.status != "unknown" for _, _, shown, _ in verdicts for r in shown)
    # 城乡结合部的乡镇卫生院能纳入吗: the type norm met by the fact said is the answer (devblind d167)
    decides = decides or any(_by_other(r, profile) for _, _, shown, _ in verdicts for r in shown)
    if not numbers and not decides and search_sure:
        return None
    many = len({*(v[0].region for v in verdicts), *vias}) > 1
    judged = {**profile, **said}  # a ratio said as such is shown with its gap (N4)
    told = said_counts(text, kb.fields)  # 编制80个，公卫18个: the count the share asks of that whole
    others = others_met(text)
    listed = not brief and not others  # 其他都达标了: no unknown to list (d3008)
    blocks = _blocks(kb, candidates, verdicts, vias, judged, ranges, today, many, listed, told=told)
    short = _blocks(kb, candidates, verdicts, vias, judged, ranges, today, many, listed, short=True, told=told)
    lead = [T.SITUATION_COMPARED if len(regions) > 1 else T.SITUATION_NO_REGION] if many else []
    said_met = others_said(kb, verdicts) if others else []
    notes = [*said_met, *notes_below(text, reading, kb, verdicts, vias, saved_by, many)]
    tail, buttons = check_offer(state, kb, verdicts, profile, ranges, bounds, many)
    full = "\n\n".join([*lead, *(b for b, _ in blocks), *notes, T.SITUATION_DISCLAIMER, *tail])
    body = ("\n\n" if many else "\n").join(b for b, _ in short)  # a blank line between regions
    text_shown, more = laid_out(state, full, "\n".join([*lead, body, *notes, *tail]))
    rows = (tuple([*buttons, *more]),) if buttons or more else ()
    sources = tuple(dict.fromkeys(s for _, ss in blocks for s in ss))
    region = verdicts[0][0].region if len(verdicts) == 1 and not many else (regions[0] if len(regions) == 1 else None)
    return Turn("situation", "answer", (Reply(text_shown, rows),), region, 1.0, (), sources)


def _says_more(r: CriterionResult, profile: Mapping[str, Any]) -> bool:
    """A criterion without a figure whose own explanation the short layout keeps: a deciding one not met
    (承包: 按规定不能申请验收; 原则上: 请向区卫生健康委确认), one still open for a bound (不到40张), or a norm
    on the type met by another fact said (城乡结合部的乡镇卫生院: 文件特别提到可纳入; d3014)."""
    return r.status == "unknown" or (r.force in DECIDING and r.status in ("fail", "warning")) or _by_other(r, profile)


def _by_other(r: CriterionResult, profile: Mapping[str, Any]) -> bool:
    """A norm on the institution's type met through another fact said (城乡结合部的乡镇卫生院: 可纳入)."""
    return r.force == "norm" and r.status == "pass" and bool((set(r.fields) - TYPE_FIELDS) & set(profile))


def _blocks(
    kb: KnowledgeBase,
    candidates: tuple[str, ...],
    verdicts: list,
    vias: dict[str, tuple[str, list[Source], set[str]]],
    profile: dict[str, Any],
    ranges: Mapping[str, Stated],
    today: dt.date,
    many: bool,
    unknown: bool = True,
    short: bool = False,
    told: Mapping[str, Told] | None = None,
) -> list[tuple[str, list[Source]]]:
    """Each region's block in the order asked: its own verdict, then its basic-standard block."""
    blocks = []
    for r in candidates:
        own = [
            _block(kb, rs, v, sh, profile, ranges, dep, today, many, unknown, short=short, told=told)
            for rs, v, sh, dep in verdicts
            if rs.region == r
        ]
        blocks += own
        if r in vias:
            text, sources, _ = vias[r]
            header = T.REGION_HEADER.format(name=render.region_name(kb, r)) + "\n" if many and not own else ""
            blocks.append((header + text, sources))
    return blocks


def _via_basic_standard(
    kb: KnowledgeBase,
    region: str,
    verdicts: list,
    profile: dict[str, Any],
    ranges: Mapping[str, Stated],
    bounds: Mapping[str, Bound],
    today: dt.date,
) -> tuple[str, list[Source], set[str]] | None:
    """For a local region whose own rules (its `verdicts`) take none of some stated figures (北京 and 渝中 write no
    bed, occupancy or area number) but which require the resources of 《社区医院基本标准（试行）》:
    that criterion, then the national reported figures of that standard for those figures, marked as
    reports. Before, "北京，床位40张，使用率80%，能申请吗" got a news snippet or a decline. None when
    there is no such region or figure. Returns the block, its sources and the fields it read."""
    if region == "national" or "national" not in kb.rules or region not in kb.rules:
        return None
    own = kb.rules[region]
    basis = next((c for c in own.criteria if BASIC_STANDARD_FIELD in c.fields), None)
    if basis is None:
        return None
    taken = {f for _, _, shown, _ in verdicts for r in shown for f in r.fields}
    read = {f for f in (*profile, *bounds) if kb.fields[f].kind in NUMERIC}
    national = kb.rules["national"]
    # a range across a reported limit depends on the exact figure here too (breaker B16: 七成半左右 in 北京
    # was "整个范围都未达到" against the reported 75 %)
    verdict, depends = _evaluate_ranges(profile, ranges, national)
    verdict, by_bound = apply_bounds(verdict, national, bounds, kb.fields)
    shown = [
        r
        for r in _stated(verdict, national, profile, kb.fields, by_bound)
        if r.force == "reported" and set(r.fields) <= read - taken
    ]
    if not shown:
        return None
    labels = T.FACT_SEPARATOR.join(dict.fromkeys(kb.fields[f].label for r in shown for f in r.fields))
    name = render.region_name(kb, own.region)
    head = T.SITUATION_VIA_BASIC_STANDARD.format(region=name, fields=labels, criterion=basis.title)
    text, sources = _block(
        kb, national, verdict, shown, profile, ranges, depends, today, False, unknown=False, header=False
    )
    own_sources = [basis.source] if basis.source is not None else []
    lines = [head, *(render.source_line(s) for s in own_sources), text]
    if not verdicts:  # no verdict of the region's own above: say what decides there, still unknown (F5)
        undecided = [r.title for r in evaluate(profile, own).criteria if r.force in DECIDING and r.status == "unknown"]
        if undecided:
            more = T.MORE_UNKNOWN.format(n=len(undecided) - 4) if len(undecided) > 4 else ""
            titles = T.FACT_SEPARATOR.join(undecided[:4]) + more
            lines.insert(0, T.SITUATION_VIA_UNDECIDED.format(region=name, titles=titles))
    return "\n".join(lines), [*own_sources, *sources], {f for r in shown for f in r.fields}


def _evaluate_ranges(
    profile: dict[str, Any], ranges: Mapping[str, Stated], rule_set: RuleSet
) -> tuple[Verdict, frozenset[str]]:
    """The verdict on the profile (ranges at their low ends), and the ids of the criteria whose
    status differs between the corners of the ranges (every combination of low and high ends: a
    ratio of two ranges is extreme at a corner). With more than MAX_RANGED ranges only the all-low
    and all-high corners are tried."""
    verdict = evaluate(profile, rule_set)
    if not ranges:
        return verdict, frozenset()
    fields = list(ranges)
    if len(fields) <= MAX_RANGED:
        corners = list(itertools.product((0, 1), repeat=len(fields)))
    else:
        corners = [(0,) * len(fields), (1,) * len(fields)]
    statuses: dict[str, set[str]] = {r.id: {r.status} for r in verdict.criteria}
    for corner in corners:
        ends = {f: (ranges[f].low if end == 0 else ranges[f].high) for f, end in zip(fields, corner, strict=True)}
        for r in evaluate({**profile, **ends}, rule_set).criteria:
            statuses.setdefault(r.id, set()).add(r.status)
    return verdict, frozenset(i for i, seen in statuses.items() if len(seen) > 1)


def states_numbers(text: str, kb: KnowledgeBase) -> bool:
    """The question states a figure of the institution (床位40张): a situation, not several questions."""
    return any(kb.fields[f].kind in NUMERIC for f in read_situation(text, kb.fields))


def _stated(
    verdict: Verdict, rule_set: RuleSet, profile: dict, specs: Mapping[str, FieldSpec], by_bound: set[str]
) -> list[CriterionResult]:
    """The criteria the stated facts decide, or whose count they let us say (a ratio's need), and
    those a bound speaks to (by_bound: "不到40张" against ≥30 is shown as depending on the figure)."""
    return [
        r
        for r in verdict.criteria
        if r.id in by_bound
        or (r.derived and r.derived in profile and r.status != "unknown")
        or (set(r.fields) & set(profile) and (r.status != "unknown" or count_needed(r, rule_set, profile, specs)))
    ]


def _block(
    kb: KnowledgeBase,
    rule_set: RuleSet,
    verdict: Verdict,
    shown: list[CriterionResult],
    profile: dict,
    ranges: Mapping[str, Stated],
    depends: frozenset[str],
    today: dt.date,
    many: bool,
    unknown: bool = True,
    header: bool = True,
    short: bool = False,
    told: Mapping[str, Told] | None = None,
) -> tuple[str, list[Source]]:
    """One region's verdict: headline, each stated criterion (one read from a range: ✅/❌ only when
    the whole range is on one side, else 要看准确数字 with the limit), what is unknown, the sources,
    and which text governs the cited points today where that is not the cited text. `short`: the
    phone layout (dialogs/qa/situation_lines.py), the verdict first with the region's name in it."""
    specs = kb.fields
    name = render.region_name(kb, rule_set.region)
    lines = [T.REGION_HEADER.format(name=name)] if many and not short else []
    if header and not short:
        lines.append(T.SITUATION_HEADER.format(title=rule_set.title, region=name))
    head = headline(verdict, shown, depends, short, verdict_line=header)
    lines.append(T.REGION_HEADER.format(name=name) + head if short and header else head)
    for r in shown:
        status = T.SITUATION_STATUS.get(r.status, "")
        if r.status == "warning" and r.force in T.SITUATION_WARNING_BY_FORCE:
            status = T.SITUATION_WARNING_BY_FORCE[r.force]
        icon = ICONS.get(r.status, "❔")
        if type_note(r):  # 乡镇卫生院 where the plan builds mainly on 社区卫生服务中心: no failed item (N23)
            icon, status = TYPE_ICON, type_status(r, specs, profile)
        # an unknown criterion none of whose fields has a value is shown for a bound ("不到40张")
        message = r.message if r.status != "unknown" or not set(r.fields) & set(profile) else ""
        ranged = [ranges[f] for f in r.fields if f in ranges]
        if r.id in depends:
            icon, status = "❔", T.SITUATION_DEPENDS_STATUS
        need = "" if ranged else count_needed(r, rule_set, profile, specs) or share_needed(r, told or {}, specs)
        if short:
            detail = short_range(ranged, specs, r.id in depends, status) if ranged and r.status != "unknown" else ""
            counted, _, caveat = need.strip().partition("\n")  # a news figure's count, and its caveat (need.py)
            ratio = bool(r.derived) and r.derived in profile  # said as a ratio: its message has the gap
            detail = detail or counted or short_figure(r, specs) or (message if _says_more(r, profile) or ratio else "")
            lines.append(criterion_line(icon, r, status, detail) + (T.SHORT_NEED_CAVEAT if caveat else ""))
            continue
        if ranged and r.status != "unknown":
            message = range_message(r, ranged, specs, r.id in depends, status)
        line = T.SITUATION_LINE.format(icon=icon, title=r.title, status=status, message=message).rstrip()
        lines.append(line + ("\n" + need if need else ""))
    unknown_titles = [r.title for r in verdict.unknown() if r not in shown] if unknown else []
    if unknown_titles and short:
        lines.append(unknown_line(unknown_titles))
    elif unknown_titles:
        more = len(unknown_titles) - MAX_UNKNOWN
        titles = T.FACT_SEPARATOR.join(unknown_titles[:MAX_UNKNOWN]) + (
            T.MORE_UNKNOWN.format(n=more) if more > 0 else ""
        )
        lines.append(T.SITUATION_UNKNOWN.format(titles=titles))
    sources = render.distinct_sources([r.source for r in shown])
    if short:
        lines += source_lines(sources)
    else:
        lines.append(T.SITUATION_SOURCES + "\n" + "\n".join(render.source_line(s) for s in sources))
    cited = [c.citation for r in shown if (c := rule_set.criterion(r.id)) is not None]
    points = kb.governing.cited_points(cited, today, rule_set.region)
    notes = render.governing_lines(kb, (p.governing for p in points if not p.current))
    lines += [governing_short(n) for n in notes] if short else notes
    return "\n".join(lines), sources
