"""What the self-assessment says, independent of the file format: a list of blocks (headings,
paragraphs, tables) rendered to .docx (docx_file.py) and PDF (pdf_file.py), so both files always
carry the same text and figures.

For chongqing-yuzhong the document starts with 社区医院验收申请表 (附件4 of 渝中卫发〔2021〕49号):
`yuzhong_form_lines` gives its self-check lines with the director's numbers filled in and the rest
left blank; a per-criterion table follows. For the other regions it is a report: verdict, each
criterion with value, limit, status and citation, the answers given, and a note that it is a
self-assessment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dialogs import render
from dialogs.qa.need import needed
from dialogs.texts import report as T
from knowledge.eligibility import CriterionResult, FieldSpec, Verdict
from knowledge.eligibility.derived import gps_per_10k_residents
from knowledge.eligibility.evaluate import number_text
from knowledge.eligibility.model import BASIC_STANDARD_FIELD
from knowledge.texts import FORCE, REPORTED_ONLY

Profile = Mapping[str, Any]
Fields = Mapping[str, FieldSpec]
# Regions whose self-assessment follows an official form (the .docx draws it with merged cells).
FORM_REGIONS = {"chongqing-yuzhong": T.REPORT_FILENAME_FORM}


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    text: str
    bold: bool = False
    note: bool = False  # a remark (the disclaimer): 仿宋 in the .docx, as official forms set notes


@dataclass(frozen=True)
class Grid:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class FormPlaceholder:
    """Where the region's official form goes (the .docx draws it; the PDF lists its rows)."""

    region: str


Block = Heading | Para | Grid | FormPlaceholder


def blocks(verdict: Verdict, profile: Profile, fields: Fields, region_name: str, title: str | None) -> list[Block]:
    """The document, top to bottom. `title` is the rule set's title; without it the cited documents
    are named."""
    out: list[Block] = []
    if verdict.region in FORM_REGIONS:
        out += [FormPlaceholder(verdict.region), Heading(T.FORM_RESULT_HEADING, 2)]
        out += _verdict(verdict)
        out.append(criteria_grid(verdict, fields, profile))
    else:
        out += [
            Heading(T.REPORT_TITLE, 1),
            Para(T.REPORT_REGION.format(region=region_name)),
            Para(T.REPORT_BASIS.format(title=title or _documents_cited(verdict))),
            Para(T.INSTITUTION_NAME + T.BLANK + "    " + T.FILL_DATE + T.BLANK),
            Heading(T.VERDICT_HEADING, 2),
            *_verdict(verdict),
            Heading(T.CRITERIA_HEADING, 2),
            criteria_grid(verdict, fields, profile),
            Heading(T.PROFILE_HEADING, 2),
            profile_grid(verdict, profile, fields),
        ]
    out.append(Para(T.DISCLAIMER, note=True))
    return out


def _documents_cited(verdict: Verdict) -> str:
    seen = dict.fromkeys(render.document_title(r.source) for r in verdict.criteria if not r.secondary)
    return T.LIST_SEPARATOR.join(seen)


def _verdict(verdict: Verdict) -> list[Block]:
    key = "reported_missed" if verdict.verdict == "eligible" and verdict.reported_missed() else verdict.verdict
    out: list[Block] = [Para(T.VERDICT[key], bold=True)]
    cautions = [r for r in verdict.cautions() if r not in {*verdict.failed(), *verdict.awaited()}]
    if cautions:
        out.append(Para(T.CAUTIONS.format(n=len(cautions))))
    if verdict.conditional:
        out.append(Para(T.CONDITIONAL))
    if verdict.reported_only:
        out.append(Para(REPORTED_ONLY))
    return out


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


def criteria_grid(verdict: Verdict, fields: Fields, profile: Profile | None = None) -> Grid:
    rows = []
    for r in verdict.criteria:
        spec = fields.get(r.fields[0]) if r.fields and not r.derived else None
        value = show(r.value, spec, r.unit if spec is None or spec.kind != "choice" else "")
        basis = r.message + _count_missing(r, profile or {}, fields) + "\n" + source_text(r)
        rows.append((r.title, FORCE[r.force], value, limit_text(r, fields), status_text(r), basis))
    return Grid(T.CRITERIA_COLUMNS, tuple(rows))


def _count_missing(result: CriterionResult, profile: Profile, fields: Fields) -> str:
    """A ratio rule missed (每万人口全科医生): the count missing for this institution's base, in the unit a
    director acts on (F17: 按辖区常住人口60000人计，全科医生数至少要12人，现有1人，还差11人)."""
    if result.status not in ("fail", "warning"):
        return ""
    n = needed(result, profile, fields)
    if n is None or n.have is None or n.gap <= 0:
        return ""
    return T.COUNT_MISSING.format(
        base_label=n.denominator.label,
        base=number_text(n.base, 2),
        base_unit=n.denominator.unit,
        label=n.numerator.label,
        need=number_text(n.need, 2),
        have=number_text(n.have, 2),
        gap=number_text(n.gap, 2),
        unit=n.numerator.unit,
    )


def profile_grid(verdict: Verdict, profile: Profile, fields: Fields) -> Grid:
    read = dict.fromkeys(f for r in verdict.criteria for f in r.fields)
    names = [*read, *(f for f in profile if f not in read and f in fields)]
    rows = tuple((fields[n].label, show(profile.get(n), fields[n], fields[n].unit)) for n in names if n in fields)
    return Grid(T.PROFILE_COLUMNS, rows)


# --- the Yuzhong acceptance application form ------------------------------------------------------


def yuzhong_form_lines(profile: Profile) -> list[str]:
    """The form's 自查结果 lines, with the director's numbers and blanks for the rest."""

    def v(name: str, decimals: int = 2) -> str:
        value = profile.get(name)
        return T.BLANK if value is None else number_text(value, decimals)

    population = profile.get("resident_population")
    gps = gps_per_10k_residents(profile.get("general_practitioners"), population)
    resources = profile.get(BASIC_STANDARD_FIELD)
    return [
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


def form_blocks(region: str, profile: Profile) -> list[Block]:
    """The form as plain blocks (title, subtitle, one table of label and text) for the PDF."""
    rows = [*T.FORM_HEADER_ROWS, *((T.FORM_SELF_CHECK, line) for line in yuzhong_form_lines(profile))]
    rows += [T.FORM_APPLY_DATE, ("", T.FORM_PROMISE), ("", T.FORM_OPINION)]
    return [Heading(T.FORM_TITLE, 1), Para(T.FORM_SUBTITLE), Grid(("", ""), tuple(rows))]
