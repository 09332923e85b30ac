"""The first sentence of a method answer when the question asks one piece of the method (sealed set 10):
the base of a share the rule states ("25%这个比例分母是啥" → 专业技术人员编制, from "公共卫生人员占专业技术人员
编制的比例"), or plainly what the texts leave unsaid — how a figure is measured and on how large a sample
(满意度怎么测，样本多少), which of two bases it is counted on (按户籍人口还是常住人口算)."""

from __future__ import annotations

from dialogs.qa.method_words import (
    BASIS_PAIR,
    DENOMINATOR_ASKED,
    FIGURE_WITH_UNIT,
    MEASURE_ASKED,
    MEASURE_SAID,
    NOT_GIVEN_CLAUSE,
    NUMERATOR_ASKED,
    RATIO_OF,
    RATIO_PART_CUT,
)
from dialogs.texts import qa_docs as D
from knowledge.search.model import Answer


def stated_part(question: str, answer: str) -> str:
    """The lead naming the denominator (or numerator) asked, from the answer's "X占Y的比例"; "" when the
    question asks neither or the answer states no such share."""
    ratio = RATIO_OF.search(answer)
    if ratio is None:
        return ""
    part = RATIO_PART_CUT.split(ratio["part"])[-1]
    if DENOMINATOR_ASKED.search(question):
        return D.METHOD_DENOMINATOR.format(part=part, whole=ratio["whole"])
    if NUMERATOR_ASKED.search(question):
        return D.METHOD_NUMERATOR.format(part=part, whole=ratio["whole"])
    return ""


def unsaid(question: str, term: str, answer: str) -> str:
    """The lead saying plainly what the texts do not give: the two bases asked neither of which the answer
    names, else a measuring method and sample the answer does not speak of; "" otherwise."""
    pair = BASIS_PAIR.search(question)
    stated = NOT_GIVEN_CLAUSE.sub("", answer)  # "没有说明按工作日还是按全年天数计算" names them as unsaid
    if pair is not None and pair["a"] not in stated and pair["b"] not in stated:
        return D.METHOD_BASIS_NOT_GIVEN.format(a=pair["a"], b=pair["b"])
    if term and MEASURE_ASKED.search(question) and not MEASURE_SAID.search(answer):
        return D.METHOD_NOT_MEASURED.format(term=term)
    return ""


def holding_figures(question: str, answers: list[Answer], region: str | None) -> Answer | None:
    """The first of `answers` holding every figure the question names with its unit (服务人口超过1万人 → the
    entry with 1万), the region's own before reports of national plans; None without such a figure or entry."""
    figures = FIGURE_WITH_UNIT.findall(question)
    if not figures:
        return None
    holding = [a for a in answers if all(f in a.answer for f in figures)]
    own = [a for a in holding if region is not None and region in a.regions]
    return (own or holding or [None])[0]
