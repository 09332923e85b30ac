"""Issue 10, groups: what a group gets and who controls it (README, "Telegram groups").

- A group's reminders are off until one of its admins turns them on there (/remind); members are
  told that the setting is the admins'. The reminder tick then reaches the group.
- /broadcast reaches private chats only; /stats counts users, not groups (with its stage names).
- Privacy mode: the bot gets only the group messages meant for it, and answers those."""

from __future__ import annotations

import datetime as dt

from bot.nudges.tick import tick
from bot.ratelimit import RateLimiter, VirtualClock
from bot.telegram.sender import TelegramSender
from core.clock import SHANGHAI
from dialogs.texts import admin as AT
from dialogs.texts import common
from dialogs.texts import tracking as TT
from knowledge.base import KnowledgeBase
from storage import nudges as nudge_store
from storage import users
from storage.db import Database
from tests.bot.telegram.conftest import MakeBot, answered_questions, expected_reply
from tests.fakes.telegram_api import FakeTelegram


async def _tick_at(db: Database, kb: KnowledgeBase, driver, when: dt.datetime):  # type: ignore[no-untyped-def]
    clock = VirtualClock()
    return await tick(db, kb, TelegramSender(driver.app.bot), when, RateLimiter(clock=clock, sleep=clock.sleep))


async def _group_nudges(db: Database, group_id: int) -> list[nudge_store.Nudge]:
    uid = await users.user_id_of(db, "telegram", str(group_id))
    assert uid is not None
    today = dt.datetime.now(SHANGHAI).date()
    return [n for n in await nudge_store.user_nudges(db, uid) if n.status == "pending" and n.deadline_date >= today]


async def test_group_reminders_are_off_until_a_group_admin_turns_them_on(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database, kb: KnowledgeBase
) -> None:
    driver = await make_bot()
    boss, member = fake.user("王院长"), fake.user("李医生")
    group = fake.add_group("社区医院申报群", [member.id], admin_ids=[boss.id])
    b, m = boss.in_chat(group), member.in_chat(group)

    await m.send("/region 吉林")  # any member may set the group's region (it only shapes answers)
    state = await users.load_state(sqlite_db, "telegram", str(group["id"]))
    assert state.region == "jilin" and state.muted, "a group starts with its reminders off"
    assert await _group_nudges(sqlite_db, group["id"]) == []

    got = await m.send("/remind")
    assert [x.body for x in got] == [common.GROUP_ADMINS_ONLY]
    got = await b.send("/remind")
    assert got and got[0].body.startswith(TT.REMIND_TITLE) and TT.REMIND_MUTED in got[0].body
    assert TT.BUTTON_UNMUTE in b.buttons()
    refused = await m.press(TT.BUTTON_UNMUTE)  # a member pressing the admin's menu
    assert [x.body for x in refused] == [common.GROUP_ADMINS_ONLY]
    assert (await users.load_state(sqlite_db, "telegram", str(group["id"]))).muted
    await b.press(TT.BUTTON_UNMUTE)
    assert not (await users.load_state(sqlite_db, "telegram", str(group["id"]))).muted

    # On the real clock no loaded text gives Jilin a date (the 2024–2025 plan ended): the group's own
    # dated reminder, added by its admin in the open menu, is what gets planned.
    await b.send("@shequ_yiyuan_bot 交材料 12月31日")
    pending = await _group_nudges(sqlite_db, group["id"])
    assert pending, "unmuted, the group's reminders are planned"
    due = pending[0].due_at.astimezone(SHANGHAI) + dt.timedelta(minutes=1)
    report = await _tick_at(sqlite_db, kb, driver, due)
    assert report.sent >= 1 and pending[0].title in b.last_reply()

    await b.send("@shequ_yiyuan_bot 别提醒了")  # typed by an admin: done
    assert (await users.load_state(sqlite_db, "telegram", str(group["id"]))).muted


async def test_a_member_typing_a_setting_in_a_group_changes_nothing(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database
) -> None:
    await make_bot()
    boss, member = fake.user("王院长"), fake.user("李医生")
    group = fake.add_group("申报群", [member.id], admin_ids=[boss.id])
    await member.in_chat(group).send("/region 吉林")
    await boss.in_chat(group).send("/remind")
    await boss.in_chat(group).press(TT.BUTTON_UNMUTE)
    await member.in_chat(group).send("@shequ_yiyuan_bot 别提醒了")
    assert not (await users.load_state(sqlite_db, "telegram", str(group["id"]))).muted


async def test_the_group_creator_counts_as_its_admin(fake: FakeTelegram, make_bot: MakeBot) -> None:
    await make_bot()
    owner = fake.user("创建者")
    group = fake.add_group("群", [], creator_id=owner.id)
    got = await owner.in_chat(group).send("/status")
    assert got and got[0].body != common.GROUP_ADMINS_ONLY


async def test_broadcast_reaches_private_chats_only_and_stats_counts_users(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database, kb: KnowledgeBase
) -> None:
    admin = fake.user("管理员")
    driver = await make_bot(admin_ids=[admin.id])
    zhang = fake.user("张主任")
    await zhang.send("/region 吉林")
    group = fake.add_group("群", [zhang.id], admin_ids=[zhang.id])
    await zhang.in_chat(group).send("/region 吉林")
    await zhang.send("/stage")
    await zhang.press(zhang.buttons()[1])  # a stage, so /stats shows its name

    got = await admin.send("/stats")
    text = "\n".join(x.body for x in got)
    assert AT.STATS_USERS.format(total=2, active=2) in text, text  # the admin and 张主任; not the group
    stage = kb.calendars["jilin"].stages[1]
    assert stage.name in text and stage.id not in text, "/stats names stages, not their ids"

    await admin.send("/broadcast 全部 下周一系统维护")
    await admin.press(admin.buttons()[0])
    await driver.app.bot_data["shell"].wait_background()
    assert any("下周一系统维护" in body for body in zhang.replies())
    assert not any("下周一系统维护" in x.body for x in fake.bot_messages(group["id"]))


async def test_privacy_mode_the_bot_sees_only_what_is_meant_for_it(
    fake: FakeTelegram, make_bot: MakeBot, kb: KnowledgeBase
) -> None:
    fake.privacy_mode = True
    await make_bot()
    zhang, li = fake.user("张主任"), fake.user("李主任")
    group = fake.add_group("街道卫生工作群", [zhang.id, li.id])
    z, li_ = zhang.in_chat(group), li.in_chat(group)
    first, second = answered_questions(kb, None)
    assert await z.send(first) == [] and fake.withheld, "not meant for the bot: Telegram keeps it back"
    answer = await z.send(f"@shequ_yiyuan_bot {first}")
    assert answer[0].body == expected_reply(kb, first, None)
    reply = await li_.send(second, reply_to=answer[-1])
    assert reply[0].body == expected_reply(kb, second, None)
    assert (await z.send("/help"))[0].body


async def test_any_member_may_choose_the_groups_region_with_the_buttons(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database
) -> None:
    await make_bot()
    boss, member = fake.user("王院长"), fake.user("李医生")
    group = fake.add_group("群", [member.id], admin_ids=[boss.id])
    m = member.in_chat(group)
    await m.send("/start")
    await m.press(next(label for label in m.buttons() if "吉林" in label))
    assert (await users.load_state(sqlite_db, "telegram", str(group["id"]))).region == "jilin"
