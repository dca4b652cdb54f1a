"""Screenshots of the calibration record panel with a sample record, in English and Chinese.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot_records.py
Reads resources/samples/sampler_lcd.png with the REAL engine (``--fake``: a fake one), fills a record
the way a technician does (details typed, readings added as points, standard values typed) and writes
docs/screenshots/records_en.png and records_zh.png.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screenshot_common import arguments, grab_in_both_languages, window_on_sample  # noqa: E402

DETAILS = {
    "customer": "某市环境监测站", "location": "流量实验室 302", "procedure": "JJG 680-2007",
    "technician": "张工", "checker": "李工", "remarks": "",
    "instrument.name": "烟尘采样器", "instrument.model": "3012H", "instrument.manufacturer": "青岛崂应",
    "instrument.serial": "A3012H-0001", "instrument.firmware": "V2.1", "instrument.category": "流量",
    "standard.name": "电子皂膜流量计", "standard.serial": "ZM-0417", "standard.certificate": "JL2025-0312",
    "standard.due_date": "2026-03-11", "standard.uncertainty": "Urel=0.5% (k=2)",
    "environment.temperature": "21.6", "environment.humidity": "48", "environment.pressure": "101.32",
    "customer_address": "某市人民路 1 号", "received_date": "2025-03-12", "item_condition": "外观完好",
    "deviations": "无", "coverage_factor": "2", "signatory.name": "王工", "signatory.function": "技术负责人",
}
# key on the screen -> (standard value, tolerance)
POINTS = {"大气压": ("100.00", "0.50"), "流量": ("30.00", "1.5"), "计前压力": ("-1.18", "0.05")}


def correct_readings(window, sample: Path) -> None:
    """What the technician does first: fix a misread value in the Readings table (as on the screen)."""
    import json

    from desktop.ui.item_models.readings_model import VALUE

    truth = json.loads((sample.parent / "samples.json").read_text(encoding="utf-8")).get(sample.name, {})
    shown = {r["key"]: r["value"] for r in truth.get("readings", [])}
    readings = window.readings.readings_model
    for row in range(readings.rowCount()):
        key, value = readings.reading(row).key, readings.reading(row).value
        if key in shown and value != shown[key]:
            print(f"correcting {key}: {value} -> {shown[key]}")
            readings.setData(readings.index(row, VALUE), shown[key])


def fill_record(window) -> None:
    from desktop.ui.item_models.points_model import STANDARD, TOLERANCE

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
    args = arguments()
    opened = window_on_sample(args, height=880)
    if opened is None:
        return 1
    app, window, record = opened
    print("read", [(r.key, r.value, r.unit) for r in record.readings])
    correct_readings(window, Path(args.sample))
    fill_record(window)
    print("points", [(p.quantity, p.standard, p.reading, p.tolerance) for p in
                     window.record_panel.controller.record.points])
    grab_in_both_languages(app, window, Path(args.out), "records")
    return 0


if __name__ == "__main__":
    sys.exit(main())
