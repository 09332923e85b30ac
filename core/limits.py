"""Limits of the channels we talk through, named for what they bound. Telegram's are the tightest,
so the dialogs keep within them whatever the front end."""

# Callback data of an inline button (Telegram: 1–64 bytes, UTF-8).
CALLBACK_DATA_MAX_BYTES = 64
# One text message (Telegram counts UTF-16 code units; bot/telegram/outgoing.py splits by them).
MESSAGE_MAX_CHARS = 4096
# A document caption.
CAPTION_MAX_CHARS = 1024
