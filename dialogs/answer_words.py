"""Reading a statement typed at a closed /check question (a choice or 是/否), clause by clause
(newcomer trial 3, F6/F7): "达到基本标准了，推荐标准还差点" is 基本标准 — the option named with 还差 is
the one NOT reached; "是不是必须到推荐标准才能报？" is a question, never the answer 推荐标准;
"社区中心" is 社区卫生服务中心; "床位还差几张" at "是否已达到…" is 否.

Input vocabulary (words we recognise), not words we show: the replies live in dialogs/texts/."""

from __future__ import annotations

from dataclasses import dataclass

from core.lazy_re import lazy
from core.text import fold, simplified
from dialogs.none_words import says_none
from dialogs.words import answer_core, asks, parse_choice, parse_unknown, parse_yes_no

# Everyday names of the choices, by choice value (fields.yaml): the label itself always counts too.
CHOICE_WORDS: dict[str, tuple[str, ...]] = {
    "community_health_center": ("社区卫生服务中心", "社区卫生中心", "社区服务中心", "社区中心", "社卫中心"),
    "township_health_center": ("乡镇卫生院", "镇卫生院", "乡卫生院", "中心卫生院", "卫生院", "乡镇院"),
    "recommended": ("推荐标准", "推荐"),  # 基本 alone is read by parse_choice: 基本上 is a hedge
}

# A clause saying something is NOT so: its option is excluded ("推荐标准还差点", "不是社区中心").
_NEGATION = lazy(
    r"还差|差点|差一点|差一些|差些|没有?达到|未能?达到|达不到|没到|不到|不够|不足|不是|不算|还没|尚未|没有|够不上|不满足|不符合"
)
# At "是否已达到/建成…", a shortfall said outright (床位还差几张, 还没达到, 没建成) is 否. Narrower than
# _NEGATION: "没有统计过", "不是很清楚", "有，但不是区级的" are not a shortfall (not recorded).
_SHORTFALL = lazy(
    r"还差|差点|差一点|差一些|差些|没有?达到|未能?达到|达不到|没到|不够|不足|够不上|没有?建成|未建成|没达标"
)
# Detail after a 是/否 that points the other way ("有，但不是区级的", "有，不过还没批"): not clear.
_CONTRARY = lazy(r"但|不过|可是|只是|不是|没|未|还差|不够|不足")
# Where a text splits into clauses: punctuation and the words that turn a sentence (但/不过/可是 …).
_CLAUSE_BREAK = lazy(r"[,，。.;；、!！\s]+|但是|但|不过|可是|只是|而且|就是|(?=而?不是)")
# 差几张 / 差几个 says "a few short", not "how many?" — so it does not make a statement a question.
_FEW_SHORT = lazy(r"差(?:了)?几")
# Said when not sure: the answer is not clear (差不多吧, 基本上吧, 说不好).
_HEDGES = (
    *("差不多", "基本上", "大概", "大致", "应该", "可能", "也许"),
    *("说不好", "不好说", "一般", "还行", "凑合", "马马虎虎"),
)
# "十二个，其中两个是转岗培训的算不算": a figure, then a part of it asked about (newcomer trial 7, N16).
PART_ASKED = lazy(r"^(?P<figure>[^，,;；。]+)[，,;；。\s]+(?P<part>(?:其中|里面|里头|这里面|包括).+)$")
# A part of the figure stated, not asked (brk10): in brackets after it (30张（含家庭病床）, 3000平米(含租用)) or after a
# comma (30张，含5张家庭病床; 12个，其中2个转岗): the total is recorded, the part pointed to the basis like one asked.
PART_SAID = lazy(
    r"^(?P<figure>[^，,;；。（(]+?)\s*(?:[（(](?P<part>(?:含|其中|包括|包含|里面|不含|不包括)[^（()）]*)[）)]"
    r"|[，,;；]\s*(?P<after>(?:含|其中|包括|包含|里面|不含|不包括)[^，,;；。]*))[。.！!]?$"
)
# Questions asking whether something has been REACHED (是否已达到…, 是否已建成…): a shortfall there is 否.
_ATTAINMENT = ("达到", "建成", "达标")


@dataclass(frozen=True)
class ClosedReading:
    """What a text typed at a closed question says: `kind` is "question" (answer it, ask again, record
    nothing), "value" (`value` is the answer), "several" (`named` lists the choice values it names,
    ask which one), "unclear" (a hedge: ask to choose) or "none" (not read; the screen's own reply)."""

    kind: str
    value: object = None
    named: tuple[str, ...] = ()


QUESTION = ClosedReading("question")
NONE = ClosedReading("none")
UNCLEAR = ClosedReading("unclear")


def asked_as_question(text: str) -> bool:
    """A question by its form (吗/么/是不是/？/能不能/要不要/怎么/多少 …), where "还差几张" is a statement."""
    if "?" in text or "？" in text:
        return True
    return asks(_FEW_SHORT.sub("差", simplified(text)))


def read_choice(text: str, choices: tuple[tuple[str, str], ...]) -> ClosedReading:
    """The choice a statement names, clause by clause: named without a negation → reached; named with
    还差/没到/不是 → excluded. Several left → "several"; the negated lowest level of a ladder that starts
    with a "not reached" option (未达到/基本标准/推荐标准) → that option."""
    direct = parse_choice(text, choices)
    if asked_as_question(text):
        return QUESTION
    positive: list[str] = []
    negative: list[str] = []
    for clause in _clauses(text):
        named = _named(clause, choices)
        if not _NEGATION.search(clause):
            positive += [v for v in named if v not in positive]
            continue
        others = [v for v in named if not _is_negation_option(v, choices)]
        if others or _negated_option(clause, named, choices):  # 推荐标准还差点; 不是未达到
            negative += others or named
        else:  # 未达到, 没达到: the "not reached" option itself
            positive += [v for v in named if v not in positive]
    left = [v for v in positive if v not in negative]
    floor = next((v for v, _ in choices if _is_negation_option(v, choices)), None)
    if not left and not negative and direct is None and floor is not None and _not_reached(text):
        return ClosedReading("value", floor)  # 没有, 还没评, 没达标 at 未达到/基本标准/推荐标准 (trial 11, N8)
    if len(left) == 1:
        return ClosedReading("value", left[0])
    if len(left) > 1:
        return ClosedReading("several", named=tuple(left))
    return _from_negatives(negative, choices, direct)


# Nothing reached, said without naming a level (没评上, 未参评, 不达标): the "not reached" option of a ladder.
_NOT_RATED = lazy(r"[没未]有?(?:评|参评|参加|申报|评上|评定)|[没未不]达标")


def _not_reached(text: str) -> bool:
    """ "没有", "还没有", "无", "没有达到", "没达标", "还没评上": none of the ladder's levels reached."""
    t = simplified(fold(text))
    return says_none(text) or bool(_SHORTFALL.search(t) or _NOT_RATED.search(t))


def _from_negatives(negative: list[str], choices: tuple[tuple[str, str], ...], direct: str | None) -> ClosedReading:
    ladder = [v for v, _ in choices if not _is_negation_option(v, choices)]
    floor = next((v for v, _ in choices if _is_negation_option(v, choices)), None)
    if negative and floor is not None and ladder and ladder[0] in negative:
        return ClosedReading("value", floor)  # 基本标准都没达到: not even the lowest level
    if negative:
        rest = [v for v, _ in choices if v not in negative]
        if len(rest) == 1:
            return ClosedReading("value", rest[0])
        return ClosedReading("several", named=tuple(rest)) if rest else NONE
    return ClosedReading("value", direct) if direct is not None else NONE


def read_yes_no(text: str, question: str) -> ClosedReading:
    """A statement at a 是/否 question that parse_yes_no could not read: a question by its form; the
    first clause answering ("是的，19年就评上甲级了", "有一个，中医康复科", "不清楚，要问医保科"); the
    question's verb echoed ("没发生过", "不存在", "建成了"); a shortfall ("床位还差几张", "还没达到") at a
    question asking whether something was reached → 否 (kind "short"); a hedge ("差不多吧") → unclear."""
    below = below_bar(text, question)  # 出过一次三级医疗事故 at 二级及以上…的医疗事故: 否, and why (N5)
    if below is not None and not asked_as_question(text):
        return ClosedReading("below", False, named=below)
    if asked_as_question(text):
        return QUESTION
    if past_only(text):  # 以前有，去年收回来了: what was, not what is (N23)
        return ClosedReading("past")
    clauses = _clauses(text) or [""]
    t = simplified(fold(text))
    reached = any(word in question for word in _ATTAINMENT)
    if len(clauses) > 1 and parse_unknown(clauses[0]):
        return ClosedReading("unknown")
    first = _WHEN.sub("", clauses[0]) or clauses[0]  # 以前有, 去年刚评上甲级: the answer after its time
    if first != clauses[0] and _PAST.search(clauses[0]) and "过" not in question:
        return ClosedReading("past")  # 以前有 at a question about now (是否存在…): not an answer for now
    said = parse_yes_no(first) if len(clauses) > 1 or first != clauses[0] else None
    if said is None:
        said = _echo(first, question)
    if said is None:
        said = _done(first, question)
    if said is None and "科室" in question and len(clauses) == 1 and _DEPARTMENTS.fullmatch(t):
        said = True  # 儿科 at 是否已建成…特色科室: the department named, so there is one (trial 8, N21)
    if said is not None and _CONTRARY.search("".join(clauses[1:])):
        return UNCLEAR  # 有，但不是区级的; 是的，但是床位还差几张
    if said is not None:
        return ClosedReading("value", said)
    if reached and _SHORTFALL.search(t):
        return ClosedReading("short", False)
    if any(word in t for word in _HEDGES):
        return UNCLEAR
    return NONE


# One or more departments named, and nothing else ("儿科", "中医科和康复科", "我们是儿科吧"): at a question
# about 科室 the named one is the answer's instance. Negations never match (没有科室, 无).
_DEPARTMENT = r"(?:[\u4e00-\u9fff]{1,8}?(?<![没无不非])科(?:室)?)"
_DEPARTMENTS = lazy(
    rf"(?:我们|我院|本院|有)?(?:是|就是|有)?{_DEPARTMENT}(?:[和与跟及、,，]{_DEPARTMENT})*(?:吧|啊|呀|的|了)?"
)
# "没发生过", "不存在", "从来没有出租": a negation before the question's own verb.
_NOT_VERB = lazy(r"^(?:还|从来|从|都|也|并|根本|绝对)?(?:没有|没|未|不|无)(?P<verb>.+)$")
ECHO_CHARS = (2, 6)  # how long an echoed verb may be ("存在", "城乡结合部")


def _echo(clause: str, question: str) -> bool | None:
    """The question's own verb said back: with 没/不/未 before it → False, alone → True; else None."""
    core = answer_core(clause).rstrip("过了")
    m = _NOT_VERB.match(core)
    low, high = ECHO_CHARS
    if m and low <= len(m["verb"]) <= high:
        return False if m["verb"] in question else None
    return True if low <= len(core) <= high and core in question else None


# When something happened, said before the answer (去年刚评上甲级, 以前有, 前年罚过一次): not part of it.
_WHEN = lazy(
    r"^(?:(?:去年|前年|今年|上半年|下半年|大前年|以前|之前|原来|原先|过去|早先|曾经|前几年|早就|早|刚刚|刚|已经|也|都|"
    r"\d{2,4}年|[0-9零〇一二两三四五六七八九十]+年前?)(?:的时候|底|初)?)+"
)
# Something said to have happened or been reached: a verb, then 过/上/了 (罚过一次, 评上甲级, 出过一次事).
_DONE = lazy(r"^(?P<verb>[\u4e00-\u9fff]{1,2}?)(?:过|上了?|到了?|为|了)(?P<what>[\u4e00-\u9fff]*)$")
_NOT_DONE = lazy(r"[没未不无别莫]")


def _done(clause: str, question: str) -> bool | None:
    """True when the clause says the question's thing happened or was reached: its verb is one of the
    question's (罚过一次 at 被…处罚) or what it names is (评上甲级 at 达到社区甲级标准); None otherwise."""
    m = _DONE.match(clause)
    if m is None or _NOT_DONE.search(clause):
        return None
    what = m["what"].rstrip("了的啦")
    named = any(what[i : i + 2] in question for i in range(len(what) - 1))
    return True if m["verb"].lstrip("被") in question or named else None


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_BREAK.split(simplified(fold(text))) if c]


def _is_negation_option(value: str, choices: tuple[tuple[str, str], ...]) -> bool:
    label = next((label for v, label in choices if v == value), "")
    return bool(_NEGATION.search(label)) or label.startswith("未")


def _negated_option(clause: str, named: list[str], choices: tuple[tuple[str, str], ...]) -> bool:
    """A "not reached" option denied in turn ("不是未达到"): a negation left once its label is taken out."""
    labels = [fold(label) for v, label in choices if v in named]
    return any(label in clause and _NEGATION.search(clause.replace(label, "|")) for label in labels)


def _named(clause: str, choices: tuple[tuple[str, str], ...]) -> list[str]:
    """The choice values a clause names: labels and everyday names, longest first, each span once;
    else the single choice parse_choice reads in it ("达到推荐了", "社区的")."""
    words = sorted(
        ((w, v) for v, label in choices for w in {fold(label), *CHOICE_WORDS.get(v, ())}),
        key=lambda wv: -len(wv[0]),
    )
    rest, named = clause, []
    for word, value in words:
        if word and word in rest:
            rest = rest.replace(word, "|")
            if value not in named:
                named.append(value)
    if not named:
        core = answer_core(clause)
        found = parse_choice(core, choices) if core and not core.isdigit() else None
        named = [found] if found is not None else []
    return named


# A grade said below a rule's "N级及以上" (三级医疗事故 against 二级及以上, 一级 the highest): not what the
# rule bars (newcomer trial 6, N5). The grade counts only when the words after it are the rule's thing
# (医疗事故), not another graded thing (三级医院).
_GRADE_BAR = lazy(r"(?P<n>[一二三四五六七八九1-9])级及以上")
_GRADE_SAID = lazy(r"(?P<n>[一二三四五六七八九1-9])级(?=(?P<after>[\u4e00-\u9fff]{0,6}))")
_GRADE_NUMBER = {c: i for i, c in enumerate("一二三四五六七八九", start=1)} | {str(i): i for i in range(1, 10)}


def below_bar(text: str, rule: str) -> tuple[str, str] | None:
    """(the grade said, the rule's bar) when every grade the text gives the rule's thing is below the
    rule's "N级及以上"; None when the rule has no such bar or the text gives no grade below it."""
    bar = _GRADE_BAR.search(rule)
    if bar is None:
        return None
    thing = rule[bar.end() :]
    said = [
        m
        for m in _GRADE_SAID.finditer(simplified(fold(text)))
        if any(m["after"][i : i + 2] in thing for i in range(len(m["after"]) - 1))
    ]
    if not said or any(_GRADE_NUMBER[m["n"]] <= _GRADE_NUMBER[bar["n"]] for m in said):
        return None
    return said[0]["n"] + "级", bar["n"] + "级及以上"


# "以前有，去年收回来了" at a question about now (是否存在对外出租、承包…): the past and its end, no
# answer for now — said that the question is about now (newcomer trial 6, N23), never guessed.
_PAST = lazy(r"以前|之前|原来|原先|过去|早先|曾经|前几年|那几年")
_ENDED = lazy(r"收回|不再|取消了|停了|停掉|终止|解除|到期|现在没|现在不|已经没|已没|目前没|目前不|后来没|没有了|没了")


def past_only(text: str) -> bool:
    """The text tells what was so before and that it ended, not a plain 是/否 for now."""
    t = simplified(fold(text))
    return bool(_PAST.search(t) and _ENDED.search(t))
