"""Words of figures a director gives as parts of something (dialogs/qa/counts.py): a share told as two
counts, the members of a list under one heading, and how a share's label names its part. Input
vocabulary: nothing here is shown to users."""

from __future__ import annotations

import re

# A share told as two counts (field -> words of the part, of the whole), the words between a count's name
# and its figure; members of a list under one heading (满意度: 患者85%) are named member + heading.
_WHOLE = "(?<![卫员])编制"  # 专技编制80个 (s067): the whole's short form; 编制40个，其中公卫8个 (trial 6, N13)
SHARE_COUNTS = {
    "public_health_staff_share": (
        # 公卫的人18个, 搞公卫的有18个 (s7a066); 卫技人员60人，其中公卫12人: the staff counted as the whole
        ("公共卫生人员", "公卫人员", "公卫的人员", "公卫的人", "公卫的", "公卫"),
        ("专业技术人员", "专技人员", "专技", "(?<!非)卫生技术人员", "(?<!非)卫技人员", _WHOLE),
    ),
}
# 公卫人员只有8个, 公卫就18个 (sealed sets 5 and 7): a particle before the count
# 公卫的有九个, 编制四十，公卫九个: a 的 before the count, the unit left off before a break (trial 7, N13)
# 公卫占九个 (brk9 Q5): 占 before the count.
COUNT_LEAD = r"[:：]?的?(?:编制)?(?:只|就|才|仅|一共|共|现)?(?:有|是|为|占)?"
# The count before the name (四十个编制里公卫占九个, 40个专技编制: brk9 Q5): its unit, then an optional 的.
COUNT_FIRST_TAIL = r"(?:个|人|名|位)?的?"
# After a part's name counted first, not a physician (2个公卫医师: another field, public_health_physicians).
COUNT_FIRST_NOT = r"(?!医)"
COUNT_UNIT = r"(?:个|人|名|位|(?=[,，;；。\s]|$))"
CONTEXT_NAMES = {"满意度": ("患者", "病人", "签约居民", "签约群众", "机构职工", "职工", "员工")}
# A share's label names its part before 占 (公共卫生人员占专业技术人员编制比例 -> 公共卫生人员): need.py.
PART_LABEL = re.compile("(?P<part>.+?)占")
DEFAULT_UNIT = "人"  # a count told without its unit (编制四十，公卫九个): staff are counted in 人
