"""Record-level values that would make a certificate print a false result: checked before export and issue.

A point's own values (a negative U or full scale, too many digits) are checked where it is evaluated
(``evaluation.evaluate``); here the values that belong to the whole record: the coverage factor k and
the order of the dates (received <= calibrated <= issued).
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from desktop.core.records.model import CalibrationRecord


def record_problems(record: CalibrationRecord) -> list[str]:
    """What is wrong with the record as a whole, each naming the field ("" fields are not checked here)."""
    problems = []
    try:
        k = Decimal(record.coverage_factor.strip())
    except InvalidOperation:
        k = None
    if k is None or k <= 0:
        problems.append(f"coverage_factor: k = {record.coverage_factor.strip() or '(blank)'}; "
                        f"the coverage factor must be a number above 0, such as 2")
    calibrated = record.calibration_date
    if record.received_date and record.received_date > calibrated:
        problems.append(f"received_date: {record.received_date.isoformat()} is after the calibration date "
                        f"{calibrated.isoformat()}")
    if record.issue_date and record.issue_date < calibrated:
        problems.append(f"issue_date: {record.issue_date.isoformat()} is before the calibration date "
                        f"{calibrated.isoformat()}")
    return problems
