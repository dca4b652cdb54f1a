"""Opening the same files again adds nothing and says so; Reopen last session lands on the image the
technician last had in front of them."""
from __future__ import annotations

from PySide6.QtCore import Qt

from .fakes import write_sample
from .test_user_actions import FileDialogs, menu_action, open_photos, toolbar_button, wait_read


def test_the_same_files_opened_again_are_not_added_twice(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    window = make_window()
    photos = open_photos(window, qtbot, dialogs, tmp_path, 3)
    dialogs.files = [photos[1], str(write_sample(tmp_path / "new.png"))]  # one again, one new
    qtbot.mouseClick(toolbar_button(window, window.actions.open), Qt.MouseButton.LeftButton)
    wait_read(window, qtbot, 4)
    assert sorted(r.name for r in window.session.records.values()) == [
        "new.png", "photo0.png", "photo1.png", "photo2.png"]
    assert window.banner.isVisible() and "Already open, not added again: photo1.png" in window.banner.text()
    assert window.queue_model.rowCount() == 4


def test_reopen_last_session_lands_on_the_image_last_viewed(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    first = make_window()
    open_photos(first, qtbot, dialogs, tmp_path, 4)
    first.queue_panel.select_image(min(first.session.records))
    first.actions.next.trigger()  # the second photo: the one the technician was looking at
    viewed = first.current_id
    assert first.session.records[viewed].name == "photo1.png"
    first.close()
    again = make_window()
    menu_action(again, "file", again.actions.restore).trigger()
    qtbot.waitUntil(lambda: again.current_id is not None, timeout=3000)
    assert again.session.records[again.current_id].name == "photo1.png"
