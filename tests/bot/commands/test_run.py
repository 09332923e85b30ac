"""`python -m bot run` as an operator starts it: bad settings stop it with one line; with a token it
polls (or serves a webhook) against the fake Bot API over real loopback HTTP, and SIGTERM stops it."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import httpx
import pytest

from bot import texts
from tests.fakes.phone import wait_until
from tests.fakes.telegram_api import FakeTelegram

ROOT = Path(__file__).resolve().parents[3]
SETTING_NAMES = ("TELEGRAM_BOT_TOKEN", "ADMIN_IDS", "DATABASE_URL", "DATA_DIR", "WEBHOOK_URL", "WEBHOOK_PORT",
                 "WEBHOOK_SECRET", "WEBHOOK_LISTEN", "TELEGRAM_API_BASE_URL", "LOG_LEVEL")  # fmt: skip


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES and "proxy" not in k.lower()}
    env.update(PYTHONPATH=str(ROOT), DATA_DIR=str(tmp_path / "data"), NO_PROXY="127.0.0.1,localhost")
    env.update(extra)
    return env


async def run_bot(tmp_path: Path, *args: str, **env: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", *args,
        cwd=tmp_path, env=clean_env(tmp_path, **env),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def finished(process: asyncio.subprocess.Process, timeout: float = 60) -> tuple[int, str]:
    _, err = await asyncio.wait_for(process.communicate(), timeout)
    assert process.returncode is not None
    return process.returncode, err.decode("utf-8")


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        (None, texts.TOKEN_MISSING),
        ("12345:short", texts.TOKEN_MALFORMED),
        ("not a token at all", texts.TOKEN_MALFORMED),
    ],
)
async def test_a_missing_or_malformed_token_stops_with_one_line(
    tmp_path: Path, token: str | None, expected: str
) -> None:
    env = {"TELEGRAM_BOT_TOKEN": token} if token is not None else {}
    code, err = await finished(await run_bot(tmp_path, **env))
    assert code == 2
    assert err.strip() == expected
    assert "Traceback" not in err


async def test_the_token_is_read_from_a_dotenv_file(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=123:abc\n", encoding="utf-8")
    code, err = await finished(await run_bot(tmp_path))
    assert (code, err.strip()) == (2, texts.TOKEN_MALFORMED)


async def test_webhook_needs_url_and_secret(tmp_path: Path, fake: FakeTelegram) -> None:
    code, err = await finished(await run_bot(tmp_path, "--webhook", TELEGRAM_BOT_TOKEN=fake.token))
    assert (code, err.strip()) == (2, texts.WEBHOOK_URL_MISSING)
    code, err = await finished(
        await run_bot(tmp_path, "--webhook", TELEGRAM_BOT_TOKEN=fake.token, WEBHOOK_URL="https://bot.example/hook")
    )
    assert (code, err.strip()) == (2, texts.WEBHOOK_SECRET_INVALID)


async def test_run_polls_the_fake_over_http_and_stops_on_sigterm(tmp_path: Path, fake: FakeTelegram) -> None:
    server = await fake.serve()
    process = await run_bot(tmp_path, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=server.base_url)
    try:
        user = fake.user("张主任")
        fake.user_sends(user.id, user.id, "/start")
        await wait_until(lambda: len(user.replies()) >= 2 or process.returncode is not None, timeout=60)
        assert user.last_reply().startswith("请先选择您所在的地区")
        fake.user_presses(user.id, user.id, user.last_message().message_id, "d1:region:jilin")
        await wait_until(lambda: "吉林省" in user.last_reply(), timeout=20)
        assert [c["command"] for c in fake.commands["default:"]][:2] == ["start", "help"]
    finally:
        process.send_signal(signal.SIGTERM)
        code, err = await finished(process)
        await server.close()
    assert code == 0
    assert fake.token not in err and "/start" not in err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_run_webhook_checks_the_secret_and_answers(tmp_path: Path, fake: FakeTelegram) -> None:
    server = await fake.serve()
    port = free_port()
    process = await run_bot(
        tmp_path, "--webhook",
        TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=server.base_url,
        WEBHOOK_URL="https://bot.example:8443/tg/hook", WEBHOOK_PORT=str(port), WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_SECRET="s3cret-token",
    )  # fmt: skip
    try:
        await wait_until(lambda: fake.webhook is not None or process.returncode is not None, timeout=60)
        assert fake.webhook == {"url": "https://bot.example:8443/tg/hook", "secret_token": "s3cret-token",
                                "allowed_updates": fake.webhook["allowed_updates"]}  # fmt: skip
        user = fake.user("李主任")
        fake.user_sends(user.id, user.id, "/start")
        update = fake.take_updates()[0]
        async with httpx.AsyncClient(trust_env=False) as client:
            hook = f"http://127.0.0.1:{port}/tg/hook"
            forged = await client.post(hook, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"})
            assert forged.status_code == 403
            assert user.replies() == []
            ok = await client.post(hook, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"})
            assert ok.status_code == 200
            secret = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-token", "Content-Type": "application/json"}
            for body in (b'{"update_id": 1, "message": ', b'{"update_id": 2, "x": "\xff\xfe"}'):
                bad = await client.post(hook, content=body, headers=secret)
                assert bad.status_code == 400, body  # the sender's fault, not the server's (issue 11 item 10)
            bad = await client.post(hook, content=b"{", headers={"Content-Type": "application/json"})
            assert bad.status_code == 403  # the secret is checked before the body is read
        await wait_until(lambda: len(user.replies()) >= 2, timeout=20)
        assert user.last_reply().startswith("请先选择您所在的地区")
    finally:
        process.send_signal(signal.SIGTERM)
        code, _ = await finished(process)
        await server.close()
    assert code == 0
