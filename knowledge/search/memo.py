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


def _copied(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, tuple) and any(isinstance(v, list) for v in value):
        return tuple(list(v) if isinstance(v, list) else v for v in value)
    return value
