"""What kind of question a text is, beyond the entry it matches: the attribute it asks for
(时间, 比例, 多少张, 谁, 材料, 电话, 怎么算 …), a comparison ("一样吗"), small talk ("你好",
"谢谢"), a method question ("怎么算", "什么意思"), its parts. Pure functions over question_cues.yaml.

    >>> split_parts("床位要多少张？使用率要多少")
    ['床位要多少张', '使用率要多少']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from core.text import fold_chinese as fold
from knowledge.regions import DATA
from knowledge.search.ask_forms import (
    AREA_MEASURE,
    ASKING,
    BASIS_CHOICE,
    FEW_NOT_ASKED,
    PAPERS_ASKED,
    PER_UNIT,
    REPLACED_BY,
    SHARE_SIZE,
    WHAT_THING,
    WHEN_FEW,
    WHICH_FEW,
    asks_by_form,
)
from knowledge.search.memo import per_turn_call
from knowledge.search.normalize import fractions_to_percent
from knowledge.yaml_read import read_yaml

CUES, DOMAIN_WORDS = "question_cues.yaml", "search_words.txt"
_NOT_WORD = re.compile(r"[^0-9a-z%\u3400-\u9fff]+")
_YEAR = re.compile(r"20[0-9]{2}")  # a year a text is known by (2020年那个方案)
_TEXT = re.compile(r"方案|文件|文|通知|版")  # …a text so known (2024年的还是2025年的截止日 asks a date)
# 哪一年的 said of a date the text gives ("年底前再建成500家，是哪一年的年底", "11月30日是哪年的11月30日"):
# which year that date falls in — the entry giving it answers — not the standing of the text (devblind3)
_YEAR_OF_DATE = re.compile(
    r"哪一?年的?(?=年底|年末|年初|年中|年内|底前|[0-9一二三四五六七八九十]+月|截止|期限|日期|时间)"
)


@dataclass(frozen=True)
class Cues:
    attributes: dict[str, tuple[str, ...]]
    comparison: tuple[str, ...]
    smalltalk: dict[str, tuple[str, ...]]
    fillers: tuple[str, ...]
    smalltalk_thanks_strong: tuple[str, ...]  # thanks words that end a talk whatever remark follows
    smalltalk_bye_strong: tuple[str, ...]  # goodbyes that end a talk whatever remark comes with them
    smalltalk_arrival_strong: tuple[str, ...]  # courtesies on arriving (又来麻烦你了) whatever remark is around them
    joiners: tuple[str, ...]
    each: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]  # part_each, part_each_heads, part_and
    question_words: tuple[str, ...]
    referrals: dict[str, tuple[str, ...]]
    not_referrals: tuple[str, ...]  # terms holding a referral word that name no other office's matter (编制床位)
    referrals_each: tuple[str, ...]  # matters an entry must name itself (exam), whatever other it names
    now: tuple[str, ...]
    in_force: tuple[str, ...]
    which_text: tuple[str, ...]  # asking which of a region's texts applies (以哪个为准, 新方案还是旧方案)
    document: tuple[str, ...]
    section: tuple[str, ...]  # asking for a whole section of a text (主要任务, 工作要求, 附件)
    heads: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # head -> (words asked, words an entry must hold)
    count_kinds: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # kind -> (words asked, units counted in)
    steps: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # authority step -> (words asked, words naming it)


@cache
def cues(root: Path = DATA) -> Cues:
    raw = read_yaml(root / CUES)

    def words(values: list[object] | None) -> tuple[str, ...]:
        return tuple(sorted({_squash(str(v)) for v in values or ()} - {""}, key=len, reverse=True))

    return Cues(
        attributes={k: words(v) for k, v in raw["attributes"].items()},
        comparison=words(raw["comparison"]),
        smalltalk={k: words(v) for k, v in raw["smalltalk"].items()},
        fillers=words(raw["smalltalk_fillers"]),
        smalltalk_thanks_strong=words(raw.get("smalltalk_thanks_strong")),
        smalltalk_bye_strong=words(raw.get("smalltalk_bye_strong")),
        smalltalk_arrival_strong=words(raw.get("smalltalk_arrival_strong")),
        joiners=words(raw["part_joiners"]),
        each=(
            _as_written(raw.get("part_each")),
            _as_written(raw.get("part_each_heads")),
            _as_written(raw.get("part_and")),
        ),
        question_words=words(raw["question_words"]),
        referrals={k: words(v) for k, v in (raw.get("referrals") or {}).items()},
        not_referrals=words(raw.get("not_referrals")),
        referrals_each=tuple(str(m) for m in raw.get("referrals_named_each") or ()),
        now=words(raw.get("now")),
        in_force=words(raw.get("in_force")),
        which_text=words(raw.get("which_text")),
        document=words(raw.get("document")),
        section=words(raw.get("section")),
        heads={k: (words(v["asked"]), words(v["entry"])) for k, v in (raw.get("heads") or {}).items()},
        count_kinds={k: (words(v["asked"]), words(v["units"])) for k, v in (raw.get("count_kinds") or {}).items()},
        steps={k: (words(v["asked"]), words(v["entry"])) for k, v in (raw.get("steps") or {}).items()},
    )


def _as_written(values: list[object] | None) -> tuple[str, ...]:
    """Words matched on the text as typed (its spaces cut a list), longest first."""
    return tuple(sorted({str(v) for v in values or ()} - {""}, key=len, reverse=True))


@lru_cache(maxsize=1024)  # every cue reads it: ~150 times a multi-part turn, on a dozen texts
def _squash(text: str) -> str:
    """Folded (simplified, half-width, lower case), spaces removed, a whole fraction as its percentage (四分之一)."""
    return "".join(fractions_to_percent(fold(text)).split())


def folded(text: str) -> str:
    """A text as the cues are matched against it: simplified, half-width, lower case, no spaces."""
    return _squash(text)


@per_turn_call()
def attributes_asked(text: str) -> frozenset[str]:
    """The kinds of thing the question asks for (question_cues.yaml): time, month, ratio, count (count:KIND
    when it names what is counted: count:beds for 几张床), area, who, materials, contact, method, meaning."""
    # 哪几种 / 哪几个 asks for a list, not a number
    t = WHAT_THING.sub("是什么意思", WHICH_FEW.sub("哪些", _squash(text)))
    t = AREA_MEASURE.sub("多少平方米", t)  # 多少个平方 asks an area, its 个 no count
    c = cues()
    asked = {name for name, words in c.attributes.items() if any(w in t for w in words)}
    if BASIS_CHOICE.search(t):
        asked.add("method")  # 按户籍还是常住算: how the figure is counted
    if "count" in asked and not any(w in WHEN_FEW.sub("", t) for w in c.attributes["count"]):
        asked.discard("count")
    if "area" in asked and not any(w in SHARE_SIZE.sub("", t) for w in c.attributes["area"]):
        asked.discard("area")
    if {"time", "materials"} <= asked and not _papers_asked(t, c.attributes["materials"]):
        asked.discard("materials")  # 申请表几号前报: the paper's day is asked, not papers (ask_forms.PAPERS_ASKED)
    if "count" in asked:
        # 几张床 asks for beds, not for any number: "count:beds" wants a figure in 张, so a
        # per-10,000 count of doctors (2名) does not answer it.
        per = PER_UNIT.sub("，", t)  # 每张床配几人 counts staff, not beds
        kinds = {f"count:{k}" for k, (words, _) in c.count_kinds.items() if any(w in per for w in words)}
        if kinds:
            asked = (asked - {"count"}) | kinds
    return frozenset(asked)


def _papers_asked(t: str, materials: tuple[str, ...]) -> bool:
    """The (folded) text asks for papers: a materials cue that asks (交什么, 报哪些) or a paper asked (什么材料)."""
    return any(w in t for w in materials if any(a in w for a in ASKING)) or bool(PAPERS_ASKED.search(t))


def count_units(kind: str) -> tuple[str, ...]:
    """The units a figure of a count kind ("beds", "staff" …, question_cues.yaml `count_kinds`) is
    given in (张 for beds)."""
    return cues().count_kinds[kind][1]


def count_kinds() -> tuple[str, ...]:
    """Every count kind of question_cues.yaml, in file order."""
    return tuple(cues().count_kinds)


def steps_named(text: str, *, entry: bool = False) -> frozenset[str]:
    """The authority steps (复核, 专家评估, 名单报国家, 工作总结: question_cues.yaml `steps`) a text
    names: with the words a question asks them by, or (`entry`) the words an entry's canonical
    question names them by."""
    t, k = _squash(text), (1 if entry else 0)
    return frozenset(name for name, pair in cues().steps.items() if any(w in t for w in pair[k]))


@per_turn_call()
def referrals(text: str) -> tuple[str, ...]:
    """The matters another office handles that the question names (insurance, price, staffing …,
    question_cues.yaml `referrals`), in file order: whom a decline should point to."""
    t = _squash(text)
    for term in cues().not_referrals:  # 编制床位 counts beds: not the 编制 office's matter
        t = t.replace(term, "")
    return tuple(name for name, words in cues().referrals.items() if any(w in t for w in words))


def heads_asked(text: str) -> tuple[str, ...]:
    """The precise head nouns the question names (公卫人员, 每万人, 第一名称, 印发日期, 申报条件 …,
    question_cues.yaml `heads`), in file order."""
    t = _squash(text)
    return tuple(name for name, (asked, _) in cues().heads.items() if any(w in t for w in asked))


def head_words(head: str) -> tuple[str, ...]:
    """The words one of which an entry must hold to be about `head`."""
    return cues().heads[head][1]


def referral_words(matter: str) -> tuple[str, ...]:
    """The words that name one of those matters (医保, 报销 … for "insurance")."""
    return cues().referrals.get(matter, ())


def referral_named_each(matter: str) -> bool:
    """An entry must name `matter` itself to answer (exam), not another matter of the question."""
    return matter in cues().referrals_each


@per_turn_call()
def asks_now(text: str) -> str | None:
    """ "which" when the question asks which of the texts applies (以哪个为准; 按2020年的还是2024年的; 是不是让
    2024年那个替了: ask_forms.REPLACED_BY), "in_force" when it asks whether a text still applies (还执行吗,
    哪年的), "now" when it asks about the present (今年, 现在), else None."""
    t, c = _squash(text), cues()
    two_years = "还是" in t and len(set(_YEAR.findall(t))) >= 2 and _TEXT.search(t)
    if any(w in t for w in c.which_text) or REPLACED_BY.search(t) or two_years:
        return "which"
    if any(w in _YEAR_OF_DATE.sub("", t) for w in c.in_force):
        return "in_force"
    return "now" if any(w in t for w in c.now) else None


def asks_document(text: str, *, section: bool = False) -> bool:
    """It asks about a whole document (是什么文件, 谁发的 …), or (`section`) a whole section (主要任务, 附件 …)."""
    t = _squash(text)
    return any(w in t for w in (cues().section if section else cues().document))


def is_comparison(text: str) -> bool:
    """The question compares ("一样吗", "有什么不同", "区别", "相比")."""
    t = _squash(text)
    return any(w in t for w in cues().comparison)


def without_comparison(text: str) -> str:
    """The text (folded, spaces removed) without its comparison words: what each side is asked
    ("吉林和北京床位要求一样吗" -> "吉林和北京床位要求")."""
    t = _squash(text)
    for w in cues().comparison:  # longest first
        t = t.replace(w, "")
    return t


def method_asked(text: str) -> str | None:
    """ "method" for 怎么算 / 怎么计算, "meaning" for 什么意思 / 指什么, else None."""
    asked = attributes_asked(text)
    return "method" if "method" in asked else "meaning" if "meaning" in asked else None


@per_turn_call()
def smalltalk_kind(text: str) -> str | None:
    """ "greeting", "thanks", "bye", "arrival" or "who_are_you" when the whole message is small talk (with
    particles and punctuation around it); None when it asks or says anything else."""
    t = _NOT_WORD.sub("", _squash(text))
    if not t:
        return None
    c = cues()
    kinds: list[str] = []
    i = 0
    while i < len(t):
        match = _longest_cue(t, i, c)
        if match is None:
            return _closing_remark(t)
        kind, length = match
        if kind:
            kinds.append(kind)
        i += length
    if not kinds:
        return None
    return "who_are_you" if "who_are_you" in kinds else kinds[0]


def _closing_remark(t: str) -> str | None:
    """ "thanks" / "bye" for thanks / a goodbye with a remark of one's own (谢谢，讲得很清楚; 再见啦，下次再聊),
    "arrival" for a courtesy on arriving (早上好，今天又来麻烦你了; 又来打扰了): the message names no figure,
    no term of the knowledge base and asks nothing. Thanks or a goodbye said with an arrival's words (谢谢，
    又麻烦你了) close the talk. None otherwise."""
    c = cues()
    thanks = any(w in t for w in c.smalltalk_thanks_strong)
    bye = any(w in t for w in c.smalltalk_bye_strong)
    arrival = any(w in t for w in c.smalltalk_arrival_strong)
    if not (thanks or bye or arrival) or any(ch.isdigit() for ch in t):
        return None
    if any(w in t for w in (*c.question_words, *domain_words())):
        return None
    return "thanks" if thanks else "bye" if bye else "arrival"


@cache
def domain_words() -> tuple[str, ...]:
    """The knowledge base's own terms (search_words.txt) of two characters or more, folded."""
    from knowledge.search.vocab_build import read_domain_words

    return tuple(w for w in (_squash(x) for x in read_domain_words(DATA / DOMAIN_WORDS)) if len(w) >= 2)


def _longest_cue(t: str, i: int, c: Cues) -> tuple[str, int] | None:
    best: tuple[str, int] | None = None
    for kind, words in c.smalltalk.items():
        for w in words:
            if t.startswith(w, i) and (best is None or len(w) > best[1]):
                best = (kind, len(w))
    for w in c.fillers:
        if t.startswith(w, i) and (best is None or len(w) > best[1]):
            best = ("", len(w))
    return best


def asks(text: str) -> bool:
    """The text asks something: a question word, A-not-A (变不变) or an either-or (老标准还是新标准): ask_forms.py."""
    t = FEW_NOT_ASKED.sub("", _squash(text))  # 这几年 asks nothing
    return any(w in t for w in cues().question_words) or asks_by_form(t)
