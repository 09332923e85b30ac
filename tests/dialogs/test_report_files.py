"""Issue 10, the self-assessment files: the .docx is A4 with a Chinese font named on every style (no
theme font, which Word/WPS resolve to a Japanese one), and a PDF beside it (reportlab's built-in CJK
font), read back with pypdf: the Chinese text and the figures are in it. Both are offered in the
chat and by `python -m bot check --pdf`."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from pypdf import PdfReader

from bot.__main__ import main as cli
from core.model import Event, UserState
from dialogs.questionnaire import report_offer, unanswered
from dialogs.report import build, build_docx
from dialogs.router import handle
from dialogs.texts import questionnaire as Q
from dialogs.texts import report as T
from knowledge.base import KnowledgeBase
from knowledge.eligibility import evaluate

CHINESE_FONTS = {"宋体", "仿宋", "黑体"}
A4_POINTS = (595.27, 841.89)
PROFILE = {"open_beds": 32, "bed_occupancy_rate": 78, "floor_area_m2": 3200, "local_government_support": True}


def _styles_xml(content: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(content)).read("word/styles.xml").decode("utf-8")


@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong", "beijing", "national"])
def test_docx_is_a4_with_a_chinese_font_on_every_style(kb: KnowledgeBase, region: str) -> None:
    verdict = evaluate(PROFILE, kb.rules[region])
    content = build_docx(verdict, PROFILE, kb.fields, "地区", kb.rules[region].title)
    document = docx.Document(io.BytesIO(content))
    for section in document.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    styles = _styles_xml(content)
    assert "eastAsiaTheme" not in styles and "asciiTheme" not in styles, "a theme font is left on some style"
    for style in document.styles:
        rpr = style.element.rPr
        if rpr is None or rpr.rFonts is None:
            continue
        east_asia = rpr.rFonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
        assert east_asia in CHINESE_FONTS, (style.name, east_asia)
    used = {p.style.name for p in document.paragraphs}
    for name in used:
        assert document.styles[name].element.rPr.rFonts is not None, f"style {name} names no font"
    heading = document.styles["Heading 1"].element.rPr.rFonts
    assert heading.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "黑体"


@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong", "national"])
def test_pdf_beside_the_docx_has_the_chinese_text_and_the_figures(kb: KnowledgeBase, region: str) -> None:
    rule_set = kb.rules[region]
    verdict = evaluate(PROFILE, rule_set)
    files = build(verdict, PROFILE, kb.fields, "吉林省", rule_set)
    assert files.pdf[:5] == b"%PDF-" and files.pdf_filename.endswith(".pdf")
    reader = PdfReader(io.BytesIO(files.pdf))
    width, height = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert (round(width, 1), round(height, 1)) == (round(A4_POINTS[0], 1), round(A4_POINTS[1], 1))
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    assert re.sub(r"\s+", "", T.DISCLAIMER)[:30] in text
    title = T.FORM_TITLE if region == "chongqing-yuzhong" else T.REPORT_TITLE
    assert title in text
    if region != "chongqing-yuzhong":
        assert "32" in text and "78" in text and "3200" in text, text[:400]
    for criterion in verdict.criteria[:3]:
        assert re.sub(r"\s+", "", criterion.title)[:8] in text


def test_the_report_button_offers_both_files(kb: KnowledgeBase, now) -> None:  # type: ignore[no-untyped-def]
    rule_set = kb.rules["jilin"]
    finished = dict(PROFILE) | {f: None for f in unanswered(PROFILE, rule_set, kb)}  # the rest 不清楚
    state = UserState(user_id=1, region="jilin", profile=finished)
    out = handle(state, Event.press("g:report:jilin"), kb, now)
    names = [r.document.filename for r in out.replies if r.document is not None]
    assert any(n.endswith(".docx") for n in names) and any(n.endswith(".pdf") for n in names), names


def test_no_report_for_an_unfinished_check(kb: KnowledgeBase, now) -> None:  # type: ignore[no-untyped-def]
    """F5: a report of half a check would read as a verdict: it is neither offered nor made."""
    state = UserState(user_id=1, region="jilin", profile={"open_beds": 40})
    left = len(unanswered(state.profile, kb.rules["jilin"], kb))
    assert left > 0 and report_offer(state, kb) == []
    out = handle(state, Event.press("g:report:jilin"), kb, now)
    assert [r.text for r in out.replies] == [Q.REPORT_UNFINISHED.format(n=left)]
    assert not any(r.document for r in out.replies)


def test_check_writes_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("open_beds: 32\nbed_occupancy_rate: 78\n", encoding="utf-8")
    target = tmp_path / "自评.pdf"
    assert cli(["check", "--region", "jilin", "--profile", str(profile), "--pdf", str(target)]) == 0
    assert target.read_bytes()[:5] == b"%PDF-"
    assert str(target) in capsys.readouterr().out
