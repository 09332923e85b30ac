"""Text of the tracking dialog (/stage, /status, /remind) and of `python -m bot deadlines`."""

SOURCE_INDENT = "  "

NEED_REGION = "申报阶段和截止日期因地区而异，请先选择您所在的地区。"
CHOOSE_REGION_BUTTON = "选择地区"
NO_STAGES = "{region}没有机构层面的申报阶段。"

# /stage
ASK_STAGE = "{region}的申报阶段如下，请选择您的机构目前所处的阶段："
CURRENT_STAGE = "当前阶段：{stage}。"
NO_CURRENT_STAGE = "您还没有设置申报阶段。"
STAGE_BUTTON = "{i}. {name}"
STAGE_BUTTON_CURRENT = "{i}. {name}（当前）"
ADVANCE_BUTTON = "推进到下一阶段：{name}"
STAGE_NOT_UNDERSTOOD = "没有认出这个阶段。请点选按钮，或回复序号（1–{n}）。"
# Who acts said after the stage, not in brackets: an actor's own brackets nested three deep (trial 8, N30).
STAGE_SET = "已将申报阶段设为：{stage}。\n负责：{actor}。"
STAGE_UNCHANGED = "申报阶段仍为：{stage}。"
STAGE_LAST = "“{stage}”已是最后一个阶段。"
STAGE_HINT = "输入 /status 查看截止日期和材料清单，/remind 设置提醒。"

# /status
STATUS_TITLE = "📋 申报进度"
STATUS_REGION = "地区：{region}"
STATUS_STAGE = "阶段：{stage}\n负责：{actor}"
STATUS_NO_STAGE = "阶段：尚未设置（输入 /stage 设置，之后才能按阶段提醒）"
STATUS_NEXT_STEP = "下一步：{next_step}"
STATUS_DEADLINES = "⏰ 接下来文件规定的截止日期："
# "文件规定的" (newcomer trial 3, F5): the director's own reminders listed below are not a contradiction.
STATUS_NO_DEADLINES = "⏰ 从今天到{until}，收录的文件没有规定截止日期。"
STATUS_MORE = "（另有{n}个截止日期：点“全部截止日期”或输入 /status all 查看全部）"
STATUS_ALL_BUTTON = "⏰ 全部截止日期（{n}个）"
# /status all: the loaded texts' dates already past, one per item (newcomer trial 6, N30).
STATUS_PAST_TITLE = "📜 文件规定过、已经过去的日期（每项列最后一次，只作参考）："
STATUS_PAST = "· {date}（已过）：{title}"
STATUS_AUTHORITIES = "（另有{n}个是卫生健康行政部门之间的报送日期，机构不用办理；点“全部截止日期”可以看到）"
STATUS_NOTE = "ℹ️ {note}"
STATUS_REMINDERS = "📌 您自己添加的提醒（不是文件规定的日期）："
STATUS_REMINDER_LINE = "· {date}，{left}：{title}"
CHECKLIST_TITLE = "✅ “{stage}”阶段的材料清单（点按钮勾选或取消）："
CHECKLIST_DONE = "☑"
CHECKLIST_OPEN = "☐"
CHECKLIST_LINE = "{mark} {name}"
CHECKLIST_EMPTY = "这个阶段没有需要机构准备的材料。"
CHECKLIST_PROGRESS = "已完成 {done}/{total} 项。"
TICK_BUTTON = "{mark} {name}"
TICKED = "已勾选：{name}。"
UNTICKED = "已取消勾选：{name}。"
TICK_STALE = "这个清单按钮已经过期（阶段已更改）。以下是当前的清单："

# /remind
REMIND_TITLE = "🔔 提醒设置"
REMIND_DAYS = "提前提醒：截止日期前 {days} 天"
REMIND_DAYS_SEP = "、"
REMIND_ON = "状态：已开启"
REMIND_MUTED = "状态：已静音（不会发送任何提醒）"
REMIND_SNOOZED = "状态：已推迟，{date}之前不发送提醒"
REMIND_OWN_TITLE = "自定义提醒："
REMIND_OWN_NONE = "自定义提醒：暂无。可以直接发送“事项 + 日期”添加，例如：自评完成 3月15日"
REMIND_OWN_LINE = "{i}. {date}：{title}"
REMIND_OWN_PAST = "（已过）"
REMIND_NO_DEADLINES = (
    "提示：收录的本地区文件里，从今天到{until}没有规定截止日期，所以暂时不会有按地区日期发的提醒；"
    "您自己添加的提醒照常发送。"
)
# Snoozed (newcomer trial 3, F16: "照常发送" beside "已推迟" left the director asking which is true).
REMIND_NO_DEADLINES_SNOOZED = (
    "提示：收录的本地区文件里，从今天到{until}没有规定截止日期，所以暂时不会有按地区日期发的提醒；"
    "您自己添加的提醒也在推迟期间暂停，{date}起照常发送。"
)
REMIND_STAGE_HINT = "提示：还没有设置申报阶段，目前只会按地区通用的日期提醒。输入 /stage 设置。"

BUTTON_DAYS = "修改提前天数"
BUTTON_MUTE = "静音"
BUTTON_UNMUTE = "取消静音"
BUTTON_SNOOZE = "推迟3天"
BUTTON_UNSNOOZE = "取消推迟"
BUTTON_ADD = "添加自定义提醒"
BUTTON_REMOVE = "删除 {i}. {title}"
BUTTON_DONE = "完成"
BUTTON_DEFAULT_DAYS = "恢复默认（30、7、1天）"
BUTTON_BACK = "返回"

MUTED = "已静音，不会再发送提醒。需要时在 /remind 里取消静音。"
UNMUTED = "已取消静音，会按设置发送提醒。"
SNOOZED = "好的，{date}之前不发送提醒。"
UNSNOOZED = "已取消推迟。"
REMIND_DONE = "提醒设置已保存。"
# Settings typed as words outside /remind ("推迟一周", "别提醒了").
SNOOZED_TYPED = "好的，推迟{days}天：{date}之前不发送提醒。"
SNOOZED_BUT_MUTED = "（提醒目前是静音的，取消静音后才会发送。）"
SNOOZE_TOO_LONG = "最多可以推迟{max}天。如果不需要提醒，可以发送“别提醒了”。"
TYPED_SETTING_HINT = "\n输入 /remind 可以查看或更改提醒设置。"

ASK_DAYS = "请输入截止日期前几天提醒，用空格或逗号分开，例如：30 7 1（最多{max}个，每个1–{limit}天）。"
DAYS_SET = "好的，将在截止日期前 {days} 天提醒。"
DAYS_INVALID = "没有看懂。请输入1–{limit}之间的天数，用空格或逗号分开，例如：30 7 1。"
DAYS_TOO_MANY = "最多设置{max}个提醒时间，请删减一些，例如：30 7 1。"

ASK_REMINDER = (
    "请发送事项和日期，例如：自评完成 3月15日，或 2027-03-15 交材料；也可以写“下周五”“月底”“下个月15号”"
    "“明年3月1日”或农历日期（农历三月十五）。不写年份时指最近的这一天。"
)
REMINDER_ADDED = "已添加提醒：{date}，{title}。"
# A spoken lunar day (dialogs/day_words.py), said after the lunar date it was taken as (newcomer trial 7, N19).
SPOKEN_LITTLE_NEW_YEAR = "北方的小年；南方的小年是腊月二十四，可以发“南方小年 …”"
SPOKEN_SOUTH_LITTLE_NEW_YEAR = "南方的小年"
SPOKEN_AFTER_FIFTEENTH = "即过完正月十五的第一天"
REMINDER_ADDED_LUNAR = "已添加提醒：{date}（{lunar}），{title}。"
REMINDER_WHEN = "会在{times}提醒您。"
REMINDER_LEADS_PASSED = "（提前{days}天的提醒时间已经过了，不再补发。）"
REMINDER_WHEN_NONE = "按目前的设置（提醒已关闭或推迟），这条不会发出提醒。"
REMINDER_TIME_IN_TITLE = "提醒在上面的时间发出，不会按标题里的钟点提醒。"
# An own reminder's day that is a statutory holiday (newcomer trial 9, finding 20).
REMINDER_ON_HOLIDAY = "注意：这天是法定节假日，之后的第一个工作日是{workday}；要改期，可以删除这条后重新添加。"
REMINDER_HOLIDAY_UNOFFICIAL = "（该年的放假安排尚未公布，按常规推算。）"
# A reminder given in two messages at 添加自定义提醒: the date first, its matter asked next (trial 9, finding 4).
REMINDER_TITLE_FOR = "好的，{date}。要提醒您什么事？请发送事项，例如：交材料、开会。"
SEND_AT = "{month}月{day}日 {time}"
SEND_AT_YEAR = "{year}年{month}月{day}日 {time}"
SEND_NOW = "马上"
SEND_TIME_SEPARATOR = "、"
REMINDER_REMOVED = "已删除提醒：{title}。"
REMINDER_GONE = "这条提醒已经不存在了。"
REMOVE_CONFIRM = "确定删除这条提醒吗？\n{date}：{title}"
BUTTON_REMOVE_YES = "是，删除"
BUTTON_REMOVE_NO = "否，保留"
REMINDER_KEPT = "好的，提醒保留不变：{title}。"
REMINDERS_FULL = "自定义提醒最多{max}条，请先删除一些不再需要的。"
REMINDER_DUPLICATE = "已有同样的提醒：{date}，{title}。"
REMINDER_ERRORS = {
    "no_date": "没有找到日期。请写成“自评完成 3月15日”或“2027-03-15 交材料”这样的格式。",
    "several_dates": "一条提醒只能有一个日期，请分开添加。",
    "no_such_day": "没有这一天，请检查月份和日期（例如2月没有30日）。",
    "past": "这个日期已经过去了，请输入今天或以后的日期。",
    "too_far": "日期太远了，请输入{years}年以内的日期。",
    "no_leap_month": "今后{years}年的农历里没有这个闰月，请检查月份（不是闰月的话，去掉“闰”字）。",
    "no_title": "请写上要提醒的事项，例如：自评完成 3月15日。",
    "title_too_long": "事项名称太长了，请控制在{chars}个字以内。",
    # 国庆节后, 中秋以后 (brk9 D1): no day; a count after it is one
    # 每周一, 每月15号 (brk9 D10): one day per reminder
    "recurring": (
        "提醒只能定在某一天，不能按每周、每月重复；请写具体日期（例如 12月15日 交表），需要的话可以分几条添加。"
    ),
    "after_festival": (
        "节后具体是哪天要看当年的放假通知，请写具体日期（例如 10月8日 交表），或写“国庆后三天”这样的天数。"
    ),
}
# "提醒我交材料" typed in the middle of /check: asking its date here would end the check (trial 8, N20).
REMINDER_DATE_MIDWAY = "要添加提醒“{title}”，请连日期一起发，例如：“{title} 下周五”。"
REMINDER_DATE_FOR = "好的，哪天提醒您“{title}”？请发送日期，例如：3月15日、下周五、月底。"
# "/remind 要交什么材料？": the words after /remind read as neither a setting nor a reminder (trial 11, N6).
REMIND_ARGS_NOT_READ = "没有从 /remind 后面的文字里读出提醒。要添加提醒，请发送“事项 + 日期”，例如：自评完成 3月15日。"
REMIND_TEXT_NOT_UNDERSTOOD = "请点选下面的按钮；要添加提醒，可以直接发送“事项 + 日期”，例如：自评完成 3月15日。"
# A reminder's day named by a festival (dialogs/festival_words.py): shown in REMINDER_ADDED_LUNAR's brackets.
FESTIVAL_LABEL = "{name}，{when}"
FESTIVAL_BEFORE_LABEL = "{name}前最后一天"
# A count of days from a festival (中秋前一周, 端午节后三天, 春节前两周: brk9 D2/D3).
FESTIVAL_OFFSET_LABEL = "{name}{side}{count}，{name}是{when}（{year}年{month}月{day}日）"
FESTIVAL_BEFORE = "前"
FESTIVAL_AFTER = "后"
SPRING_FESTIVAL = "春节"
SPRING_FESTIVAL_WHEN = "农历正月初一"
EVE = "除夕"
EVE_WHEN = "农历腊月最后一天"
# A day typed without its year that passed a few days ago (brk9 D9): next year's, said so.
PASSED_THIS_YEAR = "{month}月{day}日刚过去，按{year}年的这一天添加；不对的话可以删除后重新添加"
# 下周 / 下下周 typed for a reminder without its day (brk9 D7): that week's Monday.
WEEK_START_LABEL = "{which}周一，即{which}周的第一天"
YEAR_END_LABEL = "年底，即12月31日"
# 腊月三十 typed for a year whose 腊月 has 29 days: the eve, said so (brk9 D5).
EVE_OF_SHORT_MONTH = "{lunar}：这一年腊月只有二十九天，按除夕（腊月二十九）算"
