"""The knowledge layer's Chinese wording around its data: which text governs on a date (for every
front end: check, deadlines, the questionnaire result, /status, the nudges, the Q&A), a document's
period, and the force of a criterion. Policy facts themselves live in knowledge/data; these are the
fixed phrases around them. (knowledge/ may not import dialogs/texts, hence a module here.)
"""

from __future__ import annotations

import datetime as dt

from knowledge.documents import Catalogue, DocumentInfo, Period
from knowledge.governing import Governing

# ---------------------------------------------------------------- dates and periods

DATE = "{y}年{m}月{d}日"
PERIOD = {
    "yearly-open": "{start}年起每年",
    "yearly": "{start}—{end}年",
    "one-off": "{start}年",
    "one-off-open": "{start}年起",
    "one-off-span": "{start}—{end}年",
    "rolling": "{start}年起常态化受理",
    "none-open": "{start}年起",
    "none": "{start}—{end}年",
}
PERIOD_INFERRED = "推定为"
PERIOD_JOIN = "；"
DOCUMENT = "《{short}》"


def date_text(day: dt.date) -> str:
    """2026年11月30日."""
    return DATE.format(y=day.year, m=day.month, d=day.day)


def period_text(doc: DocumentInfo) -> str:
    """ "2024—2025年", "2020年起每年", "2021年；2022年起常态化受理", "推定为2022年"."""
    return (PERIOD_INFERRED if doc.inferred else "") + PERIOD_JOIN.join(_one_period(p) for p in doc.periods)


def _one_period(p: Period) -> str:
    start, end = p.start.year, p.end.year if p.end else None
    if p.dates == "rolling":
        key = "rolling"
    elif p.dates == "yearly":
        key = "yearly" if end is not None else "yearly-open"
    elif p.dates == "one-off":
        key = "one-off-open" if end is None else "one-off" if end == start else "one-off-span"
    else:
        key = "none" if end is not None else "none-open"
    return PERIOD[key].format(start=start, end=end)


def document_text(doc: DocumentInfo) -> str:
    """How a note names a document: its 文号 ("吉卫联发〔2024〕17号"), or 《short name》 when it has none."""
    return doc.number or DOCUMENT.format(short=doc.short)


# ---------------------------------------------------------------- which text governs

GOVERNS = "{point}：{day}适用{document}（{period}）——{says}。"
CHANGED = "此前{document}（{period}）规定{says}，这一做法已由{new}改变。"
NOT_RESTATED = "{later}没有重申这一点，{day}是否仍按此执行，请向{ask}确认。"
LATEST_ENDED = "本助手收录的最新文件{document}已于{end}到期，之后的通知尚未收录。"
# Plain words for a director: what the collection reaches, not "不覆盖{day}" (newcomer trial 2, C13);
# the older text's practice is scoped to this point, since another point may still rest on it.
NOT_COVERED = "{point}：本助手收录的文件只到{end}（{document}，{period}），{day}适用的文件尚未收录。"
NOT_COVERED_OLDER = "更早的{document}（{period}）在这方面的做法已由{new}改变，不能当作现行规定。"
BEFORE_ANY = "{point}：{day}时还没有本助手收录的文件。"
ASK = "请向{ask}确认当年的安排。"
JOIN = "、"


def governing_note(g: Governing, catalogue: Catalogue) -> str:
    """One Chinese paragraph saying which text governs the point on g.today, what it says, which
    earlier text it changed, which later text is silent, and — when no loaded text covers the day —
    that the assistant has nothing current and whom to ask."""
    day = date_text(g.today)
    if g.text is not None:
        doc = catalogue[g.text.document]
        lines = [
            GOVERNS.format(
                point=g.point.name, day=day, document=document_text(doc), period=period_text(doc), says=g.text.says
            )
        ]
        lines += [
            CHANGED.format(
                document=document_text(catalogue[old.document]),
                period=period_text(catalogue[old.document]),
                says=old.says,
                new=document_text(doc),
            )
            for old in g.superseded
        ]
        if g.not_restated_by:
            later = JOIN.join(document_text(catalogue[d]) for d in g.not_restated_by)
            lines.append(NOT_RESTATED.format(later=later, day=day, ask=g.ask))
        if g.latest_ended:
            ended = catalogue[g.latest_ended]
            lines.append(LATEST_ENDED.format(document=document_text(ended), end=date_text(ended.end or g.today)))
        return "".join(lines)
    if g.lapsed is None:
        return BEFORE_ANY.format(point=g.point.name, day=day) + ASK.format(ask=g.ask)
    lapsed = catalogue[g.lapsed.document]
    lines = [
        NOT_COVERED.format(
            point=g.point.name,
            day=day,
            document=document_text(lapsed),
            period=period_text(lapsed),
            end=date_text(lapsed.end or g.today),
        )
    ]
    lines += [
        NOT_COVERED_OLDER.format(
            document=document_text(catalogue[old.document]),
            period=period_text(catalogue[old.document]),
            new=document_text(lapsed),
        )
        for old in g.superseded
    ]
    lines.append(ASK.format(ask=g.ask))
    return "".join(lines)


# ---------------------------------------------------------------- forces

FORCE = {
    "condition": "必备条件",
    "disqualifier": "否决情形",
    "principle": "“原则上”要求",
    "priority": "优先条件",
    "norm": "方案中的其他要求（人员配备、建设依托等，不是申报条件）",
    "reported": "新闻报道的数字（非正式文件）",
}
FORCE_EFFECT = {
    "condition": "未达到即不符合",
    "disqualifier": "存在即不能通过",
    "principle": "未达到时结论为有条件的不符合，能否例外文件没有写",
    "priority": "不影响是否符合",
    "norm": "只提示，不影响自评结论",
    "reported": "只提示，不单独决定结论",
}
REPORTED_ONLY = "这一结论只依据新闻报道转述的《社区医院基本标准（试行）》数字，不是正式文件原文，请对照正式文件核实。"
