"""Make resources/templates_xlsx/lab_template.xlsx: an example of a lab's own record form.

It shows both ways to mark cells: named ranges (number, instrument_serial, calibration_date) and
``{{field}}`` placeholders, with one measurement row of ``{{point.*}}`` placeholders that the export
repeats per point. See docs/records.md for the field names. Run from the repository root.
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName

OUT = Path("resources/templates_xlsx/lab_template.xlsx")
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(name="宋体", bold=True, size=10)
BODY = Font(name="宋体", size=10)
GREY = PatternFill("solid", fgColor="EDEDED")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

HEADER = [  # (label, cell for the value, value: a placeholder, or None for a named range)
    ("证书编号", "B3", None), ("校准日期", "E3", None),
    ("委托单位", "B4", "{{customer}}"), ("器具名称", "E4", "{{instrument.name}}"),
    ("型号规格", "B5", "{{instrument.model}}"), ("出厂编号", "E5", None),
    ("制造单位", "B6", "{{instrument.manufacturer}}"), ("校准依据", "E6", "{{procedure}}"),
    ("环境条件", "B7", "温度 {{environment.temperature}} ℃  湿度 {{environment.humidity}} %RH"),
    ("大气压", "E7", "{{environment.pressure}} kPa"),
    ("判定规则", "B8", "{{decision_rule}}"), ("修订版次", "E8", "{{revision}}"),
]
NAMED = {"B3": "number", "E3": "calibration_date", "E5": "instrument_serial"}
STANDARD_HEADER = ["计量标准", "名称", "", "编号", "证书编号", "有效期至", "不确定度", ""]
STANDARD_ROW = ["{{standard.index}}", "{{standard.name}}", "", "{{standard.serial}}", "{{standard.certificate}}",
                "{{standard.due_date}}", "{{standard.uncertainty}}", ""]
TABLE = ["序号", "项目", "单位", "标准值", "示值", "误差", "允差 ±", "判定"]
POINT_ROW = ["{{point.index}}", "{{point.quantity}}", "{{point.unit}}", "{{point.standard}}",
             "{{point.reading}}", "{{point.error}}", "{{point.tolerance}}", "{{point.verdict}}"]


def boxed(ws, coordinate, value, font=BODY, fill=None):
    cell = ws[coordinate]
    cell.value, cell.font, cell.border, cell.alignment = value, font, BOX, CENTER
    if fill:
        cell.fill = fill


def main() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "校准记录"
    for column, width in zip("ABCDEFGH", (12, 22, 8, 12, 22, 10, 10, 10)):
        ws.column_dimensions[column].width = width
    ws.merge_cells("A1:H1")
    ws["A1"] = "某某计量检测有限公司  {{title}}"
    ws["A1"].font, ws["A1"].alignment = Font(name="宋体", bold=True, size=14), CENTER
    for label, coordinate, value in HEADER:
        label_column = "A" if coordinate.startswith("B") else "D"
        boxed(ws, f"{label_column}{coordinate[1:]}", label, BOLD, GREY)
        boxed(ws, coordinate, value)
    for coordinate, name in NAMED.items():
        wb.defined_names[name] = DefinedName(name, attr_text=f"'{ws.title}'!${coordinate[0]}${coordinate[1:]}")
    ws["E3"].number_format = "yyyy-mm-dd"
    for column, label in zip("ABCDEFGH", STANDARD_HEADER):  # one row per standard used: all of them show
        boxed(ws, f"{column}9", label, BOLD, GREY)
    for column, value in zip("ABCDEFGH", STANDARD_ROW):
        boxed(ws, f"{column}10", value)
    for column, label in zip("ABCDEFGH", TABLE):
        boxed(ws, f"{column}11", label, BOLD, GREY)
    for column, value in zip("ABCDEFGH", POINT_ROW):
        boxed(ws, f"{column}12", value)
    boxed(ws, "A13", "结论", BOLD, GREY)
    boxed(ws, "B13", "{{conclusion}}", BOLD)
    ws.merge_cells("C13:H13")
    ws["C13"] = "{{only_item}}"
    ws["A15"], ws["D15"] = "校准员：{{technician}}", "核验员：{{checker}}"
    ws["A16"], ws["D16"] = "批准人：{{signatory.name}} {{signatory.function}}", "签发日期：{{issue_date}}"
    ws.merge_cells("A17:H17")
    ws["A17"], ws["A17"].alignment = "{{end_marker}}", CENTER
    ws.page_setup.paperSize, ws.print_title_rows = ws.PAPERSIZE_A4, "11:11"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1  # each record on one page
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.firstPageNumber, ws.page_setup.useFirstPageNumber = 1, True
    ws.oddFooter.center.text = "{{number}}  第 &P 页 共 1 页"  # one page per record (fitted above)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    wb.save(OUT)
    print(OUT)


if __name__ == "__main__":
    main()
