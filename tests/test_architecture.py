"""The house rules, checked so the next drift fails the tests: the import-linter contracts of
.importlinter (layers, SQL only in storage, Telegram only in bot.telegram), no import cycle anywhere
(imports inside functions included), and no source module growing past what one job needs."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "knowledge", "dialogs", "storage", "bot")
MAX_MODULE_LINES = 350  # ruff has no module-length rule; three 500-line modules were the warning


def test_the_import_linter_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph.modules):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles_anywhere() -> None:
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True)
    # A package imports its own submodules to offer them (storage/nudges/__init__.py), and a
    # submodule imports its package's siblings, not the package: only cycles between modules count.
    for package in [m for m in graph.modules if graph.find_children(m)]:
        for child in graph.find_children(package):
            if graph.direct_import_exists(importer=child, imported=package):
                raise AssertionError(f"{child} imports its own package {package}")
    cycles = [c for c in _cycles(graph) if not _only_package_offers(graph, c)]
    assert cycles == [], cycles


def _only_package_offers(graph: grimp.ImportGraph, component: list[str]) -> bool:
    """A cycle made only of a package and the submodules it re-exports is not a cycle of code."""
    return any(all(m == p or m.startswith(p + ".") for m in component) and p in component for p in component)


def test_no_source_module_outgrows_one_job() -> None:
    too_long = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_MODULE_LINES:
                too_long.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert too_long == [], too_long


# Modules whose Chinese string literals are words we RECOGNISE (input vocabulary, section and date
# patterns of the source texts, check heuristics), not words we show. Everything users read lives in
# a texts module: dialogs/texts/, bot/texts.py, knowledge/texts.py, knowledge/eligibility/texts.py.
VOCABULARY_MODULES = {
    "dialogs/words.py",
    "dialogs/quantities.py",
    "dialogs/field_words.py",
    "dialogs/answer_words.py",
    "dialogs/yes_no_words.py",
    "dialogs/none_words.py",
    "dialogs/intent_words.py",
    "dialogs/pending_words.py",
    "dialogs/gate_words.py",
    "dialogs/place_typo_words.py",
    "dialogs/unit_words.py",
    "dialogs/correction_words.py",
    "dialogs/dates.py",
    "dialogs/day_words.py",
    "dialogs/festival_words.py",
    "dialogs/loose_day_words.py",
    "dialogs/qa/vocabulary.py",
    "dialogs/qa/name_words.py",
    "dialogs/qa/count_words.py",
    "dialogs/qa/figure_words.py",
    "dialogs/qa/compare_words.py",
    "dialogs/qa/receiver_words.py",
    "dialogs/qa/basis_words.py",
    "dialogs/qa/method_words.py",
    "dialogs/qa/asked_words.py",
    "dialogs/qa/situation_words.py",
    "dialogs/qa/verdict_asks_words.py",
    "dialogs/qa/in_force_words.py",
    "dialogs/qa/premise_words.py",
    "dialogs/qa/intro_words.py",
    "dialogs/qa/relative_words.py",
    "dialogs/qa/entry_words.py",
    "dialogs/qa/staff_words.py",
    "dialogs/qa/collective_words.py",
    "dialogs/qa/step_words.py",
    "dialogs/qa/share_words.py",
    "dialogs/qa/act_first_words.py",
    "dialogs/qa/besides_words.py",
    "dialogs/qa/yes_no_list_words.py",
    "knowledge/sources.py",
    "knowledge/documents.py",
    "knowledge/places.py",
    "knowledge/calendar/actors.py",
    "knowledge/consistency.py",
    "knowledge/check.py",
    "knowledge/eligibility/check.py",
    "knowledge/eligibility/loader.py",
}
VOCABULARY_FOLDERS = ("knowledge/search/",)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _is_texts_module(relative: str) -> bool:
    return relative.endswith("/texts.py") or "/texts/" in relative


def _chinese_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CJK.search(node.value)
        and id(node) not in docstrings
    ]


def test_chinese_text_users_read_lives_in_texts_modules() -> None:
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if (
                "migrations" in path.parts
                or _is_texts_module(relative)
                or relative in VOCABULARY_MODULES
                or relative.startswith(VOCABULARY_FOLDERS)
            ):
                continue
            found += [f"{relative}:{line}: {text[:40]!r}" for line, text in _chinese_literals(path)]
    assert found == [], found
