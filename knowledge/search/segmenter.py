"""Setting jieba up: imported without pkg_resources, and a Tokenizer over the analyser's small dictionary.
Moved out of tokens.py (which reads questions) when it reached the module-size limit."""

from __future__ import annotations

import io
import logging
import sys
from typing import Any


def import_jieba() -> Any:
    """The jieba module, imported so that it reads its data files with its own fallback (a plain
    open) rather than through pkg_resources: importing pkg_resources was three quarters of jieba's
    import (0.15–0.6 s of a cold `bot ask`, by the load). jieba's own code is unchanged; a
    pkg_resources another module has already imported is left as it is."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # `import` raises ImportError
    try:
        import jieba
    finally:
        if hide:
            del sys.modules["pkg_resources"]
    return jieba


def make_tokenizer(vocabulary: dict[str, int]) -> Any:
    """A jieba Tokenizer over our small dictionary, set up in memory (no dictionary file, no
    cache file in /tmp): jieba's own gen_pfdict builds the prefix dictionary it segments with.
    jieba is imported here, on a question's first segmentation: a library kept by others beats a
    copy of its cut we would have to keep equal to it."""
    jieba = import_jieba()
    jieba.setLogLevel(logging.WARNING)
    lines = "".join(f"{w} {f}\n" for w, f in vocabulary.items() if " " not in w).encode("utf-8")
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = jieba.Tokenizer.gen_pfdict(io.BytesIO(lines))
    tokenizer.initialized = True
    return tokenizer
