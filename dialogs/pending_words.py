"""Whether a question typed at a /check question is about that question (newcomer trial 6, N6): it asks
whether something counts (跟区人民医院签了协议算不算, 医联体里的算吗), or names the question's own topic
(床位数怎么算 at the beds question). 要交材料么 at the 公卫人员占比 question is about neither: it is answered
as a question of its own, never with this question's basis.

Input vocabulary (words we recognise), not words we show: the replies live in dialogs/texts/."""

from __future__ import annotations

from core.lazy_re import lazy
from core.text import fold_chinese
from dialogs.field_words import NUMBER_WORDS
from knowledge.eligibility import FieldSpec

# Asking whether one's own case counts for the question.
COUNTS_AS = lazy(r"算(?:不算|吗|么|嘛|不|是|在|进|作|数)|能算|可以算|认不认|认可|属于|属不属于")
# Two characters of a question's label that name no topic of their own.
_GENERIC = frozenset({"机构", "人员", "比例", "情况", "是否", "数量", "人数", "贵机", "当地", "实际"})
_CJK_PAIR = lazy(r"(?=([\u4e00-\u9fff]{2}))")


def about_question(text: str, spec: FieldSpec) -> bool:
    """The question typed asks whether something counts, or names the topic of `spec`."""
    t = fold_chinese(text)
    if COUNTS_AS.search(t) or any(word in t for word in NUMBER_WORDS.get(spec.name, ())):
        return True
    pairs = {p for p in _CJK_PAIR.findall(fold_chinese(spec.label)) if p not in _GENERIC}
    return any(p in t for p in pairs)
