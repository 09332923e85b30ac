"""Reading an institution's situation from a question: "我们卫生院床位40张 使用率70% 业务用房3500平"
-> {institution_type: township_health_center, open_beds: 40, bed_occupancy_rate: 70, floor_area_m2: 3500}.

Each number is found next to the words that name its field (床位40张, 40张床位, 常住人口8万) and read
by the questionnaire's own parser (dialogs/quantities.py) against the field's spec (kb.fields), so
its units and ranges are checked exactly as in /check. A figure of a rule ("每万人2个全科医生") is not
the institution's and is skipped. Yes/no and choice facts (乡镇卫生院, 甲级, 承包, 医疗事故) are read
from their words, and a negation in front of them (没, 不, 未, 无) turns them round.

Input vocabulary (words we recognise, not words we show), like dialogs/words.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.text import fold_chinese
from dialogs.quantities import ParsedValue, parse_quantity
from knowledge.eligibility import FieldSpec

# The words naming each numeric field; at each position the longest word of any field wins
# (床位使用率 is the occupancy rate, not the beds).
NUMBER_WORDS: dict[str, tuple[str, ...]] = {
    "open_beds": ("实际开放床位数", "实际开放床位", "开放床位数", "开放床位", "床位数", "床位", "病床", "床"),
    "bed_occupancy_rate": ("床位使用率", "病床使用率", "床位利用率", "床位用率", "使用率", "利用率"),
    "floor_area_m2": (
        "业务用房建筑面积",
        "业务用房面积",
        "业务用房",
        "建筑面积",
        "用房面积",
        "房屋面积",
        "面积",
        "用房",
    ),
    "featured_department_daily_visits": (
        "特色科室日均门诊量",
        "特色科室日均门诊",
        "特色科室门诊量",
        "日均门诊量",
        "日均门诊",
    ),
    "annual_visits": ("年诊疗人次数", "年诊疗人次", "年诊疗量", "年诊疗", "诊疗人次", "诊疗量"),
    "resident_population": ("辖区常住人口", "常住人口", "服务人口", "辖区人口", "辖区居民", "人口"),
    "general_practitioners": ("全科医生", "全科医师", "全科大夫"),
    "tcm_herbal_pieces": ("中药饮片",),
    "tcm_prescription_share": ("门诊中医处方占比", "中医处方占比", "中医处方比例", "中医处方"),
    "elite_family_doctor_teams": ("精品家庭医生服务团队", "精品家庭医生团队", "精品家医团队", "精品团队"),
    "patient_satisfaction": ("患者满意度", "病人满意度"),
    "signed_resident_satisfaction": ("签约群众满意度", "签约居民满意度", "签约满意度"),
    "staff_satisfaction": ("机构职工满意度", "职工满意度", "员工满意度"),
    "public_health_staff_share": ("公共卫生人员占比", "公卫人员占比", "公共卫生人员比例", "公卫人员比例"),
    "public_health_physicians": ("公共卫生医师", "公卫医师", "公卫医生"),
    "health_technical_staff": ("卫生技术人员", "卫技人员"),
    "non_technical_staff_share": ("非卫生技术人员占比", "非卫技人员占比", "非卫生技术人员"),
}
# A unit alone names its field when no word does ("40张", "3500平方米").
UNIT_FIELDS: dict[str, str] = {"张": "open_beds", "平方米": "floor_area_m2", "平米": "floor_area_m2"}

# Yes/no facts: the words that state them (as true).
YES_WORDS: dict[str, tuple[str, ...]] = {
    "local_government_support": (
        "党委政府支持",
        "政府支持",
        "党委支持",
        "政府同意",
        "表态支持",
        "县里支持",
        "区里支持",
        "市里支持",
    ),
    "outsourced_departments": ("承包", "包给", "外包", "出租", "租给", "转包"),
    "major_malpractice_last_2_years": ("医疗事故",),
    "insurance_fraud_penalty": ("骗保", "套取医保", "骗取医保", "套保", "医保处罚"),
    "urban_rural_fringe": ("城乡结合部", "城郊结合部"),
    "demonstration_center": ("示范社区卫生服务中心", "示范中心", "省级示范", "国家级示范", "百强", "百家乡镇卫生院"),
    "has_district_featured_department": ("区县级特色科室", "区级特色科室", "县级特色科室"),
    "serious_inspection_findings": ("严重问题",),
}
# Choice facts: word -> value, longest first.
CHOICE_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "institution_type": (
        ("乡镇卫生院", "township_health_center"),
        ("社区卫生服务中心", "community_health_center"),
        ("社区服务中心", "community_health_center"),
        ("卫生院", "township_health_center"),
    ),
    "service_capability_level": (("推荐标准", "recommended"), ("基本标准", "basic")),
}
# Grades: 甲级 passes; 乙级 passes for a township health centre (乡镇乙级以上) only.
GRADE_FIELD = "community_grade_a"
GRADE_WORDS = ("甲级", "乙级", "丙级")

NEGATIONS = ("还没有", "尚未", "没有", "还没", "并未", "未能", "没", "不", "未", "无", "非")
# Question forms that contain a negation character without negating (能不能, 有没有).
_NOT_NEGATING = re.compile(
    r"能不能|是不是|有没有|要不要|可不可以|行不行|会不会|算不算|够不够|影不影响|符不符合|达没达|不知道|不清楚"
)
NEGATION_REACH = 6  # characters before the fact word, within its clause
_CLAUSE_END = re.compile(r"[，,。；;！!？?\s]")

_NUMBER = r"(?:百分之)?[0-9.,零〇一二两三四五六七八九十百千万点]*[0-9零〇一二两三四五六七八九十百千万]"
_UNIT = r"个百分点|百分点|%|平方米|平米|平方|平|m2|张|名|个|位|人次|人|种|所|家|支|成|万"
_FILLER = (
    r"(?:是|有|为|达|达到|才|只有|只|仅有|仅|约|大约|大概|差不多|将近|接近|共|一共|:|在|了|都|已经|已|现有|目前|\s)*"
)
_AFTER = re.compile(f"^{_FILLER}(?P<num>{_NUMBER})(?P<unit>{_UNIT})?")
_BEFORE = re.compile(f"(?P<num>{_NUMBER})(?P<unit>{_UNIT})?(?:的)?$")
_ANY = re.compile(f"(?P<num>{_NUMBER})(?P<unit>{_UNIT})")
_RATE = re.compile(r"每[^，,。\s]{0,4}$")  # "每万人2个": a rule's figure, not the institution's


@dataclass(frozen=True)
class Stated:
    """One fact read from the question: the profile field, its value, the words it was read from."""

    field: str
    value: Any
    words: str


def read_situation(text: str, specs: Mapping[str, FieldSpec]) -> dict[str, Stated]:
    """The facts a question states about the institution, by field (first mention wins)."""
    t = fold_chinese(text)
    found: dict[str, Stated] = {}
    for stated in (*_numbers(t, specs), *_yes_no(t, specs), *_choices(t, specs), *_grade(t, specs)):
        found.setdefault(stated.field, stated)
    return found


def _word_spans(t: str) -> list[tuple[int, int, str]]:
    """(start, end, field) of every numeric field word, longest at each position, left to right."""
    words = sorted(((w, f) for f, ws in NUMBER_WORDS.items() for w in ws), key=lambda x: -len(x[0]))
    spans = []
    i = 0
    while i < len(t):
        hit = next(((w, f) for w, f in words if t.startswith(w, i)), None)
        if hit:
            spans.append((i, i + len(hit[0]), hit[1]))
            i += len(hit[0])
        else:
            i += 1
    return spans


def _numbers(t: str, specs: Mapping[str, FieldSpec]) -> list[Stated]:
    out: list[Stated] = []
    used: list[tuple[int, int]] = []
    for start, end, name in _word_spans(t):
        spec = specs.get(name)
        if spec is None:
            continue
        after = _AFTER.match(t[end:])
        before = _BEFORE.search(t[max(0, start - 12) : start])
        for m, offset in ((after, end), (before, max(0, start - 12))):
            if m is None or _RATE.search(t[max(0, offset + m.start("num") - 6) : offset + m.start("num")]):
                continue
            value = _parse(m["num"], m["unit"] or "", spec)
            if value is not None:
                out.append(Stated(name, value, t[min(start, offset + m.start()) : max(end, offset + m.end())]))
                used.append((offset + m.start(), offset + m.end()))
                break
    for m in _ANY.finditer(t):
        name = UNIT_FIELDS.get(m["unit"])
        spec = specs.get(name or "")
        if (
            spec is None
            or any(a <= m.start() < b for a, b in used)
            or _RATE.search(t[max(0, m.start() - 6) : m.start()])
        ):
            continue
        value = _parse(m["num"], m["unit"], spec)
        if value is not None:
            out.append(Stated(spec.name, value, m.group()))
    return out


def _parse(number: str, unit: str, spec: FieldSpec) -> int | float | None:
    """The value of a number and its unit for a field, or None when it does not fit the field."""
    if unit == "成":  # 九成 = 90 %
        parsed = parse_quantity(number, spec)
        if isinstance(parsed, ParsedValue) and spec.kind == "percent" and parsed.value <= 10:
            return parsed.value * 10
        return None
    parsed = parse_quantity(number + unit, spec)
    if not isinstance(parsed, ParsedValue) or parsed.confirm_percent:
        return None
    return parsed.value


def _negated(t: str, start: int) -> bool:
    """A negation in the clause right before position `start` (没有发生医疗事故, 县里还没表态支持)."""
    window = t[max(0, start - NEGATION_REACH) : start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(window)), default=0)
    window = _NOT_NEGATING.sub("", window[cut:])
    return any(n in window for n in NEGATIONS)


def _yes_no(t: str, specs: Mapping[str, FieldSpec]) -> list[Stated]:
    out = []
    for name, words in YES_WORDS.items():
        if name not in specs:
            continue
        for w in words:
            i = t.find(w)
            if i >= 0:
                out.append(Stated(name, not _negated(t, i), w))
                break
    return out


def _choices(t: str, specs: Mapping[str, FieldSpec]) -> list[Stated]:
    out = []
    for name, pairs in CHOICE_WORDS.items():
        if name not in specs:
            continue
        hits = [(t.find(w), w, v) for w, v in pairs if w in t]
        hits = [h for h in hits if not _negated(t, h[0])]
        if hits:
            _, w, v = min(hits)
            out.append(Stated(name, v, w))
    return out


def _grade(t: str, specs: Mapping[str, FieldSpec]) -> list[Stated]:
    if GRADE_FIELD not in specs:
        return []
    hits = [(t.find(w), w) for w in GRADE_WORDS if w in t]
    if not hits:
        return []
    i, w = min(hits)
    township = "卫生院" in t and "社区卫生服务中心" not in t
    passes = w == "甲级" or (w == "乙级" and township)
    return [Stated(GRADE_FIELD, passes != _negated(t, i), w)]
