"""Breaker brk9, the focus check's false refusals (knowledge/search/focus.py, subject.py): a service asked
about by a 卫生院 (卫生院能不能开设发热门诊, 乡镇卫生院可以设发热诊室吗) got "您是不是想问" where the same
question asked by a 社区医院 got the service's entry.

The kinds:
- F1 the institution is who asks, not what is asked: with a service asked about, the `township` head
  (an entry must name 卫生院) is left out, and an entry holding the service that ranks just below a best
  one lacking it is put first (SubjectCheck.focus_to_front) — it was only suggested;
- F2 设/配 are service verbs (卫生院可以设康复科吗 was answered with who may apply), and a service no
  dictionary noun covers (康复科) is its own focus; a generic bigram (服务 of 上门服务) holds no focus.
Over institutions × phrasings × regions; the who-may-apply questions (卫生院能申请吗) still reach their entry.
"""

from __future__ import annotations

import pytest

from core.model import UserState
from dialogs.qa import respond

REGIONS = ("national", "jilin", "chongqing-yuzhong", "beijing")
INSTITUTIONS = ("卫生院", "乡镇卫生院", "我们卫生院", "咱们乡镇卫生院")
# (modal + verb + service, the words one of which the entry shown must hold, the regions whose texts or
# the national ones answer it when a 社区医院 asks)
SERVICES = [
    ("能不能开设发热门诊", ("发热",), REGIONS),
    ("可以设发热诊室吗", ("发热",), REGIONS),
    ("能不能设置发热诊室", ("发热",), REGIONS),
    ("可以开设中医馆吗", ("中医馆", "中医综合服务区"), ("national", "jilin")),
    ("能不能开展远程医疗", ("远程",), ("jilin", "chongqing-yuzhong")),
]
# The entry a 社区医院 gets is reached by a 卫生院 too, in these regions: answered, or (False) at least the
# first suggestion (设康复科 nationally: the departments entry ranks below the first few, 2026-12-01 merge).
ANSWERED_LIKE_A_COMMUNITY_HOSPITAL = [
    ("能不能开设发热门诊", "national", True),
    ("能不能开设发热门诊", "jilin", True),
    ("能不能开展家庭病床", "jilin", True),
    ("可以设康复科吗", "national", False),
    ("能不能开展安宁疗护", "national", True),
    ("可以开展家庭医生签约服务吗", "chongqing-yuzhong", True),
    ("能不能开展远程医疗", "chongqing-yuzhong", True),
    ("能不能开设发热门诊", "beijing", True),
]
WHO_MAY_APPLY = ["卫生院能申请吗", "乡镇卫生院能不能申报社区医院", "我们卫生院可以申请社区医院吗", "卫生院能报吗"]


def _holds(turn, words: tuple[str, ...]) -> bool:
    entry = turn.shown[0] if turn.shown else (turn.suggestions[0] if turn.suggestions else None)
    return entry is not None and any(w in entry.question + entry.answer for w in words)


@pytest.mark.parametrize("institution", INSTITUTIONS)
@pytest.mark.parametrize(
    ("asked", "words", "region"), [(asked, words, r) for asked, words, regions in SERVICES for r in regions]
)
def test_a_service_asked_by_a_township_centre_is_answered(kb, now, region, institution, asked, words) -> None:
    turn = respond(UserState(user_id=1, region=region), institution + asked, kb, now)
    assert turn.answered and _holds(turn, words), (institution + asked, region, turn.decision, turn.text[:80])


@pytest.mark.parametrize("institution", INSTITUTIONS)
@pytest.mark.parametrize(("asked", "region", "answered"), ANSWERED_LIKE_A_COMMUNITY_HOSPITAL)
def test_the_same_entry_as_a_community_hospital_gets(kb, now, institution, asked, region, answered) -> None:
    state = UserState(user_id=1, region=region)
    reference = respond(state, "社区医院" + asked, kb, now)
    assert reference.answered
    turn = respond(state, institution + asked, kb, now)
    assert turn.answered or not answered, (institution + asked, region, turn.decision)
    entry = turn.shown[0] if turn.shown else turn.suggestions[0]
    assert entry.entry_id == reference.shown[0].entry_id, (entry.entry_id, reference.shown[0].entry_id)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("卫生院可以设康复科吗", ("康复",)),
        ("卫生院能提供上门服务吗", ("上门",)),
        ("乡镇卫生院可以配中医馆吗", ("中医馆", "中医")),
    ],
)
def test_what_a_service_verb_asks_about_is_never_answered_by_who_may_apply(kb, now, region, question, words) -> None:
    """Answered only with an entry holding the service; else asked back with such an entry first."""
    turn = respond(UserState(user_id=1, region=region), question, kb, now)
    assert not any("who" in a.entry_id for a in turn.shown), (question, region, [a.entry_id for a in turn.shown])
    assert _holds(turn, words) or not turn.shown, (question, region, turn.decision, turn.text[:80])


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("question", WHO_MAY_APPLY)
def test_who_may_apply_is_still_answered(kb, now, region: str, question: str) -> None:
    turn = respond(UserState(user_id=1, region=region), question, kb, now)
    assert turn.answered and "卫生院" in turn.text, (question, region, turn.decision, turn.text[:80])


def test_a_service_no_noun_covers_is_its_own_focus(kb) -> None:
    subjects = kb.index.subjects
    assert "康复科" in subjects.focus("卫生院可以设康复科吗")
    assert "康复科" in subjects.focus("卫生院可以开设康复科吗")
    assert subjects.focus("卫生院能申请吗") == ()
    assert subjects.heads_for("卫生院能不能开设发热门诊") == ()
    assert subjects.heads_for("卫生院能申请吗") == ("township",)


# ---------------------------------------------------------------------- measures said another way (brk9)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("said", ["住院床位使用率要求多少", "住院病床使用率要达到多少", "住院床位的使用率要多少"])
def test_the_inpatient_bed_occupancy_rate_is_the_bed_occupancy_rate(kb, now, region: str, said: str) -> None:
    """住院 before 床位使用率 is no other measure: it was the rate's owner, which no bed entry names (asked back
    with the fee entries first)."""
    state = UserState(user_id=1, region=region)
    reference = respond(state, "床位使用率要达到多少", kb, now)
    turn = respond(state, said, kb, now)
    assert turn.answered and turn.shown[0].entry_id == reference.shown[0].entry_id, (said, region, turn.decision)


@pytest.mark.parametrize(
    "said", ["年诊疗人次与服务人口的比例", "年诊疗人次和服务人口的比例要多少", "年诊疗人次和服务人口比例"]
)
def test_a_ratio_given_as_a_multiple_answers_a_share_asked(kb, now, said: str) -> None:
    """比例 asked, 2倍 given: a multiple is a ratio (signals.PROVIDES), not an answer of another kind."""
    turn = respond(UserState(user_id=1, region="chongqing-yuzhong"), said, kb, now)
    assert turn.answered and "2倍" in turn.text, (said, turn.decision, turn.text[:80])
