"""The /check result on a phone (newcomer trial, N16): it was one 1,500–2,400-character message. Now the
first message is a summary of at most SUMMARY_LIMIT characters — the headline, the counts by status,
every criterion missed with its gap, the unknown ones — then the criteria one by one with their sources,
then the next step; for every region, with every answer met, every figure low, or every yes/no unknown."""

from __future__ import annotations

import pytest

from core.text import clip
from dialogs.questionnaire.summary import TITLE_CHARS
from dialogs.texts import questionnaire as T
from knowledge.eligibility import evaluate
from tests.dialogs.questionnaire.test_flow import answer_validly, director

SUMMARY_LIMIT = 900
LOW = {"int": "2", "number": "500", "percent": "10%"}


def _finish(kb, now, region: str, kind: str):
    d = director(kb, now, region=region)
    d.command("check")
    for _ in range(60):
        if d.state.dialog != "questionnaire":
            break
        spec = kb.fields[d.state.step]
        if kind == "low" and spec.kind in LOW:
            d.say(LOW[spec.kind])
        elif kind == "unknown" and spec.kind == "bool" and spec.allow_unknown:
            d.say("不清楚")
        else:
            answer_validly(d, spec)
        if d.state.data.get("mode") == "confirm":
            d.say("是")
    assert d.state.dialog is None
    return d


@pytest.mark.parametrize("kind", ["valid", "low", "unknown"])
@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong", "beijing", "national"])
def test_the_result_leads_with_a_short_summary(kb, now, region: str, kind: str) -> None:
    d = _finish(kb, now, region, kind)
    summary, details, next_step = (r.text for r in d.replies)
    assert len(summary) <= SUMMARY_LIMIT, (len(summary), summary)
    assert "自评结论" in summary and T.SUMMARY_DETAILS_BELOW in summary
    assert details.startswith(T.DETAILS_HEADER) and T.NEXT_HEADER in next_step
    verdict = evaluate(d.state.profile, kb.rules[region])
    for r in verdict.criteria:
        assert r.title in details  # every criterion in the details, with its source
        if r.status in ("fail", "warning"):
            assert clip(r.title, TITLE_CHARS) in summary, (r.title, summary)
            if r.gap:
                start = f"{T.ICONS[r.status]} {clip(r.title, TITLE_CHARS)}"
                line = next(ln for ln in summary.splitlines() if ln.startswith(start))
                assert "还差" in line, line
    counted = {s: sum(1 for r in verdict.criteria if r.status == s) for s in T.SUMMARY_COUNTS}
    for status, n in counted.items():
        if n:
            assert T.SUMMARY_COUNTS[status].format(n=n) in summary


def test_a_failed_condition_is_listed_with_its_gap(kb, now) -> None:
    d = _finish(kb, now, "jilin", "low")
    summary = d.replies[0].text
    assert "❌ 床位使用率≥75%：还差 65 个百分点" in summary
