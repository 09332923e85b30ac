"""Admin commands: refused to others; /stats, /reload (keeping a sound knowledge base) and
/broadcast with confirmation, for the admins in ADMIN_IDS."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.telegram.app import shell_of
from dialogs.texts import admin as AT
from dialogs.texts import common
from knowledge.base import KnowledgeBase
from knowledge.regions import DATA
from storage import users
from storage.db import Database
from tests.bot.telegram.conftest import MakeBot, answered_questions, expected_reply
from tests.fakes.phone import Person
from tests.fakes.telegram_api import FakeTelegram


async def onboard(user: Person, region: str) -> None:
    await user.send("/start")
    await user.press(region)


async def test_admin_commands_refused_to_others(fake: FakeTelegram, make_bot: MakeBot) -> None:
    admin = fake.user("管理员")
    await make_bot(admin_ids=[admin.id])
    user = fake.user("普通用户")
    for command in ("/stats", "/reload", "/broadcast 吉林 你好"):
        got = await user.send(command)
        assert [m.body for m in got] == [common.ADMIN_ONLY], command


async def test_stats_counts_users_questions_and_unanswered(fake: FakeTelegram, make_bot: MakeBot) -> None:
    admin = fake.user("管理员")
    await make_bot(admin_ids=[admin.id])
    a, b, c = fake.user("甲"), fake.user("乙"), fake.user("丙")
    await onboard(a, "2. 吉林省")
    await onboard(b, "2. 吉林省")
    await onboard(c, "4. 北京市")
    await a.send("床位要多少")
    await b.send("明天天气怎么样")
    await c.send("明天天气怎么样")
    await c.block()

    got = await admin.send("/stats")
    text = "\n".join(m.body for m in got)
    assert AT.STATS_USERS.format(total=4, active=3) in text  # the admin is a user too; 丙 blocked us
    assert AT.STATS_REGION_LINE.format(region="吉林省", stage=AT.STATS_NO_STAGE, count=2) in text
    assert AT.STATS_REGION_LINE.format(region="北京市", stage=AT.STATS_NO_STAGE, count=1) in text
    assert AT.STATS_QUESTIONS.format(total=3) in text
    assert AT.STATS_UNANSWERED_LINE.format(text="明天天气怎么样", count=2) in text


def broken_copy(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(DATA, root)
    faq = root / "faq" / "jilin-2020.yaml"
    text = faq.read_text(encoding="utf-8")
    assert "quote: 吉卫基层发〔2020〕5号}" in text
    faq.write_text(text.replace("quote: 吉卫基层发〔2020〕5号}", "quote: 这句话不在原文里}", 1), encoding="utf-8")
    return root


async def test_reload_keeps_the_old_knowledge_when_the_new_is_broken(
    fake: FakeTelegram, make_bot: MakeBot, kb: KnowledgeBase, tmp_path: Path
) -> None:
    admin = fake.user("管理员")
    broken = broken_copy(tmp_path)
    driver = await make_bot(admin_ids=[admin.id], kb_loader=lambda: KnowledgeBase(broken))
    shell = shell_of(driver.app)
    got = await admin.send("/reload")
    assert got[0].body == AT.RELOAD_STARTED
    assert got[-1].body.startswith("❌")
    assert "jilin-2020-overview" in got[-1].body and "quote" in got[-1].body
    assert shell.assistant is not None and shell.assistant.kb is kb
    user = fake.user("张主任")
    await onboard(user, "2. 吉林省")
    question = answered_questions(kb)[0]
    assert (await user.send(question))[-1].body == expected_reply(kb, question)


async def test_reload_swaps_in_a_sound_knowledge_base(fake: FakeTelegram, make_bot: MakeBot, kb: KnowledgeBase) -> None:
    admin = fake.user("管理员")
    loaded: list[KnowledgeBase] = []

    def loader() -> KnowledgeBase:
        loaded.append(KnowledgeBase(DATA))
        return loaded[-1]

    driver = await make_bot(admin_ids=[admin.id], kb_loader=loader)
    got = await admin.send("/reload")
    assert got[-1].body.startswith("✅"), got[-1].body
    shell = shell_of(driver.app)
    assert shell.assistant is not None and shell.assistant.kb is loaded[-1] and loaded[-1] is not kb
    user = fake.user("张主任")
    await onboard(user, "2. 吉林省")
    question = answered_questions(kb)[0]
    assert (await user.send(question))[-1].body == expected_reply(kb, question)


async def test_broadcast_with_confirmation(fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database) -> None:
    admin = fake.user("管理员")
    driver = await make_bot(admin_ids=[admin.id])
    jilin = [fake.user(f"吉林{i}") for i in range(3)]
    beijing = fake.user("北京1")
    for u in jilin:
        await onboard(u, "2. 吉林省")
    await onboard(beijing, "4. 北京市")
    fake.blocked.add(jilin[2].id)  # blocked without the bot having heard of it yet

    got = await admin.send("/broadcast 吉林 请于本周五前提交自评表。")
    assert "请于本周五前提交自评表。" in got[-1].body and "吉林省" in got[-1].body
    assert got[-1].labels() == [AT.BROADCAST_YES, AT.BROADCAST_NO]
    assert all("自评表" not in r for r in jilin[0].replies()), "nothing is sent before confirmation"

    await admin.press(AT.BROADCAST_YES)
    await shell_of(driver.app).wait_background()
    assert jilin[0].last_reply() == "请于本周五前提交自评表。"
    assert jilin[1].last_reply() == "请于本周五前提交自评表。"
    assert all("自评表" not in r for r in beijing.replies())
    assert admin.last_reply() == AT.BROADCAST_DONE.format(region="吉林省", sent=2, blocked=1, failed=0)
    assert (await users.load_state(sqlite_db, "telegram", str(jilin[2].id))).active is False

    # Cancelled: nothing goes out; the old confirmation keyboard is stale afterwards.
    await admin.send("/broadcast 全部 第二条通知")
    confirm = admin.last_message()
    await admin.press(AT.BROADCAST_NO)
    assert admin.last_reply() == AT.BROADCAST_CANCELLED
    got = await admin.press(AT.BROADCAST_YES, confirm)
    assert got[0].body == common.STALE_BUTTON
    await shell_of(driver.app).wait_background()
    assert all("第二条通知" not in r for u in [*jilin, beijing] for r in u.replies())


async def test_broadcast_usage_and_bad_region(fake: FakeTelegram, make_bot: MakeBot) -> None:
    admin = fake.user("管理员")
    await make_bot(admin_ids=[admin.id])
    got = await admin.send("/broadcast")
    assert got[0].body.startswith("用法：/broadcast")
    got = await admin.send("/broadcast 火星 你好")
    assert got[0].body.startswith("没有认出地区“火星”")
