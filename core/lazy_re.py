"""Regular expressions compiled on first use (issue 12, cold start).

A module-level `re.compile` runs at import: `python -m bot ask` imports the whole Q&A turn, which
compiled ~370 patterns, and one question uses about a quarter of them (a date's forms, a figure's
units, a reminder's wording … wait for questions that need them). `lazy(pattern, flags)` stands
for `re.compile(pattern, flags)` and compiles on the first call of a matching method; the compiled
pattern's own methods are then set on the object, so that every later call goes straight to them
and a pattern used in a loop costs what a compiled one does. `.pattern` is the source text, read
without compiling (patterns built from others read it).

It is not a `re.Pattern`: it cannot be given to `re.search(...)` or `re.compile(...)`, nor compared
with a match's `.re`; call its methods (`.compiled()` gives the `re.Pattern`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer")
_MADE: list[LazyPattern] = []  # every pattern lazy() made, for compile_all


class LazyPattern:
    """`re.compile(pattern, flags)`, compiled when first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now, the first time); its methods then replace this object's."""
        real = re.compile(self.pattern, self._flags)
        for name in _METHODS:
            setattr(self, name, getattr(real, name))
        self.compiled: Callable[[], re.Pattern[str]] = lambda: real  # type: ignore[method-assign]
        return real

    def __getattr__(self, name: str) -> Any:
        """The rest of a pattern's attributes (groups, groupindex, flags) are the compiled pattern's."""
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"

    # The first call of each method compiles; the compiled pattern's method is then set on the instance.
    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().fullmatch(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().split(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().findall(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().finditer(*args, **kwargs)


def compile_all() -> int:
    """Compile every pattern lazy() made so far (the imported modules'): a long-running process's start-up
    (bot.wiring.warm_up) does it, so that no director's question waits for one. Returns how many."""
    for pattern in _MADE:
        pattern.compiled()
    return len(_MADE)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern compiled on first use (see the module docstring): `re.compile`'s arguments."""
    made = LazyPattern(pattern, flags)
    _MADE.append(made)
    return made
