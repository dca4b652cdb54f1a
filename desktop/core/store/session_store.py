"""The session store: every image, result and correction saved the moment it happens.

SQLite in WAL mode with a commit after every change, so killing the process (even SIGKILL) loses
nothing that was reported saved. Pure Python; the UI calls it from its own thread only. The
connection is public: other repositories (calibration records) add their own tables to it.
"""
from __future__ import annotations

import json
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from .opening import SetAside, StoreSchemaError, check_schema, foreign_wal, set_aside, unavailable
from .schema import SCHEMA, SCHEMA_VERSION

DB_NAME = "sessions.sqlite3"
STATUSES = ("queued", "reading", "done", "error")
BUSY_WAIT_SECONDS = 10.0  # another process's write transaction is waited for this long
KINDS = ("box", "reading", "delete")  # a box's text, a reading's key / value / unit, a reading deleted


@dataclass
class ImageRow:
    id: int
    session_id: int
    source: str
    path: str | None
    name: str
    status: str
    error: str | None
    has_data: bool


@dataclass
class ResultRow:
    image_id: int
    width: int
    height: int
    device: str
    model: str
    elapsed_ms: float
    template: str | None
    boxes: list[dict]
    readings: list[dict]


@dataclass
class CorrectionRow:
    id: int
    image_id: int
    kind: str
    box_index: int | None
    field: str | None
    original: str
    corrected: str
    crop_png: bytes | None
    template: str | None
    created_at: float


def store_file(folder_or_file: str | Path) -> Path:
    path = Path(folder_or_file)
    if path.suffix != ".sqlite3":
        path.mkdir(parents=True, exist_ok=True)
        path = path / DB_NAME
    return path


class SessionStore:
    def __init__(self, folder_or_file: str | Path):
        """Open the store; raises StoreUnavailableError (busy, unreadable), StoreSchemaError (another
        version's store) or sqlite3.DatabaseError (damaged)."""
        self.path = path = store_file(folder_or_file)
        self.conn = sqlite3.connect(str(path), timeout=BUSY_WAIT_SECONDS)  # implicit BEGIN before DML
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            check_schema(self.conn)
            self.conn.executescript(SCHEMA)
            with self.conn:
                self.conn.executemany("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)",
                                      [("schema_version", str(SCHEMA_VERSION)), ("store_id", uuid.uuid4().hex)])
        except sqlite3.OperationalError as exc:
            self.conn.close()
            raise unavailable(path, exc, BUSY_WAIT_SECONDS) from exc
        except (sqlite3.Error, StoreSchemaError):
            self.conn.close()
            raise

    @classmethod
    def open_or_set_aside(cls, folder_or_file: str | Path) -> tuple[SessionStore, SetAside | None]:
        """Open the store for the app. What cannot be used as it is gets moved aside, never deleted: a
        foreign ``-wal`` (with a copy of the store; the store opens without it), a damaged file (the
        database says so), or another version's store; then a fresh store is started. Busy or unreadable
        raises StoreUnavailableError: the file is sound and left where it is."""
        path = store_file(folder_or_file)
        notice = None
        reason = foreign_wal(path)
        if reason is not None:
            notice = set_aside(path, "foreign_wal", f"the -wal file beside it is not its own: {reason}",
                               keep_file=True)
        try:
            return cls(path), notice
        except StoreSchemaError as exc:
            notice = set_aside(path, "other_schema", str(exc))
        except sqlite3.DatabaseError as exc:  # not OperationalError (busy, cannot open): those were raised
            notice = set_aside(path, "damaged", str(exc))
        return cls(path), notice

    # -- plumbing -------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def _write(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        with self.conn:  # BEGIN ... COMMIT, rolled back on error
            return self.conn.execute(sql, params)

    def _touch(self, session_id: int) -> None:
        self.conn.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (time.time(), session_id))

    # -- sessions -------------------------------------------------------------------------------
    def new_session(self) -> int:
        now = time.time()
        return self._write("INSERT INTO sessions(created_at, updated_at) VALUES (?, ?)", (now, now)).lastrowid

    def close_session(self, session_id: int) -> None:
        """Mark a clean exit: the session is not offered back at the next start."""
        self._write("UPDATE sessions SET closed = 1 WHERE id = ?", (session_id,))

    def reopen_session(self, session_id: int) -> None:
        self._write("UPDATE sessions SET closed = 0, updated_at = ? WHERE id = ?", (time.time(), session_id))

    def last_session(self, *, unclosed_only: bool = False, exclude: int | None = None) -> int | None:
        """The most recent session that has at least one image."""
        sql = "SELECT s.id FROM sessions s WHERE EXISTS (SELECT 1 FROM images i WHERE i.session_id = s.id)"
        params: list = []
        if unclosed_only:
            sql += " AND s.closed = 0"
        if exclude is not None:
            sql += " AND s.id != ?"
            params.append(exclude)
        row = self.conn.execute(sql + " ORDER BY s.updated_at DESC, s.id DESC LIMIT 1", params).fetchone()
        return row[0] if row else None

    def session_summary(self, session_id: int) -> dict:
        row = self.conn.execute(
            "SELECT s.updated_at, (SELECT COUNT(*) FROM images WHERE session_id = s.id),"
            " (SELECT COUNT(*) FROM corrections c JOIN images i ON c.image_id = i.id WHERE i.session_id = s.id)"
            " FROM sessions s WHERE s.id = ?",
            (session_id,),
        ).fetchone()
        return {"updated_at": row[0], "images": row[1], "corrections": row[2]}

    def set_viewed(self, session_id: int, image_id: int) -> None:
        """The image the technician has in front of them: reopening the session lands there."""
        self._write("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (f"viewed:{session_id}", str(image_id)))

    def viewed(self, session_id: int) -> int | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (f"viewed:{session_id}",)).fetchone()
        return int(row[0]) if row else None

    # -- images ---------------------------------------------------------------------------------
    def add_image(self, session_id: int, source: str, name: str, path: str | None = None,
                  data: bytes | None = None) -> int:
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO images(session_id, source, path, name, data, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                (session_id, source, path, name, data, time.time()),
            )
            self._touch(session_id)
        return cur.lastrowid

    def set_status(self, image_id: int, status: str, error: str | None = None) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        self._write("UPDATE images SET status = ?, error = ? WHERE id = ?", (status, error, image_id))

    def _image_rows(self, where: str, params: tuple) -> list[ImageRow]:
        rows = self.conn.execute(
            "SELECT id, session_id, source, path, name, status, error, data IS NOT NULL AS has_data"
            f" FROM images WHERE {where} ORDER BY id",
            params,
        ).fetchall()
        return [ImageRow(*row[:7], bool(row[7])) for row in rows]

    def images(self, session_id: int) -> list[ImageRow]:
        return self._image_rows("session_id = ?", (session_id,))

    def image(self, image_id: int) -> ImageRow | None:
        rows = self._image_rows("id = ?", (image_id,))
        return rows[0] if rows else None

    def image_data(self, image_id: int) -> bytes | None:
        row = self.conn.execute("SELECT data FROM images WHERE id = ?", (image_id,)).fetchone()
        return row[0] if row else None

    # -- results --------------------------------------------------------------------------------
    def save_result(self, image_id: int, *, width: int, height: int, device: str, model: str,
                    elapsed_ms: float, boxes: list[dict], readings: list[dict],
                    template: str | None = None) -> None:
        """Save what the engine read and mark the image done, in one transaction."""
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO results(image_id, width, height, device, model, elapsed_ms, template,"
                " boxes, readings, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (image_id, width, height, device, model, elapsed_ms, template,
                 json.dumps(boxes, ensure_ascii=False), json.dumps(readings, ensure_ascii=False), time.time()),
            )
            self.conn.execute("UPDATE images SET status = 'done', error = NULL WHERE id = ?", (image_id,))

    def set_readings(self, image_id: int, readings: list[dict]) -> None:
        """The image's readings checked again (their flags changed); the boxes and the rest stay."""
        self._write("UPDATE results SET readings = ?, updated_at = ? WHERE image_id = ?",
                    (json.dumps(readings, ensure_ascii=False), time.time(), image_id))

    def result(self, image_id: int) -> ResultRow | None:
        row = self.conn.execute(
            "SELECT image_id, width, height, device, model, elapsed_ms, template, boxes, readings"
            " FROM results WHERE image_id = ?",
            (image_id,),
        ).fetchone()
        if row is None:
            return None
        return ResultRow(*row[:7], json.loads(row[7]), json.loads(row[8]))

    def uncorrected_images(self, limit: int) -> list[int]:
        """The latest images read with readings and never corrected: the technician accepted them as read."""
        rows = self.conn.execute(
            "SELECT r.image_id FROM results r JOIN images i ON i.id = r.image_id"
            " WHERE i.status = 'done' AND r.readings NOT IN ('', '[]')"
            " AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.image_id = r.image_id)"
            " ORDER BY r.image_id DESC LIMIT ?", (limit,)).fetchall()
        return [row[0] for row in rows]

    # -- corrections ----------------------------------------------------------------------------
    def add_correction(self, image_id: int, *, kind: str, original: str, corrected: str,
                       boxes: list[dict], readings: list[dict], box_index: int | None = None,
                       field: str | None = None, crop_png: bytes | None = None,
                       template: str | None = None) -> int:
        """Record original -> corrected and the corrected state of the image, atomically."""
        if kind not in KINDS:
            raise ValueError(f"unknown correction kind {kind!r}")
        now = time.time()
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO corrections(image_id, kind, box_index, field, original, corrected, crop_png,"
                " template, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (image_id, kind, box_index, field, original, corrected, crop_png, template, now),
            )
            self.conn.execute(
                "UPDATE results SET boxes = ?, readings = ?, updated_at = ? WHERE image_id = ?",
                (json.dumps(boxes, ensure_ascii=False), json.dumps(readings, ensure_ascii=False), now, image_id),
            )
            self.conn.execute(
                "UPDATE sessions SET updated_at = ? WHERE id = (SELECT session_id FROM images WHERE id = ?)",
                (now, image_id),
            )
        return cur.lastrowid

    def remove_correction(self, correction_id: int, *, boxes: list[dict], readings: list[dict]) -> None:
        """Undo: forget a correction (it is no training sample any more) and put the image's state back."""
        now = time.time()
        with self.conn:
            row = self.conn.execute("SELECT image_id FROM corrections WHERE id = ?", (correction_id,)).fetchone()
            if row is None:
                return
            self.conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))
            self.conn.execute(
                "UPDATE results SET boxes = ?, readings = ?, updated_at = ? WHERE image_id = ?",
                (json.dumps(boxes, ensure_ascii=False), json.dumps(readings, ensure_ascii=False), now, row[0]),
            )

    def corrections(self, image_id: int | None = None, *, session_id: int | None = None,
                    with_crops: bool = True) -> list[CorrectionRow]:
        crop = "c.crop_png" if with_crops else "NULL"
        sql = (f"SELECT c.id, c.image_id, c.kind, c.box_index, c.field, c.original, c.corrected, {crop},"
               " c.template, c.created_at FROM corrections c JOIN images i ON c.image_id = i.id")
        clauses, params = [], []
        if image_id is not None:
            clauses.append("c.image_id = ?")
            params.append(image_id)
        if session_id is not None:
            clauses.append("i.session_id = ?")
            params.append(session_id)
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        return [CorrectionRow(*row) for row in self.conn.execute(sql + " ORDER BY c.id", params)]

    # -- recent files ---------------------------------------------------------------------------
    def add_recent(self, path: str, keep: int = 10) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO recent_files(path, opened_at) VALUES (?, ?)",
                              (path, time.time()))
            self.conn.execute(
                "DELETE FROM recent_files WHERE path NOT IN"
                " (SELECT path FROM recent_files ORDER BY opened_at DESC LIMIT ?)",
                (keep,),
            )

    def recent_files(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT path FROM recent_files ORDER BY opened_at DESC")]
