"""Pure functions kept for a turn (knowledge/search/memo.per_turn_call) and the search's faster inner
loops (tokens.correct, SearchIndex._fuzz and distinct) give what they gave before: each is checked
against a plain reference over the development questions and the entries' own texts."""

from __future__ import annotations

from itertools import product
from pathlib import Path

import pytest
import yaml

from knowledge.search.memo import one_turn, per_turn_call
from knowledge.search.tokens import FUZZY_MIN, MAX_WORD, NUMERALS, is_cjk

SETS = Path(__file__).parents[2] / "eval"


def _questions() -> list[tuple[str, str | None]]:
    out = []
    for name in ("devset.yaml", "devblind.yaml"):
        out += [(str(i["q"]), i.get("region")) for i in yaml.safe_load((SETS / name).read_text(encoding="utf-8"))]
    return out


QUESTIONS = _questions()


def test_a_call_is_kept_for_the_turn_only_an_unhashable_argument_by_identity() -> None:
    calls: list[tuple[str, int]] = []

    @per_turn_call(copied=dict)
    def read(text: str, specs: dict[str, int], *, scale: int = 1) -> dict[str, int]:
        calls.append((text, id(specs)))
        return {text: len(specs) * scale}

    specs, other = {"beds": 1}, {"beds": 1}
    read("床位", specs)
    read("床位", specs)
    assert len(calls) == 2  # outside a turn nothing is kept
    with one_turn():
        first = read("床位", specs)
        first["x"] = 1  # a caller's change to its copy
        assert read("床位", specs) == {"床位": 1}
        read("床位", other)  # an equal dict, another object: read again
        read("床位", specs, scale=2)
        read("使用率", specs)
    assert len(calls) == 2 + 4


@pytest.fixture(scope="module")
def analyzer(kb):
    return kb.index.analyzer


def _texts(kb) -> list[str]:
    return [q for q, _ in QUESTIONS] + [a.answer for a in kb.index.answers] + [a.question for a in kb.index.answers]


def _sounds_like(an, window: str) -> str | None:
    """Analyzer._sounds_like as it was, every reading of the window built."""
    options = [an.readings.get(c, c).split(",") for c in window]
    keys = []
    for key in product(*options):
        keys.append(key)
        if len(keys) >= 16:
            break
    for key in keys:
        word = an.by_sound.get(key)
        if word and word != window and any(a == b and a not in NUMERALS for a, b in zip(word, window, strict=True)):
            return word
    if len(window) < FUZZY_MIN:
        return None
    for d in range(len(window)):
        for word in an.slips.get(window[:d] + "\0" + window[d + 1 :], ()):
            if an._sound_alike(word[d], window[d]) and an._one_slip(window, word):
                return word
    return None


def _correct(an, text: str) -> str:
    """Analyzer.correct as it was: each window's characters tested one by one."""
    out, i = [], 0
    while i < len(text):
        replaced = False
        if is_cjk(text[i]):
            for length in range(min(MAX_WORD, len(text) - i), 1, -1):
                window = text[i : i + length]
                if window in an.vocabulary:
                    out.append(window)
                    i += length
                    replaced = True
                    break
                if not all(is_cjk(c) for c in window):
                    continue
                word = _sounds_like(an, window)
                if word is not None and not an._holds_other_word(text, i, length):
                    out.append(an.stands_for.get(word, word))
                    i += length
                    replaced = True
                    break
        if not replaced:
            out.append(text[i])
            i += 1
    return "".join(out)


def test_typo_correction_is_the_same_with_the_sound_heads_shortcut(kb, analyzer) -> None:
    assert all((k[0], k[1], len(k)) in analyzer.sound_heads for k in analyzer.by_sound)
    texts = [analyzer.normalise(t) for t in _texts(kb)]
    texts += ["社区一院床味要多少", "特社科室有要求吗", "吉林申情社区医院", "使用律多少", "a社区一院b", "床味2张"]
    differ = [t for t in texts if analyzer.correct(t) != _correct(analyzer, t)]
    assert differ == []


def test_fuzz_and_distinct_are_the_plain_ones(kb) -> None:
    from rapidfuzz import fuzz

    from knowledge.search.tokens import fuzz_text

    index = kb.index
    for q, region in QUESTIONS[::7]:
        query = fuzz_text(index.analyzer.analyse(q)[0])
        ranked = index.rank(q, region)
        for c in ranked:
            plain = max((fuzz.token_set_ratio(query, t) for t in index.fuzz_texts[c.index]), default=0.0) / 100.0
            assert index._fuzz(query, c.index) == (plain if query else 0.0)
        chosen = []
        for c in ranked:
            if not any(index._same_question(c.index, d.index) for d in chosen):
                chosen.append(c)
        assert index.distinct(ranked) == chosen


def test_kept_functions_give_the_same_inside_and_outside_a_turn(kb) -> None:
    from dialogs.qa.dates_named import own_dates
    from dialogs.qa.facts import read_all
    from knowledge.places import places_named
    from knowledge.search.intent import asks_now, attributes_asked, referrals, smalltalk_kind

    texts = [q for q, _ in QUESTIONS[::3]]
    calls = [attributes_asked, asks_now, referrals, smalltalk_kind, places_named]
    outside = [[f(t) for f in calls] + [read_all(t, kb.fields)] for t in texts]
    calendars = [own_dates(c) for c in kb.calendars.values()]
    with one_turn():
        inside = [[f(t) for f in calls] + [read_all(t, kb.fields)] for t in texts for _ in range(2)]
        assert [own_dates(c) for c in kb.calendars.values()] == calendars
    assert inside == [row for row in outside for _ in range(2)]
