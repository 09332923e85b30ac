"""The source texts, normalised, and their sections (metadata: knowledge/documents.py).

Official texts (data/sources/<id>.txt) are verbatim copies of PDF/DOCX extractions. Loading them
removes the extraction artefacts, never the wording:
- lines are stripped (including NBSP and ideographic spaces) and blank lines dropped;
- hard-wrapped documents (most lines as wide as the widest, as in jilin-2020 and national-2021)
  have their wrapped lines joined back into paragraphs; a paragraph ends at a short line or
  before a heading (一、 （一） 1. 附件N), so "〔202\\n0〕" becomes "〔2020〕";
- a line that leaves a bracket open (（ 《 〔 “) continues on the next one ("每月1日前（遇法定节日\\n顺延）");
- whitespace touching a CJK character or full-width punctuation is removed ("统 筹 做 好" → "统筹做好",
  "5 号" → "5号", "2020 年 8 月" → "2020年8月"); a wide gap (4+ spaces) between two runs of 2+ CJK
  characters outside a table, as between two signatures on one line, becomes a line break;
- DOCX tables (rows of tab-prefixed cells separated by blank lines) become one line per row with
  the non-empty cells joined by " | " (citations treat "|" like whitespace, so a quote may span
  cells); a cell's continuation lines are joined to it;
- the DOCX marker "[bookmark: _GoBack]" is dropped.

Sections. Paths follow the headings: 一、 → "一"; （二） inside it → "一（二）"; an arabic item
"1." inside those → "四（一）1" (numbering as printed: yuzhong-2021's items run 1–12 across its
（一）…（六）, so its paths are 四（一）1, 四（二）2 …). A section's text includes its sub-sections, so
a quote in 四（二） also verifies against 四. Text before the first 一、 (title, cover letter) is
"引言". An annex that the copy contains starts at a line "附件N" and is the section "附件N" (its own
items are not split). End matter — the closing paragraph after the last top-level section that
starts with 请各…, contacts (联系人/联系电话/电子邮箱/邮寄地址), the "附件：" list — is the section
"结尾", so a contact or the annex list is citable without pretending it belongs to 五（三）.
Lines that are bare URLs are not text: they go to SourceDocument.links and the extra section
"链接" (knowledge/documents.py), so an answer can cite an address the text lists.

Secondary notes (data/secondary/<id>.md, English) are kept as they are; their sections are the
"## " headings (text before " (", e.g. "Requirements as reported"), and each table row whose
first cell is an item id (B1, P3 …), as section "B1"; text before the first heading is 引言.
"""

from __future__ import annotations

import re

from core.lazy_re import lazy

INTRO = "引言"
END = "结尾"

_NUMERALS = "一二三四五六七八九十"
_TOP = lazy(rf"^([{_NUMERALS}]+)、")
_SUB = lazy(rf"^（([{_NUMERALS}]+)）")
_ITEM = lazy(r"^(\d{1,2})[.．](?!\d)")
_ANNEX = lazy(r"^附件\s*(\d+)$")
_URL = lazy(r"^(https?://|www\.)\S+$")
_END_MATTER = lazy(r"^(请各|联\s*系\s*人|联系电话|电子邮箱|邮寄地址|附件[：:]|[^，。：]{1,12}联系人[：:])")

# CJK ideographs, CJK and full-width punctuation, and the typographic marks used in these texts.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’《》〔〕﹝﹞—…·≥≤□"
_SPACE = "[ \t\u00a0\u3000]"
_SPACE_NEAR_CJK = lazy(rf"(?<=[{_CJK}]){_SPACE}+|{_SPACE}+(?=[{_CJK}])")
_WIDE_GAP = lazy(rf"(?<=[{_CJK}]{{2}}){_SPACE}{{4,}}(?=[{_CJK}]{{2}})")
_SENTENCE_END = "。！？；："
_OPENERS = {"（": "）", "《": "》", "〔": "〕", "“": "”", "﹝": "﹞"}


# ---------------------------------------------------------------- normalisation


def clean_spaces(line: str) -> str:
    """Remove whitespace next to CJK text; a wide gap between two CJK runs becomes a line break."""
    line = _WIDE_GAP.sub("\n", line.strip(" \t\u00a0\u3000"))
    return "\n".join(_SPACE_NEAR_CJK.sub("", part).strip() for part in line.split("\n"))


def _width(line: str) -> float:
    """Printed width of a raw line in full-width characters (ASCII, spaces included, counts half)."""
    return sum(0.5 if ord(c) < 128 else 1.0 for c in line.strip(" \t\u00a0\u3000"))


def _is_heading(line: str) -> bool:
    return bool(_TOP.match(line) or _SUB.match(line) or _ITEM.match(line) or _ANNEX.match(line))


def _open_brackets(text: str) -> bool:
    depth = 0
    for opener, closer in _OPENERS.items():
        if opener == closer:
            continue
        depth += max(0, text.count(opener) - text.count(closer))
    return depth > 0


def _blocks(raw: str) -> list[tuple[str, str]]:
    """Split raw text into ("line", text) and ("row", text) blocks; rows are DOCX table rows."""
    raw = raw.replace("[bookmark: _GoBack]", "")
    blocks: list[tuple[str, str]] = []
    cells: list[str] | None = None

    def close_row() -> None:
        nonlocal cells
        if cells is not None:
            kept = [c for c in (_SPACE_NEAR_CJK.sub("", c).strip() for c in cells) if c]
            if kept:
                blocks.append(("row", " | ".join(kept)))
        cells = None

    for line in raw.split("\n"):
        if line.startswith("\t"):
            cells = [] if cells is None else cells
            cells.append(line.strip())
        elif not line.strip():
            close_row()
        elif cells is not None and cells:
            cells[-1] += " " + line.strip()  # continuation of the cell above
        else:
            close_row()
            blocks.append(("line", line))
    close_row()
    return blocks


def normalise(raw: str) -> tuple[list[str], list[str]]:
    """The document's paragraphs (each one line) and the bare URLs it contains."""
    blocks = _blocks(raw)
    links = [b.strip() for kind, b in blocks if kind == "line" and _URL.match(b.strip())]
    lines: list[tuple[str, str, float]] = []  # (kind, cleaned text, printed width of the raw line)
    for kind, text in blocks:
        if kind == "row":
            lines.append((kind, text, 0.0))
        elif not _URL.match(text.strip()):
            parts = [part for part in clean_spaces(text).split("\n") if part]
            width = _width(text) if len(parts) == 1 else 0.0  # a split line is never a wrapped one
            lines.extend(("line", part, width) for part in parts)
    widths = sorted(w for k, _, w in lines if k == "line")
    full = widths[int(len(widths) * 0.9)] if widths else 0.0
    # Hard-wrapped when many lines are as wide as the widest ones (a PDF's line length).
    wrapped = full >= 20 and sum(1 for w in widths if w >= full - 2) >= 0.3 * len(widths)

    paragraphs: list[str] = []
    current, last_width = "", 0.0
    for kind, text, width in lines:
        continues = _open_brackets(current) or (wrapped and last_width >= full - 2.5)
        if kind == "line" and current and not _starts_block(text) and continues:
            current, last_width = _join(current, text), width
            continue
        if current:
            paragraphs.append(current)
        if kind == "row":
            paragraphs.append(text)
            current, last_width = "", 0.0
        else:
            current, last_width = text, width
    if current:
        paragraphs.append(current)
    return paragraphs, links


def _starts_block(line: str) -> bool:
    return _is_heading(line) or bool(_END_MATTER.match(line))


def _join(left: str, right: str) -> str:
    """Join a wrapped line: no space inside Chinese text or a number ("〔202" + "0〕"), one space
    between two Latin words."""
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return left + " " + right
    return left + right


# ---------------------------------------------------------------- sections


def split_sections(paragraphs: list[str]) -> dict[str, str]:
    """Section path -> text (including sub-sections), in document order."""
    last_top = max((i for i, p in enumerate(paragraphs) if _TOP.match(p)), default=-1)
    own: list[tuple[str, str]] = []  # (path, paragraph) in order
    top = sub = item = ""
    annex = False
    in_end = False
    for i, p in enumerate(paragraphs):
        if m := _ANNEX.match(p):
            annex, in_end = True, False
            top, sub, item = f"附件{m.group(1)}", "", ""
        elif annex:
            pass
        elif in_end or (i > last_top >= 0 and _END_MATTER.match(p)):
            in_end = True
            top, sub, item = END, "", ""
        elif m := _TOP.match(p):
            top, sub, item = m.group(1), "", ""
        elif (m := _SUB.match(p)) and top and top != END:
            sub, item = f"（{m.group(1)}）", ""
        elif (m := _ITEM.match(p)) and top and top != END:
            item = m.group(1)
        path = f"{top}{sub}{item}" if top else INTRO
        own.append((path, p))

    sections: dict[str, list[str]] = {}
    for path, p in own:
        for ancestor in _ancestors(path):
            sections.setdefault(ancestor, []).append(p)
    return {path: "\n".join(ps) for path, ps in sections.items()}


def _ancestors(path: str) -> list[str]:
    """The path and its parents: 四（一）1 -> 四, 四（一）, 四（一）1. Annexes, 引言 and 结尾 have none."""
    if path in (INTRO, END) or path.startswith("附件"):
        return [path]
    m = re.match(rf"^([{_NUMERALS}]+)(（[{_NUMERALS}]+）)?(\d+)?$", path)
    if not m:
        return [path]
    top, sub, item = m.groups()
    out = [top]
    if sub:
        out.append(top + sub)
    if item:
        out.append(top + (sub or "") + item)
    return out


_MD_HEADING = lazy(r"^#{2,}\s+(.+?)\s*$")
_MD_ROW_ID = lazy(r"^\|\s*([A-Z]\d{1,2})\s*\|")


def markdown_sections(text: str) -> dict[str, str]:
    """Sections of a secondary note: headings (up to " (") and item-id table rows."""
    sections: dict[str, list[str]] = {}
    heading = INTRO
    for line in text.split("\n"):
        if m := _MD_HEADING.match(line):
            heading = m.group(1).split(" (")[0].strip()
        sections.setdefault(heading, []).append(line)
        if m := _MD_ROW_ID.match(line):
            sections.setdefault(m.group(1), []).append(line)
    return {path: "\n".join(lines).strip() for path, lines in sections.items()}
