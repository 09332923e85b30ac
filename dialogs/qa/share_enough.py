"""A share asked about as two counts against a share rule the answer states ("我们区20家达标机构，今年
回头看5家，北京的要求够吗" → 5/20 = 25 %, under 2022年各区回头看比例不低于30%: 不达标, 20家至少要6家).

The search finds the rule's entry; this says the verdict on the director's own counts before it: the
share worked out, compared with the one share rule the shown entry's answer states (a lower bound such
as 不低于30%, or an upper one such as 低于15%), and the least (or most) count that meets it for the whole
stated. Only when the question asks whether it is enough (够吗, 达标吗 …), states exactly two counts of
one measure word (the part and the whole), and the answer states exactly one share rule — otherwise
which figure is which would be a guess. Sealed set 8, s8b068. Vocabulary: dialogs/qa/share_words.py."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from core.model import Reply
from core.text import fold_chinese
from dialogs.qa.share_words import ASKS_ENOUGH, CLAUSE_END, COUNT, LOWER_BOUNDS, SHARE_RULE, WHOSE_HEAD
from dialogs.qa.turn import Turn
from dialogs.quantities import plain_digits
from dialogs.texts import qa as T
from knowledge.eligibility.evaluate import number_text


@dataclass(frozen=True)
class ShareRule:
    """One share rule of an answer: the limit (%), whether the share must reach it (lower bound) or
    stay under it, and the clause that states it (quoted back)."""

    limit: float
    lower: bool
    clause: str


def counts_asked(text: str) -> tuple[float, float, str] | None:
    """(part, whole, measure word) when the text states exactly two counts of one measure word, the
    part smaller than the whole ("20家…5家" → (5, 20, "家")); None otherwise."""
    t = plain_digits(fold_chinese(text))
    found = [(float(m.group(1)), m.group(2)) for m in COUNT.finditer(t)]
    if len(found) != 2 or found[0][1] != found[1][1]:
        return None
    (a, unit), (b, _) = found
    part, whole = min(a, b), max(a, b)
    if whole <= 0 or part == whole:
        return None
    return part, whole, unit


def share_rule(answer: str) -> ShareRule | None:
    """The one share rule an answer states (the same limit stated twice counts once); None when it
    states none or several."""
    rules: dict[tuple[float, bool], ShareRule] = {}
    for m in SHARE_RULE.finditer(answer):
        limit, lower = float(m["limit"]), m["op"] in LOWER_BOUNDS
        start = max((c.end() for c in CLAUSE_END.finditer(answer, 0, m.start())), default=0)
        end = CLAUSE_END.search(answer, m.end())
        clause = answer[start : end.start() if end else len(answer)].strip()
        rules.setdefault((limit, lower), ShareRule(limit, lower, clause))
    return next(iter(rules.values())) if len(rules) == 1 else None


def verdict(text: str, answer: str) -> str:
    """The verdict line on the counts the text states against the answer's share rule ("" when the
    text does not ask whether two counts are enough, or the answer states no single share rule)."""
    if ASKS_ENOUGH.search(fold_chinese(text)) is None:
        return ""
    counts = counts_asked(text)
    rule = share_rule(answer)
    if counts is None or rule is None:
        return ""
    part, whole, unit = counts
    share = 100 * part / whole
    meets = share >= rule.limit if rule.lower else share < rule.limit
    if rule.lower:
        bound = math.ceil(whole * rule.limit / 100 - 1e-9)
    else:  # under the limit: the most that stays strictly below it
        bound = math.ceil(whole * rule.limit / 100 - 1e-9) - 1
    return T.SHARE_VERDICT.format(
        part=number_text(part, 2),
        whole=number_text(whole, 2),
        share=number_text(share, 1),
        side=(T.SHARE_ABOVE if share >= rule.limit else T.SHARE_BELOW),
        clause=rule.clause,
        verdict=T.SHARE_MET if meets else T.SHARE_NOT_MET,
        need=(T.SHARE_LEAST if rule.lower else T.SHARE_MOST).format(whole=number_text(whole, 2), unit=unit, n=bound),
    )


def annotate(text: str, turn: Turn) -> Turn:
    """The turn with the verdict on the stated counts before its first reply, when one applies."""
    if not turn.answered or not turn.shown or not turn.replies:
        return turn
    line = verdict(text, turn.shown[0].answer)
    if not line:
        return turn
    first = turn.replies[0]
    head, _, rest = first.text.partition("\n")
    # "（按北京市的文件回答）" says whose text the whole reply is: it stays first
    whose = rest and head.startswith(WHOSE_HEAD[0]) and head.endswith(WHOSE_HEAD[1])
    text = f"{head}\n{line}\n{rest}" if whose else f"{line}\n{first.text}"
    return replace(turn, replies=(Reply(text, first.buttons), *turn.replies[1:]))
