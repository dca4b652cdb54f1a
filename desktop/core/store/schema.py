"""SQLite schema of the session store (version 1)."""
from __future__ import annotations

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    closed     INTEGER NOT NULL DEFAULT 0      -- 1 after a clean exit
);
CREATE TABLE IF NOT EXISTS images (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    source     TEXT NOT NULL,                  -- file | folder | drop | clipboard | camera
    path       TEXT,                           -- NULL for pasted / camera images
    name       TEXT NOT NULL,
    data       BLOB,                           -- encoded image bytes when there is no file
    status     TEXT NOT NULL DEFAULT 'queued', -- queued | reading | done | error
    error      TEXT,
    added_at   REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS images_session ON images(session_id);
CREATE TABLE IF NOT EXISTS results (
    image_id   INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    device     TEXT NOT NULL,
    model      TEXT NOT NULL,
    elapsed_ms REAL NOT NULL,
    template   TEXT,
    boxes      TEXT NOT NULL,                  -- JSON list of TextBox.to_json(), corrections applied
    readings   TEXT NOT NULL,                  -- JSON list of Reading.to_json(), corrections applied
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS corrections (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    image_id   INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,                  -- box | reading | delete (a reading removed)
    box_index  INTEGER,                        -- the box, for kind = box (or the reading's value box)
    field      TEXT,                           -- the reading key and column, e.g. '大气压:value'
    original   TEXT NOT NULL,
    corrected  TEXT NOT NULL,
    crop_png   BLOB,                           -- the image region the text was read from
    template   TEXT,
    created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS corrections_image ON corrections(image_id);
CREATE TABLE IF NOT EXISTS recent_files (
    path      TEXT PRIMARY KEY,
    opened_at REAL NOT NULL
);
"""
