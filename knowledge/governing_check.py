"""`kb check` for periods and governing texts (issue 9).

- governing.yaml loads, and what each text `says` is cited verbatim;
- a calendar date that cites a text's provision on a point runs only inside that text's window, so
  the calendar never shows two regimes as both current and never projects an old text's yearly
  date past the day a later text took over (audit K1);
- a FAQ answer, a rule set's notes, a calendar stage or status note that cites a provision names
  every text of the point and every later text of the region that does not restate it ("the answer
  names both", DESIGN; audit F1–F6, C-5, C-6, C-10, G1).
"""

from __future__ import annotations

from knowledge.base import KnowledgeBase
from knowledge.calendar.loader import read_calendars
from knowledge.calendar.model import DeadlineRule
from knowledge.citations import verify
from knowledge.documents import Catalogue, Citation
from knowledge.eligibility.loader import read_fields, read_rule_sets
from knowledge.faq import read_faq
from knowledge.governing import Governance, Window, read_governance


def check_governing(kb: KnowledgeBase) -> list[str]:
    """kb check: governing.yaml loads and its citations verify; answers, rule notes, stages and
    status notes on a changed point name every text on it; calendar dates stay in their text's window."""
    governance, errors = read_governance(kb.root, kb.catalogue, kb.regions.ids)
    if errors:
        return errors
    for region, info in governance.regions.items():
        for point in info.points.values():
            for text in point.texts:
                c = text.citation
                if fault := verify(kb.documents, c.document, c.section, c.quote):
                    errors.append(f"governing.yaml: {region}: {point.id}: {text.document}: says: {fault}")
    errors += _faq_names_every_text(kb, governance)
    errors += _rules_name_every_text(kb, governance)
    errors += _calendars_follow_the_windows(kb, governance)
    return errors


def missing_names(governance: Governance, citations: tuple[Citation, ...], text: str) -> list[str]:
    """For each point the citations touch: the documents of its history that `text` does not name,
    as "point (region): doc-id (文号)" strings."""
    catalogue = governance.catalogue
    missing: list[str] = []
    seen: set[tuple[str, str]] = set()
    for citation in citations:
        for region, point, _ in governance.points_citing(citation):
            if (region, point.id) in seen:
                continue
            seen.add((region, point.id))
            history = governance.history(region, point.id)
            if len(history) < 2:
                continue
            absent = [d for d in history if not catalogue[d].named_in(text)]
            missing += [f"{point.id} ({region}): {d} ({_name(catalogue, d)})" for d in absent]
    return missing


def _name(catalogue: Catalogue, doc_id: str) -> str:
    doc = catalogue[doc_id]
    return doc.number or doc.names[0]


MUST_NAME = "cites a provision on a point a later text changed or did not restate, so it must name every text on it"


def _faq_names_every_text(kb: KnowledgeBase, governance: Governance) -> list[str]:
    entries, _ = read_faq(kb.root)
    errors = []
    for e in entries:
        for m in missing_names(governance, e.citations, e.answer):
            errors.append(f"faq/{e.file}: {e.id}: {MUST_NAME}; not named: {m}")
    return errors


def _rules_name_every_text(kb: KnowledgeBase, governance: Governance) -> list[str]:
    fields, faults = read_fields(kb.root)
    if faults:
        return []  # reported by check_rules
    rule_sets, _ = read_rule_sets(kb.root, fields, kb.catalogue)
    errors = []
    for rule_set in rule_sets.values():
        citations = tuple(c.citation for c in rule_set.weighed().criteria)
        for m in missing_names(governance, citations, "\n".join(rule_set.notes)):
            errors.append(f"rules/{rule_set.file}: notes: {MUST_NAME}; not named: {m}")
    return errors


def _calendars_follow_the_windows(kb: KnowledgeBase, governance: Governance) -> list[str]:
    calendars, _ = read_calendars(kb.root, kb.catalogue)
    errors = []
    for calendar in calendars.values():
        where = f"calendars/{calendar.file}"
        for stage in calendar.stages:
            if stage.citation is None:
                continue
            text = f"{stage.actor}\n{stage.next_step}"
            for m in missing_names(governance, (stage.citation,), text):
                errors.append(f"{where}: {stage.id}: stage {MUST_NAME}; not named: {m}")
        for i, note in enumerate(calendar.status_notes, 1):
            for m in missing_names(governance, note.citations, note.text):
                errors.append(f"{where}: status note {i}: {MUST_NAME}; not named: {m}")
        own = [r for r in calendar.rules if kb.catalogue[r.citation.document].region == calendar.region]
        for rule in own:
            for region, point, text in governance.points_citing(rule.citation):
                window = governance.window_of(region, point.id, text.document)
                if window is not None and (problem := outside_window(rule, window)):
                    errors.append(
                        f"{where}: {rule.id}: {problem}: {text.document} governs {point.id} only from "
                        f"{window.start} to {window.end or 'no end'} (governing.yaml)"
                    )
    return errors


def outside_window(rule: DeadlineRule, window: Window) -> str | None:
    """Why a deadline's dates reach outside the window its text governs (None when they do not)."""
    if rule.kind == "once":
        assert rule.date is not None
        return None if window.covers(rule.date) else f"{rule.date} is outside the window"
    if rule.kind == "yearly":
        first, last = rule.first_year, rule.last_year
    else:
        first, last = rule.start[0], rule.end[0] if rule.end else None
    if first < window.start.year:
        return f"starts in {first}"
    if window.end is not None and (last is None or last > window.end.year):
        return f"runs to {last or 'no end'}, past the year a later text took over or the text ended"
    return None
