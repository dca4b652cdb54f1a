"""Issued records are locked; a change makes a new revision with its reason; every issued revision stays
in the store and is listed on the certificate (ISO/IEC 17025 7.5.2, 7.8.8)."""
import json
from datetime import datetime

import pytest
from openpyxl import load_workbook

from desktop.core.records.excel.report import RecordNotReadyError, export_report
from desktop.core.records.repository import RecordLockedError, RecordRepository
from desktop.core.records.revisions import NotReadyToIssue, RevisionError, issue, revise


@pytest.fixture
def repository(lab_store):
    return RecordRepository(lab_store)


def test_an_issued_record_cannot_be_saved_over_and_a_revision_keeps_the_old_one(repository, new_record):
    issued = issue(new_record(customer="A"), by="李华", when=datetime(2025, 3, 17, 16, 5))
    assert issued.locked and issued.issued_at == "2025-03-17T16:05:00" and issued.issue_date.isoformat() == "2025-03-17"
    repository.save_record(issued)
    changed = issue(new_record(customer="B"), by="李华")
    with pytest.raises(RecordLockedError, match="make a new revision"):
        repository.save_record(changed)
    with pytest.raises(RevisionError, match="reason"):
        revise(issued, " ")
    draft = revise(issued, "customer name corrected")
    draft.customer = "B"
    repository.save_record(draft)
    repository.save_record(issue(draft, by="李华"))
    assert [r.customer for r in repository.revisions(issued.number)] == ["A", "B"]
    assert repository.get_record(issued.number).revision == 1
    with pytest.raises(RecordLockedError, match="was issued: it stays in the store"):
        repository.delete_record(issued.number)


def test_the_certificate_lists_the_revisions_it_replaces(tmp_path, new_record):
    first = issue(new_record(), by="李华", when=datetime(2025, 3, 17, 16, 5))
    second = issue(revise(first, "customer name corrected"), by="李华", when=datetime(2025, 3, 18, 9, 30))
    ws = load_workbook(export_report([second], tmp_path / "r.xlsx"))[second.number]
    texts = [[c.value for c in row] for row in ws.iter_rows()]
    history = next(i for i, row in enumerate(texts) if row[0] == "修订记录")
    assert texts[history + 2][0] == "0" and texts[history + 2][2] == "2025-03-17 16:05:00"
    assert "customer name corrected" in texts[history + 2]


def test_a_standard_past_its_due_date_is_refused_unless_the_reason_is_stated(tmp_path, new_record):
    from datetime import date

    record = new_record(calibration_date=date(2025, 10, 1))  # the barometer was due 2025-09-20
    with pytest.raises(RecordNotReadyError, match=r"past its due date on 2025-10-01: 数字式气压计 \(due 2025-09-20\)"):
        export_report([record], tmp_path / "r.xlsx")
    record.standards_override = "经期间核查合格，延用至 2025-10-15"
    ws = load_workbook(export_report([record], tmp_path / "r.xlsx"))[record.number]
    assert "经期间核查合格，延用至 2025-10-15" in [c.value for row in ws.iter_rows() for c in row]


@pytest.mark.parametrize("change, missing", [
    (lambda r: setattr(r, "checker", ""), ["checker"]),
    (lambda r: setattr(r.standards[0], "certificate", ""), ["standard.certificate"]),
    (lambda r: setattr(r.standards[0], "due_date", None), ["standard.due_date"]),
    (lambda r: setattr(r.standards[0], "uncertainty", ""), ["standard.uncertainty"]),
    (lambda r: setattr(r, "standards", []), ["standards"]),
    (lambda r: (setattr(r, "number", " "), setattr(r, "checker", "")), ["number", "checker"]),
    (lambda r: (setattr(r.laboratory, "name", ""), setattr(r.laboratory, "traceability", ""),
                setattr(r.signatory, "name", "")), ["laboratory.name", "laboratory.traceability", "signatory.name"]),
])
def test_issue_is_refused_naming_what_is_missing(new_record, change, missing):
    """Issue 32: no certificate number, due date or uncertainty for the standard, or no checker: not issued."""
    record = new_record()
    change(record)
    with pytest.raises(NotReadyToIssue, match="cannot be issued without") as refused:
        issue(record, by="李华")
    assert refused.value.missing == missing
    assert not record.locked


def test_the_same_or_a_lower_revision_cannot_replace_one_already_in_the_report(tmp_path, new_record):
    """Issue 31, defect 4: revision 0 again with changed readings, or revision 0 after 2, replaced the current one."""
    path = tmp_path / "report.xlsx"
    export_report([new_record(revision=2, revision_reason="second correction")], path)
    before = path.read_bytes()
    for revision in (2, 0):
        changed = new_record(revision=revision, revision_reason="x" if revision else "")
        changed.points[0].reading = "100.45"
        with pytest.raises(RecordNotReadyError, match=f"revision {revision} cannot replace revision 2 already in"):
            export_report([changed], path, append=True)
    assert path.read_bytes() == before


def test_a_superseded_revision_is_marked_and_keeps_its_tab_name_with_a_long_number(tmp_path, new_record):
    number = "LCD-2025-0314-CUSTOMER-A-0001-XYZ"  # 33 characters: the tab name is cut to 31
    path = tmp_path / "report.xlsx"
    export_report([new_record(number)], path)
    export_report([new_record(number, revision=1, revision_reason="corrected")], path, append=True)
    wb = load_workbook(path)
    old = next(ws for ws in wb.worksheets if ws.title.endswith(" 已被替代"))
    assert len(old.title) <= 31 and old.title.startswith("LCD-2025-0314-CUSTOMER")
    assert old["A2"].value == "校准原始记录（DRAFT / 草稿）（已被替代：以修订版次 1 为准）"
    assert "已被替代：以修订版次 1 为准" in old.oddHeader.center.text  # printed on every page
    current = wb[wb.sheetnames[-1]]
    assert current["A2"].value == "校准原始记录（DRAFT / 草稿）" and current.oddHeader.center.text == "DRAFT / 草稿"


def test_two_revisions_exported_together_keep_the_earlier_marked_superseded(tmp_path, new_record):
    first = issue(new_record(), by="李华", when=datetime(2025, 3, 17, 16, 5))
    second = issue(revise(first, "customer name corrected"), by="李华", when=datetime(2025, 3, 18, 9, 30))
    wb = load_workbook(export_report([first, second], tmp_path / "r.xlsx"))
    old, current = wb[f"{first.number} 已被替代"], wb[first.number]
    assert old["A2"].value == "校准原始记录（已被替代：以修订版次 1 为准）" and old["A2"].font.color.rgb == "00C00000"
    assert old.oddHeader.center.text == "已被替代：以修订版次 1 为准" and current["A2"].value == "校准原始记录"
    summary = wb["汇总"]
    assert [summary.cell(row, 13).value for row in (3, 4)] == ["已被替代", None]
    assert summary["B3"].hyperlink.location == f"'{old.title}'!A1"


def test_a_plain_export_does_not_replace_an_existing_report_unless_asked(tmp_path, new_record, capsys):
    from desktop.cli import main
    from desktop.core.records.excel.report import ReportExistsError
    from desktop.core.records.json_io import FORMAT_NAME, FORMAT_VERSION, record_to_dict

    path = tmp_path / "report.xlsx"
    export_report([new_record("A-1"), new_record("A-2"), new_record("A-3")], path)
    before = path.read_bytes()
    with pytest.raises(ReportExistsError, match="report.xlsx already exists"):
        export_report([new_record("B-1")], path)
    records = tmp_path / "records.json"
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "records": [record_to_dict(new_record("B-1"))]}
    records.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert main(["export", "--records", str(records), "--xlsx", str(path)]) == 1
    assert "--append" in capsys.readouterr().err and path.read_bytes() == before
    assert main(["export", "--records", str(records), "--xlsx", str(path), "--replace"]) == 0
    assert load_workbook(path).sheetnames == ["汇总", "B-1"]


def test_only_an_issued_record_prints_as_a_certificate(tmp_path, new_record):
    """Issue 31, defect 3: a draft printed as 校准证书 with a conclusion, like an issued certificate."""
    draft = new_record(title="certificate", issue_date=datetime(2025, 3, 15).date())  # a date typed on the draft
    issued = issue(new_record("LCD-2", title="certificate"), by="李华", when=datetime(2025, 3, 17, 16, 5))
    wb = load_workbook(export_report([draft, issued], tmp_path / "r.xlsx"))
    ws = wb[draft.number]
    assert ws["A2"].value == "校准证书（DRAFT / 草稿）"
    assert ws.oddHeader.center.text == "DRAFT / 草稿"  # on every printed page
    assert len(ws._images) >= 1 and all(img.width >= 500 for img in ws._images)  # the watermark, one per page
    texts = [c.value for row in ws.iter_rows() for c in row]
    assert "未签发" in texts and datetime(2025, 3, 15) not in texts  # the draft has no issue date yet
    ws = wb[issued.number]
    assert ws["A2"].value == "校准证书" and not ws.oddHeader.center.text and not ws._images
    assert datetime(2025, 3, 17) in [c.value for row in ws.iter_rows() for c in row]  # this revision's date
