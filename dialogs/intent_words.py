"""The bot's own features asked for in words (newcomer trial 4, F35): "我想做个自评" is /check, "帮我设个提醒"
/remind, "删除我的数据" /forget (which still asks to confirm), "看看我的申报进度" /status, "换个地区" /region;
and a command typed with the slash a Chinese keyboard gives ("、check", "／status"). Not a policy question.

Input vocabulary (words we recognise), not words we show: the replies live in dialogs/texts/."""

from __future__ import annotations

import re

from core.text import fold, simplified

# A slash as a Chinese input method types it (、 for /, the full-width ／), then a command's name.
_SLASH_LIKE = re.compile(r"^[、／/]\s*(?P<name>[a-z]+)(?:\s+(?P<args>.*))?$", re.S)
# Said around the wish: 我想 / 帮我 / 请 … 吧 / 一下.
_AROUND = re.compile(
    r"^(?:请|麻烦|帮我|给我|我想|我要|想|要|我们想|我们要|现在|那就|那)*|(?:吧|一下|呗|呢|了|啊|哈|哦|好吗|可以吗)*$"
)
_WISHES: dict[str, tuple[str, ...]] = {
    "check": (
        "做个自评", "做自评", "做一下自评", "开始自评",
        "自评", "做个自我评估", "做下自评", "自己评一评", "测一测能不能申请",
    ),
    "remind": (
        "设个提醒", "设置提醒", "设置个提醒", "加个提醒",
        "添加提醒", "新建提醒", "设提醒", "定个提醒", "提醒设置",
    ),
    "forget": (
        "删除我的数据", "删掉我的数据", "删除数据",
        "清除我的数据", "清空我的数据", "删除我的信息", "删除全部数据",
    ),
    "status": (
        "看看我的申报进度", "看看申报进度", "查看申报进度",
        "我的申报进度", "申报进度", "查看进度", "看看进度",
    ),
    "region": (
        "换个地区", "换地区", "切换地区", "更换地区",
        "改地区", "换一个地区", "重新选地区", "重新选择地区",
    ),
    "stage": (
        "设置申报阶段", "设置阶段",
        "更新申报阶段", "改申报阶段",
    ),
    "mydata": (
        "看看我的数据",
        "导出我的数据", "查看我的数据",
    ),
}
_WISH_OF = {fold(w): name for name, words in _WISHES.items() for w in words}


def typed_command(text: str, known: frozenset[str] | set[str]) -> tuple[str, str] | None:
    """(command, arguments) when `text` asks for one of the `known` commands in words or with a 、 slash."""
    t = simplified(fold(text)).strip()
    m = _SLASH_LIKE.match(t)
    if m and m["name"] in known:
        return m["name"], (m["args"] or "").strip()
    core = _AROUND.sub("", re.sub(r"[\s,，。.!！~～?？]+", "", t))
    name = _WISH_OF.get(core)
    return (name, "") if name in known else None

# Closing particles a statement may end with ("我们还在准备申请呢"): not a question mark.
STATEMENT_PARTICLES = "呢吧啊呀哦"
