"""What kind of question a text is, beyond the entry it matches: the attribute it asks for
(时间, 比例, 多少张, 谁, 材料, 电话, 怎么算 …), a comparison ("一样吗"), small talk ("你好",
"谢谢"), a method question ("怎么算", "什么意思"), its parts. Pure functions over question_cues.yaml.

    >>> split_parts("床位要多少张？使用率要多少")
    ['床位要多少张', '使用率要多少']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.text import fold_chinese as fold
from knowledge.regions import DATA
from knowledge.search.ask_forms import A_NOT_A, PER_UNIT, SHARE_SIZE, WHAT_THING, WHEN_FEW, WHICH_FEW
from knowledge.search.labels import relabelled
from knowledge.search.normalize import fractions_to_percent
from knowledge.search.shared import spread
from knowledge.yaml_read import read_yaml

CUES, DOMAIN_WORDS = "question_cues.yaml", "search_words.txt"
# Sentence ends (and labels.py's: an emoji, 一、…二、…); commas split a sentence into clauses.
_SENTENCE_END = re.compile(r"[？?；;！!。\n]+|\s+(?=\(?\d{1,2}[).、](?!\d))|(?=[(（]\d{1,2}[)）])|(?=[①②③④⑤⑥⑦⑧⑨])")
# A space between words is how many type a comma on a phone ("渝中验收啥时候搞 谁来验"), also before
# a year ("…得达到啥标准 2022年目标几家"; not before other figures: "床位 40张" is one statement).
_CLAUSE = re.compile(r"[，,、：:]+|(?<=[0-9%\u3400-\u9fff])\s+(?=[\u3400-\u9fff]|\d{4}年)")
_NOT_WORD = re.compile(r"[^0-9a-z%\u3400-\u9fff]+")
# Numbered parts: "1." "2、" "（1）" "①" at the start of a clause.
_NUMBERING = re.compile(r"^(?:[(（]\d{1,2}[)）]|\d{1,2}[).、](?!\d)|[①②③④⑤⑥⑦⑧⑨])")
MIN_PART_CHARS = 3
_YEAR = re.compile(r"20[0-9]{2}")  # a year a text is known by (2020年那个方案)
_TEXT = re.compile(r"方案|文件|文|通知|版")  # …a text so known (2024年的还是2025年的截止日 asks a date)


@dataclass(frozen=True)
class Cues:
    attributes: dict[str, tuple[str, ...]]
    comparison: tuple[str, ...]
    smalltalk: dict[str, tuple[str, ...]]
    fillers: tuple[str, ...]
    smalltalk_thanks_strong: tuple[str, ...]  # thanks words that end a talk whatever remark follows
    smalltalk_bye_strong: tuple[str, ...]  # goodbyes that end a talk whatever remark comes with them
    joiners: tuple[str, ...]
    each: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]  # part_each, part_each_heads, part_and
    question_words: tuple[str, ...]
    referrals: dict[str, tuple[str, ...]]
    not_referrals: tuple[str, ...]  # terms holding a referral word that name no other office's matter (编制床位)
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
        joiners=words(raw["part_joiners"]),
        each=(
            _as_written(raw.get("part_each")),
            _as_written(raw.get("part_each_heads")),
            _as_written(raw.get("part_and")),
        ),
        question_words=words(raw["question_words"]),
        referrals={k: words(v) for k, v in (raw.get("referrals") or {}).items()},
        not_referrals=words(raw.get("not_referrals")),
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


def _squash(text: str) -> str:
    """Folded (simplified, half-width, lower case), spaces removed, a whole fraction as its percentage (四分之一)."""
    return "".join(fractions_to_percent(fold(text)).split())


def folded(text: str) -> str:
    """A text as the cues are matched against it: simplified, half-width, lower case, no spaces."""
    return _squash(text)


def attributes_asked(text: str) -> frozenset[str]:
    """The kinds of thing the question asks for (question_cues.yaml): time, month, ratio, count (count:KIND
    when it names what is counted: count:beds for 几张床), area, who, materials, contact, method, meaning."""
    # 哪几种 / 哪几个 asks for a list, not a number
    t = WHAT_THING.sub("是什么意思", WHICH_FEW.sub("哪些", _squash(text)))
    c = cues()
    asked = {name for name, words in c.attributes.items() if any(w in t for w in words)}
    if "count" in asked and not any(w in WHEN_FEW.sub("", t) for w in c.attributes["count"]):
        asked.discard("count")
    if "area" in asked and not any(w in SHARE_SIZE.sub("", t) for w in c.attributes["area"]):
        asked.discard("area")
    if "count" in asked:
        # 几张床 asks for beds, not for any number: "count:beds" wants a figure in 张, so a
        # per-10,000 count of doctors (2名) does not answer it.
        per = PER_UNIT.sub("，", t)  # 每张床配几人 counts staff, not beds
        kinds = {f"count:{k}" for k, (words, _) in c.count_kinds.items() if any(w in per for w in words)}
        if kinds:
            asked = (asked - {"count"}) | kinds
    return frozenset(asked)


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


def asks_now(text: str) -> str | None:
    """ "which" when the question asks which of the texts applies (以哪个为准; two years set against
    each other: 按2020年的还是2024年的), "in_force" when it asks whether a text still applies
    (还执行吗, 哪年的), "now" when it asks about the present (今年, 现在), else None."""
    t = _squash(text)
    c = cues()
    if any(w in t for w in c.which_text) or ("还是" in t and len(set(_YEAR.findall(t))) >= 2 and _TEXT.search(t)):
        return "which"
    if any(w in t for w in c.in_force):
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


def smalltalk_kind(text: str) -> str | None:
    """ "greeting", "thanks", "bye" or "who_are_you" when the whole message is small talk (with
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
    """ "thanks" / "bye" for thanks / a goodbye with a remark of one's own (谢谢，讲得很清楚; 再见啦，下次再聊)
    that names no figure, no term of the knowledge base and asks nothing. None otherwise."""
    c = cues()
    thanks = any(w in t for w in c.smalltalk_thanks_strong)
    if not (thanks or any(w in t for w in c.smalltalk_bye_strong)) or any(ch.isdigit() for ch in t):
        return None
    if any(w in t for w in (*c.question_words, *_domain_words())):
        return None
    return "thanks" if thanks else "bye"


@cache
def _domain_words() -> tuple[str, ...]:
    """The knowledge base's own terms (search_words.txt) of two characters or more, folded."""
    from knowledge.search.tokens import read_domain_words

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
    """The text asks something: a question word in it, or A-not-A (变不变: ask_forms.A_NOT_A)."""
    t = _squash(text)
    return any(w in t for w in cues().question_words) or bool(A_NOT_A.search(t))


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
    sentences = [s for raw in raws for s in spread(raw, *c.each, _only_place, _domain_words())]
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
            if parts and _only_comparison(stripped, c):  # "…怎么处理 一样吗": the comparison asks about it
                parts[-1] = f"{parts[-1]}，{stripped}"
            elif asks(stripped) and len(_NOT_WORD.sub("", _squash(stripped))) >= MIN_PART_CHARS:
                parts.append("，".join([*context, stripped]))
                context = []
            elif starts_new or not parts or opens or context:
                # "要交什么材料？床位40张，使用率80%，能申请吗": facts after a finished question belong
                # to the question they lead to, not to the one before them
                context.append(stripped)
            else:
                parts[-1] = f"{parts[-1]}，{stripped}"  # trailing context belongs to the last question
    if context:
        if parts:
            parts[-1] = "，".join([parts[-1], *context])
        else:
            return [text.strip()]
    return parts if len(parts) > 1 else [text.strip()]


def _only_place(text: str) -> bool:
    """The text names a place (or 国家) and nothing more than two characters besides it."""
    from knowledge.places import places_named

    named = places_named(text)
    t = fold(text)
    rest = "".join(ch for i, ch in enumerate(t) if not any(a <= i < b for a, b in named.spans))
    return bool(named.spans) and len(_NOT_WORD.sub("", rest)) < MIN_PART_CHARS - 1


def _only_comparison(clause: str, c: Cues) -> bool:
    """The clause is nothing but a comparison word and particles ("一样吗", "有啥不同")."""
    t = _NOT_WORD.sub("", _squash(clause))
    for w in c.comparison:
        t = t.replace(w, "")
    return bool(clause.strip()) and t in ("", "吗", "么", "呢", "吧", "啊")


def without_joiner(text: str) -> str:
    """The text less a leading joiner (另外床位要多少 -> 床位要多少) that is not part of what is asked (还有没有)."""
    rest = _strip_joiner(text, cues())
    return rest if asks(rest) == asks(text) else text


def _strip_joiner(clause: str, c: Cues) -> str:
    t = clause.lstrip()
    for w in c.joiners:
        if _squash(t).startswith(w):
            # drop as many characters of the clause as the joiner has (the clause is already folded
            # text of the same length except for spaces, which joiners do not contain)
            return t[len(w) :].lstrip("，, ") or t
    return clause
