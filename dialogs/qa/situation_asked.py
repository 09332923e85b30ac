"""An introduction and a plain question ("我们是长春的一个乡镇卫生院，想申请社区医院，床位要多少张？",
"床位使用率要求多少？我们现在大概七成左右"): the answer to the question asked leads, with its source, and
the verdict on what was stated follows, briefly (newcomer trial 3, F1/F2). Before, the verdict answered
the whole text and the number asked for was buried in its "还不知道的条件" list; a bare figure said
after a question about one field (七成左右 after 床位使用率要求多少) went unread.

Only a question asking for a criterion's requirement (it names a field: 床位, 使用率, 业务用房 …) or a
time (啥时候截止, 什么时候能报: a deadline asked beside the figures was dropped for the verdict) leads;
"能申请吗" / "还差多少" are the verdict's own questions (dialogs/qa/situation.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from core.model import Reply
from dialogs.field_words import NUMBER_WORDS
from dialogs.qa import situation
from dialogs.qa.asked_words import asks_later
from dialogs.qa.situation_words import BARE_FIGURE, SPACED_CLAUSE_END
from dialogs.qa.turn import AnswerOne, Turn
from dialogs.qa.verdict_asks_words import ABOUT_VERDICT, ASKS_IF
from dialogs.texts import qa as T
from dialogs.words import asks
from knowledge.base import KnowledgeBase
from knowledge.search.intent import attributes_asked


def reply(
    text: str, regions: tuple[str, ...], kb: KnowledgeBase, state: Any, today: dt.date, answer_one: AnswerOne
) -> Turn | None:
    """The asked question's answer, then the brief verdict on the rest; None when the text is not an
    introduction (or a figure) beside a plain question about a criterion, or either side has nothing."""
    clauses = [c for c in SPACED_CLAUSE_END.split(text) if c.strip()]
    asked = _asked(clauses)
    if asked is None or len(clauses) < 2:
        return None
    field_word = _field_word(asked)
    said = "，".join(_named_figure(c, field_word) for c in clauses if c is not asked)
    verdict = situation.reply(said, regions, kb, state, False, today, brief=True)
    if verdict is None:
        return None
    lead = answer_one(asked)
    if not lead.answered or lead.kind == "situation" or not lead.replies:
        return None
    text_ = lead.replies[0].text + "\n\n" + T.SITUATION_BESIDE + "\n" + verdict.replies[0].text
    first = Reply(text_, (*lead.replies[0].buttons, *verdict.replies[0].buttons))
    sources = tuple(dict.fromkeys((*lead.sources, *verdict.sources)))
    return replace(lead, replies=(first, *lead.replies[1:]), sources=sources)


def _asked(clauses: list[str]) -> str | None:
    """The last clause asked as a question about a criterion's requirement (it names a field)."""
    for clause in reversed(clauses):
        # 啥时候截止 / 什么时候能报 after the figures: a deadline asked beside them leads too
        when = "time" in attributes_asked(clause) and not _field_word(clause)
        if not asks(clause) or (not when and any(w in clause for w in (*ASKS_IF, *ABOUT_VERDICT))):
            continue
        if asks_later(clause):  # 先申请以后再补齐床位吗: the verdict's own question, with its note (situation_notes)
            return None
        return clause if _field_word(clause) or when else None
    return None


def _named_figure(clause: str, field_word: str) -> str:
    """A clause that is only a figure ("我们现在大概七成左右") with the asked field's name put before it."""
    bare = BARE_FIGURE.match(clause.strip())
    return field_word + bare["figure"] if bare and field_word else clause


def _field_word(clause: str) -> str:
    """The longest word of a numeric field named in the clause ("床位使用率" over "床位"), or ""."""
    found = [w for words in NUMBER_WORDS.values() for w in words if w in clause]
    return max(found, key=len) if found else ""
