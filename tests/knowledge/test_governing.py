"""Which text governs a point on a date (knowledge/governing.py), its note (knowledge/texts.py), and
the kb check that every answer, rule set, stage and status note on a changed point names every text
on it (knowledge/governing_check.py)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.documents import Citation
from knowledge.governing import GoverningError, Provision, load_governance
from knowledge.governing_check import check_governing, missing_names
from knowledge.regions import DATA
from knowledge.texts import governing_note, period_text

D = dt.date


@pytest.mark.parametrize(
    ("day", "governs", "superseded"),
    [
        (D(2020, 8, 11), None, []),  # before the first loaded text
        (D(2020, 8, 12), "jilin-2020", []),
        (D(2023, 12, 31), "jilin-2020", []),
        (D(2024, 1, 1), "jilin-2024", ["jilin-2020"]),  # the later text governs from its start
        (D(2025, 12, 31), "jilin-2024", ["jilin-2020"]),
        (D(2026, 1, 1), None, ["jilin-2020"]),  # no loaded text covers Jilin from 2026
    ],
)
def test_which_jilin_text_governs_the_procedure(kb: KnowledgeBase, day, governs, superseded) -> None:
    g = kb.governing.on("jilin", "procedure", day)
    assert g.document == governs and [t.document for t in g.superseded] == superseded
    assert g.covered == (governs is not None) and g.ask == "市（州）卫生健康委"
    if day >= D(2026, 1, 1):
        assert g.lapsed is not None and g.lapsed.document == "jilin-2024" and g.latest_ended == "jilin-2024"
    if day < D(2020, 8, 12):
        assert g.lapsed is None


def test_a_point_the_later_text_does_not_restate(kb: KnowledgeBase) -> None:
    """G1: the 2024-2025 plan restates none of the 2020 selection conditions."""
    before = kb.governing.on("jilin", "selection-conditions", D(2023, 6, 1))
    assert before.document == "jilin-2020" and before.not_restated_by == ()
    during = kb.governing.on("jilin", "selection-conditions", D(2024, 6, 1))
    assert during.document == "jilin-2020" and during.not_restated_by == ("jilin-2024",) and not during.latest_ended
    after = kb.governing.on("jilin", "selection-conditions", D(2026, 6, 1))
    assert after.not_restated_by == ("jilin-2024",) and after.latest_ended == "jilin-2024"


def test_other_regions(kb: KnowledgeBase) -> None:
    beijing = kb.governing.on("beijing", "procedure", D(2026, 11, 30))
    assert not beijing.covered and beijing.lapsed.document == "beijing-2022" and beijing.ask == "所在区卫生健康委"  # type: ignore[union-attr]
    assert kb.governing.on("beijing", "procedure", D(2022, 9, 1)).document == "beijing-2022"
    yuzhong = kb.governing.on("chongqing-yuzhong", "procedure", D(2030, 1, 1))
    assert yuzhong.document == "yuzhong-2021"  # 常态化受理 has no end
    assert kb.governing.on("national", "procedure", D(2030, 1, 1)).document == "national-2021"


def test_windows_and_history(kb: KnowledgeBase) -> None:
    windows = [(t.document, w.start, w.end) for t, w in kb.governing.windows("jilin", "naming")]
    assert windows == [("jilin-2020", D(2020, 8, 12), D(2023, 12, 31)), ("jilin-2024", D(2024, 1, 1), D(2025, 12, 31))]
    assert kb.governing.history("jilin", "selection-conditions") == ("jilin-2020", "jilin-2024")
    assert kb.governing.history("jilin", "selection-conditions", D(2023, 1, 1)) == ("jilin-2020",)
    assert kb.governing.history("national", "procedure") == ("national-2021",)  # news notes never govern


def test_provisions_match_citations() -> None:
    whole = Provision("jilin-2020", "四（三）")
    assert whole.matches(Citation("jilin-2020", "四（三）", "anything"))
    assert not whole.matches(Citation("jilin-2020", "四（二）", "anything"))
    sentence = Provision("jilin-2024", "二（一）", "主要依托社区卫生服务中心开展社区医院建设")
    assert sentence.matches(Citation("jilin-2024", "二（一）", "主要依托社区卫生服务中心"))
    assert not sentence.matches(Citation("jilin-2024", "二（一）", "对2021年及以前达到能力标准的机构开展“回头看”"))


def test_the_notes_say_which_text_governs_and_whom_to_ask(kb: KnowledgeBase) -> None:
    cat = kb.catalogue
    during = governing_note(kb.governing.on("jilin", "procedure", D(2024, 6, 1)), cat)
    assert during.startswith("社区医院的评价、复核和上报程序：2024年6月1日适用吉卫联发〔2024〕17号（2024—2025年）")
    assert "此前吉卫基层发〔2020〕5号（2020年起每年）规定" in during and "已由吉卫联发〔2024〕17号改变" in during
    after = governing_note(kb.governing.on("jilin", "procedure", D(2026, 11, 30)), cat)
    assert "2026年11月30日适用的文件尚未收录" in after and "本助手收录的文件只到2025年12月31日" in after
    assert "不能当作现行规定" in after and after.endswith("请向市（州）卫生健康委确认当年的安排。")
    silent = governing_note(kb.governing.on("jilin", "selection-conditions", D(2026, 6, 1)), cat)
    assert "吉卫联发〔2024〕17号没有重申这一点" in silent and "已于2025年12月31日到期" in silent
    before = governing_note(kb.governing.on("beijing", "procedure", D(2021, 1, 1)), cat)
    assert "还没有本助手收录的文件" in before and "所在区卫生健康委" in before


def test_period_texts(kb: KnowledgeBase) -> None:
    cat = kb.catalogue
    ids = ("jilin-2020", "jilin-2024", "yuzhong-2021", "beijing-2022", "national-2021")
    assert [period_text(cat[d]) for d in ids] == [
        "2020年起每年", "2024—2025年", "2021年；2022年起常态化受理", "推定为2022年", "推定为2021年起"
    ]  # fmt: skip


def test_missing_names_lists_what_an_answer_on_a_changed_point_leaves_out(kb: KnowledgeBase) -> None:
    citations = (Citation("jilin-2020", "四（四）", "省卫生健康委于每年10月31日前组织专家开展对通过"),)
    assert missing_names(kb.governing, citations, "按吉卫基层发〔2020〕5号，省里评估。") == [
        "procedure (jilin): jilin-2024 (吉卫联发〔2024〕17号)",
        "naming (jilin): jilin-2024 (吉卫联发〔2024〕17号)",
    ]
    assert missing_names(kb.governing, citations, "吉卫基层发〔2020〕5号……吉卫联发〔2024〕17号改为……") == []
    beijing = (Citation("beijing-2022", "二（二）", "2022年底前，完成社区医院命名及执业许可证加注"),)
    assert missing_names(kb.governing, beijing, "没有名字") == []  # one text on the point: nothing to reconcile


def test_the_shipped_data_passes_and_a_window_overrun_is_reported(kb: KnowledgeBase, tmp_path: Path) -> None:
    assert check_governing(kb) == []
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    path = root / "calendars" / "jilin.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("first_year: 2020, last_year: 2023}", "first_year: 2020}"), "utf-8"
    )
    errors = check_governing(KnowledgeBase(root))
    assert any(
        e.startswith("calendars/jilin.yaml: jilin-building-done: runs to no end")
        and "jilin-2020 governs procedure only" in e
        for e in errors
    ), errors


def test_governing_yaml_faults_are_reported(kb: KnowledgeBase, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    path = root / "governing.yaml"
    text = path.read_text(encoding="utf-8").replace("- region: national\n", "- region: shanghai\n")
    path.write_text(text.replace("jilin-2024", "jilin-2099"), "utf-8")
    with pytest.raises(GoverningError) as excinfo:
        load_governance(root, kb.catalogue, kb.regions.ids)
    message = str(excinfo.value)
    assert "governing.yaml: shanghai: unknown region 'shanghai'" in message
    assert "governing.yaml: jilin: procedure: unknown document 'jilin-2099'" in message
    assert "governing.yaml: national: no entry" in message


# ---------------------------------------------------------------- cited_points (for the front ends)


@pytest.mark.parametrize(
    ("day", "who_governs", "who_current"),
    [(D(2023, 6, 1), "jilin-2020", False), (D(2024, 6, 1), "jilin-2024", True), (D(2026, 1, 1), None, False)],
)
def test_cited_points_of_jilins_rule_set(kb: KnowledgeBase, day, who_governs, who_current) -> None:
    """Jilin's criteria cite the 2020 selection conditions and the 2024 plan's 主要依托 sentence."""
    points = kb.governing.cited_points((c.citation for c in kb.rules["jilin"].criteria), day, "jilin")
    by_id = {p.governing.point.id: p for p in points}
    assert list(by_id) == ["who-can-apply", "selection-conditions"]  # governing.yaml order
    who, conditions = by_id["who-can-apply"], by_id["selection-conditions"]
    assert who.cited == ("jilin-2024",) and who.governing.document == who_governs and who.current == who_current
    assert conditions.cited == ("jilin-2020",) and conditions.current  # the 2024 plan is silent (G1)


def test_cited_points_of_a_deadline_and_of_nothing(kb: KnowledgeBase) -> None:
    deadline = next(d for d in kb.calendars["jilin"].deadlines(None, D(2023, 3, 1)) if d.id == "jilin-application-2023")
    quote = "于每年6月30日（2020年度于8月31日）前报送省卫生健康委"
    assert deadline.citation == Citation("jilin-2020", "四（一）", quote)
    (point, *_) = kb.governing.cited_points([deadline.citation], D(2023, 3, 1))
    assert point.governing.point.id == "procedure" and point.current
    assert not kb.governing.cited_points([deadline.citation], D(2024, 3, 1))[0].current
    assert kb.governing.cited_points([], D(2024, 3, 1)) == []
    assert kb.governing.cited_points([deadline.citation], D(2023, 3, 1), region="beijing") == []
