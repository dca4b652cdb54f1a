"""Edit a reading -> stored with its crop; an invalid edit is refused with the reason in place."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.ui.item_models.readings_model import STATUS, VALUE

from .fakes import write_sample
from .test_open_image import value_row


def open_one(window, qtbot, tmp_path):
    (image_id,) = window.open_files([str(write_sample(tmp_path / "screen.png"))])
    qtbot.waitUntil(lambda: window.session.records[image_id].status == "done", timeout=5000)
    return image_id


def test_edit_reading_is_stored_with_crop(make_window, qtbot, tmp_path):
    window = make_window()
    image_id = open_one(window, qtbot, tmp_path)
    model = window.readings.readings_model
    row = value_row(model)
    with qtbot.waitSignal(model.corrected, timeout=1000) as blocker:
        assert model.setData(model.index(row, VALUE), "100.01", Qt.ItemDataRole.EditRole)
    assert blocker.args[1:] == ["value", "100.07", "100.01"]
    (correction,) = window.store.corrections(image_id)
    assert (correction.kind, correction.original, correction.corrected) == ("reading", "100.07", "100.01")
    assert correction.crop_png.startswith(b"\x89PNG")
    assert correction.box_index == 1
    saved = window.store.result(image_id).readings
    assert any(r["value"] == "100.01" for r in saved)
    assert window.session.records[image_id].corrections == 1
    assert "1 correction" in window.queue_model.index(0).data()


def test_invalid_edit_refused_with_reason(make_window, qtbot, tmp_path):
    window = make_window()
    image_id = open_one(window, qtbot, tmp_path)
    model = window.readings.readings_model
    row = value_row(model)
    with qtbot.waitSignal(model.editRejected, timeout=1000) as blocker:
        assert not model.setData(model.index(row, VALUE), "1.00.7", Qt.ItemDataRole.EditRole)
    reason = blocker.args[2]
    assert reason
    assert model.index(row, VALUE).data() == "100.07"            # unchanged
    assert reason in model.index(row, STATUS).data()               # reason shown in place
    assert model.index(row, VALUE).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert window.readings.notice.isVisible() and reason in window.readings.notice.text()
    assert window.store.corrections(image_id) == []
    # a valid edit afterwards clears the refusal
    assert model.setData(model.index(row, VALUE), "100.08", Qt.ItemDataRole.EditRole)
    assert "Refused" not in model.index(row, STATUS).data()


def test_edit_through_the_table_editor(make_window, qtbot, tmp_path):
    """A technician's path: select the value, F2, type, Enter."""
    window = make_window()
    image_id = open_one(window, qtbot, tmp_path)
    view = window.readings.readings_view
    row = value_row(window.readings.readings_model)
    view.setCurrentIndex(window.readings.readings_model.index(row, VALUE))
    window.actions.correct.trigger()                      # F2
    (editor,) = view.viewport().findChildren(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "99.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)   # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: [c.corrected for c in window.store.corrections(image_id)] == ["99.5"], timeout=2000)


def test_box_text_correction(make_window, qtbot, tmp_path):
    window = make_window()
    image_id = open_one(window, qtbot, tmp_path)
    boxes = window.readings.boxes_model
    assert boxes.setData(boxes.index(1, 1), "100.97", Qt.ItemDataRole.EditRole)
    (correction,) = window.store.corrections(image_id)
    assert (correction.kind, correction.box_index, correction.corrected) == ("box", 1, "100.97")
    assert correction.crop_png.startswith(b"\x89PNG")
    assert window.store.result(image_id).boxes[1]["text"] == "100.97"
    qtbot.waitUntil(lambda: value_row(window.readings.readings_model, "100.97") >= 0, timeout=2000)
    assert value_row(window.readings.readings_model, "100.97") >= 0   # readings re-extracted
    assert not boxes.setData(boxes.index(1, 1), "  ", Qt.ItemDataRole.EditRole)  # empty refused


def press_f2_on(window, qtbot, column: int) -> QLineEdit:
    """Select the value's row at ``column`` and press F2, as a technician does; the editor opened."""
    from .test_user_actions import press

    view, model = window.readings.readings_view, window.readings.readings_model
    view.setCurrentIndex(model.index(value_row(model), column))
    press(window, qtbot, Qt.Key.Key_F2)
    (editor,) = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]  # a closed one may linger
    return editor


def test_f2_edits_the_selected_column(make_window, qtbot, tmp_path):
    """F2 on a selected Key cell opens the key's editor, not the value's."""
    from PySide6.QtWidgets import QAbstractItemView

    from desktop.ui.item_models.readings_model import KEY

    window = make_window()
    image_id = open_one(window, qtbot, tmp_path)
    view = window.readings.readings_view
    editor = press_f2_on(window, qtbot, KEY)
    assert view.state() == QAbstractItemView.State.EditingState and view.currentIndex().column() == KEY
    editor.selectAll()
    qtbot.keyClicks(editor, "temperature")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [(c.original, c.corrected) for c in window.store.corrections(image_id)]
                    == [("大气压", "温度")], timeout=2000)
    press_f2_on(window, qtbot, STATUS)  # not editable: F2 corrects the value
    assert view.state() == QAbstractItemView.State.EditingState and view.currentIndex().column() == VALUE


def test_the_box_label_on_the_photo_shows_the_corrected_text(make_window, qtbot, tmp_path):
    window = make_window()
    open_one(window, qtbot, tmp_path)
    view, model = window.readings.readings_view, window.readings.readings_model
    view.setCurrentIndex(model.index(value_row(model), VALUE))
    window.actions.correct.trigger()
    (editor,) = view.viewport().findChildren(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "100.01")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.view.box_item(1).label.text() == "100.01", timeout=2000)
    window.actions.undo.trigger()
    qtbot.waitUntil(lambda: window.view.box_item(1).label.text() == "100.07", timeout=2000)
