"""Building the search index from FAQ entries and source documents (pure: reads knowledge/data,
writes nothing; the shell's bot/index_cache.py pickles the result for a fast start)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from knowledge.regions import DATA
from knowledge.search.calibration import load_calibration
from knowledge.search.index import SearchIndex
from knowledge.search.model import Answer, Source

SYNONYMS = "synonyms.yaml"
METHOD_FILE = "method.yaml"  # faq/method.yaml: how figures are counted, searched only for 怎么算 questions
DOMAIN_WORDS = "search_words.txt"
CALIBRATION = "search_calibration.yaml"


def build_index(faq_entries: Sequence[Any], documents: Mapping[str, Any], root: Path = DATA) -> SearchIndex:
    from knowledge.search.asked_of import common_words
    from knowledge.search.normalize import Normaliser, load_synonyms
    from knowledge.search.question_subject import general_nouns
    from knowledge.search.tokens import Analyzer
    from knowledge.search.vocab_build import build_vocabulary, pinyin_readings, read_domain_words, real_words_near

    normaliser = Normaliser(load_synonyms(root / SYNONYMS))
    texts = [normaliser(t) for e in faq_entries for t in (e.question, *e.phrasings, e.answer)]
    texts += [normaliser(d.text) for d in documents.values() if getattr(d, "kind", "") != "secondary"]
    vocabulary, readings = build_vocabulary(texts, root / DOMAIN_WORDS), pinyin_readings()
    analyzer = Analyzer(normaliser, vocabulary, readings, real_words_near(vocabulary, readings))
    answers = [answer_from_entry(e, documents) for e in faq_entries]
    phrasings = [(e.question, *e.phrasings) for e in faq_entries]
    calibration = load_calibration(root / CALIBRATION)
    domain = frozenset(normaliser(w) for w in read_domain_words(root / DOMAIN_WORDS))
    return SearchIndex(analyzer, answers, phrasings, calibration, (general_nouns(), domain, common_words()))


def answer_from_entry(entry: Any, documents: Mapping[str, Any]) -> Answer:
    sources = []
    for c in entry.citations:
        doc = documents.get(c.document)
        secondary = bool(entry.secondary or (doc is not None and getattr(doc, "kind", "") == "secondary"))
        sources.append(
            Source(
                document=(doc.short or doc.title) if doc is not None else c.document,
                number=doc.number if doc is not None else "",
                section=c.section,
                quote=c.quote,
                secondary=secondary,
                region=getattr(doc, "region", "") if doc is not None else "",
            )
        )
    return Answer(
        entry_id=entry.id,
        question=entry.question,
        answer=entry.answer,
        sources=tuple(sources),
        regions=tuple(entry.regions),
        topic=entry.topic,
        provenance=entry.provenance if entry.secondary else None,
        method=getattr(entry, "file", "") == METHOD_FILE,
        overview=bool(getattr(entry, "overview", False)),
        section_overview=bool(getattr(entry, "section_overview", False)),
    )
