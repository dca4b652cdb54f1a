"""The session: images, their results and corrections, kept in the store as they happen.

No widgets here: the main window shows what this controller holds. Every change is written to the
SQLite store before the UI moves on, so a crash (or SIGKILL) loses nothing.
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from desktop.core.ocr.types import TextBox
from desktop.core.paths import data_dir
from desktop.core.reading.corrections import carry_over, corrected_fields
from desktop.core.reading.profile import FILE_NAME as PROFILES_FILE
from desktop.core.reading.profile import InstrumentProfiles
from desktop.core.store import SessionStore
from desktop.ui import reading_adapter
from desktop.ui.correction_samples import box_with, corrected_labels, crop_png
from desktop.ui.image_convert import encode_png
from desktop.ui.item_models.image_record import ImageRecord
from desktop.ui.item_models.queue_model import QueueModel
from desktop.ui.workers.jobs import OcrJob, OcrOutcome
from desktop.ui.workers.ocr_worker import OcrService

log = logging.getLogger(__name__)
CACHE_IMAGES = 8


@dataclass
class Change:
    """One correction, undoable: the image's (boxes, readings) before and after, and what was saved."""
    image_id: int
    before: tuple[list, list]
    after: tuple[list, list]
    saved: dict
    correction_id: int


class SessionController(QObject):
    recordAdded = Signal(int)          # image id
    recordUpdated = Signal(int)        # image id: status or result changed
    recordCorrected = Signal(int)      # image id: a correction was saved, undone or redone
    boxAdded = Signal(int, int)        # image id, box index: a drawn box was read and added
    failed = Signal(str)               # a message for the user (also logged)
    alreadyOpen = Signal(list)         # paths not added again: this session has them (ids of their images)

    def __init__(self, store: SessionStore, ocr: OcrService, queue: QueueModel, parent=None):
        super().__init__(parent)
        self.store, self.ocr, self.queue = store, ocr, queue
        self.session_id = store.new_session()
        self.template: str | None = None
        self.profiles = InstrumentProfiles(data_dir() / PROFILES_FILE)  # learned from the technician's checks
        self.records: dict[int, ImageRecord] = {}
        self._images: OrderedDict[int, np.ndarray] = OrderedDict()
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        ocr.outcome.connect(self._on_outcome)
        ocr.started.connect(self._on_started)

    # -- adding images --------------------------------------------------------------------------
    def add_files(self, paths: list[str], source: str = "file") -> list[int]:
        """Add and read the images; one the session has already is not added again (``alreadyOpen``)."""
        ids, again = [], []
        for path in paths:
            path = str(Path(path))
            if self.record_for_path(path) is not None:
                again.append(path)
                continue
            image_id = self.store.add_image(self.session_id, source, Path(path).name, path=path)
            if source in ("file", "drop"):
                self.store.add_recent(path)
            ids.append(self._add_record(ImageRecord(image_id, Path(path).name, source, path=path)))
            self._submit(image_id, path=path)
        if again:
            self.alreadyOpen.emit(again)
        return ids

    def confirm(self, readings: list) -> None:
        """Readings the technician confirmed or corrected: their instruments' profiles learn them, and the
        images read before are checked again (a batch read before the first correction is flagged too)."""
        self.profiles.learn(readings)
        for record in self.records.values():
            checked = self.profiles.check(record.readings) if record.status == "done" else record.readings
            if checked != record.readings:
                record.readings = checked
                self.store.set_readings(record.image_id, [reading_adapter.to_json(r) for r in checked])
                self.queue.changed(record.image_id)

    def record_for_path(self, path: str) -> int | None:
        target = str(Path(path).resolve())
        return next((i for i, r in self.records.items() if r.path and str(Path(r.path).resolve()) == target), None)

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
        # its corrections stay saved, but no longer undoable: they were made on the result being replaced
        self._undo = [c for c in self._undo if c.image_id != image_id]
        self._redo = [c for c in self._redo if c.image_id != image_id]
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
        if job.kind == "box":
            self._on_drawn_box_read(outcome)
            return
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
        readings = self.profiles.check(readings)
        record.boxes, record.readings, record.status, record.error = list(result.boxes), readings, "done", None
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
    # Each correction is saved at once (with the image's new state) and kept on an undo stack; undo
    # forgets it in the store too, so an undone correction never becomes a training sample.
    def correct_reading(self, image_id: int, row: int, field: str, original: str, corrected: str,
                        readings: list) -> None:
        record = self.records[image_id]
        before = self._state(record)
        record.readings = reading_adapter.flag_repeated_keys(list(readings))  # a key edit may end (or make) a repeat
        reading = record.readings[row]
        if field == "value":  # the technician's value is what this instrument shows: the profile learns it
            self.confirm([reading])
        self._save_correction(record, before, "reading", original, corrected,
                              box_index=box_with(record.boxes, reading, original), field=f"{reading.key}:{field}")

    def delete_reading(self, image_id: int, row: int) -> None:
        """A wrong reading (a doubled or misplaced one) removed: it gives no training sample."""
        record = self.records[image_id]
        if not 0 <= row < len(record.readings):
            return
        before = self._state(record)
        reading = record.readings.pop(row)
        record.readings = reading_adapter.flag_repeated_keys(record.readings)
        text = " ".join(part for part in (reading.key, reading.value, reading.unit) if part)
        self._save_correction(record, before, "delete", text, "", box_index=None, field=f"{reading.key}:reading")

    def correct_box(self, image_id: int, box_index: int, original: str, corrected: str, boxes: list) -> None:
        """A box's text fixed (or a missed box drawn): the readings are read again from the boxes,
        keeping the technician's deletions and table corrections (see core/reading/corrections.py carry_over)."""
        record = self.records[image_id]
        before = self._state(record)
        size = (record.width, record.height)
        read_before = reading_adapter.extract(record.boxes, self.template, size)
        record.boxes = list(boxes)
        read_after = reading_adapter.extract(record.boxes, self.template, size)
        record.readings = self.profiles.check(reading_adapter.flag_repeated_keys(
            carry_over(read_before, record.readings, read_after, box_index, reading_adapter.reapply_field)))
        self._save_correction(record, before, "box", original, corrected, box_index=box_index)

    def read_drawn_box(self, image_id: int, points) -> bool:
        """A box drawn on the image: the worker reads its crop, then it is added (``boxAdded``)."""
        record = self.records.get(image_id)
        image = self.image(image_id)
        if record is None or record.status != "done" or image is None:
            return False
        self.ocr.submit(OcrJob("box", image_id=image_id, image=image, name=record.name, points=tuple(points)))
        return True

    def _on_drawn_box_read(self, outcome: OcrOutcome) -> None:
        job = outcome.job
        if job.image_id not in self.records:
            return
        if outcome.error or outcome.result is None:
            box = TextBox(points=job.points, text="", score=0.0)  # typed in by the technician
            self.failed.emit(self.tr("The box could not be read: %1. Type its text.").replace("%1", outcome.error or ""))
        else:
            box = outcome.result.boxes[0]
        self.boxAdded.emit(job.image_id, self.add_box(job.image_id, box))

    def add_box(self, image_id: int, box: TextBox) -> int:
        """A box the detector missed, drawn by the technician, with its text (typed or read); its index."""
        record = self.records[image_id]
        self.correct_box(image_id, len(record.boxes), "", box.text, [*record.boxes, box])
        return len(record.boxes) - 1

    def marks(self, image_id: int) -> list[set[str]]:
        """Per reading of the image, what the technician corrected (empty sets when nothing)."""
        record = self.records[image_id]
        if not record.corrections:
            return [set() for _ in record.readings]
        read = reading_adapter.extract(record.boxes, self.template, (record.width, record.height))
        return corrected_fields(read, record.readings, self.corrected_boxes(image_id))

    def box_labels(self, image_id: int) -> dict[int, str]:
        """The photo's box labels that differ from the boxes' text: the table corrections written in."""
        return corrected_labels(self.records[image_id].boxes, self.store.corrections(image_id, with_crops=False))

    def corrected_boxes(self, image_id: int) -> set[int]:
        return {c.box_index for c in self.store.corrections(image_id, with_crops=False)
                if c.kind == "box" and c.box_index is not None}

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> int | None:
        """Take back the last correction; returns the image it was on."""
        if not self._undo:
            return None
        change = self._undo.pop()
        record = self.records.get(change.image_id)
        if record is None:
            return None
        self.store.remove_correction(change.correction_id, **self._state_json(change.before))
        record.boxes, record.readings = list(change.before[0]), list(change.before[1])
        record.corrections -= 1
        self._redo.append(change)
        self._changed(record)
        return record.image_id

    def redo(self) -> int | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        record = self.records.get(change.image_id)
        if record is None:
            return None
        record.boxes, record.readings = list(change.after[0]), list(change.after[1])
        change.correction_id = self.store.add_correction(record.image_id, **change.saved, **self._state_json(change.after))
        record.corrections += 1
        self._undo.append(change)
        self._changed(record)
        return record.image_id

    def _save_correction(self, record: ImageRecord, before: tuple, kind: str, original: str, corrected: str, *,
                         box_index: int | None, field: str | None = None) -> None:
        saved = dict(kind=kind, original=original, corrected=corrected, box_index=box_index, field=field,
                     crop_png=None if kind == "delete" else
                     crop_png(lambda: self.image(record.image_id), record.boxes, box_index), template=self.template)
        after = self._state(record)
        correction_id = self.store.add_correction(record.image_id, **saved, **self._state_json(after))
        record.corrections += 1
        self._undo.append(Change(record.image_id, before, after, saved, correction_id))
        self._redo.clear()
        log.info("correction on image %s (%s): %r -> %r", record.image_id, kind, original, corrected)
        self._changed(record)

    def _changed(self, record: ImageRecord) -> None:
        self.queue.changed(record.image_id)
        self.recordCorrected.emit(record.image_id)

    @staticmethod
    def _state(record: ImageRecord) -> tuple[list, list]:
        return list(record.boxes), list(record.readings)

    @staticmethod
    def _state_json(state: tuple[list, list]) -> dict:
        return {"boxes": [b.to_json() for b in state[0]], "readings": [reading_adapter.to_json(r) for r in state[1]]}

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
        except Exception as exc:  # noqa: BLE001  (a moved or damaged file: the row stays, without picture)
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
        self._undo.clear()
        self._redo.clear()
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
                record.boxes = [TextBox.from_json(b) for b in result.boxes]
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
