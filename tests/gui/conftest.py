"""pytest-qt setup: offscreen, isolated data folder and QSettings, fake engine, thread-leak check."""
from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings, QThread
from PySide6.QtWidgets import QFileDialog

from desktop.core.preferences import Preferences
from desktop.core.store import SessionStore
from desktop.ui import i18n
from desktop.ui.dialogs.messages import Messages

from .fakes import FakeCapture, FakeEngine


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch, qapp):
    """Data folder and QSettings in tmp_path; English UI; no real dialog can block a test."""
    home = tmp_path / "home"
    monkeypatch.setenv("LCDREADER_HOME", str(home))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    qapp.setOrganizationName("LCDReaderTests")
    qapp.setApplicationName("LCD Reader tests")
    i18n.install_language("en")
    monkeypatch.setattr(Messages, "error", classmethod(lambda cls, *a: pytest.fail(f"unexpected dialog {a}")))
    monkeypatch.setattr(Messages, "ask_restore", classmethod(lambda cls, *a: False))
    # file dialogs answer "Cancel" unless a test answers them (tests patch the same static methods)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    qapp.clipboard().clear()  # the clipboard outlives a test: a picture left there would be pasted by the next
    yield home
    qapp.clipboard().clear()


@pytest.fixture(autouse=True)
def no_dangling_threads(monkeypatch):
    """Fail a test that leaves a QThread or a Python thread running (napari's practice)."""
    started: list[QThread] = []
    original = QThread.start

    def start(self, *args):
        started.append(self)
        return original(self, *args)

    monkeypatch.setattr(QThread, "start", start)
    before = {t.ident for t in threading.enumerate()}
    yield
    running = []
    for thread in started:
        try:
            if thread.isRunning():
                running.append(thread.objectName() or repr(thread))
        except RuntimeError:  # the C++ object is gone: not running
            pass
    leaked = [t.name for t in threading.enumerate()
              if t.ident not in before and t.is_alive() and not isinstance(t, threading._DummyThread)]
    assert not running, f"QThreads left running: {running}"
    assert not leaked, f"threads left running: {leaked}"


@pytest.fixture
def themed(qapp):
    """The app's own theme (its padding decides what fits), put back after the test."""
    from desktop.ui import theme

    saved = (qapp.styleSheet(), qapp.palette(), qapp.font(), qapp.style().name())
    theme.apply_theme(qapp)
    yield
    qapp.setStyleSheet(saved[0])
    qapp.setPalette(saved[1])
    qapp.setFont(saved[2])
    qapp.setStyle(saved[3])


@pytest.fixture
def engine():
    return FakeEngine()


@pytest.fixture
def store(isolated):
    s = SessionStore(isolated)
    yield s
    s.close()


@pytest.fixture
def make_window(qtbot, store):
    """Build a main window with a fake engine (and camera); closed at teardown."""
    windows = []

    def make(engine=None, capture=None, prefs=None, wait_ready=True):
        from desktop.ui.main_window import MainWindow

        engine = engine or FakeEngine()
        prefs = prefs or Preferences(stable_frames=3)
        window = MainWindow(lambda p: engine, prefs, store,
                            capture_factory=capture or (lambda i: FakeCapture(i)),
                            prefs_path=store.path.parent / "preferences.yaml")
        qtbot.addWidget(window)
        window.engine = engine
        windows.append(window)
        window.show()
        if wait_ready:
            qtbot.waitUntil(lambda: window.ocr.ready, timeout=5000)
        return window

    yield make
    for window in windows:
        window.close()
