"""Tools > Models on a temp LCDREADER_HOME with fake versions, and the main window's two new actions."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.core.models import registry
from desktop.core.models.integrity import write_manifest
from desktop.core.ocr_metrics import run_check
from desktop.ui.dialogs.model_manager import ModelManagerDialog

from .wizard_helpers import Questions, make_version


@pytest.fixture
def questions(monkeypatch):
    return Questions(monkeypatch)


@pytest.fixture
def dialog(qtbot, questions):
    make_version("lab-a", 0.85, "2025-03-01T10:00:00+00:00")
    make_version("lab-b", 0.91, "2025-03-02T10:00:00+00:00")
    registry.activate("lab-a")
    registry.activate("lab-b")
    d = ModelManagerDialog()
    qtbot.addWidget(d)
    d.show()
    return d


def names(d: ModelManagerDialog) -> list[str]:
    return [d.table.item(row, 0).text() for row in range(d.table.rowCount())]


def row_of(d: ModelManagerDialog, name: str) -> int:
    return names(d).index(name)


def test_lists_versions_with_status_dates_and_scores(dialog):
    assert {"lab-a", "lab-b", "pp-ocrv4"} <= set(names(dialog))
    row = row_of(dialog, "lab-b")
    assert dialog.table.item(row, 1).text() == "In use"
    assert dialog.table.item(row, 2).text().startswith("2025-03-0")
    assert dialog.table.item(row, 4).text() == "recognition, read exactly: 60% → 91%"
    assert dialog.table.item(row_of(dialog, "pp-ocrv4"), 1).text() == "Stock model"
    # each stock model names its own source (pp-ocrv6 was shown as PP-OCRv4)
    assert dialog.table.item(row_of(dialog, "pp-ocrv4"), 3).text().startswith("stock PP-OCRv4")
    assert dialog.table.item(row_of(dialog, "pp-ocrv6"), 3).text().startswith("stock PP-OCRv6 small")


def test_activate_and_roll_back_emit_for_the_engine(dialog, qtbot):
    dialog.select("lab-b")
    assert not dialog.buttons["activate"].isEnabled() and not dialog.buttons["delete"].isEnabled()
    dialog.select("lab-a")
    assert dialog.buttons["activate"].isEnabled()
    with qtbot.waitSignal(dialog.modelActivated) as signal:
        dialog.buttons["activate"].click()
    assert signal.args == ["lab-a"] and registry.active_model_name() == "lab-a"
    assert dialog.table.item(row_of(dialog, "lab-a"), 1).text() == "In use"
    with qtbot.waitSignal(dialog.modelActivated) as signal:
        dialog.buttons["roll_back"].click()
    assert signal.args == ["lab-b"] and registry.active_model_name() == "lab-b"


def test_delete_asks_and_refuses_the_active_one(dialog, questions):
    dialog.select("lab-a")
    questions.answers = [False]
    dialog.buttons["delete"].click()
    assert "lab-a" in names(dialog)
    questions.answers = [True]
    dialog.buttons["delete"].click()
    assert "lab-a" not in names(dialog) and questions.asked == ["Delete the model?"] * 2
    dialog.select("lab-b")  # active: cannot be deleted
    assert not dialog.buttons["delete"].isEnabled()
    dialog.select("pp-ocrv4")  # stock: cannot be deleted or exported
    assert not dialog.buttons["delete"].isEnabled() and not dialog.buttons["export"].isEnabled()


def test_export_then_import_on_another_pc(dialog, questions, tmp_path, monkeypatch):
    monkeypatch.setattr(run_check, "sample_problem", lambda model_set: "")  # dummy weights: see tests/model
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog.select("lab-a")
    questions.folders = [str(usb)]
    dialog.buttons["export"].click()
    assert (usb / "lab-a" / "model.yaml").is_file() and (usb / "lab-a" / "rec").is_dir()
    assert "Import from folder" in questions.infos[0]
    # "another PC": a fresh data folder
    monkeypatch.setenv("LCDREADER_HOME", str(tmp_path / "other-pc"))
    dialog.refresh()
    assert "lab-a" not in names(dialog)
    questions.folders = [str(usb / "lab-a")]
    dialog.buttons["import"].click()
    assert "lab-a" in names(dialog) and dialog.selected() == "lab-a"
    assert registry.find_version("lab-a").metadata["metrics"]["rec"]["after"]["accuracy"] == 0.85


def test_import_of_a_wrong_folder_says_why(dialog, questions, tmp_path, monkeypatch):
    from desktop.ui.dialogs.model_messages import ModelMessages

    errors = []
    monkeypatch.setattr(ModelMessages, "error", classmethod(lambda cls, parent, title, text: errors.append(text)))
    questions.folders = [str(tmp_path)]
    dialog.buttons["import"].click()
    assert errors and "not an exported model" in errors[0]


def test_main_window_actions_open_the_wizard_and_manager_and_reload(make_window, qtbot, questions):
    make_version("lab-a")
    window = make_window()
    assert window.actions.improve_model.text() == "&Improve the model…"
    assert window.actions.improve_model in window._menus["tools"].actions()
    window.actions.improve_model.trigger()
    wizard = window.model_tools.wizard
    assert wizard.isVisible() and wizard.state.store_file == window.store.path
    window.actions.improve_model.trigger()  # a second click raises the same wizard
    assert window.model_tools.wizard is wizard
    wizard.close()
    window.actions.models.trigger()
    manager = window.model_tools.manager
    assert manager.isVisible()
    manager.select("lab-a")
    with qtbot.waitSignal(window.ocr.engineReady, timeout=5000):  # the engine reloads with the new model
        manager.buttons["activate"].click()
    assert registry.active_model_name() == "lab-a"
    manager.accept()


def test_the_score_column_shows_every_score_whole(themed, dialog):
    import yaml

    from desktop.core.paths import user_models_dir

    path = user_models_dir() / "lab-b" / "model.yaml"
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta["metrics"]["det"] = {"metric": "hmean", "before": {"hmean": 0.7}, "after": {"hmean": 0.82}}
    meta["metrics"]["readings"] = {"metric": "accuracy", "before": {"accuracy": 0.5}, "after": {"accuracy": 0.75}}
    path.write_text(yaml.safe_dump(meta), encoding="utf-8")
    dialog.refresh()
    table = dialog.table
    index = table.model().index(row_of(dialog, "lab-b"), 4)
    lines = index.data().splitlines()
    assert len(lines) == 3 and "recognition, read exactly: 60% → 91%" in lines
    rect = table.visualRect(index)
    metrics = table.fontMetrics()
    assert rect.width() >= max(metrics.horizontalAdvance(line) for line in lines)   # not cut on the right
    assert rect.height() >= 3 * metrics.height()                                    # nor below
    assert rect.right() <= table.viewport().width()


def test_a_version_with_an_unreadable_description_is_listed_damaged_and_deleted(qtbot, questions):
    make_version("lab-a", 0.85)
    (make_version("lab-bad", 0.9) / registry.METADATA).write_bytes(b"\xff\xfe!!python/object:os.system\n")
    d = ModelManagerDialog()
    qtbot.addWidget(d)
    d.show()
    assert {"lab-a", "lab-bad", "pp-ocrv4"} <= set(names(d))
    assert d.table.item(row_of(d, "lab-bad"), 1).text().startswith("Damaged")
    d.select("lab-bad")
    assert not d.buttons["activate"].isEnabled() and d.buttons["delete"].isEnabled()
    questions.answers = [True]
    d.buttons["delete"].click()
    assert "lab-bad" not in names(d) and "lab-a" in names(d)


def lab_dialog(qtbot, lab_store) -> ModelManagerDialog:
    d = ModelManagerDialog(lab_store=lab_store)
    qtbot.addWidget(d)
    d.show()
    return d


def test_a_model_published_on_one_pc_is_offered_and_taken_on_another(dialog, questions, lab_store, qtbot,
                                                                      tmp_path, monkeypatch):
    import sqlalchemy as sa

    from desktop.core.labstore.lab_models import active_lab_model
    from desktop.ui.dialogs.model_messages import ModelMessages

    write_manifest(registry.find_version("lab-a").folder)  # as training leaves it: the files' SHA-256
    bench1 = lab_dialog(qtbot, lab_store)
    assert not bench1.buttons["use_lab"].isVisible()  # nothing published yet
    bench1.select("pp-ocrv4")
    assert not bench1.buttons["publish"].isEnabled()  # every PC has the stock models already
    bench1.select("lab-a")
    assert bench1.buttons["publish"].isEnabled()
    qtbot.mouseClick(bench1.buttons["publish"], Qt.MouseButton.LeftButton)
    assert active_lab_model(lab_store) == "lab-a" and "lab-a" in questions.infos[-1]
    assert bench1.lab_line.isVisible() and "lab-a" in bench1.lab_line.text()  # this PC still reads with lab-b

    monkeypatch.setenv("LCDREADER_HOME", str(tmp_path / "bench2"))  # another PC
    bench2 = lab_dialog(qtbot, lab_store)
    assert bench2.buttons["use_lab"].isVisible() and "“lab-a”" in bench2.lab_line.text()
    with qtbot.waitSignal(bench2.modelActivated) as signal:
        qtbot.mouseClick(bench2.buttons["use_lab"], Qt.MouseButton.LeftButton)
    assert signal.args == ["lab-a"] and registry.active_model_name() == "lab-a"
    assert bench2.table.item(row_of(bench2, "lab-a"), 1).text() == "In use"
    assert not bench2.buttons["use_lab"].isVisible() and "lab-a" in questions.infos[-1]

    with lab_store.begin() as connection:  # damaged on the way to a third PC
        connection.execute(sa.text("UPDATE lab_model_files SET data = :data WHERE path = 'rec/inference.pdiparams'"),
                           {"data": b"1"})
    monkeypatch.setenv("LCDREADER_HOME", str(tmp_path / "bench3"))
    before = registry.active_model_name()
    errors = []
    monkeypatch.setattr(ModelMessages, "error", classmethod(lambda cls, parent, title, text: errors.append(text)))
    bench3 = lab_dialog(qtbot, lab_store)
    qtbot.mouseClick(bench3.buttons["use_lab"], Qt.MouseButton.LeftButton)
    assert len(errors) == 1 and "damaged" in errors[0] and "rec/inference.pdiparams" in errors[0]
    assert registry.active_model_name() == before and "lab-a" not in names(bench3)
    assert bench3.buttons["use_lab"].isVisible()  # still offered: a later try may arrive whole


def test_the_window_offers_the_labs_model_at_start(make_window, questions, qtbot, tmp_path):
    from desktop.core.labstore.lab_models import publish
    from desktop.core.labstore.store import LabStore
    from desktop.core.preferences import Preferences
    from desktop.ui.records.dock import sqlite_url

    url = sqlite_url(tmp_path / "lab.sqlite3")
    write_manifest(make_version("lab-a"))
    lab = LabStore.open(url)
    publish(lab, "lab-a")
    lab.close()
    window = make_window(prefs=Preferences(stable_frames=3, lab_database=url))
    offer = window.statusBar().findChild(QPushButton, "labModelOffer")
    assert offer is not None and offer.isVisible() and offer.text() == "The lab uses the model “lab-a”: use it…"
    window.actions.language.trigger()
    qtbot.waitUntil(lambda: offer.text() == "实验室使用模型“lab-a”：使用它…", timeout=2000)
    window.actions.language.trigger()
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    manager = window.model_tools.manager
    assert manager.isVisible() and manager.buttons["use_lab"].isVisible()
    qtbot.mouseClick(manager.buttons["use_lab"], Qt.MouseButton.LeftButton)
    assert registry.active_model_name() == "lab-a" and not offer.isVisible()  # taken: no longer offered
    manager.close()
