"""What goes wrong on the way to and from Telegram, and odd things users send."""

from __future__ import annotations

import time

from bot import texts
from bot.telegram.app import build_application
from dialogs.texts import common
from knowledge.base import KnowledgeBase
from storage import users
from storage.db import Database
from tests.bot.telegram.conftest import MakeBot, answered_questions, expected_reply, settings_for
from tests.fakes.phone import BotDriver, Person
from tests.fakes.telegram_api import FakeTelegram


async def onboard(user: Person, region: str = "2. 吉林省") -> None:
    await user.send("/start")
    await user.press(region)


async def test_429_is_waited_out_and_the_reply_arrives(fake: FakeTelegram, bot: BotDriver, kb: KnowledgeBase) -> None:
    user = fake.user("张主任")
    await onboard(user)
    question = answered_questions(kb)[0]
    fake.fail("sendMessage", 429, retry_after=1, chat_id=user.id)
    started = time.monotonic()
    got = await user.send(question)
    assert time.monotonic() - started >= 1.0, "the bot waited retry_after before sending again"
    assert [m.body for m in got] == [expected_reply(kb, question)]
    statuses = [c.status for c in fake.calls_to("sendMessage")][-2:]
    assert statuses == [429, 200]


async def test_5xx_and_network_timeouts_are_retried(fake: FakeTelegram, bot: BotDriver, kb: KnowledgeBase) -> None:
    user = fake.user("李主任")
    await onboard(user)
    first, second = answered_questions(kb)
    fake.fail("sendMessage", 502, chat_id=user.id)
    got = await user.send(first)
    assert [m.body for m in got] == [expected_reply(kb, first)]
    fake.fail("sendMessage", timeout=True, chat_id=user.id)
    got = await user.send(second)
    assert [m.body for m in got] == [expected_reply(kb, second)]
    assert [c.status for c in fake.calls_to("sendMessage")][-3:] == [502, 200, 200]


async def test_persistent_failure_keeps_the_reply_and_loses_nothing(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database
) -> None:
    admin = fake.user("管理员")
    await make_bot(admin_ids=[admin.id])
    user = fake.user("王主任")
    await onboard(user)
    fake.fail("sendMessage", 500, times=3, chat_id=user.id)  # every retry of the reply fails
    await user.send("/check")
    assert common.INTERNAL_ERROR not in user.replies()  # kept for later (test_delivery.py), no apology
    assert "NetworkError" in admin.last_reply()
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.dialog == "questionnaire", "the state was saved before the reply was attempted"
    # The user, who never saw question 1, types /check again: question 1 comes.
    await user.send("/check")
    assert any("第 1/" in r for r in user.replies()[-3:])


async def test_403_on_a_reply_marks_the_user_inactive(fake: FakeTelegram, bot: BotDriver, sqlite_db: Database) -> None:
    user = fake.user("赵主任")
    await onboard(user)
    fake.fail("sendMessage", 403, chat_id=user.id)
    await user.send("床位要多少")
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.active is False
    assert not any(c.status == 200 and c.params.get("text") == common.INTERNAL_ERROR for c in fake.calls)


async def test_blocking_and_unblocking_follow_telegram(
    fake: FakeTelegram, bot: BotDriver, sqlite_db: Database, kb: KnowledgeBase
) -> None:
    user = fake.user("钱主任")
    await onboard(user)
    await user.block()  # Telegram sends my_chat_member (kicked)
    assert (await users.load_state(sqlite_db, "telegram", str(user.id))).active is False
    question = answered_questions(kb)[0]
    await user.send(question)  # writing again unblocks the bot
    assert (await users.load_state(sqlite_db, "telegram", str(user.id))).active is True
    assert user.last_reply() == expected_reply(kb, question)


async def test_stale_buttons_get_a_polite_answer(fake: FakeTelegram, bot: BotDriver, sqlite_db: Database) -> None:
    user = fake.user("孙主任")
    await user.send("/start")
    regions = user.last_message()
    await user.press("2. 吉林省", regions)
    got = await user.press("4. 北京市", regions)  # the same, finished keyboard
    assert got[0].body == common.STALE_BUTTON
    await user.send("/check")
    question = user.last_message()
    await user.send("/cancel")
    got = await user.press(question.labels()[0], question)
    assert got[0].body == common.STALE_BUTTON
    assert all(q["answered"] for q in fake.callback_queries.values())
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.region == "jilin" and state.dialog is None  # the stale presses changed nothing


async def test_edited_messages_are_not_taken_as_answers(
    fake: FakeTelegram, bot: BotDriver, sqlite_db: Database
) -> None:
    user = fake.user("周主任")
    await onboard(user)
    await user.send("/check")
    await user.press("是")  # question 1
    step = (await users.load_state(sqlite_db, "telegram", str(user.id))).step
    sent = fake.user_sends(user.id, user.id, "30")
    await bot.pump()
    after_answer = (await users.load_state(sqlite_db, "telegram", str(user.id))).step
    assert after_answer != step
    got = await user.edit(sent, "45")
    assert [m.body for m in got] == [texts.EDITS_NOT_PROCESSED]
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.step == after_answer and state.profile.get("open_beds") == 30


async def test_huge_empty_and_emoji_only_messages(
    fake: FakeTelegram, bot: BotDriver, sqlite_db: Database, kb: KnowledgeBase
) -> None:
    user = fake.user("吴主任")
    await onboard(user)
    await user.send("/check")
    before = await users.load_state(sqlite_db, "telegram", str(user.id))

    got = await user.send("床" * 10_000)  # the phone sends it as three messages of ≤ 4096
    too_long = [m.body for m in got if m.body.startswith("消息太长了")]
    assert len(too_long) == 3
    assert all(len(m.body) <= 4096 for m in got)

    got = await user.send_sticker()  # at the first /check question, a 是/否 one: its options (trial 6, N27)
    assert got[0].body == common.EMPTY_AWAITING_CHOICE
    got = await user.send_photo()
    assert got[0].body == common.EMPTY_AWAITING_CHOICE
    got = await user.send("👍🙂🎉")
    assert got[0].body == common.NO_WORDS_ON_SCREEN  # a question is waiting: its own options (trial 5, N20)
    # Each polite reply repeats the pending question, and nothing was lost.
    assert any("第 1/" in m.body for m in got)
    after = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert (after.dialog, after.step, after.profile) == (before.dialog, before.step, before.profile)

    await user.send("/cancel")
    question = answered_questions(kb)[0]
    got = await user.send_photo(caption=question)  # a caption is read like a text
    assert got[0].body == expected_reply(kb, question)


async def test_restart_in_the_middle_of_a_dialog(
    fake: FakeTelegram, sqlite_db: Database, kb: KnowledgeBase, make_bot: MakeBot
) -> None:
    first = await make_bot()
    user = fake.user("郑主任")
    await onboard(user)
    await user.send("/check")
    await user.press("是")
    question_2 = user.last_message()
    assert "第 2/" in question_2.body
    await first.stop()

    # While the bot is down the director answers; Telegram keeps the update until it is confirmed.
    fake.user_sends(user.id, user.id, "40")
    app = build_application(settings_for(fake), request=fake.request(), db=sqlite_db, kb=kb)
    second = await BotDriver.start(fake, app)
    try:
        await second.pump()
        assert "第 3/" in user.last_reply()
        state = await users.load_state(sqlite_db, "telegram", str(user.id))
        assert state.profile.get("open_beds") == 40
        # The keyboard shown before the restart is still the current one's predecessor: stale.
        got = await user.press("跳过/不清楚", question_2)
        assert got[0].body == common.STALE_BUTTON
    finally:
        await second.stop()
