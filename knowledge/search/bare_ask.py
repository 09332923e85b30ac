"""A question that names nothing but what it asks ("期限是啥时候", "几号截止", "要多少"): put as a
part after another, it leans on that part (sealed set 6, s6a021: "46所中心卫生院要达到什么标准，期限
是啥时候" got another entry's 8月31日 for its second part, not the 46所's 2025年底). Only the pure
question words count as asking: 使用率, 面积, 材料 name a thing of their own ("使用率要多少" is its
own question). Nor do the words of question_cues.yaml's `bare_words`: a list asked of what the part
before named (分别是啥, 都包括什么) or that thing's doing asked (什么时候完成): sealed set 8, s8a010 "…一共
有几个附件，分别是啥" got the 各级分工 entry, whose question holds 分别. Reads question_cues.yaml (the
question words through knowledge.search.intent)."""

from __future__ import annotations

from functools import cache

from core.lazy_re import lazy
from knowledge.regions import DATA
from knowledge.search.intent import CUES, cues, folded
from knowledge.yaml_read import read_yaml

# What is left once the asking words are out that still names nothing: marks, particles, 是/要.
_NOTHING = lazy(r"[^\u4e00-\u9fff]|[是要的了吗呢啊呀吧得需有还就都前]")
MIN_OWN_CHARS = 2  # characters of its own a part names to be about something
# The attributes whose cue words only ask (a time, a number), naming no thing.
ASKING_ATTRIBUTES = ("time", "month", "day", "count")


@cache
def _asking_words() -> tuple[str, ...]:
    c = cues()
    bare = (folded(str(w)) for w in read_yaml(DATA / CUES).get("bare_words") or ())
    words = {*c.question_words, *(w for a in ASKING_ATTRIBUTES for w in c.attributes.get(a, ())), *bare}
    return tuple(sorted(words, key=len, reverse=True))


def asks_only(text: str) -> bool:
    """The text names nothing but what it asks."""
    t = folded(text)
    for w in _asking_words():
        t = t.replace(w, "")
    return len(_NOTHING.sub("", t)) < MIN_OWN_CHARS
