"""F3 (View > Next photo to review) goes through many photos and stops only where a reading is flagged."""
from __future__ import annotations

from PySide6.QtCore import Qt

from .fakes import FakeEngine, write_sample
from .test_user_actions import FileDialogs, menu_action, press, wait_read


def test_next_photo_to_review_skips_the_ok_ones(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    window = make_window(engine=FakeEngine(values=["100.07", "500.1", "100.2", "99.1", "7.5"]))  # kPa: 2 and 5 wrong
    dialogs.files = [str(write_sample(tmp_path / f"photo{i}.png")) for i in range(1, 6)]
    menu_action(window, "file", window.actions.open).trigger()
    wait_read(window, qtbot, 5)
    names = lambda: window.session.records[window.current_id].name  # noqa: E731
    window.queue_panel.select_image(min(window.session.records))
    window.show_image(min(window.session.records))
    press(window, qtbot, Qt.Key.Key_F3)
    assert names() == "photo2.png"
    menu_action(window, "view", window.actions.next_review).trigger()
    assert names() == "photo5.png"
    press(window, qtbot, Qt.Key.Key_F3)  # round again to the first one flagged
    assert names() == "photo2.png"


def test_when_nothing_needs_review_it_says_so(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    window = make_window()
    dialogs.files = [str(write_sample(tmp_path / f"photo{i}.png")) for i in range(2)]
    menu_action(window, "file", window.actions.open).trigger()
    wait_read(window, qtbot, 2)
    shown = window.current_id
    press(window, qtbot, Qt.Key.Key_F3)
    assert window.current_id == shown and window.statusBar().currentMessage() == "No other photo needs review."
