"""In the English interface, keys and quantities are English: in the key editor, in the status bar after
a key correction, and in the record's points table (the report writes them in its own language)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.ui.item_models.points_model import QUANTITY
from desktop.ui.item_models.readings_model import KEY

from .test_corrections import open_one, press_f2_on
from .test_open_image import value_row
from .test_user_actions import press


def test_keys_are_edited_and_reported_in_english(make_window, qtbot, tmp_path):
    window = make_window()
    image_id = open_one(window, qtbot, tmp_path)
    view, model = window.readings.readings_view, window.readings.readings_model
    row = value_row(model)
    editor = press_f2_on(window, qtbot, KEY)
    assert editor.text() == "atmospheric pressure"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # unchanged: nothing is saved
    qtbot.wait(50)
    assert window.store.corrections(image_id) == []

    press(window, qtbot, Qt.Key.Key_F2)
    (editor,) = view.viewport().findChildren(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Temperature")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Saved: atmospheric pressure → temperature",
                    timeout=2000)
    assert [(c.original, c.corrected) for c in window.store.corrections(image_id)] == [("大气压", "温度")]

    view.selectRow(row)
    qtbot.mouseClick(window.record_panel.add_button, Qt.MouseButton.LeftButton)
    points = window.record_panel.controller.points_model
    assert points.index(0, QUANTITY).data() == "temperature"
