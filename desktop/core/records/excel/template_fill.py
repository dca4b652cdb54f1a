"""Fill a lab's own template workbook: cells marked by ``{{field}}`` placeholders or named ranges.

The template's first sheet is the record form; each record gets a copy of it named by its record
number. A row holding ``{{point.*}}`` placeholders is repeated once per measurement point (likewise
``{{standard.*}}`` per standard used). In a point row, ``{{point.error}}`` and ``{{point.verdict}}``
become formulas over the row's own reading, standard and tolerance cells. A named range called like a
field (``number``, ``instrument.serial`` or ``instrument_serial``) receives that field's value.
Limits (openpyxl's): images in the template are not copied to the extra record sheets, and formulas
below an expanding row are not re-pointed.
"""
from __future__ import annotations

import re
from copy import copy
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import quote_sheetname
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.records.excel.photos import thumbnail_image
from desktop.core.records.excel.styles import (
    Displayed,
    as_text,
    highlight_verdicts,
    number_format,
    sheet_title,
    write_value,
)
from desktop.core.records.model import CalibrationRecord, MeasurementPoint, StandardUsed

PLACEHOLDER = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
POINT_FIELDS = ("index", "quantity", "unit", "standard", "reading", "error", "tolerance", "uncertainty",
                "verdict", "photo")
STANDARD_FIELDS = ("index", "name", "model", "serial", "certificate", "due_date", "uncertainty")


class TemplateError(ValueError):
    """The template cannot be used; the message names the file and the cell."""


def record_fields(record: CalibrationRecord, labels: dict[str, str]) -> dict[str, object]:
    """The scalar fields a template may name, with their cell values."""
    i, env = record.instrument, record.environment
    verdict = {True: labels["pass"], False: labels["fail"], None: ""}[record.passed]
    return {
        "number": record.number, "customer": record.customer, "location": record.location,
        "calibration_date": record.calibration_date, "procedure": record.procedure,
        "technician": record.technician, "checker": record.checker, "remarks": record.remarks,
        "conclusion": verdict,
        "instrument.name": i.name, "instrument.model": i.model, "instrument.manufacturer": i.manufacturer,
        "instrument.serial": i.serial, "instrument.firmware": i.firmware, "instrument.category": i.category,
        "environment.temperature": Displayed.parse(env.temperature),
        "environment.humidity": Displayed.parse(env.humidity),
        "environment.pressure": Displayed.parse(env.pressure),
        "standards": "\n".join(_standard_line(s) for s in record.standards),
    }


def fill_template(template: str | Path, records: list[CalibrationRecord], labels: dict[str, str],
                  photos: bool) -> Workbook:
    template = Path(template)
    try:
        wb = load_workbook(template)
    except Exception as exc:  # noqa: BLE001  (openpyxl raises many types for a file that is not a workbook)
        raise TemplateError(f"{template}: not a readable .xlsx workbook ({exc})") from None
    form = wb.worksheets[0]
    names = _named_cells(wb, form, set(record_fields(records[0], labels)))
    sheets = [form] + [wb.copy_worksheet(form) for _ in records[1:]]  # copy before filling: pristine forms
    for position, (ws, record) in enumerate(zip(sheets, records)):
        ws.title = sheet_title(record.number)
        wb.move_sheet(ws, position - wb.index(ws))
        named_cells = {field: coordinate for field, (_, coordinate) in names.items()}
        try:
            _fill_sheet(ws, record, labels, photos, named_cells)
        except TemplateError as exc:
            raise TemplateError(f"{template}: {exc}") from None
        if ws is form:  # the workbook's names keep pointing at the first record's cells
            for field, (defined_name, _) in names.items():
                defined_name.attr_text = f"{quote_sheetname(ws.title)}!{named_cells[field]}"
    return wb


def _fill_sheet(ws: Worksheet, record: CalibrationRecord, labels: dict[str, str], photos: bool,
                named_cells: dict[str, str]) -> None:
    """Fill one copy of the form; ``named_cells`` ({field: "C3"}) follows rows inserted above them."""
    fields = record_fields(record, labels)
    for field, coordinate in named_cells.items():
        write_value(ws[coordinate], fields[field])
    verdict_range = _expand_rows(ws, "standard.", record.standards, named_cells, labels, photos)
    verdict_range = _expand_rows(ws, "point.", record.points, named_cells, labels, photos) or verdict_range
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "{{" in cell.value:
                _replace_placeholders(cell, ws.title, fields, verdict_range, labels)


def _replace_placeholders(cell, sheet: str, fields: dict, verdict_range: str | None, labels: dict) -> None:
    found = PLACEHOLDER.findall(cell.value)
    unknown = [name for name in found if name not in fields]
    if unknown:
        raise TemplateError(f"{sheet}!{cell.coordinate}: unknown placeholder {{{{{unknown[0]}}}}}; "
                            f"known: {', '.join(sorted(fields))}, point.*, standard.*")
    if found == ["conclusion"] and verdict_range and PLACEHOLDER.fullmatch(cell.value.strip()):
        fail, passed = labels["fail"], labels["pass"]
        cell.value = (f'=IF(COUNTIF({verdict_range},"{fail}")>0,"{fail}",'
                      f'IF(COUNTIF({verdict_range},"{passed}")>0,"{passed}",""))')
        highlight_verdicts(cell.parent, cell.coordinate, labels)
    elif PLACEHOLDER.fullmatch(cell.value.strip()):
        write_value(cell, fields[found[0]])  # a cell that is only a placeholder keeps the value's type
    else:
        cell.value = PLACEHOLDER.sub(lambda m: as_text(fields[m.group(1)]), cell.value)


def _expand_rows(ws: Worksheet, prefix: str, items: list, named_cells: dict[str, str], labels: dict,
                 photos: bool) -> str | None:
    """Repeat the row holding ``{{prefix*}}`` placeholders once per item; returns the verdict cells if any."""
    row = _placeholder_row(ws, prefix)
    if row is None:
        return None
    pattern = [(cell.column_letter, cell.value, cell._style) for cell in ws[row]]
    columns = {}  # field -> column, for cells that hold just one row placeholder
    for column, text, _ in pattern:
        for name in PLACEHOLDER.findall(text) if isinstance(text, str) else []:
            if name.startswith(prefix):
                _check_field(ws, f"{column}{row}", prefix, name[len(prefix):])
        if (field := _row_field(text, prefix)) is not None:
            columns[field] = column
    if len(items) > 1:
        _insert_rows_below(ws, row, len(items) - 1, named_cells)
    for offset, item in enumerate(items or [None]):
        r = row + offset
        values = _item_values(item, offset + 1, r, columns, labels) if item is not None else {}
        for column, text, style in pattern:
            target = ws[f"{column}{r}"]
            target._style = copy(style)
            if (field := _row_field(text, prefix)) is not None:
                write_value(target, values.get(field))
            elif isinstance(text, str):
                target.value = PLACEHOLDER.sub(lambda m: as_text(values.get(m.group(1)[len(prefix):]))
                                               if m.group(1).startswith(prefix) else m.group(0), text)
            else:
                target.value = text
        if isinstance(item, MeasurementPoint) and "error" in columns:
            ws[f"{columns['error']}{r}"].number_format = number_format(item.error_decimals)
        if photos and isinstance(item, MeasurementPoint) and "photo" in columns and item.photo:
            height = ws.row_dimensions[row].height or 48
            ws.add_image(thumbnail_image(item.photo, item.crop, height), f"{columns['photo']}{r}")
        ws.row_dimensions[r].height = ws.row_dimensions[row].height
    if prefix != "point." or "verdict" not in columns or not items:
        return None
    cells = f"{columns['verdict']}{row}:{columns['verdict']}{row + len(items) - 1}"
    highlight_verdicts(ws, cells, labels)
    return cells


def _row_field(text, prefix: str) -> str | None:
    """``'{{point.reading}}'`` -> ``'reading'`` when the cell holds only that placeholder."""
    match = PLACEHOLDER.fullmatch(text.strip()) if isinstance(text, str) else None
    return match.group(1)[len(prefix):] if match and match.group(1).startswith(prefix) else None


def _item_values(item, index: int, r: int, columns: dict[str, str], labels: dict) -> dict[str, object]:
    if isinstance(item, StandardUsed):
        return {"index": index, "name": item.name, "model": item.model, "serial": item.serial,
                "certificate": item.certificate, "due_date": item.due_date, "uncertainty": item.uncertainty}
    error: object = item.error
    if "reading" in columns and "standard" in columns:  # formulas, so a correction in Excel recalculates
        error = f"=ROUND({columns['reading']}{r}-{columns['standard']}{r},{item.error_decimals})"
    verdict: object = {True: labels["pass"], False: labels["fail"], None: ""}[item.passed]
    if item.tolerance and "error" in columns and "tolerance" in columns:
        verdict = (f'=IF(ABS({columns["error"]}{r})<={columns["tolerance"]}{r},'
                   f'"{labels["pass"]}","{labels["fail"]}")')
    return {"index": index, "quantity": item.quantity, "unit": item.unit,
            "standard": Displayed.parse(item.standard), "reading": Displayed.parse(item.reading),
            "error": error, "tolerance": Displayed.parse(item.tolerance),
            "uncertainty": Displayed.parse(item.uncertainty), "verdict": verdict, "photo": ""}


def _check_field(ws: Worksheet, coordinate: str, prefix: str, field: str) -> None:
    known = POINT_FIELDS if prefix == "point." else STANDARD_FIELDS
    if field not in known:
        raise TemplateError(f"{ws.title}!{coordinate}: unknown placeholder {{{{{prefix}{field}}}}}; "
                            f"known: {', '.join(prefix + f for f in known)}")


def _placeholder_row(ws: Worksheet, prefix: str) -> int | None:
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and any(m.startswith(prefix) for m in PLACEHOLDER.findall(cell.value)):
                return cell.row
    return None


def _insert_rows_below(ws: Worksheet, row: int, count: int, named_cells: dict[str, str]) -> None:
    """insert_rows moves cells only; move merged ranges, row heights and named cells below too."""
    heights = {r: ws.row_dimensions[r].height for r in range(row + 1, ws.max_row + 1)}
    ws.insert_rows(row + 1, count)
    for merged in ws.merged_cells.ranges:
        if merged.min_row > row:
            merged.shift(0, count)
    for r, height in sorted(heights.items(), reverse=True):
        ws.row_dimensions[r + count].height = height
    for field, coordinate in named_cells.items():
        column, number = re.match(r"([A-Z]+)(\d+)", coordinate).groups()
        if int(number) > row:
            named_cells[field] = f"{column}{int(number) + count}"


def _named_cells(wb: Workbook, form: Worksheet, known: set[str]) -> dict[str, tuple[object, str]]:
    """Workbook names on the form's cells that name a field: {field: (DefinedName, "C3")}."""
    found = {}
    for name, defined in list(wb.defined_names.items()) + list(form.defined_names.items()):
        field = name if name in known else name.replace("_", ".", 1) if name.replace("_", ".", 1) in known else None
        if field is None:
            continue
        for sheet, coordinate in defined.destinations:
            if sheet == form.title:
                found[field] = (defined, coordinate.replace("$", "").split(":")[0])
    return found


def _standard_line(s: StandardUsed) -> str:
    parts = [s.name, s.model, s.serial, s.certificate, s.due_date.isoformat() if s.due_date else "", s.uncertainty]
    return "  ".join(p for p in parts if p)
