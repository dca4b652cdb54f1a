"""What the finetune wizard's pages share: the samples, what the user dropped, the job, the result.
Plain Python: the pages read and write it, the wizard owns it."""
from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.atomic_files import write_text_atomic
from desktop.core.models.registry import check_name, list_versions
from desktop.core.ocr.types import ModelError
from desktop.core.training.payload import TrainJob
from desktop.core.training.presets import preset
from desktop.core.training.wizard_data import Sample

log = logging.getLogger(__name__)
DROPPED_FILE = "wizard_dropped.json"  # beside the session store: the samples unticked on the Check page


def load_dropped(store_file: Path | None) -> set[str]:
    """The sample keys the technician dropped in earlier runs (a damaged file drops nothing)."""
    path = Path(store_file).parent / DROPPED_FILE if store_file else None
    if path is None or not path.is_file():
        return set()
    try:
        keys = json.loads(path.read_text(encoding="utf-8"))
        return {str(k) for k in keys} if isinstance(keys, list) else set()
    except (OSError, ValueError) as exc:
        log.warning("%s unreadable, no sample is dropped: %s", path, exc)
        return set()


def save_dropped(store_file: Path | None, keys: set[str]) -> None:
    """Atomically (``atomic_files``): a crash leaves the old list or the new one."""
    if not store_file:
        return
    path = Path(store_file).parent / DROPPED_FILE
    try:
        write_text_atomic(path, json.dumps(sorted(keys), ensure_ascii=False))
    except OSError as exc:  # the run goes on; only the memory of the choice is lost
        log.warning("dropped samples not saved to %s: %s", path, exc)


def new_model_name() -> str:
    taken = {v.name for v in list_versions()}
    base = time.strftime("lcd-%Y%m%d-%H%M")
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


def name_problem(name: str) -> str | None:
    """None when ``name`` can be a new model's name, else the reason (English; the UI translates)."""
    try:
        check_name(name)
    except ModelError:
        return "invalid"
    if name in {v.name for v in list_versions()}:
        return "taken"
    return None


@dataclass
class WizardState:
    store_file: Path | None
    samples: list[Sample] = field(default_factory=list)       # every sample offered (corrections + imports)
    excluded_groups: set[str] = field(default_factory=set)    # group keys unticked on the Data page
    imported: list[str] = field(default_factory=list)         # label files added on the Data page
    dropped: set[str] = field(default_factory=set)            # sample keys unticked on the Check page
    train: list[Sample] = field(default_factory=list)         # after the split, dropped ones removed
    val: list[Sample] = field(default_factory=list)
    job: TrainJob = field(default_factory=lambda: TrainJob(name="new", rec=preset("quick", "rec"),
                                                           det=preset("quick", "det"), synthetic_screens=40))
    result: dict | None = None
    gpu: bool | None = None  # from the running OCR engine: None while unknown

    def group_key(self, sample: Sample) -> str:
        return f"{sample.origin}|{sample.group}"

    def included(self) -> list[Sample]:
        return [s for s in self.samples if self.group_key(s) not in self.excluded_groups]

    def kept(self, samples: list[Sample]) -> list[Sample]:
        return [s for s in samples if s.key not in self.dropped]

    def remember_dropped(self) -> None:
        """Keep the Check page's choices for the next run (a wrong label stays out)."""
        save_dropped(self.store_file, self.dropped)
