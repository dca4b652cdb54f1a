"""Parameterised SQL only, no password in our settings, sslmode passed to libpq."""
import stat

import pytest
import sqlalchemy as sa

from desktop.core.labstore.errors import StoreUnavailable
from desktop.core.labstore.passwords import check_database_url, passfile, remember_password
from desktop.core.labstore.store import LabStore
from desktop.core.preferences import validate
from desktop.core.records.calibration_record import Instrument
from desktop.core.records.repository import RecordRepository

PAYLOADS = ("'; DROP TABLE records; --", "Robert'); DELETE FROM record_history;--", '=HYPERLINK("http://x","y")',
            "=1+2", "@SUM(A1)", "1' OR '1'='1", "%_\\", "$$; SELECT pg_sleep(5); $$", "\" OR \"\"=\"")


def test_sql_and_formula_payloads_round_trip_unchanged(lab_store, new_record):
    repository = RecordRepository(lab_store)
    for index, payload in enumerate(PAYLOADS):
        record = new_record(number=f"{payload}{index}", customer=payload, remarks=payload,
                            instrument=Instrument(name=payload, serial=f"S{index}{payload}"))
        repository.save_record(record)
        assert repository.get_record(record.number) == record
        assert repository.find_records(customer=payload) == [record]
        assert repository.find_records(serial=f"S{index}{payload}") == [record]
        assert repository.suggest_instruments(payload, by="name")[0].name == payload
    assert len(repository.find_records()) == len(PAYLOADS)
    assert repository.history(f"{PAYLOADS[0]}0")[0].new_value == "created"


def test_the_settings_never_keep_a_password(tmp_path, monkeypatch):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    prefs, warnings = validate({"lab_database": "postgresql://wang:secret@lab-server/lab"})
    assert prefs.lab_database == "" and "password" in warnings[0]
    with pytest.raises(ValueError, match="PostgreSQL URL"):
        check_database_url("mysql://lab-server/lab")
    url = remember_password("postgresql://wang:se:cret@lab-server:5433/lab?sslmode=verify-full")
    assert url == "postgresql://wang@lab-server:5433/lab?sslmode=verify-full"
    assert validate({"lab_database": url})[0].lab_database == url
    assert passfile().read_text() == "lab-server:5433:lab:wang:se\\:cret\n"
    assert stat.S_IMODE(passfile().stat().st_mode) == 0o600  # libpq refuses a file others can read


def test_sslmode_passes_through_to_libpq_on_postgres(postgres_url):
    """The test server has no TLS: asking for it must fail the way libpq says, not be dropped silently."""
    with pytest.raises(StoreUnavailable, match="SSL"):
        LabStore.open(postgres_url + "?sslmode=require")
    store = LabStore.open(postgres_url + "?sslmode=disable")
    with store.begin() as connection:
        assert connection.execute(sa.text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is False
    store.close()
