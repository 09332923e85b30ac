"""国家 named only as whom a step goes to ("建成的社区医院名单，省里什么时候报给国家？"): the question asks
about the step of the asker's own region when that region's text has one (吉林 2020 四（四）: 省卫生健康委
每年11月30日前报基层司), not about the national notice's 2021 one-off (sealed set 7, s7a008)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from knowledge.places import PlacesNamed
from knowledge.search.model import Answer

# The addressee as the region's own step names it (国家卫生健康委基层司): its entry says so in its answer.
NATION = "国家"


class _Ranked(Protocol):
    """What of the search index this needs: its entries and its ranking in a region."""

    answers: Sequence[Answer]

    def rank(self, question: str, region: str | None) -> Sequence: ...


def own_step_to_nation(named: PlacesNamed, region: str | None, question: str, index: _Ranked) -> bool:
    """Search `region` rather than the national entries: 国家 is named only as an addressee (places.py),
    the user has a region, and that region's own entry ranks first there and itself names 国家 — a
    region with no step to the nation (北京: 各区 report to the city) keeps the national answer."""
    if not named.national_recipient or named.regions or named.uncovered or region in (None, "national"):
        return False
    ranked = index.rank(question, region)
    best = index.answers[ranked[0].index] if ranked else None
    return best is not None and region in best.regions and NATION in best.answer
