"""Blind question sets (written from the source texts only) and their strict grading.

An item (see /work/blind/WRITER_BRIEF.md for how they were written):
  q, region (the user's chosen region or null), kind, decision (answer | verdict | decline |
  smalltalk | not_covered), regions, source [{doc, section}], answer (for humans), facts (groups
  of alternative strings: each group must be present), must_not (strings that make a reply wrong),
  optionally parts (for a multi-part question: per part, in order, the indexes of its fact groups).

Each item is run through the real chat path — `dialogs.router.handle` with a UserState holding the
item's region, at 2026-11-30 10:00 Asia/Shanghai — and graded on the text the user sees (NFKC,
whitespace removed). The grading is generic: nothing here knows any question.

- decision: `answer`/`verdict` items must be answered (answer or likely); `decline` items must
  say that the texts do not give it (their facts), whatever the band, and must not state what
  must_not lists; `smalltalk`/`not_covered` items must get a reply that is neither the generic
  decline nor only a suggestion list.
- every fact group present, no must_not string present; a reply composed of parts (a multi-part
  question's parts, a comparison's regions) graded part by part (tests/eval/parts_grade.py): a part
  said unanswered is missed, and a part's facts must be in the section that answers it;
- answered items cite a source of an expected document (its 文号, or its short title).
"Right or first suggestion right": right, or the reply was a suggestion list and pressing its
first button (through the router again) gives a right answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

HERE = Path(__file__).parent
NOW = dt.datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
ANSWERED = ("answer", "likely")
MUST_ANSWER = ("answer", "verdict")
KINDS = (
    "fact",
    "colloquial",
    "typo",
    "situational",
    "comparison",
    "multipart",
    "in_force",
    "not_covered",
    "method",
    "oos",
    "smalltalk",
)


@dataclass(frozen=True)
class Item:
    id: str
    q: str
    region: str | None
    kind: str
    decision: str
    regions: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()  # documents of `source`
    facts: tuple[tuple[str, ...], ...] = ()
    must_not: tuple[str, ...] = ()
    answer: str = ""
    # per part of a multi-part question, in the order asked: the indexes of `facts` that part must
    # give (`parts: [[0], [1, 2]]`); () when the item does not say (tests/eval/parts_grade.py)
    parts: tuple[tuple[int, ...], ...] = ()

    @property
    def split(self) -> str:
        """A stable 60/40 split by a hash of the question: "fit" may tune, "held-out" only reports."""
        h = int(hashlib.sha1(self.q.encode("utf-8")).hexdigest(), 16)
        return "fit" if h % 5 < 3 else "held-out"

    @property
    def answerable(self) -> bool:
        return self.decision in MUST_ANSWER


def load_items(path: Path) -> list[Item]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    items = []
    for r in raw:
        facts = tuple(tuple(str(x) for x in (g if isinstance(g, list) else [g])) for g in r.get("facts") or ())
        items.append(
            Item(
                id=str(r.get("id", "")),
                q=str(r["q"]),
                region=r.get("region") or None,
                kind=str(r.get("kind", "fact")),
                decision=str(r.get("decision", "answer")),
                regions=tuple(r.get("regions") or ()),
                docs=tuple(dict.fromkeys(str(s["doc"]) for s in r.get("source") or () if s and s.get("doc"))),
                facts=facts,
                must_not=tuple(str(x) for x in r.get("must_not") or ()),
                answer=str(r.get("answer") or ""),
                parts=_parts_of(r.get("parts"), len(facts)),
            )
        )
    return items


def _parts_of(raw: Any, n_facts: int) -> tuple[tuple[int, ...], ...]:
    """An item's `parts:` annotation: a list per part of fact-group indexes (a bare index is a list
    of one). ValueError when an index names no fact group: a typo must not grade silently."""
    parts = tuple(tuple(int(x) for x in (p if isinstance(p, list) else [p])) for p in raw or ())
    bad = [i for p in parts for i in p if not 0 <= i < n_facts]
    if bad:
        raise ValueError(f"parts: fact group index {bad[0]} out of range (the item has {n_facts})")
    return parts


NOT_GIVEN_PREFIX = "not-covered-"  # entries whose answer says the stored texts do not give it
# How a reply's first sentence says the texts do not give what was asked (method questions answered
# from faq/method.yaml or the search's "no entry gives this" note, not only not-covered-* entries).
NOT_GIVEN_MARKS = (
    *("没有找到", "没有给出", "没有写明", "没有定义", "没有规定"),
    *("未给出", "未规定", "文件没有", "没有提到"),
)


def norm(text: str) -> str:
    """NFKC, lower case, no whitespace: what facts are looked for in."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


@dataclass(frozen=True)
class Seen:
    """What the user saw for one question."""

    text: str  # every reply's text, joined
    decision: str  # answer | likely | suggest | decline
    first_button: str | None = None  # callback data of the first suggestion / alternative
    # every entry shown says what the stored texts do not give (and whom to ask): an honest decline
    says_not_given: bool = False
    kind: str = ""  # the turn's kind (dialogs.qa.turn.Kind)
    sections: tuple[Any, ...] = ()  # the turn's sections (dialogs.qa.turn.Section): graded per part


@dataclass
class Grade:
    right: bool
    right_or_first: bool
    reasons: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------- running the chat


def chat(kb: Any, q: str, region: str | None) -> Seen:
    """One question through the router, as a user with `region` chosen and no dialog going. The
    decision is the Q&A turn's own (dialogs.qa.respond, which the router runs for such a user)."""
    from dataclasses import replace

    from core.model import Event, UserState
    from dialogs import qa
    from dialogs.router import clean_text, handle

    outcome = handle(UserState(user_id=1, region=region), Event.say(q), kb, NOW)
    turn = qa.respond(UserState(user_id=1, region=region), clean_text(q), kb, NOW)
    first_sentence = turn.text.split("。", 1)[0]
    not_given = (bool(turn.shown) and all(a.entry_id.startswith(NOT_GIVEN_PREFIX) for a in turn.shown)) or any(
        m in first_sentence for m in NOT_GIVEN_MARKS
    )
    seen = seen_of(outcome.replies)
    return replace(seen, decision=turn.decision, says_not_given=not_given, kind=turn.kind, sections=turn.sections)


def press(kb: Any, data: str, region: str | None) -> Seen:
    from core.model import Event, UserState
    from dialogs.router import handle

    outcome = handle(UserState(user_id=1, region=region), Event.press(data), kb, NOW)
    return seen_of(outcome.replies)


def seen_of(replies: Sequence[Any]) -> Seen:
    """Classify a reply by what it shows: a decline, a suggestion list, an answer with the
    likeliest marked and alternatives as buttons, or an answer."""
    from dialogs.texts import qa as T
    from dialogs.texts import qa_suggest as S

    text = "\n".join(r.text for r in replies)
    ask_buttons = [b.data for r in replies for row in r.buttons for b in row if b.data.startswith("g:ask:")]
    first = ask_buttons[0] if ask_buttons else None
    head = replies[0].text if replies else ""
    if head.startswith(T.DECLINE[:12]):
        decision = "decline"
    elif head.startswith((T.DID_YOU_MEAN[:8], S.NOT_IN_TEXTS[:8])):
        decision = "suggest"
    elif ask_buttons:
        decision = "likely"
    else:
        decision = "answer"
    return Seen(text, decision, first)


# ---------------------------------------------------------------------- grading


def cited_documents(kb: Any, text: str) -> set[str]:
    """Ids of the documents whose 文号 or short title the text shows."""
    t = norm(text)
    found = set()
    for doc_id, doc in kb.documents.items():
        marks = [m for m in (getattr(doc, "number", ""), getattr(doc, "short", "")) if m]
        if any(norm(m) in t for m in marks):
            found.add(doc_id)
    return found


def content_faults(kb: Any, item: Item, text: str, need_source: bool) -> list[str]:
    """What is wrong with a text as a reply to the item, whatever kind of reply it was."""
    t = norm(text)
    faults = [f"missing {'|'.join(g)}" for g in item.facts if not any(norm(x) in t for x in g)]
    faults += [f"must not say {x}" for x in item.must_not if norm(x) and norm(x) in t]
    if need_source and item.docs and not (cited_documents(kb, text) & set(item.docs)):
        faults.append(f"no source of {', '.join(item.docs)}")
    return faults


def grade(kb: Any, item: Item, seen: Seen, per_part: bool = True) -> Grade:
    """`per_part`: grade a reply composed of parts part by part (False: the earlier grader, which
    looked for every fact anywhere in the reply, kept to report how figures moved)."""
    from tests.eval.parts_grade import part_faults

    reasons: list[str] = []
    if item.answerable:
        if seen.decision not in ANSWERED:
            reasons.append(f"not answered ({seen.decision})")
        reasons += content_faults(kb, item, seen.text, need_source=True)
        if per_part:
            reasons += [f for f in part_faults(item, seen.kind, seen.sections, norm) if f not in reasons]
    elif item.decision == "decline":
        # The facts of a decline item are the ways of saying "the texts do not give this"; a reply
        # that says so (an entry that tells what is missing and whom to ask) declines, whatever
        # band it came in. Without such facts, a confident answer is wrong unless every entry it
        # shows is one that says what the texts do not give (as the dev harness counts them).
        if seen.decision in ANSWERED and not item.facts and not seen.says_not_given:
            reasons.append("answered confidently")
        reasons += content_faults(kb, item, seen.text, need_source=False)
    else:  # smalltalk, not_covered: a reply of its own, with the facts
        if seen.decision not in ANSWERED:
            reasons.append(f"no reply of its own ({seen.decision})")
        reasons += content_faults(kb, item, seen.text, need_source=False)
    right = not reasons
    right_or_first = right
    if not right and item.answerable and seen.decision == "suggest" and seen.first_button:
        pressed = press(kb, seen.first_button, item.region)
        right_or_first = not content_faults(kb, item, pressed.text, need_source=True)
    return Grade(right, right_or_first, reasons)


def top_right(kb: Any, item: Item, shown: str) -> int:
    """1 when `shown` (the best entry's text, as if answered) would be a right reply to the item:
    for answerable items the facts and a source; for decline and not_covered items their facts
    (an entry that says what the texts do not give); never for small talk. The label the
    confidence must separate."""
    if item.decision == "smalltalk" or not shown or (not item.answerable and not item.facts):
        return 0
    return int(not content_faults(kb, item, shown, need_source=item.answerable))
