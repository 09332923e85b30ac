"""A figure typed at the wrong question (newcomer trial, F3): the bot asks 床位使用率 and the director
types "业务用房3200平方米" or "床位40张". The text is read with the situation reader (dialogs/qa/facts.py,
the same field words and parser as everywhere), and a figure that clearly names another question of this
run (by its field words: "40张" alone gets the wrong-unit message) is saved there and said so ("✔ 已记下业务用房建筑面积
3200 平方米"); a figure for the current question in the same message is its answer, else the current
question is asked again. A figure that is not one exact usual value (a range, a bound, an unusual
value) is not saved: it is said to be asked at its own question. Nothing typed is lost, nothing guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from core.lazy_re import lazy
from core.model import UserState
from core.text import fold_chinese
from dialogs.answer_words import PART_ASKED, PART_SAID
from dialogs.field_words import NUMBER_WORDS
from dialogs.none_words import none_in_words
from dialogs.qa.facts import Stated, read_situation
from dialogs.qa.vocabulary import BARE_FIGURE
from dialogs.quantities import ParsedValue, ParseError, parse_quantity, plain_digits, unit_group_of
from dialogs.questionnaire.flow import Flow, mode
from dialogs.questionnaire.prompts import show_value
from dialogs.texts import questionnaire as T
from dialogs.words import asks, parse_choice, parse_yes_no

NUMBER_KINDS = ("int", "number", "percent")


@dataclass(frozen=True)
class Elsewhere:
    """What a message said about other questions (`notes`, one line each, already saved into the
    profile where exact) and the pending question's own answer in it (`found`: `value` is it)."""

    notes: list[str]
    found: bool
    value: Any = None


def other_fields(state: UserState, flow: Flow, text: str) -> Elsewhere | None:
    """When `text`, typed at the pending question, names other questions of the run with a figure:
    what was said about each (saved into state.profile when it was one usual value) and the pending
    question's own answer in the rest of the message; None when it names no other question (the
    ordinary answer path then reads it). A question ("床位40张吗") is never read here."""
    current = state.step or ""
    if mode(state) not in ("ask", "reuse") or asks(text):  # a confirmation's own buttons come first
        return None
    facts = read_situation(text, flow.specs)
    # at a 是/否 or choice question a unit names its field too ("28张" at 社区卫生服务中心还是乡镇卫生院, N7)
    closed = flow.spec(current).kind not in NUMBER_KINDS
    others = [s for f, s in facts.items() if f != current and f in flow.fields and (closed or _named(s))]
    own = facts.get(current)
    if not others and own is not None and _exact(flow, own) and "，" in own.words:  # two counts (N13)
        note = T.SHARE_FROM_COUNTS.format(words=own.words, value=show_value(flow.spec(current), own.value))
        return Elsewhere([note], True, own.value)
    if not others and own is not None and _said_of(own, text) and _exact(flow, own) and _several(flow, current, text):
        # 编制50张，实际开放30张: the figure its own words name, the other one another quantity's (brk10)
        said = re.split(r"[，,；;。\s]", text[: text.find(own.words) + len(own.words)])[-1]
        return Elsewhere([T.OWN_AMONG_SEVERAL.format(words=said)], True, own.value)
    if not any(_exact(flow, s) for s in others):  # nothing clearly another question's: read as usual
        return None
    notes = [save_stated(state, flow, stated) for stated in others]
    if own is not None and _exact(flow, own):
        return Elsewhere(notes, True, own.value)
    value = _rest(flow, current, text, others)
    return Elsewhere(notes, value is not None, value)


WORDS_BEFORE = lazy(r"[\u4e00-\u9fff]{2}$")  # two characters right before the figure (实际开放30张, 今年80%)


def _said_of(stated: Stated, text: str) -> bool:
    """Said with words right before its number (实际开放30张), not a bare figure among others (30张和40张)."""
    at = text.find(stated.words)
    return _named(stated) or (at > 0 and bool(WORDS_BEFORE.search(text[:at])))


def _several(flow: Flow, current: str, text: str) -> bool:
    """The text holds more figures than the pending question's one ("编制50张，实际开放30张")."""
    parsed = parse_quantity(text, flow.spec(current))
    return isinstance(parsed, ParseError) and parsed.reason == "several"


def names_a_field(flow: Flow, text: str) -> bool:
    """The text states a figure of a question of this run ("四十张", "床位40张"), not a question about one."""
    return not asks(text) and any(f in flow.fields for f in read_situation(text, flow.specs))


def closed_problem(flow: Flow, text: str, problem: str) -> str:
    """What a 是/否 or choice question says to a bare figure it cannot place ("七成" at 社区卫生服务中心还是
    乡镇卫生院): that it is a figure and this question takes none, then its own problem (newcomer trial 5, N7:
    the Q&A's "请输入 /check 开始自评" was shown in the middle of /check)."""
    if not bare_figure(flow, text):
        return problem
    # "您发来的是一个数字…" then "没有看懂这个回答" contradicted itself (newcomer trial 8, N28): only what to do
    return T.FIGURE_AT_CLOSED.format(typed=text.strip()) + problem.removeprefix(T.NOT_UNDERSTOOD_LEAD)


def by_unit(flow: Flow, text: str, error: ParseError) -> str:
    """For a figure in another question's unit only (二百八十种 at 常住人口, newcomer trial 6, N34): that it
    looks like that question's figure, to be given there; "" unless exactly one question of the run has the unit
    (a percentage fits many: naming them all says nothing)."""
    if error.reason != "wrong_unit" or not error.unit_seen:
        return ""
    group = unit_group_of(error.unit_seen)
    labels = [s.label for s in flow.specs.values() if s.kind in NUMBER_KINDS and unit_group_of(s.unit) == group]
    return T.FIGURE_FOR_OTHER.format(typed=text.strip(), label=labels[0]) if len(labels) == 1 else ""


def bare_figure(flow: Flow, text: str) -> bool:
    """The text is only a figure: one value, or a bound or a range of one (不到九成, 三四十张) — an answer
    to some question of the run, never a question to search (newcomer trial 6, N7)."""
    t = fold_chinese(text).strip().rstrip("。.!！")
    if none_in_words(t):  # 没有, 无: words of none, not "一个数字（没有）" (trial 11, N8)
        return False
    numeric = [spec for spec in flow.specs.values() if spec.kind in NUMBER_KINDS]
    return bool(BARE_FIGURE.fullmatch(t)) or any(_figure(parse_quantity(t, spec)) for spec in numeric)


def _figure(parsed: ParsedValue | ParseError) -> bool:
    return isinstance(parsed, ParsedValue) or (parsed.reason in ("bound", "range") and parsed.value is not None)


def save_stated(state: UserState, flow: Flow, stated: Stated) -> str:
    """Save another question's answer stated at this one (not asked again when reached) and say so."""
    spec = flow.spec(stated.field)
    if not _exact(flow, stated):
        return T.ELSEWHERE_NOT_EXACT.format(label=spec.label, words=stated.range or stated.words)
    old = state.profile.get(stated.field)
    state.profile[stated.field] = stated.value
    answered = state.data.setdefault("answered", [])
    if stated.field not in answered:
        answered.append(stated.field)
    prefilled = state.data.setdefault("prefilled", [])
    if flow.position(stated.field) > flow.position(state.step or "") and stated.field not in prefilled:
        prefilled.append(stated.field)  # not asked again when the run gets there (上一步 still reaches it)
    (state.data.get("conflicts") or {}).pop(stated.field, None)
    value = show_value(spec, stated.value)
    if old is not None and old != stated.value:
        return T.ELSEWHERE_CHANGED.format(label=spec.label, value=value, old=show_value(spec, old))
    if old is not None:  # 床位改成35张 when 35 is stored: nothing changed, said so (trial 11, N11)
        return T.ELSEWHERE_SAME.format(label=spec.label, value=value)
    return T.ELSEWHERE_SAVED.format(label=spec.label, value=value)


def _named(stated: Stated) -> bool:
    """Said with the words of its field (床位40张), not only with a unit ("40张": the wrong-unit message)."""
    return any(word in stated.words for word in NUMBER_WORDS.get(stated.field, ()))


def _exact(flow: Flow, stated: Stated) -> bool:
    spec = flow.spec(stated.field)
    single = not stated.bound and (stated.low is None or stated.low == stated.high) and not stated.range
    return single and stated.value is not None and not spec.implausible(stated.value)


def _rest(flow: Flow, current: str, text: str, others: list[Stated]) -> Any:
    """The pending question's answer in what is left once the other questions' words are taken out
    ("床位40张，80%" at 床位使用率: 80; "有，全科医生5个" at a yes/no question: True); None when none."""
    rest = plain_digits(fold_chinese(text))
    for stated in others:
        rest = rest.replace(stated.words, " ")
        if stated.range:
            rest = rest.replace(stated.range, " ")
    rest = rest.strip(" ,，、;；。")
    if not rest:
        return None
    spec = flow.spec(current)
    if spec.kind == "bool":
        return parse_yes_no(rest)
    if spec.kind == "choice":
        return parse_choice(rest, spec.choices)
    parsed = parse_quantity(rest, spec)
    ok = isinstance(parsed, ParsedValue) and not parsed.confirm_percent and not spec.implausible(parsed.value)
    return parsed.value if ok and isinstance(parsed, ParsedValue) else None


def same_again(state: UserState, flow: Flow, text: str) -> bool:
    """The text is the figure the pending confirmation is about, typed once more."""
    parsed = parse_quantity(text, flow.spec(state.step or ""))
    return isinstance(parsed, ParsedValue) and parsed.value == state.data.get("candidate")


def figure_with_doubt(text: str, spec: Any) -> tuple[str, str] | None:
    """(the figure's words, what to say of the part) when `text` gives this question's figure and then asks
    whether a part of it counts; None otherwise. The figure is recorded as said, and the part is pointed to
    the question's basis and the local health commission (上一步 corrects it), never guessed."""
    typed = fold_chinese(text).strip()
    found = PART_ASKED.match(typed)
    if found is not None and asks(found["part"]) and isinstance(parse_quantity(found["figure"], spec), ParsedValue):
        return found["figure"], T.FIGURE_PART_ASKED.format(part=found["part"])
    said = PART_SAID.match(typed)  # 30张（含家庭病床）: a part stated, which may not count either (brk10)
    if said is None or not isinstance(parse_quantity(said["figure"], spec), ParsedValue):
        return None
    return said["figure"], T.FIGURE_PART_ASKED.format(part=said["part"] or said["after"])
