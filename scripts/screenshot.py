"""Screenshots of the main window on a sample screen, in English and Chinese.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot.py
Uses the REAL engine (models load in the worker, as in the app); ``--fake`` uses a fake one.
Writes docs/screenshots/main_en.png and main_zh.png.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def wait(app, condition, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            return False
        app.processEvents()
        time.sleep(0.01)
    return True


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", default=str(ROOT / "resources" / "samples" / "sampler_lcd.png"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--fake", action="store_true", help="use a fake engine (no models)")
    args = parser.parse_args()
    os.environ["LCDREADER_HOME"] = tempfile.mkdtemp(prefix="lcdreader-shot-")

    from PySide6.QtWidgets import QApplication

    from desktop.core.preferences import Preferences
    from desktop.ui import i18n
    from desktop.ui.app import create_window, real_engine

    from PySide6.QtCore import QSettings

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
    window.resize(1400, 860)
    window.show()
    start = time.perf_counter()
    wait(app, lambda: window.isVisible(), 5)
    print(f"window usable after {time.perf_counter() - start:.2f} s")
    if not wait(app, lambda: window.ocr.ready, 120):
        print("engine not ready:", window.banner.text())
        return 1
    ids = window.open_files([args.sample])
    if not wait(app, lambda: window.session.records[ids[0]].status in ("done", "error"), 120):
        return 1
    record = window.session.records[ids[0]]
    print("status", record.status, record.error, [(r.key, r.value, r.unit) for r in record.readings])
    # select the first reading: shows the box <-> reading link in the picture
    rows = [i for i, r in enumerate(record.readings) if r.value and r.valid]
    if rows:
        window.readings.readings_view.selectRow(rows[0])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "zh_CN"):
        window.apply_preferences(replace(window.prefs, language=lang))
        wait(app, lambda: False, 0.5)
        window.view.fit()
        wait(app, lambda: False, 0.2)
        path = out / f"main_{'en' if lang == 'en' else 'zh'}.png"
        window.grab().save(str(path))
        print("wrote", path)
    window.close()
    i18n.install_language("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
