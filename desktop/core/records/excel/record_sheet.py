"""One record as a sheet laid out like a paper calibration record.

Header block, standards used, measurement table (error and verdict are Excel formulas so a value
corrected in Excel recalculates), conclusion, signatures. Columns A..I, plus J for screen photos.
"""
from __future__ import annotations

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.records.excel.photos import centre_in_cell, thumbnail_image
from desktop.core.records.excel.styles import (
    BODY_FONT,
    BOX,
    HEADER_FILL,
    HEADER_FONT,
    LEFT,
    SECTION_FONT,
    TITLE_FONT,
    Displayed,
    highlight_verdicts,
    number_format,
    row_height,
    setup_a4_page,
    style_cell,
    write_value,
)
from desktop.core.records.model import CalibrationRecord

# Measurement table: (label key, column width in characters).
TABLE_COLUMNS = [
    ("index", 5),
    ("quantity", 12),
    ("unit", 8),
    ("standard_value", 12),
    ("reading", 12),
    ("error", 11),
    ("tolerance", 12),
    ("uncertainty", 13),
    ("verdict", 15),
]
PHOTO_COLUMN = ("photo", 22)
PHOTO_ROW_HEIGHT = 48  # points; the thumbnail is sized to fit in it
STANDARD_COL, READING_COL, ERROR_COL, TOLERANCE_COL, VERDICT_COL = "D", "E", "F", "G", "I"


def write_record_sheet(ws: Worksheet, record: CalibrationRecord, labels: dict[str, str], photos: bool) -> str:
    """Fill the empty sheet ``ws``; returns the coordinate of the conclusion cell (for the summary)."""
    photos = photos and any(point.photo for point in record.points)
    columns = TABLE_COLUMNS + ([PHOTO_COLUMN] if photos else [])
    last = get_column_letter(len(columns))
    for i, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    writer = _SheetWriter(ws, last)

    writer.title(labels["record_title"])
    writer.pairs(labels["number"], record.number, labels["calibration_date"], record.calibration_date)
    writer.pairs(labels["customer"], record.customer, labels["location"], record.location)
    instrument = record.instrument
    writer.pairs(labels["instrument"], instrument.name, labels["model"], instrument.model)
    writer.pairs(labels["manufacturer"], instrument.manufacturer, labels["serial"], instrument.serial)
    writer.pairs(labels["firmware"], instrument.firmware, labels["category"], instrument.category)
    writer.wide_pair(labels["procedure"], record.procedure)
    env = record.environment
    writer.spanned_row(["A:B", "C:C", "D:E", "F:F", "G:H", f"I:{last}"],
                       [labels["temperature"], Displayed.parse(env.temperature), labels["humidity"],
                        Displayed.parse(env.humidity), labels["pressure"], Displayed.parse(env.pressure)],
                       labels_at=(0, 2, 4))

    writer.section(labels["standards"])
    spans = ["A:B", "C:D", "E:E", "F:G", "H:H", f"I:{last}"]
    keys = ["standard_name", "model", "standard_serial", "certificate", "due_date", "standard_uncertainty"]
    writer.spanned_row(spans, [labels[k] for k in keys], header=True)
    for s in record.standards:
        writer.spanned_row(spans, [s.name, s.model, s.serial, s.certificate, s.due_date, s.uncertainty])

    writer.section(labels["results"])
    header_row = writer.row
    for i, (key, _) in enumerate(columns, start=1):
        style_cell(ws.cell(header_row, i, labels[key]), font=HEADER_FONT, fill=HEADER_FILL)
    ws.row_dimensions[header_row].height = 30
    first = header_row + 1
    for index, point in enumerate(record.points, start=1):
        r = first + index - 1
        values = [index, point.quantity, point.unit, Displayed.parse(point.standard), Displayed.parse(point.reading),
                  f"=ROUND({READING_COL}{r}-{STANDARD_COL}{r},{point.error_decimals})",
                  Displayed.parse(point.tolerance), Displayed.parse(point.uncertainty),
                  # Same rule as MeasurementPoint.passed; no verdict without a tolerance.
                  f'=IF(ABS({ERROR_COL}{r})<={TOLERANCE_COL}{r},"{labels["pass"]}","{labels["fail"]}")'
                  if point.tolerance else None]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col)
            write_value(cell, value)
            style_cell(cell)
        ws[f"{ERROR_COL}{r}"].number_format = number_format(point.error_decimals)
        ws.row_dimensions[r].height = 20
        if photos:
            style_cell(ws.cell(r, len(columns)))
            if point.photo:
                image = thumbnail_image(point.photo, point.crop, PHOTO_ROW_HEIGHT)
                centre_in_cell(image, len(columns), r, PHOTO_COLUMN[1], PHOTO_ROW_HEIGHT)
                ws.add_image(image)
                ws.row_dimensions[r].height = PHOTO_ROW_HEIGHT
    last_point = first + len(record.points) - 1
    verdicts = f"{VERDICT_COL}{first}:{VERDICT_COL}{last_point}"
    writer.row = last_point + 1

    conclusion = writer.wide_pair(
        labels["conclusion"],
        f'=IF(COUNTIF({verdicts},"{labels["fail"]}")>0,"{labels["fail"]}",'
        f'IF(COUNTIF({verdicts},"{labels["pass"]}")>0,"{labels["pass"]}",""))',
    )
    ws[conclusion].font = SECTION_FONT
    highlight_verdicts(ws, verdicts, labels)
    highlight_verdicts(ws, conclusion, labels)
    writer.wide_pair(labels["remarks"], record.remarks)

    writer.row += 1  # a blank line before the signatures
    writer.pairs(labels["technician"], record.technician, labels["checker"], record.checker)
    writer.pairs(labels["signature"], "", labels["signature"], "", min_height=36)
    writer.pairs(labels["date"], record.calibration_date, labels["date"], "")

    ws.freeze_panes = "A3"  # the title and the record number stay visible while scrolling
    setup_a4_page(ws, landscape=False, title_rows=f"{header_row}:{header_row}",
                  footer=f"{record.number}    {labels['page_footer']}")
    ws.print_area = f"A1:{last}{writer.row - 1}"
    return conclusion


class _SheetWriter:
    """Writes the record's blocks top to bottom; ``row`` is the next free row."""

    def __init__(self, ws: Worksheet, last_column: str):
        self.ws, self.last, self.row = ws, last_column, 1

    def title(self, text: str) -> None:
        self._merged(f"A{self.row}:{self.last}{self.row}", text, font=TITLE_FONT, border=False)
        self.ws.row_dimensions[self.row].height = 32
        self.row += 1

    def section(self, text: str) -> None:
        self.row += 1  # breathing space above each section
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
            self.ws.merge_cells(cells)
        for row in self.ws[cells]:  # borders and fills must be set on every cell of a merged range
            for cell in row:
                style_cell(cell, font=font, alignment=alignment, border=BOX if border else None, fill=fill)
