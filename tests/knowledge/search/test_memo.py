"""A turn's searches are kept for the turn (knowledge/search/memo.py): inside one_turn() the same
arguments are searched once, outside nothing is kept, and what is given again is what was found."""

from __future__ import annotations

from unittest import mock

from knowledge.search.memo import one_turn, per_turn


class _Counted:
    """Stands for the index: counts the calls that reach it."""

    def __init__(self) -> None:
        self.calls = 0
        self.bonus = 0

    @per_turn
    def rank(self, question: str, region: str | None) -> list[str]:
        self.calls += 1
        return [f"{question}@{region}", str(self.bonus)]

    @per_turn
    def search(self, question: str, region: str | None, *, fixed: bool = False) -> tuple[str, bool, int]:
        self.calls += 1
        return (question, fixed, self.bonus)


def test_inside_a_turn_the_same_arguments_are_searched_once() -> None:
    index = _Counted()
    with one_turn():
        first = index.search("床位要多少", "jilin")
        again = index.search("床位要多少", "jilin")
        assert index.calls == 1 and again == first
        index.search("床位要多少", "beijing")  # another region
        index.search("床位要多少", "jilin", fixed=True)  # another keyword argument
        index.rank("床位要多少", "jilin")  # another method
        assert index.calls == 4


def test_outside_a_turn_nothing_is_kept_so_a_patched_signal_is_seen() -> None:
    index = _Counted()
    before = index.search("床位要多少", "jilin")
    with mock.patch.object(index, "bonus", 1):
        patched = index.search("床位要多少", "jilin")
    assert index.calls == 2 and before != patched
    with one_turn():
        index.search("床位要多少", "jilin")
    with one_turn():  # a new turn searches again
        index.search("床位要多少", "jilin")
    assert index.calls == 4


def test_a_kept_list_is_given_as_a_copy() -> None:
    index = _Counted()
    with one_turn():
        ranked = index.rank("床位", None)
        ranked.reverse()  # a caller reorders its copy
        assert index.rank("床位", None) == ["床位@None", "0"]


def test_a_turn_inside_a_turn_shares_the_outer_one() -> None:
    index = _Counted()
    with one_turn():
        index.search("验收", "yuzhong")
        with one_turn():
            index.search("验收", "yuzhong")
        index.search("验收", "yuzhong")
    assert index.calls == 1


def test_two_indexes_keep_their_own() -> None:
    a, b = _Counted(), _Counted()
    with one_turn():
        a.search("验收", None)
        b.search("验收", None)
    assert (a.calls, b.calls) == (1, 1)


def test_the_real_search_gives_the_same_inside_and_outside_a_turn(kb) -> None:
    questions = [("吉林申请社区医院要交什么材料", "jilin"), ("先报给谁", "jilin"), ("床位使用率要多少", None)]
    outside = [(kb.index.search(q, r), kb.index.rank(q, r)) for q, r in questions]
    with one_turn():
        inside = [(kb.index.search(q, r), kb.index.rank(q, r)) for q, r in questions * 2]
    assert inside == outside * 2


def test_the_lists_of_a_kept_tuple_are_copies(kb) -> None:
    """The analyser's (words, terms) is kept within a turn: a caller that extends its words does not
    extend the next caller's."""
    analyzer = kb.index.analyzer
    with one_turn():
        words, terms = analyzer.analyse("床位使用率要多少")
        words.append("x")
        terms.clear()
        again = analyzer.analyse("床位使用率要多少")
    assert again == analyzer.analyse("床位使用率要多少") and "x" not in again[0] and again[1]
