"""Fill a lab's own template workbook: cells marked by ``{{field}}`` placeholders or named ranges.

The template's first sheet is the record form; each record gets a copy of it named by its record
number. A row holding ``{{point.*}}`` placeholders is repeated once per measurement point (likewise
``{{standard.*}}`` per standard used). In a point row, ``{{point.error}}`` and ``{{point.verdict}}``
become formulas over the row's own reading, standard and tolerance cells (the rules of
``verdicts.py``, with its results stored as the formulas' cached values). A named range called like a
field (``number``, ``instrument.serial`` or ``instrument_serial``) receives that field's value.
Each copy keeps the template's page setup, header, footer and print titles; print titles and the print
area follow rows inserted above them.
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

from desktop.core.reading.keys import load_keys
from desktop.core.records.calibration_record import CalibrationRecord, MeasurementPoint, StandardUsed
from desktop.core.records.excel.photos import thumbnail_image
from desktop.core.records.excel.record_sheet import printed_issue_date, printed_title, verdict_words
from desktop.core.records.excel.styles import (
    Displayed,
    Formula,
    SheetTitles,
    as_text,
    highlight_verdicts,
    number_format,
    sheet_title,
    write_value,
)
from desktop.core.records.verdicts import ExcelFormulas, Tolerance, resolution

PLACEHOLDER = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
POINT_FIELDS = ("index", "quantity", "quantity_zh", "quantity_en", "unit", "standard", "reading", "error", "tolerance", "limit", "uncertainty",
                "verdict", "photo", "as_found", "as_found_error", "ocr_text", "corrected_by", "corrected_at")
STANDARD_FIELDS = ("index", "name", "model", "serial", "certificate", "due_date", "uncertainty")


class TemplateError(ValueError):
    """The template cannot be used; the message names the file and the cell."""


def record_fields(record: CalibrationRecord, labels: dict[str, str]) -> dict[str, object]:
    """The scalar fields a template may name, with their cell values."""
    i, env = record.instrument, record.environment
    verdict = verdict_words(labels).get(record.verdict(), "")
    title = printed_title(record, labels)
    return {
        "number": record.number, "customer": record.customer, "location": record.location,
        "calibration_date": record.calibration_date, "procedure": record.procedure,
        "technician": record.technician, "checker": record.checker, "remarks": record.remarks,
        "conclusion": verdict, "title": title, "revision": record.revision,
        "laboratory.name": record.laboratory.name, "laboratory.address": record.laboratory.address,
        "traceability": record.laboratory.traceability, "customer_address": record.customer_address,
        "received_date": record.received_date, "issue_date": printed_issue_date(record, labels),
        "item_condition": record.item_condition, "deviations": record.deviations,
        "decision_rule": labels[f"rule_{record.decision_rule}"], "coverage_factor": record.coverage_factor,
        "signatory.name": record.signatory.name, "signatory.function": record.signatory.function,
        "standards_override": record.standards_override, "only_item": labels["only_item"],
        "specification": record.specification, "laboratory.accreditation": record.laboratory.accreditation,
        "not_reproduced": labels["not_reproduced"].format(lab=record.laboratory.name or labels["the_lab"]),
        "end_marker": labels["end_marker"], "environment.source": env.source,
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
    sheets = [form] + [_copy_form(wb, form) for _ in records[1:]]  # copy before filling: pristine forms
    taken = SheetTitles(ws.title for ws in wb.worksheets if ws not in sheets)
    for position, (ws, record) in enumerate(zip(sheets, records)):
        ws.title = sheet_title(record.number, taken)
        taken.add(ws.title)
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


def _copy_form(wb: Workbook, form: Worksheet) -> Worksheet:
    """A copy of the form with what ``copy_worksheet`` leaves behind: header, footer, print titles and area."""
    ws = wb.copy_worksheet(form)
    ws.HeaderFooter = copy(form.HeaderFooter)
    ws.print_title_rows, ws.print_title_cols = form.print_title_rows, form.print_title_cols
    if form.print_area:
        ws.print_area = [area.split("!")[-1] for area in form.print_area.split(",")]
    return ws


def _fill_sheet(ws: Worksheet, record: CalibrationRecord, labels: dict[str, str], photos: bool,
                named_cells: dict[str, str]) -> None:
    """Fill one copy of the form; ``named_cells`` ({field: "C3"}) follows rows inserted above them."""
    fields = record_fields(record, labels)
    for field, coordinate in named_cells.items():
        write_value(ws[coordinate], fields[field])
    verdict_range = _expand_rows(ws, "standard.", record.standards, named_cells, labels, photos)
    verdict_range = _expand_rows(ws, "point.", record.points, named_cells, labels, photos,
                                 record.decision_rule) or verdict_range
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "{{" in cell.value:
                _replace_placeholders(cell, ws.title, fields, verdict_range, labels)
    for part in (ws.oddHeader, ws.oddFooter):  # e.g. a footer "{{number}} page &P"
        for side in (part.left, part.center, part.right):
            if side.text and "{{" in side.text:  # & starts a footer code: a value's & is doubled
                side.text = PLACEHOLDER.sub(lambda m: as_text(fields.get(m.group(1), m.group(0))).replace("&", "&&"),
                                            side.text)


def _replace_placeholders(cell, sheet: str, fields: dict, verdict_range: str | None, labels: dict) -> None:
    found = PLACEHOLDER.findall(cell.value)
    unknown = [name for name in found if name not in fields]
    if unknown:
        raise TemplateError(f"{sheet}!{cell.coordinate}: unknown placeholder {{{{{unknown[0]}}}}}; "
                            f"known: {', '.join(sorted(fields))}, point.*, standard.*")
    if found == ["conclusion"] and verdict_range and PLACEHOLDER.fullmatch(cell.value.strip()):
        write_value(cell, Formula(ExcelFormulas(verdict_words(labels)).conclusion(verdict_range),
                                  fields["conclusion"]))
        highlight_verdicts(cell.parent, cell.coordinate, labels)
    elif PLACEHOLDER.fullmatch(cell.value.strip()):
        write_value(cell, fields[found[0]])  # a cell that is only a placeholder keeps the value's type
    else:
        write_value(cell, PLACEHOLDER.sub(lambda m: as_text(fields[m.group(1)]), cell.value))


def _expand_rows(ws: Worksheet, prefix: str, items: list, named_cells: dict[str, str], labels: dict,
                 photos: bool, rule: str = "simple") -> str | None:
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
        values = _item_values(item, offset + 1, r, columns, labels, rule) if item is not None else {}
        for column, text, style in pattern:
            target = ws[f"{column}{r}"]
            target._style = copy(style)
            if (field := _row_field(text, prefix)) is not None:
                write_value(target, values.get(field))
            elif isinstance(text, str):
                write_value(target, PLACEHOLDER.sub(lambda m: as_text(values.get(m.group(1)[len(prefix):]))
                                                    if m.group(1).startswith(prefix) else m.group(0), text))
            else:
                target.value = text
        if isinstance(item, MeasurementPoint):
            for key in ("error", "as_found_error"):
                if key in columns:
                    ws[f"{columns[key]}{r}"].number_format = number_format(item.error_decimals)
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


def _item_values(item, index: int, r: int, columns: dict[str, str], labels: dict, rule: str) -> dict[str, object]:
    if isinstance(item, StandardUsed):
        return {"index": index, "name": item.name, "model": item.model, "serial": item.serial,
                "certificate": item.certificate, "due_date": item.due_date, "uncertainty": item.uncertainty}
    formulas = ExcelFormulas(verdict_words(labels))
    result = item.result(rule)
    cell = {key: f"{column}{r}" for key, column in columns.items()}
    tolerance = Tolerance.parse(item.tolerance)
    error: object = float(result.error)
    if "reading" in cell and "standard" in cell:  # formulas, so a correction in Excel recalculates
        error = Formula(formulas.error(cell["reading"], cell["standard"], result.decimals), float(result.error))
    limit: object = float(result.limit) if result.limit is not None else None
    if tolerance and tolerance.reading_percent and "reading" in cell:
        limit = Formula(formulas.limit(tolerance, cell["reading"], item.full_scale, resolution(item.reading)),
                        float(result.limit))
    verdict: object = formulas.words.get(result.verdict, "")
    # the verdict formula needs the error and a limit cell; a plain absolute tolerance cell is one
    limit_cell = cell.get("limit") or (cell.get("tolerance") if tolerance and tolerance.is_absolute else None)
    if tolerance and "error" in cell and limit_cell and (rule == "simple" or "uncertainty" in cell):
        verdict = Formula(formulas.verdict(cell["error"], limit_cell, cell.get("uncertainty", ""), rule,
                                           result.compare_decimals), verdict)
    found: dict[str, object] = {}
    if item.as_found:
        before = item.result(rule, as_found=True)
        found = {"as_found": Displayed.parse(item.as_found), "as_found_error": float(before.error)}
        if "as_found" in cell and "standard" in cell:
            found["as_found_error"] = Formula(formulas.error(cell["as_found"], cell["standard"], before.decimals),
                                              float(before.error))
    keys = load_keys()  # a bilingual form names the quantity in both languages
    return {"index": index, "quantity": item.quantity, "quantity_zh": keys.name(item.quantity, "zh"),
            "quantity_en": keys.name(item.quantity, "en"), "unit": item.unit,
            "standard": Displayed.parse(item.standard), "reading": Displayed.parse(item.reading),
            "error": error, "limit": limit,
            "tolerance": Displayed.parse(item.tolerance) if tolerance and tolerance.is_absolute else item.tolerance,
            "uncertainty": Displayed.parse(item.uncertainty), "verdict": verdict, "photo": "",
            "ocr_text": item.ocr_text, "corrected_by": item.corrected_by,
            "corrected_at": item.corrected_at.replace("T", " "), **found}


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
    if ws.print_title_rows:  # "11:11": the repeated header moves down with its row
        first, last = (int(n) for n in ws.print_title_rows.replace("$", "").split(":"))
        if first > row:
            ws.print_title_rows = f"{first + count}:{last + count}"
    if ws.print_area:
        ws.print_area = [_area_grown(area.split("!")[-1], row, count) for area in ws.print_area.split(",")]


def _area_grown(area: str, row: int, count: int) -> str:
    """``$A$1:$H$15`` with ``count`` rows inserted below ``row``: the end (and a start below) moves down."""
    start, _, end = area.replace("$", "").partition(":")
    cells = []
    for coordinate in (start, end or start):
        column, number = re.match(r"([A-Z]+)(\d+)", coordinate).groups()
        cells.append(f"{column}{int(number) + count if int(number) > row else number}")
    return ":".join(cells)


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
