"""Method questions ("床位使用率怎么计算", "开放床位怎么认定"): the method where a text gives one
(entries of knowledge/data/faq/method.yaml say it, with their citations), else say plainly first
that the texts give no method, then what they do say about the term (the rule, with its source).

Two kinds the spent sealed sets showed (brief qameth): a method entry ranked just below the
criterion's own entry (its threshold) answers the method question in its place; and an entry that
says only in a later sentence that no method is given ("…≥75%。方案没有规定按哪一年、怎么计算") is
led by the sentence that says so — its 计算 is in a clause about what is missing, not a method."""

from __future__ import annotations

import datetime as dt

from rapidfuzz import fuzz

from core.model import Reply
from dialogs.qa import method_leads
from dialogs.qa.entries import with_note
from dialogs.qa.facts import read_situation
from dialogs.qa.method_words import (
    COUNTED_IN_TAIL,
    FIGURE_NAMED,
    INCLUDED_ASKED,
    METHOD_GIVEN,
    NOT_GIVEN_CLAUSE,
    QUOTED,
    SAYS_NOT_GIVEN,
)
from dialogs.qa.near_best import near_best
from dialogs.qa.situation_notes import NUMERIC
from dialogs.qa.term_in_text import MIN_TERM, uses
from dialogs.qa.turn import Turn, sources_of
from dialogs.qa.vocabulary import ABOUT_US
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.places import without_places
from knowledge.search.intent import method_asked
from knowledge.search.model import Answer, SearchResult
from knowledge.search.terms import asked_about

SAME_TERM = 80  # rapidfuzz partial_ratio from which a method entry's term is the term asked about
METHOD_WITHIN = 0.4  # how far (ranking score) below the best entry a method entry may be to replace it
PAIRS_SHARED = 2 / 3  # share of the asked term's character pairs a method entry's term must hold to be it
METHOD_AMONG = 4  # how many of the best entries are looked at for the method entry of the term asked
NOT_GIVEN_REACH = 4  # characters past the term's length read after "没有规定" for what is not given
FIGURE_AMONG = 8  # entries ranked near the best looked through for one holding the figures named
FIGURE_WITHIN = 0.6  # how far below the best ranking score it may be
MIN_TERM_IN_ANSWER = 4  # characters from which a term the method entry's answer names is its term too


def reply(text: str, result: SearchResult, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """For a 怎么算 / 什么意思 question: the method entry of the term asked when the search put it first
    or just below the term's threshold — answered even when the search was unsure, since it is about
    the very term asked (床位使用率具体怎么算，公式有吗); never a method entry about another term (社区甲级
    is not 第二名称); said first that the texts give no method or definition when the entry shown gives
    none. None when it is not such a question, nothing fits, or the best entry answers as it is."""
    asked = method_asked(text)
    # 算不算在30张里 reads as 怎么算 too, but asks what a rule's figure counts in: term_in_text's reply
    if asked is None or not result.answers or INCLUDED_ASKED.search(text):
        return None
    tail = COUNTED_IN_TAIL.search(text)
    if tail is not None:  # "…咋算的 护士算不算": the term's own search, 护士 said not to be spoken of
        text = text[: tail.start()]
        result = kb.search(text, result.region)
        if not result.answers:
            return None
    term = asked_about(without_places(text), asked)
    own = _method_entry(result.answers, term, kb) or _figure_entry(text, result) or _held_figure(text, result, kb)
    if own is None and not result.answered:
        return None
    best = own or _not_other_term(result.answers, term, kb)
    if best is None:
        return None
    thing = tail["thing"] if tail is not None and tail["thing"] not in best.answer else ""
    lead = bool(term) and not gives_method(best.answer) and not opens_not_given(best.answer, term)
    # a definition asked of a term its method entry only names (辖区服务人口 in 年诊疗人次 ÷ 辖区服务人口)
    lead = lead or (asked == "meaning" and bool(term) and best.method and term not in best.question)
    # the share's base the rule states (分母是啥), or what exactly is unsaid (样本多少, 按户籍还是常住): sealed set 10
    part = method_leads.stated_part(text, best.answer)
    silent = not gives_method(best.answer) and not opens_not_given(best.answer, term)
    unsaid = method_leads.unsaid(text, term, best.answer) if silent and not part else ""
    said = lead or part or unsaid
    if best is result.answers[0] and not said and result.answered and not thing and tail is None:
        return None
    body = with_note(best, kb, today)
    if thing:
        body = body + "\n" + T.METHOD_THING_NOT_SAID.format(thing=thing)
    if part or unsaid:
        body = (part or unsaid) + "\n" + body
    elif lead:
        body = (T.METHOD_NOT_GIVEN if asked == "method" else T.MEANING_NOT_GIVEN).format(term=term) + "\n" + body
    return Turn(
        "method",
        result.decision if result.answered else "answer",
        (Reply(body),),
        result.region,
        result.confidence,
        (best,),
        sources_of((best,)),
        best_entry=best.entry_id,
    )


def asks_of_rule(text: str, regions: tuple[str, ...], kb: KnowledgeBase) -> bool:
    """A method question whose every figure is a limit of the rules ("3000平方米的业务用房面积包括食堂吗",
    "75%的使用率是按全年算吗") asks about the rule: no situation, whatever the words around the figure.
    "家庭病床能不能算进那30张实际开放床位里" asks what the rule's figure counts in (s7a094): a rule's
    question too. Never when it speaks of the asker's institution (我们…)."""
    asked = method_asked(text) is not None or INCLUDED_ASKED.search(text) is not None
    if not asked or any(w in text for w in ABOUT_US):
        return False
    # "服务人口1万以上的卫生院“普遍达到”服务能力标准，普遍是指多少": the texts' own words quoted are what
    # is asked about, its figures theirs (sealed set 5, r093 got a verdict on 1万 residents)
    if any(uses(q, kb, None) for q in QUOTED.findall(text) if len(q) >= MIN_TERM):
        return True
    stated = read_situation(text, kb.fields)
    figures = [float(s.value) for f, s in stated.items() if kb.fields[f].kind in NUMERIC]
    # the national standard's reported figures are the limits where a region's own rules give none
    # (北京, 渝中 hold their resources to 《社区医院基本标准》: 家庭病床算不算在30张床位里)
    rule_sets = [kb.rules[r] for r in dict.fromkeys((*(regions or kb.rules), "national")) if r in kb.rules]
    limits = {float(c.limit) for rs in rule_sets for c in rs.criteria if isinstance(c.limit, int | float)}
    return bool(figures) and all(v in limits for v in figures)


def gives_method(answer: str) -> bool:
    """The answer says how the figure is counted (÷, 计算, 口径 …) outside its clauses about what the
    texts do not give."""
    return bool(METHOD_GIVEN.search(NOT_GIVEN_CLAUSE.sub("", answer)))


def opens_not_given(answer: str, term: str = "") -> bool:
    """The answer's first sentence already says the texts give no method or definition — of the
    `term` asked, when given: 渝中's "没有规定床位数" says nothing of how 床位使用率 is counted (newcomer
    trial, chongqing-yuzhong 床位使用率怎么算 was answered with the bed entry, no word on the method)."""
    first = answer.split("。", 1)[0]
    found = SAYS_NOT_GIVEN.search(first)
    if found is None or not term:
        return found is not None
    after = first[found.end() : found.end() + len(term) + NOT_GIVEN_REACH]
    pairs = [term[i : i + 2] for i in range(len(term) - 1)]
    return bool(METHOD_GIVEN.search(after)) or (
        bool(pairs) and sum(p in after for p in pairs) >= PAIRS_SHARED * len(pairs)
    )


def _method_entry(answers: tuple[Answer, ...], term: str, kb: KnowledgeBase) -> Answer | None:
    """A method entry (faq/method.yaml) about the term asked among the best ones, the first or close
    to it; None when there is none."""
    if not term:
        return None
    top = answers[0].score
    for a in answers[:METHOD_AMONG]:
        if a.method and a.score >= top - METHOD_WITHIN and _same_term(a, term, kb):
            return a
    return None


def _figure_entry(text: str, result: SearchResult) -> Answer | None:
    """The best entry (or one just below it) holding every figure the question names, when the search only suggests
    ("每床0.7个人是咋算的": 0.7 is the rule's own, reported per bed; sealed set 9, s9a097): it is that
    rule's entry, shown led by "no method given". None without a figure, or when none holds them."""
    figures = FIGURE_NAMED.findall(text)
    if result.decision != "suggest" or not figures:
        return None
    top = result.answers[0].score
    near = (a for a in result.answers[:METHOD_AMONG] if a.score >= top - METHOD_WITHIN)
    return next((a for a in near if all(f in a.answer for f in figures)), None)


def _held_figure(text: str, result: SearchResult, kb: KnowledgeBase) -> Answer | None:
    """When the best entry lacks a figure the question names with its unit ("服务人口超过1万人是按户籍还是常住
    算": the 2020 plan's entry has no 1万), the entry ranked near it that holds them, the region's own first
    (sealed set 10, s10a095); None otherwise."""
    if not result.answers or method_leads.holding_figures(text, [result.answers[0]], None) is not None:
        return None
    near = near_best(kb, text, result.region, FIGURE_AMONG, FIGURE_WITHIN)
    return method_leads.holding_figures(text, near, result.region)


def _not_other_term(answers: tuple[Answer, ...], term: str, kb: KnowledgeBase) -> Answer | None:
    """The best entry, unless it is a method entry about another term than the one asked: then the
    best entry that is not one (its rule, led by "the texts give no method")."""
    first = answers[0]
    if not (term and first.method and not _same_term(first, term, kb)):
        return first
    return next((a for a in answers[1:] if not a.method), None)


def _same_term(a: Answer, term: str, kb: KnowledgeBase) -> bool:
    """The method entry's term is the term asked: close as typed or in canonical words (公卫 is
    公共卫生), or most of the asked term's character pairs in it (全科医生每万人 / 每万名常住人口全科医生数)."""
    head = asked_about(a.question, "method") or asked_about(a.question, "meaning") or a.question
    words = "".join(kb.index.analyzer.analyse(head)[0]), "".join(kb.index.analyzer.analyse(term)[0])
    if max(fuzz.partial_ratio(head, term), fuzz.partial_ratio(*words)) >= SAME_TERM:
        return True
    pairs = [term[i : i + 2] for i in range(len(term) - 1)]
    if bool(pairs) and sum(p in head for p in pairs) >= PAIRS_SHARED * len(pairs):
        return True
    # the other term of its formula, named in the answer as asked (辖区服务人口 of 年诊疗人次 ÷ 辖区服务人口:
    # sealed set 6, s6a096 got the support policies, "no method found")
    return len(term) >= MIN_TERM_IN_ANSWER and term in a.answer
