"""The image with its detection boxes: zoom (wheel), pan (drag), fit; boxes are selectable.

Boxes are coloured by confidence and labelled with the recognised text. Selecting a box emits
``boxSelected``; ``select_boxes`` highlights boxes chosen elsewhere (the readings table).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from desktop.ui import theme
from desktop.ui.image_convert import bgr_to_qimage


class BoxItem(QGraphicsPolygonItem):
    def __init__(self, index: int, box, color: QColor, font_px: float):
        super().__init__(QPolygonF([QPointF(x, y) for x, y in box.points]))
        self.index = index
        self.color = color
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setToolTip(f"{box.text}  ({box.score:.0%})")
        self._apply(False)
        label = QGraphicsSimpleTextItem(box.text, self)
        font = QFont()
        font.setPixelSize(max(10, int(font_px)))
        font.setBold(True)
        label.setFont(font)
        label.setBrush(QBrush(QColor("#ffffff")))
        rect = label.boundingRect()
        x, y = box.x_min, box.y_min - rect.height() - 2
        if y < 0:
            y = box.y_max + 2
        label.setPos(x, y)
        background = QGraphicsPolygonItem(self)
        background.setPos(x, y)
        background.setBrush(QBrush(color))
        background.setPen(QPen(Qt.PenStyle.NoPen))
        background.setZValue(-1)
        label.setZValue(1)
        self.label, self._background = label, background
        self.set_text(box.text)

    def set_text(self, text: str) -> None:
        """The label: the box's text as read, or as the technician corrected it."""
        self.label.setText(text)
        rect = self.label.boundingRect()
        self._background.setPolygon(QPolygonF(QRectF(-3, -1, rect.width() + 6, rect.height() + 2)))

    def _apply(self, selected: bool) -> None:
        pen = QPen(QColor("#2f8cff") if selected else self.color, 4 if selected else 2)
        pen.setCosmetic(True)
        self.setPen(pen)
        fill = QColor("#2f8cff" if selected else self.color)
        fill.setAlpha(70 if selected else 30)
        self.setBrush(QBrush(fill))

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._apply(bool(value))
        return super().itemChange(change, value)


class ImageView(QGraphicsView):
    boxSelected = Signal(int)          # -1 when the selection is cleared
    boxActivated = Signal(int)         # double-click: edit this box's text
    boxDrawn = Signal(object)          # drawing mode: four corners (image pixels) of the box dragged out
    zoomChanged = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._pixmap = QGraphicsPixmapItem()
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._pixmap)
        self._boxes: list[BoxItem] = []
        self._fit = True
        self._syncing = False
        self._drawing = False
        self._origin: QPointF | None = None
        self._rubber = QGraphicsRectItem()
        pen = QPen(QColor("#2f8cff"), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._rubber.setPen(pen)
        self._rubber.setZValue(10)
        self._rubber.hide()
        self._scene.addItem(self._rubber)
        self.low_confidence = 0.8
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self._scene.selectionChanged.connect(self._on_selection)
        self.setAcceptDrops(False)  # drops go to the main window
        self.viewport().setAcceptDrops(False)

    # -- content --------------------------------------------------------------------------------
    def clear(self) -> None:
        self.set_boxes([])
        self._pixmap.setPixmap(QPixmap())

    def set_image(self, image: np.ndarray | None, boxes: list | None = None, fit: bool = True) -> None:
        """Show a new image (a new file): fits it to the window unless told otherwise."""
        self._set_pixmap(image)
        self.set_boxes(boxes or [])
        if fit:
            self.fit()

    def set_frame(self, image: np.ndarray) -> None:
        """Show a live frame: keeps the zoom, fits when the frame size changes."""
        old = self._pixmap.pixmap().size()
        self._set_pixmap(image)
        if self._fit or old != self._pixmap.pixmap().size():
            self.fit()

    def _set_pixmap(self, image: np.ndarray | None) -> None:
        if image is None:
            self._pixmap.setPixmap(QPixmap())
            return
        self._pixmap.setPixmap(QPixmap.fromImage(bgr_to_qimage(image)))
        self._scene.setSceneRect(self._pixmap.boundingRect())

    def set_boxes(self, boxes: list) -> None:
        self._syncing = True
        for item in self._boxes:
            self._scene.removeItem(item)
        self._boxes = []
        height = self._pixmap.pixmap().height() or 1000
        for i, box in enumerate(boxes):
            font_px = max(height / 60, min(box.height * 0.4, height / 30))
            item = BoxItem(i, box, theme.confidence_color(box.score, self.low_confidence), font_px)
            self._scene.addItem(item)
            self._boxes.append(item)
        self._syncing = False

    def set_labels(self, labels: dict[int, str]) -> None:
        """Labels other than the boxes' own text: what the technician corrected the readings to."""
        for index, text in labels.items():
            if 0 <= index < len(self._boxes):
                self._boxes[index].set_text(text)

    def box_count(self) -> int:
        return len(self._boxes)

    def box_item(self, index: int) -> BoxItem:
        return self._boxes[index]

    def has_image(self) -> bool:
        return not self._pixmap.pixmap().isNull()

    # -- selection ------------------------------------------------------------------------------
    def select_boxes(self, indices: list[int]) -> None:
        self._syncing = True
        for item in self._boxes:
            item.setSelected(item.index in indices)
        self._syncing = False
        if indices and 0 <= indices[0] < len(self._boxes) and not self._fit:
            self.ensureVisible(self._boxes[indices[0]], 40, 40)

    def selected_boxes(self) -> list[int]:
        return [item.index for item in self._boxes if item.isSelected()]

    def _on_selection(self) -> None:
        if self._syncing:
            return
        selected = self.selected_boxes()
        self.boxSelected.emit(selected[0] if selected else -1)

    def mouseDoubleClickEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, BoxItem):
            item = item.parentItem()
        if isinstance(item, BoxItem):
            self.boxActivated.emit(item.index)
        else:
            super().mouseDoubleClickEvent(event)

    # -- drawing a missed box ---------------------------------------------------------------------
    def set_drawing(self, on: bool) -> None:
        """Drawing mode: a drag draws a box instead of panning."""
        self._drawing = on
        self.setDragMode(QGraphicsView.DragMode.NoDrag if on else QGraphicsView.DragMode.ScrollHandDrag)
        if on:
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        else:
            self.viewport().unsetCursor()
            self._origin = None
            self._rubber.hide()

    def mousePressEvent(self, event) -> None:
        if self._drawing and event.button() == Qt.MouseButton.LeftButton and self.has_image():
            self._origin = self.mapToScene(event.position().toPoint())
            self._rubber.setRect(QRectF(self._origin, self._origin))
            self._rubber.show()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._origin is not None:
            self._rubber.setRect(QRectF(self._origin, self.mapToScene(event.position().toPoint())).normalized())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._origin is None:
            super().mouseReleaseEvent(event)
            return
        rect = QRectF(self._origin, self.mapToScene(event.position().toPoint())).normalized()
        rect = rect.intersected(self._pixmap.boundingRect())
        self._origin = None
        self._rubber.hide()
        event.accept()
        if rect.width() >= 4 and rect.height() >= 4:  # a click is not a box
            self.boxDrawn.emit(((rect.left(), rect.top()), (rect.right(), rect.top()),
                                (rect.right(), rect.bottom()), (rect.left(), rect.bottom())))

    # -- zoom -----------------------------------------------------------------------------------
    def fit(self) -> None:
        self._fit = True
        if self.has_image():
            self.fitInView(self._pixmap, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoomChanged.emit(self.zoom())

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        new = self.zoom() * factor
        if 0.02 <= new <= 40:
            self._fit = False
            self.scale(factor, factor)
            self.zoomChanged.emit(self.zoom())

    def zoom_in(self) -> None:
        self.zoom_by(1.25)

    def zoom_out(self) -> None:
        self.zoom_by(0.8)

    def actual_size(self) -> None:
        self._fit = False
        self.resetTransform()
        self.zoomChanged.emit(1.0)

    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(1.15 if delta > 0 else 1 / 1.15)
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit:
            self.fit()
