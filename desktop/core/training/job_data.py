"""Gather a job's data: the user's labeled sources, split without leaking near-duplicates, plus
synthetic screens (validated on seeds never trained on)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from desktop.core.label_files import DetRegion
from desktop.core.training.general_text import general_text_items
from desktop.core.training.payload import Source, TrainJob
from desktop.core.training.samples import (
    DetItem,
    RecItem,
    det_items_from_labels,
    downscaled,
    rec_items_from_corrections,
    rec_items_from_det_items,
    rec_items_from_labels,
)
from desktop.core.training.screens import Screen, read_screens, screen_from_regions
from desktop.core.training.train_val_split import capture_time, shot_groups, split_items

SYNTHETIC_VAL_SEED_OFFSET = 1_000_003  # validation screens come from seeds training never sees


@dataclass
class JobData:
    det_train: list[DetItem] = field(default_factory=list)
    det_val: list[DetItem] = field(default_factory=list)
    rec_train: list[RecItem] = field(default_factory=list)
    rec_val: list[RecItem] = field(default_factory=list)
    screens: list[Screen] = field(default_factory=list)  # whole screens, for reading accuracy
    accepted: list[Screen] = field(default_factory=list)  # screens accepted as read: none may read otherwise
    skipped: list[str] = field(default_factory=list)
    digest: str = ""

    def summary(self) -> dict:
        return {"det_train": len(self.det_train), "det_val": len(self.det_val), "rec_train": len(self.rec_train),
                "rec_val": len(self.rec_val), "screens": len(self.screens), "accepted": len(self.accepted),
                "skipped": len(self.skipped),
                "sha256": self.digest}


def _root(source: Source) -> Path:
    return Path(source.root) if source.root else Path(source.path).parent


def load_sources(sources: list[Source], skipped: list[str]) -> tuple[list[DetItem], list[RecItem]]:
    det_items: list[DetItem] = []
    rec_items: list[RecItem] = []
    for source in sources:
        if source.format == "det":
            items = det_items_from_labels(Path(source.path), _root(source), skipped)
            det_items += [replace(item, group=source.group) for item in items] if source.group else items
            continue
        if source.format == "rec":
            items = rec_items_from_labels(Path(source.path), _root(source), skipped)
        else:
            items = rec_items_from_corrections(Path(source.path), skipped)
        rec_items += [replace(item, group=source.group) for item in items] if source.group else items
    return det_items, rec_items


def _split_det(items: list[DetItem], fraction: float) -> tuple[list[DetItem], list[DetItem]]:
    return split_items(items, shot_groups([i.image for i in items]), fraction, [i.group for i in items],
                       [capture_time(i.path) for i in items])


def _split_rec(items: list[RecItem], fraction: float) -> tuple[list[RecItem], list[RecItem]]:
    # Crops of one photo ('photo.png#3') or one correction share a group: they were taken together.
    names = [i.name.split("#")[0] for i in items]
    group_of = {name: number for number, name in enumerate(dict.fromkeys(names))}
    return split_items(items, [group_of[n] for n in names], fraction, [i.group for i in items])


def synthetic_items(count: int, seed: int, looks: list[str] | None = None) -> list[DetItem]:
    from desktop.core.training.synth.dataset import make_screen
    from desktop.core.training.synth.fonts import system_fonts

    fonts = system_fonts()
    items = []
    for index in range(count):
        screen = make_screen(f"{seed}-{index}", fonts, looks=looks)
        regions = tuple(DetRegion(r.text, tuple(map(tuple, r.points.tolist())), r.ignored) for r in screen.regions)
        items.append(DetItem(screen.image, regions, f"synthetic-{seed}-{index}", complete=True))
    return items


def one_group_is_none(items: list[DetItem]) -> list[DetItem]:
    """Photos all in one folder are no instruments to tell apart: no per-group scores for them."""
    return [replace(item, group="") for item in items] if len({i.group for i in items}) == 1 else items


def labeled_screens(items: list[DetItem]) -> list[Screen]:
    """The det-labeled validation photos as whole screens: the readings their labeled text gives."""
    return [screen for item in items if item.path
            if (screen := screen_from_regions(item.path, item.regions, item.group or None)) is not None]


def data_digest(sources: list[Source], job: TrainJob) -> str:
    digest = hashlib.sha256()
    for source in sources:
        path = Path(source.path)
        digest.update(source.format.encode() + path.name.encode())
        if path.is_file():
            digest.update(path.read_bytes())
    digest.update(f"synthetic {job.synthetic_screens} {job.synthetic_seed}".encode())
    if job.synthetic_looks is not None:
        digest.update(f"looks {sorted(job.synthetic_looks)}".encode())
    return digest.hexdigest()


def load_job_data(job: TrainJob) -> JobData:
    data = JobData(digest=data_digest(job.train + job.val, job))
    det_items, rec_items = load_sources(job.train, data.skipped)
    val_sources = [source for source in job.val if source.format not in ("screens", "accepted")]
    screen_sources = [source for source in job.val if source.format == "screens"]
    data.accepted = [screen for source in job.val if source.format == "accepted"
                     for screen in read_screens(source.path, data.skipped)]
    if val_sources:
        data.det_train, data.rec_train = det_items, rec_items
        data.det_val, data.rec_val = load_sources(val_sources, data.skipped)
    else:
        data.det_train, data.det_val = _split_det(det_items, job.val_fraction)
        data.rec_train, data.rec_val = _split_rec(rec_items, job.val_fraction)
    data.det_train, data.det_val = one_group_is_none(data.det_train), one_group_is_none(data.det_val)
    # Whole photos decide: the wizard lists its screens; otherwise the det-labeled validation photos.
    data.screens = [screen for source in screen_sources for screen in read_screens(source.path, data.skipped)] \
        if screen_sources else labeled_screens(data.det_val)
    if job.synthetic_screens > 0:
        val_count = max(2, round(job.synthetic_screens * job.val_fraction))
        data.det_train += synthetic_items(job.synthetic_screens, job.synthetic_seed, job.synthetic_looks)
        data.det_val += synthetic_items(val_count, job.synthetic_seed + SYNTHETIC_VAL_SEED_OFFSET, job.synthetic_looks)
    # Recognition also learns from every det-labeled screen, cut as the engine cuts.
    data.rec_train += rec_items_from_det_items(data.det_train)
    data.rec_val += rec_items_from_det_items(data.det_val)
    if job.general_text_fraction > 0 and data.rec_train:
        share = job.general_text_fraction / (1 - job.general_text_fraction)
        data.rec_train += general_text_items(round(share * len(data.rec_train)), job.synthetic_seed)
        data.rec_val += general_text_items(max(20, round(share * len(data.rec_val))),
                                           job.synthetic_seed + SYNTHETIC_VAL_SEED_OFFSET)
    data.det_train = [downscaled(i) for i in data.det_train]
    data.det_val = [downscaled(i) for i in data.det_val]
    return data
