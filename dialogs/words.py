"""Words we recognise in what directors type: yes/no, choices by number or name, the words that
steer a dialog (上一步, 跳过, 沿用, 继续 …) and whether a text is a question.

Input vocabulary lives here, not in texts/: these are words we recognise, not words we show.
Quantities are read in dialogs/quantities.py."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from core.lazy_re import lazy
from core.text import chinese_int, fold, simplified
from dialogs.yes_no_words import NO_SAID, ROUGHLY_YES, YES_SAID, leading_answer

# /status all: every deadline (dialogs/tracking/status.py); "约" makes a figure approximate (约6000).
ALL_WORDS = ("all", "全部", "所有", "全部截止日期")
APPROX_PREFIX = "约"

_YES = {"是", "是的", "有", "对", "对的", "符合", "支持", "确定", "好", "好的", "y", "yes", "ok", "嗯", "确认"}
_NO = {"否", "不是", "没有", "无", "不", "不对", "不符合", "不支持", "n", "no", "没", "不要", "取消"}


# Said the way people answer ("支持的👍", "有的", "是啊", "有一个", "还没有"): emoji, punctuation and
# the particles at the end are dropped, and "有" + a count is a yes (有一个特色科室).
_PARTICLES = "的了啊呀吧哈嘛哦啦呐"
_HAS_COUNT = lazy(r"^(?:已经|已)?有[0-9一二两三四五六七八九十几]+(?:个|家|支|名|所|项|位|种)?$")
_NOT_YET = lazy(r"^(?:还|暂时|目前|现在|暂)?(?:没有|没|未|无)(?:呢)?$")


def answer_core(text: str) -> str:
    """The words of a short answer without emoji, punctuation or closing particles: "支持的👍" -> "支持"."""
    t = "".join(c for c in fold(text) if unicodedata.category(c)[0] in "LN")
    stripped = t.rstrip(_PARTICLES)
    return stripped or t


def parse_yes_no(text: str) -> bool | None:
    """True for 是/有/对/yes… (是滴, 有的，全科), False for 否/没有/不… (没得, 木有), None for anything else
    (a question back, a detail pointing the other way: dialogs/yes_no_words.py)."""
    t = fold(text)
    if t in _YES:
        return True
    if t in _NO:
        return False
    if asks(text):  # "嗯？" is a question back, not a yes (/forget's confirmation reads this too)
        return None
    core = answer_core(text)
    if core in _YES or core in YES_SAID or core in ROUGHLY_YES or _HAS_COUNT.match(core):
        return True
    if core in _NO or core in NO_SAID or _NOT_YET.match(core):
        return False
    return leading_answer(t, _YES, _NO)  # "有的，全科", "没得，还在建": the word at the start (F4)


def parse_confirmation(text: str) -> bool | None:
    """A yes/no to a confirmation whose effect cannot be undone (/forget, a broadcast, deleting a
    reminder): only a bare yes or no ("确定", "是的👍", "不要"); an answer with more after it ("好的，谢谢",
    "有的，全科") is None, to be asked again, unlike parse_yes_no's reading of questionnaire answers."""
    if asks(text):
        return None
    core = answer_core(text)
    if fold(text) in _YES or core in _YES or core in YES_SAID:
        return True
    if fold(text) in _NO or core in _NO or core in NO_SAID or _NOT_YET.match(core):
        return False
    return None


def parse_choice_index(text: str, count: int) -> int | None:
    """A 0-based index from "2", "２", "二", "第2个", "2." for a list of `count` choices."""
    t = fold(text).removeprefix("第").rstrip("个项.、)）")
    value = chinese_int(t)
    if value is None or not 1 <= value <= count:
        return None
    return value - 1


# --- Words that steer the questionnaire -----------------------------------------------------------
_UNKNOWN = {
    "不清楚",
    "不知道",
    "不确定",
    "跳过",
    "跳过/不清楚",
    "不详",
    "未知",
    "说不清",
    "没统计",
    "没有统计",
    "不了解",
    "不晓得",
    "暂无数据",
    "没数据",
    "skip",
    "s",  # the terminal's 跳过/不清楚 key (README: on every screen), typed where 不清楚 is a numbered answer
    "?",
    "？",
    "pass",
}
_BACK = {"上一步", "上一题", "返回", "返回上一步", "返回上一题", "后退", "back"}
_KEEP = {"沿用", "沿用上次", "保持", "不变", "照旧", "还是一样", "一样"}
# Said inside a longer answer ("是的，沿用", "和上次一样吧"), these still mean 沿用 — unless asked.
_KEEP_PHRASES = ("沿用", "和上次一样", "跟上次一样", "同上次", "与上次相同", "还是那样", "按原来的", "保持不变", "照旧")
_EDIT = {"修改", "改", "改为", "改成", "重新填", "重填", "更改", "要改"}
_CONTINUE = {"继续", "接着", "接着做", "继续做"}
_RESTART = {"重新开始", "从头开始", "重来", "重新来", "从头来"}
_WHY = {
    "为什么",
    "为什么问这个",
    "为什么问",
    "为什么要问",
    "为什么要问这个",
    "为啥",
    "为啥问这个",
    "问这个干什么",
    "问这个干嘛",
    "有什么用",
    "why",
}
_WHY_LABEL, _LABEL_STARTS = "为什么问这个", ("沿用", "改为")
_MARKS = ("So", "Sk", "Mn", "Cf")  # emoji, their modifiers and joiners
_QUESTION_MARKERS = (
    "?",
    "吗",
    "呢",
    "谁",  # 验收找谁申请 (newcomer trial 2, F2)
    "怎么",
    "多少",
    "什么",
    "哪",
    "如何",
    "能否",
    "是否",
    "能不能",
    "可不可以",
    "要不要",
    "有没有",
    "几个",
    "几张",
    "几名",
    "几支",
    "为何",
    "啥",
    "咋",
    "怎",
    "何时",
    "几时",
    "几号",
    "多久",
    "多长",
    "请问",
    "想问",
    "问一下",
    "问下",
    "可否",
)
# "是不是", "有没有", "够不够", "需不需要": a verb, 不/没, the verb again.
_A_NOT_A = lazy(r"(\w)[不没]\1")
# 几 right after a numeral (十几张, 三十几个, 20几名) is an approximate figure, never a question word.
_SOME_AFTER_NUMERAL = lazy(r"(?<=[0-9一二三四五六七八九十百千万])几")
_SOME_MARK = "#"
# 几 with a measure word asks a count ("要几项达标", "建几家", "几类"); 十几张 (a range) has a numeral before it.
_HOW_MANY = lazy(r"(?<![0-9一二三四五六七八九十百千万])几(?:项|家|所|种|类|条|天|次|位|年|月|人|处|级|份|批|步)")
# Naming a policy topic in words, with no number in it, asks about it ("截止时间", "申报材料清单"):
# at a step waiting for a number or a choice it cannot be the answer.
_TOPIC_WORDS = ("截止", "材料", "申报", "条件", "标准", "文件", "流程", "时间", "电话", "要求", "政策")


def _word(text: str) -> str:
    # a typed label keeps no emoji or spaces of its own ("🙂 为什么问这个", "上 一 步"; breaker brk8)
    return "".join(c for c in fold(text) if not c.isspace() and unicodedata.category(c) not in _MARKS).strip("?？")


def is_screen_label(text: str) -> bool:
    """A /check button's own label typed (为什么问这个, 沿用 28, 改为 40): of a screen, not a question."""
    return _word(text) == _WHY_LABEL or (_word(text).startswith(_LABEL_STARTS) and not asks(text))


def parse_unknown(text: str) -> bool:
    """跳过 / 不清楚 and the like."""
    return fold(text) in _UNKNOWN or _word(text) in _UNKNOWN


def is_back(text: str) -> bool:
    return _word(text) in _BACK


def is_keep(text: str) -> bool:
    """沿用: a keep-word, or a keep phrase inside an answer that is not a question."""
    word = _word(text)
    return word in _KEEP or (any(phrase in word for phrase in _KEEP_PHRASES) and not asks(text))


def is_edit(text: str) -> bool:
    return _word(text) in _EDIT


def is_continue(text: str) -> bool:
    return _word(text) in _CONTINUE


def is_restart(text: str) -> bool:
    return _word(text) in _RESTART


def asks_why(text: str) -> bool:
    """ "为什么问这个" — but not a real question that starts with 为什么 ("为什么床位要30张")."""
    return _word(text) in _WHY


def looks_like_question(text: str) -> bool:
    """A question by its words, not its punctuation: "啥时候截止", "要交材料么", "是不是要30张",
    "申报材料清单" (a topic named in words), as well as anything with a question mark."""
    t = simplified(fold(text))
    if asks(text):
        return True
    return not re.search(r"\d", t) and any(word in t for word in _TOPIC_WORDS)


def asks(text: str) -> bool:
    """Asked as a question (a question word or mark, 是不是, or 吗/么/呢 at the end), not merely naming a
    topic: where a title is expected ("交材料 3月15日"), only this makes a text a question."""
    t = _SOME_AFTER_NUMERAL.sub(_SOME_MARK, simplified(fold(text)))  # 三十几张 is about 35, not 几张 (a count asked)
    if any(marker in t for marker in _QUESTION_MARKERS) or _A_NOT_A.search(t) or _HOW_MANY.search(t):
        return True
    # 算一所不, 行不, 够不: 不 at the end asks (算不算) — not 也不/都不/从不, which deny (newcomer trial 7, N14)
    t = t.rstrip("?？。.!！~～ ")
    return t.endswith(("么", "吗", "呢", "嘛")) or (len(t) > 1 and t[-1] == "不" and t[-2] not in "也都并从绝决毫还再")


def parse_choice(text: str, choices: tuple[tuple[str, str], ...]) -> str | None:
    """The value of the choice a text names: its number, its label or value, or a unique part of a
    label ("推荐" for 推荐标准). When several labels fit, the most specific one the text contains wins
    ("未达到基本标准" names 未达到, not 基本标准)."""
    index = parse_choice_index(text, len(choices))
    if index is not None:
        return choices[index][0]
    t = fold(text)
    for value, label in choices:
        if t in (fold(value), fold(label)):
            return value
    inside = [(len(label), value) for value, label in choices if fold(label) in t]
    if inside:
        inside.sort(reverse=True)
        if len(inside) == 1 or inside[0][0] > inside[1][0]:
            return inside[0][1]
        return None
    partial = [value for value, label in choices if len(t) >= 2 and t in fold(label)]
    if len(partial) == 1:
        return partial[0]
    # "社区的", "达到推荐了", "我们是卫生院": the answer inside the way it is said
    core = _CHOICE_LEAD.sub("", answer_core(text)).replace("没", "未")
    if core != t and len(core) >= 2:
        return parse_choice(core, choices) if not core.isdigit() else None
    return None


_CHOICE_LEAD = lazy(r"^(?:我们|咱们|我院|本院)?(?:就|已经|已)?(?:是|属于|达到了|达到|达|算)?")

_REPORT = {
    "生成自评报告",
    "自评报告",
    "生成报告",
    "导出报告",
    "导出自评报告",
    "下载自评报告",
    "要自评报告",
    "再生成自评报告",
}


def is_report_request(text: str) -> bool:
    """ "生成自评报告" and the like: the self-assessment document, typed instead of pressed."""
    return _word(text) in _REPORT


# Words that move a tracking step on or close a menu (/stage, /remind), and that name every region
# in an admin's /broadcast.
ADVANCE_WORDS = frozenset({"下一阶段", "下一步", "推进", "推进到下一阶段", "下一个", "next"})
DONE_WORDS = frozenset({"好了", "好的", "结束", "退出", "done", "ok"})
ALL_REGIONS_WORDS = frozenset({"全部", "所有", "all", "全部地区"})
# /remind: day counts typed as "30 7 1", "14，3", "三十、七天".
DAY_SEPARATORS = lazy(r"[\s,，、/;；和]+")
DAY_SUFFIX = "天"
# /remind: "删除1", "删除 第2条", "删掉 3", "d1", the button's label "删除 1. 交材料": a 删除 typed (it asks first).
DELETE_TYPED = lazy(
    r"^(?:删除?|删掉|去掉|d)\s*第?\s*(?P<n>[0-9一二三四五六七八九十]{1,3})\s*(?:条|个|项)?(?:[.、]\s*.*)?$"
)
# A clock time in a reminder's title ("明天下午三点给卫健委打电话"): reminders come at a set time, not that one.
CLOCK_WORDS = lazy(r"[0-9一二两三四五六七八九十]+\s*(?:点|时|:\d\d)|上午|下午|晚上|早上|中午|傍晚")
# "提前两周和三天", "提前一个月、一周": a count with its unit, said around 提前…提醒.
DAYS_AROUND = lazy(r"^(?:请|麻烦)?(?:在)?(?:提前)?|(?:前)?(?:各)?(?:提醒)?(?:一次|一下)?(?:吧|了)?$")
DAY_COUNT = lazy(r"^(?P<n>[0-9〇零一二两三四五六七八九十百]+)\s*(?P<unit>天|日|周|个星期|星期|个礼拜|礼拜|个月|月)?$")
DAY_UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "个星期": 7, "星期": 7, "个礼拜": 7, "礼拜": 7, "个月": 30, "月": 30}


# --- Reminder settings typed as words, outside /remind ("推迟一周", "别提醒了") ----------------------
_MUTE = {
    "别提醒了",
    "不要提醒了",
    "不用提醒了",
    "不要再提醒了",
    "别再提醒了",
    "不用再提醒了",
    "停止提醒",
    "关闭提醒",
    "关掉提醒",
    "取消提醒",
    "静音",
    "别提醒",
    "不要提醒",
    "先别提醒了",
    "暂停提醒",
}
_UNMUTE = {"恢复提醒", "开启提醒", "打开提醒", "取消静音", "继续提醒", "重新提醒"}
_UNSNOOZE = {"取消推迟", "不推迟了", "别推迟了"}
_SNOOZE = lazy(
    r"^(?:请|麻烦)?(?:把)?(?:提醒)?(?:推迟|延后|往后推|推后|晚|暂停)(?:提醒)?(?P<n>[0-9〇零一二两三四五六七八九十]+)\s*"
    r"(?P<unit>天|日|周|个星期|星期|个礼拜|礼拜|个月)(?:再提醒|再说|以后再提醒)?(?:吧|了|哦|啊)?$"
)
_SNOOZE_UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "个星期": 7, "星期": 7, "个礼拜": 7, "礼拜": 7, "个月": 30}


@dataclass(frozen=True)
class ReminderWords:
    """A reminder setting typed as words: `action` is "mute", "unmute", "unsnooze" or "snooze"
    (then `days` is how long, in days)."""

    action: str
    days: int = 0


def parse_reminder_words(text: str) -> ReminderWords | None:
    """ "推迟一周" -> snooze 7 days, "推迟三天" -> 3, "别提醒了" -> mute, "恢复提醒" -> unmute; None for
    anything else (a question about reminders is still a question)."""
    t = simplified(fold(text)).replace(" ", "")
    if t in _MUTE:
        return ReminderWords("mute")
    if t in _UNMUTE:
        return ReminderWords("unmute")
    if t in _UNSNOOZE:
        return ReminderWords("unsnooze")
    m = _SNOOZE.match(t)
    if m is None:
        return None
    n = chinese_int(m["n"])
    return ReminderWords("snooze", n * _SNOOZE_UNIT_DAYS[m["unit"]]) if n else None
