"""`lcdreader finetune rec|det --train LABELS [--val LABELS] --root DIR`: the friendly form of `train`.

Prints progress as it goes and, at the end, every score before and after (whole photos read right,
then the stage's scores), each per instrument (the images' folders, or the sources' groups) under its
total, with the scores that dropped marked: one drop keeps the current model (verdict.py).
"""
from __future__ import annotations

import sys
from datetime import datetime


def register(subparsers) -> None:
    parser = subparsers.add_parser("finetune", help="finetune det or rec on PaddleOCR label files")
    parser.add_argument("task", choices=("rec", "det"))
    parser.add_argument("--train", required=True, metavar="LABELS", help="training label file")
    parser.add_argument("--val", metavar="LABELS", help="validation label file (default: split from --train)")
    parser.add_argument("--root", metavar="DIR", help="folder the label paths are relative to")
    parser.add_argument("--format", choices=("det", "rec"), help="label format (default: det for det, "
                                                                   "rec for rec)")
    parser.add_argument("--name", help="name of the new model version (default: finetune-<date>)")
    parser.add_argument("--steps", type=int, default=None, help="training steps")
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--learning-rate", type=float, default=None,
                        help="default: the rate for the starting model (rec: 2e-4 from a stock recogniser, "
                             "3e-5 from one already finetuned; det: 1e-4)")
    parser.add_argument("--synthetic", type=int, default=100, metavar="N", help="synthetic screens mixed in")
    parser.add_argument("--device", choices=("auto", "cpu", "gpu"), default="auto")
    parser.add_argument("--base", default="default", help="model to start from (default: the active one)")
    parser.add_argument("--activate", choices=("if_not_worse", "always", "never"), default="if_not_worse")
    parser.add_argument("--minutes", type=float, default=15.0,
                        help="time budget of the stage: it stops in time, keeping its best checkpoint (default 15)")
    parser.add_argument("--unlabeled-text", choices=("kept", "unknown", "background"), default="kept",
                        help="det: text nobody boxed that the current detector finds is kept as text (default: "
                             "it does not unlearn what it reads), unknown (left out of the loss) or background "
                             "(every text is boxed)")
    parser.set_defaults(run=run)


def build_job(args):
    from desktop.core.training.payload import parse_job

    source_format = args.format or args.task
    stage = {key: value for key, value in (("steps", args.steps), ("batch_size", args.batch_size),
                                           ("learning_rate", args.learning_rate)) if value is not None}
    raw = {
        "name": args.name or f"finetune-{args.task}-{datetime.now():%Y%m%d-%H%M%S}",
        "tasks": [args.task], "base_model": args.base, "device": args.device, "activate": args.activate,
        "synthetic_screens": args.synthetic, "stage_minutes": args.minutes, "unlabeled_text": args.unlabeled_text,
        "train": [{"format": source_format, "path": args.train, "root": args.root}],
        "val": [{"format": source_format, "path": args.val, "root": args.root}] if args.val else [],
        args.task: stage,
    }
    return parse_job(raw, "finetune")


def run(args) -> int:
    from desktop.commands.train import execute
    from desktop.core.training.payload import PayloadError

    try:
        job = build_job(args)
    except PayloadError as exc:
        print(f"lcdreader: {exc}", file=sys.stderr)
        return 2
    return execute(job, human_emitter())


def human_emitter():
    """Events as lines a person reads; the final table on `done`."""

    def emit(event: dict) -> None:
        kind = event["event"]
        if kind == "progress":
            print(f"\r{event['stage']} step {event['step']}/{event['steps']}  loss {event['loss']:.4f}  "
                  f"ETA {event['eta_s']:.0f} s", end="", file=sys.stderr, flush=True)
        elif kind == "metric":
            print(f"\n{event['stage']} {event['name']} ({event['when']}): {event['value']:.4f}", file=sys.stderr)
        elif kind in ("log", "error"):
            print(f"{'error: ' if kind == 'error' else ''}{event['message']}", file=sys.stderr)
        elif kind == "done":
            print(result_table(event))

    return emit


SECTION_NAMES = {"readings": "whole photos", "det": "detection", "rec": "recognition"}


def _drop_mark(row) -> str:
    if not row.dropped:
        return ""
    if row.decides:
        return "  LOWER"
    return "  lower by one reading, not deciding" if row.one_reading else "  lower, not deciding"


def result_table(done: dict) -> str:
    """Every score shown, per instrument under each total; a drop that decides is marked LOWER, one
    shown for information (a stage score beside whole photos, an instrument one reading lower)
    "lower, not deciding"."""
    from desktop.core.training.verdict import score_rows, scored_sections

    rows = ["| scheme | score | instrument | before | after | change |", "|---|---|---|---|---|---|"]
    for row in score_rows(scored_sections(done)):
        change = f"{row.change * 100:+.1f} pt" if row.shown_change else "="
        rows.append(f"| {SECTION_NAMES.get(row.section, row.section)} | {row.metric} | {row.group or 'all'} | "
                    f"{row.before:.1%} | {row.after:.1%} | {change}{_drop_mark(row)} |")
    verdict = f"model '{done['model']}': {done['reason']}" if done.get("model") else done.get("reason", "")
    accepted = [f"accepted as read, now read otherwise: {ex['image']}: {ex['expected']} -> {ex['after']}"
                for ex in done.get("regressions") or []]
    return "\n".join(rows + ["", *budget_notes(done), *accepted, verdict])


def budget_notes(done: dict) -> list[str]:
    """A stage that ended at its time budget says so, and what it gave up (issue 27: det ran 93 of 160
    steps, rec 77 of 120, and nothing said it)."""
    return [f"{stage}: stopped by its time budget ({info.get('minutes') or 0:g} min) after step {info['steps_done']}"
            f" of {info['steps_planned']}: {info['steps_planned'] - info['steps_done']} planned steps not run; "
            f"kept step {info['best_step']}"
            for stage, info in done.get("stages", {}).items() if info.get("out_of_time") and "steps_planned" in info]
