"""`kb check` for calendars: every region has one, ids are unique, deadlines name real stages, at
most one status note holds on any day, every date lies in the period of the text it cites
(documents.yaml), and every citation's quote is verbatim in the cited section of the stored source
text. Whether a date runs only while its text governs that step is checked in
knowledge/governing_check.py."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from typing import TYPE_CHECKING

from knowledge.calendar.loader import read_calendars
from knowledge.calendar.model import Calendar, DeadlineRule
from knowledge.citations import verify
from knowledge.documents import Catalogue, Citation

if TYPE_CHECKING:  # a check reads the knowledge base it is given; the base does not depend on it
    from knowledge.base import KnowledgeBase


def check_calendars(kb: KnowledgeBase) -> list[str]:
    """kb check for every calendar (see the module docstring)."""
    calendars, errors = read_calendars(kb.root, kb.catalogue)
    known = set(kb.regions.ids)
    for region in sorted(known - set(calendars)):
        if not any(e.startswith(f"calendars/{region}.yaml") for e in errors):
            errors.append(f"calendars: -: no calendar for region {region!r}")
    # National deadlines are copied into every regional calendar: check them once, in their own file.
    national = {r.id for r in calendars["national"].rules} if "national" in calendars else set()
    for region, calendar in calendars.items():
        errors.extend(_check_one(kb, calendar, known, set() if region == "national" else national))
    return errors


def _check_one(kb: KnowledgeBase, calendar: Calendar, known: set[str], inherited: set[str]) -> list[str]:
    where = f"calendars/{calendar.file or calendar.region}"
    errors: list[str] = []
    if calendar.region not in known:
        errors.append(f"{where}: -: unknown region {calendar.region!r}")
    stage_ids = [s.id for s in calendar.stages]
    errors += [f"{where}: {s}: stage appears twice" for s in sorted({s for s in stage_ids if stage_ids.count(s) > 1})]
    rule_ids = [r.id for r in calendar.rules]
    errors += [f"{where}: {r}: deadline appears twice" for r in sorted({r for r in rule_ids if rule_ids.count(r) > 1})]
    errors += [f"{where}: status notes: {e}" for e in _overlaps(calendar)]
    errors += [
        f"{where}: status note: unknown stage {n.stage!r}"
        for n in calendar.status_notes
        if n.stage is not None and n.stage not in stage_ids
    ]
    cited: list[tuple[str, Citation]] = [("status note", c) for n in calendar.status_notes for c in n.citations]
    for stage in calendar.stages:
        if stage.citation:
            cited.append((f"{stage.id}: stage", stage.citation))
        material_ids = [m.id for m in stage.materials]
        if len(set(material_ids)) != len(material_ids):
            errors.append(f"{where}: {stage.id}: material ids repeat")
        cited += [(f"{stage.id}: material {m.id}", m.citation) for m in stage.materials]
    for rule in calendar.rules:
        if rule.id in inherited:
            continue
        if rule.stage is not None and rule.stage not in stage_ids:
            errors.append(f"{where}: {rule.id}: unknown stage {rule.stage!r}")
        if problem := outside_period(rule, kb.catalogue):
            errors.append(f"{where}: {rule.id}: {problem}")
        cited.append((f"{rule.id}: deadline", rule.citation))
    for what, citation in cited:
        problem = verify(kb.documents, citation.document, citation.section, citation.quote)
        if problem:
            errors.append(f"{where}: {what}: {problem}")
    return errors


def _overlaps(calendar: Calendar) -> list[str]:
    """Two status notes that hold on the same day (a day would show two regimes)."""
    far_past, far_future = dt.date.min, dt.date.max
    spans = sorted((n.start or far_past, n.end or far_future) for n in calendar.status_notes)
    return [
        f"the note from {b[0]} starts before the note ending {a[1]} ends"
        for a, b in pairwise(spans)
        if b[0] <= a[1]
    ]


def outside_period(rule: DeadlineRule, catalogue: Catalogue) -> str | None:
    """Why the rule's dates do not lie in the period of the document it cites (None when they do)."""
    doc = catalogue.get(rule.citation.document)
    if doc is None:
        return f"unknown document {rule.citation.document!r}"
    first, last = doc.start, doc.end
    if rule.kind == "once":
        assert rule.date is not None
        if not doc.covers(rule.date):
            return f"{rule.date} is outside the period of {doc.id}"
        return None
    if rule.kind == "yearly":
        start_year, end_year = rule.first_year, rule.last_year
    else:
        start_year, end_year = rule.start[0], rule.end[0] if rule.end else None
    if start_year < first.year:
        return f"starts in {start_year}, before {doc.id} starts ({first})"
    if last is not None and (end_year is None or end_year > last.year):
        return f"runs to {end_year or 'no end'}, but {doc.id} ends {last}: set the last year"
    return None
