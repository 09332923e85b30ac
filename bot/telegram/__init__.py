"""The Telegram front end. Only this package imports python-telegram-bot."""
