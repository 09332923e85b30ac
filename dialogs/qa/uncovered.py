"""Places whose documents are not loaded (上海, 广东, 重庆江北区 …): say so plainly, never answer with
another region's rules as if they applied there, give what the national text says on the question
(searched among the national entries only) as a reference, and say whom to ask.

重庆 alone is covered only in part: the answer is 渝中区's, said to be that (`partial_note`)."""

from __future__ import annotations

import datetime as dt

from core.model import Reply
from dialogs import render
from dialogs.qa import smalltalk
from dialogs.qa.entries import with_note
from dialogs.qa.turn import Turn, sources_of
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.places import PlacesNamed, full_name, without_places


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
    # the question without the self-introduction ("我们是上海浦东的社区卫生服务中心，国家对床位有啥要求"):
    # what is asked, not who asks, is searched in the national text (newcomer trial 3, F12)
    # (国家 kept: "国家对床位有啥要求" is surer than "对床位有啥要求")
    asked = smalltalk.without_preamble(text)
    readings = (kb.index.search(q, "national", fixed=True) for q in dict.fromkeys((without_places(asked), asked)))
    result = max(readings, key=lambda r: r.confidence)
    shown = result.answers[:1] if result.answered else ()
    if shown:
        parts.append(T.NATIONAL_FOR_REFERENCE + "\n" + with_note(shown[0], kb, today))
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
        sources_of(shown),
        best_entry=best,
    )


def partial_note(named: PlacesNamed, kb: KnowledgeBase) -> str | None:
    """ "重庆市我只收录了重庆市渝中区的方案…" when the question names a place covered only in part."""
    if not named.partial or named.uncovered:
        return None
    place = named.partial[0]
    region = render.region_name(kb, place.region or "")
    return T.PARTIAL.format(places=full_name(place), region=region)
