"""The self-assessment as a PDF (reportlab), what directors forward on their phones.

reportlab's built-in CJK CID font STSong-Light needs no font file on the machine (the reader's
viewer supplies the glyphs), so the PDF is built anywhere. A4; long cell texts wrap the CJK way."""

from __future__ import annotations

import io
from functools import cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether

from dialogs.report.content import Block, FormPlaceholder, Grid, Heading, Para, Profile, form_blocks

FONT = "STSong-Light"
MARGIN = 18 * mm


@cache
def _styles() -> dict[str, ParagraphStyle]:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=15, wordWrap="CJK")
    return {
        "body": base,
        "bold": ParagraphStyle("bold", parent=base, fontSize=11, leading=16),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=12, textColor=colors.dimgray),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=11),
        "h1": ParagraphStyle("h1", parent=base, fontSize=16, leading=24, alignment=1, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontSize=12.5, leading=19, spaceBefore=8, spaceAfter=4),
    }


def render_pdf(blocks: list[Block], profile: Profile, title: str) -> bytes:
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=title, author="",
    )  # fmt: skip
    story: list[Flowable] = []
    for block in blocks:
        if isinstance(block, FormPlaceholder):
            for inner in form_blocks(block.region, profile):
                story.extend(_flowables(inner, document.width))
        else:
            story.extend(_flowables(block, document.width))
    document.build(story)
    return out.getvalue()


def _flowables(block: Block, width: float) -> list[Flowable]:
    styles = _styles()
    if isinstance(block, Heading):
        return [Paragraph(_escape(block.text), styles["h1" if block.level == 1 else "h2"])]
    if isinstance(block, Para):
        style = styles["note"] if block.note else styles["bold"] if block.bold else styles["body"]
        return [Spacer(1, 4) if block.note else Spacer(1, 0), Paragraph(_escape(block.text), style)]
    if isinstance(block, Grid):
        return [KeepTogether([]), _grid(block, width)]
    return []


def _grid(grid: Grid, width: float) -> Table:
    cell = _styles()["cell"]
    header = [grid.header] if any(grid.header) else []
    data = [[Paragraph(_escape(text), cell) for text in row] for row in (*header, *grid.rows)]
    columns = len(grid.header)
    # The last column (basis, citation) takes the room left; short columns stay narrow.
    widths = [width * 0.22] + [width * 0.11] * (columns - 2) + [width * (0.78 - 0.11 * (columns - 2))]
    if columns == 2:
        widths = [width * 0.3, width * 0.7]
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke))
    table.setStyle(TableStyle(commands))
    return table


def _escape(text: str) -> str:
    """reportlab's Paragraph reads a little markup: escape it, and keep line breaks."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
