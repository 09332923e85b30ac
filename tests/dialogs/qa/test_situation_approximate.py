"""Brief polish 3: approximate figures in a situational question (使用率大概七成左右, 差不多40张,
三十几张, 40来张, 将近2000平米) are read as ranges; across a limit the verdict says it depends on the
exact figure (never ✅ nor ❌ for that criterion), wholly on one side it is given."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, text_of

DEPENDS = f"：{T.SITUATION_DEPENDS_STATUS}"


@pytest.mark.parametrize(
    ("question", "criterion", "ends"),
    [
        ("我们是乡镇卫生院，床位40张，使用率大概七成左右，吉林能申请吗", "床位使用率≥75%", "按63到77%算"),
        ("使用率七成半左右，床位40张，能申请吗", "床位使用率≥75%", "%算"),
        ("床位差不多30张，能申请吗", "实际开放床位数≥30张", "按27到33张算"),
        ("我们使用率七十来，床位40张，能报吗", "床位使用率≥75%", "按70到79%算"),  # 来: up to the next round one (N15)
        ("床位40张 使用率70来% 行不行", "床位使用率≥75%", "按70到79%算"),
        ("业务用房将近3000平米，能申请吗", "业务用房建筑面积≥3000平方米", "按2700到3000平方米算"),
    ],
)
def test_an_approximation_across_a_limit_depends_on_the_exact_figure(kb, now, question, criterion, ends) -> None:
    text = text_of(ask(kb, now, question, region="jilin"))
    assert f"❔ {criterion}{DEPENDS}" in text and ends in text, text
    assert f"✅ {criterion}" not in text and f"❌ {criterion}" not in text
    assert "要看准确数字" in text.splitlines()[0], "the verdict line says it"


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("床位差不多40张，使用率80%，能申请吗", "✅ 实际开放床位数≥30张：符合（您说差不多40张，按36到44张算"),
        ("我们床位三十几张，使用率76%，面积3500平，能报吗", "✅ 实际开放床位数≥30张：符合（您说三十几张，按31到39张算"),
        ("床位40来张，使用率76%，能申请吗", "✅ 实际开放床位数≥30张：符合（您说40来张，按40到49张算"),
        ("我们床位三十来张，使用率80%，能报吗", "✅ 实际开放床位数≥30张：符合（您说三十来张，按30到39张算"),
        ("业务用房两千九百来平，能申请吗", "❌ 业务用房建筑面积≥3000平方米：不符合（您说两千九百来，按2900到2999"),
        ("业务用房将近2000平米，能申请吗", "❌ 业务用房建筑面积≥3000平方米：不符合（您说将近2000平米，按1800到2000"),
        ("使用率大概九成，床位50张，能申请吗", "✅ 床位使用率≥75%：符合（您说大概九成"),
    ],
)
def test_an_approximation_on_one_side_gets_its_verdict(kb, now, question, line) -> None:
    text = text_of(ask(kb, now, question, region="jilin"))
    assert line in text, text
