"""In-force questions, the kinds the spent sealed sets and devblind lost or that we found asking our
own way (brief meth2):
- a text named by its year (2020年的方案, 2024年方案到期了吗), by a bare 文号 number (17号文) or only by
  its region (吉林的方案有效期是几年: both Jilin texts) gets each text's period (knowledge/data/
  documents.yaml) and what governs the region's procedure today;
- 有效期 / 到期 / 替代 / 冲突听哪个 are asked as such;
- 还接不接受申报 asks whether one can still apply (the region's status today);
- whether a plan's target was reached: the texts hold targets, not what was achieved — said first;
- a date named in a rule ("2020年度于8月31日前"还按这个吗) is that point, not the text's period."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from knowledge.search.intent import asks_now
from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    ("q", "region", "numbers"),
    [
        ("2020年的方案还算数吗", "jilin", ["吉卫基层发〔2020〕5号"]),
        ("新文件把2020年的方案替代了吗", "jilin", ["吉卫基层发〔2020〕5号"]),
        ("17号文有效期到什么时候", "jilin", ["吉卫联发〔2024〕17号"]),
        ("2024年方案到期了吗", "jilin", ["吉卫联发〔2024〕17号"]),
        ("吉林2024-2025那个方案现在还有没有效", None, ["吉卫联发〔2024〕17号"]),
        ("吉林的方案有效期是几年", None, ["吉卫基层发〔2020〕5号", "吉卫联发〔2024〕17号"]),
        ("渝中方案有效期到哪年", "chongqing-yuzhong", ["渝中卫发〔2021〕49号"]),
        ("我们这边的文件过期了吗", "chongqing-yuzhong", ["渝中卫发〔2021〕49号"]),
        ("317号文现在还有效吗", "national", ["国卫办基层函〔2021〕317号"]),
    ],
)
def test_a_texts_period_and_what_governs_today(kb, now, q: str, region: str | None, numbers: list[str]) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.kind == "in_force" and turn.answered, turn.text[:120]
    assert "适用期" in turn.text
    for n in numbers:
        assert n in turn.text
    assert "📜" in turn.text or T.DOC_ASK_LATER in turn.text or T.DOC_BY_POINT in turn.text


@pytest.mark.parametrize("q", ["北京的方案现在还有效吗", "北京这个方案的有效期", "北京那个文件到期了没"])
def test_beijings_plan_ended_with_2022(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="beijing")
    assert turn.kind == "in_force" and "2022年12月31日" in turn.text and "已过了适用期" in turn.text
    # no 文号: the title is not said twice
    assert "方案《" not in turn.text


@pytest.mark.parametrize(
    "q", ["17号文有效期到什么时候", "2024年方案到期了吗", "这份文件被替代了吗", "2020年和2024年的冲突的话听哪个"]
)
def test_validity_words_ask_about_force(q: str) -> None:
    assert asks_now(q) in ("in_force", "which")


def test_a_date_in_a_rule_is_that_point_not_the_texts_period(kb, now) -> None:
    turn = turn_for(kb, now, "方案里写的“2020年度于8月31日前”是啥意思，今年还按这个吗", region="jilin")
    assert "适用期" not in turn.text.split("\n", 1)[0]
    assert "6月30日" in turn.text and "8月31日" in turn.text


@pytest.mark.parametrize(
    "q",
    [
        "2022年以后渝中还接不接受社区医院申报",
        "渝中现在还受不受理社区医院申请",
        "今年渝中还收验收申请吗",
        "渝中还有没有机会申报社区医院",
    ],
)
def test_whether_one_can_still_apply(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="chongqing-yuzhong")
    assert turn.answered and "常态化" in turn.text and "渝中卫发〔2021〕49号" in turn.text


@pytest.mark.parametrize(
    ("q", "region", "target"),
    [
        ("渝中说2025年底建成4家 现在建完没有", "chongqing-yuzhong", "4家"),
        ("北京2022年新建10家完成了吗", "beijing", "10家"),
        ("吉林累计建成100家社区医院的目标实现了没", "jilin", "100家"),
        ("吉林800家达到服务能力标准的目标完成情况怎么样", "jilin", "800家"),
    ],
)
def test_whether_a_target_was_reached_is_not_in_the_texts(kb, now, q: str, region: str, target: str) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.answered and turn.text.startswith(T.PROGRESS_NOT_GIVEN), turn.text[:120]
    assert target in turn.text


def test_a_national_target_has_the_news_on_progress_beside_it(kb, now) -> None:
    turn = turn_for(kb, now, "国家说的500家目标完成了吗", region="national")
    assert turn.text.startswith(T.PROGRESS_NOT_GIVEN) and "500家" in turn.text
    assert "3800" in turn.text and T.PROGRESS_REPORTED in turn.text


@pytest.mark.parametrize(
    ("q", "region"),
    [("全国社区医院建设进展如何", None), ("我院床位使用率达到了吗，怎么算", "jilin"), ("全国现在建了多少家", None)],
)
def test_progress_reported_or_no_target_is_not_led(kb, now, q: str, region: str | None) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert not turn.text.startswith(T.PROGRESS_NOT_GIVEN), turn.text[:120]


@pytest.mark.parametrize(
    ("q", "region"),
    [
        ("吉林今年社区医院申报截止是啥时候", None),
        ("吉林新建成的社区医院名单现在几号前报到省里？", "jilin"),
        ("今年我们的申请最晚几号报上去", "jilin"),
    ],
)
def test_jilins_deadline_now_names_the_only_date_of_the_governing_plan(kb, now, q: str, region: str | None) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.answered and "10月底" in turn.text and "6月30日" in turn.text, turn.text[:200]
