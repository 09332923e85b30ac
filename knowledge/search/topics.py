"""Entries of one topic: the same question answered for different regions (faq `topic`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from knowledge.search.model import Answer


def per_region(
    answers: Sequence[Answer], members: Sequence[int], region_order: Sequence[str], scores: Mapping[int, float]
) -> tuple[Answer, ...]:
    """When the region is unknown and the best entry's topic (its `members`, indices into
    `answers`) has entries for several regions: one answer per region, the best-scored entry of
    each, in `region_order` (regions.yaml); () when the topic has one region only."""
    if len({r for i in members for r in answers[i].regions}) < 2:
        return ()
    best_per_region: dict[str, int] = {}
    for i in sorted(members, key=lambda i: -scores.get(i, 0.0)):
        for r in answers[i].regions:
            best_per_region.setdefault(r, i)
    ordered = [best_per_region[r] for r in region_order if r in best_per_region]
    return tuple(answers[i] for i in dict.fromkeys(ordered))
