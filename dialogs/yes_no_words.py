"""Yes and no said with detail after them (input vocabulary): "有的，全科", "有，我们有全科医生",
"对的我们有", "没得，还在建". A yes/no word at the start decides when nothing after it points the other
way ("有，但不是区级的", "没有统计过" stay unread: the director is asked again)."""

from __future__ import annotations

import re

# Said alone, the way people answer in speech and dialect (是滴, 对头, 没得, 木有, 冇): read by
# dialogs.words.parse_yes_no beside the plain words.
YES_SAID = frozenset({"是滴", "对滴", "有滴", "是哒", "对头", "是嘞", "有嘞", "嗯嗯", "当然", "肯定", "要得", "有有"})
# 算是吧, 也算是, 应该算是 (newcomer trial 4, F6): a yes to a questionnaire question, often with the question's
# words after it ("算是吧，城乡结合部"); never a yes to a confirmation that deletes (算了 is "never mind").
ROUGHLY_YES = frozenset({"算是", "也算是", "应该算是", "应该算", "算得上", "当然算", "肯定算", "算是的", "勉强算是"})
NO_SAID = frozenset({"没得", "木有", "冇", "冇得", "莫得", "没的", "没呢", "并没有", "还没得", "没有没有", "木得"})

# After a yes or no at "…是 2 人吗？请确认没有输错": the words that still only confirm or deny the figure
# ("是的，没输错", "不对，输错了"); any other detail ("有的，全科康复中医都有") is an answer meant for another
# question and confirms nothing (newcomer trial 5, N4).
FIGURE_CONFIRM_DETAIL = re.compile(
    r"^(?:没|没有)?(?:输|打|写|填)?错(?:了)?$|^确认$|^确定$|^就是$|^就是这个数$|^就是这么多$|^没问题$|^对$|^是$|^真的$"
)
FIGURE_CONFIRM_LEADS = ("就是", "是", "确实是", "确实")  # "对，就是2人": the figure again after them

# A clause break after the leading word: "有的，全科" / "有 我们有".
_BREAK = re.compile(r"[,，、;；:：\s]+")
# Leading words that decide even without a break before the detail ("对的我们有", "没有全科医生").
_YES_LEADS = ("是的", "对的", "是滴", "对滴", "有的我们", "有我们", "有呀我们")
_NO_LEADS = ("没有", "没得", "木有", "莫得", "冇得")
# After a yes: a negation or a contrast makes it unclear. After a no: a contrast, or words saying the
# figure is not known (没有统计过 is not "no").
_AGAINST_YES = re.compile(r"[不没无未否冇木]|但|不过|可是|只是")
_AGAINST_NO = re.compile(r"但|不过|可是|只是|统计|清楚|知道|确定|数据|了解|记得")


def leading_answer(folded: str, plain: frozenset[str] | set[str], negative: frozenset[str] | set[str]) -> bool | None:
    """True/False when `folded` (already fold()ed) starts with a yes/no word — one of `plain` /
    `negative` before a clause break, or a word of _YES_LEADS/_NO_LEADS — and the detail after it does
    not point the other way; None otherwise (nothing after the word, or an unclear detail)."""
    parts = _BREAK.split(folded, maxsplit=1)
    if len(parts) == 2 and parts[1]:
        head, rest = _core(parts[0]), parts[1]
        if head in plain or head in YES_SAID or head in ROUGHLY_YES:
            return _after(True, rest)
        if head in negative or head in NO_SAID:
            return _after(False, rest)
    for lead in _YES_LEADS:
        if folded.startswith(lead) and len(folded) > len(lead):
            return _after(True, folded[len(lead) :])
    for lead in _NO_LEADS:
        if folded.startswith(lead) and len(folded) > len(lead):
            return _after(False, folded[len(lead) :])
    return None


def _core(head: str) -> str:
    return head.rstrip("的了啊呀吧哈嘛哦啦呐滴嘞哒")


def _after(value: bool, rest: str) -> bool | None:
    against = _AGAINST_YES if value else _AGAINST_NO
    return None if against.search(rest) else value
