"""The photos a technician accepted as read: a regression set that grows by itself.

Every photo the app read and nobody corrected was read right by the model in use: the technician saw
the readings and kept them. The wizard sends the latest of them, with those readings, along with a
finetune job; the run reads them with the current and the new model, and a new model that reads any
of them differently is not put in use without the technician seeing which ones (the wizard's result
page lists them). Issue 27: a detector that validated better lost values on later photos.
"""
from __future__ import annotations

from pathlib import Path

from desktop.core.training.payload import Source
from desktop.core.training.screens import Screen, write_screens

# The latest photos only: each is read twice (current and new model) at the end of a run, some 2 s
# on a 2-core CPU.
ACCEPTED_LIMIT = 40


def accepted_screens(store_file: str | Path | None, folder: Path, limit: int = ACCEPTED_LIMIT) -> list[Screen]:
    """The latest uncorrected session images that still have their image, with their readings."""
    from desktop.core.training.wizard_data import session_screens

    return session_screens(store_file, folder, lambda store: list(reversed(store.uncorrected_images(limit))))


def write_accepted_source(store_file: str | Path | None, out_dir: str | Path) -> Source | None:
    """The accepted photos as an "accepted" source of the job; None when there are none."""
    folder = Path(out_dir) / "accepted"
    screens = accepted_screens(store_file, folder / "images")
    if not screens:
        return None
    label_file = folder / "accepted.jsonl"
    write_screens(label_file, screens)
    return Source("accepted", str(label_file))


def read_differently(before: dict, after: dict) -> list[dict]:
    """The accepted photos the current model reads as accepted and the new one does not: image, the
    accepted readings, what the new model reads (``score_screens`` results with ``per_screen``)."""
    return [{"image": new["image"], "expected": old["expected"], "after": new["read"]}
            for old, new in zip(before.get("per_screen", []), after.get("per_screen", []))
            if old["right"] and not new["right"]]
