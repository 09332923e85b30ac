"""Whether a text the loaded ones cite but do not hold is still current ("518号那个社区医院基本标准现在
还是现行的吗", "三年行动方案管到哪年"): sealed set 6 answered these with 317号's own standing, or with
where to find the text. Such a text is known from news reports (knowledge/data/documents.yaml, kind
secondary, its title naming it: 《社区医院基本标准（试行）》（国卫办医函〔2019〕518号）…); the answer
says what the assistant holds of it, the years the reports give it (and whether they are over), which
loaded texts cite it — the latest year among them says it was still the reference then — and that no
loaded text says it was revised or replaced, then whom to ask."""

from __future__ import annotations

import datetime as dt
import re

from core.model import Reply
from dialogs import render
from dialogs.qa.doc_standing import repeal_said
from dialogs.qa.in_force_words import BARE_NUMBER_OF, CITED_PREFIX, OTHER_HOLDER
from dialogs.qa.turn import Turn
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.documents import Citation, DocumentInfo
from knowledge.search.intent import asks_now
from knowledge.sources import INTRO as INTRODUCTION  # a report note's text before its first heading

# A report note's title names the text it reports: 《name》 and, when known, （文号）.
_TITLE = re.compile(r"《(?P<name>[^》]+)》(?:（(?P<number>[^）]+)）)?")
_BRACKETED = re.compile(r"（[^）]*）")  # 社区医院基本标准（试行） is named 社区医院基本标准 too
_NUMBER_YEAR = re.compile(r"〔(20[0-9]{2})〕")  # the year of a 文号 (国卫办医函〔2019〕518号)
MIN_SHORT = 4  # characters of a name without its institution prefix still naming it (基本标准)


def reply(text: str, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """The standing of the one cited-but-unheld text the question names and asks is still current;
    None for any other question, or when it names an official text too (doc_number answers that)."""
    if asks_now(text) != "in_force" or any(d.named_in(text) for d in kb.catalogue.values() if not d.secondary):
        return None
    named = [d for d in kb.catalogue.values() if d.secondary and names_cited(text, d, kb)]
    if len(named) != 1:
        return None
    doc = named[0]
    m = _TITLE.match(doc.title)
    if m is None:
        return None
    name, number = m.group("name"), m.group("number") or ""
    lines = [T.CITED_NAME.format(name=name, number=T.CITED_NUMBER.format(number=number) if number else "")]
    issued = _NUMBER_YEAR.search(number)
    if issued is not None:  # "还作数吗？哪年出的": the year beside the standing (sealed set 10, s10b092)
        lines.append(T.CITED_ISSUED.format(year=issued.group(1), reported=render.date(doc.start, weekday=False)))
    if doc.end is not None:
        span = T.DOC_YEARS.format(start=doc.start.year, end=doc.end.year)
        day = render.date(today, weekday=False)
        lines.append(
            T.CITED_SPAN.format(span=span) + (T.CITED_OVER if today > doc.end else T.CITED_OPEN).format(today=day)
        )
    citing = _citing(name, number, kb)
    if citing:
        texts = T.DOC_JOIN.join(T.CITED_TEXT.format(number=d.number or d.short, year=d.start.year) for d in citing)
        lines.append(T.CITED_BY.format(count=len(citing), texts=texts, last=citing[-1].start.year))
    if not repeal_said(doc, kb):
        lines.append(T.CITED_NOT_REPLACED)
    lines.append(T.CITED_ASK)
    sources = (
        kb.catalogue.source_for(Citation(doc.id, INTRODUCTION, "")),
        *(kb.catalogue.source_for(Citation(d.id, _section_naming(d.id, name, number, kb), "")) for d in citing),
    )
    lines += [render.source_line(s) for s in sources[1:]]
    return Turn("in_force", "answer", (Reply("\n".join(lines)),), doc.region, 1.0, (), sources)


def cited_words(doc: DocumentInfo) -> tuple[str, ...]:
    """The words naming the text a report note is about, from the note's title 《name》（文号）: the name
    without its bracketed edition (社区医院基本标准), the 文号 and its bare number (518号); () when the title
    names no text (documents.yaml, kind secondary)."""
    m = _TITLE.match(doc.title)
    if m is None:
        return ()
    number = m.group("number") or ""
    bare = BARE_NUMBER_OF.search(number)
    return tuple(w for w in (_core(m.group("name")), number, bare.group() if bare else "") if w)


def cited_name(doc: DocumentInfo) -> str:
    """The name of the text a report note is about, as its title gives it (社区医院基本标准（试行）); "" when
    the title names no text."""
    m = _TITLE.match(doc.title)
    return m.group("name") if m else ""


def _core(name: str) -> str:
    return _BRACKETED.sub("", name)


def names_cited(text: str, doc: DocumentInfo, kb: KnowledgeBase) -> bool:
    """The question names the text a report note is about: by its name (without the bracketed
    edition), its 文号 or the number of it, or a name of the note that no other note shares."""
    m = _TITLE.match(doc.title)
    if m is None:
        return False
    short = _core(m.group("name")).removeprefix(CITED_PREFIX)
    if len(short) >= MIN_SHORT and _short_names(text, short):
        return True
    words = set(cited_words(doc))
    others = [n for d in kb.catalogue.values() if d.secondary and d.id != doc.id for n in d.names]
    words |= {n for n in doc.names if n not in others}
    return any(w and w in text for w in words)


def _short_names(text: str, short: str) -> bool:
    """The short name (基本标准) stands for the cited text somewhere: not after another institution or
    a grade (二级综合医院基本标准 names another standard, not held at all)."""
    return any(not OTHER_HOLDER.search(text[: m.start()]) for m in re.finditer(re.escape(short), text))


def _citing(name: str, number: str, kb: KnowledgeBase) -> list[DocumentInfo]:
    """The loaded official texts that name it, oldest first."""
    core = _core(name)
    docs = [d for d in kb.catalogue.values() if not d.secondary and d.id in kb.documents]
    holding = [d for d in docs if core in kb.documents[d.id].text or (number and number in kb.documents[d.id].text)]
    return sorted(holding, key=lambda d: d.start)


def _section_naming(doc_id: str, name: str, number: str, kb: KnowledgeBase) -> str:
    """The narrowest section of a loaded text that names the cited text."""
    core = _core(name)
    sections = kb.documents[doc_id].sections
    holding = [p for p, t in sections.items() if core in t or (number and number in t)]
    return min(holding, key=lambda p: len(sections[p]), default=INTRODUCTION)
