"""What the main-window screenshot scripts share: a real app window on a sample screen, and grabs in
English and Chinese. Run the scripts under Xvfb (see each script's docstring)."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wait(app, condition, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            return False
        app.processEvents()
        time.sleep(0.01)
    return True


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", default=str(ROOT / "resources" / "samples" / "sampler_lcd.png"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--fake", action="store_true", help="use a fake engine (no models)")
    return parser.parse_args()


def window_on_sample(args, height: int, before_open=None):
    """(app, window, record) with the sample read by the real engine (or the fake), or None.
    ``before_open()`` runs once the window is up, before the sample is opened (the empty state)."""
    os.environ["LCDREADER_HOME"] = tempfile.mkdtemp(prefix="lcdreader-shot-")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.core.preferences import Preferences
    from desktop.ui.app import create_window, real_engine

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):  # no saved layout
        QSettings.setPath(fmt, QSettings.Scope.UserScope, os.environ["LCDREADER_HOME"])
    app = QApplication(sys.argv)
    app.setOrganizationName("LCDReaderScreenshots")
    app.setApplicationName("LCD Reader")
    factory = real_engine
    if args.fake:
        sys.path.insert(0, str(ROOT / "tests" / "gui"))
        from fakes import FakeEngine

        factory = lambda prefs: FakeEngine()  # noqa: E731
    window = create_window(factory, prefs=Preferences(language="en"))
    window.resize(1400, height)
    window.show()
    start = time.perf_counter()
    wait(app, lambda: window.isVisible(), 5)
    print(f"window usable after {time.perf_counter() - start:.2f} s")
    if not wait(app, lambda: window.ocr.ready, 120):
        print("engine not ready:", window.banner.text())
        return None
    if before_open is not None:
        wait(app, lambda: False, 0.3)
        before_open()
    ids = window.open_files([args.sample])
    if not wait(app, lambda: window.session.records[ids[0]].status in ("done", "error"), 120):
        return None
    return app, window, window.session.records[ids[0]]


def grab_in_both_languages(app, window, out: Path, prefix: str) -> None:
    from desktop.ui import i18n

    out.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "zh_CN"):
        window.apply_preferences(replace(window.prefs, language=lang))
        wait(app, lambda: False, 0.5)
        window.view.fit()
        wait(app, lambda: False, 0.2)
        path = out / f"{prefix}_{'en' if lang == 'en' else 'zh'}.png"
        window.grab().save(str(path))
        print("wrote", path)
    window.close()
    i18n.install_language("en")
