"""The Q&A kinds through PTB and the fake Bot API: a greeting, a situation with its verdict and the
/check button that starts the questionnaire with the stated answers, a comparison, a place not
covered. The Telegram layer shows what the dialogs answer; nothing it sends is refused."""

from __future__ import annotations

from dialogs.texts import common as C
from dialogs.texts import qa as T
from dialogs.texts import qa_compare as TC
from dialogs.texts import questionnaire as Q
from storage import users
from storage.db import Database
from tests.dialogs.qa.test_situation_short import SHORT_PHONE_LINES
from tests.eval.reply_length import phone_lines
from tests.fakes.phone import BotDriver
from tests.fakes.telegram_api import FakeTelegram


async def test_question_kinds_in_telegram(fake: FakeTelegram, bot: BotDriver, sqlite_db: Database) -> None:
    user = fake.user("李院长")

    hello = await user.send("你好")  # before /start: the welcome and the region choice, once (polish 2)
    assert hello[0].body.startswith(C.GREETING.split("\n")[0]) and "/check" in hello[0].body
    assert hello[-1].body == C.ASK_REGION and len(hello) == 2

    verdict = await user.send("我们卫生院床位40张 使用率70% 业务用房3500平 在吉林能申请社区医院吗")
    body = "\n".join(m.body for m in verdict)
    assert "❌ 床位使用率≥75%：不符合" in body and "还差5个百分点" in body
    assert user.buttons() == [T.SITUATION_CHECK_BUTTON, T.SITUATION_DETAILS_BUTTON]

    started = await user.press(T.SITUATION_CHECK_BUTTON)
    assert started[0].body.startswith(Q.PREFILLED.split("{")[0])
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.dialog == "questionnaire" and state.region == "jilin"
    assert state.profile["bed_occupancy_rate"] == 70

    await user.send("/cancel")
    compared = await user.send("吉林和北京对公卫人员占比的要求一样吗")
    body = "\n".join(m.body for m in compared)
    assert "【吉林省】" in body and "【北京市】" in body and TC.COMPARE_SUMMARY in body

    shanghai = await user.send("上海社区医院申报截止日期是哪天")
    assert shanghai[-1].body.startswith(T.NOT_COVERED.format(places="上海市"))
    assert all(c.status == 200 for c in fake.calls)


async def test_a_situation_is_short_and_its_details_one_press_away(fake: FakeTelegram, bot: BotDriver) -> None:
    """Brief polish 1: the verdict on a phone in a screenful, the explanation behind 详细说明 or 详细."""
    user = fake.user("王院长")
    await user.send("/region 吉林")
    verdict = await user.send("我们是乡镇卫生院，床位40张，使用率70%，面积2500平方米，吉林能申请吗")
    body = "\n".join(m.body for m in verdict)
    assert body.startswith("【吉林省】❌") and "❌ 床位使用率≥75%：不符合（现为70%，还差5个百分点）" in body
    assert phone_lines(body) <= SHORT_PHONE_LINES, body
    pressed = await user.press(T.SITUATION_DETAILS_BUTTON)
    details = "\n".join(m.body for m in pressed)
    assert "床位使用率70%，要求≥75%，还差5个百分点" in details and "请向市（州）卫生健康委确认" in details
    typed = await user.send("详细")
    assert "床位使用率70%，要求≥75%，还差5个百分点" in "\n".join(m.body for m in typed)
    assert all(c.status == 200 for c in fake.calls)


async def test_a_new_directors_hello_is_welcomed_once(fake: FakeTelegram, bot: BotDriver) -> None:
    """Brief polish 2: 你好 with or without /start first: one welcome, no 我们接着刚才的步骤."""
    for name, first in (("赵院长", ()), ("钱院长", ("/start",))):
        user = fake.user(name)
        for text in first:
            await user.send(text)
        await user.send("你好")
        bodies = [m.body for m in user.messages()]
        welcome = C.GREETING.split("\n")[0]
        assert sum(b.count(welcome) for b in bodies) == 1, bodies
        assert not any(C.PENDING_AGAIN in b for b in bodies), bodies
        assert bodies[-1] == C.ASK_REGION
