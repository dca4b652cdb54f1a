"""Moving in: a PC's store (SQLite) copied into the lab's server, in one transaction.

Rows are matched by their keys (record number, number and revision, a history entry's id), so a copy
run again copies nothing twice. A record that the server already has is left as the server has it:
it is counted, never overwritten. Copied history entries keep their author; on PostgreSQL the
database records who imported them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa

from desktop.core.labstore.store import LabStore
from desktop.core.labstore.tables import (instruments, record_drafts, record_history, record_revisions, records,
                                          standards)

# table, the columns that identify a row, the column to copy rows in order of
_COPIED = ((records, ("number",), "number"), (record_revisions, ("number", "revision"), "number"),
           (record_history, ("entry_id",), "seq"), (record_drafts, ("draft_id",), "saved_at"),
           (instruments, ("serial",), "serial"), (standards, ("serial",), "serial"))


@dataclass
class CopyReport:
    copied: dict[str, int] = field(default_factory=dict)
    already_there: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        return ", ".join(f"{table}: {self.copied[table]} copied, {self.already_there[table]} already there"
                         for table in self.copied)


def copy_store(source: LabStore, target: LabStore) -> CopyReport:
    report = CopyReport()
    with source.begin() as reading, target.begin() as writing:
        for table, key, order in _COPIED:
            columns = [c for c in table.columns if c.name != "seq"]  # the target numbers its own history
            present = {tuple(row) for row in writing.execute(sa.select(*(table.c[k] for k in key)))}
            rows = [dict(row._mapping) for row in reading.execute(sa.select(*columns).order_by(table.c[order]))]
            new = [row for row in rows if tuple(row[k] for k in key) not in present]
            if table is record_history:
                for row in new:
                    row["imported_by"] = target.identity  # PostgreSQL replaces it by the login, keeping "who"
            if new:
                writing.execute(table.insert(), new)
            report.copied[table.name], report.already_there[table.name] = len(new), len(rows) - len(new)
    return report
