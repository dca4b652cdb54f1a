"""`lcdreader train` as a separate process read through QProcess: a crash or an out-of-memory in
training never takes the app down.

stdout carries JSON lines (one event each); stderr carries Paddle's noise, which goes to the log
and is never parsed. ``stop()`` asks the run to end after its current step (the cancel file and
SIGTERM), keeping the best checkpoint; ``kill()`` is the last resort.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal, Slot

from desktop.core.training.launch import train_command
from desktop.core.training.run_state import parse_line

log = logging.getLogger(__name__)


class TrainProcess(QObject):
    event = Signal(object)        # an event dict
    logLine = Signal(str)         # stderr and stray stdout lines
    finished = Signal(int, bool)  # exit code, crashed

    command_for = staticmethod(train_command)  # tests replace it with a fake training script

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.process = QProcess(self)
        self.process.setObjectName("train-process")
        self.process.readyReadStandardOutput.connect(self._read_stdout)
        self.process.readyReadStandardError.connect(self._read_stderr)
        self.process.finished.connect(self._on_finished)
        self.process.errorOccurred.connect(self._on_error)
        self._out = b""
        self._err = b""
        self.cancel_file: Path | None = None
        self.stopping = False

    def start(self, payload: Path, cancel_file: Path | None = None) -> None:
        self.cancel_file = cancel_file
        if cancel_file is not None and cancel_file.exists():
            cancel_file.unlink()
        program, *args = self.command_for(payload)
        log.info("starting training: %s %s", program, " ".join(args))
        self.stopping = False
        self.process.start(program, args)

    def running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def stop(self) -> None:
        """Ask for a clean stop after the current step (the best checkpoint is kept)."""
        if not self.running():
            return
        self.stopping = True
        if self.cancel_file is not None:
            try:
                self.cancel_file.parent.mkdir(parents=True, exist_ok=True)
                self.cancel_file.write_text("cancel\n", encoding="utf-8")
            except OSError as exc:
                log.warning("cannot write the cancel file: %s", exc)
        self.process.terminate()  # SIGTERM: the run stops after its current step

    def stop_and_wait(self, timeout_ms: int = 60000) -> bool:
        """Stop and block until the process has ended (kill it after ``timeout_ms``)."""
        if not self.running():
            return True
        self.stop()
        if self.process.waitForFinished(timeout_ms):
            return True
        log.error("training did not stop within %d ms: killing it", timeout_ms)
        self.process.kill()
        return self.process.waitForFinished(5000)

    # -- reading ----------------------------------------------------------------------------------
    @Slot()
    def _read_stdout(self) -> None:
        self._out += bytes(self.process.readAllStandardOutput())
        *lines, self._out = self._out.split(b"\n")
        for raw in lines:
            self._line(raw)

    def _line(self, raw: bytes) -> None:
        text = raw.decode("utf-8", errors="replace").rstrip("\r")
        if not text.strip():
            return
        event = parse_line(text)
        if event is None:
            self.logLine.emit(text)
        else:
            self.event.emit(event)

    @Slot()
    def _read_stderr(self) -> None:
        self._err += bytes(self.process.readAllStandardError())
        *lines, self._err = self._err.split(b"\n")
        for raw in lines:
            text = raw.decode("utf-8", errors="replace").rstrip()
            if text:
                self.logLine.emit(text)

    @Slot(int, QProcess.ExitStatus)
    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read_stdout()
        self._read_stderr()
        for rest in (self._out, self._err):
            if rest.strip():
                self._line(rest)
        self._out = self._err = b""
        crashed = status == QProcess.ExitStatus.CrashExit
        log.info("training process ended: code %s%s", code, " (crashed)" if crashed else "")
        self.finished.emit(code, crashed)

    @Slot(QProcess.ProcessError)
    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.logLine.emit(f"the training process could not start: {self.process.errorString()}")
            self.finished.emit(-1, True)
