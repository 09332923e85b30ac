"""Words saying what a question stating the institution's facts asks (input vocabulary, nothing here is
shown): whether it qualifies (ASKS_IF), what it still needs or which stated figure fails (NEEDS_ASKS), or
something else (OTHER_ASKS); and, in a situation with other questions, a part asking about the verdict
itself (ABOUT_VERDICT). Moved out of dialogs/qa/vocabulary.py (at its size limit) as one block."""

from __future__ import annotations

# Words asking whether the institution qualifies ("…在吉林能申请吗").
ASKS_IF = (
    "能申请",
    "直接申请",  # 能直接申请吗 (s7a070)
    "能不能",
    "可以申请",
    "能报",
    "行不行",
    "行吗",
    "够不够",
    "够吗",
    "够格",
    "达标",
    "符合",
    "影响",
    "合格",
    "能验收",
    "能通过",
    "能评",
    "加分",
    "优先",
    "这几条",
    "可以吗",
    "有戏",
    "算不算",
    # asking to build or to hang the sign (能新建社区医院吗, 能搞社区医院建设吗, 能挂社区医院牌子吗: devblind3)
    *("能新建", "能建", "能搞", "能办", "能挂", "能加挂", "能当社区医院", "能成为社区医院"),
)

# A question that asks for something else (多少奖金, 什么时候) is not a situation, unless it also asks
# whether the institution qualifies or what it still needs (ASKS_IF, NEEDS_ASKS; not 申请 or 验收
# alone: "谁来验收" asks who): a situation reply must not swallow an unrelated question.
OTHER_ASKS = ("多少", "几", "什么", "啥", "哪", "谁", "怎么", "何时", "咋")
NEEDS_ASKS = (
    "条件",
    "标准",
    "过得去",
    "能过",
    "怎么样",
    "这几条",
    "这几项",
    "还差",
    "差几",
    "差多少",
    "要配",
    "要几",
    "要多少",
    "需要几",
    "需要多少",
    "够",
    "卡",
    "达标",
    # 哪项不行, 哪几条不达标: which of the stated figures fails (devblind3 d3024)
    *("哪项", "哪条", "哪几项", "哪几条", "哪一项", "哪一条", "哪些项", "哪些条"),
    *("差在", "哪里不", "哪儿不", "哪方面不", "问题在哪", "短板在哪"),  # 差在哪, 哪里不够: the same ask
)

# In a situation with other questions (mixed.py): a part asking about the verdict itself, not a rule.
ABOUT_VERDICT = ("还差", "差几", "差多少", "够", "达标", "能过", "过得去", "这几条", "这几项")
