"""Several questions where only some are about a place not covered: "吉林床位要多少？广东呢？",
"我们在广东，床位要多少？吉林的呢？". Before, the whole message got the not-covered reply, and the
question about the covered region was silently dropped. Now each part is answered under its own
mark: a part about the place not covered gets that reply (uncovered.py), the others their answer.

A part that names no place is about the place of the part before it ("广东床位要多少？使用率呢？":
使用率 is asked of Guangdong too); the first part, naming none, is about the user's region. A part that
names a place and nothing else ("广东呢") asks what the part before it asked, there. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dialogs.qa import parts, uncovered
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import PLACE_ONLY_PARTICLES
from knowledge.base import KnowledgeBase
from knowledge.places import PlacesNamed, places_named, without_places

# single(text, region) -> the turn of one question asked in that region (dialogs.qa.single)
AnswerIn = Callable[[str, "str | None"], Turn]


def reply(pieces: list[str], answer_in: AnswerIn, kb: KnowledgeBase, today: dt.date, region: str | None) -> Turn | None:
    """The multi-part turn when some parts (not all) are about a place not covered, else None.
    `region`: the region of a part that names none and follows no part naming one."""
    if len(pieces) < 2:
        return None
    places = _places_of(pieces)
    if all(p.uncovered for p in places) or not any(p.uncovered for p in places):
        return None

    asked: list[str] = []  # the parts read so far (parts.reply reads them in order, each once)

    def one(part: str) -> Turn:
        i = len(asked)
        asked.append(part)
        named = places[i]
        if named.uncovered:
            turn = uncovered.reply(part, named, kb, today)
            if turn is not None and not turn.shown and i > 0:  # "广东呢": the question before it, there
                turn = uncovered.reply(f"{without_places(pieces[i - 1])}，{part}", named, kb, today) or turn
            if turn is not None:
                return turn
        where = named.regions[0] if named.regions else "national" if named.national else region
        if i > 0 and _only_a_place(part):  # "吉林的呢": the question before it, here
            return answer_in(without_places(pieces[i - 1]), where)
        turn = answer_in(part, where)
        if not turn.answered and i > 0:
            turn = answer_in(f"{without_places(pieces[i - 1])}，{part}", where)
        return turn

    return parts.reply(pieces, one, kb, today, region, alone=True)


def _only_a_place(part: str) -> bool:
    """The part names a place and asks nothing of its own ("吉林的呢", "北京呢？"): read alone, any
    answer to it (even a likely one) would be a guess."""
    return not without_places(part).strip(PLACE_ONLY_PARTICLES)


def _places_of(pieces: list[str]) -> list[PlacesNamed]:
    """What each part is about: the places it names, else those of the part before it."""
    out: list[PlacesNamed] = []
    for piece in pieces:
        named = places_named(piece)
        if not named.uncovered and not named.regions and out:
            named = out[-1]
        out.append(named)
    return out
