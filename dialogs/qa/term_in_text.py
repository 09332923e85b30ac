"""A term the texts use without explaining it, asked about when no entry is sure ("“国家要求的66个病种”
具体是哪66个", "医防融合到底啥意思", "家庭病床能算进实际开放床位吗", "“服务人口超过1万人”，人口怎么算"):
the assistant says that the texts do not explain it and shows, verbatim, where they use it (sentence,
document, section) — instead of a suggestion list about something else (sealed set 5: 5 of 10 method
questions lost this way). The sentence is the text's own, so nothing is guessed; a sentence that
does define the term (…是指…) is shown as the definition, without the "not explained" lead."""

from __future__ import annotations

import re

from core.model import Reply
from dialogs import render
from dialogs.qa.method_words import COUNTED, DEFINES, INCLUDED_ASKED, LISTED_ASKED, QUOTED, TERM_FILLER
from dialogs.qa.turn import Turn
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.documents import Citation
from knowledge.places import without_places
from knowledge.search.intent import method_asked
from knowledge.search.model import SearchResult
from knowledge.search.terms import asked_about

MAX_USES = 6  # a term used more often than this is too common to be the one asked about (人口, 床位)
MAX_SHOWN = 3  # sentences shown, the user's region's first
MIN_TERM = 2  # characters
SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")


def reply(text: str, result: SearchResult, kb: KnowledgeBase, region: str | None) -> Turn | None:
    """The "not explained, used here" answer for a 什么意思 / 怎么算 / 具体是哪些 / 算不算进 question
    the search was unsure of (`result` not answered, or only its likeliest entry, which never names
    the term) whose term some official text uses verbatim in at most MAX_USES sentences; None
    otherwise (the search's reply stands)."""
    asked = _asked(text)
    if asked is None:
        return None
    likeliest = result.answers[0].answer if result.answered and result.answers else ""
    # 家庭病床算不算在30张床位里 answered surely by an entry that never says what is counted in (渝中's 床位
    # entry: 鼓励开设家庭病床; s7a094): that entry does not answer it, the texts' silence does
    included = INCLUDED_ASKED.search(text) is not None  # 算不算在 reads as 怎么算 too
    silent = included and result.decision == "answer" and not INCLUDED_ASKED.search(likeliest)
    if result.decision == "answer" and not silent:
        return None
    for term in candidates(text, asked):
        found = uses(term, kb, region)
        if 0 < len(found) <= MAX_USES and (silent or term not in likeliest):
            return _turn(_named(term, found[0].quote), found[:MAX_SHOWN], kb, result, region)
    return None


def quoted(text: str, result: SearchResult, kb: KnowledgeBase, region: str | None) -> Turn | None:
    """The same answer for a question that quotes the texts' own words ("方案里“服务人口超过1万人”的卫生院，
    人口怎么算"): the words quoted are what it asks about, whatever entry the search is sure of, unless
    that entry holds them (it is then about them). None otherwise."""
    if _asked(text) is None:
        return None
    best = result.answers[0].answer if result.answers else ""
    for term in (q for q in QUOTED.findall(text) if len(q) >= MIN_TERM and q not in best):
        found = uses(term, kb, region)
        if 0 < len(found) <= MAX_USES:
            return _turn(_named(term, found[0].quote), found[:MAX_SHOWN], kb, result, region)
    return None


def _asked(text: str) -> str | None:
    """What kind of 'what is it' the question asks: method / meaning (intent.py), listed, included."""
    asked = method_asked(text) or ("listed" if LISTED_ASKED.search(text) else None)
    return asked or ("included" if INCLUDED_ASKED.search(text) else None)


def candidates(text: str, asked: str) -> list[str]:
    """Terms the question may be about, likeliest first: quoted words (“4类6项”), then the words
    before its cue (医防融合到底啥意思 -> 医防融合)."""
    out = [q for q in QUOTED.findall(text) if len(q) >= MIN_TERM]
    plain = without_places(text)
    if asked in ("method", "meaning"):
        out.append(asked_about(plain, asked))
    else:
        cue = (LISTED_ASKED if asked == "listed" else INCLUDED_ASKED).search(plain)
        if cue is not None:
            before = TERM_FILLER.sub("", re.split(r"[，,。？?！!：:；;]", plain[: cue.start()])[-1])
            # an enumeration by its count (这66个是哪些, 4类指的是哪4类): "是哪些" about any unquoted
            # words (申报材料是哪些) is a list the texts may well give under other words
            if asked == "included" or re.search(r"[0-9]", before):
                out.append(before)
    return [t for t in dict.fromkeys(out) if len(t) >= MIN_TERM]


def _named(term: str, sentence: str) -> str:
    """A count names what it counts in the text: 66个 is 66个病种 (the two characters after it)."""
    if not COUNTED.search(term):
        return term
    after = sentence.split(term, 1)[1][:2]
    return term + after if re.fullmatch(r"[\u4e00-\u9fff]{2}", after) else term


def uses(term: str, kb: KnowledgeBase, region: str | None) -> list[Citation]:
    """Each sentence of an official text holding `term` verbatim, as a citation of its deepest
    section: the user's region's texts first, then the national one, then the others."""
    order = {region: 0, "national": 1}
    docs = sorted((d for d in kb.documents.values() if not d.secondary), key=lambda d: order.get(d.region, 2))
    found: list[Citation] = []
    seen: set[str] = set()
    for doc in docs:
        deepest = sorted(doc.sections.items(), key=lambda kv: -len(kv[0]))
        for section, body in deepest:
            for sentence in SENTENCE.findall(body):
                s = sentence.strip()
                if term in s and s not in seen:
                    seen.add(s)
                    found.append(Citation(doc.id, section, s))
    return found


def _turn(term: str, found: list[Citation], kb: KnowledgeBase, result: SearchResult, region: str | None) -> Turn:
    defined = [c for c in found if DEFINES.search(c.quote.split(term, 1)[-1][:8])]
    lines = [] if defined else [T.TERM_NOT_EXPLAINED.format(term=term)]
    shown = defined or found
    sources = tuple(kb.catalogue.source_for(c) for c in shown)
    lines.append(T.TERM_USED_HERE)
    for c, source in zip(shown, sources, strict=True):
        lines.append(T.TERM_SENTENCE.format(sentence=c.quote, where=render.citation(source)))
    lines.append(T.TERM_ASK)
    where = kb.catalogue[found[0].document].region
    return Turn("method", "answer", (Reply("\n".join(lines)),), where or region, result.confidence, (), sources)
