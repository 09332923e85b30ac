"""The lines of a situation's verdict (dialogs/qa/situation.py), in two layouts.

Short (what the chat shows first, read on a phone between two meetings): the verdict in one line,
each stated criterion ✅/❌ with the figure and the gap in one line ("❌ 床位使用率≥75%：不符合（现为70%，
还差5个百分点）"), what is still unknown in one line, one source line per text (its 文号 and
sections), each governing-text note cut to its first clause. Full (behind the 详细说明 button,
dialogs/qa/details.py): every criterion's own explanation under it, every title, every note whole.
Split from situation.py (which reads the facts and runs the rules) by job."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.text import clip
from dialogs import render
from dialogs.notes_once import short_reference
from dialogs.qa.name_words import BOOK_GLOSS, COMPARATOR_TAIL, FIGURE_WITH_UNIT
from dialogs.qa.stated import Stated
from dialogs.texts import qa as T
from dialogs.type_notes import type_note
from knowledge.eligibility import CriterionResult, FieldSpec, Verdict
from knowledge.eligibility.evaluate import number_text
from knowledge.eligibility.model import DECIDING
from knowledge.search.model import Source

MAX_UNKNOWN_SHORT = 3  # unknown conditions named in the short layout; beyond that, their count
UNKNOWN_NAME_CHARS = 13  # an unknown condition's name when more are counted


def unit_of(spec: FieldSpec) -> str:
    return "%" if spec.kind == "percent" else spec.unit


def range_message(
    r: CriterionResult, ranged: list[Stated], specs: Mapping[str, FieldSpec], depends: bool, status: str
) -> str:
    """A criterion read from a range: the range said back with the limit, and whether the whole of
    it is on one side (its status) or not (要看准确数字)."""
    limit = r.title
    if len(ranged) == 1 and not r.derived:
        said = ranged[0]
        spec = specs[said.field]
        low, high, unit = number_text(said.low, 2), number_text(said.high, 2), unit_of(spec)
        if depends:
            return T.SITUATION_DEPENDS_LINE.format(said=said.range, low=low, high=high, unit=unit, limit=limit)
        return T.SITUATION_RANGE_SIDE.format(said=said.range, low=low, high=high, unit=unit, limit=limit, side=status)
    said_all = T.FACT_SEPARATOR.join(s.range for s in ranged)
    if depends:
        return T.SITUATION_DEPENDS_DERIVED.format(said=said_all, limit=limit)
    return T.SITUATION_RANGE_SIDE_DERIVED.format(said=said_all, side=status)


def short_range(ranged: list[Stated], specs: Mapping[str, FieldSpec], depends: bool, status: str) -> str:
    """A range in the short layout: "您说大概七成左右，按63到77%算，要看准确数字" / "…，整个范围都符合"."""
    if len(ranged) == 1:
        said = ranged[0]
        low, high = number_text(said.low, 2), number_text(said.high, 2)
        head = T.SHORT_RANGE.format(said=said.range, low=low, high=high, unit=unit_of(specs[said.field]))
    else:
        head = T.SHORT_RANGES.format(said=T.FACT_SEPARATOR.join(s.range for s in ranged))
    return head + (T.SHORT_RANGE_DEPENDS if depends else T.SHORT_RANGE_SIDE.format(side=status))


def short_figure(r: CriterionResult, specs: Mapping[str, FieldSpec]) -> str:
    """The figure stated and the gap of a numeric criterion ("现为70%，还差5个百分点"); "" for a yes/no
    or choice criterion, whose status says it all, and for a derived one (a ratio: its count is said)."""
    value = r.value
    if r.derived or r.status == "unknown" or isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    spec = specs.get(r.fields[0]) if r.fields else None
    if spec is None or spec.kind not in ("int", "number", "percent"):
        return ""
    unit = unit_of(spec)
    text = T.SHORT_VALUE.format(value=number_text(value, 2), unit=unit)
    if r.status != "pass" and r.gap:
        gap_unit = T.SHORT_POINTS if spec.kind == "percent" else unit
        over = r.compare.startswith("<") if r.compare else False
        text += (T.SHORT_OVER if over else T.SHORT_GAP).format(gap=number_text(r.gap, 2), unit=gap_unit)
    return text


def criterion_line(icon: str, r: CriterionResult, status: str, detail: str) -> str:
    """One criterion in one line: icon, title, status and (in brackets) the figure and the gap."""
    if detail:
        return T.SITUATION_LINE_SHORT.format(icon=icon, title=r.title, status=status, detail=detail)
    return T.SITUATION_LINE_BARE.format(icon=icon, title=r.title, status=status)


def unknown_line(titles: Sequence[str]) -> str:
    """What is still unknown, in one line: the titles when few, else how many and the first ones."""
    if len(titles) <= MAX_UNKNOWN_SHORT:
        return T.SITUATION_UNKNOWN_SHORT.format(titles=T.FACT_SEPARATOR.join(titles))
    names = [unknown_name(t) for t in titles[:MAX_UNKNOWN_SHORT]]
    return T.SITUATION_UNKNOWN_MANY.format(n=len(titles), titles=T.FACT_SEPARATOR.join(names))


def unknown_name(title: str) -> str:
    """What an unknown criterion is, short: "第1项：等级评审达到社区甲级（乡镇乙级以上）标准" -> "等级评审达到社区甲级"
    (its label alone, 第1项, named nothing a director could act on), at most UNKNOWN_NAME_CHARS."""
    body = title.split(T.TITLE_LABEL_END, 1)[-1]
    # a gloss, never the bracket of a book title (《社区医院基本标准（试行）》)
    head = body if T.BOOK_START in body else (body.split(T.TITLE_GLOSS_START, 1)[0] or body)
    return _short_name(head, UNKNOWN_NAME_CHARS)


def _short_name(name: str, limit: int) -> str:
    """`name` in about `limit` characters, never cut inside a book title (资源配置达到《社区医院基… named no
    standard: the title is given without its marks and gloss, 社区医院基本标准) nor inside a figure (门诊量≥30…
    lost 人次: the name stops before the figure, 特色科室日均门诊量 — what is unknown; newcomer trial 8, N35)."""
    if len(name) <= limit:
        return name
    bare = BOOK_GLOSS.sub("", name).replace(T.BOOK_START, "").replace(T.BOOK_END, "")
    if bare != name and len(bare) <= limit + 1:
        return bare
    name = bare
    cut = limit - 1  # clip() keeps limit - 1 characters and its "…"
    figure = next((f for f in FIGURE_WITH_UNIT.finditer(name) if f.start() < cut < f.end()), None)
    if figure is not None and figure.start() > 0:
        return COMPARATOR_TAIL.sub("", name[: figure.start()]) or name[: figure.start()]
    return clip(name, limit)


def source_lines(sources: Sequence[Source]) -> list[str]:
    """One line per text: its 文号 (or its title when it has none) and every section cited of it; a
    news report keeps its own line, marked as reported, after the texts."""
    grouped: dict[tuple[str, str], list[str]] = {}
    reported: list[str] = []
    for s in sources:
        if s.secondary:
            reported.append(render.source_line(s))
            continue
        sections = grouped.setdefault((s.document, s.number), [])
        if s.section and s.section not in sections:
            sections.append(s.section)
    lines = [
        T.SHORT_SOURCE.format(
            name=number or T.SHORT_TITLE.format(document=document.strip("《》")),
            sections=T.SECTION_SEPARATOR.join(sections),
        )
        for (document, number), sections in grouped.items()
    ]
    return lines + list(dict.fromkeys(reported))


def governing_short(line: str) -> str:
    """A 📜 note cut to its points and first clause, with where the rest is (the 详细说明 button)."""
    return short_reference(line, T.SHORT_NOTE_MORE)


def headline(
    verdict: Verdict,
    shown: list[CriterionResult],
    depends: frozenset[str] = frozenset(),
    short: bool = False,
    verdict_line: bool = True,
) -> str:
    """The verdict in one line. Short: without the titles, which the criterion lines below name.
    `verdict_line` False: the line heads the basic standard's reported figures under a local region's
    own verdict (北京, 渝中), so a figure missed there is said without a second "结论"."""
    failed = [r.title for r in shown if r.status == "fail" and r.force in DECIDING and r.id not in depends]
    if failed:
        template = T.SITUATION_FAILED_SHORT if short else T.SITUATION_FAILED
        return template.format(n=len(failed), titles=T.FACT_SEPARATOR.join(failed))
    open_ = [r.title for r in shown if r.id in depends and r.force in DECIDING]
    if open_:
        return (T.SITUATION_DEPENDS_SHORT if short else T.SITUATION_DEPENDS).format(titles=T.FACT_SEPARATOR.join(open_))
    warned = [r.title for r in shown if r.status == "warning" and r.force == "principle"]
    if warned:
        return (T.SITUATION_WARNED_SHORT if short else T.SITUATION_WARNED).format(titles=T.FACT_SEPARATOR.join(warned))
    undecided = [r.title for r in shown if r.status == "unknown" and r.force in DECIDING]
    if undecided:  # 全科医生要几个 (only the count it asks for), 不到40张 against ≥30: a condition still open
        template = T.SITUATION_UNDECIDED_SHORT if short else T.SITUATION_UNDECIDED
        return template.format(titles=T.FACT_SEPARATOR.join(undecided))
    # the worst criterion shown sets the tone (breaker B17: "都符合" above a typed figure below a
    # reported figure of the basic standard): a reported figure missed is ⚠️, never ✅
    reported = [r for r in shown if r.force == "reported" and r.status in ("fail", "warning") and r.id not in depends]
    passed = any(r.force in DECIDING and r.status == "pass" for r in shown)
    if reported:
        if not verdict_line:
            return T.SITUATION_REPORTED_MISSED_NOTE.format(n=len(reported))
        return (T.SITUATION_REPORTED_MISSED_PASSED if passed else T.SITUATION_REPORTED_MISSED).format(n=len(reported))
    if not passed:
        # only figures that do not decide alone: say what each is (a news figure is not "no condition")
        forces = {r.force for r in shown}
        notes = T.SITUATION_FORCE_NOTE_SHORT if short else T.SITUATION_FORCE_NOTE
        return "".join(notes[f] for f in notes if f in forces)
    unknown = len(verdict.unknown())
    noted = sum(1 for r in shown if r.status == "warning" and r.force == "norm" and not type_note(r))
    aside = T.SITUATION_NORMS_MISSED.format(n=noted) if noted else ""
    if not unknown:
        return T.SITUATION_PASSED.format(aside=aside)
    if short:
        return T.SITUATION_PASSED_UNKNOWN_SHORT.format(aside=aside)
    return T.SITUATION_PASSED_UNKNOWN.format(n=unknown, aside=aside)
