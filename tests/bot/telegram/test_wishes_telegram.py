"""Session 6 breaker findings through PTB and the fake Bot API (the same dialogs as the terminal): a region
changed in words (B8, B20), deleting in other words (B18), 详细 before any region (B11) and one live menu
after "question /check" in the middle of /check (B6)."""

from __future__ import annotations

from dialogs.texts import common as C
from storage import users
from storage.db import Database
from tests.fakes.phone import BotDriver
from tests.fakes.telegram_api import FakeTelegram


async def test_wishes_in_words_in_telegram(fake: FakeTelegram, bot: BotDriver, sqlite_db: Database) -> None:
    user = fake.user("赵院长")
    await user.send("/region 吉林")
    changed = await user.send("换到北京")
    assert changed[0].body.startswith(C.REGION_SET.format(name="北京市"))
    await user.send("我们是渝中区的")
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.region == "chongqing-yuzhong"

    await user.send("/check")
    both = await user.send("床位要多少 /check")
    with_buttons = [m for m in both if m.reply_markup]
    assert len(with_buttons) == 1 and user.buttons() == ["继续", "重新开始"]

    asked = await user.send("把我的信息删了")
    assert asked[-1].body == C.FORGET_CONFIRM
    assert all(c.status == 200 for c in fake.calls)


async def test_details_before_the_region_in_telegram(fake: FakeTelegram, bot: BotDriver) -> None:
    user = fake.user("钱院长")
    await user.send("床位40张 使用率70% 能申请吗")
    wait = await user.send("详细")
    assert wait[0].body == C.DETAILS_AFTER_REGION.format(asked="床位40张 使用率70% 能申请吗")
    full = await user.press("2. 吉林省")
    assert "床位使用率70%，要求≥75%，还差5个百分点" in "\n".join(m.body for m in full)
