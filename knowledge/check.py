"""`python -m bot kb check`: everything that must hold for the knowledge base to be shipped.

`CHECKS` is a list of functions `(kb) -> list[str]`; each error names the file, the entry and the
fault ("faq/jilin-2020.yaml: jilin-2020-open-beds: citation 1: quote not found …"). Besides the
schemas (knowledge/schema.py) and the citations, it enforces:
  - periods: every document has one; a calendar date runs only while its text governs
    (knowledge/governing_check.py);
  - forces: every criterion has one that fits where it is cited (knowledge/eligibility/check.py);
  - which text governs: an answer on a point a later text changed names both (governing_check.py);
  - one fact, one place: a number or date in an answer agrees with the rule or calendar entry
    that holds it (knowledge/consistency.py);
  - answers that stand alone: no bare "要。" opener written for the canonical question (issue 12).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from knowledge.base import KnowledgeBase
from knowledge.calendar.check import check_calendars
from knowledge.citations import verify
from knowledge.consistency import check_one_place
from knowledge.documents import read_catalogue, text_path
from knowledge.eligibility.check import check_rules
from knowledge.faq import FaqEntry, read_faq
from knowledge.governing_check import check_governing
from knowledge.preconditions import check_preconditions
from knowledge.regions import read_regions

MIN_PHRASINGS = 3
MAX_ANSWER_CHARS = 3000
MIN_ENTRIES_PER_REGION = 10  # an entry for `national` counts for every region
# A secondary answer ends by sending the user to the official text.
SECONDARY_REMINDER = ("原文", "正式文件", "官方文件")
# An opener that only answers the canonical question's yes/no ("要。" "不能。" "可以争取。"): it reads
# wrong for a phrasing that asks something else, so every answer must start with a statement that
# names what it is about (issue 12, item 8).
BARE_OPENER = re.compile(
    r"^(要|不要|需要|不需要|必须|能|不能|可以|不可以|会|不会|是|不是|有|没有|对|不对|保留|一样|不一样|行|不行)"
    r"[^。！？；]{0,6}[。！？；]"
)

Check = Callable[[KnowledgeBase], list[str]]


def check_documents(kb: KnowledgeBase) -> list[str]:
    """documents.yaml (schema, periods, known region, text file present, period citations verified)
    and regions.yaml."""
    catalogue, errors = read_catalogue(kb.root)
    found, region_errors = read_regions(kb.root)
    errors += region_errors
    regions = set(found.ids)
    for doc in catalogue.values():
        where = f"documents.yaml: {doc.id}"
        if doc.region not in regions:
            errors.append(f"{where}: unknown region {doc.region!r}")
        path = text_path(kb.root, doc)
        if not path.is_file():
            errors.append(f"{where}: text file {path.parent.name}/{path.name} is missing")
    if errors:
        return errors
    for doc in catalogue.values():
        for j, period in enumerate(doc.periods, 1):
            c = period.citation
            if c is not None and (fault := verify(kb.documents, c.document, c.section, c.quote)):
                errors.append(f"documents.yaml: {doc.id}: period {j}: citation: {fault}")
    return errors


def check_faq(kb: KnowledgeBase) -> list[str]:
    """Schema, unique ids, regions, topics, phrasings, answer length and opener, citations and the
    secondary rules."""
    entries, errors = read_faq(kb.root)
    regions = set(kb.regions.ids)
    docs = kb.documents
    ids = Counter(e.id for e in entries)
    topic_owner: dict[tuple[str, str], str] = {}  # (topic, region) -> the entry answering it there
    for e in entries:
        where = f"faq/{e.file}: {e.id}"
        if ids[e.id] > 1:
            errors.append(f"{where}: duplicate id")
        errors.extend(f"{where}: unknown region {r!r}" for r in e.regions if r not in regions)
        for r in e.regions if e.topic else ():
            # A topic is one question per region; two answers for one region would contradict.
            if (owner := topic_owner.setdefault((str(e.topic), r), e.id)) != e.id:
                errors.append(f"{where}: topic {e.topic!r} is already answered for {r} by {owner}")
        distinct = {p for p in e.phrasings if p and p != e.question}
        if len(distinct) < MIN_PHRASINGS:
            errors.append(f"{where}: needs at least {MIN_PHRASINGS} distinct phrasings besides the question")
        if len(e.answer) > MAX_ANSWER_CHARS:
            errors.append(f"{where}: answer has {len(e.answer)} chars (max {MAX_ANSWER_CHARS})")
        if opener := BARE_OPENER.match(e.answer):
            errors.append(
                f"{where}: the answer opens with {opener.group(0)!r}, which only answers the canonical "
                "question; start with a statement that names what it is about"
            )
        if e.secondary and not any(w in e.answer.strip().splitlines()[-1] for w in SECONDARY_REMINDER):
            errors.append(f"{where}: a secondary answer must end with a line sending the user to the official text")
        for j, c in enumerate(e.citations, 1):
            doc = docs.get(c.document)
            if doc is not None and doc.secondary != e.secondary:
                kind = "secondary" if e.secondary else "official"
                errors.append(f"{where}: citation {j}: a {kind} entry cannot cite {c.document} ({doc.kind})")
            if fault := verify(docs, c.document, c.section, c.quote):
                errors.append(f"{where}: citation {j}: {fault}")
    return errors


def check_region_coverage(kb: KnowledgeBase) -> list[str]:
    """Each region has enough entries (national ones count everywhere)."""
    entries, _ = read_faq(kb.root)
    errors = []
    for region in kb.regions.ids:
        n = sum(1 for e in entries if region in e.regions or "national" in e.regions)
        if n < MIN_ENTRIES_PER_REGION:
            errors.append(f"faq: -: region {region} has {n} entries (at least {MIN_ENTRIES_PER_REGION} needed)")
    return errors


CHECKS: list[Check] = [
    check_documents,
    check_faq,
    check_region_coverage,
    check_calendars,  # knowledge/calendar/check.py
    check_rules,  # knowledge/eligibility/check.py
    check_governing,  # knowledge/governing_check.py
    check_one_place,  # knowledge/consistency.py
    check_preconditions,  # knowledge/preconditions.py
]


def run_checks(kb: KnowledgeBase) -> list[str]:
    """Every fault, as `file: entry: message` lines (empty when the knowledge base may be shipped).
    Everything else cites documents and regions, so faults there are reported alone."""
    errors: list[str] = []
    for check in CHECKS:
        try:
            errors.extend(check(kb))
        except Exception as exc:  # a broken file must be reported, not crash the whole check
            errors.append(f"{check.__module__}.{check.__name__}: -: check crashed: {type(exc).__name__}: {exc}")
        if check is check_documents and errors:
            break
    return errors


def summary(kb: KnowledgeBase) -> dict[str, Any]:
    """Counts for the success line and `kb stats`."""
    entries, _ = read_faq(kb.root)
    per_region = {r: sum(1 for e in entries if r in e.regions) for r in kb.regions.ids}
    per_document: Counter[str] = Counter(c.document for e in entries for c in e.citations)
    per_file: Counter[str] = Counter(e.file for e in entries)
    criteria = [c for s in kb.rules.values() for c in s.weighed().criteria]
    return {
        "entries": len(entries),
        "citations": sum(len(e.citations) for e in entries),
        "secondary": sum(1 for e in entries if e.secondary),
        "documents": len(kb.documents),
        "per_region": per_region,
        "per_document": dict(per_document),
        "per_file": dict(per_file),
        "topics": len({e.topic for e in entries if e.topic}),
        "criteria": len(criteria),
        "per_force": dict(Counter(c.force for c in criteria)),
    }


def faq_entries(kb: KnowledgeBase) -> list[FaqEntry]:
    """The entries that follow the schema (kb check reports the others)."""
    return read_faq(kb.root)[0]
