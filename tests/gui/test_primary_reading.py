"""The display's main value comes first in the readings table, highlighted, and is the reading the record
panel adds when none is selected (issue 17)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from desktop.core.ocr.types import TextBox
from desktop.ui import reading_adapter
from desktop.ui.item_models.readings_model import KEY, PRIMARY_BG, UNIT, VALUE, ReadingsModel

from .fakes import FakeEngine, quad, write_sample


def hygrometer_boxes() -> list[TextBox]:
    """A small temperature line above big humidity digits: reading order puts the temperature first."""
    return [TextBox(quad(20, 10, 70, 30), "温度", 0.99), TextBox(quad(80, 10, 130, 30), "23.5", 0.98),
            TextBox(quad(135, 10, 150, 30), "℃", 0.97),
            TextBox(quad(20, 50, 200, 110), "45.2", 0.98), TextBox(quad(205, 85, 250, 105), "%RH", 0.97)]


class HygrometerEngine(FakeEngine):
    def read(self, image):
        result = super().read(image)
        result.boxes = hygrometer_boxes()
        return result


def test_the_main_value_is_first_and_highlighted(qtmodeltester):
    model = ReadingsModel()
    model.set_readings(reading_adapter.extract(hygrometer_boxes()))
    assert [model.index(row, VALUE).data() for row in range(model.rowCount())] == ["45.2", "23.5"]
    assert model.primary_row() == 0
    assert model.index(0, KEY).data(Qt.ItemDataRole.BackgroundRole) == PRIMARY_BG
    assert model.index(1, KEY).data(Qt.ItemDataRole.BackgroundRole) is None
    font = model.index(0, KEY).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    qtmodeltester.check(model)


def test_a_tagged_label_and_a_unit_note_are_shown():
    model = ReadingsModel()
    boxes = [TextBox(quad(275, 161, 301, 174), "R-RES", 0.9), TextBox(quad(276, 177, 298, 188), "04.00", 0.9),
             TextBox(quad(319, 202, 380, 232), "419", 0.9), TextBox(quad(331, 240, 370, 255), "ARMS", 0.9)]
    model.set_readings(reading_adapter.extract(boxes))
    shown = {(model.index(r, KEY).data(Qt.ItemDataRole.EditRole), model.index(r, KEY).data(),
              model.index(r, UNIT).data()) for r in range(model.rowCount())}
    assert shown == {("resistance", "resistance (R-RES)", ""), ("current", "current", "A (RMS)")}  # English UI
    assert model.index(0, UNIT).data(Qt.ItemDataRole.EditRole) == "A"  # the editor gets the unit itself


def test_add_current_reading_takes_the_main_value_when_none_is_selected(make_window, qtbot, tmp_path):
    window = make_window(HygrometerEngine())
    (image_id,) = window.open_files([str(write_sample(tmp_path / "screen.png"))])
    qtbot.waitUntil(lambda: window.session.records[image_id].status == "done", timeout=5000)
    window.readings.readings_view.clearSelection()
    qtbot.mouseClick(window.record_panel.add_button, Qt.MouseButton.LeftButton)
    (point,) = window.record_panel.controller.points_model.points()
    assert (point.quantity, point.reading, point.unit) == ("湿度", "45.2", "%RH")
