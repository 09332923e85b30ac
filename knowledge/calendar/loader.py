"""Loading knowledge/data/calendars/<region>.yaml.

Schema of one file:
  region: jilin
  status_note: …                  # optional, Chinese: the schedule is over / applications all year
  status_citations: [{document: …, section: …, quote: …}]   # what the status note rests on
  status_note_from: 2023-01-01     # optional: the note holds from this day on (a schedule is over)
  stages:                          # in order
    - id: apply
      name: 机构申请
      actor: 机构（经县、市两级卫生健康行政部门审核）
      next_step: …
      citation: {document: jilin-2020, section: 四（一）, quote: …}
      materials:
        - {id: application-form, name: 社区医院建设机构申请表（附件4）, citation: {…}}
  deadlines:
    - id: jilin-application        # yearly ids get -<year>, monthly ids -<year>-<month>
      title: …
      actor: …
      stage: apply                 # or null: everyone in the region
      yearly: {month: 6, day: 30, first_year: 2020, last_year: null,
               exceptions: {2020: 2020-08-31}, exception_note: …}
      # or  once: 2022-08-31
      # or  monthly: {day: 1, from: 2022-09, until: 2022-12}
      postpone: false              # true only where the text says 顺延
      note: …
      citation: {document: jilin-2020, section: 四（一）, quote: 每年6月30日}

The national calendar's deadlines apply in every region (a national item applies everywhere), so
they are added to each regional calendar.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from knowledge.calendar.holidays import Holidays, load_holidays
from knowledge.calendar.model import Calendar, DeadlineRule, Material, Stage
from knowledge.faq import Citation
from knowledge.search.model import Source

NATIONAL = "national"


class CalendarError(ValueError):
    """A calendar file that does not follow the schema (the message names file and entry)."""


def load_calendars(root: Path) -> dict[str, Calendar]:
    directory = root / "calendars"
    holidays = load_holidays(directory)
    documents = _documents(root)
    calendars: dict[str, Calendar] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name == "holidays_override.yaml":
            continue
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        calendar = calendar_from_dict(raw, documents, holidays, path.name)
        calendars[calendar.region] = calendar
    national = calendars.get(NATIONAL)
    if national is not None:
        for region, calendar in list(calendars.items()):
            if region != NATIONAL:
                calendars[region] = _with_rules(calendar, calendar.rules + national.rules)
    return calendars


def calendar_from_dict(
    raw: dict[str, Any], documents: dict[str, dict[str, Any]], holidays: Holidays, file: str = ""
) -> Calendar:
    try:
        stages = tuple(_stage(s) for s in raw.get("stages") or ())
        rules = tuple(_rule(r, documents) for r in raw.get("deadlines") or ())
        status_citations = tuple(_citation(c) for c in raw.get("status_citations") or ())
        return Calendar(
            region=str(raw["region"]),
            stages=stages,
            status_note=str(raw.get("status_note") or "").strip(),
            rules=rules,
            status_sources=tuple(_source(c, documents) for c in status_citations),
            status_citations=status_citations,
            status_note_from=_date(raw["status_note_from"]) if raw.get("status_note_from") else None,
            holidays=holidays,
            file=file,
        )
    except (KeyError, TypeError, ValueError) as err:
        raise CalendarError(f"{file}: {err!r}") from err


def _with_rules(calendar: Calendar, rules: tuple[DeadlineRule, ...]) -> Calendar:
    return dataclasses.replace(calendar, rules=rules)


def _citation(raw: dict[str, Any]) -> Citation:
    return Citation(str(raw["document"]), str(raw["section"]), str(raw["quote"]))


def _stage(raw: dict[str, Any]) -> Stage:
    materials = tuple(
        Material(str(m["id"]), str(m["name"]).strip(), _citation(m["citation"])) for m in raw.get("materials") or ()
    )
    return Stage(
        id=str(raw["id"]),
        name=str(raw["name"]).strip(),
        actor=str(raw["actor"]).strip(),
        materials=materials,
        next_step=str(raw.get("next_step") or "").strip(),
        citation=_citation(raw["citation"]) if raw.get("citation") else None,
    )


def _rule(raw: dict[str, Any], documents: dict[str, dict[str, Any]]) -> DeadlineRule:
    rule_id = str(raw["id"])
    citation = _citation(raw["citation"])
    common: dict[str, Any] = {
        "id": rule_id,
        "title": str(raw["title"]).strip(),
        "stage": raw.get("stage"),
        "citation": citation,
        "source": _source(citation, documents),
        "postpone": bool(raw.get("postpone", False)),
        "note": str(raw.get("note") or "").strip(),
        "actor": str(raw.get("actor") or "").strip(),
    }
    kinds = [k for k in ("yearly", "once", "monthly") if k in raw]
    if len(kinds) != 1:
        raise CalendarError(f"deadline {rule_id}: exactly one of yearly/once/monthly, got {kinds}")
    if "once" in raw:
        return DeadlineRule(kind="once", date=_date(raw["once"]), **common)
    if "yearly" in raw:
        y = raw["yearly"]
        month, day = int(y["month"]), int(y["day"])
        dt.date(2000, month, day)  # a real month and day (2000 is a leap year, so 2/29 is allowed)
        return DeadlineRule(
            kind="yearly",
            month=month,
            day=day,
            first_year=int(y["first_year"]),
            last_year=int(y["last_year"]) if y.get("last_year") is not None else None,
            exceptions={int(year): _date(d) for year, d in (y.get("exceptions") or {}).items()},
            exception_note=str(y.get("exception_note") or "").strip(),
            **common,
        )
    m = raw["monthly"]
    day = int(m["day"])
    if not 1 <= day <= 31:
        raise CalendarError(f"deadline {rule_id}: day {day} is not a day of a month")
    return DeadlineRule(
        kind="monthly",
        day=day,
        start=_year_month(m["from"]),
        end=_year_month(m["until"]) if m.get("until") else None,
        **common,
    )


def _source(citation: Citation, documents: dict[str, dict[str, Any]]) -> Source:
    doc = documents.get(citation.document)
    if doc is None:
        raise CalendarError(f"unknown document {citation.document!r}")
    return Source(
        document=str(doc.get("short") or doc.get("title")),
        number=str(doc.get("number") or ""),
        section=citation.section,
        quote=citation.quote,
        secondary=doc.get("kind") == "secondary",
    )


def _documents(root: Path) -> dict[str, dict[str, Any]]:
    """Document id -> its entry in documents.yaml (short name and 文号, for Source)."""
    raw = yaml.safe_load((root / "documents.yaml").read_text(encoding="utf-8")) or []
    return {str(d["id"]): d for d in raw}


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _year_month(value: object) -> tuple[int, int]:
    year, month = str(value).split("-")
    if not 1 <= int(month) <= 12:
        raise CalendarError(f"{value!r} is not YYYY-MM")
    return int(year), int(month)
