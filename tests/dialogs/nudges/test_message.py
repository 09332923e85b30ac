"""The wording of a nudge (days left, late marker, materials still to prepare, citation checked
against the stored source text) and `python -m bot nudges --due` as a dry run."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.__main__ import main as cli
from core.model import UserState
from dialogs.nudges.message import find_deadline, render_nudge
from knowledge.base import KnowledgeBase
from knowledge.citations import verify
from storage import nudges as store
from storage import users
from storage.db import Database

SH = ZoneInfo("Asia/Shanghai")


def _jilin_application(kb: KnowledgeBase) -> Any:
    calendar = kb.calendars["jilin"]
    # the Jilin 2020 plan's yearly dates run to 2023 (audit K1)
    (deadline, *_) = calendar.deadlines("apply", dt.date(2023, 3, 10), 400)
    return calendar, deadline


def test_calendar_nudge_names_date_days_left_materials_and_source(kb: KnowledgeBase) -> None:
    calendar, deadline = _jilin_application(kb)
    assert find_deadline(calendar, deadline.id, deadline.date) == deadline
    assert find_deadline(calendar, deadline.id, deadline.date + dt.timedelta(days=1)) is None
    text = render_nudge(
        deadline_id=deadline.id,
        title=deadline.title,
        deadline_date=deadline.date,
        today=deadline.date - dt.timedelta(days=7),
        late=False,
        deadline=deadline,
        calendar=calendar,
        checklist={"apply": ["construction-plan"]},  # one of the two materials already ticked
    )
    assert deadline.title in text
    assert f"{deadline.date.year}年{deadline.date.month}月{deadline.date.day}日" in text and "还有7天" in text
    stage = calendar.stage("apply")
    names = {m.id: m.name for m in stage.materials}
    assert names["application-form"] in text and names["construction-plan"] not in text
    assert deadline.source.quote in text and deadline.source.section in text
    # the quote the reminder shows is verbatim in the stored source text
    assert verify(kb.documents, "jilin-2020", deadline.source.section, deadline.source.quote) is None
    assert "迟到" not in text


def test_late_and_last_day_wording(kb: KnowledgeBase) -> None:
    calendar, deadline = _jilin_application(kb)
    common = {"deadline_id": deadline.id, "title": deadline.title, "deadline_date": deadline.date}
    late = render_nudge(**common, today=deadline.date, late=True, deadline=deadline, calendar=calendar)
    assert late.splitlines()[0].endswith("（迟到提醒）") and "就是今天" in late
    tomorrow = render_nudge(**common, today=deadline.date - dt.timedelta(days=1), late=False, deadline=deadline)
    assert "明天" in tomorrow
    done = render_nudge(
        **common,
        today=deadline.date,
        late=False,
        deadline=deadline,
        calendar=calendar,
        checklist={"apply": ["application-form", "construction-plan"]},
    )
    assert "全部勾选" in done


def test_own_reminder_has_no_citation() -> None:
    text = render_nudge(
        deadline_id="own-3", title="自评完成", deadline_date=dt.date(2026, 3, 15), today=dt.date(2026, 3, 8), late=False
    )
    assert text.startswith("⏰ 您设置的提醒") and "自评完成" in text and "出处" not in text and "还有7天" in text


async def _seed(tmp_path: Path) -> int:
    db = await Database.open(data_dir=tmp_path)
    try:
        state: UserState = await users.load_state(db, "telegram", "tg-chat-5521")
        state.region, state.stage = "jilin", "apply"
        await users.save_state(db, state)
        from bot.nudges.replan import replan_user
        from knowledge.base import load

        await replan_user(db, load(), state, dt.datetime(2022, 3, 10, 10, 0, tzinfo=SH))  # Jilin dates end 2023
        return len(await store.user_nudges(db, state.user_id or 0))
    finally:
        await db.close()


async def _rows(tmp_path: Path) -> list[Any]:
    db = await Database.open(data_dir=tmp_path)
    try:
        uid = await users.user_id_of(db, "telegram", "tg-chat-5521")
        return await store.user_nudges(db, uid or 0)
    finally:
        await db.close()


def _run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert cli(["nudges", *args]) == 0
    return capsys.readouterr().out


async def _to_thread(fn: Callable[[], Any]) -> Any:
    import asyncio

    return await asyncio.to_thread(fn)


async def test_cli_due_is_a_dry_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    planned = await _seed(tmp_path)
    assert planned >= 2
    rows = await _rows(tmp_path)
    first = min(rows, key=lambda r: r.due_at)
    due = store.as_utc(first.due_at).astimezone(SH)

    # the CLI runs its own event loop: call it from a thread
    out = await _to_thread(lambda: _run_cli(["--due", "--now", due.isoformat(), "--json"], capsys))
    report = json.loads(out)
    assert report["quiet_hours"] is False
    (item,) = report["would_send"]
    assert (
        item["id"] == first.id
        and item["deadline_id"] == first.deadline_id
        and "tg-chat-5521" not in json.dumps(item, ensure_ascii=False)
    )
    assert first.title in item["text"]
    # nothing was claimed or sent
    after = {r.id: (r.status, r.claimed_at) for r in await _rows(tmp_path)}
    assert after[first.id] == (store.PENDING, None)

    night = due.replace(hour=22, minute=0)
    report = json.loads(await _to_thread(lambda: _run_cli(["--due", "--now", night.isoformat(), "--json"], capsys)))
    assert report["quiet_hours"] is True and report["would_send"] == []
    assert [i["id"] for i in report["held_for_quiet_hours"]] == [first.id]
    assert report["next_window"].endswith("08:00:00+08:00")

    text = await _to_thread(lambda: _run_cli(["--due", "--now", due.isoformat()], capsys))
    assert "would send 1" in text and first.title in text

    def replan_all() -> dict[str, Any]:
        return json.loads(_run_cli(["--replan-all", "--now", due.isoformat(), "--json"], capsys))

    first_replan = await _to_thread(replan_all)  # by 5/31 the 2023 deadline is within the horizon
    assert (first_replan["users"], first_replan["inserted"], first_replan["deleted"]) == (1, 3, 0)
    again = await _to_thread(replan_all)
    assert (again["inserted"], again["deleted"], again["moved"]) == (0, 0, 0)
