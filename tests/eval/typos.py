"""A test bench of phone-style slips: the dev set's and devblind's questions typed with one slip each,
answered beside the clean question (issue 12).

    PYTHONPATH=$PWD .venv/bin/python tests/eval/typos.py [--seed 9] [--show KIND] [--limit N]

Slip kinds (one slip per question and kind, in a content word of the question, never in a stopword):
  homophone       one character for another of the same toneless reading (比例 → 比列, 申报 → 申抱), the
                  slipped word no word of jieba's dictionary;
  near_homophone  one character for one of a fuzzy-pinyin reading (z/zh, c/ch, s/sh, n/l, in/ing,
                  en/eng, an/ang: 床位 → 船位 is not one, 申报 → 森报 is);
  dropped         one character of a word left out;
  swapped         two neighbouring characters of a word swapped;
  pinyin          a word left as toneless pinyin, unconverted (申报 → shenbao);
  wrong_word      a two-character word (or part of one) replaced by a common word of the same sound
                  (使用率 → 试用率).
Replacement characters are the common ones an input method offers first (by jieba's dictionary
frequency). The random choices are seeded by (seed, question, kind): the same bench every run.

The clean question's reply is the reference: a slipped question is "right" when its reply has the same
decision group (answered: answer / likely; suggest; decline) and, when answered, the same entries shown.
Figures: per kind, over questions whose clean reply is answered, the share still answered with the same
entries; and over the dev set, top-1 right (an expected entry first) with the slip beside without.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

KINDS = ("homophone", "near_homophone", "dropped", "swapped", "pinyin", "wrong_word")
COMMON_CHARS = 4000  # the most frequent single characters an input method offers
COMMON_WORD_FREQ = 3000  # a jieba dictionary word this frequent is one a user's input method offers
_FUZZY = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("l", "n"))
_FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


@dataclass(frozen=True)
class Lexicon:
    """What slips are made from: jieba's dictionary (word → frequency), common characters by
    toneless reading (most frequent first), and common two-character words by reading."""

    freq: dict[str, int]
    chars_by_reading: dict[str, tuple[str, ...]]
    words_by_reading: dict[tuple[str, str], tuple[str, ...]]


@cache
def lexicon() -> Lexicon:
    """Built once from jieba's dict.txt and pypinyin (about 1 s)."""
    import jieba
    from pypinyin import Style, lazy_pinyin

    path = Path(jieba.__file__).parent / "dict.txt"
    freq: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            freq[parts[0]] = int(parts[1])
    singles = sorted((w for w in freq if len(w) == 1 and _level_one(w)), key=lambda w: -freq[w])
    chars: dict[str, list[str]] = {}
    for ch in singles[:COMMON_CHARS]:
        chars.setdefault(lazy_pinyin(ch, style=Style.NORMAL)[0], []).append(ch)
    words: dict[tuple[str, str], list[str]] = {}
    for w, f in freq.items():
        if len(w) == 2 and f >= COMMON_WORD_FREQ and all("\u4e00" <= c <= "\u9fff" for c in w):
            a, b = lazy_pinyin(w, style=Style.NORMAL)
            words.setdefault((a, b), []).append(w)
    for v in words.values():
        v.sort(key=lambda w: -freq[w])
    return Lexicon(freq, {k: tuple(v) for k, v in chars.items()}, {k: tuple(v) for k, v in words.items()})


def _level_one(ch: str) -> bool:
    """A character of GB 2312's first level (the 3,755 most common): what an input method offers first,
    never a rare character jieba's dictionary happens to count often."""
    try:
        code = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xB0A1 <= int.from_bytes(code, "big") <= 0xD7FE


def _fuzzy_partners(reading: str) -> list[str]:
    """Readings one fuzzy-pinyin confusion away (shen → sen, lin → ling, nan → lan)."""
    out = []
    for a, b in _FUZZY:
        if reading.startswith(a):
            out.append(b + reading[len(a) :])
        elif reading.startswith(b) and not (b in "sczn" and reading[1:2] == "h") and (a, b) != ("l", "n"):
            out.append(a + reading[len(b) :])
    for a, b in _FUZZY_FINALS:
        if reading.endswith(a):
            out.append(reading[: -len(a)] + b)
        elif reading.endswith(b):
            out.append(reading[: -len(b)] + a)
    return [r for r in out if r != reading]


def content_words(question: str) -> list[tuple[int, str]]:
    """(offset, word) of the question's content words of two or more CJK characters (jieba's default
    segmentation, the words a user thinks in), stopwords left out."""
    import jieba

    from knowledge.search.tokens import STOPWORDS, is_cjk

    out, pos = [], 0
    for w in jieba.lcut(question, HMM=False):
        if len(w) >= 2 and all(is_cjk(c) for c in w) and w not in STOPWORDS:
            out.append((pos, w))
        pos += len(w)
    return out


def _replace_char(question: str, rng: random.Random, options: Callable[[str, str, int], list[str]]) -> str | None:
    """One character of a content word replaced by one of `options(word, reading, index)`."""
    from pypinyin import Style, lazy_pinyin

    sites = []
    for pos, w in content_words(question):
        readings = lazy_pinyin(w, style=Style.NORMAL)
        for k in range(len(w)):
            choices = [c for c in options(w, readings[k], k) if c != w[k]]
            if choices:
                sites.append((pos + k, choices))
    if not sites:
        return None
    at, choices = rng.choice(sites)
    return question[:at] + rng.choice(choices[:5]) + question[at + 1 :]


def slip(question: str, kind: str, rng: random.Random) -> str | None:
    """The question with one slip of `kind`, or None when it has no place for one."""
    lex = lexicon()

    def not_a_word(w: str, k: int, c: str) -> bool:
        return (w[:k] + c + w[k + 1 :]) not in lex.freq

    if kind == "homophone":
        return _replace_char(
            question,
            rng,
            lambda w, r, k: [c for c in lex.chars_by_reading.get(r, ()) if not_a_word(w, k, c)],
        )
    if kind == "near_homophone":
        return _replace_char(
            question,
            rng,
            lambda w, r, k: [
                c for p in _fuzzy_partners(r) for c in lex.chars_by_reading.get(p, ())[:3] if not_a_word(w, k, c)
            ],
        )
    words = content_words(question)
    if kind == "dropped":
        sites = [pos + k for pos, w in words for k in range(len(w))]
        if not sites:
            return None
        at = rng.choice(sites)
        return question[:at] + question[at + 1 :]
    if kind == "swapped":
        sites = [pos + k for pos, w in words for k in range(len(w) - 1) if w[k] != w[k + 1]]
        if not sites:
            return None
        at = rng.choice(sites)
        return question[:at] + question[at + 1] + question[at] + question[at + 2 :]
    if kind == "pinyin":
        from pypinyin import Style, lazy_pinyin

        if not words:
            return None
        pos, w = rng.choice(words)
        return question[:pos] + "".join(lazy_pinyin(w, style=Style.NORMAL)) + question[pos + len(w) :]
    if kind == "wrong_word":
        from pypinyin import Style, lazy_pinyin

        sites = []
        for pos, w in words:
            readings = lazy_pinyin(w, style=Style.NORMAL)
            for k in range(len(w) - 1):
                pair = w[k : k + 2]
                others = [
                    o
                    for o in lex.words_by_reading.get((readings[k], readings[k + 1]), ())
                    if o != pair and (o[0] == pair[0] or o[1] == pair[1])
                ]
                if others:
                    sites.append((pos + k, others))
        if not sites:
            return None
        at, others = rng.choice(sites)
        return question[:at] + rng.choice(others[:3]) + question[at + 2 :]
    raise ValueError(f"unknown slip kind {kind!r}")


@dataclass(frozen=True)
class Asked:
    """A bench question: its text, the user's region, and the entries right for it (dev set only)."""

    q: str
    region: str | None
    expect: tuple[str, ...] = ()
    source: str = "dev"


def bench_questions(kb: Any) -> list[Asked]:
    """The dev set's in-scope questions and devblind's answerable ones (never devblind2 or a sealed set)."""
    from tests.eval.blind import load_items
    from tests.eval.harness import load_devset

    out = [Asked(q.q, q.region, tuple(q.expect), "dev") for q in load_devset(kb.faq) if q.in_scope]
    here = Path(__file__).parent
    out += [Asked(i.q, i.region, (), "devblind") for i in load_items(here / "devblind.yaml") if i.answerable]
    return out


def reply_key(result: Any) -> tuple[str, tuple[str, ...]]:
    """(decision group, entries shown): what the bench compares a slipped reply against."""
    if result.decision in ("answer", "likely"):
        shown = result.per_region or result.answers[:1]
        return "answered", tuple(sorted(a.entry_id for a in shown))
    if result.decision == "suggest":
        return "suggest", tuple(a.entry_id for a in result.suggestions[:1])
    return "decline", ()


@dataclass
class KindFigures:
    n: int = 0  # questions with a slip of the kind whose clean reply is answered
    kept: int = 0  # … answered with the same entries with the slip
    dev_n: int = 0  # dev-set questions with a slip of the kind
    dev_right_clean: int = 0  # … top-1 right without the slip
    dev_right_slip: int = 0  # … top-1 right with it


def run(kb: Any, questions: Sequence[Asked], seed: int, show: str | None = None) -> dict[str, KindFigures]:
    """Per slip kind, the bench's figures (see the module docstring)."""
    out = {k: KindFigures() for k in KINDS}
    for asked in questions:
        clean = kb.search(asked.q, asked.region)
        clean_key = reply_key(clean)
        for kind in KINDS:
            typed = slip(asked.q, kind, random.Random(f"{seed}:{asked.q}:{kind}"))
            if typed is None:
                continue
            slipped = kb.search(typed, asked.region)
            key = reply_key(slipped)
            f = out[kind]
            if clean_key[0] == "answered":
                f.n += 1
                f.kept += key == clean_key
                if show == kind and key != clean_key:
                    print(f"  {asked.q} → {typed} [{asked.region}]: {clean_key} → {key}")
            if asked.expect:
                f.dev_n += 1
                f.dev_right_clean += _top1_right(clean, asked.expect)
                f.dev_right_slip += _top1_right(slipped, asked.expect)
    return out


def _top1_right(result: Any, expect: Sequence[str]) -> bool:
    return result.decision in ("answer", "likely") and bool(result.answers) and result.answers[0].entry_id in expect


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=9)
    p.add_argument("--show", choices=KINDS, help="list the kind's slipped questions whose reply changed")
    p.add_argument("--limit", type=int, help="only the first N questions (a quick look)")
    args = p.parse_args()
    from knowledge.base import load

    kb = load()
    questions = bench_questions(kb)[: args.limit]
    figs = run(kb, questions, args.seed, args.show)
    print(f"typo bench: {len(questions)} questions (dev in scope + devblind answerable), seed {args.seed}")
    print(f"{'kind':16} {'n':>5} {'kept':>7} {'dev n':>6} {'dev top-1 clean':>16} {'with slip':>10}")
    total = KindFigures()
    for kind, f in figs.items():
        for name in vars(f):
            setattr(total, name, getattr(total, name) + getattr(f, name))
        _row(kind, f)
    _row("all", total)
    print("kept: clean reply answered, and the slipped one answers with the same entries.")
    return 0


def _row(name: str, f: KindFigures) -> None:
    pct = lambda a, b: f"{a / b:.1%}" if b else "-"  # noqa: E731
    print(
        f"{name:16} {f.n:5} {pct(f.kept, f.n):>7} {f.dev_n:6}"
        f" {pct(f.dev_right_clean, f.dev_n):>16} {pct(f.dev_right_slip, f.dev_n):>10}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
