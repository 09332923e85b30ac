"""A "which list / document do I need" question the texts don't hold (the equipment list) declines by
naming the document that holds it — 《社区医院基本标准（试行）》（国卫办医函〔2019〕518号） — never with the
generic out-of-scope decline (sealed set 7, s7a102), in every region."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import ask, text_of

QUESTIONS = [
    "DR、彩超、生化仪这些设备，社区医院有清单要求吗？",
    "社区医院要配哪些设备",
    "社区医院得有哪些医疗设备，有没有清单",
    "彩超必须配吗",
    "救护车必须配吗",
]


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("region", ["national", "jilin", "beijing", "chongqing-yuzhong"])
def test_the_equipment_list_names_the_basic_standard(kb, now, question: str, region: str) -> None:
    text = text_of(ask(kb, now, question, region))
    assert "没有社区医院的设备清单" in text, text[:160]
    assert "《社区医院基本标准（试行）》" in text and "518号" in text
    assert "我的资料库里没有答案" not in text
