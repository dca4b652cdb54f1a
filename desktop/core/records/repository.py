"""Records and instruments in the session store (SQLite), stored as JSON in the JSON record format.

The session store owns the connection; this class only creates and uses its own two tables.
An instrument's details are remembered by serial number so the next calibration can complete them.
The app saves a record as the technician types it, so a stored record may be a draft (blank name,
no points yet): records are read back leniently, and checked for completeness only on export.
Every issued revision is also kept in ``record_revisions`` and is never replaced: a record whose
stored revision is issued cannot be saved over (7.5.2: amendments keep the original).
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from datetime import date, datetime

from desktop.core.records.json_io import record_from_dict, record_to_dict
from desktop.core.records.model import CalibrationRecord, Instrument
from desktop.core.records.numbering import DEFAULT_PATTERN, next_number

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS records (
        number TEXT PRIMARY KEY,
        calibration_date TEXT NOT NULL,
        instrument_serial TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS instruments (
        serial TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        last_used TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS record_revisions (
        number TEXT NOT NULL,
        revision INTEGER NOT NULL,
        issued_at TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (number, revision))""",
)


class RecordLockedError(ValueError):
    """An issued revision would be changed; make a new revision instead."""


class RecordRepository:
    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection
        with connection:  # not executescript: it would commit the store's open transaction first
            for statement in _SCHEMA:
                connection.execute(statement)

    def save_record(self, record: CalibrationRecord, renamed_from: str | None = None) -> None:
        """Insert or replace the record (by number) and remember its instrument; an issued record is also
        kept as a revision. Refuses to replace an issued revision by anything but a later revision.

        ``renamed_from``: the number the record was stored under until now; that row goes in the same
        transaction, so a crash leaves the record under one of its two numbers, never under none."""
        if renamed_from and self.revisions(renamed_from):
            raise RecordLockedError(f"{renamed_from} was issued: it stays in the store")
        now = datetime.now().isoformat(timespec="seconds")
        stored = self.get_record(record.number)
        if stored is not None and stored.locked and record.revision <= stored.revision and \
                record_to_dict(record) != record_to_dict(stored):
            raise RecordLockedError(f"revision {stored.revision} of {record.number} is issued and cannot be "
                                    f"changed: make a new revision")
        with self.connection:
            if renamed_from:
                self.connection.execute("DELETE FROM records WHERE number = ?", (renamed_from,))
            if record.locked:
                self.connection.execute(
                    "INSERT OR IGNORE INTO record_revisions (number, revision, issued_at, data) VALUES (?, ?, ?, ?)",
                    (record.number, record.revision, record.issued_at,
                     json.dumps(record_to_dict(record), ensure_ascii=False)))
            self.connection.execute(
                "INSERT OR REPLACE INTO records (number, calibration_date, instrument_serial, data, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (record.number, record.calibration_date.isoformat(), record.instrument.serial,
                 json.dumps(record_to_dict(record), ensure_ascii=False), now))
            self._remember(record.instrument, now)

    def get_record(self, number: str) -> CalibrationRecord | None:
        row = self.connection.execute("SELECT data FROM records WHERE number = ?", (number,)).fetchone()
        return record_from_dict(json.loads(row[0]), f"records[{number}]", draft=True) if row else None

    def revisions(self, number: str) -> list[CalibrationRecord]:
        """Every issued revision of the record, oldest first."""
        rows = self.connection.execute(
            "SELECT revision, data FROM record_revisions WHERE number = ? ORDER BY revision", (number,))
        return [record_from_dict(json.loads(data), f"records[{number}].revision[{rev}]", draft=True)
                for rev, data in rows]

    def list_records(self) -> list[CalibrationRecord]:
        rows = self.connection.execute("SELECT number, data FROM records ORDER BY calibration_date, number")
        return [record_from_dict(json.loads(data), f"records[{number}]", draft=True) for number, data in rows]

    def latest_number(self) -> str | None:
        """The number of the record saved last (the one the technician was working on)."""
        row = self.connection.execute(
            "SELECT number FROM records ORDER BY updated_at DESC, rowid DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def delete_record(self, number: str) -> None:
        if self.revisions(number):
            raise RecordLockedError(f"{number} was issued: it stays in the store")
        with self.connection:
            self.connection.execute("DELETE FROM records WHERE number = ?", (number,))

    def next_record_number(self, day: date, pattern: str = DEFAULT_PATTERN) -> str:
        numbers = (row[0] for row in self.connection.execute("SELECT number FROM records"))
        return next_number(pattern, day, numbers)

    def remember_instrument(self, instrument: Instrument) -> None:
        with self.connection:
            self._remember(instrument, datetime.now().isoformat(timespec="seconds"))

    def get_instrument(self, serial: str) -> Instrument | None:
        row = self.connection.execute("SELECT data FROM instruments WHERE serial = ?", (serial,)).fetchone()
        return Instrument(**json.loads(row[0])) if row else None

    def suggest_instruments(self, prefix: str, limit: int = 10, by: str = "serial") -> list[Instrument]:
        """Instruments whose serial starts with ``prefix`` (any case), most recently used first.

        ``by="name"``: instruments whose name contains ``prefix`` (烟尘 and 采样器 both find 烟尘采样器).
        """
        if by == "name":
            where, params = "instr(lower(json_extract(data, '$.name')), lower(?)) > 0", (prefix,)
        elif by == "serial":
            where, params = "lower(substr(serial, 1, ?)) = lower(?)", (len(prefix), prefix)
        else:
            raise ValueError(f"suggest_instruments: by must be 'serial' or 'name', not {by!r}")
        rows = self.connection.execute(
            f"SELECT data FROM instruments WHERE {where} ORDER BY last_used DESC, serial LIMIT ?", (*params, limit))
        return [Instrument(**json.loads(data)) for (data,) in rows]

    def _remember(self, instrument: Instrument, now: str) -> None:
        if not instrument.serial:  # nothing to find it by next time
            return
        self.connection.execute(
            "INSERT OR REPLACE INTO instruments (serial, data, last_used) VALUES (?, ?, ?)",
            (instrument.serial, json.dumps(asdict(instrument), ensure_ascii=False), now))
