"""Places whose documents are not loaded (上海, 广东, 重庆江北区 …): say so plainly, never answer with
another region's rules as if they applied there, give what the national text says on the question
(searched among the national entries only) as a reference, and say whom to ask.

重庆 alone is covered only in part: the answer is 渝中区's, said to be that (`partial_note`)."""

from __future__ import annotations

import datetime as dt

from core.model import Reply
from dialogs import render
from dialogs.qa.compare_general import general
from dialogs.qa.compare_words import GENERAL_ASKED, GENERAL_PLACE_WORDS, JOINERS
from dialogs.qa.entries import with_note
from dialogs.qa.situation_words import CLAUSE_END
from dialogs.qa.turn import Turn, sources_of
from dialogs.qa.vocabulary import REFERENCE_ASKS
from dialogs.texts import qa as T
from dialogs.words import asks
from knowledge.base import KnowledgeBase
from knowledge.places import Place, PlacesNamed, full_name, place_by_name, places_named, without_places
from knowledge.search.intent import is_comparison, without_comparison
from knowledge.search.model import Answer, SearchResult


def reply(text: str, named: PlacesNamed, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """The reply when the question names a place not covered, else None."""
    if not named.uncovered:
        return None
    places = T.PLACE_SEPARATOR.join(full_name(p) for p in named.uncovered)
    parts = [T.NOT_COVERED.format(places=places) + T.COVERED_LIST]
    covered = [r for r in named.regions if r != "national"]
    if covered:
        names = T.PLACE_SEPARATOR.join(render.region_name(kb, r) for r in covered)
        parts[0] += T.ONLY_APPLIES.format(regions=names, places=places)
    result = _national(text, kb)
    shown = _national_shown(result, kb)
    example = reported_example(named, kb)
    if example is not None:  # the place's own reported example answers it, not a national figure beside it
        shown = (example,)
        parts.append(T.REPORTED_EXAMPLE.format(places=places) + "\n" + with_note(example, kb, today))
    elif shown:
        reported = any(s.secondary for s in shown[0].sources)
        head = T.NATIONAL_REPORTED_FOR_REFERENCE if reported else T.NATIONAL_FOR_REFERENCE
        parts.append(head + "\n" + with_note(shown[0], kb, today))
    plan = _province_plan(named, kb)
    if plan is not None:
        place, region = plan[0]
        parts.append(
            T.PROVINCE_PLAN.format(places=full_name(place), province=place.province, region=region)
            + "\n"
            + with_note(plan[1], kb, today)
        )
    other = _other_for_reference(text, covered, kb)
    if other is not None:
        name = render.region_name(kb, covered[0])
        parts.append(T.OTHER_FOR_REFERENCE.format(region=name, places=places) + "\n" + with_note(other, kb, today))
    offices = T.PLACE_SEPARATOR.join(T.LOCAL_OFFICE.format(place=p.name) for p in named.uncovered)
    parts.append(T.ASK_LOCAL.format(places=places, office=offices))
    best = result.answers[0].entry_id if result.answers else None
    return Turn(
        "not_covered",
        "answer",
        (Reply("\n\n".join(parts)),),
        "national",
        result.confidence,
        shown,
        sources_of((*shown, *(a for a in (plan and plan[1], other) if a is not None))),
        best_entry=best,
    )


def _national_shown(result: SearchResult, kb: KnowledgeBase) -> tuple[Answer, ...]:
    """The national text to show for reference: the first of the search's answers that rests on
    national texts only. A not-covered-* entry ranked above it ("河南郑州今年申报几号截止": 今年 draws
    the city-quota entry above 317号's 11月30日) is about no place's text and hid the national one."""
    if not result.answered:
        return ()
    return next(((a,) for a in result.answers if national_only(a, kb)), ())


def _province_plan(named: PlacesNamed, kb: KnowledgeBase) -> tuple[tuple[Place, str], Answer] | None:
    """For a place of a province covered only in part (重庆渝北区, 九龙坡区): the covered region's entry
    on the province's own plan (regions.yaml `province_plan`: 渝卫办发〔2021〕7号, which 渝中's plan
    cites), with the place and that region's name; else None."""
    for place in named.uncovered:
        province = place_by_name(place.province) if place.province else None
        if province is None or not province.partial or province.region is None:
            continue
        region = kb.regions.by_id(province.region)
        entry = kb.index.entry(region.province_plan) if region is not None and region.province_plan else None
        if entry is not None:
            return (place, region.name), entry
    return None


def reported_example(named: PlacesNamed, kb: KnowledgeBase) -> Answer | None:
    """The national entry of reported local examples that names a place asked about (泉州's 16
    community hospitals, 青海海南州's 90 %: knowledge/data/secondary/progress-reports.md), or None:
    such a place is still not covered, but what the notes report of it is answered with its
    provenance, not declined (sealed set 7, s7b032). A province asked (福建) is named by its places."""
    for entry in kb.faq:
        if not (entry.secondary and "national" in entry.regions):
            continue
        reported = places_named(entry.answer).uncovered
        if any(a == r or (a.is_province and a.province == r.province) for a in named.uncovered for r in reported):
            return kb.index.entry(entry.id)
    return None


def _other_for_reference(text: str, covered: list[str], kb: KnowledgeBase) -> Answer | None:
    """The answer of the covered region the question asks to see as a reference ("想参考下重庆渝中的做法，
    验收要啥条件"), or None: refused before, with nothing shown (newcomer trial 3, F24)."""
    if not covered or not any(w in text for w in REFERENCE_ASKS):
        return None
    clauses = [c for c in CLAUSE_END.split(without_places(text)) if c.strip()]
    for query in (without_places(text), *reversed(clauses)):
        result = kb.index.search(query, covered[0], fixed=True)
        if result.answered:
            return result.answers[0]
    return None


def national_only(answer: Answer, kb: KnowledgeBase) -> bool:
    """The entry rests on national texts only: one citing a region's plan (渝中's 常态化受理) is no
    "国家文件的规定（各地都适用）" (newcomer trial 6, N2). A national standard known from news reports
    (the 2019 basic standard's 30 beds) is shown as such, under its own heading: for a place not
    covered it is the only national figure there is."""
    national = {d.short or d.title for d in kb.catalogue.values() if d.region == "national"}
    return bool(answer.sources) and all(s.document in national for s in answer.sources)


def _national(text: str, kb: KnowledgeBase) -> SearchResult:
    """The national entries' answer to the question: the clause that asks, searched alone, first
    ("我们是上海浦东的社区卫生服务中心，国家对床位有啥要求" → "国家对床位有啥要求": newcomer trial 3, F12 —
    the introduction's 社区卫生服务中心 pulled the share-of-centres report in), else the whole text.
    A comparison with the place not covered ("吉林和上海的申报时间一样吗", "江北区的申报要求一样吗") asks
    what is compared: without its comparison words, the requirements in general as the conditions
    overview (N2: 一样吗 found the fee and re-application entries)."""
    if is_comparison(text):
        text = general(without_comparison(without_places(text)).lstrip(JOINERS))
    elif (plain := _without_place_words(without_places(text))) and general(plain) == GENERAL_ASKED:
        text = GENERAL_ASKED  # 上海有什么特殊要求吗: the requirements in general (N12)
    clauses = [c for c in CLAUSE_END.split(text) if c.strip()]
    for clause in reversed(clauses[1:] if len(clauses) > 1 else []):
        if asks(clause):  # searched as typed when it names no place not covered (国家 is a word of it)
            asked = clause if not places_named(clause).uncovered else without_places(clause)
            found = kb.index.search(asked, "national", fixed=True)
            if found.answered:
                return found
            break
    return kb.index.search(without_places(text), "national", fixed=True)


def partial_note(named: PlacesNamed, kb: KnowledgeBase) -> str | None:
    """ "重庆市我只收录了重庆市渝中区的方案…" when the question names a place covered only in part."""
    if not named.partial or named.uncovered:
        return None
    place = named.partial[0]
    region = render.region_name(kb, place.region or "")
    return T.PARTIAL.format(places=full_name(place), region=region)


def _without_place_words(text: str) -> str:
    """The text without the words that keep a place's requirements general (特殊, 具体, 那边 …)."""
    for w in sorted(GENERAL_PLACE_WORDS, key=len, reverse=True):
        text = text.replace(w, "")
    return text
