"""Documents named by the bare number of their 文号 ("17号文件", "5号文") and whether a named document
is still in force (newcomer trial 3, F21).

A bare number matches a whole 文号 number (17 is 吉卫联发〔2024〕17号, never the tail of 〔2021〕317号),
the user's region's document first: the question is searched with the full 文号 in its place. "还有效吗"
about one named document is answered with its period (knowledge/data/documents.yaml), whether it is in
force today, and — from the region's governing line — what governs now and whom to ask about later
texts."""

from __future__ import annotations

import datetime as dt
import re

from core.model import Reply
from dialogs import render
from dialogs.qa.doc_standing import standing_lead, standing_lines
from dialogs.qa.in_force_words import (
    A_TEXT,
    DATE_IN,
    NAMED_FILLER,
    OF,
    POINTING,
    TEXT_ISSUED_IN,
    TEXT_OF_YEAR,
    TEXT_SAID_OF_YEAR,
    TEXT_WORD,
    WHOLE_NUMBER,
)
from dialogs.qa.turn import Turn
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.documents import DocumentInfo
from knowledge.search.ask_forms import REPLACED_BY
from knowledge.search.intent import asks_document, asks_now, folded

MIN_TITLE = 8  # characters from which a name without digits is a document's title
MIN_LEFT = 3  # CJK characters a question must keep once the documents it names are left out
CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_NAMED = 3  # more documents than this named at once: not a question about one text's period
YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})(?![0-9])")


def expand(text: str, region: str | None, kb: KnowledgeBase) -> str:
    """The text with each bare 文号 number replaced by the document's full 文号 ("17号文件还有效吗" ->
    "吉卫联发〔2024〕17号文件还有效吗" for a Jilin user); unchanged when no loaded document has it."""
    for words, doc in kb.catalogue.by_bare_number(text, region):
        if _collides(words, doc, kb):  # only where the search could take another 文号's tail (17 in 317)
            text = text.replace(words, doc.number, 1)
    return text


def _collides(words: str, doc: DocumentInfo, kb: KnowledgeBase) -> bool:
    """Another document's 文号 ends with these digits without being this number (17号 in 〔2021〕317号)."""
    return any(d.number.endswith(words) and d.id != doc.id for d in kb.catalogue.values() if d.number)


def reply(text: str, region: str | None, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """ "…还有效吗 / 还执行吗" about one named official document: its period and standing on `today`;
    None for any other question, or when the text names no document or several."""
    asked = asks_now(text)
    # "317号文和三年行动方案哪个是现在的要求": a text known only from reports set against an official one
    reported = asked == "which" and any(d.secondary and d.named_in(text) for d in kb.catalogue.values())
    # "5号文是不是被17号文替了": a named text said replaced is asked its standing (which_text when none is named)
    replaced = asked == "which" and bool(REPLACED_BY.search(folded(text)))
    if (asked != "in_force" and not reported and not replaced) or names_unloaded(text, kb):
        return None
    named = documents_named(text, region, kb)
    if not named or len(named) > MAX_NAMED:
        return None
    lines: list[str] = []
    standing_given = set()
    for doc in named:
        lead = standing_lead(doc, kb) if len(named) == 1 else ""  # the standing first (N10)
        lines += [lead] if lead else []
        lines.append(_period_line(doc, today))
        note = doc.periods[-1].note
        if note:
            lines.append(note)
        if doc.end is None:
            standing = standing_lines(doc, kb, today)
            lines += standing
            if standing:
                standing_given.add(doc.region)
    for where in dict.fromkeys(d.region for d in named if d.region not in standing_given):
        lines.append(render.procedure(kb, where, today) or T.DOC_ASK_LATER)
    sources = tuple(kb.catalogue.source_for(p.citation) for d in named for p in d.periods if p.citation)
    lines.extend(render.source_line(s) for s in render.distinct_sources(sources))
    where = named[0].region if len({d.region for d in named}) == 1 else region
    return Turn("in_force", "answer", (Reply("\n".join(lines)),), where, 1.0, (), sources)


def region_named(text: str, region: str | None, kb: KnowledgeBase) -> str | None:
    """The region of the official documents a question names by 文号 or name ("317号文说年底前建成多少家"
    asked by a Jilin user is about the national text: newcomer trial 5, N2); None when it names none,
    or documents of several regions."""
    by_number = [d for _, d in kb.catalogue.by_bare_number(text, region)]
    named = [
        d
        for d in kb.catalogue.values()
        if not d.secondary and any(n in text for n in (*d.names, d.number) if n and (n == d.number or _title(n)))
    ]
    regions = {d.region for d in (*by_number, *named) if not d.secondary}
    return regions.pop() if len(regions) == 1 else None


def without_named(text: str, region: str | None, kb: KnowledgeBase) -> str:
    """The question with the official documents it names by 文号 or name left out, when what is left
    still asks something ("5号文说床位要多少" -> "床位要多少"): the 文号's digits read as a figure and
    the title's words outranked the fact asked (newcomer trial 5, N2). A question about the document
    itself (讲了啥, 谁发的) keeps them. The text unchanged when it names none."""
    if asks_document(text):
        return text
    rest = text
    for words, _ in kb.catalogue.by_bare_number(text, region):
        rest = re.sub(re.escape(words) + TEXT_WORD, "", rest)  # 5号文的附件: not 文的附件
    for d in kb.catalogue.values():
        for name in sorted((*d.names, *([d.number] if d.number else [])), key=len, reverse=True):
            if not d.secondary and (name == d.number or _title(name)):
                # with the 文/文件 that follows it: "吉林17号文的附件" left 文 among the words searched
                rest = re.sub(re.escape(name) + TEXT_WORD, "", rest)
    if rest == text:  # nothing named: the words are the question's own (中药得有多少样: 中 is no 文件中)
        return text
    rest = NAMED_FILLER.sub("", rest)
    return rest if len(CJK.findall(rest)) >= MIN_LEFT else text


def _title(name: str) -> bool:
    """A document's full title (吉林省社区医院建设实施方案): left out of the search like its 文号. A short
    name (国家文件, 北京方案) is a phrase of the question, and a name with a year (吉林2020年方案) keeps the
    year the search needs (2020年度的日期)."""
    return len(name) >= MIN_TITLE and not re.search(r"[0-9]", name)


def names_unloaded(text: str, kb: KnowledgeBase) -> bool:
    """The question names a whole 文号 no loaded document has (国卫基层发〔2020〕12号)."""
    loaded = [d.number for d in kb.catalogue.values() if d.number]
    return any(not any(n in m.group() for n in loaded) for m in WHOLE_NUMBER.finditer(text))


def documents_named(text: str, region: str | None, kb: KnowledgeBase) -> list[DocumentInfo]:
    """The official documents a question names: by 文号 (bare or whole) or short name (北京的方案 is
    北京方案); else by the year it speaks of ("2020年的方案", "2024-2025那个") among the region's; else,
    when it speaks of a text (方案, 文件) without naming one, every text of the region (吉林的方案有效期:
    both, each with its period)."""
    by_number = [d for _, d in kb.catalogue.by_bare_number(text, region)]
    plain = text.replace(OF, "")
    # 北京这个方案 names 北京方案 — unless a date asks about a point of it ("北京那个方案里的8月31日…还照这个来吗")
    plain = plain if DATE_IN.search(text) else POINTING.sub("", plain)
    official = [d for d in kb.catalogue.values() if not d.secondary]
    named = list(dict.fromkeys([*by_number, *(d for d in official if d.named_in(text) or d.named_in(plain))]))
    named = [d for d in named if not d.secondary]
    if named or region is None or not A_TEXT.search(text):
        return named
    own = [d for d in official if d.region == region]
    years = {int(y) for m in TEXT_OF_YEAR.finditer(text) for y in YEAR.findall(m.group())}
    years |= {int(m.group(1)) for m in TEXT_ISSUED_IN.finditer(text)}
    years |= {int(m.group(1)) for m in TEXT_SAID_OF_YEAR.finditer(text)}  # 这个方案是2022年的
    if years:
        return [d for d in own if any(_covers(d, y) for y in years)]
    # a date or a figure in it (“2020年度于8月31日前”还按这个吗) asks about that point, not the text
    return [] if re.search(r"[0-9]", text) else own


def _covers(doc: DocumentInfo, year: int) -> bool:
    """The document starts in that year, or its periods run through it (2025 is 2024—2025年方案's)."""
    end = doc.end.year if doc.end is not None else doc.start.year
    return doc.start.year <= year <= end


def _period_line(doc: DocumentInfo, today: dt.date) -> str:
    start = render.date(doc.start, weekday=False)
    if doc.end is None:
        span = T.DOC_SPAN_OPEN.format(start=start)
        standing = ""  # said point by point (doc_standing.standing_lines)
    else:
        span = T.DOC_SPAN.format(start=start, end=render.date(doc.end, weekday=False))
        standing = T.DOC_PAST if today > doc.end else T.DOC_IN_FORCE
    inferred = T.DOC_INFERRED if doc.inferred else ""
    day = render.date(today, weekday=False)
    return T.DOC_PERIOD.format(number=doc.number, short=doc.short, span=span + inferred) + standing.format(today=day)
