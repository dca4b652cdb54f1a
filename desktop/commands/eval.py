"""`lcdreader eval det|rec --gt LABELS --root DIR`: score the models on PaddleOCR-format labels.

The LAST line of output is ``key=value`` pairs, for scripts.
"""
from __future__ import annotations

import sys
from pathlib import Path

from desktop.commands.common import Progress, add_engine_options, create_engine


def register(subparsers) -> None:
    parser = subparsers.add_parser("eval", help="evaluate detection or recognition on labeled images")
    parser.add_argument("task", choices=("det", "rec"))
    parser.add_argument("--gt", required=True, metavar="LABELS", help="PaddleOCR label file")
    parser.add_argument("--root", default=None, metavar="DIR", help="folder the label paths are relative to "
                                                                     "(default: the label file's folder)")
    add_engine_options(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from desktop.core.label_files import LabelError, read_det_labels, read_rec_labels
    from desktop.core.ocr_metrics.evaluate import evaluate_detection, evaluate_recognition

    root = Path(args.root) if args.root else Path(args.gt).parent
    try:
        samples = (read_det_labels if args.task == "det" else read_rec_labels)(Path(args.gt))
    except LabelError as exc:
        print(f"lcdreader: {exc}", file=sys.stderr)
        return 2
    if not samples:
        print(f"lcdreader: {args.gt} has no labels", file=sys.stderr)
        return 2
    engine = create_engine(args)
    if engine is None:
        return 2
    bar = Progress(len(samples), f"eval {args.task}")
    progress = lambda fraction, _name: bar.update(round(fraction * len(samples)))  # noqa: E731
    if args.task == "det":
        result = evaluate_detection(engine.detector.detect, samples, root, progress)
        errors = result.errors
        counts = result.counts
        print(f"model {engine.model_name} on {engine.device}: {result.images} images, "
              f"{counts.gt_cared} text regions, {counts.det_cared} detections, {counts.matched} matched")
        summary = (f"hmean={counts.hmean:.4f} precision={counts.precision:.4f} recall={counts.recall:.4f} "
                   f"images={result.images}")
    else:
        result = evaluate_recognition(engine.recognize_crops, samples, root, progress=progress)
        errors = result.errors
        score = result.score
        print(f"model {engine.model_name} on {engine.device}: {score.total} crops, {score.correct} exact")
        for expected, predicted in score.mistakes[:10]:
            print(f"  expected {expected!r} read {predicted!r}")
        summary = f"accuracy={score.accuracy:.4f} norm_edit_dis={score.norm_edit:.4f} images={score.total}"
    for message in errors:
        print(f"skipped: {message}", file=sys.stderr)
    print(summary)
    return 0
