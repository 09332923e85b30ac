"""Logging that keeps the bot token and users' messages out of the logs.

httpx logs every request URL at INFO, and Bot API URLs contain the token; aiosqlite logs SQL with
its parameters at DEBUG. Those loggers are held at WARNING. python-telegram-bot logs whole updates
and request parameters (message texts) at DEBUG, so a filter on its loggers strips payloads from
those records and masks the token in anything else, whatever level an operator chooses."""

from __future__ import annotations

import logging
from typing import Any

# httpx/httpcore: URLs with the token. aiosqlite and sqlalchemy.engine: SQL with its parameters,
# which include the anonymous unanswered questions and dialog data.
QUIET_LOGGERS = ("httpx", "httpcore", "hpack", "aiosqlite", "sqlalchemy.engine")
# python-telegram-bot's records whose arguments carry update or request contents: keep the first
# `keep` arguments (the endpoint name), drop the rest.
PAYLOAD_MESSAGES = {
    "Calling Bot API endpoint `%s` with parameters `%s`": ("Calling Bot API endpoint `%s`", 1),
    "Call to Bot API endpoint `%s` finished with return value `%s`": ("Call to Bot API endpoint `%s` finished", 1),
    "Processing update %s": ("Processing an update", 0),
    "Dropping pending update: %s": ("Dropping a pending update", 0),
    "Webhook received data: %s": ("Webhook received data", 0),
    "Request had the wrong secret token: %s": ("Request had the wrong secret token", 0),
    'Can not load invalid JSON data: "%s"': ("Can not load invalid JSON data", 0),
}
MASK = "[TOKEN]"


class PrivacyFilter(logging.Filter):
    """Drops payload arguments of known library records and masks the token everywhere."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        replacement = PAYLOAD_MESSAGES.get(str(record.msg))
        if replacement is not None:
            message, keep = replacement
            args = record.args if isinstance(record.args, tuple) else ()
            record.msg, record.args = message, args[:keep]
        if self.secrets:
            record.msg = self._mask(record.msg)
            if isinstance(record.args, tuple):
                record.args = tuple(self._mask(a) for a in record.args)
            elif isinstance(record.args, dict):
                record.args = {k: self._mask(v) for k, v in record.args.items()}
            if record.exc_info and not record.exc_text:
                record.exc_text = self._mask(logging.Formatter().formatException(record.exc_info))
        return True

    def _mask(self, value: Any) -> Any:
        text = value if isinstance(value, str) else None
        if text is None:
            rendered = str(value) if not isinstance(value, int | float) else ""
            if not any(s in rendered for s in self.secrets):
                return value
            text = rendered
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return text


class RateLimitNoise(logging.Filter):
    """PTB's rate limiter logs a 429 it does not retry as an exception with a traceback. The nudge
    sender asks for no retries on purpose (the tick reschedules), so that is routine: one INFO line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Rate limit hit after maximum of"):
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def protect_logs(token: str) -> None:
    """Idempotent: set the quiet levels and put one PrivacyFilter on every library logger."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    import telegram.ext  # noqa: F401  (creates the library's loggers so they can be filtered)

    names = [n for n in logging.root.manager.loggerDict if n.split(".")[0] in ("telegram", "httpx", "httpcore")]
    for name in ["telegram", *names]:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, PrivacyFilter)]:
            logger.removeFilter(old)
        logger.addFilter(PrivacyFilter([token]))
    limiter = logging.getLogger("telegram.ext.AIORateLimiter")
    if not any(isinstance(f, RateLimitNoise) for f in limiter.filters):
        limiter.addFilter(RateLimitNoise())


def configure(level: str, token: str) -> None:
    """Logging for `python -m bot run`: one line per record on stderr."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    protect_logs(token)
