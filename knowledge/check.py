"""`python -m bot kb check`: everything that must hold for the knowledge base to be shipped.

`CHECKS` is a list of functions `(kb) -> list[str]`; each error names the file, the entry and the
fault ("faq/jilin-2020.yaml: jilin-2020-open-beds: citation 1: quote not found …"). Other parts of
the knowledge base (rule sets, calendars) append their own checks to the list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from knowledge.base import KnowledgeBase
from knowledge.calendar.check import check_calendars
from knowledge.citations import verify
from knowledge.eligibility.check import check_rules
from knowledge.faq import FaqEntry, entry_from_dict
from knowledge.regions import region_ids
from knowledge.sources import KINDS, REQUIRED_FIELDS, load_metadata

MIN_PHRASINGS = 3
MAX_ANSWER_CHARS = 3000
MIN_ENTRIES_PER_REGION = 10  # an entry for `national` counts for every region
ID_PATTERN = re.compile(r"^[a-z0-9-]+$")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
ENTRY_KEYS = {"id", "regions", "topic", "question", "phrasings", "answer", "citations", "secondary", "provenance"}
CITATION_KEYS = {"document", "section", "quote"}
# A secondary answer ends by sending the user to the official text.
SECONDARY_REMINDER = ("原文", "正式文件", "官方文件")

Check = Callable[[KnowledgeBase], list[str]]


def check_documents(kb: KnowledgeBase) -> list[str]:
    """documents.yaml: every field present, known kind and region, a date, the text file exists."""
    errors: list[str] = []
    where = "documents.yaml"
    try:
        metas = load_metadata(kb.root)
    except (OSError, yaml.YAMLError) as exc:
        return [f"{where}: -: cannot read: {exc}"]
    regions = set(region_ids(kb.root))
    seen: Counter[str] = Counter(str(m.get("id")) for m in metas if isinstance(m, dict))
    for i, meta in enumerate(metas, 1):
        if not isinstance(meta, dict):
            errors.append(f"{where}: item {i}: not a mapping")
            continue
        doc_id = str(meta.get("id") or f"item {i}")
        for key in REQUIRED_FIELDS:
            if key not in meta:
                errors.append(f"{where}: {doc_id}: missing field {key!r}")
            elif key not in ("number", "url") and not str(meta[key] or "").strip():
                errors.append(f"{where}: {doc_id}: empty field {key!r}")
        if seen[doc_id] > 1:
            errors.append(f"{where}: {doc_id}: duplicate id")
        if meta.get("kind") not in KINDS:
            errors.append(f"{where}: {doc_id}: kind must be one of {', '.join(KINDS)}")
        if meta.get("region") not in regions:
            errors.append(f"{where}: {doc_id}: unknown region {meta.get('region')!r}")
        if not DATE_PATTERN.match(str(meta.get("date") or "")):
            errors.append(f"{where}: {doc_id}: date must be YYYY-MM-DD or YYYY")
        url = meta.get("url")
        if url is not None and not str(url).startswith(("http://", "https://")):
            errors.append(f"{where}: {doc_id}: url must be an http(s) address or null")
        folder, suffix = ("secondary", ".md") if meta.get("kind") == "secondary" else ("sources", ".txt")
        if not (kb.root / folder / f"{doc_id}{suffix}").is_file():
            errors.append(f"{where}: {doc_id}: text file {folder}/{doc_id}{suffix} is missing")
    return errors


def load_faq_checked(root: Path) -> tuple[list[FaqEntry], list[str]]:
    """Read every faq/*.yaml, reporting what does not parse instead of raising."""
    entries: list[FaqEntry] = []
    errors: list[str] = []
    for path in sorted((root / "faq").glob("*.yaml")):
        where = f"faq/{path.name}"
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as exc:
            errors.append(f"{where}: -: YAML does not parse: {exc}".replace("\n", " "))
            continue
        if not isinstance(raw, list):
            errors.append(f"{where}: -: the file must be a list of entries")
            continue
        for i, item in enumerate(raw, 1):
            entry, problems = _entry(item, path.name, i)
            errors.extend(f"{where}: {_name(item, i)}: {p}" for p in problems)
            if entry is not None:
                entries.append(entry)
    return entries, errors


def _name(item: Any, i: int) -> str:
    return str(item.get("id")) if isinstance(item, dict) and item.get("id") else f"entry {i}"


def _entry(item: Any, file: str, i: int) -> tuple[FaqEntry | None, list[str]]:
    if not isinstance(item, dict):
        return None, ["not a mapping"]
    problems = [f"unknown key {k!r}" for k in item if k not in ENTRY_KEYS]
    for key in ("id", "regions", "question", "phrasings", "answer", "citations"):
        if not item.get(key):
            problems.append(f"missing or empty {key!r}")
    for key in ("regions", "phrasings", "citations"):
        if item.get(key) is not None and not isinstance(item.get(key), list):
            problems.append(f"{key!r} must be a list")
    for j, c in enumerate(item.get("citations") or [], 1):
        if not isinstance(c, dict) or set(c) != CITATION_KEYS:
            problems.append(f"citation {j}: must have exactly document, section, quote")
    if problems:
        return None, problems
    return entry_from_dict(item, file), []


def check_faq(kb: KnowledgeBase) -> list[str]:
    """Schema, unique ids, regions, phrasings, answer length, citations and the secondary rules."""
    entries, errors = load_faq_checked(kb.root)
    regions = set(region_ids(kb.root))
    docs = kb.documents
    ids = Counter(e.id for e in entries)
    topic_owner: dict[tuple[str, str], str] = {}  # (topic, region) -> the entry answering it there
    for e in entries:
        where = f"faq/{e.file}: {e.id}"
        if not ID_PATTERN.match(e.id):
            errors.append(f"{where}: id must match {ID_PATTERN.pattern}")
        if ids[e.id] > 1:
            errors.append(f"{where}: duplicate id")
        if e.topic is not None and not ID_PATTERN.match(str(e.topic)):
            errors.append(f"{where}: topic must match {ID_PATTERN.pattern}")
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
        if e.secondary:
            if not (e.provenance or "").strip():
                errors.append(f"{where}: a secondary entry needs provenance (who reported it, when)")
            if not any(w in e.answer.strip().splitlines()[-1] for w in SECONDARY_REMINDER):
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
    entries, _ = load_faq_checked(kb.root)
    errors = []
    for region in region_ids(kb.root):
        n = sum(1 for e in entries if region in e.regions or "national" in e.regions)
        if n < MIN_ENTRIES_PER_REGION:
            errors.append(f"faq: -: region {region} has {n} entries (at least {MIN_ENTRIES_PER_REGION} needed)")
    return errors


CHECKS: list[Check] = [check_documents, check_faq, check_region_coverage]
CHECKS.append(check_calendars)  # knowledge/calendar/check.py
CHECKS.append(check_rules)  # knowledge/eligibility/check.py


def run_checks(kb: KnowledgeBase) -> list[str]:
    errors: list[str] = []
    for check in CHECKS:
        try:
            errors.extend(check(kb))
        except Exception as exc:  # a broken file must be reported, not crash the whole check
            errors.append(f"{check.__module__}.{check.__name__}: -: check crashed: {type(exc).__name__}: {exc}")
    return errors


def summary(kb: KnowledgeBase) -> dict[str, Any]:
    """Counts for the success line and `kb stats`."""
    entries, _ = load_faq_checked(kb.root)
    per_region = {r: sum(1 for e in entries if r in e.regions) for r in region_ids(kb.root)}
    per_document: Counter[str] = Counter(c.document for e in entries for c in e.citations)
    per_file: Counter[str] = Counter(e.file for e in entries)
    return {
        "entries": len(entries),
        "citations": sum(len(e.citations) for e in entries),
        "secondary": sum(1 for e in entries if e.secondary),
        "documents": len(kb.documents),
        "per_region": per_region,
        "per_document": dict(per_document),
        "per_file": dict(per_file),
        "topics": len({e.topic for e in entries if e.topic}),
    }
