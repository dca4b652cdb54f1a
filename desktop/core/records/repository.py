"""Records, their issued revisions, their history and instruments, in the lab store (SQLite or PostgreSQL).

The app saves a record as the technician types it, so a stored record may be a draft (blank name,
no points yet): records are read back leniently, and checked for completeness only on export.

Many PCs may share one store:
- record numbers come from a lab-wide counter, so two PCs never get the same one;
- every save says which version of the row it read (optimistic locking): when someone else saved in
  between, the save is refused with who and when (``EditConflict``), and this PC's edits are kept as
  a draft to merge;
- every issued revision is kept in ``record_revisions`` and never replaced (7.5.2, 7.8.8; the
  database's triggers enforce it too);
- every change is appended to ``record_history``: old and new value, what, who, when and why.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass
from datetime import date

import sqlalchemy as sa

from desktop.core.labstore.errors import (
    DuplicateKey,
    EditConflict,
    KeptLocally,
    RecordLockedError,
    StoreError,
    StoreUnavailable,
)
from desktop.core.labstore.history import changes
from desktop.core.labstore.pending import PendingSaves
from desktop.core.labstore.store import LabStore, utc_now
from desktop.core.labstore.tables import (
    instruments,
    number_counters,
    record_drafts,
    record_history,
    record_revisions,
    records,
    standards,
)
from desktop.core.records.calibration_record import CalibrationRecord, Instrument
from desktop.core.records.json_io import record_from_dict, record_to_dict
from desktop.core.records.numbering import DEFAULT_PATTERN, format_number, highest_seq, sequence_key

__all__ = ["RecordRepository", "RecordLockedError", "HistoryEntry", "Draft", "utc_now"]


@dataclass(frozen=True)
class HistoryEntry:
    number: str
    revision: int
    at: str  # ISO, UTC
    who: str
    what: str
    old_value: str
    new_value: str
    why: str


@dataclass(frozen=True)
class Draft:
    """Edits refused by a conflict, kept for the technician to merge."""

    draft_id: str
    author: str
    saved_at: str
    base_version: int
    record: CalibrationRecord


class _Conflict(Exception):
    def __init__(self, changed_by: str, changed_at: str, base_version: int):
        self.changed_by, self.changed_at, self.base_version = changed_by, changed_at, base_version


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


class RecordRepository:
    def __init__(self, store: LabStore, pending: PendingSaves | None = None):
        """``pending``: where saves wait while the lab server is away (None: a save fails at once)."""
        self.store, self.pending = store, pending
        self._versions: dict[str, int] = {}  # the row version this repository last read or wrote, by number

    # -- saving ---------------------------------------------------------------------------------
    def save_record(self, record: CalibrationRecord, base_version: int | None = None) -> int:
        """Insert or update the record (by number), remember its instrument and standards; an issued record
        is also kept as a revision. ``base_version``: the row version the edits started from (default:
        the one this repository read last). Returns the new row version.

        Refuses to replace an issued revision by anything but a later revision (RecordLockedError), and
        to overwrite someone else's save (EditConflict, the edits kept as a draft). With a queue of
        pending saves, a save the server cannot take is queued on this PC (KeptLocally)."""
        data = record_to_dict(record)
        try:
            if self.pending is not None and len(self.pending):  # what waits goes first, in order
                self.send_pending()
            return self._save_now(record, data, self._base(record.number, base_version))
        except StoreUnavailable as exc:
            if self.pending is None:
                raise
            self.pending.put(record.number, self._base(record.number, base_version), data)
            raise KeptLocally(f"{exc}; {record.number} is kept on this PC and saved when the server is back") from exc

    def _base(self, number: str, base_version: int | None) -> int | None:
        """The row version the edits started from: given, else the one this repository read or wrote last."""
        return self._versions.get(number) if base_version is None else base_version

    def send_pending(self) -> list[StoreError]:
        """Save what was queued while the server was away, oldest first. Returns the saves refused (each one
        kept as a draft on the server); StoreUnavailable when the server is still away."""
        refused: list[StoreError] = []
        for item in self.pending.items() if self.pending is not None else []:
            current = self.get_record(item.number)
            if current is None or record_to_dict(current) != item.data:  # else: its commit got through before
                record = record_from_dict(item.data, f"pending[{item.number}]", draft=True)
                try:
                    self._save_now(record, item.data, item.base_version)
                except EditConflict as conflict:
                    refused.append(conflict)
                except RecordLockedError as locked:  # issued meanwhile: the edits become a draft
                    self._keep_draft(item.number, item.data, item.base_version or 0)
                    refused.append(locked)
            self.pending.remove(item.number)
        return refused

    def _save_now(self, record: CalibrationRecord, data: dict, base: int | None) -> int:
        try:
            with self.store.begin() as connection:
                version = self._save(connection, record, data, base)
        except _Conflict as conflict:
            draft_id = self._keep_draft(record.number, data, conflict.base_version)
            raise EditConflict(record.number, conflict.changed_by, conflict.changed_at, draft_id) from None
        except DuplicateKey:  # the number was new when read, and another PC saved it before this commit
            draft_id = self._keep_draft(record.number, data, 0)
            raise EditConflict(record.number, "another PC", utc_now(), draft_id) from None
        self._versions[record.number] = version
        return version

    def rename_record(self, old_number: str, record: CalibrationRecord) -> int:
        """Save the record under its new number and drop the old one, in one transaction."""
        with self.store.begin() as connection:
            self._delete(connection, old_number)
            version = self._save(connection, record, record_to_dict(record), None)
            self._append(connection, record.number, record.revision, [("number", old_number, record.number)], "")
        self._versions.pop(old_number, None)
        self._versions[record.number] = version
        return version

    def _save(self, connection: sa.Connection, record: CalibrationRecord, data: dict, base: int | None) -> int:
        row = connection.execute(
            sa.select(records.c.data, records.c.row_version, records.c.updated_by, records.c.updated_at,
                      records.c.revision, records.c.issued_at)
            .where(records.c.number == record.number).with_for_update()).first()
        old = json.loads(row.data) if row else None
        if row and old == data and base in (None, row.row_version):  # nothing changed since it was read
            return row.row_version
        if row and row.issued_at and record.revision <= row.revision:
            raise RecordLockedError(f"revision {row.revision} of {record.number} is issued and cannot be "
                                    f"changed: make a new revision")
        if row and base != row.row_version:
            raise _Conflict(row.updated_by, row.updated_at, base if base is not None else 0)
        values = dict(calibration_date=record.calibration_date.isoformat(), instrument_serial=record.instrument.serial,
                      customer=record.customer, revision=record.revision, issued_at=record.issued_at,
                      data=_dumps(data), updated_at=utc_now(), updated_by=self.store.identity)
        if row is None:
            version = 1  # another PC inserting this number at the same moment: DuplicateKey, see _save_now
            connection.execute(records.insert().values(number=record.number, row_version=1, **values))
        else:
            version = row.row_version + 1
            connection.execute(records.update().where(records.c.number == record.number)
                               .where(records.c.row_version == base).values(row_version=version, **values))
        why = record.revision_reason if record.revision else ""
        self._append(connection, record.number, record.revision,
                     [(c.what, c.old, c.new) for c in changes(old, data)], why)
        if record.locked and connection.execute(
                sa.select(record_revisions.c.revision).where(record_revisions.c.number == record.number)
                .where(record_revisions.c.revision == record.revision)).first() is None:
            connection.execute(record_revisions.insert().values(
                number=record.number, revision=record.revision, issued_at=record.issued_at, data=_dumps(data)))
        now = values["updated_at"]
        self._remember(connection, record.instrument, now)
        for standard in data["standards"]:
            if standard["serial"]:
                self._upsert(connection, standards, "serial", standard["serial"], data=_dumps(standard), last_used=now)
        return version

    def _append(self, connection: sa.Connection, number: str, revision: int, entries: list[tuple[str, str, str]],
                why: str) -> None:
        if entries:
            now = utc_now()
            connection.execute(record_history.insert(), [
                dict(entry_id=uuid.uuid4().hex, number=number, revision=revision, at=now, who=self.store.identity,
                     what=what, old_value=old, new_value=new, why=why) for what, old, new in entries])

    def _keep_draft(self, number: str, data: dict, base_version: int) -> str:
        draft_id = uuid.uuid4().hex
        with self.store.begin() as connection:
            connection.execute(record_drafts.insert().values(
                draft_id=draft_id, number=number, author=self.store.identity, saved_at=utc_now(),
                base_version=base_version, data=_dumps(data)))
        return draft_id

    # -- reading --------------------------------------------------------------------------------
    def get_record(self, number: str) -> CalibrationRecord | None:
        with self.store.begin() as connection:
            row = connection.execute(sa.select(records.c.data, records.c.row_version)
                                     .where(records.c.number == number)).first()
        if row is None:
            return None
        self._versions[number] = row.row_version
        return record_from_dict(json.loads(row.data), f"records[{number}]", draft=True)

    def stored_version(self, number: str) -> int | None:
        """The row version in the store now (None: no such record): has anyone saved it since?"""
        with self.store.begin() as connection:
            return connection.execute(sa.select(records.c.row_version).where(records.c.number == number)).scalar()

    def read_version(self, number: str) -> int | None:
        """The row version this repository last read or wrote."""
        return self._versions.get(number)

    def revisions(self, number: str) -> list[CalibrationRecord]:
        """Every issued revision of the record, oldest first."""
        with self.store.begin() as connection:
            rows = connection.execute(sa.select(record_revisions.c.revision, record_revisions.c.data)
                                      .where(record_revisions.c.number == number)
                                      .order_by(record_revisions.c.revision)).all()
        return [record_from_dict(json.loads(data), f"records[{number}].revision[{rev}]", draft=True)
                for rev, data in rows]

    def history(self, number: str) -> list[HistoryEntry]:
        """Every change to the record, oldest first."""
        h = record_history.c
        with self.store.begin() as connection:
            rows = connection.execute(sa.select(h.number, h.revision, h.at, h.who, h.what, h.old_value, h.new_value,
                                                h.why).where(h.number == number).order_by(h.seq)).all()
        return [HistoryEntry(*row) for row in rows]

    def drafts(self, number: str) -> list[Draft]:
        d = record_drafts.c
        with self.store.begin() as connection:
            rows = connection.execute(sa.select(d.draft_id, d.author, d.saved_at, d.base_version, d.data)
                                      .where(d.number == number).order_by(d.saved_at)).all()
        return [Draft(*row[:4], record_from_dict(json.loads(row.data), f"drafts[{number}]", draft=True))
                for row in rows]

    def find_records(self, number: str = "", serial: str = "", customer: str = "",
                     limit: int | None = None) -> list[CalibrationRecord]:
        """Records with this exact number, instrument serial and/or customer (all records when none given)."""
        query = sa.select(records.c.number, records.c.data).order_by(records.c.calibration_date, records.c.number)
        for column, value in ((records.c.number, number), (records.c.instrument_serial, serial),
                              (records.c.customer, customer)):
            if value:
                query = query.where(column == value)
        with self.store.begin() as connection:
            rows = connection.execute(query.limit(limit)).all()
        return [record_from_dict(json.loads(data), f"records[{n}]", draft=True) for n, data in rows]

    def latest_number(self) -> str | None:
        """The number of the record this user saved last (the one they were working on); in a store from
        before the lab store (no author kept), the record saved last."""
        latest = sa.select(records.c.number).order_by(records.c.updated_at.desc()).limit(1)
        with self.store.begin() as connection:
            return (connection.execute(latest.where(records.c.updated_by == self.store.identity)).scalar()
                    or connection.execute(latest.where(records.c.updated_by == "")).scalar())

    # -- deleting and numbering -----------------------------------------------------------------
    def delete_record(self, number: str) -> None:
        with self.store.begin() as connection:
            self._delete(connection, number)
        self._versions.pop(number, None)

    def _delete(self, connection: sa.Connection, number: str) -> None:
        if connection.execute(sa.select(record_revisions.c.revision)
                              .where(record_revisions.c.number == number).limit(1)).first():
            raise RecordLockedError(f"{number} was issued: it stays in the store")
        row = connection.execute(sa.select(records.c.revision).where(records.c.number == number)).first()
        if row is not None:
            connection.execute(records.delete().where(records.c.number == number))
            self._append(connection, number, row.revision, [("record", "draft", "deleted")], "")

    def next_record_number(self, day: date, pattern: str = DEFAULT_PATTERN) -> str:
        """A new number, reserved lab-wide: no other PC gets it, even at the same moment."""
        key = sequence_key(pattern, day)
        while True:
            with self.store.begin() as connection:
                seq = connection.execute(number_counters.update().where(number_counters.c.key == key)
                                         .values(last=number_counters.c.last + 1)
                                         .returning(number_counters.c.last)).scalar()
                if seq is None:
                    seq = self._start_counter(connection, key, pattern, day)
                if seq is None:  # another PC started this sequence at the same moment: count on from its counter
                    continue
                number = format_number(pattern, day, seq)
                taken = connection.execute(sa.select(records.c.number).where(records.c.number == number)).first()
            if not taken:  # a number typed by hand may already be in use: skip it
                return number

    @staticmethod
    def _start_counter(connection: sa.Connection, key: str, pattern: str, day: date) -> int | None:
        """The first number of a sequence continues the records already stored (None: another PC started it)."""
        first = highest_seq(pattern, day, connection.execute(sa.select(records.c.number)).scalars()) + 1
        try:
            with connection.begin_nested():
                connection.execute(number_counters.insert().values(key=key, last=first))
        except sa.exc.IntegrityError:
            return None
        return first

    # -- instruments ----------------------------------------------------------------------------
    def remember_instrument(self, instrument: Instrument) -> None:
        with self.store.begin() as connection:
            self._remember(connection, instrument, utc_now())

    def get_instrument(self, serial: str) -> Instrument | None:
        with self.store.begin() as connection:
            data = connection.execute(sa.select(instruments.c.data).where(instruments.c.serial == serial)).scalar()
        return Instrument(**json.loads(data)) if data else None

    def suggest_instruments(self, prefix: str, limit: int = 10, by: str = "serial") -> list[Instrument]:
        """Instruments whose serial starts with ``prefix`` (any case), most recently used first.

        ``by="name"``: instruments whose name contains ``prefix`` (烟尘 and 采样器 both find 烟尘采样器).
        """
        if by == "name":
            where = sa.func.lower(instruments.c.name).contains(prefix.lower(), autoescape=True)
        elif by == "serial":
            where = sa.func.lower(sa.func.substr(instruments.c.serial, 1, len(prefix))) == prefix.lower()
        else:
            raise ValueError(f"suggest_instruments: by must be 'serial' or 'name', not {by!r}")
        query = (sa.select(instruments.c.data).where(where)
                 .order_by(instruments.c.last_used.desc(), instruments.c.serial).limit(limit))
        with self.store.begin() as connection:
            return [Instrument(**json.loads(data)) for data in connection.execute(query).scalars()]

    def _remember(self, connection: sa.Connection, instrument: Instrument, now: str) -> None:
        if instrument.serial:  # nothing to find it by next time otherwise
            self._upsert(connection, instruments, "serial", instrument.serial, name=instrument.name,
                         data=_dumps(asdict(instrument)), last_used=now)

    @staticmethod
    def _upsert(connection: sa.Connection, table: sa.Table, key: str, value: str, **values) -> None:
        """Insert, or update when its details changed or it was last used on an earlier day. Many PCs share
        one standard: rewriting its row on every save would queue every save in the lab behind one lock."""
        row = connection.execute(sa.select(table.c.data, table.c.last_used).where(table.c[key] == value)).first()
        if row is None:
            try:
                with connection.begin_nested():
                    connection.execute(table.insert().values({key: value, **values}))
                return
            except sa.exc.IntegrityError:  # another PC inserted it a moment ago: update theirs
                pass
        elif row.data == values["data"] and row.last_used[:10] >= values["last_used"][:10]:
            return
        connection.execute(table.update().where(table.c[key] == value).values(**values))
