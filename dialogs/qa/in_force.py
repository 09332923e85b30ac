"""Questions about now ("吉林今年社区医院申报截止是啥时候", "北京那个方案现在还适用吗"): the answer
ends with which text governs the region's procedure today (knowledge/governing.py, rendered by
dialogs/render.py) — Jilin's and Beijing's loaded plans have ended, 渝中 takes applications all year.
When no entry is sure and the question asks whether a text still applies, that line is the answer,
with the related entries as buttons.

Which of a region's texts applies ("现在按2020年的方案还是2024年的？", "以哪个为准"): whatever entry
the search found, the answer is the text governing each point of the region today (procedure,
naming, who may apply, selection conditions), each named with its period and what changed — one
text rarely settles it all (吉林: 2020's conditions, 2024's procedure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from core.model import Reply
from dialogs import render
from dialogs.qa import basis
from dialogs.qa.entries import suggestion_buttons
from dialogs.qa.in_force_words import A_TEXT, BARE_STANDING, MIN_OTHER_CHARS, THIS_YEAR
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import ASKS_WHEN, MONTH_NAMED, YEAR_NAMED
from dialogs.texts import qa as T
from dialogs.texts import qa_docs as D
from knowledge.base import KnowledgeBase
from knowledge.search.intent import asks_now, cues, folded
from knowledge.search.model import SearchResult


def annotate(text: str, turn: Turn, result: SearchResult, kb: KnowledgeBase, today: dt.date) -> Turn:
    """The turn with the governing text of its region's procedure today added, when the question asks
    about now and the reply does not already say it; unchanged otherwise. A question asking which
    text applies gets the governing text of every point instead (`which_text`). A "when" question
    answered only with past years (渝中 验收啥时候交 → 2021's 11月10日) gets that line FIRST: what
    applies today (2022年起常态化受理; or that the loaded plan has ended, whom to ask) wins over a past
    calendar (newcomer trial 3, F8) — when that line tells of a later period than the answer's dates;
    a line that does not (national: 317号's 评估 for its own 2021 date) follows the answer (trial 4, F4)."""
    asked = asks_now(text)
    # only a sure answer's dates: a likely one opens "💡 我理解您问的是…", and the prefix glued in front
    # of that read as broken text (newcomer trial 4, F38)
    # the dates of the answer itself, not of a 📜 line already under it ("2026年12月1日适用…")
    dated = "\n".join(x for x in turn.text.split("\n") if not x.startswith(D.GOVERNING_MARK))
    dated_past = turn.decision == "answer" and _past_calendar(text, dated, today)
    past = not asked and dated_past
    # "今年…啥时候截止" in a region whose dated steps are all past: what holds today leads, the old dates
    # follow as history — a director on a phone took 2022年8月31日 for this year's (newcomer trial 7, N6)
    now_past = asked == "now" and dated_past
    # "北京今年要新建几家" answered with 2022's figures: that this year's are not loaded leads, or the old
    # target reads as this year's (newcomer trial 8, N6)
    past_year = _past_year_figures(text, dated, today) if turn.decision == "answer" and not dated_past else None
    region = turn.region or result.region
    if asked == "which" and region:
        # 评估…看哪个文件 asks the step's basis (s9b010), not which text governs
        which = basis.reply(text, turn, result, kb, today) or which_text(turn, result, kb, region, today)
        if which is not None:
            return which
    line = render.procedure(kb, region, today) if (asked or past) and region else ""
    # said already, maybe joined with another point's name (…程序；哪些机构建设社区医院：本助手收录的…)
    if not line and past_year is not None and turn.answered:
        first = turn.replies[0]
        lead = T.PAST_YEAR_FIGURES.format(year=today.year, past=past_year)
        return replace(turn, replies=(replace(first, text=lead + "\n" + first.text), *turn.replies[1:]))
    if not line:
        return turn
    # said at the end already (the entry's own 📜 line): moved to the front when the dates are all past
    moved = now_past and turn.answered and line in turn.replies[0].text
    if not moved and past_year is None and (line in turn.text or line.split("：", 2)[-1] in turn.text):
        return turn
    if turn.answered:
        first = turn.replies[0]
        if moved:
            first = replace(first, text="\n".join(x for x in first.text.split("\n") if x != line))
        if past_year is not None:
            first = replace(first, text=T.PAST_YEAR_FIGURES.format(year=today.year, past=past_year) + "\n" + first.text)
        if now_past or (past and _names_later_year(line, turn.text, today)):
            body = line + "\n" + T.PAST_CALENDAR + first.text
        elif past:
            body = T.PAST_CALENDAR + first.text + "\n" + line
        elif line in first.text or line.split("：", 2)[-1] in first.text:
            body = first.text  # the 📜 line said already: only the year's lead added
        else:
            body = first.text + "\n" + line
        replies = (Reply(body, first.buttons, first.document), *turn.replies[1:])
        return replace(turn, kind="in_force", replies=replies)
    if asked not in ("in_force", "which"):
        return turn
    if _about_something_else(text):
        return turn  # 驾驶证到期了在哪换: 到期 of no text of ours is out of scope, not a text's standing (s7a108)
    replies = [Reply(T.IN_FORCE_HEADER + "\n" + line)]
    if result.answers:
        replies.append(Reply(T.IN_FORCE_RELATED, suggestion_buttons(result.answers)))
    return replace(turn, kind="in_force", decision="answer", replies=tuple(replies), suggestions=result.answers)


def which_text(turn: Turn, result: SearchResult, kb: KnowledgeBase, region: str, today: dt.date) -> Turn | None:
    """ "Which text applies": the governing line of each of the region's points today (points said
    the same way joined), the related entries as buttons. None for a region governing.yaml does
    not list."""
    info = kb.governing.regions.get(region)
    if info is None or not info.points:
        return None
    lines = render.governing_lines(kb, [kb.governing.on(region, p, today) for p in info.points])
    several = len(info.points) > 1
    header = T.IN_FORCE_WHICH.format(region=render.region_name(kb, region)) if several else T.IN_FORCE_HEADER
    replies = [Reply(header + "\n" + "\n".join(lines))]
    if result.answers:
        replies.append(Reply(T.IN_FORCE_RELATED, suggestion_buttons(result.answers)))
    return replace(
        turn, kind="in_force", decision="answer", replies=tuple(replies), suggestions=result.answers, region=region
    )


def _about_something_else(text: str) -> bool:
    """The question names no text (方案, 文件, 17号文 …) and says more than its in-force words (驾驶证到期了去哪换,
    not 这个还管用吗): what has expired is something else."""
    if A_TEXT.search(text):
        return False
    rest = folded(text)
    for word in sorted(cues().in_force, key=len, reverse=True):
        rest = rest.replace(word, "")
    return len(BARE_STANDING.sub("", rest)) >= MIN_OTHER_CHARS


def _past_calendar(question: str, answer: str, today: dt.date) -> bool:
    """The question asks when, the answer gives a month or a date, and every year it names is
    before `today`'s."""
    years = [int(y) for y in YEAR_NAMED.findall(answer)]
    return bool(ASKS_WHEN.search(question) and MONTH_NAMED.search(answer) and years and max(years) < today.year)


def _names_later_year(line: str, answer: str, today: dt.date) -> bool:
    """The governing line names a year after the first year the answer names (2022年起常态化受理 after
    2021年's calendar): what it says is news to a reader of the old dates, so it goes first. Today's
    year does not count: every line starts "2026年12月1日适用…"."""
    years = [int(y) for y in YEAR_NAMED.findall(answer)]
    later = [int(y) for y in YEAR_NAMED.findall(line) if int(y) != today.year]
    return bool(years) and any(y > min(years) for y in later)


def _past_year_figures(question: str, answer: str, today: dt.date) -> str | None:
    """ "今年…几家 / 多少" (this year's figure, not a date) answered only with earlier years' figures: those
    years ("2022年"), else None."""
    if not THIS_YEAR.search(question) or ASKS_WHEN.search(question):
        return None
    years = sorted({int(y) for y in YEAR_NAMED.findall(answer)})
    if not years or max(years) >= today.year:
        return None
    return T.PAST_YEAR_ONE.format(year=years[0]) if len(years) == 1 else T.PAST_YEARS_UP_TO.format(year=years[-1])
