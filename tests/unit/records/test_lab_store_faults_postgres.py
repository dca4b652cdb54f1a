"""The lab server stopped in the middle of saves, then started again: nothing lost, nothing half-saved,
and the same repository carries on without a restart (the saves waited in the queue on this PC)."""
import threading
import time
from datetime import date

from desktop.core.labstore.errors import KeptLocally
from desktop.core.labstore.pending import PendingSaves
from desktop.core.labstore.store import LabStore
from desktop.core.records.repository import RecordRepository

RECORDS = 40


def test_the_server_stopped_during_saves_loses_nothing_on_postgres(postgres_server, postgres_url, tmp_path,
                                                                    new_record):
    store = LabStore.open(postgres_url)
    repository = RecordRepository(store, PendingSaves(tmp_path / "pending.sqlite3"))
    numbers = [repository.next_record_number(date(2025, 3, 14)) for _ in range(RECORDS)]
    progress, kept_locally = [], []

    def technician():
        for i, number in enumerate(numbers):
            record = new_record(number, remarks=f"typed {i}")
            for remark in (f"typed {i}", f"corrected {i}"):
                record.remarks = remark
                try:
                    repository.save_record(record)
                except KeptLocally:
                    kept_locally.append(number)
                time.sleep(0.01)
            progress.append(number)

    worker = threading.Thread(target=technician)
    worker.start()
    _wait(lambda: len(progress) >= 10)
    postgres_server.stop()  # fast shutdown: sessions in the middle of a transaction are cut off
    _wait(lambda: len(progress) >= 25)
    postgres_server.start()
    worker.join(timeout=120)
    assert kept_locally, "the server was stopped, so some saves must have waited on this PC"
    repository.send_pending()
    assert len(repository.pending) == 0

    stored = {r.number: r for r in RecordRepository(LabStore.open(postgres_url)).find_records()}
    assert sorted(stored) == sorted(numbers)  # nothing lost
    for i, number in enumerate(numbers):
        assert stored[number].remarks == f"corrected {i}"
        history = repository.history(number)
        assert history[0].new_value == "created"  # nothing half-saved: each row came with its history
        remarks = [e.new_value for e in history if e.what == "remarks"]
        if remarks:
            assert remarks[-1] == f"corrected {i}"
        else:  # both its saves waited on this PC: it reached the server once, as it was last typed
            assert number in kept_locally
        assert repository.drafts(number) == []  # its own queued saves never conflicted with each other
    store.close()


def _wait(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)
