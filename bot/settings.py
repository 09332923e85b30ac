"""Settings, from the environment and an optional `.env` file, read once by every command
(pydantic-settings: typed fields, .env support and validation without code of our own).

The environment wins over `.env`, so a deployment can override a developer's file. A bad value
stops the command with one bilingual line naming the variable; the token is checked for shape
before the bot starts, because a typo otherwise surfaces as a confusing error from deep inside the
HTTP stack minutes later. Secrets are SecretStr: repr() and logs never show them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot import texts

TOKEN_PATTERN = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")  # what Telegram accepts as secret_token
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
# Updates handled at once; a user's own updates still run one after another (per-chat lock).
# SQLite is reached through aiosqlite's threads, which contend for the GIL: 8 at once gave the most
# turns a second in tests/bench/bench_telegram.py (64 gave half as many). PostgreSQL the same 8: it
# had 32 ("asyncpg has no threads"), but every update sends its replies, and with 32 requests in
# flight httpx's connection pool costs about 1 ms more CPU per request than with 8 (httpcore walks
# every pooled connection, polling each socket, whenever a request starts or ends): that, not the
# database, was PostgreSQL's extra cost per update (issue 11 item 9). A turn's 2-3 statements
# overlap well enough with 8 turns at once.
CONCURRENCY_SQLITE = 8
CONCURRENCY_POSTGRES = 8
ENV_FILE = Path(".env")


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line for the operator."""


class Settings(BaseSettings):
    """Every setting of every command. Field names are the environment variables, lower-cased."""

    model_config = SettingsConfigDict(env_file=ENV_FILE, env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None  # needed by `run` only; see token()
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    database_url: str | None = None  # PostgreSQL when set, else SQLite in data_dir
    data_dir: Path = Path("data")
    webhook_url: str | None = None
    webhook_port: int = Field(default=8443, gt=0, lt=65536)
    webhook_listen: str = "0.0.0.0"
    webhook_secret: SecretStr | None = None
    log_level: LogLevel = "INFO"
    # A self-hosted Bot API server (or the test fake), e.g. http://127.0.0.1:8081/bot
    telegram_api_base_url: str | None = None
    # Telegram lets a bot send about 30 messages a second in all; replies and nudges share it.
    max_messages_per_second: float = Field(default=30.0, gt=0)
    concurrent_updates: int = Field(default=0, ge=0)  # 0: chosen by the database (see above)
    # Reminders on their way to Telegram at once, at most (bot.nudges.inflight): the window follows
    # the pace × the measured round trip; a kill -9 may send each of them twice. 1: at most one
    # duplicate per kill -9, at the cost of the pace over a slow network (1/round trip a second).
    max_nudges_in_flight: int = Field(default=16, ge=1, le=100)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        """ "1,2;3" from the environment; a set or list from code."""
        if isinstance(value, str):
            parts = [p.strip() for p in value.replace(";", ",").split(",")]
            return frozenset(int(p) for p in parts if p)
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.strip().upper() or "INFO" if isinstance(value, str) else value

    @field_validator("database_url", "webhook_url", "telegram_api_base_url", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _concurrency(self) -> Settings:
        if not self.concurrent_updates:
            postgres = bool(self.database_url) and str(self.database_url).startswith("postgres")
            self.concurrent_updates = CONCURRENCY_POSTGRES if postgres else CONCURRENCY_SQLITE
        return self

    def token(self) -> str:
        """The bot token, checked for shape. Raises SettingsError when missing or malformed."""
        raw = self.telegram_bot_token.get_secret_value().strip() if self.telegram_bot_token else ""
        if not raw:
            raise SettingsError(texts.TOKEN_MISSING)
        if not TOKEN_PATTERN.match(raw):
            raise SettingsError(texts.TOKEN_MALFORMED)
        return raw

    def webhook_problem(self) -> str | None:
        """Why `run --webhook` cannot start with these settings, or None."""
        if not self.webhook_url or not self.webhook_url.startswith("https://"):
            return texts.WEBHOOK_URL_MISSING
        secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
        if not SECRET_PATTERN.match(secret):
            return texts.WEBHOOK_SECRET_INVALID
        return None


_ALLOWED = {
    "admin_ids": texts.SETTING_ADMIN_IDS_ALLOWED,
    "log_level": "DEBUG, INFO, WARNING, ERROR, CRITICAL",
}


def load_settings(env_file: Path | None = ENV_FILE, **overrides: Any) -> Settings:
    """Read the settings (environment over `env_file`); raise SettingsError with a bilingual
    one-line message naming the first bad variable."""
    try:
        return Settings(_env_file=env_file, **overrides)  # type: ignore[call-arg]
    except ValidationError as err:
        name = str(err.errors()[0]["loc"][0]) if err.errors() and err.errors()[0]["loc"] else "?"
        allowed = _ALLOWED.get(name, texts.SETTING_POSITIVE_INT)
        raise SettingsError(texts.SETTING_INVALID.format(name=name.upper(), allowed=allowed)) from None
