"""Reading a dated item a director types for an own reminder: "自评完成 3月15日", "3/15 自评完成",
"2027-03-15 交材料", "交材料 明年3月15日", "28年5月1日 验收", "下周五 开会", "月底 交表",
"下个月15号 上报", "农历三月十五 交材料", "正月初八 开工".

A date without a year means the next such date from today (today included); a lunar date (农历…,
正月/腊月, 初八) is converted to the solar calendar with lunardate (a maintained, pure-Python lunar
calendar for 1900–2099) and the lunar form is kept so the reply can say both. The date words never
stay in the title. Input vocabulary lives here; what we answer lives in dialogs/texts/tracking.py,
keyed by the error codes below.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from lunardate import LunarDate

from core.lazy_re import lazy
from core.text import chinese_int, simplified
from dialogs import loose_day_words as loose
from dialogs.date_math import MAX_YEARS_AHEAD as MAX_YEARS_AHEAD
from dialogs.date_math import DateError, add_months, just_passed, lunar_to_solar, resolve, within_reach
from dialogs.day_words import as_dates
from dialogs.festival_words import AFTER_FESTIVAL, FESTIVAL, eve, festival_day
from dialogs.festival_words import EVE_LABEL as EVE_LABEL
from dialogs.texts import tracking as T

MAX_TITLE_CHARS = 40

_N = "0-9〇零一二两三四五六七八九十廿"
_DAY = rf"[{_N}]{{1,3}}"
# 2027年 and 二〇二七年 before a lunar date (2027年腊月三十) are its year: before, the year stayed in the
# title and the date was another year's (brk9 D6). A solar one is _FULL's.
_CN_DIGIT = "[〇零一二三四五六七八九]"
_YEAR_WORD = rf"(?P<year>今年|明年|后年|(?<![0-9])(?:[0-9]{{4}}|[0-9]{{2}})年|(?:{_CN_DIGIT}{{4}}|{_CN_DIGIT}{{2}})年)"
_FULL = lazy(rf"(?<![0-9])(?P<y>[{_N}]{{4}})\s*[-/.年]\s*(?P<m>[{_N}]{{1,3}})\s*[-/.月]\s*(?P<d>{_DAY})\s*[日号]?")
# 3月15日, 明年3月15日, 下个月15号, 月底, 下个月初, 28年5月1日.
_MONTH_DAY = lazy(
    rf"(?:{_YEAR_WORD}\s*)?(?P<m>本月|这个月|下下个?月|下个?月|[{_N}]{{1,3}}\s*月|(?<![个每正冬腊])月)"
    rf"\s*(?P<d>(?:{_DAY})\s*[日号]?|底|末|初(?![{_N}])|中(?!旬))"
)
_SLASH = lazy(r"(?<![0-9/])(?P<m>[0-9]{1,2})\s*/\s*(?P<d>[0-9]{1,2})(?![0-9/])")
# 农历三月十五, 阴历八月十五, 正月十五, 腊月二十三, 农历闰四月初一, 三月初三 (初X is a lunar day).
# 过完年初八, 大年初三, 年后初十: the days after the new year are 正月's (newcomer trial 5, N16).
_LUNAR_MONTH = rf"(?:(?P<leap>闰)?(?P<m>正|冬|腊|[{_N}]{{1,2}})月|(?P<newyear>过完年|过了年|过年|大年|年后的?))"
_LUNAR = lazy(
    rf"(?:{_YEAR_WORD}\s*)?(?P<mark>农历|阴历|旧历)?\s*{_LUNAR_MONTH}\s*(?P<d>初[一二三四五六七八九十]|{_DAY}|[底末])[日号]?"
)  # 正月底, 农历三月底: the lunar month's last day (腊月底 is the eve: festival_words)
_WEEKDAY = lazy(r"(?P<which>这个?|本|下下个?|下个?)?(?:周|星期|礼拜)(?P<w>[一二三四五六日天1-7])")
# Short forms a director may type: 卅 (thirty, cn2an reads 廿 only); 曰 for 日 after a number.
_SHORT_FORMS = ((re.compile("卅"), "三十"), (re.compile(rf"(?<=[{_N}])曰"), "日"))
_TITLE_TRIM = " \t,，、:：;；-—~～.。!！"
_APART = " \t,，、:：;；-—~～?？!！.。"  # what sets a date apart from its title
_TITLE_EDGE_WORDS = ("之前", "以前", "前", "的时候", "时", "在", "于", "当天", "那天", "当日")  # 清明节当天 (brk9)
# Asking whether a day is the day (R1): a copula or 是不是 right before the date ("截止日期是不是 6月30日"),
# only question marks or particles after it ("截止 6月30日吗"), or a title that is only a deadline word
# ("6月30日 截止吗"). "提醒我" makes any text a reminder request.
# "3/4 过半", "2/3以上": a fraction said of a share (过半, 以上 …), not a day and its task (newcomer trial leftover)
_SHARE_SAID = lazy(r"^[\s,，、:：;；]*(?:过半|超过一半|一半|以上|以下|左右|不到|出头|多一点|都不到)")
_ASKED_BEFORE_DATE = lazy(r"(?:是不是|是否|不是|就是|还是|是|为)\s*$")
_ASKING_TAIL = "吗么嘛呢吧啊?？"
_DATE_PREDICATES = frozenset({"截止", "截止日期", "截止时间", "截至", "到期", "结束", "最后一天", "开始", "期限"})
_REMIND_ME = lazy(r"^(?:请|麻烦|记得|到时候?)?提醒(?:我|一下|下)")
_WEEKDAYS = "一二三四五六日"
_LUNAR_MONTH_WORDS = {"正": 1, "冬": 11, "腊": 12}


@dataclass(frozen=True)
class ParsedReminder:
    """A reminder's title and solar date; `lunar` is the lunar date as typed ("农历三月十五"), when it was one."""

    title: str
    date: dt.date
    lunar: str | None = None


@dataclass(frozen=True)
class _Found:
    span: tuple[int, int]
    date: dt.date | DateError
    lunar: str | None = None


def parse_reminder(text: str, today: dt.date) -> ParsedReminder | DateError:
    """The title and date of an own reminder, or why the text is not one. Explicit dates win over
    relative words: in "2026年3月10日 今天的事" the 今天 belongs to the title."""
    text, spoken = as_dates(_normal(text), today)  # 小年, 十五号 (N19)
    if loose.RECURRING.search(text):
        return "recurring"
    found = _dates(text, today, reminder=True)
    if not found:
        return "after_festival" if AFTER_FESTIVAL.search(text) else "no_date"
    if len(found) > 1:
        return "several_dates"
    item = found[0]
    if isinstance(item.date, str):
        return item.date
    title = _title(text, item.span)
    if not title:
        return "no_title"
    if len(title) > MAX_TITLE_CHARS:
        return "title_too_long"
    return ParsedReminder(title, item.date, f"{item.lunar}，{spoken}" if item.lunar and spoken else item.lunar)


def date_in(text: str, today: dt.date) -> dt.date | None:
    """The one good date a question names (下个月底 -> the last day of next month, 下周五, 3月15日);
    None for none, several or one that cannot be (2月30日, past)."""
    text = as_dates(_normal(text), today)[0]
    found = _dates(text, today, reminder=False)
    return found[0].date if len(found) == 1 and not isinstance(found[0].date, str) else None


def remind_me_undated(text: str, today: dt.date) -> str | None:
    """The matter of "提醒我交材料" — a reminder asked for without its date — or None."""
    text = _normal(text)
    said = _REMIND_ME.match(text)
    if said is None or parse_reminder(text, today) != "no_date":
        return None
    title = text[said.end() :].strip(" ，,。.!！")
    return title if title and len(title) <= MAX_TITLE_CHARS else None


def refused_reminder(text: str, today: dt.date) -> DateError | None:
    """Why "提醒我 …" cannot be added as it stands (its date is past, cannot be, is too far, or is no day),
    else None: asked for in so many words, it is a reminder, never a question to search (brk10: 提醒我
    2026年13月1日 交材料 was declined as a question the texts do not answer)."""
    parsed = parse_reminder(text, today) if _REMIND_ME.match(_normal(text)) else None
    return parsed if isinstance(parsed, str) and parsed not in ("no_date", "no_title") else None


def reads_as_reminder(text: str, today: dt.date) -> bool:
    """Whether the text is laid out as the prompt asks, 事项 + 日期: one good date standing apart from
    the title, at the end ("问区卫健委要交什么材料 3月15日") or at the start before a space or a mark
    ("3月15日 打电话问问截止时间吗"). A date inside a sentence ("6月30日前要交什么材料？", "截止是不是
    6月30日吗") is part of a question, not a reminder's date (breaker trial 2, finding 5)."""
    text = as_dates(_normal(text), today)[0]
    parsed = parse_reminder(text, today)
    if not isinstance(parsed, ParsedReminder) or not any(unicodedata.category(c)[0] == "L" for c in parsed.title):
        return False  # "3月15日？" asks about a day: there is no 事项
    found = _dates(text, today, reminder=True)
    start, end = found[0].span
    before, after = text[:start], text[end:]
    if _REMIND_ME.match(text):
        return True
    if _asks_about_the_date(before, after) or ("/" in text[start:end] and _SHARE_SAID.match(after)):
        return False
    if not after.strip(_TITLE_TRIM):  # the date ends the text, apart from its title
        return bool(before) and before[-1] in _APART
    return not before.strip() and (after[0] in _APART or text[end - 1].isspace())  # "2027-03-15 " ends in its space


def _asks_about_the_date(before: str, after: str) -> bool:
    """The text asks whether the date is the day of something, rather than naming a task for it."""
    if _ASKED_BEFORE_DATE.search(before):
        return True
    rest = after.strip(_TITLE_TRIM)
    if rest and not rest.strip(_ASKING_TAIL + _TITLE_TRIM):
        return True  # "截止 6月30日吗", "交材料 3月15日？"
    core = re.sub(r"^(?:是不是|是否|是)", "", rest.rstrip(_ASKING_TAIL + _TITLE_TRIM))
    return core in _DATE_PREDICATES and core != rest


def _normal(text: str) -> str:
    text = simplified(unicodedata.normalize("NFKC", text)).strip()
    for pattern, full in _SHORT_FORMS:
        text = pattern.sub(full, text)
    return text


Reader = Callable[[re.Match[str], dt.date], "_Found | None"]


def _dates(text: str, today: dt.date, reminder: bool) -> list[_Found]:
    """The dates the text names: explicit ones first, else relative ones; for a reminder, else a week
    named alone (下周: its Monday)."""
    found = _find(text, today, _EXPLICIT + (_DOTTED if reminder else ())) or _find(text, today, _RELATIVE_READERS)
    return found or (_find(text, today, _WEEKS) if reminder else [])


def _find(text: str, today: dt.date, readers: tuple[tuple[re.Pattern[str], Reader], ...]) -> list[_Found]:
    found: list[_Found] = []
    for pattern, read in readers:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in (f.span for f in found)):
                continue  # "2027年3月15日" also contains "3月15日"
            item = read(m, today)
            if item is not None:
                found.append(item)
    return found


def _title(text: str, span: tuple[int, int]) -> str:
    before, after = text[: span[0]].strip(_TITLE_TRIM), text[span[1] :].strip(_TITLE_TRIM)
    before = _REMIND_ME.sub("", before).strip(_TITLE_TRIM)  # "提醒我 6月30日 交材料": the task is 交材料
    after = _REMIND_ME.sub("", after).strip(_TITLE_TRIM)  # "三天后 提醒我准备材料" (trial 11, N7)
    for word in _TITLE_EDGE_WORDS:  # "3月15日前交材料", "在下周五开会"
        before = before.removesuffix(word) if before.endswith(word) and len(before) > len(word) else before
        after = after.removeprefix(word).strip(_TITLE_TRIM) if after.startswith(word) else after
    title = re.sub(r"\s+", " ", f"{before} {after}").strip(_TITLE_TRIM)
    return title


# --- readers: each turns one match into a date, or None when the numbers are not numbers -----------


def _year_of(word: str | None, today: dt.date) -> int | None:
    if not word:
        return None
    offsets = {"今年": 0, "明年": 1, "后年": 2}
    if word in offsets:
        return today.year + offsets[word]
    short = chinese_int(word.removesuffix("年"))  # "28年", "二八年"; "2027年" whole
    return None if short is None else short if short >= 1000 else 2000 + short


def _read_full(m: re.Match[str], today: dt.date) -> _Found | None:
    year, month, day = chinese_int(m["y"]), chinese_int(m["m"]), chinese_int(m["d"])
    if year is None or month is None or day is None:
        return None
    return _Found(m.span(), resolve(year, month, day, today))


def _read_month_day(m: re.Match[str], today: dt.date) -> _Found | None:
    word = m["m"].replace(" ", "")
    shift = {"本月": 0, "这个月": 0, "月": 0, "下月": 1, "下个月": 1, "下下月": 2, "下下个月": 2}.get(word)
    year = _year_of(m["year"], today)
    if shift is not None:
        if year is not None:
            return None  # 明年下个月 is no date anyone writes
        first = add_months(today.replace(day=1), shift)
        year, month = first.year, first.month
    else:
        month = chinese_int(word.removesuffix("月"))
        if month is None:
            return None
    day_word = m["d"].replace(" ", "").rstrip("日号")
    if day_word in ("底", "末", "初", "中"):
        if not 1 <= month <= 12:
            return _Found(m.span(), "no_such_day")
        if year is None:  # 月底 of a month named without a year: the next one still to come
            year = today.year if (today.year, month) >= (today.year, today.month) else today.year + 1
        last = calendar.monthrange(year, month)[1]
        day = {"底": last, "末": last, "初": 1, "中": 15}[day_word]
        if word == "月" and day_word == "初" and today.day > 1:  # 月初 said in mid-month: next month's
            nxt = add_months(today.replace(day=1), 1)
            year, month = nxt.year, nxt.month
        return _Found(m.span(), resolve(year, month, day, today))
    day = chinese_int(day_word)
    if day is None:
        return None
    return _next_year_said(m.span(), year, month, day, today)


def _read_slash(m: re.Match[str], today: dt.date) -> _Found | None:
    return _next_year_said(m.span(), None, int(m["m"]), int(m["d"]), today)


def _next_year_said(span: tuple[int, int], year: int | None, month: int, day: int, today: dt.date) -> _Found:
    """The date; a day typed without its year that passed a few days ago (11月30日 on 12月1日) is the next
    one, and the reply says so: never taken a year on silently (brk9 D9)."""
    date = resolve(year, month, day, today)
    if year is None and not isinstance(date, str) and just_passed(month, day, today):
        return _Found(span, date, T.PASSED_THIS_YEAR.format(month=month, day=day, year=date.year))
    return _Found(span, date)


def _read_lunar(m: re.Match[str], today: dt.date) -> _Found | None:
    month_word, day_word = m["m"] or "正", m["d"]
    lunar_day_form = day_word.startswith("初") or day_word.startswith("廿")
    if day_word in ("底", "末") and (m["newyear"] or not (m["mark"] or month_word in _LUNAR_MONTH_WORDS)):
        return None  # 三月底 without 农历 is solar; 过年底 is nothing
    if m["newyear"] and not lunar_day_form:
        return None  # 年后15号 is no lunar date
    if not (m["mark"] or month_word in _LUNAR_MONTH_WORDS or lunar_day_form):
        return None  # "三月十五" without 农历 is a solar date
    month = _LUNAR_MONTH_WORDS.get(month_word) or chinese_int(month_word)
    day = chinese_int(day_word.removeprefix("初")) if day_word.startswith("初") else chinese_int(day_word)
    if month is None or (day is None and day_word not in ("底", "末")):
        return None
    label = m.group(0).strip().removeprefix(m["year"] or "").strip().replace(m["newyear"] or "\0", "正月")
    if not label.startswith(("农历", "阴历", "旧历")):
        label = "农历" + label
    year = _year_of(m["year"], today)
    if (month, day, bool(m["leap"])) == (12, 30, False):  # 腊月三十 is the eve, a 29-day 腊月's too (brk9 D5)
        last = eve(today) if year is None else LunarDate(year + 1, 1, 1).to_solar_date() - dt.timedelta(days=1)
        short = LunarDate.from_solar_date(last.year, last.month, last.day).day == 29
        label = T.EVE_OF_SHORT_MONTH.format(lunar=label) if short else label
        return _Found(m.span(), "past" if last < today else within_reach(last, today), label)
    return _Found(m.span(), lunar_to_solar(year, month, day, bool(m["leap"]), today), label)


def _read_weekday(m: re.Match[str], today: dt.date) -> _Found | None:
    w = m["w"]
    weekday = 6 if w in "日天7" else (int(w) - 1 if w.isdigit() else _WEEKDAYS.index(w))
    which = (m["which"] or "").rstrip("个")
    monday = today - dt.timedelta(days=today.weekday())
    if which in ("这", "本"):
        date = monday + dt.timedelta(days=weekday)
    elif which in ("下", "下下"):
        date = monday + dt.timedelta(days=7 * len(which) + weekday)
    else:  # 周五: the next Friday, today included
        date = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    return _Found(m.span(), date if date >= today else "past")


def _read_festival(m: re.Match[str], today: dt.date) -> _Found | None:
    day = festival_day(m, today)
    return None if day is None else _Found(m.span(), within_reach(day[0], today), day[1])


_EXPLICIT: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (_LUNAR, _read_lunar),
    (_FULL, _read_full),
    (_MONTH_DAY, _read_month_day),
    (_SLASH, _read_slash),
)


# 12.31, 3.15号: a reminder's only — in a question 3.5亩 or 1.5个 is a figure (loose_day_words.DOTTED)
_DOTTED: tuple[tuple[re.Pattern[str], Reader], ...] = ((loose.DOTTED, _read_slash),)


def _loose(read: Callable[[re.Match[str], dt.date], tuple[dt.date | DateError, str | None] | None]) -> Reader:
    """A reader of dialogs/loose_day_words.py as one of these (its date and label at the match's span)."""
    return lambda m, today: None if (said := read(m, today)) is None else _Found(m.span(), *said)


_RELATIVE_READERS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (loose.SAME_DAY_LATER, _loose(loose.same_day_later)),
    (_WEEKDAY, _read_weekday),
    (FESTIVAL, _read_festival),
    (loose.COUNTED, _loose(loose.counted)),
)
# A reminder's only (loose_day_words.py): 下周 alone, 年底.
_WEEKS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (loose.WEEK_ALONE, _loose(loose.week_alone)),
    (loose.YEAR_END, _loose(loose.year_end)),
    (loose.PAST_DAY, _loose(loose.past_day)),
)
