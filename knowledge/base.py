"""The knowledge base as one object: the document catalogue (documents.yaml, parsed once) and the
texts, FAQ entries and their search index, rule sets, profile fields, calendars, regions and which
text governs when — each loaded from `root` on first use. Pure: no clock, no database, no Telegram.

A KnowledgeBase for another root (a test copy, a /reload) sees only that root's files, regions
included.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.regions import DATA

if TYPE_CHECKING:
    from knowledge.calendar.model import Calendar
    from knowledge.documents import Catalogue, SourceDocument
    from knowledge.eligibility.model import FieldSpec, RuleSet
    from knowledge.faq import FaqEntry
    from knowledge.governing import Governance
    from knowledge.regions import Regions
    from knowledge.search.index import SearchIndex
    from knowledge.search.model import SearchResult


@dataclass
class KnowledgeBase:
    root: Path = DATA

    @cached_property
    def catalogue(self) -> Catalogue:
        """documents.yaml: metadata and periods of every document, by id."""
        from knowledge.documents import load_catalogue

        return load_catalogue(self.root)

    @cached_property
    def documents(self) -> dict[str, SourceDocument]:
        """Every document with its normalised text and sections, by id."""
        from knowledge.documents import load_documents

        return load_documents(self.root, self.catalogue)

    @cached_property
    def faq(self) -> list[FaqEntry]:
        """Every FAQ entry (faq/*.yaml), in file order."""
        from knowledge.faq import load_faq

        return load_faq(self.root)

    @cached_property
    def faq_by_id(self) -> dict[str, FaqEntry]:
        """Every FAQ entry by its id (an Answer's entry_id)."""
        return {e.id: e for e in self.faq}

    @cached_property
    def index(self) -> SearchIndex:
        """The search index over the FAQ entries (knowledge/search)."""
        from knowledge.search import build_index

        return build_index(self.faq, self.documents, self.root)

    def search(self, question: str, region: str | None) -> SearchResult:
        """Answer, suggestions or decline for a question, preferring the region's entries (a question
        almost word for word an entry's phrasing is answered: knowledge/search/verbatim.py)."""
        from knowledge.search.verbatim import promoted

        return promoted(question, self.index.search(question, region), self.phrasings)

    @cached_property
    def phrasings(self) -> dict[str, tuple[str, ...]]:
        """Each FAQ entry's question and phrasings, as knowledge/search/verbatim.py compares them."""
        from knowledge.search.verbatim import phrasing_table

        return phrasing_table((e.id, (e.question, *e.phrasings)) for e in self.faq)

    @cached_property
    def fields(self) -> dict[str, FieldSpec]:
        """fields.yaml: the profile fields by name."""
        from knowledge.eligibility import load_fields

        return load_fields(self.root)

    @cached_property
    def rules(self) -> dict[str, RuleSet]:
        """The rule set of every region, by region id."""
        from knowledge.eligibility import load_rule_sets

        return load_rule_sets(self.root, self.fields, self.catalogue)

    @cached_property
    def calendars(self) -> dict[str, Calendar]:
        """The calendar of every region (national deadlines added to each), by region id."""
        from knowledge.calendar import load_calendars

        return load_calendars(self.root, self.catalogue)

    @cached_property
    def regions(self) -> Regions:
        """regions.yaml of this root."""
        from knowledge.regions import load_regions

        return load_regions(self.root)

    @cached_property
    def governing(self) -> Governance:
        """Which text governs a point of a region's procedure on a date (knowledge/governing.py)."""
        from knowledge.governing import load_governance

        return load_governance(self.root, self.catalogue, self.regions.ids)


def load(root: Path | None = None) -> KnowledgeBase:
    """The knowledge base of `root` (the shipped knowledge/data by default); nothing is read yet."""
    return KnowledgeBase(root or DATA)
