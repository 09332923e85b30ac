"""The search index over the FAQ entries: BM25 over words and character bigrams, re-ranked with
rapidfuzz against every phrasing, then a calibrated confidence decides answer / suggest / decline.

One entry is one BM25 document with two fields: its question and phrasings (what users ask), and
its answer (what it says, weighted lower). Scores are divided by what the question could score at
most, with the words the index has never seen counting at the highest IDF: a question about the
weather is mostly words the index does not know, so it scores low however well 什么时候 matches.
"""

from __future__ import annotations

import dataclasses
import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from knowledge.places import PlacesNamed, places_named
from knowledge.regions import regions
from knowledge.search.addressee import own_step_to_nation
from knowledge.search.bm25 import Field
from knowledge.search.calibration import FEATURES, Calibration, gates, not_in_texts
from knowledge.search.fuzz_score import fuzz_scorer
from knowledge.search.intent import attributes_asked, folded, referrals
from knowledge.search.memo import per_turn
from knowledge.search.model import Answer, SearchResult
from knowledge.search.signals import (
    attribute_fit,
    broad_penalties,
    heads_first,
    is_local,
    is_secondary,
    matter_decision,
    matter_unmet,
    not_given_yield,
    own_first,
    provided,
)
from knowledge.search.step_days import asked_steps, entry_steps, other_step
from knowledge.search.subject import SubjectCheck
from knowledge.search.term_stats import TermStats
from knowledge.search.tokens import Analyzer, fuzz_text
from knowledge.search.topics import per_region

CANDIDATES = 30  # re-ranked with rapidfuzz
POOL = 300  # entries scored exactly on every term
COMMON_MIN = 300  # a term is "common" when more entries than this, and than 1/COMMON_SHARE of all, have it
COMMON_SHARE = 20
MAX_SUGGESTIONS = 3
METHOD_ATTRIBUTES = frozenset({"method", "meaning"})  # questions that may be answered by a method entry
STEP_PENALTY = 0.5  # a date entry of another step (市州复核 for "哪天前报到省里") lets the asked step's pass


@dataclass(frozen=True)
class Candidate:
    index: int
    score: float
    features: tuple[float, ...]  # in calibration.FEATURES order
    # Every term of the question is one the index has, seams included (the `known` feature leaves
    # seams out): in scope but too short to pick one entry, so a decline becomes suggestions.
    every_term_known: bool = False


class SearchIndex:
    def __init__(
        self,
        analyzer: Analyzer,
        answers: Sequence[Answer],
        phrasings: Sequence[Sequence[str]],
        calibration: Calibration,
        subject_words: tuple[frozenset[str], ...] = (frozenset(), frozenset()),
    ) -> None:
        """`phrasings[i]`: the canonical question and the other phrasings of entry i (subject_words: subject.py)."""
        self.analyzer = analyzer
        self.answers = tuple(answers)
        self.calibration = calibration
        self.by_id = {a.entry_id: i for i, a in enumerate(self.answers)}
        self.region_order = [r.id for r in regions()]
        self.gives = [provided(a.answer) for a in self.answers]  # attributes each answer gives
        self.secondary = [is_secondary(a) for a in self.answers]
        self.folded = [folded(a.question + a.answer) for a in self.answers]  # for matter_unmet
        # The steps each entry's canonical question names, read as a question is (normalised, typos corrected); its days
        self.steps = [entry_steps("".join(analyzer.analyse(a.question)[0]), a.answer) for a in self.answers]
        self.head_text = [folded(" ".join([*t, a.answer])) for a, t in zip(self.answers, phrasings, strict=True)]
        question_docs: list[Counter[str]] = []
        answer_docs: list[Counter[str]] = []
        self.fuzz_texts: list[tuple[str, ...]] = []
        self.known_terms: list[frozenset[str]] = []
        for answer, texts in zip(self.answers, phrasings, strict=True):
            q_terms: Counter[str] = Counter()
            fuzz_texts = []
            for text in texts:
                words, terms = analyzer.analyse(text)
                q_terms.update(terms)
                fuzz_texts.append(fuzz_text(words))
            _, a_terms = analyzer.analyse(answer.answer)
            question_docs.append(q_terms)
            answer_docs.append(Counter(a_terms))
            self.fuzz_texts.append(tuple(t for t in fuzz_texts if t))
            # The names of the documents it cites count as its words for coverage: a question that
            # names 317号《关于加快推进社区医院建设的通知》 to place its fact is about that fact.
            _, d_terms = analyzer.analyse(" ".join(f"{s.document} {s.number}" for s in answer.sources))
            self.known_terms.append(frozenset(q_terms) | frozenset(a_terms) | frozenset(d_terms))
        self.questions = Field(question_docs)
        self.answer_field = Field(answer_docs)
        self.terms = TermStats(self.questions, self.answer_field)  # IDF and known vocabulary
        self.topic_members: dict[str, list[int]] = defaultdict(list)
        for i, a in enumerate(self.answers):
            if a.topic:
                self.topic_members[a.topic].append(i)
        self.topic_members = dict(self.topic_members)
        self.subjects = SubjectCheck(
            analyzer.analyse, self.answers, self.known_terms, subject_words, self.terms.idf, phrasings
        )

    # ------------------------------------------------------------------ public API

    def entry(self, entry_id: str) -> Answer | None:
        i = self.by_id.get(entry_id)
        return self.answers[i] if i is not None else None

    def same_topic(self, entry_id: str, region: str) -> Answer | None:
        """The entry of `region` itself (not national) on the topic of `entry_id`; None when there is none."""
        i = self.by_id.get(entry_id)
        topic = self.answers[i].topic if i is not None else None
        members = self.topic_members.get(topic or "", [])
        return next((self.answers[j] for j in members if region in self.answers[j].regions), None)

    @per_turn
    def search(self, question: str, region: str | None, *, fixed: bool = False) -> SearchResult:
        """Find the entry that answers `question` for a user in `region` (None: not chosen) and
        decide how sure we are: answer, likely (show it, marked as the likeliest, with the others
        as alternatives), suggest ("您是不是想问"), or decline.

        A region named in the question wins over the user's; a question that names only places
        whose documents are not loaded (上海, 重庆江北区) is searched among the national entries and
        says which places those were (`uncovered`), so that nobody is told another region's rules.
        `answers` always holds the best distinct entries (up to 3), whatever the decision.
        `fixed`: search `region` whatever the question names (one side of a comparison, the
        national text for a place not covered)."""
        named = places_named(question)
        used = region if fixed or own_step_to_nation(named, region, question, self) else self._region_for(named, region)
        uncovered, partial = tuple(p.name for p in named.uncovered), tuple(p.name for p in named.partial)
        base = SearchResult("decline", 0.0, region=used, region_named=bool(named.regions), regions_named=named.regions)
        base = dataclasses.replace(base, uncovered=uncovered, partial=partial)
        candidates = self.rank(question, used)
        if not candidates:
            return base
        top = candidates[0]
        confidence = self.calibration.confidence(top.features)
        decision = self.calibration.decide(confidence, *gates(top.features, bool(referrals(question))))
        if decision == "decline" and top.every_term_known and not referrals(question):
            # Every word is one the knowledge base uses (床位, 要交材料么: seams aside), and no other
            # office's matter whom a decline would name: in scope, so ask back, not "I don't know".
            decision = "suggest"
        unmet: tuple[str, ...] = ()
        shown = [c.features[FEATURES.index("matter")] for c in candidates[:MAX_SUGGESTIONS]]
        decision = matter_decision(decision, shown)  # another office's matter (职称, 医保, 食堂): signals.py
        # What it is about (护士资格证考试) is nowhere in the entry: declined; its focus (抗菌药物使用率) is
        # not: asked back (subject.py).
        decision = self.subjects.judge(question, top.index, decision)
        if top.features[FEATURES.index("attribute")] <= -0.5:
            # The question asks for something (a fee, a date) that the entry's answer does not
            # give at all: it answers another question, however well the words match.
            decision = "suggest" if decision in ("answer", "likely") else decision
            unmet = tuple(sorted(a for a in attributes_asked(question) if a not in self.gives[top.index]))
        distinct = self.subjects.focus_first(question, self.distinct(candidates))
        missing, order = heads_first(self.subjects.heads_for(question), [self.head_text[c.index] for c in distinct])
        if missing:  # it names what it asks about (公卫人员, 每万人, 印发日期 …) and the best entry does not
            decision = "suggest" if decision in ("answer", "likely") else decision
            unmet = (*unmet, *(f"head:{h}" for h in missing)) if order[0] == 0 else unmet
            distinct = [distinct[k] for k in order]
        shown_entries = [c.index for c in distinct[:MAX_SUGGESTIONS]]
        if decision == "suggest" and self.subjects.held_by_none(question, shown_entries):
            decision = "decline"  # no suggestion holds the word it asks of (药师注册…材料): whom to ask
        answers = tuple(self._scored(c) for c in distinct[:MAX_SUGGESTIONS])
        if used not in (None, "national") and answers and used not in answers[0].regions:
            # A national entry on a question the region answers for itself (its entry of the same
            # topic): the region's own answer, in the national one's place.
            own = self.same_topic(answers[0].entry_id, used)
            if own is not None:
                answers = (dataclasses.replace(own, score=answers[0].score), *answers[1:])
        per_region = self._per_region(top, candidates) if used is None else ()
        not_in = decision == "suggest" and not unmet and not_in_texts(top.features, confidence, self.calibration)
        return dataclasses.replace(
            base,
            decision=decision,
            confidence=round(confidence, 4),
            answers=answers,
            suggestions=answers if decision == "suggest" else (),
            unmet=unmet,
            per_region=per_region,
            not_in_texts=not_in,
        )

    def _region_for(self, named: PlacesNamed, region: str | None) -> str | None:
        """The region to search: the first covered one the question names (a local region beats
        国家 named beside it: "吉林这个方案是根据哪个国家文件定的" is about Jilin), else national when
        the question names 国家 or only places not covered, else the user's (addressee.py: 报给国家)."""
        if named.regions:
            return named.regions[0]
        if named.national or named.uncovered:
            return "national"
        return region

    @per_turn
    def rank(self, question: str, region: str | None) -> list[Candidate]:
        """Candidates, best first, among the entries that apply in `region` (all when None)."""
        words, terms = self.analyzer.analyse(question)
        query = set(terms)
        if not query:
            return []
        r = self.calibration.ranking
        q_ceiling = self.questions.ceiling(query)
        a_ceiling = self.answer_field.ceiling(query)

        def bm25(i: int) -> float:
            answer_part = self.answer_field.score(i, query) / a_ceiling
            return self.questions.score(i, query) / q_ceiling + r.answer_weight * answer_part

        # Candidates come from the rarer terms (社区医院 in a big base says little); the pool is then
        # scored exactly on every term, so pruning only decides who competes.
        common = max(COMMON_MIN, len(self.answers) // COMMON_SHARE)
        rare = [t for t in query if self.questions.frequency(t) <= common]
        generating = rare or [min(query, key=self.questions.frequency)]  # common words only: the rarest
        q_part = self.questions.scores(generating)
        a_terms = [t for t in generating if self.answer_field.frequency(t) <= common]
        a_part = self.answer_field.scores(a_terms)
        exact = len(generating) == len(query) == len(a_terms)  # nothing pruned: no rescoring needed
        asked = attributes_asked(question)
        matters = referrals(question)
        # Only a local plan dates the director's own step (the national notice: provinces' reports).
        local = region not in (None, "national")
        steps_asked = asked_steps("".join(words), question) if "time" in asked and local else None
        rough = self._rough(q_part, a_part, (q_ceiling, a_ceiling), region, bool(asked & METHOD_ATTRIBUTES))
        if not rough:
            return []
        if exact:
            shortlist = heapq.nlargest(CANDIDATES, rough.items(), key=itemgetter(1))
        else:
            pool = heapq.nlargest(POOL, rough, key=rough.__getitem__) if len(rough) > POOL else list(rough)
            shortlist = heapq.nlargest(CANDIDATES, ((i, bm25(i)) for i in pool), key=itemgetter(1))
        idf_total = sum((idf := {t: self.terms.idf(t) for t in query}).values()) or 1.0  # idf: each term's, once
        known, specificity = self.terms.known(query, words, idf_total)
        scored: list[tuple[float, int, tuple[float, ...]]] = []
        # Seams stay in coverage: left out of it (as of `known`), refitted, cross-validation
        # answered 284 rather than 285 of 300 answerable and 5 rather than 4 of 35 out of scope.
        coverages = self._coverages(idf, idf_total, shortlist)
        # Overviews below the entry on the one item asked (317号通知里年底前再建成多少家: not the notice's).
        broad = broad_penalties(self.answers, coverages, question, fact=bool(asked - METHOD_ATTRIBUTES))
        fuzz_of = fuzz_scorer(fuzz_text(words))  # each candidate's best phrasing against the question's words
        for i, base in shortlist:
            fuzz = fuzz_of(self.fuzz_texts[i])
            local = is_local(self.answers[i], region)
            # A news report is second to an official text, most of all to the asked region's own.
            secondary = self.secondary[i]
            attribute = attribute_fit(asked, self.gives[i])
            coverage = coverages[i]
            step = other_step(steps_asked, self.steps[i]) if steps_asked is not None else 0.0
            score = (
                base
                + r.fuzz_weight * fuzz
                + r.local_bonus * local
                - r.secondary_penalty * secondary
                + r.attribute_weight * attribute
                - STEP_PENALTY * step
                - broad[i]
                - not_given_yield(asked, self.gives[i])
            )
            matter = matter_unmet(matters, self.folded[i])
            scored.append((score, i, (fuzz, coverage, attribute, local, secondary, matter)))
        scored.sort(key=lambda s: (-s[0], s[1]))
        displaced = own_first(scored, region) or self.subjects.focus_to_front(question, scored)
        best = scored[0]
        runner_up = next(
            (s[0] for s in scored[1:] if s[1] != displaced and not self._same_question(s[1], best[1])), 0.0
        )
        out = []
        for rank, (score, i, (fuzz, coverage, attribute, local, secondary, matter)) in enumerate(scored):
            features = (
                *(score, (score - runner_up) / score if rank == 0 and score > 0 else 0.0, coverage, fuzz, known),
                *(specificity, attribute, local),
                *(secondary, matter),
            )
            out.append(Candidate(i, score, features, known >= 1.0 - 1e-9))
        return out

    def named_region(self, question: str) -> str | None:
        """The region the question names (None when it names none): see `_region_for`."""
        return self._region_for(places_named(question), None)

    # ------------------------------------------------------------------ helpers

    def _rough(
        self,
        q_part: dict[int, float],
        a_part: dict[int, float],
        ceilings: tuple[float, float],
        region: str | None,
        method_asked: bool,
    ) -> dict[int, float]:
        """The generating terms' BM25 (each field over its ceiling) of the entries that compete: those
        that apply in `region` (all when None; a national one everywhere) less, for a question that does
        not ask how a figure is counted, the entries on how one is: they would take the place of the entry
        that gives the figure ("全科医生每万人几名"). Who competes is worked out once per region and kind
        for the index's life (every search tried ~250 entries one by one before)."""
        kept = self.__dict__.setdefault("_competing", {})
        if (region, method_asked) not in kept:
            kept[region, method_asked] = frozenset(
                i
                for i, a in enumerate(self.answers)
                if (region is None or region in a.regions or "national" in a.regions) and (method_asked or not a.method)
            )
        competing, (q_ceiling, a_ceiling) = kept[region, method_asked], ceilings
        weight = self.calibration.ranking.answer_weight
        return {
            i: q_part.get(i, 0.0) / q_ceiling + weight * a_part.get(i, 0.0) / a_ceiling
            for i in q_part.keys() | a_part.keys()
            if i in competing
        }

    def _fuzz(self, query: str, i: int) -> float:
        return fuzz_scorer(query)(self.fuzz_texts[i])

    def _coverages(self, idf: dict[str, float], total: float, shortlist: list[tuple[int, float]]) -> dict[int, float]:
        """Each shortlisted entry's share of the query's IDF (`idf`: each term's, in the query's order)."""
        weighed = list(idf.items())  # the query's order: each sum adds the same floats in the same order
        return {i: sum(w for t, w in weighed if t in self.known_terms[i]) / total for i, _ in shortlist}

    def _same_question(self, i: int, j: int) -> bool:
        """Entries of one topic are the same question for different regions."""
        a, b = self.answers[i], self.answers[j]
        return i == j or (a.topic is not None and a.topic == b.topic)

    def distinct(self, candidates: Sequence[Candidate]) -> list[Candidate]:
        chosen: dict[object, Candidate] = {}  # the first of each question (_same_question: a topic, else the entry)
        for c in candidates:
            chosen.setdefault(t if (t := self.answers[c.index].topic) is not None else ("entry", c.index), c)
        return list(chosen.values())

    def _scored(self, c: Candidate) -> Answer:
        return dataclasses.replace(self.answers[c.index], score=round(c.score, 4))

    def _per_region(self, top: Candidate, candidates: Sequence[Candidate]) -> tuple[Answer, ...]:
        """When the region is unknown: one answer per region of the best entry's topic (topics.py)."""
        members = self.topic_members.get(self.answers[top.index].topic or "", [])
        scores = {c.index: c.score for c in candidates}
        return per_region(self.answers, members, self.region_order, scores)
