"""The knowledge base as one object: documents, FAQ entries and their search index, rule sets and
calendars, each loaded from knowledge/data on first use. Pure: no clock, no database, no Telegram."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.regions import DATA

if TYPE_CHECKING:
    from knowledge.eligibility.model import FieldSpec


@dataclass
class KnowledgeBase:
    root: Path = DATA

    @cached_property
    def documents(self) -> Any:
        from knowledge.sources import load_documents

        return load_documents(self.root)

    @cached_property
    def faq(self) -> Any:
        from knowledge.faq import load_faq

        return load_faq(self.root)

    @cached_property
    def index(self) -> Any:
        from knowledge.search import build_index

        return build_index(self.faq, self.documents)

    def search(self, question: str, region: str | None) -> Any:
        return self.index.search(question, region)

    @cached_property
    def rules(self) -> Any:
        from knowledge.eligibility import load_rule_sets

        return load_rule_sets(self.root)

    @cached_property
    def fields(self) -> dict[str, FieldSpec]:
        """The questionnaire's profile fields (fields.yaml), read once per knowledge base."""
        from knowledge.eligibility import load_fields

        return load_fields(self.root)

    @cached_property
    def calendars(self) -> Any:
        from knowledge.calendar import load_calendars

        return load_calendars(self.root)


def load(root: Path | None = None) -> KnowledgeBase:
    return KnowledgeBase(root or DATA)
