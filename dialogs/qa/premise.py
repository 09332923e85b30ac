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
from dialogs.qa.premise_words import MEETS_ASKED, PREMISE_ASKED, PREMISE_REQUIRED, PREMISE_WORDS, SUFFICES
from dialogs.qa.situation_notes import NUMERIC
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import ABOUT_US
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.eligibility.evaluate import number_text
from knowledge.eligibility.model import Criterion


def asks(text: str, kb: KnowledgeBase) -> bool:
    """The question asks to confirm a figure of the rules (…对吧, 是不是要…, …就够了吗) and says nothing
    of the asker's institution (我们…): its figures are not a situation."""
    return bool(_figures(text, kb))


def annotate(text: str, turn: Turn, regions: tuple[str, ...], kb: KnowledgeBase) -> Turn:
    """The turn with "对，…" or "不是，…" in front when the question's figure can be held against one
    rule of the region that takes it — the rule alone, with its source, when the search was unsure;
    unchanged otherwise (no such rule, several regions)."""
    figures = _figures(text, kb) if len(regions) == 1 and regions[0] in kb.rules else {}
    leads, sources = [], []
    for name, stated in figures.items():
        rule = _rule_of(name, regions[0], kb)
        if rule is None or not isinstance(stated.value, int | float):
            continue
        spec = kb.fields[name]
        limit = f"{T.BOUND_COMPARE[rule.compare]}{number_text(rule.limit, rule.decimals)}{rule.unit or spec.unit}"
        said = f"{number_text(stated.value, rule.decimals)}{spec.unit}"
        right = float(stated.value) == float(rule.limit)
        lead = (T.PREMISE_RIGHT if right else T.PREMISE_WRONG).format(label=spec.label, limit=limit, said=said)
        # "够三千平就行吗": that one figure meets its rule, and the others still apply (N9)
        enough = right and SUFFICES.search(text) and len(kb.rules[regions[0]].criteria) > 1
        leads.append(lead + (T.PREMISE_ONE_OF if enough else ""))
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
    """The numeric figures a question asking to confirm puts to the rules, read as stated once its
    asking words are left out; {} for any other question."""
    if not PREMISE_ASKED.search(text) or any(w in text for w in ABOUT_US):
        return {}
    if MEETS_ASKED.search(text) and not PREMISE_REQUIRED.search(text):
        return {}  # 床位32张…都够了吧: whether its own figures reach the bar, a situation
    stated = read_situation(PREMISE_WORDS.sub("", text), kb.fields)
    return {f: s for f, s in stated.items() if kb.fields[f].kind in NUMERIC}


def _rule_of(field: str, region: str, kb: KnowledgeBase) -> Criterion | None:
    """The region's one rule with a numeric limit on exactly this field, not reported (a news figure
    is no rule to confirm); None when none or several."""
    found = [
        c
        for c in kb.rules[region].criteria
        if c.fields == (field,)
        and c.compare in T.BOUND_COMPARE
        and isinstance(c.limit, int | float)
        and not c.derived
        and c.force != "reported"
    ]
    return found[0] if len(found) == 1 else None
