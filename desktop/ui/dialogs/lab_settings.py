"""The lab-wide certificate items in Settings: lab name and address, traceability statement, authorised
signatory, accreditation, the report title and the minimum test uncertainty ratio. Each new record copies
them (records/controller.py).

Also where the records are kept: this PC, or the lab's PostgreSQL server. The server's password is
never kept in the preferences: it goes to libpq's password file (core/labstore/passwords.py)."""
from __future__ import annotations

import logging

from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit

from desktop.core.labstore.passwords import check_database_url, remember_password
from desktop.core.preferences import Preferences

log = logging.getLogger(__name__)

TEXT_FIELDS = ("lab_name", "lab_address", "lab_signatory", "lab_signatory_function", "lab_accreditation",
               "lab_min_tur")


class LabSettingsBox(QGroupBox):
    def __init__(self, prefs: Preferences, parent=None):
        super().__init__(self.tr("Laboratory (printed on every certificate)"), parent)
        self.edits = {name: QLineEdit(getattr(prefs, name)) for name in TEXT_FIELDS}
        self.edits["lab_min_tur"].setValidator(QDoubleValidator(0.1, 100.0, 2, self))  # a ratio above 0
        self.traceability = QPlainTextEdit(prefs.lab_traceability)
        self.traceability.setFixedHeight(56)
        self.title = QComboBox()
        self.title.addItem(self.tr("Calibration record (校准原始记录)"), "record")
        self.title.addItem(self.tr("Calibration certificate (校准证书)"), "certificate")
        self.title.setCurrentIndex(max(0, self.title.findData(prefs.certificate_title)))
        form = QFormLayout(self)
        form.addRow(self.tr("Lab name:"), self.edits["lab_name"])
        form.addRow(self.tr("Address:"), self.edits["lab_address"])
        form.addRow(self.tr("Accreditation (printed when set):"), self.edits["lab_accreditation"])
        form.addRow(self.tr("Authorised signatory:"), self.edits["lab_signatory"])
        form.addRow(self.tr("Signatory's function:"), self.edits["lab_signatory_function"])
        form.addRow(self.tr("Traceability statement:"), self.traceability)
        form.addRow(self.tr("Report title:"), self.title)
        form.addRow(self.tr("Minimum TUR (limit / U), flagged below:"), self.edits["lab_min_tur"])
        self.database = QLineEdit(prefs.lab_database)
        self.database.setPlaceholderText(self.tr("Empty: this PC. Lab server: postgresql://user@server/lab"))
        self.database.setToolTip(self.tr("Takes effect at the next start. Add ?sslmode=verify-full for TLS."))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Kept in PostgreSQL's password file, not in the settings"))
        form.addRow(self.tr("Records database:"), self.database)
        form.addRow(self.tr("Server password:"), self.password)
        self._previous_database = prefs.lab_database

    def values(self) -> dict[str, str]:
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return dict(values, lab_traceability=self.traceability.toPlainText().strip(),
                    certificate_title=self.title.currentData(), lab_database=self._database())

    def _database(self) -> str:
        """The URL to keep; the password typed goes to libpq's password file. A wrong URL keeps the old one."""
        url = self.database.text().strip()
        try:
            check_database_url(url)
            if url and self.password.text():
                url = remember_password(url, self.password.text())
        except (ValueError, OSError) as exc:
            log.warning("records database %r not kept: %s", url, exc)
            return self._previous_database
        return url
