"""Where an open-ended text stands today, point by point ("吉林2020年的方案是不是被2024年的废止了",
"5号文还算数吗"): whether any loaded text repeals it, and for each point of the region's procedure it
speaks to (knowledge/data/governing.yaml) whether a later text changed it, left it unsaid, or it still
governs — one text rarely settles it all (吉林: 2020's selection conditions, 2024's procedure). Then
whether the region's newest loaded text has ended, and any later plan known only from news reports
(sealed set 5's in-force misses: "see the governing line below" answered none of this)."""

from __future__ import annotations

import datetime as dt

from dialogs import render
from dialogs.qa.in_force_words import REPEAL_WORDS
from dialogs.texts import qa as T
from dialogs.texts import qa_docs as D
from knowledge.base import KnowledgeBase
from knowledge.documents import DocumentInfo
from knowledge.governing import Point


def standing_lines(doc: DocumentInfo, kb: KnowledgeBase, today: dt.date) -> list[str]:
    """Lines (Chinese, in order) saying where `doc` stands on `today`: not repealed (only while no
    loaded official text uses words of repeal), each governed point's standing, the region's newest
    text having ended, later reported plans. [] for a secondary document."""
    if doc.secondary:
        return []
    lines = [] if repeal_said(doc, kb) else [T.DOC_NOT_REPEALED]
    region = kb.governing.regions.get(doc.region)
    if region is not None:
        points = [_point_line(doc, p, region.ask, kb, today) for p in region.points.values()]
        points = [line for line in points if line]
        if points:
            lines += [T.DOC_BY_POINT, *points]
    newest = max((d for d in kb.catalogue.of_region(doc.region) if not d.secondary), key=lambda d: d.start)
    if newest.end is not None and newest.end < today and region is not None:
        end = render.date(newest.end, weekday=False)
        lines.append(T.DOC_LATEST_ENDED.format(number=newest.number or newest.short, end=end, ask=region.ask))
    for later in kb.catalogue.of_region(doc.region):
        # a reported plan has a period of its own; news figures and reported standards do not end
        if later.secondary and later.start > doc.start and later.end is not None:
            span = T.DOC_YEARS.format(start=later.start.year, end=later.end.year)
            lines.append(T.DOC_LATER_REPORTED.format(short=later.short.strip("《》").split("》")[0], span=span))
    return lines


def standing_lead(doc: DocumentInfo, kb: KnowledgeBase) -> str:
    """One sentence of where an open-ended `doc` stands, said first (吉卫基层发〔2020〕5号还管用不 → "没有写明
    已废止，但有的事项后来的文件另有写法"); "" while a loaded text uses words of repeal (then it is not
    ours to say none repeals it) or for a secondary document."""
    if doc.secondary or doc.end is not None or repeal_said(doc, kb):
        return ""
    region = kb.governing.regions.get(doc.region)
    points = region.points.values() if region is not None else ()
    ids = [[t.document for t in p.texts] for p in points]
    changed = any(doc.id in i and i.index(doc.id) < len(i) - 1 for i in ids)
    return (D.DOC_LEAD_PARTLY if changed else D.DOC_LEAD_STILL).format(number=doc.number or doc.short)


def _point_line(doc: DocumentInfo, point: Point, ask: str, kb: KnowledgeBase, today: dt.date) -> str:
    ids = [t.document for t in point.texts]
    if doc.id not in ids:
        return ""
    mine = point.texts[ids.index(doc.id)]
    later = point.texts[ids.index(doc.id) + 1 :]
    if later:
        newest = later[-1]
        number = _name(newest.document, kb)
        return T.DOC_CHANGED.format(point=point.name, later=number, says=newest.says, number=doc.number)
    silent = [d for d in kb.governing.on(doc.region, point.id, today).not_restated_by if d != doc.id]
    if silent:
        names = T.DOC_JOIN.join(_name(d, kb) for d in silent)
        return T.DOC_NOT_RESTATED.format(point=point.name, later=names, number=doc.number, says=mine.says, ask=ask)
    return T.DOC_STILL.format(point=point.name, number=doc.number or doc.short, says=mine.says)


def _name(doc_id: str, kb: KnowledgeBase) -> str:
    d = kb.catalogue[doc_id]
    return d.number or d.short


def repeal_said(doc: DocumentInfo, kb: KnowledgeBase) -> bool:
    """Some other loaded official text uses words of repeal: then whether it repeals `doc` is for a
    reader of that text, and the assistant does not claim that none does."""
    return any(
        REPEAL_WORDS.search(src.text) for d_id, src in kb.documents.items() if d_id != doc.id and not src.secondary
    )
