"""The session: images, their results and corrections, kept in the store as they happen.

No widgets here: the main window shows what this controller holds. Every change is written to the
SQLite store before the UI moves on, so a crash (or SIGKILL) loses nothing.
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from desktop.core.ocr.types import TextBox
from desktop.core.store import SessionStore
from desktop.ui import reading_adapter
from desktop.ui.image_convert import encode_png
from desktop.ui.models.image_record import ImageRecord
from desktop.ui.models.queue_model import QueueModel
from desktop.ui.workers.jobs import OcrJob, OcrOutcome
from desktop.ui.workers.ocr_worker import OcrService

log = logging.getLogger(__name__)
CACHE_IMAGES = 8


def box_from_json(data: dict) -> TextBox:
    return TextBox(points=tuple((float(x), float(y)) for x, y in data["points"]), text=data["text"],
                   score=float(data["score"]))


class SessionController(QObject):
    recordAdded = Signal(int)          # image id
    recordUpdated = Signal(int)        # image id: status or result changed
    recordCorrected = Signal(int)      # image id: a correction was saved
    failed = Signal(str)               # a message for the user (also logged)

    def __init__(self, store: SessionStore, ocr: OcrService, queue: QueueModel, parent=None):
        super().__init__(parent)
        self.store, self.ocr, self.queue = store, ocr, queue
        self.session_id = store.new_session()
        self.template: str | None = None
        self.records: dict[int, ImageRecord] = {}
        self._images: OrderedDict[int, np.ndarray] = OrderedDict()
        ocr.outcome.connect(self._on_outcome)
        ocr.started.connect(self._on_started)

    # -- adding images --------------------------------------------------------------------------
    def add_files(self, paths: list[str], source: str = "file") -> list[int]:
        ids = []
        for path in paths:
            path = str(Path(path))
            image_id = self.store.add_image(self.session_id, source, Path(path).name, path=path)
            if source in ("file", "drop"):
                self.store.add_recent(path)
            ids.append(self._add_record(ImageRecord(image_id, Path(path).name, source, path=path)))
            self._submit(image_id, path=path)
        return ids

    def add_folder(self, folder: str) -> list[int]:
        from desktop.core.ocr.images import find_images

        return self.add_files([str(p) for p in find_images([folder])], source="folder")

    def add_bytes(self, data: bytes, name: str, source: str) -> int:
        image_id = self.store.add_image(self.session_id, source, name, data=data)
        self._add_record(ImageRecord(image_id, name, source))
        self._submit(image_id, data=data, name=name)
        return image_id

    def add_capture(self, image: np.ndarray, name: str, outcome: OcrOutcome | None, readings: list) -> int:
        """A camera frame with its live result and only the readings that were stable."""
        image_id = self.store.add_image(self.session_id, "camera", name, data=encode_png(image))
        record = ImageRecord(image_id, name, "camera")
        self._remember(image_id, image)
        self._add_record(record)
        if outcome is None or outcome.result is None:
            self._submit(image_id, image=image, name=name)
        else:
            self._apply_result(record, outcome.result, readings)
        return image_id

    def reread(self, image_id: int) -> None:
        record = self.records.get(image_id)
        if record is None or record.status in ("queued", "reading"):
            return
        record.status = "queued"
        self.store.set_status(image_id, "queued")
        self.queue.changed(image_id)
        self._submit(image_id, image=self.image(image_id), name=record.name)

    def cancel_queue(self) -> int:
        dropped = self.ocr.cancel_files()
        for job in dropped:
            record = self.records.get(job.image_id)
            if record is not None:
                record.status, record.error = "error", self.tr("Cancelled")
                self.store.set_status(record.image_id, "error", record.error)
                self.queue.changed(record.image_id)
        return len(dropped)

    def _add_record(self, record: ImageRecord) -> int:
        self.records[record.image_id] = record
        self.queue.append(record)
        self.recordAdded.emit(record.image_id)
        return record.image_id

    def _submit(self, image_id: int, **job) -> None:
        self.ocr.submit(OcrJob("file", image_id=image_id, template=self.template, **job))

    @Slot(object)
    def _on_started(self, job: OcrJob) -> None:
        record = self.records.get(job.image_id)
        if record is not None and record.status == "queued":
            record.status = "reading"
            self.queue.changed(record.image_id)

    # -- results --------------------------------------------------------------------------------
    @Slot(object)
    def _on_outcome(self, outcome: OcrOutcome) -> None:
        job = outcome.job
        record = self.records.get(job.image_id) if job.kind == "file" else None
        if record is None:
            return
        if outcome.image is not None:
            self._remember(record.image_id, outcome.image)
        if outcome.error:
            record.status, record.error = "error", outcome.error
            self.store.set_status(record.image_id, "error", outcome.error)
            self.queue.changed(record.image_id)
            self.recordUpdated.emit(record.image_id)
            self.failed.emit(f"{record.name}: {outcome.error}")
            return
        self._apply_result(record, outcome.result, outcome.readings)

    def _apply_result(self, record: ImageRecord, result, readings: list) -> None:
        record.boxes, record.readings, record.status, record.error = list(result.boxes), list(readings), "done", None
        record.width, record.height = result.width, result.height
        record.device, record.model, record.elapsed_ms = result.device, result.model, result.elapsed_ms
        self.store.save_result(record.image_id, width=result.width, height=result.height, device=result.device,
                               model=result.model, elapsed_ms=result.elapsed_ms,
                               boxes=[b.to_json() for b in record.boxes],
                               readings=[reading_adapter.to_json(r) for r in record.readings],
                               template=self.template)
        self.queue.changed(record.image_id)
        self.recordUpdated.emit(record.image_id)

    # -- corrections ----------------------------------------------------------------------------
    def correct_reading(self, image_id: int, row: int, field: str, original: str, corrected: str,
                        readings: list) -> None:
        record = self.records[image_id]
        record.readings = list(readings)
        reading = record.readings[row]
        box_index = self._value_box(record, reading, original)
        self._save_correction(record, "reading", original, corrected, box_index=box_index,
                              field=f"{reading.key}:{field}")

    def correct_box(self, image_id: int, box_index: int, original: str, corrected: str, boxes: list) -> None:
        """A box's text fixed: re-extract the readings, keeping the reading corrections already made."""
        record = self.records[image_id]
        record.boxes = list(boxes)
        readings = reading_adapter.extract(record.boxes, self.template, (record.width, record.height))
        overrides = {c.field: c.corrected for c in self.store.corrections(image_id, with_crops=False)
                     if c.kind == "reading" and c.field}
        record.readings = [self._reapply(r, overrides) for r in readings]
        self._save_correction(record, "box", original, corrected, box_index=box_index)

    def _reapply(self, reading, overrides: dict):
        for name in ("key", "value", "unit"):
            fixed = overrides.get(f"{reading.key}:{name}")
            if fixed is None:
                continue
            if name == "value":
                reading = reading_adapter.edit_value(reading, fixed, "en")[0] or reading
            elif name == "unit":
                reading = reading_adapter.edit_unit(reading, fixed)
        return reading

    def _save_correction(self, record: ImageRecord, kind: str, original: str, corrected: str, *,
                         box_index: int | None, field: str | None = None) -> None:
        crop = self._crop_png(record, box_index)
        self.store.add_correction(record.image_id, kind=kind, original=original, corrected=corrected,
                                  box_index=box_index, field=field, crop_png=crop, template=self.template,
                                  boxes=[b.to_json() for b in record.boxes],
                                  readings=[reading_adapter.to_json(r) for r in record.readings])
        record.corrections += 1
        log.info("correction on image %s (%s): %r -> %r", record.image_id, kind, original, corrected)
        self.queue.changed(record.image_id)
        self.recordCorrected.emit(record.image_id)

    def _value_box(self, record: ImageRecord, reading, original: str) -> int | None:
        indices = [i for i in (reading.boxes or []) if 0 <= i < len(record.boxes)]
        for i in indices:
            if original and original in record.boxes[i].text:
                return i
        return indices[-1] if indices else None

    def _crop_png(self, record: ImageRecord, box_index: int | None) -> bytes | None:
        if box_index is None or not 0 <= box_index < len(record.boxes):
            return None
        image = self.image(record.image_id)
        if image is None:
            return None
        from desktop.core.ocr.crop import crop_text_region

        try:
            return encode_png(crop_text_region(image, record.boxes[box_index].points))
        except Exception:  # a crop failure must not lose the correction itself
            log.exception("crop failed for image %s box %s", record.image_id, box_index)
            return None

    # -- images ---------------------------------------------------------------------------------
    def image(self, image_id: int) -> np.ndarray | None:
        if image_id in self._images:
            self._images.move_to_end(image_id)
            return self._images[image_id]
        record = self.records.get(image_id)
        if record is None:
            return None
        from desktop.core.ocr.images import decode_image_bytes, load_image

        try:
            if record.path:
                image = load_image(record.path)
            else:
                image = decode_image_bytes(self.store.image_data(image_id) or b"", record.name)
        except Exception as exc:
            log.warning("cannot show image %s: %s", image_id, exc)
            return None
        self._remember(image_id, image)
        return image

    def _remember(self, image_id: int, image: np.ndarray) -> None:
        self._images[image_id] = image
        self._images.move_to_end(image_id)
        while len(self._images) > CACHE_IMAGES:
            self._images.popitem(last=False)

    # -- restore / close ------------------------------------------------------------------------
    def restorable(self) -> int | None:
        return self.store.last_session(unclosed_only=True, exclude=self.session_id)

    def restore(self, session_id: int) -> list[int]:
        """Continue an earlier session: results and corrections as saved; unfinished images re-read."""
        self.store.reopen_session(session_id)
        self.session_id = session_id
        self.records.clear()
        self._images.clear()
        self.queue.clear()
        counts: dict[int, int] = {}
        for c in self.store.corrections(session_id=session_id, with_crops=False):
            counts[c.image_id] = counts.get(c.image_id, 0) + 1
        ids = []
        for row in self.store.images(session_id):
            record = ImageRecord(row.id, row.name, row.source, path=row.path, status=row.status, error=row.error,
                                 corrections=counts.get(row.id, 0))
            result = self.store.result(row.id) if row.status == "done" else None
            if result is not None:
                record.boxes = [box_from_json(b) for b in result.boxes]
                record.readings = [reading_adapter.from_json(r) for r in result.readings]
                record.width, record.height = result.width, result.height
                record.device, record.model, record.elapsed_ms = result.device, result.model, result.elapsed_ms
            elif row.status != "error":
                record.status = "queued"
            ids.append(self._add_record(record))
            if record.status == "queued":
                if row.path:
                    self._submit(row.id, path=row.path, name=row.name)
                else:
                    self._submit(row.id, data=self.store.image_data(row.id), name=row.name)
        return ids

    def close(self) -> None:
        """A clean exit: the session will not be offered back."""
        self.store.close_session(self.session_id)
