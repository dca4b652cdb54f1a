"""Opening the session store: a foreign -wal, a busy or unreadable store, another schema; nothing lost."""
import shutil
import sqlite3

import pytest

from desktop.core.store import SessionStore
from desktop.core.store.opening import StoreUnavailableError


def _store_with_images(folder, count):
    store = SessionStore(folder)
    sid = store.new_session()
    for i in range(count):
        store.add_image(sid, "file", f"{i}.png", path=f"/x/{i}.png")
    store.close()  # the last connection closes: everything checkpointed into the file, no -wal left


def _foreign_wal(folder):
    """Another store's -wal, never checkpointed: copied while that store is still open."""
    other = SessionStore(folder)
    other.add_image(other.new_session(), "file", "other.png", path="/y/other.png")
    wal = folder / "sessions.sqlite3-wal"
    copy = folder.parent / "foreign-wal"
    shutil.copy(wal, copy)
    other.close()
    return copy


def _images(store):
    return store.conn.execute("SELECT COUNT(*) FROM images").fetchone()[0]


def test_a_foreign_wal_is_set_aside_with_the_store_and_nothing_is_lost(tmp_path):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    _store_with_images(ours, 200)
    shutil.copy(_foreign_wal(theirs), ours / "sessions.sqlite3-wal")
    store, notice = SessionStore.open_or_set_aside(ours)
    try:
        assert _images(store) == 200
        assert notice is not None and notice.reason == "foreign_wal"
        assert notice.moved_to.exists() and notice.moved_to.with_name(notice.moved_to.name + "-wal").exists()
    finally:
        store.close()
    again, notice = SessionStore.open_or_set_aside(ours)
    assert notice is None and _images(again) == 200
    again.close()


def test_the_stores_own_wal_is_replayed(tmp_path):
    _store_with_images(tmp_path, 3)
    writer = SessionStore(tmp_path)
    writer.add_image(writer.last_session(), "file", "late.png", path="/x/late.png")
    shutil.copy(tmp_path / "sessions.sqlite3", tmp_path / "copy.sqlite3")
    shutil.copy(tmp_path / "sessions.sqlite3-wal", tmp_path / "copy.sqlite3-wal")  # as a crash leaves it
    writer.close()
    store, notice = SessionStore.open_or_set_aside(tmp_path / "copy.sqlite3")
    assert notice is None and _images(store) == 4
    store.close()


def test_a_busy_store_is_not_called_damaged(tmp_path, monkeypatch):
    from desktop.core.store import session_store

    _store_with_images(tmp_path, 2)
    monkeypatch.setattr(session_store, "BUSY_WAIT_SECONDS", 0.2)
    holder = sqlite3.connect(tmp_path / "sessions.sqlite3")
    holder.execute("BEGIN EXCLUSIVE")  # another process writing for longer than we wait
    try:
        with pytest.raises(StoreUnavailableError, match="in use by another program"):
            SessionStore.open_or_set_aside(tmp_path)
    finally:
        holder.rollback()
        holder.close()
    assert [p.name for p in tmp_path.iterdir() if "damaged" in p.name] == []
    store, notice = SessionStore.open_or_set_aside(tmp_path)
    assert notice is None and _images(store) == 2
    store.close()


def test_a_store_of_another_schema_is_set_aside_not_used(tmp_path):
    path = tmp_path / "sessions.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                       "INSERT INTO meta VALUES ('schema_version', '7');"
                       "CREATE TABLE sessions(id INTEGER PRIMARY KEY, started REAL);")
    conn.commit()
    conn.close()
    store, notice = SessionStore.open_or_set_aside(tmp_path)
    try:
        assert notice is not None and notice.reason == "other_schema" and "7" in notice.detail
        assert store.new_session() == 1
        kept = sqlite3.connect(notice.moved_to)
        assert kept.execute("SELECT value FROM meta").fetchone() == ("7",)
        kept.close()
    finally:
        store.close()
