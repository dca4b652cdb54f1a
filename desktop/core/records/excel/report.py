"""Export records to a report workbook: new, appended to an existing report, or a lab template filled.

Nothing is lost on the way: a record that cannot be printed as it is (text a cell cannot hold, a
standard past its due date without a stated reason, a guarded decision without U) is refused before
anything is written; two records never share a sheet; appending refuses a workbook whose content
openpyxl would drop (sparklines, shapes) or whose summary is in the other language; a record
exported again keeps its earlier sheet, marked superseded, beside the new one, and only a higher
revision may supersede it (17025 7.8.8); an existing report is replaced only when asked to.
"""
from __future__ import annotations

import dataclasses
import os
import warnings
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from desktop.core.reading.keys import load_keys
from desktop.core.records.calibration_record import CalibrationRecord
from desktop.core.records.consistency import record_problems
from desktop.core.records.excel.formula_results import keep_results
from desktop.core.records.excel.history_sheet import add_history_sheet
from desktop.core.records.excel.record_sheet import mark_sheet_superseded, write_record_sheet
from desktop.core.records.excel.report_labels import LANGUAGES, labels_for
from desktop.core.records.excel.safe_write import ReportWriteError, check_writable, save_workbook, workbook_lock
from desktop.core.records.excel.styles import SheetTitles, sheet_title
from desktop.core.records.excel.summary import Summary, SummaryLayoutError, summary_sheet
from desktop.core.records.excel.template_fill import fill_template
from desktop.core.records.texts import text_problems
from desktop.core.records.verdicts import ToleranceError


class RecordNotReadyError(ValueError):
    """A record cannot be printed as it is; the message names the record and the field."""


class ReportExistsError(ReportWriteError):
    """A plain export would replace an existing report: append to it, or say that it is to be replaced."""


class ReportTargetError(ValueError):
    """The workbook named is not one this app can write without losing part of it."""


def check_target(path: Path) -> None:
    """Only .xlsx: an .xlsm's macros would be dropped (and Excel refuses an .xlsx named .xlsm);
    .xls is a format openpyxl cannot read."""
    if path.suffix.lower() == ".xlsm":
        raise ReportTargetError(f"{path.name}: a macro workbook (.xlsm); its macros would be lost: "
                                f"export to an .xlsx workbook")
    if path.suffix.lower() == ".xls":
        raise ReportTargetError(f"{path.name}: the old Excel format (.xls) cannot be written: save it as .xlsx "
                                f"in Excel first, or export to a new .xlsx workbook")
    if path.suffix.lower() != ".xlsx":
        raise ReportTargetError(f"{path.name}: a report is an .xlsx workbook: end the name with .xlsx")


def export_report(records: list[CalibrationRecord], path: str | os.PathLike, lang: str = "zh",
                  photos: bool = False, append: bool = False, template: str | os.PathLike | None = None,
                  replace: bool = False, history: list | None = None) -> Path:
    """Write the report and return its path. Nothing is written unless the whole workbook is ready.

    An existing ``path`` is refused (ReportExistsError) unless ``append`` or ``replace`` is given.
    ``history``: the records' changes from the lab store, added as a sheet (history_sheet.py)."""
    if not records:
        raise ValueError("no records to export")
    if append and template:
        raise ValueError("choose either a template or appending to an existing report, not both")
    path = Path(path)
    check_target(path)
    labels_for(lang)  # an unknown language fails before the lock is taken
    check_records(records)
    check_writable(path)  # fail before the work, not after it
    with workbook_lock(path):  # another export appending to it finishes first: nothing of its is lost
        if path.exists() and not (append or replace):
            raise ReportExistsError(f"{path.name} already exists: append to it, or replace it (nothing was changed)")
        wb = _build(records, path, lang, photos, append, template)
        if history:
            add_history_sheet(wb, history, lang)
        return save_workbook(wb, path)


def _build(records: list[CalibrationRecord], path: Path, lang: str, photos: bool, append: bool,
           template: str | os.PathLike | None) -> Workbook:
    labels = labels_for(lang)
    records = [quantities_in(record, lang) for record in records]
    if template:
        return fill_template(template, records, labels, photos)
    wb = _open_existing(path, lang) if append and path.exists() else _empty_workbook()
    try:
        summary = summary_sheet(wb, labels)
    except SummaryLayoutError as exc:
        raise ReportWriteError(f"cannot append to {path.name}: {exc}") from None
    for record in records:
        _check_revision(summary, record, path)
    taken = SheetTitles(wb.sheetnames)
    for record in records:
        _supersede_earlier(wb, summary, record, labels, taken)
        ws = wb.create_sheet(sheet_title(record.number, taken))
        taken.add(ws.title)
        conclusion = write_record_sheet(ws, record, labels, photos)
        summary.add(record, ws.title, conclusion, labels)
    _show_first(wb, summary.ws)
    return wb


def quantities_in(record: CalibrationRecord, lang: str) -> CalibrationRecord:
    """The record with its points' quantities named in the report's language (电流 is "current" in English);
    a quantity the key dictionary does not know is written as typed."""
    keys = load_keys()
    return dataclasses.replace(record, points=[dataclasses.replace(p, quantity=keys.name(p.quantity, lang))
                                               for p in record.points])


def check_records(records: list[CalibrationRecord]) -> None:
    """Raise RecordNotReadyError listing every problem that would make a record print wrong."""
    problems = []
    for record in records:
        where = f"record {record.number}"
        problems += [f"{where}: {p.removeprefix('record.')}" for p in text_problems(record)]
        problems += [f"{where}: {p}" for p in record_problems(record)]
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


def _check_revision(summary: Summary, record: CalibrationRecord, path: Path) -> None:
    """Only a higher revision replaces one already in the report: the same or a lower one is refused."""
    current = [revision for _, _, revision in summary.rows(record.number, with_revision=True)]
    if current and max(current) >= record.revision:
        raise RecordNotReadyError(
            f"record {record.number}: revision {record.revision} cannot replace revision {max(current)} already in "
            f"{path.name}; make a new revision (with its reason) to change an exported certificate")


def _supersede_earlier(wb: Workbook, summary: Summary, record: CalibrationRecord, labels: dict[str, str],
                       taken: SheetTitles) -> None:
    """A record exported to this workbook before keeps its sheet, renamed and marked superseded."""
    for row, sheet in summary.rows(record.number):
        if sheet not in wb.sheetnames:
            continue
        ws = wb[sheet]
        old_title = ws.title
        ws.title = sheet_title(record.number, taken, suffix=f" {labels['superseded']}")
        taken.discard(old_title)
        taken.add(ws.title)
        summary.mark_superseded(row, old_title, ws.title, labels)
        mark_sheet_superseded(ws, labels["superseded_mark"].format(revision=record.revision), labels)


def _show_first(wb: Workbook, ws) -> None:
    """Open the workbook on ``ws``, with no other sheet left selected (grouped sheets confuse users)."""
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = False
    wb.active = wb.index(ws)
    ws.sheet_view.tabSelected = True
