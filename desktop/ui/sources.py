"""Where images come from: open files, a folder, drag and drop, the clipboard, recent files, an earlier
session.

A mixin of the main window (it needs ``self.session``, ``self.store``, ``self.actions``).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from desktop.ui.dialogs.messages import Messages
from desktop.ui.image_convert import qimage_to_png

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"}


class SourcesMixin:
    # The actions' slots take no arguments: QAction.triggered passes ``checked``, which must never be
    # mistaken for the paths to open.
    @Slot()
    def choose_files(self) -> list[int]:
        """Open images…: ask for the files, then read them."""
        return self.open_files(Messages.open_files(self))

    @Slot()
    def choose_folder(self) -> list[int]:
        """Open folder…: ask for the folder, then read every image in it."""
        return self.open_folder(Messages.open_folder(self))

    @Slot()
    def open_samples(self) -> list[int]:
        """The sample screens shipped with the app: a first look without a photo of one's own."""
        from desktop.core.resources import resource_path

        return self.open_folder(str(resource_path("samples")))

    def open_files(self, paths: list[str]) -> list[int]:
        ids = self.session.add_files(paths) if paths else []
        self._update_recent()
        return ids

    @Slot(list)
    def _on_already_open(self, paths: list) -> None:
        """Files opened again are not added twice: say so, and show the first of them."""
        names = ", ".join(Path(p).name for p in paths[:5]) + (" …" if len(paths) > 5 else "")
        self.show_info(QCoreApplication.translate("SourcesMixin", "Already open, not added again: %1")
                       .replace("%1", names))
        if not self.live.running:
            self.show_image(self.session.record_for_path(paths[0]))

    def open_folder(self, folder: str) -> list[int]:
        if not folder:
            return []
        ids = self.session.add_folder(folder)
        if not ids:
            self.show_info(QCoreApplication.translate("SourcesMixin", "No images in %1").replace("%1", folder))
        return ids

    def paste(self) -> int | None:
        return self.add_mime(QApplication.clipboard().mimeData(), source="clipboard")

    def add_mime(self, mime: QMimeData | None, source: str) -> int | None:
        """Files (or folders) first, then raw image data; returns the last image id added."""
        if mime is None:
            return None
        if mime.hasUrls():
            paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            ids: list[int] = []
            for path in paths:
                if os.path.isdir(path):
                    ids += self.session.add_folder(path)
                elif Path(path).suffix.lower() in IMAGE_SUFFIXES:
                    ids += self.session.add_files([path], source="drop")
            if ids:
                self._update_recent()
                return ids[-1]
        if mime.hasImage():
            image = mime.imageData()
            if image is not None and not image.isNull():
                name = time.strftime(f"{source} %H:%M:%S")
                return self.session.add_bytes(qimage_to_png(image), name, source)
        for fmt in ("image/png", "image/jpeg", "image/bmp"):
            if mime.hasFormat(fmt):
                name = time.strftime(f"{source} %H:%M:%S")
                return self.session.add_bytes(bytes(mime.data(fmt).data()), name, source)
        self.show_info(QCoreApplication.translate("SourcesMixin", "Nothing to read: copy or drop an image or an image file."))
        return None

    # -- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        if self.add_mime(event.mimeData(), source="drop") is not None:
            event.acceptProposedAction()

    # -- recent files ---------------------------------------------------------------------------
    def _update_recent(self) -> None:
        menu = self.actions.recent_menu
        for old in menu.actions():  # not menu.clear(): the entry being triggered must outlive its signal
            menu.removeAction(old)
            old.deleteLater()
        recent = [p for p in self.store.recent_files() if Path(p).exists()]
        for i, path in enumerate(recent):
            action = QAction(f"&{(i + 1) % 10}  {Path(path).name}", menu)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_files([p]))
            menu.addAction(action)
        menu.setEnabled(bool(recent))

    # -- an earlier session ------------------------------------------------------------------
    def offer_restore(self) -> bool:
        """At start: offer the last session back when it was not closed normally."""
        session_id = self.session.restorable()
        if session_id is None:
            return False
        info = self.store.session_summary(session_id)
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(info["updated_at"]))
        if not Messages.ask_restore(self, info["images"], info["corrections"], when):
            return False
        self._restore(session_id)
        return True

    def reopen_last_session(self) -> None:
        session_id = self.store.last_session(exclude=self.session.session_id)
        if session_id is not None:
            self._restore(session_id)

    def _restore(self, session_id: int) -> None:
        self.current_id = None
        viewed = self.store.viewed(session_id)  # before restoring: showing the images as they come back moves it
        ids = self.session.restore(session_id)
        done = [i for i in ids if self.session.records[i].status == "done"]
        if ids:
            self.show_image(viewed if viewed in ids else done[-1] if done else ids[0])
