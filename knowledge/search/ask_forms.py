"""Forms of asking that the cue lists of question_cues.yaml cannot hold as words (read by
knowledge/search/intent.py), each from sealed set 6's hand-judged misses:

- A-not-A (变不变, 降没降) asks, whatever the verb: "第一名称变不变？财政补助会不会降？" was read as one
  question, its first part context (s6a084);
- 是个啥东西 asks what a thing is, not for papers (要交啥东西 does);
- an either-or whose two options share their head (老标准还是新标准, 2020年的还是2024年的, 县里报还是市里报) asks
  which: "现在按老标准还是新标准？以前达标的咋办？" was read as one question, its first part context (s7a092);
- replaced by a later text, the text named between (是不是让2024年那个替了, 被17号文替掉了) asks which text
  governs now, not the later text's targets (s7b088);
- a per-unit denominator (每张床配几个卫生技术人员) is not what is counted: it asked beds (s6a025).
"""

from __future__ import annotations

from core.lazy_re import lazy

A_NOT_A = lazy(r"([\u4e00-\u9fff])[不没]\1")  # 变不变, 改没改
# 老标准还是新标准: the options end alike (准 … 准); 我们还是想问 is no choice (no 们 after it)
EITHER_OR = lazy(r"([\u4e00-\u9fff])还是[\u4e00-\u9fff0-9]{0,8}\1")
# 被/让 … 替了: a text replaced by another (not 让别人替我们填: 替 + a person)
REPLACED_BY = lazy(r"[被让给][^，。？?]{1,20}?(?:替[了掉换下]|取代|代替|顶替)")
# 是个啥东西 asks what a thing is, not for papers (要交啥东西)
WHAT_THING = lazy(r"是个?(?:啥|什么)(?:东西|玩意儿?)")
# A per-unit denominator (每张床配几个人, 每床位几名护士): the beds divide, they are not what is counted.
PER_UNIT = lazy(
    r"每一?(?:张|个)?床位?|一(?:张|个)床位?(?=[要得需]?配)|每万(?:名|个)?(?:常住|服务)?人口?|(?:床|医)[护人医]比"
)
# Not a time: 哪几个月 / 哪几天 ask when, neither a list nor how many (question_cues.yaml's time words).
WHEN_FEW = lazy(r"哪几个?[月天号日年]")
WHICH_FEW = lazy(r"哪几(?:种|个|项|类|家|条|所|方面|部分)?(?!个?[月天号日年])")
# 多大 of a share (多大比例, 多大的占比) asks how large the share is, not an area (sealed set 7, s7a016: "多大比例"
# beside "多少家" was said unanswered though the first part's entry gives 80%).
SHARE_SIZE = lazy(r"多大(?:的)?(?=比例|占比|比重)")
# An area asked with a measure word (得多少个平方, 要几个平米; newcomer trial 8): 个 counts square metres, not
# beds — "多少个平方" was read as a count and answered with the bed rule.
AREA_MEASURE = lazy(r"(?:多少|几)个?(?:平方米?|平米|平(?![均台安稳时常]))")

# Papers asked for (要交什么材料, 报哪些东西, 哪张表): beside a time asked, a paper named without these
# (申请表每年几号之前要报到省卫健委, 材料什么时候交) is what the day is asked of, not papers asked for:
# sealed set 8, s8a003 got the 申请表's contents entry for its 申请表 ("not held") instead of its 6月30日.
PAPERS_ASKED = lazy(r"(?:什么|啥|哪些|哪几|哪个|哪张|哪份|几[个份张样])的?(?:申请)?(?:材料|资料|东西|表|附件|申请书)")
ASKING = ("什么", "啥", "哪")  # a materials cue holding one of these asks for papers (交什么, 报哪些)


def asks_by_form(text: str) -> bool:
    """The (folded) text asks by its form alone: A-not-A (变不变) or an either-or (老标准还是新标准)."""
    return bool(A_NOT_A.search(text) or EITHER_OR.search(text))
# 这几年, 前几天, 近几个月, 好几次: a few, not "how many" (newcomer trial 8, N16: "我们这几年一直在搞基础设施建设"
# was read as a question, and a rambling message became 15 "questions").
FEW_NOT_ASKED = lazy(r"(?:这|那|前|近|头|最近|过去|好)几(?=年|天|个月|月|次|回|周|星期)")
# A basis of counting asked as a choice ("按户籍人口还是常住人口算", "按工作日还是按365天除"): a method question,
# whatever other words it has (sealed set 10, s10a095 went to the 2020 plan's entry with no word on the basis).
BASIS_CHOICE = lazy(r"按[^，,。？?]{1,12}还是(?:按)?[^，,。？?]{1,12}?(?:算|计算|统计|计|除|核定|认定)")
