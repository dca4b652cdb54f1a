"""Export records to a report workbook: new, appended to an existing report, or a lab template filled.

Nothing is lost on the way: a record that cannot be printed as it is (text a cell cannot hold, a
standard past its due date without a stated reason, a guarded decision without U) is refused before
anything is written; two records never share a sheet; appending refuses a workbook whose content
openpyxl would drop (sparklines, shapes) or whose summary is in the other language; and a record
exported again keeps its earlier sheet, marked superseded, beside the new one.
"""
from __future__ import annotations

import os
import warnings
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from desktop.core.records.evaluation import ToleranceError
from desktop.core.records.excel.formula_results import keep_results
from desktop.core.records.excel.history_sheet import add_history_sheet
from desktop.core.records.excel.labels import LANGUAGES, labels_for
from desktop.core.records.excel.record_sheet import write_record_sheet
from desktop.core.records.excel.safe_write import ReportWriteError, check_writable, save_workbook
from desktop.core.records.excel.styles import sheet_title
from desktop.core.records.excel.summary import (SummaryLayoutError, add_summary_row, mark_superseded, summary_rows,
                                                summary_sheet)
from desktop.core.records.excel.template_fill import fill_template
from desktop.core.records.model import CalibrationRecord
from desktop.core.records.texts import text_problems


class RecordNotReadyError(ValueError):
    """A record cannot be printed as it is; the message names the record and the field."""


def export_report(records: list[CalibrationRecord], path: str | os.PathLike, lang: str = "zh",
                  photos: bool = False, append: bool = False, template: str | os.PathLike | None = None,
                  history: list | None = None) -> Path:
    """Write the report and return its path. Nothing is written unless the whole workbook is ready.
    ``history``: the records' changes from the lab store, added as a sheet (history_sheet.py)."""
    if not records:
        raise ValueError("no records to export")
    if append and template:
        raise ValueError("choose either a template or appending to an existing report, not both")
    path = Path(path)
    labels = labels_for(lang)
    check_records(records)
    check_writable(path)  # fail before the work, not after it
    if template:
        wb = fill_template(template, records, labels, photos)
    else:
        wb = _open_existing(path, lang) if append and path.exists() else _empty_workbook()
        try:
            summary = summary_sheet(wb, labels)
        except SummaryLayoutError as exc:
            raise ReportWriteError(f"cannot append to {path.name}: {exc}") from None
        for record in records:
            _supersede_earlier(wb, summary, record, labels)
            ws = wb.create_sheet(sheet_title(record.number, wb.sheetnames))
            conclusion = write_record_sheet(ws, record, labels, photos)
            add_summary_row(summary, record, ws.title, conclusion, labels)
        _show_first(wb, summary)
    if history:
        add_history_sheet(wb, history, lang)
    return save_workbook(wb, path)


def check_records(records: list[CalibrationRecord]) -> None:
    """Raise RecordNotReadyError listing every problem that would make a record print wrong."""
    problems = []
    for record in records:
        where = f"record {record.number}"
        problems += [f"{where}: {p.removeprefix('record.')}" for p in text_problems(record)]
        overdue = record.overdue_standards()
        if overdue and not record.standards_override:
            names = ", ".join(f"{s.name} (due {s.due_date.isoformat()})" for s in overdue)
            problems.append(f"{where}: standard past its due date on {record.calibration_date.isoformat()}: "
                            f"{names}; state why it was used (standards_override) or use another")
        for i, point in enumerate(record.points, start=1):
            try:
                point.result(record.decision_rule)
                if point.as_found:
                    point.result(record.decision_rule, as_found=True)
            except (ToleranceError, ValueError) as exc:
                problems.append(f"{where}: point {i}: {exc}")
    if problems:
        raise RecordNotReadyError("; ".join(problems))


def _empty_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def _open_existing(path: Path, lang: str) -> Workbook:
    """The report to append to, with its formulas' cached results kept; refused when openpyxl would drop
    any of its content or its summary is in the other language."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            wb = load_workbook(path)
        cached = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReportWriteError(f"cannot append to {path.name}: not a readable .xlsx workbook ({exc})") from None
    lost = [str(w.message) for w in caught if any(word in str(w.message) for word in ("removed", "lost", "Unable"))]
    if lost:
        raise ReportWriteError(f"cannot append to {path.name}: it holds content this app cannot keep "
                               f"({'; '.join(dict.fromkeys(lost))}); export to a new workbook instead")
    for other in LANGUAGES:
        title = labels_for(other)["summary_sheet"]
        if other != lang and title in wb.sheetnames:
            raise ReportWriteError(f"cannot append to {path.name}: its summary sheet is {title!r} "
                                   f"(language {other}); append with the same language ({other})")
    keep_results(wb, cached)
    return wb


def _supersede_earlier(wb: Workbook, summary, record: CalibrationRecord, labels: dict[str, str]) -> None:
    """A record exported to this workbook before keeps its sheet, renamed and marked superseded."""
    for row, sheet in summary_rows(summary, record.number):
        if sheet not in wb.sheetnames:
            continue
        ws = wb[sheet]
        old_title = ws.title
        ws.title = sheet_title(f"{record.number} {labels['superseded']}", wb.sheetnames)
        mark_superseded(summary, row, old_title, ws.title, labels)


def _show_first(wb: Workbook, ws) -> None:
    """Open the workbook on ``ws``, with no other sheet left selected (grouped sheets confuse users)."""
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = False
    wb.active = wb.index(ws)
    ws.sheet_view.tabSelected = True
