"""Re-open the written report with openpyxl and check fields, formulas, formats, print setup and images."""
import dataclasses
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

from desktop.core.records.excel.report import export_report


def _find(ws, text):
    """The cell right of the label ``text`` in the header block (labels span A:B, values start at C)."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return ws.cell(cell.row, cell.column + 2)
    raise AssertionError(f"label {text!r} not found")


def _table_row(ws, first_cell_text):
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == first_cell_text:
            return row[0].row
    raise AssertionError(f"row {first_cell_text!r} not found")


@pytest.fixture
def report(tmp_path, new_record, screen_photo):
    path = export_report([new_record(photo=str(screen_photo))], tmp_path / "report.xlsx", photos=True)
    return load_workbook(path)


def test_header_block_holds_every_record_field(report):
    ws = report["LCD-20250314-0001"]
    assert ws["A2"].value == "校准原始记录（DRAFT / 草稿）"  # under the lab name; not issued: a draft (issue 31)
    expected = {"记录编号": "LCD-20250314-0001", "委托单位": "苏州清源环境检测有限公司", "器具名称": "烟尘采样器",
                "制造厂": "崂应", "依据技术文件": "JJG 680-2007", "版本号": "V3.26"}
    for label, value in expected.items():
        assert _find(ws, label).value == value, label
    pairs_right = {"校准日期": datetime(2025, 3, 14), "校准地点": "302", "型号": "3012H", "计量器具编号": "A-001",
                   "检定校准分类": "校准", "核验员": "陈静"}
    for label, value in pairs_right.items():  # right-hand pairs: label F:G, value from H
        assert _find(ws, label).value == value, label
    assert _find(ws, "校准日期").number_format == "yyyy-mm-dd"
    assert _find(ws, "校准员").value == "王磊"
    temperature = _find(ws, "环境温度 (℃)")
    assert (temperature.value, temperature.number_format) == (21.6, "0.0")
    pressure = ws.cell(temperature.row, 9)
    assert ws.cell(temperature.row, 7).value == "大气压 (kPa)" and (pressure.value, pressure.number_format) == (101.32, "0.00")
    standard_row = _table_row(ws, "数字式气压计")
    assert [ws.cell(standard_row, c).value for c in (1, 3, 5, 6, 8, 9)] == [
        "数字式气压计", "DPI 740", "740-1127", "YL2024-08812", datetime(2025, 9, 20), "U=0.02 kPa (k=2)"]


def test_measurement_table_has_values_formulas_and_displayed_decimals(report):
    ws = report["LCD-20250314-0001"]
    header = _table_row(ws, "序号")
    assert [c.value for c in ws[header]][:11] == [
        "序号", "测量项目", "单位", "标准值", "被校示值", "示值误差 [按单位列]", "允许误差限 (±) [按单位列]",
        "扩展不确定度 U (k=2，包含概率约 95 %) [按单位列]", "TUR", "结论", "屏幕照片"]  # units, coverage (issue 31)
    r = header + 1
    row = {c.column_letter: c for c in ws[r]}
    assert [row[c].value for c in "ABCDE"] == [1, "大气压", "kPa", 100.0, 100.07]
    assert row["F"].value == f"=ROUND(E{r}-D{r},2)"
    assert row["J"].value == f'=IF(ROUND(ABS(F{r})-G{r},2)<=0,"合格","不合格")'
    assert (row["G"].value, row["H"].value, row["I"].value) == (0.5, 0.05, "10.0:1")  # TUR = limit / U
    # error and limit at the resolution plus one digit (issue 31), the rest as displayed
    assert [row[c].number_format for c in "DEFGH"] == ["0.00", "0.00", "0.000", "0.000", "0.00"]
    flow = {c.column_letter: c for c in ws[r + 1]}
    assert (flow["E"].value, flow["E"].number_format, flow["F"].number_format) == (30.5, "0.0", "0.00")
    conclusion = _find(ws, "校准结论")
    verdicts = f"J{r}:J{r + 1}"
    assert conclusion.value == (
        f'=IF(COUNTIF({verdicts},"不合格")>0,"不合格",IF(COUNTIF({verdicts},"有条件不合格")>0,"有条件不合格",'
        f'IF(COUNTIF({verdicts},"有条件合格")>0,"有条件合格",IF(COUNTIF({verdicts},"合格")>0,"合格",""))))')


def test_pass_and_fail_are_highlighted_by_conditional_formatting(report):
    ws = report["LCD-20250314-0001"]
    rules = {str(rng.sqref): [rule.formula[0] for rule in rng.rules] for rng in ws.conditional_formatting}
    r = _table_row(ws, "序号") + 1
    assert rules[f"J{r}:J{r + 1}"] == ['"合格"', '"不合格"', '"有条件合格"', '"有条件不合格"']
    assert any(ref.startswith("C") and len(formulas) == 4 for ref, formulas in rules.items())  # the conclusion
    summary = {str(rng.sqref) for rng in report["汇总"].conditional_formatting}
    assert any(ref.endswith("1048576") for ref in summary)  # every record's verdict, not the first 2,000


def test_print_setup_is_a4_with_repeated_table_header_and_frozen_title(report):
    ws = report["LCD-20250314-0001"]
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) and ws.page_setup.orientation == "portrait"
    assert ws.print_title_rows is None  # one page: nothing to repeat (a split table repeats its header)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.useFirstPageNumber and ws.page_setup.firstPageNumber == 1
    assert ws.oddFooter.center.text.endswith("第 &P 页 共 1 页")  # this record's pages, not the workbook's
    assert ws.row_breaks.brk == []
    assert ws.freeze_panes == "A3"
    summary = report["汇总"]
    assert summary.page_setup.orientation == "landscape" and summary.freeze_panes == "C3"
    assert summary.print_title_rows == "$2:$2"


def test_a_long_record_is_paginated_by_the_export_and_its_footer_counts_its_pages(tmp_path, new_record):
    from desktop.core.records.calibration_record import MeasurementPoint

    points = [MeasurementPoint("流量", "L/min", f"{i}.00", f"{i}.1", "0.5") for i in range(1, 81)]
    record = new_record(points=points)
    for point in record.points[::2]:  # a long observations table follows the long results table
        point.ocr_text = point.reading.replace("1", "7")
    ws = load_workbook(export_report([record], tmp_path / "r.xlsx"))["LCD-20250314-0001"]
    breaks = [brk.id for brk in ws.row_breaks.brk]
    assert len(breaks) >= 2 and breaks == sorted(breaks)
    assert ws.oddFooter.center.text.endswith(f"第 &P 页 共 {len(breaks) + 1} 页")
    header = _table_row(ws, "序号")
    assert all(b > header for b in breaks)
    # issue 31: the results table writes its header again at the top of each page it continues on; print
    # titles would also have repeated it over the tables that follow it (the observations)
    assert ws.print_title_rows is None
    last_point = max(c.row for c in ws["A"] if c.value == 80)
    inside = [b for b in breaks if header < b < last_point]
    assert inside and all([c.value for c in ws[b + 1]] == [c.value for c in ws[header]] for b in inside)
    assert [c.value for c in ws["A"] if isinstance(c.value, int) and c.row > header][:80] == list(range(1, 81))
    observations = _table_row(ws, "原始观测与更正")
    assert ws.cell(observations + 1, 1).value == "序号" and ws.cell(observations + 1, 4).value == "OCR 原始读数"
    split = [b for b in breaks if b > observations + 1]
    assert split and all([c.value for c in ws[b + 1]] == [c.value for c in ws[observations + 1]] for b in split[:-1])


def test_photo_thumbnails_are_embedded_in_the_photo_column(report):
    ws = report["LCD-20250314-0001"]
    r = _table_row(ws, "序号") + 1
    thumbnails = [img for img in ws._images if img.width < 500]  # not the DRAFT watermark
    anchors = sorted((img.anchor._from.col, img.anchor._from.row) for img in thumbnails)
    assert anchors == [(10, r - 1), (10, r)]  # column K, zero-based rows of both points
    first = min(thumbnails, key=lambda img: img.anchor._from.row)
    assert first.width <= 140 and first.height <= 60  # a thumbnail, cropped to the reading (80 x 20 crop)
    assert first.width / first.height == pytest.approx(4, rel=0.1)


def test_without_photos_there_is_no_photo_column(tmp_path, new_record, screen_photo):
    wb = load_workbook(export_report([new_record(photo=str(screen_photo))], tmp_path / "r.xlsx"))
    ws = wb["LCD-20250314-0001"]
    assert all(img.width >= 500 for img in ws._images) and "屏幕照片" not in [c.value for c in ws[_table_row(ws, "序号")]]


def test_summary_has_one_row_per_record_linked_to_its_sheet(tmp_path, example_records):
    wb = load_workbook(export_report(example_records, tmp_path / "r.xlsx"))
    assert wb.sheetnames == ["汇总", "LCD-20250314-0001", "LCD-20250314-0002", "LCD-20250314-0003"]
    assert wb.active.title == "汇总"
    ws = wb["汇总"]
    assert [c.value for c in ws[2]][:4] == ["序号", "记录编号", "修订版次", "校准日期"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3)]
    assert [row[:2] for row in rows] == [[1, "LCD-20250314-0001"], [2, "LCD-20250314-0002"], [3, "LCD-20250314-0003"]]
    assert rows[1][5:8] == ["数字温湿度计", "DT-625", "CEM-625-0087"]
    conclusion_cell = _find(wb["LCD-20250314-0002"], "校准结论").coordinate
    assert rows[1][11] == f"='LCD-20250314-0002'!{conclusion_cell}"
    assert ws["B3"].hyperlink.location == "'LCD-20250314-0001'!A1"


def test_english_headers_follow_the_language(tmp_path, new_record):
    wb = load_workbook(export_report([new_record()], tmp_path / "r.xlsx", lang="en"))
    assert wb.sheetnames[0] == "Summary"
    ws = wb["LCD-20250314-0001"]
    assert ws["A2"].value == "Calibration Record (DRAFT / 草稿)"
    r = _table_row(ws, "No.") + 1
    assert ws[f"J{r}"].value == f'=IF(ROUND(ABS(F{r})-G{r},2)<=0,"Pass","Fail")'


def test_quantities_are_written_in_the_report_language(tmp_path, new_record):
    """A quantity is a key of the dictionary: the English report names it in English, the Chinese one in
    Chinese, whichever language it was taken in; one the dictionary does not know is written as typed."""
    record = new_record()
    record.points[0].quantity, record.points[1].quantity = "atmospheric pressure", "流量"
    record.points.append(dataclasses.replace(record.points[1], quantity="Leak rate"))
    cells = {}
    for lang in ("en", "zh"):
        ws = load_workbook(export_report([record], tmp_path / f"{lang}.xlsx", lang=lang))["LCD-20250314-0001"]
        first = _table_row(ws, "No." if lang == "en" else "序号") + 1
        cells[lang] = [ws[f"B{r}"].value for r in range(first, first + 3)]
    assert cells == {"en": ["atmospheric pressure", "flow", "Leak rate"], "zh": ["大气压", "流量", "Leak rate"]}


def test_append_keeps_other_sheets_and_adds_to_the_summary(tmp_path, new_record):
    path = tmp_path / "report.xlsx"
    existing = Workbook()
    existing.active.title = "Lab notes"
    existing.active["A1"] = "do not touch"
    existing.active["B2"] = "=1+1"
    existing.save(path)
    export_report([new_record("LCD-20250314-0001")], path, append=True)
    export_report([new_record("LCD-20250314-0002")], path, append=True)
    wb = load_workbook(path)
    assert wb.sheetnames == ["汇总", "Lab notes", "LCD-20250314-0001", "LCD-20250314-0002"]
    assert (wb["Lab notes"]["A1"].value, wb["Lab notes"]["B2"].value) == ("do not touch", "=1+1")
    assert [wb["汇总"].cell(r, 2).value for r in (3, 4)] == ["LCD-20250314-0001", "LCD-20250314-0002"]


def test_re_exporting_a_record_keeps_the_earlier_one_marked_superseded(tmp_path, new_record):
    # Defect: the second export overwrote the sheet and its summary row, leaving no trace of the old values.
    path = tmp_path / "report.xlsx"
    export_report([new_record(customer="first")], path)
    export_report([new_record(customer="corrected", revision=1, revision_reason="customer name")], path, append=True)
    wb = load_workbook(path)
    assert wb.sheetnames == ["汇总", "LCD-20250314-0001 已被替代", "LCD-20250314-0001"]
    summary = wb["汇总"]
    rows = [[c.value for c in row] for row in summary.iter_rows(min_row=3)]
    assert [(r[1], r[2], r[4], r[12]) for r in rows] == [
        ("LCD-20250314-0001", 0, "first", "已被替代"), ("LCD-20250314-0001", 1, "corrected", None)]
    assert summary["B3"].hyperlink.location == "'LCD-20250314-0001 已被替代'!A1"
    assert summary["B4"].hyperlink.location == "'LCD-20250314-0001'!A1"
    assert summary["L3"].value.startswith("='LCD-20250314-0001 已被替代'!")
    assert _find(wb["LCD-20250314-0001 已被替代"], "委托单位").value == "first"
    values = load_workbook(path, data_only=True)["汇总"]
    assert (values["L3"].value, values["L4"].value) == ("合格", "合格")  # cached results survive the append


def test_a_missing_photo_is_reported_before_anything_is_written(tmp_path, new_record):
    from desktop.core.records.excel.photos import PhotoError

    with pytest.raises(PhotoError, match="nope.png"):
        export_report([new_record(photo=str(tmp_path / "nope.png"))], tmp_path / "r.xlsx", photos=True)
    assert list(tmp_path.iterdir()) == []


def test_certificate_items_of_17025_are_printed(tmp_path, new_record):
    """Issue 31: coverage probability beside k and units in the headers (7.8.4.1 a), the specification
    (7.8.6.2 b), as-found conformity (7.8.4.2), external results marked (7.8.2.1 p), the reproduction
    statement, the accreditation when set, and the number and page in the page header."""
    from desktop.core.records.calibration_record import MeasurementPoint

    record = new_record(specification="JJG 680-2007 表 3", points=[
        MeasurementPoint("大气压", "kPa", "100.00", "100.07", "0.50", "0.05", as_found="100.62"),
        MeasurementPoint("大气压", "kPa", "50.00", "50.02", "0.50", "0.05", external_provider="某计量院")])
    record.laboratory.name, record.laboratory.accreditation = "苏州示例计量", "CNAS L1234"
    ws = load_workbook(export_report([record], tmp_path / "r.xlsx"))[record.number]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "扩展不确定度 U (k=2，包含概率约 95 %) [kPa]" in texts and "示值误差 [kPa]" in texts
    assert "JJG 680-2007 表 3" in texts
    assert "调整前结论" in texts  # the as-found results get their own conformity statement
    assert "大气压 *" in texts and "* 由外部供方提供的结果：某计量院" in texts
    assert "未经苏州示例计量书面批准，不得部分复制本证书。" in texts
    assert any("认可: CNAS L1234" in t for t in texts)
    assert ws.oddHeader.left.text == f"记录编号: {record.number}" and "第 &P 页 共" in ws.oddHeader.right.text
    record.laboratory.accreditation = ""
    ws = load_workbook(export_report([record], tmp_path / "r2.xlsx"))[record.number]
    assert not any("认可" in str(c.value) for row in ws.iter_rows() for c in row)


def test_result_rows_grow_to_fit_a_long_quantity_name(tmp_path, new_record):
    from desktop.core.records.calibration_record import MeasurementPoint

    record = new_record(points=[MeasurementPoint("交流电压（1 kHz，200 V 量程）", "V", "100.0", "100.1", "0.5")])
    ws = load_workbook(export_report([record], tmp_path / "r.xlsx"))[record.number]
    row = next(c.row for c in ws["B"] if c.value == "交流电压（1 kHz，200 V 量程）")
    assert ws.row_dimensions[row].height >= 14 * 3 + 6  # three lines in an 11-character column


def test_small_tables_are_never_split_and_the_conclusion_never_stands_alone(tmp_path, new_record):
    """Issue 31: a 3-row table split 2/1, the conclusion landed alone on the next page, and the standards table
    continued on the next page without its header. Wherever the tables fall, none of that happens: a small
    table stays whole, a long one repeats its header."""
    from desktop.core.records.calibration_record import MeasurementPoint, StandardUsed

    points = [MeasurementPoint("大气压", "kPa", f"{v}.00", f"{v}.07", "0.50", "0.05") for v in (50, 80, 100)]
    for count in range(6, 36, 6):  # more standards push the tables further down the first page
        standards = [StandardUsed(f"标准器 {i}", "M", f"S-{i}", f"C-{i}") for i in range(count)]
        record = new_record(f"R-{count}", standards=standards, points=points)
        ws = load_workbook(export_report([record], tmp_path / f"r{count}.xlsx"))[record.number]
        breaks = [brk.id for brk in ws.row_breaks.brk]  # a break after row id
        first_column = {c.value: c.row for c in ws["A"] if c.value}
        results, conclusion = first_column["校准结果"], first_column["校准结论"]
        standards_title, traceability = first_column["本次校准所用计量标准"], first_column["计量溯源性"]
        assert not [b for b in breaks if results <= b < conclusion], (count, breaks)
        inside = [b for b in breaks if standards_title <= b < traceability]
        if count <= 15:  # a small table: kept whole
            assert not inside, (count, breaks)
        header = [c.value for c in ws[standards_title + 1]]
        assert all([c.value for c in ws[b + 1]] == header for b in inside)  # a split one: its header again
