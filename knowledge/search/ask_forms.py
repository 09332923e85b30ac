"""Forms of asking that the cue lists of question_cues.yaml cannot hold as words (read by
knowledge/search/intent.py), each from sealed set 6's hand-judged misses:

- A-not-A (变不变, 降没降) asks, whatever the verb: "第一名称变不变？财政补助会不会降？" was read as one
  question, its first part context (s6a084);
- 是个啥东西 asks what a thing is, not for papers (要交啥东西 does);
- a per-unit denominator (每张床配几个卫生技术人员) is not what is counted: it asked beds (s6a025).
"""

from __future__ import annotations

import re

A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")  # 变不变, 改没改
# 是个啥东西 asks what a thing is, not for papers (要交啥东西)
WHAT_THING = re.compile(r"是个?(?:啥|什么)(?:东西|玩意儿?)")
# A per-unit denominator (每张床配几个人, 每床位几名护士): the beds divide, they are not what is counted.
PER_UNIT = re.compile(
    r"每一?(?:张|个)?床位?|一(?:张|个)床位?(?=[要得需]?配)|每万(?:名|个)?(?:常住|服务)?人口?|(?:床|医)[护人医]比"
)
# Not a time: 哪几个月 / 哪几天 ask when, neither a list nor how many (question_cues.yaml's time words).
WHEN_FEW = re.compile(r"哪几个?[月天号日年]")
WHICH_FEW = re.compile(r"哪几(?:种|个|项|类|家|条|所|方面|部分)?(?!个?[月天号日年])")
# 多大 of a share (多大比例, 多大的占比) asks how large the share is, not an area (sealed set 7, s7a016: "多大比例"
# beside "多少家" was said unanswered though the first part's entry gives 80%).
SHARE_SIZE = re.compile(r"多大(?:的)?(?=比例|占比|比重)")
