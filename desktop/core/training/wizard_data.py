"""The finetune wizard's data, as plain Python: the technician's corrections and imported label files
as a list of samples the user can look at and drop, a train / validation split, and the label files
the training job reads. No Qt.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop.core.label_files import LabelError, format_rec_line, read_det_labels, read_rec_labels
from desktop.core.training.payload import Source
from desktop.core.training.screens import Screen, expected_readings, labeled_screen, write_screens
from desktop.core.training.train_val_split import capture_time, split_items

NO_TEMPLATE = ""


@dataclass(frozen=True)
class Sample:
    key: str              # unique: "c12" (correction id), "<label file>:<line>"
    kind: str             # "rec" (a text crop with its text) or "det" (a picture with text regions)
    origin: str           # "corrections" or the imported label file
    group: str            # instrument template for corrections, the label file name for imports
    text: str             # the label; for det a summary of the transcriptions
    shot: str             # samples of one shot share it (kept on one side of the split)
    png: bytes | None = None   # the crop, for corrections
    path: str | None = None    # the image file, for imports
    det_label: str | None = None  # the original det label JSON
    image_id: int | None = None   # the session image a correction was made on


def correction_samples(store_file: str | Path) -> list[Sample]:
    """The corrections of every session in the store that carry a crop."""
    from desktop.core.store.session_store import SessionStore
    from desktop.core.store.training_export import training_samples

    if not Path(store_file).is_file():
        return []
    store = SessionStore(store_file)
    try:
        return [Sample(f"c{s.correction_id}", "rec", "corrections", s.template or NO_TEMPLATE, s.text,
                       f"image{s.image_id}", png=s.crop_png, image_id=s.image_id) for s in training_samples(store)]
    finally:
        store.close()


def label_format(label_file: str | Path) -> str:
    """"det" when the labels are JSON region lists (PPOCRLabel Label.txt), else "rec"."""
    try:
        lines = [ln for ln in Path(label_file).read_text(encoding="utf-8-sig").splitlines() if "\t" in ln]
    except OSError as exc:
        raise LabelError(f"{label_file}: cannot be read ({exc.strerror or exc})") from exc
    if not lines:
        raise LabelError(f"{label_file}: no 'path<TAB>label' lines")
    label = lines[0].split("\t", 1)[1].strip()
    if label.startswith("["):
        try:
            if isinstance(json.loads(label), list):
                return "det"
        except ValueError:
            pass
    return "rec"


def imported_samples(label_file: str | Path, root: str | Path | None = None) -> list[Sample]:
    """Samples from a PaddleOCR / PPOCRLabel label file; paths are relative to ``root`` (default: its folder).
    Raises LabelError for a file that is not a label file."""
    label_file = Path(label_file)
    base = Path(root) if root else label_file.parent
    name = label_file.name if label_file.parent.name in ("", ".") else f"{label_file.parent.name}/{label_file.name}"
    samples = []
    if label_format(label_file) == "det":
        raw_lines = [ln for ln in label_file.read_text(encoding="utf-8-sig").splitlines() if ln.strip()]
        for number, (sample, line) in enumerate(zip(read_det_labels(label_file), raw_lines), start=1):
            texts = [r.text for r in sample.regions if not r.ignored]
            summary = " · ".join(texts[:4]) + (" …" if len(texts) > 4 else "")
            path = str((base / sample.path).resolve())
            samples.append(Sample(f"{label_file}:{number}", "det", str(label_file), name, summary, path,
                                  path=path, det_label=line.split("\t", 1)[1]))
    else:
        for number, sample in enumerate(read_rec_labels(label_file), start=1):
            path = str((base / sample.path).resolve())
            samples.append(Sample(f"{label_file}:{number}", "rec", str(label_file), name, sample.text,
                                  sample.path.split("#")[0], path=path))
    return samples


def split_samples(samples: list[Sample], val_fraction: float = 0.2) -> tuple[list[Sample], list[Sample]]:
    """Each instrument's (group's) latest samples validate (train_val_split.py); samples of one shot stay together
    (validation must not see a twin)."""
    group_of = {shot: number for number, shot in enumerate(dict.fromkeys(s.shot for s in samples))}
    return split_items(samples, [group_of[s.shot] for s in samples], val_fraction, [s.group for s in samples],
                       [capture_time(s.path) for s in samples])


def counts(samples: list[Sample]) -> dict[str, int]:
    return {"rec": sum(s.kind == "rec" for s in samples), "det": sum(s.kind == "det" for s in samples)}


def screen_count(samples: list[Sample]) -> int:
    """Whole screens these validation samples give for reading accuracy (see write_screen_source),
    at most: a session image may have lost its file or its readings."""
    return len({s.image_id for s in samples if s.image_id is not None}) + sum(s.kind == "det" for s in samples)


def photos_per_instrument(val: list[Sample]) -> dict[str, int]:
    """The whole photos each instrument's (group's) verdict rests on: its det-labeled validation photos
    and the session images its validation corrections were made on."""
    shots: dict[str, set] = {}
    for sample in val:
        if sample.kind == "det" or sample.image_id is not None:
            shots.setdefault(sample.group, set()).add(sample.key if sample.kind == "det" else sample.image_id)
    return {group: len(keys) for group, keys in sorted(shots.items())}


def write_sources(train: list[Sample], val: list[Sample], out_dir: str | Path) -> tuple[list[Source], list[Source]]:
    """Write the kept samples as PaddleOCR label files (crops of corrections as PNG files) and return
    the job's train and val sources. Validation always gets its files, even empty, so the job does
    not split again."""
    out = Path(out_dir)
    result = []
    for split, samples in (("train", train), ("val", val)):
        folder = out / split
        (folder / "crops").mkdir(parents=True, exist_ok=True)
        rec_lines, det_lines, rec_groups = [], [], []
        for sample in samples:
            if sample.kind == "det":
                det_lines.append(f"{sample.path}\t{sample.det_label}")
                continue
            path = sample.path
            if sample.png is not None:
                crop = folder / "crops" / f"{sample.key}.png"
                crop.write_bytes(sample.png)
                path = str(crop.resolve())
            rec_lines.append(format_rec_line(path, sample.text))
            rec_groups.append((sample.group, rec_lines[-1]))
        sources = []
        for kind, lines in (("rec", rec_lines), ("det", det_lines)):
            if not lines and not (split == "val" and kind == "rec"):
                continue
            by_group = {"": lines}
            if split == "val" and kind == "rec":  # one file per instrument: the result names each
                by_group = {}
                for group, line in rec_groups:
                    by_group.setdefault(group, []).append(line)
                by_group = by_group or {"": []}
            for number, (group, group_lines) in enumerate(sorted(by_group.items())):
                label_file = folder / (f"{kind}_gt.txt" if number == 0 else f"{kind}_gt.{number}.txt")
                label_file.write_text("".join(line + "\n" for line in group_lines), encoding="utf-8")
                sources.append(Source(kind, str(label_file), str(folder), group=group or None))
        result.append(sources)
    return result[0], result[1]


def write_screen_source(store_file: str | Path | None, val: list[Sample], out_dir: str | Path) -> Source | None:
    """The whole screens among the validation samples, as a "screens" source the job scores for
    reading accuracy: the session images behind corrections, with the readings as the technician left
    them, and det-labeled pictures, with the readings their true text gives. None when there are none."""
    folder = Path(out_dir) / "val" / "screens"
    screens = _session_screens(store_file, val, folder) + [
        screen for s in val if s.kind == "det" and s.det_label
        if (screen := labeled_screen(s.path, s.det_label, s.group)) is not None]
    if not screens:
        return None
    label_file = folder.parent / "screens.jsonl"
    write_screens(label_file, screens)
    return Source("screens", str(label_file))


def _session_screens(store_file: str | Path | None, val: list[Sample], folder: Path) -> list[Screen]:
    """Session images behind the validation corrections that still have a result with readings and an image."""
    image_ids = sorted({s.image_id for s in val if s.image_id is not None})
    return session_screens(store_file, folder, lambda _store: image_ids) if image_ids else []


def session_screens(store_file: str | Path | None, folder: Path, image_ids) -> list[Screen]:
    """The session images ``image_ids(store)`` names that still have a result with readings and an
    image, with those readings (an image held only in the store is written into ``folder``)."""
    from desktop.core.store.session_store import SessionStore

    if not store_file or not Path(store_file).is_file():
        return []
    store = SessionStore(store_file)
    try:
        screens = []
        for image_id in image_ids(store):
            result = store.result(image_id)
            readings = expected_readings(result.readings) if result else ()
            image = screen_image_file(store, image_id, folder) if readings else None
            if image is not None:
                screens.append(Screen(str(image), readings, result.template, result.template))
        return screens
    finally:
        store.close()


def screen_image_file(store, image_id: int, folder: Path) -> Path | None:
    """The image file of a session image: its own file, or its stored bytes written out."""
    row = store.image(image_id)
    if row is None:
        return None
    if row.path and Path(row.path).is_file():
        return Path(row.path)
    data = store.image_data(image_id) if row.has_data else None
    if not data:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"image{image_id}{Path(row.name).suffix or '.png'}"
    path.write_bytes(data)
    return path
