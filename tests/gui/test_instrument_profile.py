"""The instrument profile as the technician meets it: they correct one photo of a clamp meter, and the
next misread of that meter is flagged (never "OK") with the value its usual format suggests, which one
key press accepts. The profile survives a restart; in live mode a misfit is never "Stable"."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.core.ocr.types import TextBox
from desktop.core.reading.profile import FILE_NAME
from desktop.ui.item_models.readings_model import STATUS, VALUE

from .fakes import FakeEngine, quad, write_sample
from .test_open_image import value_row
from .test_user_actions import FileDialogs, menu_action, open_photos, press


class ClampMeter(FakeEngine):
    """A clamp meter's screen: one value and its unit (the values in turn, as the fake engine gives them)."""

    def read(self, image):
        result = super().read(image)
        value = result.boxes[1].text
        result.boxes = [TextBox(quad(160, 20, 300, 60), value, 0.97), TextBox(quad(310, 20, 360, 60), "A", 0.95)]
        return result


def open_photo(window, qtbot, dialogs, path) -> int:
    dialogs.files = [str(write_sample(path))]
    menu_action(window, "file", window.actions.open).trigger()
    image_id = max(window.session.records)
    qtbot.waitUntil(lambda: window.session.records[image_id].status == "done" and window.current_id == image_id,
                    timeout=5000)
    return image_id


def status_of(window, value: str) -> str:
    model = window.readings.readings_model
    row = value_row(model, value)
    assert row >= 0, f"{value} not in the table"
    return model.index(row, STATUS).data()


def correct_value(window, qtbot, value: str, typed: str) -> None:
    """Select the value, F2, type, Enter: as a technician corrects."""
    view, model = window.readings.readings_view, window.readings.readings_model
    view.setCurrentIndex(model.index(value_row(model, value), VALUE))
    window.actions.correct.trigger()
    (editor,) = view.viewport().findChildren(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: value_row(model, typed) >= 0, timeout=2000)


def test_a_correction_teaches_the_format_and_the_next_misread_is_flagged_with_a_suggestion(
        make_window, qtbot, tmp_path, monkeypatch, isolated):
    dialogs = FileDialogs(monkeypatch)
    window = make_window(engine=ClampMeter(values=["377", "352", "3.49"]))
    open_photo(window, qtbot, dialogs, tmp_path / "first.png")
    assert status_of(window, "377") == "OK"  # nothing learned yet: the app cannot know
    correct_value(window, qtbot, "377", "3.77")

    second = open_photo(window, qtbot, dialogs, tmp_path / "second.png")
    status = status_of(window, "352")
    assert status.startswith("ddd where this instrument shows d.dd.") and "Suggested: 3.52" in status
    assert not window.session.records[second].readings[0].valid
    assert window.readings.readings_model.index(0, VALUE).data() == "352"  # never applied on its own
    panel = window.readings
    assert panel.suggestion_bar.isVisible() and panel.accept_button.text() == "Use 3.52 (Ctrl+Enter)"

    window.readings.readings_view.setCurrentIndex(window.readings.readings_model.index(0, VALUE))
    press(window, qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # accept the suggestion
    qtbot.waitUntil(lambda: value_row(window.readings.readings_model, "3.52") >= 0, timeout=2000)
    assert [c.corrected for c in window.store.corrections(second)] == ["3.52"]

    open_photo(window, qtbot, dialogs, tmp_path / "third.png")
    assert status_of(window, "3.49") == "OK"  # the usual format: fine
    assert (isolated / FILE_NAME).exists()


def test_the_profile_survives_a_restart(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    first = make_window(engine=ClampMeter(values=["377"]))
    open_photo(first, qtbot, dialogs, tmp_path / "first.png")
    correct_value(first, qtbot, "377", "3.77")
    first.close()
    again = make_window(engine=ClampMeter(values=["122"]))
    open_photo(again, qtbot, dialogs, tmp_path / "again.png")
    assert "Suggested: 1.22" in status_of(again, "122")


def test_live_a_misfit_is_never_stable(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    window = make_window(engine=ClampMeter(values=["377"]))
    open_photo(window, qtbot, dialogs, tmp_path / "first.png")
    correct_value(window, qtbot, "377", "3.77")
    window.actions.live.trigger()
    model = window.readings.readings_model
    qtbot.waitUntil(lambda: window.live.tracker.stable_values().get("电流") == "377 A", timeout=5000)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=2000)
    status = model.index(0, STATUS).data()
    assert "Stable" not in status and "where this instrument shows d.dd" in status
    window.actions.capture.trigger()  # F8: the capture keeps it flagged, with its suggestion, for checking
    captured = window.session.records[max(window.session.records)]
    assert [(r.value, r.valid, r.suggestion) for r in captured.readings] == [("377", False, "3.77")]
    window.actions.live.trigger()


def test_a_reading_taken_into_the_record_teaches_the_profile(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    window = make_window(engine=ClampMeter(values=["3.52", "377"]))
    open_photo(window, qtbot, dialogs, tmp_path / "first.png")
    window.readings.readings_view.selectRow(0)
    qtbot.mouseClick(window.record_panel.add_button, Qt.MouseButton.LeftButton)  # confirmed as a point
    open_photo(window, qtbot, dialogs, tmp_path / "second.png")
    assert "Suggested: 3.77" in status_of(window, "377")


def test_the_suggestion_button_accepts_it(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    window = make_window(engine=ClampMeter(values=["3.77", "349"]))
    open_photo(window, qtbot, dialogs, tmp_path / "first.png")
    correct_value(window, qtbot, "3.77", "3.76")  # a correction teaches the format
    second = open_photo(window, qtbot, dialogs, tmp_path / "second.png")
    qtbot.mouseClick(window.readings.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [c.corrected for c in window.store.corrections(second)] == ["3.49"], timeout=2000)
    assert status_of(window, "3.49") == "✎ Corrected" and not window.readings.suggestion_bar.isVisible()


def test_a_batch_read_before_the_first_correction_is_checked_again(make_window, qtbot, tmp_path, monkeypatch):
    """200 photos read at once, then the first corrected: the others that do not fit are flagged at once,
    in the store too, and F3 stops at them."""
    dialogs = FileDialogs(monkeypatch)
    window = make_window(engine=ClampMeter(values=["377", "3.49", "352"]))
    open_photos(window, qtbot, dialogs, tmp_path, 3)
    first, second, third = sorted(window.session.records)
    window.show_image(first)
    assert all(r.valid for record in window.session.records.values() for r in record.readings)
    correct_value(window, qtbot, "377", "3.77")
    assert [r.valid for r in window.session.records[third].readings] == [False]
    assert window.store.result(third).readings[0]["suggestion"] == "3.52"
    assert window.session.records[second].readings[0].valid
    press(window, qtbot, Qt.Key.Key_F3)
    assert window.current_id == third
