"""One record as a sheet laid out like a paper calibration certificate (ISO/IEC 17025 7.8).

Lab, title, identification, dates, method and decision rule, environment, standards and traceability,
results (as found and as left when adjusted), conclusion, original observations and corrections,
revision history, signatures, "page x of y" of this record and an end-of-certificate marker. See
docs/records.md for where each 17025 item is. Error, limit, verdict and conclusion are formulas (a value
corrected in Excel recalculates) built by ``evaluation.ExcelFormulas`` and carrying the value
``evaluation`` computed as their cached result.
"""
from __future__ import annotations

from openpyxl.cell.cell import MergedCell
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.records import evaluation
from desktop.core.records.evaluation import ExcelFormulas, Tolerance
from desktop.core.records.excel.pagination import largest_scale, paginate
from desktop.core.records.excel.photos import centre_in_cell, thumbnail_image
from desktop.core.records.excel.styles import (
    BODY_FONT,
    BOX,
    CENTER,
    HEADER_FILL,
    HEADER_FONT,
    LEFT,
    PAGE_MARGINS,
    SECTION_FONT,
    TITLE_FONT,
    Displayed,
    Formula,
    highlight_verdicts,
    number_format,
    row_height,
    setup_a4_page,
    style_cell,
    write_value,
)
from desktop.core.records.model import CalibrationRecord, MeasurementPoint

PHOTO_COLUMN = ("photo", 22)
PHOTO_ROW_HEIGHT = 48  # points; the thumbnail is sized to fit in it


def verdict_words(labels: dict[str, str]) -> dict[str, str]:
    return {evaluation.PASS: labels["pass"], evaluation.FAIL: labels["fail"],
            evaluation.CONDITIONAL: labels["conditional"]}


def table_columns(record: CalibrationRecord, photos: bool) -> list[tuple[str, float]]:
    """(label key, width) of the results table; formulas find their cells by key, never by a fixed letter."""
    columns = [("index", 5), ("quantity", 11), ("unit", 7), ("standard_value", 11), ("reading", 11), ("error", 10)]
    if any(not _tolerance(p).is_absolute for p in record.points if _tolerance(p)):
        columns.append(("tolerance_spec", 15))  # as written: ±(0.5 %rdg + 2 dgt)
    columns += [("limit", 11), ("uncertainty", 13), ("verdict", 11)]
    return columns + ([PHOTO_COLUMN] if photos else [])


def write_record_sheet(ws: Worksheet, record: CalibrationRecord, labels: dict[str, str], photos: bool) -> str:
    """Fill the empty sheet ``ws``; returns the coordinate of the conclusion cell (for the summary)."""
    photos = photos and any(point.photo for point in record.points)
    columns = table_columns(record, photos)
    last = get_column_letter(len(columns))
    for i, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    writer = _SheetWriter(ws, last)

    _header(writer, record, labels)
    _standards(writer, record, labels)
    if record.adjusted:
        writer.section(labels["results_as_found"])
        _results_table(writer, record, columns[:len(columns) - photos], labels, as_found=True)
    writer.section(labels["results_as_left"] if record.adjusted else labels["results"])
    header_row, verdicts = _results_table(writer, record, columns, labels, as_found=False, photos=photos)
    last_point = writer.row - 1

    words = verdict_words(labels)
    verdict = record.verdict()
    conclusion = writer.wide_pair(labels["conclusion"], Formula(ExcelFormulas(words).conclusion(verdicts),
                                                                words.get(verdict, "")) if verdicts else "")
    ws[conclusion].font = SECTION_FONT
    if verdicts:
        highlight_verdicts(ws, verdicts, labels)
    highlight_verdicts(ws, conclusion, labels)
    writer.wide_pair(labels["remarks"], record.remarks)
    writer.note(labels["only_item"])
    _observations(writer, record, labels)
    _history(writer, record, labels)

    writer.row += 1  # a blank line before the signatures
    signatures = writer.row
    writer.pairs(labels["technician"], record.technician, labels["checker"], record.checker)
    writer.pairs(labels["signature"], "", labels["signature"], "", min_height=36)
    writer.pairs(labels["signatory"], record.signatory.name, labels["signatory_function"], record.signatory.function)
    writer.pairs(labels["signature"], "", labels["issue_date"], record.issue_date, min_height=36)
    writer.note(labels["end_marker"], centred=True)
    end = writer.row - 1

    ws.freeze_panes = "A3"  # the lab and the title stay visible while scrolling
    scale = largest_scale([width for _, width in columns], PAGE_MARGINS)
    # a section title stays with its first rows; the signatures and the end marker stay together
    blocks = [(row, min(row + 2, end)) for row in writer.sections] + [(signatures, end)]
    pages = paginate(ws, end, PAGE_MARGINS, scale, title_row=header_row, keep_together=blocks)
    number = record.number.replace("&", "&&")  # & starts a code in a page footer
    splits_table = any(header_row <= brk.id < last_point for brk in ws.row_breaks.brk)
    setup_a4_page(ws, landscape=False, title_rows=f"{header_row}:{header_row}" if splits_table else None,
                  footer=f"{number}    {labels['revision']} {record.revision}    "
                         f"{labels['record_footer'].format(pages=pages)}")
    ws.print_area = f"A1:{last}{end}"
    return conclusion


def _header(writer: "_SheetWriter", record: CalibrationRecord, labels: dict[str, str]) -> None:
    lab = record.laboratory
    writer.title(lab.name or labels["certificate_title" if record.title == "certificate" else "record_title"],
                 small=f"{labels['lab_address']}: {lab.address}" if lab.address else "")
    if lab.name:
        writer.title(labels["certificate_title" if record.title == "certificate" else "record_title"])
    writer.pairs(labels["number"], record.number, labels["revision"], record.revision)
    writer.pairs(labels["customer"], record.customer, labels["customer_address"], record.customer_address)
    instrument = record.instrument
    writer.pairs(labels["instrument"], instrument.name, labels["model"], instrument.model)
    writer.pairs(labels["manufacturer"], instrument.manufacturer, labels["serial"], instrument.serial)
    writer.pairs(labels["firmware"], instrument.firmware, labels["category"], instrument.category)
    writer.pairs(labels["received_date"], record.received_date, labels["calibration_date"], record.calibration_date)
    writer.pairs(labels["issue_date"], record.issue_date, labels["location"], record.location)
    writer.wide_pair(labels["item_condition"], record.item_condition)
    writer.wide_pair(labels["procedure"], record.procedure)
    writer.wide_pair(labels["deviations"], record.deviations)
    writer.wide_pair(labels["decision_rule"], labels[f"rule_{record.decision_rule}"])
    env = record.environment
    writer.spanned_row(["A:B", "C:C", "D:E", "F:F", "G:H", f"I:{writer.last}"],
                       [labels["temperature"], Displayed.parse(env.temperature), labels["humidity"],
                        Displayed.parse(env.humidity), labels["pressure"], Displayed.parse(env.pressure)],
                       labels_at=(0, 2, 4))
    typed = env.source == "typed" or (not env.source and (env.temperature or env.humidity or env.pressure))
    source = labels["environment_typed"] if typed else env.source
    writer.wide_pair(labels["environment_source"], source)


def _standards(writer: "_SheetWriter", record: CalibrationRecord, labels: dict[str, str]) -> None:
    writer.section(labels["standards"])
    spans = ["A:B", "C:D", "E:E", "F:G", "H:H", f"I:{writer.last}"]
    keys = ["standard_name", "model", "standard_serial", "certificate", "due_date", "standard_uncertainty"]
    writer.spanned_row(spans, [labels[k] for k in keys], header=True)
    for s in record.standards:
        writer.spanned_row(spans, [s.name, s.model, s.serial, s.certificate, s.due_date, s.uncertainty])
    writer.wide_pair(labels["traceability"], record.laboratory.traceability)
    if record.standards_override:
        writer.wide_pair(labels["standards_override"], record.standards_override)


def _results_table(writer: "_SheetWriter", record: CalibrationRecord, columns: list[tuple[str, float]],
                   labels: dict[str, str], as_found: bool, photos: bool = False) -> tuple[int, str]:
    """The results table; returns its header row and the range of its verdict cells ("" without verdicts)."""
    ws = writer.ws
    header_row = writer.row
    headers = dict(labels, uncertainty=labels["uncertainty"].format(k=record.coverage_factor),
                   reading=labels["as_found"] if as_found else labels["reading"])
    for i, (key, _) in enumerate(columns, start=1):
        style_cell(ws.cell(header_row, i, headers[key]), font=HEADER_FONT, fill=HEADER_FILL)
    ws.row_dimensions[header_row].height = row_height([(headers[key], width) for key, width in columns], 30)
    letters = {key: get_column_letter(i) for i, (key, _) in enumerate(columns, start=1)}
    formulas = ExcelFormulas(verdict_words(labels))
    first = header_row + 1
    for index, point in enumerate(record.points, start=1):
        r = first + index - 1
        values = _point_values(point, index, r, letters, formulas, record, as_found)
        for key, column in letters.items():
            cell = ws[f"{column}{r}"]
            write_value(cell, values.get(key))
            style_cell(cell)
        result = point.result(record.decision_rule, as_found)
        ws[f"{letters['error']}{r}"].number_format = number_format(result.decimals)
        if result.limit is not None:
            ws[f"{letters['limit']}{r}"].number_format = number_format(_limit_decimals(result))
        ws.row_dimensions[r].height = 20
        if photos and point.photo:
            image = thumbnail_image(point.photo, point.crop, PHOTO_ROW_HEIGHT)
            centre_in_cell(image, len(columns), r, PHOTO_COLUMN[1], PHOTO_ROW_HEIGHT)
            ws.add_image(image)
            ws.row_dimensions[r].height = PHOTO_ROW_HEIGHT
    writer.row = first + len(record.points)
    with_verdict = any(_tolerance(p) for p in record.points)
    verdicts = f"{letters['verdict']}{first}:{letters['verdict']}{writer.row - 1}" if with_verdict else ""
    if as_found and verdicts:
        highlight_verdicts(ws, verdicts, labels)
    return header_row, verdicts


def _point_values(point: MeasurementPoint, index: int, r: int, letters: dict[str, str], formulas: ExcelFormulas,
                  record: CalibrationRecord, as_found: bool) -> dict[str, object]:
    reading = point.as_found if as_found else point.reading
    result = point.result(record.decision_rule, as_found)
    cell = {key: f"{column}{r}" for key, column in letters.items()}
    values: dict[str, object] = {
        "index": index, "quantity": point.quantity, "unit": point.unit,
        "standard_value": Displayed.parse(point.standard), "reading": Displayed.parse(reading),
        "error": Formula(formulas.error(cell["reading"], cell["standard_value"], result.decimals), float(result.error)),
        "tolerance_spec": point.tolerance, "uncertainty": Displayed.parse(point.uncertainty),
    }
    tolerance = _tolerance(point)
    if tolerance is not None:
        if tolerance.reading_percent:  # the limit follows the reading: a formula
            values["limit"] = Formula(formulas.limit(tolerance, cell["reading"], point.full_scale,
                                                     evaluation.resolution(reading)), float(result.limit))
        else:
            values["limit"] = float(result.limit)
        values["verdict"] = Formula(formulas.verdict(cell["error"], cell["limit"], cell["uncertainty"],
                                                     record.decision_rule),
                                    formulas.words[result.verdict])
    return values


def _limit_decimals(result: evaluation.PointResult) -> int:
    exponent = result.limit.normalize().as_tuple().exponent
    return max(result.decimals, -exponent if isinstance(exponent, int) and exponent < 0 else 0)


def _tolerance(point: MeasurementPoint) -> Tolerance | None:
    return Tolerance.parse(point.tolerance)


def _observations(writer: "_SheetWriter", record: CalibrationRecord, labels: dict[str, str]) -> None:
    """Each point whose value differs from what OCR read, or was corrected: the original is kept (7.5.2)."""
    changed = [(i, p) for i, p in enumerate(record.points, start=1)
               if (p.ocr_text and p.ocr_text != p.reading) or p.corrected_by]
    if not changed:
        return
    writer.section(labels["observations"])
    spans = ["A:A", "B:C", "D:E", "F:G", "H:H", f"I:{writer.last}"]
    keys = ["index", "quantity", "ocr_text", "corrected_value", "corrected_by", "corrected_at"]
    writer.spanned_row(spans, [labels[k] for k in keys], header=True)
    for index, point in changed:
        writer.spanned_row(spans, [index, point.quantity, point.ocr_text, point.reading, point.corrected_by,
                                   point.corrected_at.replace("T", " ")])


def _history(writer: "_SheetWriter", record: CalibrationRecord, labels: dict[str, str]) -> None:
    """Earlier revisions and why each was replaced (7.8.8), listed on the certificate that replaces them."""
    if not record.history and not record.revision:
        return
    writer.section(labels["history"])
    spans = ["A:B", "C:E", "F:G", f"H:{writer.last}"]
    writer.spanned_row(spans, [labels[k] for k in ("revision", "issued_at", "issued_by", "revision_reason")],
                       header=True)
    reasons = [h.reason for h in record.history[1:]] + [record.revision_reason]
    for old, reason in zip(record.history, reasons):  # revision n was replaced for the reason given in n + 1
        writer.spanned_row(spans, [str(old.revision), old.issued_at.replace("T", " "), old.issued_by, reason])


class _SheetWriter:
    """Writes the record's blocks top to bottom; ``row`` is the next free row."""

    def __init__(self, ws: Worksheet, last_column: str):
        self.ws, self.last, self.row = ws, last_column, 1
        self.sections: list[int] = []  # rows of section titles (kept with what follows when paginating)

    def title(self, text: str, small: str = "") -> None:
        self._merged(f"A{self.row}:{self.last}{self.row}", text, font=TITLE_FONT, border=False)
        self.ws.row_dimensions[self.row].height = 30
        self.row += 1
        if small:
            self.note(small, centred=True)

    def note(self, text: str, centred: bool = False) -> None:
        """A line of text across the sheet, without a frame."""
        self._merged(f"A{self.row}:{self.last}{self.row}", text, border=False,
                     alignment=CENTER if centred else LEFT)
        self.ws.row_dimensions[self.row].height = row_height([(text, self._width(f"A:{self.last}"))])
        self.row += 1

    def section(self, text: str) -> None:
        self.row += 1  # breathing space above each section
        self.sections.append(self.row)
        self._merged(f"A{self.row}:{self.last}{self.row}", text, font=SECTION_FONT, alignment=LEFT, border=False)
        self.ws.row_dimensions[self.row].height = 20
        self.row += 1

    def pairs(self, label1: str, value1, label2: str, value2, min_height: float = 20) -> None:
        """Label A:B, value C:E, label F:G, value H:last."""
        self.spanned_row(["A:B", "C:E", "F:G", f"H:{self.last}"], [label1, value1, label2, value2],
                         labels_at=(0, 2), min_height=min_height)

    def wide_pair(self, label: str, value) -> str:
        """Label A:B, value C:last; returns the value cell."""
        self.spanned_row(["A:B", f"C:{self.last}"], [label, value], labels_at=(0,))
        return f"C{self.row - 1}"

    def spanned_row(self, spans: list[str], values: list, header: bool = False,
                    labels_at: tuple[int, ...] = (), min_height: float = 20) -> None:
        widths = [self._width(span) for span in spans]
        self.ws.row_dimensions[self.row].height = row_height(list(zip(values, widths)), min_height)
        for i, (span, value) in enumerate(zip(spans, values)):
            start, end = span.split(":")
            is_label = header or i in labels_at
            self._merged(f"{start}{self.row}:{end}{self.row}", value,
                         font=HEADER_FONT if is_label else BODY_FONT,
                         fill=HEADER_FILL if is_label else None,
                         alignment=None if is_label else LEFT)
        self.row += 1

    def _width(self, span: str) -> float:
        start, end = (column_index_from_string(c) for c in span.split(":"))
        return sum(self.ws.column_dimensions[get_column_letter(i)].width for i in range(start, end + 1))

    def _merged(self, cells: str, value, font=BODY_FONT, alignment=None, border=True, fill=None) -> None:
        first, end = cells.split(":")
        write_value(self.ws[first], value)
        if end != first:
            _merge(self.ws, cells)
        for row in self.ws[cells]:  # borders and fills must be set on every cell of a merged range
            for cell in row:
                style_cell(cell, font=font, alignment=alignment, border=BOX if border else None, fill=fill)


def _merge(ws, cells: str) -> None:
    """``ws.merge_cells`` without its ``format()``, which re-borders the range's edges one cell at a time
    (a third of a large export's time): ``_merged`` styles every cell of the range itself. Nor does it
    check the range against every other of the sheet: a record sheet's ranges never overlap."""
    merged = MergedCellRange(ws, cells)
    ws.merged_cells.ranges.add(merged)
    positions = merged.cells
    next(positions)  # the top-left cell keeps its value
    for row, col in positions:
        ws._cells[row, col] = MergedCell(ws, row, col)
