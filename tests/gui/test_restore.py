"""Crash-restore: kill the app with SIGKILL after corrections; the next start offers them all back."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from desktop.ui.dialogs.messages import Messages

from .fakes import write_sample
from .test_open_image import value_row


def test_sigkill_then_restore_keeps_every_correction(make_window, qtbot, tmp_path, isolated, monkeypatch):
    paths = [str(write_sample(tmp_path / f"s{i}.png")) for i in range(3)]
    env = dict(os.environ, LCDREADER_HOME=str(isolated), QT_QPA_PLATFORM="offscreen")
    child = Path(__file__).with_name("crash_child.py")
    proc = subprocess.run([sys.executable, str(child), *paths], env=env, capture_output=True, text=True,
                          timeout=60)
    assert "CORRECTED" in proc.stdout, proc.stderr
    assert proc.returncode == -signal.SIGKILL

    asked = []
    monkeypatch.setattr(Messages, "ask_restore", classmethod(lambda cls, parent, images, corrections, when:
                                                             asked.append((images, corrections)) or True))
    window = make_window()
    assert window.offer_restore()
    assert asked == [(3, 2)]
    records = [window.session.records[i] for i in sorted(window.session.records)]
    assert [r.status for r in records] == ["done"] * 3
    first, second, _ = records
    assert any(r.value == "100.01" for r in first.readings)
    assert second.boxes[1].text == "101.5"
    assert (first.corrections, second.corrections) == (1, 1)
    crops = window.store.corrections(session_id=window.session.session_id)
    assert [c.corrected for c in crops] == ["100.01", "101.5"] and all(c.crop_png for c in crops)
    # the restored image is on screen with its correction
    window.show_image(first.image_id)
    assert value_row(window.readings.readings_model, "100.01") >= 0
    # a clean close: the session is not offered again
    window.close()
    assert window.store.last_session(unclosed_only=True) is None


def test_declined_restore_keeps_data(make_window, qtbot, tmp_path, store):
    sid = store.new_session()
    store.add_image(sid, "file", "old.png", path=str(write_sample(tmp_path / "old.png")))
    window = make_window()
    assert not window.offer_restore()          # the conftest answers No
    assert window.session.session_id != sid
    window.actions.restore.trigger()           # File > Reopen last session
    assert window.session.session_id == sid
    (image_id,) = window.session.records
    qtbot.waitUntil(lambda: window.session.records[image_id].status == "done", timeout=5000)  # re-read


def test_unfinished_images_are_read_again(make_window, qtbot, tmp_path, store):
    sid = store.new_session()
    done_id = store.add_image(sid, "file", "a.png", path=str(write_sample(tmp_path / "a.png")))
    store.save_result(done_id, width=400, height=120, device="cpu", model="m", elapsed_ms=1,
                      boxes=[], readings=[])
    store.add_image(sid, "file", "b.png", path=str(write_sample(tmp_path / "b.png")))
    window = make_window(wait_ready=True)
    window._restore(sid)
    qtbot.waitUntil(lambda: all(r.status == "done" for r in window.session.records.values()), timeout=5000)
    assert window.engine.calls == 1
