"""Screenshots of the main window on a sample screen, in English and Chinese.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot.py
Uses the REAL engine (models load in the worker, as in the app); ``--fake`` uses a fake one.
Writes docs/screenshots/main_en.png and main_zh.png.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screenshot_common import arguments, grab_in_both_languages, window_on_sample  # noqa: E402


def main() -> int:
    args = arguments()
    opened = window_on_sample(args, height=860)
    if opened is None:
        return 1
    app, window, record = opened
    print("status", record.status, record.error, [(r.key, r.value, r.unit) for r in record.readings])
    # select the first reading: shows the box <-> reading link in the picture
    rows = [i for i, r in enumerate(record.readings) if r.value and r.valid]
    if rows:
        window.readings.readings_view.selectRow(rows[0])
    grab_in_both_languages(app, window, Path(args.out), "main")
    return 0


if __name__ == "__main__":
    sys.exit(main())
