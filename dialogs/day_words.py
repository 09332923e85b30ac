"""Days said the spoken way in a reminder (newcomer trial 7, N19), written out as the dates dialogs/dates.py
reads before it reads them: 小年 -> 腊月二十三 (the north's; the south keeps 腊月二十四, and the reply says which
was taken), 过完十五 / 过了十五 / 十五以后 / 元宵节后 -> 正月十六 (the first day after 正月十五), and a day of the
month alone (十五号, 15号) -> this month's when it is still to come, else next month's (这个月15号 / 下个月15号).

A number before 号 that is a document's (5号文, 〔2020〕5号) or a building's (3号楼) is no day. Input
vocabulary: what the reply says lives in dialogs/texts/tracking.py."""

from __future__ import annotations

import datetime as dt
import re

from core.text import chinese_int
from dialogs.texts import tracking as T

_N = "0-9〇零一二两三四五六七八九十廿"
# 小年 as a day, not 小年夜 / 小年轻; the south's 腊月二十四 when 南方 is said with it.
_LITTLE_NEW_YEAR = re.compile(r"(?P<south>南方的?)?小年(?!夜|轻|纪)(?:那天|当天|那日)?")
# After the 15th of the first lunar month, said as people say it.
_AFTER_FIFTEENTH = re.compile(
    r"(?:(?:过完|过了)(?:正月)?十五|正月十五(?:过完|过了|以后|之后)|元宵节?(?:过完|过了|以后|之后|后))(?![号日])(?:那天|当天)?"
)
# A day of the month alone: not after a month, a number, a bracket or 第/发/编 (document and serial
# numbers) or 年/后 (年后15号 is no day of a month), not before 文/楼/床/线/院… (5号文, 3号楼).
_DAY_ALONE = re.compile(
    rf"(?<![月年后{_N}百千〕\]）)第发编型\d.])(?P<d>[{_N}]{{1,3}})\s*号(?![文令楼床线院室柜窗门字码])"
)


def as_dates(text: str, today: dt.date) -> tuple[str, str | None]:
    """`text` with 小年, 过完十五 and a day of the month alone written as the dates they mean, and what a
    spoken lunar day was taken as (北方的小年…), for the reply to say after the lunar date; None when none."""
    said = None
    little = _LITTLE_NEW_YEAR.search(text)
    if little is not None:
        said = T.SPOKEN_SOUTH_LITTLE_NEW_YEAR if little["south"] else T.SPOKEN_LITTLE_NEW_YEAR
        text = _LITTLE_NEW_YEAR.sub(lambda m: "腊月二十四" if m["south"] else "腊月二十三", text)
    if _AFTER_FIFTEENTH.search(text):
        said = T.SPOKEN_AFTER_FIFTEENTH
        text = _AFTER_FIFTEENTH.sub("正月十六", text)
    return (_DAY_ALONE.sub(lambda m: _month_of(m, today), text) if "号" in text else text), said


def _month_of(m: re.Match[str], today: dt.date) -> str:
    """这个月N号 when the day is still to come this month, 下个月N号 when it has passed; as typed when no day."""
    day = chinese_int(m["d"])
    if day is None or not 1 <= day <= 31:
        return m.group(0)
    return f"{'这个月' if day >= today.day else '下个月'}{m['d']}号"


# A title to read a date typed alone ("下个月初") with the reminder parser itself (dialogs/tracking/remind.py).
REMINDER_PLACEHOLDER = "事项"
