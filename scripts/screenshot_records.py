"""Screenshots of the calibration record panel with a sample record, in English and Chinese.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot_records.py
Reads resources/samples/sampler_lcd.png with the REAL engine (``--fake``: a fake one), fills a record
the way a technician does (details typed, readings added as points, standard values typed) and writes
docs/screenshots/records_en.png and records_zh.png.
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

DETAILS = {
    "customer": "某市环境监测站", "technician": "张工", "checker": "李工",
    "instrument.name": "烟尘采样器", "instrument.model": "3012H", "instrument.manufacturer": "青岛崂应",
    "instrument.serial": "A3012H-0001", "instrument.firmware": "V2.1", "instrument.category": "流量",
    "standard.name": "电子皂膜流量计", "standard.serial": "ZM-0417", "standard.certificate": "JL2025-0312",
}
# key on the screen -> (standard value, tolerance)
POINTS = {"大气压": ("100.00", "0.50"), "流量": ("30.00", "1.5"), "计前压力": ("-1.18", "0.05")}


def wait(app, condition, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            return False
        app.processEvents()
        time.sleep(0.01)
    return True


def correct_readings(window, sample: Path) -> None:
    """What the technician does first: fix a misread value in the Readings table (as on the screen)."""
    import json

    from desktop.ui.models.readings_model import VALUE

    truth = json.loads((sample.parent / "samples.json").read_text(encoding="utf-8")).get(sample.name, {})
    shown = {r["key"]: r["value"] for r in truth.get("readings", [])}
    readings = window.readings.readings_model
    for row in range(readings.rowCount()):
        key, value = readings.reading(row).key, readings.reading(row).value
        if key in shown and value != shown[key]:
            print(f"correcting {key}: {value} -> {shown[key]}")
            readings.setData(readings.index(row, VALUE), shown[key])


def fill_record(window) -> None:
    from desktop.ui.models.points_model import STANDARD, TOLERANCE

    panel = window.record_panel
    for key, text in DETAILS.items():
        panel.form.edits[key].setText(text)
        panel.form._commit(key, text)  # as typed
    readings = window.readings.readings_model
    model = panel.controller.points_model
    for row in range(readings.rowCount()):
        standard = POINTS.get(readings.reading(row).key)
        if standard is None:
            continue
        window.readings.readings_view.selectRow(row)
        before = model.rowCount()
        panel.link.add_current_reading()
        if model.rowCount() == before:
            print("not added:", panel.notice.text())
            continue
        model.setData(model.index(model.rowCount() - 1, STANDARD), standard[0])
        model.setData(model.index(model.rowCount() - 1, TOLERANCE), standard[1])
    panel.points_view.selectRow(0)
    panel.controller.flush()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", default=str(ROOT / "resources" / "samples" / "sampler_lcd.png"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--fake", action="store_true", help="use a fake engine (no models)")
    args = parser.parse_args()
    os.environ["LCDREADER_HOME"] = tempfile.mkdtemp(prefix="lcdreader-shot-")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.core.preferences import Preferences
    from desktop.ui import i18n
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
    window.resize(1400, 880)
    window.show()
    if not wait(app, lambda: window.ocr.ready, 120):
        print("engine not ready:", window.banner.text())
        return 1
    ids = window.open_files([args.sample])
    if not wait(app, lambda: window.session.records[ids[0]].status in ("done", "error"), 120):
        return 1
    record = window.session.records[ids[0]]
    print("read", [(r.key, r.value, r.unit) for r in record.readings])
    correct_readings(window, Path(args.sample))
    fill_record(window)
    print("points", [(p.quantity, p.standard, p.reading, p.tolerance) for p in
                     window.record_panel.controller.record.points])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "zh_CN"):
        window.apply_preferences(replace(window.prefs, language=lang))
        wait(app, lambda: False, 0.5)
        window.view.fit()
        wait(app, lambda: False, 0.2)
        path = out / f"records_{'en' if lang == 'en' else 'zh'}.png"
        window.grab().save(str(path))
        print("wrote", path)
    window.close()
    i18n.install_language("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
