"""A local fake of the Telegram Bot API that behaves like the real one where the bot can tell.

One in-memory core (`FakeTelegram`) holds users, chats, messages (ids per chat), pending updates
and the bot's settings, and answers Bot API methods with Telegram's status codes and descriptions:
long-polling getUpdates with offset confirmation and timeouts (and 409 when a second poll starts
or a webhook is set), sendMessage with the 4096-character limit and empty-text check,
editMessageText with "message is not modified" and "message to edit not found", callback data of
at most 64 bytes, answerCallbackQuery once per query, sendDocument (multipart, the file kept),
setMyCommands/getMyCommands, getMe, setWebhook/deleteWebhook, 401 for a wrong token, 404 for an
unknown method, 403 when the user blocked the bot, optional flood control (429 with retry_after).
Faults can be injected on any method, start-up calls included: 429, 403, 5xx, and timeouts (the
transport raises httpx.ReadTimeout). Groups have members and admins (getChatMember,
getChatAdministrators) and, like Telegram by default, may run in privacy mode (`privacy_mode`): the
bot then receives only the group messages meant for it (commands, replies to it, mentions).

It is reached two ways, both through python-telegram-bot's own HTTPXRequest:
`fake.request()` (an httpx.MockTransport, in-process) and `await fake.serve()` (a real HTTP/1.1
server on 127.0.0.1, used through the bot's base_url)."""

from __future__ import annotations

import asyncio
import contextlib
import email.parser
import email.policy
import json
import math
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

import httpx

if TYPE_CHECKING:
    from tests.fakes.phone import Person

TOKEN = "7012345678:AAHfakeTokenForLocalTestsOnly-0123456789"
TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
COMMAND_RE = re.compile(r"^/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
MENTION_RE = re.compile(r"@[A-Za-z0-9_]{5,32}")
BOT_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
WEBHOOK_PORTS = (80, 88, 443, 8443)
SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are exactly "
    "the same as a content and reply markup of the current message"
)
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
)
POLL_CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


class ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


class InjectedTimeout(Exception):
    """The transport turns this into httpx.ReadTimeout."""


@dataclass
class Fault:
    method: str | None  # None: any method
    status: int = 0
    description: str = ""
    retry_after: int | None = None
    timeout: bool = False
    processed: bool = False  # for timeouts: the request took effect, only the answer was lost
    times: int = 1
    chat_id: int | None = None


@dataclass
class StoredMessage:
    chat_id: int
    message_id: int
    from_bot: bool
    from_id: int
    date: int
    text: str | None = None
    caption: str | None = None
    reply_markup: dict[str, Any] | None = None
    document: dict[str, Any] | None = None  # Bot API Document object
    file_bytes: bytes | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    reply_to: int | None = None
    edits: int = 0
    extra: dict[str, Any] = field(default_factory=dict)  # sticker, photo

    @property
    def body(self) -> str:
        return self.text if self.text is not None else (self.caption or "")

    def button_rows(self) -> list[list[dict[str, Any]]]:
        return list((self.reply_markup or {}).get("inline_keyboard", []))

    def labels(self) -> list[str]:
        return [b["text"] for row in self.button_rows() for b in row]


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeTelegram:
    """The in-memory Bot API. All methods run on the test's event loop."""

    def __init__(
        self,
        token: str = TOKEN,
        username: str = "shequ_yiyuan_bot",
        first_name: str = "社区医院申报助手",
        flood_limit: float | None = None,
        per_chat_interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.bot_id = int(token.split(":")[0])
        self.username = username
        self.first_name = first_name
        self.flood_limit = flood_limit  # messages per second over all chats, like Telegram's ~30
        self.per_chat_interval = per_chat_interval  # Telegram asks for at most one a second per chat
        self._last_in_chat: dict[int, float] = {}
        self.clock = clock
        self.users: dict[int, dict[str, Any]] = {}
        self.blocked: set[int] = set()
        self.chats: dict[int, dict[str, Any]] = {}
        self.members: dict[int, set[int]] = {}  # group chat id -> member user ids (the bot included)
        self.group_admins: dict[int, set[int]] = {}  # group chat id -> its administrators' user ids
        self.group_creator: dict[int, int] = {}
        self.privacy_mode = False  # Telegram's default for bots is on; the tests choose
        self.withheld: list[StoredMessage] = []  # group messages privacy mode kept from the bot
        self.messages: dict[int, dict[int, StoredMessage]] = {}
        self._next_message_id: dict[int, int] = {}
        self._updates: deque[dict[str, Any]] = deque()
        self._next_update_id = 1
        self._update_arrived = asyncio.Event()
        self._poll_generation = 0
        self.callback_queries: dict[str, dict[str, Any]] = {}
        self._next_query = 1
        self.commands: dict[str, list[dict[str, str]]] = {}
        self.webhook: dict[str, Any] | None = None
        self.allowed_updates: list[str] | None = None
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self.sent_times: deque[float] = deque()
        self.too_many_requests = 0
        self.too_many_in_chat = 0  # ... of them for one chat's 1 a second (the rest: the bot's 30 a second)
        self._next_user_id = 100_000_001
        self._next_group_id = 1_000_000_001
        self._next_file = 1
        self.driver: Callable[[], Any] | None = None  # set by a harness that pumps updates into the bot
        self.on_bot_message: list[Callable[[StoredMessage], None]] = []

    # --- the world: users, groups, and what they do -------------------------------------------
    def add_user(self, first_name: str, username: str | None = None, user_id: int | None = None) -> dict[str, Any]:
        uid = user_id if user_id is not None else self._next_user_id
        self._next_user_id = max(self._next_user_id, uid + 1)
        user = {"id": uid, "is_bot": False, "first_name": first_name, "language_code": "zh-hans"}
        if username:
            user["username"] = username
        self.users[uid] = user
        self.chats[uid] = {"id": uid, "type": "private", "first_name": first_name}
        return user

    def user(self, first_name: str, username: str | None = None) -> Person:
        """A person with a private chat with the bot (see tests/fakes/phone.py)."""
        from tests.fakes.phone import person

        return person(self, first_name, username)

    def add_group(
        self, title: str, member_ids: list[int], admin_ids: list[int] | None = None, creator_id: int | None = None
    ) -> dict[str, Any]:
        """A supergroup with the bot and these members; `admin_ids` administer it, `creator_id` owns it."""
        gid = -self._next_group_id
        self._next_group_id += 1
        self.chats[gid] = {"id": gid, "type": "supergroup", "title": title}
        self.members[gid] = {self.bot_id, *member_ids, *(admin_ids or []), *([creator_id] if creator_id else [])}
        self.group_admins[gid] = set(admin_ids or [])
        if creator_id is not None:
            self.group_creator[gid] = creator_id
        return self.chats[gid]

    def _meant_for_bot(self, msg: StoredMessage) -> bool:
        """What Telegram delivers to a bot in privacy mode: commands, replies to it, mentions of it."""
        text = msg.text if msg.text is not None else (msg.caption or "")
        if msg.text is not None and COMMAND_RE.match(msg.text):
            return True
        if msg.reply_to is not None:
            replied = self.messages.get(msg.chat_id, {}).get(msg.reply_to)
            if replied is not None and replied.from_bot:
                return True
        return f"@{self.username}".lower() in text.lower()

    def bot_user(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": self.first_name, "username": self.username}

    def user_sends(
        self,
        user_id: int,
        chat_id: int,
        text: str | None = None,
        *,
        caption: str | None = None,
        extra: dict[str, Any] | None = None,
        reply_to: int | None = None,
    ) -> StoredMessage:
        """A user's new message in a chat (text, or a sticker/photo with an optional caption)."""
        if text is not None and utf16_len(text) > TEXT_LIMIT:
            raise ValueError("a Telegram client never sends more than 4096 characters in one message")
        if chat_id < 0 and user_id not in self.members.get(chat_id, set()):
            raise ValueError("the user is not in that group")
        if chat_id > 0 and user_id in self.blocked:
            self.user_unblocks(user_id)  # writing to a blocked bot means pressing "unblock" first
        msg = self._store(chat_id, from_bot=False, from_id=user_id, text=text, caption=caption)
        msg.extra = dict(extra or {})
        msg.reply_to = reply_to
        msg.entities = self._entities(text) if text is not None else []
        if caption is not None:
            msg.extra["caption_entities"] = self._entities(caption, commands=False)
        if chat_id < 0 and self.privacy_mode and not self._meant_for_bot(msg):
            self.withheld.append(msg)
            return msg
        self._push({"message": self._message_json(msg)})
        return msg

    def user_edits(self, user_id: int, chat_id: int, message_id: int, text: str) -> StoredMessage:
        msg = self.messages[chat_id][message_id]
        if msg.from_bot or msg.from_id != user_id:
            raise ValueError("a user can only edit their own messages")
        msg.text = text
        msg.entities = self._entities(text)
        msg.edits += 1
        payload = self._message_json(msg)
        payload["edit_date"] = int(time.time())
        self._push({"edited_message": payload})
        return msg

    def user_presses(self, user_id: int, chat_id: int, message_id: int, data: str) -> str:
        msg = self.messages.get(chat_id, {}).get(message_id)
        if msg is None or not msg.from_bot:
            raise ValueError("no such bot message")
        if data not in [b.get("callback_data") for row in msg.button_rows() for b in row]:
            raise ValueError("that message has no button with this data")
        qid = str(8_000_000_000 + self._next_query)
        self._next_query += 1
        self.callback_queries[qid] = {"answered": False, "user_id": user_id, "answer": None}
        query = {
            "id": qid,
            "from": self.users[user_id],
            "message": self._message_json(msg),
            "chat_instance": str(abs(chat_id) * 7 + 3),
            "data": data,
        }
        self._push({"callback_query": query})
        return qid

    def user_blocks(self, user_id: int) -> None:
        """Like Telegram: further sends get 403, and the bot gets a my_chat_member update."""
        self.blocked.add(user_id)
        self._push({"my_chat_member": self._membership(user_id, "member", "kicked")})

    def user_unblocks(self, user_id: int) -> None:
        self.blocked.discard(user_id)
        self._push({"my_chat_member": self._membership(user_id, "kicked", "member")})

    def _membership(self, user_id: int, old: str, new: str) -> dict[str, Any]:
        now = int(time.time())
        return {
            "chat": self.chats[user_id],
            "from": self.users[user_id],
            "date": now,
            "old_chat_member": {"user": self.bot_user(), "status": old}
            | ({"until_date": 0} if old == "kicked" else {}),
            "new_chat_member": {"user": self.bot_user(), "status": new}
            | ({"until_date": 0} if new == "kicked" else {}),
        }

    # --- reading what the bot did -------------------------------------------------------------
    def bot_messages(self, chat_id: int) -> list[StoredMessage]:
        return [m for m in self.messages.get(chat_id, {}).values() if m.from_bot]

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def pending_updates(self) -> int:
        return len(self._updates)

    def take_updates(self) -> list[dict[str, Any]]:
        """Hand the pending updates over (as Telegram does when it posts them to a webhook)."""
        taken = list(self._updates)
        self._updates.clear()
        return taken

    # --- fault injection ----------------------------------------------------------------------
    def fail(
        self,
        method: str | None,
        status: int = 0,
        description: str = "",
        *,
        retry_after: int | None = None,
        timeout: bool = False,
        processed: bool = False,
        times: int = 1,
        chat_id: int | None = None,
    ) -> Fault:
        if not description and status:
            description = {
                429: f"Too Many Requests: retry after {retry_after or 1}",
                403: "Forbidden: bot was blocked by the user",
                500: "Internal Server Error",
                502: "Bad Gateway",
                503: "Service Unavailable",
                504: "Gateway Timeout",
            }.get(status, "Error")
        if status == 429 and retry_after is None:
            retry_after = 1
        fault = Fault(method, status, description, retry_after, timeout, processed, times, chat_id)
        self.faults.append(fault)
        return fault

    def _take_fault(self, method: str, params: dict[str, Any]) -> Fault | None:
        for fault in self.faults:
            if fault.times <= 0:
                continue
            if fault.method is not None and fault.method.lower() != method.lower():
                continue
            if fault.chat_id is not None and str(params.get("chat_id")) != str(fault.chat_id):
                continue
            fault.times -= 1
            return fault
        return None

    # --- the API ------------------------------------------------------------------------------
    async def handle(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API call: (HTTP status, JSON body). May raise InjectedTimeout."""
        status, body = await self._handle(token, method, params)
        self.calls.append(Call(method, _loggable(params), status))
        return status, body

    async def _handle(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if not TOKEN_SHAPE.match(token):
            return _error(404, "Not Found")
        if token != self.token:
            return _error(401, "Unauthorized")
        handler = getattr(self, "_api_" + method.lower(), None)
        if handler is None:
            return _error(404, "Not Found")
        fault = self._take_fault(method, params)
        if fault is not None and fault.timeout and not fault.processed:
            raise InjectedTimeout(method)
        if fault is not None and not fault.timeout:
            return _error(
                fault.status, fault.description, {"retry_after": fault.retry_after} if fault.retry_after else None
            )
        try:
            result = await handler(params)
        except ApiError as err:
            return _error(err.status, err.description, err.parameters)
        if fault is not None and fault.timeout:
            raise InjectedTimeout(method)
        return 200, {"ok": True, "result": result}

    async def _api_getme(self, p: dict[str, Any]) -> Any:
        return self.bot_user() | {
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _api_getupdates(self, p: dict[str, Any]) -> Any:
        if self.webhook is not None:
            raise ApiError(409, WEBHOOK_CONFLICT)
        offset = int(p.get("offset") or 0)
        limit = min(max(int(p.get("limit") or 100), 1), 100)
        timeout = float(p.get("timeout") or 0)
        if "allowed_updates" in p and p["allowed_updates"] not in (None, ""):
            allowed = _json(p["allowed_updates"])
            self.allowed_updates = list(allowed) or None
        self._confirm(offset)
        self._poll_generation += 1
        generation = self._poll_generation
        self._update_arrived.set()  # wake an older poll so it can notice it was superseded
        self._update_arrived = asyncio.Event()
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            if generation != self._poll_generation:
                raise ApiError(409, POLL_CONFLICT)
            ready = [u for u in self._updates if self._allowed(u)][:limit]
            remaining = deadline - asyncio.get_running_loop().time()
            if ready or remaining <= 0:
                return ready
            event = self._update_arrived
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def _confirm(self, offset: int) -> None:
        if offset > 0:
            while self._updates and self._updates[0]["update_id"] < offset:
                self._updates.popleft()
        elif offset < 0:
            while len(self._updates) > -offset:
                self._updates.popleft()

    def _allowed(self, update: dict[str, Any]) -> bool:
        if not self.allowed_updates:
            return True
        return any(kind in update for kind in self.allowed_updates)

    async def _api_sendmessage(self, p: dict[str, Any]) -> Any:
        chat_id = self._chat_for_send(p)
        text = str(p.get("text") or "")
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        self._check_parse_mode(p, text)
        if utf16_len(text) > TEXT_LIMIT:
            raise ApiError(400, "Bad Request: message is too long")
        markup = self._markup(p)
        self._flood_check(chat_id)
        msg = self._store(chat_id, from_bot=True, from_id=self.bot_id, text=text)
        msg.reply_markup = markup
        self._announce(msg)
        return self._message_json(msg)

    async def _api_senddocument(self, p: dict[str, Any]) -> Any:
        chat_id = self._chat_for_send(p)
        doc = p.get("document")
        if not isinstance(doc, UploadedFile):
            raise ApiError(400, "Bad Request: there is no document in the request")
        caption = p.get("caption")
        if caption is not None and utf16_len(str(caption)) > CAPTION_LIMIT:
            raise ApiError(400, "Bad Request: message caption is too long")
        markup = self._markup(p)
        self._flood_check(chat_id)
        msg = self._store(chat_id, from_bot=True, from_id=self.bot_id, text=None, caption=caption)
        msg.reply_markup = markup
        n = self._next_file
        self._next_file += 1
        msg.document = {
            "file_id": f"BQACAgUAAx{n:08d}",
            "file_unique_id": f"AgAD{n:06d}",
            "file_name": doc.filename,
            "mime_type": doc.content_type,
            "file_size": len(doc.content),
        }
        msg.file_bytes = doc.content
        self._announce(msg)
        return self._message_json(msg)

    async def _api_editmessagetext(self, p: dict[str, Any]) -> Any:
        msg = self._bot_message(p)
        text = str(p.get("text") or "")
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(text) > TEXT_LIMIT:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        markup = self._markup(p)
        if msg.text == text and msg.reply_markup == markup:
            raise ApiError(400, NOT_MODIFIED)
        msg.text, msg.reply_markup = text, markup
        msg.edits += 1
        return self._message_json(msg)

    async def _api_editmessagereplymarkup(self, p: dict[str, Any]) -> Any:
        msg = self._bot_message(p)
        markup = self._markup(p)
        if msg.reply_markup == markup:
            raise ApiError(400, NOT_MODIFIED)
        msg.reply_markup = markup
        msg.edits += 1
        return self._message_json(msg)

    async def _api_deletemessage(self, p: dict[str, Any]) -> Any:
        chat_id = int(p.get("chat_id") or 0)
        if self.messages.get(chat_id, {}).pop(int(p.get("message_id") or 0), None) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    async def _api_answercallbackquery(self, p: dict[str, Any]) -> Any:
        query = self.callback_queries.get(str(p.get("callback_query_id")))
        if query is None or query["answered"]:
            raise ApiError(400, QUERY_TOO_OLD)
        text = p.get("text")
        if text is not None and len(str(text)) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        query["answered"], query["answer"] = True, text
        return True

    async def _api_getchatmember(self, p: dict[str, Any]) -> Any:
        chat_id, user_id = int(str(p.get("chat_id"))), int(str(p.get("user_id")))
        if chat_id not in self.chats:
            raise ApiError(400, "Bad Request: chat not found")
        if user_id not in self.users and user_id != self.bot_id:
            raise ApiError(400, "Bad Request: user not found")
        user = self.bot_user() if user_id == self.bot_id else self.users[user_id]
        if chat_id > 0:
            status = "member" if user_id in (chat_id, self.bot_id) else "left"
        elif self.group_creator.get(chat_id) == user_id:
            status = "creator"
        elif user_id in self.group_admins.get(chat_id, set()):
            status = "administrator"
        else:
            status = "member" if user_id in self.members.get(chat_id, set()) else "left"
        return _chat_member(user, status)

    async def _api_getchatadministrators(self, p: dict[str, Any]) -> Any:
        chat_id = int(str(p.get("chat_id")))
        if chat_id > 0 or chat_id not in self.chats:
            raise ApiError(400, "Bad Request: there are no administrators in the private chat")
        out = [_chat_member(self.users[uid], "administrator") for uid in sorted(self.group_admins.get(chat_id, set()))]
        if chat_id in self.group_creator:
            out.insert(0, _chat_member(self.users[self.group_creator[chat_id]], "creator"))
        return out

    async def _api_setmycommands(self, p: dict[str, Any]) -> Any:
        commands = _json(p.get("commands") or "[]")
        if len(commands) > 100:
            raise ApiError(400, "Bad Request: too many commands")
        for c in commands:
            if not BOT_COMMAND_NAME.match(str(c.get("command", ""))):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(c.get("description", ""))) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._scope_key(p)] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    async def _api_getmycommands(self, p: dict[str, Any]) -> Any:
        return self.commands.get(self._scope_key(p), [])

    async def _api_deletemycommands(self, p: dict[str, Any]) -> Any:
        self.commands.pop(self._scope_key(p), None)
        return True

    async def _api_setwebhook(self, p: dict[str, Any]) -> Any:
        url = str(p.get("url") or "")
        if not url:
            self.webhook = None
            return True
        parts = urlsplit(url)
        if parts.scheme != "https":
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        if (parts.port or 443) not in WEBHOOK_PORTS:
            raise ApiError(400, "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
        secret = p.get("secret_token")
        if secret is not None and not SECRET_TOKEN.match(str(secret)):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        if _truthy(p.get("drop_pending_updates")):
            self._updates.clear()
        self.webhook = {"url": url, "secret_token": secret, "allowed_updates": p.get("allowed_updates")}
        return True

    async def _api_deletewebhook(self, p: dict[str, Any]) -> Any:
        self.webhook = None
        if _truthy(p.get("drop_pending_updates")):
            self._updates.clear()
        return True

    async def _api_getwebhookinfo(self, p: dict[str, Any]) -> Any:
        return {
            "url": (self.webhook or {}).get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    async def _api_close(self, p: dict[str, Any]) -> Any:
        return True

    # --- helpers ------------------------------------------------------------------------------
    def _scope_key(self, p: dict[str, Any]) -> str:
        scope = _json(p["scope"]) if p.get("scope") else {"type": "default"}
        return f"{scope.get('type')}:{p.get('language_code') or ''}"

    def _chat_for_send(self, p: dict[str, Any]) -> int:
        raw = p.get("chat_id")
        try:
            chat_id = int(str(raw))
        except ValueError:
            raise ApiError(400, "Bad Request: chat not found") from None
        if chat_id not in self.chats:
            raise ApiError(400, "Bad Request: chat not found")
        if chat_id > 0 and chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat_id < 0 and self.bot_id not in self.members.get(chat_id, set()):
            raise ApiError(403, "Forbidden: bot is not a member of the supergroup chat")
        return chat_id

    def _bot_message(self, p: dict[str, Any]) -> StoredMessage:
        try:
            chat_id, message_id = int(str(p.get("chat_id"))), int(str(p.get("message_id")))
        except ValueError:
            raise ApiError(400, "Bad Request: message to edit not found") from None
        msg = self.messages.get(chat_id, {}).get(message_id)
        if msg is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if not msg.from_bot:
            raise ApiError(400, "Bad Request: message can't be edited")
        return msg

    def _markup(self, p: dict[str, Any]) -> dict[str, Any] | None:
        raw = p.get("reply_markup")
        if raw in (None, ""):
            return None
        markup = _json(raw)
        if "inline_keyboard" not in markup:
            return markup
        for row in markup["inline_keyboard"]:
            for button in row:
                if not str(button.get("text", "")).strip():
                    raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode("utf-8")) <= CALLBACK_DATA_LIMIT:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        return markup

    def _check_parse_mode(self, p: dict[str, Any], text: str) -> None:
        mode = str(p.get("parse_mode") or "")
        if mode.upper() == "HTML" and re.search(r"<(?!/?(b|i|u|s|a|code|pre|tg-spoiler|blockquote)\b)", text):
            raise ApiError(400, "Bad Request: can't parse entities: unsupported start tag")
        if mode == "MarkdownV2" and re.search(r"(?<!\\)[_*\[\]()~`>#+\-=|{}.!]", text):
            raise ApiError(400, "Bad Request: can't parse entities: character is reserved and must be escaped")

    def _flood_check(self, chat_id: int) -> None:
        if not self.flood_limit and not self.per_chat_interval:
            return
        now = self.clock()
        while self.sent_times and self.sent_times[0] <= now - 1.0:
            self.sent_times.popleft()
        wait = 0.0
        if self.flood_limit and len(self.sent_times) >= self.flood_limit:
            wait = self.sent_times[0] + 1.0 - now
        last = self._last_in_chat.get(chat_id)
        in_chat = bool(self.per_chat_interval and last is not None and now - last < self.per_chat_interval)
        if in_chat:
            wait = max(wait, last + self.per_chat_interval - now)  # type: ignore[operator]
        if wait > 0:
            self.too_many_requests += 1
            self.too_many_in_chat += in_chat
            seconds = max(1, math.ceil(wait))
            raise ApiError(429, f"Too Many Requests: retry after {seconds}", {"retry_after": seconds})
        self.sent_times.append(now)
        self._last_in_chat[chat_id] = now

    def _store(
        self, chat_id: int, *, from_bot: bool, from_id: int, text: str | None, caption: Any = None
    ) -> StoredMessage:
        n = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = n + 1
        msg = StoredMessage(
            chat_id, n, from_bot, from_id, int(time.time()), text, str(caption) if caption is not None else None
        )
        self.messages.setdefault(chat_id, {})[n] = msg
        return msg

    def _announce(self, msg: StoredMessage) -> None:
        for listener in list(self.on_bot_message):
            listener(msg)

    def _push(self, payload: dict[str, Any]) -> None:
        update = {"update_id": self._next_update_id, **payload}
        self._next_update_id += 1
        self._updates.append(update)
        self._update_arrived.set()

    def _entities(self, text: str | None, commands: bool = True) -> list[dict[str, Any]]:
        if not text:
            return []
        found: list[dict[str, Any]] = []
        match = COMMAND_RE.match(text) if commands else None
        if match:
            found.append({"type": "bot_command", "offset": 0, "length": utf16_len(match.group(0))})
        for m in MENTION_RE.finditer(text):
            found.append({"type": "mention", "offset": utf16_len(text[: m.start()]), "length": utf16_len(m.group(0))})
        return found

    def _message_json(self, msg: StoredMessage) -> dict[str, Any]:
        sender = self.bot_user() if msg.from_bot else self.users[msg.from_id]
        out: dict[str, Any] = {
            "message_id": msg.message_id,
            "from": sender,
            "chat": self.chats[msg.chat_id],
            "date": msg.date,
        }
        if msg.text is not None:
            out["text"] = msg.text
            if msg.entities:
                out["entities"] = msg.entities
        if msg.caption is not None:
            out["caption"] = msg.caption
            if msg.extra.get("caption_entities"):
                out["caption_entities"] = msg.extra["caption_entities"]
        if msg.reply_markup:
            out["reply_markup"] = msg.reply_markup
        if msg.document:
            out["document"] = msg.document
        for key in ("sticker", "photo"):
            if key in msg.extra:
                out[key] = msg.extra[key]
        if msg.reply_to is not None:
            replied = self.messages[msg.chat_id].get(msg.reply_to)
            if replied is not None:
                out["reply_to_message"] = self._message_json(replied)
        return out

    # --- transports ---------------------------------------------------------------------------
    def transport(self) -> httpx.MockTransport:
        """An httpx transport that answers from this fake, in-process."""

        async def respond(request: httpx.Request) -> httpx.Response:
            token, method = _split_path(request.url.path)
            query = request.url.query.decode("ascii")
            body = await request.aread()
            params = _parse_params(request.method, query, request.headers.get("content-type", ""), body)
            try:
                status, body = await self.handle(token, method, params)
            except InjectedTimeout:
                raise httpx.ReadTimeout("injected read timeout", request=request) from None
            return httpx.Response(status, json=body)

        return httpx.MockTransport(respond)

    def request(self, **httpx_kwargs: Any) -> Any:
        """python-telegram-bot's own HTTPXRequest, its transport being this fake."""
        from telegram.request import HTTPXRequest

        return HTTPXRequest(httpx_kwargs={"transport": self.transport(), **httpx_kwargs})

    async def serve(self, host: str = "127.0.0.1") -> FakeServer:
        """Start a real HTTP server for this fake on a free loopback port."""
        server = FakeServer(self)
        await server.start(host)
        return server


@dataclass
class UploadedFile:
    filename: str
    content: bytes
    content_type: str


def _chat_member(user: dict[str, Any], status: str) -> dict[str, Any]:
    """A Bot API ChatMember object of that status, with the fields each status requires."""
    member: dict[str, Any] = {"user": user, "status": status}
    if status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        rights = (
            "can_be_edited", "can_manage_chat", "can_delete_messages", "can_manage_video_chats",
            "can_restrict_members", "can_promote_members", "can_change_info", "can_invite_users",
            "can_post_stories", "can_edit_stories", "can_delete_stories",
        )
        member |= {"is_anonymous": False} | {right: right != "can_promote_members" for right in rights}
    return member


def _error(status: int, description: str, parameters: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return status, body


def _json(raw: Any) -> Any:
    return json.loads(raw) if isinstance(raw, str | bytes) else raw


def _truthy(value: Any) -> bool:
    return str(value).lower() in ("true", "1")


def _loggable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: (f"<file {v.filename}>" if isinstance(v, UploadedFile) else v) for k, v in params.items()}


def _split_path(path: str) -> tuple[str, str]:
    """/bot<token>/<method> -> (token, method); anything else -> ("", "")."""
    parts = path.strip("/").split("/")
    if len(parts) < 2 or not parts[-2].startswith("bot"):
        return "", ""
    return parts[-2][3:], parts[-1]


def _parse_params(http_method: str, query: str, content_type: str, body: bytes) -> dict[str, Any]:
    params: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    if http_method.upper() != "POST" or not body:
        return params
    if content_type.startswith("application/json"):
        params.update(json.loads(body))
    elif content_type.startswith("multipart/form-data"):
        head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if filename is not None:
                params[str(name)] = UploadedFile(filename, payload, part.get_content_type())
            else:
                params[str(name)] = payload.decode("utf-8")
    else:
        params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    return params


class FakeServer:
    """A minimal HTTP/1.1 server (keep-alive, Content-Length or chunked bodies) on loopback."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        self.server: asyncio.Server | None = None
        self.port = 0
        self._connections: set[asyncio.Task[Any]] = set()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self, host: str) -> None:
        self.server = await asyncio.start_server(self._connection, host, 0)
        self.port = self.server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        if self.server is not None:
            self.server.close()
            for task in list(self._connections):
                task.cancel()
            await asyncio.gather(*self._connections, return_exceptions=True)
            await self.server.wait_closed()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._connections.add(task)
        try:
            while True:
                request_line = await reader.readline()
                if not request_line:
                    break
                http_method, target, _ = request_line.decode("latin-1").split(" ", 2)
                headers: dict[str, str] = {}
                while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
                    key, _, value = line.decode("latin-1").partition(":")
                    headers[key.strip().lower()] = value.strip()
                body = await _read_body(reader, headers)
                path, _, query = target.partition("?")
                token, method = _split_path(path)
                params = _parse_params(http_method, query, headers.get("content-type", ""), body)
                try:
                    status, payload = await self.fake.handle(token, method, params)
                except InjectedTimeout:
                    break  # drop the connection: the client sees a failed request
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                writer.write(
                    f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
                    f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
                    "Connection: keep-alive\r\n\r\n".encode("latin-1")
                    + data
                )
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            pass
        finally:
            self._connections.discard(task)
            writer.close()


async def _read_body(reader: asyncio.StreamReader, headers: dict[str, str]) -> bytes:
    if headers.get("transfer-encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size = int((await reader.readline()).strip() or b"0", 16)
            if size == 0:
                await reader.readline()
                return b"".join(chunks)
            chunks.append(await reader.readexactly(size))
            await reader.readline()
    length = int(headers.get("content-length", "0") or 0)
    return await reader.readexactly(length) if length else b""
