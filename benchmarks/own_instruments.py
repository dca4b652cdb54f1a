"""The product's promise on a lab's own instruments, synthetic: five instruments photographed again and
again; the first ~16 % of each one's photos labeled the way people label (values, units and mode words
boxed; case printing, buttons, titles and camera stamps not); `lcdreader finetune det`, then
`lcdreader finetune rec` on those labels with the CLI's defaults; then the later photos read by the
model in use.

    .venv/bin/python benchmarks/own_instruments.py [--photos 475] [--labeled 0.16] [--test 40]
        [--instruments scenes|fixed] [--compare-unlabeled] [--det-steps N] [--rec-steps N] [--minutes 15]
        [--stages det rec] [--keep DIR]

Instruments: ``scenes`` are the generator's named scenes (thin-segment LCD tester, backlit LCD, red-LED
panel or timer, HMI result table, clock / thermometer LCD: synth/scenes.py), ``fixed`` five fixed
instruments whose layout never changes (synth/instruments.py; its HMI table has 19x8 px values), as
unkind as a real lab's (issue 27): the insulation tester's `MΩ` shown and not boxed, the temperature
LCD not labeled at all, the later photos from other days (other ranges, light, angles, camera stamps).
Strict: a photo counts only if every value on it is read exactly with its unit (benchmarks/screens.py).
Reports strict per instrument before, after det and after det + rec; the time of each stage; what the
refuse-worse rule decided and on which score; validation score against steps (to choose default steps).
``--compare-unlabeled`` also finetunes det treating unboxed text as background (the old way), not used.
Everything lives in a scratch folder (its own LCDREADER_HOME): the app's models are not touched.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from screens import make_reader, screen_correct  # noqa: E402

SCENE_INSTRUMENTS = ("thin_lcd", "backlit_lcd", "led_panel", "hmi_table", "clock_lcd")


def photo_maker(kind: str):
    """(instrument names, photo(name, index, later) -> SyntheticScreen, labels(name, screen) -> the
    regions a technician boxes, or None for an instrument nobody labels)."""
    from desktop.core.training.synth.fonts import system_fonts

    fonts = system_fonts()
    if kind == "fixed":
        from desktop.core.training.synth.instruments import INSTRUMENTS, labels, photo

        by_name = {i.name: i for i in INSTRUMENTS}
        return (tuple(by_name), lambda name, index, later: photo(by_name[name], index, fonts, later),
                lambda name, screen: labels(by_name[name], screen) if by_name[name].labeled else None)
    from desktop.core.training.synth.dataset import make_screen

    return (SCENE_INSTRUMENTS,
            lambda name, index, _later: make_screen(f"lab-{name}-{index}", fonts, date_stamp=0.3, looks=[name]),
            lambda _name, screen: screen.partial_regions())


def write_lab(folder: Path, names, make, boxed, photos: int, labeled: int, test: int):
    """The labeled first photos (Label.txt, one folder per instrument, in the order they were taken) and
    the later ones to read."""
    from desktop.core.label_files import format_det_line

    lines, later = [], {}
    for name in names:
        (folder / name).mkdir(parents=True)
        for index in range(labeled):
            screen = make(name, index, False)
            regions = boxed(name, screen)
            if regions is None:  # nobody labels this instrument
                break
            path = f"{name}/{index:04d}.jpg"
            cv2.imwrite(str(folder / path), screen.image, [cv2.IMWRITE_JPEG_QUALITY, 92])
            lines.append(format_det_line(path, regions))
        later[name] = [make(name, index, True) for index in range(labeled, min(photos, labeled + test))]
    labels = folder / "Label.txt"
    labels.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return labels, later


def strict_per_instrument(model: str, later: dict, units) -> dict[str, float]:
    """Strict accuracy per instrument and in all; "extra": readings per photo beyond the expected ones."""
    from desktop.core.reading import extract_readings

    reader = make_reader(model)
    scores, extra = {}, 0
    for name, screens in later.items():
        right = 0
        for screen in screens:
            result = reader.read(screen.image)
            readings = extract_readings(result.boxes, image_size=(result.width, result.height))
            hits, count = screen_correct(screen.readings, readings, units)
            right += hits == count
            extra += max(len(readings) - hits, 0)
        scores[name] = right / max(len(screens), 1)
    total = sum(len(s) for s in later.values())
    scores["all"] = sum(scores[n] * len(s) for n, s in later.items()) / max(total, 1)
    scores["extra"] = extra / max(total, 1)
    return scores


def finetune(stage: str, labels: Path, args, work: Path, name: str, activate: str, unlabeled: str = "kept"):
    """One `lcdreader finetune STAGE --train LABELS` run, as the CLI builds it; (result, step scores)."""
    from desktop.commands.finetune import build_job, register
    from desktop.core.training.cancel import CancelToken
    from desktop.core.training.runner import run_job

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    argv = ["finetune", stage, "--train", str(labels), "--format", "det", "--name", name, "--device", "cpu",
            "--activate", activate, "--minutes", str(args.minutes), "--unlabeled-text", unlabeled]
    steps = args.det_steps if stage == "det" else args.rec_steps
    argv += ["--steps", str(steps)] if steps else []
    argv += ["--synthetic", str(args.synthetic)] if args.synthetic is not None else []
    job = build_job(parser.parse_args(argv))
    job.work_dir = str(work / name)
    curve = []

    def emit(event: dict) -> None:
        if event["event"] == "metric" and event["when"].startswith("step "):
            curve.append((int(event["when"][5:]), event["value"], event.get("readings")))
        elif event["event"] == "log":
            print(f"  [{name}] {event['message']}", file=sys.stderr, flush=True)

    return run_job(job, emit, CancelToken()), curve


def report_run(name: str, result: dict, curve: list) -> None:
    from desktop.commands.finetune import result_table

    print(f"\n### {name}: {result['seconds'] / 60:.1f} min in all")
    for stage, info in result["stages"].items():
        print(f"- {stage}: {info['seconds'] / 60:.1f} min, {info['steps_done']} steps (best step {info['best_step']}"
              f"{', stopped by its time budget' if info.get('out_of_time') else ''}); s/step: "
              + ", ".join(f"{k} {v:.2f}" for k, v in info["seconds_per_step"].items()))
    print("- validation against steps (stage score / whole-photo readings): "
          + ", ".join(f"{step}: {value:.3f}" + (f" / {readings:.3f}" if readings is not None else "")
                      for step, value, readings in curve))
    print(result_table(result))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=475,
                        help="photos per instrument (475 x 16 %%: 76 labeled each, 380 in all, as in issue 21)")
    parser.add_argument("--labeled", type=float, default=0.16, help="share of each instrument's photos labeled")
    parser.add_argument("--test", type=int, default=40, help="later photos read per instrument")
    parser.add_argument("--instruments", choices=("scenes", "fixed"), default="scenes")
    parser.add_argument("--compare-unlabeled", action="store_true",
                        help="also finetune det with unboxed text as background (not used afterwards)")
    parser.add_argument("--det-steps", type=int, help="default: the CLI's")
    parser.add_argument("--rec-steps", type=int, help="default: the CLI's")
    parser.add_argument("--synthetic", type=int, help="synthetic screens mixed in (default: the CLI's)")
    parser.add_argument("--minutes", type=float, default=15.0, help="time budget of each stage")
    parser.add_argument("--stages", nargs="+", choices=("det", "rec"), default=["det", "rec"],
                        help="which stages to finetune, in order (default: det rec)")
    parser.add_argument("--keep", metavar="DIR", help="work here and keep it (default: a temporary folder)")
    args = parser.parse_args()
    scratch = Path(args.keep or tempfile.mkdtemp(prefix="lcdreader-own-instruments-"))
    os.environ["LCDREADER_HOME"] = str(scratch / "home")  # the registry and the active model live here
    from desktop.core.models.registry import active_model_name
    from desktop.core.reading.units import load_units

    names, make, boxed = photo_maker(args.instruments)
    labeled = max(1, round(args.photos * args.labeled))
    labels, later = write_lab(scratch / "lab", names, make, boxed, args.photos, labeled, args.test)
    units = load_units()
    base = active_model_name()
    rows = {f"before ({base})": strict_per_instrument(base, later, units)}
    print(f"{len(names)} instruments ({args.instruments}), {labeled} labeled photos each "
          f"({len(labels.read_text(encoding='utf-8').splitlines())} in all, partial labels), {args.test} later "
          f"photos each read; base {base}")
    if args.compare_unlabeled:
        result, curve = finetune("det", labels, args, scratch, "own-det-background", "never", "background")
        report_run("det, unboxed text as background (not used)", result, curve)
        if result.get("model"):
            rows["det, unboxed text as background"] = strict_per_instrument(result["model"], later, units)
    read = {base: rows[f"before ({base})"]}
    for stage in args.stages:
        result, curve = finetune(stage, labels, args, scratch, f"own-{stage}", "if_not_worse")
        report_run(f"finetune {stage}", result, curve)
        if result.get("model"):
            read[result["model"]] = strict_per_instrument(result["model"], later, units)
            rows[f"{stage} candidate ({'in use' if result['activated'] else 'refused'})"] = read[result["model"]]
    final = active_model_name()
    rows[f"after: the model in use ({final})"] = read.get(final) or strict_per_instrument(final, later, units)
    print("\n| strict on the later photos | all | " + " | ".join(names) + " | extra readings / photo |")
    print("|---|---|" + "---|" * len(names) + "---|")
    for label, scores in rows.items():
        print(f"| {label} | {scores['all']:.1%} | " + " | ".join(f"{scores[n]:.1%}" for n in names)
              + f" | {scores['extra']:.1f} |")
    print(f"\nwork folder: {scratch}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
