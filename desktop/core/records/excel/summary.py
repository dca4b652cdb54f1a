"""The summary sheet: one row per exported record, its conclusion linked to the record sheet by formula.

A record exported again gets a new row; the earlier row stays, marked superseded and linked to the
earlier sheet, so the workbook shows every revision that went out.
"""
from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.records.calibration_record import CalibrationRecord
from desktop.core.records.excel.formula_results import results
from desktop.core.records.excel.styles import (
    HEADER_FILL,
    HEADER_FONT,
    LEFT,
    LINK_FONT,
    TITLE_FONT,
    Formula,
    highlight_verdicts,
    row_height,
    setup_a4_page,
    style_cell,
    write_value,
)

# (label key, column width); the record number column is how appends find an existing row.
SUMMARY_COLUMNS = [
    ("index", 6), ("number", 20), ("revision", 7), ("calibration_date", 12), ("customer", 24), ("instrument", 20),
    ("model", 14), ("serial", 18), ("manufacturer", 30), ("technician", 10), ("checker", 10), ("verdict", 10),
    ("status", 14),
]
COLUMN = {key: i for i, (key, _) in enumerate(SUMMARY_COLUMNS, start=1)}
HEADER_ROW = 2
EXCEL_MAX_ROW = 1_048_576  # a worksheet's last row


class SummaryLayoutError(ValueError):
    """The workbook's summary sheet has other columns than this app writes."""


class Summary:
    """The summary sheet, with its rows by record number found once and kept up to date as rows are added:
    an export of thousands of records reads neither the whole sheet nor its row count again for each."""

    def __init__(self, ws: Worksheet):
        self.ws = ws
        self.next_row = max(ws.max_row + 1, HEADER_ROW + 1)
        self._rows: dict[Any, list[int]] = {}  # record number -> its rows
        for row in range(HEADER_ROW + 1, self.next_row):
            self._rows.setdefault(ws.cell(row, COLUMN["number"]).value, []).append(row)

    def add(self, record: CalibrationRecord, record_sheet: str, conclusion_cell: str, labels: dict[str, str]) -> None:
        """Add the record's row at the end, its number linked to its own sheet."""
        ws, row = self.ws, self.next_row
        instrument = record.instrument
        verdict = labels.get(record.verdict() or "", "")
        values = [row - HEADER_ROW, record.number, record.revision, record.calibration_date, record.customer,
                  instrument.name, instrument.model, instrument.serial, instrument.manufacturer, record.technician,
                  record.checker, Formula(f"={quote_sheetname(record_sheet)}!{conclusion_cell}", verdict), ""]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col)
            write_value(cell, value)
            style_cell(cell)
        ws.row_dimensions[row].height = row_height(list(zip(values, (w for _, w in SUMMARY_COLUMNS))))
        _link(ws, row, record_sheet)
        self._rows.setdefault(record.number, []).append(row)
        self.next_row = row + 1
        ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(SUMMARY_COLUMNS))}{row}"

    def rows(self, number: str, with_revision: bool = False) -> list[tuple[Any, ...]]:
        """(row, sheet title) of the rows of record ``number`` that are not superseded yet; with their revision
        number last when ``with_revision`` (0 for a row whose revision cell is not a number)."""
        ws = self.ws
        found: list[tuple[Any, ...]] = []
        for row in self._rows.get(number, ()):
            link = ws.cell(row, COLUMN["number"])
            if not ws.cell(row, COLUMN["status"]).value and link.hyperlink:
                revision = ws.cell(row, COLUMN["revision"]).value
                found.append((row, _sheet_of(link.hyperlink.location))
                             + ((revision if isinstance(revision, int) else 0,) if with_revision else ()))
        return found

    def mark_superseded(self, row: int, old_title: str, new_title: str, labels: dict[str, str]) -> None:
        """The row of an earlier export: marked superseded, its link and conclusion following its renamed sheet."""
        ws = self.ws
        verdict = ws.cell(row, COLUMN["verdict"])
        cached = results(ws.parent).get(ws, {}).get(verdict.coordinate)
        formula = str(verdict.value).replace(quote_sheetname(old_title) + "!", quote_sheetname(new_title) + "!", 1)
        write_value(verdict, Formula(formula, cached) if formula.startswith("=") else formula)
        write_value(ws.cell(row, COLUMN["status"]), labels["superseded"])
        _link(ws, row, new_title)


def summary_sheet(wb: Workbook, labels: dict[str, str]) -> Summary:
    """The workbook's summary sheet, created first in the workbook when it is not there yet."""
    title = labels["summary_sheet"]
    if title in wb.sheetnames:
        ws = wb[title]
        found = [ws.cell(HEADER_ROW, col).value for col in range(1, len(SUMMARY_COLUMNS) + 1)]
        if found != [labels[key] for key, _ in SUMMARY_COLUMNS]:
            raise SummaryLayoutError(f"the sheet {title!r} has other columns than this version writes "
                                     f"({', '.join(str(v) for v in found if v)}); export to a new workbook")
        return Summary(ws)
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
    verdicts = get_column_letter(COLUMN["verdict"])
    # to the sheet's last row: a year of records is thousands of rows, every one of them coloured
    highlight_verdicts(ws, f"{verdicts}{HEADER_ROW + 1}:{verdicts}{EXCEL_MAX_ROW}", labels)
    setup_a4_page(ws, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", footer=labels["page_footer"])
    return Summary(ws)


def _link(ws: Worksheet, row: int, sheet: str) -> None:
    link = ws.cell(row, COLUMN["number"])
    link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quote_sheetname(sheet)}!A1")  # in-workbook
    link.font = LINK_FONT


def _sheet_of(location: str | None) -> str:
    """``'LCD 1'!A1`` -> ``LCD 1``."""
    sheet = (location or "").rsplit("!", 1)[0]
    return sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
