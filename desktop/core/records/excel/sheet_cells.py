"""A record sheet's cells kept as plain rows and written as the sheet's XML when the workbook is saved.

openpyxl keeps a Python object per cell (with a descriptor per style attribute) and writes each through
lxml one element at a time; merged ranges are objects too, parsed again to be written. A year of a lab's
records (thousands of sheets of some 450 cells, 100 merged ranges) took minutes and a gigabyte that way
(benchmarks/export_scale.py). So a record sheet's cells, row heights and merged ranges live here, each
cell a value and a style id of the workbook's own style list; openpyxl writes the rest of the sheet
(columns, conditional formatting, page setup, breaks, pictures) with an empty ``<sheetData>``, and
``sheet_patches`` puts the rows and merged ranges in after it has saved. The cells are written the way
openpyxl writes them, and a formula with its cached result (formula_results.py).
"""
from __future__ import annotations

import re
import zlib
from datetime import date, datetime, time
from decimal import Decimal
from functools import partial
from xml.sax.saxutils import escape

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.records.excel.formula_results import cached_value
from desktop.core.records.excel.styles import BODY_FONT, BOX, CENTER, Formula, cell_content

EMPTY_SHEET_DATA = b"<sheetData></sheetData>"  # what openpyxl writes for a sheet without cells or row heights
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')
_ESCAPED = {"\r": "&#13;"}  # a carriage return kept as such (an XML reader turns a raw one into a newline)

_SHEETS = "_lcdreader_sheet_cells"  # {worksheet: SheetCells}, kept on the workbook
_STYLES = "_lcdreader_cell_styles"  # CellStyles, kept on the workbook


class CellStyles:
    """The workbook's cell styles by what they are made of: (font, alignment, border, fill, number format)
    -> the id openpyxl writes as the cell's ``s``, registered once per combination."""

    def __init__(self, ws: Worksheet):
        self._ws = ws
        self._ids: dict[tuple, tuple[int, tuple]] = {}  # ids of the parts -> (style id, the parts: ids never reused)
        self._parts: dict[int, tuple] = {}  # style id -> (font, alignment, border, fill, number format)

    def id(self, font, alignment, border, fill, number_format: str | None) -> int:
        key = (id(font), id(alignment), id(border), id(fill), number_format)
        found = self._ids.get(key)
        if found is None:
            cell = Cell(self._ws)  # a cell of no sheet: only its style is wanted
            cell.font, cell.alignment = font, alignment
            if border is not None:
                cell.border = border
            if fill is not None:
                cell.fill = fill
            if number_format is not None:
                cell.number_format = number_format
            parts = (font, alignment, border, fill, number_format)
            found = self._ids[key] = (cell.style_id, parts)
            self._parts.setdefault(cell.style_id, parts)
        return found[0]

    def changed(self, style: int, font=None, number_format: str | None = None) -> int:
        """The id of ``style`` with another font or number format."""
        old_font, alignment, border, fill, old_format = self._parts[style]
        return self.id(font or old_font, alignment, border, fill, number_format or old_format)


def _styles(ws: Worksheet) -> CellStyles:
    if not hasattr(ws.parent, _STYLES):
        setattr(ws.parent, _STYLES, CellStyles(ws))
    return getattr(ws.parent, _STYLES)


def _buffered(wb: Workbook) -> dict:
    if not hasattr(wb, _SHEETS):
        setattr(wb, _SHEETS, {})
    return getattr(wb, _SHEETS)


class SheetCells:
    """The cells of the sheet ``ws``: ``{row: {column: [value, style id]}}``, row heights and merged ranges.

    A value is what ``styles.write_value`` takes: text (always text), a Displayed number, a date, a
    number or one of our Formulas; its number format goes into its style as write_value would set it.
    ``finish`` turns the rows that will not change into their XML, so thousands of sheets waiting to be
    saved hold a few kilobytes each rather than an object per cell.
    """

    def __init__(self, ws: Worksheet):
        self.ws = ws
        self.rows: dict[int, dict[int, list]] = {}
        self.heights: dict[int, float] = {}
        self.merged: list[str] = []
        self._styles = _styles(ws)
        self._finished: bytes | None = None  # the rows after the editable ones and the merged ranges, compressed
        self._dimension = ""
        _buffered(ws.parent)[ws] = self

    def write(self, row: int, column: int, value, font=BODY_FONT, alignment=CENTER, border=BOX, fill=None) -> None:
        """Like ``write_value`` then ``style_cell`` on an openpyxl cell (an alignment of None: centred)."""
        if self._finished is not None:
            raise ValueError(f"sheet {self.ws.title!r} is finished: no cell can be added")
        value, number_format = cell_content(value)
        if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
            raise IllegalCharacterError(f"{value!r} cannot be used in worksheets.")
        style = self._styles.id(font, alignment or CENTER, border, fill, number_format)
        self.rows.setdefault(row, {})[column] = [value, style]

    def value(self, row: int, column: int):
        cell = self.rows.get(row, {}).get(column)
        return cell[0] if cell else None

    def rewrite(self, row: int, column: int, value=None, font=None, number_format: str | None = None) -> None:
        """Give the written cell another value (when not None), font or number format."""
        cell = self.rows[row][column]
        if value is not None:
            cell[0] = value
        cell[1] = self._styles.changed(cell[1], font, number_format)

    def merge(self, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        """Merge the range; every cell of it must be written (a merged range's frame is drawn by each cell)."""
        self.merged.append(f"{get_column_letter(first_column)}{first_row}:{get_column_letter(last_column)}{last_row}")

    def finish(self, editable_rows: int = 0) -> None:
        """No cell is added any more, and only rows up to ``editable_rows`` are rewritten: the others and the
        merged ranges become their XML now (compressed), and their cells are let go."""
        if self._finished is not None:
            return
        columns = [c for cells in self.rows.values() for c in cells]
        self._dimension = (f"{get_column_letter(min(columns))}{min(self.rows)}:"
                           f"{get_column_letter(max(columns))}{max(self.rows)}") if columns else "A1:A1"
        done = sorted(r for r in self.rows.keys() | self.heights.keys() if r > editable_rows)
        out = [self._rows_xml(done), "</sheetData>"]
        if self.merged:
            out.append(f'<mergeCells count="{len(self.merged)}">')
            out.extend(f'<mergeCell ref="{ref}"/>' for ref in self.merged)
            out.append("</mergeCells>")
        self._finished = zlib.compress("".join(out).encode("utf-8"), 1)
        self.rows = {r: cells for r, cells in self.rows.items() if r <= editable_rows}  # new dicts: small ones
        self.heights = {r: height for r, height in self.heights.items() if r <= editable_rows}
        self.merged = []

    def xml(self) -> tuple[str, bytes]:
        """(the sheet's dimension, its ``<sheetData>`` and ``<mergeCells>``) as openpyxl would write them."""
        self.finish()
        head = self._rows_xml(sorted(self.rows.keys() | self.heights.keys()))
        return self._dimension, b"<sheetData>" + head.encode("utf-8") + zlib.decompress(self._finished or b"")

    def _rows_xml(self, rows: list[int]) -> str:
        epoch = self.ws.parent.epoch
        out = []
        for r in rows:
            height = self.heights.get(r)
            out.append(f'<row r="{r}" ht="{safe_string(height)}" customHeight="1">' if height is not None
                       else f'<row r="{r}">')
            cells = self.rows.get(r, {})
            out.extend(_cell(f"{get_column_letter(c)}{r}", cells[c][0], cells[c][1], epoch) for c in sorted(cells))
            out.append("</row>")
        return "".join(out)


def _cell(coordinate: str, value, style: int, epoch) -> str:
    start = f'<c r="{coordinate}" s="{style}"' if style else f'<c r="{coordinate}"'
    if value is None:
        return f'{start} t="n"/>'
    if isinstance(value, str):
        if not value:
            return f'{start} t="inlineStr"/>'
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'{start} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
    if isinstance(value, Formula):
        formula = f"<f>{_text(value.text[1:])}</f>"
        if value.result is None:
            return f"{start}>{formula}<v/></c>"
        kind, text = cached_value(value.result, epoch)
        typed = f' t="{kind}"' if kind else ""
        return f"{start}{typed}>{formula}<v>{_text(text)}</v></c>"
    if isinstance(value, bool):
        return f'{start} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (date, datetime, time)):
        return f'{start} t="n"><v>{safe_string(to_excel(value, epoch))}</v></c>'
    if isinstance(value, (int, float, Decimal)):
        return f'{start} t="n"><v>{safe_string(value)}</v></c>'
    raise TypeError(f"a record sheet cannot hold {type(value).__name__} ({value!r})")


def _text(text: str) -> str:
    return escape(text, _ESCAPED)


def sheet_cells(ws: Worksheet) -> SheetCells | None:
    """The cells of a sheet written in this export; None for a sheet read from disk (its cells are openpyxl's)."""
    return _buffered(ws.parent).get(ws)


def sheet_patches(wb: Workbook) -> dict:
    """{sheet title: the change that puts its cells into the sheet openpyxl saved}, for ``patch_sheets``."""
    present = {id(ws) for ws in wb.worksheets}
    return {ws.title: partial(_filled, cells=cells) for ws, cells in _buffered(wb).items() if id(ws) in present}


def _filled(xml: bytes, cells: SheetCells) -> bytes:
    if xml.count(EMPTY_SHEET_DATA) != 1:
        raise ValueError(f"sheet {cells.ws.title!r}: openpyxl wrote cells of its own beside the row buffer's")
    dimension, data = cells.xml()
    xml = _DIMENSION.sub(f'<dimension ref="{dimension}"/>'.encode(), xml, count=1)
    return xml.replace(EMPTY_SHEET_DATA, data, 1)
