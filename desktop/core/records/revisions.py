"""Issuing a record and amending it (ISO/IEC 17025 7.5.2, 7.8.8): an issued revision is never edited.

``issue`` locks the record as it is; ``revise`` starts the next revision from a locked one, with the
reason, and lists the revision it replaces in ``history`` (the certificate prints that list). The
repository keeps every issued revision (``RecordRepository.revisions``).
"""
from __future__ import annotations

import copy
from datetime import datetime

from desktop.core.records.calibration_record import CalibrationRecord, Revision
from desktop.core.records.consistency import record_problems

# What a certificate cannot be issued without, beyond its points: key -> what to call it in a message.
ISSUE_REQUIRED = {
    "number": "the certificate number",
    "laboratory.name": "the laboratory's name",
    "laboratory.traceability": "the traceability statement",
    "signatory.name": "the authorised signatory",
    "checker": "the checker",
    "standards": "a measurement standard",
    "standard.certificate": "the standard's certificate number",
    "standard.due_date": "the standard's due date",
    "standard.uncertainty": "the standard's uncertainty",
}


class RevisionError(ValueError):
    """The record cannot be issued or revised as asked; the message says why."""


class NotReadyToIssue(RevisionError):
    """Items a certificate needs are blank; ``missing`` holds their ``ISSUE_REQUIRED`` keys."""

    def __init__(self, number: str, missing: list[str]):
        names = ", ".join(ISSUE_REQUIRED[key] for key in missing)
        super().__init__(f"{number or 'the record'} cannot be issued without {names}")
        self.missing = missing


def missing_for_issue(record: CalibrationRecord) -> list[str]:
    """``ISSUE_REQUIRED`` keys that the record leaves blank (a standard's item counts when any standard lacks it)."""
    values = {"number": record.number, "laboratory.name": record.laboratory.name,
              "laboratory.traceability": record.laboratory.traceability, "signatory.name": record.signatory.name,
              "checker": record.checker}
    missing = [key for key, value in values.items() if not value.strip()]
    if not record.standards:
        return missing + ["standards"]
    for name in ("certificate", "due_date", "uncertainty"):
        if any(not getattr(standard, name) for standard in record.standards):
            missing.append(f"standard.{name}")
    return missing


def issue(record: CalibrationRecord, by: str, when: datetime | None = None) -> CalibrationRecord:
    """The record, issued now by ``by``: locked from here on. NotReadyToIssue names what is missing."""
    if record.locked:
        raise RevisionError(f"revision {record.revision} of {record.number} is already issued")
    missing = missing_for_issue(record)
    if missing:
        raise NotReadyToIssue(record.number, missing)
    if record.revision and not record.revision_reason:
        raise RevisionError(f"revision {record.revision} of {record.number} needs the reason for the change")
    issued = copy.deepcopy(record)
    when = when or datetime.now()
    issued.issued_at, issued.issued_by = when.isoformat(timespec="seconds"), by
    issued.issue_date = when.date()  # the issue date of this revision, never one typed or copied earlier
    problems = record_problems(issued)
    if problems:
        raise RevisionError(f"{record.number} cannot be issued: {'; '.join(problems)}")
    return issued


def revise(record: CalibrationRecord, reason: str) -> CalibrationRecord:
    """A new draft revision of an issued record; the issued one is listed in its history."""
    if not record.locked:
        raise RevisionError(f"{record.number} is not issued yet: change it directly")
    if not reason.strip():
        raise RevisionError("a new revision needs the reason for the change")
    draft = copy.deepcopy(record)
    draft.history.append(Revision(record.revision, record.issued_at, record.revision_reason, record.issued_by))
    draft.revision, draft.revision_reason = record.revision + 1, reason.strip()
    draft.issued_at = draft.issued_by = ""
    draft.issue_date = None
    return draft
