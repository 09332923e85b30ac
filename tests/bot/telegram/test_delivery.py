"""Replies never wrong, never silent (issue 11 items 1 and 6): the outbox, and what each failure
of a reply leads to. The crash between saving the state and delivering the reply is reproduced by
letting the turn run and its delivery not happen (what kill -9 at that moment leaves behind)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot import texts
from bot import turn as turn_module
from bot.telegram import courier as courier_module
from bot.telegram.app import shell_of
from dialogs.commands import help_text
from dialogs.texts import common
from dialogs.texts.questionnaire import INTRO, RESUME_NOT_UNDERSTOOD, RESUME_OFFER
from storage import outbox, users
from storage.db import Database
from tests.bot.telegram.conftest import MakeBot
from tests.fakes.phone import BotDriver, Person
from tests.fakes.telegram_api import FakeTelegram, StoredMessage

ALERT_MARK = texts.ADMIN_ERROR_ALERT.split("：")[0]
PROGRESS = re.compile(r"（第 (\d+)/(\d+) 题）")
SKIP = "跳过/不清楚"
RESULT = "自评结论"


async def at_question_2(user: Person) -> None:
    await user.send("/start")
    await user.press("2. 吉林省")
    await user.send("/check")
    await user.press("是")
    assert "第 2/" in user.last_reply()


def lose_next_delivery(driver: BotDriver) -> None:
    """The next turn saves its state and outbox row, then the process 'dies' before sending."""
    shell = shell_of(driver.app)
    real = shell.courier.send

    async def lost(*args: Any, **kwargs: Any) -> None:
        shell.courier.send = real  # type: ignore[method-assign]

    shell.courier.send = lost  # type: ignore[method-assign]


async def test_a_typed_answer_is_filed_under_the_question_the_director_saw(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database
) -> None:
    driver = await make_bot()
    user = fake.user("郑主任")
    await at_question_2(user)
    lose_next_delivery(driver)
    assert await user.send("40") == []  # saved as open_beds; question 3 never reached the phone
    # The director still sees question 2 and types its answer again, as anyone would.
    got = await user.send("40")
    assert "第 3/" in got[-1].body
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.profile.get("open_beds") == 40
    assert len(state.profile) == 2  # questions 1 and 2 only
    await user.send("75")  # the answer to question 3, which the director now sees
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.profile.get("open_beds") == 40
    assert 75 in state.profile.values()


async def test_an_answer_typed_again_before_the_late_reply_arrived_is_filed_under_the_question_seen(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The long chaos run's misfiling (12 and 16 in 50 kills): the reply to "40" is lost; the
    director, still seeing question 2, types "40" again; before that message is handled, the late
    reply (question 3) goes out (the sweep here; a restarted process answering the redelivered
    update does the same). The second "40" was typed before question 3 reached the chat (a lower
    message id): it answers question 2 again, and question 3 keeps waiting for its own answer."""
    driver = await make_bot()
    shell = shell_of(driver.app)
    monkeypatch.setattr(turn_module, "IN_FLIGHT_SECONDS", 0.0)  # rows due at once, for the sweep
    user = fake.user("褚主任")
    await at_question_2(user)
    lose_next_delivery(driver)
    assert await user.send("40") == []
    fake.user_sends(user.id, user.id, "40")  # typed again; waits while the sweep holds the chat
    assert await shell.courier.sweep(driver.app.bot) == 1
    assert "第 3/" in user.last_reply()
    await driver.pump()
    assert "第 3/" in user.last_reply(), "question 3 asked again after the repeated answer to question 2"
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.profile.get("open_beds") == 40
    assert len(state.profile) == 2, state.profile  # questions 1 and 2 only
    await user.send("75")  # now typed after question 3 arrived: its answer
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.profile.get("open_beds") == 40 and 75 in state.profile.values()


async def test_an_answer_typed_after_the_first_delivery_of_a_row_the_sweep_sends_again_is_the_next_ones(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The long chaos run's second sequence: the reply to "40" (question 3) went out, but the
    process died before settling its row; the director answers question 3 ("75"); the sweep sends
    the row again before that message is handled. "75" has a lower id than the re-sent messages,
    yet came after question 3's first delivery: it is question 3's answer, not question 2's."""
    driver = await make_bot()
    shell = shell_of(driver.app)
    monkeypatch.setattr(turn_module, "IN_FLIGHT_SECONDS", 0.0)  # rows due at once, for the sweep
    user = fake.user("卫主任")
    await at_question_2(user)

    async def crashed(*args: Any) -> None:
        return None

    settle = outbox.delivered
    monkeypatch.setattr(courier_module.outbox, "delivered", crashed)
    got = await user.send("40")
    assert "第 3/" in got[-1].body
    monkeypatch.setattr(courier_module.outbox, "delivered", settle)
    fake.user_sends(user.id, user.id, "75")  # question 3's answer; waits while the sweep holds the chat
    assert await shell.courier.sweep(driver.app.bot) == 1
    await driver.pump()
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.profile.get("open_beds") == 40, state.profile
    assert sorted(v for v in state.profile.values() if not isinstance(v, bool)) == [40, 75]


async def test_replies_seen_before_a_crash_are_not_asked_again(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row can outlive its delivery (killed after Telegram accepted the message, before the row
    was deleted): the message ids show the reply was seen, so the next answer is the next one's."""
    await make_bot()
    user = fake.user("钱主任")
    await at_question_2(user)

    async def crashed(*args: Any) -> None:
        return None

    monkeypatch.setattr(courier_module.outbox, "delivered", crashed)
    got = await user.send("40")
    assert "第 3/" in got[-1].body
    monkeypatch.undo()
    await user.send("75")
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.profile.get("open_beds") == 40
    assert sorted(v for v in state.profile.values() if not isinstance(v, bool)) == [40, 75]


async def test_a_lost_verdict_comes_back_with_the_last_answer_given_again(
    fake: FakeTelegram, make_bot: MakeBot
) -> None:
    """The last answer's turn stores the verdict; lost, the director answers the last question
    again and gets the verdict instead of 'this button has expired'."""
    driver = await make_bot()
    user = fake.user("孙主任")
    await at_question_2(user)
    for _ in range(40):
        shown = user.last_message()
        progress = PROGRESS.search(shown.body)
        assert progress is not None, shown.body[:60]
        label = next((b for b in (SKIP, "否", "是") if b in shown.labels()), None)

        async def answer(label: str | None = label, shown: StoredMessage = shown) -> list[StoredMessage]:
            return await (user.press(label, shown) if label else user.send("50"))

        if progress.group(1) == progress.group(2):  # the last question
            lose_next_delivery(driver)
            assert await answer() == []
            got = await answer()
            assert any(RESULT in m.body for m in got), [m.body[:40] for m in got]
            return
        await answer()
    pytest.fail("never reached the last question")


async def test_5xx_beyond_the_retries_keeps_the_reply_sends_it_later_and_alerts_once(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database
) -> None:
    admin = fake.user("管理员")
    driver = await make_bot(admin_ids=[admin.id])
    shell = shell_of(driver.app)
    shell.courier.retry_first = 0  # due at once, for the sweep below
    for name in ("甲主任", "乙主任"):
        user = fake.user(name)
        fake.fail("sendMessage", 502, times=3, chat_id=user.id)  # every in-place retry fails
        alerts = sum(r.startswith(ALERT_MARK) for r in admin.replies())
        assert await user.send("/help") == []
        assert common.INTERNAL_ERROR not in user.replies()
        assert sum(r.startswith(ALERT_MARK) for r in admin.replies()) == alerts + 1, "one alert per incident"
        uid = await users.user_id_of(sqlite_db, "telegram", str(user.id))
        assert uid is not None and await outbox.take(sqlite_db, uid) is not None
        assert await shell.courier.sweep(driver.app.bot) == 1
        assert user.replies() == [texts.REPLY_LATE, help_text()]
        assert await outbox.take(sqlite_db, uid) is None


async def test_a_second_failure_in_the_same_incident_is_not_alerted_again(
    fake: FakeTelegram, make_bot: MakeBot
) -> None:
    admin = fake.user("管理员")
    await make_bot(admin_ids=[admin.id])
    users_ = [fake.user("丙主任"), fake.user("丁主任")]
    for user in users_:
        fake.fail("sendMessage", 503, times=3, chat_id=user.id)
        await user.send("/help")
    assert sum(r.startswith(ALERT_MARK) for r in admin.replies()) == 1


async def test_a_permanent_400_is_tried_once_and_marks_the_user_inactive(
    fake: FakeTelegram, bot: BotDriver, sqlite_db: Database
) -> None:
    user = fake.user("戊主任")
    await user.send("/start")
    fake.fail("sendMessage", 400, "Bad Request: chat not found", times=10, chat_id=user.id)
    before = len(fake.calls_to("sendMessage"))
    await user.send("/help")
    assert len(fake.calls_to("sendMessage")) - before == 1, "no retry, no apology"
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.active is False
    uid = state.user_id
    assert uid is not None
    left = await outbox.take(sqlite_db, uid)
    assert left is None or (left.replies == [] and left.seen_from is not None), "nothing kept to send"


async def test_429s_are_waited_out_and_the_answer_arrives_not_an_apology(fake: FakeTelegram, bot: BotDriver) -> None:
    user = fake.user("己主任")
    await user.send("/start")
    fake.fail("sendMessage", 429, retry_after=1, times=3, chat_id=user.id)
    got = await user.send("/help")
    assert got[0].body == help_text()
    assert common.INTERNAL_ERROR not in user.replies()


@pytest.mark.parametrize("typed", [False, True], ids=["pressed", "typed"])
async def test_an_answer_to_what_the_sweep_delivered_before_a_lost_turn_is_read_as_seen(
    fake: FakeTelegram, make_bot: MakeBot, monkeypatch: pytest.MonkeyPatch, typed: bool
) -> None:
    """The chaos run's sequence: /check is lost in a crash; the director types /check again; the
    sweep delivers the lost reply (question 1) before that second /check is handled, so question 1
    is newer than the second /check's message; that turn (the offer to resume) is lost too. The
    director answers question 1, which they see (its button, or the word): it is answered, not
    'expired' nor 'press 继续 or 重新开始'."""
    driver = await make_bot()
    shell = shell_of(driver.app)
    monkeypatch.setattr(turn_module, "IN_FLIGHT_SECONDS", 0.0)  # rows due at once, for the sweep
    user = fake.user("吴主任")
    await user.send("/start")
    await user.press("2. 吉林省")
    lose_next_delivery(driver)
    assert await user.send("/check") == []
    fake.user_sends(user.id, user.id, "/check")  # typed again; waits while the sweep holds the chat
    assert await shell.courier.sweep(driver.app.bot) == 1
    question_1 = user.last_message()
    assert texts.REPLY_LATE in user.replies() and "第 1/" in question_1.body
    lose_next_delivery(driver)
    await driver.pump()  # the second /check's turn: its reply (the offer to resume) never arrives
    assert user.last_message() is question_1
    got = await (user.send("是") if typed else user.press("是", question_1))
    bodies = [m.body for m in got]
    assert common.STALE_BUTTON not in bodies and RESUME_NOT_UNDERSTOOD not in bodies, bodies
    assert "第 2/" in bodies[-1], bodies


@pytest.mark.parametrize("restarted", [False, True], ids=["same process", "after a restart"])
async def test_a_press_on_a_question_sent_after_the_next_command_was_typed_is_read_as_seen(
    fake: FakeTelegram, make_bot: MakeBot, monkeypatch: pytest.MonkeyPatch, restarted: bool
) -> None:
    """The same kind without the sweep: /check's reply goes out over a few seconds (Telegram's pace
    per chat); the director types /check again between its intro and question 1, and that second
    turn (the offer to resume) is lost. Question 1 came after the second /check was typed, but
    before its turn ran: a press on it is an answer to question 1, not an expired button."""
    driver = await make_bot()
    shell = shell_of(driver.app)
    if restarted:
        # Issue 11 item 4: the process that runs the second /check's turn is not the one that sent
        # /check's replies; it remembers no message in the chat (the courier's memory is per
        # process), and the newest one comes from the last delivered outbox row instead.
        monkeypatch.setattr(shell.courier, "newest", lambda chat_id: None)
    user = fake.user("冯主任")
    await user.send("/start")
    await user.press("2. 吉林省")
    sent_message = fake._api_sendmessage

    async def typing_meanwhile(p: dict[str, Any]) -> Any:
        out = await sent_message(p)
        if str(p.get("text", "")).startswith(INTRO[:4]):
            fake.user_sends(user.id, user.id, "/check")
        return out

    monkeypatch.setattr(fake, "_api_sendmessage", typing_meanwhile)
    real = shell.courier.send

    async def offer_lost(bot: Any, chat_id: int, replies: Any, *args: Any, **kwargs: Any) -> Any:
        if replies[0].text.startswith(RESUME_OFFER[:4]):
            monkeypatch.setattr(shell.courier, "send", real)
            return None  # the process 'died' before sending the offer to resume
        return await real(bot, chat_id, replies, *args, **kwargs)

    monkeypatch.setattr(shell.courier, "send", offer_lost)
    await user.send("/check")
    question_1 = user.last_message()
    assert "第 1/" in question_1.body
    got = [m.body for m in await user.press("是", question_1)]
    assert common.STALE_BUTTON not in got, got
    assert "第 2/" in got[-1], got


def numbers(profile: dict[str, Any]) -> list[Any]:
    return sorted(v for v in profile.values() if not isinstance(v, bool))


@pytest.mark.parametrize("restarted", [False, True], ids=["same process", "after a restart"])
async def test_an_answer_to_the_late_reply_typed_while_a_repeat_waits_answers_the_late_reply(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, restarted: bool
) -> None:
    """The long chaos run's remaining sequence: the reply to "40" is lost with the process; the
    director types "40" again while the bot boots; the sweep delivers the lost reply (the late note
    and question 3) before that repeat is handled; the director answers question 3 ("75") at once,
    before the repeat's own reply (question 3 again) arrives. "75" was typed after question 3
    reached the chat: it answers question 3, not question 2 (the repeat's turn read question 2,
    but the late reply it found delivered was on screen before its own reply)."""
    driver = await make_bot()
    shell = shell_of(driver.app)
    monkeypatch.setattr(turn_module, "IN_FLIGHT_SECONDS", 0.0)  # rows due at once, for the sweep
    user = fake.user("蒋主任")
    await at_question_2(user)
    lose_next_delivery(driver)
    assert await user.send("40") == []
    if restarted:  # a new process: it remembers no message it sent before
        monkeypatch.setattr(shell.courier, "_newest", {})
    fake.user_sends(user.id, user.id, "40")  # typed again while the bot boots
    assert await shell.courier.sweep(driver.app.bot) == 1
    assert "第 3/" in user.last_reply()
    fake.user_sends(user.id, user.id, "75")  # question 3 is on screen: its answer
    await driver.pump()
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.profile.get("open_beds") == 40, state.profile
    assert numbers(state.profile) == [40, 75], state.profile
    assert "第 4/" in user.last_reply()


async def test_every_repeat_typed_before_the_late_reply_answers_the_question_the_director_saw(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The director types "40" twice while the bot is down; the sweep delivers the lost reply
    before either repeat is handled; then "75" for question 3. Both repeats were typed with
    question 2 on screen: each answers question 2 (and is answered with question 3), never
    question 3; "75" answers question 3."""
    driver = await make_bot()
    shell = shell_of(driver.app)
    monkeypatch.setattr(turn_module, "IN_FLIGHT_SECONDS", 0.0)
    user = fake.user("沈主任")
    await at_question_2(user)
    lose_next_delivery(driver)
    assert await user.send("40") == []
    monkeypatch.setattr(shell.courier, "_newest", {})  # restarted
    for _ in range(2):
        fake.user_sends(user.id, user.id, "40")
    assert await shell.courier.sweep(driver.app.bot) == 1
    seen = len(user.messages())
    fake.user_sends(user.id, user.id, "75")
    await driver.pump()
    answers = [m.body for m in user.messages()[seen:]]
    assert len(answers) == 3, answers
    assert all("第 3/" in a for a in answers[:2]), answers  # the repeats: question 3 asked again
    assert "第 4/" in answers[2], answers
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.profile.get("open_beds") == 40 and numbers(state.profile) == [40, 75], state.profile


async def lose_pending_updates(driver: BotDriver) -> int:
    """A process takes the pending updates from Telegram (confirming them) and dies before handling
    them: they are gone. Returns how many."""
    updates = await driver.app.bot.get_updates(offset=driver.offset, timeout=0)
    if updates:
        driver.offset = updates[-1].update_id + 1
        await driver.app.bot.get_updates(offset=driver.offset, timeout=0)  # confirms them
    return len(updates)


@pytest.mark.parametrize("answer", ["40", "40张", "四十"])
async def test_a_repeat_after_a_repeat_lost_with_the_process_answers_the_question_seen(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database, answer: str
) -> None:
    """The reply to an answer is lost; the director types it again, and that update is lost too
    (the process took it from Telegram and died before handling it); the director types it a third
    time. Between the lost turn and the third one the chat holds a message the bot never saw — the
    director's own — which says nothing about the late reply being seen: the same words typed
    again are the same answer to the same question (filed under question 2 again: a no-op at
    worst), never an answer to question 3."""
    driver = await make_bot()
    user = fake.user("韩主任")
    await at_question_2(user)
    lose_next_delivery(driver)
    assert await user.send(answer) == []
    fake.user_sends(user.id, user.id, answer)
    assert await lose_pending_updates(driver) == 1
    got = await user.send(answer)
    assert "第 3/" in got[-1].body, [m.body[:30] for m in got]
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.profile.get("open_beds") == 40 and numbers(state.profile) == [40], state.profile
    got = await user.send("75")
    assert "第 4/" in got[-1].body
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert numbers(state.profile) == [40, 75], state.profile


async def test_a_different_answer_after_an_unknown_message_is_the_next_questions(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other side of the rule above: the reply to "40" (question 3) reached the chat but the
    process died before recording it; the director answers question 3 with other words ("75").
    The unknown message between is the reply: "75" answers question 3."""
    await make_bot()
    user = fake.user("杨主任")
    await at_question_2(user)

    async def crashed(*args: Any) -> None:
        return None

    monkeypatch.setattr(courier_module.outbox, "delivered", crashed)
    assert "第 3/" in (await user.send("40"))[-1].body
    monkeypatch.undo()
    assert "第 4/" in (await user.send("75"))[-1].body
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.profile.get("open_beds") == 40 and numbers(state.profile) == [40, 75], state.profile


@pytest.mark.parametrize("restarted", [False, True], ids=["same process", "after a restart"])
async def test_an_answer_to_the_next_question_typed_while_a_repeat_waits_is_the_next_questions(
    fake: FakeTelegram, make_bot: MakeBot, db: Database, monkeypatch: pytest.MonkeyPatch, restarted: bool
) -> None:
    """The long chaos run's sequence on PostgreSQL (2 of 2 misfiled in 25 kills): the director
    types "40" while the bot is down and, still seeing question 2, "40" again once it is up; the
    first "40" is answered (question 3); the director answers question 3 ("75") at once, before
    the repeat's own reply (question 3 again) arrives. "75" was typed after question 3 reached the
    chat: it answers question 3, not question 2."""
    driver = await make_bot(db=db)
    shell = shell_of(driver.app)
    user = fake.user("朱主任")
    await at_question_2(user)
    if restarted:
        monkeypatch.setattr(shell.courier, "_newest", {})
    sent_message = fake._api_sendmessage
    typed: list[int] = []

    async def answering_question_3(p: dict[str, Any]) -> Any:
        out = await sent_message(p)
        if "第 3/" in str(p.get("text", "")) and not typed:
            typed.append(fake.user_sends(user.id, user.id, "75").message_id)
        return out

    monkeypatch.setattr(fake, "_api_sendmessage", answering_question_3)
    fake.user_sends(user.id, user.id, "40")
    fake.user_sends(user.id, user.id, "40")  # the repeat, typed before any reply
    await driver.pump()
    assert typed, "question 3 never sent"
    state = await users.load_state(db, "telegram", str(user.id))
    assert state.profile.get("open_beds") == 40, state.profile
    assert numbers(state.profile) == [40, 75], state.profile
    assert "第 4/" in user.last_reply()


async def handle_next(driver: BotDriver) -> None:
    """Handle the oldest pending update only."""
    updates = await driver.app.bot.get_updates(offset=driver.offset, limit=1, timeout=0)
    assert updates, "no update pending"
    driver.offset = updates[0].update_id + 1
    await driver.app.process_update(updates[0])


async def test_a_reply_found_seen_later_does_not_leave_a_stale_screen_behind(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The long chaos run's sequence with the journal (PostgreSQL, 1 in 50 kills): the director
    types "40" and, before any reply, "40" again; question 3 reaches the chat, but the process dies
    before recording it. A restarted process handles the repeat (nothing recorded: question 2 on
    screen, answered again) and sends question 3 again; the director, who saw the first question 3,
    has meanwhile answered it ("75") and typed that again. The first "75" comes after a message the
    process never knew of (the first question 3): it was seen, and the screens recorded for the
    repeat's row (question 2 until its question 3 arrived) are not to be trusted any more — the
    second "75" answers question 3, not question 2."""
    driver = await make_bot()
    shell = shell_of(driver.app)
    user = fake.user("秦主任")
    await at_question_2(user)

    async def crashed(*args: Any) -> None:
        return None

    settle = outbox.delivered
    monkeypatch.setattr(courier_module.outbox, "delivered", crashed)
    fake.user_sends(user.id, user.id, "40")
    fake.user_sends(user.id, user.id, "40")  # typed again before any reply
    await handle_next(driver)  # question 3 reaches the chat; the process dies before recording it
    assert "第 3/" in user.last_reply()
    monkeypatch.setattr(courier_module.outbox, "delivered", settle)
    monkeypatch.setattr(shell.courier, "_newest", {})  # the restarted process
    fake.user_sends(user.id, user.id, "75")  # question 3's answer
    fake.user_sends(user.id, user.id, "75")  # ... typed again before anything came back
    await driver.pump()
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.profile.get("open_beds") == 40, state.profile
    assert numbers(state.profile) == [40, 75], state.profile


async def test_a_button_pressed_twice_is_taken_once_and_not_called_expired(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database
) -> None:
    """A double tap, or a press repeated while the bot restarted (both presses waiting for it: the
    chaos runs of issue 11 item 9 saw directors stop there): the first press answers question 1;
    the second, on the same message, changes nothing and says nothing, not "this button has
    expired" under question 2."""
    driver = await make_bot()
    user = fake.user("褚主任")
    await user.send("/start")
    await user.press("2. 吉林省")
    await user.send("/check")
    question_1 = next(m for m in reversed(user.messages()) if "是" in m.labels())
    yes = next(b["callback_data"] for r in question_1.button_rows() for b in r if b["text"] == "是")
    seen_before = len(user.messages())
    fake.user_presses(user.id, user.id, question_1.message_id, yes)
    fake.user_presses(user.id, user.id, question_1.message_id, yes)
    await driver.pump()
    got = [m.body for m in user.messages()[seen_before:]]
    assert len(got) == 1 and "第 2/" in got[0] and common.STALE_BUTTON not in got
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert await user.press("是", question_1) == []  # later still: taken already
    assert await users.load_state(sqlite_db, "telegram", str(user.id)) == state
    assert "第 3/" in (await user.send("40"))[-1].body  # question 2 is answered as usual
