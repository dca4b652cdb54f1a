"""Issuing a record: what a certificate needs before it is issued, locked revisions and their reasons, the
record's decision rule in the points table, and renaming as one transaction (issues 19, 31, 32)."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.core.preferences import Preferences
from desktop.core.records.calibration_record import CalibrationRecord, Instrument, MeasurementPoint
from desktop.ui import i18n
from desktop.ui.dialogs.record_dialogs import RecordDialogs
from desktop.ui.item_models.points_model import STANDARD, VERDICT

from .test_records import add_point, records_of, type_into

LAB = Preferences(stable_frames=3, lab_name="Lab", lab_traceability="to SI", lab_signatory="Li")  # Settings
ISSUE_ITEMS = {"checker": "Chen", "standard.name": "Barometer", "standard.certificate": "YL2024-08812",
               "standard.due_date": "2099-09-20", "standard.uncertainty": "U=0.02 kPa (k=2)"}


def fill_issue_items(qtbot, panel, skip=()) -> None:
    for key, text in ISSUE_ITEMS.items():
        if key not in skip:
            type_into(qtbot, panel, key, text)
    panel.controller.flush()


@pytest.mark.parametrize("language, expected", [
    ("en", "Not issued: fill in the checker, the standard's certificate number, the standard's due date, "
           "the standard's uncertainty first."),
    ("zh_CN", "未签发：请先填写核验员、标准器证书编号、标准器有效期、标准器不确定度。"),
])
def test_issue_is_refused_naming_what_is_missing_in_the_users_language(make_window, qtbot, tmp_path, language,
                                                                      expected):
    """Issue 32: no certificate number, due date or uncertainty for the standard, and no checker: not issued."""
    i18n.install_language(language)
    window = make_window(prefs=LAB)
    panel = window.record_panel
    type_into(qtbot, panel, "instrument.name", "Gauge")
    model = add_point(window, qtbot, tmp_path)
    assert model.setData(model.index(0, STANDARD), "100.00", Qt.ItemDataRole.EditRole)
    fill_issue_items(qtbot, panel, skip=("checker", "standard.certificate", "standard.due_date",
                                         "standard.uncertainty"))
    qtbot.mouseClick(panel.issue_button, Qt.MouseButton.LeftButton)
    assert not panel.controller.record.locked and panel.issue_button.isEnabled()
    assert panel.notice.isVisible() and expected in panel.notice.text()
    fill_issue_items(qtbot, panel)
    qtbot.mouseClick(panel.issue_button, Qt.MouseButton.LeftButton)
    assert panel.controller.record.locked


def test_an_issued_record_is_locked_and_a_new_revision_needs_a_reason(make_window, qtbot, tmp_path, monkeypatch):
    window = make_window(prefs=LAB)
    panel = window.record_panel
    type_into(qtbot, panel, "instrument.name", "Gauge")
    model = add_point(window, qtbot, tmp_path)
    assert model.setData(model.index(0, STANDARD), "100.00", Qt.ItemDataRole.EditRole)
    fill_issue_items(qtbot, panel)
    qtbot.mouseClick(panel.issue_button, Qt.MouseButton.LeftButton)
    controller = panel.controller
    assert controller.record.locked and controller.record.revision == 0
    assert panel.form.edits["customer"].isReadOnly() and not panel.issue_button.isEnabled()
    assert "locked" in controller.set_value("customer", "Other")
    model.setData(model.index(0, STANDARD), "99.00", Qt.ItemDataRole.EditRole)
    assert controller.record.points[0].standard == "100.00" and model.points()[0].standard == "100.00"
    monkeypatch.setattr(RecordDialogs, "ask_revision_reason", classmethod(lambda cls, parent: "wrong standard value"))
    qtbot.mouseClick(panel.revise_button, Qt.MouseButton.LeftButton)
    assert (controller.record.revision, controller.record.revision_reason) == (1, "wrong standard value")
    assert controller.set_value("customer", "Other") == ""
    assert controller.flush()
    stored = controller.repository.revisions(controller.record.number)
    assert [(r.revision, r.customer) for r in stored] == [(0, "")]  # the issued revision, unchanged


def test_the_points_table_asks_the_records_decision_rule(make_window, qtbot, store):
    """Issue 31, defect 5: the table always applied the simple rule ("Pass") where the record's guarded rule,
    the panel and the report said conditional."""
    records_of(store).save_record(CalibrationRecord(
        "LCD-G-1", "", Instrument("Thermometer"), date(2025, 3, 14), decision_rule="guarded",
        points=[MeasurementPoint("Temperature", "℃", "20.0", "20.4", "0.5", "0.2")]))
    window = make_window()
    panel = window.record_panel
    model = panel.controller.points_model
    assert panel.controller.record.number == "LCD-G-1"
    assert model.index(0, VERDICT).data() == "Conditional pass"
    assert panel.verdict.text().startswith("Conditional")
    combo = panel.form.choices["decision_rule"]
    combo.setCurrentIndex(combo.findData("simple"))  # the technician picks the simple rule
    combo.activated.emit(combo.currentIndex())
    assert model.index(0, VERDICT).data() == "Pass"
    qtbot.waitUntil(lambda: panel.verdict.text().startswith("Pass"), timeout=2000)


def test_renaming_a_record_is_one_transaction(make_window, qtbot, store):
    """Issue 31, defect 5: renaming deleted the record, then saved it; a failure between lost it."""
    window = make_window()
    panel = window.record_panel
    old = panel.form.edits["number"].text()
    type_into(qtbot, panel, "instrument.name", "Gauge")
    assert panel.controller.flush()
    store.conn.execute("CREATE TRIGGER disk_gone BEFORE INSERT ON records WHEN NEW.number = 'NEW-1' "
                       "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    edit = panel.form.edits["number"]
    edit.setText("NEW-1")
    edit.editingFinished.emit()
    repository = records_of(store)
    assert repository.get_record(old) is not None and repository.get_record(old).instrument.name == "Gauge"
    assert "could not be saved" in panel.notice.text()
    store.conn.execute("DROP TRIGGER disk_gone")
    assert panel.controller.flush()
    assert repository.get_record("NEW-1").instrument.name == "Gauge" and repository.get_record(old) is None
