"""Live camera controls: source (camera number, stream URL or video file), resolution, start/stop,
freeze, capture, and the connection state."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from desktop.core.preferences import RESOLUTIONS
from desktop.ui.workers.camera import parse_source


class CameraBar(QToolBar):
    def __init__(self, actions, parent=None):
        super().__init__(parent)
        self.setObjectName("cameraBar")
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.device_label = QLabel()
        self.device = QComboBox()
        self.device.setEditable(True)  # a URL (IP camera, phone app) or a video file may be typed in
        self.device.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.device.setMinimumContentsLength(14)
        self.device.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for index in range(5):
            self.device.addItem("", index)
        self.resolution = QComboBox()
        for width, height in RESOLUTIONS:
            self.resolution.addItem(f"{width} × {height}", (width, height))
        self.addWidget(self.device_label)
        self.addWidget(self.device)
        self.addWidget(self.resolution)
        self.addSeparator()
        self.addAction(actions.live)
        self.addAction(actions.freeze)
        self.addAction(actions.capture)
        self.addSeparator()
        self.state = QLabel()
        self.addWidget(self.state)
        self.retranslate()

    def set_choice(self, source: int | str, width: int, height: int) -> None:
        """A camera number, or a URL / video file shown as typed."""
        if isinstance(source, str) and source:
            self.device.setEditText(source)
        else:
            self.device.setCurrentIndex(max(0, min(self.device.count() - 1, int(source or 0))))
        for i in range(self.resolution.count()):
            if self.resolution.itemData(i) == (width, height):
                self.resolution.setCurrentIndex(i)

    def choice(self) -> tuple[int | str, int, int]:
        """(camera number, or the URL / file typed in), width, height."""
        width, height = self.resolution.currentData()
        text = self.device.currentText().strip()
        index = self.device.findText(text)
        return (self.device.itemData(index) if index >= 0 else parse_source(text)), width, height

    def set_running(self, running: bool) -> None:
        self.device.setEnabled(not running)
        self.resolution.setEnabled(not running)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Camera"))
        self.device_label.setText(self.tr("Camera:") + " ")
        typed = self.device.currentText() if self.device.findText(self.device.currentText()) < 0 else None
        for i in range(self.device.count()):
            self.device.setItemText(i, self.tr("Camera %1").replace("%1", str(i)))
        if typed is not None:
            self.device.setEditText(typed)
        self.device.lineEdit().setPlaceholderText(self.tr("Camera number, http:// or rtsp:// address, or video file"))
        self.device.setToolTip(self.tr("Choose a camera, or type the address of an IP camera or phone "
                                       "(http://…, rtsp://…) or the path of a video file"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
