"""Whose step it is: the institution's (the director's own) or an authority's (县级审核, 省卫健委报国家).

A stage's or deadline's `actor` is the calendar's Chinese text of who acts, written as the source
words it. The first clause names who acts first ("机构填报，经县…审核后报省" is the institution's step;
"县（市、区）卫生健康行政部门审核，…" is not), so the director is shown only their own steps.
Reminders go out for a step that names the institution anywhere (an authority's deadline the
institution must prepare for is said to be that), never for a step of authorities only
(institution_involved)."""

from __future__ import annotations

import datetime as dt
import re

from knowledge.calendar.model import Calendar, Deadline, Stage

# Words for the applying institution in the calendars' actor texts.
INSTITUTION_WORDS = ("机构", "社区卫生服务中心", "社区医院", "基层卫生机构", "乡镇卫生院")
_FIRST_CLAUSE = re.compile(r"[；;，,、（(]")


def institution_acts(actor: str) -> bool:
    """True when the actor text's first clause names the institution (see the module docstring)."""
    text = re.sub(r"《[^》]*》", "", actor)  # 《医疗机构执业许可证》 names a document, not an actor
    first = _FIRST_CLAUSE.split(text.strip(), maxsplit=1)[0]
    return any(word in first for word in INSTITUTION_WORDS)


def institution_involved(actor: str) -> bool:
    """True when the actor text names the institution anywhere ("县…审核后报送；机构须提前向县级部门提交
    申请" is an authority's step the director prepares for), or names no one; False for a step of
    authorities only (各区卫生健康委, 省卫生健康委, the body issuing 《医疗机构执业许可证》)."""
    text = re.sub(r"《[^》]*》", "", actor).strip()
    return not text or any(word in text for word in INSTITUTION_WORDS)


def own_stages(calendar: Calendar) -> list[Stage]:
    """The stages at which the institution itself acts, in order."""
    return [s for s in calendar.stages if institution_acts(s.actor)]


def own_deadlines(calendar: Calendar, stage: Stage, today: dt.date) -> list[Deadline]:
    """The upcoming deadlines of that stage only (not another stage's, not a region-wide task of an
    authority such as 省卫健委报国家名单)."""
    return [d for d in calendar.deadlines(stage.id, today) if d.stage == stage.id]


def next_own_stage(calendar: Calendar, stage_id: str | None, today: dt.date) -> Stage | None:
    """The stage whose steps the director should take next: the stage they set, when it is their
    own; with none set, the first of their own stages that has an upcoming deadline, else the stage
    the day's status note names, else the first of their own stages. None when the calendar has no stage of theirs."""
    current = calendar.stage(stage_id)
    if current is not None and institution_acts(current.actor):
        return current
    own = own_stages(calendar)
    if current is not None:  # an authority's stage: the director's next own stage after it, if any
        later = [s for s in own if calendar.stages.index(s) > calendar.stages.index(current)]
        return later[0] if later else None
    dated = next((s for s in own if own_deadlines(calendar, s, today)), None)
    note = calendar.status_on(today)
    noted = calendar.stage(note.stage) if note is not None and note.stage else None
    return dated or noted or (own[0] if own else None)
