"""What the finetune wizard's pages share: the samples, what the user dropped, the job, the result.
Plain Python: the pages read and write it, the wizard owns it. The rules it uses are the core's
(core/training/wizard_data.py, dropped_samples.py; a new model's name: core/models/new_names.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.training.dropped_samples import save_dropped
from desktop.core.training.payload import TrainJob
from desktop.core.training.presets import preset
from desktop.core.training.wizard_data import Sample


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
