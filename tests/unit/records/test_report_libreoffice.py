"""Render the example report through LibreOffice headless and check what it computes and prints.

LibreOffice is part of the test command (scripts/install_system_deps.sh installs it; three conversions,
about 15 s).
- Recalculated by LibreOffice (from a copy without cached results, so nothing is taken on trust), every
  formula gives the value verdicts.py computed and the report stores as the formula's cached result.
- Printed, each record numbers its own pages ("第 x 页 共 y 页"), y being its real page count.
"""
import re
import shutil
import subprocess
from collections import Counter

import pytest
from openpyxl import load_workbook

from desktop.core.records.excel.libreoffice import convert
from desktop.core.records.excel.report import export_report

pytestmark = pytest.mark.usefixtures("libreoffice")  # fails, not skips, without LibreOffice
WORDS = {"pass": "合格", "fail": "不合格", "conditional_pass": "有条件合格", "conditional_fail": "有条件不合格",
         None: None}


def test_libreoffice_recalculates_every_formula_to_the_value_python_computed(tmp_path, example_records):
    report = export_report(example_records, tmp_path / "report.xlsx", photos=True)
    stripped = tmp_path / "stripped" / "report.xlsx"
    stripped.parent.mkdir()
    load_workbook(report).save(stripped)  # openpyxl drops cached results: LibreOffice must compute them all
    recalculated = load_workbook(convert(stripped, "xlsx", tmp_path / "calc", tmp_path / "profile"), data_only=True)
    formulas, cached = load_workbook(report), load_workbook(report, data_only=True)
    compared = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    ours, theirs = cached[ws.title][cell.coordinate].value, recalculated[ws.title][cell.coordinate].value
                    assert theirs == (pytest.approx(ours) if isinstance(ours, float) else ours), \
                        f"{ws.title}!{cell.coordinate} {cell.value}"
                    compared += 1
    # 13 points x (error, verdict), 3 as-found x (error, verdict), 6 % of reading limits, 3 + 1 as-found conclusions,
    # 3 summary links
    assert compared == 2 * 13 + 2 * 3 + 6 + 4 + 3
    for record in example_records:  # ...and the verdicts are the ones verdicts.py gives
        ws = recalculated[record.number]
        verdicts = [c.value for c in next(col for col in ws.iter_cols() if "结论" in [x.value for x in col])
                    if c.value in WORDS.values() and c.value]
        expected = [WORDS[p.result(record.decision_rule, as_found=True).verdict] for p in record.points if p.as_found]
        expected += [WORDS[p.result(record.decision_rule).verdict] for p in record.points]
        assert verdicts == expected, record.number
    assert "有条件合格" in [WORDS[p.result("guarded").verdict] for p in example_records[1].points]


def test_each_record_prints_page_x_of_y_of_its_own_pages(tmp_path, example_records):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = convert(export_report(example_records, tmp_path / "report.xlsx", photos=True), "pdf", tmp_path,
                  tmp_path / "profile")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")[1:-1]  # the summary first; pdftotext ends with a form feed
    footers = []
    for page in pages:
        number = next(r.number for r in example_records if r.number in page)
        x, y = map(int, re.search(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页", page).groups())
        footers.append((number, x, y))
    per_record = Counter(number for number, _, _ in footers)
    for number, x, y in footers:
        assert y == per_record[number] and 1 <= x <= y, footers
    assert [r.number for r in example_records] == list(dict.fromkeys(n for n, _, _ in footers))
    for record in example_records:  # the end marker closes each certificate, on its last page
        last = max(i for i, (n, _, _) in enumerate(footers) if n == record.number)
        assert "证书结束" in pages[last]


def test_the_shipped_template_prints_each_record_on_one_page(tmp_path, example_records):
    from pathlib import Path

    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    template = Path(__file__).resolve().parents[3] / "resources" / "templates_xlsx" / "lab_template.xlsx"
    pdf = convert(export_report(example_records, tmp_path / "filled.xlsx", template=template), "pdf", tmp_path,
                  tmp_path / "profile")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == len(example_records)
