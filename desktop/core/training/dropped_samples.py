"""The samples the technician unticked on the finetune wizard's Check page, kept for the next run (a wrong
label stays out), in a file beside the session store."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from desktop.core.atomic_files import write_text_atomic

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
