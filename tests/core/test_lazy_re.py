"""A pattern compiled on first use (core/lazy_re.py) answers as re.compile's does, compiles once, and
every lazy pattern of the project compiles (a typo in a rarely used one would otherwise wait for the
first question that needs it)."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

from core.lazy_re import LazyPattern, compile_all, lazy

PATTERNS = [
    (r"(?P<n>\d+)\s*(?P<unit>张|名)", 0),
    (r"^(?:吉林|北京)", re.M),
    (r"床位|使用率", re.I),
    (r"(?<=[0-9])成", 0),
]
TEXTS = ["床位30张，医生5名", "吉林\n北京床位", "没有数字", "", "八成 9成 3张床位使用率"]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_every_method_answers_as_the_compiled_pattern(source: str, flags: int, text: str) -> None:
    real, late = re.compile(source, flags), lazy(source, flags)

    def spans(found):
        return found and (found.span(), found.groups())

    assert spans(late.search(text)) == spans(real.search(text))
    assert spans(late.search(text, 2)) == spans(real.search(text, 2))
    assert spans(late.match(text)) == spans(real.match(text))
    assert spans(late.fullmatch(text)) == spans(real.fullmatch(text))
    assert late.sub("X", text, count=1) == real.sub("X", text, count=1)
    assert late.subn(lambda m: m.group().upper(), text) == real.subn(lambda m: m.group().upper(), text)
    assert late.split(text, maxsplit=1) == real.split(text, maxsplit=1)
    assert late.findall(text) == real.findall(text)
    assert [m.span() for m in late.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert (late.groups, late.groupindex, late.flags) == (real.groups, real.groupindex, real.flags)


def test_compiled_on_first_use_once_then_the_compiled_methods_are_called() -> None:
    late = LazyPattern(r"(张|名")  # not valid: nothing is compiled until it is used (and not lazy()'s: not kept)
    assert late.pattern == r"(张|名"
    with pytest.raises(re.error):
        late.search("3张")
    late = lazy(r"\d+张")
    assert "search" not in vars(late)
    assert late.search("30张").group() == "30张"
    compiled = late.compiled()
    assert compiled is late.compiled() and isinstance(compiled, re.Pattern)
    assert late.search.__self__ is compiled and late.finditer.__self__ is compiled  # no wrapper left per call


def _lazy_patterns_of(value: object) -> list[LazyPattern]:
    if isinstance(value, LazyPattern):
        return [value]
    if isinstance(value, dict):
        return [p for v in value.values() for p in _lazy_patterns_of(v)]
    if isinstance(value, tuple | list):
        return [p for v in value for p in _lazy_patterns_of(v)]
    return []


def test_every_lazy_pattern_of_the_project_compiles() -> None:
    found: dict[str, int] = {}
    for package in ("core", "knowledge", "dialogs"):
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            module = importlib.import_module(info.name)
            patterns = [p for value in vars(module).values() for p in _lazy_patterns_of(value)]
            for p in patterns:
                p.compiled()  # raises re.error for a pattern that does not compile
            if patterns:
                found[info.name] = len(patterns)
    assert sum(found.values()) >= 150, found  # the vocabulary modules' patterns are lazy (issue 12, cold start)


def test_a_start_up_compiles_every_pattern_made() -> None:
    """bot.wiring.warm_up calls compile_all: a long-running bot's first questions compile nothing."""
    late = lazy(r"[0-9]+张")
    assert "search" not in vars(late)
    assert compile_all() >= 1
    assert late.search.__self__ is late.compiled()
