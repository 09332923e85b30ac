"""The self-assessment document, as .docx and PDF from the same content (content.py): the region's
official form where one is laid out (渝中: 社区医院验收申请表), else a per-criterion report.

build() gives both files; build_docx() / build_pdf() one each (`python -m bot check --docx/--pdf`)."""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.report.content import FORM_REGIONS, Fields, Profile, blocks
from dialogs.report.docx_file import render_docx
from dialogs.report.pdf_file import render_pdf
from dialogs.texts import report as T
from knowledge.eligibility import RuleSet, Verdict


@dataclass(frozen=True)
class ReportDocument:
    filename: str
    content: bytes  # the .docx
    pdf_filename: str = ""
    pdf: bytes = b""


def build(verdict: Verdict, profile: Profile, fields: Fields, region_name: str, rule_set: RuleSet) -> ReportDocument:
    """The self-assessment as a .docx and a PDF with the same content."""
    filename = FORM_REGIONS.get(verdict.region, T.REPORT_FILENAME)
    return ReportDocument(
        filename,
        build_docx(verdict, profile, fields, region_name, rule_set.title),
        filename.removesuffix(".docx") + ".pdf",
        build_pdf(verdict, profile, fields, region_name, rule_set.title),
    )


def build_docx(verdict: Verdict, profile: Profile, fields: Fields, region_name: str, title: str | None = None) -> bytes:
    """The .docx bytes. `title` is the rule set's title; without it the cited documents are named."""
    return render_docx(blocks(verdict, profile, fields, region_name, title), profile, fields)


def build_pdf(verdict: Verdict, profile: Profile, fields: Fields, region_name: str, title: str | None = None) -> bytes:
    """The PDF bytes (A4, reportlab's built-in CJK font), the same content as the .docx."""
    document_title = T.FORM_TITLE if verdict.region in FORM_REGIONS else T.REPORT_TITLE
    return render_pdf(blocks(verdict, profile, fields, region_name, title), profile, document_title)


__all__ = ["ReportDocument", "build", "build_docx", "build_pdf"]
