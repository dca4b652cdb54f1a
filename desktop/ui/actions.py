"""The main window's actions: icons, shortcuts, menus and toolbar, re-translated on language change."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from desktop.ui.icons import icon

# name: (icon, shortcut, checkable)
SPECS = {
    "open": ("open", QKeySequence.StandardKey.Open, False),
    "open_folder": ("folder", "Ctrl+Shift+O", False),
    "paste": ("paste", QKeySequence.StandardKey.Paste, False),
    "reread": ("read", "Ctrl+R", False),
    "stop_queue": ("stop", "Ctrl+.", False),
    "restore": ("", "", False),
    "quit": ("", "Ctrl+Q", False),  # StandardKey.Quit is empty on Windows (and offscreen): no key quit there
    "live": ("camera", "F6", True),
    "freeze": ("freeze", "F7", True),
    "capture": ("capture", "F8", False),
    "correct": ("corrected", "F2", False),
    "accept_suggestion": ("", "Ctrl+Return", False),
    "undo": ("", QKeySequence.StandardKey.Undo, False),
    "redo": ("", "Ctrl+Y", False),
    "delete_reading": ("", QKeySequence.StandardKey.Delete, False),
    "draw_box": ("", "Ctrl+B", True),
    "prev": ("prev", "Ctrl+PgUp", False),
    "next": ("next", "Ctrl+PgDown", False),
    "next_review": ("", "F3", False),
    "zoom_in": ("zoom_in", QKeySequence.StandardKey.ZoomIn, False),
    "zoom_out": ("zoom_out", QKeySequence.StandardKey.ZoomOut, False),
    "fit": ("fit", "Ctrl+0", False),
    "actual": ("", "Ctrl+1", False),
    "settings": ("settings", "Ctrl+,", False),
    "improve_model": ("improve", "", False),
    "models": ("", "", False),
    "language": ("", "Ctrl+Shift+L", False),
}


class Actions:
    def __init__(self, window: QMainWindow):
        for name, (icon_name, shortcut, checkable) in SPECS.items():
            action = QAction(window)
            if icon_name:
                action.setIcon(icon(icon_name))
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.setCheckable(checkable)
            setattr(self, name, action)
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for name in ("freeze", "capture", "undo", "redo"):
            getattr(self, name).setEnabled(False)
        self.recent_menu = QMenu(window)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "open": (self.tr("&Open images…"), self.tr("Open image files")),
            "open_folder": (self.tr("Open &folder…"), self.tr("Read every image in a folder")),
            "paste": (self.tr("&Paste image"), self.tr("Read the image on the clipboard")),
            "reread": (self.tr("&Read again"), self.tr("Read the current image again")),
            "stop_queue": (self.tr("&Stop the queue"), self.tr("Do not read the images still waiting")),
            "restore": (self.tr("Reopen &last session"), ""),
            "quit": (self.tr("&Quit"), ""),
            "live": (self.tr("&Live camera"), self.tr("Start or stop the live camera")),
            "freeze": (self.tr("&Freeze"), self.tr("Freeze the picture")),
            "capture": (self.tr("&Capture"), self.tr("Record the stable readings with this picture")),
            "correct": (self.tr("&Correct value"), self.tr("Correct the selected value")),
            "accept_suggestion": (self.tr("&Accept the suggested value"),
                                  self.tr("Take the value the instrument's usual format suggests for a flagged "
                                          "reading")),
            "undo": (self.tr("&Undo correction"), ""),
            "redo": (self.tr("&Redo correction"), ""),
            "delete_reading": (self.tr("&Delete reading"), self.tr("Delete a wrong reading: it is not recorded "
                                                                   "and teaches nothing")),
            "draw_box": (self.tr("&Draw a missed box"), self.tr("Drag a box around text the reader missed; "
                                                                 "it is read, or you type it")),
            "prev": (self.tr("&Previous image"), ""),
            "next": (self.tr("&Next image"), ""),
            "next_review": (self.tr("Next photo to &review"),
                            self.tr("Go to the next photo with a flagged or doubtful reading")),
            "zoom_in": (self.tr("Zoom &in"), ""),
            "zoom_out": (self.tr("Zoom &out"), ""),
            "fit": (self.tr("&Fit to window"), ""),
            "actual": (self.tr("&Actual size"), ""),
            "settings": (self.tr("&Settings…"), ""),
            "improve_model": (self.tr("&Improve the model…"),
                              self.tr("Teach the model your instruments from your corrections")),
            "models": (self.tr("&Models…"), self.tr("Model versions: use, roll back, export, import")),
            "language": (self.tr("Switch &language (中文 / English)"), ""),
        }
        for name, (text, tip) in texts.items():
            action: QAction = getattr(self, name)
            action.setText(text)
            action.setIconText(re.sub(r"\(&\w\)|&|…", "", text).strip())  # toolbar: no mnemonic marks
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = tip or text.replace("&", "").rstrip("…")
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        self.recent_menu.setTitle(self.tr("Open &recent"))

    def tr(self, text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Actions", text)


def build_menus(window: QMainWindow, a: Actions) -> dict[str, QMenu]:
    bar = window.menuBar()
    bar.clear()
    menus = {name: bar.addMenu("") for name in ("file", "edit", "view", "camera", "tools")}
    menus["file"].addActions([a.open, a.open_folder, a.paste])
    menus["file"].addMenu(a.recent_menu)
    menus["file"].addSeparator()
    menus["file"].addActions([a.reread, a.stop_queue, a.restore])
    menus["file"].addSeparator()
    menus["file"].addAction(a.quit)
    menus["edit"].addActions([a.undo, a.redo])
    menus["edit"].addSeparator()
    menus["edit"].addActions([a.correct, a.accept_suggestion, a.delete_reading, a.draw_box])
    menus["view"].addActions([a.prev, a.next, a.next_review])
    menus["view"].addSeparator()
    menus["view"].addActions([a.zoom_in, a.zoom_out, a.fit, a.actual])
    menus["camera"].addActions([a.live, a.freeze, a.capture])
    menus["tools"].addActions([a.improve_model, a.models])
    menus["tools"].addSeparator()
    menus["tools"].addActions([a.settings, a.language])
    return menus


def retranslate_menus(menus: dict[str, QMenu]) -> None:
    from PySide6.QtCore import QCoreApplication

    menus["file"].setTitle(QCoreApplication.translate("Actions", "&File"))
    menus["edit"].setTitle(QCoreApplication.translate("Actions", "&Edit"))
    menus["view"].setTitle(QCoreApplication.translate("Actions", "&View"))
    menus["camera"].setTitle(QCoreApplication.translate("Actions", "&Camera"))
    menus["tools"].setTitle(QCoreApplication.translate("Actions", "&Tools"))


def build_toolbar(window: QMainWindow, a: Actions) -> QToolBar:
    bar = QToolBar(window)
    bar.setObjectName("mainToolBar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addActions([a.open, a.open_folder, a.paste])
    bar.addSeparator()
    bar.addActions([a.prev, a.next, a.reread])
    bar.addSeparator()
    bar.addActions([a.zoom_in, a.zoom_out, a.fit])
    bar.addSeparator()
    bar.addActions([a.improve_model, a.settings])
    for action in (a.prev, a.next, a.zoom_in, a.zoom_out, a.fit):  # icons say it; the tooltip names it
        bar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    return bar
