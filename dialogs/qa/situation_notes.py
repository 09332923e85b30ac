"""The notes under a situation's verdict: what it did not weigh (a stated figure no rule of the region
takes, a figure not read at all), the saved /check answers it used, and a request beside the facts
no text answers (能不能先申报，后面再补)."""

from __future__ import annotations

from dialogs import render
from dialogs.qa.asked_words import asks_later
from dialogs.qa.facts import Reading
from dialogs.qa.need import count_needed
from dialogs.qa.saved import saved_note
from dialogs.qa.unread import change_notes, impossible, unread_figures
from dialogs.texts import qa as T
from dialogs.texts.qa_situation import (
    SITUATION_OTHERS_FAILED,
    SITUATION_OTHERS_PASSED,
    SITUATION_OTHERS_REPORTED,
    SITUATION_REPORTED_REFERENCE,
)
from dialogs.texts.questionnaire import ICONS
from knowledge.base import KnowledgeBase
from knowledge.eligibility import evaluate
from knowledge.eligibility.model import BASIC_STANDARD_FIELD, DECIDING

NUMERIC = ("int", "number", "percent")


def notes_below(
    text: str,
    reading: Reading,
    kb: KnowledgeBase,
    verdicts: list,
    vias: dict[str, tuple],
    saved_by: dict,
    many: bool,
) -> list[str]:
    """Every note, in the order shown. `verdicts`: (rule set, verdict, shown criteria, depends) per
    region judged; `vias`: region -> (block, sources, fields read) of its basic-standard block."""
    return [*_not_weighed(text, reading, kb, verdicts, vias), *_saved_and_asked(text, kb, verdicts, saved_by, many)]


def _not_weighed(text: str, reading: Reading, kb: KnowledgeBase, verdicts: list, vias: dict[str, tuple]) -> list[str]:
    """What the verdict did not weigh: stated figures no criterion takes, figures not read at all (not
    those understood and set aside: 去年的60%, 不是30张), and changes said with no level (增加了10张)."""
    notes, stated = [], reading.found
    taken = {f for _, _, shown, _ in verdicts for r in shown for f in r.fields}
    taken |= {f for v in vias.values() for f in v[2]}
    untaken = [kb.fields[f].label for f in stated if kb.fields[f].kind in NUMERIC and f not in taken]
    if untaken:  # 北京 "面积3000平方米": no text (nor any report) gives a figure to hold it against
        names = dict.fromkeys(render.region_name(kb, r) for r in (*(v[0].region for v in verdicts), *vias))
        notes.append(
            T.SITUATION_NOT_TAKEN.format(labels=T.FACT_SEPARATOR.join(untaken), regions=T.REGION_SEPARATOR.join(names))
        )
        untaken_fields = {f for f in stated if kb.fields[f].kind in NUMERIC and f not in taken}
        notes += _reported_reference(kb, stated, untaken_fields, names)
    unread = unread_figures(text, stated, (*reading.aside, *reading.changes, *reading.past))
    why = {f: w for f in unread if (w := impossible(text, f, kb.fields)) is not None}  # 使用率300% (brk10)
    if why:
        notes.append(T.SITUATION_IMPOSSIBLE_ASIDE.format(why="".join(why.values())))
    unread = [f for f in unread if f not in why]
    if unread:  # 中药饮片配了280种 once went unread under "您说到的条件都符合"
        notes.append(T.SITUATION_UNREAD.format(figures=T.FACT_SEPARATOR.join(dict.fromkeys(unread))))
    return notes + change_notes(reading)


def _saved_and_asked(text: str, kb: KnowledgeBase, verdicts: list, saved_by: dict, many: bool) -> list[str]:
    """The saved /check answers the one verdict used (N6), and a request beside the facts that no text
    answers (能不能先申报，后面再补: said, never dropped)."""
    notes = []
    if len(verdicts) == 1 and not many:
        rule_set, _, shown, _ = verdicts[0]
        note = saved_note(saved_by[rule_set.region], {f for r in shown for f in r.fields}, kb.fields)
        notes += [note] if note else []
    if asks_later(text):
        notes.append(T.SITUATION_LATER_ASKED)
    return notes


def _reported_reference(kb: KnowledgeBase, stated: dict, untaken: set[str], names: dict[str, None]) -> list[str]:
    """Below "吉林省的申报条件里没有对应的数字要求": the national standard's reported figure on those
    figures, for reference and marked as a report (sealed set 7, s7b065: 全科医生2个 has the reported ≥3
    全科医师 and no rule of 吉林's own). A reported ratio of two stated figures one of which is untaken counts
    too, with the count it asks (sealed set 10, s10a069: 30张床、卫技人员20个 against 0.7名/床 needs 21, 差1).
    [] when no reported figure decides them, or for the national rules."""
    national = kb.rules.get("national")
    values = {f: s.value for f, s in stated.items() if not s.bound and not s.ranged}
    if national is None or not set(values) & untaken or any(n == render.region_name(kb, "national") for n in names):
        return []
    results = [
        r
        for r in evaluate(values, national).criteria
        if r.force == "reported"
        and r.status in ("pass", "warning")
        and set(r.fields) <= set(values)
        and set(r.fields) & untaken
    ]
    if not results:
        return []
    lines = [SITUATION_REPORTED_REFERENCE.format(regions=T.REGION_SEPARATOR.join(names))]
    for r in results:
        status = T.SITUATION_WARNING_BY_FORCE.get(r.force, "") if r.status == "warning" else ""
        status = status or T.SITUATION_STATUS.get(r.status, "")
        line = T.SITUATION_LINE.format(icon=ICONS[r.status], title=r.title, status=status, message=r.message)
        need = count_needed(r, national, values, kb.fields)  # 0.7名/床 for 30张床: 至少要21人
        lines.append(line + ("\n" + need if need else ""))
    lines += [render.source_line(s) for s in render.distinct_sources([r.source for r in results])]
    return ["\n".join(lines)]


def others_said(kb: KnowledgeBase, verdicts: list) -> list[str]:
    """The note for "其他10项都达标了": the conditions not named are taken as the asker says, so the
    verdict rests on the stated ones — a failed deciding one must be met first (all must be met); a
    reported basic-standard figure not reached meets the rule that requires that standard (国家: 未达到
    基本标准的不得加挂社区医院牌子)."""
    failed = [r.title for _, _, shown, _ in verdicts for r in shown if r.force in DECIDING and r.status == "fail"]
    if failed:
        return [SITUATION_OTHERS_FAILED.format(titles=T.FACT_SEPARATOR.join(dict.fromkeys(failed)))]
    for rule_set, _, shown, _ in verdicts:
        missed = [r.title for r in shown if r.force == "reported" and r.status in ("fail", "warning")]
        basis = next((c for c in rule_set.criteria if BASIC_STANDARD_FIELD in c.fields), None)
        if missed and basis is not None and basis.source is not None:
            source = render.citation(basis.source)
            rule = basis.messages.fail.partition("：")[2] or basis.messages.fail
            return [SITUATION_OTHERS_REPORTED.format(titles=T.FACT_SEPARATOR.join(missed), rule=rule, source=source)]
    return [SITUATION_OTHERS_PASSED]
