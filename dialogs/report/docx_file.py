"""The self-assessment as a .docx (python-docx): A4, and a Chinese font named on every style.

Word and WPS take a style's East Asian font from the theme when the style names none, and the
default theme's resolves to a Japanese font (ＭＳ ゴシック) on many machines; so every style gets
w:eastAsia set and its theme attributes removed — headings 黑体, body and tables 宋体, notes 仿宋,
as official forms set them."""

from __future__ import annotations

import io

from docx import Document as new_document
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from dialogs.report.content import Block, Fields, FormPlaceholder, Grid, Heading, Para, Profile, yuzhong_form_lines
from dialogs.texts import report as T

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(210), Mm(297), Mm(25)  # A4
HEADING_FONT, BODY_FONT, NOTE_FONT = T.FONT_HEADING, T.FONT_BODY, T.FONT_NOTE
NOTE_STYLE = "Note"
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def render_docx(blocks: list[Block], profile: Profile, fields: Fields) -> bytes:
    doc = new_document()
    _page(doc)
    _fonts(doc)
    for block in blocks:
        if isinstance(block, Heading):
            doc.add_heading(block.text, level=block.level)
        elif isinstance(block, Para):
            paragraph = doc.add_paragraph(block.text, style=NOTE_STYLE if block.note else None)
            if block.bold and paragraph.runs:
                paragraph.runs[0].bold = True
        elif isinstance(block, Grid):
            _table(doc, block)
        elif isinstance(block, FormPlaceholder):
            _yuzhong_form(doc, profile)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page(doc: Document) -> None:
    for section in doc.sections:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN


def _fonts(doc: Document) -> None:
    """A named Chinese font on the document defaults and on every style (see the module docstring)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for fonts in defaults.iter(qn("w:rFonts")):
            _name_font(fonts, BODY_FONT)
    for style in doc.styles:
        if style.type not in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            continue
        name = style.name or ""
        font = HEADING_FONT if name.startswith(("Heading", "Title", "Subtitle")) else BODY_FONT
        _name_font(style.element.get_or_add_rPr().get_or_add_rFonts(), font)
        for fonts in style.element.iter(qn("w:rFonts")):  # also a table style's conditional parts
            _name_font(fonts, font)
    note = doc.styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = doc.styles["Normal"]
    note.font.size = Pt(9)
    _name_font(note.element.get_or_add_rPr().get_or_add_rFonts(), NOTE_FONT)
    doc.styles["Normal"].font.size = Pt(10.5)


def _name_font(fonts: OxmlElement, font: str) -> None:
    for attribute in _THEME_ATTRIBUTES:
        if fonts.get(qn(attribute)) is not None:
            del fonts.attrib[qn(attribute)]
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def _table(doc: Document, grid: Grid) -> None:
    table = doc.add_table(rows=1, cols=len(grid.header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, grid.header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in grid.rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _yuzhong_form(doc: Document, profile: Profile) -> None:
    """社区医院验收申请表 (附件4 of 渝中卫发〔2021〕49号), its merged cells as on the official form."""
    doc.add_heading(T.FORM_TITLE, level=1)
    doc.add_paragraph(T.FORM_SUBTITLE)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in T.FORM_HEADER_ROWS:
        row = table.add_row().cells
        row[0].text, row[1].text = label, value
    first = len(table.rows)
    for line in yuzhong_form_lines(profile):
        table.add_row().cells[1].text = line
    # Merge first, then write: merging keeps every merged cell's (empty) paragraphs.
    table.cell(first, 0).merge(table.cell(len(table.rows) - 1, 0)).paragraphs[0].text = T.FORM_SELF_CHECK
    row = table.add_row().cells
    row[0].text, row[1].text = T.FORM_APPLY_DATE
    for text in (T.FORM_PROMISE, T.FORM_OPINION):
        row = table.add_row().cells
        row[0].merge(row[1]).text = text
