"""Questions beside a situation's facts that its verdict does not answer (situation.py): asking to
apply first and make up a condition later (先申报，后面再补) is a question of procedure, not whether
the institution qualifies now; the reply says the texts set no such procedure instead of dropping it."""

from __future__ import annotations

import re

LATER_ASKS = (
    "先申报",
    "先报",
    "先申请",
    "先挂牌",
    "后面再补",
    "以后再补",
    "之后再补",
    "再补上",
    "再补齐",
    "后补",
    "边建边报",
    "边报边建",
    "先上车",
)

# The same request written around its own words: 先 + a step of the application, then later + making
# a condition up ("可以先报名之后再增加床位吗", "先申报后面再提高使用率", "先挂牌以后再扩面积"). The
# step and the making-up may each carry what they are about between them (先把材料报上去…再把床位加够).
_STEP = r"(?:申报|申请|报名|上报|报|挂牌|评审|评|验收|提交|交)"
_LATER = r"(?:以后|之后|后面|后期|回头|然后|过后|明年|再)"
_MAKE_UP = r"(?:补|凑|增|加到|加够|加床|加上|扩|提高|提升|达到|达标|整改|完善)"
LATER_ASK = re.compile(f"先[^，,。？?；;]{{0,6}}?{_STEP}[^。？?；;]{{0,12}}?{_LATER}[^，,。？?；;]{{0,8}}?{_MAKE_UP}")


def asks_later(text: str) -> bool:
    """The text asks to apply first and make a condition up later (see LATER_ASKS, LATER_ASK)."""
    return any(w in text for w in LATER_ASKS) or bool(LATER_ASK.search(text))
