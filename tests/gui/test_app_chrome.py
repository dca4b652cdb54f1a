"""Language switching, settings, shortcuts, threads after close, preferences warnings."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from desktop.core.preferences import load_preferences
from desktop.ui import i18n
from desktop.ui.dialogs.settings_dialog import SettingsDialog

from .fakes import FakeEngine, write_sample


def test_switch_language_at_run_time(make_window, qtbot):
    window = make_window()
    assert window.actions.open.text() == "&Open images…"
    window.actions.language.trigger()
    assert i18n.current_language() == "zh_CN"
    qtbot.waitUntil(lambda: window.actions.open.text() == "打开图片(&O)…", timeout=2000)  # LanguageChange is posted
    assert window.readings.tabs.tabText(0) == "读数"
    assert window.readings.readings_model.headerData(1, Qt.Orientation.Horizontal) == "数值"
    assert "设备" in window.status.device.text()
    assert load_preferences(window._prefs_path)[0].language == "zh_CN"   # remembered
    window.actions.language.trigger()
    qtbot.waitUntil(lambda: window.actions.open.text() == "&Open images…", timeout=2000)


def test_system_locale_is_followed(monkeypatch):
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.resolve_language("auto") == "zh_CN"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve_language("auto") == "en"
    assert i18n.resolve_language("zh_CN") == "zh_CN"


def test_every_frequent_action_has_a_shortcut(make_window):
    window = make_window()
    a = window.actions
    for action in (a.open, a.open_folder, a.paste, a.reread, a.live, a.freeze, a.capture, a.correct,
                   a.prev, a.next, a.zoom_in, a.zoom_out, a.fit, a.settings, a.language):
        assert not action.shortcut().isEmpty(), action.text()
        assert "(" in action.toolTip()  # the tooltip teaches the shortcut
        assert not action.icon().isNull() or action in (a.language,)


def test_ctrl_q_quits(make_window, qtbot):
    """Qt's standard Quit key is empty on Windows (and offscreen): Ctrl+Q did nothing there."""
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert not window.ocr.is_running()


def test_settings_change_reloads_engine_and_saves_yaml(make_window, qtbot, monkeypatch):
    created = []

    def factory(prefs):
        created.append(prefs)
        return FakeEngine()

    window = make_window()
    window._engine_factory = factory
    new = replace(window.prefs, device="cpu", det_size=1280, stable_frames=5, template="thermo-hygrometer")
    monkeypatch.setattr(SettingsDialog, "edit", classmethod(lambda cls, prefs, parent=None: new))
    window.actions.settings.trigger()
    qtbot.waitUntil(lambda: window.ocr.ready and bool(created), timeout=5000)
    assert (created[0].device, created[0].det_size) == ("cpu", 1280)
    assert window.live.tracker.frames == 5
    assert window.session.template == "thermo-hygrometer"
    saved, warnings = load_preferences(window._prefs_path)
    assert saved == new and warnings == []


def test_settings_dialog_roundtrip(qtbot, make_window):
    window = make_window()
    dialog = SettingsDialog(replace(window.prefs, stable_frames=7, language="zh_CN", det_size=640), window)
    qtbot.addWidget(dialog)
    prefs = dialog.preferences()
    assert (prefs.stable_frames, prefs.language, prefs.det_size) == (7, "zh_CN", 640)
    assert dialog.template.count() > 1  # instrument templates from the core


def test_close_stops_every_thread(make_window, qtbot, tmp_path):
    window = make_window(FakeEngine(delay=0.1))
    window.open_files([str(write_sample(tmp_path / f"{i}.png")) for i in range(3)])
    window.close()   # while the queue is still being read
    assert not window.ocr.is_running()


def test_corrupt_preferences_warn_and_start(qtbot, isolated, monkeypatch):
    from desktop.ui.app import create_window

    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "preferences.yaml").write_text("device: [gpu\n", encoding="utf-8")
    window = create_window(lambda prefs: FakeEngine())
    qtbot.addWidget(window)
    assert "could not be read" in window.banner.text()
    assert window.prefs.device == "auto"
    window.close()


def test_a_damaged_session_store_is_set_aside_and_the_app_starts(qtbot, isolated):
    import os

    from desktop.core.preferences import Preferences
    from desktop.ui.app import create_window

    folder = Preferences().session_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sessions.sqlite3").write_bytes(os.urandom(8192))
    window = create_window(lambda prefs: FakeEngine())
    qtbot.addWidget(window)
    assert "damaged" in window.banner.text() and not window.banner.isHidden()
    assert list(folder.glob("sessions.sqlite3.damaged-*"))
    assert window.store.last_session() is None  # a fresh store, ready for work
    window.close()


def test_a_foreign_journal_is_set_aside_and_every_session_kept(qtbot, isolated, tmp_path):
    import shutil

    from desktop.core.preferences import Preferences
    from desktop.core.store import SessionStore
    from desktop.ui.app import create_window

    folder = Preferences().session_dir()
    ours = SessionStore(folder)
    ours.add_image(ours.new_session(), "file", "a.png", path="/x/a.png")
    ours.close()
    theirs = SessionStore(tmp_path / "other")  # another copy, its journal not yet folded into its file
    theirs.new_session()
    shutil.copy(theirs.path.with_name("sessions.sqlite3-wal"), folder / "sessions.sqlite3-wal")
    theirs.close()
    window = create_window(lambda prefs: FakeEngine())
    qtbot.addWidget(window)
    assert "belonged to another copy" in window.banner.text() and not window.banner.isHidden()
    assert list(folder.glob("sessions.sqlite3.foreign-wal-*-wal"))
    assert window.store.last_session() is not None  # the image is still there
    window.close()


def test_a_store_of_another_version_is_set_aside_and_the_app_starts(qtbot, isolated):
    import sqlite3

    from desktop.core.preferences import Preferences
    from desktop.ui.app import create_window

    folder = Preferences().session_dir()
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / "sessions.sqlite3")  # the shape the issue met: no created_at column
    conn.executescript("CREATE TABLE sessions(id INTEGER PRIMARY KEY, started REAL);")
    conn.close()
    window = create_window(lambda prefs: FakeEngine())
    qtbot.addWidget(window)
    assert "another version of LCD Reader" in window.banner.text()
    assert list(folder.glob("sessions.sqlite3.other-schema-*"))
    window.store.add_image(window.store.new_session(), "file", "a.png", path="/x/a.png")  # a working store
    window.close()


def test_an_error_in_a_slot_is_logged_and_shown(make_window, qtbot, monkeypatch, caplog):
    import sys

    from desktop.ui.app import install_excepthook

    window = make_window()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_excepthook(window.show_error)
    try:
        raise ValueError("slot went wrong")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert "slot went wrong" in window.banner.text() and "log" in window.banner.text()
    record = next(r for r in caplog.records if r.levelname == "CRITICAL")
    assert record.exc_info[0] is ValueError  # the traceback goes to the log


def test_every_toolbar_button_fits_at_1360_px_in_both_languages(themed, make_window, qtbot):
    from PySide6.QtWidgets import QToolBar

    from desktop.ui import i18n

    window = make_window()
    window.resize(1360, 820)
    for language in ("en", "zh_CN"):
        i18n.install_language(language)
        qtbot.wait(50)
        toolbar = window.findChild(QToolBar, "mainToolBar")
        hidden = [a.iconText() for a in toolbar.actions()
                  if not a.isSeparator() and not toolbar.widgetForAction(a).isVisible()]
        assert hidden == [], f"{language}: cut off at 1360 px: {hidden}"
        assert toolbar.sizeHint().width() <= 1360
    i18n.install_language("en")


def test_qt_file_dialog_is_chinese_in_chinese(qapp):
    from PySide6.QtWidgets import QFileDialog, QLabel

    i18n.install_language("zh_CN")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert texts and not [t for t in texts if t.isascii()], texts   # was "&Look in:", "Files of &type:"
        dialog.deleteLater()
    finally:
        i18n.install_language("en")


def test_every_ui_string_has_its_chinese():
    import xml.etree.ElementTree as ElementTree
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "lcdreader_zh_CN.ts"
    unfinished = [m.findtext("source") for m in ElementTree.parse(ts).iter("message")
                  if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert unfinished == []
