"""Excel export as a short one-shot job on a QThreadPool, so the window never waits on the disk.

The job gets plain data (a copy of the records) and reports back through a QObject living in the GUI
thread; its signals reach the panel queued, in the GUI thread.
"""
from __future__ import annotations

import copy
import logging

from PySide6.QtCore import QObject, QRunnable, Signal

from desktop.core.records.excel.report import export_report

log = logging.getLogger(__name__)


class ExportSignals(QObject):
    done = Signal(str)        # the path written
    failed = Signal(object)   # the exception (ReportWriteError has .suggestion)


class ExportJob(QRunnable):
    def __init__(self, records: list, path: str, lang: str, photos: bool = False, append: bool = False,
                 replace: bool = False, history: list | None = None):
        super().__init__()
        self.setAutoDelete(False)  # the panel keeps it until its signal arrived
        self.records = copy.deepcopy(records)  # the technician may go on typing meanwhile
        self.path, self.lang, self.photos, self.append = path, lang, photos, append
        self.replace, self.history = replace, history
        self.signals = ExportSignals()

    def run(self) -> None:
        try:
            path = export_report(self.records, self.path, lang=self.lang, photos=self.photos, append=self.append,
                                 replace=self.replace, history=self.history)
        except Exception as exc:  # reported to the user; a worker must never die silently
            if not isinstance(exc, OSError):
                log.exception("export to %s failed", self.path)
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(str(path))
