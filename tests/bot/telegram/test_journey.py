"""A director's conversations with the real bot, through PTB and the fake Bot API."""

from __future__ import annotations

from dialogs.commands import COMMANDS, help_text
from dialogs.texts import common
from dialogs.texts import qa as qa_texts
from knowledge.base import KnowledgeBase
from storage import users
from storage.db import Database
from tests.bot.telegram.conftest import MakeBot, answered_questions, expected_reply
from tests.fakes.phone import BotDriver
from tests.fakes.telegram_api import FakeTelegram

# Questions that sit between "answer" and "decline" for Jilin; the first one the current search
# calibration answers with suggestions is used.
SUGGEST_CANDIDATES = ("要不要验收", "评审", "复核", "考核", "两年", "设备", "奖励", "编制", "人员怎么配")


def suggest_query(kb: KnowledgeBase) -> str:
    for q in SUGGEST_CANDIDATES:
        if kb.search(q, "jilin").decision == "suggest":
            return q
    raise AssertionError("none of the candidate questions gets 您是不是想问 suggestions any more; add one")


async def test_new_director_whole_journey(fake: FakeTelegram, bot: BotDriver, kb: KnowledgeBase) -> None:
    user = fake.user("张主任")

    greeting = await user.send("/start")
    assert greeting[0].body == common.GREETING
    assert greeting[-1].body == common.ASK_REGION
    assert user.buttons() == ["1. 全国（国家文件）", "2. 吉林省", "3. 重庆市渝中区", "4. 北京市"]
    # Every button press is answered, so the phone's spinner stops.
    chosen = await user.press("2. 吉林省")
    assert all(q["answered"] for q in fake.callback_queries.values())
    assert chosen[0].body.startswith(common.REGION_SET.format(name="吉林省"))

    for question in answered_questions(kb):
        answer = await user.send(question)
        assert answer[0].body == expected_reply(kb, question)
        assert "📄 出处" in answer[0].body

    question = suggest_query(kb)
    offered = await user.send(question)
    assert offered[-1].body == qa_texts.DID_YOU_MEAN
    first_suggestion = offered[-1].labels()[0]
    shown = await user.press(first_suggestion)
    assert "📄 出处" in shown[-1].body
    entry = kb.search(question, "jilin").suggestions[0]
    assert shown[-1].body.startswith(entry.answer.strip()[:20])

    declined = await user.send("明天天气怎么样")
    assert declined[-1].body.startswith("抱歉")
    # Nothing the bot sent was empty, over the limit or with bad buttons: the fake would have said 400.
    assert all(c.status == 200 for c in fake.calls)


async def test_menu_and_help_in_chinese(fake: FakeTelegram, bot: BotDriver) -> None:
    menu = fake.commands["default:"]
    assert [c["command"] for c in menu] == [
        "start", "help", "check", "stage", "status", "remind", "region", "mydata", "forget", "cancel",
    ]  # fmt: skip
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in c["description"]) for c in menu)
    user = fake.user("李院长")
    assert (await user.send("/help"))[0].body == help_text()
    unknown = await user.send("/frobnicate")
    assert unknown[0].body == common.UNKNOWN_COMMAND.format(name="frobnicate")


async def test_every_registered_command_answers(fake: FakeTelegram, bot: BotDriver) -> None:
    """Telegram forwards whatever the router registers: each command gets a non-error reply."""
    user = fake.user("王主任")
    await user.send("/start")
    await user.press("2. 吉林省")
    for name in sorted(n for n, c in COMMANDS.items() if not c.admin):
        if name == "forget":
            continue  # tested on its own: it deletes the user
        got = await user.send(f"/{name}")
        assert got, f"/{name} got no reply"
        assert all(m.body != common.INTERNAL_ERROR for m in got), f"/{name} failed"
        assert all(m.body != common.UNKNOWN_COMMAND.format(name=name) for m in got)
        await user.send("/cancel")


async def test_check_starts_a_questionnaire_with_buttons(
    fake: FakeTelegram, bot: BotDriver, sqlite_db: Database, kb: KnowledgeBase
) -> None:
    user = fake.user("赵主任")
    await user.send("/start")
    await user.press("2. 吉林省")
    await user.send("/check")
    assert user.buttons(), "the first question offers buttons"
    first = user.last_message()
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.dialog == "questionnaire"
    step_before = state.step
    await user.press(first.labels()[0])
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.step != step_before, "pressing an answer moves to the next question"
    # A question typed in the middle is answered, and the questionnaire carries on.
    question = answered_questions(kb)[0] + "？"  # the question mark tells it from an answer
    await user.send(question)
    assert expected_reply(kb, question) in user.replies()[-4:]
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.dialog == "questionnaire"


async def test_questionnaire_to_the_end_and_the_report_file(
    fake: FakeTelegram, bot: BotDriver, sqlite_db: Database
) -> None:
    """Answer every question (buttons for closed choices, digits for numbers) until the verdict,
    then ask for the self-assessment report, which arrives as a .docx file."""
    user = fake.user("周主任")
    await user.send("/start")
    await user.press("2. 吉林省")
    await user.send("/check")
    for _ in range(30):
        state = await users.load_state(sqlite_db, "telegram", str(user.id))
        if state.dialog != "questionnaire":
            break
        message = user.last_message()
        closed = [b for b in message.labels() if b in ("是", "3. 推荐标准", "1. 社区卫生服务中心")]
        if closed:
            await user.press(closed[0], message)
        else:
            await user.send("50")
    else:
        raise AssertionError("the questionnaire did not finish")
    assert any("自评结论" in r for r in user.replies())
    report_button = next(b for b in user.buttons() if "报告" in b)
    await user.press(report_button)
    (name, content), (pdf_name, pdf) = user.documents()[-2:]
    assert name.endswith(".docx") and content[:2] == b"PK"  # a real Word file (a zip)
    assert pdf_name.endswith(".pdf") and pdf[:5] == b"%PDF-"  # and the PDF beside it
    assert all(m.body != common.INTERNAL_ERROR for m in user.messages())
    assert all(c.status == 200 for c in fake.calls)


async def test_tracking_stage_status_remind(fake: FakeTelegram, bot: BotDriver, sqlite_db: Database) -> None:
    user = fake.user("孙主任")
    await user.send("/start")
    await user.press("2. 吉林省")
    await user.send("/stage")
    stages = user.buttons()
    assert stages, "/stage offers the region's stages as buttons"
    await user.press(stages[0])
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    assert state.stage is not None
    status = await user.send("/status")
    assert any("申报进度" in m.body for m in status)
    await user.send("/remind")
    assert user.buttons(), "/remind shows its settings with buttons"
    assert all(c.status == 200 for c in fake.calls)


async def test_two_directors_do_not_see_each_other(fake: FakeTelegram, make_bot: MakeBot) -> None:
    await make_bot()
    a, b = fake.user("甲"), fake.user("乙")
    await a.send("/start")
    await b.send("/start")
    await a.press("2. 吉林省")
    await b.press("4. 北京市")
    assert "吉林省" in a.last_reply() and "北京市" in b.last_reply()
    assert all("北京" not in r for r in a.replies()[2:])
