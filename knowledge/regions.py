"""The regions the assistant covers (regions.yaml), their Chinese names, and finding a region named
in a text.

`KnowledgeBase.regions` is the `Regions` of its own root (so /reload and a test root see their own
file). The module-level functions below read the shipped file (or the root given) and remain for
the callers that do not hold a knowledge base yet; new code should use `kb.regions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from knowledge.schema import RegionModel, read_yaml, validate_list

DATA = Path(__file__).parent / "data"
FILE = "regions.yaml"


class RegionsError(ValueError):
    """regions.yaml does not follow the schema (the message names file, entry and field)."""


@dataclass(frozen=True)
class Region:
    id: str
    name: str  # 吉林省
    short: str  # 吉林
    aliases: tuple[str, ...]  # words that name the region inside a question
    municipality: bool = False  # (in) a 直辖市: its 市卫生健康委 is provincial-level, not 地市级
    province_plan: str | None = None  # entry id: what is known of the province's own plan (not held)


@dataclass(frozen=True)
class Regions:
    """The covered regions in file order, with the lookups every front end needs."""

    all: tuple[Region, ...]

    def __iter__(self):
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.all)

    def by_id(self, region_id: str | None) -> Region | None:
        return next((r for r in self.all if r.id == region_id), None)

    def name(self, region_id: str) -> str:
        """The region's Chinese name, or the id itself when it is not a covered region."""
        region = self.by_id(region_id)
        return region.name if region else region_id

    def named_in(self, text: str) -> str | None:
        """The region a text names, preferring the longest alias ("重庆渝中" over "重庆")."""
        best: tuple[int, str] | None = None
        for r in self.all:
            for alias in (*r.aliases, r.id):
                if alias in text and (best is None or len(alias) > best[0]):
                    best = (len(alias), r.id)
        return best[1] if best else None


def read_regions(root: Path) -> tuple[Regions, list[str]]:
    """regions.yaml, validated: the good entries and one `file: entry: message` per fault."""
    try:
        raw = read_yaml(root / FILE)
    except (OSError, yaml.YAMLError) as exc:
        return Regions(()), [f"{FILE}: -: cannot read: {exc}".replace("\n", " ")]
    good, errors = validate_list(RegionModel, raw, FILE)
    return Regions(
        tuple(Region(m.id, m.name, m.short, tuple(m.aliases), m.municipality, m.province_plan) for m, _ in good)
    ), errors


def load_regions(root: Path) -> Regions:
    """regions.yaml; raises RegionsError naming every fault."""
    found, errors = read_regions(root)
    if errors:
        raise RegionsError("; ".join(errors))
    return found


@cache
def regions(root: Path = DATA) -> tuple[Region, ...]:
    """The shipped (or given) regions.yaml, read once per root (kb.regions reads its own root)."""
    return load_regions(root).all


def region_ids(root: Path = DATA) -> tuple[str, ...]:
    """Region ids in file order: national, jilin, chongqing-yuzhong, beijing."""
    return tuple(r.id for r in regions(root))


def region_by_id(region_id: str, root: Path = DATA) -> Region | None:
    """The region with that id, or None."""
    return Regions(regions(root)).by_id(region_id)


def region_named_in(text: str, root: Path = DATA) -> str | None:
    """The region a text names, preferring the longest alias ("重庆渝中" over "重庆")."""
    return Regions(regions(root)).named_in(text)
