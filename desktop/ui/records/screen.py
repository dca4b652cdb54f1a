"""The screen being read, as the record dock needs it: a signal and one question, not the main window.

``ScreenSource`` is built by the window from typed parts (the readings model, its selection, the
session store and a function giving the finished image shown) and is all ``records/dock.py`` sees:
``readingsShown`` when a finished result is shown, ``current_reading()`` for the reading to add as a
point (with its photo, the crop of the reading, and what OCR read before any correction).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QObject, Signal, Slot

from desktop.core.store import SessionStore
from desktop.ui.item_models.image_record import ImageRecord
from desktop.ui.item_models.readings_model import ReadingsModel

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShownReading:
    reading: object  # the Reading (key, key_en, value, unit, boxes)
    photo: str  # the screen photo's path ("" when it could not be kept)
    crop: tuple[int, int, int, int] | None  # x, y, width, height of the reading in the photo
    ocr_text: str  # what OCR read, before the technician corrected it
    corrected_at: str  # ISO time of that correction, "" when the value is as read


def reading_crop(boxes: list, indices) -> tuple[int, int, int, int] | None:
    """x, y, width, height around the reading's boxes, in image pixels."""
    points = [p for i in (indices or []) if 0 <= i < len(boxes) for p in boxes[i].points]
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x, y = max(0, int(min(xs))), max(0, int(min(ys)))
    return x, y, max(1, int(round(max(xs))) - x), max(1, int(round(max(ys))) - y)


class ScreenSource(QObject):
    readingsShown = Signal(list)  # the readings of a finished result now shown (editable ones only)
    readingConfirmed = Signal(object)  # a reading the technician took into the record (its profile learns it)

    def __init__(self, readings: ReadingsModel, selection: QItemSelectionModel, store: SessionStore,
                 shown_image: Callable[[], ImageRecord | None], parent: QObject | None = None):
        super().__init__(parent)
        self.readings, self.selection, self.store, self.shown_image = readings, selection, store, shown_image
        readings.modelReset.connect(self._on_reset)

    @Slot()
    def _on_reset(self) -> None:
        if self.shown_image() is not None and self.readings.editable:
            self.readingsShown.emit(self.readings.readings())

    def current_readings(self) -> list:
        return self.readings.readings() if self.shown_image() is not None and self.readings.editable else []

    def current_reading(self) -> ShownReading | str:
        """The selected reading (else the display's main value, else the only one) of the finished image
        shown, or why there is none."""
        image = self.shown_image()
        if image is None or not self.readings.rowCount():
            return QCoreApplication.translate(
                "RecordDock", "Open or capture a picture of the screen first, then select its reading.")
        rows = self.selection.selectedRows()
        primary = self.readings.primary_row()
        if not rows and primary < 0 and self.readings.rowCount() > 1:
            return QCoreApplication.translate("RecordDock", "Select a reading in the Readings table first.")
        reading = self.readings.reading(rows[0].row() if rows else max(primary, 0))
        ocr_text, corrected_at = self._original(image.image_id, reading)
        return ShownReading(reading, self._photo(image), reading_crop(image.boxes, reading.boxes), ocr_text,
                            corrected_at)

    def _photo(self, image: ImageRecord) -> str:
        """The screen photo's path; a pasted or captured picture is written beside the store first."""
        if image.path and Path(image.path).exists():
            return image.path
        data = self.store.image_data(image.image_id)
        if not data:
            return ""
        folder = Path(self.store.path).parent / "record_photos"
        path = folder / f"image_{image.image_id}.png"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                path.write_bytes(data)
        except OSError as exc:
            log.warning("photo of image %s not kept: %s", image.image_id, exc)
            return ""
        return str(path)

    def _original(self, image_id: int, reading) -> tuple[str, str]:
        """What OCR read before the technician corrected it, and when it was corrected (7.5.2)."""
        field = f"{reading.key}:value"
        for correction in self.store.corrections(image_id, with_crops=False):
            if correction.kind == "reading" and correction.field == field:
                when = datetime.fromtimestamp(correction.created_at).isoformat(timespec="seconds")
                return correction.original, when
        return reading.value, ""
