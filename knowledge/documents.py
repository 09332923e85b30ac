"""The documents the knowledge base cites: documents.yaml parsed once into a `Catalogue` (metadata
and periods), the texts loaded beside it, and `source_for(citation)`, the one place a citation
becomes the `Source` every front end shows (document's short name, 文号, section, quote).

A document's periods say when it governs (see the header of documents.yaml); which text governs a
point on a given day is computed in knowledge/governing.py.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from knowledge.schema import CitationModel, DocumentModel, PeriodModel, read_yaml
from knowledge.search.model import Source
from knowledge.sources import markdown_sections, normalise, split_sections

FILE = "documents.yaml"
LINKS = "链接"  # the section holding a text's bare URLs


class DocumentsError(ValueError):
    """documents.yaml does not follow the schema (the message names file, entry and field)."""


@dataclass(frozen=True)
class Citation:
    document: str  # document id, e.g. jilin-2020
    section: str  # section path, e.g. 四（二）
    quote: str  # verbatim words of that section

    @classmethod
    def of(cls, model: CitationModel) -> Citation:
        return cls(model.document, model.section, model.quote)


@dataclass(frozen=True)
class Period:
    """A span in which a text governs. end None: the text sets no end. `dates`: yearly (每年),
    one-off (its dates belong to one year), rolling (all year, no fixed date), none (no dated steps)."""

    start: dt.date
    end: dt.date | None
    dates: str
    inferred: bool = False
    note: str = ""
    citation: Citation | None = None  # where the text states it

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @classmethod
    def of(cls, model: PeriodModel) -> Period:
        citation = Citation.of(model.citation) if model.citation else None
        return cls(model.start, model.end, model.dates, model.inferred, model.note.strip(), citation)


@dataclass(frozen=True)
class DocumentInfo:
    """One entry of documents.yaml."""

    id: str
    title: str
    short: str
    number: str  # 文号; "" when the document has none or it is not known
    issuer: str
    date: str  # YYYY-MM-DD, or YYYY when the text gives no day
    region: str
    url: str | None
    kind: str  # official | secondary
    names: tuple[str, ...]  # how an answer may name it (文号, short forms)
    periods: tuple[Period, ...]
    note: str = ""
    date_note: str = ""

    @property
    def secondary(self) -> bool:
        return self.kind == "secondary"

    @property
    def start(self) -> dt.date:
        return self.periods[0].start

    @property
    def end(self) -> dt.date | None:
        """The last day it governs; None when the text sets no end."""
        return self.periods[-1].end

    def period_on(self, day: dt.date) -> Period | None:
        return next((p for p in self.periods if p.covers(day)), None)

    def covers(self, day: dt.date) -> bool:
        return self.period_on(day) is not None

    @property
    def inferred(self) -> bool:
        return any(p.inferred for p in self.periods)

    def named_in(self, text: str) -> bool:
        """Whether a text names this document (by 文号 or one of its short names)."""
        if any(name in text for name in (*self.names, *([self.number] if self.number else []))):
            return True
        loose = _typed_loosely(self.number) if self.number else None
        return bool(loose and loose.search(text))


_WHOLE_NUMBER = re.compile(r"^(?P<prefix>.+?)〔(?P<year>[0-9]{4})〕(?P<n>[0-9]+)号$")


@functools.lru_cache(maxsize=64)
def _typed_loosely(number: str) -> re.Pattern[str] | None:
    """A 文号 as people type it without the 〔〕: 国卫办基层函2021 317号, 国卫办基层函2021年317号,
    国卫办基层函(2021)317号 (newcomer trial 7, N11: such a question got a summary and no standing)."""
    m = _WHOLE_NUMBER.match(number)
    if m is None:
        return None
    prefix, year, n = re.escape(m["prefix"]), m["year"], m["n"]
    gap = r"[\s，,、]*"  # a space typed between the pieces may have become a comma (smalltalk.without_preamble)
    return re.compile(f"{prefix}{gap}[〔\\[［(（]?{gap}{year}{gap}年?{gap}[〕\\]］)）]?{gap}第?{gap}0*{n}{gap}号")


# A document named by the bare number of its 文号 ("17号文件", "5号文", "49号通知"): not a day (6月30号)
# and not the tail of a full 文号 (〔2021〕317号), which named_in reads. Also a number said as a text that
# speaks ("17号说…", "5号规定…", "49号要求…") and one of three or four digits, which no day is ("317号的
# 500家": m8a's "still open" list — a Jilin user got Jilin's own targets, 317号 being read as no text).
# Only a number some loaded document has exactly is taken (by_bare_number): 人民大街1485号 names none.
_SPEAKS = r"说|规定|要求|提到|提出|写|明确"
BARE_NUMBER = re.compile(
    rf"(?<![0-9〕\]月日])(?P<n>[0-9]{{1,4}}(?=号(?:文|通知|方案|令|{_SPEAKS}))|[0-9]{{3,4}}(?=号(?![0-9])))号"
)


def number_is(document: DocumentInfo, n: str) -> bool:
    """The document's 文号 ends in exactly this number: 17 is 吉卫联发〔2024〕17号, not 〔2021〕317号."""
    return bool(document.number) and document.number.endswith(f"〕{int(n)}号")


@dataclass(frozen=True)
class SourceDocument(DocumentInfo):
    """A document with its normalised text and sections (knowledge/sources.py says how)."""

    text: str = ""  # normalised; paragraphs separated by "\n"
    sections: dict[str, str] = field(default_factory=dict)  # path -> text, in document order
    links: tuple[str, ...] = ()  # bare URLs found in the text (official documents)


@dataclass(frozen=True)
class Catalogue(Mapping[str, DocumentInfo]):
    """documents.yaml by id, in file order."""

    documents: dict[str, DocumentInfo]

    def __getitem__(self, doc_id: str) -> DocumentInfo:
        return self.documents[doc_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def by_bare_number(self, text: str, region: str | None) -> list[tuple[str, DocumentInfo]]:
        """(the words, the document) for each bare 文号 number a text names ("17号文件"): the document
        whose number is exactly that one, the region's own first, then the national one; a number
        no loaded document has is left out."""
        found = []
        for m in BARE_NUMBER.finditer(text):
            docs = [d for d in self.documents.values() if number_is(d, m["n"])]
            docs.sort(key=lambda d: (d.region != region, d.region != "national"))
            if docs:
                found.append((m.group(), docs[0]))
        return found

    def of_region(self, region: str) -> tuple[DocumentInfo, ...]:
        """The region's documents, oldest first (by the start of their first period)."""
        return tuple(sorted((d for d in self.documents.values() if d.region == region), key=lambda d: d.start))

    def source_for(self, citation: Citation, *, secondary: bool | None = None) -> Source:
        """The citation as shown to a user. Raises KeyError for an unknown document.
        `secondary` defaults to the document's kind."""
        doc = self.documents[citation.document]
        return Source(
            document=doc.short or doc.title,
            number=doc.number,
            section=citation.section,
            quote=citation.quote,
            secondary=doc.secondary if secondary is None else secondary,
        )


def read_catalogue(root: Path) -> tuple[Catalogue, list[str]]:
    """documents.yaml, validated: the catalogue of the good entries and one message per fault."""
    from knowledge.schema import duplicates, validate_list

    try:
        raw = read_yaml(root / FILE)
    except (OSError, yaml.YAMLError) as exc:
        return Catalogue({}), [f"{FILE}: -: cannot read: {exc}".replace("\n", " ")]
    good, errors = validate_list(DocumentModel, raw, FILE)
    errors += [f"{FILE}: {d}: duplicate id" for d in duplicates(m.id for m, _ in good)]
    documents = {m.id: _info(m) for m, _ in good}
    return Catalogue(documents), errors


def load_catalogue(root: Path) -> Catalogue:
    """documents.yaml; raises DocumentsError naming every fault."""
    catalogue, errors = read_catalogue(root)
    if errors:
        raise DocumentsError("; ".join(errors))
    return catalogue


def _info(m: DocumentModel) -> DocumentInfo:
    return DocumentInfo(
        id=m.id,
        title=m.title,
        short=m.short,
        number=m.number,
        issuer=m.issuer,
        date=m.date,
        region=m.region,
        url=m.url,
        kind=m.kind,
        names=tuple(m.names),
        periods=tuple(Period.of(p) for p in m.periods),
        note=m.note.strip(),
        date_note=m.date_note.strip(),
    )


def text_path(root: Path, doc: DocumentInfo) -> Path:
    """Where a document's text is stored: sources/<id>.txt, or secondary/<id>.md for a news note."""
    return root / "secondary" / f"{doc.id}.md" if doc.secondary else root / "sources" / f"{doc.id}.txt"


def load_documents(root: Path, catalogue: Catalogue | None = None) -> dict[str, SourceDocument]:
    """Every document of the catalogue with its text and sections."""
    catalogue = catalogue if catalogue is not None else load_catalogue(root)
    docs: dict[str, SourceDocument] = {}
    for doc in catalogue.values():
        raw = text_path(root, doc).read_text(encoding="utf-8")
        if doc.secondary:
            text = raw.strip()
            sections, links = markdown_sections(text), []
        else:
            paragraphs, links = normalise(raw)
            text = "\n".join(paragraphs)
            sections = split_sections(paragraphs)
            if links:  # the bare addresses the text lists (jilin-2020's annex files), citable as 链接
                sections[LINKS] = "\n".join(links)
        docs[doc.id] = SourceDocument(**vars(doc), text=text, sections=sections, links=tuple(links))
    return docs
