"""What follows a situation's verdict (dialogs/qa/situation.py): /check offered with the exact figures
filled in, and the phone layout shown first with the full text behind its 详细说明 button
(dialogs/qa/details.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dialogs import prefill
from dialogs.buttons import global_button
from dialogs.qa import details
from dialogs.qa.bounds import Bound, said_back
from dialogs.qa.situation_notes import NUMERIC
from dialogs.qa.stated import Stated
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase


def check_offer(
    state: Any,
    kb: KnowledgeBase,
    verdicts: list,
    profile: dict[str, Any],
    ranges: Mapping[str, Stated],
    bounds: Mapping[str, Bound],
    many: bool,
) -> tuple[list[str], list]:
    """/check offered with the exact figures filled in (one region only), and the ranges and bounds
    said not to be filled: the lines, and the button."""
    tail: list[str] = []
    exact = {f: v for f, v in profile.items() if f not in ranges}
    vague = [s.range for s in ranges.values()] + [said_back(b, kb.fields.get(f)) for f, b in bounds.items()]
    if vague:  # neither a range nor a bound is a figure /check could take
        tail.append(T.SITUATION_RANGE_CHECK.format(said=T.FACT_SEPARATOR.join(dict.fromkeys(vague))))  # 三个满意度都…
    key = prefill.stash(state, verdicts[0][0].region, exact) if len(verdicts) == 1 and exact and not many else None
    if not key:
        return tail, []
    figures = any(kb.fields[f].kind in NUMERIC for f in exact)
    tail.append(T.SITUATION_CHECK if figures else T.SITUATION_CHECK_FACTS)
    return tail, [global_button(T.SITUATION_CHECK_BUTTON, "chk", key)]


def laid_out(state: Any, full: str, short: str) -> tuple[str, list]:
    """The phone layout first, the full text behind 详细说明 (dialogs/qa/details.py) with its button; the
    full text at once only where it cannot wait (a dialog in progress owns the data)."""
    key = details.stash(state, full)
    if key is None:
        return full, []
    text = "\n".join([short, T.SITUATION_DETAILS_HINT, T.SITUATION_DISCLAIMER])
    return text, [global_button(T.SITUATION_DETAILS_BUTTON, details.KIND, key)]
