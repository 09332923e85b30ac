"""Which loaded text governs a point of a region's procedure on a given day (issue 9).

Dates and periods are data (documents.yaml periods, governing.yaml points); this module only
computes from them. A point's texts are listed oldest first; each governs from the start of its
document's period until its end, or until the day before the next text on the point starts: a later
text governs from its start. On a day no window covers, no loaded text covers the point, and the
answer says whom to ask.

    g = kb.governing.on("jilin", "procedure", dt.date(2026, 3, 1))
    g.covered          -> False: jilin-2024 ended 2025-12-31 and nothing later is loaded
    g.lapsed.document  -> "jilin-2024";  g.superseded -> (jilin-2020's text,);  g.ask -> "市（州）卫生健康委"
    governing_note(g, kb.catalogue)  -> the Chinese note for the front ends (knowledge/texts.py)

Pure: no clock (today is a parameter), no I/O after loading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from knowledge.citations import squash
from knowledge.documents import Catalogue, Citation
from knowledge.schema import GoverningModel, read_yaml, validate_list

FILE = "governing.yaml"
ONE_DAY = dt.timedelta(days=1)


class GoverningError(ValueError):
    """governing.yaml does not follow the schema or names unknown documents or regions."""


@dataclass(frozen=True)
class Provision:
    """Where a text speaks to a point: a whole section, or the sentence holding `quote`."""

    document: str
    section: str
    quote: str | None = None

    def matches(self, citation: Citation) -> bool:
        """Whether a citation cites this provision (its section or a sub-section of it; with a
        quote, only a citation whose quote overlaps it)."""
        if citation.document != self.document or not citation.section.startswith(self.section):
            return False
        if self.quote is None:
            return True
        mine, theirs = squash(self.quote), squash(citation.quote)
        return mine in theirs or theirs in mine


@dataclass(frozen=True)
class TextOnPoint:
    document: str
    provisions: tuple[Provision, ...]
    says: str  # Chinese: what the text says on the point
    citation: Citation


@dataclass(frozen=True)
class Point:
    id: str
    name: str  # Chinese, e.g. 社区医院的评价、复核和上报程序
    texts: tuple[TextOnPoint, ...]  # oldest first


@dataclass(frozen=True)
class Window:
    """The days a text governs a point; end None = open."""

    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Governing:
    """The answer to "which text governs this point on this day"."""

    region: str
    point: Point
    today: dt.date
    text: TextOnPoint | None  # the governing text; None when no loaded text covers the day
    window: Window | None  # its window
    superseded: tuple[TextOnPoint, ...]  # earlier texts on the point that a later one changed
    not_restated_by: tuple[str, ...]  # later documents of the region (already out) silent on the point
    lapsed: TextOnPoint | None  # when nothing covers the day: the text whose window ended last
    latest_ended: str | None  # the region's newest loaded document, when its period ended before today
    ask: str  # whom to ask when the loaded texts do not settle it

    @property
    def covered(self) -> bool:
        return self.text is not None

    @property
    def document(self) -> str | None:
        return self.text.document if self.text else None


@dataclass(frozen=True)
class CitedPoint:
    """A point some citations touch: which text governs it on the day asked, and which of the
    point's texts the citations cite. A front end adds the governing note when `current` is False:
    what it cites on the point is not what governs that day (superseded, not yet in force, or no
    loaded text covers the day)."""

    governing: Governing
    cited: tuple[str, ...]  # document ids, oldest first

    @property
    def current(self) -> bool:
        return self.governing.document in self.cited


@dataclass(frozen=True)
class RegionPoints:
    region: str
    ask: str
    points: dict[str, Point]


@dataclass(frozen=True)
class Governance:
    """governing.yaml with the catalogue it computes windows from."""

    regions: dict[str, RegionPoints]
    catalogue: Catalogue

    def point(self, region: str, point: str) -> Point:
        """Raises KeyError for a region or point governing.yaml does not list."""
        return self.regions[region].points[point]

    def windows(self, region: str, point: str) -> list[tuple[TextOnPoint, Window]]:
        """Each text on the point with the days it governs it (oldest first); KeyError for an unknown point."""
        texts = self.point(region, point).texts
        out = []
        for i, text in enumerate(texts):
            doc = self.catalogue[text.document]
            end = doc.end
            if i + 1 < len(texts):
                next_start = self.catalogue[texts[i + 1].document].start - ONE_DAY
                end = next_start if end is None else min(end, next_start)
            out.append((text, Window(doc.start, end)))
        return out

    def window_of(self, region: str, point: str, document: str) -> Window | None:
        """The days `document` governs the point (None when it does not speak to it)."""
        return next((w for t, w in self.windows(region, point) if t.document == document), None)

    def history(self, region: str, point: str, today: dt.date | None = None) -> tuple[str, ...]:
        """Every document an answer on the point must name: its texts, and the region's later
        documents that do not restate it (those out by `today`, or all when today is None)."""
        texts = self.point(region, point).texts
        named = [t.document for t in texts]
        first = self.catalogue[texts[0].document].start
        silent = [
            d.id
            for d in self.catalogue.of_region(region)
            if not d.secondary and d.start > first and d.id not in named and (today is None or d.start <= today)
        ]
        return (*named, *silent)

    def on(self, region: str, point: str, today: dt.date) -> Governing:
        """Which text governs `point` in `region` on `today` (see the module docstring)."""
        info = self.regions[region]
        windows = self.windows(region, point)
        current = next(((i, t, w) for i, (t, w) in enumerate(windows) if w.covers(today)), None)
        named = {t.document for t, _ in windows}
        history = self.history(region, point, today)
        official = [d for d in self.catalogue.of_region(region) if not d.secondary]
        newest = max(official, key=lambda d: d.start, default=None)
        latest_ended = newest.id if newest and newest.end is not None and newest.end < today else None
        if current is not None:
            i, text, window = current
            return Governing(
                region=region,
                point=info.points[point],
                today=today,
                text=text,
                window=window,
                superseded=tuple(t for t, _ in windows[:i]),
                not_restated_by=tuple(d for d in history if d not in named),
                lapsed=None,
                latest_ended=latest_ended,
                ask=info.ask,
            )
        ended = [(t, w) for t, w in windows if w.end is not None and w.end < today]
        lapsed = ended[-1][0] if ended else None
        return Governing(
            region=region,
            point=info.points[point],
            today=today,
            text=None,
            window=None,
            superseded=tuple(t for t, _ in ended[:-1]),
            not_restated_by=(),
            lapsed=lapsed,
            latest_ended=latest_ended,
            ask=info.ask,
        )

    def cited_points(
        self, citations: Iterable[Citation], today: dt.date, region: str | None = None
    ) -> list[CitedPoint]:
        """Every point (of `region` only, when given) whose provisions the citations cite, in
        governing.yaml order, with the text governing it on `today` and the texts cited on it.
        Citations of no provision give nothing (the caller decides whether a default point applies)."""
        citations = tuple(citations)
        found = []
        for region_id, info in self.regions.items():
            if region is not None and region_id != region:
                continue
            for point in info.points.values():
                cited = tuple(
                    t.document for t in point.texts if any(p.matches(c) for p in t.provisions for c in citations)
                )
                if cited:
                    found.append(CitedPoint(self.on(region_id, point.id, today), cited))
        return found

    def points_citing(self, citation: Citation) -> list[tuple[str, Point, TextOnPoint]]:
        """(region, point, text) for every provision the citation cites."""
        found = []
        for region, info in self.regions.items():
            for point in info.points.values():
                for text in point.texts:
                    if any(p.matches(citation) for p in text.provisions):
                        found.append((region, point, text))
        return found


def read_governance(root: Path, catalogue: Catalogue, region_ids: tuple[str, ...]) -> tuple[Governance, list[str]]:
    """governing.yaml, validated: what loads, and one `governing.yaml: region: message` per fault."""
    try:
        raw = read_yaml(root / FILE)
    except (OSError, yaml.YAMLError) as exc:
        return Governance({}, catalogue), [f"{FILE}: -: cannot read: {exc}".replace("\n", " ")]
    good, errors = validate_list(GoverningModel, raw, FILE, key="region")
    regions: dict[str, RegionPoints] = {}
    for m, _ in good:
        where = f"{FILE}: {m.region}"
        if m.region not in region_ids:
            errors.append(f"{where}: unknown region {m.region!r}")
            continue
        points: dict[str, Point] = {}
        for p in m.points:
            faults = _point_faults(p.texts, m.region, catalogue)
            errors.extend(f"{where}: {p.id}: {f}" for f in faults)
            if faults:
                continue
            texts = tuple(
                TextOnPoint(
                    document=t.document,
                    provisions=tuple(Provision(t.document, v.section, v.quote) for v in t.provisions),
                    says=t.says,
                    citation=Citation.of(t.citation),
                )
                for t in p.texts
            )
            points[p.id] = Point(p.id, p.name, texts)
        regions[m.region] = RegionPoints(m.region, m.ask, points)
    errors += [f"{FILE}: {r}: no entry (every region needs a procedure point)" for r in region_ids if r not in regions]
    errors += [f"{FILE}: {r}: no procedure point" for r, info in regions.items() if "procedure" not in info.points]
    return Governance(regions, catalogue), errors


def _point_faults(texts: list, region: str, catalogue: Catalogue) -> list[str]:
    faults = []
    for t in texts:
        doc = catalogue.get(t.document)
        if doc is None:
            faults.append(f"unknown document {t.document!r}")
        elif doc.region not in (region, "national"):
            faults.append(f"{t.document} belongs to {doc.region}, not {region}")
    if not faults:
        starts = [catalogue[t.document].start for t in texts]
        if starts != sorted(starts) or len(set(starts)) != len(starts):
            faults.append("texts must be listed oldest first, one per start date")
    return faults


def load_governance(root: Path, catalogue: Catalogue, region_ids: tuple[str, ...]) -> Governance:
    """governing.yaml; raises GoverningError naming every fault."""
    governance, errors = read_governance(root, catalogue, region_ids)
    if errors:
        raise GoverningError("; ".join(errors))
    return governance
