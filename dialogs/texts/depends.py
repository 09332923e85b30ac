"""Texts of replies that say an answer depends on something the question names or leaves out: a barring
situation without every condition of its rule (dialogs/qa/bar_depends.py), a deadline that moves when
it falls in a named holiday (dialogs/qa/holiday_moved.py)."""

BAR_DEPENDS = (
    "❔ 要看具体情况：文件的条件是“{rule}”（{source}）。您没说{missing}。如果这些都成立，按规定不能申请验收；"
    "只要有一条不成立，这一条就不影响申请。"
)
BAR_CONDITIONS = {
    "grade": "事故是否经鉴定定性为二级及以上",
    "responsibility": "机构是否负主要责任",
    "window": "事故是否在申请前两年内（例如“前年”要看具体日期）",
}
BAR_JOIN = "，"
BAR_BELOW = (
    "✅ 这一条不影响申请：文件的条件是“{rule}”（{source}）。您说的是{said}，不在“{bar}”之内；"
    "以医疗事故技术鉴定的结论为准，两年内如果还有{bar}、负主要责任的事故，才不能申请验收。"
)

POSTPONE_WORD = "顺延"
MONTH_SAID = "{month}月的节假日"  # a month asked (holiday_moved.py), said where a holiday is named
HOLIDAY_MOVED = "📅 赶上{holiday}：“{title}”原定{original}，遇法定节假日顺延到{moved}（节后第一个工作日）。"
HOLIDAY_MOVED_SWAPPED = (
    "📅 赶上{holiday}：“{title}”原定{original}，遇法定节假日顺延到{moved}（节后第一个工作日：这天是调休上班日）。"
)
