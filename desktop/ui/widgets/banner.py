"""The message line over a panel: an error or a notice in the theme's banner colours. A message given
as a function is built again when the language changes, so it switches language with the rest."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel

from desktop.ui import theme

Message = str | Callable[[], str]


class Banner(QLabel):
    def __init__(self, parent=None, *, hide_after_ms: int = 0):
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()
        self._message: Message = ""
        self._timer = QTimer(self, singleShot=True, timeout=self.hide)
        self._hide_after_ms = hide_after_ms

    def show_message(self, kind: str, message: Message) -> None:
        """``kind``: "bannerError" or "bannerInfo"."""
        self.setObjectName(kind)
        self.setStyleSheet(theme.BANNER_STYLES[kind])  # also where the app's style sheet does not reach
        self._message = message
        self.setText(message() if callable(message) else message)
        self.show()
        if self._hide_after_ms:
            self._timer.start(self._hide_after_ms)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and callable(self._message):
            self.setText(self._message())
        super().changeEvent(event)
