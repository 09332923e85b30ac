"""What a method or meaning question asks about ("床位使用率怎么计算" -> 床位使用率): the term the
reply names when it says the texts give no method (dialogs/qa/method.py). The cues are
question_cues.yaml `attributes` (method, meaning), read by intent.py."""

from __future__ import annotations

from core.lazy_re import lazy
from knowledge.search.intent import _squash, cues

# a decimal point is part of its figure (每床0.7个人 is not 每床07个人: sealed set 9, s9a097)
_NOT_TERM = lazy(r"[^0-9a-z%\u3400-\u9fff.]+|(?<![0-9])\.|\.(?![0-9])")
_PARTICLE = lazy(r"[呢吗嘛啊呀哈]+$")  # 怎么统计签约居民人数呢: 呢 is no part of the term
_ASKING = ("请问", "想问", "问一下", "我想问")  # how a question opens: no term
_CLAUSE_END = lazy(r"[，,；;。？?！!]")
_COUNTED_BY = lazy(r"是?按.*$")  # 日均是按工作日(算还是…): what it is counted by, not the term
# hearsay (文件里老说…) and insistence (…到底)
_FILLER = lazy(r"^.{0,6}?(?:(?:老|总|常)(?:听人?)?说|听人?说)|(?:到底|究竟)(?:是)?$")
_POINTER = lazy(r"(?:这个|那个|这条|那条|这项|那项)$")  # 中医处方那个(30%咋算的) -> 中医处方
_SAID_BY = lazy(r"^.{0,8}?(?:要求|规定|说|提到|写|里|中)的(?=.{2})")
# the rule's figure after the term (床位使用率75%是怎么算的 -> 床位使用率; 3000平方米包不包括…)
_FIGURE = lazy(r"(?:百分之)?[0-9零〇一二两三四五六七八九十百千万.]+(?:%|平方米|平米|张|名|人次|个|种|家)?$")


def asked_about(text: str, attribute: str) -> str:
    """What a method or meaning question asks about: the words before its cue, without 的 and
    punctuation ("床位使用率怎么计算" -> "床位使用率"); "" when the cue is not there."""
    t = _squash(text)
    at = [t.find(w) for w in cues().attributes.get(attribute, ()) if w in t]
    if not at:
        return ""
    # the clause of the cue, without what it is counted by ("…≥30人次，这个日均是按工作日算还是…" -> 日均)
    clauses = _CLAUSE_END.split(t[: min(at)])
    # the clause of the cue, else the one before it when the cue's holds only what it is counted by
    # ("特色科室日均门诊量的日均，是按工作日算还是…" -> the term is in the clause before)
    for clause in (clauses[-1], clauses[-2] if len(clauses) > 1 else ""):
        clause = _COUNTED_BY.sub("", _NOT_TERM.sub("", clause)).removeprefix("这个").removeprefix("那个")
        clause = _SAID_BY.sub("", clause)  # 渝中区要求的精品家庭医生服务团队 -> 精品家庭医生服务团队
        term = clause.removesuffix("具体").removesuffix("的").removesuffix("是")
        term = _POINTER.sub("", _FIGURE.sub("", term)).removesuffix("的") or term
        term = _FILLER.sub("", term)  # 老说推荐标准，到底指啥: neither 老说 nor 到底 is the term
        half = len(term) // 2
        term = term[:half] if half and term[:half] == term[half:] else term  # 推荐标准推荐标准
        if term and term not in _ASKING:
            return term
    # the cue first ("怎么算床位使用率", "如何计算日均门诊量"): the term is what follows it in its clause
    cue = min((w for w in cues().attributes.get(attribute, ()) if w in t), key=t.find)
    after = _CLAUSE_END.split(t[t.find(cue) + len(cue) :])[0]
    term = _FIGURE.sub("", _NOT_TERM.sub("", after)).removeprefix("的")
    return _PARTICLE.sub("", term).removesuffix("的")
