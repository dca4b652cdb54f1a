"""A contact-resistance tester's result table prints no unit: with its template chosen in Settings,
the readings, and the record's points taken from them, are in milliohms."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.core.ocr.types import TextBox
from desktop.ui.dialogs.settings_dialog import SettingsDialog
from desktop.ui.item_models.points_model import UNIT as POINT_UNIT
from desktop.ui.item_models.readings_model import UNIT

from .fakes import FakeEngine, write_sample
from .test_user_actions import FileDialogs, menu_action, wait_read

PHOTOS = Path(__file__).resolve().parents[1] / "unit" / "reading" / "data" / "real_photos.jsonl"


def table_boxes() -> list[TextBox]:
    photo = next(p for p in map(json.loads, PHOTOS.read_text(encoding="utf-8").splitlines())
                 if p["display"] == "contact-resistance tester, HMI result table")
    return [TextBox(((x0, y0), (x1, y0), (x1, y1), (x0, y1)), text, 0.95) for text, (x0, y0, x1, y1) in photo["boxes"]]


def test_the_template_fills_the_unit_of_the_table_and_the_record(make_window, qtbot, tmp_path, monkeypatch):
    def choose_template(dialog):
        dialog.template.setCurrentIndex(dialog.template.findData("contact-resistance-tester"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", choose_template)
    dialogs = FileDialogs(monkeypatch)
    window = make_window(engine=FakeEngine(boxes=table_boxes()))
    menu_action(window, "tools", window.actions.settings).trigger()
    assert window.session.template == "contact-resistance-tester"
    dialogs.files = [str(write_sample(tmp_path / "crm.png"))]
    menu_action(window, "file", window.actions.open).trigger()
    wait_read(window, qtbot, 1)
    model = window.readings.readings_model
    assert [model.index(r, UNIT).data() for r in range(model.rowCount())] == ["mΩ"] * 3
    window.readings.readings_view.selectRow(0)
    qtbot.mouseClick(window.record_panel.add_button, Qt.MouseButton.LeftButton)
    points = window.record_panel.controller.points_model
    assert points.index(0, POINT_UNIT).data() == "mΩ"
