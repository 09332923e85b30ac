"""A multi-part reply answers every part, and no part contradicts another (sealed set 10, issue 12 item 5):
a part is not said to be unanswered beside a part showing its answer (parts_recheck.py); a later part
asking of a text (哪天印发的, 哪年出的, 谁发的) asks of the text an earlier part names (parts_text.py); a part
sharing a sibling's entry keeps it (parts_siblings.py); a reply repeating another part's is marked as such."""

from __future__ import annotations

import pytest

from core.model import Reply
from dialogs.qa.parts import reply
from dialogs.qa.turn import Turn
from tests.dialogs.qa.conftest import turn_for

NOT_FOUND = "资料库里没有"


def _section_text(turn: Turn, k: int) -> str:
    """Part k's answer, or the text of the part it says it shares."""
    section = turn.sections[k]
    return turn.sections[section.same_as].text if section.status == "same" else section.text


@pytest.mark.parametrize(
    "q",
    [
        "北京新建社区医院进展汇总表多久报一次？碰上节假日怎么办",
        "北京进展汇总表多长时间报一次？遇到节假日呢",
        "进展汇总表多久报一次？节假日顺延吗",
    ],
)
def test_a_part_is_not_declined_beside_the_part_showing_its_answer(kb, now, q: str) -> None:
    """① alone was declined (汇总表 is not the entry's word) while ② showed the monthly-progress entry."""
    turn = turn_for(kb, now, q, region="beijing")
    assert NOT_FOUND not in turn.text, turn.text[:400]
    assert "每月1日" in turn.text and "顺延" in turn.text
    if turn.kind == "multipart":
        assert all(s.status in ("answered", "same") for s in turn.sections)
        assert "每月1日" in _section_text(turn, 0)


def test_a_part_naming_what_no_text_holds_is_still_unanswered(kb, now) -> None:
    """The recheck needs every word of the part known: 仪式 is in no entry, so the 10月31日 entry beside it
    does not answer whether there is a ceremony."""
    turn = turn_for(kb, now, "吉林省卫健委几号前评估？评估完挂牌要搞仪式吗？", region="jilin")
    assert turn.kind == "multipart" and turn.sections[1].status == "unanswered", turn.text[:300]


@pytest.mark.parametrize(
    "q",
    [
        "国家层面社区医院评估由哪一级组织？能下放吗",
        "社区医院评估谁来组织？能下放吗",
        "评估权能下放到地市吗",
        "省里能把评估下放给地市吗",
    ],
)
def test_handing_evaluation_down_is_the_delegation_to_cities(kb, now, q: str) -> None:
    """下放 is the texts' 授权 (317号 四: 各地可根据工作实际授权地市级开展评估), s10a032."""
    turn = turn_for(kb, now, q, region="national")
    assert "授权地市级" in turn.text and NOT_FOUND not in turn.text, turn.text[:300]


@pytest.mark.parametrize(
    "q", ["咱社区医院该配些啥人才，国家文件咋列的", "社区医院该配些啥人才", "社区医院要配些什么人才"]
)
def test_which_staff_to_have_said_colloquially(kb, now, q: str) -> None:
    """配些啥 asks 配哪些 (317号 五: 临床、检验、影像…精神心理、儿童保健等适宜人才), s10b047."""
    turn = turn_for(kb, now, q, region="national")
    assert "精神心理" in turn.text and "儿童保健" in turn.text and NOT_FOUND not in turn.text, turn.text[:300]


@pytest.mark.parametrize(
    ("q", "region", "k", "wanted", "not_wanted"),
    [
        ("吉林2024那个方案文号多少？哪天印发的？", "jilin", 1, "2024年4月24日", "2020年8月12日"),
        ("吉林2020年那个方案叫什么？哪天印发的？", "jilin", 1, "2020年8月12日", "2024年4月24日"),
        ("北京方案全称是啥？谁发的？哪年出的？", "jilin", 2, "2022年", "三年行动方案"),
        ("北京的方案叫啥名字？啥时候印发的？", "beijing", 1, "2022年", "三年行动方案"),
        ("317号文讲的啥？哪天发的？", "beijing", 1, "2021年", "2022年的文件"),
        ("社区医院基本标准（试行）现在还作数吗？哪年出的", None, 1, "2019年", "收录的文件中有4份"),
    ],
)
def test_a_later_part_asks_of_the_text_an_earlier_part_names(
    kb, now, q: str, region: str | None, k: int, wanted: str, not_wanted: str
) -> None:
    """哪天印发的 after a part naming a text is that text's date: ② had taken the 2020 plan's (s10a079),
    the three-year plan's issuers, or repeated ①'s standing (s10b092)."""
    turn = turn_for(kb, now, q, region=region)
    assert turn.kind == "multipart", turn.text[:300]
    own = _section_text(turn, k)
    assert wanted in own and not_wanted not in own, own[:300]


@pytest.mark.parametrize(
    "q",
    [
        "吉林2024年优质服务基层行和社区医院那个方案是哪几家联合发的",
        "吉卫联发〔2024〕17号是哪几个部门联合印发的",
        "吉林优质服务基层行和社区医院建设行动方案谁发的",
        "吉林2024年方案的文号是多少？哪几家联合发的？",
    ],
)
def test_the_issuers_of_a_joint_text(kb, now, q: str) -> None:
    """Who issued 吉卫联发〔2024〕17号 (its 落款: three bodies), not the plan's nine measures (s10a028)."""
    text = turn_for(kb, now, q, region="jilin").text
    assert all(b in text for b in ("吉林省卫生健康委员会", "吉林省中医药管理局", "吉林省疾病预防控制局")), text[:300]
    assert "工作举措有九项" not in text


@pytest.mark.parametrize(
    "q",
    [
        "北京市卫健委基层卫生健康处这个事找谁，电话多少",
        "北京社区医院建设有事找谁？电话多少",
        "这事找哪个人，联系电话是多少",
    ],
)
def test_whom_to_ask_beside_the_phone_is_the_contact_person(kb, now, q: str) -> None:
    """找谁 beside 电话多少 shares the contact entry: it was moved to the report mailbox (s10b012)."""
    turn = turn_for(kb, now, q, region="beijing")
    assert "李君念" in turn.text, turn.text[:300]
    if turn.kind == "multipart":
        assert "李君念" in _section_text(turn, 0) and "bjsgzxzgk" not in _section_text(turn, 0)


@pytest.mark.parametrize("answers", [("同一段话", "同一段话"), ("同一段话", "另一段话", "同一段话")])
def test_a_reply_on_no_entry_repeated_by_a_later_part_is_marked_the_same(kb, now, answers: tuple[str, ...]) -> None:
    """Parts answered by the same text on no entry (a verdict, a text's standing): the later one says it is
    the same answer instead of repeating it (s10b092: "现在还作数吗？哪年出的" printed ① twice)."""
    texts = iter(answers)

    def one(part: str) -> Turn:
        return Turn("in_force", "answer", (Reply(next(texts)),), None, 1.0)

    parts = [f"第{k}问" for k in range(len(answers))]
    turn = reply(parts, one, kb, now.date(), alone=True)
    assert turn is not None
    assert [s.status for s in turn.sections][-1] == "same" and turn.text.count("同一段话") == 1
    assert all(s.status == "answered" for s in turn.sections if "另一段话" in s.text)
