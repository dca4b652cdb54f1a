"""Cameras as labs have them, through cv2.VideoCapture and the real camera thread: an IP camera / phone
(an MJPEG stream from a server on 127.0.0.1 this test starts and stops) and a video file this test writes."""
from __future__ import annotations

import time

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer

from desktop.ui.workers.camera import CameraThread, describe, opencv_capture, parse_source

from .fakes import FakeEngine
from .mjpeg_server import MjpegServer, lcd_frame


@pytest.fixture
def server():
    running = MjpegServer().start()
    yield running
    running.stop()


@pytest.fixture
def quick_reconnect(monkeypatch):
    monkeypatch.setattr(CameraThread, "RECONNECT_DELAY_MS", 200)


def start_with_source(window, qtbot, source: str) -> None:
    """Type the source in the camera box, then Live camera (F6's action)."""
    combo = window.camera_bar.device
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), source)
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert window.camera_bar.choice()[0] == source
    window.actions.live.trigger()
    assert window.live.running


def test_sources_are_told_apart():
    assert parse_source("0") == 0 and parse_source(" 2 ") == 2 and parse_source(1) == 1
    assert parse_source("rtsp://cam.local/stream") == "rtsp://cam.local/stream"
    assert describe("http://admin:secret@10.0.0.5:8080/video") == "http://10.0.0.5:8080/video"
    assert describe("/data/shots/flow meter.avi") == "flow meter.avi"


def test_an_ip_camera_stream_is_read_lost_and_reconnected(make_window, qtbot, server, quick_reconnect):
    engine = FakeEngine(delay=0.01)
    window = make_window(engine, capture=opencv_capture)
    start_with_source(window, qtbot, server.url)
    qtbot.waitUntil(lambda: window.live.last_frame is not None and engine.calls >= 3, timeout=10000)
    assert window.live.last_frame.shape == (240, 400, 3)       # the stream's own size
    assert window.view.has_image()
    qtbot.waitUntil(lambda: "Stable" in window.camera_bar.state.text(), timeout=5000)

    server.stop()                                                # the phone's Wi-Fi drops
    gaps, last = [], [time.perf_counter()]                       # how long the UI thread waits meanwhile

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=5, timeout=tick)
    timer.start()
    qtbot.waitUntil(lambda: "reconnecting" in window.camera_bar.state.text(), timeout=10000)
    assert window.live.running                                   # still live, waiting for the picture
    qtbot.wait(600)                                              # through a few reconnection attempts
    timer.stop()
    assert max(gaps) < 0.15, f"the UI waited {max(gaps) * 1000:.0f} ms while the stream was lost"
    server.start()                                               # back on the same address
    calls = engine.calls
    qtbot.waitUntil(lambda: engine.calls > calls + 2, timeout=15000)
    assert "reconnecting" not in window.camera_bar.state.text()
    window.actions.live.trigger()
    qtbot.waitUntil(lambda: not window.live.running, timeout=3000)
    window.close()


def test_a_stream_that_never_comes_back_is_a_message(make_window, qtbot, server, monkeypatch, quick_reconnect):
    monkeypatch.setattr(CameraThread, "RECONNECT_ATTEMPTS", 2)
    window = make_window(FakeEngine(delay=0.01), capture=opencv_capture)
    start_with_source(window, qtbot, server.url)
    qtbot.waitUntil(lambda: window.live.last_frame is not None, timeout=10000)
    server.stop()
    qtbot.waitUntil(lambda: "did not come back" in window.banner.text(), timeout=20000)
    assert not window.live.running and not window.actions.live.isChecked()


def test_a_video_file_plays_in_a_loop(make_window, qtbot, tmp_path):
    path = tmp_path / "flow meter.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 25, (400, 240))
    for number in range(8):
        writer.write(lcd_frame(number))
    writer.release()
    engine = FakeEngine(delay=0.01)
    window = make_window(engine, capture=opencv_capture)
    start_with_source(window, qtbot, str(path))
    qtbot.waitUntil(lambda: window.live._camera is not None and window.live._camera.latest()[0] > 20,
                    timeout=10000)                               # more frames than the file has: it looped
    frame = window.live.last_frame
    assert isinstance(frame, np.ndarray) and frame.shape == (240, 400, 3)
    assert engine.calls >= 1
    window.actions.live.trigger()
    assert not window.live.running
    window.close()


def test_the_camera_typed_in_is_offered_at_the_next_start(make_window, qtbot, store):
    from desktop.core.preferences import load_preferences

    from .fakes import FakeCapture

    opened = []
    window = make_window(FakeEngine(delay=0.01), capture=lambda source: opened.append(source) or FakeCapture())
    start_with_source(window, qtbot, "http://10.0.0.5:8080/video")
    qtbot.waitUntil(lambda: opened == ["http://10.0.0.5:8080/video"], timeout=3000)
    window.actions.live.trigger()
    prefs, _ = load_preferences(store.path.parent / "preferences.yaml")
    assert prefs.camera_source == "http://10.0.0.5:8080/video"
    again = make_window(prefs=prefs)
    assert again.camera_bar.choice()[0] == "http://10.0.0.5:8080/video"


def write_video(path, fps: float, frames: int):
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (400, 240))
    for number in range(frames):
        writer.write(lcd_frame(number))
    writer.release()
    return path


def test_a_video_file_plays_at_its_own_rate(make_window, qtbot, tmp_path):
    """Before, a 15 fps file was decoded at 300-950 fps: the picture shown, the boxes and the table came
    from frames far apart. Now the camera gives 15 frames a second, and a result's frame is, most of the
    time, the frame on the screen when it arrives."""
    path = write_video(tmp_path / "clamp meter.avi", fps=15, frames=45)
    engine = FakeEngine(delay=0.01)
    window = make_window(engine, capture=opencv_capture)
    same = []
    window.live.result.connect(lambda outcome, states: same.append(outcome.image is window.live.last_frame))
    start_with_source(window, qtbot, str(path))
    qtbot.waitUntil(lambda: window.live._camera is not None and window.live._camera.latest()[0] >= 1, timeout=10000)
    first, start = window.live._camera.latest()[0], time.perf_counter()
    qtbot.wait(2000)
    rate = (window.live._camera.latest()[0] - first) / (time.perf_counter() - start)
    window.actions.live.trigger()
    assert 12 <= rate <= 18, f"{rate:.0f} frames a second from a 15 fps file"
    assert len(same) >= 15 and sum(same) / len(same) >= 0.8, f"{sum(same)} of {len(same)} results on the frame shown"


def test_a_slow_decoder_is_not_raced_to_catch_up():
    from desktop.ui.workers.camera import FramePacer

    now = [0.0]
    pacer = FramePacer(10.0, clock=lambda: now[0], sleep=lambda s: now.__setitem__(0, now[0] + s))
    stamps = []
    for decode_s in (0.0, 0.0, 0.5, 0.0, 0.0):   # the third frame took half a second to decode
        now[0] += decode_s
        pacer.wait()
        stamps.append(round(now[0], 3))
    assert stamps == [0.0, 0.1, 0.6, 0.7, 0.8]   # shown when decoded, then on at 10 fps: no burst
