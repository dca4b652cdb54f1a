"""Cell styles, number formats and page setup shared by the summary and the record sheets."""
from __future__ import annotations

import math
import re
import weakref
from copy import copy
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.records.excel.formula_results import write_formula

# A font every lab PC has that carries CJK glyphs; LibreOffice falls back to Noto CJK on Linux.
FONT_NAME = "宋体"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True)
MARK_COLOUR = "C00000"  # superseded and draft marks
MARK_TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True, color=MARK_COLOUR)
SECTION_FONT = Font(name=FONT_NAME, size=11, bold=True)
HEADER_FONT = Font(name=FONT_NAME, size=10, bold=True)
BODY_FONT = Font(name=FONT_NAME, size=10)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
PASS_FILL = PatternFill("solid", fgColor="C6EFCE", bgColor="C6EFCE")
FAIL_FILL = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
CONDITIONAL_FILL = PatternFill("solid", fgColor="FFEB9C", bgColor="FFEB9C")
LINK_FONT = Font(name=FONT_NAME, size=10, color="0563C1", underline="single")
PASS_FONT = Font(color="006100")
FAIL_FONT = Font(color="9C0006", bold=True)
CONDITIONAL_FONT = Font(color="9C5700", bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1)
DATE_FORMAT = "yyyy-mm-dd"

_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class Displayed(NamedTuple):
    """A number with the decimals it was displayed with, written as a number cell showing them."""

    value: float
    decimals: int

    @classmethod
    def parse(cls, text: str) -> Displayed | None:
        text = text.strip()
        return cls(float(Decimal(text)), len(text.partition(".")[2])) if text else None


class Formula(NamedTuple):
    """One of our own formulas and the value verdicts.py computed for it (stored as its cached result)."""

    text: str
    result: object


def as_text(value) -> str:
    """How a cell value reads on screen: Displayed numbers with their decimals, dates in ISO form."""
    if isinstance(value, Displayed):
        return f"{value.value:.{value.decimals}f}"
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def number_format(decimals: int) -> str:
    """Excel format that shows exactly the displayed decimals: 2 -> '0.00', 0 -> '0'."""
    return "0." + "0" * decimals if decimals > 0 else "0"


def cell_content(value) -> tuple[object, str | None]:
    """(what the cell holds, the number format that shows it as given; None: General) for a value to write."""
    if isinstance(value, Displayed):
        return value.value, number_format(value.decimals)
    if isinstance(value, date):
        return value, DATE_FORMAT
    return value, None


def write_value(cell, value) -> None:
    """Write text, a Displayed number or a date, with the number format that shows it as given.

    Text is always written as text, even ``=cmd|' /C calc'!A0`` or ``#N/A``: text from the form, the
    OCR or a JSON file never becomes a formula. Our own formulas go through ``write_formula``.
    """
    if isinstance(value, Formula):
        write_formula(cell, value.text, value.result)
    elif isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # openpyxl would make "=..." a formula and "#N/A" an error
    else:
        cell.value, shown_as = cell_content(value)
        if shown_as:
            cell.number_format = shown_as


def row_height(cells: list[tuple[object, float]], minimum: float = 20) -> float:
    """Height in points that shows every (text, column width) without clipping.

    Excel does not grow rows for wrapped text in merged cells, so the writer sizes them: a CJK
    character is about 1.8 width units at 10 pt, a line about 14 points.
    """
    lines = 1
    for text, width in cells:
        if isinstance(text, Formula):
            continue  # a formula's result is short; its source text is not what shows
        paragraphs = as_text(text).split("\n")
        lines = max(lines, sum(max(1, math.ceil(_width_units(p) / max(width - 1, 1))) for p in paragraphs))
    return max(minimum, 14 * lines + 6)


def _width_units(text: str) -> float:
    return sum(1.8 if ord(ch) >= 0x2E80 else 1 for ch in text)


class SheetTitles:
    """Sheet titles compared in any case, as Excel does. A writer adding thousands of sheets keeps one up to
    date (``add``, ``discard``) rather than have ``sheet_title`` read all the workbook's titles for each."""

    def __init__(self, titles=()):
        self._lower = {t.lower() for t in titles}

    def __contains__(self, title: str) -> bool:
        return title.lower() in self._lower

    def add(self, title: str) -> None:
        self._lower.add(title.lower())

    def discard(self, title: str) -> None:
        self._lower.discard(title.lower())


def sheet_title(text: str, taken=(), suffix: str = "") -> str:
    """A valid Excel sheet name: no []:*?/\\, at most 31 characters, and none of ``taken`` (any case; titles
    or a SheetTitles).

    Two record numbers that differ only after the 31st character, or in / versus _, get ``~2``, ``~3``.
    ``suffix`` (" 已被替代") is kept whole: the text is shortened to make room for it.
    """
    base = (_SHEET_TITLE_FORBIDDEN.sub("_", text).strip("'")[:31 - len(suffix)] or "Record") + suffix
    used = taken if isinstance(taken, SheetTitles) else SheetTitles(taken)
    title, n = base, 1
    while title in used:
        n += 1
        suffix = f"~{n}"
        title = base[:31 - len(suffix)] + suffix
    return title


# Per workbook: (the cell's style before, the styles given) -> its style after. openpyxl hashes every font,
# border and fill each time one is set, to find it in the workbook's list: most of the time of a large
# export (benchmarks/export_scale.py). A cell styled like one before it gets a copy of the result.
_STYLED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def style_cell(cell, font=BODY_FONT, alignment=CENTER, border=BOX, fill=None) -> None:
    alignment = alignment or CENTER
    given = (font, alignment, border, fill)
    styled = _STYLED.setdefault(cell.parent.parent, {})
    key = (tuple(cell._style or ()), *map(id, given))  # None: a new cell, default style
    if key in styled:
        cell._style = copy(styled[key][0])
        return
    cell.font, cell.alignment = font, alignment
    if border is not None:
        cell.border = border
    if fill is not None:
        cell.fill = fill
    styled[key] = (copy(cell._style), given)  # the styles are kept: their ids are never reused meanwhile


PAGE_MARGINS = (0.5, 0.5, 0.8, 0.7)  # left, right, top, bottom, inches (the top leaves room for the header)
HEADER_MARGIN = 0.3  # inches from the paper's edge to the page header


def setup_a4_page(ws: Worksheet, landscape: bool, title_rows: str | None, footer: str) -> None:
    """A4, fit to the page width, repeated header rows on every printed page, pages numbered from 1 per sheet."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.firstPageNumber, ws.page_setup.useFirstPageNumber = 1, True
    ws.page_margins.left, ws.page_margins.right, ws.page_margins.top, ws.page_margins.bottom = PAGE_MARGINS
    ws.page_margins.header = HEADER_MARGIN
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = footer
    ws.oddFooter.center.size = 9


def highlight_verdicts(ws: Worksheet, cells: str, labels: dict[str, str]) -> None:
    """Conditional formatting: pass green, fail red, conditional amber; a verdict that recalculates recolours itself."""
    for word, fill, font in ((labels["pass"], PASS_FILL, PASS_FONT), (labels["fail"], FAIL_FILL, FAIL_FONT),
                             (labels["conditional_pass"], CONDITIONAL_FILL, CONDITIONAL_FONT),
                             (labels["conditional_fail"], CONDITIONAL_FILL, FAIL_FONT)):
        ws.conditional_formatting.add(cells, CellIsRule(operator="equal", formula=[f'"{word}"'], fill=fill, font=font))
