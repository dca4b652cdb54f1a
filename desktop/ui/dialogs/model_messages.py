"""Questions and file choosers of the finetune wizard and the model manager, in one place so tests
can replace them (pytest-qt practice: no real modal dialog in a test)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class ModelMessages:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes: str, no: str, default_yes: bool = False) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes_button if default_yes else no_button)
        box.setEscapeButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button

    @classmethod
    def error(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    @classmethod
    def info(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    @classmethod
    def open_label_files(cls, parent: QWidget | None) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(
            parent, QCoreApplication.translate("ModelMessages", "Add PaddleOCR / PPOCRLabel label files"), "",
            QCoreApplication.translate("ModelMessages", "Label files") + " (*.txt);;"
            + QCoreApplication.translate("ModelMessages", "All files") + " (*)")
        return files

    @classmethod
    def choose_folder(cls, parent: QWidget | None, title: str) -> str:
        return QFileDialog.getExistingDirectory(parent, title)
