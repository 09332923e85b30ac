"""What one turn has already searched. A Q&A turn reads a question several ways (each part alone,
after the part before it, in the first part's place …) and several of those readings search the same
text in the same region again: a multi-part turn ranked 13 texts, 8 of them distinct. Within
`one_turn()` the search's answers (and the analyser's reading of a text) are kept by their arguments
and given again; outside it nothing is kept, so a test or a benchmark that patches a signal between
two searches sees the patched search.

Exact as long as nothing the search reads changes during the turn: the index, its calibration and
the module settings are set up before a turn and never by one."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_TURN: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("search_turn", default=None)


@contextmanager
def one_turn() -> Iterator[None]:
    """Searches inside are kept for the rest of the block (a nested block shares the outer one's)."""
    if _TURN.get() is not None:
        yield
        return
    token = _TURN.set({})
    try:
        yield
    finally:
        _TURN.reset(token)


def per_turn(method: F) -> F:
    """A method of the index whose result depends only on its arguments (and the unchanging index):
    inside `one_turn()`, computed once per distinct arguments. A list result (or a tuple's lists: the
    analyser's words and terms) is copied each time, so a caller that changes it changes no kept one."""

    @functools.wraps(method)
    def kept(self: Any, *args: Any, **kwargs: Any) -> Any:
        memo = _TURN.get()
        if memo is None:
            return method(self, *args, **kwargs)
        key = (method.__name__, self, args, tuple(sorted(kwargs.items())))
        if key not in memo:
            memo[key] = method(self, *args, **kwargs)
        return _copied(memo[key])

    return kept  # type: ignore[return-value]


def per_turn_call(copied: Callable[[Any], Any] | None = None) -> Callable[[F], F]:
    """A pure function of its arguments (a question's text, the unchanging knowledge base) kept like
    `per_turn`'s methods: inside `one_turn()`, computed once per distinct arguments. An argument that
    cannot be hashed (a dict of field specs) is known by its identity and kept alive with the result,
    so that no new object takes its identity during the turn. `copied(result)` gives what a caller
    receives (a copy of a mutable result); without it, `per_turn`'s copying of lists."""

    def wrap(function: F) -> F:
        @functools.wraps(function)
        def kept(*args: Any, **kwargs: Any) -> Any:
            memo = _TURN.get()
            if memo is None:
                return function(*args, **kwargs)
            named = tuple((k, _identity(v)) for k, v in sorted(kwargs.items())) if kwargs else ()
            key = (function, tuple(map(_identity, args)), named)
            if key not in memo:
                memo[key] = (function(*args, **kwargs), args, kwargs)
            return (copied or _copied)(memo[key][0])

        return kept  # type: ignore[return-value]

    return wrap


def _identity(value: Any) -> Any:
    """`value` itself when it can be hashed, else its identity."""
    try:
        hash(value)
    except TypeError:
        return ("id", id(value))
    return value


def _copied(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, tuple) and any(isinstance(v, list) for v in value):
        return tuple(list(v) if isinstance(v, list) else v for v in value)
    return value
