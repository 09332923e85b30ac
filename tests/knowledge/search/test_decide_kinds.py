"""Kinds of decision loss the readers of the spent sealed sets found (issue 12, brief qadecide), one
test per kind, through the real index and with wordings of our own:

(1) the likely band: the threshold rule opens it only where the fit splits' best entries are
    mostly right and no out-of-scope question falls (tests/eval/calibrate.py; open since
    2026-12-01, tests/knowledge/search/test_likely_band.py); these tests hold the rule to that;
(2) answerable questions declined for their wording: 哪几 read as 哪 + 多少 (a count asked, the
    bigrams 哪多/少个 missing from every entry), a figure with an approximation before its unit
    (3800多家) not read as a count, bigrams across the seam of two known words counted as unknown;
(3) a document's overview answering a specific fact of that document (年底前再建成多少家 → what
    the 317号 notice is) — unless the question asks about the document itself;
(4) a method question phrased as a choice (是按工作日算还是按全年天数算) answered
    with the criterion as if it gave the method.
"""

from __future__ import annotations

import pytest

from knowledge.search.intent import asks_document, attributes_asked, method_asked
from knowledge.search.signals import attribute_fit, provided
from knowledge.search.terms import asked_about

# ---------------------------------------------------------------- (1) the likely band


def test_a_confidence_in_a_likely_band_is_shown_as_the_likeliest(kb) -> None:
    import dataclasses

    c = dataclasses.replace(kb.index.calibration, likely_at=kb.index.calibration.answer_at - 0.05)
    assert c.decide(c.answer_at - 0.01) == "likely"
    assert c.decide(c.answer_at) == "answer"
    assert c.decide(c.likely_at - 1e-6) in ("suggest", "decline")


HIGH = [0.9 + k / 100 for k in range(10)]  # sure answers, all right


def test_thresholds_open_a_band_whose_answers_are_mostly_right() -> None:
    from tests.eval.calibrate import thresholds

    conf = [*HIGH, 0.7, 0.69, 0.68, 0.67, 0.66, 0.3, 0.2, 0.1]
    labels = [*[1] * 10, 0, 1, 1, 0, 1, 0, 0, 0]
    negative = [False] * 15 + [True] * 3
    answer_at, likely_at, suggest_at = thresholds(conf, labels, negative)
    assert answer_at == 0.9  # below it one answer in eleven would be wrong
    assert likely_at == 0.66  # 3 of 5 right in [0.66, 0.9): the likeliest, with alternatives
    assert suggest_at <= likely_at


def test_thresholds_keep_out_of_scope_questions_out_of_the_band() -> None:
    from tests.eval.calibrate import thresholds

    conf = [*HIGH, 0.7, 0.69, 0.68, 0.67, 0.66, 0.65, 0.3, 0.2, 0.1]
    labels = [*[1] * 10, 1, 0, 1, 1, 1, 1, 0, 0, 0]
    negative = [False] * 11 + [True] + [False] * 4 + [True] * 3
    answer_at, likely_at, _ = thresholds(conf, labels, negative)
    # 4 of 5 right in [0.65, 0.7), but the out-of-scope question at 0.69 would be shown: no band
    assert likely_at == answer_at == 0.7


# ---------------------------------------------------------------- (2) wording that lowered the confidence


@pytest.mark.parametrize(
    "question", ["社区医院必须开哪几个科", "渝中哪几种情况不能验收", "要配哪几类人才", "标准有哪几项"]
)
def test_which_few_is_read_as_which_not_as_how_many(kb, question: str) -> None:
    words, _ = kb.index.analyzer.analyse(question)
    assert "多少" not in words
    assert "哪些" in words


@pytest.mark.parametrize(
    ("question", "region", "entry"),
    [
        ("社区医院必须开哪几个科", "national", "basic-standard-required-departments"),
        ("社区医院要配哪几类人才", None, "national-2021-staffing"),
    ],
)
def test_which_few_questions_are_answered(kb, question: str, region: str | None, entry: str) -> None:
    result = kb.index.search(question, region)
    assert result.answers[0].entry_id == entry
    assert result.decision in ("answer", "likely")


@pytest.mark.parametrize("answer", ["全国已建成社区医院3800多家。", "再建成500余家。", "已有1000多家"])
def test_a_figure_with_an_approximation_before_its_unit_is_a_count(answer: str) -> None:
    gives = provided(answer)
    assert "count:institutions" in gives
    assert attribute_fit(attributes_asked("全国一共建成多少家了"), gives) == 0.5


def test_a_seam_no_entry_has_does_not_lower_coverage(kb) -> None:
    index = kb.index
    # 要交|材料 → the seam 交材, 材料|么 → 料么: no entry has them, the words are all known
    top = index.rank("要交材料么", "jilin")[0]
    coverage = top.features[2]
    plain = index.rank("要交材料", "jilin")[0].features[2]
    assert coverage >= plain - 0.05


# ---------------------------------------------------------------- (3) the overview and a fact of its document


@pytest.mark.parametrize(
    ("question", "region", "not_entry"),
    [
        ("2021年那份《关于加快推进社区医院建设的通知》里，年底前要再建成多少家", None, "national-2021-overview"),
        ("关于加快推进社区医院建设的通知提出年底前再建多少家", "national", "national-2021-overview"),
        ("按国家卫健委办公厅的通知，社区医院评估原则上由哪一级组织？", None, "national-2021-overview"),
        ("按吉林2020年的社区医院建设实施方案，复核由哪一级卫生健康部门负责？", "jilin", "jilin-2020-overview"),
        ("渝中卫发〔2021〕49号里验收合格后信息表几号前交", "chongqing-yuzhong", "yuzhong-2021-overview"),
    ],
)
def test_a_fact_asked_of_a_named_document_is_not_answered_by_its_overview(kb, question, region, not_entry) -> None:
    result = kb.index.search(question, region)
    assert result.answers and result.answers[0].entry_id != not_entry


@pytest.mark.parametrize(
    ("question", "region", "entry"),
    [
        ("国卫办基层函〔2021〕317号是什么文件", None, "national-2021-overview"),
        ("关于加快推进社区医院建设的通知是谁发的", None, "national-2021-overview"),
        ("吉卫基层发〔2020〕5号是什么文件，谁发的", "jilin", "jilin-2020-overview"),
        ("渝中卫发〔2021〕49号讲的啥", "chongqing-yuzhong", "yuzhong-2021-overview"),
    ],
)
def test_a_question_about_the_document_itself_keeps_its_overview(kb, question, region, entry) -> None:
    assert asks_document(question)
    result = kb.index.search(question, region)
    assert result.answers[0].entry_id == entry


def test_overview_entries_are_marked(kb) -> None:
    overviews = {a.entry_id for a in kb.index.answers if a.overview}
    assert {"national-2021-overview", "jilin-2020-overview", "yuzhong-2021-overview"} <= overviews
    assert all(a.entry_id.endswith("-overview") for a in kb.index.answers if a.overview)


# ---------------------------------------------------------------- (4) method questions phrased as a choice


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("特色科室日均门诊量≥30人次，这个日均是按工作日算还是按全年天数算？", "日均"),
        ("床位使用率是按开放床位算还是按编制床位算", "床位使用率"),
        ("门诊量是按自然日算还是按工作日算", "门诊量"),
        ("吉林遴选条件里的床位使用率具体怎么算？", "床位使用率"),  # where it is said (…里的) is not the term
    ],
)
def test_a_method_asked_as_a_choice_is_a_method_question(question: str, term: str) -> None:
    assert method_asked(question) == "method"
    assert asked_about(question, "method") == term


def test_a_method_asked_as_a_choice_says_the_texts_give_none(kb, now) -> None:
    from tests.dialogs.qa.conftest import turn_for

    for question in ("特色科室日均门诊量是按工作日算还是按全年天数算", "日均门诊量按自然日算还是工作日算"):
        turn = turn_for(kb, now, question, region="chongqing-yuzhong")
        first = turn.text.split("\n", 1)[0]
        assert any(m in first for m in ("没有说明", "没有写明", "没有给出", "没有找到")), first


# ---------------------------------------------------------------- (2b) declined though every word is known


@pytest.mark.parametrize(
    ("question", "region", "entry"),
    [
        ("要交材料么", "jilin", "jilin-2020-materials"),  # 要交|材料 → 交材, 材料|么 → 料么: seams only
        ("得交材料吧", "jilin", "jilin-2020-materials"),
    ],
)
def test_a_question_of_known_words_in_a_new_order_is_asked_back_not_declined(kb, question, region, entry) -> None:
    result = kb.index.search(question, region)
    assert result.decision != "decline"
    assert result.answers[0].entry_id == entry


@pytest.mark.parametrize("question", ["社区医院医生职称评审怎么走", "卫生院医保报销怎么走流程"])
def test_another_offices_matter_is_declined_with_whom_to_ask_not_asked_back(kb, question: str) -> None:
    from knowledge.search.intent import referrals

    assert referrals(question)
    result = kb.index.search(question, None)
    assert result.decision in ("decline", "answer", "likely")  # never a bare list of unrelated buttons


@pytest.mark.parametrize("question", ["护士工资什么时候涨", "卫生院护士的加班费怎么算", "社区护士薪资一个月多少"])
def test_pay_is_another_offices_matter(kb, question: str) -> None:
    from knowledge.search.intent import referrals

    assert "pay" in referrals(question)
    assert kb.index.search(question, "jilin").decision == "decline"


def test_a_question_on_the_texts_pay_policy_is_still_answered(kb) -> None:
    result = kb.index.search("吉林在绩效工资上对社区医院有什么支持", "jilin")
    assert result.decision == "answer" and "绩效工资" in result.answers[0].answer
