"""Issuing a record and amending it (ISO/IEC 17025 7.5.2, 7.8.8): an issued revision is never edited.

``issue`` locks the record as it is; ``revise`` starts the next revision from a locked one, with the
reason, and lists the revision it replaces in ``history`` (the certificate prints that list). The
repository keeps every issued revision (``RecordRepository.revisions``).
"""
from __future__ import annotations

import copy
from datetime import datetime

from desktop.core.records.model import CalibrationRecord, Revision


class RevisionError(ValueError):
    """The record cannot be issued or revised as asked; the message says why."""


def issue(record: CalibrationRecord, by: str, when: datetime | None = None) -> CalibrationRecord:
    """The record, issued now by ``by``: locked from here on."""
    if record.locked:
        raise RevisionError(f"revision {record.revision} of {record.number} is already issued")
    if record.revision and not record.revision_reason:
        raise RevisionError(f"revision {record.revision} of {record.number} needs the reason for the change")
    issued = copy.deepcopy(record)
    when = when or datetime.now()
    issued.issued_at, issued.issued_by = when.isoformat(timespec="seconds"), by
    issued.issue_date = issued.issue_date or when.date()
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
