"""The store's own errors: callers (the UI, the CLI) never see a database driver's exceptions."""
from __future__ import annotations


class StoreError(Exception):
    """The store could not do what was asked; the message says why."""


class StoreUnavailable(StoreError):
    """The lab server cannot be reached (or went away during a save): nothing was half-saved."""


class DuplicateKey(StoreError):
    """Another PC stored a row with the same key (a record number) a moment ago."""


class KeptLocally(StoreUnavailable):
    """The server is away: the save waits on this PC and is sent when the server is back."""


class RecordLockedError(StoreError, ValueError):
    """An issued revision would be changed; make a new revision instead."""


class EditConflict(StoreError):
    """Someone else saved the record after this PC read it; this PC's edits were kept as a draft."""

    def __init__(self, number: str, changed_by: str, changed_at: str, draft_id: str = ""):
        self.number, self.changed_by, self.changed_at, self.draft_id = number, changed_by, changed_at, draft_id
        super().__init__(f"{number} was changed by {changed_by or 'someone'} at {changed_at} after you opened it: "
                         f"your edits were kept as a draft to merge")
