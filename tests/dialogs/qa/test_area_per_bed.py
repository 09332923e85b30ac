"""Newcomer trial 7, N23: after an area question, "有没有按床位算的" asks for an area per bed, which no
loaded text gives (the answer names the standard that may): not the 30-bed count again."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import ask, text_of


@pytest.mark.parametrize("region", ["jilin", "beijing", "chongqing-yuzhong", "national"])
@pytest.mark.parametrize(
    "question",
    [
        "業務用房面積最少多少平米？有沒有按床位算的",
        "业务用房面积有没有按床位算的",
        "床位要多少张？有没有按床位算的面积",
    ],
)
def test_area_per_bed_is_said_to_be_in_no_loaded_text(kb, now, region, question) -> None:
    text = text_of(ask(kb, now, question, region))
    assert "没有“每床建筑面积”的规定" in text, text
