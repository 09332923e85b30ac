"""Questions beside a situation's facts that its verdict does not answer (situation.py): asking to
apply first and make up a condition later (先申报，后面再补) is a question of procedure, not whether
the institution qualifies now; the reply says the texts set no such procedure instead of dropping it."""

from __future__ import annotations

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
