"""One record as a sheet laid out like a paper calibration certificate (ISO/IEC 17025 7.8).

Lab, title, identification, dates, method and decision rule, environment, standards and traceability,
results (as found and as left when adjusted), conclusion, original observations and corrections,
revision history, signatures, "page x of y" of this record and an end-of-certificate marker. See
docs/records.md for where each 17025 item is. Error, limit, verdict and conclusion are formulas (a value
corrected in Excel recalculates) built by ``verdicts.ExcelFormulas`` and carrying the value
``verdicts`` computed as their cached result.
"""
from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.records import verdicts
from desktop.core.records.calibration_record import CalibrationRecord, MeasurementPoint, is_number_text
from desktop.core.records.consistency import lab_minimum_tur, low_tur_points
from desktop.core.records.excel.pagination import Pages, largest_scale
from desktop.core.records.excel.photos import centre_in_cell, thumbnail_image
from desktop.core.records.excel.sheet_cells import SheetCells, sheet_cells
from desktop.core.records.excel.sheet_writer import SheetWriter
from desktop.core.records.excel.styles import (
    HEADER_FILL,
    HEADER_FONT,
    MARK_COLOUR,
    MARK_TITLE_FONT,
    PAGE_MARGINS,
    SECTION_FONT,
    Displayed,
    Formula,
    highlight_verdicts,
    number_format,
    row_height,
    setup_a4_page,
)
from desktop.core.records.excel.watermark import add_draft_watermark
from desktop.core.records.verdicts import ExcelFormulas, Tolerance

PHOTO_COLUMN = ("photo", 22)
PHOTO_ROW_HEIGHT = 48  # points; the thumbnail is sized to fit in it
SMALL_TABLE = 15  # points: a results table this short is never split across pages
CONCLUSION_HEIGHT = 20  # points: the conclusion row, kept with the table's last row
TITLE_ROWS = 3  # the title is in one of them: it follows the lab's name and address when they are set


def printed_title(record: CalibrationRecord, labels: dict[str, str]) -> str:
    """校准证书 / 校准原始记录; a record not issued yet is marked DRAFT / 草稿 (it is not a certificate)."""
    title = labels["certificate_title" if record.title == "certificate" else "record_title"]
    return title if record.locked else labels["title_marked"].format(title=title, mark=labels["draft_mark"])


def printed_issue_date(record: CalibrationRecord, labels: dict[str, str]):
    """The issue date of this revision; a draft has none yet, whatever date was typed."""
    return record.issue_date if record.locked else labels["not_issued"]


def verdict_words(labels: dict[str, str]) -> dict[str, str]:
    return {verdict: labels[verdict] for verdict in verdicts.VERDICTS}


def table_columns(record: CalibrationRecord, photos: bool) -> list[tuple[str, float]]:
    """(label key, width) of the results table; formulas find their cells by key, never by a fixed letter."""
    columns = [("index", 5), ("quantity", 11), ("unit", 7), ("standard_value", 11), ("reading", 11), ("error", 10)]
    if any(not _tolerance(p).is_absolute for p in record.points if _tolerance(p)):
        columns.append(("tolerance_spec", 15))  # as written: ±(0.5 %rdg + 2 dgt)
    columns += [("limit", 11), ("uncertainty", 13)]
    if any(p.uncertainty and p.tolerance for p in record.points):
        columns.append(("tur", 7))  # limit / U: how much the verdict can be trusted
    columns.append(("verdict", 11))
    return columns + ([PHOTO_COLUMN] if photos else [])


def write_record_sheet(ws: Worksheet, record: CalibrationRecord, labels: dict[str, str], photos: bool) -> str:
    """Fill the empty sheet ``ws``; returns the coordinate of the conclusion cell (for the summary)."""
    photos = photos and any(point.photo for point in record.points)
    columns = table_columns(record, photos)
    last = get_column_letter(len(columns))
    for i, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    writer = SheetWriter(ws, last)

    pages = Pages(writer.cells, PAGE_MARGINS, largest_scale([width for _, width in columns], PAGE_MARGINS))
    _header(writer, record, labels)
    _standards(writer, pages, record, labels)
    if record.adjusted:  # 7.8.4.2: the results and their conformity before adjustment too
        _results(writer, pages, record, columns[:len(columns) - photos], labels, as_found=True)
    conclusion = _results(writer, pages, record, columns, labels, as_found=False, photos=photos)
    providers = sorted({p.external_provider for p in record.points if p.external_provider})
    if providers:  # 7.8.2.1 p: results from an external provider, marked as such
        writer.note(labels["external"].format(providers=", ".join(providers)))
    low_tur = low_tur_points(record, lab_minimum_tur(record))
    if low_tur:
        writer.note(labels["tur_low"].format(points=", ".join(map(str, low_tur)),
                                             min=record.laboratory.min_tur))
    if record.tur_reason:
        writer.wide_pair(labels["tur_reason"], record.tur_reason)
    writer.wide_pair(labels["remarks"], record.remarks)
    writer.note(labels["only_item"])
    writer.note(labels["not_reproduced"].format(lab=record.laboratory.name or labels["the_lab"]))
    _observations(writer, pages, record, labels)
    _history(writer, pages, record, labels)

    writer.row += 1  # a blank line before the signatures
    signatures = writer.row
    writer.pairs(labels["technician"], record.technician, labels["checker"], record.checker)
    writer.pairs(labels["signature"], "", labels["signature"], "", min_height=36)
    writer.pairs(labels["signatory"], record.signatory.name, labels["signatory_function"], record.signatory.function)
    writer.pairs(labels["signature"], "", labels["issue_date"], printed_issue_date(record, labels), min_height=36)
    writer.note(labels["end_marker"], centred=True)
    end = writer.row - 1
    writer.keep_together(signatures, end)

    ws.freeze_panes = "A3"  # the lab and the title stay visible while scrolling
    pages.flow(end, sorted(writer.blocks))
    number = record.number.replace("&", "&&")  # & starts a code in a page header or footer
    setup_a4_page(ws, landscape=False, title_rows=None,  # a split table repeats its own header (Pages)
                  footer=f"{number}    {labels['revision']} {record.revision}    "
                         f"{labels['record_footer'].format(pages=pages.count)}")
    ws.oddHeader.left.text = f"{labels['number']}: {number}"  # 7.8.2.1: on every page, with the page
    ws.oddHeader.right.text = labels["record_footer"].format(pages=pages.count)
    ws.oddHeader.left.size = ws.oddHeader.right.size = 9
    if not record.locked:  # on every printed page: in the header and as a watermark
        ws.oddHeader.center.text = labels["draft_mark"]
        ws.oddHeader.center.size, ws.oddHeader.center.color = 14, MARK_COLOUR
        add_draft_watermark(ws, [1] + [brk.id + 1 for brk in ws.row_breaks.brk])
    ws.print_area = f"A1:{last}{end}"
    writer.cells.finish(editable_rows=TITLE_ROWS)  # the title may still be marked superseded
    return conclusion


def mark_sheet_superseded(ws: Worksheet, mark: str, labels: dict[str, str]) -> None:
    """An earlier revision kept in the workbook: its title and every printed page say it is superseded."""
    titles = (labels["record_title"], labels["certificate_title"])
    cells = sheet_cells(ws)  # None: a sheet read from an existing report
    for row in range(1, TITLE_ROWS + 1):
        title = cells.value(row, 1) if cells else ws.cell(row, 1).value
        if isinstance(title, str) and title.startswith(titles):
            marked = labels["title_marked"].format(title=title, mark=mark)
            if cells:
                cells.rewrite(row, 1, marked, font=MARK_TITLE_FONT)
            else:
                cell = ws.cell(row, 1)
                cell.value, cell.font = marked, MARK_TITLE_FONT
    ws.oddHeader.center.text = mark.replace("&", "&&")
    ws.oddHeader.center.size, ws.oddHeader.center.color = 14, MARK_COLOUR
    ws.sheet_properties.tabColor = MARK_COLOUR


def _conclusion(writer: SheetWriter, label: str, verdict_cells: str, verdict: str | None, labels: dict[str, str]) -> str:
    """The conclusion row under a results table: a formula over its verdict cells, carrying ``verdict``."""
    words = verdict_words(labels)
    cell = writer.wide_pair(label, Formula(ExcelFormulas(words).conclusion(verdict_cells), words.get(verdict, ""))
                            if verdict_cells else "")
    writer.cells.rewrite(*coordinate_to_tuple(cell), font=SECTION_FONT)
    if verdict_cells:
        highlight_verdicts(writer.ws, verdict_cells, labels)
    highlight_verdicts(writer.ws, cell, labels)
    return cell


COVERAGE_PERCENT = {Decimal(2): 95, Decimal(3): 99}  # normal distribution, approximately (GUM 6.3.3)


def _uncertainty_header(k: str, labels: dict[str, str]) -> str:
    """"U (k=2, coverage probability approx. 95 %)" (7.8.4.1 a); k alone when its probability is not known."""
    percent = COVERAGE_PERCENT.get(Decimal(k)) if is_number_text(k) else None
    if percent is None:
        return labels["uncertainty"].format(k=k)
    return labels["uncertainty_probability"].format(k=k, coverage=labels["coverage"].format(p=percent))


def _header(writer: SheetWriter, record: CalibrationRecord, labels: dict[str, str]) -> None:
    lab = record.laboratory
    title = printed_title(record, labels)
    small = "    ".join(f"{labels[key]}: {value}" for key, value in
                         (("lab_address", lab.address), ("accreditation", lab.accreditation)) if value)
    writer.title(lab.name or title, small=small)
    if lab.name:
        writer.title(title)
    if not record.locked:
        writer.cells.rewrite(writer.row - 1, 1, font=MARK_TITLE_FONT)
    writer.pairs(labels["number"], record.number, labels["revision"], record.revision)
    writer.pairs(labels["customer"], record.customer, labels["customer_address"], record.customer_address)
    instrument = record.instrument
    writer.pairs(labels["instrument"], instrument.name, labels["model"], instrument.model)
    writer.pairs(labels["manufacturer"], instrument.manufacturer, labels["serial"], instrument.serial)
    writer.pairs(labels["firmware"], instrument.firmware, labels["category"], instrument.category)
    writer.pairs(labels["received_date"], record.received_date, labels["calibration_date"], record.calibration_date)
    writer.pairs(labels["issue_date"], printed_issue_date(record, labels), labels["location"], record.location)
    writer.wide_pair(labels["item_condition"], record.item_condition)
    writer.wide_pair(labels["procedure"], record.procedure)
    writer.wide_pair(labels["deviations"], record.deviations)
    writer.wide_pair(labels["decision_rule"], labels[f"rule_{record.decision_rule}"])
    writer.wide_pair(labels["specification"], record.specification or labels["specification_default"].format(
        procedure=record.procedure or "—"))  # 7.8.6.2 b: what the results are judged against
    env = record.environment
    writer.spanned_row(["A:B", "C:C", "D:E", "F:F", "G:H", f"I:{writer.last}"],
                       [labels["temperature"], Displayed.parse(env.temperature), labels["humidity"],
                        Displayed.parse(env.humidity), labels["pressure"], Displayed.parse(env.pressure)],
                       labels_at=(0, 2, 4))
    typed = env.source == "typed" or (not env.source and (env.temperature or env.humidity or env.pressure))
    source = labels["environment_typed"] if typed else env.source
    writer.wide_pair(labels["environment_source"], source)


def _standards(writer: SheetWriter, pages: Pages, record: CalibrationRecord, labels: dict[str, str]) -> None:
    spans = ["A:B", "C:D", "E:E", "F:G", "H:H", f"I:{writer.last}"]
    keys = ["standard_name", "model", "standard_serial", "certificate", "due_date", "standard_uncertainty"]
    rows = [[s.name, s.model, s.serial, s.certificate, s.due_date, s.uncertainty] for s in record.standards]
    writer.table(pages, labels["standards"], spans, [labels[k] for k in keys], rows)
    writer.wide_pair(labels["traceability"], record.laboratory.traceability)
    if record.standards_override:
        writer.wide_pair(labels["standards_override"], record.standards_override)


def _results(writer: SheetWriter, pages: Pages, record: CalibrationRecord, columns: list[tuple[str, float]],
             labels: dict[str, str], as_found: bool, photos: bool = False) -> str:
    """A results table (as found or as left) with its title and conclusion; returns the conclusion cell.

    It is placed on the pages as it is written: the title, the header and the first rows stay together
    (a table of up to SMALL_TABLE points stays whole, with its conclusion), a row that does not fit starts
    the next page with the header written again, and the last row keeps the conclusion company.
    """
    ws = writer.ws
    pages.flow(writer.row - 1, writer.blocks)  # what is above is on its pages
    section = writer.section(labels["results_as_found" if as_found else
                                    "results_as_left" if record.adjusted else "results"])
    pages.flow(section - 1)
    headers = _table_headers(record, labels, as_found)
    header_height = row_height([(headers[key], width) for key, width in columns], 30)
    numbers = {key: i for i, (key, _) in enumerate(columns, start=1)}
    letters = {key: get_column_letter(i) for key, i in numbers.items()}
    formulas = ExcelFormulas(verdict_words(labels))
    heights = [_point_height(_point_values(p, i, 0, letters, formulas, record, as_found), columns,
                             photos and bool(p.photo)) for i, p in enumerate(record.points, start=1)]
    kept = heights if len(heights) <= SMALL_TABLE else heights[:2]
    if not pages.fits(pages.height(section) + header_height + sum(kept) + CONCLUSION_HEIGHT):
        pages.new_page(section)
    pages.place(section)
    _table_header(writer.cells, writer.row, columns, headers, header_height)
    pages.place(writer.row)
    writer.row += 1
    first = writer.row
    for index, (point, height) in enumerate(zip(record.points, heights), start=1):
        r = writer.row
        if not pages.fits(height + (CONCLUSION_HEIGHT if index == len(heights) else 0)):
            pages.new_page(r)  # the table goes on under its header, written again
            _table_header(writer.cells, r, columns, headers, header_height)
            pages.place(r)
            r += 1
        values = _point_values(point, index, r, letters, formulas, record, as_found)
        for column, (key, _) in enumerate(columns, start=1):
            writer.cells.write(r, column, values.get(key))
        result = point.result(record.decision_rule, as_found)
        shown = number_format(result.display_decimals)
        writer.cells.rewrite(r, numbers["error"], number_format=shown)
        if result.limit is not None:  # rounded for display only: the verdict compares the exact limit
            writer.cells.rewrite(r, numbers["limit"], number_format=shown)
        writer.cells.heights[r] = height  # rows grow to fit their text (a long quantity name wraps)
        if photos and point.photo:
            image = thumbnail_image(point.photo, point.crop, PHOTO_ROW_HEIGHT)
            centre_in_cell(image, len(columns), r, PHOTO_COLUMN[1], PHOTO_ROW_HEIGHT)
            ws.add_image(image)
        pages.place(r)
        writer.row = r + 1
    with_verdict = any(_tolerance(p) for p in record.points)
    # a repeated header inside the range is harmless: COUNTIF and the colours look for verdict words only
    verdict_cells = f"{letters['verdict']}{first}:{letters['verdict']}{writer.row - 1}" if with_verdict else ""
    conclusion = _conclusion(writer, labels["conclusion_as_found" if as_found else "conclusion"], verdict_cells,
                             record.verdict(as_found), labels)
    pages.place(writer.row - 1)
    return conclusion


def _table_headers(record: CalibrationRecord, labels: dict[str, str], as_found: bool) -> dict[str, str]:
    headers = dict(labels, uncertainty=_uncertainty_header(record.coverage_factor, labels),
                   reading=labels["as_found"] if as_found else labels["reading"])
    units = {point.unit for point in record.points}
    unit = units.pop() if len(units) == 1 and "" not in units else labels["unit_of_row"]
    for key in ("error", "limit", "uncertainty"):  # 7.8.4.1 a: every value with its unit
        headers[key] = f"{headers[key]} [{unit}]"
    return headers


def _table_header(cells: SheetCells, row: int, columns: list[tuple[str, float]], headers: dict[str, str],
                  height: float) -> None:
    for i, (key, _) in enumerate(columns, start=1):
        cells.write(row, i, headers[key], font=HEADER_FONT, fill=HEADER_FILL)
    cells.heights[row] = height


def _point_height(values: dict[str, object], columns: list[tuple[str, float]], photo: bool) -> float:
    height = row_height([(values.get(key), width) for key, width in columns])
    return max(PHOTO_ROW_HEIGHT, height) if photo else height


def _point_values(point: MeasurementPoint, index: int, r: int, letters: dict[str, str], formulas: ExcelFormulas,
                  record: CalibrationRecord, as_found: bool) -> dict[str, object]:
    reading = point.found_reading if as_found else point.reading
    result = point.result(record.decision_rule, as_found)
    cell = {key: f"{column}{r}" for key, column in letters.items()}
    values: dict[str, object] = {
        "index": index, "quantity": point.quantity + (" *" if point.external_provider else ""), "unit": point.unit,
        "standard_value": Displayed.parse(point.standard), "reading": Displayed.parse(reading),
        "error": Formula(formulas.error(cell["reading"], cell["standard_value"], result.decimals), float(result.error)),
        "tolerance_spec": point.tolerance, "uncertainty": Displayed.parse(point.uncertainty),
    }
    tolerance = _tolerance(point)
    if tolerance is not None:
        if tolerance.reading_percent:  # the limit follows the reading: a formula
            values["limit"] = Formula(formulas.limit(tolerance, cell["reading"], point.full_scale,
                                                     verdicts.resolution(reading)), float(result.limit))
        else:
            values["limit"] = float(result.limit)
        if result.tur is not None:
            values["tur"] = f"{result.tur.quantize(Decimal('0.1'), ROUND_FLOOR)}:1"  # floor: never flatter
        values["verdict"] = Formula(formulas.verdict(cell["error"], cell["limit"], cell["uncertainty"],
                                                     record.decision_rule, result.compare_decimals),
                                    formulas.words[result.verdict])
    return values


def _tolerance(point: MeasurementPoint) -> Tolerance | None:
    return Tolerance.parse(point.tolerance)


def _observations(writer: SheetWriter, pages: Pages, record: CalibrationRecord, labels: dict[str, str]) -> None:
    """Each point whose value differs from what OCR read, or was corrected: the original is kept (7.5.2)."""
    changed = [(i, p) for i, p in enumerate(record.points, start=1)
               if (p.ocr_text and p.ocr_text != p.reading) or p.corrected_by]
    if not changed:
        return
    spans = ["A:A", "B:C", "D:E", "F:G", "H:H", f"I:{writer.last}"]
    keys = ["index", "quantity", "ocr_text", "corrected_value", "corrected_by", "corrected_at"]
    writer.table(pages, labels["observations"], spans, [labels[k] for k in keys],
                 [[index, point.quantity, point.ocr_text, point.reading, point.corrected_by,
                   point.corrected_at.replace("T", " ")] for index, point in changed])


def _history(writer: SheetWriter, pages: Pages, record: CalibrationRecord, labels: dict[str, str]) -> None:
    """Earlier revisions and why each was replaced (7.8.8), listed on the certificate that replaces them."""
    if not record.history and not record.revision:
        return
    spans = ["A:B", "C:E", "F:G", f"H:{writer.last}"]
    reasons = [h.reason for h in record.history[1:]] + [record.revision_reason]
    # revision n was replaced for the reason given in n + 1
    writer.table(pages, labels["history"], spans,
                 [labels[k] for k in ("revision", "issued_at", "issued_by", "revision_reason")],
                 [[str(old.revision), old.issued_at.replace("T", " "), old.issued_by, reason]
                  for old, reason in zip(record.history, reasons)])
