"""`python -m bot check`: a profile file evaluated, as JSON or a Chinese report, and bad files refused."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from bot.__main__ import main

ROOT = Path(__file__).resolve().parents[3]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


YUZHONG_SHORT_OF_GPS = """\
community_grade_a: true
meets_basic_standard_resources: true
has_district_featured_department: true
featured_department_daily_visits: 35
annual_visits: 120000
resident_population: 50000
tcm_herbal_pieces: 320
tcm_prescription_share: 31
general_practitioners: 9
referral_partner_hospitals: 2
elite_family_doctor_teams: 1
patient_satisfaction: 92
signed_resident_satisfaction: 90
staff_satisfaction: 85
major_malpractice_last_2_years: false
insurance_fraud_penalty: false
outsourced_departments: false
"""


def test_json_output(tmp_path, capsys):
    profile = write(tmp_path, YUZHONG_SHORT_OF_GPS)
    code, out, err = run(capsys, "--region", "chongqing-yuzhong", "--profile", str(profile), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["region"] == "chongqing-yuzhong"
    assert data["verdict"] == "not_eligible"
    criteria = {c["id"]: c for c in data["criteria"]}
    assert len(criteria) == 16
    gps = criteria["c6-gps-per-10k"]
    assert gps["status"] == "fail" and gps["kind"] == "required"
    assert gps["message"] == "每万名常住人口全科医生1.8名，要求≥2名，每万人还差0.2名"
    assert gps["source"]["number"] == "渝中卫发〔2021〕49号"
    assert gps["source"]["section"] == "附件1"
    assert gps["source"]["quote"] == "每万名常住人口配置2名及以上全科医生"
    assert {c["status"] for c in data["criteria"]} == {"pass", "fail"}
    assert set(data["criteria"][0]) >= {"id", "kind", "status", "message", "source"}


def test_absent_fields_are_unknown_and_the_verdict_incomplete(tmp_path, capsys):
    code, out, _ = run(capsys, "--region", "jilin", "--profile", str(write(tmp_path, "open_beds: 40\n")), "--json")
    data = json.loads(out)
    assert code == 0 and data["verdict"] == "incomplete"
    statuses = {c["id"]: c["status"] for c in data["criteria"]}
    assert statuses["open-beds"] == "pass" and statuses["floor-area"] == "unknown"


def test_empty_file_is_an_empty_profile(tmp_path, capsys):
    code, out, _ = run(capsys, "--region", "beijing", "--profile", str(write(tmp_path, "")), "--json")
    assert code == 0 and json.loads(out)["verdict"] == "incomplete"


def test_readable_chinese_report(tmp_path, capsys):
    profile = write(tmp_path, "open_beds: 28\nbed_occupancy_rate: 72\n")
    code, out, _ = run(capsys, "--region", "jilin", "--profile", str(profile))
    assert code == 0
    assert out.startswith("❌ 自评结论：不符合")
    assert "实际开放床位28张，要求≥30张，还差2张" in out
    assert "床位使用率72%，要求≥75%，还差3个百分点" in out
    assert "吉卫基层发〔2020〕5号" in out


def test_docx_written_and_json_stays_clean(tmp_path, capsys):
    target = tmp_path / "自评.docx"
    profile = write(tmp_path, YUZHONG_SHORT_OF_GPS)
    argv = ("--region", "chongqing-yuzhong", "--profile", str(profile), "--json", "--docx", str(target))
    code, out, err = run(capsys, *argv)
    assert code == 0
    json.loads(out)  # nothing but JSON on stdout
    assert str(target) in err
    document = docx.Document(io.BytesIO(target.read_bytes()))
    assert document.paragraphs[0].text == "社区医院验收申请表"
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any("每万名常住人口配置全科医生人数：1.8 名" in c for c in cells)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("open_beds: 30\nopen_bedz: 3\n", "未知字段 open_bedz"),
        ("open_beds: 30张\n", "open_beds（实际开放床位数）应为数字"),
        ("open_beds: -3\n", "open_beds（实际开放床位数）不能小于 0张"),
        ("bed_occupancy_rate: 160\n", "bed_occupancy_rate（床位使用率）不能大于 150%"),
        ("bed_occupancy_rate: 78%\n", "bed_occupancy_rate（床位使用率）应为数字"),
        ("local_government_support: 支持\n", "（当地党委政府支持社区医院建设）应为 true 或 false"),
        ("service_capability_level: 推荐\n", "service_capability_level（“优质服务基层行”服务能力达标情况）应为"),
        ("- open_beds\n", "应为“字段: 值”的映射"),
    ],
)
def test_malformed_profile_exits_2_naming_the_field(tmp_path, capsys, text, expected):
    code, out, err = run(capsys, "--region", "jilin", "--profile", str(write(tmp_path, text)), "--json")
    assert code == 2
    assert out == ""
    assert expected in err


def test_several_faults_are_all_listed(tmp_path, capsys):
    code, _, err = run(capsys, "--region", "jilin", "--profile", str(write(tmp_path, "open_beds: -1\nfoo: 1\n")))
    assert code == 2
    assert "有 2 处问题" in err and "open_beds" in err and "foo" in err


def test_unknown_region_missing_file_and_broken_yaml(tmp_path, capsys):
    code, _, err = run(capsys, "--region", "shanghai", "--profile", str(write(tmp_path, "")))
    assert code == 2 and "未知地区 'shanghai'" in err and "chongqing-yuzhong" in err
    code, _, err = run(capsys, "--region", "jilin", "--profile", str(tmp_path / "nope.yaml"))
    assert code == 2 and "找不到机构信息文件" in err
    code, _, err = run(capsys, "--region", "jilin", "--profile", str(write(tmp_path, "open_beds: [30\n")))
    assert code == 2 and "不是有效的 YAML" in err


def test_runs_as_a_module(tmp_path):
    """The real entry point, in a separate process, as a director's IT person would run it."""
    profile = write(tmp_path, "open_beds: 30\nbed_occupancy_rate: 80\n")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--region", "national", "--profile", str(profile), "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["verdict"] == "incomplete"
    b1 = next(c for c in data["criteria"] if c["id"] == "b1-open-beds")
    assert b1["status"] == "pass" and b1["source"]["secondary"] is True and "新闻报道" in b1["message"]
    bad = write(tmp_path, "general_practitioner: 3\n")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--region", "national", "--profile", str(bad)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "未知字段 general_practitioner" in done.stderr


# --- forces and governing texts (issue 9) ---------------------------------------------------------

NATIONAL_REPORTED_ONLY = """\
institution_type: community_health_center
open_beds: 25
bed_occupancy_rate: 80
health_technical_staff: 30
non_technical_staff_share: 10
general_practitioners: 4
"""


def test_json_gives_each_criterion_its_force_and_says_when_only_news_figures_decide(tmp_path, capsys):
    profile = write(tmp_path, NATIONAL_REPORTED_ONLY)
    code, out, _ = run(capsys, "--region", "national", "--profile", str(profile), "--json", "--today", "2026-03-10")
    data = json.loads(out)
    assert code == 0 and data["verdict"] == "not_eligible" and data["reported_only"] is True
    criteria = {c["id"]: c for c in data["criteria"]}
    beds = criteria["b1-open-beds"]
    assert (beds["force"], beds["status"]) == ("reported", "warning")
    assert beds["provenance"] == "据新华社2019年6月23日英文通稿报道"
    assert criteria["basic-standard"]["force"] == "condition" and "provenance" not in criteria["basic-standard"]
    assert criteria["build-basis"]["force"] == "norm"
    # the same profile with the official condition answered is decided by it, not by the news figures
    profile.write_text(NATIONAL_REPORTED_ONLY + "meets_basic_standard_resources: false\n", encoding="utf-8")
    _, out, _ = run(capsys, "--region", "national", "--profile", str(profile), "--json")
    assert json.loads(out)["reported_only"] is False


def test_text_headline_says_when_only_news_figures_decide(tmp_path, capsys):
    profile = write(tmp_path, NATIONAL_REPORTED_ONLY)
    code, out, _ = run(capsys, "--region", "national", "--profile", str(profile), "--today", "2026-03-10")
    assert code == 0 and out.startswith("❌ 自评结论：不符合，但只依据新闻报道的数字")
    assert "只依据新闻报道转述的《社区医院基本标准（试行）》数字" in out.splitlines()[1]


def test_beijing_24_percent_staff_share_is_a_norm_warning(tmp_path, capsys):
    text = (
        "service_capability_level: recommended\nmeets_basic_standard_resources: true\n"
        "public_health_staff_share: 24\ninstitution_type: community_health_center\n"
    )
    _, out, _ = run(capsys, "--region", "beijing", "--profile", str(write(tmp_path, text)), "--json")
    data = json.loads(out)
    share = next(c for c in data["criteria"] if c["id"] == "public-health-staff-share")
    assert (share["force"], share["status"], data["verdict"]) == ("norm", "warning", "eligible")


@pytest.mark.parametrize(
    ("today", "who_can_apply", "covered"),
    [("2023-06-01", "jilin-2020", True), ("2024-06-01", "jilin-2024", True), ("2026-03-10", None, False)],
)
def test_json_names_the_text_governing_on_the_day(tmp_path, capsys, today, who_can_apply, covered):
    profile = write(tmp_path, "open_beds: 40\n")
    code, out, _ = run(capsys, "--region", "jilin", "--profile", str(profile), "--json", "--today", today)
    data = json.loads(out)
    assert code == 0 and data["today"] == today
    points = {g["point"]: g for g in data["governing"]}
    assert set(points) == {"who-can-apply", "selection-conditions"}
    who = points["who-can-apply"]
    assert (who["document"], who["covered"]) == (who_can_apply, covered)
    assert who["ask"] == "市（州）卫生健康委" and who["note"].startswith("哪些机构建设社区医院：")
    # the selection conditions are the 2020 plan's in every year; the 2024 plan is silent on them (G1)
    conditions = points["selection-conditions"]
    assert conditions["document"] == "jilin-2020"
    assert conditions["not_restated_by"] == ([] if today < "2024" else ["jilin-2024"])
    if not covered:
        assert who["lapsed"] == "jilin-2024" and who["from"] is None
        assert "2026年3月10日适用的文件尚未收录" in who["note"]


def test_text_report_names_the_governing_text_and_a_bad_day_exits_2(tmp_path, capsys):
    profile = write(tmp_path, "open_beds: 40\n")
    _, out, _ = run(capsys, "--region", "jilin", "--profile", str(profile), "--today", "2024-06-01")
    assert "📜 适用文件：哪些机构建设社区医院：2024年6月1日适用吉卫联发〔2024〕17号" in out
    code, out, err = run(capsys, "--region", "jilin", "--profile", str(profile), "--today", "2024-13-01")
    assert code == 2 and out == "" and "2024-13-01" in err
