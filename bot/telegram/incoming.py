"""Turning a Telegram message or button press into a dialog Event.

Private chats are the product: everything there is for the bot. In a group the bot speaks only
when addressed — a command (bare, or /command@thisbot), a mention of @thisbot, or a reply to one
of its messages — so it does not answer every message of a busy group."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Chat, Message, MessageEntity, Update

from core.model import Event


@dataclass(frozen=True)
class Incoming:
    chat_id: int
    event: Event
    sender_id: int | None = None  # the Telegram user who sent it (admin rights are checked on it)
    message_id: int | None = None  # the message sent, or the one whose button was pressed


def is_group(chat: Chat) -> bool:
    return chat.type in (Chat.GROUP, Chat.SUPERGROUP)


def from_message(message: Message, bot_id: int, bot_username: str, admin_ids: frozenset[int]) -> Incoming | None:
    """The event a new message stands for, or None when the bot should stay silent."""
    chat = message.chat
    if chat.type == Chat.CHANNEL:
        return None
    group = is_group(chat)
    sender_id = message.from_user.id if message.from_user else None
    # Admin commands only in a private chat: /stats output is not for a group's members.
    admin = not group and sender_id is not None and sender_id in admin_ids
    text = message.text if message.text is not None else (message.caption or "")

    command = _command(message, bot_username)
    if command == "":  # a command for another bot in the group
        return None
    if command is not None:
        name, args = command
        event = Event.command(name, args, in_group=group, is_admin=admin)
        return Incoming(chat.id, event, sender_id, message.message_id)
    if group:
        if not _addressed(message, bot_id, bot_username):
            return None
        text = _without_mention(text, bot_username)
    # A sticker, photo or voice note without a caption arrives as empty text: the router answers
    # it politely and repeats the pending question.
    return Incoming(chat.id, Event.say(text, in_group=group, is_admin=admin), sender_id, message.message_id)


def from_press(update: Update, admin_ids: frozenset[int]) -> Incoming | None:
    query = update.callback_query
    if query is None or query.message is None or query.data is None:
        return None
    chat = query.message.chat
    group = is_group(chat)
    admin = not group and query.from_user.id in admin_ids
    event = Event.press(query.data, in_group=group, is_admin=admin)
    return Incoming(chat.id, event, query.from_user.id, query.message.message_id)


def _command(message: Message, bot_username: str) -> tuple[str, str] | str | None:
    """(name, args) for a command, "" for a command addressed to another bot, None otherwise."""
    text = message.text or ""
    entities = message.entities or ()
    first = next((e for e in entities if e.type == MessageEntity.BOT_COMMAND and e.offset == 0), None)
    if first is None:
        return None
    word = text[1 : first.length]
    name, _, target = word.partition("@")
    if target and target.lower() != bot_username.lower():
        return ""
    # "/region @thisbot 北京": the mention says whom the command is for, it is no argument (brk10)
    return name.lower(), _without_mention(text[first.length :], bot_username)


def _addressed(message: Message, bot_id: int, bot_username: str) -> bool:
    reply_to = message.reply_to_message
    if reply_to is not None and reply_to.from_user is not None and reply_to.from_user.id == bot_id:
        return True
    mention = "@" + bot_username.lower()
    for entity, value in message.parse_entities([MessageEntity.MENTION]).items():
        if entity.type == MessageEntity.MENTION and value.lower() == mention:
            return True
    for entity, value in message.parse_caption_entities([MessageEntity.MENTION]).items():
        if entity.type == MessageEntity.MENTION and value.lower() == mention:
            return True
    return any(
        e.type == MessageEntity.TEXT_MENTION and e.user is not None and e.user.id == bot_id
        for e in (message.entities or ())
    )


def _without_mention(text: str, bot_username: str) -> str:
    mention = "@" + bot_username
    lowered = text.lower()
    start = lowered.find(mention.lower())
    while start != -1:
        text = text[:start] + text[start + len(mention) :]
        lowered = text.lower()
        start = lowered.find(mention.lower())
    return text.strip()
