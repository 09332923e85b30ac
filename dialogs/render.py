"""One renderer per fact the dialogs show: a date, the days left until one, a citation line and a
region's name. Every front end (chat, nudges, the questionnaire's result, the report, the CLI) uses
these, so a deadline or a source reads the same wherever a director meets it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dialogs.texts import common as T
from knowledge.base import KnowledgeBase
from knowledge.calendar import Deadline
from knowledge.governing import Governing
from knowledge.search.model import Source
from knowledge.texts import governing_note


def date(day: dt.date, *, weekday: bool = True) -> str:
    """2026-06-30 -> "2026年6月30日（周二）" (without the weekday: "2026年6月30日")."""
    if weekday:
        return T.DATE_WEEKDAY.format(y=day.year, m=day.month, d=day.day, w=T.WEEKDAYS[day.weekday()])
    return T.DATE.format(y=day.year, m=day.month, d=day.day)


def days_left(day: dt.date, today: dt.date) -> str:
    """ "还有30天", "明天", "就是今天", or "已过3天" for a day already past."""
    n = (day - today).days
    if n < 0:
        return T.DAYS_PAST.format(n=-n)
    if n == 0:
        return T.DAYS_LEFT_TODAY
    if n == 1:
        return T.DAYS_LEFT_TOMORROW
    return T.DAYS_LEFT.format(n=n)


def citation(source: Source, *, quote: bool = False) -> str:
    """ "《吉林省社区医院建设实施方案》（吉卫基层发〔2020〕5号）四（二）", with "：“…”" when `quote` is asked
    and the source has one. A news report is named as reported, never with a 文号."""
    if source.secondary:
        text = T.SECONDARY_CITATION.format(document=source.document, section=source.section)
    else:
        text = T.CITATION.format(document=document_title(source), section=source.section)
    return text + (T.CITATION_QUOTE.format(quote=source.quote) if quote and source.quote else "")


def document_title(source: Source) -> str:
    """ "《吉林省社区医院建设实施方案》（吉卫基层发〔2020〕5号）": the document with its 文号, if it has one."""
    number = T.CITATION_NUMBER.format(number=source.number) if source.number else ""
    return T.DOCUMENT_TITLE.format(document=source.document.strip("《》"), number=number)


def source_line(source: Source, *, quote: bool = False) -> str:
    """The citation as a line of a chat message: "📄 出处：《…》（文号）四（二）" (a news report: "📰 来源
    （新闻报道，非正式文件原文）：…")."""
    return (T.SECONDARY_SOURCE if source.secondary else T.SOURCE).format(citation=citation(source, quote=quote))


def distinct_sources(sources: tuple[Source, ...] | list[Source]) -> list[Source]:
    """Several quotes from one section make one source line."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for s in sources:
        key = (s.document, s.number, "" if s.secondary else s.section)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def document_lines(sources: tuple[Source, ...] | list[Source], *, line: str | None = None) -> list[str]:
    """One line per document, its sections joined in the order cited ("📄 出处：《…》（文号）一、三（二）"):
    five lines naming the same text, one section each, were too long for a phone (newcomer trial 9, N15).
    `line`: the format of a text's line (the Q&A's "相关原文" when the answer says the texts lack the rule).
    A news report keeps its own line (distinct_sources)."""
    grouped: dict[tuple[str, str], tuple[Source, list[str]]] = {}
    order: list[tuple[str, str] | Source] = []
    for s in distinct_sources(sources):
        if s.secondary:
            order.append(s)
            continue
        key = (s.document, s.number)
        if key not in grouped:
            grouped[key] = (s, [])
            order.append(key)
        if s.section and s.section not in grouped[key][1]:
            grouped[key][1].append(s.section)
    lines = []
    for item in order:
        if isinstance(item, Source):
            lines.append(source_line(item))
            continue
        first, sections = grouped[item]
        text = T.CITATION.format(document=document_title(first), section=T.SECTION_JOIN.join(sections))
        lines.append((line or T.SOURCE).format(citation=text))
    return lines


def governing(kb: KnowledgeBase, g: Governing) -> str:
    """Which text governs g.point on g.today, as one line: "📜 适用文件：社区医院的评价、复核和上报程序：
    2024年6月1日适用吉卫联发〔2024〕17号（2024—2025年）——…", or that no loaded text covers the day
    and whom to ask (the wording: knowledge.texts.governing_note)."""
    return T.GOVERNING.format(note=governing_note(g, kb.catalogue))


def governing_lines(kb: KnowledgeBase, points: Iterable[Governing]) -> list[str]:
    """One 📜 line per distinct note: points whose notes say the same thing apart from the point's
    name ("哪些机构建设社区医院" and "评价、复核和上报程序", both not covered today) are said once,
    their names joined, instead of two near-identical paragraphs (newcomer trial 2, C13)."""
    grouped: dict[str, list[str]] = {}
    for g in points:
        note = governing_note(g, kb.catalogue)
        name = g.point.name
        rest = note.removeprefix(name) if note.startswith(name) else note
        names = grouped.setdefault(rest, [])
        if name not in names:
            names.append(name)
    return [T.GOVERNING.format(note=T.POINT_SEPARATOR.join(names) + rest) for rest, names in grouped.items()]


def procedure(kb: KnowledgeBase, region: str, today: dt.date) -> str:
    """The governing line of the region's procedure on `today` ("" for a region governing.yaml
    does not list): what deadlines, /status, the nudges and the next step rest on."""
    info = kb.governing.regions.get(region)
    if info is None or "procedure" not in info.points:
        return ""
    return governing(kb, kb.governing.on(region, "procedure", today))


def region_name(kb: KnowledgeBase, region_id: str) -> str:
    """The region's Chinese name ("吉林省"); the id itself when the knowledge base has no such region."""
    return kb.regions.name(region_id)


def deadline_lines(deadline: Deadline, today: dt.date) -> str:
    """A calendar deadline with its date, days left, who acts, any 顺延, note and citation."""
    lines = [
        T.DEADLINE_LINE.format(date=date(deadline.date), left=days_left(deadline.date, today), title=deadline.title)
    ]
    if deadline.actor:
        lines.append(T.DEADLINE_ACTOR.format(actor=deadline.actor))
    if deadline.postponed:
        lines.append(T.DEADLINE_POSTPONED.format(original=date(deadline.original_date)))
    if not deadline.official_holiday_data:
        lines.append(T.DEADLINE_UNOFFICIAL.format(year=deadline.original_date.year))
    if deadline.note:
        lines.append(T.DEADLINE_NOTE.format(note=deadline.note))
    lines.append(T.DEADLINE_INDENT + source_line(deadline.source, quote=True))
    return "\n".join(lines)
