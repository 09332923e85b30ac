"""📜 notes said once and in plain words, and result marks that match what is shown (newcomer trial 2,
C13/C14): one in-force paragraph per distinct note (two points that say the same are joined), the
procedure's note not repeated under 【下一步】, no "不覆盖<day>", and "补齐标 ❌ 的条件" only when a ❌
is shown; a 原则上 result is headed ⚠️, not ❌."""

from __future__ import annotations

import datetime as dt

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs import router
from dialogs.texts import questionnaire as T
from tests.dialogs.questionnaire.test_flow import answer_validly, director

DEC_2026 = dt.datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)


def _notes(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("📜")]


def test_an_answer_has_one_note_per_distinct_paragraph(kb) -> None:
    out = router.handle(UserState(user_id=1, region="jilin"), Event.say("申报材料有哪些"), kb, DEC_2026)
    notes = _notes("\n".join(r.text for r in out.replies))
    assert len(notes) == 1, notes
    assert "哪些机构建设社区医院" in notes[0] and "评价、复核和上报程序" in notes[0]
    assert "不覆盖" not in notes[0] and "本助手收录的文件只到2025年12月31日" in notes[0]


def _finished(kb, region: str, profile: dict | None = None):
    d = director(kb, DEC_2026, region=region, profile=profile)
    d.command("check")
    for _ in range(40):
        if d.state.dialog is None:
            break
        answer_validly(d, kb.fields[d.state.step])
    return d


def test_a_result_says_each_note_once(kb) -> None:
    for region in ("jilin", "beijing", "chongqing-yuzhong", "national"):
        d = _finished(kb, region)
        result, next_step = d.replies[-2].text, d.replies[-1].text
        notes = _notes(result + "\n" + next_step)
        assert len(notes) == len(set(notes)) and not _notes(next_step), (region, notes)
        assert "不覆盖" not in result + next_step


def test_a_principle_miss_alone_is_headed_warning_and_points_at_warning_marks(kb) -> None:
    d = director(kb, DEC_2026, region="beijing")
    d.command("check")
    for _ in range(40):
        if d.state.dialog is None:
            break
        spec = kb.fields[d.state.step]
        if spec.name == "service_capability_level":
            d.say("基本标准")  # 原则上 推荐标准: missed
        else:
            answer_validly(d, spec)
    # the summary, the criteria one by one, the next step (N16)
    result, next_step = d.replies[-3].text + "\n" + d.replies[-2].text, d.replies[-1].text
    assert "⚠️ 自评结论：有条件的不符合" in result
    assert "❌" not in result
    assert T.NEXT["not_eligible"].format(marks="⚠️") in next_step
