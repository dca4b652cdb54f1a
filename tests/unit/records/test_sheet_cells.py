"""A record sheet's row buffer (sheet_cells.py) reads back as the same cells openpyxl writes itself."""
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from desktop.core.records.excel.safe_write import save_workbook
from desktop.core.records.excel.sheet_cells import SheetCells
from desktop.core.records.excel.styles import (
    BOX,
    HEADER_FILL,
    HEADER_FONT,
    LEFT,
    SECTION_FONT,
    Displayed,
    Formula,
    style_cell,
    write_value,
)

# (value, font, alignment, border, fill) by column of row 1; text a user typed stays text whatever it looks like
ROW = [
    ("=cmd|' /C calc'!A0", HEADER_FONT, None, BOX, HEADER_FILL),
    ("  spaced  \r\n<b>&amp;", SECTION_FONT, LEFT, None, None),
    ("#N/A", HEADER_FONT, None, BOX, None),
    (Displayed(20.10, 2), SECTION_FONT, None, BOX, None),
    (date(2025, 3, 14), HEADER_FONT, LEFT, BOX, None),
    (Formula('=IF(D1>20,"合格","不合格")', "合格"), SECTION_FONT, None, BOX, None),
    (Formula("=D1*2", 40.2), HEADER_FONT, None, BOX, None),
    (Formula("=D1>0", True), HEADER_FONT, None, BOX, None),
    (Formula("=D1/0", None), HEADER_FONT, None, BOX, None),
    (7, HEADER_FONT, None, BOX, None),
    ("", HEADER_FONT, None, BOX, None),
    (None, HEADER_FONT, None, BOX, None),
]


def _facts(ws):
    """Every cell's value, type and style (styles compared by what they hold: repr)."""
    return {c.coordinate: (c.value, c.data_type, c.number_format, *map(repr, (c.font, c.fill, c.border, c.alignment)))
            for row in ws.iter_rows() for c in row}


def test_a_buffered_sheet_reads_back_like_the_one_openpyxl_writes(tmp_path):
    wb = Workbook()
    theirs = wb.active
    ours = SheetCells(wb.create_sheet("ours"))
    for column, (value, font, alignment, border, fill) in enumerate(ROW, start=1):
        write_value(theirs.cell(1, column), value)
        style_cell(theirs.cell(1, column), font, alignment, border, fill)
        ours.write(1, column, value, font, alignment, border, fill)
    for column in (1, 2):  # a merged label: every cell of the range is framed
        style_cell(theirs.cell(3, column), HEADER_FONT)
        ours.write(3, column, "label" if column == 1 else None, HEADER_FONT)
    theirs["A3"] = "label"
    theirs.merged_cells.add("A3:B3")
    ours.merge(3, 1, 3, 2)
    theirs.row_dimensions[1].height = ours.heights[1] = 36.5
    theirs.row_dimensions[2].height = ours.heights[2] = 20  # a row of no cells keeps its height
    ours.finish(editable_rows=1)  # rows 2 and 3 are XML from here on: row 1 can still be rewritten
    theirs["D1"].number_format = "0.000"  # changed after writing
    ours.rewrite(1, 4, number_format="0.000")
    theirs["F1"].font = HEADER_FONT
    ours.rewrite(1, 6, font=HEADER_FONT)

    path = save_workbook(wb, tmp_path / "cells.xlsx")

    for data_only in (False, True):  # with data_only, the formulas' cached results
        read = load_workbook(path, data_only=data_only)
        assert _facts(read["ours"]) == _facts(read["Sheet"])
    read = load_workbook(path)
    ws = read["ours"]
    assert ws["A1"].value == "=cmd|' /C calc'!A0" and ws["A1"].data_type == "s"
    assert ws["B1"].value == "  spaced  \r\n<b>&amp;" and ws["D1"].number_format == "0.000"
    assert [str(r) for r in ws.merged_cells.ranges] == ["A3:B3"]
    assert ws.row_dimensions[1].height == 36.5 and ws.row_dimensions[2].height == 20
    assert ws.calculate_dimension() == "A1:L3"
    cached = load_workbook(path, data_only=True)["ours"]
    assert [cached[c].value for c in ("F1", "G1", "H1", "I1")] == ["合格", 40.2, True, None]


def test_text_a_cell_cannot_hold_is_refused_as_openpyxl_refuses_it():
    cells = SheetCells(Workbook().active)
    with pytest.raises(IllegalCharacterError):
        cells.write(1, 1, "bell\x07")


def test_a_finished_sheet_takes_no_new_cell_and_lets_go_of_the_rows_that_cannot_change():
    cells = SheetCells(Workbook().active)
    for row in (1, 2, 3):
        cells.write(row, 1, f"row {row}")
    cells.finish(editable_rows=1)
    assert list(cells.rows) == [1] and cells.value(1, 1) == "row 1"
    with pytest.raises(ValueError, match="finished"):
        cells.write(4, 1, "late")
