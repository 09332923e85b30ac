"""In a group the bot speaks only when addressed, and never runs a questionnaire there."""

from __future__ import annotations

from dialogs.commands import help_text
from dialogs.texts import common
from knowledge.base import KnowledgeBase
from storage import users
from storage.db import Database
from tests.bot.telegram.conftest import answered_questions, expected_reply
from tests.fakes.phone import BotDriver
from tests.fakes.telegram_api import FakeTelegram


async def test_group_answers_only_when_addressed(fake: FakeTelegram, bot: BotDriver, kb: KnowledgeBase) -> None:
    zhang, li = fake.user("张主任"), fake.user("李主任")
    group = fake.add_group("街道卫生工作群", [zhang.id, li.id])
    z, l_ = zhang.in_chat(group), li.in_chat(group)

    assert await z.send("大家好，明天开会") == []
    assert await l_.send("床位要多少") == []  # a question, but not to the bot
    assert await z.send_sticker() == []
    assert await z.send("/help@some_other_bot") == []

    first, second = answered_questions(kb, None)
    got = await z.send(f"@shequ_yiyuan_bot {first}")
    assert [m.body for m in got][:1] == [expected_reply(kb, first, None)]
    got = await l_.send(second, reply_to=got[-1])  # a reply to the bot's message
    assert [m.body for m in got][:1] == [expected_reply(kb, second, None)]

    got = await z.send("/help@shequ_yiyuan_bot")
    assert got[0].body == help_text()
    got = await l_.send("/help")
    assert got[0].body == help_text()


async def test_group_never_starts_a_questionnaire(fake: FakeTelegram, bot: BotDriver, sqlite_db: Database) -> None:
    zhang = fake.user("张主任")
    group = fake.add_group("申报交流群", [zhang.id])
    z = zhang.in_chat(group)
    for command in ("/check", "/check@shequ_yiyuan_bot", "/stage", "/mydata", "/forget"):
        got = await z.send(command)
        assert [m.body for m in got] == [common.GROUP_PRIVATE_ONLY], command
    for command in ("/remind", "/status"):  # the group's reminders: for its admins (zhang is a member)
        got = await z.send(command)
        assert [m.body for m in got] == [common.GROUP_ADMINS_ONLY], command
    state = await users.load_state(sqlite_db, "telegram", str(group["id"]))
    assert state.dialog is None
    # The group's own region is the group's, not a member's.
    await z.send("/region 北京")
    assert (await users.load_state(sqlite_db, "telegram", str(group["id"]))).region == "beijing"
    assert (await users.load_state(sqlite_db, "telegram", str(zhang.id))).region is None


async def test_admin_commands_are_refused_in_groups(fake: FakeTelegram, make_bot: object) -> None:
    admin = fake.user("管理员")
    await make_bot(admin_ids=[admin.id])  # type: ignore[operator]
    group = fake.add_group("管理群", [admin.id])
    got = await admin.in_chat(group).send("/stats")
    assert [m.body for m in got] == [common.ADMIN_ONLY]


async def test_the_bots_mention_after_a_command_is_no_argument(fake: FakeTelegram, bot: BotDriver) -> None:
    """brk10: "/status all @thisbot" read "all @shequ_yiyuan_bot" as the argument (not "all": the short list
    came); the mention only says whom the command is for, wherever it stands."""
    zhang = fake.user("张主任")
    await zhang.send("/region 吉林")
    assert "已过" in (await zhang.send("/status all"))[0].body  # every deadline: the past ones too
    for typed in ("/status all @shequ_yiyuan_bot", "/status @shequ_yiyuan_bot all", "/status@shequ_yiyuan_bot all"):
        assert "已过" in (await zhang.send(typed))[0].body, typed
