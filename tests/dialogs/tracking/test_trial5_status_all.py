"""Newcomer trial 5, N11 and N12: /status listed the nearest three deadlines and said "另有2个，输入 /status 查看" —
inside /status, so the others could be seen nowhere. Every deadline is reachable: the 全部截止日期 button
and /status all (全部) list them all, in every region and stage, and nothing says to type /status. N12: a
task of authorities only (省级报国家名单) is not among the director's deadlines; it is counted and one press away."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import tracking as T
from dialogs.tracking.status import HORIZON_DAYS
from knowledge.calendar.actors import institution_involved

DAYS = [dt.datetime(2021, 6, 25, 10, tzinfo=SHANGHAI), dt.datetime(2022, 9, 20, 10, tzinfo=SHANGHAI)]


def _count(text: str) -> int:
    return text.count("还有") + text.count("今天")


@pytest.mark.parametrize("now", DAYS)
@pytest.mark.parametrize("region", ["jilin", "beijing", "chongqing-yuzhong", "national"])
def test_every_deadline_is_reachable_from_status(kb, now, region: str) -> None:
    calendar = kb.calendars[region]
    for stage in [None, *(s.id for s in calendar.stages)]:
        state = UserState(user_id=1, region=region, stage=stage)
        out = handle(state, Event.command("status"), kb, now)
        reply = out.replies[0]
        assert "/status 查看时" not in reply.text
        upcoming = calendar.deadlines(stage, now.date(), HORIZON_DAYS)
        own = [d for d in upcoming if institution_involved(d.actor)]
        more = [b for row in reply.buttons for b in row if b.data == "g:trk:all"]
        # N12: an authorities-only deadline (省级报国家名单) is not in the director's list
        listed = reply.text.split(T.STATUS_DEADLINES)[-1]
        assert not any(f"：{d.title}\n" in listed for d in upcoming if d not in own), (region, stage)
        if len(own) <= 3 and len(own) == len(upcoming):
            assert not more and T.STATUS_MORE.split("{")[0] not in reply.text
            continue
        assert more, (region, stage)
        pressed = handle(out.state, Event.press(more[0].data), kb, now).replies[0].text
        typed = handle(out.state, Event.command("status", "all"), kb, now).replies[0].text
        in_words = handle(out.state, Event.command("status", "全部"), kb, now).replies[0].text
        for text in (pressed, typed, in_words):
            assert all(d.title in text for d in upcoming), (region, stage)
            assert T.STATUS_MORE.split("{")[0] not in text
