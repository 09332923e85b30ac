"""A region's name typed with a homophone (吉临 for 吉林, 北经 for 北京, 渝忠 for 渝中): the input method's
usual slip (newcomer trial 8, N36: "吉临" at the region prompt got "没有认出这个地区", while questions
tolerate typos). Only a whole answer that sounds exactly like a region's name or alias is read — 南京 is
not 北京 and 吉安 is not 吉林, so nothing that merely looks alike is taken."""

from __future__ import annotations

import re

from core.text import fold_chinese
from knowledge.base import KnowledgeBase

_EDGE = re.compile(r"^(?:我们是|我们在|我在|在|是)|(?:的|吧|呀|啊|。|！|!)+$")
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def _sound(text: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin  # its dictionaries load on first use, not at start-up

    return tuple(lazy_pinyin(text, style=Style.NORMAL))


def homophone_region(text: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """(region id, the name it sounds like) when `text` is a homophone of a region's name or alias that is
    not that name itself; None otherwise."""
    said = _EDGE.sub("", fold_chinese(text).strip())
    if not _HAN.match(said):
        return None
    sound = _sound(said)
    for region in kb.regions:
        for name in (region.name, region.short, *region.aliases):
            if name != said and len(name) == len(said) and _sound(name) == sound:
                return region.id, name
    return None
