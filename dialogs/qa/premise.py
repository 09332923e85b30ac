"""A question that states the rule's figure to have it confirmed ("渝中特色科室日均门诊量要50人次对吧",
"吉林使用率是不是要80%以上", "床位是不是30张就够了"): the figure is the asker's idea of the rule, not
the institution's (a situation once answered "✅ 符合（现为30人次）" to 是30人次吧), and a wrong premise is
said to be wrong first — "不是，要求是≥30人次" — before the entry (newcomer trial 5, N15): a skimming
director otherwise reads past the correction."""

from __future__ import annotations

from dataclasses import replace

from core.model import Reply
from dialogs import render
from dialogs.qa.facts import Stated, read_situation
from dialogs.qa.premise_words import PREMISE_ASKED, PREMISE_WORDS
from dialogs.qa.situation_notes import NUMERIC
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import ABOUT_US
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.eligibility.model import Criterion

SHOWN = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}


def asks(text: str, kb: KnowledgeBase) -> bool:
    """The question asks to confirm a figure of the rules (…对吧, 是不是要…, …就够了吗) and says nothing
    of the asker's institution (我们…): its figures are not a situation."""
    if not PREMISE_ASKED.search(text) or any(w in text for w in ABOUT_US):
        return False
    return any(kb.fields[f].kind in NUMERIC for f in _figures(text, kb))


def annotate(text: str, turn: Turn, regions: tuple[str, ...], kb: KnowledgeBase) -> Turn:
    """The turn with "对，…" or "不是，…" in front when the question's figure can be held against one
    rule of the region that takes it — the rule alone, with its source, when the search was unsure;
    unchanged otherwise (no such rule, several regions)."""
    if len(regions) != 1 or regions[0] not in kb.rules or not asks(text, kb):
        return turn
    leads, sources = [], []
    for name, stated in _figures(text, kb).items():
        rule = _rule_of(name, regions[0], kb)
        if rule is None or not isinstance(stated.value, int | float):
            continue
        spec = kb.fields[name]
        limit = f"{SHOWN[rule.compare]}{_plain(rule.limit)}{rule.unit or spec.unit}"
        said = f"{_plain(stated.value)}{spec.unit}"
        right = float(stated.value) == float(rule.limit)
        leads.append((T.PREMISE_RIGHT if right else T.PREMISE_WRONG).format(label=spec.label, limit=limit, said=said))
        sources.append(kb.catalogue.source_for(rule.citation))
    if not leads:
        return turn
    if not turn.answered:  # the search was unsure of the wording (床位是不是得50张): the rule answers it
        body = "\n".join([*leads, *(render.source_line(s) for s in render.distinct_sources(sources))])
        return Turn("search", "answer", (Reply(body),), regions[0], 1.0, (), tuple(sources))
    first = turn.replies[0]
    return replace(
        turn, replies=(Reply("\n".join(leads) + "\n" + first.text, first.buttons, first.document), *turn.replies[1:])
    )


def _figures(text: str, kb: KnowledgeBase) -> dict[str, Stated]:
    """The figures the question puts to the rules, read as stated once its asking words are left out."""
    return read_situation(PREMISE_WORDS.sub("", text), kb.fields)


def _rule_of(field: str, region: str, kb: KnowledgeBase) -> Criterion | None:
    """The region's one rule with a numeric limit on exactly this field, not reported (a news figure
    is no rule to confirm); None when none or several."""
    found = [
        c
        for c in kb.rules[region].criteria
        if c.fields == (field,)
        and c.compare in SHOWN
        and isinstance(c.limit, int | float)
        and not c.derived
        and c.force != "reported"
    ]
    return found[0] if len(found) == 1 else None


def _plain(x: float) -> str:
    return f"{x:g}"
