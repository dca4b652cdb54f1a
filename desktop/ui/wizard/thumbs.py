"""Thumbnails of training samples: a crop from the store (PNG bytes) or an imported image file."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from desktop.core.training.wizard_data import Sample

_cache: dict[tuple[str, int, int], QPixmap] = {}


def sample_pixmap(sample: Sample, size: QSize) -> QPixmap:
    key = (sample.key, size.width(), size.height())
    if key not in _cache:
        image = QImage.fromData(sample.png) if sample.png is not None else QImage(sample.path or "")
        if image.isNull():
            pixmap = QPixmap(size)
            pixmap.fill(QColor("#e1e5ea"))
        else:
            pixmap = QPixmap.fromImage(image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.SmoothTransformation))
        if len(_cache) > 2000:
            _cache.clear()
        _cache[key] = pixmap
    return _cache[key]


def fixed_pixmap(sample: Sample, size: QSize, dropped: bool = False) -> QPixmap:
    """The thumbnail centred on a canvas of exactly ``size`` (a tidy grid); a dropped one is faded and crossed."""
    canvas = QPixmap(size)
    canvas.fill(Qt.GlobalColor.transparent)
    thumb = sample_pixmap(sample, size)
    painter = QPainter(canvas)
    x, y = (size.width() - thumb.width()) // 2, (size.height() - thumb.height()) // 2
    painter.drawPixmap(x, y, thumb)
    if dropped:
        painter.fillRect(x, y, thumb.width(), thumb.height(), QColor(255, 255, 255, 170))
        pen = painter.pen()
        pen.setColor(QColor("#c0392b"))
        pen.setWidth(3)
        painter.setPen(pen)
        painter.drawLine(x + 2, y + 2, x + thumb.width() - 2, y + thumb.height() - 2)
        painter.drawLine(x + 2, y + thumb.height() - 2, x + thumb.width() - 2, y + 2)
    painter.end()
    return canvas


def strip(samples: list[Sample], height: int = 28, width: int = 300, gap: int = 4) -> QPixmap:
    """The first few samples side by side, for a group row."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    x = 0
    for sample in samples:
        thumb = sample_pixmap(sample, QSize(width // 3, height))
        if x + thumb.width() > width:
            break
        painter.drawPixmap(x, (height - thumb.height()) // 2, thumb)
        x += thumb.width() + gap
    painter.end()
    return pixmap
