"""A question that checks a figure of a rule ("吉林使用率是不是要80%以上", "床位是不是得50张",
"渝中特色科室日均门诊量要50人次对吧"): when the figure is not the rule's, the reply starts by saying so
("不是：…") before the answer that gives the rule's figure — a director skimming the first line must not
read the wrong figure as confirmed (newcomer trial 5, N15: the numbers were right, no reply said 不是)."""

from __future__ import annotations

from dataclasses import replace

from core.model import Reply
from dialogs.qa.facts import read_situation
from dialogs.qa.in_force_words import CHECKS_FIGURE
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import ABOUT_US, REQUIREMENT_BEFORE
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.eligibility.evaluate import number_text


def annotate(text: str, turn: Turn, region: str | None, kb: KnowledgeBase) -> Turn:
    """The turn led by 不是 when the question checks a figure that differs from the region's rule on that
    field and the answer states the rule's figure; unchanged otherwise."""
    rules = kb.rules.get(turn.region or region or "")
    if rules is None or not turn.answered or not turn.replies or not any(w in text for w in CHECKS_FIGURE):
        return turn
    if any(w in text for w in ABOUT_US):  # 我们床位50张是不是够了: the institution's figure, not the rule's
        return turn
    said = read_situation(REQUIREMENT_BEFORE.sub("", text), kb.fields)
    answer = turn.replies[0].text
    for field, stated in said.items():
        for c in rules.criteria:
            if c.fields != (field,) or c.derived or not isinstance(c.limit, int | float) or stated.ranged:
                continue
            limit = number_text(c.limit, 2)
            if float(stated.value) == float(c.limit) or limit not in answer:
                continue
            spec = kb.fields[field]
            unit = "%" if spec.kind == "percent" else spec.unit
            lead = T.PREMISE_NOT.format(label=spec.label, said=number_text(stated.value, 2) + unit, rule=c.title)
            first = turn.replies[0]
            return replace(turn, replies=(Reply(lead + "\n" + first.text, first.buttons), *turn.replies[1:]))
    return turn
