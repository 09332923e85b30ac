"""Conditions the texts set on an act a director may ask to do first (加挂社区医院牌子 before meeting the
standard): knowledge/data/preconditions.yaml names, per act and region, the FAQ entries that state
them. Pure: reads the knowledge base's own root."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from knowledge.base import KnowledgeBase
from knowledge.yaml_read import read_yaml

FILE = "preconditions.yaml"
NATIONAL = "national"


@cache
def _table(root: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    raw = read_yaml(root / FILE) if (root / FILE).exists() else {}
    return {
        str(act): {str(region): tuple(str(i) for i in ids or ()) for region, ids in (regions or {}).items()}
        for act, regions in (raw or {}).items()
    }


def entries_for(kb: KnowledgeBase, act: str, region: str | None) -> list[str]:
    """The ids of the entries stating the conditions of `act` in `region`: the region's own first, then
    the national ones (which apply everywhere); only the national ones when no region is known.
    Empty for an act the file does not list."""
    regions = _table(kb.root).get(act, {})
    own = regions.get(region or NATIONAL, ()) if region != NATIONAL else ()
    return list(dict.fromkeys((*own, *regions.get(NATIONAL, ()))))


def check_preconditions(kb: KnowledgeBase) -> list[str]:
    """Faults of preconditions.yaml: an unknown region, an id naming no entry, or an entry of another
    region (a national entry may stand for any region)."""
    errors: list[str] = []
    entries = kb.faq_by_id
    known = set(kb.regions.ids)
    for act, regions in _table(kb.root).items():
        for region, ids in regions.items():
            where = f"{FILE}: {act}.{region}"
            if region not in known:
                errors.append(f"{where}: unknown region {region!r}")
            for i in ids:
                entry = entries.get(i)
                if entry is None:
                    errors.append(f"{where}: no FAQ entry {i!r}")
                elif region not in entry.regions and NATIONAL not in entry.regions:
                    errors.append(f"{where}: entry {i!r} is for {list(entry.regions)}, not {region}")
    return errors
