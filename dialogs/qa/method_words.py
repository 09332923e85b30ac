"""Words of a method question's answer (method.py): an answer that names how a figure is counted, or
says itself that no method is given, has one of these; a threshold ("75%以上") has none, whatever
else it says is not given (报道没有给出原文措辞 is about the wording, not the method)."""

from __future__ import annotations

from core.lazy_re import lazy

METHOD_GIVEN = lazy(r"计算|算法|除以|公式|÷|×|口径|统计|是指|指的是|定义|意思是|也就是")
# A clause that says what a text does not give ("方案没有规定按哪一年、怎么计算", "也没有说按哪一段时间
# 统计"): its 计算/统计 names the method missing, not a method given.
NOT_GIVEN_CLAUSE = lazy(r"[^。；;，,：:]*(?:没有|未|不)(?:给出|规定|写|说|定义|明确|解释|提)[^。；;，,]*")
# The opening sentence says the texts give no method or definition.
SAYS_NOT_GIVEN = lazy(r"没有(?:给出|规定|写明|定义|说明|解释)|未(?:给出|规定|定义|说明)|没有找到")
# "2倍" restates a rule's multiple, never a figure of the institution (服务人口2倍 is not 2 people): needed.py
MULTIPLE = lazy(r"\d+(?:\.\d+)?倍(?:以上)?")
# A count field's label without its 数 (全科医生数 -> 全科医生): how a question names the count.
COUNT_SUFFIX = "数"
# Asking what an enumeration holds or whether something is counted in (term_in_text.py): "具体是哪66个",
# "这4类指的是哪4类", "家庭病床能算进实际开放床位吗".
LISTED_ASKED = lazy(
    r"是哪些|具体是哪|具体是啥|具体是什么|具体有哪|指的是哪|都是哪|是哪几|分别是|哪[0-9一二三四五六七八九十]+[个类项种]"
)
INCLUDED_ASKED = lazy(r"(?:能|可以|可不可以|能不能)?(?:算进|算入|计入|算在|纳入|包括进)")
# Quoted words of a text in a question (“4类6项”, "医防融合", 「社区甲级」).
QUOTED = lazy(r"[“\"「『‘]([^”\"」』’]{2,30})[”\"」』’]")
# Words around a term that are not the term (这个, 能, 到底, 方案里说的 …).
TERM_FILLER = lazy(
    r"^(?:方案里说的|文件里说的|方案说的|文件说的|方案里的|文件里的|这个|那个|这|那)|(?:能|可以|可不可以|能不能|到底|究竟|具体)$"
)
# A sentence defines its term when what follows the term starts so ("…是指…", "即…").
DEFINES = lazy(r"^(?:是指|指的是|即|就是|是)")
# A count that names what it counts in the text after it (66个 -> 66个病种).
COUNTED = lazy(r"[0-9]+[个类项种名家]$")
# After a 怎么算 question, the one thing asked to be counted in or not ("每床0.7个人是咋算的 护士算不算",
# "业务用房怎么算，食堂算不算"; question_parts.py keeps it with the question): sealed set 9, s9a097.
COUNTED_IN_TAIL = lazy(
    r"[，,\s]+(?P<thing>[\u3400-\u9fff]{1,6}?)(?:也)?(?:算不算|算吗|算不算在内|算在内吗|包括吗|包不包括|计入吗|计不计入)"
    r"(?:呢|啊)?[？?。！!\s]*$"
)
# A figure the question names (0.7, 75%, 3000): the rule it names, where the entry shown holds it.
FIGURE_NAMED = lazy(r"[0-9]+(?:\.[0-9]+)?%?")
# What a share is counted of, asked (分母是啥, 基数是什么, 占谁的) or what it counts (分子是什么): answered from
# the rule's own words "X占Y的比例" where the entry has them (sealed set 10, s10a094 was told "no method given").
DENOMINATOR_ASKED = lazy(r"分母|基数|占谁|占什么|占哪个")
NUMERATOR_ASKED = lazy(r"分子")
RATIO_OF = lazy(
    r"(?P<part>[\u4e00-\u9fff]{2,12}?)占(?P<whole>[\u4e00-\u9fff]{2,16}?)(?:总数|总量)?的?(?:比例|比重|百分比)"
)
# Words before a share's counted part that are not it (吉林要求公共卫生人员占… counts 公共卫生人员).
RATIO_PART_CUT = lazy(r"要求|规定|按照|其中|明确|提出|[，,：:“”（）()]")
# How a figure is measured asked (怎么测, 样本多少, 抽多少): said plainly not given when the entry says nothing of it.
MEASURE_ASKED = lazy(r"测|样本|抽样|抽多少|调查")
MEASURE_SAID = lazy(r"样本|抽样|抽取|抽查|问卷")
# A basis of counting asked as a choice (按户籍人口还是常住人口算): the two sides, said not chosen by the texts
# when the entry names neither (sealed set 10, s10a095).
BASIS_PAIR = lazy(
    r"按(?P<a>[^，,。？?还]{1,12}?)(?:来)?(?:算|计算|统计|计)?还是(?:按)?(?P<b>[^，,。？?]{1,12}?)(?:来)?"
    r"(?:算|计算|统计|计|除|核定|认定)"
)
# A figure the question names with its unit (1万人, 80%, 30张): the entry holding it is the rule asked about.
FIGURE_WITH_UNIT = lazy(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?:%|万|千|张|人|平方米|平米|家|名|个|项|天|次)")
