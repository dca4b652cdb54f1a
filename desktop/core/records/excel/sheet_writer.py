"""Writes a record sheet's blocks top to bottom: titles, notes, label/value pairs and spanned rows."""
from __future__ import annotations

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.records.excel.pagination import Pages
from desktop.core.records.excel.sheet_cells import SheetCells
from desktop.core.records.excel.styles import (
    BODY_FONT,
    BOX,
    CENTER,
    HEADER_FILL,
    HEADER_FONT,
    LEFT,
    SECTION_FONT,
    TITLE_FONT,
    row_height,
)


class SheetWriter:
    """Writes the record's blocks top to bottom; ``row`` is the next free row."""

    def __init__(self, ws: Worksheet, last_column: str):
        self.ws, self.last, self.row = ws, last_column, 1
        self.cells = SheetCells(ws)
        self._widths: dict[str, float] = {}  # span ("C:E") -> its width
        self.blocks: list[tuple[int, int]] = []  # (first, last) rows kept on one page when paginating

    def keep_together(self, first: int, last: int | None = None) -> None:
        """Rows first..last (default: up to the last row written) are not split by a page break."""
        self.blocks.append((first, self.row - 1 if last is None else last))

    def title(self, text: str, small: str = "") -> None:
        self._merged(f"A:{self.last}", text, font=TITLE_FONT, border=False)
        self.cells.heights[self.row] = 30
        self.row += 1
        if small:
            self.note(small, centred=True)

    def note(self, text: str, centred: bool = False) -> None:
        """A line of text across the sheet, without a frame."""
        self._merged(f"A:{self.last}", text, border=False,
                     alignment=CENTER if centred else LEFT)
        self.cells.heights[self.row] = row_height([(text, self._width(f"A:{self.last}"))])
        self.row += 1

    def section(self, text: str) -> int:
        """A section title; returns its row."""
        self.row += 1  # breathing space above each section
        self._merged(f"A:{self.last}", text, font=SECTION_FONT, alignment=LEFT, border=False)
        self.cells.heights[self.row] = 20
        self.row += 1
        return self.row - 1

    def pairs(self, label1: str, value1, label2: str, value2, min_height: float = 20) -> None:
        """Label A:B, value C:E, label F:G, value H:last."""
        self.spanned_row(["A:B", "C:E", "F:G", f"H:{self.last}"], [label1, value1, label2, value2],
                         labels_at=(0, 2), min_height=min_height)

    def wide_pair(self, label: str, value) -> str:
        """Label A:B, value C:last; returns the value cell."""
        self.spanned_row(["A:B", f"C:{self.last}"], [label, value], labels_at=(0,))
        return f"C{self.row - 1}"

    def table(self, pages: Pages, title: str, spans: list[str], header: list, rows: list[list],
              small: int = 15) -> int:
        """A titled table placed on the pages as it is written: the title, the header and the first rows (all
        rows of a table up to ``small`` rows) stay together, and a row that does not fit starts the next page
        under the header written again. Returns the title's row."""
        pages.flow(self.row - 1, self.blocks)
        section = self.section(title)
        pages.flow(section - 1)
        heights = [self.spanned_height(spans, values) for values in rows]
        header_height = self.spanned_height(spans, header)
        kept = heights if len(heights) <= small else heights[:2]
        if not pages.fits(pages.height(section) + header_height + sum(kept)):
            pages.new_page(section)
        pages.place(section)
        self.spanned_row(spans, header, header=True)
        pages.place(self.row - 1)
        for values, height in zip(rows, heights):
            if not pages.fits(height):
                pages.new_page(self.row)
                self.spanned_row(spans, header, header=True)
                pages.place(self.row - 1)
            self.spanned_row(spans, values)
            pages.place(self.row - 1)
        return section

    def spanned_height(self, spans: list[str], values: list, min_height: float = 20) -> float:
        return row_height(list(zip(values, (self._width(span) for span in spans))), min_height)

    def spanned_row(self, spans: list[str], values: list, header: bool = False,
                    labels_at: tuple[int, ...] = (), min_height: float = 20) -> None:
        self.cells.heights[self.row] = self.spanned_height(spans, values, min_height)
        for i, (span, value) in enumerate(zip(spans, values)):
            is_label = header or i in labels_at
            self._merged(span, value,
                         font=HEADER_FONT if is_label else BODY_FONT,
                         fill=HEADER_FILL if is_label else None,
                         alignment=None if is_label else LEFT)
        self.row += 1

    def _width(self, span: str) -> float:
        if span not in self._widths:
            start, end = (column_index_from_string(c) for c in span.split(":"))
            self._widths[span] = sum(self.ws.column_dimensions[get_column_letter(i)].width
                                     for i in range(start, end + 1))
        return self._widths[span]

    def _merged(self, span: str, value, font=BODY_FONT, alignment=None, border=True, fill=None) -> None:
        """``value`` in the columns ``span`` ("C:E") of the current row, merged when it spans several."""
        first, last = (column_index_from_string(c) for c in span.split(":"))
        self.cells.write(self.row, first, value, font, alignment, BOX if border else None, fill)
        for column in range(first + 1, last + 1):  # borders and fills must be set on every cell of a merged range
            self.cells.write(self.row, column, None, font, alignment, BOX if border else None, fill)
        if last != first:
            self.cells.merge(self.row, first, self.row, last)
