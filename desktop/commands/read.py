"""`lcdreader read PATH...`: read images and write one JSON object per image (JSON Lines)."""
from __future__ import annotations

import json
import sys
import time
from contextlib import nullcontext

from desktop.commands.common import Progress, add_engine_options, create_engine
from desktop.core.paths import same_file


def register(subparsers) -> None:
    parser = subparsers.add_parser("read", help="read instrument screens into JSON Lines")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="image files or folders (searched recursively)")
    parser.add_argument("--out", metavar="FILE", help="write JSON Lines here instead of stdout")
    parser.add_argument("--template", default=None, help="instrument template for the readings (default: generic)")
    add_engine_options(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from desktop.core.ocr.images import find_images
    from desktop.core.reading import TemplateError, load_template

    try:
        template = load_template(args.template) if args.template else None
    except TemplateError as exc:
        print(f"lcdreader: {exc}", file=sys.stderr)
        return 2
    unreadable: list[str] = []
    images = find_images(args.paths, unreadable)
    for folder in unreadable:
        print(f"lcdreader: cannot read folder {folder}: its images are not read", file=sys.stderr)
    if not images:
        print("lcdreader: no images found in " + ", ".join(args.paths), file=sys.stderr)
        return 1
    if args.out and any(same_file(args.out, image) for image in images):
        print(f"lcdreader: --out {args.out} is one of the images to read: choose another file", file=sys.stderr)
        return 2
    engine = create_engine(args)
    if engine is None:
        return 2
    if len(images) > 1:  # memory then stays level over a folder; for one image it costs more than it saves
        try:
            engine.warm_up()
        except Exception as exc:  # noqa: BLE001  (Paddle's own errors: a model that loads but cannot run)
            print(f"lcdreader: model {engine.model_name} cannot run: {str(exc).strip()[:300]}", file=sys.stderr)
            return 2
    failures = len(unreadable)
    progress = Progress(len(images), "reading")
    try:
        sink = open(args.out, "w", encoding="utf-8") if args.out else nullcontext(sys.stdout)
    except OSError as exc:
        print(f"lcdreader: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    done = 0
    try:
        with sink as out:
            for done, path in enumerate(images, start=1):
                record = read_one(engine, path, template)
                failures += "error" in record
                out.write(json_line(record))
                out.flush()
                progress.update(done)
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise  # the reader went away (`| head`): the command line's own business
        where = args.out or "the output"
        print(f"lcdreader: cannot write {where}: {exc.strerror or exc}; stopped after {max(done - 1, 0)} of "
              f"{len(images)} images", file=sys.stderr)
        return 2
    return 1 if failures else 0


def json_line(record: dict) -> str:
    """One JSON Lines line. A file name that is not valid UTF-8 (a GBK name on Linux) comes in with
    surrogates; they are written as JSON escapes, which read back to the same name."""
    return json.dumps(record, ensure_ascii=False).encode("utf-8", "backslashreplace").decode("utf-8") + "\n"


def read_one(engine, path, template) -> dict:
    """The JSON object for one image: the contract checked from outside, keep its keys and order."""
    from desktop.core.models.errors import ModelError
    from desktop.core.ocr.images import load_image
    from desktop.core.ocr.types import OcrError
    from desktop.core.reading import extract_readings

    start = time.perf_counter()
    try:
        image = load_image(path)
        result = engine.read(image)
    except (OcrError, ModelError) as exc:
        return {"image": str(path), "error": str(exc)}
    except Exception as exc:  # noqa: BLE001  (an engine bug must not stop a folder of 500 photos)
        return {"image": str(path), "error": f"{path}: unexpected error: {type(exc).__name__}: {exc}"}
    readings = extract_readings(result.boxes, template, (result.width, result.height))
    return {
        "image": str(path),
        "width": result.width,
        "height": result.height,
        "device": result.device,
        "model": result.model,
        "boxes": [box.to_json() for box in result.boxes],
        "readings": [reading.to_json() for reading in readings],
        "elapsed_ms": round((time.perf_counter() - start) * 1000.0, 1),
    }
