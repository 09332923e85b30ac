"""Grading a composed reply part by part: a multi-part question's parts and a comparison's regions.

The Q&A turn says how it composed its reply (`dialogs.qa.turn.Section`: one section per part of a
multi-part question, one per region compared and the comparison's summary), so a fact is looked for
in the part of the reply that answers it, not anywhere in the reply:

- a part said to be unanswered is a missed part, whatever the other parts say (a reply that answers
  a part in ① and says in ② that it found nothing contradicts itself);
- a region compared that the item names and the reply says has no rule on it is a missed part;
- a fact counts only in a section that answers (an unanswered part's text, the buttons offered for
  it, do not answer anything);
- which part a fact group belongs to: an item may say it (`parts: [[1], [0, 2]]`, per part in the
  order asked, the indexes of its fact groups); then, when the reply has one section per part, each
  part's groups must be in that part's own answering section (a 11月30日 answering the first part
  does not answer "总结几号前报"). Otherwise it is not known (the items give groups for the whole
  question, and their order is not the order asked: "渝中验收啥时候搞 谁来验 要几项达标" lists 区卫健委,
  11项, 9月), so a group may be in any answering section — never in one said unanswered or missing.
  Groups no part lists are looked for in any answering section too.

Nothing here knows any question: the sections are the engine's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any


def _has(text: str, group: Sequence[str], norm: Any) -> bool:
    t = norm(text)
    return any(norm(x) in t for x in group)


def _answering_text(sections: Sequence[Any], i: int) -> str:
    """Section i's answering text ("same" sections stand for the section they repeat)."""
    s = sections[i]
    if s.status == "same" and s.same_as is not None:
        return _answering_text(sections, s.same_as)
    return s.text if s.status in ("answered", "summary") else ""


def part_faults(item: Any, kind: str, sections: Sequence[Any], norm: Any) -> list[str]:
    """What is missing when the reply (of turn kind `kind`, composed of `sections`) is graded part
    by part; [] when it has no sections (one answer for the whole question: graded as a whole)."""
    if not sections:
        return []
    if kind == "comparison":
        return _comparison_faults(item, sections, norm)
    return _multipart_faults(item, sections, norm)


def _multipart_faults(item: Any, sections: Sequence[Any], norm: Any) -> list[str]:
    faults = [f"part {s.label} said unanswered" for s in sections if s.status == "unanswered"]
    parts = getattr(item, "parts", ())
    if not parts or len(parts) != len(sections):
        return faults + _facts_outside(item, sections, norm)
    for i, groups in enumerate(parts):
        own = _answering_text(sections, i)
        faults += [
            f"part {sections[i].label} lacks {'|'.join(item.facts[g])}"
            for g in groups
            if not _has(own, item.facts[g], norm)
        ]
    listed = {g for groups in parts for g in groups}
    unlisted = replace(item, facts=tuple(f for g, f in enumerate(item.facts) if g not in listed))
    return faults + _facts_outside(unlisted, sections, norm)


def _comparison_faults(item: Any, sections: Sequence[Any], norm: Any) -> list[str]:
    sides = {s.label: s for s in sections if s.status != "summary"}
    faults = [f"region {r} not answered" for r in item.regions if r in sides and sides[r].status == "missing"]
    faults += [f"region {r} left out" for r in item.regions if r not in sides]
    return faults + _facts_outside(item, sections, norm)


def _facts_outside(item: Any, sections: Sequence[Any], norm: Any) -> list[str]:
    """The fact groups no answering section holds."""
    answering = "\n".join(_answering_text(sections, i) for i in range(len(sections)))
    return [f"no answering part has {'|'.join(g)}" for g in item.facts if not _has(answering, g, norm)]
