"""Pure functions kept for a turn (knowledge/search/memo.per_turn_call) and the search's faster inner
loops (tokens.correct, SearchIndex._fuzz and distinct) give what they gave before: each is checked
against a plain reference over the development questions and the entries' own texts."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from knowledge.search.memo import one_turn, per_turn_call

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


class _EveryHead:
    """A sound_heads that holds every pair: the shortcut never skips, every reading of a window is built."""

    def __contains__(self, _: object) -> bool:
        return True


def test_typo_correction_is_the_same_with_the_sound_heads_shortcut(kb, analyzer) -> None:
    assert all((k[0], k[1], len(k)) in analyzer.sound_heads for k in analyzer.by_sound)
    plain = copy.copy(analyzer)
    plain.sound_heads = _EveryHead()  # type: ignore[assignment]
    texts = [analyzer.normalise(t) for t in _texts(kb)]
    texts += [
        "社区一院床味要多少",
        "特社科室有要求吗",
        "吉林申情社区医院",
        "使用律多少",
        "a社区一院b",
        "床味2张",
        "区社医院shenbao",
    ]
    differ = [t for t in texts if analyzer.correct(t) != plain.correct(t)]
    assert differ == []
    assert plain.correct("吉林申情社区医院") == analyzer.correct("吉林申情社区医院") != "吉林申情社区医院"


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
