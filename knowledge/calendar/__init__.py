"""Application calendars per region: stages, materials, deadlines and dated status notes (see
model.py), loaded from knowledge/data/calendars/<region>.yaml (see loader.py)."""

from knowledge.calendar.holidays import Holidays
from knowledge.calendar.loader import load_calendars
from knowledge.calendar.model import Calendar, Deadline, DeadlineRule, Material, Stage, StatusNote, deadlines

__all__ = [
    "Calendar",
    "Deadline",
    "DeadlineRule",
    "Holidays",
    "Material",
    "Stage",
    "StatusNote",
    "deadlines",
    "load_calendars",
]
