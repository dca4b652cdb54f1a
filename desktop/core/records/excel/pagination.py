"""Page breaks computed by us, so a record prints "page x of y" with y known when the file is written.

Excel numbers pages per sheet but LibreOffice counts the whole workbook in ``&N``; neither can be told
"pages of this record". So each record sheet prints at a fixed scale with manual row breaks, and the
footer carries the page count computed here. A safety margin keeps either program from adding a break.
"""
from __future__ import annotations

import math

from openpyxl.worksheet.pagebreak import Break

A4_WIDTH_PT, A4_HEIGHT_PT = 595.0, 842.0
FILL = 0.9  # use 90 % of a page's height: row heights render slightly differently in each program
DEFAULT_ROW_PT = 15.0


def column_points(width_chars: float) -> float:
    return (width_chars * 7 + 5) * 0.75  # Excel's character width to pixels (96 dpi), to points


def print_scale(column_widths: list[float], margins: tuple[float, float, float, float]) -> int:
    """The largest whole percentage at which the columns fit the A4 portrait width."""
    printable = A4_WIDTH_PT - (margins[0] + margins[1]) * 72
    return max(10, min(100, math.floor(printable / sum(column_points(w) for w in column_widths) * 100)))


def paginate(ws, last_row: int, scale: int, margins: tuple[float, float, float, float],
             title_row: int | None = None, keep_together: list[tuple[int, int]] = ()) -> int:
    """Add row breaks to ``ws`` so rows 1..last_row fill pages at ``scale``; returns the page count.

    ``title_row`` repeats on every page after it first appears; a (first, last) range in
    ``keep_together`` is not split unless it is longer than a page.
    """
    usable = (A4_HEIGHT_PT - (margins[2] + margins[3]) * 72) * FILL * 100 / scale

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
