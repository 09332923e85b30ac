"""The router's own duties: input hygiene, commands, stale buttons, onboarding and privacy."""

import datetime as dt

from core.effects import ExportMyData, ForgetMe, ReplanNudges
from core.model import Event, UserState
from dialogs import router
from dialogs.commands import help_text
from dialogs.texts import common as T


def run(state: UserState, event: Event, kb, now: dt.datetime):
    return router.handle(state, event, kb, now)


def test_start_asks_region_with_buttons_and_a_press_sets_it(kb, now) -> None:
    out = run(UserState(), Event.command("start"), kb, now)
    assert out.replies[0].text == T.GREETING
    ask = out.replies[1]
    assert ask.text == T.ASK_REGION
    labels = [b.label for row in ask.buttons for b in row]
    assert len(labels) == 4 and any("吉林" in x for x in labels)
    jilin = next(b for row in ask.buttons for b in row if "吉林" in b.label)
    done = run(out.state, Event.press(jilin.data), kb, now)
    assert done.state.region == "jilin" and done.state.dialog is None
    assert "吉林省" in done.replies[0].text
    assert any(isinstance(e, ReplanNudges) for e in done.effects)


def test_region_by_number_name_or_chinese_numeral(kb, now) -> None:
    for typed, expected in [
        ("2", "jilin"),
        ("２", "jilin"),
        ("三", "chongqing-yuzhong"),
        ("北京", "beijing"),
        ("我在重庆渝中", "chongqing-yuzhong"),
    ]:
        state = run(UserState(), Event.command("start"), kb, now).state
        out = run(state, Event.say(typed), kb, now)
        assert out.state.region == expected, typed


def test_unrecognised_region_answer_asks_again_and_keeps_the_dialog(kb, now) -> None:
    state = run(UserState(), Event.command("start"), kb, now).state
    out = run(state, Event.say("火星"), kb, now)
    assert out.state.dialog == "onboarding" and out.state.region is None
    assert out.replies[0].text == T.REGION_NOT_UNDERSTOOD.format(n=4)
    assert out.replies[-1].buttons


def test_region_command_with_argument(kb, now) -> None:
    out = run(UserState(region="jilin"), Event.command("region", "北京"), kb, now)
    assert out.state.region == "beijing"


def test_stale_button_after_the_dialog_ended(kb, now) -> None:
    first = run(UserState(), Event.command("start"), kb, now)
    old = first.replies[1].buttons[0][0]
    cancelled = run(first.state, Event.command("cancel"), kb, now)
    assert cancelled.replies[0].text == T.CANCELLED
    stale = run(cancelled.state, Event.press(old.data), kb, now)
    assert stale.replies[0].text == T.STALE_BUTTON
    assert stale.state.region is None


def test_garbage_callback_data_is_stale_not_an_error(kb, now) -> None:
    for data in ["", "x", "d:abc", "dX:1", "g:nonexistent:1", "d99999:region:jilin"]:
        out = run(UserState(), Event.press(data), kb, now)
        assert out.replies[0].text == T.STALE_BUTTON


def test_bad_text_input_gets_a_polite_reply_and_keeps_the_pending_question(kb, now) -> None:
    state = run(UserState(), Event.command("start"), kb, now).state
    cases = {
        "": T.EMPTY_AWAITING_CHOICE,  # the region prompt's buttons, not "type a question" (trial 6, N27)
        "   \n\t ": T.EMPTY_AWAITING_CHOICE,
        "\x00\x07\u200b": T.EMPTY_AWAITING_CHOICE,
        "😀😀🎉": T.NO_WORDS_ON_SCREEN,  # the region prompt is waiting: its options (newcomer trial 5, N20)
        "！？。…": T.NO_WORDS_ON_SCREEN,
        "床" * 10_000: T.TOO_LONG.format(n=10_000, limit=router.MAX_INPUT_CHARS),
    }
    for text, expected in cases.items():
        out = run(state, Event.say(text), kb, now)
        assert out.replies[0].text == expected
        assert out.state.dialog == "onboarding" and out.replies[-1].text == T.ASK_REGION


def test_unknown_command_and_help_keep_the_dialog(kb, now) -> None:
    state = run(UserState(), Event.command("start"), kb, now).state
    out = run(state, Event.command("frobnicate"), kb, now)
    assert out.replies[0].text == T.UNKNOWN_COMMAND.format(name="frobnicate")
    assert out.replies[-1].text == T.ASK_REGION
    helped = run(state, Event.command("help"), kb, now)
    assert helped.replies[0].text == help_text() and helped.replies[-1].text == T.ASK_REGION
    assert helped.state.dialog == "onboarding"


def test_cancel_with_nothing_to_cancel(kb, now) -> None:
    out = run(UserState(region="jilin"), Event.command("cancel"), kb, now)
    assert out.replies[0].text == T.NOTHING_TO_CANCEL


def test_handle_does_not_modify_the_callers_state(kb, now) -> None:
    state = UserState()
    run(state, Event.command("start"), kb, now)
    assert state.dialog is None and state.version == 0


def test_private_commands_refused_in_groups(kb, now) -> None:
    out = run(UserState(region="jilin"), Event.command("forget", in_group=True), kb, now)
    assert out.replies[0].text == T.GROUP_PRIVATE_ONLY and out.state.dialog is None


def test_forget_needs_confirmation(kb, now) -> None:
    asked = run(UserState(region="jilin"), Event.command("forget"), kb, now)
    assert asked.replies[0].text == T.FORGET_CONFIRM and not asked.effects
    unclear = run(asked.state, Event.say("嗯？"), kb, now)
    assert unclear.replies[0].text == T.YES_NO_PROMPT and not unclear.effects
    no = run(asked.state, Event.press(asked.replies[0].buttons[0][1].data), kb, now)
    assert no.replies[0].text == T.FORGET_KEPT and not no.effects
    yes = run(asked.state, Event.say("是"), kb, now)
    assert yes.replies[0].text == T.FORGET_DONE and any(isinstance(e, ForgetMe) for e in yes.effects)


def test_mydata_is_an_effect(kb, now) -> None:
    out = run(UserState(region="jilin"), Event.command("mydata"), kb, now)
    assert any(isinstance(e, ExportMyData) for e in out.effects)


def test_check_without_a_region_asks_it_then_starts_the_questionnaire(kb, now) -> None:
    asked = run(UserState(), Event.command("check"), kb, now)
    assert asked.state.dialog == "onboarding"
    out = run(asked.state, Event.say("吉林"), kb, now)
    assert out.state.region == "jilin"
    assert out.state.dialog == "questionnaire", "the questionnaire starts without typing /check again"
    assert "吉林省" in out.replies[0].text and out.replies[-1].buttons


def test_stage_without_a_region_offers_the_region_then_shows_the_stages(kb, now) -> None:
    asked = run(UserState(), Event.command("stage"), kb, now)
    button = next(b for r in asked.replies for row in r.buttons for b in row)
    picker = run(asked.state, Event.press(button.data), kb, now)
    assert picker.state.dialog == "onboarding"
    out = run(picker.state, Event.say("吉林"), kb, now)
    assert out.state.region == "jilin"
    assert len(out.replies) >= 2 and out.replies[-1].buttons, "the stage choice follows the region"


def test_a_broadcast_confirmation_without_text_sends_nothing(kb, now) -> None:
    """A confirmation state that lost its text (an old release, a hand-edited row) ends quietly."""
    from core.effects import Broadcast
    from dialogs.texts import admin as A

    state = UserState(region="jilin")
    state.start("broadcast", "confirm", {"region": "jilin"})
    assert router.pending(state, kb, now) == []
    out = run(state, Event.say("是", is_admin=True), kb, now)
    assert out.replies[0].text == A.BROADCAST_CANCELLED and out.state.dialog is None
    assert not any(isinstance(e, Broadcast) for e in out.effects)


def test_irreversible_confirmations_take_only_a_bare_yes_or_no(kb, now) -> None:
    """/forget deletes everything: an answer with more after it ("好的，谢谢", "有的，不过…") is asked
    again, while a questionnaire answer reads its leading word (dialogs.words.parse_yes_no)."""
    from dialogs.words import parse_confirmation, parse_yes_no

    unclear = ("好的，谢谢", "好的谢谢", "是的，不过我再想想", "有的，全科", "确定吗", "嗯？", "删吧？", "不，等等")
    for typed in unclear:
        assert parse_confirmation(typed) is None, typed
        asked = run(UserState(region="jilin"), Event.command("forget"), kb, now)
        out = run(asked.state, Event.say(typed), kb, now)
        assert not any(isinstance(e, ForgetMe) for e in out.effects), typed
        shown = [r.text for r in out.replies]
        assert T.FORGET_CONFIRM in shown and out.state.dialog == "forget", (typed, shown)
    for typed in ("是", "确定", "是的👍", "好的", "确认", "ok"):
        assert parse_confirmation(typed) is True, typed
    for typed in ("否", "不要", "取消", "不", "没有"):
        assert parse_confirmation(typed) is False, typed
    assert parse_yes_no("有的，全科") is True  # the questionnaire keeps its wider reading
