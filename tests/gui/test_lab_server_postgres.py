"""Two app instances (two PCs) on one PostgreSQL lab server: one issues a record, the other sees it
issued and cannot edit it; the History tab shows who changed what, and when."""
import os
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.core.preferences import Preferences
from desktop.core.store import SessionStore
from desktop.ui.item_models.points_model import STANDARD

from .fakes import FakeCapture, FakeEngine
from .test_record_issue import fill_issue_items
from .test_records import add_point, type_into

# LCDREADER_SCREENSHOTS=1 refreshes the one in docs/; otherwise the test run leaves the repository alone
DOCS_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "history_tab_en.png"


def open_pc(qtbot, folder: Path, url: str):
    from desktop.ui.main_window import MainWindow

    store = SessionStore(folder)
    window = MainWindow(lambda p: FakeEngine(), Preferences(stable_frames=3, lab_database=url, lab_name="Lab", lab_traceability="to SI",
                                                             lab_signatory="Li"), store,
                        capture_factory=lambda i: FakeCapture(i), prefs_path=folder / "preferences.yaml")
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: window.ocr.ready, timeout=5000)
    return window, store


def test_one_pc_issues_and_the_other_sees_it_issued_on_postgres(qtbot, tmp_path, postgres_url):
    bench1, store1 = open_pc(qtbot, tmp_path / "bench1", postgres_url)
    panel1 = bench1.record_panel
    type_into(qtbot, panel1, "instrument.name", "Gauge")
    type_into(qtbot, panel1, "customer", "Acme Labs")
    model = add_point(bench1, qtbot, tmp_path)
    assert model.setData(model.index(0, STANDARD), "100.00", Qt.ItemDataRole.EditRole)
    fill_issue_items(qtbot, panel1)  # what a certificate needs before it can be issued (issue 31)
    number = panel1.form.edits["number"].text()

    bench2, store2 = open_pc(qtbot, tmp_path / "bench2", postgres_url)
    panel2 = bench2.record_panel
    assert panel2.form.edits["number"].text() == number  # the same record, from the server
    assert panel2.form.edits["customer"].text() == "Acme Labs" and panel2.issue_button.isEnabled()

    qtbot.mouseClick(panel1.issue_button, Qt.MouseButton.LeftButton)
    assert panel1.controller.record.locked

    qtbot.waitUntil(lambda: panel2.controller.record.locked, timeout=10000)  # bench 2 sees it issued
    assert panel2.form.edits["customer"].isReadOnly() and not panel2.issue_button.isEnabled()
    type_into(qtbot, panel2, "customer", "changed")  # typing changes nothing
    assert panel2.controller.record.customer == "Acme Labs"

    panel2.tabs.setCurrentWidget(panel2.history)
    history = panel2.history
    rows = [[history.item(r, c).text() for c in range(6)] for r in range(history.rowCount())]
    assert rows[0][2:5] == ["record", "", "created"]
    assert any(row[2] == "issued_at" and row[4] for row in rows)
    assert all(row[1] for row in rows)  # who: the database login
    qtbot.wait(50)
    screenshot = DOCS_SCREENSHOT if os.environ.get("LCDREADER_SCREENSHOTS") else tmp_path / "history_tab_en.png"
    assert bench2.grab().save(str(screenshot)) and screenshot.stat().st_size > 10_000
    for window, store in ((bench1, store1), (bench2, store2)):
        window.close()
        store.close()


def test_the_app_starts_on_this_pc_when_the_lab_server_is_away(qtbot, tmp_path):
    bench, store = open_pc(qtbot, tmp_path / "bench", "postgresql://nobody@127.0.0.1:1/lab")
    from PySide6.QtWidgets import QLabel

    assert "lab server cannot be reached" in bench.statusBar().findChild(QLabel, "labStoreAway").text()
    panel = bench.record_panel
    type_into(qtbot, panel, "customer", "Acme Labs")
    panel.controller.flush()
    assert not panel.controller.repository.store.is_server
    assert panel.controller.repository.get_record(panel.form.edits["number"].text()).customer == "Acme Labs"
    bench.close()
    store.close()


def test_typing_goes_on_while_the_server_is_stopped_and_reaches_it_when_back_postgres(qtbot, tmp_path, postgres_url,
                                                                                      postgres_server):
    from desktop.core.labstore.store import LabStore
    from desktop.core.records.repository import RecordRepository

    bench, store = open_pc(qtbot, tmp_path / "bench", postgres_url)
    panel = bench.record_panel
    type_into(qtbot, panel, "customer", "Acme Labs")
    panel.controller.flush()
    number = panel.form.edits["number"].text()
    postgres_server.stop()
    try:
        type_into(qtbot, panel, "remarks", "typed while the server was away")
        panel.controller.flush()
        assert "cannot be reached" in bench.statusBar().currentMessage()
    finally:
        postgres_server.start()
    qtbot.waitUntil(lambda: "lab server is back" in bench.statusBar().currentMessage(), timeout=20000)  # no restart
    server = LabStore.open(postgres_url)
    assert RecordRepository(server).get_record(number).remarks == "typed while the server was away"
    assert len(panel.controller.repository.pending) == 0
    server.close()
    bench.close()
    store.close()
