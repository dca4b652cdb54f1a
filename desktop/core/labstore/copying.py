"""Moving in: a PC's store (SQLite) copied into the lab's server, in one transaction.

Rows are matched by their keys (record number, number and revision, a history entry's id), so a copy
run again copies nothing twice. A record that the server already has is left as the server has it,
never overwritten; when this PC's record under that number differs (made while the server was away),
it is kept as a draft of that number on the server, to merge. Copied history entries keep their
author; on PostgreSQL the database records who imported them.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import sqlalchemy as sa

from desktop.core.labstore.store import LabStore
from desktop.core.labstore.tables import (
    instruments,
    record_drafts,
    record_history,
    record_revisions,
    records,
    standards,
)

# table, the columns that identify a row, the column to copy rows in order of
_COPIED = ((records, ("number",), "number"), (record_revisions, ("number", "revision"), "number"),
           (record_history, ("entry_id",), "seq"), (record_drafts, ("draft_id",), "saved_at"),
           (instruments, ("serial",), "serial"), (standards, ("serial",), "serial"))


@dataclass
class CopyReport:
    copied: dict[str, int] = field(default_factory=dict)
    already_there: dict[str, int] = field(default_factory=dict)
    kept_as_drafts: int = 0  # records whose number the server already used for other content

    def __str__(self) -> str:
        counts = ", ".join(f"{table}: {self.copied[table]} copied, {self.already_there[table]} already there"
                           for table in self.copied)
        return counts + (f"; {self.kept_as_drafts} record(s) differ from the server's of the same number: kept "
                         f"there as drafts to merge" if self.kept_as_drafts else "")


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
            if table is records:
                report.kept_as_drafts = _keep_differing(writing, [r for r in rows if r not in new], target.identity)
    return report


def _keep_differing(writing: sa.Connection, present: list[dict], author: str) -> int:
    """Records of the same number but other content on the server: kept as drafts (once: the draft's id
    is made from the content)."""
    if not present:
        return 0
    stored: dict[str, str] = {number: data for number, data in writing.execute(
        sa.select(records.c.number, records.c.data).where(records.c.number.in_([r["number"] for r in present])))}
    drafts = [dict(draft_id=hashlib.sha256(f"{r['number']}\n{r['data']}".encode()).hexdigest(), number=r["number"],
                   author=author, saved_at=r["updated_at"], base_version=0, data=r["data"])
              for r in present if stored.get(r["number"]) != r["data"]]
    known = set(writing.execute(sa.select(record_drafts.c.draft_id)
                                .where(record_drafts.c.draft_id.in_([d["draft_id"] for d in drafts]))).scalars())
    drafts = [d for d in drafts if d["draft_id"] not in known]
    if drafts:
        writing.execute(record_drafts.insert(), drafts)
    return len(drafts)
