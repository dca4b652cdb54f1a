import os
import signal
import subprocess
import sys
import textwrap

import pytest

from desktop.core.store import SessionStore, export_rec_dataset, training_samples

BOX = {"points": [[0, 0], [10, 0], [10, 5], [0, 5]], "text": "100.07", "score": 0.9}
READING = {"key": "大气压", "value": "100.07", "unit": "kPa"}


@pytest.fixture
def store(tmp_path):
    s = SessionStore(tmp_path)
    yield s
    s.close()


def test_wal_mode_and_schema(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.path.name == "sessions.sqlite3"


def test_image_result_correction_roundtrip(store):
    sid = store.new_session()
    iid = store.add_image(sid, "file", "a.png", path="/x/a.png")
    assert store.images(sid)[0].status == "queued"
    store.set_status(iid, "reading")
    store.save_result(iid, width=10, height=5, device="cpu", model="m", elapsed_ms=12.0,
                      boxes=[BOX], readings=[READING])
    assert store.images(sid)[0].status == "done"
    fixed = dict(READING, value="100.01")
    store.add_correction(iid, kind="reading", field="大气压:value", original="100.07", corrected="100.01",
                         boxes=[BOX], readings=[fixed], crop_png=b"png", box_index=0)
    result = store.result(iid)
    assert result.readings[0]["value"] == "100.01"
    (c,) = store.corrections(iid)
    assert (c.original, c.corrected, c.crop_png) == ("100.07", "100.01", b"png")
    assert store.session_summary(sid)["corrections"] == 1


def test_last_session_and_clean_close(store):
    assert store.last_session() is None
    sid = store.new_session()
    assert store.last_session() is None  # empty sessions are not offered
    store.add_image(sid, "clipboard", "pasted", data=b"bytes")
    assert store.last_session(unclosed_only=True) == sid
    assert store.image_data(store.images(sid)[0].id) == b"bytes"
    store.close_session(sid)
    assert store.last_session(unclosed_only=True) is None
    assert store.last_session() == sid


def test_bad_status_refused(store):
    sid = store.new_session()
    iid = store.add_image(sid, "file", "a")
    with pytest.raises(ValueError, match="unknown status 'bogus'"):
        store.set_status(iid, "bogus")


def test_recent_files(store):
    for i in range(12):
        store.add_recent(f"/f{i}.png", keep=10)
    recent = store.recent_files()
    assert len(recent) == 10 and recent[0] == "/f11.png"


def test_training_export(store, tmp_path):
    sid = store.new_session()
    iid = store.add_image(sid, "file", "a")
    store.save_result(iid, width=1, height=1, device="cpu", model="m", elapsed_ms=1, boxes=[BOX], readings=[])
    store.add_correction(iid, kind="box", box_index=0, original="100.07", corrected="100.0",
                         boxes=[BOX], readings=[], crop_png=b"a")
    store.add_correction(iid, kind="box", box_index=0, original="100.0", corrected="100.01",
                         boxes=[BOX], readings=[], crop_png=b"b")
    samples = training_samples(store)
    assert [s.text for s in samples] == ["100.01"]
    label = export_rec_dataset(store, tmp_path / "out")
    assert label.read_text(encoding="utf-8").strip().endswith("\t100.01")


def test_sigkill_loses_nothing(tmp_path):
    """A process writes corrections then is killed with SIGKILL: every correction is still there."""
    script = textwrap.dedent(f"""
        import os, signal
        from desktop.core.store import SessionStore
        s = SessionStore({str(tmp_path)!r})
        sid = s.new_session()
        iid = s.add_image(sid, "file", "a.png", path="/a.png")
        s.save_result(iid, width=1, height=1, device="cpu", model="m", elapsed_ms=1,
                      boxes=[], readings=[{{"key": "k", "value": "0"}}])
        for i in range(20):
            s.add_correction(iid, kind="reading", field="k:value", original=str(i), corrected=str(i + 1),
                             boxes=[], readings=[{{"key": "k", "value": str(i + 1)}}], crop_png=b"x")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    store = SessionStore(tmp_path)
    sid = store.last_session(unclosed_only=True)
    (image,) = store.images(sid)
    assert len(store.corrections(image.id)) == 20
    assert store.result(image.id).readings[0]["value"] == "20"
    store.close()


def test_a_damaged_store_is_moved_aside_and_a_fresh_one_started(tmp_path):
    damaged = tmp_path / "sessions.sqlite3"
    damaged.write_bytes(os.urandom(4096))
    with pytest.raises(Exception, match="not a database"):
        SessionStore(tmp_path)
    store, notice = SessionStore.open_or_set_aside(tmp_path)
    aside = notice.moved_to
    try:
        assert notice.reason == "damaged" and aside.name.startswith("sessions.sqlite3.damaged-")
        assert aside.stat().st_size == 4096
        assert store.path == damaged and store.last_session() is None
        store.add_image(store.new_session(), "file", "a.png", path="/x/a.png")
    finally:
        store.close()
    again, aside = SessionStore.open_or_set_aside(tmp_path)  # a sound store is opened as it is
    assert aside is None and again.last_session() is not None
    again.close()


def test_an_undone_correction_is_no_training_sample_and_the_state_goes_back(store):
    iid = store.add_image(store.new_session(), "file", "a.png", path="/x/a.png")
    store.save_result(iid, width=10, height=5, device="cpu", model="m", elapsed_ms=1.0, boxes=[BOX],
                      readings=[READING])
    cid = store.add_correction(iid, kind="box", original="100.07", corrected="100.01", box_index=0,
                               boxes=[dict(BOX, text="100.01")], readings=[], crop_png=b"png")
    assert len(training_samples(store)) == 1
    store.remove_correction(cid, boxes=[BOX], readings=[READING])
    assert store.corrections(iid) == [] and training_samples(store) == []
    assert store.result(iid).boxes == [BOX] and store.result(iid).readings == [READING]


def test_a_deleted_reading_is_recorded_without_a_training_sample(store):
    iid = store.add_image(store.new_session(), "file", "a.png", path="/x/a.png")
    store.save_result(iid, width=10, height=5, device="cpu", model="m", elapsed_ms=1.0, boxes=[BOX],
                      readings=[READING])
    store.add_correction(iid, kind="delete", original="flow 1 L/min", corrected="", field="流量:reading",
                         boxes=[BOX], readings=[])
    assert [c.kind for c in store.corrections(iid)] == ["delete"] and training_samples(store) == []
    with pytest.raises(ValueError, match="unknown correction kind 'other'"):
        store.add_correction(iid, kind="other", original="", corrected="", boxes=[], readings=[])
