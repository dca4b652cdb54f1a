"""The history sheet of a report: every change to the exported records, as the lab store keeps it
(ISO/IEC 17025 7.5.2). Values are written as text, whatever they look like (``=1+2`` stays text)."""
from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.workbook import Workbook

from desktop.core.records.excel.styles import sheet_title, write_value

HEADERS = {  # when, who, record, revision, what, old value, new value, why
    "zh": ("修改记录", ("时间 (UTC)", "修改人", "记录编号", "版本", "修改项", "原值", "新值", "原因")),
    "en": ("History", ("When (UTC)", "Who", "Record", "Revision", "What", "Old value", "New value", "Why")),
}
WIDTHS = (28, 12, 22, 8, 30, 30, 30, 30)


def add_history_sheet(wb: Workbook, entries: list, lang: str) -> None:
    """``entries``: the records' ``HistoryEntry`` list, oldest first."""
    title, headers = HEADERS[lang]
    ws = wb.create_sheet(sheet_title(title, wb.sheetnames))
    for column, (header, width) in enumerate(zip(headers, WIDTHS), 1):
        write_value(ws.cell(1, column), header)
        ws.cell(1, column).font = Font(bold=True)
        ws.column_dimensions[ws.cell(1, column).column_letter].width = width
    for row, entry in enumerate(entries, 2):
        values = (entry.at, entry.who, entry.number, str(entry.revision), entry.what, entry.old_value,
                  entry.new_value, entry.why)
        for column, value in enumerate(values, 1):
            write_value(ws.cell(row, column), value)
    ws.freeze_panes = "A2"
