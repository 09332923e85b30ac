"""The bot's own features asked for in words (newcomer trial 4, F35): "我想做个自评" is /check, "帮我设个提醒"
/remind, "删除我的数据" /forget (which still asks to confirm), "看看我的申报进度" /status, "换个地区" /region;
and a command typed with the slash a Chinese keyboard gives ("、check", "／status"). Not a policy question.

Input vocabulary (words we recognise), not words we show: the replies live in dialogs/texts/."""

from __future__ import annotations

import re

from core.text import fold, simplified

# A slash as a Chinese input method types it (、 for /, the full-width ／), then a command's name.
_SLASH_LIKE = re.compile(r"^[、／/]\s*(?P<name>[a-z]+)(?:@\w+)?(?:\s+(?P<args>.*))?$", re.S)  # /status@mybot too
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
        "提醒我", "提醒", "提醒功能", "开提醒", "打开提醒", "删除提醒", "删掉提醒", "删除自定义提醒",
    ),
    "forget": (
        "删除我的数据", "删掉我的数据", "删除数据",
        "清除我的数据", "清空我的数据", "删除我的信息", "删除全部数据",
        "注销", "注销账号", "注销账户", "注销我的账号", "删号", "销号",
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
# Deleting one's data said in other words (breaker B18): 把我的信息删了, 清除记录, 删掉全部资料, 我的数据都清空. What is
# deleted is one's own data as a whole — 删除提醒 / 删掉第一个提醒 is a reminder, read by /remind.
_MINE = (
    r"(?:我的|我们的|本人的|个人)?(?:所有|全部|全部的|所有的)?"
    r"(?:信息|数据|记录|资料|账号|账户|聊天记录|个人信息|个人数据)"
)
_DONE_WITH = r"(?:我|我们)?(?:不用了|不需要了|不想用了|不再用了|用完了)?"  # 我不用了，把我的数据删了
_FORGET = re.compile(
    rf"^{_DONE_WITH}(?:把|将)?{_MINE}(?:都|全|全部|统统)?(?:删了|删掉|删除|删|清除|清空|清掉|清了|清|抹掉|销毁)(?:掉)?$"
    rf"|^{_DONE_WITH}(?:删了|删掉|删除|清除|清空|清掉|抹掉|销毁)(?:掉)?{_MINE}$"
)
# What is left of "吉林省的" once its place is read; a closing mark or particle (北京。 北京！ 北京吧: brk9 R1)
# leaves a place alone too.
PLACE_ENDINGS = " 省市区县的。.!！?？~～…，,吧呢啊呀哦"
# A place asked after a question, in a message of its own (dialogs/follow_up.py: 北京呢, 那渝中那边呢, 全国的怎么样):
# it asks "and there?" — 呢, or 怎么样/咋样/如何 — at its end, possibly with 的/那边 between (北京 alone is no
# follow-up); what stands around the question's words once its places are cut out.
ASKS_THERE = r"(?:呢|怎么样|咋样|如何)[\s?？。!！~～…]*$"
AROUND_ASKED = " ，,、的"
# The same, asked as a comparison (brk11 B7): 跟国家比, 和北京比一下呢, 北京和吉林比呢, 对比一下渝中 — the places
# between the words, compared on the question last answered (dialogs/qa/compare.py reads "吉林和国家比，…").
COMPARED_THERE = (
    r"^(?:那|那么)?(?:再)?(?:跟|和|与|同|对比一下|比较一下|对比|比较)?(?P<places>[^，,。？?]{1,16}?)"
    r"(?:比|比较|对比|相比|比一下|比比|对比一下|比较一下)(?:一下)?(?:呢|的话|怎么样|如何|有什么不同|有啥不同)?"
    r"[\s?？。!！~～…]*$"
    r"|^(?:那|那么)?(?:再)?(?:对比一下|比较一下|对比|比较)(?P<places2>[^，,。？?]{1,16}?)(?:呢|的)?[\s?？。!！~～…]*$"
)
COMPARED_JOINERS = "和跟与同及、，,的"
COMPARED_ASKED, COMPARED_AND = "{places}比，{asked}", "和"  # how the comparison is put to dialogs/qa/compare.py
# 除了X还有什么 said alone after a question (申报要交哪些材料 → 除了申请表还有什么): that question, besides X (brk11 B8)
BESIDES_THERE = (
    r"^(?:那|那么)?除了(?P<besides>[^，,。？?]{1,16}?)(?:以外|之外|外)?[，,]?(?:还有|还要|还需要|还得|另外还有|别的)?"
    r"(?:什么|啥|哪些|别的|其他的|其他|吗|没有|呢)?[\s?？。!！~～…]*$"
)
BESIDES_ASKED = "除了{besides}，{asked}"
BESIDES_LEAD = r"^除了[^，,]*[，,]"  # a 除了X already in front of the last question, replaced by the new one
# What named the text the last question was about (吉林2020年的方案, 5号文, 〔2024〕17号): not asked again of another
# place, whose texts have other years and numbers ("那北京的呢" after 吉林2020年的方案还有效吗: brk11 B9).
OWN_DOCUMENT = (
    r"(?:19|20)\d\d年(?:的|发的|出的|印发的|版的|版)?(?=方案|文件|通知|文|那个|那份|这个|这份|行动|实施|工作)"
    r"|[〔\[(（]\s*(?:19|20)\d\d\s*[〕\])）]\s*\d+\s*号(?:文件|文)?|\d+\s*号文(?:件)?|\d+\s*号(?=的|那个|那份|这个|这份)"
)
# a 文号 of the last place's text, asked of another place: that place's plan
DOCUMENT_THERE, DOCUMENT_NUMBER_MARK = "方案", "号"
# A region change said in words with its place (breakers B8, B20): 换到吉林, 改成渝中, 切换到全国, 地区改为北京;
# where the director says they are: 我在长春, 我们是朝阳区的, 本院位于渝中区. The words between are handed to
# /region, which reads them as a place (and does nothing with words that are not one).
_CHANGE_TO = re.compile(
    r"^(?:能不能|可不可以|能|可以)?(?:把|将)?(?:我的)?(?:地区|所在地区|地方|区域|所在地)?(?:换到|换成|换为|改到|改成|改为"
    r"|切换到|切换成|切换为|切到|切成|转到|设为|设成|设置为|设置成|选择|改选|换|选)(?P<place>.+?)"
    r"(?:地区|的|吧|了|去|吗|嘛|文件|方案)*$"
)
_LOCATED = re.compile(
    # a hedge may come first (其实我们是北京的, 对了我们在海淀: brk9 R3), as it may after the subject
    r"^(?:其实|实际上|说实话|对了|哦|噢|嗯|抱歉|不好意思|忘了说|补充一下)?"
    r"(?:我|我们|本院|我院|本单位|我单位|我们单位|我们医院|我们中心|我们卫生院)(?:这里|这边|现在)?"
    r"(?:其实|实际上|实际|本来|原本|都)?(?:是在|是|在|位于|地处|来自|属于)(?P<place>.+?)(?:的|这边|那边|地区|这里)*$"
)


def typed_command(text: str, known: frozenset[str] | set[str]) -> tuple[str, str] | None:
    """(command, arguments) when `text` asks for one of the `known` commands in words or with a 、 slash."""
    t = simplified(fold(text)).strip()
    m = _SLASH_LIKE.match(t)
    if m and m["name"] in known:
        return m["name"], (m["args"] or "").strip()
    core = _AROUND.sub("", re.sub(r"[\s,，。.!！~～?？]+", "", t))
    name = _WISH_OF.get(core) or ("forget" if _FORGET.match(core) else None)
    return (name, "") if name in known else None


def region_change(text: str) -> str | None:
    """The words naming the place when `text` says to change the region to it, or where the director is
    (换到吉林 -> 吉林, 我们是朝阳区的 -> 朝阳区); None otherwise. Whether they name a place is /region's to read."""
    t = re.sub(r"[\s,，。.!！~～]+", "", simplified(fold(text)))
    core = _AROUND.sub("", t)
    found = _CHANGE_TO.match(core) or _LOCATED.match(core)
    return found["place"] if found else None


def located_at(text: str) -> str | None:
    """The words naming the place when `text` says where the director is (我们其实是北京通州的 -> 北京通州), not
    a change asked for (换到吉林): in the middle of /check it is offered, never carried out (trial 7, N2)."""
    t = re.sub(r"[\s,，。.!！~～]+", "", simplified(fold(text)))
    found = _LOCATED.match(_AROUND.sub("", t))
    return found["place"] if found else None


# Closing particles a statement may end with ("我们还在准备申请呢"): not a question mark.
STATEMENT_PARTICLES = "呢吧啊呀哦"
