"""The governing-text note (📜 适用文件：…) once per conversation (newcomer trial, N16): it repeated under
every answer. Through the router: the first answer that carries a note shows it in full, later answers
within the conversation give its first part and 详见前文说明; after CONVERSATION without it, or after
/forget, it is said in full again. The /check result's note counts too."""

from __future__ import annotations

import datetime as dt

from core.model import Event, Outcome, UserState
from dialogs import notes_once, router
from dialogs.texts import common as C
from knowledge.base import KnowledgeBase
from tests.dialogs.questionnaire.test_flow import answer_validly

NOW = dt.datetime(2026, 3, 10, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))
ASKED = ("吉林申报流程是什么", "截止日期是哪天", "要交什么材料")


def _notes(out: Outcome) -> list[str]:
    return [ln for r in out.replies for ln in r.text.splitlines() if ln.startswith(notes_once.NOTE_PREFIX)]


def _ask(kb: KnowledgeBase, state: UserState, text: str, now: dt.datetime = NOW) -> Outcome:
    return router.handle(state, Event.say(text), kb, now)


def test_a_note_is_said_in_full_once_then_referred_to(kb: KnowledgeBase) -> None:
    state = UserState(user_id=1, region="jilin")
    first = _ask(kb, state, ASKED[0])
    (full,) = _notes(first)
    assert C.NOTE_SEEN not in full and first.state.seen_notes
    state = first.state
    for text in ASKED[1:]:
        out = _ask(kb, state, text, NOW + dt.timedelta(minutes=5))
        notes = _notes(out)
        assert notes and all(n.endswith(C.NOTE_SEEN) for n in notes), notes
        assert all(len(n) < len(full) for n in notes)
        state = out.state
    later = _ask(kb, state, ASKED[1], NOW + notes_once.CONVERSATION + dt.timedelta(hours=1))
    assert [n for n in _notes(later) if not n.endswith(C.NOTE_SEEN)], "a new conversation hears it in full"


def test_the_reference_keeps_which_text_and_day(kb: KnowledgeBase) -> None:
    first = _ask(kb, UserState(user_id=1, region="jilin"), ASKED[0])
    again = _ask(kb, first.state, ASKED[0])
    (full,), (short,) = _notes(first), _notes(again)
    assert short.removesuffix(C.NOTE_SEEN) and full.startswith(short.removesuffix(C.NOTE_SEEN))


def test_forget_forgets_the_notes_shown(kb: KnowledgeBase) -> None:
    first = _ask(kb, UserState(user_id=1, region="jilin"), ASKED[0])
    asking = router.handle(first.state, Event.command("forget"), kb, NOW)
    done = router.handle(asking.state, Event.say("是"), kb, NOW)
    assert done.state.seen_notes == {}


def test_the_check_result_s_note_counts(kb: KnowledgeBase) -> None:
    from tests.dialogs.questionnaire.test_flow import director

    d = director(kb, NOW, region="jilin")
    d.command("check")
    while d.state.dialog == "questionnaire":
        answer_validly(d, kb.fields[d.state.step])
    assert d.state.seen_notes
    out = _ask(kb, d.state, ASKED[0])
    assert any(n.endswith(C.NOTE_SEEN) for n in _notes(out)), _notes(out)
