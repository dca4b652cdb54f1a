"""Page breaks computed by us, so a record prints "page x of y" with y known when the file is written.

Excel numbers pages per sheet but LibreOffice counts the whole workbook in ``&N``; neither can be told
"pages of this record". So each record sheet gets manual row breaks and the footer carries the page
count computed here. The sheet prints fitted to the page width. The breaks are placed for the largest
scale that fitting can give (columns drawn with Calibri's 7-pixel digits, the narrowest a PC renders our
default font with; a wider fallback font only shrinks the print further), with a margin, so neither
Excel nor LibreOffice adds a break of its own.
"""
from __future__ import annotations

from openpyxl.worksheet.pagebreak import Break

A4_WIDTH_PT, A4_HEIGHT_PT = 595.0, 842.0
FILL = 0.92  # rows render slightly taller than their nominal height in some programs
DEFAULT_ROW_PT = 15.0


def largest_scale(column_widths: list[float], margins: tuple[float, float, float, float]) -> float:
    """The largest fraction that fitting these columns to the A4 portrait width can print at."""
    columns_pt = sum((width * 7 + 5) * 0.75 for width in column_widths)  # characters -> pixels -> points
    return min(1.0, (A4_WIDTH_PT - (margins[0] + margins[1]) * 72) / columns_pt)


def paginate(ws, last_row: int, margins: tuple[float, float, float, float], scale: float = 1.0,
             title_row: int | None = None, keep_together: list[tuple[int, int]] = ()) -> int:
    """Add row breaks to ``ws`` so rows 1..last_row fill pages printed at ``scale`` or smaller; returns the
    page count.

    ``title_row`` may repeat on every page after it first appears (its height is reserved); a (first, last)
    range in ``keep_together`` is not split unless it is longer than a page; ranges must not overlap.
    """
    usable = (A4_HEIGHT_PT - (margins[2] + margins[3]) * 72) * FILL / scale

    def height(row: int) -> float:
        return ws.row_dimensions[row].height or DEFAULT_ROW_PT

    pages, used, page_start = 1, 0.0, 1
    starts = {first: last for first, last in keep_together}
    row = 1
    while row <= last_row:
        block_end = starts.get(row, row)
        block = sum(height(r) for r in range(row, block_end + 1))
        if used + block > usable and row > page_start and block <= usable:
            ws.row_breaks.append(Break(id=row - 1))
            pages += 1
            page_start = row
            used = height(title_row) if title_row and title_row < row else 0.0
        if block > usable:  # a block longer than a page: place it row by row
            block_end, block = row, height(row)
            if used + block > usable and row > page_start:
                ws.row_breaks.append(Break(id=row - 1))
                pages += 1
                page_start = row
                used = height(title_row) if title_row and title_row < row else 0.0
        used += block
        row = block_end + 1
    return pages
