"""Every substantive clause of the stored texts that no FAQ entry cites (brief kbcov).

coverage_audit.py looks only at fact-bearing sentences (figures, dates, departments, materials,
prohibitions). Directors also ask about principles, goals, tasks and measures, who is responsible
for what, how the review works, service features, training, support policies and the annex forms.
This audit looks at every clause.

A sentence (ending in 。；！？) is split into clauses at ，： and table cells (|); a clause shorter
than MIN_CLAUSE characters joins the next one. Every citation of an entry marks the characters of
its quote in its section as cited (the quote is verified there by `kb check`); a clause is cited
when at least CITED_SHARE of its characters are marked. A sentence is

  cited     every clause cited;
  partial   some clauses cited (the uncited ones are listed);
  uncited   no clause cited.

Boilerplate is left out and counted apart: title and 文号 lines, the addressee line, the issuer's
signature and date, contacts (联系人, 电话, 邮箱, 地址), 抄送 / 印发 lines, page furniture (— 3 —,
第3页), bare headings, links, and the empty cells of a form (年月日, 盖章, 签字).

    python tests/eval/clause_audit.py                 # uncited and partial sentences by section, counts
    python tests/eval/clause_audit.py --counts        # counts per document only
    python tests/eval/clause_audit.py --root /work/main/knowledge/data   # another base (counts before)
    python tests/eval/clause_audit.py --json
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
from tests.eval.coverage_audit import _own_paragraphs  # noqa: E402

MIN_CLAUSE = 6  # characters (whitespace left out); a shorter clause joins the next
CITED_SHARE = 0.5  # share of a clause's characters a quote must cover

_SENTENCE = re.compile(r"(?<=[。；！？])")
_CLAUSE = re.compile(r"(?<=[，：:|]|,(?!\d))")
_EN_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(])")

_NUM = "一二三四五六七八九十"
_ANNEX_ITEM = r"[^，；。]*(?:表|标准|名单)(?:（[^）]*）)?$"
BOILERPLATE = [
    # a numbered line alone, not an item of the annex list (2.重庆市社区医院信息表)
    ("heading", re.compile(rf"^(?:[{_NUM}]+、|（[{_NUM}]+）|\d+[.．])(?!{_ANNEX_ITEM})[^，；。]{{0,16}}[。]?$")),
    ("title", re.compile(r"^(?!附件)(?:关于[^，。；]{2,60}的通知|[^，。；]{2,40}(?:方案|标准|通知)(?:（[^）]*）)?)$")),
    ("number", re.compile(r"^[^，。；]{1,12}〔\d{4}〕\s*\d+\s*号$")),
    ("addressee", re.compile(r"^各[^。；]{1,80}[：:]$|通知如下[：:]$")),
    ("signature", re.compile(r"^[^，。；：]{2,30}(?:委员会|管理局|控制局|卫生健康委|办公厅)$")),
    ("date", re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^年\s*月\s*日$")),
    ("contact", re.compile(r"^(?:联\s*系\s*人|联系电话|电话|传真|电子邮箱|邮箱|邮寄地址|地址)[：:]|联系人[：:]")),
    ("distribution", re.compile(r"^(?:抄送|印发|公开方式|信息公开)[：:]?|此页无正文")),
    # the transmittal formula of a cover letter (现将《…》印发给你们，请结合实际抓好落实)
    ("transmittal", re.compile(r"^现(?:将[^。]{0,60})?印发给(?:你们|大家|各)|^现印发给")),
    ("page", re.compile(r"^[-—－]\s*\d+\s*[-—－]$|^第\s*\d+\s*页|^\d+$")),
    ("link", re.compile(r"https?://|www\.|mailto:")),
    ("form-blank", re.compile(r"^[^，。；|]{0,10}(?:盖章|签字|签名|填报人|意见|联系电话)[）]?[：:]?$")),
]
EN_BOILERPLATE = [
    ("heading", re.compile(r"^#")),
    ("link", re.compile(r"https?://|www\.")),
    ("source", re.compile(r"^(?:Source|Read|Retrieved)")),
]
# Sections of a news note that describe where it was read, not what was reported.
EN_META_SECTIONS = ("Sources", "Sources read")


def boilerplate(piece: str, secondary: bool = False) -> str | None:
    """The kind of boilerplate a line (or sentence) is, else None."""
    text = piece.strip(" |#-*\t")
    if secondary:
        raw = piece.strip()
        if not re.search(r"\w", raw):  # a table's separator row
            return "empty"
        return next((kind for kind, p in EN_BOILERPLATE if p.search(raw)), None)
    if not squash(text):
        return "empty"
    return next((kind for kind, p in BOILERPLATE if p.search(text)), None)


@dataclass
class Clause:
    text: str
    start: int  # offset in the squashed document text
    end: int
    cited: bool = False


@dataclass
class Sentence:
    document: str
    section: str
    text: str
    clauses: list[Clause]
    citing: set[str] = field(default_factory=set)

    @property
    def status(self) -> str:
        n = sum(c.cited for c in self.clauses)
        return "cited" if n == len(self.clauses) else "partial" if n else "uncited"

    @property
    def uncited(self) -> list[str]:
        return [c.text for c in self.clauses if not c.cited]


def clauses_of(sentence: str, secondary: bool = False) -> list[str]:
    """A sentence's clauses, short ones joined to the next (the last to the one before)."""
    parts = re.split(r"(?<=[,:|])\s+", sentence) if secondary else _CLAUSE.split(sentence)
    out: list[str] = []
    carry = ""
    for part in parts:
        carry += part
        if len(squash(carry.strip(" |"))) >= MIN_CLAUSE:
            out.append(carry)
            carry = ""
    if carry:
        if out:
            out[-1] += carry
        else:
            out.append(carry)
    return out


def _sentences(doc_id: str, doc, skipped: dict[str, int]) -> list[Sentence]:
    flat = squash(doc.text)
    cursor = 0
    result: list[Sentence] = []
    splitter = _EN_SENTENCE if doc.secondary else _SENTENCE
    for section, para in _own_paragraphs(doc):
        where = flat.find(squash(para), cursor)
        if where < 0:
            where = flat.find(squash(para))
        pos = max(where, 0)
        cursor = pos + len(squash(para)) if where >= 0 else cursor
        for piece in splitter.split(para):
            size = len(squash(piece))
            kind = boilerplate(piece, doc.secondary)
            if section in EN_META_SECTIONS or section == "链接":
                kind = "source-notes"
            if kind or size < MIN_CLAUSE:
                skipped[kind or "short"] = skipped.get(kind or "short", 0) + 1
                pos += size
                continue
            clauses = []
            for text in clauses_of(piece, doc.secondary):
                n = len(squash(text))
                clauses.append(Clause(text.strip(), pos, pos + n))
                pos += n
            result.append(Sentence(doc_id, section, piece.strip(" |#-*"), clauses))
    return result


def _cited_spans(doc, citations) -> list[tuple[int, int, str]]:
    """(start, end, entry id) in the squashed document text for each quote, searched in its
    section first (a quote may also occur in another section), else anywhere."""
    flat = squash(doc.text)
    spans = []
    for entry_id, c in citations:
        needle = squash(c.quote)
        section = squash(doc.sections.get(c.section, ""))
        base = flat.find(section) if section else -1
        hits = []
        if base >= 0:
            i = section.find(needle)
            while i >= 0:
                hits.append(base + i)
                i = section.find(needle, i + 1)
        if not hits:
            i = flat.find(needle)
            while i >= 0:
                hits.append(i)
                i = flat.find(needle, i + 1)
        spans.extend((h, h + len(needle), entry_id) for h in hits)
    return spans


def audit(kb: KnowledgeBase) -> tuple[list[Sentence], dict[str, dict[str, int]]]:
    """Every substantive sentence with its clauses marked, and per document the boilerplate left out."""
    found: list[Sentence] = []
    skipped: dict[str, dict[str, int]] = {}
    for doc_id, doc in kb.documents.items():
        citations = [(e.id, c) for e in kb.faq for c in e.citations if c.document == doc_id]
        spans = _cited_spans(doc, citations)
        marks = [False] * (len(squash(doc.text)) + 1)
        for start, end, _ in spans:
            for i in range(start, min(end, len(marks))):
                marks[i] = True
        for s in _sentences(doc_id, doc, skipped.setdefault(doc_id, {})):
            for c in s.clauses:
                size = max(c.end - c.start, 1)
                c.cited = sum(marks[c.start : c.end]) / size >= CITED_SHARE
                if c.cited:
                    s.citing |= {e for a, b, e in spans if a < c.end and b > c.start}
            found.append(s)
    return found, skipped


def counts(found: list[Sentence]) -> dict[str, dict[str, int]]:
    per: dict[str, dict[str, int]] = {}
    for s in found:
        c = per.setdefault(s.document, {"uncited": 0, "partial": 0, "cited": 0, "clauses": 0, "clauses uncited": 0})
        c[s.status] += 1
        c["clauses"] += len(s.clauses)
        c["clauses uncited"] += len(s.uncited)
    return per


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", action="store_true", help="counts only")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--document", help="only this document")
    parser.add_argument("--root", help="another knowledge/data directory (e.g. main's, for the counts before)")
    parser.add_argument("--partial", action="store_true", help="list partly cited sentences too")
    args = parser.parse_args(argv)
    found, skipped = audit(KnowledgeBase(Path(args.root)) if args.root else KnowledgeBase())
    if args.document:
        found = [s for s in found if s.document == args.document]
    if args.json:
        rows = [
            {
                "document": s.document,
                "section": s.section,
                "text": s.text,
                "status": s.status,
                "uncited": s.uncited,
                "citing": sorted(s.citing),
            }
            for s in found
        ]
        print(json.dumps({"sentences": rows, "boilerplate": skipped}, ensure_ascii=False, indent=1))
        return 0
    if not args.counts:
        last = None
        for s in found:
            if s.status == "cited" or (s.status == "partial" and not args.partial):
                continue
            if (s.document, s.section) != last:
                print(f"\n== {s.document} {s.section}")
                last = (s.document, s.section)
            what = s.text if s.status == "uncited" else " / ".join(s.uncited)
            print(f"  {s.status:8} {what}")
    print(f"\nsubstantive sentences: {len(found)}")
    per = counts(found)
    for doc_id, c in per.items():
        left = sum(skipped.get(doc_id, {}).values())
        print(f"  {doc_id:30} " + "  ".join(f"{k} {v}" for k, v in c.items()) + f"  (boilerplate left out {left})")
    total = {k: sum(c[k] for c in per.values()) for k in ("uncited", "partial", "cited", "clauses", "clauses uncited")}
    print("  total                          " + "  ".join(f"{k} {v}" for k, v in total.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
