"""User-facing text shared by every dialog. All Chinese the users read lives in dialogs/texts/."""

BOT_NAME = "社区医院申报助手"

GREETING = (
    f"您好！我是{BOT_NAME}，帮助社区卫生服务中心、乡镇卫生院的负责人了解社区医院的申报要求。\n"
    "我可以：\n"
    "1. 回答关于申报条件、流程、材料和时间的问题（每条答案都注明出处）；\n"
    "2. 用 /check 逐项自评是否符合本地区的条件；\n"
    "3. 用 /stage 和 /status 跟踪申报进度，并在截止日期前提醒您。"
)

ASK_REGION = "请先选择您所在的地区（不同地区的要求和时间表不同）："
REGION_SET = "已将地区设为：{name}。"
# A region change and the application stage set before it (newcomer trial 4, F34).
STAGE_NOT_IN_REGION = (
    "\n⚠️ 您之前设置的申报阶段“{stage}”不是{region}的阶段，按阶段的提醒已停止；请输入 /stage 重新设置。"
)
STAGE_IN_REGION = "\n申报阶段按{region}的阶段记为“{stage}”；如不对，输入 /stage 修改。"
GREET_BACK = "您好！"  # before REGION_SET when the region came with a greeting or an introduction
REGION_HOMOPHONE = "“{typed}”按“{name}”理解。"  # 吉临 typed: read as 吉林 (newcomer trial 8, N36)
REGION_UNCHANGED = "地区仍为：{name}。"
# A place named where no change was asked for (newcomer trial 7, N2): the region kept, said, and a button.
REGION_OFFER = "地区仍为：{current}。要改按{place}的文件回答，请点下面的按钮切换地区。"
REGION_OFFER_IN_CHECK = (
    "现在的自评按{current}的条件进行，地区没有改。贵机构在{place}的，请点下面的按钮切换地区（已回答的内容都会保留）。"
)
REGION_SWITCH_BUTTON = "切换到{short}"
# A city or province only partly covered named alone (重庆): the covered region asked about (newcomer trial 9, N13).
REGION_PARTIAL_ASK = "您是想切换到{region}吗？"
REGION_NOT_UNDERSTOOD = "没有认出这个地区。请点选下面的按钮，或回复序号（1–{n}）。"
REGION_NOT_COVERED = (
    "本助手还没有收录{place}的申报文件，不能按当地的要求回答。可以先选“全国（国家文件）”，看国家文件的通用要求；"
    "当地的具体条件和时间安排，请咨询所在县（市、区）卫生健康行政部门。"
)
REGION_PARTIAL = (
    "{place}目前只收录了{region}的文件。贵机构在{region}的，请选“{region}”；在其他区县的，请先选“全国（国家文件）”，"
    "看国家文件的通用要求。"
)
ANSWERED_FOR_EACH_REGION = "您还没有选择地区，先按各地区分别回答；选好地区后，回答只针对您所在的地区。"
AFTER_REGION_HINT = "现在可以直接输入问题，例如：“床位要多少张”“什么时候申报”“要交哪些材料”。输入 /help 查看全部功能。"

# /help: the head line, then one line per command of the command table (dialogs/commands.py).
HELP_HEAD = "使用说明：\n· 直接输入问题，例如“床位使用率要多少”，我会给出答案和出处。"
HELP_LINE = "/{name} {about}"

# Each command: the short line of Telegram's menu, and the longer one of /help.
MENU_START = "开始使用 / 重新选择"
MENU_HELP = "使用说明"
HELP_HELP = "显示本说明"
MENU_CHECK = "申报条件自评"
HELP_CHECK = "申报条件自评（逐题回答，最后给出逐项结论）"
MENU_STAGE = "设置申报阶段"
HELP_STAGE = "设置或推进申报阶段"
MENU_STATUS = "查看进度和截止日期"
HELP_STATUS = "查看进度、下一个截止日期和材料清单（/status all 列出全部截止日期）"
MENU_REMIND = "提醒设置"
HELP_REMIND = "提醒设置（提前天数、静音、推迟、自定义提醒）"
MENU_REGION = "更换地区"
HELP_REGION = "更换地区"
MENU_MYDATA = "查看我的数据"
HELP_MYDATA = "查看我存储的关于您的全部数据"
MENU_FORGET = "删除我的数据"
HELP_FORGET = "删除关于您的全部数据"
MENU_CANCEL = "取消当前操作"
HELP_CANCEL = "取消当前操作"

CANCELLED = "已取消。需要时可以随时重新开始，或直接输入问题。"
# /cancel in the middle of /check: the answers are kept, as its introduction promised (newcomer trial 6, N32).
CANCELLED_CHECK = "已退出自评。已经填的答案都保存着，下次输入 /check 可以接着做，也可以重新开始。"
NOTHING_TO_CANCEL = "当前没有进行中的操作。可以直接输入问题，或输入 /help 查看功能。"
UNKNOWN_COMMAND = "没有 /{name} 这个命令。输入 /help 查看可用的命令。"
UNKNOWN_COMMAND_DEADLINES = "没有 /{name} 这个命令。截止日期请用 /status 查看（还有进度和材料清单）。"
ADMIN_ONLY = "这个命令只供管理员使用。"
GROUP_PRIVATE_ONLY = "这个功能涉及机构的具体情况，请在与我的私聊中使用。"
GROUP_ADMINS_ONLY = "群里的提醒和进度设置只有本群管理员可以查看和更改；个人的提醒请在与我的私聊中设置。"

EMPTY_MESSAGE = "没有收到文字内容。请直接输入您的问题，例如“床位要多少张”。"
EMPTY_AWAITING_NUMBER = "没有收到文字内容。请输入数字。"
EMPTY_AWAITING_CHOICE = "没有收到文字内容。请点选下面的选项，或回复序号。"
TOO_LONG = "消息太长了（{n} 个字）。请把问题精简到 {limit} 字以内，一次问一件事。"
NO_WORDS = "没有看懂这条消息。请用文字输入问题，例如“申报需要哪些材料”。"
NO_WORDS_ON_SCREEN = "没有看懂这条消息（里面没有文字）。请按下面的提示点选或回复。"
# A button's label typed where no such button waits (newcomer trial 8, N26).
STALE_LABEL = "“{label}”是之前消息里的按钮，已经过期了。请按最新的消息操作，或重新输入命令（如 /check）。"
STALE_LABEL_ON_SCREEN = "“{label}”是之前消息里的按钮，已经过期了。请按下面的最新提示回复。"
STALE_BUTTON = "这个按钮已经过期了（对应的操作已结束或已更换）。请使用最新的消息，或重新输入命令。"
PENDING_AGAIN = "我们接着刚才的步骤："
# A question typed on a waiting screen that the knowledge base cannot answer (dialogs/asked.py).
# A question at a /check question that no entry answers (跟区人民医院签了协议算不算): the question's own
# basis instead of a flat decline (newcomer trial 5, N14).
NOT_SAID_AT_QUESTION = (
    "收录的文件没有直接说到这一点，不想猜测。这一题依据的原文如下，"
    "您的做法算不算，请咨询所在区县卫生健康行政部门（基层卫生科）："
)
DECLINE_ON_SCREEN = "抱歉，这个问题我的资料库里没有答案，我不想猜测；请咨询所在区县卫生健康行政部门（基层卫生科）。"
CHECK_LEFT_FOR_REGION = "刚才{region}的自评还没做完，已经回答的内容都保存着；地区已更换，输入 /check 会按新地区自评。"
INTERNAL_ERROR = "抱歉，处理这条消息时出了点问题，已通知管理员。请稍后再试，您之前的进度不会丢失。"

# Privacy
MYDATA_INTRO = "这是我存储的关于您的全部数据（JSON 文件）。如需删除，请输入 /forget。"
FORGET_CONFIRM = "确定要删除关于您的全部数据吗？包括地区、申报阶段、自评答案和提醒。删除后无法恢复。"
FORGET_YES = "确定删除"
FORGET_NO = "不删除"
FORGET_DONE = "已删除关于您的全部数据。如果再次发消息，我会把您当作新用户。"
FORGET_KEPT = "好的，数据保留不变。"
YES_NO_PROMPT = "请点选按钮，或回复“是”/“否”。"

# One wording for each fact shown everywhere (dialogs/render.py): dates, days left, citations.
DATE = "{y}年{m}月{d}日"
DATE_WEEKDAY = "{y}年{m}月{d}日（周{w}）"
WEEKDAYS = "一二三四五六日"
DAYS_LEFT = "还有{n}天"
DAYS_LEFT_TOMORROW = "明天"
DAYS_LEFT_TODAY = "就是今天"
DAYS_PAST = "已过{n}天"
SOURCE = "📄 出处：{citation}"
SECONDARY_SOURCE = "📰 来源（新闻报道，非正式文件原文）：{citation}"
CITATION = "{document}{section}"
SECTION_JOIN = "、"  # one text's sections on its one 出处 line: 一、三（二）
DOCUMENT_TITLE = "《{document}》{number}"
CITATION_QUOTE = "：“{quote}”"
CITATION_NUMBER = "（{number}）"
# a news report's items (B1, B2 …) are the notes' own labels, meaningless to a director
SECONDARY_CITATION = "{document}"
# Which loaded text governs a point on the day shown (the note itself: knowledge/texts.py).
GOVERNING = "📜 适用文件：{note}"
POINT_SEPARATOR = "；"  # point names contain 、 themselves

# A deadline as /status, the CLI and the questionnaire's next step show it (dialogs/render.py).
DEADLINE_LINE = "· {date}，{left}：{title}"
DEADLINE_ACTOR = "  负责：{actor}"
DEADLINE_POSTPONED = "  原定{original}，遇法定节假日顺延。"
DEADLINE_UNOFFICIAL = "  注意：{year}年的国务院放假安排尚未收录，顺延后的日期按周末和固定节日推算，请以正式通知为准。"
DEADLINE_NOTE = "  说明：{note}"
DEADLINE_INDENT = "  "
# A governing note already shown in this conversation: its first part, then this (dialogs/notes_once.py).
# 详细 typed when no short reply waits for its details (breakers B11, B13).
NOTHING_TO_DETAIL = (
    "“详细”用来展开较短的回答；现在没有收起来的内容（上一条回答已经是完整的）。想了解哪一点，请直接问，"
    "例如：“床位要多少张”“要交哪些材料”。"
)
DETAILS_AFTER_REGION = (
    "好的。回答要按所在地区的文件来，请先选择地区；选好后，我按该地区的文件详细回答您刚才的问题：“{asked}”。"
)
WISH_REGION_FIRST = "申报阶段、截止日期和提醒都因地区而异，请先选择您所在的地区；选好后马上为您接着办。"
NOTE_SEEN = "（详见前文说明）"
NOTE_CUTS = ("——", "（", "。")  # the explanation after ——, else what follows a bracket or a full stop
NOTE_POINTS_END = "："  # after the points a note is about (knowledge/texts.py GOVERNS, NOT_COVERED)
