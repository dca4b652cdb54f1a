"""Issued records are locked; a change makes a new revision with its reason; every issued revision stays
in the store and is listed on the certificate (ISO/IEC 17025 7.5.2, 7.8.8)."""
from datetime import datetime

import pytest
from openpyxl import load_workbook

from desktop.core.records.excel.report import RecordNotReadyError, export_report
from desktop.core.records.repository import RecordLockedError, RecordRepository
from desktop.core.records.revisions import RevisionError, issue, revise


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
    with pytest.raises(RecordLockedError):
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
