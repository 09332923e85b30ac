"""The words naming each numeric profile field, as directors type them (input vocabulary): read by the
Q&A's situation reader (dialogs/qa/facts.py, next to a figure) and by the questionnaire's parser
(dialogs/quantities.py: "床位30张" at the beds question is 30). One list, so the two readers agree."""

from __future__ import annotations

import re

# The words naming each numeric field; at each position the longest word of any field wins
# (床位使用率 is the occupancy rate, not the beds).
NUMBER_WORDS: dict[str, tuple[str, ...]] = {
    "open_beds": ("实际开放床位数", "实际开放床位", "开放床位数", "开放床位", "床位数", "床位", "病床", "床"),
    "bed_occupancy_rate": (
        *("床位使用率", "病床使用率", "床位利用率", "床位用率", "使用率", "利用率"),
        # said the way a ward is (床位占用率80%, 入住率八成, 平时住满七八成)
        *("床位占用率", "病床占用率", "占用率", "入住率", "住满"),
    ),
    "floor_area_m2": (
        *("业务用房建筑面积", "业务用房面积", "业务用房", "建筑面积", "用房面积", "房屋面积", "面积", "用房"),
    ),
    "featured_department_daily_visits": (
        *("特色科室日均门诊量", "特色科室日均门诊", "特色科室门诊量", "日均门诊量", "日均门诊"),
    ),
    "annual_visits": ("年诊疗人次数", "年诊疗人次", "年诊疗量", "年诊疗", "诊疗人次", "诊疗量"),
    "resident_population": ("辖区常住人口", "常住人口", "服务人口", "辖区人口", "辖区居民", "人口", "辖区", "常住"),
    "general_practitioners": ("全科医生", "全科医师", "全科大夫"),
    "tcm_herbal_pieces": ("中药饮片", "饮片"),
    "tcm_prescription_share": (
        *("门诊中医处方占比", "中医处方占比", "中医处方比例", "中医处方", "门诊处方占比", "处方占比", "处方比例"),
    ),
    "elite_family_doctor_teams": ("精品家庭医生服务团队", "精品家庭医生团队", "精品家医团队", "精品团队"),
    "patient_satisfaction": ("患者满意度", "病人满意度"),
    "signed_resident_satisfaction": ("签约群众满意度", "签约居民满意度", "签约满意度"),
    "staff_satisfaction": ("机构职工满意度", "职工满意度", "员工满意度"),
    "public_health_staff_share": (
        *("公共卫生人员占比", "公卫人员占比", "公共卫生人员比例", "公卫人员比例", "公共卫生人员", "公卫人员"),
    ),
    "public_health_physicians": ("公共卫生医师", "公卫医师", "公卫医生"),
    "health_technical_staff": ("卫生技术人员", "卫技人员"),
    "tcm_appropriate_techniques": (
        *("中医药适宜技术", "中医适宜技术", "中医药技术", "中医技术", "适宜技术"),
    ),
    "key_population_record_open_rate": (
        *("重点人群电子健康档案开放率", "重点人群健康档案开放率", "重点人群档案开放率", "电子健康档案开放率"),
        *("电子档案开放率", "健康档案开放率", "档案开放率", "开放率"),
    ),
    # every 非-form of a health_technical_staff word: "非卫技人员占18%" is this share, never 卫技人员 (s071)
    "non_technical_staff_share": (
        *("非卫生技术人员占比", "非卫技人员占比", "非卫生技术人员比例", "非卫技人员比例"),
        *("非卫生技术人员", "非卫技人员", "非卫技", "非技术人员"),
    ),
}

# A /check question about 《社区医院基本标准（试行）》 names it in its label: its why gives the reported figures.
BASIC_STANDARD = "基本标准"

# A range written out with both figures (30-40, 30到40张): a figure is asked for, unlike one said the spoken
# way (十几个, 两三个: dialogs/questionnaire/approximate.py spoken_range).
SPELLED_RANGE = re.compile(r"[-~—～到至]")
