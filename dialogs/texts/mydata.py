"""What /mydata's file shows (M1): every key a director reads in Chinese, values written out."""

from __future__ import annotations

# Sections of the file (storage tables), in the order shown.
SECTIONS = {
    "user": "账户与设置",
    "dialog_states": "进行中的对话",
    "profile_answers": "自评答案",
    "own_reminders": "自定义提醒",
    "nudges": "提醒发送计划",
    "unanswered_questions": "未能回答而记录的问题",
    "outbox": "待发送的消息",
    "conversation": "对话记录",
}
NOTE_KEY = "说明"
NOTE = "这是本助手存储的关于您的全部数据。时间为北京时间。如需全部删除，请发送 /forget。"
# Every stored column, by its name in the database.
COLUMNS = {
    "id": "编号",
    "user_id": "用户编号",
    "channel": "使用渠道",
    "external_id": "账号标识",
    "region": "地区",
    "stage": "申报阶段",
    "active": "可以接收消息",
    "is_group": "是否群聊",
    "reminder_days": "截止前几天提醒",
    "muted": "已关闭提醒",
    "snoozed_until": "提醒推迟到",
    "checklist": "材料清单已勾选",
    "created_at": "创建时间",
    "updated_at": "更新时间",
    "dialog": "当前对话",
    "step": "当前步骤",
    "data": "对话中的临时数据",
    "version": "对话版本号",
    "field_name": "项目",
    "value": "答案",
    "title": "事项",
    "date": "日期",
    "key": "去重标识",
    "deadline_id": "截止事项标识",
    "deadline_date": "截止日期",
    "days_before": "提前天数",
    "due_at": "计划发送时间",
    "claimed_at": "开始发送时间",
    "claim_token": "发送批次标识",
    "claimed_by": "发送进程",
    "sent_at": "发送时间",
    "late": "是否迟发",
    "status": "状态",
    "attempts": "尝试次数",
    "last_error": "最近一次错误",
    "text": "问题",
    "best_candidate": "最接近的条目",
    "confidence": "匹配度",
    "token": "批次号",
    "replies": "消息内容",
    "shown": "已显示的界面",
    "seen_notes": "本次对话中已显示过的“适用文件”说明（显示时间）",
}
TECHNICAL = "技术信息（供维护人员核对）"
OTHER_COLUMN = "其他项目{n}"
YES = "是"
NO = "否"
NONE = "（无）"
CHANNELS = {"telegram": "Telegram", "terminal": "终端聊天"}
NUDGE_STATUS = {"pending": "待发送", "sent": "已发送", "dropped": "已取消", "failed": "发送失败"}
DIALOGS = {
    "questionnaire": "申报条件自评（/check）",
    "tracking": "阶段与提醒（/stage、/remind）",
    "onboarding": "选择地区",
    "forget": "删除数据确认（/forget）",
    "admin": "管理员操作",
}
DATA_ENTRY = "记录{n}"
DATETIME = "{y}年{m}月{d}日 {hm}"
DAY = "{y}年{m}月{d}日"

# The summary shown in the chat beside the file (newcomer trial 8, N37).
SUMMARY_NOTHING = "目前没有存储关于您的数据。"
SUMMARY_HEAD = "📋 我存储的关于您的数据（摘要，完整内容见附件）："
SUMMARY_REGION = "· 地区：{region}"
SUMMARY_STAGE = "· 申报阶段：{stage}"
SUMMARY_REMINDING = "· 提醒：截止前 {days} 天，{state}"
SUMMARY_DAYS_SEPARATOR = "、"
SUMMARY_ON = "已开启"
SUMMARY_MUTED = "已静音"
SUMMARY_SNOOZED = "推迟到{date}"
SUMMARY_ANSWERS = "· 自评答案：{n} 项"
SUMMARY_REMINDERS = "· 自定义提醒：{n} 条"
SUMMARY_QUESTIONS = "· 未能回答而记录的问题：{n} 条"
SUMMARY_LIST = "（{items}{more}）"
SUMMARY_ITEM = "{label} {value}"
SUMMARY_SEPARATOR = "；"
SUMMARY_MORE = "；另有 {n} 项"
