"""Page breaks computed by us, so a record prints "page x of y" with y known when the file is written.

Excel numbers pages per sheet but LibreOffice counts the whole workbook in ``&N``; neither can be told
"pages of this record". So each record sheet gets manual row breaks and the footer carries the page
count computed here. The sheet prints fitted to the page width. The breaks are placed for the largest
scale that fitting can give (columns drawn with Calibri's 7-pixel digits, the narrowest a PC renders our
default font with; a wider fallback font only shrinks the print further), with a margin, so neither
Excel nor LibreOffice adds a break of its own.

The pages are filled as the sheet is written (``Pages``): a table that does not fit writes its header
again at the top of the next page (print titles would repeat one header over every later page, above
other tables too), and small blocks are kept whole.
"""
from __future__ import annotations

from openpyxl.worksheet.pagebreak import Break

from desktop.core.records.excel.sheet_cells import SheetCells

A4_WIDTH_PT, A4_HEIGHT_PT = 595.0, 842.0
FILL = 0.92  # rows render slightly taller than their nominal height in some programs
DEFAULT_ROW_PT = 15.0


def largest_scale(column_widths: list[float], margins: tuple[float, float, float, float]) -> float:
    """The largest fraction that fitting these columns to the A4 portrait width can print at."""
    columns_pt = sum((width * 7 + 5) * 0.75 for width in column_widths)  # characters -> pixels -> points
    return min(1.0, (A4_WIDTH_PT - (margins[0] + margins[1]) * 72) / columns_pt)


class Pages:
    """Places the rows of a sheet (its ``SheetCells``) on A4 pages in order: ``flow`` for rows already written,
    ``fits`` and ``new_page`` for a writer that decides before it writes (a table repeating its header)."""

    def __init__(self, cells: SheetCells, margins: tuple[float, float, float, float], scale: float = 1.0):
        self.cells = cells
        self.usable = (A4_HEIGHT_PT - (margins[2] + margins[3]) * 72) * FILL / scale
        self.count, self.used, self.page_start, self.next_row = 1, 0.0, 1, 1

    def height(self, row: int) -> float:
        return self.cells.heights.get(row) or DEFAULT_ROW_PT

    def fits(self, height: float) -> bool:
        return self.used + height <= self.usable or self.used == 0

    def new_page(self, row: int) -> None:
        """The page breaks before ``row`` (the next row to place)."""
        if row > self.page_start:
            self.cells.ws.row_breaks.append(Break(id=row - 1))
            self.count += 1
            self.page_start, self.used = row, 0.0

    def place(self, row: int) -> None:
        """Row ``row`` (the next one) goes on the current page, which has room for it (see ``fits``)."""
        self.used += self.height(row)
        self.next_row = row + 1

    def flow(self, last_row: int, keep_together: list[tuple[int, int]] = ()) -> None:
        """Place the rows up to ``last_row``; a (first, last) range in ``keep_together`` is not split unless
        it is longer than a page; ranges must not overlap."""
        starts = {first: last for first, last in keep_together}
        row = self.next_row
        while row <= last_row:
            block_end = min(starts.get(row, row), last_row)
            block = sum(self.height(r) for r in range(row, block_end + 1))
            if block > self.usable:  # a block longer than a page: place it row by row
                block_end, block = row, self.height(row)
            if not self.fits(block):
                self.new_page(row)
            self.used += block
            row = block_end + 1
        self.next_row = max(self.next_row, last_row + 1)
