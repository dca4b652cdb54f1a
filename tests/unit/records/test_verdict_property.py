"""Issue 31: Python's verdict and the workbook's recalculated verdict agree on every point, including the
points exactly on the limit and one digit either side of it.

1,000+ random points (every tolerance form, readings with 0-6 decimals, both decision rules) are written
to one workbook; its cached results are stripped and LibreOffice headless recalculates it (one launch);
every verdict cell must read the word Python computed, and every conclusion the record's.
"""
import random
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop.core.records.calibration_record import MeasurementPoint
from desktop.core.records.excel.libreoffice import convert
from desktop.core.records.excel.record_sheet import verdict_words
from desktop.core.records.excel.report import export_report
from desktop.core.records.excel.report_labels import labels_for
from desktop.core.records.verdicts import Tolerance, evaluate, resolution

pytestmark = pytest.mark.usefixtures("libreoffice")  # LibreOffice is part of the test command

POINTS_PER_RECORD = 130
RECORDS = 8  # half simple, half guarded
TOLERANCES = ["{a}", "{p} %rdg", "{p} %FS", "{n} dgt", "±({p} %rdg + {n} dgt)", "{a} + {p} %FS",
              "±({p} %rdg + {p2} %FS + {n} dgt)"]
WORDS = verdict_words(labels_for("zh"))


def _number(rng: random.Random, decimals: int, low: float, high: float) -> Decimal:
    return Decimal(f"{rng.uniform(low, high):.{decimals}f}")


def _text(value: Decimal) -> str:
    return format(value, "f")


def _point(rng: random.Random, rule: str) -> MeasurementPoint | None:
    """A point whose error sits on an edge of the rule (± 0 or 1 step of the standard's last decimal), or
    anywhere; None when the random values make one that the report refuses (too many digits)."""
    decimals = rng.randint(0, 6)
    reading = _number(rng, decimals, -2000 if rng.random() < 0.2 else 0.001, 2000) if decimals < 4 else \
        _number(rng, decimals, 0.0001, 20)
    form = rng.choice(TOLERANCES)
    tolerance = form.format(a=_text(_number(rng, rng.randint(0, 4), 0.0001, 5)),
                            p=rng.choice(["0.5", "1", "0.25", "0.05", "2", "0.125", "0.3"]),
                            p2=rng.choice(["0.1", "0.05"]), n=rng.choice(["1", "2", "3", "5"]))
    full_scale = _text(abs(reading) * 2 + 1) if "%FS" in tolerance else ""
    limit = Tolerance.parse(tolerance).limit(_text(reading), full_scale)
    u = _number(rng, min(decimals + 1, 6), 0, float(limit)) if rule == "guarded" else Decimal(0)
    edge = rng.choice([limit, limit + u, limit - u, limit * Decimal(rng.uniform(0, 2))])
    step = resolution(_text(reading)) / 10 ** rng.randint(0, 3)
    error = (edge.quantize(step) if edge.as_tuple().exponent < step.as_tuple().exponent else edge)
    error += rng.choice([-1, 0, 0, 1]) * step
    standard = reading - error * rng.choice([-1, 1])
    point = MeasurementPoint("电压", "V", _text(standard), _text(reading), tolerance,
                             _text(u) if rule == "guarded" else "", full_scale=full_scale)
    try:
        evaluate(point.reading, point.standard, point.tolerance, point.uncertainty, point.full_scale, rule)
    except ValueError:
        return None
    return point


def test_libreoffice_recalculates_every_verdict_to_pythons(tmp_path, new_record):
    rng = random.Random(31)
    records = []
    for i in range(RECORDS):
        rule = "simple" if i % 2 == 0 else "guarded"
        points = []
        while len(points) < POINTS_PER_RECORD:
            points += [p for p in [_point(rng, rule)] if p]
        records.append(new_record(f"P-{i:02d}", decision_rule=rule, points=points))
    report = export_report(records, tmp_path / "report.xlsx")
    stripped = tmp_path / "stripped" / "report.xlsx"
    stripped.parent.mkdir()
    load_workbook(report).save(stripped)  # no cached results: LibreOffice computes every formula
    recalculated = load_workbook(convert(stripped, "xlsx", tmp_path / "calc", tmp_path / "profile"), data_only=True)
    compared, on_the_edge, outcomes = 0, 0, set()
    for record in records:
        ws = recalculated[record.number]
        header = next(row for row in ws.iter_rows() if row[0].value == "序号" and row[1].value == "测量项目")
        column = next(c.column for c in header if c.value == "结论")
        rows = {c.value: c.row for c in ws["A"] if isinstance(c.value, int)}  # point number -> row (the header
        for offset, point in enumerate(record.points, start=1):                 # repeats on each page)
            result = point.result(record.decision_rule)
            theirs = ws.cell(rows[offset], column).value
            assert theirs == WORDS[result.verdict], (record.number, record.decision_rule, point)
            compared += 1
            outcomes.add((record.decision_rule, result.verdict))
            u = Decimal(point.uncertainty or 0)
            on_the_edge += abs(result.error) in (result.limit, result.limit - u, result.limit + u)
        conclusion = next(c for row in ws.iter_rows() for c in row if c.value == "校准结论").offset(0, 2)
        assert conclusion.value == WORDS[record.verdict()]
    assert compared >= 1000
    assert on_the_edge >= 100  # the edges are exercised, not only easy points
    assert {("simple", "pass"), ("simple", "fail"), ("guarded", "pass"), ("guarded", "fail"),
            ("guarded", "conditional_pass"), ("guarded", "conditional_fail")} <= outcomes
