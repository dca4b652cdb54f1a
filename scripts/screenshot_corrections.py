"""Screenshots of the first start and of corrections, from the real window: the empty state, a reading
deleted, a missed box drawn (read by the recogniser, open for typing), corrected rows marked, and Qt's
file dialog in Chinese.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot_corrections.py
Uses the REAL engine (``--fake`` a fake one). Writes docs/screenshots/{empty_state,reading_deleted,
drawn_box,corrected_rows}_en.png and file_dialog_zh.png.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screenshot_common import arguments, wait, window_on_sample  # noqa: E402


def least_detected_region(sample: Path, boxes) -> list:
    """The true text region of the sample the detector matched worst (lowest IoU): where a technician
    draws a box (on the sampler: "L/min", whose detected box reached into the value's last digit)."""
    regions = json.loads((sample.parent / "samples.json").read_text(encoding="utf-8"))[sample.name]["regions"]

    def iou(points) -> float:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        best = 0.0
        for box in boxes:
            w = min(max(xs), box.x_max) - max(min(xs), box.x_min)
            h = min(max(ys), box.y_max) - max(min(ys), box.y_min)
            inter = max(w, 0) * max(h, 0)
            union = (max(xs) - min(xs)) * (max(ys) - min(ys)) + (box.x_max - box.x_min) * box.height - inter
            best = max(best, inter / union)
        return best

    return min((r["points"] for r in regions), key=iou)


def drag(app, view, start, end) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    a, b = view.mapFromScene(*start), view.mapFromScene(*end)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(view.viewport(), QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    QTest.mouseMove(view.viewport(), b)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    app.processEvents()


def grab(app, widget, path: Path) -> None:
    wait(app, lambda: False, 0.4)
    widget.grab().save(str(path))
    print("wrote", path)


def empty_state(out: Path) -> None:
    """The window as a new user first sees it (before any image)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    window = QApplication.activeWindow() or next(w for w in QApplication.topLevelWidgets() if w.isVisible())
    grab(app, window, out / "empty_state_en.png")


def main() -> int:
    args = arguments()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    opened = window_on_sample(args, height=860, before_open=lambda: empty_state(out))
    if opened is None:
        return 1
    app, window, record = opened
    model = window.readings.readings_model
    print("read", [(r.key, r.value, r.unit) for r in record.readings])

    # the misread twin of a key (the sampler's "流量 1 L/min") deleted with Del
    window.readings.readings_view.selectRow(model.rowCount() - 1)
    window.actions.delete_reading.trigger()
    wait(app, lambda: False, 0.3)
    grab(app, window, out / "reading_deleted_en.png")

    # corrected rows marked: a value, and the unit the deleted twin had taken
    from desktop.ui.item_models.readings_model import UNIT, VALUE

    model.setData(model.index(0, VALUE), "100.01")
    wait(app, lambda: False, 0.3)
    model.setData(model.index(model.rowCount() - 1, UNIT), "L/min")
    wait(app, lambda: False, 0.3)
    window.readings.readings_view.clearSelection()
    grab(app, window, out / "corrected_rows_en.png")

    # a missed box drawn around text, read by the recogniser, its text open for checking
    points = least_detected_region(Path(args.sample), record.boxes)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    window.actions.draw_box.trigger()
    drag(app, window.view, (min(xs) - 4, min(ys) - 4), (max(xs) + 4, max(ys) + 4))
    boxes = len(record.boxes)
    wait(app, lambda: window.readings.boxes_model.rowCount() > boxes or len(record.boxes) > boxes, 60)
    wait(app, lambda: False, 0.5)
    print("drawn box read as", record.boxes[-1].text if record.boxes else None)
    window.view.select_boxes([len(record.boxes) - 1])
    grab(app, window, out / "drawn_box_en.png")

    # Qt's own file dialog, in Chinese
    from dataclasses import replace

    from PySide6.QtWidgets import QFileDialog

    window.apply_preferences(replace(window.prefs, language="zh_CN"))
    dialog = QFileDialog(window, "打开图片", str(ROOT / "resources" / "samples"))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setNameFilter("图片 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)")
    dialog.resize(820, 500)
    dialog.show()
    wait(app, lambda: dialog.isVisible(), 5)
    grab(app, dialog, out / "file_dialog_zh.png")
    dialog.close()
    window.apply_preferences(replace(window.prefs, language="en"))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
