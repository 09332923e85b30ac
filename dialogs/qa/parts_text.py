"""A later part asking something of a text itself (哪天印发的, 哪年出的, 谁发的 / 哪几家联合发的, 现在还作数吗)
and naming no text: it asks of the text an earlier part names. Read after that part, its words fell away:
"吉林2024那个方案文号多少？哪天印发的？" — the part in front lost its year (read as a time), and ② answered
with the 2020 plan's date; "北京的方案叫什么，哪个部门发的" — ② took the three-year plan's issuers; "社区医院
基本标准（试行）现在还作数吗？哪年出的" — ② repeated ① (sealed set 10: s10a079, s10b092). Such a part is
read with the text named in front: its 文号 (a loaded text), else its name (a text the loaded ones cite)."""

from __future__ import annotations

from collections.abc import Callable

from dialogs.qa.cited_standing import cited_name, names_cited
from dialogs.qa.doc_issued import asks_issued
from dialogs.qa.doc_number import documents_named
from dialogs.qa.in_force_words import ISSUER_ASKED, OF, TEXT_OF_YEAR, WHOLE_NUMBER
from dialogs.qa.turn import AnswerOne, Turn
from knowledge.base import KnowledgeBase
from knowledge.documents import DocumentInfo
from knowledge.places import places_named
from knowledge.search.intent import asks_now


def of_text_named(
    parts: list[str],
    turns: list[Turn],
    answer_one: AnswerOne,
    kb: KnowledgeBase,
    region: str | None,
    gives_asked: Callable,
) -> list[Turn]:
    """`turns`, one per part, with each later part that asks of a text and names none given the turn of
    its reading with the text the nearest earlier part names in front, when that reading is answered and
    gives what the part asks (parts.gives_asked). A reading on an entry no earlier part shows ("北京方案哪个部门
    发的": who evaluates) gives way to the naming part's own turn when that one gives what is asked (the
    plan's overview names its issuer); else the part's turn is left as it was."""
    out = list(turns)
    for i in range(1, len(parts)):
        part = parts[i]
        if not asks_of_text(part) or _names_a_text(part, kb, region):
            continue
        k, name = next(((k, n) for k in reversed(range(i)) if (n := text_named(parts[k], kb, region))), (0, None))
        if name is None:
            continue
        naming = out[k] if out[k].answered and out[k].shown and gives_asked(part, out[k].shown) else None
        reading = answer_one(f"{name}{part}")
        if not (reading.answered and gives_asked(part, reading.shown)):
            out[i] = naming or out[i]
            continue
        shown_before = {a.entry_id for t in out[:i] if t.answered for a in t.shown}
        foreign = bool(reading.shown) and not {a.entry_id for a in reading.shown} <= shown_before
        out[i] = naming if foreign and naming is not None else reading
    return out


def asks_of_text(part: str) -> bool:
    """The part asks something of a text itself: when it was issued, who issued it, whether it still applies."""
    return asks_issued(part) or bool(ISSUER_ASKED.search(part)) or asks_now(part) == "in_force"


def text_named(text: str, kb: KnowledgeBase, region: str | None) -> str | None:
    """How to name the one text `text` names: a loaded text's 文号 (else its first short name), or the name
    of a text the loaded ones cite (社区医院基本标准（试行）); None when it names none, or several."""
    official = [d for d in _named_official(text, kb, region) if not d.secondary]
    if len(official) == 1:
        doc = official[0]
        return doc.number or next(iter(doc.names), doc.short)  # 北京方案: what doc_issued knows it by
    if official:
        return None
    cited = [d for d in kb.catalogue.values() if d.secondary and names_cited(text, d, kb)]
    return (cited_name(cited[0]) or None) if len(cited) == 1 else None


def _named_official(text: str, kb: KnowledgeBase, region: str | None) -> list[DocumentInfo]:
    """The loaded texts `text` names by 文号, by name, or by a year of the region's ("2024那个方案"); not
    every text of the region, which a bare 方案 would give."""
    where = places_named(text).regions
    named = documents_named(text, where[0] if where else region, kb)
    by_name = [d for d in named if d.named_in(text) or d.named_in(text.replace(OF, ""))]
    by_number = {d.id for _, d in kb.catalogue.by_bare_number(text, region)}
    if by_name or by_number:
        return [d for d in named if d in by_name or d.id in by_number]
    return named if TEXT_OF_YEAR.search(text) else []


def _names_a_text(part: str, kb: KnowledgeBase, region: str | None) -> bool:
    """The part names a text of its own (a 文号, a name, a year's text, a region's), or a place."""
    return bool(
        WHOLE_NUMBER.search(part)
        or TEXT_OF_YEAR.search(part)
        or places_named(part).regions
        or text_named(part, kb, region)
    )
