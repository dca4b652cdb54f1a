"""Export records to a report workbook: new, appended to an existing report, or a lab template filled."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from desktop.core.records.excel.labels import labels_for
from desktop.core.records.excel.record_sheet import write_record_sheet
from desktop.core.records.excel.safe_write import ReportWriteError, check_writable, save_workbook
from desktop.core.records.excel.styles import sheet_title
from desktop.core.records.excel.summary import add_summary_row, summary_sheet
from desktop.core.records.excel.template_fill import fill_template
from desktop.core.records.model import CalibrationRecord


def export_report(records: list[CalibrationRecord], path: str | os.PathLike, lang: str = "zh",
                  photos: bool = False, append: bool = False, template: str | os.PathLike | None = None) -> Path:
    """Write the report and return its path. Nothing is written unless the whole workbook is ready.

    ``append`` adds the records to an existing report, leaving its other sheets alone; a record
    already in it (same number) is replaced, so re-exporting after a correction does not duplicate it.
    """
    if not records:
        raise ValueError("no records to export")
    if append and template:
        raise ValueError("choose either a template or appending to an existing report, not both")
    path = Path(path)
    labels = labels_for(lang)
    check_writable(path)  # fail before the work, not after it
    if template:
        wb = fill_template(template, records, labels, photos)
    else:
        wb = _open_existing(path) if append and path.exists() else _empty_workbook()
        summary = summary_sheet(wb, labels)
        for record in records:
            ws = _fresh_sheet(wb, sheet_title(record.number))
            conclusion = write_record_sheet(ws, record, labels, photos)
            add_summary_row(summary, record, ws.title, conclusion)
        _show_first(wb, summary)
    return save_workbook(wb, path)


def _empty_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def _open_existing(path: Path) -> Workbook:
    try:
        return load_workbook(path)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReportWriteError(f"cannot append to {path.name}: not a readable .xlsx workbook ({exc})") from None


def _fresh_sheet(wb: Workbook, title: str):
    """A new empty sheet; one with the same title (the same record exported before) is replaced in place."""
    if title not in wb.sheetnames:
        return wb.create_sheet(title)
    index = wb.index(wb[title])
    wb.remove(wb[title])
    return wb.create_sheet(title, index)


def _show_first(wb: Workbook, ws) -> None:
    """Open the workbook on ``ws``, with no other sheet left selected (grouped sheets confuse users)."""
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = False
    wb.active = wb.index(ws)
    ws.sheet_view.tabSelected = True
