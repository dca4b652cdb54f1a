"""Every modal question or message goes through here, so tests can replace it (pytest-qt practice).

Tests monkeypatch these classmethods; the app never calls QMessageBox directly elsewhere.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

log = logging.getLogger(__name__)


class Messages:
    @classmethod
    def error(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    @classmethod
    def ask_restore(cls, parent: QWidget | None, images: int, corrections: int, when: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("Messages", "Restore the last session?"),
                          QCoreApplication.translate("Messages", "The last session was not closed normally (%1).\n\n"
                              "It has %2 image(s) and %3 correction(s). Restore it?")
                          .replace("%1", when).replace("%2", str(images)).replace("%3", str(corrections)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    @classmethod
    def open_files(cls, parent: QWidget | None) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(
            parent, QCoreApplication.translate("Messages", "Open images"), "",
            QCoreApplication.translate("Messages", "Images") + " (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;" + QCoreApplication.translate("Messages", "All files") + " (*)")
        return files

    @classmethod
    def open_folder(cls, parent: QWidget | None) -> str:
        return QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("Messages", "Open a folder of images"))

    @classmethod
    def choose_folder(cls, parent: QWidget | None, start: str) -> str:
        return QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("Messages", "Choose the data folder"), start)
