"""Newcomer trial 4, F17 on Telegram: the /check summary of 渝中 says the 全科医生 missing for the population
(还差 11人，按辖区常住人口60000人计至少要12人), not the per-10,000 gap as a head count."""

from __future__ import annotations

from storage import users
from storage.db import Database
from tests.dialogs.questionnaire.test_flow import valid_answer
from tests.fakes.phone import BotDriver
from tests.fakes.telegram_api import FakeTelegram


async def test_the_gp_gap_in_doctors_on_telegram(fake: FakeTelegram, bot: BotDriver, sqlite_db: Database, kb) -> None:
    user = fake.user("渝中主任")
    await user.send("/region 渝中")
    await user.send("/check")
    answers = {"resident_population": "6万", "general_practitioners": "1"}
    last = []
    for _ in range(40):
        state = await users.load_state(sqlite_db, "telegram", str(user.id))
        if state.dialog != "questionnaire":
            break
        spec = kb.fields[state.step]
        if state.data.get("mode") == "confirm":
            text = "是"
        elif state.step in answers:
            text = answers[state.step]
        elif spec.kind == "bool":
            text = "是"
        elif spec.kind == "choice":
            text = spec.choices[-1][1]
        else:
            text = valid_answer(spec)
        last = await user.send(text)
    body = "\n".join(m.body for m in last)
    assert "全科医生数还差 11人（按辖区常住人口60000人计至少要12人）" in body
    assert "：还差 1.83人" not in body
