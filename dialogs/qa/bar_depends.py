"""A barring situation said without every condition of its rule ("前年出过一起二级医疗事故，还能报吗":
the rule is 两年内、经鉴定二级及以上、负主要责任): it is not read as a fact (dialogs/qa/facts.py), so no ❌
is given on it, and the reply says first what the rule needs, which of it was not said, and that it
depends on them (newcomer trial 5, N5: a firm ❌ assumed main responsibility and the two years)."""

from __future__ import annotations

from dataclasses import replace

from core.model import Reply
from dialogs import render
from dialogs.answer_words import below_bar
from dialogs.qa.facts import unqualified
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import BARRING_FACTS
from dialogs.texts import depends as T
from knowledge.base import KnowledgeBase


def note(text: str, region: str | None, kb: KnowledgeBase) -> str:
    """The 要看具体情况 lines for each barring fact said without all its conditions, where the
    region's rules (or, with no region, any region's) judge that fact; "" when there is none."""
    lines = []
    regions = (region,) if region else tuple(kb.rules)
    for field, missing in unqualified(text, kb.fields):
        judged = [c for r in regions if r in kb.rules for c in kb.rules[r].criteria if field in c.fields]
        if not judged or judged[0].source is None:
            continue
        source = judged[0].source
        rule = source.quote or next((c.quote for c in kb.fields[field].citations), "")
        said = T.BAR_JOIN.join(T.BAR_CONDITIONS[m] for m in missing if m in T.BAR_CONDITIONS)
        lines.append(T.BAR_DEPENDS.format(rule=rule, source=render.citation(source), missing=said))
    return "\n".join([*lines, *_below(text, regions, kb)])


def _below(text: str, regions: tuple[str, ...], kb: KnowledgeBase) -> list[str]:
    """A grade said below the rule's bar (三级医疗事故 against 二级及以上, newcomer trial 6, N5): that
    the rule does not bar it, what it does bar and that the appraisal's grade decides."""
    lines = []
    for field in BARRING_FACTS:
        judged = [c for r in regions if r in kb.rules for c in kb.rules[r].criteria if field in c.fields]
        below = below_bar(text, kb.fields[field].question) if field in kb.fields else None
        if below is None or not judged or judged[0].source is None:
            continue
        source = judged[0].source
        rule = source.quote or next((c.quote for c in kb.fields[field].citations), "")
        lines.append(T.BAR_BELOW.format(said=below[0], bar=below[1], rule=rule, source=render.citation(source)))
    return lines


def annotate(turn: Turn, text: str, region: str | None, kb: KnowledgeBase) -> Turn:
    """The turn with the note before its first reply."""
    lead = note(text, turn.region or region, kb)
    if not lead or not turn.replies:
        return turn
    first = turn.replies[0]
    if not turn.answered:
        # the note answers "算不算" (要看具体情况, with the rule and its source): said as the answer, the entries
        # the search offered kept as buttons — a part of a longer question once lost it to "没有找到" (nc7 N22)
        return replace(turn, decision="answer", replies=(Reply(lead, first.buttons), *turn.replies[1:]))
    return replace(turn, replies=(Reply(lead + "\n" + first.text, first.buttons), *turn.replies[1:]))
