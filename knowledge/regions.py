"""The regions the assistant covers, their Chinese names, and finding a region named in a text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    short: str
    aliases: tuple[str, ...]


@cache
def regions(root: Path = DATA) -> tuple[Region, ...]:
    raw = yaml.safe_load((root / "regions.yaml").read_text(encoding="utf-8"))
    return tuple(Region(r["id"], r["name"], r["short"], tuple(r["aliases"])) for r in raw)


def region_ids(root: Path = DATA) -> tuple[str, ...]:
    return tuple(r.id for r in regions(root))


def region_by_id(region_id: str, root: Path = DATA) -> Region | None:
    return next((r for r in regions(root) if r.id == region_id), None)


def region_named_in(text: str, root: Path = DATA) -> str | None:
    """The region a text names, preferring the longest alias ("重庆渝中" over "重庆")."""
    best: tuple[int, str] | None = None
    for r in regions(root):
        for alias in (*r.aliases, r.id):
            if alias in text and (best is None or len(alias) > best[0]):
                best = (len(alias), r.id)
    return best[1] if best else None
