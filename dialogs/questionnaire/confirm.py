"""A yes or no to "卫生技术人员数是 2 人 吗？…请确认没有输错" (newcomer trial 5, N4): only a clear yes/no
confirms the figure — a bare one, or one followed only by words about the figure ("是的，没输错",
"对，就是2人", "不对，输错了"). "有的，全科康复中医都有" starts with a yes-word but answers another
question: it confirms nothing, and the director is asked again (the implausible value is not saved)."""

from __future__ import annotations

import re

from core.text import fold
from dialogs.words import answer_core, parse_confirmation
from dialogs.yes_no_words import FIGURE_CONFIRM_DETAIL, FIGURE_CONFIRM_LEADS

_BREAK = re.compile(r"[,，、;；:：\s]+")


def figure_confirmation(text: str, figure: str = "") -> bool | None:
    """True/False for a clear yes/no to the figure in question (`figure` as shown, "2 人"); None else."""
    sure = parse_confirmation(text)
    if sure is not None:
        return sure
    parts = _BREAK.split(fold(text), maxsplit=1)
    if len(parts) != 2:
        return None
    detail = answer_core(parts[1])
    bare = detail
    for lead in FIGURE_CONFIRM_LEADS:
        bare = bare.removeprefix(lead)
    if not (FIGURE_CONFIRM_DETAIL.match(detail) or (figure and bare == answer_core(figure))):
        return None
    return parse_confirmation(parts[0])
