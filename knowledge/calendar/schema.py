"""The shape of calendars/<region>.yaml, as pydantic models (shared helpers and error messages:
knowledge/schema.py; the meaning of each key: knowledge/calendar/loader.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from knowledge.schema import CitationModel, Id, Model, Text


class MaterialModel(Model):
    id: Id
    name: Text
    citation: CitationModel


class StageModel(Model):
    id: Id
    name: Text
    actor: Text
    next_step: str = ""
    citation: CitationModel | None = None
    materials: list[MaterialModel] = Field(default_factory=list)


class YearlyModel(Model):
    month: Annotated[int, Field(ge=1, le=12)]
    day: Annotated[int, Field(ge=1, le=31)]
    first_year: int
    last_year: int | None = None
    exceptions: dict[int, dt.date] = Field(default_factory=dict)
    exception_note: str = ""

    @model_validator(mode="after")
    def _real_day(self) -> YearlyModel:
        dt.date(2000, self.month, self.day)  # 2000 is a leap year, so 2/29 is allowed
        if self.last_year is not None and self.last_year < self.first_year:
            raise ValueError("last_year before first_year")
        return self


YearMonth = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]


class MonthlyModel(Model):
    day: Annotated[int, Field(ge=1, le=31)]
    from_: YearMonth = Field(alias="from")
    until: YearMonth | None = None

    @model_validator(mode="after")
    def _ordered(self) -> MonthlyModel:
        if self.until is not None and self.until < self.from_:
            raise ValueError("until before from")
        return self


class DeadlineModel(Model):
    id: Id
    title: Text
    actor: str = ""
    stage: Id | None = None
    yearly: YearlyModel | None = None
    once: dt.date | None = None
    monthly: MonthlyModel | None = None
    postpone: bool = False  # true only where the text says 顺延
    note: str = ""
    citation: CitationModel

    @model_validator(mode="after")
    def _one_kind(self) -> DeadlineModel:
        kinds = [k for k in ("yearly", "once", "monthly") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(f"exactly one of yearly/once/monthly, got {kinds}")
        return self


class StatusNoteModel(Model):
    """A note on the region's schedule that holds from one day to another (either end open)."""

    from_: dt.date | None = Field(default=None, alias="from")
    until: dt.date | None = None
    text: Text
    citations: Annotated[list[CitationModel], Field(min_length=1)]
    stage: str | None = None  # the director's stage while the note holds, when they set none

    @model_validator(mode="after")
    def _ordered(self) -> StatusNoteModel:
        if self.from_ is not None and self.until is not None and self.until < self.from_:
            raise ValueError("until before from")
        return self


class CalendarModel(Model):
    region: Text
    status_notes: list[StatusNoteModel] = Field(default_factory=list)
    stages: list[StageModel] = Field(default_factory=list)
    deadlines: list[DeadlineModel] = Field(default_factory=list)
