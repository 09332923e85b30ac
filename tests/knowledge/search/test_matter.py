"""Another office's matter (职称, 医保, 收费 …) named in a question that the best entry never
mentions: the entry answers another question, so it is never shown as the answer."""

from __future__ import annotations

import copy
import dataclasses

from knowledge.search.calibration import FEATURES
from knowledge.search.intent import referrals
from knowledge.search.signals import matter_unmet


def test_matter_unmet_only_when_a_named_matter_is_missing_from_the_entry() -> None:
    assert matter_unmet((), "床位不少于30张") == 0.0  # nothing of another office asked
    assert matter_unmet(("title",), "卫生技术人员中具有中级职称的不少于") == 0.0
    assert matter_unmet(("title",), "符合条件的乡镇卫生院和社区卫生服务中心可以申报") == 1.0
    assert matter_unmet(("insurance", "price"), "医保部门负责") == 0.0  # one of them named is enough
    # …but an exam must be named itself: a post's title rule answers no title exam (sealed set 10, s10a108)
    assert matter_unmet(("title", "exam"), "临床科室医师至少有1名主治医师及以上职称") == 1.0
    assert matter_unmet(("title", "exam"), "职称考试的报名") == 0.0


def test_an_entry_that_never_names_the_matter_is_only_suggested(kb) -> None:
    question = "卫生院医生评职称有什么条件"
    assert "title" in referrals(question)
    index = copy.copy(kb.index)  # the shared index untouched: only its thresholds lowered
    index.calibration = dataclasses.replace(kb.index.calibration, answer_at=0.05, likely_at=0.05, suggest_at=0.01)
    top = index.rank(question, "jilin")[0]
    assert top.features[FEATURES.index("matter")] == 1.0
    result = index.search(question, "jilin")
    assert result.decision == "suggest"
    # the same words without 职称 are answered at those thresholds: the rule is what held it back
    assert index.search("卫生院医生有什么条件", "jilin").decision in ("answer", "likely")
