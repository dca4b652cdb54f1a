"""A cancel token for long jobs: set by a signal, by a file appearing, or by the caller."""
from __future__ import annotations

import signal
from pathlib import Path


class CancelToken:
    def __init__(self, cancel_file: str | Path | None = None):
        self._cancelled = False
        self._file = Path(cancel_file) if cancel_file else None

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        if not self._cancelled and self._file is not None and self._file.exists():
            self._cancelled = True
        return self._cancelled

    def cancel_on_sigterm(self) -> None:
        """SIGTERM (QProcess.terminate, a closing wizard) stops the run after the current step."""
        signal.signal(signal.SIGTERM, lambda _signum, _frame: self.cancel())
