"""F3 (View > Next photo to review) goes through many photos and stops only where a reading is flagged."""
from __future__ import annotations

from PySide6.QtCore import Qt

from .fakes import FakeEngine
from .test_user_actions import FileDialogs, menu_action, open_photos, press


def test_next_photo_to_review_skips_the_ok_ones(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    window = make_window(engine=FakeEngine(values=["100.07", "500.1", "100.2", "99.1", "7.5"]))  # kPa: 1, 4 wrong
    open_photos(window, qtbot, dialogs, tmp_path, 5)
    names = lambda: window.session.records[window.current_id].name  # noqa: E731
    window.queue_panel.select_image(min(window.session.records))
    window.show_image(min(window.session.records))
    press(window, qtbot, Qt.Key.Key_F3)
    assert names() == "photo1.png"
    menu_action(window, "view", window.actions.next_review).trigger()
    assert names() == "photo4.png"
    press(window, qtbot, Qt.Key.Key_F3)  # round again to the first one flagged
    assert names() == "photo1.png"


def test_when_nothing_needs_review_it_says_so(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    window = make_window()
    open_photos(window, qtbot, dialogs, tmp_path, 2)
    shown = window.current_id
    press(window, qtbot, Qt.Key.Key_F3)
    assert window.current_id == shown and window.statusBar().currentMessage() == "No other photo needs review."
