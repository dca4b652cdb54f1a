"""What is checked before the session store is used, so that nothing in it is lost or silently replaced.

- A ``-wal`` file beside the store is replayed by SQLite as if it were the store's own. One left by
  another store (a store restored or copied while an old ``-wal`` remained) would replace the pages
  it holds: the store would open with another store's rows, or none. It is known as foreign when the
  store seen through it has another ``store_id``, fewer pages, or an AUTOINCREMENT counter that went
  back (none of which the app's own writes ever do).
- A store written by another version of the app (another ``schema_version``, or tables with other
  columns) is not used as this version's.
- A store that is only busy (another process writing) or cannot be opened (permissions) is not damaged.
"""
from __future__ import annotations

import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .schema import SCHEMA, SCHEMA_VERSION

JOURNALS = ("-wal", "-shm")


class StoreUnavailableError(RuntimeError):
    """The store is sound but cannot be used now (busy, not readable); the message is meant for the user."""


class StoreSchemaError(RuntimeError):
    """The store was written by another version of the app."""


@dataclass(frozen=True)
class SetAside:
    """A store file moved out of the way (never deleted), and why."""

    reason: str  # "damaged" | "foreign_wal" | "other_schema"
    moved_to: Path
    detail: str


@dataclass(frozen=True)
class _Facts:
    store_id: str | None
    page_count: int
    counters: dict[str, int]


def _facts(uri: str) -> _Facts:
    conn = sqlite3.connect(uri, uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        store_id = None
        if "meta" in tables:
            row = conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
            store_id = row[0] if row else None
        counters = dict(conn.execute("SELECT name, seq FROM sqlite_sequence")) if "sqlite_sequence" in tables else {}
        return _Facts(store_id, conn.execute("PRAGMA page_count").fetchone()[0], counters)
    finally:
        conn.close()


def foreign_wal(path: Path) -> str | None:
    """Why the ``-wal`` beside ``path`` is not the store's own, or None when it is (or there is none)."""
    wal = Path(f"{path}-wal")
    if not path.is_file() or not wal.is_file() or wal.stat().st_size == 0:
        return None
    uri = f"file:{quote(str(path.resolve()))}"
    try:
        alone = _facts(uri + "?immutable=1")  # immutable: the file as it is, the -wal not read
        replayed = _facts(uri + "?mode=ro")  # read-only: replays the -wal, never checkpoints it into the file
    except sqlite3.Error:
        return None  # not a readable database: opening it says what is wrong
    if alone.store_id and replayed.store_id != alone.store_id:
        return f"it belongs to another store ({replayed.store_id or 'unnamed'}, this is {alone.store_id})"
    if replayed.page_count < alone.page_count:
        return f"it would shrink the store from {alone.page_count} to {replayed.page_count} pages"
    went_back = [name for name, seq in alone.counters.items() if replayed.counters.get(name, 0) < seq]
    if went_back:
        return f"it would take the row counters of {', '.join(sorted(went_back))} back"
    return None


def set_aside(path: Path, reason: str, detail: str, keep_file: bool = False) -> SetAside:
    """Move the store (or, with ``keep_file``, a copy of it) and its journals to ``NAME.REASON-TIME``."""
    aside = path.with_name(f"{path.name}.{reason.replace('_', '-')}-{time.strftime('%Y%m%d-%H%M%S')}")
    if keep_file:
        shutil.copy2(path, aside)
    elif path.exists():
        path.replace(aside)
    for suffix in JOURNALS:
        journal = Path(f"{path}{suffix}")
        if journal.exists():
            journal.replace(Path(f"{aside}{suffix}"))
    return SetAside(reason, aside, detail)


def _expected_columns() -> dict[str, list[str]]:
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if not row[0].startswith("sqlite_")]
    columns = {table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")] for table in tables}
    conn.close()
    return columns


EXPECTED_COLUMNS = _expected_columns()


def check_schema(conn: sqlite3.Connection) -> None:
    """Raise StoreSchemaError when the store holds this app's tables in another shape or version."""
    if "meta" in {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row and row[0] != str(SCHEMA_VERSION):
            raise StoreSchemaError(f"it is schema version {row[0]}; this version of the app reads {SCHEMA_VERSION}")
    for table, wanted in EXPECTED_COLUMNS.items():
        have = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        missing = [column for column in wanted if column not in have]
        if have and missing:
            raise StoreSchemaError(f"its table {table} has no column {', '.join(missing)}")


def unavailable(path: Path, exc: sqlite3.OperationalError, waited: float) -> StoreUnavailableError:
    if "locked" in str(exc) or "busy" in str(exc):
        return StoreUnavailableError(f"the session store {path} is in use by another program (waited {waited:g} s): "
                                     f"close the other LCD Reader window or job and start again")
    return StoreUnavailableError(f"the session store {path} cannot be opened ({exc}): check that the file and its "
                                 f"folder can be read and written")
