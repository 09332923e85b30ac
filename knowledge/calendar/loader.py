"""Loading knowledge/data/calendars/<region>.yaml (model: knowledge/schema.py CalendarModel).

Schema of one file:
  region: jilin
  status_notes:                    # optional, Chinese, dated: which text governs those years, that a
    - from: 2026-01-01             # schedule is over, that applications are taken all year; `from` /
      until: null                  # `until` may be open; at most one note holds on any day
      text: …
      citations: [{document: …, section: …, quote: …}]   # what the note rests on
      stage: build                 # optional: the director's stage while it holds, when none is set
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
      yearly: {month: 6, day: 30, first_year: 2020, last_year: 2023,
               exceptions: {2020: 2020-08-31}, exception_note: …}
      # or  once: 2022-08-31
      # or  monthly: {day: 1, from: 2022-09, until: 2022-12}
      postpone: false              # true only where the text says 顺延
      note: …
      citation: {document: jilin-2020, section: 四（一）, quote: 每年6月30日}

A yearly date runs only while its text governs that step (kb check: knowledge/calendar/check.py
compares it with the document's periods and knowledge/data/governing.yaml), so two regimes are never
both current. The national calendar's deadlines apply in every region (a national item applies
everywhere), so they are added to each regional calendar.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml
from pydantic import ValidationError

from knowledge.calendar.holidays import Holidays, load_holidays
from knowledge.calendar.model import Calendar, DeadlineRule, Material, Stage, StatusNote
from knowledge.calendar.schema import CalendarModel, DeadlineModel, StageModel, StatusNoteModel
from knowledge.documents import Catalogue, Citation, load_catalogue
from knowledge.schema import line, read_yaml

NATIONAL = "national"
HOLIDAYS_FILE = "holidays_override.yaml"


class CalendarError(ValueError):
    """A calendar file that does not follow the schema (the message names file, entry and field)."""


def read_calendars(root: Path, catalogue: Catalogue) -> tuple[dict[str, Calendar], list[str]]:
    """Every calendar that loads (national deadlines added to each region), and every fault as
    `calendars/file: entry: message`."""
    directory = root / "calendars"
    holidays = load_holidays(directory)
    calendars: dict[str, Calendar] = {}
    errors: list[str] = []
    for path in sorted(directory.glob("*.yaml")):
        if path.name == HOLIDAYS_FILE:
            continue
        try:
            raw = read_yaml(path)
            calendar = calendar_from_dict(raw, catalogue, holidays, path.name)
        except yaml.YAMLError as exc:
            errors.append(f"calendars/{path.name}: -: YAML does not parse: {exc}".replace("\n", " "))
            continue
        except CalendarError as exc:
            errors.extend(f"calendars/{line}" for line in str(exc).split("\n"))
            continue
        calendars[calendar.region] = calendar
    national = calendars.get(NATIONAL)
    if national is not None:
        for region, calendar in list(calendars.items()):
            if region != NATIONAL:
                calendars[region] = dataclasses.replace(calendar, rules=calendar.rules + national.rules)
    return calendars, errors


def load_calendars(root: Path, catalogue: Catalogue | None = None) -> dict[str, Calendar]:
    """Every region's calendar; raises CalendarError naming each fault."""
    calendars, errors = read_calendars(root, catalogue if catalogue is not None else load_catalogue(root))
    if errors:
        raise CalendarError("\n".join(errors))
    return calendars


def calendar_from_dict(raw: object, catalogue: Catalogue, holidays: Holidays, file: str = "") -> Calendar:
    """One calendar from its YAML mapping; raises CalendarError with a `file: entry: message` line per fault."""
    try:
        model = CalendarModel.model_validate(raw)
    except ValidationError as exc:
        raise CalendarError("\n".join(_lines(exc, raw, file))) from exc
    unknown = sorted(
        {c.document for c in _citations(model) if c.document not in catalogue},
    )
    if unknown:
        raise CalendarError("\n".join(f"{file}: -: unknown document {d!r}" for d in unknown))
    return Calendar(
        region=model.region,
        stages=tuple(_stage(s) for s in model.stages),
        status_notes=tuple(_note(n, catalogue) for n in model.status_notes),
        rules=tuple(_rule(d, catalogue) for d in model.deadlines),
        holidays=holidays,
        file=file,
    )


def _lines(exc: ValidationError, raw: object, file: str) -> list[str]:
    """Name the entry by its id (stages, deadlines) or position (status notes)."""
    out = []
    for e in exc.errors():
        loc = e["loc"]
        if len(loc) >= 2 and loc[0] in ("stages", "deadlines", "status_notes") and isinstance(loc[1], int):
            items = raw.get(str(loc[0])) if isinstance(raw, dict) else None
            item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
            name = item.get("id") if isinstance(item, dict) and item.get("id") else f"{loc[0]} {loc[1] + 1}"
            out.append(f"{file}: {name}: {line(e, skip=2)}")
        else:
            out.append(f"{file}: -: {line(e)}")
    return out


def _citations(model: CalendarModel) -> list[Citation]:
    found = [Citation.of(c) for n in model.status_notes for c in n.citations]
    for s in model.stages:
        found += [Citation.of(s.citation)] if s.citation else []
        found += [Citation.of(m.citation) for m in s.materials]
    return found + [Citation.of(d.citation) for d in model.deadlines]


def _note(n: StatusNoteModel, catalogue: Catalogue) -> StatusNote:
    citations = tuple(Citation.of(c) for c in n.citations)
    return StatusNote(
        text=n.text,
        sources=tuple(catalogue.source_for(c) for c in citations),
        citations=citations,
        start=n.from_,
        end=n.until,
        stage=n.stage,
    )


def _stage(s: StageModel) -> Stage:
    return Stage(
        id=s.id,
        name=s.name,
        actor=s.actor,
        materials=tuple(Material(m.id, m.name, Citation.of(m.citation)) for m in s.materials),
        next_step=s.next_step.strip(),
        citation=Citation.of(s.citation) if s.citation else None,
    )


def _rule(d: DeadlineModel, catalogue: Catalogue) -> DeadlineRule:
    citation = Citation.of(d.citation)
    common = {
        "id": d.id,
        "title": d.title,
        "stage": d.stage,
        "citation": citation,
        "source": catalogue.source_for(citation),
        "postpone": d.postpone,
        "note": d.note.strip(),
        "actor": d.actor.strip(),
    }
    if d.once is not None:
        return DeadlineRule(kind="once", date=d.once, **common)
    if d.yearly is not None:
        y = d.yearly
        return DeadlineRule(
            kind="yearly",
            month=y.month,
            day=y.day,
            first_year=y.first_year,
            last_year=y.last_year,
            exceptions=dict(y.exceptions),
            exception_note=y.exception_note.strip(),
            **common,
        )
    assert d.monthly is not None  # the model allows exactly one kind
    start_year, start_month = d.monthly.from_.split("-")
    end = tuple(int(x) for x in d.monthly.until.split("-")) if d.monthly.until else None
    return DeadlineRule(
        kind="monthly",
        day=d.monthly.day,
        start=(int(start_year), int(start_month)),
        end=end,  # type: ignore[arg-type]
        **common,
    )
