"""Settings of the Telegram bot, from the environment and an optional `.env` file.

The environment wins over `.env`, so a deployment can override a developer's file. The token is
checked for shape before anything starts, because a typo otherwise surfaces as a confusing error
from deep inside the HTTP stack minutes later."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

from bot import texts

TOKEN_PATTERN = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line for the operator."""


@dataclass(frozen=True)
class Settings:
    token: str = field(repr=False)  # never printed: repr() ends up in logs and tracebacks
    admin_ids: frozenset[int] = frozenset()
    database_url: str | None = None
    data_dir: Path = Path("data")
    webhook_url: str | None = None
    webhook_port: int = 8443
    webhook_listen: str = "0.0.0.0"
    webhook_secret: str | None = field(default=None, repr=False)
    log_level: str = "INFO"
    # A self-hosted Bot API server (or the test fake), e.g. http://127.0.0.1:8081/bot
    api_base_url: str | None = None
    # Telegram lets a bot send about 30 messages a second in all; replies and nudges share it.
    max_messages_per_second: float = 30.0
    # Updates handled at once; a user's own updates still run one after another (per-chat lock).
    # SQLite is reached through aiosqlite's threads, which contend for the GIL: 8 at once gave the
    # most turns a second in tests/bench/bench_telegram.py (64 gave half as many). asyncpg has no
    # threads, so PostgreSQL takes more.
    concurrent_updates: int = 8


def load_settings(env: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")) -> Settings:
    """Read settings; raise SettingsError with a bilingual one-line message on a bad value."""
    values: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ if env is None else env)

    token = values.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        raise SettingsError(texts.TOKEN_MISSING)
    if not TOKEN_PATTERN.match(token):
        raise SettingsError(texts.TOKEN_MALFORMED)

    level = values.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
    if level not in LOG_LEVELS:
        raise SettingsError(texts.SETTING_INVALID.format(name="LOG_LEVEL", allowed=", ".join(LOG_LEVELS)))

    return Settings(
        token=token,
        admin_ids=_admin_ids(values.get("ADMIN_IDS", "")),
        database_url=values.get("DATABASE_URL") or None,
        data_dir=Path(values.get("DATA_DIR") or "data"),
        webhook_url=values.get("WEBHOOK_URL") or None,
        webhook_port=_int(values, "WEBHOOK_PORT", 8443),
        webhook_listen=values.get("WEBHOOK_LISTEN") or "0.0.0.0",
        webhook_secret=values.get("WEBHOOK_SECRET") or None,
        log_level=level,
        api_base_url=values.get("TELEGRAM_API_BASE_URL") or None,
        max_messages_per_second=float(_int(values, "MAX_MESSAGES_PER_SECOND", 30)),
        concurrent_updates=_int(values, "CONCURRENT_UPDATES", 32 if _is_postgres(values.get("DATABASE_URL")) else 8),
    )


SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")  # what Telegram accepts as secret_token


def webhook_problem(settings: Settings) -> str | None:
    """Why `run --webhook` cannot start with these settings, or None."""
    if not settings.webhook_url or not settings.webhook_url.startswith("https://"):
        return texts.WEBHOOK_URL_MISSING
    if not settings.webhook_secret or not SECRET_PATTERN.match(settings.webhook_secret):
        return texts.WEBHOOK_SECRET_INVALID
    return None


def _is_postgres(url: str | None) -> bool:
    return bool(url) and str(url).startswith("postgres")


def _admin_ids(raw: str) -> frozenset[int]:
    ids: set[int] = set()
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            allowed = texts.SETTING_ADMIN_IDS_ALLOWED
            raise SettingsError(texts.SETTING_INVALID.format(name="ADMIN_IDS", allowed=allowed))
        ids.add(int(part))
    return frozenset(ids)


def _int(values: Mapping[str, str], name: str, default: int) -> int:
    raw = (values.get(name) or "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) <= 0:
        raise SettingsError(texts.SETTING_INVALID.format(name=name, allowed=texts.SETTING_POSITIVE_INT))
    return int(raw)
