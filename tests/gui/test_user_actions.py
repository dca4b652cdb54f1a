"""The technician's ways in, done as they do them: the menu entry, the toolbar button, the shortcut,
the file dialog answered, files dropped on the window; and every action of the menus and toolbars."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QToolBar

from .fakes import write_sample


class FileDialogs:
    """Answers QFileDialog's static methods as the technician would, and records the questions."""

    def __init__(self, monkeypatch):
        self.files: list[str] = []
        self.folder = ""
        self.asked: list[str] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(self._files))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(self._folder))

    def _files(self, *args, **kwargs):
        self.asked.append("files")
        return list(self.files), "Images (*.png)"

    def _folder(self, *args, **kwargs):
        self.asked.append("folder")
        return self.folder


def menu_action(window, menu: str, action: QAction) -> QAction:
    assert action in window._menus[menu].actions(), f"{action.text()} is not in the {menu} menu"
    return action


def toolbar_button(window, action: QAction):
    toolbar = window.findChild(QToolBar, "mainToolBar")
    button = toolbar.widgetForAction(action)
    assert button is not None and button.isVisible(), f"no visible toolbar button for {action.text()}"
    return button


def wait_read(window, qtbot, count: int) -> None:
    qtbot.waitUntil(lambda: len(window.session.records) == count
                    and all(r.status == "done" for r in window.session.records.values()), timeout=5000)


def open_photos(window, qtbot, dialogs: FileDialogs, folder, count: int, name: str = "photo{}.png") -> list[str]:
    """File > Open images…, answered with ``count`` new sample photos; waits until all are read."""
    dialogs.files = [str(write_sample(folder / name.format(i))) for i in range(count)]
    before = len(window.session.records)
    menu_action(window, "file", window.actions.open).trigger()
    wait_read(window, qtbot, before + count)
    return dialogs.files


def press(window, qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, key, modifiers)


def test_open_images_from_the_menu_the_toolbar_and_ctrl_o(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    window = make_window()
    dialogs.files = [str(write_sample(tmp_path / "menu.png"))]
    menu_action(window, "file", window.actions.open).trigger()
    wait_read(window, qtbot, 1)
    dialogs.files = [str(write_sample(tmp_path / "toolbar.png"))]
    qtbot.mouseClick(toolbar_button(window, window.actions.open), Qt.MouseButton.LeftButton)
    wait_read(window, qtbot, 2)
    dialogs.files = [str(write_sample(tmp_path / "key.png"))]
    press(window, qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    wait_read(window, qtbot, 3)
    assert dialogs.asked == ["files"] * 3
    assert [r.name for r in window.session.records.values()] == ["menu.png", "toolbar.png", "key.png"]
    dialogs.files = []  # Cancel: nothing happens
    window.actions.open.trigger()
    assert len(window.session.records) == 3


def test_open_a_folder_from_the_menu_the_toolbar_and_ctrl_shift_o(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    window = make_window()
    for name in ("a.png", "b.png"):
        write_sample(tmp_path / "shots" / name)
    dialogs.folder = str(tmp_path / "shots")
    menu_action(window, "file", window.actions.open_folder).trigger()
    wait_read(window, qtbot, 2)
    write_sample(tmp_path / "shots" / "c.png")
    qtbot.mouseClick(toolbar_button(window, window.actions.open_folder), Qt.MouseButton.LeftButton)
    wait_read(window, qtbot, 3)  # the new image only: a and b are open already
    assert "Already open, not added again: a.png, b.png" in window.banner.text()
    press(window, qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_read(window, qtbot, 3)
    assert dialogs.asked == ["folder"] * 3
    dialogs.folder = str(tmp_path / "empty")
    (tmp_path / "empty").mkdir()
    window.actions.open_folder.trigger()
    assert "No images" in window.banner.text()


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_drop_files_and_a_folder_on_the_window(make_window, qtbot, tmp_path):
    window = make_window()
    image = write_sample(tmp_path / "dropped.png")
    write_sample(tmp_path / "folder" / "inside.png")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(image)), QUrl.fromLocalFile(str(tmp_path / "folder"))])
    where = window.view.mapTo(window, window.view.rect().center())
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    wait_read(window, qtbot, 2)
    assert sorted(r.name for r in window.session.records.values()) == ["dropped.png", "inside.png"]


def all_actions(window) -> list[QAction]:
    """Every action a technician can reach: menus (and their sub-menus) and toolbars."""
    found: list[QAction] = []

    def walk(actions):
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif not action.isSeparator() and action not in found:
                found.append(action)

    walk(window.menuBar().actions())
    for toolbar in window.findChildren(QToolBar):
        walk(a for a in toolbar.actions() if not toolbar.widgetForAction(a) or a.text())
    return [a for a in found if a.text()]


def test_every_action_in_the_menus_and_toolbars_can_be_triggered(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)  # settings: Cancel
    window = make_window()
    dialogs.files = [str(write_sample(tmp_path / "first.png"))]
    window.actions.open.trigger()
    wait_read(window, qtbot, 1)
    actions = all_actions(window)
    names = {a.text() for a in actions}
    for expected in ("&Open images…", "Open &folder…", "&Live camera", "&Improve the model…", "&Models…",
                     "&Settings…", "&Quit"):
        assert expected in names
    quit_action = window.actions.quit
    for number in range(len(actions)):
        action = all_actions(window)[number]  # again: "Open recent" rebuilds its entries
        if action is quit_action or not action.isEnabled():
            continue
        action.trigger()
        if action.isCheckable() and action.isChecked():
            action.trigger()  # live camera, freeze: back off
        qtbot.wait(10)
    assert len(window.session.records) == 1  # "Open recent" showed the first image, not added it again
    qtbot.waitUntil(lambda: not window.live.running, timeout=3000)
    if window.model_tools.wizard is not None:
        window.model_tools.wizard.close()
    if window.model_tools.manager is not None:
        window.model_tools.manager.close()
    quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)


def test_first_start_shows_the_ways_in_and_the_sample_screens(make_window, qtbot, tmp_path, monkeypatch):
    dialogs = FileDialogs(monkeypatch)
    window = make_window()
    assert window.image_area.currentWidget() is window.empty_state and window.empty_state.isVisible()
    assert "Drop" in window.empty_state.title.text()
    open_button, folder_button, live_button = window.empty_state.buttons
    assert (open_button.defaultAction(), live_button.defaultAction()) == (window.actions.open, window.actions.live)
    dialogs.files = [str(write_sample(tmp_path / "first.png"))]
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)      # the big "Open images" button
    wait_read(window, qtbot, 1)
    assert window.image_area.currentWidget() is window.view and window.view.has_image()


def test_the_sample_screens_link_opens_them(make_window, qtbot):
    window = make_window()
    qtbot.mouseClick(window.empty_state.samples, Qt.MouseButton.LeftButton)
    wait_read(window, qtbot, 6)
    assert "sampler_lcd.png" in {r.name for r in window.session.records.values()}
