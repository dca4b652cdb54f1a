"""numpy BGR arrays <-> Qt images, and encoding for the store."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage


def bgr_to_qimage(image: np.ndarray) -> QImage:
    """A QImage sharing nothing with the array (safe after the array is gone)."""
    if image.ndim == 2:
        image = np.ascontiguousarray(image)
        h, w = image.shape
        return QImage(image.data, w, h, image.strides[0], QImage.Format.Format_Grayscale8).copy()
    image = np.ascontiguousarray(image[:, :, :3])
    h, w, _ = image.shape
    return QImage(image.data, w, h, image.strides[0], QImage.Format.Format_BGR888).copy()


def qimage_to_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def encode_png(image: np.ndarray) -> bytes:
    import cv2

    ok, buf = cv2.imencode(".png", image)
    if not ok:
        raise ValueError("could not encode the image as PNG")
    return buf.tobytes()
