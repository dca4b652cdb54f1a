"""The summary sheet: one row per record, its conclusion linked to the record sheet by formula."""
from __future__ import annotations

from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.records.excel.styles import (
    HEADER_FILL,
    HEADER_FONT,
    LEFT,
    LINK_FONT,
    TITLE_FONT,
    highlight_verdicts,
    row_height,
    setup_a4_page,
    style_cell,
    write_value,
)
from desktop.core.records.model import CalibrationRecord

# (label key, column width); the record number column is how appends find an existing row.
SUMMARY_COLUMNS = [
    ("index", 6), ("number", 20), ("calibration_date", 12), ("customer", 24), ("instrument", 20),
    ("model", 14), ("serial", 18), ("manufacturer", 30), ("technician", 10), ("checker", 10), ("verdict", 10),
]
HEADER_ROW = 2
NUMBER_COLUMN = 2


def summary_sheet(wb: Workbook, labels: dict[str, str]) -> Worksheet:
    """The workbook's summary sheet, created first in the workbook when it is not there yet."""
    title = labels["summary_sheet"]
    if title in wb.sheetnames:
        return wb[title]
    ws = wb.create_sheet(title, 0)
    last = get_column_letter(len(SUMMARY_COLUMNS))
    ws.merge_cells(f"A1:{last}1")
    style_cell(ws["A1"], font=TITLE_FONT, alignment=LEFT, border=None)
    ws["A1"] = labels["summary_title"]
    ws.row_dimensions[1].height = 28
    for col, (key, width) in enumerate(SUMMARY_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
        style_cell(ws.cell(HEADER_ROW, col, labels[key]), font=HEADER_FONT, fill=HEADER_FILL)
    ws.row_dimensions[HEADER_ROW].height = 30
    ws.freeze_panes = f"C{HEADER_ROW + 1}"  # title, headers and the record number stay in view
    verdicts = get_column_letter(len(SUMMARY_COLUMNS))
    highlight_verdicts(ws, f"{verdicts}{HEADER_ROW + 1}:{verdicts}{HEADER_ROW + 2000}", labels)
    setup_a4_page(ws, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", footer=labels["page_footer"])
    return ws


def add_summary_row(ws: Worksheet, record: CalibrationRecord, record_sheet: str, conclusion_cell: str) -> None:
    """Add the record's row, or overwrite it when the record was exported to this workbook before."""
    row = _row_of(ws, record.number)
    instrument = record.instrument
    values = [row - HEADER_ROW, record.number, record.calibration_date, record.customer, instrument.name,
              instrument.model, instrument.serial, instrument.manufacturer, record.technician, record.checker,
              f"={quote_sheetname(record_sheet)}!{conclusion_cell}"]
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col)
        write_value(cell, value)
        style_cell(cell)
    ws.row_dimensions[row].height = row_height([(v, w) for v, (_, w) in zip(values[:-1], SUMMARY_COLUMNS)])
    link = ws.cell(row, NUMBER_COLUMN)
    link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quote_sheetname(record_sheet)}!A1")  # in-workbook
    link.font = LINK_FONT
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(SUMMARY_COLUMNS))}{max(ws.max_row, HEADER_ROW + 1)}"


def _row_of(ws: Worksheet, number: str) -> int:
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row, NUMBER_COLUMN).value == number:
            return row
    return max(ws.max_row + 1, HEADER_ROW + 1)
