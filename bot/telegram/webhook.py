"""The webhook's request handler: PTB's, except that a body which is not UTF-8 or not JSON is the
sender's fault and gets HTTP 400, as a malformed update already does (PTB 22 lets the decode error
escape, so tornado answers 500 and logs a server fault for what is a bad request).

PTB builds its webhook server from `telegram.ext._updater.WebhookAppClass`; `install()` points that
name at a subclass whose handler reads the body first. No public hook exists for this (PTB's
alternative is a whole custom web server, which would also take over start-up, setWebhook's retries
and the signal handling `run_webhook` gives us); tests/bot/commands/test_run.py posts bad bodies to
the real process, so a PTB upgrade that moves the name fails there, not in production."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram.ext import _updater
from telegram.ext._utils.webhookhandler import TelegramHandler, WebhookAppClass


class CheckedTelegramHandler(TelegramHandler):
    """TelegramHandler that answers 400 to a body that is not UTF-8 JSON (after the secret and
    content-type checks, which keep answering 403)."""

    async def post(self) -> None:
        self._validate_post()
        try:
            json.loads(self.request.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST, reason="Body is not UTF-8 JSON") from exc
        await super().post()


class CheckedWebhookApp(WebhookAppClass):
    """PTB's webhook application with CheckedTelegramHandler on the webhook path."""

    def __init__(self, webhook_path: str, bot: Any, update_queue: Any, secret_token: str | None = None) -> None:
        # WebhookAppClass.__init__ only builds these and registers PTB's handler: done here instead.
        self.shared_objects = {"bot": bot, "update_queue": update_queue, "secret_token": secret_token}
        handlers: list[Any] = [(rf"{webhook_path}/?", CheckedTelegramHandler, self.shared_objects)]
        tornado.web.Application.__init__(self, handlers)


def install() -> None:
    """Make run_webhook build CheckedWebhookApp (idempotent)."""
    _updater.WebhookAppClass = CheckedWebhookApp  # type: ignore[misc]
