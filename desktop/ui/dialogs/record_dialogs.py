"""The record panel's dialogs, behind classmethods that tests replace (as ``Messages``)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


class RecordDialogs:
    @classmethod
    def save_report(cls, parent: QWidget | None, suggested: str) -> str:
        """The workbook to write; "" when cancelled. No overwrite question: the panel says whether it appends."""
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("RecordDialogs", "Export to Excel"), suggested,
                                              QCoreApplication.translate("RecordDialogs", "Excel workbook") + " (*.xlsx)", "",
                                              QFileDialog.Option.DontConfirmOverwrite)
        if path and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return path

    @classmethod
    def ask_revision_reason(cls, parent: QWidget | None) -> str:
        """Why the issued record is changed (printed in its revision history); "" when cancelled."""
        text, ok = QInputDialog.getText(parent, QCoreApplication.translate("RecordDialogs", "New revision"),
                                        QCoreApplication.translate("RecordDialogs", "Reason for the change:"))
        return text.strip() if ok else ""

    @classmethod
    def ask_replace(cls, parent: QWidget | None, path: str) -> str:
        """The chosen workbook exists: "replace" it, "append" to it, or "" (cancel, the default)."""
        tr = lambda text: QCoreApplication.translate("RecordDialogs", text)  # noqa: E731
        box = QMessageBox(QMessageBox.Icon.Question, tr("The workbook exists"),
                          tr("%1 already exists. Replace it (its records are lost), or add this record to it?")
                          .replace("%1", Path(path).name), QMessageBox.StandardButton.Cancel, parent)
        replace = box.addButton(tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        append = box.addButton(tr("Add to it"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return {replace: "replace", append: "append"}.get(box.clickedButton(), "")

    @classmethod
    def ask_alternative(cls, parent: QWidget | None, message: str, suggestion: str) -> bool:
        """The target is locked or read-only: save under ``suggestion`` instead?"""
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("RecordDialogs", "The workbook cannot be written"),
                          message + "\n\n" + QCoreApplication.translate("RecordDialogs", "Save as %1 instead?").replace("%1", Path(suggestion).name),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, parent)
        box.button(QMessageBox.StandardButton.Save).setText(QCoreApplication.translate("RecordDialogs", "Save as %1").replace("%1", Path(suggestion).name))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return box.exec() == QMessageBox.StandardButton.Save

    @classmethod
    def ask_open_folder(cls, parent: QWidget | None, path: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("RecordDialogs", "Exported"),
                          QCoreApplication.translate("RecordDialogs", "The record was written to %1.").replace("%1", path),
                          QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close, parent)
        box.button(QMessageBox.StandardButton.Open).setText(QCoreApplication.translate("RecordDialogs", "Open folder"))
        box.setDefaultButton(QMessageBox.StandardButton.Close)
        return box.exec() == QMessageBox.StandardButton.Open

    @classmethod
    def open_folder(cls, path: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))
