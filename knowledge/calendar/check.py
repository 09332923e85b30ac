"""`kb check` for calendars: every region has one, ids are unique, deadlines name real stages, and
every citation's quote is verbatim in the cited section of the stored source text."""

from __future__ import annotations

from typing import Any

from knowledge.calendar.model import Calendar
from knowledge.citations import verify
from knowledge.faq import Citation
from knowledge.regions import region_ids


def check_calendars(kb: Any) -> list[str]:
    try:
        calendars: dict[str, Calendar] = kb.calendars
    except Exception as err:  # a broken file must be reported, not crash the whole check
        return [f"calendars: cannot load: {err}"]
    errors: list[str] = []
    known = set(region_ids(kb.root))
    for region in sorted(known - set(calendars)):
        errors.append(f"calendars: no calendar for region {region!r}")
    # National deadlines are copied into every regional calendar: check them once, in their own file.
    national = {r.id for r in calendars["national"].rules} if "national" in calendars else set()
    for region, calendar in calendars.items():
        errors.extend(_check_one(kb, calendar, known, set() if region == "national" else national))
    return errors


def _check_one(kb: Any, calendar: Calendar, known: set[str], inherited: set[str]) -> list[str]:
    where = f"calendars/{calendar.file or calendar.region}"
    errors: list[str] = []
    if calendar.region not in known:
        errors.append(f"{where}: unknown region {calendar.region!r}")
    stage_ids = [s.id for s in calendar.stages]
    errors += [f"{where}: stage {s!r} appears twice" for s in sorted({s for s in stage_ids if stage_ids.count(s) > 1})]
    rule_ids = [r.id for r in calendar.rules]
    errors += [f"{where}: deadline {r!r} appears twice" for r in sorted({r for r in rule_ids if rule_ids.count(r) > 1})]
    cited: list[tuple[str, Citation]] = [("status note", c) for c in calendar.status_citations]
    if calendar.status_note and not calendar.status_citations:
        errors.append(f"{where}: status_note has no status_citations")
    for stage in calendar.stages:
        if stage.citation:
            cited.append((f"stage {stage.id}", stage.citation))
        material_ids = [m.id for m in stage.materials]
        if len(set(material_ids)) != len(material_ids):
            errors.append(f"{where}: stage {stage.id}: material ids repeat")
        cited += [(f"stage {stage.id} material {m.id}", m.citation) for m in stage.materials]
    for rule in calendar.rules:
        if rule.id in inherited:
            continue
        if rule.stage is not None and rule.stage not in stage_ids:
            errors.append(f"{where}: deadline {rule.id}: unknown stage {rule.stage!r}")
        if rule.kind == "yearly" and rule.last_year is not None and rule.last_year < rule.first_year:
            errors.append(f"{where}: deadline {rule.id}: last_year before first_year")
        if rule.kind == "monthly" and rule.end is not None and rule.end < rule.start:
            errors.append(f"{where}: deadline {rule.id}: until before from")
        cited.append((f"deadline {rule.id}", rule.citation))
    for what, citation in cited:
        problem = verify(kb.documents, citation.document, citation.section, citation.quote)
        if problem:
            errors.append(f"{where}: {what}: {problem}")
    return errors
