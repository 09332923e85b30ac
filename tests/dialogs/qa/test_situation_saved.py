"""Newcomer trial 3, N6: a situation reply uses the director's saved /check answers for the criteria
the message does not state, says so ("按您自评填的…"), and never lists them as unknown; what the
message states wins over the saved answer, and a saved 不清楚 stays unknown."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import qa as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
JILIN = {"local_government_support": True, "open_beds": 32, "bed_occupancy_rate": 75, "floor_area_m2": 2500}
YUZHONG = {"tcm_herbal_pieces": 320, "tcm_prescription_share": 35, "patient_satisfaction": 90}
CASES = [
    ("jilin", JILIN, "我们业务用房两千五百平够不够", ["实际开放床位数32张", "床位使用率75%"], "床位使用率≥75%"),
    ("jilin", JILIN, "我们卫生院在梨树县，业务用房2500平，能申报吗", ["当地党委政府支持社区医院建设是"], "党委政府"),
    ("jilin", JILIN, "我们床位使用率80%，能申请吗", ["实际开放床位数32张", "业务用房建筑面积2500平方米"], "床位数"),
    ("chongqing-yuzhong", YUZHONG, "我们中医处方占35%，能通过验收吗", ["中药饮片", "320"], "饮片"),
    ("chongqing-yuzhong", YUZHONG, "我们患者满意度92%，达标吗", ["门诊中医处方占比35%"], "中医处方"),
]


def _reply(kb, region: str, profile: dict, text: str) -> str:
    out = handle(UserState(user_id=1, region=region, profile=dict(profile)), Event.say(text), kb, NOW)
    return "\n".join(r.text for r in out.replies)


@pytest.mark.parametrize(("region", "profile", "text", "saved", "not_unknown"), CASES)
def test_saved_answers_fill_what_the_message_does_not_say(kb, region, profile, text, saved, not_unknown) -> None:
    reply = _reply(kb, region, profile, text)
    note = next((line for line in reply.splitlines() if line.startswith(T.SITUATION_SAVED[:8])), "")
    assert note and all(s in note for s in saved), reply
    unknown = next((line for line in reply.splitlines() if line.startswith(T.SITUATION_UNKNOWN_SHORT[:4])), "")
    assert not_unknown not in unknown, unknown


@pytest.mark.parametrize(("region", "profile", "text", "saved", "not_unknown"), CASES)
def test_without_saved_answers_nothing_is_said_about_them(kb, region, profile, text, saved, not_unknown) -> None:
    assert T.SITUATION_SAVED[:8] not in _reply(kb, region, {}, text)


def test_what_the_message_states_wins_over_the_saved_answer(kb) -> None:
    reply = _reply(kb, "jilin", JILIN, "我们床位40张能申请吗")
    assert "符合（现为40张）" in reply and "32张" not in reply


def test_a_saved_unknown_stays_unknown(kb) -> None:
    reply = _reply(kb, "jilin", {**JILIN, "bed_occupancy_rate": None}, "我们业务用房两千五百平够不够")
    note = next(line for line in reply.splitlines() if line.startswith(T.SITUATION_SAVED[:8]))
    assert "床位使用率" not in note
    unknown = T.SITUATION_UNKNOWN_SHORT.split("{")[0]
    assert "床位使用率" in next(line for line in reply.splitlines() if line.startswith(unknown))
