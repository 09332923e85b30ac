"""When a named text was issued ("17号文是哪天发的", "317号是什么时候印发的", "北京方案哪年出的"): the date
and issuer the catalogue holds (knowledge/data/documents.yaml), for each official text the question names
by its 文号 (bare or whole) or its name. Newcomer trial 8 (N8): "17号文是哪天发的" got suggestions of other
texts, though "吉卫联发2024年17号是什么时候印发的" was answered; and "…是什么时候印发的" led with the 📜 note
of the text governing today."""

from __future__ import annotations

import datetime as dt

from core.model import Reply
from dialogs import render
from dialogs.qa.doc_number import MAX_NAMED, documents_named, names_unloaded
from dialogs.qa.in_force_words import AS_TEXT, BARE_ISSUED, ISSUE_DATE, ISSUED_ASKED, STEP_DATE
from dialogs.qa.turn import Turn
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.documents import DocumentInfo
from knowledge.search.intent import folded
from knowledge.search.model import Source


def asks_issued(text: str) -> bool:
    """The text asks when a text was issued (哪天发的, 印发日期), not when a step is due."""
    t = folded(text)
    return bool(ISSUED_ASKED.search(t)) and not STEP_DATE.search(t)


def reply(text: str, region: str | None, kb: KnowledgeBase) -> Turn | None:
    """The issue date and issuer of each official text the question names (at most MAX_NAMED), or None
    when it does not ask an issue date or names none."""
    if not asks_issued(text):
        return None
    if names_unloaded(text, kb):
        return None  # 社区医院基本标准是哪年印发的: a text not loaded, whatever the region's own are
    said = BARE_ISSUED.sub(AS_TEXT, text)
    by_number = {d.id for _, d in kb.catalogue.by_bare_number(said, region)}
    # only the texts named (by number or name), not every text of the region that 方案 alone would give
    named = [d for d in documents_named(said, region, kb) if d.id in by_number or d.named_in(said)]
    named = [d for d in named if not d.secondary]
    if not named or len(named) > MAX_NAMED:
        return None
    lines = [_issued_line(d) for d in named]
    sources = tuple(Source(document=d.short or d.title, number=d.number, section="") for d in named)
    lines += [render.source_line(s) for s in sources]
    where = named[0].region if len({d.region for d in named}) == 1 else region
    return Turn("in_force", "answer", (Reply("\n".join(lines)),), where, 1.0, (), sources)


def _issued_line(doc: DocumentInfo) -> str:
    """ "吉卫联发〔2024〕17号《…》由…于2024年4月24日印发。", or its year and why only the year."""
    m = ISSUE_DATE.match(doc.date)
    if m:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        day_said = render.date(day, weekday=False)
        return T.DOC_ISSUED.format(number=doc.number, title=doc.short, issuer=doc.issuer, date=day_said)
    why = T.DOC_YEAR_FROM_NUMBER if doc.number and doc.date in doc.number else T.DOC_YEAR_FROM_TASKS
    return T.DOC_ISSUED_YEAR.format(number=doc.number, title=doc.short, year=doc.date[:4], issuer=doc.issuer, why=why)
