"""The window's side of corrections: table and box edits go to the session, Delete removes a reading,
a drawn box is read and opened for checking, undo / redo, and the tables are refreshed with what the
technician corrected marked. It gets what it works with, nothing of the window's insides."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot

from desktop.ui import i18n, reading_adapter
from desktop.ui.session import SessionController
from desktop.ui.widgets.image_view import ImageView
from desktop.ui.widgets.readings_panel import ReadingsPanel


class CorrectionUi(QObject):
    def __init__(self, session: SessionController, readings: ReadingsPanel, view: ImageView, actions, *,
                 shown_image: Callable[[], int | None], show_image: Callable[[int], None],
                 say: Callable[[str], None], parent=None):
        """``shown_image()``: the image whose result is on screen (None in live mode or before any);
        ``show_image(id)`` brings another one up; ``say(text)`` is a short status-bar message."""
        super().__init__(parent)
        self.session, self.readings, self.view, self.actions = session, readings, view, actions
        self._shown, self._show_image, self._say = shown_image, show_image, say
        actions.undo.triggered.connect(self.undo)
        actions.redo.triggered.connect(self.redo)
        actions.delete_reading.triggered.connect(self.delete_reading)
        actions.draw_box.toggled.connect(view.set_drawing)
        actions.next_review.triggered.connect(self.next_to_review)
        session.recordCorrected.connect(self._on_record_corrected)
        session.recordUpdated.connect(self._update_undo)  # read again: that image's history ends
        session.boxAdded.connect(self._on_box_added)
        view.boxDrawn.connect(self._on_box_drawn)
        readings.readings_model.corrected.connect(self._on_reading_corrected)
        readings.boxes_model.corrected.connect(self._on_box_corrected)

    def show_record(self, record, editable: bool = True) -> None:
        """The readings and boxes of a result, with the technician's corrections marked."""
        self.readings.readings_model.set_readings(record.readings, editable=editable,
                                                  marks=self.session.marks(record.image_id))
        self.readings.boxes_model.set_boxes(record.boxes, editable=editable,
                                            corrected=self.session.corrected_boxes(record.image_id))
        self.view.set_labels(self.session.box_labels(record.image_id))
        self.actions.draw_box.setEnabled(editable)

    @Slot(int, str, str, str)
    def _on_reading_corrected(self, row: int, field: str, original: str, corrected: str) -> None:
        image_id = self._shown()
        if image_id is not None:
            self.session.correct_reading(image_id, row, field, original, corrected,
                                         self.readings.readings_model.readings())
            if field == "key":  # keys in the interface language: "indication → current", not "示值 → 电流"
                lang = i18n.current_language()
                original, corrected = reading_adapter.key_name(original, lang), reading_adapter.key_name(corrected, lang)
            self._say(self.tr("Saved: %1 → %2").replace("%1", original).replace("%2", corrected))

    @Slot(int, str, str)
    def _on_box_corrected(self, box_index: int, original: str, corrected: str) -> None:
        image_id = self._shown()
        if image_id is not None:
            self.session.correct_box(image_id, box_index, original, corrected, self.readings.boxes_model.boxes())

    @Slot(int)
    def _update_undo(self, _image_id: int = -1) -> None:
        self.actions.undo.setEnabled(self.session.can_undo())
        self.actions.redo.setEnabled(self.session.can_redo())

    @Slot(int)
    def _on_record_corrected(self, image_id: int) -> None:
        self._update_undo()
        QTimer.singleShot(0, lambda: self._refresh(image_id))  # not inside the table editor's commit

    def _refresh(self, image_id: int) -> None:
        record = self.session.records.get(image_id)
        if record is not None and image_id == self._shown():
            self.view.set_boxes(record.boxes)
            self.show_record(record)

    @Slot()
    def undo(self) -> None:
        self._went_to(self.session.undo(), self.tr("Correction undone"))

    @Slot()
    def redo(self) -> None:
        self._went_to(self.session.redo(), self.tr("Correction redone"))

    def _went_to(self, image_id: int | None, message: str) -> None:
        if image_id is None:
            return
        if image_id != self._shown():
            self._show_image(image_id)
        self._say(message)

    @Slot()
    def next_to_review(self) -> None:
        """The next photo (after the one shown, round to the first) with a reading that is not OK."""
        ids = list(self.session.records)
        shown = self._shown()
        start = ids.index(shown) + 1 if shown in ids else 0
        threshold = self.readings.readings_model.low_confidence
        for image_id in ids[start:] + ids[:start]:
            record = self.session.records[image_id]
            if image_id != shown and any(not r.valid or r.score < threshold for r in record.readings):
                self._show_image(image_id)
                return
        self._say(self.tr("No other photo needs review."))

    @Slot()
    def delete_reading(self) -> None:
        image_id = self._shown()
        rows = self.readings.readings_view.selectionModel().selectedRows()
        if image_id is None or not rows or not self.readings.readings_model.editable:
            self._say(self.tr("Select the reading to delete first."))
            return
        self.session.delete_reading(image_id, rows[0].row())
        self._say(self.tr("Reading deleted (Ctrl+Z brings it back)"))

    @Slot(object)
    def _on_box_drawn(self, points) -> None:
        self.actions.draw_box.setChecked(False)  # one box per use: the next drag pans again
        image_id = self._shown()
        if image_id is not None and self.session.read_drawn_box(image_id, points):
            self._say(self.tr("Reading the box…"))

    @Slot(int, int)
    def _on_box_added(self, image_id: int, box_index: int) -> None:
        """The drawn box was read: the technician checks its text (or types it) in the boxes table,
        once the tables show the new box (the refresh is queued before this)."""
        QTimer.singleShot(0, lambda: image_id == self._shown() and self.readings.edit_box(box_index))
