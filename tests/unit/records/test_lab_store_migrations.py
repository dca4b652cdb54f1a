"""Alembic upgrades an old store in place: the session store's records tables as they were kept before."""
import json
import sqlite3

import sqlalchemy as sa

from desktop.core.labstore.store import LabStore
from desktop.core.records.json_io import record_to_dict
from desktop.core.records.repository import RecordRepository
from desktop.core.records.revisions import issue
from desktop.core.store import SessionStore

OLD_SCHEMA = (  # desktop/core/records/repository.py before the lab store
    """CREATE TABLE records (number TEXT PRIMARY KEY, calibration_date TEXT NOT NULL,
        instrument_serial TEXT NOT NULL DEFAULT '', data TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    "CREATE TABLE instruments (serial TEXT PRIMARY KEY, data TEXT NOT NULL, last_used TEXT NOT NULL)",
    """CREATE TABLE record_revisions (number TEXT NOT NULL, revision INTEGER NOT NULL, issued_at TEXT NOT NULL,
        data TEXT NOT NULL, PRIMARY KEY (number, revision))""",
)


def test_an_old_session_store_is_upgraded_in_place(tmp_path, new_record):
    session = SessionStore(tmp_path)  # the session store's own tables are in the same file
    session.new_session()
    issued, draft = issue(new_record(), by="李华"), new_record("LCD-20250314-0002", customer="草稿客户")
    with session.conn:
        for statement in OLD_SCHEMA:
            session.conn.execute(statement)
        for record, saved_at in ((issued, "2025-03-14T10:00:00"), (draft, "2025-03-14T11:00:00")):
            session.conn.execute("INSERT INTO records VALUES (?, ?, ?, ?, ?)",
                                 (record.number, record.calibration_date.isoformat(), record.instrument.serial,
                                  json.dumps(record_to_dict(record), ensure_ascii=False), saved_at))
        session.conn.execute("INSERT INTO record_revisions VALUES (?, 0, ?, ?)",
                             (issued.number, issued.issued_at, json.dumps(record_to_dict(issued))))
        session.conn.execute("INSERT INTO instruments VALUES ('A-001', ?, '2025-03-14T10:00:00')",
                             (json.dumps({"name": "烟尘采样器", "serial": "A-001"}),))
    store = LabStore.open(f"sqlite:///{session.path}")
    assert store.schema_revision() == "0003"
    repository = RecordRepository(store)
    assert repository.get_record(issued.number) == issued and repository.get_record(draft.number) == draft
    assert repository.find_records(customer="草稿客户") == [draft]
    assert repository.latest_number() == draft.number  # the app reopens the record worked on last
    assert [r.number for r in repository.revisions(issued.number)] == [issued.number]
    assert repository.suggest_instruments("烟尘", by="name")[0].serial == "A-001"
    with store.begin() as connection:  # the issued record is now guarded by the database too
        assert connection.execute(sa.text("SELECT issued_at FROM records WHERE number = :n"),
                                  {"n": issued.number}).scalar() == issued.issued_at
    store.close()
    LabStore.open(f"sqlite:///{session.path}").close()  # upgrading again changes nothing
    tables = {row[0] for row in sqlite3.connect(session.path).execute("SELECT name FROM sqlite_master")}
    assert {"sessions", "images", "records", "record_history", "alembic_version"} <= tables
    session.close()


def test_a_new_store_is_created_at_the_newest_schema_on_both_backends(lab_store):
    assert lab_store.schema_revision() == "0003"
    assert {"records", "record_history", "record_drafts", "number_counters", "people",
            "standards", "lab_settings"} <= set(sa.inspect(lab_store.engine).get_table_names())


def test_a_store_from_a_newer_app_is_refused_with_a_clear_message(tmp_path):
    import pytest

    from desktop.core.labstore.errors import StoreError

    url = f"sqlite:///{tmp_path / 'lab.sqlite3'}"
    LabStore.open(url).close()
    connection = sqlite3.connect(tmp_path / "lab.sqlite3")
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    with pytest.raises(StoreError, match="schema cannot be brought up to date.*9999"):
        LabStore.open(url)


def test_the_migrations_build_the_tables_the_queries_use(lab_store):
    """tables.py (what the queries see) and the migrations (frozen history) say the same, on both backends."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from desktop.core.labstore.tables import metadata

    with lab_store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []
