"""Saves waiting for the lab server: kept in a SQLite file on this PC until the server is back.

A record saved while the server is away is queued here (the newest edits of a record replace the
queued ones, keeping the row version they started from), and sent again, in order, by
``RecordRepository.send_pending``. Each queued save reaches the server whole or not at all: it is
one transaction there, and it leaves this queue only after the server committed it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from desktop.core.labstore.store import LabStore, sqlite_url

_metadata = sa.MetaData()
_queue = sa.Table(
    "pending_saves", _metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("number", sa.Text, nullable=False, unique=True),
    sa.Column("base_version", sa.Integer),  # NULL: a record the server has not seen
    sa.Column("data", sa.Text, nullable=False),
)


@dataclass(frozen=True)
class PendingSave:
    number: str
    base_version: int | None
    data: dict


class PendingSaves:
    def __init__(self, path: str | Path):
        engine = sa.create_engine(sqlite_url(path), connect_args={"timeout": 30})
        _metadata.create_all(engine)  # a local queue, never shared: no migrations needed
        self.store = LabStore(engine)

    def put(self, number: str, base_version: int | None, data: dict) -> None:
        with self.store.begin() as connection:
            queued = connection.execute(sa.update(_queue).where(_queue.c.number == number)
                                        .values(data=json.dumps(data, ensure_ascii=False))).rowcount
            if not queued:
                connection.execute(_queue.insert().values(number=number, base_version=base_version,
                                                          data=json.dumps(data, ensure_ascii=False)))

    def items(self) -> list[PendingSave]:
        with self.store.begin() as connection:
            rows = connection.execute(sa.select(_queue.c.number, _queue.c.base_version, _queue.c.data)
                                      .order_by(_queue.c.seq)).all()
        return [PendingSave(number, base, json.loads(data)) for number, base, data in rows]

    def remove(self, number: str) -> None:
        with self.store.begin() as connection:
            connection.execute(_queue.delete().where(_queue.c.number == number))

    def __len__(self) -> int:
        with self.store.begin() as connection:
            return connection.execute(sa.select(sa.func.count()).select_from(_queue)).scalar_one()

    def close(self) -> None:
        self.store.close()
