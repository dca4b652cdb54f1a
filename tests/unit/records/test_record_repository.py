"""Records and instruments in a real SQLite file."""
import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from desktop.core.records.model import Instrument
from desktop.core.records.repository import RecordRepository


@pytest.fixture
def database(tmp_path):
    return tmp_path / "session.sqlite"


@pytest.fixture
def repository(database):
    connection = sqlite3.connect(database)
    yield RecordRepository(connection)
    connection.close()


def test_records_survive_reopening_the_store(database, repository, example_records):
    for record in example_records:
        repository.save_record(record)
    repository.connection.close()
    reopened = RecordRepository(sqlite3.connect(database))
    assert reopened.list_records() == example_records
    assert reopened.get_record("LCD-20250314-0002") == example_records[1]
    assert reopened.get_record("missing") is None


def test_saving_again_replaces_the_record(repository, new_record):
    repository.save_record(new_record(customer="first"))
    repository.save_record(new_record(customer="second"))
    assert [r.customer for r in repository.list_records()] == ["second"]
    repository.delete_record("LCD-20250314-0001")
    assert repository.list_records() == []


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


def test_next_record_number_continues_the_day(repository, new_record):
    repository.save_record(new_record("LCD-20250314-0001"))
    repository.save_record(new_record("LCD-20250314-0002"))
    assert repository.next_record_number(date(2025, 3, 14)) == "LCD-20250314-0003"
    assert repository.next_record_number(date(2025, 3, 15)) == "LCD-20250315-0001"


def test_the_store_keeps_its_own_tables_alongside_others(database):
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE images (id INTEGER PRIMARY KEY)")
    RecordRepository(connection)
    RecordRepository(connection)  # idempotent
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"images", "records", "instruments"} <= tables
