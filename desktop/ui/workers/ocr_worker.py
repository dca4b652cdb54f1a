"""OCR on ONE long-lived thread that owns the engine (Paddle predictors are not thread-safe).

``OcrService`` lives in the UI thread; its ``OcrWorker`` lives in a ``QThread`` and creates the
engine there, so importing Paddle and loading models never blocks the window. The inbox has two
lanes: file jobs (a FIFO, never dropped) and live frames (one slot: the newest frame replaces an
unread one, so OCR never falls behind the camera).
"""
from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from desktop.core.ocr.types import OcrResult, TextBox
from desktop.ui import reading_adapter
from desktop.ui.workers.jobs import OcrJob, OcrOutcome

log = logging.getLogger(__name__)


class OcrWorker(QObject):
    engineReady = Signal(object)    # {"device", "model", "load_ms", "refused"}
    engineFailed = Signal(str)
    outcome = Signal(object)        # OcrOutcome
    started = Signal(object)        # OcrJob, for file jobs
    loading = Signal(str, float)    # what loading the models does now, and its usual seconds (load_progress)

    def __init__(self, engine_factory: Callable[[], object]):
        super().__init__()
        self._factory = engine_factory
        self._engine = None
        self._engine_error: str | None = None
        self._lock = threading.Lock()
        self._files: deque[OcrJob] = deque()
        self._live: OcrJob | None = None
        self._stopping = False

    # -- called from the UI thread (thread-safe) -------------------------------------------------
    def put(self, job: OcrJob) -> None:
        with self._lock:
            if job.kind == "live":
                self._live = job  # latest frame wins
            else:
                self._files.append(job)

    def clear_files(self) -> list[OcrJob]:
        with self._lock:
            dropped = list(self._files)
            self._files.clear()
            return dropped

    def drop_live(self) -> None:
        with self._lock:
            self._live = None

    def stop(self) -> None:
        self._stopping = True

    def _take(self) -> OcrJob | None:
        with self._lock:
            if self._files:
                return self._files.popleft()
            job, self._live = self._live, None
            return job

    def _has_work(self) -> bool:
        with self._lock:
            return bool(self._files) or self._live is not None

    # -- slots, run in the worker thread ---------------------------------------------------------
    @Slot()
    def load_engine(self) -> None:
        from desktop.core.models.load_progress import listening, report

        start = time.perf_counter()
        self._engine = None
        try:
            with listening(self.loading.emit):
                report("load")
                self._engine = self._factory()
        except Exception as exc:  # any failure reaches the user as a message, the app keeps running
            log.exception("OCR engine failed to load")
            self._engine_error = str(exc) or exc.__class__.__name__
            self.engineFailed.emit(self._engine_error)
        else:
            self._engine_error = None
            choice = getattr(self._engine, "choice", None)
            info = {"device": getattr(self._engine, "device", "?"),
                    "model": getattr(self._engine, "model_name", "?"),
                    "load_ms": (time.perf_counter() - start) * 1000.0,
                    # the active model was refused (damaged files) and an earlier one used: (name, why)
                    "refused": (choice.refused, choice.reason) if choice is not None and choice.refused else None}
            log.info("OCR engine ready: %s", info)
            self.engineReady.emit(info)
            self._warm_up()
        self.drain()

    def _warm_up(self) -> None:
        """Idle time: the engine runs its networks on every input shape (a few seconds) so that memory
        stays level and no image waits on a shape seen for the first time. A job that comes in pauses
        it within one shape; it goes on when the inbox is empty again."""
        if self._engine is None:
            return
        try:
            self._engine.warm_up(pause=lambda: self._stopping or self._has_work())
        except Exception:  # only a head start: the first image will tell the user what is wrong
            log.exception("OCR engine warm-up failed")

    @Slot(object)
    def reload_engine(self, factory: Callable[[], object]) -> None:
        self._factory = factory
        self._engine = None
        self.load_engine()

    @Slot()
    def drain(self) -> None:
        """Process one job, then yield to the event loop and come back if more are waiting."""
        if self._stopping or (self._engine is None and self._engine_error is None):
            return  # engine still loading: jobs wait in the inbox
        job = self._take()
        if job is None:
            return
        if job.kind == "file":
            self.started.emit(job)
        self.outcome.emit(self._run(job))
        if self._has_work() and not self._stopping:
            QTimer.singleShot(0, self.drain)
        else:
            self._warm_up()

    def _run(self, job: OcrJob) -> OcrOutcome:
        from desktop.core.ocr.images import decode_image_bytes, load_image

        out = OcrOutcome(job)
        try:
            if self._engine is None:
                raise RuntimeError(f"The OCR engine is not available: {self._engine_error}")
            image = job.image
            if image is None:
                image = load_image(job.path) if job.path else decode_image_bytes(job.data, job.name)
            out.image = image
            if job.kind == "box":
                out.result = self._read_box(image, job.points)
                return out
            out.result = self._engine.read_lines(image, job.lines) if job.lines else self._engine.read(image)
            out.readings = reading_adapter.extract(out.result.boxes, job.template,
                                                   (out.result.width, out.result.height))
        except Exception as exc:
            log.warning("OCR failed on %s: %s", job.name or job.kind, exc, exc_info=not _expected(exc))
            out.error = str(exc) or exc.__class__.__name__
        return out

    def _read_box(self, image, points) -> OcrResult:
        """A box the technician drew: its crop read by the recogniser alone (the detector missed it).
        One box with the text, "" when none."""
        start = time.perf_counter()
        text, score = self._engine.read_region(image, points)
        box = TextBox(points=tuple((float(x), float(y)) for x, y in points), text=text.strip(), score=float(score))
        return OcrResult(width=image.shape[1], height=image.shape[0], device=getattr(self._engine, "device", "?"),
                         model=getattr(self._engine, "model_name", "?"), boxes=[box],
                         timings_ms={"rec": (time.perf_counter() - start) * 1000.0})


def _expected(exc: Exception) -> bool:
    from desktop.core.models.errors import ModelError
    from desktop.core.ocr.types import OcrError

    return isinstance(exc, (OcrError, ModelError))


class OcrService(QObject):
    """The UI-thread face of the worker: submit jobs, receive outcomes as signals."""

    engineReady = Signal(object)
    engineFailed = Signal(str)
    outcome = Signal(object)
    started = Signal(object)
    loading = Signal(str, float)
    _wake = Signal()
    _reload = Signal(object)

    def __init__(self, engine_factory: Callable[[], object], parent: QObject | None = None):
        super().__init__(parent)
        self.ready = False
        self._thread = QThread()
        self._thread.setObjectName("ocr-worker")
        self._worker = OcrWorker(engine_factory)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.load_engine)
        self._wake.connect(self._worker.drain)
        self._reload.connect(self._worker.reload_engine)
        self._worker.engineReady.connect(self._on_ready)
        self._worker.engineFailed.connect(self.engineFailed)
        self._worker.loading.connect(self.loading)
        self._worker.outcome.connect(self.outcome)
        self._worker.started.connect(self.started)

    def start(self) -> None:
        self._thread.start()

    def submit(self, job: OcrJob) -> None:
        self._worker.put(job)
        self._wake.emit()

    def cancel_files(self) -> list[OcrJob]:
        return self._worker.clear_files()

    def drop_live(self) -> None:
        self._worker.drop_live()

    def reload(self, engine_factory: Callable[[], object]) -> None:
        self.ready = False
        self._reload.emit(engine_factory)

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop the thread (the job being read finishes first). Safe to call twice."""
        if not self._thread.isRunning():
            return True
        self._worker.stop()
        self._worker.clear_files()
        self._worker.drop_live()
        self._thread.quit()
        done = self._thread.wait(timeout_ms)
        if not done:
            log.error("OCR thread did not stop within %d ms", timeout_ms)
        return done

    def is_running(self) -> bool:
        return self._thread.isRunning()

    @Slot(object)
    def _on_ready(self, info) -> None:
        self.ready = True
        self.engineReady.emit(info)
