"""Front-end text that is not part of any dialog (terminal prompts, start-up errors)."""

TERMINAL_WELCOME_BACK = "欢迎回来。"
TERMINAL_HINT = "（输入 /quit 退出；有编号的选项可直接输入编号）"
TERMINAL_BYE = "再见！您的进度已保存，下次输入 python -m bot chat 即可继续。"
TERMINAL_SAVED_FILE = "📎 文件已保存到：{path}"
