"""The refuse-worse guard, asked again about a saved own_instruments.py run: the run's labels are split
and scored as the code in this checkout does (each instrument's latest photos validate, a unit nobody
boxed is left open), the base and the run's candidate read those validation photos, and the verdict is
printed as `lcdreader finetune` prints it. Shows what the guard says today about a candidate an older
guard activated, without training again.

    .venv/bin/python benchmarks/guard_rescore.py /work/runs/i27-before [--base lcd-default] [--model own-det]
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", help="the --keep folder of benchmarks/own_instruments.py")
    parser.add_argument("--base", default="lcd-default")
    parser.add_argument("--model", default="own-det")
    args = parser.parse_args()
    run = Path(args.run)
    os.environ["LCDREADER_HOME"] = str(run / "home")
    from desktop.commands.finetune import result_table
    from desktop.core.models.registry import resolve_model
    from desktop.core.ocr.device import choose_device
    from desktop.core.training.job_data import load_job_data
    from desktop.core.training.payload import parse_job
    from desktop.core.training.runner import _read_screens, _scores
    from desktop.core.training.verdict import drops, gains, score_rows, scored_sections

    job = parse_job({"name": "rescore", "synthetic_screens": 0,
                     "train": [{"format": "det", "path": str(run / "lab" / "Label.txt")}]})
    screens = load_job_data(job).screens
    device = choose_device("cpu")
    before = _read_screens(resolve_model(args.base), screens, device)
    after = _read_screens(resolve_model(args.model), screens, device)
    readings = {"metric": "accuracy", "counts": before["counts"], "before": _scores(before), "after": _scores(after)}
    rows = score_rows(scored_sections({"readings": readings}))
    dropped, gained = drops(rows), gains(rows)
    reason = ("kept the current model: the new one scored lower on " + "; ".join(r.describe() for r in dropped)
              if dropped else "activated" if gained else "kept the current model: no better")
    print(f"{len(screens)} validation photos (each instrument's latest), "
          + ", ".join(f"{group} {count}" for group, count in sorted(before["counts"].items())) + " readings")
    print(result_table({"readings": readings, "stages": {}, "model": args.model, "reason": reason}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
