"""Session 6 findings about what a region's answer may say, each as its kind, through the chat path:

F18 a region whose own text sets no floor-area figure (渝中, 北京) is told so; another region's figure (吉林's
    ≥3000 平方米) comes only marked as another text's, never as if it applied;
B5  what the texts do not say (does the floor area include dormitories) is said plainly, with what they do
    say and whom to ask — answered, not a "likely" guess;
F23 "which form" is answered with the forms/annexes of the region's own text;
F28 a date asked tersely (10月底要干什么) is answered with the region's calendar item on that date."""

from __future__ import annotations

import pytest

from tests.dialogs.questionnaire.test_flow import director

FLOOR_AREA = [
    "业务用房面积要多少",
    "面积要多大",
    "房子面积有要求吗",
    "业务用房多大",
    "面积要求",
    "建筑面积3000平米够吗",
]
NOT_HERE = "【其他文件，不适用于"


@pytest.mark.parametrize("region", ["chongqing-yuzhong", "beijing"])
@pytest.mark.parametrize("asked", FLOOR_AREA)
def test_a_region_without_a_floor_area_figure_never_borrows_one(kb, now, region: str, asked: str) -> None:
    d = director(kb, now, region=region)
    d.say(asked)
    text = d.text
    assert "没有规定业务用房建筑面积的数字" in text, text
    assert "💡" not in text  # answered, not the likeliest guess
    assert "3000" not in text.split(NOT_HERE)[0], text  # another region's figure only under its marker


@pytest.mark.parametrize("asked", FLOOR_AREA)
def test_jilin_keeps_its_own_floor_area_figure(kb, now, asked: str) -> None:
    d = director(kb, now, region="jilin")
    d.say(asked)
    assert "3000平方米" in d.text and NOT_HERE not in d.text


@pytest.mark.parametrize("region", ["national", "jilin", "chongqing-yuzhong", "beijing"])
@pytest.mark.parametrize("asked", ["面积包不包括宿舍", "宿舍算不算面积", "面积含不含宿舍", "职工宿舍算面积吗"])
def test_what_the_texts_do_not_say_about_dormitories_is_said_plainly(kb, now, region: str, asked: str) -> None:
    d = director(kb, now, region=region)
    d.say(asked)
    text = d.text
    assert "没有" in text and "宿舍" in text and "💡" not in text, text
    assert "确认" in text or "咨询" in text  # whom to ask


FORMS = {
    "chongqing-yuzhong": ("社区医院验收申请表", "重庆市社区医院信息表"),
    "jilin": ("社区医院建设机构申请表",),
    "beijing": ("附件1", "附件2"),
}


@pytest.mark.parametrize("region", sorted(FORMS))
@pytest.mark.parametrize("asked", ["哪张表", "用哪个表格", "要交哪个表", "填哪个表"])
def test_which_form_names_the_forms_of_the_region_s_text(kb, now, region: str, asked: str) -> None:
    d = director(kb, now, region=region)
    d.say(asked)
    assert all(name in d.text for name in FORMS[region]), d.text
    assert "资料库里没有答案" not in d.text and "💡" not in d.text


@pytest.mark.parametrize(
    ("region", "asked", "item"),
    [
        ("jilin", "10月底要干什么", "每年10月31日（2024—2025年）：市级年度工作总结及新建成社区医院名单"),
        ("jilin", "10月底前要做什么", "每年10月31日（2024—2025年）：市级年度工作总结及新建成社区医院名单"),
        ("jilin", "吉林 10月底", "每年10月31日（2024—2025年）：市级年度工作总结及新建成社区医院名单"),
        ("jilin", "十月底有什么事", "每年10月31日（2024—2025年）：市级年度工作总结及新建成社区医院名单"),
        ("jilin", "9月底要干什么", "每年9月30日（2020—2023年）：市（州）复核达标机构上报省卫生健康委"),
        ("jilin", "6月30号要干啥", "每年6月30日（2020—2023年）：社区医院建设申请报送省卫生健康委"),
        ("national", "吉林 8月底", "每年8月31日（2020—2023年）：完成社区医院基本建设任务"),
        ("beijing", "9月30日要干什么", "2022年9月30日"),
    ],
)
def test_a_terse_date_question_gets_the_region_s_items_on_that_day(kb, now, region: str, asked: str, item: str) -> None:
    """Each item with its years and source; a yearly rule's one-year exception (2020's 8月31日 application) is
    not its day."""
    d = director(kb, now, region=region)
    d.say(asked)
    assert item in d.text and "📄 出处" in d.text, d.text
    assert "申请报送" not in d.text or "6月30" in asked
    assert not d.state.reminders


# (10月底: what goes to the province that day is the 市级 annual report and lists, 吉卫联发〔2024〕17号
# 三（三）, not the application's 材料 due 6月30日: sealed set 8, s8a025, tests/dialogs/qa/test_sealed8_steps_lists.py)
@pytest.mark.parametrize(
    ("asked", "given"), [("6月30日前要交什么材料", "材料"), ("10月底前要交哪些材料给省里", "名单")]
)
def test_what_to_submit_by_a_date_is_the_search_s(kb, now, asked: str, given: str) -> None:
    d = director(kb, now, region="jilin")
    d.say(asked)
    assert "的文件在" not in d.text and given in d.text, d.text
