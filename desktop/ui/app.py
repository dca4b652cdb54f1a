"""Start the desktop app: preferences, language, theme, store, main window.

Paddle is never imported here: the engine factory runs in the OCR worker thread, so the window
is usable in well under 2 s while models load in the background.
"""
from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Callable

from desktop.core.paths import data_dir
from desktop.core.preferences import Preferences, load_preferences
from desktop.core.store.opening import StoreUnavailableError

log = logging.getLogger(__name__)


def real_engine(prefs: Preferences):
    """The production engine factory (called in the worker thread)."""
    from desktop.core.ocr.open_engine import open_engine

    return open_engine(model=prefs.model, device=prefs.device, det_limit_side=prefs.det_size)


def setup_logging() -> None:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(folder / "lcdreader.log", maxBytes=2_000_000, backupCount=3,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def install_excepthook(show: Callable[[str], object]) -> None:
    """An error in a Qt slot would vanish in the windowed build: log it with its traceback, tell the user."""
    from PySide6.QtCore import QCoreApplication

    def hook(kind, error, trace) -> None:
        log.critical("unexpected error", exc_info=(kind, error, trace))
        try:
            show(QCoreApplication.translate("App", "An unexpected error occurred: %1. It was written to the log "
                                            "file; your work is saved.").replace("%1", f"{kind.__name__}: {error}"))
        except Exception:  # the message must never raise inside the hook
            log.exception("could not show the error")

    sys.excepthook = hook


def create_window(engine_factory=real_engine, *, capture_factory=None, prefs: Preferences | None = None):
    """Build the app's window on an existing QApplication (used by run_app and the screenshot script)."""

    from desktop.core.store import SessionStore
    from desktop.ui import i18n, theme
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workers.camera import opencv_capture

    warnings: list[str] = []
    if prefs is None:
        prefs, warnings = load_preferences()
    theme.apply_theme(QApplicationInstance())
    i18n.install_language(prefs.language)
    store, notice = SessionStore.open_or_set_aside(prefs.session_dir())
    window = MainWindow(engine_factory, prefs, store, capture_factory=capture_factory or opencv_capture)
    if notice is not None:
        log.error("session store %s moved to %s: %s", notice.reason, notice.moved_to, notice.detail)
        warnings.append(_set_aside_message(notice.reason).replace("%1", str(notice.moved_to)))
    for warning in warnings:
        window.show_error(warning)
    window.destroyed.connect(lambda *_: store.close())
    return window


def _set_aside_message(reason: str) -> str:
    from PySide6.QtCore import QCoreApplication

    if reason == "foreign_wal":
        return QCoreApplication.translate(
            "App", "A journal file beside the saved sessions belonged to another copy of them and would have "
            "replaced them. It was set aside, with a copy of the sessions, as %1; your sessions are kept.")
    if reason == "other_schema":
        return QCoreApplication.translate(
            "App", "The saved sessions were written by another version of LCD Reader. They were moved, "
            "unchanged, to %1 and a new session file was started.")
    return QCoreApplication.translate(
        "App", "The saved sessions could not be read (the file is damaged). It was moved to %1 and a new one "
        "was started.")


def QApplicationInstance():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


def _show_store_unavailable(detail: str) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "LCD Reader", QCoreApplication.translate(
        "App", "The saved sessions are in use by another program or cannot be opened; nothing was changed.\n%1")
        .replace("%1", detail))


def run_app(argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName("LCDReader")
    app.setApplicationName("LCD Reader")
    setup_logging()
    log.info("starting LCD Reader")
    try:
        window = create_window()
    except StoreUnavailableError as exc:  # sound but busy or unreadable: left as it is, the user told why
        log.error("%s", exc)
        _show_store_unavailable(str(exc))
        return 1
    install_excepthook(window.show_error)
    window.show()
    QTimer.singleShot(0, window.offer_restore)
    code = app.exec()
    log.info("LCD Reader closed (%s)", code)
    return code
