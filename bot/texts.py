"""Front-end text that is not part of any dialog (terminal prompts, start-up errors)."""

TERMINAL_QUIT_WORDS = ("/quit", "/exit", "/q", "退出")  # typed to leave the terminal chat
TERMINAL_WELCOME_BACK = "欢迎回来。"
# …and the region answers are for (newcomer trial 6, N29); /region changes it.
TERMINAL_WELCOME_BACK_REGION = "欢迎回来。当前地区：{region}（输入 /region 可更换）。"
TERMINAL_HINT = "（输入 /quit 退出；有编号的选项可直接输入编号）"
TERMINAL_BYE = "再见！您的进度已保存，下次输入 bash scripts/chat.sh --user {user} 即可继续。"
TERMINAL_BYE_FORGOTTEN = "再见！关于您的数据已全部删除；下次输入 bash scripts/chat.sh --user {user} 会作为新用户开始。"
TERMINAL_SAVED_FILE = "📎 文件已保存到：{path}"

# Start-up errors of `python -m bot run`: one line, in Chinese and English, for the operator.
TOKEN_MISSING = (
    "错误：没有设置 TELEGRAM_BOT_TOKEN（环境变量或 .env 文件）。"
    " / Error: TELEGRAM_BOT_TOKEN is not set (environment or .env file)."
)
TOKEN_MALFORMED = (
    "错误：TELEGRAM_BOT_TOKEN 格式不对，应形如 123456789:AA…（从 @BotFather 复制完整的令牌）。"
    " / Error: TELEGRAM_BOT_TOKEN is malformed; expected 123456789:AA… as given by @BotFather."
)
SETTING_INVALID = (
    "错误：设置 {name} 的值无效，应为：{allowed}。 / Error: setting {name} is invalid; expected: {allowed}."
)
WEBHOOK_URL_MISSING = (
    "错误：使用 --webhook 时必须设置 WEBHOOK_URL（https 地址）。"
    " / Error: --webhook needs WEBHOOK_URL (an https address)."
)
TOKEN_REJECTED = (
    "错误：Telegram 拒绝了这个令牌（可能已失效）。请到 @BotFather 检查。"
    " / Error: Telegram rejected the token (revoked?). Check it with @BotFather."
)

EDITS_NOT_PROCESSED = "我不处理修改过的消息。如果想更正，请把修改后的内容重新发一条新消息。"
ADMIN_ERROR_ALERT = "⚠️ 机器人内部错误：{kind}（update {update_id}）。详情见服务器日志。"
# Once per delivery incident (bot/telegram/courier.py); the same opening as ADMIN_ERROR_ALERT.
ADMIN_DELIVERY_ALERT = "⚠️ 机器人内部错误：回复发送失败（{kind}），已保存，将自动补发。详情见服务器日志。"
ADMIN_REPLY_REFUSED = "⚠️ 机器人内部错误：Telegram 拒收了一条回复（{kind}），已放弃。详情见服务器日志。"
# Sent before replies that could not be delivered at the time and go out later.
REPLY_LATE = "抱歉，以下回复晚到了："

# `python -m bot ask`
ASK_UNKNOWN_REGION = "错误：没有 “{region}” 这个地区。可用的地区代码：{ids}。"
# the question's text is not repeated: it may say who the director is
ASK_NOT_LOGGED = "注意：答案已给出，但没能把这个问题记入待补充问题的日志（{error}），请检查 DATA_DIR 或 DATABASE_URL。"
ASK_NO_QUESTION = '请给出一个问题，例如：python -m bot ask "床位要多少张"，或用 --batch 指定问题文件。'
ASK_BATCH_UNREADABLE = "错误：无法读取问题文件 {path}（{error}）。文件应为 UTF-8 文本，每行一个问题。"
ASK_SUGGESTION_LINE = "  {n}. {question}"
# Answered once at the bot's start-up and thrown away (bot.wiring.warm_up): traditional characters
# and a numeral, so that every table a first question needs is built before a director asks.
WARM_UP_QUESTION = "吉林社區醫院床位要三十张吗"
WEBHOOK_SECRET_INVALID = (
    "错误：使用 --webhook 时必须设置 WEBHOOK_SECRET（1–256 个字母、数字、_ 或 -）。"
    " / Error: --webhook needs WEBHOOK_SECRET (1-256 letters, digits, _ or -)."
)

# `python -m bot check`: evaluating a profile file. Errors go to stderr; exit code 2.
CHECK_UNKNOWN_REGION = "错误：未知地区 {region!r}。可选：{choices}。"
CHECK_NO_RULES = "错误：{name}的申报条件还没有收录，无法自评。"
CHECK_FILE_MISSING = "错误：找不到机构信息文件 {path}。"
CHECK_NOT_YAML = "错误：机构信息文件 {path} 不是有效的 YAML：{error}"
CHECK_PROFILE_INVALID = "错误：机构信息文件 {path} 有 {n} 处问题："
CHECK_PROFILE_ITEM = "  · {error}"
CHECK_DOCX_SAVED = "📎 自评文档已保存到：{path}"
CHECK_DOCX_FAILED = "错误：无法写入自评文档 {path}：{error}"

# `python -m bot kb`: maintainers' view of the knowledge base.
KB_CHECK_FAILED = "知识库检查未通过：{n} 处错误。"
KB_CHECK_PASSED = (
    "知识库检查通过：{entries} 条问答（其中 {secondary} 条来自新闻报道），"
    "{citations} 处引文均已在原文中核对，{documents} 份文件。"
)
KB_NO_DOCUMENT = "没有这份文件：{document}。可用：{ids}"
KB_DOCUMENT_LINE = "{id}  {short}  {number}  {date}"
KB_NO_NUMBER = "（无文号）"
KB_STATS = "问答 {entries} 条（新闻报道 {secondary} 条），引文 {citations} 处，主题 {topics} 个"
KB_STATS_PER_REGION = "按地区："
KB_STATS_PER_FILE = "按文件："
KB_STATS_PER_DOCUMENT = "按引用文件："
KB_NO_UNANSWERED = "没有记录到未能回答的问题。"
KB_UNANSWERED_HEADER = "未能回答的问题 {n} 条，分为 {groups} 组（最多的在前）："
KB_GROUP_LINE = "{i}. ×{count}  {sample}"
KB_GROUP_DETAIL = "   地区：{regions}；最接近的条目：{best}"
KB_GROUP_SIMILAR = "   相似问法：{texts}{more}"
KB_NONE = "无"

# Settings errors: what a valid value looks like.
SETTING_ADMIN_IDS_ALLOWED = "数字 ID，用逗号分隔 / numeric ids"
SETTING_POSITIVE_INT = "正整数 / a positive integer"

# `python -m bot deadlines`
CLI_TITLE = "{region} · 自{today}起的截止日期"
CLI_STAGE = "阶段：{stage}"
CLI_ALL_STAGES = "阶段：全部"
CLI_NONE = "今后{days}天内，收录的文件没有规定截止日期。"
CLI_UNKNOWN_REGION = "没有这个地区：{region}。可用的地区：{known}"
CLI_UNKNOWN_STAGE = "{region}没有这个阶段：{stage}。可用的阶段：{known}"
CLI_NO_STAGES = "（无）"
CLI_BAD_DATE = "日期格式不对：{value}。请写成 YYYY-MM-DD，例如 2026-03-10。"
CLI_BAD_DAYS = "--days 不能是负数：{value}。"

# `python -m bot --help`: the program and each command's one-line description.
CLI_DESCRIPTION = "社区医院申报助手"
CLI_HELP = {
    "ask": "回答一个问题（或 --batch 文件中的每个问题），可输出 JSON",
    "chat": "在终端里与助手对话（不需要 Telegram）",
    "check": "按地区申报条件评估一份机构信息文件（YAML），输出逐项结论；--json 输出 JSON，--docx/--pdf 生成自评文档",
    "deadlines": "列出某地区今后的申报截止日期（含当天，按日期排序）",
    "kb": "知识库维护：check（校验）、sections（文件章节）、unanswered（未答问题）、stats（统计）",
    "nudges": "截止提醒：查看此刻到期、将要发送的提醒（不发送）；或在日历数据更新后为所有用户重新排期",
    "run": "启动 Telegram 机器人（默认长轮询；--webhook 使用 WEBHOOK_URL/WEBHOOK_PORT/WEBHOOK_SECRET）",
}
CLI_ASK_QUESTION = "问题，例如 “床位要多少张”"
CLI_ASK_REGION = "地区：national, jilin, chongqing-yuzhong, beijing"
CLI_ASK_JSON = "输出 JSON（字段见 README）"
CLI_ASK_BATCH = "每行一个问题的文件；每行输出一个 JSON 对象，顺序不变"
CLI_ASK_NO_LOG = "不把没有回答好的问题记入数据库"
CLI_KB_CHECK = "校验知识库（格式、编号、引文、地区覆盖），有错误时退出码为 1"
CLI_KB_SECTIONS = "列出一份文件的章节路径及开头文字"
CLI_KB_UNANSWERED = "按相似度分组列出未能回答的问题，最多的在前"
CLI_KB_STATS = "条目数：按地区、按文件、按引用文件"
