"""The distinct entries ranked close to the best one for a question: where a re-ranking step (a region's
own entry before a national report, the step of the flow asked) looks for the entry to put first.

Close means within `score_within` of the best ranking score (not a text on another subject that merely
shares a figure or a date), among the first `within` distinct entries. Pure; reads the index only."""

from __future__ import annotations

from knowledge.base import KnowledgeBase
from knowledge.search.calibration import FEATURES
from knowledge.search.model import Answer

SCORE_WITHIN = 0.3  # how far below the best ranking score an entry may be (北京's targets were 0.26 below the report's)
_SCORE = FEATURES.index("score")


def near_best(
    kb: KnowledgeBase, question: str, region: str | None, within: int, score_within: float = SCORE_WITHIN
) -> list[Answer]:
    """The first `within` distinct entries ranked for `question` in `region` whose ranking score is at most
    `score_within` below the best one's, best first; [] when nothing ranks."""
    ranked = kb.index.distinct(kb.index.rank(question, region))[:within]
    if not ranked:
        return []
    best = ranked[0].features[_SCORE]
    return [kb.index.answers[c.index] for c in ranked if c.features[_SCORE] >= best - score_within]
