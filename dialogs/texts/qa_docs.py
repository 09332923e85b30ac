"""What the assistant says about texts in force, terms the texts leave unexplained and figures of the
rules asked to be confirmed (dialogs/qa/doc_number.py, doc_standing.py, in_force.py, term_in_text.py,
premise.py); re-exported by dialogs.texts.qa."""

from __future__ import annotations

# Questions about whether a text still applies, when no entry is sure.
# A document asked about by name, "还有效吗" (dialogs/qa/doc_number.py).
DOC_PERIOD = "{number}《{short}》的适用期：{span}。"
DOC_SPAN = "{start}至{end}"
DOC_SPAN_OPEN = "{start}起，文件没有写截止日期"
DOC_INFERRED = "（起止按文件标题或文号推定）"
DOC_PAST = "今天（{today}）已过了适用期，不能当作现行规定。"
DOC_IN_FORCE = "今天（{today}）仍在适用期内。"
DOC_OPEN = "它是否已被后来的文件替代，见下面“适用文件”一行。"
DOC_ASK_LATER = "之后是否有新的文件，本助手没有收录，请向当地卫生健康行政部门确认。"
# An open-ended text's standing point by point (dialogs/qa/doc_number.py): no loaded text repeals it,
# but a later one may have changed some points and left others unsaid.
DOC_NOT_REPEALED = "收录的文件里没有哪一份写明废止或替代它。"
DOC_BY_POINT = "按事项看："
DOC_JOIN = "、"
DOC_YEARS = "{start}—{end}年"
# 17号 never says it replaces 5号: what the later text gives, and that it does not say so (newcomer trial 7, N10)
DOC_CHANGED = "· {point}：后来的{later}写的是——{says}（{later}没有说它替代{number}）。"
# The standing first, in one sentence, before the period and the points (N10, N11).
DOC_LEAD_PARTLY = "简单说：收录的文件没有写明{number}已废止，但有的事项后来的文件另有写法，只能部分参照，见下。"
# A line that says which text governs today (dialogs/texts/common.py GOVERNING; dialogs/qa/in_force.py).
GOVERNING_MARK = "📜"
# A region's answer with no figure, the region requiring the 2019 basic standard (dialogs/qa/compare_news.py).
STANDARD_ALSO_REPORTED = "{region}要求{title}；这份标准的原文本助手没有，新闻报道转述的是："
# A dated official target asked about now: the later plan's target as reported (dialogs/qa/later_plan.py).
LATER_PLAN_REPORTED = "上面是{number}当时（{year}年）的目标。之后的目标只见于新闻报道（正式文件本助手没有收录）："
DOC_LEAD_STILL = "简单说：收录的文件没有写明{number}已废止，也没有后来的文件另写它的事项，按收录的文件仍可参照。"
DOC_NOT_RESTATED = "· {point}：{later}没有重申；{number}的规定是——{says}。现在是否仍执行，请向{ask}确认。"
DOC_STILL = "· {point}：仍以{number}为准——{says}。"
DOC_LATEST_ENDED = "本助手收录的最新文件{number}已于{end}到期，之后的文件尚未收录，请向{ask}确认当年的安排。"
DOC_LATER_REPORTED = "另据新闻报道，后来还有《{short}》（{span}），全文未收录，它与本文件的关系请以官方原文为准。"
# A text the loaded ones cite but the assistant does not hold, asked whether it is current
# (dialogs/qa/cited_standing.py).
CITED_NAME = "《{name}》{number}：本助手没有它的原文，只有新闻报道的转述和收录文件对它的引用。"
CITED_NUMBER = "（{number}）"
# The year a cited text was issued, read from its 文号 (〔2019〕), and the date of the reports about it: "哪年出的"
# was left unanswered beside its standing (sealed set 10, s10b092).
CITED_ISSUED = "它是{year}年印发的（年份取自文号〔{year}〕，具体印发日期本助手没有；新闻报道的日期是{reported}）。"
CITED_SPAN = "据新闻报道，它管的是{span}"
CITED_OVER = "；今天（{today}）已过了这个期限，之后的安排本助手没有收录。"
CITED_OPEN = "；今天（{today}）仍在这个期限内。"
CITED_TEXT = "{number}（{year}年）"
CITED_BY = "收录的文件中有{count}份把它作为依据：{texts}；最晚到{last}年的文件仍在引用它。"
CITED_NOT_REPLACED = "收录的文件里没有哪一份说它已经修订、废止或被替代，本助手也没有收录它的新版本。"
CITED_ASK = "现在是否仍是现行版本，请以国家卫生健康委发布的文件为准，或向当地卫生健康行政部门确认。"
IN_FORCE_HEADER = "按收录的文件，今天适用的是："
# Which of a region's texts applies: each point's governing text today follows.
IN_FORCE_WHICH = "{region}收录的文件各管不同的事项，今天各事项适用的是："
IN_FORCE_RELATED = "相关的规定（点选查看）："

# A figure of the rules asked to be confirmed (dialogs/qa/premise.py).
PREMISE_RIGHT = "对，{label}的要求是{limit}。"
PREMISE_WRONG = "不是{said}：{label}的要求是{limit}。"
PREMISE_ONE_OF = "这只是其中一项条件，其他条件也要同时达到。"
# A term the texts use without explaining it (dialogs/qa/term_in_text.py).
TERM_NOT_EXPLAINED = "收录的文件没有解释“{term}”：没有给出定义，没有列出具体包括哪些，也没有说明怎么算、算不算在内。"
TERM_USED_HERE = "原文用到它的地方："
TERM_SENTENCE = "· “{sentence}”——{where}"
TERM_ASK = "具体口径请向当地卫生健康行政部门（基层卫生科）确认。"

# When a named text was issued (dialogs/qa/doc_issued.py): the date and issuer of documents.yaml.
DOC_ISSUED = "{number}《{title}》由{issuer}于{date}印发。"
DOC_ISSUED_YEAR = "{number}《{title}》是{year}年的文件（{issuer}）：文件本身没有写印发日期，{why}。"
DOC_YEAR_FROM_NUMBER = "年份取自文号"
DOC_YEAR_FROM_TASKS = "年份取自它安排的年度任务"
# "今年…几家" answered with an earlier year's figures (dialogs/qa/in_force.py)
PAST_YEAR_FIGURES = "{year}年的数字本助手没有收录；下面是收录的文件里{past}的安排："
PAST_YEAR_ONE = "{year}年"
PAST_YEARS_UP_TO = "{year}年及以前"
# Whether a named date recurs (dialogs/qa/yearly.py): said first, the entries stating it after.
YEARLY_MIXED = "不全是：文件里的{date}，有的是只管{years}的日期，有的是每年的日期，分别见下。"
YEARLY_ONE_OFF = "不是每年都这样：文件里的{date}只是{years}的日期，见下。"
YEARLY_EVERY = "文件写的是每年{date}前，见下。"
YEARLY_JOIN = "、"
YEARLY_DATE = "{m}月{d}日"
YEARLY_YEAR = "{year}年"
# A method question the entry answers in part (dialogs/qa/method_leads.py): the share's base in the rule's own
# words, or plainly what the texts leave unsaid.
METHOD_DENOMINATOR = "分母是“{whole}”：文件写的是“{part}占{whole}的比例”。"
METHOD_NUMERATOR = "分子是“{part}”：文件写的是“{part}占{whole}的比例”。"
METHOD_NOT_MEASURED = "收录的文件没有规定“{term}”怎么测评，也没有规定样本量（抽多少人）。文件里与它有关的规定是："
METHOD_BASIS_NOT_GIVEN = "收录的文件没有规定按{a}还是按{b}算（没有给出统计口径）。文件里与它有关的规定是："
# A year's figure asked that the texts do not give (dialogs/qa/year_asked.py): said first, before another year's.
YEAR_NOT_COVERED = "收录的文件没有给出{year}年的数字；下面是文件里{years}的安排，不能当作{year}年的："
YEAR_LIST_JOIN = "、"
YEAR_ONE = "{year}年"
