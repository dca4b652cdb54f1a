"""Records and instruments in the lab store: the same tests on a real SQLite file and a real PostgreSQL server."""
from dataclasses import replace
from datetime import date

import pytest

from desktop.core.labstore.store import LabStore
from desktop.core.records.calibration_record import Instrument
from desktop.core.records.repository import RecordRepository


@pytest.fixture
def repository(lab_store):
    return RecordRepository(lab_store)


def test_records_survive_reopening_the_store(lab_url, repository, example_records):
    for record in example_records:
        repository.save_record(record)
    repository.store.close()
    reopened = RecordRepository(LabStore.open(lab_url))
    assert reopened.find_records() == example_records
    assert reopened.get_record("LCD-20250314-0002") == example_records[1]
    assert reopened.get_record("missing") is None
    reopened.store.close()


def test_saving_again_replaces_the_record(repository, new_record):
    repository.save_record(new_record(customer="first"))
    repository.save_record(new_record(customer="second"))
    assert [r.customer for r in repository.find_records()] == ["second"]
    repository.delete_record("LCD-20250314-0001")
    assert repository.find_records() == []


def test_instrument_details_are_remembered_by_serial(repository, new_record):
    record = new_record()
    repository.save_record(record)
    assert repository.get_instrument("A-001") == record.instrument
    repository.save_record(replace(record, number="LCD-20250315-0001",
                                   instrument=replace(record.instrument, firmware="V3.30")))
    assert repository.get_instrument("A-001").firmware == "V3.30"


def test_suggestions_complete_a_serial_prefix_in_any_case(repository):
    for serial in ("A3012H-0001", "A3012H-0002", "B-77"):
        repository.remember_instrument(Instrument(name="sampler", serial=serial))
    repository.remember_instrument(Instrument(name="no serial"))  # nothing to find it by: not kept
    assert sorted(i.serial for i in repository.suggest_instruments("a3012")) == ["A3012H-0001", "A3012H-0002"]
    assert [i.serial for i in repository.suggest_instruments("B")] == ["B-77"]
    assert len(repository.suggest_instruments("", limit=2)) == 2
    assert repository.suggest_instruments("%") == []  # no LIKE wildcards
    assert [i.serial for i in repository.suggest_instruments("AMPX", by="name")] == []
    assert len(repository.suggest_instruments("SAMP", by="name")) == 3


def test_next_record_number_continues_the_day(repository, new_record):
    repository.save_record(new_record("LCD-20250314-0001"))
    repository.save_record(new_record("LCD-20250314-0002"))
    assert repository.next_record_number(date(2025, 3, 14)) == "LCD-20250314-0003"
    assert repository.next_record_number(date(2025, 3, 14)) == "LCD-20250314-0004"  # reserved: never twice
    assert repository.next_record_number(date(2025, 3, 15)) == "LCD-20250315-0001"
    repository.save_record(new_record("LCD-20250315-0002"))  # typed by hand: the counter skips it
    assert repository.next_record_number(date(2025, 3, 15)) == "LCD-20250315-0003"


def test_find_records_by_number_serial_and_customer(repository, example_records):
    for record in example_records:
        repository.save_record(record)
    first = example_records[0]
    assert repository.find_records(number=first.number) == [first]
    assert first in repository.find_records(serial=first.instrument.serial)
    assert first in repository.find_records(customer=first.customer)
    assert repository.find_records(customer="nobody") == []
