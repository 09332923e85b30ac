"""Reading an institution's situation from a question: "我们卫生院床位40张 使用率70% 业务用房3500平"
-> {institution_type: township_health_center, open_beds: 40, bed_occupancy_rate: 70, floor_area_m2: 3500}.

Each number is found next to the words that name its field (床位40张, 40张床位, 常住人口8万) and read
by the questionnaire's own parser (dialogs/quantities.py) against the field's spec (kb.fields), so
its units and ranges are checked exactly as in /check. A figure of a rule ("每万人2个全科医生") is not
the institution's and is skipped, and so is a figure in a question about the requirement ("是不是要30张床",
"床位最少要30到40张吗", "百分之七十五算达标吗"): only what the director says of their own institution is a
fact. A range (床位30到40张, 二三十张, 十几张, 七八万, 三千多平, 三千左右, 七成多) is read as its two ends
(`low`, `high`, each read by the same parser) and kept as said; `value` is its lower end. A bound (没有30张床,
床位不到三十张, 使用率超过80%, 30张以下) is a one-sided range: only `high` (beds < 30) or only `low`, `bound`
saying if that end is open (bounds.py). Yes/no and choice facts (乡镇卫生院, 甲级, 承包, 医疗事故) are read
from their words, and a negation in front of them (没, 不, 未, 无) turns them round; in a hypothetical
("如果出了医疗事故", "出了医疗事故还能申请吗") they are a question about the rule, not a fact, and a
fact whose rule needs its grade (二级及以上负主要责任的医疗事故) is read as present only when the grade is said.

The words themselves are input vocabulary, in dialogs/qa/vocabulary.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from core.text import fold_chinese
from dialogs.answer_words import below_bar
from dialogs.qa.bounds import bound_at
from dialogs.qa.collective import collective
from dialogs.qa.counts import named_in_context, shares
from dialogs.qa.figure_words import (
    NONE_AFTER,
    QUESTIONED_BEFORE,
    REACHED,
    SUPPORT,
    SUPPORT_FIELD,
    quantity_words,
)
from dialogs.qa.later_figure import continued
from dialogs.qa.mentions import Reading, choose
from dialogs.qa.ranges import parse_figure, rough, vague, whole
from dialogs.qa.referral import FIELD, referral_partners
from dialogs.qa.situation_words import (
    ASKED_CHOICE_AFTER,
    ASKED_CHOICE_BEFORE,
    ASKED_CHOICE_EITHER,
    BELOW_LEVEL,
    COUNTED_CHOICE_AFTER,
    IF_NOT_REQUIRED,
    OTHER_STANDARD_BEFORE,
    SELF_NAMED,
    SHORTFALL_AFTER,
)
from dialogs.qa.stated import Stated
from dialogs.qa.vocabulary import (
    ABOUT_US,
    AFTER,
    ANY,
    ANY_ROUGH,
    BARE_COUNTED,
    BEFORE,
    CHOICE_WORDS,
    CLAUSE_END,
    COMMUNITY_CENTRE_WORD,
    GRADE_FIELD,
    GRADE_PASSES,
    GRADE_PASSES_TOWNSHIP,
    GRADE_WORDS,
    HYPOTHETICAL,
    NEGATION_REACH,
    NEGATIONS,
    NOT_NEGATING,
    QUALIFIERS,
    RANGE_AFTER,
    RATE,
    REAL_EVENT,
    REQUIREMENT_AFTER,
    REQUIREMENT_BEFORE,
    STILL_ASKS,
    TOWNSHIP_WORD,
    UNIT_AFTER,
    UNIT_FIELDS,
    YES_WORDS,
)
from dialogs.quantities import plain_digits
from dialogs.unit_words import fraction_as_percent
from knowledge.eligibility import FieldSpec
from knowledge.search.memo import per_turn_call
from knowledge.search.normalize import fractions_to_percent

__all__ = ["Reading", "Stated", "asks_requirement", "read_all", "read_situation", "unqualified"]


def read_situation(text: str, specs: Mapping[str, FieldSpec]) -> dict[str, Stated]:
    """The facts a question states about the institution, by field (mentions.choose: the current
    figure over a past one, a value over a bound, a change never)."""
    return read_all(text, specs).found


@per_turn_call(lambda reading: replace(reading, found=dict(reading.found)))  # read ~10 times in a multi-part turn
def read_all(text: str, specs: Mapping[str, FieldSpec]) -> Reading:
    """The facts that stand, and the figures understood but set aside (past ones, changes)."""
    t = fraction_as_percent(fractions_to_percent(plain_digits(fold_chinese(text))), after_share_word=True)
    t = named_in_context(t)  # 占四分之一 / 使用率3/4: 25 %, 75 %, not 4 or 3 (s7b041, brk11 B2)
    told = (*(Stated(f, v, w) for f, v, w in shares(t, specs)), *collective(t, specs))  # 三个满意度都… (N1)
    numbers = _numbers(t, specs)
    said = (*numbers, *continued(t, numbers, specs), *told, *_support(t, specs), *_yes_no(t, specs))
    said = (*said, *([] if any(s.field == FIELD for s in numbers) else referral_partners(t, specs)))
    readings = (*said, *_choices(t, specs), *_grade(t, specs))
    return choose(t, [s for s in readings if not _questioned(t, s, specs)])


def _questioned(t: str, s: Stated, specs: Mapping[str, FieldSpec]) -> bool:
    """A yes/no or choice fact asked about ("是不是百强中心才能优先", "必须是社区卫生服务中心吗"), not stated."""
    if specs[s.field].kind not in ("bool", "choice"):
        return False
    at = t.find(s.words)
    return at >= 0 and bool(QUESTIONED_BEFORE.search(_clause_before(t, at)))


def _support(t: str, specs: Mapping[str, FieldSpec]) -> list[Stated]:
    """政府不支持, 党委政府也支持, 县政府没表态: support with a particle or a negation in the middle."""
    m = SUPPORT.search(t)
    if SUPPORT_FIELD not in specs or m is None or _hypothetical(t, m.start()):
        return []
    return [Stated(SUPPORT_FIELD, not m["neg"], m.group())]


def _word_spans(t: str) -> list[tuple[int, int, str]]:
    """(start, end, field) of every numeric field word, longest at each position, left to right."""
    pattern, fields = quantity_words()
    return [(m.start(), m.end(), fields[m.group()]) for m in pattern.finditer(t)]


def _numbers(t: str, specs: Mapping[str, FieldSpec]) -> list[Stated]:
    out: list[Stated] = []
    spans = _word_spans(t)
    # 占地面积5000平方米, 编制床位50张: another quantity's figure, never the field's (left unread)
    used = [(e + m.start(), e + m.end()) for _, e, name in spans if not name and (m := AFTER.match(t[e:]))]
    for start, end, name in spans:
        spec = specs.get(name)
        if spec is None:
            continue
        after = AFTER.match(t[end:])
        before = BEFORE.search(t[max(0, start - 12) : start])
        for m, offset in ((after, end), (before, max(0, start - 12))):
            if m is None or RATE.search(t[max(0, offset + m.start("num") - 6) : offset + m.start("num")]):
                continue
            if m.groupdict().get("bound") and not (m["unit"] or BARE_COUNTED.search(m["num"])):
                continue  # 床位超过一半, 床位不到一年: a bound word before a number with no unit is no figure
            at, to = offset + m.start("num"), offset + m.end()
            value = parse_figure(m["num"], m["unit"] or "", spec, t[to : to + 1])
            span = vague(t, offset + m.start(), at, m["num"], m["unit"] or "", spec)
            if value is not None or span is not None:
                used.append((offset + m.start(), to))
                if not asks_requirement(t, at, to):
                    words = t[min(start, offset + m.start()) : max(end, to)]
                    bound = _bound(t, at, to) if value is not None else ""
                    if bound:  # 没有30张, 不到30张: fewer than 30, not "about 30" (newcomer trial 2, A1)
                        out.append(_bounded(name, value, words, bound))
                    elif span is None:
                        out.append(Stated(name, value, words))
                    else:
                        low, high, said = (whole(span[0]), whole(span[1]), span[2])
                        out.append(Stated(name, low, words, said, low, high))
                break
        else:
            # 使用率比去年提高了5个百分点，达到72%; or 还没有精品家庭医生团队: none of them
            out += _reached(t, end, spec) or _none(t, start, end, spec)
    for m in ANY_ROUGH.finditer(t):
        name = UNIT_FIELDS.get(m["unit"])
        spec = specs.get(name or "")
        if (
            spec is None
            or any(a <= m.start() < b for a, b in used)
            or RATE.search(t[max(0, m.start() - 6) : m.start()])
        ):
            continue
        value = parse_figure(m["num"], m["unit"], spec)
        if value is not None and not asks_requirement(t, m.start(), m.end()):
            bound = _bound(t, m.start("num"), m.end())  # 两千八百来平: the range it stands for (brk11 B1)
            out.append(rough(t, m, spec, bound) or _bounded(spec.name, value, m.group(), bound))
    return out


def _reached(t: str, end: int, spec: FieldSpec) -> list[Stated]:
    """使用率比去年提高了5个百分点，达到72%: the level reached (72%) after a field word with no figure of
    its own, and the change on the way (5个百分点, set aside by mentions.choose as a change)."""
    m = REACHED.match(t, end)
    value = parse_figure(m["num"], m["unit"], spec) if m else None
    if m is None or value is None:
        return []
    out = [Stated(spec.name, value, m.group()[m.start("num") - m.start() :])]
    by = next(ANY.finditer(t, end, m.start("num")), None)
    change = parse_figure(by["num"], by["unit"], spec) if by else None
    return out + ([Stated(spec.name, change, by.group())] if by and change is not None else [])


def _none(t: str, start: int, end: int, spec: FieldSpec) -> list[Stated]:
    """还没有精品家庭医生团队, 精品家庭医生团队还没建起来: a count field's word under a negation, before or
    right after it, with no figure, is none of them."""
    if spec.kind != "int":
        return []
    if _negated(t, start):
        return [Stated(spec.name, 0, t[max(0, start - NEGATION_REACH) : end])]
    after = NONE_AFTER.match(t, end)
    return [Stated(spec.name, 0, t[start : after.end()])] if after else []


def _bounded(name: str, value: float, words: str, bound: str) -> Stated:
    """A figure as stated: exact (bound ""), or a bound's one end (high for "<", "<="; low for ">", ">=")."""
    low, high = (value if bound.startswith(">") else None), (value if bound.startswith("<") else None)
    return Stated(name, value, words, low=low, high=high, bound=bound)


def _bound(t: str, at: int, end: int) -> str:
    """The bound the words around the figure at t[at:end] make of it (没有30张, 30张以下), or ""."""
    return bound_at(_clause_before(t, at), t[end:])


def _clause_before(t: str, at: int) -> str:
    """The text of the clause in front of position `at` (back to the last comma, stop or space)."""
    window = t[:at]
    cut = max((m.end() for m in CLAUSE_END.finditer(window)), default=0)
    return window[cut:]


def asks_requirement(t: str, at: int, end: int) -> bool:
    """The figure at t[at:end] is a requirement asked about (是不是要30张, 最少要30到40张吗,
    百分之七十五算达标吗), not the institution's own figure."""
    if REQUIREMENT_BEFORE.search(IF_NOT_REQUIRED.sub("，", _clause_before(t, at))):
        return True
    rest = t[end:]
    rest = rest[RANGE_AFTER.match(rest).end() :] if RANGE_AFTER.match(rest) else rest
    rest = rest[UNIT_AFTER.match(rest).end() :] if UNIT_AFTER.match(rest) else rest
    return bool(REQUIREMENT_AFTER.match(rest)) and not any(w in t for w in ABOUT_US)


def _negated(t: str, start: int) -> bool:
    """A negation in the clause right before position `start` (没有发生医疗事故, 县里还没表态支持)."""
    window = t[max(0, start - NEGATION_REACH) : start]
    cut = max((m.end() for m in CLAUSE_END.finditer(window)), default=0)
    window = NOT_NEGATING.sub("", window[cut:])
    return any(n in window for n in NEGATIONS)


def _yes_no(t: str, specs: Mapping[str, FieldSpec]) -> list[Stated]:
    out = []
    for name, words in YES_WORDS.items():
        if name not in specs:
            continue
        own = SELF_NAMED[name].search(t) if name in SELF_NAMED else None
        if own is not None:  # 院里自己定的特色科室: not the 区县级 one the rule asks
            out.append(Stated(name, False, own.group()))
            continue
        for w in words:
            i = t.find(w)
            if i < 0:
                continue
            present = not _negated(t, i) and not _below_level(t, name)
            if present and (_hypothetical(t, i) or not _qualified(t, name)):
                break  # a question about the rule, or the grade the rule needs is not said
            out.append(Stated(name, present, w))
            break
    return out


def _below_level(t: str, name: str) -> bool:
    """An honour said at a lower level than the rule's (区级示范), with no level the rule takes."""
    lower, enough = BELOW_LEVEL.get(name, (None, ()))
    return lower is not None and bool(lower.search(t)) and not any(w in t for w in enough)


def _qualified(t: str, name: str) -> bool:
    """The words the rule needs for a positive reading (二级, 负主要责任, 去年) are all there, or none are needed."""
    return not _missing(t, name)


def _missing(t: str, name: str) -> list[str]:
    """The conditions of the rule (QUALIFIERS' group names) that `t` does not say."""
    return [group for group, words in QUALIFIERS.get(name, {}).items() if not any(w in t for w in words)]


def unqualified(text: str, specs: Mapping[str, FieldSpec]) -> list[tuple[str, list[str]]]:
    """The yes/no facts stated as present (前年出过一起二级医疗事故) without every condition their rule
    needs, each with the conditions not said: not read as facts, and the reply says it depends on them."""
    t = plain_digits(fold_chinese(text))
    out = []
    for name in QUALIFIERS:
        i = min((j for w in YES_WORDS.get(name, ()) if (j := t.find(w)) >= 0), default=-1)
        if name not in specs or below_bar(t, specs[name].question):  # 三级医疗事故: not barred, no gaps (N5)
            continue
        if i >= 0 and not _negated(t, i) and not _hypothetical(t, i) and (gaps := _missing(t, name)):
            out.append((name, gaps))
    return out


def _hypothetical(t: str, i: int) -> bool:
    """The fact word at t[i] sits in a hypothetical or a question about the rule: 如果/要是/万一…,
    有没有…, or "…还能申请吗" with nothing about the asker's own institution or a real event."""
    after = CLAUSE_END.search(t, i)
    clause = _clause_before(t, i) + t[i : after.start() if after else len(t)]
    if any(w in clause for w in HYPOTHETICAL):
        return True
    about_us = any(w in t for w in ABOUT_US) or any(w in t for w in REAL_EVENT)
    return not about_us and any(w in t[i:] for w in STILL_ASKS)


def _choices(t: str, specs: Mapping[str, FieldSpec]) -> list[Stated]:
    out = []
    for name, pairs in CHOICE_WORDS.items():
        if name not in specs:
            continue
        hits = [(t.find(w), w, v) for w, v in pairs if w in t]
        # "原则上要达到推荐标准是啥意思": the rule's words quoted, not the institution's level (N1)
        hits = [h for h in hits if not _negated(t, h[0]) and not _quoted_or_short(t, h[0], h[1])]
        if hits:
            _, w, v = min(hits)
            out.append(Stated(name, v, w))
    return out


def _quoted_or_short(t: str, at: int, word: str) -> bool:
    """The choice's word at t[at] is the rule's, quoted ("原则上要达到推荐标准是啥意思"), or asked about
    ("够基本标准吗", "达没达到推荐标准"), or said to be out of reach ("推荐标准达不到还能申请吗"), or part of
    another text's name (社区医院基本标准): not the institution's option (newcomer trial 6, N1/N12; sealed set 7)."""
    before, after = _clause_before(t, at), t[at + len(word) :]
    asked = ASKED_CHOICE_EITHER.search(before) or (
        ASKED_CHOICE_BEFORE.search(before) and ASKED_CHOICE_AFTER.match(after)
    )
    shortfall = SHORTFALL_AFTER.match(after) or COUNTED_CHOICE_AFTER.match(after)  # 达到推荐标准的有20家
    return bool(REQUIREMENT_BEFORE.search(before) or shortfall or OTHER_STANDARD_BEFORE.search(before) or asked)


def _grade(t: str, specs: Mapping[str, FieldSpec]) -> list[Stated]:
    if GRADE_FIELD not in specs:
        return []
    hits = [(t.find(w), w) for w in GRADE_WORDS if w in t]
    if not hits:
        return []
    i, w = min(hits)
    township = TOWNSHIP_WORD in t and COMMUNITY_CENTRE_WORD not in t
    passes = w == GRADE_PASSES or (w == GRADE_PASSES_TOWNSHIP and township)
    return [Stated(GRADE_FIELD, passes != _negated(t, i), w)]
