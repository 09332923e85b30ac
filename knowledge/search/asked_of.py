"""What a question asks its attribute of (the asked-of slot), and the rare words in it.

A question near the topic shares the knowledge base's common words and asks of one thing the texts
never name: 执业许可证多久校验一次 (吉林's naming entry holds 执业许可证, never 校验), 药师注册需要准备
哪些材料 (the application materials entry holds 材料, never 药师), 社区医院的保洁归谁管, 办理排污许可证
要什么材料 (the analyser folds 许可证 into the entries' 执业许可证: the qualifier 排污 is what is asked
of). The subject check (subject.py) lets one such noun pass, as in-scope wording around a right answer
often has one. Here only the words the attribute is asked of count: the phrase right before the
attribute's cue (X 由谁 / 归谁 / 是谁, X 多少钱, X 要什么材料, X 多久 / 几年) and, for a duration, the
action after it (多久 校验 一次). A word there that is rare in the language (jieba's general
dictionary counts it under COMMON_FREQ times: 校验 62, 药师 536, 保洁 36; not 时间, 医生, 办理) and
that the entry and the sentences it cites never hold makes the answer fall to the suggestions, or to
the decline (with whom to ask) when no entry holds it at all.

Words are the analyser's (tokens.Analyzer: normalised, synonyms folded), read clause by clause (the
analyser drops the punctuation, and 北京这边达标了，谁给… asks 谁 of nothing before the comma).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from knowledge.search.tokens import NUMERALS, STOPWORDS, is_cjk

# A word jieba's general dictionary counts this often is common in the language (时间 , 医生, 办理,
# 部门): a question names an everyday thing with it, not one the texts would have to name.
COMMON_FREQ = 1000
COMMON_LENGTHS = (2, 6)
# Cues of an attribute and what may follow them (the analyser writes 几 as 多少).
WHO = "谁"
DURATIONS = frozenset({"多久", "多长时间", "多长"})
UNITS_AFTER_HOW_MANY = {
    "年": "duration",
    "天": "duration",
    "个月": "duration",
    "钱": "money",
    "块": "money",
    "元": "money",
    "次": "duration",  # 一年检查几次: how often
    "周": "duration",
}
OFFICES = frozenset({"部门", "单位", "机构", "科室"})
APPLYING = frozenset({"办", "办理", "申报", "申领"})
FEES = ("费", "费用", "价格", "价钱", "收费")
MATERIAL_ASKS = frozenset({"什么", "哪些", "啥"})
MATERIAL_WORDS = frozenset({"材料", "资料", "手续", "证明", "证件"})
# Words between the asked-of phrase and its cue that say nothing of what is asked of (处方 要 保存
# 多少 年: the phrase is 处方 保存; 印鉴卡 要 交 什么 材料: 印鉴卡).
LIGHT_WORDS = frozenset(
    {"要", "需要", "准备", "交", "提交", "是", "由", "归", "来", "得", "需", "应该", "应当", "一般", "都", "还",
     "1", "天", "次", "年", "能", "可以", "大概", "大约", "每", "个", "必须", "管", "负责"}
)  # fmt: skip
# Words that end the phrase reading back from the cue (社区医院 的 | 保洁 归谁: the phrase is 保洁).
PHRASE_STOPS = frozenset({"的", "和", "与", "或", "在", "对", "跟", "给", "及", "社区医院", "我们", "咱们", "俺们"})
# Single characters that are no part of a name when the analyser leaves them apart (要交些什么材料:
# 交 and 些 are not a word 交些; 的事找谁: 找 is the asking).
LIGHT_CHARACTERS = frozenset("交些找来做完办弄搞去给让被把向从到过着了吗呢啊呀要得需管该")
# What an answer holds when it gives the attribute a cue asks for, strictly (signals.PROVIDES reads
# 方案 or 表 as materials, to tell a list of papers from a date): 护士执业注册要什么材料 is not answered by
# an entry on whether registration changes, though it holds every word of the question (brief oos4).
# Judged only of an answer that opens by saying what the texts do not say (NOT_SAID): what it says is
# missing must be the attribute asked; an answer of facts lists its papers in many words (名单, 总结).
GIVES = {"materials": re.compile(r"材料|资料|手续|申请表|申请书|附件|清单|证明|表格|模板|名单|总结|报告")}
NOT_SAID = re.compile(r"^[^。；]*?(?:没有|未)(?:说|写|规定|给出|明确|提)")
PHRASE_WORDS = 4  # at most this many words back from the cue
CLAUSE = re.compile(r"[，,。；;！!？?\s、：:]+")


def common_words(dictionary: Path | None = None) -> frozenset[str]:
    """The words of jieba's general dictionary (2–6 characters) counted COMMON_FREQ times or more
    (read once when the index is built: about 5,000 words)."""
    if dictionary is None:
        import jieba

        dictionary = Path(jieba.__file__).parent / "dict.txt"
    low, high = COMMON_LENGTHS
    line = re.compile(rf"^(\S{{{low},{high}}}) (\d+) ", re.M)
    text = dictionary.read_text(encoding="utf-8")
    return frozenset(m[1] for m in line.finditer(text) if int(m[2]) >= COMMON_FREQ)


def clauses(question: str) -> list[str]:
    """The question cut at its punctuation (the analyser would drop it)."""
    return [c for c in CLAUSE.split(question) if c]


def cue_kind(words: Sequence[str], k: int) -> str | None:
    """The attribute asked by the cue at `words[k]` (who / duration / money / materials), or None."""
    w = words[k]
    after = words[k + 1] if k + 1 < len(words) else ""
    if WHO in w:
        return "who"
    if w in DURATIONS:
        return "duration"
    if w == "多少" and after in UNITS_AFTER_HOW_MANY:
        return UNITS_AFTER_HOW_MANY[after]
    if w in MATERIAL_ASKS and after in MATERIAL_WORDS:
        return "materials"
    if (w == "哪个" and after in OFFICES) or (w == "哪里" and after in APPLYING):
        return "who"  # 由哪个部门管, 去哪里办: the office is asked
    if w == "多少":
        before = next((b for b in reversed(words[:k]) if b not in LIGHT_WORDS), "")
        if before.endswith(FEES):
            return "money"  # 挂 号 费 是 多少, 护工费用一天多少
    return None


def _is_text(word: str) -> bool:
    return bool(word) and all(is_cjk(c) for c in word)


def slot(words: Sequence[str], question_words: Iterable[str]) -> list[tuple[str, bool, bool]]:
    """The asked-of units of one clause's `words`: (unit, a run of single characters the analyser
    left apart (保 洁: a word no text of ours uses), followed by another unit in its phrase (排污 before
    执业许可证: a qualifier)). Empty when the clause asks none of the attributes above."""
    asked = frozenset(question_words)
    found: list[tuple[str, bool, bool]] = []
    for k in range(len(words)):
        kind = cue_kind(words, k)
        if kind is None:
            continue
        j = k - 1
        while j >= 0 and (words[j] in LIGHT_WORDS or words[j] in asked):
            j -= 1
        phrase: list[str] = []
        while j >= 0 and sum(map(bool, phrase)) < PHRASE_WORDS:
            w = words[j]
            if w in PHRASE_STOPS or w in asked:
                break
            if w in LIGHT_WORDS:  # 电梯 1 年 检查: the frame of a frequency, not its object
                phrase.insert(0, "")  # it parts the characters around it (书 要 附: not a word 书附)
                j -= 1
                continue
            if not _is_text(w):
                break
            phrase.insert(0, w)
            j -= 1
        found += _units(phrase)
        if kind in ("duration", "who"):  # 多久 年 检 1 次, 由谁 任 命: the action asked of
            start = k + 2 if words[k] == "多少" else k + 1  # 多少 年 | 做 完: past the unit counted
            after: list[str] = []
            if words[k] == "多少" and words[start : start + 1] == ["的"] and k and _verb_before(words[k - 1]):
                after.append(words[k - 1])  # 开 几天 的 药: what is done that long is 开药, verb and object
                start += 1
            for w in words[start:]:
                if w in ("1", "次", "一次") or not _is_text(w) or w in asked:
                    break
                # single characters go to the run (年 检); 给 社区医院 加注: what is done, not to whom
                if len(w) == 1 or (w not in LIGHT_WORDS and w not in PHRASE_STOPS):
                    after.append(w)
            found += _units(after[:PHRASE_WORDS])
    return list(dict.fromkeys(found))


def _verb_before(word: str) -> bool:
    """A single character before a counted duration that may be its verb (开 in 开几天的药)."""
    return len(word) == 1 and _is_text(word) and word not in LIGHT_WORDS and word not in STOPWORDS


def _units(phrase: Sequence[str]) -> list[tuple[str, bool, bool]]:
    """A phrase's words as units: a word of two or more characters, or a run of single characters
    (light ones, 交 些 找, left out of it)."""
    units: list[tuple[str, bool]] = []
    run = ""
    for w in [*phrase, ""]:
        if len(w) == 1 and w not in STOPWORDS and w not in NUMERALS and w not in LIGHT_CHARACTERS:
            run += w
            continue
        if len(run) >= 2:
            units.append((run, True))
        run = ""
        if len(w) >= 2 and w not in STOPWORDS:
            units.append((w, False))
    return [(u, is_run, k + 1 < len(units)) for k, (u, is_run) in enumerate(units)]


def kinds_asked(words: Sequence[str]) -> frozenset[str]:
    """The attributes one clause's `words` ask by a cue (cue_kind: who / duration / money / materials)."""
    return frozenset(kind for k in range(len(words)) if (kind := cue_kind(words, k)) is not None)


def gives_asked(kinds: Iterable[str], answer: str) -> bool:
    """The `answer` text gives every asked attribute GIVES can read (the others are not judged here),
    or it is an answer of facts (it does not open with NOT_SAID)."""
    return not NOT_SAID.match(answer) or all(GIVES[kind].search(answer) for kind in kinds if kind in GIVES)


def asked_units(
    analyse: Callable[[str], tuple[list[str], list[str]]], texts: Iterable[str], question_words: Iterable[str]
) -> frozenset[str]:
    """The "w:" terms of the asked-of units of `texts` (an entry's question and phrasings, read as a
    question is read): the entry's phrasing 一次最多能开几周的药 holds 开药 as 社区医院能开几天的药 asks it."""
    asked = tuple(question_words)
    return frozenset("w:" + u for t in texts for c in clauses(t) for u, _, _ in slot(analyse(c)[0], asked))


def compounds_only(word_lists: Iterable[Sequence[str]], is_noun: Callable[[str], bool]) -> frozenset[str]:
    """The "w:" terms of words that, in `word_lists` (an entry's texts as the analyser segments them),
    only ever stand right before another noun: part of a longer name (法人 in 法人 证书), never the
    thing itself. A question asking who the 法人 is is not answered by an entry on the certificate."""
    before_noun: set[str] = set()
    alone: set[str] = set()
    for words in word_lists:
        for k, w in enumerate(words):
            if len(w) < 2 or not _is_text(w):
                continue
            following = words[k + 1] if k + 1 < len(words) else ""
            (before_noun if len(following) >= 2 and is_noun(following) else alone).add(w)
    return frozenset("w:" + w for w in before_noun - alone)
