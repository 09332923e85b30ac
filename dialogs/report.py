"""The self-assessment document (.docx), built with python-docx from a profile and its verdict.

For chongqing-yuzhong it is laid out like 社区医院验收申请表 (附件4 of 渝中卫发〔2021〕49号), with the
numbers the director gave filled in and the rest left blank, so it can be copied onto the official
form; a per-criterion table follows. For the other regions it is a report: verdict, each criterion
with value, limit, status and citation, the answers given, and a note that it is a self-assessment.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from docx import Document as new_document
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from dialogs import render
from dialogs.texts import report as T
from knowledge.eligibility import CriterionResult, FieldSpec, RuleSet, Verdict
from knowledge.eligibility.derived import gps_per_10k_residents
from knowledge.eligibility.evaluate import number_text
from knowledge.texts import FORCE, REPORTED_ONLY

Profile = Mapping[str, Any]
Fields = Mapping[str, FieldSpec]


@dataclass(frozen=True)
class ReportDocument:
    filename: str
    content: bytes


def build(verdict: Verdict, profile: Profile, fields: Fields, region_name: str, rule_set: RuleSet) -> ReportDocument:
    """The self-assessment as a .docx: the region's official form where one is laid out
    (FORM_LAYOUTS), else the per-criterion report."""
    layout = FORM_LAYOUTS.get(verdict.region)
    filename = layout.filename if layout else T.REPORT_FILENAME
    return ReportDocument(filename, build_docx(verdict, profile, fields, region_name, rule_set.title))


def build_docx(
    verdict: Verdict,
    profile: Profile,
    fields: Fields,
    region_name: str,
    title: str | None = None,
) -> bytes:
    """The document's bytes. `title` is the rule set's title; without it the cited documents are named."""
    doc = new_document()
    _base_font(doc)
    layout = FORM_LAYOUTS.get(verdict.region)
    if layout is not None:
        layout.draw(doc, profile)
        doc.add_heading(T.FORM_RESULT_HEADING, level=2)
        _verdict(doc, verdict)
        _criteria_table(doc, verdict, fields)
    else:
        doc.add_heading(T.REPORT_TITLE, level=1)
        doc.add_paragraph(T.REPORT_REGION.format(region=region_name))
        doc.add_paragraph(T.REPORT_BASIS.format(title=title or _documents_cited(verdict)))
        doc.add_paragraph(T.INSTITUTION_NAME + T.BLANK + "    " + T.FILL_DATE + T.BLANK)
        doc.add_heading(T.VERDICT_HEADING, level=2)
        _verdict(doc, verdict)
        doc.add_heading(T.CRITERIA_HEADING, level=2)
        _criteria_table(doc, verdict, fields)
        _profile_table(doc, verdict, profile, fields)
    doc.add_paragraph(T.DISCLAIMER)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _base_font(doc: Document) -> None:
    style = doc.styles["Normal"]
    style.font.size = Pt(10.5)
    # East Asian text needs its own font setting, or Word falls back to a font without CJK glyphs.
    style.font.name = T.FONT_BODY  # creates w:rFonts, which then takes the eastAsia attribute
    style.element.rPr.rFonts.set(qn("w:eastAsia"), T.FONT_BODY)


def _documents_cited(verdict: Verdict) -> str:
    seen = dict.fromkeys(render.document_title(r.source) for r in verdict.criteria if not r.secondary)
    return T.LIST_SEPARATOR.join(seen)


def _verdict(doc: Document, verdict: Verdict) -> None:
    doc.add_paragraph(T.VERDICT[verdict.verdict]).runs[0].bold = True
    if verdict.conditional:
        doc.add_paragraph(T.CONDITIONAL)
    if verdict.reported_only:
        doc.add_paragraph(REPORTED_ONLY)


# --- values -------------------------------------------------------------------------------------


def show(value: Any, spec: FieldSpec | None, unit: str = "") -> str:
    if value is None:
        return T.NOT_ANSWERED
    if isinstance(value, bool):
        return T.YES if value else T.NO
    if spec is not None and spec.kind == "choice":
        return spec.choice_label(value)
    return number_text(value, 2) + unit


def limit_text(result: CriterionResult, fields: Fields) -> str:
    spec = fields.get(result.fields[0]) if result.fields and not result.derived else None
    if result.compare == "==":
        return show(result.limit, spec)
    if result.compare == "in":
        return T.LIMIT_ONE_OF.join(show(v, spec) for v in result.limit)
    template = T.LIMIT.get(result.compare, "{limit}")
    return template.format(limit=number_text(result.limit, 2), unit=result.unit)


def status_text(result: CriterionResult) -> str:
    """The result column: the status in words for the criterion's force (a norm's or a news
    figure's ⚠️ is not "原则上未达到")."""
    return T.FORCE_STATUS.get(result.force, {}).get(result.status, T.STATUS[result.status])


def source_text(result: CriterionResult) -> str:
    text = render.citation(result.source, quote=True)
    if result.secondary:
        return T.SECONDARY_SOURCE.format(provenance=result.provenance or "", source=text)
    return text


# --- tables -------------------------------------------------------------------------------------


def _table(doc: Document, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _criteria_table(doc: Document, verdict: Verdict, fields: Fields) -> None:
    rows = []
    for r in verdict.criteria:
        spec = fields.get(r.fields[0]) if r.fields and not r.derived else None
        value = show(r.value, spec, r.unit if spec is None or spec.kind != "choice" else "")
        basis = r.message + "\n" + source_text(r)
        rows.append((r.title, FORCE[r.force], value, limit_text(r, fields), status_text(r), basis))
    _table(doc, T.CRITERIA_COLUMNS, rows)


def _profile_table(doc: Document, verdict: Verdict, profile: Profile, fields: Fields) -> None:
    read = dict.fromkeys(f for r in verdict.criteria for f in r.fields)
    names = [*read, *(f for f in profile if f not in read and f in fields)]
    doc.add_heading(T.PROFILE_HEADING, level=2)
    rows = [(fields[n].label, show(profile.get(n), fields[n], fields[n].unit)) for n in names if n in fields]
    _table(doc, T.PROFILE_COLUMNS, rows)


# --- the Yuzhong acceptance application form ------------------------------------------------------


def _yuzhong_form(doc: Document, profile: Profile) -> None:
    doc.add_heading(T.FORM_TITLE, level=1)
    doc.add_paragraph(T.FORM_SUBTITLE)

    def v(name: str, decimals: int = 2) -> str:
        value = profile.get(name)
        return T.BLANK if value is None else number_text(value, decimals)

    population = profile.get("resident_population")
    gps = gps_per_10k_residents(profile.get("general_practitioners"), population)
    resources = profile.get("meets_basic_standard_resources")
    lines = [
        T.FORM_GRADE_A_SINCE.format(value=v("community_grade_a_year", 0)),
        T.FORM_RESOURCES.format(
            passed=T.FORM_TICK if resources is True else T.FORM_NO_TICK,
            failed=T.FORM_TICK if resources is False else T.FORM_NO_TICK,
        ),
        T.FORM_FEATURED.format(name=T.BLANK, visits=v("featured_department_daily_visits")),
        T.FORM_POPULATION.format(
            population=T.BLANK if population is None else number_text(population / 10000, 2),
            visits=v("annual_visits", 0),
        ),
        T.FORM_TCM.format(pieces=v("tcm_herbal_pieces", 0), share=v("tcm_prescription_share")),
        T.FORM_GPS.format(gps=T.BLANK if gps is None else number_text(gps, 2)),
        T.FORM_REFERRAL.format(hospitals=v("referral_partner_hospitals", 0)),
        T.FORM_TEAMS.format(teams=v("elite_family_doctor_teams", 0)),
        T.FORM_PATIENT.format(value=v("patient_satisfaction")),
        T.FORM_SIGNED.format(value=v("signed_resident_satisfaction")),
        T.FORM_STAFF.format(value=v("staff_satisfaction")),
    ]
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in T.FORM_HEADER_ROWS:
        row = table.add_row().cells
        row[0].text, row[1].text = label, value
    first = len(table.rows)
    for line in lines:
        table.add_row().cells[1].text = line
    # Merge first, then write: merging keeps every merged cell's (empty) paragraphs.
    table.cell(first, 0).merge(table.cell(len(table.rows) - 1, 0)).paragraphs[0].text = T.FORM_SELF_CHECK
    row = table.add_row().cells
    row[0].text, row[1].text = T.FORM_APPLY_DATE
    for text in (T.FORM_PROMISE, T.FORM_OPINION):
        row = table.add_row().cells
        row[0].merge(row[1]).text = text


@dataclass(frozen=True)
class FormLayout:
    """A region's official form the report is laid out like, and the file name it is given."""

    draw: Callable[[Document, Profile], None]
    filename: str


# Yuzhong: 社区医院验收申请表 (附件4 of 渝中卫发〔2021〕49号).
FORM_LAYOUTS: dict[str, FormLayout] = {
    "chongqing-yuzhong": FormLayout(_yuzhong_form, T.REPORT_FILENAME_FORM),
}
