"""What the image area shows before there is an image: the ways in, as buttons, and the drop hint."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    samplesRequested = Signal()

    def __init__(self, actions, parent=None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the dashed drop frame shows
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="emptyTitle")
        self.hint = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, objectName="emptyHint")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.buttons = []
        for action in (actions.open, actions.open_folder, actions.live):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIconSize(QSize(32, 32))
            button.setMinimumWidth(120)
            buttons.addWidget(button)
            self.buttons.append(button)
        buttons.addStretch(1)
        self.samples = QPushButton(objectName="linkButton", flat=True)
        self.samples.setCursor(Qt.CursorShape.PointingHandCursor)
        self.samples.clicked.connect(self.samplesRequested)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(self.samples, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Drop instrument photos here"))
        self.hint.setText(self.tr("…or open images or a folder, or point a camera at the screen. The readings "
                                  "appear on the right; correct them there, and the corrections teach the model."))
        self.samples.setText(self.tr("No photo at hand? Try the sample screens"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
