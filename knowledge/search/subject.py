"""What a question is about (its subject) and whether an entry says anything of it.

A question out of scope often shares the generic words of an entry (什么时候, 多少, 社区医院, 申报)
and nothing else: 护士资格证考试什么时候报名 matches 吉林's application deadline on 什么时候 + 报名
(= 申报) alone. Its subject — the nouns left once question words, particles and the knowledge base's
generic words are taken out (护士, 资格, 考试) — is nowhere in that entry. Such an answer is refused
(the search declines: what the assistant covers and whom to ask), however high the confidence.

The subject's words are the question's words as the search reads them (normalised, synonyms and
pinyin slips folded: tokens.Analyzer), so a paraphrase or a typo of an entry's words is the entry's
word here too. A word is a noun when jieba's general dictionary tags it as one (n, vn, nz, nt, l,
j: 护士 n, 考试 vn); a run of single characters the small dictionary left apart (证考试) is a noun
when it holds one. Generic words are the knowledge base's own frequent ones (IDF below GENERIC_IDF:
社区医院, 要求, 标准, 机构). An entry supports a subject word when its question, phrasings, answer,
cited documents or cited sentences hold the word or one of its character bigrams.

One unsupported noun alone is refused only where the question's attribute is asked of it and it is
rare in the language (asked_of.py: 执业许可证多久校验一次, 药师注册需要准备哪些材料): SubjectCheck.rare_asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from knowledge.search.asked_of import asked_units, clauses, compounds_only, gives_asked, kinds_asked, slot
from knowledge.search.focus import INSTITUTION_HEADS, acronyms, measure_phrases, service_phrases, service_runs
from knowledge.search.model import Answer
from knowledge.search.question_subject import (
    GENERIC_IDF,
    Subject,
    generic_nouns,
    holds_noun,
    is_place,
    subject_of,
    unit_terms,
    unsupported,
)

T = TypeVar("T", bound=Any)  # a ranked candidate: anything with the entry's `.index`

# An entry holding the question's focus is put before a best one lacking it when it ranks at most this
# far below (ranking score; the fever-clinic entry was 0.05 below who-may-apply), among the first few.
FOCUS_GAP = 0.2
FOCUS_WITHIN = 5


def _bare_services(words: Sequence[str], units: Sequence[str]) -> list[str]:
    """The services a modal asks about that no subject unit covers (康复科: no dictionary noun, so no unit;
    brk9 F2), as written, without question words: their bigrams are what an entry must hold."""
    from knowledge.search.intent import cues

    asked = cues().question_words
    out = []
    for run in service_runs(words):
        bare = "".join(w for w in run if not any(q in w for q in asked))
        if len(bare) >= 2 and not any(u in bare or bare in u for u in units):
            out.append(bare)
    return out


class SubjectCheck:
    """Per entry, the terms that support a subject (its own terms and its cited sentences'), and the
    test of a question against the entry chosen for it."""

    def __init__(
        self,
        analyse: Callable[[str], tuple[list[str], list[str]]],
        answers: Sequence[Answer],
        known_terms: Sequence[frozenset[str]],
        words: tuple[frozenset[str], ...],
        idf: Callable[[str], float],
        phrasings: Sequence[Sequence[str]] = (),
    ) -> None:
        """`known_terms[i]`: entry i's question's, phrasings', answer's and documents' terms
        (SearchIndex.known_terms), to which the sentences it cites are added; `words`: the general
        dictionary's nouns, the domain terms and its common words (asked_of.py); `idf`: a term's
        IDF (the highest for one no entry has); `phrasings[i]`: entry i's question and phrasings,
        whose asked-of units (asked_of.asked_units) support the same units asked."""
        self.analyse = analyse
        self.texts = [a.answer for a in answers]
        quotes = [[s.quote for s in a.sources if s.quote] for a in answers]
        self.support = [
            terms | frozenset(t for q in qs for t in analyse(q)[1])
            for qs, terms in zip(quotes, known_terms, strict=True)
        ]
        # the general dictionary's nouns, the domain terms, and (asked_of.py) its common words
        self.nouns, self.domain, *common = words
        self.common = common[0] if common else frozenset()
        from knowledge.search.intent import cues

        asking = cues().question_words
        self.support = [
            terms | asked_units(analyse, texts, asking) for terms, texts in zip(self.support, phrasings, strict=True)
        ] or self.support
        # words that stand only inside a longer name in the entry (法人 证书): not the thing asked (rare_asked)
        noun = lambda w: holds_noun(w, self.nouns, self.domain)  # noqa: E731
        self.compounds = [
            compounds_only([analyse(t)[0] for t in (*texts, a.answer, *qs)], noun)
            for a, qs, texts in zip(answers, quotes, phrasings, strict=True)
        ] or [frozenset()] * len(answers)
        self.idf = idf
        self.unknown_at = idf("\0")  # the IDF of a term no entry has

    def subject(self, question: str) -> Subject:
        from knowledge.search.intent import cues

        words, _ = self.analyse(question)
        return subject_of(words, self.nouns, self.domain, self.idf, cues().question_words)

    def focus(self, question: str) -> tuple[str, ...]:
        """The subject's units that are the question's focus (focus.py): what a measure is of, a
        rate no entry has (建档率), the service a modal asks about; and its acronyms (CT, ICU).
        The last question's focus is kept: a search asks it twice (judge, then focus_first)."""
        last = getattr(self, "_last_focus", None)
        if last is not None and last[0] == question:
            return last[1]
        units = self._focus(question)
        self._last_focus = (question, units)
        return units

    def _focus(self, question: str) -> tuple[str, ...]:
        from knowledge.search.intent import cues

        words, _ = self.analyse(question)
        owners, rates = measure_phrases(words)
        # 床位、使用率: a list, not what the rate is of (the analyser drops the punctuation between);
        # an owner is one written as such, right before the rate's word
        written = [o for o in owners if re.search(re.escape(o) + r"[\u4e00-\u9fff]", question)]
        # the rate after a written owner is the owner's (处方合格率); after none, only its own focus
        owners = [
            o for k, o in enumerate(owners) if o in written or (k and owners[k - 1] in written and o.endswith("率"))
        ]
        phrases = [*owners, *service_phrases(words)]
        # a rate no entry has is its own focus; 使用率 folded into 床位使用率 is the entries' word
        phrases += [r for r in rates if self.idf("w:" + r) >= self.unknown_at - 1e-9]
        named = [w for w in acronyms(words, question) if self.idf("w:" + w) >= GENERIC_IDF]
        if not phrases and not named:
            return ()
        subject = subject_of(words, self.nouns, self.domain, self.idf, cues().question_words)
        # a unit of a phrase, or a run the phrase cuts into (做剖宫产: 做 + 剖宫产手术)
        units = [u for u in subject.units if any(u[k : k + 2] in p for p in phrases for k in range(len(u) - 1))]
        return tuple(dict.fromkeys([*units, *_bare_services(words, units), *named]))

    def service_asked(self, question: str) -> tuple[str, ...]:
        """The subject's units naming a service a modal asks about (卫生院能不能做剖宫产手术: 剖宫产,
        手术): what is asked is the service, not whether the institution may apply (a situation)."""
        from knowledge.search.intent import cues

        words, _ = self.analyse(question)
        phrases = service_phrases(words)
        if not phrases or not self.nouns:
            return ()
        subject = subject_of(words, self.nouns, self.domain, self.idf, cues().question_words)
        units = [u for u in subject.units if any(u[k : k + 2] in p for p in phrases for k in range(len(u) - 1))]
        return tuple([*units, *_bare_services(words, units)])

    def heads_for(self, question: str) -> tuple[str, ...]:
        """The heads an entry must name (intent.heads_asked) for `question`: an institution's head left out
        when the question asks about a service (focus.INSTITUTION_HEADS)."""
        from knowledge.search.intent import heads_asked

        heads = heads_asked(question)
        if not any(h in INSTITUTION_HEADS for h in heads) or not self.service_asked(question):
            return heads
        return tuple(h for h in heads if h not in INSTITUTION_HEADS)

    def off(self, question: str, entry: int) -> bool:
        """The question's subject has weight and none of it is in entry `entry`: not its answer.
        Without the general dictionary's nouns (an index built without them) nothing is refused."""
        return bool(self.nouns) and unsupported(self.subject(question), self.support[entry], self.unknown_at)

    def off_focus(self, question: str, entry: int) -> bool:
        """A word of the question's focus (focus.py) is not in entry `entry`: the entry shares the
        rest of the question (使用率, 卫生院, 许可证) but answers for another thing."""
        return bool(self.nouns) and self._lacks(self.focus(question), entry)

    def _lacks(self, units: Sequence[str], entry: int) -> bool:
        """A focus unit none of whose terms entry `entry` holds (focus read once per question)."""
        support = self.support[entry]
        # a generic bigram is no hold (上门服务's 服务: the who-may-apply entry names 服务, not 上门: brk9 F1);
        # a unit of generic terms only (服务) tells no entry from another
        strong = [[t for t in unit_terms(u) if self.idf(t) >= GENERIC_IDF] for u in units]
        return any(terms and not any(t in support for t in terms) for terms in strong)

    def focus_to_front(self, question: str, scored: list[tuple[float, int, tuple[float, ...]]]) -> int | None:
        """`scored` (SearchIndex.rank's (score, entry index, features), best first): when the best lacks the
        question's focus and an entry at most FOCUS_GAP below it among the first FOCUS_WITHIN holds it
        all, that one first (卫生院能不能开设发热门诊: the fever-clinic entry over who-may-apply, which names
        卫生院 but no 发热; before, only suggested: brk9 F1). In place; returns the entry displaced (about
        another thing, so no runner-up), or None."""
        units = self.focus(question) if scored and self.nouns else ()
        if not units or not self._lacks(units, scored[0][1]):
            return None
        for k in range(1, min(len(scored), FOCUS_WITHIN)):
            if scored[k][0] < scored[0][0] - FOCUS_GAP:
                break
            if not self._lacks(units, scored[k][1]):
                displaced = scored[0][1]
                scored.insert(0, scored.pop(k))
                return displaced
        return None

    def focus_first(self, question: str, candidates: Sequence[T]) -> list[T]:
        """`candidates` (anything with an entry `.index`), those holding the question's whole focus
        first when the best does not (东中西部比例: the three-year plan's east/central/west entry before
        its 2025 overall share): the suggestion the user most likely wants comes first."""
        items = list(candidates)
        units = self.focus(question) if items and self.nouns else ()
        if not units or not self._lacks(units, items[0].index):
            return items
        return sorted(items, key=lambda c: self._lacks(units, c.index))

    def _rare_units(self, question: str) -> list[tuple[tuple[str, ...], bool]]:
        """(its terms (unit_terms), it is the head of its phrase) of each word the question's attribute
        is asked of (asked_of.py) that is rare in the language, not the knowledge base's generic word
        nor a place. Empty without the common words (an index built without them: nothing is refused)."""
        from knowledge.search.intent import cues

        if not self.common or not self.nouns:
            return []
        found = []
        for clause in clauses(question):
            words, _ = self.analyse(clause)
            for unit, is_run, qualifies in slot(words, cues().question_words):
                eligible = is_run or qualifies or holds_noun(unit, self.nouns, self.domain)
                if not eligible or unit in self.common or unit in generic_nouns() or is_place(unit):
                    continue
                terms = unit_terms(unit)
                if min(self.idf(terms[0]), max(self.idf(t) for t in terms[1:])) < GENERIC_IDF:
                    continue  # the knowledge base's generic word (申报, 机构), or one of its bigrams
                found.append((terms, not qualifies and not is_run))
        return found

    def _holds(self, terms: tuple[str, ...], head: bool, entry: int) -> bool:
        """Entry `entry` holds a unit's terms; a head word (法人 in 法人是谁) only where the entry has it
        as more than the first part of a longer name (法人证书)."""
        if head and terms[0] in self.compounds[entry]:
            return False
        return any(t in self.support[entry] for t in terms)

    def rare_asked(self, question: str, entry: int) -> str | None:
        """A word the question's attribute is asked of (asked_of.py: 保洁 in 保洁归谁管, 校验 in
        执业许可证多久校验一次) that is rare in the language, not the knowledge base's generic word nor
        a place, and that entry `entry` (its text and cited sentences) never holds: "decline" when no
        entry holds any of its terms, else "suggest"; None when every such word is in the entry.
        Without the common words (an index built without them) nothing is refused."""
        verdict = None
        for terms, head in self._rare_units(question):
            if self._holds(terms, head, entry):
                continue
            if all(self.idf(t) >= self.unknown_at - 1e-9 for t in terms):
                return "decline"
            verdict = "suggest"
        return verdict

    def held_by_none(self, question: str, entries: Sequence[int]) -> bool:
        """Some rare word the question's attribute is asked of (see rare_asked) is held by none of
        `entries` (the suggestions to be shown): asking back with them would offer only entries about
        other things (药师注册需要准备哪些材料 → the application materials), so the search declines and
        says whom to ask."""
        return any(not any(self._holds(terms, head, e) for e in entries) for terms, head in self._rare_units(question))

    def gives_attribute(self, question: str, entry: int) -> bool:
        """Entry `entry`'s answer gives what a cue of the question asks for (asked_of.GIVES: the
        papers of 要什么材料), whatever words of the question it holds."""
        kinds = frozenset(k for clause in clauses(question) for k in kinds_asked(self.analyse(clause)[0]))
        return gives_asked(kinds, self.texts[entry])

    def judge(self, question: str, entry: int, decision: str) -> str:
        """The search's `decision` on entry `entry` after the subject check: an answer whose subject
        the entry does not hold is declined; one whose focus it does not hold is asked back (the
        suggestions: a near entry of another thing, 床位使用率 for 抗菌药物使用率, or another region's
        entry of the same thing, is the user's to pick, never given as the answer)."""
        if decision not in ("answer", "likely"):
            return decision
        if self.off(question, entry):
            return "decline"
        rare = self.rare_asked(question, entry)
        if rare:
            return rare
        if not self.gives_attribute(question, entry):
            return "suggest"  # it answers another attribute of the same thing (registration: changes, not papers)
        return "suggest" if self.off_focus(question, entry) else decision
