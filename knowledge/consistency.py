"""One fact, one place (issue 9): a limit or date held by a rule or a calendar entry may be written
again in an answer only if the two agree. This walks every number and date in the FAQ answers,
the calendar stages and status notes, the profile fields' help and the criteria's explanations,
and reports a disagreement with the rule or deadline that cites the same passage:

  numbers  "不超过15%" where the rule that cites that passage says < 15 (audit C-2), or "20张" where
           it says 30;
  dates    a yearly date called 当年 (audit K2, C-4); a one-year date stated without its year or as
           每年 (audit F15, F16, C-8); a yearly date that ends (2024—2025) stated without its last
           year or the text that took over (audit F12); a date the passage's deadline does not have.

Text inside “…” is someone else's wording being quoted, not a claim, and is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.base import KnowledgeBase
from knowledge.calendar.loader import read_calendars
from knowledge.calendar.model import DeadlineRule, clamped
from knowledge.documents import Catalogue, Citation
from knowledge.eligibility.loader import read_fields, read_rule_sets
from knowledge.eligibility.model import Criterion
from knowledge.faq import read_faq

QUOTED = re.compile(r"“[^”]*”")
NUMBER = re.compile(
    r"(?P<cmp>不少于|不低于|不得低于|至少|不超过|低于|高于|超过|多于|≥|≤|＞|＜|>|<)?"
    r"(?P<num>\d+(?:\.\d+)?)(?P<unit>%|％|张|平方米|名|人次|人|种|所|支|倍)(?P<suffix>及以上|以上|以下)?"
)
DATE = re.compile(r"(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日|(?P<end>底))")
MONTHLY = re.compile(r"每月(?P<day>\d{1,2})日")
YEAR_BEFORE = re.compile(r"(?P<year>\d{4})年(?:度)?(?:于)?$")
LOOKBACK = 6  # characters before a date searched for 每年 / 当年 / a year
UNITS = {"％": "%", "名": "人"}
COMPARATORS: dict[str, set[str]] = {
    "不少于": {">="}, "不低于": {">="}, "不得低于": {">="}, "至少": {">="}, "≥": {">="}, "及以上": {">="},
    "高于": {">"}, "超过": {">"}, "多于": {">"}, "＞": {">"}, ">": {">"},
    "不超过": {"<="}, "≤": {"<="}, "低于": {"<"}, "＜": {"<"}, "<": {"<"},
    "以上": {">=", ">"}, "以下": {"<=", "<"},
}  # fmt: skip


@dataclass(frozen=True)
class Text:
    """A piece of knowledge-base text with the passages it cites, and where to report it."""

    where: str
    text: str
    citations: tuple[Citation, ...]


def check_one_place(kb: KnowledgeBase) -> list[str]:
    """kb check: every number and date in the knowledge base's texts agrees with the rule or
    deadline that holds it (one `file: entry: message` per disagreement)."""
    fields, faults = read_fields(kb.root)
    if faults:
        return []  # reported by check_rules
    rule_sets, _ = read_rule_sets(kb.root, fields, kb.catalogue)
    calendars, _ = read_calendars(kb.root, kb.catalogue)
    criteria = [c for s in rule_sets.values() for c in s.weighed().criteria]
    deadlines = list({r.id: r for cal in calendars.values() for r in cal.rules}.values())
    errors = []
    for item in texts(kb, rule_sets, calendars, fields):
        cited = "\n".join(_section(kb, c) for c in item.citations)
        errors += [f"{item.where}: {p}" for p in disagreements(item, criteria, deadlines, kb.catalogue, cited)]
    return errors


def _section(kb: KnowledgeBase, citation: Citation) -> str:
    doc = kb.documents.get(citation.document)
    return doc.sections.get(citation.section, "") if doc else ""


def texts(kb: KnowledgeBase, rule_sets: dict, calendars: dict, fields: dict) -> Iterable[Text]:
    """Every text that may restate a rule's limit or a deadline, with the passages it cites."""
    entries, _ = read_faq(kb.root)
    for e in entries:
        yield Text(f"faq/{e.file}: {e.id}", e.answer, e.citations)
    for calendar in calendars.values():
        where = f"calendars/{calendar.file}"
        for stage in calendar.stages:
            if stage.citation is not None:
                yield Text(f"{where}: {stage.id}", f"{stage.actor}\n{stage.next_step}", (stage.citation,))
        for i, note in enumerate(calendar.status_notes, 1):
            yield Text(f"{where}: status note {i}", note.text, note.citations)
    for spec in fields.values():
        if spec.citations:
            yield Text(f"fields.yaml: {spec.name}", spec.help, spec.citations)
    for rule_set in rule_sets.values():
        for c in rule_set.weighed().criteria:
            yield Text(f"rules/{rule_set.file}: {c.id}: why", c.why, (c.citation,))


def _same_passage(citation: Citation, holder: Citation) -> bool:
    """The text cites the passage the rule or deadline cites (the same section or one inside it)."""
    return citation.document == holder.document and citation.section.startswith(holder.section)


def disagreements(
    item: Text, criteria: list[Criterion], deadlines: list[DeadlineRule], catalogue: Catalogue, cited: str = ""
) -> list[str]:
    """What in `item` disagrees with the criteria and deadlines holding the passages it cites.
    `cited` is the text of those passages: a number written there is the passage's own fact (another
    item of the same section), not a disagreement."""
    text = QUOTED.sub(lambda m: "＿" * len(m.group(0)), item.text)  # keep positions, drop quoted words
    held = [c for c in criteria if isinstance(c.limit, int | float) and _cites(item, c.citation)]
    dated = [r for r in deadlines if _cites(item, r.citation)]
    return _numbers(text, held, cited) + _dates(text, item.text, dated, catalogue)


def _cites(item: Text, holder: Citation) -> bool:
    return any(_same_passage(c, holder) for c in item.citations)


def _unit(unit: str) -> str:
    return UNITS.get(unit, unit)


def _numbers(text: str, held: list[Criterion], cited: str) -> list[str]:
    problems = []
    for m in NUMBER.finditer(text):
        unit, value = _unit(m.group("unit")), float(m.group("num"))
        same_unit = [c for c in held if _unit(c.unit) == unit]
        if not same_unit:
            continue
        equal = [c for c in same_unit if float(c.limit) == value]
        if not equal and re.search(rf"(?<![A-Za-z0-9.]){re.escape(m.group('num'))}(?![0-9.])", cited):
            continue  # the cited passage's own number (another item of the same section)
        if not equal:
            limits = "、".join(f"{c.id} {c.compare}{c.limit}{c.unit}" for c in same_unit)
            problems.append(f"says {m.group(0)!r}, but the rule that holds this passage says {limits}")
            continue
        said = m.group("cmp") or m.group("suffix")
        if said and not any(c.compare in COMPARATORS[said] for c in equal):
            rule = equal[0]
            problems.append(f"says {m.group(0)!r}, but rule {rule.id} says {rule.compare}{rule.limit}{rule.unit}")
    return problems


def _dates(text: str, original: str, dated: list[DeadlineRule], catalogue: Catalogue) -> list[str]:
    problems = []
    for m in DATE.finditer(text):
        month = int(m.group("month"))
        before = text[max(0, m.start() - LOOKBACK) : m.start()]
        year_match = YEAR_BEFORE.search(text[max(0, m.start() - 8) : m.start()])
        year = int(year_match.group("year")) if year_match else None
        every = "每年" in before
        problems += _one_date(
            m.group(0), month, m.group("day"), year, every, "当年" in before, original, dated, catalogue
        )
    for m in MONTHLY.finditer(text):
        for rule in (r for r in dated if r.kind == "monthly" and r.day == int(m.group("day"))):
            if rule.end is not None and str(rule.end[0]) not in original:
                problems.append(
                    f"says {m.group(0)!r} with no year, but deadline {rule.id} runs only "
                    f"{rule.start[0]}-{rule.start[1]:02d} to {rule.end[0]}-{rule.end[1]:02d}"
                )
    return problems


def _one_date(
    said: str,
    month: int,
    day_text: str | None,
    year: int | None,
    every: bool,
    this_year: bool,
    text: str,
    dated: list[DeadlineRule],
    catalogue: Catalogue,
) -> list[str]:
    candidates = [r for r in dated if r.kind in ("yearly", "once")]
    if not candidates:
        return []

    def day_of(y: int) -> int:
        return clamped(y, month, 31).day if day_text is None else int(day_text)

    matches = []
    exception = False  # the date is a per-year exception the text names (2020年度于8月31日)
    for rule in candidates:
        if (
            rule.kind == "once" and rule.date and (rule.date.month, rule.date.day) == (month, day_of(rule.date.year))
        ) or (rule.kind == "yearly" and (rule.month, rule.day) == (month, day_of(2001))):
            matches.append(rule)
        elif rule.kind == "yearly" and any(
            (d.month, d.day) == (month, day_of(d.year)) for d in rule.exceptions.values()
        ):
            exception = True
    if not matches and exception:
        return []
    if not matches:
        ids = "、".join(r.id for r in candidates)
        return [f"says {said!r}, a date none of the deadlines holding this passage has ({ids})"]
    problems = []
    for rule in matches:
        if rule.kind == "once":
            assert rule.date is not None
            if every:
                problems.append(f"says 每年{said}, but deadline {rule.id} belongs to {rule.date.year} only")
            elif f"{rule.date.year}年" not in text:
                problems.append(
                    f"says {said!r} without its year, but deadline {rule.id} belongs to {rule.date.year} only"
                )
            continue
        if this_year:
            problems.append(f"says 当年{said}, but deadline {rule.id} is yearly (the text says 每年, not 当年)")
        if rule.last_year is not None and year is None and not _ends_named(rule, text, catalogue):
            problems.append(
                f"says {said!r} as if it ran on, but deadline {rule.id} runs only to {rule.last_year}: "
                f"give the years, or name the text that took over"
            )
    return problems


def _ends_named(rule: DeadlineRule, text: str, catalogue: Catalogue) -> bool:
    """The answer states the rule's last year, or names the region's text that took over after it."""
    if rule.last_year is None or str(rule.last_year) in text:
        return True
    region = catalogue[rule.citation.document].region
    return any(
        d.start.year == rule.last_year + 1 and d.named_in(text) for d in catalogue.of_region(region) if not d.secondary
    )
