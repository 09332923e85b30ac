"""Whether a question stating the institution's facts asks for a verdict on them (dialogs/qa/situation.py)
or for something else, and what the asker says of the conditions not named ("其他都达标了").
Split from situation.py (which reads the facts and runs the rules) by job."""

from __future__ import annotations

from dialogs.qa.situation_words import FACT_SUBJECTS, OTHERS_MET, PROGRAMME_WORDS
from dialogs.qa.verdict_asks_words import ASKS_IF, NEEDS_ASKS, OTHER_ASKS
from dialogs.qa.vocabulary import ABOUT_US
from knowledge.base import KnowledgeBase


def another_question(text: str, numbers: bool, kb: KnowledgeBase) -> bool:
    """The question asks something other than whether the institution qualifies: a fact of the texts,
    a service, or another thing ("…我们能拿多少奖金"). `numbers`: it states a figure of the institution."""
    if not numbers and not any(w in text for w in (*ABOUT_US, *ASKS_IF)):
        return True
    if not numbers and (asks_a_fact(text) or asks_a_service(text, kb)):
        return True
    return asks_something_else(text)


def asks_a_fact(text: str) -> bool:
    """A question about a fact of the texts (名字还留着吗, 编制会变吗) that names the institution type on
    the way: answered as a question, not judged as a situation (N3)."""
    return any(w in text for w in FACT_SUBJECTS) and not any(w in text for w in (*ASKS_IF, *NEEDS_ASKS))


def asks_a_service(text: str, kb: KnowledgeBase) -> bool:
    """卫生院能不能做剖宫产手术: the service asked about is the subject, not the institution; a "service"
    that is the community hospital itself (能搞社区医院建设吗) is not one."""
    services = kb.index.subjects.service_asked(text)
    return any(not any(w in s for w in PROGRAMME_WORDS) for s in services)


def asks_something_else(text: str) -> bool:
    """The question asks for something other than whether the institution qualifies ("…我们能拿多少
    奖金"): it is answered as a question, not swallowed by a verdict on the facts around it."""
    return any(w in text for w in OTHER_ASKS) and not any(w in text for w in (*ASKS_IF, *NEEDS_ASKS))


def others_met(text: str) -> bool:
    """The asker says every condition not named is met ("其他10项都达标了", "其余都符合")."""
    return OTHERS_MET.search(text) is not None
