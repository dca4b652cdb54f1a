"""A small live chart of a training run: loss per step (left axis) and the validation metric
(right axis, 0-100 %), one colour per stage. Painted with QPainter (QtCharts is not in
PySide6-Essentials)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

LOSS_COLORS = {"rec": QColor("#1f5f99"), "det": QColor("#8e44ad")}
METRIC_COLORS = {"rec": QColor("#1e7b34"), "det": QColor("#b9770e")}


def step_ticks(max_step: int, most: int = 5) -> list[int]:
    """Whole, distinct steps for the x axis, 1-2-5 spaced, at most ``most`` of them: 2 steps give
    0 1 2 (not 0 0 1 2 2), 300 give 0 100 200 300."""
    spacing = 1
    while max_step // spacing + 1 > most:
        spacing = spacing * 5 // 2 if str(spacing)[0] == "2" else spacing * 2  # 1, 2, 5, 10, 20, 50, …
    return list(range(0, max_step + 1, spacing))


class TrainingChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.losses: dict[str, list[tuple[int, float]]] = {}
        self.metrics: dict[str, list[tuple[int, float]]] = {}
        self.steps: dict[str, int] = {}
        self.x_ticks: list[int] = []  # the steps written under the x axis at the last paint
        self.labels = {"loss": "loss", "metric": "validation", "step": "step", "waiting": ""}

    def set_data(self, losses: dict, metrics: dict, steps: dict) -> None:
        self.losses = {k: list(v) for k, v in losses.items()}
        self.metrics = {k: list(v) for k, v in metrics.items()}
        self.steps = dict(steps)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QColor("#d5d9de"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() - 1))
        painter.setFont(font)
        area = QRectF(self.rect()).adjusted(48, 26, -48, -40)
        if area.width() < 40 or area.height() < 40:
            return
        max_step = max([1, *self.steps.values(), *(p[0] for v in self.losses.values() for p in v)])
        loss_values = [p[1] for v in self.losses.values() for p in v]
        max_loss = max(loss_values) * 1.1 if loss_values else 1.0
        self._axes(painter, area, max_step, max_loss)
        if not loss_values and not any(self.metrics.values()):
            painter.setPen(QColor("#777777"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.labels["waiting"])
            return

        def point(step: float, value: float, top: float) -> QPointF:
            return QPointF(area.left() + area.width() * step / max_step,
                           area.bottom() - area.height() * min(value, top) / top)

        for stage, values in self.losses.items():
            if values:
                path = QPainterPath(point(*values[0], max_loss))
                for step, value in values[1:]:
                    path.lineTo(point(step, value, max_loss))
                painter.setPen(QPen(LOSS_COLORS.get(stage, QColor("#555")), 1.6))
                painter.drawPath(path)
        for stage, values in self.metrics.items():
            color = METRIC_COLORS.get(stage, QColor("#555"))
            painter.setPen(QPen(color, 1.4, Qt.PenStyle.DashLine))
            points = [point(step, value, 1.0) for step, value in values]
            for a, b in zip(points, points[1:]):
                painter.drawLine(a, b)
            painter.setBrush(color)
            painter.setPen(Qt.PenStyle.NoPen)
            for p in points:
                painter.drawEllipse(p, 3.5, 3.5)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        self._legend(painter, area)

    def _axes(self, painter: QPainter, area: QRectF, max_step: int, max_loss: float) -> None:
        painter.setPen(QColor("#e6e9ed"))
        for i in range(1, 4):
            y = area.top() + area.height() * i / 4
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(QColor("#8a939c"))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        painter.drawLine(area.bottomRight(), area.topRight())
        painter.setPen(QColor("#444444"))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for i in range(0, 5):
            y = area.bottom() - area.height() * i / 4
            painter.drawText(QRectF(0, y - 8, area.left() - 4, 16), right, f"{max_loss * i / 4:.2g}")
            painter.drawText(QRectF(area.right() + 4, y - 8, 44, 16), left, f"{25 * i}%")
        center = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        self.x_ticks = step_ticks(max_step)
        for step in self.x_ticks:
            x = area.left() + area.width() * step / max_step
            painter.drawText(QRectF(x - 30, area.bottom() + 3, 60, 16), center, str(step))
        painter.drawText(QRectF(area.left(), area.bottom() + 19, area.width(), 18),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.labels["step"])

    def _legend(self, painter: QPainter, area: QRectF) -> None:
        x = area.left()
        for stage in list(dict.fromkeys([*self.losses, *self.metrics])):
            for kind, colors, dashed in (("loss", LOSS_COLORS, False), ("metric", METRIC_COLORS, True)):
                if not (self.losses if kind == "loss" else self.metrics).get(stage):
                    continue
                pen = QPen(colors.get(stage, QColor("#555")), 2, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
                painter.setPen(pen)
                painter.drawLine(QPointF(x, 13), QPointF(x + 18, 13))
                text = f"{stage} {self.labels[kind]}"
                painter.setPen(QColor("#333333"))
                width = painter.fontMetrics().horizontalAdvance(text)
                painter.drawText(QPointF(x + 22, 17), text)
                x += 34 + width
