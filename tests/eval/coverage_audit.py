"""Which facts of the stored texts no FAQ entry holds (issue 12: knowledge coverage).

Walks every section of every document (official texts in knowledge/data/sources/, news notes in
knowledge/data/secondary/), splits it into sentences, and keeps those that carry a fact a director
may ask about: a figure, a date, a department, a material or form name, or a prohibition
(不得 / 严禁 / 一票否决 …). For each such sentence it looks for FAQ entries whose citations quote
it (same document, a verified quote overlapping the sentence by at least OVERLAP characters or
the whole sentence), and then for each fact token of the sentence whether one of those entries'
answers states it. A sentence is

  covered   cited by an entry whose answer states every fact token of it;
  partial   cited, but some token is stated by no citing answer (listed);
  uncited   no entry cites it.

    python tests/eval/coverage_audit.py            # counts and the uncited / partial sentences
    python tests/eval/coverage_audit.py --counts   # counts only
    python tests/eval/coverage_audit.py --json     # everything, as JSON

Boilerplate (the annex list, addresses of the issuer, greetings) is not filtered here: the list is
for a person deciding what a director could ask.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from knowledge.base import KnowledgeBase  # noqa: E402
from knowledge.citations import squash  # noqa: E402
from knowledge.faq import FaqEntry  # noqa: E402

OVERLAP = 8  # characters a quote must share with a sentence to count as citing it

_CN_NUM = "零一二两三四五六七八九十百千万"
FIGURE = re.compile(
    rf"(?:[≥≤＞＜><]\s*)?(?:\d+(?:[.,]\d+)?|[{_CN_NUM}]{{1,4}})\s*"
    r"(?:%|％|张|平方米|名|人次|人|家|所|个|项|种|倍|支|条|级|类|万|分|小时|天|周|年(?!\d)|个月)"
)
DATE = re.compile(
    r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日|底|份)|年底|月底|每月\d+日|\d{4}-\d{2}-\d{2}"
)
DEPARTMENT = re.compile(
    r"(?:国家|省|市|区|县|州|地市级|省级|市级|县级|区级|各级|各地|地方)?"
    r"(?:卫生健康委员会|卫生健康委|卫健委|卫生健康行政部门|卫生健康部门|中医药管理局|中医药局|疾病预防控制局|疾控局|"
    r"编制部门|机构编制部门|医保部门|医疗保障局|医保局|财政部门|人力资源社会保障部门|人社部门|发展改革部门|民政部门|"
    r"基层卫生健康司|基层司|社区卫生健康科|医政医管|政府)"
)
MATERIAL = re.compile(
    r"《[^》]{2,40}》|附件\s*\d+"
    r"|[^\s，。；、（）]{0,8}(?:申请表|登记表|汇总表|统计表|报告|名单|方案|清单|台账|证书|许可证)"
)
PROHIBITION = re.compile(r"不得|严禁|禁止|一票否决|不予|不能|取消|撤销|摘牌")
# The force of a statement a director asks about (may I / must I): kept as a fact so that an
# answer restating the sentence has to say it (condition, 原则上, encouraged …).
FORCE = re.compile(r"原则上|鼓励|支持|优先|必须|应当|可纳入|可根据|可授权|不低于|不少于|达到|纳入")
# English notes (secondary/*.md): figures, dates and named bodies.
EN_FIGURE = re.compile(
    r"(?:[≥≤<>]\s*)?\d[\d,]*(?:\.\d+)?\s*"
    r"(?:%|beds?|m²|square metres|people|staff|institutions|hospitals|centres|items?)?"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
EN_DATE = re.compile(rf"\b(?:19|20)\d{{2}}(?:-\d{{2}}(?:-\d{{2}})?)?\b|\b(?:{_MONTHS})\b[^.,;]*\d{{4}}")

# The members of a list (服务、科室、材料 named one after another with 、): each is a fact.
LIST = re.compile(r"[\u4e00-\u9fff]{2,10}(?:、[\u4e00-\u9fff]{2,10})+")
_SENTENCE = re.compile(r"(?<=[。；！？])")
_EN_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(])|\n")


@dataclass
class Sentence:
    document: str
    section: str
    text: str
    facts: list[str]
    citing: list[str] = field(default_factory=list)  # entry ids
    missing: list[str] = field(default_factory=list)  # facts no citing answer states

    @property
    def status(self) -> str:
        if not self.citing:
            return "uncited"
        return "partial" if self.missing else "covered"


def facts_of(text: str, secondary: bool) -> list[str]:
    """The fact tokens of a sentence, in order, each once."""
    found: list[str] = []
    patterns = (EN_FIGURE, EN_DATE) if secondary else (FIGURE, DATE, DEPARTMENT, MATERIAL, PROHIBITION, FORCE)
    for pattern in patterns:
        for m in pattern.finditer(text):
            token = m.group(0).strip()
            if secondary and not re.search(r"\d", token):
                continue
            if secondary and re.fullmatch(r"[A-Z]?\d{1,2}", token):  # item ids B1, P3
                continue
            if token and token not in found:
                found.append(token)
    for m in () if secondary else LIST.finditer(text):
        items = m.group(0).split("、")
        items[0] = items[0][-4:]  # the first member runs into the words before the list
        items[-1] = re.split(r"等|和|及|与", items[-1])[0][:6]  # the last one into the words after it
        found.extend(i for i in items if len(i) >= 2 and i not in found)
    return found


def _own_paragraphs(doc) -> list[tuple[str, str]]:
    """(section, paragraph): each paragraph of the text under the deepest section holding it."""
    out = []
    for para in (p for p in doc.text.split("\n") if p.strip()):
        needle = squash(para)
        holders = [path for path, text in doc.sections.items() if needle in squash(text)]
        deepest = [p for p in holders if not any(o != p and o.startswith(p) for o in holders)]
        out.append((deepest[-1] if deepest else "?", para))
    return out


def sentences(kb: KnowledgeBase) -> list[Sentence]:
    result = []
    for doc_id, doc in kb.documents.items():
        splitter = _EN_SENTENCE if doc.secondary else _SENTENCE
        for section, para in _own_paragraphs(doc):
            for piece in splitter.split(para):
                piece = piece.strip(" |#-*")
                if len(squash(piece)) < 6 or _boilerplate(piece, doc.secondary):
                    continue
                facts = facts_of(piece, doc.secondary)
                if facts:
                    result.append(Sentence(doc_id, section, piece, facts))
    return result


_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．])[^，；]{0,14}[。]?$")
_SIGNATURE = re.compile(r"^[^，。；：]{2,20}(?:委员会|管理局|控制局|卫生健康委)$|^\d{4}年\d{1,2}月\d{1,2}日$")


def _boilerplate(piece: str, secondary: bool) -> bool:
    """A heading alone, a signature line or its date (the document's metadata holds issuer and
    date), or in a news note the line naming where it was read (an address, not a fact)."""
    if secondary:
        return "http" in piece or piece.startswith("Source")
    return bool(_HEADING.match(piece) or _SIGNATURE.match(piece))


def _overlaps(quote: str, sentence: str) -> bool:
    q, s = squash(quote), squash(sentence)
    if q in s or s in q:
        return True
    n = min(OVERLAP, len(q), len(s))
    return any(q[i : i + n] in s for i in range(0, len(q) - n + 1))


def _norm(text: str) -> str:
    return squash(text).replace("％", "%").replace("﹝", "〔").replace("﹞", "〕").lower()


def _stated(fact: str, answer: str) -> bool:
    f, a = _norm(fact), _norm(answer)
    if f in a or (len(f) > 6 and f[-6:] in a):  # a long name, restated by its head word
        return True
    if m := re.fullmatch(r"(\d{4}年)(\d{1,2}月.*)", f):  # 2021年10月 said as 2021年9月至10月
        return m.group(1) in a and m.group(2) in a
    digits = re.sub(r"[^\d.]", "", f)
    if digits.isdigit() and int(digits) >= 10000 and int(digits) % 10000 == 0:  # 10,000 → 1万
        return f"{int(digits) // 10000}万" in a  # a figure restated in other words (≥30张 → 30张)
    return bool(digits) and digits in re.sub(r"[,，]", "", a)


def audit(kb: KnowledgeBase) -> list[Sentence]:
    entries: list[FaqEntry] = kb.faq
    found = sentences(kb)
    for s in found:
        citing = [
            e for e in entries if any(c.document == s.document and _overlaps(c.quote, s.text) for c in e.citations)
        ]
        s.citing = [e.id for e in citing]
        if citing:
            s.missing = [f for f in s.facts if not any(_stated(f, e.answer) for e in citing)]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", action="store_true", help="counts only")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--document", help="only this document")
    parser.add_argument("--root", help="another knowledge/data directory (e.g. main's, for the counts before)")
    parser.add_argument("--status", choices=("uncited", "partial", "covered"), action="append")
    args = parser.parse_args(argv)
    found = audit(KnowledgeBase(Path(args.root)) if args.root else KnowledgeBase())
    if args.document:
        found = [s for s in found if s.document == args.document]
    if args.json:
        print(json.dumps([{**vars(s), "status": s.status} for s in found], ensure_ascii=False, indent=1))
        return 0
    shown = set(args.status or ("uncited", "partial"))
    if not args.counts:
        for s in found:
            if s.status in shown:
                extra = f"  missing: {' / '.join(s.missing)}  [{', '.join(s.citing)}]" if s.status == "partial" else ""
                print(f"{s.status:8} {s.document} {s.section}: {s.text}{extra}")
    per_doc: dict[str, dict[str, int]] = {}
    for s in found:
        per_doc.setdefault(s.document, {"uncited": 0, "partial": 0, "covered": 0})[s.status] += 1
    print(f"\nfact-bearing sentences: {len(found)}")
    for doc_id, counts in per_doc.items():
        print(f"  {doc_id:32} " + "  ".join(f"{k} {v}" for k, v in counts.items()))
    total = {k: sum(c[k] for c in per_doc.values()) for k in ("uncited", "partial", "covered")}
    print("  total                            " + "  ".join(f"{k} {v}" for k, v in total.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
