"""What a question asks about most narrowly (its focus): the thing a measure is of, the service a
modal asks about, a thing named by an acronym. The subject check (subject.py) refuses an entry that
holds none of a focus word, however much of the rest of the question it holds.

A measure (率, 比例, 占比) is of something: 抗菌药物使用率 is not 床位使用率, 电子健康档案建档率 is not
档案开放率, though the search folds 使用率 into 床位使用率 and finds 档案 in the open-records entry. The
words just before the measure, back to 的, a comma or a question word, are what it is of (抗菌 药物);
a measure word that is itself unknown to the entry (建档率) is its own focus.

"卫生院能不能做剖宫产手术", "社区医院可以开设产科吗": an institution and a modal around a service; what
is asked is the service (剖宫产, 产科), not whether the institution may apply. The words after the
modal's verb, up to the particle or the end, are the focus.

An acronym (CT, DR, ICU) names one thing: an entry that never names it is about something else
(社区医院的CT需要办什么许可证 is not the licence naming entry's question).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Words a measure is named by: a rate (…率), a share (比例, 占比 read as 占 + 比).
MEASURE_WORDS = frozenset({"率", "比例", "占比", "比重", "比"})
# Words that end the phrase a measure is of, reading back from it (the rest is the measure's owner:
# 基层医疗机构的 | 抗菌药物使用率).
PHRASE_STOPS = frozenset({"的", "之", "中", "里", "和", "与", "及", "或", "占", "在", "对", "要", "是", "有"})
# Modals asking whether something may be done, and the verbs of doing a service after them.
MODALS = frozenset({"能不能", "能否", "可以", "可不可以", "能", "允许", "准许"})
# 设/配 too: 卫生院可以设康复科吗 was read as whether a 卫生院 may apply (brk9 F2). Not 建/办: 能不能建社区
# 医院 asks whether the institution may apply.
SERVICE_VERBS = frozenset({"做", "开展", "开设", "设置", "设立", "开", "提供", "搞", "设", "配", "配备", "配置"})
# Heads naming the institution (question_cues.yaml `heads`): with a service asked about (卫生院能不能开设
# 发热门诊) the institution is who asks, not what is asked — an entry need not name it (brk9 F1: the
# fever-clinic entry was only suggested, after the who-may-apply entries that name 卫生院).
INSTITUTION_HEADS = frozenset({"township"})
# Words that end the service phrase (吗, 呢, a comma: the question ends there).
SERVICE_STOPS = frozenset({"吗", "么", "呢", "吧", "啊", "的", "和", "或", "还是", "不"})
ACRONYM = re.compile(r"^[a-z]{2,5}$")  # the analyser lowercases: ct, dr, icu


def is_acronym(word: str) -> bool:
    """A Latin acronym of 2–5 letters (ct, icu): the name of one thing."""
    return bool(ACRONYM.match(word))


def _is_cjk_word(word: str) -> bool:
    return bool(word) and all("\u4e00" <= c <= "\u9fff" for c in word)


def measure_phrases(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """What each measure of `words` is of (抗菌 药物 before 使用率: 抗菌药物), and the rate words
    themselves (建档率, run together by the caller from 建 档 率; subject.py keeps one only when no
    entry has it: 使用率 folded into the entries' 床位使用率 is their word, whatever stood before it)."""
    owners: list[str] = []
    rates: list[str] = []
    for k, w in enumerate(words):
        is_measure = w in MEASURE_WORDS or (len(w) >= 2 and w.endswith("率"))
        if not is_measure or (w == "比" and (k == 0 or words[k - 1] != "占")):
            continue
        start = k - 1 if w == "比" else k  # 占 + 比: the phrase ends before 占
        owner: list[str] = []
        for j in range(start - 1, -1, -1):
            if words[j] in PHRASE_STOPS or not _is_cjk_word(words[j]):
                break
            owner.insert(0, words[j])
        rate = ""
        if w.endswith("率"):
            # 建 档 率: the rate is the run of single characters before 率 and 率
            run = [w]
            for j in range(k - 1, -1, -1):
                if len(w) > 1 or len(words[j]) != 1 or not _is_cjk_word(words[j]):
                    break
                run.insert(0, words[j])
            rate = "".join(run)
            rates.append(rate)
        if owner:
            owners.append("".join(owner))
            if len(rate) >= 2:
                owners.append(rate)  # 处方合格率: of this owner, this rate (达标率 is not 占比)
    return owners, rates


def service_phrases(words: Sequence[str]) -> list[str]:
    """The text of the service a modal asks about (能不能 + 开展 + 血液透析 → 血液透析)."""
    return ["".join(run) for run in service_runs(words)]


def service_runs(words: Sequence[str]) -> list[list[str]]:
    """The words of each service a modal asks about (能不能 + 开设 + 康复科 → [康复科])."""
    runs: list[list[str]] = []
    for k in range(len(words) - 1):
        modal = words[k] in MODALS or (words[k] == "能" and k + 1 < len(words) and words[k + 1] == "不能")
        if not modal:
            continue
        j = k + 1
        while j < len(words) and words[j] in ("不能", "否", "不可以"):
            j += 1
        if j >= len(words) or words[j] not in SERVICE_VERBS:
            continue
        service: list[str] = []
        for w in words[j + 1 :]:
            if w in SERVICE_STOPS or not (_is_cjk_word(w) or is_acronym(w)):
                break
            service.append(w)
        if service:
            runs.append(service)
    return runs


def acronyms(words: Sequence[str], question: str) -> list[str]:
    """The acronyms of `words` written as such in the question (CT, ICU: capitals, not a pinyin
    slip like jiben)."""
    return [w for w in words if is_acronym(w) and w.upper() in question]
