"""From normalised text to the terms the index counts: homophone typos corrected by pinyin, words,
and character bigrams.

Words come from jieba, but not from its 350,000-word default dictionary (about 0.9 s to load):
when the index is built, the default dictionary segments our own texts (entries and sources) once,
and the words it finds there, plus the domain terms of knowledge/data/search_words.txt, become a
small dictionary that segments entries and questions alike. A word outside it falls apart into
characters, which the bigrams still match.

Pinyin: an input method turns 社区医院 into 社区一院 and 床位 into 床味. A run of characters that is
not a known word but sounds like one (toneless pinyin, any reading of a polyphone) and shares at
least one character with it is replaced by that word. Sharing a character keeps unrelated
homophones (事件 / 时间) apart. A pinyin-input slip (特社科室 for 特色科室: s for sh, an for ang, n for l,
the "fuzzy pinyin" pairs input methods offer) is corrected too, but only in a run of three or more
characters where just one character differs from the word: a two-character word is too easily
another real word (四级 / 市级).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import product
from typing import Any

from knowledge.search.memo import per_turn
from knowledge.search.normalize import Normaliser
from knowledge.search.segmenter import import_jieba, make_tokenizer  # noqa: F401  (import_jieba: its old home)
from knowledge.search.spelled import respell, spellings

# Words that carry no meaning for the search (particles, pronouns, politeness).
_STOPWORDS = (
    "的 了 吗 呢 吧 啊 呀 哦 嘛 么 啦 哈 请问 请 一下 你好 您好 谢谢 我 我们 你 您 你们 咱 咱们 俺 这个 那个 这 那 "
    "是 有 在 和 与 及 或 还 就 都 也 给 对 把 被 让 想 想问 问 问问 知道 得 地 着 过 要 需要 能 可以 应该 我院 "
    "我们院 本院 我单位 单位 一个 "
    # colloquial particles and fillers (咱这床位得有多少张才够格, 搞公卫的人, 那边申请)
    "才 搞 咱这 这边 那边 呗 嘞 咧 上头 的话 算数 "
    # 中医这块 (as for TCM)
    "这块 那块 这一块 "
    # 公卫那摊活儿 (as for the public-health work: sealed set 10, s10a043)
    "那摊 这摊 那摊子 这摊子 活儿 那摊活儿 这摊活儿 "
    # hearsay framing (老说推荐标准，到底指啥; 听说要30张床)
    "老说 总说 常说 听说 老听说 总听说 老听人说 总听人说 常听人说 听人说 到底 究竟"
)
STOPWORDS = frozenset(_STOPWORDS.split())
# A numeral shared with a homophone says nothing about a typo (一版 is not 一般).
NUMERALS = frozenset("一二三四五六七八九十两百千万零")
# Characters of question words: a variant holding one is not looked up by sound (see Analyzer).
QUESTION_CHARS = frozenset("哪几啥咋么谁怎何甚多")
MAX_WORD = 8  # longest vocabulary word the pinyin correction looks for
MAX_READING_COMBINATIONS = 16
FUZZY_MIN = 3  # shortest run a fuzzy-pinyin slip is corrected in
# The unit a how-many counts in (几年 is normalised to 多少年): never the start of a slip (营业执照几年年检一次
# is not 多少 每年新建: the question would lose its cue; brief oos4).
COUNTED_UNITS = frozenset("年天次月周日")
# Fuzzy pinyin: initials and finals an input method's users confuse, folded to one spelling.
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
_FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))
_CJK_RUN = re.compile("[\u3400-\u9fff]+")  # is_cjk's characters


def fuzzy(reading: str) -> str:
    """A toneless reading folded so that fuzzy-pinyin pairs (sh/s, ang/an, n/l …) read alike."""
    for long, short in _FUZZY_INITIALS:
        if reading.startswith(long):
            reading = short + reading[len(long) :]
            break
    for long, short in _FUZZY_FINALS:
        if reading.endswith(long):
            reading = reading[: -len(long)] + short
            break
    return reading


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


class Analyzer:
    """Everything needed to turn a text into terms. Picklable; jieba is set up on first use."""

    def __init__(
        self,
        normaliser: Normaliser,
        vocabulary: dict[str, int],
        readings: dict[str, str],
        real_words: frozenset[str] = frozenset(),
    ) -> None:
        self.normaliser = normaliser
        self.vocabulary = vocabulary  # word -> frequency, the segmentation dictionary
        self.readings = readings  # character -> toneless pinyin readings, comma-separated
        # Two-character words of the general dictionary a fuzzy slip of a vocabulary word would read as
        # (四级 / 市级): a window that is one of them is a word typed right, never corrected.
        self.real_words = real_words
        self.by_sound: dict[tuple[str, ...], str] = {}
        # A word with one character masked -> the words it could be (more frequent first): a run
        # is looked up once per position, not once per reading of every character.
        self.slips: dict[str, list[str]] = {}
        # (first reading, second reading, length) of every key of by_sound: most runs have none, and
        # then the up to 16 readings of the whole run are not built (correct reads ~30 runs a question).
        self.sound_heads: set[tuple[str, str, int]] = set()
        # A word with two neighbouring characters swapped (林吉, 请申表) -> the word: thumbs on a phone
        # swap characters as often as they mistype one (typo bench, tests/eval/typos.py: 67 % kept).
        self.swaps: dict[str, str] = {}
        # What users type for a term (synonyms.yaml's variants: 申请, 使用率, 卫健委) never reaches the
        # vocabulary, which is built from normalised text (申报, 床位使用率, 卫生健康委): a slip of a
        # variant (申情, 使用律) is looked up by sound too, after every vocabulary word, and replaced by
        # the term it stands for.
        # Variants of question words (哪几, 几时, 咋样) are left out: 哪寄 in 材料往哪寄 is 哪 + 寄, not 哪几.
        self.stands_for = {
            v: c
            for v, c in normaliser.synonyms.items()
            if v != c and v not in vocabulary and not any(ch in QUESTION_CHARS for ch in v)
        }
        ordered = sorted(vocabulary, key=lambda w: -vocabulary[w])
        looked_up = [
            w
            for w in [*ordered, *sorted(self.stands_for, key=lambda v: (-len(v), v))]
            if 2 <= len(w) <= MAX_WORD and all(is_cjk(c) for c in w)
        ]
        self.spelled = spellings(looked_up, readings)  # shenbao -> 申报 (knowledge/search/spelled.py)
        for word in looked_up:
            for key in self._keys(word):
                self.by_sound.setdefault(key, word)  # the more frequent word wins a tie
                self.sound_heads.add((key[0], key[1], len(key)))
            # two-character swaps (件事 / 事件, 表填 / 填表) read words across their boundary: left alone
            for k in range(len(word) - 1 if len(word) >= FUZZY_MIN else 0):
                swapped = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
                if swapped not in vocabulary and swapped not in self.stands_for:
                    self.swaps.setdefault(swapped, word)
            if len(word) >= FUZZY_MIN or real_words:  # two-character words only with their guard
                for d in range(len(word)):
                    self.slips.setdefault(word[:d] + "\0" + word[d + 1 :], []).append(word)
        self._tokenizer: Any = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_tokenizer"] = None
        return state

    # ------------------------------------------------------------------ steps

    def normalise(self, text: str) -> str:
        return self.normaliser(text)

    def correct(self, text: str) -> str:
        """Replace runs that sound like a vocabulary word (and share a character with it) by it."""
        out: list[str] = []
        run_end = {k: m.end() for m in _CJK_RUN.finditer(text) for k in range(m.start(), m.end())}
        i = 0
        while i < len(text):
            replaced = False
            if i in run_end:
                for length in range(min(MAX_WORD, len(text) - i), 1, -1):
                    window = text[i : i + length]
                    if window in self.vocabulary:
                        out.append(window)
                        i += length
                        replaced = True
                        break
                    if i + length > run_end[i]:  # not all of it CJK
                        continue
                    if text[i] in COUNTED_UNITS and text.endswith("多少", 0, i):
                        continue  # the unit of 多少年: no slip starts inside the cue (exact words still read)
                    # a measure word after a number is the number's (317号文 is 317号 + 文, not 文号)
                    swap = None if i and text[i - 1].isdigit() else self.swaps.get(window)
                    word = self._sounds_like(window, text[max(0, i - MAX_WORD) : i]) or swap
                    if word is not None and not self._holds_other_word(text, i, length):
                        out.append(self.stands_for.get(word, word))
                        i += length
                        replaced = True
                        break
            if not replaced:
                out.append(text[i])
                i += 1
        return "".join(out)

    def words(self, text: str) -> list[str]:
        """Segment normalised text; spaces separate, they are not words."""
        return [w for w in self.tokenizer().cut(text, HMM=False) if w.strip()]

    def terms(self, words: Iterable[str]) -> list[str]:
        """Content words ("w:") and character bigrams ("b:") of the runs between stopwords; a
        single character standing alone is kept as itself ("u:")."""
        terms: list[str] = []
        run: list[str] = []

        def flush() -> None:
            text = "".join(run)
            run.clear()
            for piece in _cjk_pieces(text):
                if len(piece) == 1:
                    terms.append("u:" + piece)
                terms.extend("b:" + piece[k : k + 2] for k in range(len(piece) - 1))

        for w in words:
            if w in STOPWORDS or not w.strip():
                flush()
                continue
            if len(w) > 1 or not is_cjk(w):
                terms.append("w:" + w)
            run.append(w)
        flush()
        return terms

    @per_turn
    def analyse(self, text: str) -> tuple[list[str], list[str]]:
        """(words, terms) of a raw text: normalise (a slip before a synonym variant corrected before the
        table runs), correct typos, segment, count."""
        base = self.correct_before_synonyms(respell(self.normaliser.base(text), self.spelled))
        words = self.words(self.correct(self.normaliser.finish(base)))
        return words, self.terms(words)

    def correct_before_synonyms(self, text: str) -> str:
        """Slips just before a synonym variant, corrected before the synonym table runs: in 中心向镇卫生院
        the table's 镇卫生院 → 乡镇卫生院 would leave 中心向乡镇卫生院, whose slip no word sounds like any more
        (sealed set 8, s8a059); read first, the run 中心向镇卫生院 sounds like 中心乡镇卫生院. A run ending where
        the variant ends and starting before it, longest first, replaced only by a word it sounds like
        (as `correct` does) and never where the text already reads as words; `text` is `base` text."""
        limit = len(text)  # spans from the end keep their places; one a replacement reached is done
        for start, end in reversed(self.normaliser.variants_in(text)):
            if end > limit:
                continue
            for i in range(max(0, end - MAX_WORD), start):
                window = text[i:end]
                # question words are the table's to read (配几名 is 配 + 多少名, never 配齐名)
                if window in self.vocabulary or not all(is_cjk(c) and c not in QUESTION_CHARS for c in window):
                    continue
                word = self._sounds_like(window)
                if word is not None and not self._holds_other_word(text, i, end - i):
                    text, limit = text[:i] + self.stands_for.get(word, word) + text[end:], i
                    break
        return text

    # ------------------------------------------------------------------ helpers

    def tokenizer(self) -> Any:
        if self._tokenizer is None:
            self._tokenizer = make_tokenizer(self.vocabulary)
        return self._tokenizer

    def _keys(self, text: str) -> list[tuple[str, ...]]:
        options = [self.readings.get(c, c).split(",") for c in text]
        keys: list[tuple[str, ...]] = []
        for key in product(*options):
            keys.append(key)
            if len(keys) >= MAX_READING_COMBINATIONS:
                break
        return keys

    def _sounds_like(self, window: str, left: str = "") -> str | None:
        r = self.readings
        heads = product(r.get(window[0], window[0]).split(","), r.get(window[1], window[1]).split(","))
        keys = self._keys(window) if any((a, b, len(window)) in self.sound_heads for a, b in heads) else []
        for key in keys:
            word = self.by_sound.get(key)
            if (
                word is not None
                and word != window
                and any(a == b and a not in NUMERALS for a, b in zip(word, window, strict=True))
            ):
                return word
        if len(window) < FUZZY_MIN:
            return self._fuzzy_pair(window, left)
        for d in range(len(window)):
            for word in self.slips.get(window[:d] + "\0" + window[d + 1 :], ()):
                if self._sound_alike(word[d], window[d]) and self._one_slip(window, word):
                    return word
        return None

    def _fuzzy_pair(self, window: str, left: str) -> str | None:
        """The one two-character vocabulary word `window` is a fuzzy-pinyin slip of (申亲 → 申请, 江设 → 建设:
        one character the same, the other read alike), or None: when the window is a word of the general
        dictionary (市级 is no slip of 四级), holds a numeral or a question word, or could be two words;
        `left` is the text before the window."""
        if window in self.real_words or any(c in NUMERALS or c in QUESTION_CHARS for c in window):
            return None
        # its first character ends a word begun before it (渝中说 is 渝中 + 说, not 总说)
        if any(left[j:] + window[0] in self.vocabulary for j in range(len(left))):
            return None
        found = {
            word
            for d in (0, 1)
            for word in self.slips.get(window[:d] + "\0" + window[d + 1 :], ())
            if self._sound_alike(word[d], window[d])
        }
        return found.pop() if len(found) == 1 else None

    def _holds_other_word(self, text: str, i: int, length: int) -> bool:
        """The window text[i:i+length] is not a typo to correct: a known word starts inside it
        (after its first character) and runs past its end (建社|区医院 is 建 + 社区医院, not
        建设), or it holds a stopword character (用的 is 用 + 的, not 用地; 有什么 is not 为什么,
        whatever rare reading 有 has): the text already reads as words there."""
        end = i + length
        if any(c in STOPWORDS for c in text[i:end]):
            return True
        return any(
            text[j:k] in self.vocabulary
            for j in range(i + 1, end)
            for k in range(end + 1, min(len(text), j + MAX_WORD) + 1)
            if k - j >= 2
        )

    def _sound_alike(self, a: str, b: str) -> bool:
        """Two characters read alike to fuzzy pinyin (any of their readings)."""
        ra = {fuzzy(r) for r in self.readings.get(a, a).split(",")}
        return any(fuzzy(r) in ra for r in self.readings.get(b, b).split(","))

    def _one_slip(self, window: str, word: str) -> bool:
        """`window` is `word` with one character slipped, and that character is not part of a
        word of its own in the window (吉林申报 is 吉林 + 申报, not a slip for 吉林省)."""
        differ = [k for k, (a, b) in enumerate(zip(word, window, strict=True)) if a != b]
        if len(differ) != 1:
            return False
        d = differ[0]
        if window[:d] in self.vocabulary:
            return False
        return not any(
            window[start:end] in self.vocabulary
            for start in range(0, d + 1)
            for end in range(max(d + 1, start + 2), len(window) + 1)
        )


def _cjk_pieces(text: str) -> list[str]:
    pieces: list[str] = []
    current: list[str] = []
    for ch in text:
        if is_cjk(ch):
            current.append(ch)
        elif current:
            pieces.append("".join(current))
            current = []
    if current:
        pieces.append("".join(current))
    return pieces


def fuzz_text(words: Iterable[str]) -> str:
    """Space-joined content words: rapidfuzz's token functions split on whitespace."""
    return " ".join(w for w in words if w not in STOPWORDS and w.strip())
