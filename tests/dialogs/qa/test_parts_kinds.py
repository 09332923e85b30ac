"""Multi-part questions, by the kind of failure each test guards (issue 12, item 5; the qamp brief):
a shared subject split into one part per thing, a part read in the first part's region, a part
taken as answered by an earlier part's entry, a part after a space and a year.
Each asserts on the part's own section (dialogs.qa.turn.Section), as the blind grader reads it."""

from __future__ import annotations

from tests.dialogs.qa.conftest import turn_for


def _sections(kb, now, question: str, region: str | None) -> list:
    turn = turn_for(kb, now, question, region=region)
    assert turn.kind == "multipart", (question, turn.kind)
    return list(turn.sections)


def test_a_shared_subject_gets_one_answer_per_thing(kb, now) -> None:
    # "床位、床位使用率、业务用房面积分别要多少": before, one question, answered by the area's entry alone
    beds, occupancy, area = _sections(kb, now, "床位、床位使用率、业务用房面积分别要多少？", "jilin")
    assert beds.status == "answered" and "30张" in beds.text
    assert occupancy.status == "answered" and "75%" in occupancy.text
    assert area.status == "answered" and "3000" in area.text


def test_a_later_part_is_read_in_the_first_parts_region(kb, now) -> None:
    # 国家 in "名单几号前报国家" is where the list goes; the list is Jilin's (每年11月30日)
    first, second = _sections(kb, now, "吉林省卫健委几号前评估？名单几号前报国家？", None)
    assert "10月31日" in first.text
    assert second.status == "answered" and "11月30日" in second.text


def test_a_part_with_a_sure_answer_of_its_own_is_not_taken_as_the_same_as_an_earlier_one(kb, now) -> None:
    # "申请表是哪个附件" names 申请表 (read as 申报表) and 附件: not the floor-area entry again
    *_, form = _sections(kb, now, "床位使用率要多少？面积多大？申请表是哪个附件？", "jilin")
    assert form.status == "answered" and "附件4" in form.text


def test_a_part_after_a_space_and_a_year_is_its_own(kb, now) -> None:
    standard, target = _sections(kb, now, "北京新建社区医院得达到啥标准 2022年目标几家", "beijing")
    assert "推荐标准" in standard.text
    assert "10家" in target.text


def test_a_part_read_alone_never_leans_on_the_part_before(kb, now) -> None:
    import datetime as dt

    from dialogs.qa import parts

    asked: list[str] = []

    def one(text: str):
        asked.append(text)
        return turn_for(kb, now, text, region="jilin")

    parts.reply(["床位要多少张", "面积要多大"], one, kb, dt.date(2026, 11, 30), "jilin", alone=True)
    assert asked == ["床位要多少张", "面积要多大"]


def test_a_situation_beside_one_question_is_composed_by_the_parts_reply(kb, now) -> None:
    # dialogs/qa/mixed.py once composed "① verdict ② answer" itself; through parts.reply (alone) the
    # other question's own decline still says it, with whom to ask
    from dialogs.texts import qa as T

    turn = turn_for(kb, now, "床位40张，使用率80%，能申请吗？能拿多少奖金？", region="jilin")
    assert turn.kind == "multipart" and turn.text.startswith(T.PARTS_HEADER.format(n=2))
    verdict, money = turn.sections
    assert verdict.status == "answered" and "✅" in verdict.text
    assert money.status == "unanswered" and money.text.startswith(T.DECLINE[:12])


def test_naming_the_document_relied_on_gives_no_materials(kb, now) -> None:
    from dialogs.qa.parts import gives_asked
    from knowledge.search.model import Answer

    cited = (Answer("x", "q", "按北京方案，9月30日前各区完成复核。", (), ("beijing",)),)
    listed = (Answer("y", "q", "9月30日前向市卫生健康委上报年度报告和名单。", (), ("beijing",)),)
    assert not gives_asked("复核完要报哪些东西", cited)
    assert gives_asked("复核完要报哪些东西", listed)


def test_the_whole_read_as_one_does_not_hide_a_part_it_does_not_answer(kb, now) -> None:
    # read as one, the question got the 9月30日 entry, which says nothing of what is reported: the
    # second part is said unanswered rather than dropped
    turn = turn_for(kb, now, "区级评审几号前完成？复核完要报哪些东西", region="beijing")
    assert turn.kind == "multipart"
    review, reported = turn.sections
    assert "9月30日" in review.text
    assert reported.status != "same"


def test_one_word_of_its_own_held_by_its_own_sure_answer_beats_repeating_the_first_entry(kb, now) -> None:
    # read after the first part, "各区完成复核又是哪天截止" ranks the 8月31日 entry first again; alone it
    # is sure of the 9月30日 复核 entry, which holds 复核 — a word of its own, not what it asks
    first, second = _sections(kb, now, "信息系统哪天前填报完？各区完成复核又是哪天截止？", "beijing")
    assert "8月31日" in first.text
    assert second.status == "answered" and "9月30日" in second.text


def test_a_word_inside_what_a_part_asks_is_not_its_own(kb, now) -> None:
    # 部门 is in 哪个部门: the part leans on the first part's entry (also in test_parts.py), not on a
    # sure answer of its own that holds 部门
    turn = turn_for(kb, now, "吉林建成的社区医院名单，省里什么时候报国家？报给哪个部门？", region=None)
    assert "基层司" in turn.text and "执业许可证" not in turn.text
