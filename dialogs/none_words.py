"""Words for "none" and "not known" typed at a /check question that waits for a number (newcomer trial 4,
F9/F37): "没有" where the prompt says "没有请填 0" is 0; "说不准", "还没统计" are 不清楚, like the button.

Input vocabulary (words we recognise), not words we show: the replies live in dialogs/texts/."""

from __future__ import annotations

import re

from core.lazy_re import lazy
from core.text import fold, simplified

# None of the thing counted: 0 at a count question (公共卫生医师, 精品家庭医生团队, 双向转诊医院).
_NONE = lazy(
    r"^(?:还|暂时|目前|现在|暂|我们|咱们|本院)?(?:一个|一名|一支|一所|一家|一种|一张|一位)?(?:都|也)?"
    # 还没建, 还没组建起来 (brk9 Q6): none built yet
    r"(?:没有|没得|木有|莫得|冇得|冇|没|无|暂无|零)(?:建|建立|建成|组建|成立|设立|配|配备)?(?:起来)?(?:呢|的|哦|啊|呀|吧|了)*$"
)
# Not known yet, said in words (the figure is not known, not "none"): 跳过/不清楚.
UNSURE_SAID = frozenset(
    {
        *("说不准", "讲不清", "讲不准", "拿不准", "搞不清", "搞不清楚", "不太清楚", "不大清楚"),
        *("不是很清楚", "不太确定", "不大确定", "不记得", "记不清", "记不得", "还不知道", "暂时不清楚", "目前不清楚"),
        *("还没统计", "还没有统计", "没统计过", "没有统计过", "还没统计过", "还没算", "没算过", "还没算过", "没算"),
        *("没调查过", "没有调查过", "还没调查", "没查过", "还没查", "没测过", "还没测", "数据还没出来", "还没出来"),
        *("不清楚呢", "不知道呢", "待统计", "待定", "未统计", "暂未统计", "没数", "心里没数"),
    }
)
_PARTICLES = "的了啊呀吧哈嘛哦啦呐呢"
# The plain words for not knowing (dialogs/words.py reads them alone as 不清楚), first in a longer message.
_UNSURE_FIRST = frozenset({"不清楚", "不知道", "不确定", "不晓得", "不了解", "说不清", "没数", *UNSURE_SAID})
# After 不知道: who or what would tell ("得问后勤", "要查一下台账", "回头问问财务"): still 不清楚 for now
# (newcomer trial 7, N14). A figure after it ("不知道，大概三十") is an answer, never read here.
_WHO_WOULD_TELL = lazy(r"问|查|找|核实|核对|统计|确认|回头|等|再说|后勤|财务|院办|科室")
_FIGURE = lazy(r"[0-9零〇一二两三四五六七八九十百千万俩仨]")
_WHO_SAYS = lazy(r"^(?:这个|这|那个|那|我们|我也|我|目前|现在|暂时)")  # 这个不清楚: 不清楚
_ONCE = lazy(r"一下|[问查看找]一[问查看找]")  # 查一下, 问一问: no figure
_CLAUSES = lazy(r"[\s,，。.!！~～、;；:：]+")


def says_none(text: str) -> bool:
    """ "没有", "一个也没有", "还没有呢", "无", "零": none of the thing counted."""
    t = re.sub(r"[\s,，。.!！~～、]+", "", simplified(fold(text)))
    return bool(_NONE.match(t))


_ZERO = lazy(r"^[0零〇]+$")  # a zero typed as a figure, not a word of none


def none_in_words(text: str) -> bool:
    """ "没有", "无", "还没有": none said in words, where "0" and "零" are a figure (newcomer trial 11, N8)."""
    return says_none(text) and not _ZERO.match(fold(text).strip())


def says_unsure(text: str) -> bool:
    """ "说不准", "还没统计", "不太清楚啊": the figure or fact is not known."""
    t = re.sub(r"[\s,，。.!！~～、]+", "", simplified(fold(text)))
    return t in UNSURE_SAID or t.rstrip(_PARTICLES) in UNSURE_SAID or _unsure_then_who(text)


def _unsure_then_who(text: str) -> bool:
    """ "不知道，得问后勤", "不清楚 要查一下": not known, then who or what would tell — no figure in it."""
    clauses = [c for c in _CLAUSES.split(simplified(fold(text))) if c]
    first = _WHO_SAYS.sub("", clauses[0]).rstrip(_PARTICLES) if clauses else ""
    if len(clauses) < 2 or first not in _UNSURE_FIRST:
        return False
    return all(_WHO_WOULD_TELL.search(c) and not _FIGURE.search(_ONCE.sub("", c)) for c in clauses[1:])
