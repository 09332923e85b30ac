"""The terminal chat against a real SQLite database: onboarding, resume after quitting, privacy."""

import io
import json
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.terminal import TerminalChat, event_from_line, run_chat
from bot.wiring import build_assistant
from dialogs import render
from dialogs.texts import common as T
from storage import users
from tests.support.databases import count_rows_for


def test_event_from_line() -> None:
    assert event_from_line("1", {"1": "d1:region:jilin"}).data == "d1:region:jilin"
    assert event_from_line("１", {"1": "d1:x"}).kind == "press"
    assert event_from_line("1", {}).kind == "text"
    cmd = event_from_line("/region@bot 北京", {})
    assert (cmd.kind, cmd.text, cmd.data) == ("command", "region", "北京")
    assert event_from_line("/", {}).kind == "text"


async def test_first_run_greets_and_numbered_choice_sets_region(sqlite_db, kb, tmp_path: Path) -> None:
    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()
    text = out.getvalue()
    assert T.GREETING in text and "[2] 吉林省" in text
    await chat.send("2")
    assert "已将地区设为：吉林省" in out.getvalue()
    assert (await users.load_state(sqlite_db, "terminal", "me")).region == "jilin"


async def test_quitting_mid_dialog_and_starting_again_resumes(sqlite_db, kb, tmp_path: Path) -> None:
    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()  # asks the region
    # a new process: new Assistant and chat objects on the same database
    out2 = io.StringIO()
    chat2 = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out2, tmp_path)
    await chat2.opening()
    assert "欢迎回来" in out2.getvalue() and T.ASK_REGION in out2.getvalue()
    await chat2.send("北京")
    assert (await users.load_state(sqlite_db, "terminal", "me")).region == "beijing"


async def test_mydata_writes_a_json_file_and_forget_deletes(sqlite_db, kb, tmp_path: Path) -> None:
    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()
    await chat.send("1")
    await chat.send("/mydata")
    export = tmp_path / "exports" / "me" / "mydata.json"
    exported = json.loads(export.read_text(encoding="utf-8"))
    assert exported["账户与设置"]["地区"] == render.region_name(kb, "national")
    assert str(export.resolve()) in out.getvalue()  # the full path, not data/exports/… (newcomer trial 7, N27)
    uid = exported["账户与设置"]["编号"]
    await chat.send("/forget")
    await chat.send("1")  # 确定删除
    assert T.FORGET_DONE in out.getvalue()
    assert await count_rows_for(sqlite_db, uid) == 0
    assert not export.exists(), "files given to the user are deleted with the rest"


async def test_a_question_after_forget_is_a_new_user_s(sqlite_db, kb, tmp_path: Path) -> None:
    """Newcomer trial 2, C15: after /forget the next message gets the greeting and the region prompt."""
    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()
    await chat.send("2")
    await chat.send("/forget")
    await chat.send("1")  # 确定删除
    before = len(out.getvalue())
    await chat.send("床位要多少")
    after = out.getvalue()[before:]
    assert T.GREETING in after and T.ASK_REGION in after
    assert after.index(T.GREETING) < after.rindex(T.ASK_REGION)


async def test_run_chat_reads_lines_until_quit(tmp_path: Path) -> None:
    lines = iter(["2", "/quit"])
    out = io.StringIO()
    settings = Settings(_env_file=None, data_dir=tmp_path)
    code = await run_chat(settings, "cli", lines=lambda: next(lines), out=out)
    assert code == 0 and "已将地区设为：吉林省" in out.getvalue() and "再见" in out.getvalue()
    # the bye line names the way back to this profile (issue 10: it named another one)
    assert "bash scripts/chat.sh --user cli" in out.getvalue()
    lines = iter([])

    def eof() -> str:
        raise EOFError

    out2 = io.StringIO()
    assert await run_chat(settings, "cli", lines=eof, out=out2) == 0
    assert "欢迎回来" in out2.getvalue()


async def test_a_typed_number_answers_a_numeric_question_instead_of_pressing_a_button(
    sqlite_db, kb, tmp_path: Path
) -> None:
    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()
    await chat.send("2")  # 吉林省
    replies = await chat.send("/check")
    for _ in range(10):  # answer closed questions with their first button until a number is asked
        if replies[-1].expects_number:
            break
        replies = await chat.send("1")
    assert replies[-1].expects_number, "Jilin's questionnaire asks for a number early on"
    assert "[b] 上一步" in out.getvalue(), "steering buttons show their stable keys, never a number"
    state = await users.load_state(sqlite_db, "terminal", "me")
    field = state.step
    await chat.send("1")
    after = await users.load_state(sqlite_db, "terminal", "me")
    # an answer, not a press: saved, or (1 is outside the field's usual range) held for confirmation
    assert after.profile.get(field) == 1 or after.data.get("candidate") == 1, (field, after.profile, after.data)


async def test_the_report_is_offered_again_after_quit_and_restart(sqlite_db, kb, tmp_path: Path) -> None:
    """Issue 10: 生成自评报告 disappeared after /quit: the terminal offers it again on opening, and the
    words typed work too."""
    from dialogs.texts import questionnaire as Q
    from dialogs.texts import report as R

    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()
    await chat.send("2")  # 吉林省
    replies = await chat.send("/check")
    for _ in range(60):
        state = await users.load_state(sqlite_db, "terminal", "me")
        if state.dialog is None:
            break
        confirming = state.data.get("mode") == "confirm"  # 30 m² is confirmed: skip the question instead
        replies = await chat.send("不清楚" if confirming or not replies[-1].expects_number else "30")
    assert any(Q.REPORT in b.label for r in replies for row in r.buttons for b in row)
    # /quit: a new process on the same database
    out2 = io.StringIO()
    chat2 = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out2, tmp_path)
    await chat2.opening()
    assert f"[1] {Q.REPORT}" in out2.getvalue()
    report = await chat2.send("1")
    assert report[0].document is not None
    assert (chat2.exports / R.REPORT_FILENAME).exists()
    typed = await chat2.send("生成自评报告")
    assert typed[0].document is not None


async def test_pruning_locks_keeps_the_one_a_turn_holds(sqlite_db, kb, monkeypatch) -> None:
    """Turns of one user never overlap, even when the table of per-user locks is pruned."""
    import asyncio

    from bot import turn
    from core.model import Event

    monkeypatch.setattr(turn, "MAX_IDLE_LOCKS", 2)
    assistant = build_assistant(sqlite_db, kb, "telegram")
    for i in range(5):
        await assistant.turn(str(i), Event.command("help"))
    held = assistant._locks["busy"]
    async with held:  # a turn of "busy" in progress
        await assistant.turn("other", Event.command("help"))  # triggers pruning
        assert assistant._locks["busy"] is held
        waiting = asyncio.create_task(assistant.turn("busy", Event.command("help")))
        await asyncio.sleep(0.05)
        assert not waiting.done(), "a second turn of the same user waits for the first"
    await waiting


async def test_mydata_mid_questionnaire_sends_the_file_then_asks_again(sqlite_db, kb, tmp_path: Path) -> None:
    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()
    await chat.send("2")
    await chat.send("/check")
    replies = await chat.send("/mydata")
    assert replies[0].document is not None and replies[0].text.endswith(T.MYDATA_INTRO)  # after a summary (N37)
    assert replies[1].text == T.PENDING_AGAIN and replies[-1].buttons


async def test_a_situation_typed_in_the_terminal_offers_check_as_a_numbered_option(
    sqlite_db, kb, tmp_path: Path
) -> None:
    from dialogs.texts import qa as QT
    from dialogs.texts import questionnaire as Q

    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()
    await chat.send("2")  # 吉林省
    await chat.send("我们床位40张 使用率70% 能申请吗")
    assert "还差5个百分点" in out.getvalue() and f"[1] {QT.SITUATION_CHECK_BUTTON}" in out.getvalue()
    await chat.send("1")
    assert Q.PREFILLED.split("{")[0] in out.getvalue()
    state = await users.load_state(sqlite_db, "terminal", "me")
    assert state.dialog == "questionnaire" and state.profile["open_beds"] == 40


async def test_keep_has_the_same_key_on_every_screen_and_repeated_1_never_overwrites(
    sqlite_db, kb, tmp_path: Path
) -> None:
    """F6: 沿用 is [y] on yes/no and numeric questions alike (it was [1] on one and [a] on the next),
    and a director typing "1" again and again to mean 沿用 never has 1 saved."""
    from dialogs.texts import questionnaire as Q

    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()
    await chat.send("2")  # 吉林省
    await chat.send("/check")
    await chat.send("是")
    await chat.send("30")
    await chat.send("/cancel")
    await chat.send("/check")
    await chat.send(Q.RESUME_RESTART)  # left off in order: 继续 / 重新开始 (N7)
    assert f"[y] {Q.KEEP}" in out.getvalue().rsplit("上次选的是", 1)[1], "the yes/no question"
    await chat.send("y")
    screen = out.getvalue().rsplit("（第", 1)[1]
    assert Q.REUSE_OFFER.format(value="30 张") in screen and f"[y] {Q.KEEP}" in screen, "the numeric question"
    for _ in range(3):
        await chat.send("1")
    state = await users.load_state(sqlite_db, "terminal", "me")
    assert state.profile["open_beds"] == 30 and state.step == "open_beds"
    await chat.send("y")  # 沿用 30 张
    state = await users.load_state(sqlite_db, "terminal", "me")
    assert state.profile["open_beds"] == 30 and state.step != "open_beds"


async def test_hello_after_forget_is_greeted_once(sqlite_db, kb, tmp_path: Path) -> None:
    """Newcomer trial 3, F15: 你好 after /forget gets one welcome and one region menu, not two."""
    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()
    await chat.send("2")
    await chat.send("/forget")
    await chat.send("1")  # 确定删除
    before = len(out.getvalue())
    await chat.send("你好")
    after = out.getvalue()[before:]
    assert after.count(T.ASK_REGION) == 1 and after.count("我可以") == 1, after


@pytest.mark.parametrize("line", ["", "   ", "👍", "🙂🙂"])
async def test_a_wordless_line_after_forget_is_greeted_once(sqlite_db, kb, tmp_path: Path, line: str) -> None:
    """Newcomer trial 9, finding 19: an empty line after /forget → 确定删除 got the welcome and region menu, then
    没有收到文字内容 and the region menu again. The welcome is the answer: one reply, one region menu."""
    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()
    await chat.send("2")
    await chat.send("/forget")
    await chat.send("1")  # 确定删除
    before = len(out.getvalue())
    await chat.send(line)
    after = out.getvalue()[before:]
    assert after.count(T.ASK_REGION) == 1 and after.count("我可以") == 1, after
    assert T.EMPTY_MESSAGE not in after and T.NO_WORDS not in after and T.PENDING_AGAIN not in after, after


async def test_ctrl_c_says_goodbye_at_once(tmp_path: Path) -> None:
    """Newcomer trial 3, F10: Ctrl-C while waiting for a line ends the chat with the goodbye."""

    def interrupted() -> str:
        raise KeyboardInterrupt

    out = io.StringIO()
    settings = Settings(_env_file=None, data_dir=tmp_path)
    assert await run_chat(settings, "cli", lines=interrupted, out=out) == 0
    assert "再见" in out.getvalue()


async def test_a_first_hello_in_the_terminal_is_welcomed_once(sqlite_db, kb, tmp_path: Path) -> None:
    """Brief polish 2: the terminal greets on opening; 你好 typed next is greeted back, not welcomed again,
    and nothing is said about a previous step that never happened."""
    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "first", out, tmp_path)
    await chat.opening()
    await chat.send("你好")
    await chat.send("谢谢")
    said = out.getvalue()
    assert said.count("我可以") == 1 and "接着刚才" not in said, said


async def test_a_situations_details_in_the_terminal(sqlite_db, kb, tmp_path: Path) -> None:
    """Brief polish 1: the short verdict, then its details by the numbered 详细说明 option or by 详细."""
    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "short", out, tmp_path)
    await chat.opening()
    await chat.send("2")  # 吉林省
    replies = await chat.send("我们床位40张，使用率70%，业务用房2500平，能申请吗")
    assert "❌ 床位使用率≥75%：不符合（现为70%，还差5个百分点）" in replies[0].text
    key = next(k for k, data in chat.choices.items() if data.startswith("g:more:"))
    pressed = await chat.send(key)
    assert "床位使用率70%，要求≥75%，还差5个百分点" in pressed[0].text
    typed = await chat.send("详细")
    assert "床位使用率70%，要求≥75%，还差5个百分点" in typed[0].text
