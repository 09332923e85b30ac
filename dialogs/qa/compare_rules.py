"""Every rule of the asked area on each side of a comparison (dialogs/qa/compare.py). A comparison of
one area of the requirements in general ("床位要求方面吉林和渝中有什么不同", "渝中区和国家标准对全科医生
的要求有什么区别") searched each side for one entry, which may hold one of the region's rules on it
(吉林: 实际开放床位≥30张, not 床位使用率≥75%) or none (国家: no official GP count, while the basic
standard is reported to ask ≥3 全科医师). The region's criteria (knowledge/data/rules) on that area
that the shown entry does not already give are added under it, cited, so that the same / different
lines compare all of them (sealed set 9: s9b075, s9a076)."""

from __future__ import annotations

from dataclasses import dataclass

from dialogs import render
from dialogs.qa.basis_words import TITLE_ASIDE
from dialogs.qa.compare_news import Facts, standard_of
from dialogs.qa.compare_words import AREA_FILLERS, AREAS, GENERAL_WORDS, JOINERS, UNIT_KEYS
from dialogs.texts import qa_compare as TC
from knowledge.base import KnowledgeBase
from knowledge.eligibility.model import Criterion


@dataclass(frozen=True)
class AreaRules:
    """The block added under one side: its text, and the titles of its rules from the region's own
    texts and from news reports (their figures are compared, the reported ones marked as such)."""

    text: str
    own: str
    reported: str


@dataclass(frozen=True)
class Area:
    """An area a comparison asks about: the words of its criteria's titles, and what the question says
    beside the area's word (without the comparison's own words), which may narrow it to some rules."""

    titles: tuple[str, ...]
    rest: str

    def narrowed(self, criteria: list[Criterion]) -> list[Criterion]:
        """The criteria whose title holds something the question says beside the area ("床位使用率":
        only 使用率's; "床位最少几张": only the one in 张), or all of them when none does."""
        keys = {self.rest[k : k + 2] for k in range(len(self.rest) - 1)} | (set(self.rest) & set(UNIT_KEYS))
        # the title without its aside: every reported title ends （新闻报道）, which 报道 in the question is not
        named = [c for c in criteria if any(k in TITLE_ASIDE.sub("", c.title) for k in keys)]
        return named or criteria


def area_asked(asked: str) -> Area | None:
    """The area of the requirements a comparison asks about (AREAS), or None when it names none."""
    for words, titles in AREAS:
        said = next((w for w in words if w in asked), None)
        if said is None:
            continue
        rest = asked.replace(said, "")
        for w in sorted((*GENERAL_WORDS, *AREA_FILLERS), key=len, reverse=True):
            rest = rest.replace(w, "")
        return Area(titles, rest.strip(JOINERS))
    return None


def rules_on(
    kb: KnowledgeBase, region: str, area: Area, shown: str, facts: Facts, standard: bool = True
) -> AreaRules | None:
    """The block of `region`'s criteria on the area (titles naming one of its words, `Area.narrowed`) whose figures the
    shown answer does not give yet; a region whose rules require 《社区医院基本标准（试行）》 (渝中, 北京)
    has the standard's reported criteria too, marked as reported, unless `standard` is False (the
    national side, compared beside it, shows them). None when nothing is to add."""
    given = set(facts(shown))
    found: list[Criterion] = []
    for where in (region, *(standard_of(kb, region) if standard else ())):
        rules = kb.rules.get(where)
        if rules is None:
            continue
        for c in area.narrowed([c for c in rules.criteria if any(t in c.title for t in area.titles)]):
            said = facts(c.title)
            if said and not set(said) <= given:
                found.append(c)
                given |= set(said)
    if not found:
        return None
    lines = [TC.AREA_RULES.format(name=render.region_name(kb, region))]
    lines += [TC.AREA_RULE.format(title=c.title) for c in found]
    sources = render.distinct_sources([c.source for c in found if c.source is not None])
    lines += [render.source_line(s) for s in sources]
    lines += list(dict.fromkeys(TC.AREA_PROVENANCE.format(provenance=c.provenance) for c in found if c.provenance))
    own = "\n".join(c.title for c in found if not c.provenance)
    return AreaRules("\n".join(lines), own, "\n".join(c.title for c in found if c.provenance))
