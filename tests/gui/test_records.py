"""The record panel: details saved as typed and restored, completion, points from the current reading,
live error and verdict, refusals in place, Excel export on the thread pool (locked target included)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop.core.labstore.store import LabStore, sqlite_url
from desktop.core.preferences import Preferences
from desktop.core.records.calibration_record import CalibrationRecord, Instrument, MeasurementPoint
from desktop.core.records.excel.report_labels import labels_for
from desktop.core.records.repository import RecordRepository
from desktop.core.store import SessionStore
from desktop.ui import i18n
from desktop.ui.dialogs.record_dialogs import RecordDialogs
from desktop.ui.item_models.points_model import AS_FOUND, ERROR, READING, STANDARD, TOLERANCE, VERDICT
from desktop.ui.item_models.readings_model import VALUE as READINGS_VALUE

from .fakes import FakeCapture, FakeEngine, write_sample
from .test_open_image import value_row


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    """Replaces the panel's dialogs; records what they were asked."""
    calls = {"save": [], "alternative": [], "open": [], "opened": [], "replace": [], "replace_answer": "replace"}
    target = tmp_path / "out" / "report.xlsx"
    target.parent.mkdir()
    calls["target"] = target

    def save_report(cls, parent, suggested):
        calls["save"].append(suggested)
        return str(calls["target"])

    monkeypatch.setattr(RecordDialogs, "save_report", classmethod(save_report))
    monkeypatch.setattr(RecordDialogs, "ask_replace", classmethod(
        lambda cls, parent, path: calls["replace"].append(path) or calls["replace_answer"]))
    monkeypatch.setattr(RecordDialogs, "ask_alternative",
                        classmethod(lambda cls, parent, message, suggestion:
                                    calls["alternative"].append((message, suggestion)) or True))
    monkeypatch.setattr(RecordDialogs, "ask_open_folder",
                        classmethod(lambda cls, parent, path: calls["open"].append(path) or True))
    monkeypatch.setattr(RecordDialogs, "open_folder", classmethod(lambda cls, path: calls["opened"].append(path)))
    return calls


def records_of(session: SessionStore) -> RecordRepository:
    """The records in this session store's file, as another program (or a restart) sees them."""
    return RecordRepository(LabStore.open(sqlite_url(session.path)))


def type_into(qtbot, panel, key: str, text: str) -> None:
    """Typing: ASCII as key presses, Chinese as an input method commits it (QTest cannot type it)."""
    edit = panel.form.edits[key]
    edit.setFocus()
    edit.selectAll()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)


def open_screen(window, qtbot, tmp_path):
    (image_id,) = window.open_files([str(write_sample(tmp_path / "screen.png"))])
    qtbot.waitUntil(lambda: window.session.records[image_id].status == "done", timeout=5000)
    window.readings.readings_view.selectRow(value_row(window.readings.readings_model))
    return image_id


def add_point(window, qtbot, tmp_path):
    open_screen(window, qtbot, tmp_path)
    qtbot.mouseClick(window.record_panel.add_button, Qt.MouseButton.LeftButton)
    return window.record_panel.controller.points_model


def test_details_are_saved_as_typed_and_restored_after_a_restart(make_window, qtbot, isolated):
    window = make_window()
    panel = window.record_panel
    number = panel.form.edits["number"].text()
    assert number.startswith("LCD-") and number.endswith("-0001")          # from the numbering pattern
    for key, text in [("customer", "某环境监测站"), ("instrument.name", "烟尘采样器"),
                      ("instrument.model", "3012H"), ("instrument.manufacturer", "青岛崂应"),
                      ("instrument.serial", "A3012H-0001"), ("instrument.firmware", "V2.1"),
                      ("instrument.category", "流量"), ("standard.name", "皂膜流量计"),
                      ("technician", "张工"), ("checker", "李工")]:
        type_into(qtbot, panel, key, text)
    # saved in the store without any explicit save (a second connection sees it: it survives a crash)
    other = SessionStore(isolated)
    try:
        repository = records_of(other)
        qtbot.waitUntil(lambda: (r := repository.get_record(number)) is not None and r.checker == "李工",
                        timeout=3000)
        saved = repository.get_record(number)
    finally:
        other.close()
    assert saved.instrument == Instrument("烟尘采样器", "3012H", "青岛崂应", "A3012H-0001", "V2.1", "流量")
    assert (saved.customer, saved.technician, saved.standards[0].name) == ("某环境监测站", "张工", "皂膜流量计")
    window.close()

    from desktop.ui.main_window import MainWindow

    store = SessionStore(isolated)  # a new start on the same LCDREADER_HOME
    again = MainWindow(lambda p: FakeEngine(), Preferences(), store, capture_factory=lambda i: FakeCapture(i))
    try:
        qtbot.waitUntil(lambda: again.ocr.ready, timeout=5000)
        edits = again.record_panel.form.edits
        assert edits["number"].text() == number
        assert edits["instrument.serial"].text() == "A3012H-0001"
        assert edits["instrument.name"].text() == "烟尘采样器"
        assert edits["checker"].text() == "李工"
        assert edits["standard.name"].text() == "皂膜流量计"
    finally:
        again.close()
        again.deleteLater()
        qtbot.wait(10)
        store.close()


def test_completion_suggests_an_earlier_instrument(make_window, qtbot, store):
    records_of(store).remember_instrument(
        Instrument("烟尘采样器", model="3012H", manufacturer="青岛崂应", serial="A3012H-0001", firmware="V2.1"))
    window = make_window()
    panel = window.record_panel
    completer = panel.form.completers["serial"]
    type_into(qtbot, panel, "instrument.serial", "a30")
    assert completer.suggestions.rowCount() == 1
    assert "烟尘采样器" in completer.suggestions.index(0, 0).data()
    qtbot.waitUntil(completer.popup().isVisible, timeout=1000)
    popup = completer.popup()
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    edits = panel.form.edits
    assert edits["instrument.serial"].text() == "A3012H-0001"
    assert (edits["instrument.name"].text(), edits["instrument.model"].text()) == ("烟尘采样器", "3012H")
    assert edits["instrument.manufacturer"].text() == "青岛崂应"
    assert panel.controller.record.instrument.firmware == "V2.1"
    # by name too: any part of it
    type_into(qtbot, panel, "instrument.name", "采样")
    assert panel.form.completers["name"].suggestions.rowCount() == 1


def test_add_current_reading_as_point_with_photo_and_environment(make_window, qtbot, tmp_path):
    window = make_window()
    model = add_point(window, qtbot, tmp_path)
    assert model.rowCount() == 1
    (point,) = model.points()
    assert (point.quantity, point.unit, point.reading, point.standard) == ("大气压", "kPa", "100.07", "")
    assert point.photo == str(tmp_path / "screen.png")
    assert point.crop == (20, 20, 360, 40)                       # key, value and unit boxes in the photo
    assert model.index(0, READING).data() == "100.07"
    # the screen shows 大气压, but it is the instrument under test, not the room: ambient stays blank
    assert window.record_panel.form.edits["environment.pressure"].text() == ""


def test_ambient_conditions_come_only_from_the_chosen_environment_monitor(make_window, qtbot, tmp_path):
    # Defect: the gauge's own 温度 became the room's temperature, and the first value seen won for good.
    window = make_window()
    controller = window.record_panel.controller
    gauge = [_reading("温度", "21.8", "℃"), _reading("压力", "0.52", "MPa")]
    monitor = [_reading("温度", "23.5", "℃"), _reading("湿度", "45", "%RH")]
    assert controller.fill_environment(gauge) == []
    window.record_panel.monitor.click()  # the technician marks the screen shown as the environment monitor
    assert controller.fill_environment(monitor) == ["environment.temperature", "environment.humidity"]
    assert controller.fill_environment([_reading("温度", "23.6", "℃")]) == ["environment.temperature"]
    assert window.record_panel.form.edits["environment.temperature"].text() == "23.6"  # the latest wins
    assert controller.fill_environment([_reading("大气压", "1013.2", "hPa")]) == ["environment.pressure"]
    assert window.record_panel.form.edits["environment.pressure"].text() == "101.32"  # kept in kPa
    assert controller.record.environment.source == "Environment monitor (screen shown)"
    window.record_panel.monitor.click()
    assert controller.fill_environment(gauge) == [] and controller.record.environment.temperature == "23.6"
    type_into(qtbot, window.record_panel, "environment.pressure", "101.3")
    assert controller.record.environment.source == "typed"


def test_location_procedure_remarks_and_standard_due_date_are_fields(make_window, qtbot):
    window = make_window()
    panel = window.record_panel
    for key, text in (("location", "Lab 302"), ("procedure", "JJG 680-2007"), ("remarks", "ok"),
                      ("standard.name", "DPI 740"), ("standard.due_date", "2025-09-20"),
                      ("standard.uncertainty", "U=0.02 kPa")):
        type_into(qtbot, panel, key, text)
    record = panel.controller.record
    assert (record.location, record.procedure, record.remarks) == ("Lab 302", "JJG 680-2007", "ok")
    assert record.standards[0].due_date.isoformat() == "2025-09-20"
    assert record.standards[0].uncertainty == "U=0.02 kPa"
    type_into(qtbot, panel, "standard.due_date", "2025-13")
    assert "not a date" in panel.form.edits["standard.due_date"].toolTip()


def test_a_corrected_reading_keeps_what_ocr_read_who_corrected_it_and_when(make_window, qtbot, tmp_path):
    window = make_window()
    panel = window.record_panel
    type_into(qtbot, panel, "technician", "Wang")
    open_screen(window, qtbot, tmp_path)
    readings = window.readings.readings_model
    assert readings.setData(readings.index(value_row(readings), READINGS_VALUE), "100.08", Qt.ItemDataRole.EditRole)
    window.readings.readings_view.selectRow(value_row(readings, "100.08"))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    (point,) = panel.controller.points_model.points()
    assert (point.reading, point.ocr_text, point.corrected_by) == ("100.08", "100.07", "Wang")
    assert point.corrected_at.startswith("20")
    points = panel.controller.points_model  # corrected again in the record's own table: still traced
    assert points.setData(points.index(0, READING), "100.09", Qt.ItemDataRole.EditRole)
    (point,) = panel.controller.record.points
    assert (point.reading, point.ocr_text, point.corrected_by) == ("100.09", "100.07", "Wang")


def test_tolerances_are_typed_as_written_on_the_instrument_s_datasheet(make_window, qtbot, tmp_path):
    window = make_window()
    model = add_point(window, qtbot, tmp_path)
    assert model.setData(model.index(0, STANDARD), "100.00", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(0, TOLERANCE), "±(0.05 %rdg + 2 dgt)", Qt.ItemDataRole.EditRole)
    assert model.index(0, VERDICT).data() == "Pass"  # limit 0.05 % x 100.07 + 0.02 = 0.070035 >= 0.07
    assert not model.setData(model.index(0, TOLERANCE), "2 %", Qt.ItemDataRole.EditRole)
    assert "%rdg" in window.record_panel.notice.text()
    assert model.setData(model.index(0, AS_FOUND), "100.31", Qt.ItemDataRole.EditRole)
    assert window.record_panel.controller.record.points[0].as_found == "100.31"


def _reading(key, value, unit):
    from types import SimpleNamespace

    return SimpleNamespace(key=key, key_en="", value=value, unit=unit)


def test_add_point_without_a_picture_says_why(make_window, qtbot):
    window = make_window()
    qtbot.mouseClick(window.record_panel.add_button, Qt.MouseButton.LeftButton)
    assert window.record_panel.controller.points_model.rowCount() == 0
    assert window.record_panel.notice.isVisible() and "first" in window.record_panel.notice.text()


def test_standard_value_updates_error_and_verdict(make_window, qtbot, tmp_path, qtmodeltester):
    window = make_window()
    model = add_point(window, qtbot, tmp_path)
    view = window.record_panel.points_view
    # typed in the table like a technician: select the cell, type, Enter
    view.setCurrentIndex(model.index(0, STANDARD))
    view.edit(model.index(0, STANDARD))
    editor = view.indexWidget(model.index(0, STANDARD))
    qtbot.keyClicks(editor, "100.00")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits from a queued call
    qtbot.waitUntil(lambda: model.index(0, STANDARD).data() == "100.00", timeout=1000)
    assert model.index(0, ERROR).data() == "+0.07"
    assert model.index(0, VERDICT).data() == ""                   # no tolerance: no verdict
    assert model.setData(model.index(0, TOLERANCE), "0.05")
    assert model.index(0, VERDICT).data() == "Fail"
    assert "Fail" in window.record_panel.verdict.text()
    assert model.setData(model.index(0, TOLERANCE), "0.10")
    assert model.index(0, VERDICT).data() == "Pass"
    assert window.record_panel.controller.record.points[0].tolerance == "0.10"
    qtmodeltester.check(model)


def test_invalid_standard_value_is_refused_with_reason(make_window, qtbot, tmp_path):
    window = make_window()
    model = add_point(window, qtbot, tmp_path)
    with qtbot.waitSignal(model.editRejected, timeout=1000) as blocker:
        assert not model.setData(model.index(0, STANDARD), "1O0.00")
    reason = blocker.args[2]
    assert "1O0.00" in reason and "not a number" in reason
    assert model.index(0, STANDARD).data() == ""                  # unchanged
    assert model.index(0, STANDARD).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, STANDARD).data(Qt.ItemDataRole.ToolTipRole) == reason
    notice = window.record_panel.notice
    assert notice.isVisible() and reason in notice.text()
    assert not model.setData(model.index(0, TOLERANCE), "-0.1")    # a ± limit has no sign


def test_export_is_refused_until_the_record_is_complete(make_window, dialogs):
    window = make_window()
    window.record_panel.export()
    assert dialogs["save"] == []
    assert "instrument" in window.record_panel.notice.text()


def fill_for_export(window, qtbot, tmp_path):
    panel = window.record_panel
    type_into(qtbot, panel, "instrument.name", "烟尘采样器")
    model = add_point(window, qtbot, tmp_path)
    assert model.setData(model.index(0, STANDARD), "100.00")
    assert model.setData(model.index(0, TOLERANCE), "0.10")
    return panel


def measurement_row(ws, quantity: str) -> int:
    return next(cell.row for cell in ws["B"] if cell.value == quantity)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_export_writes_a_workbook_in_the_ui_language(make_window, qtbot, tmp_path, dialogs, lang):
    i18n.install_language(lang)
    window = make_window()
    panel = fill_for_export(window, qtbot, tmp_path)
    number = panel.controller.record.number
    with qtbot.waitSignal(panel.exportFinished, timeout=10000) as blocker:
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
        assert panel.busy.isVisible() and not panel.export_button.isEnabled()  # busy while it runs
    assert Path(blocker.args[0]) == dialogs["target"]
    assert dialogs["save"][0].endswith(f"{number}.xlsx")          # suggested name: the record number
    assert dialogs["opened"] == [str(dialogs["target"])]           # offered to open the folder, accepted
    assert not panel.busy.isVisible() and panel.export_button.isEnabled()
    assert panel.pool.waitForDone(2000) and panel.pool.activeThreadCount() == 0   # no thread left running
    wb = openpyxl.load_workbook(dialogs["target"])
    labels = labels_for("zh" if lang == "zh_CN" else "en")
    assert wb.sheetnames[0] == labels["summary_sheet"]
    ws = wb[number]
    row = measurement_row(ws, "大气压" if lang == "zh_CN" else "atmospheric pressure")  # in the report language
    assert ws[f"C{row}"].value == "kPa"
    assert ws[f"E{row}"].value == pytest.approx(100.07)
    assert str(ws[f"F{row}"].value).startswith("=ROUND(")
    assert f"{labels['record_title']}" in str(ws["A1"].value) and "DRAFT / 草稿" in ws["A1"].value  # not issued
    shown = panel.notice.text()                                   # the message follows a language switch
    assert str(dialogs["target"]) in shown
    i18n.install_language("en" if lang == "zh_CN" else "zh_CN")
    qtbot.waitUntil(lambda: panel.notice.text() != shown, timeout=2000)
    assert str(dialogs["target"]) in panel.notice.text()
    i18n.install_language("en")


@pytest.mark.parametrize("answer, sheets", [("", 4), ("append", 5), ("replace", 2)])
def test_exporting_onto_an_existing_report_asks_first(make_window, qtbot, tmp_path, dialogs, answer, sheets):
    """Issue 31, defect 4: a plain export silently replaced a 3-record workbook with 1 record."""
    from desktop.core.records.excel.report import export_report

    target = dialogs["target"]
    old = [CalibrationRecord(f"OLD-{i}", "", Instrument("Gauge"), date(2025, 3, 14),
                             points=[MeasurementPoint("Pressure", "kPa", "100.00", "100.07", "0.50")]) for i in range(3)]
    export_report(old, target, lang="en")
    window = make_window()
    panel = fill_for_export(window, qtbot, tmp_path)
    dialogs["replace_answer"] = answer
    if answer:
        with qtbot.waitSignal(panel.exportFinished, timeout=10000):
            qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
        assert not panel.exporting
    assert dialogs["replace"] == [str(target)]
    assert len(openpyxl.load_workbook(target).sheetnames) == sheets


def test_locked_target_offers_the_free_name(make_window, qtbot, tmp_path, dialogs):
    window = make_window()
    panel = fill_for_export(window, qtbot, tmp_path)
    target = dialogs["target"]
    target.write_bytes(b"")
    (target.parent / f"~${target.name}").write_bytes(b"owner")     # open in Excel
    with qtbot.waitSignal(panel.exportFinished, timeout=10000) as blocker:
        panel.export()
    ((message, suggestion),) = dialogs["alternative"]
    assert "report.xlsx" in message and "open in Excel" in message
    assert Path(suggestion).name == "report (2).xlsx"
    assert Path(blocker.args[0]).name == "report (2).xlsx"
    assert openpyxl.load_workbook(blocker.args[0])[panel.controller.record.number] is not None
    assert target.read_bytes() == b""                               # the locked file untouched
    assert panel.pool.waitForDone(2000) and panel.pool.activeThreadCount() == 0


def test_new_record_takes_the_next_number_and_keeps_the_bench(make_window, qtbot, tmp_path):
    window = make_window()
    panel = window.record_panel
    first = panel.form.edits["number"].text()
    type_into(qtbot, panel, "customer", "某环境监测站")
    type_into(qtbot, panel, "instrument.name", "烟尘采样器")
    add_point(window, qtbot, tmp_path)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    edits = panel.form.edits
    assert edits["number"].text() == first[:-4] + "0002"
    assert edits["customer"].text() == "某环境监测站"                   # kept for the next instrument
    assert edits["instrument.name"].text() == "" and panel.controller.points_model.rowCount() == 0
    repository = records_of(window.store)
    assert repository.get_record(first).instrument.name == "烟尘采样器"  # the first one is kept
    # renaming to a number in use is refused and the field keeps its number
    edits["number"].setText(first)
    edits["number"].editingFinished.emit()
    assert edits["number"].text() == first[:-4] + "0002"
    assert "already" in panel.notice.text()


def test_lab_wide_items_typed_in_settings_go_into_the_next_record(make_window, qtbot, monkeypatch):
    from dataclasses import replace

    from desktop.ui.dialogs.settings_dialog import SettingsDialog

    window = make_window()
    dialog = SettingsDialog(window.prefs, window)
    qtbot.addWidget(dialog)
    dialog.lab.edits["lab_name"].setText("某某计量检测有限公司")
    dialog.lab.edits["lab_address"].setText("苏州市星湖街 218 号")
    dialog.lab.edits["lab_signatory"].setText("李华")
    dialog.lab.traceability.setPlainText("溯源至国家计量基准")
    dialog.lab.edits["lab_accreditation"].setText("CNAS L1234")
    dialog.lab.edits["lab_min_tur"].setText("3")
    dialog.lab.title.setCurrentIndex(dialog.lab.title.findData("certificate"))
    new = dialog.preferences()
    assert (new.lab_name, new.lab_signatory, new.certificate_title) == ("某某计量检测有限公司", "李华", "certificate")
    monkeypatch.setattr(SettingsDialog, "edit", classmethod(lambda cls, prefs, parent=None: new))
    window.actions.settings.trigger()
    qtbot.mouseClick(window.record_panel.new_button, Qt.MouseButton.LeftButton)
    record = window.record_panel.controller.record
    assert (record.laboratory.name, record.laboratory.address, record.laboratory.traceability) == (
        "某某计量检测有限公司", "苏州市星湖街 218 号", "溯源至国家计量基准")
    assert (record.signatory.name, record.title) == ("李华", "certificate")
    assert (record.laboratory.accreditation, record.laboratory.min_tur) == ("CNAS L1234", "3")  # issue 31
    assert replace(window.prefs) == new


def test_certificate_fields_are_typed_in_the_form(make_window, qtbot):
    window = make_window()
    panel = window.record_panel
    for key, text in (("customer_address", "Suzhou"), ("received_date", "2025-03-12"), ("item_condition", "intact"),
                      ("deviations", "none"), ("coverage_factor", "2"), ("signatory.name", "Li"),
                      ("signatory.function", "Technical manager"), ("standards_override", "checked"),
                      ("tur_reason", "reference only"), ("specification", "JJG 680-2007 table 3")):
        type_into(qtbot, panel, key, text)
    combo = panel.form.choices["decision_rule"]
    combo.setCurrentIndex(combo.findData("guarded"))
    combo.activated.emit(combo.currentIndex())
    record = panel.controller.record
    assert (record.customer_address, record.received_date.isoformat(), record.item_condition) == (
        "Suzhou", "2025-03-12", "intact")
    assert (record.signatory.name, record.signatory.function, record.decision_rule) == (
        "Li", "Technical manager", "guarded")
    assert (record.tur_reason, record.specification) == ("reference only", "JJG 680-2007 table 3")
    type_into(qtbot, panel, "coverage_factor", "k")
    assert "not a number" in panel.form.edits["coverage_factor"].toolTip()


def test_an_append_waits_for_a_command_line_export_holding_the_workbook(make_window, qtbot, tmp_path, dialogs):
    import subprocess
    import sys
    import time

    window = make_window()
    panel = fill_for_export(window, qtbot, tmp_path)
    target = dialogs["target"]
    holder = subprocess.Popen(  # `lcdreader export --append` busy with the same workbook for a second
        [sys.executable, "-c", "import sys, time; from desktop.core.records.excel.safe_write import workbook_lock\n"
         f"with workbook_lock({str(target)!r}):\n    print('held', flush=True); time.sleep(1.5)"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    qtbot.mouseClick(panel.append, Qt.MouseButton.LeftButton)
    started = time.monotonic()
    with qtbot.waitSignal(panel.exportFinished, timeout=20000):
        panel.export()
    assert time.monotonic() - started > 1.0  # written only once the other export let go
    assert holder.wait(10) == 0 and not dialogs["alternative"]  # waited its turn: no error, no other name
    assert panel.controller.record.number in openpyxl.load_workbook(target).sheetnames


def test_the_lab_server_is_chosen_in_settings_and_its_password_goes_to_the_password_file(make_window, qtbot,
                                                                                         tmp_path, monkeypatch):
    from desktop.ui.dialogs.settings_dialog import SettingsDialog

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    window = make_window()
    dialog = SettingsDialog(window.prefs, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.lab.database, "postgresql://wang@lab-server/lab?sslmode=verify-full")
    qtbot.keyClicks(dialog.lab.password, "s3cret")
    new = dialog.preferences()
    assert new.lab_database == "postgresql://wang@lab-server/lab?sslmode=verify-full"
    assert "s3cret" not in repr(new) and (tmp_path / "pgpass").read_text() == "lab-server:5432:lab:wang:s3cret\n"


def test_the_export_adds_the_history_as_a_sheet_when_asked(make_window, qtbot, tmp_path, dialogs):
    window = make_window()
    panel = fill_for_export(window, qtbot, tmp_path)
    panel.controller.flush()
    type_into(qtbot, panel, "remarks", "=1+2")  # a change, made of a formula: stays text in the sheet
    panel.controller.flush()
    qtbot.mouseClick(panel.with_history, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.exportFinished, timeout=10000):
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert panel.pool.waitForDone(2000)
    wb = openpyxl.load_workbook(dialogs["target"])
    ws = wb[wb.sheetnames[-1]]
    rows = [[cell.value for cell in row] for row in ws.iter_rows(min_row=2)]
    assert [row[4:7] for row in rows][0] == ["record", None, "created"]
    remark = next(row for row in ws.iter_rows(min_row=2) if row[4].value == "remarks")
    assert remark[6].value == "=1+2" and remark[6].data_type == "s"
