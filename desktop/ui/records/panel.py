"""The record panel: details form, measurement points and Export to Excel.

The panel knows nothing of the main window: ``add_point_requested`` asks whoever docked it for the
current reading (see ``records/dock.py``). Export runs on the panel's own QThreadPool with a busy
bar; a locked or read-only workbook offers the free name the core suggests.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.core.records.excel.safe_write import ReportLockedError, ReportWriteError
from desktop.core.records.verdicts import CONDITIONAL_FAIL, CONDITIONAL_PASS, FAIL
from desktop.ui import i18n, theme
from desktop.ui.dialogs.record_dialogs import RecordDialogs
from desktop.ui.icons import icon
from desktop.ui.item_models.points_model import STANDARD, point_verdict
from desktop.ui.records.controller import RecordController
from desktop.ui.records.form import RecordForm
from desktop.ui.records.history_view import HistoryView
from desktop.ui.widgets.banner import Banner, Message
from desktop.ui.widgets.tables import editable_table
from desktop.ui.workers.export_job import ExportJob

log = logging.getLogger(__name__)


class RecordPanel(QWidget):
    addPointRequested = Signal()
    exportFinished = Signal(str)   # path written
    exportFailed = Signal(str)     # message shown

    def __init__(self, controller: RecordController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._job: ExportJob | None = None       # the export running
        self._finished: ExportJob | None = None  # kept alive until its thread has surely left run()
        self.export_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.form = RecordForm(controller)
        self.points_view = self._points_view()
        self.add_button = QPushButton(icon("capture"), "")
        self.remove_button = QPushButton("")
        self.new_button = QPushButton("")
        self.issue_button = QPushButton("")  # lock this revision (17025 7.8.8)
        self.revise_button = QPushButton("")  # start the next revision of an issued record, with its reason
        self.export_button = QPushButton(icon("done"), "")
        self.export_button.setDefault(True)
        self.photos = QCheckBox()
        self.append = QCheckBox()
        self.with_history = QCheckBox()  # the record's history from the store, as a sheet
        self.monitor = QCheckBox()  # the screen shown is the environment monitor: it fills the ambient fields
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # export_report reports no steps: a busy bar
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.verdict = QLabel()
        self.verdict.setObjectName("panelTitle")
        self.notice = Banner()
        self.history = HistoryView()
        self.tabs = QTabWidget()
        self._build_layout()
        self._connect()
        self.retranslate()

    def _points_view(self) -> QTableView:
        view = editable_table(self.controller.points_model, row_height=28)
        self._edit_triggers = view.editTriggers()
        header = view.horizontalHeader()
        header.setMinimumSectionSize(28)
        for column in range(7):  # headers differ by language: fit them; the quantity may be long
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 90)
        return view

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.monitor)
        buttons.addStretch(1)
        buttons.addWidget(self.verdict)
        export = QHBoxLayout()
        export.addWidget(self.new_button)
        export.addWidget(self.issue_button)
        export.addWidget(self.revise_button)
        export.addStretch(1)
        export.addWidget(self.photos)
        export.addWidget(self.append)
        export.addWidget(self.with_history)
        export.addWidget(self.busy)
        export.addWidget(self.export_button)
        points_page = QWidget()
        points = QVBoxLayout(points_page)
        points.setContentsMargins(0, 0, 0, 0)
        points.addLayout(buttons)
        points.addWidget(self.points_view, 1)
        points.addLayout(export)
        self.tabs.addTab(points_page, "")
        self.tabs.addTab(self.history, "")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.form, 11)
        top.addWidget(self.tabs, 9)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top, 1)
        layout.addWidget(self.notice)

    def _connect(self) -> None:
        c = self.controller
        self.add_button.clicked.connect(self.addPointRequested)
        self.remove_button.clicked.connect(self.remove_selected_point)
        self.new_button.clicked.connect(c.new_record)
        self.issue_button.clicked.connect(self.issue)
        self.revise_button.clicked.connect(self.new_revision)
        c.loaded.connect(self._update_buttons)
        c.loaded.connect(self._update_history)
        c.saved.connect(self._update_history)
        c.saved.connect(self._update_verdict)  # the decision rule may have changed
        self.monitor.toggled.connect(
            lambda on: c.set_monitor(self.tr("Environment monitor (screen shown)") if on else ""))
        self.export_button.clicked.connect(self.export)
        c.points_model.editRejected.connect(self._on_point_rejected)
        c.points_model.dataChanged.connect(self._update_verdict)
        c.points_model.rowsInserted.connect(self._on_point_added)
        c.points_model.rowsRemoved.connect(self._update_verdict)
        c.points_model.modelReset.connect(self._update_verdict)
        c.failed.connect(self.show_error)
        c.loaded.connect(self.notice.hide)
        self.form.refused.connect(lambda key, reason: self.show_error(reason) if reason else self.notice.hide())
        self.points_view.selectionModel().selectionChanged.connect(self._update_buttons)
        c.points_model.modelReset.connect(self._update_buttons)
        c.points_model.rowsRemoved.connect(self._update_buttons)

    # -- points ---------------------------------------------------------------------------------
    def _on_point_added(self, _parent, first: int, _last: int) -> None:
        self._update_verdict()
        self.notice.hide()
        self.points_view.selectRow(first)
        self.points_view.scrollTo(self.controller.points_model.index(first, STANDARD))
        self.points_view.setCurrentIndex(self.controller.points_model.index(first, STANDARD))

    def remove_selected_point(self) -> None:
        rows = self.points_view.selectionModel().selectedRows()
        if rows:
            self.controller.points_model.remove_point(rows[0].row())

    def _update_buttons(self, *_) -> None:
        locked = self.controller.record.locked
        self.remove_button.setEnabled(bool(self.points_view.selectionModel().selectedRows()) and not locked)
        self.add_button.setEnabled(not locked)
        self.issue_button.setEnabled(not locked)
        self.revise_button.setEnabled(locked)
        self.points_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if locked
                                         else self._edit_triggers)

    def _update_verdict(self, *_) -> None:
        """The points' verdicts under the record's decision rule (conditional counts apart)."""
        points = self.controller.points_model.points()
        verdicts = [point_verdict(p, self.controller.record.decision_rule) for p in points if p.tolerance]
        verdicts = [v for v in verdicts if v]
        if not verdicts:
            self.verdict.setText(self.tr("%n point(s)", "", len(points)))
            self.verdict.setStyleSheet("")
            return
        failed = verdicts.count(FAIL)
        conditional = verdicts.count(CONDITIONAL_PASS) + verdicts.count(CONDITIONAL_FAIL)
        if failed:
            text, colour = self.tr("Fail: %1 of %2 points out of tolerance").replace("%1", str(failed)), theme.BAD
        elif conditional:
            text, colour = self.tr("Conditional: %1 of %2 points").replace("%1", str(conditional)), theme.BAD
        else:
            text, colour = self.tr("Pass: %2 of %2 points"), theme.OK
        self.verdict.setText(text.replace("%2", str(len(verdicts))))
        self.verdict.setStyleSheet(f"color: {colour.name()};")

    # -- issue and revise -----------------------------------------------------------------------
    def issue(self) -> None:
        reason = self.controller.issue()
        if reason:
            self.show_error(self.tr("Not issued: %1").replace("%1", reason))
        else:
            self.show_info(self.tr("Revision %1 issued and locked.").replace("%1", str(self.controller.record.revision)))

    def new_revision(self) -> None:
        reason = RecordDialogs.ask_revision_reason(self)
        if not reason:
            return
        refusal = self.controller.new_revision(reason)
        if refusal:
            self.show_error(refusal)
        else:
            self.show_info(self.tr("Revision %1 started: the issued revision stays in the store.").replace(
                "%1", str(self.controller.record.revision)))

    def _on_point_rejected(self, row: int, column: int, reason: str) -> None:
        self.show_error(reason)
        rect = self.points_view.visualRect(self.controller.points_model.index(row, column))
        QToolTip.showText(self.points_view.viewport().mapToGlobal(rect.bottomLeft()), reason, self.points_view)

    # -- export ---------------------------------------------------------------------------------
    def export(self) -> None:
        if self.exporting:
            return
        self.controller.flush()
        problems = self.controller.export_problems()
        if problems:
            self.show_error(self.tr("Not exported yet: %1").replace("%1", " ".join(problems)))
            return
        suggested = str(Path(self.export_folder or Path.home()) / f"{self.controller.record.number}.xlsx")
        path = RecordDialogs.save_report(self, suggested)
        if not path:
            return
        replace = False
        if Path(path).exists() and not self.append.isChecked():  # never replace a report without asking
            answer = RecordDialogs.ask_replace(self, path)
            if not answer:
                return
            replace = answer == "replace"
            self.append.setChecked(answer == "append")
        self.start_export(path, replace)

    def start_export(self, path: str, replace: bool = False) -> None:
        self.pool.waitForDone()  # the last job's thread may still be returning from run()
        self._finished = None
        self.export_folder = str(Path(path).parent)
        lang = "zh" if i18n.current_language() == "zh_CN" else "en"
        self._job = ExportJob([self.controller.record], path, lang, photos=self.photos.isChecked(),
                              append=self.append.isChecked(), replace=replace,
                              history=self.controller.history() if self.with_history.isChecked() else None)
        self._job.signals.done.connect(self._on_exported)
        self._job.signals.failed.connect(self._on_export_failed)
        self._set_busy(True)
        self.pool.start(self._job)

    @property
    def exporting(self) -> bool:
        return self._job is not None

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.export_button.setEnabled(not busy)
        if busy:
            self.show_info(self.tr("Exporting…"))

    @Slot(str)
    def _on_exported(self, path: str) -> None:
        self._job, self._finished = None, self._job
        self._set_busy(False)
        self.show_info(lambda: self.tr("Exported to %1").replace("%1", path))  # switches language with the UI
        self.exportFinished.emit(path)
        if RecordDialogs.ask_open_folder(self, path):
            RecordDialogs.open_folder(path)

    @Slot(object)
    def _on_export_failed(self, exc: Exception) -> None:
        path = self._job.path if self._job else ""
        self._job, self._finished = None, self._job
        self._set_busy(False)
        suggestion = getattr(exc, "suggestion", None)
        if isinstance(exc, ReportLockedError) and suggestion:
            message = self.tr("%1 is open in Excel or another program, or is read-only.").replace(
                "%1", Path(path).name)
        elif isinstance(exc, ReportWriteError):
            message = self.tr("The workbook could not be written: %1").replace("%1", str(exc))
        else:
            message = self.tr("Export failed: %1").replace("%1", str(exc))
        self.show_error(message)
        self.exportFailed.emit(message)
        if suggestion and RecordDialogs.ask_alternative(self, message, str(suggestion)):
            self.start_export(str(suggestion))

    def shutdown(self) -> None:
        """Before the window closes: the record saved, no export left running."""
        self.controller.flush()
        self.pool.waitForDone()

    # -- messages and language ------------------------------------------------------------------
    @Slot(str)
    def show_error(self, message: str) -> None:
        self._notice("bannerError", message)

    def show_info(self, message: str) -> None:
        self._notice("bannerInfo", message)

    def _notice(self, kind: str, message: Message) -> None:
        self.notice.show_message(kind, message)

    def _update_history(self, *_) -> None:
        self.history.show_entries(self.controller.history())

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Points"))
        self.tabs.setTabText(1, self.tr("History"))
        self.history.retranslate()
        self.add_button.setText(self.tr("Add current reading as point"))
        self.add_button.setToolTip(self.tr("The reading selected in the Readings table, with its photo"))
        self.remove_button.setText(self.tr("Remove point"))
        self.new_button.setText(self.tr("New record"))
        self.issue_button.setText(self.tr("Issue"))
        self.issue_button.setToolTip(self.tr("Lock this revision: after this, a change needs a new revision"))
        self.revise_button.setText(self.tr("New revision…"))
        self.revise_button.setToolTip(self.tr("Change an issued record: the issued revision is kept and listed"))
        self.new_button.setToolTip(self.tr("Start the next record: customer, people, standard and environment "
                                           "are kept"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.monitor.setText(self.tr("Screen is the environment monitor"))
        self.monitor.setToolTip(self.tr("Check while the thermo-hygrometer / barometer is shown: its readings "
                                        "become the record's ambient conditions. Other screens never do."))
        self.with_history.setText(self.tr("History"))
        self.with_history.setToolTip(self.tr("Add the record's history (every change: who, when, old and new "
                                             "value, why) as a sheet"))
        self.photos.setText(self.tr("Photos"))
        self.photos.setToolTip(self.tr("Put each point's screen photo in the workbook"))
        self.append.setText(self.tr("Add to existing workbook"))
        self.append.setToolTip(self.tr("Add this record to the chosen workbook instead of replacing it"))
        self.controller.points_model.retranslate()
        self._update_verdict()
        self._update_buttons()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

