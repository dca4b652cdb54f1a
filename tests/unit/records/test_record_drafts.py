"""Records saved as the technician types: drafts read back, the latest one found, instruments by name."""
from datetime import date

import pytest

from desktop.core.records.calibration_record import CalibrationRecord, Instrument, MeasurementPoint
from desktop.core.records.json_io import RecordFormatError, record_from_dict, record_to_dict
from desktop.core.records.repository import RecordRepository


@pytest.fixture
def repository(lab_store):
    return RecordRepository(lab_store)


def draft(number="LCD-1", name="") -> CalibrationRecord:
    return CalibrationRecord(number=number, customer="", instrument=Instrument(name=name),
                             calibration_date=date(2025, 3, 14))


def test_a_draft_without_name_or_points_reads_back(repository):
    record = draft()
    record.points.append(MeasurementPoint("大气压", "kPa", standard="", reading="100.07"))
    repository.save_record(record)
    assert repository.get_record("LCD-1") == record
    assert repository.find_records() == [record]


def test_strict_loading_still_refuses_a_draft():
    with pytest.raises(RecordFormatError, match="points"):
        record_from_dict(record_to_dict(draft()))


def test_a_malformed_value_is_refused_even_in_a_draft():
    data = record_to_dict(draft())
    data["points"] = [{"quantity": "流量", "standard": "3O.5", "reading": "30.0"}]
    with pytest.raises(RecordFormatError, match="standard"):
        record_from_dict(data, draft=True)


def test_latest_number_is_the_record_saved_last(repository):
    assert repository.latest_number() is None
    repository.save_record(draft("LCD-2"))
    repository.save_record(draft("LCD-1"))
    assert repository.latest_number() == "LCD-1"
    repository.save_record(draft("LCD-2", name="x"))
    assert repository.latest_number() == "LCD-2"


def test_suggest_instruments_by_name_contains(repository):
    repository.remember_instrument(Instrument("烟尘采样器", model="3012H", serial="A-1"))
    repository.remember_instrument(Instrument("Flow meter", serial="B-2"))
    assert [i.serial for i in repository.suggest_instruments("采样器", by="name")] == ["A-1"]
    assert [i.serial for i in repository.suggest_instruments("FLOW", by="name")] == ["B-2"]
    assert repository.suggest_instruments("%", by="name") == []
    with pytest.raises(ValueError, match="by must be 'serial' or 'name', not 'model'"):
        repository.suggest_instruments("A", by="model")
