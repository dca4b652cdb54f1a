"""Screenshots of the finetune wizard's pages and the model manager, in English and Chinese.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot_wizard.py
Data: corrections made from synthetic screens in a temporary data folder. The Training and Result
pages are fed from a canned JSON-lines run (no real training needed).
Writes docs/screenshots/wizard_<page>_<en|zh>.png and models_<en|zh>.png.
"""
from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PAGES = ("data", "check", "settings", "training", "result")
STEPS = 60


def wait(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def canned_events(until_step: int | None) -> list[dict]:
    """A plausible quick rec run: loss falling, validation accuracy 62 % -> 88 %."""
    events = [{"event": "log", "message": "loading data for 'lcd-20250301-1030' (base model lcd-default, training on cpu)"},
              {"event": "log", "message": "data: det_train 40, det_val 8, rec_train 412, rec_val 96, skipped 0"},
              {"event": "metric", "stage": "rec", "name": "accuracy", "value": 0.62, "when": "before", "split": "val"}]
    last = STEPS if until_step is None else until_step
    for step in range(1, last + 1):
        loss = 0.35 + 2.4 * math.exp(-step / 14) + 0.08 * math.sin(step * 1.7)
        events.append({"event": "progress", "stage": "rec", "step": step, "steps": STEPS, "loss": round(loss, 4),
                       "eta_s": round(9.2 * (STEPS - step), 1)})
        if step % 10 == 0:
            value = 0.62 + 0.26 * (1 - math.exp(-step / 18))
            events.append({"event": "metric", "stage": "rec", "name": "accuracy", "value": round(value, 4),
                           "when": f"step {step}", "split": "val"})
    return events


def done_event(name: str) -> dict:
    examples = [("100.07", "10007", "100.07"), ("-1.25", "8.8.25", "-1.25"), ("23.5", "23.S", "23.5"),
                ("30.0", "300", "30.0"), ("kPa", "KPa", "kPa"), ("778", "118", "778")]
    return {"event": "done", "name": name, "cancelled": False, "seconds": 612.4, "model": name, "activated": True,
            "reason": "activated",
            "data": {"det_train": 40, "det_val": 8, "rec_train": 412, "rec_val": 96, "screens": 14},
            "readings": {"metric": "accuracy", "screens": 14,
                         "counts": {"pressure-gauge": 12, "smoke-dust-sampler": 14, "thermo-hygrometer": 25},
                         "before": {"accuracy": 0.71, "accuracy@pressure-gauge": 11 / 12,
                                    "accuracy@smoke-dust-sampler": 0.64, "accuracy@thermo-hygrometer": 0.8},
                         "after": {"accuracy": 0.93, "accuracy@pressure-gauge": 10 / 12,
                                   "accuracy@smoke-dust-sampler": 0.93, "accuracy@thermo-hygrometer": 0.92},
                         "changed_examples": [{"expected": "大气压 100.07 kPa", "before": "大气压 10007 kPa",
                                               "after": "大气压 100.07 kPa"},
                                              {"expected": "计前压力 -1.25 kPa", "before": "—",
                                               "after": "计前压力 -1.25 kPa"}]},
            "stages": {"rec": {"metric": "accuracy", "best_step": 60, "steps_done": 60, "seconds_per_step": {},
                               "before": {"accuracy": 0.62, "norm_edit_dis": 0.97, "general_text_accuracy": 0.83,
                                          "accuracy@smoke-dust-sampler": 0.55, "accuracy@thermo-hygrometer": 0.7},
                               "after": {"accuracy": 0.88, "norm_edit_dis": 0.963, "general_text_accuracy": 0.84,
                                         "accuracy@smoke-dust-sampler": 0.9, "accuracy@thermo-hygrometer": 0.85},
                               "changed_examples": [{"expected": e, "before": b, "after": a} for e, b, a in examples]}}}


def make_store(home: Path):
    """Corrections in a session store, made from synthetic screen crops, for three instruments."""
    from desktop.core.store import SessionStore
    from desktop.core.training.synth.dataset import generate_dataset

    generate_dataset(home / "synth", 6, seed=11)
    store = SessionStore(home)
    session = store.new_session()
    templates = ["烟尘采样器", "数字压力计", None]
    lines = [ln.split("\t", 1) for ln in (home / "synth" / "rec_gt.txt").read_text(encoding="utf-8").splitlines()]
    for number, (path, text) in enumerate(lines):
        png = (home / "synth" / path).read_bytes()
        image_id = store.add_image(session, "file", f"shot{number}.png", data=png)
        box = {"text": text, "score": 0.6, "points": [[0, 0], [10, 0], [10, 5], [0, 5]]}
        store.save_result(image_id, width=10, height=5, device="cpu", model="lcd-default", elapsed_ms=1.0,
                          boxes=[box], readings=[])
        store.add_correction(image_id, kind="box", original=text[:-1] + "8" if text else "8", corrected=text,
                             boxes=[box], readings=[], box_index=0, crop_png=png,
                             template=templates[(number // 4) % 3])
    store.close()
    return home / "sessions.sqlite3"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="lcdreader-wizard-shot-"))
    os.environ["LCDREADER_HOME"] = str(home)

    from PySide6.QtWidgets import QApplication

    from desktop.core.models import registry
    from desktop.core.training.run_state import RunState
    from desktop.ui import i18n, theme
    from desktop.ui.dialogs.model_manager import ModelManagerDialog
    from desktop.ui.wizard.finetune_wizard import FinetuneWizard

    sys.path.insert(0, str(ROOT / "tests" / "gui"))
    from wizard_helpers import make_version

    app = QApplication(sys.argv)
    theme.apply_theme(app)
    store_file = make_store(home)
    make_version("lcd-20250212-0915", 0.81, "2025-02-12T09:15:00+00:00")
    make_version("lcd-20250301-1030", 0.88, "2025-03-01T10:30:00+00:00")
    registry.activate("lcd-20250212-0915")
    registry.activate("lcd-20250301-1030")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    for lang, suffix in (("en", "en"), ("zh_CN", "zh")):
        i18n.install_language(lang)
        wizard = FinetuneWizard(store_file, gpu=False)
        training = wizard.training_page

        def canned_start(page=training):  # the Training page without a process: a canned run
            job = page.state.job
            page.run = RunState(list(job.tasks), {t: getattr(job, t).steps for t in job.tasks})
            page.work = None
            page._status = ("starting", {})
            for event in canned_events(41):
                page.on_event(event)

        training.start = canned_start
        wizard.resize(1000, 740)
        wizard.show()
        wait(app, 0.5)
        check_drops = 2
        for page in PAGES:
            if page == "check":
                grid = wizard.check_page.train_grid
                for row in range(min(check_drops, grid.count())):
                    grid.toggle(grid.item(row * 3))
            if page == "settings":
                wizard.settings_page.name.setText("lcd-20250301-1030b")
                wizard.settings_page.advanced_toggle.setChecked(True)  # the numbers, the rate "automatic"
            if page == "result":
                for event in canned_events(None)[len(canned_events(41)):] + [done_event("lcd-20250301-1030")]:
                    training.on_event(event)
                training._on_finished(0, False)
                wizard.next()
            wait(app, 0.4)
            path = out / f"wizard_{page}_{suffix}.png"
            wizard.grab().save(str(path))
            print("wrote", path)
            if page in ("data", "check", "settings"):
                wizard.next()
        wizard.training_page.process.stop_and_wait(1000)
        wizard.hide()
        wizard.deleteLater()
        manager = ModelManagerDialog()
        manager.resize(980, 420)
        manager.show()
        manager.select("lcd-20250301-1030")
        wait(app, 0.4)
        path = out / f"models_{suffix}.png"
        manager.grab().save(str(path))
        print("wrote", path)
        manager.close()
    i18n.install_language("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
