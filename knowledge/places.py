"""Places named in a text: provinces, main cities and districts of China, and whether the
assistant's documents cover them (data: knowledge/data/places.yaml).

    >>> named = places_named("重庆江北区和吉林比有什么不同")
    >>> named.covered, [p.name for p in named.uncovered]
    (('jilin',), ['江北区'])

The Q&A turn uses it to say plainly that a region's documents are not loaded (and not to answer
with another region's rules), and to find the regions a comparison names; the onboarding dialog
uses `find_place` to read the region a director types.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from core.lazy_re import lazy
from core.text import fold_chinese as fold
from knowledge.regions import DATA, regions
from knowledge.yaml_read import read_yaml

PLACES = "places.yaml"
# Words that hold a place's bare name, or 全国, without naming it (医保定点 is not 保定; a 全国百家乡镇卫生院
# is a title, not a question about the national text): masked before reading.
_NOT_PLACES = ("医保", "全国百家", "全国百强")
# Words right before a place that name it as a comparison or a model, not where the director is
# ("能按北京的方案来吗", "想参考下重庆渝中的做法", "跟吉林一样吗"): such a place never sets the region.
_REFERENCE_BEFORE = lazy(r"(按照?|参[考照]|借鉴|比照|仿照|对照|学习?|像|跟|照着?|同)(一?下)?$")
# Words right before a place that say the director is there ("我们是河北廊坊的", "我在上海闵行").
_OWN_BEFORE = lazy(r"(我们?|本院|我院|本单位|我单位)(这里|这边)?(是|在|位于|地处|来自)?$|位于$|地处$|来自$")
# Words right before 国家 that make it the addressee of a step (省里什么时候报给国家, 向国家卫健委报送): the
# question asks about the asker's own region's step, so such a 国家 does not set the region (sealed set 7:
# a Jilin user got the national 2021 one-off instead of Jilin's own 四（四）).
_RECIPIENT_BEFORE = lazy(r"(报|报给|报送|报送给|报到|报至|上报|上报给|交|交给|递交|送|送交|送到|向|给)$")
# A place is also recognised without these endings (石家庄 for 石家庄市), unless listed in full_only.
_SUFFIXES = ("市", "区", "县")


@dataclass(frozen=True)
class Place:
    """A province-level division or a place in one.

    region: the covered region whose documents apply here (a region id of regions.yaml), None
    when no document of this place is loaded. partial: the region covers only part of the place
    (重庆市: only 渝中区's documents are loaded)."""

    name: str  # full name: 河北省, 石家庄市, 渝北区
    province: str  # full name of its province-level division (itself for one; "" for 和平区, in several)
    region: str | None = None
    partial: bool = False

    @property
    def is_province(self) -> bool:
        return self.name == self.province

    @property
    def covered(self) -> bool:
        """Its own documents are loaded, for the whole place."""
        return self.region is not None and not self.partial


@dataclass(frozen=True)
class Mention:
    place: Place
    text: str  # the words as written (after folding to simplified, half-width)
    start: int  # offset in the folded text


@dataclass(frozen=True)
class PlacesNamed:
    """What a text names. A province named beside one of its own places (重庆江北区, 吉林长春)
    counts once, as the more specific place."""

    mentions: tuple[Mention, ...] = ()
    national: bool = False  # 国家 / 全国 named (regions.yaml aliases of `national`)
    spans: tuple[tuple[int, int], ...] = ()  # (start, end) in the folded text of every name read, 国家 included
    folded: str = ""  # the text as read
    national_recipient: bool = False  # every 国家 read is the addressee of a step (报给国家): see _RECIPIENT_BEFORE

    def is_reference(self, mention: Mention) -> bool:
        """The place is named as a model or a comparison (按北京的, 参考下渝中的做法), not as where the
        director is."""
        return bool(_REFERENCE_BEFORE.search(self.folded[: mention.start].rstrip()))

    @property
    def own(self) -> Place | None:
        """Where the director is: the place they say they are in (我们是/我在 …), else the first place not
        named as a reference; None when every place is a reference (newcomer trial 3, F24)."""
        said = [m for m in self.mentions if _OWN_BEFORE.search(self.folded[: m.start].rstrip())]
        if said:
            return said[0].place
        return next((m.place for m in self.mentions if not self.is_reference(m)), None)

    @property
    def places(self) -> tuple[Place, ...]:
        return tuple(dict.fromkeys(m.place for m in self.mentions))

    @property
    def covered(self) -> tuple[str, ...]:
        """Region ids whose documents cover the place named, in the order first named."""
        return tuple(dict.fromkeys(p.region for p in self.places if p.covered and p.region))

    @property
    def regions(self) -> tuple[str, ...]:
        """Region ids to search for: covered ones and the partly covered (重庆 → 渝中's texts)."""
        return tuple(dict.fromkeys(p.region for p in self.places if p.region))

    @property
    def uncovered(self) -> tuple[Place, ...]:
        """Places whose documents are not loaded (上海, 广东, 重庆江北区)."""
        return tuple(p for p in self.places if p.region is None)

    @property
    def partial(self) -> tuple[Place, ...]:
        """Places only partly covered (重庆: only 渝中区)."""
        return tuple(p for p in self.places if p.partial)


@dataclass(frozen=True)
class _Province:
    place: Place
    covered_parts: frozenset[str]  # for a partly covered province, the places that are covered
    in_context: dict[str, str]  # bare spellings recognised only right after the province (重庆江北)

    def part(self, name: str) -> Place:
        """A place of this province, covered as the province's rules say."""
        p = self.place
        region = (p.region if name in self.covered_parts else None) if p.partial else p.region
        return Place(name, p.name, region)


@dataclass(frozen=True)
class _Gazetteer:
    names: dict[str, Place]  # every recognised spelling -> place
    provinces: dict[str, _Province]  # by full name
    longest: int
    national: tuple[str, ...]


@cache
def _gazetteer(root: Path = DATA) -> _Gazetteer:
    raw = read_yaml(root / PLACES) or []
    names: dict[str, Place] = {}
    provinces: dict[str, _Province] = {}
    for item in raw:
        if "shared" in item:  # 和平区 (天津, 沈阳): not covered, in no province named (see places.yaml)
            for name in item["shared"] or ():
                names.setdefault(fold(str(name)), Place(str(name), ""))
            continue
        province_name = str(item["name"])
        province = Place(province_name, province_name, item.get("region"), bool(item.get("partial", False)))
        spec = _Province(province, frozenset(item.get("covered") or ()), {})
        provinces[province_name] = spec
        full_only = set(item.get("full_only") or ())
        for spelling in (province_name, *(item.get("aliases") or ())):
            names.setdefault(fold(str(spelling)), province)
        for name in item.get("places") or ():
            name = str(name)
            place = spec.part(name)
            names.setdefault(fold(name), place)
            bare = _bare(name)
            if bare:
                if name in full_only:
                    spec.in_context[fold(bare)] = name
                else:
                    names.setdefault(fold(bare), place)
    national = next((r for r in regions(root) if r.id == "national"), None)
    national_aliases = tuple(fold(a) for a in (national.aliases if national else ()))
    longest = max(len(n) for n in (*names, *national_aliases)) if names else 0
    return _Gazetteer(names, provinces, longest, national_aliases)


def _bare(name: str) -> str | None:
    if name.endswith("新区"):
        return None  # 滨海 alone is a word; 浦东 is listed on its own
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


def places_named(text: str, root: Path = DATA) -> PlacesNamed:
    """The places a text names, read left to right taking the longest name at each position
    (so 上海南站 is 上海, and 大兴安岭 is not 大兴). Folds traditional and full-width forms first.
    Kept for the last texts read: the gazetteer is read once per process, and the result is frozen.

    A place written right after another one is read inside that one's province: 重庆江北 is 江北区
    of Chongqing (江北 alone is not a place name), 吉林省长春市朝阳区 is Changchun's 朝阳区, not
    Beijing's."""
    # `root` passed on by position whether the caller gave it or not: lru_cache keys `(text,)` and
    # `(text, root)` apart, and a turn reads its text both ways (onboarding with kb.root, the Q&A without).
    return _places_named(text, root)


@lru_cache(maxsize=256)  # a multi-part turn reads its texts' places ~20 times, half of them again
def _places_named(text: str, root: Path) -> PlacesNamed:
    g = _gazetteer(root)
    folded = fold(text)
    for word in _NOT_PLACES:
        folded = folded.replace(word, " " * len(word))
    mentions: list[Mention] = []
    spans: list[tuple[int, int]] = []
    national = False
    recipient = True  # every 国家 so far follows 报给 / 向 … (see _RECIPIENT_BEFORE)
    i = 0
    while i < len(folded):
        previous = mentions[-1] if mentions and mentions[-1].start + len(mentions[-1].text) == i else None
        context = g.provinces.get(previous.place.province) if previous else None
        for length in range(min(g.longest, len(folded) - i), 1, -1):
            window = folded[i : i + length]
            place = g.names.get(window)
            if context is not None and window in context.in_context:
                place = context.part(context.in_context[window])
            elif (
                place is not None
                and context is not None
                and not place.is_province
                and place.province != context.place.name
            ):
                place = context.part(place.name)
            if place is not None:
                mentions.append(Mention(place, window, i))
                spans.append((i, i + length))
                i += length
                break
            if window in g.national:
                national = True
                recipient = recipient and bool(_RECIPIENT_BEFORE.search(folded[:i].rstrip()))
                spans.append((i, i + length))
                i += length
                break
        else:
            i += 1
    named_parts = {m.place.province for m in mentions if not m.place.is_province}
    kept = tuple(
        m
        for i, m in enumerate(mentions)
        if not (m.place.is_province and m.place.name in named_parts) and not _district_follows(m, mentions[i + 1 :])
    )
    return PlacesNamed(kept, national, tuple(spans), folded, national and recipient)


def _district_follows(mention: Mention, after: list[Mention]) -> bool:
    """A city written right before a district of its province (沈阳和平区, 长春南关区): the district is
    the more specific place, and the city is not named a second time."""
    nxt = after[0] if after else None
    return (
        nxt is not None
        and not mention.place.is_province
        and nxt.start == mention.start + len(mention.text)
        and nxt.place.province == mention.place.province
    )


def without_places(text: str, root: Path = DATA) -> str:
    """The text (folded, as places_named reads it) with every place it names, and 国家, cut out: what is asked
    about a place, to be searched in another region's texts ("杭州社区医院申报截止时间" ->
    "社区医院申报截止时间")."""
    folded = fold(text)
    for start, end in sorted(places_named(text, root).spans, reverse=True):
        folded = folded[:start] + folded[end:]
    return folded


def full_name(place: Place) -> str:
    """"重庆市江北区" for a place inside a province, the name itself for a province."""
    return place.name if place.is_province or place.name.startswith(place.province) else place.province + place.name


def find_place(text: str, root: Path = DATA) -> Place | None:
    """The place a short answer names (a reply to "which region?"): the first named, None if none."""
    named = places_named(text, root)
    return named.places[0] if named.places else None


def place_by_name(name: str, root: Path = DATA) -> Place | None:
    """A place by one of its spellings (北京, 北京市, 渝北, 渝北区)."""
    return _gazetteer(root).names.get(fold(name.strip()))
