"""The refuse-worse guard, asked again about a saved own_instruments.py run: the run's labels are split
and scored as the code in this checkout does (each instrument's latest photos validate, a unit nobody
boxed is left open), the base and the run's candidate read those validation photos, and the verdict is
printed as `lcdreader finetune` prints it. Shows what the guard says today about a candidate an older
guard activated, without training again.

``--accepted N``: the lab also used the app between labeling and finetuning: N later photos of each
instrument (other days, as the ones read after finetuning, never those) that the base read right are
the photos the technician accepted as read (accepted.py); the candidate reading any of them otherwise
is not put in use, and they are listed.

    .venv/bin/python benchmarks/guard_rescore.py /work/runs/i27-before [--base lcd-default] [--model own-det]
        [--accepted 20]
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
ACCEPTED_FIRST_INDEX = 10_000  # photo numbers of the accepted ones: far from the labeled and the read ones


def accepted_photos(run: Path, per_instrument: int, base, device) -> list:
    """Later photos of each instrument that ``base`` reads right: what the technician accepted."""
    import cv2
    from own_instruments import photo_maker

    from desktop.core.training.runner import _read_screens
    from desktop.core.training.screens import Screen

    names, make, _ = photo_maker("fixed")
    folder = run / "accepted"
    folder.mkdir(exist_ok=True)
    shown = []
    for name in names:
        for index in range(ACCEPTED_FIRST_INDEX, ACCEPTED_FIRST_INDEX + per_instrument):
            screen = make(name, index, True)
            path = folder / f"{name}-{index}.jpg"
            cv2.imwrite(str(path), screen.image, [cv2.IMWRITE_JPEG_QUALITY, 92])
            shown.append(Screen(str(path), tuple(screen.readings), None, name))
    read = _read_screens(base, shown, device)["per_screen"]
    return [screen for screen, outcome in zip(shown, read) if outcome["right"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", help="the --keep folder of benchmarks/own_instruments.py")
    parser.add_argument("--base", default="lcd-default")
    parser.add_argument("--model", default="own-det")
    parser.add_argument("--accepted", type=int, default=0, metavar="N", help="accepted photos per instrument")
    args = parser.parse_args()
    run = Path(args.run)
    os.environ["LCDREADER_HOME"] = str(run / "home")
    from desktop.commands.finetune import result_table
    from desktop.core.models.registry import resolve_model
    from desktop.core.ocr.device import choose_device
    from desktop.core.training.accepted import read_differently
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
    regressions = []
    if args.accepted:
        accepted = accepted_photos(run, args.accepted, resolve_model(args.base), device)
        regressions = read_differently(_read_screens(resolve_model(args.base), accepted, device),
                                       _read_screens(resolve_model(args.model), accepted, device))
        print(f"{len(accepted)} photos accepted as read (of {5 * args.accepted}); read otherwise by the candidate: "
              + ", ".join(f"{name} {sum(name in r['image'] for r in regressions)}"
                          for name in sorted({Path(s.image).name.rsplit('-', 1)[0] for s in accepted})))
    rows = score_rows(scored_sections({"readings": readings}))
    dropped, gained = drops(rows), gains(rows)
    reason = ("kept the current model: the new one scored lower on " + "; ".join(r.describe() for r in dropped)
              if dropped else f"kept the current model: it reads {len(regressions)} accepted photo(s) otherwise"
              if regressions else "activated" if gained else "kept the current model: no better")
    print(f"{len(screens)} validation photos (each instrument's latest), "
          + ", ".join(f"{group} {count}" for group, count in sorted(before["counts"].items())) + " readings")
    print(result_table({"readings": readings, "stages": {}, "model": args.model, "reason": reason,
                        "regressions": regressions[:8]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
