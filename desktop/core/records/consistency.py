"""Record-level values that would make a certificate print a false result: checked before export and issue.

A point's own values (a negative U or full scale, too many digits) are checked where it is evaluated
(``verdicts.evaluate``); here the values that belong to the whole record: the coverage factor k, the
order of the dates (received <= calibrated <= issued), and points whose uncertainty is larger than their
tolerance (TUR below 1:1: the verdict says nothing), refused unless the technician states why.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from desktop.core.records.calibration_record import CalibrationRecord


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
    low = low_tur_points(record, Decimal(1))
    if low and not record.tur_reason.strip():
        problems.append(f"tur_reason: point(s) {', '.join(map(str, low))} have a TUR (limit / U) below 1:1; "
                        f"state why they are reported (tur_reason) or use a better standard")
    return problems


def low_tur_points(record: CalibrationRecord, minimum: Decimal) -> list[int]:
    """Numbers (from 1) of the points whose test uncertainty ratio is below ``minimum``."""
    low = []
    for i, point in enumerate(record.points, start=1):
        try:
            tur = point.result(record.decision_rule).tur
        except ValueError:  # reported by the point checks
            continue
        if tur is not None and tur < minimum:
            low.append(i)
    return low


def lab_minimum_tur(record: CalibrationRecord) -> Decimal:
    try:
        return Decimal(record.laboratory.min_tur)
    except InvalidOperation:
        return Decimal(4)
