"""4 processes each create and edit 250 records at once on one PostgreSQL server, and all of them keep
incrementing the same few records: no duplicate number, no lost update, every change in the history."""
import multiprocessing
import time
import traceback
from datetime import date

import pytest

from desktop.core.labstore.errors import EditConflict
from desktop.core.labstore.store import LabStore
from desktop.core.records.repository import RecordRepository

PROCESSES, RECORDS_EACH, SHARED, INCREMENTS_EACH = 4, 250, 5, 50
DAY = date(2025, 3, 14)


def _bench(url: str, index: int, make_record, start, results) -> None:
    try:
        _edit(url, index, make_record, start, results)
    except Exception:  # noqa: BLE001  (the test says what went wrong instead of waiting for a result)
        results.put(traceback.format_exc())


def _edit(url: str, index: int, make_record, start, results) -> None:
    """One PC: its own records created then edited, interleaved with increments of the shared ones."""
    store = LabStore.open(url)
    repository = RecordRepository(store)
    start.wait()
    numbers, conflicts = [], 0
    for i in range(RECORDS_EACH):
        number = repository.next_record_number(DAY)
        repository.save_record(make_record(number, customer=f"bench {index}", remarks="new"))
        numbers.append(number)
        record = repository.get_record(number)
        record.remarks = f"edited on bench {index}"
        repository.save_record(record)
        if i % (RECORDS_EACH // INCREMENTS_EACH) == 0:
            conflicts += _increment(repository, f"SHARED-{i % SHARED}")
    results.put((numbers, conflicts))
    store.close()


def _increment(repository: RecordRepository, number: str) -> int:
    """Add one to the shared record's counter; a conflict means: read again, add again. Returns the conflicts."""
    conflicts = 0
    while True:
        record = repository.get_record(number)
        record.remarks = str(int(record.remarks) + 1)
        try:
            repository.save_record(record)
            return conflicts
        except EditConflict:
            conflicts += 1


@pytest.mark.slow
def test_four_pcs_create_and_edit_1000_records_at_once_on_postgres(postgres_url, new_record):
    setup = RecordRepository(LabStore.open(postgres_url))
    for i in range(SHARED):
        setup.save_record(new_record(f"SHARED-{i}", remarks="0"))
    setup.store.engine.dispose()  # no connection of this process is shared with the forked ones
    context = multiprocessing.get_context("fork")
    start, results = context.Event(), context.Queue()
    workers = [context.Process(target=_bench, args=(postgres_url, i, new_record, start, results))
               for i in range(PROCESSES)]
    for worker in workers:
        worker.start()
    began = time.perf_counter()
    start.set()
    outcomes = [results.get(timeout=600) for _ in workers]
    assert not [o for o in outcomes if isinstance(o, str)], "\n".join(o for o in outcomes if isinstance(o, str))
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    print(f"\n{PROCESSES} processes x {RECORDS_EACH} records: {time.perf_counter() - began:.1f} s, "
          f"{sum(c for _, c in outcomes)} conflicts retried")

    numbers = [n for batch, _ in outcomes for n in batch]
    assert len(numbers) == len(set(numbers)) == PROCESSES * RECORDS_EACH  # no duplicate number
    stored = {r.number: r for r in setup.find_records()}
    assert len(stored) == PROCESSES * RECORDS_EACH + SHARED
    assert all(stored[n].remarks.startswith("edited on bench") for n in numbers)  # no lost edit
    increments = PROCESSES * INCREMENTS_EACH
    assert sum(int(stored[f"SHARED-{i}"].remarks) for i in range(SHARED)) == increments  # no lost update
    for n in numbers[:: 37]:
        assert [(e.what, e.new_value) for e in setup.history(n)][0] == ("record", "created")
        assert ("remarks", "new", stored[n].remarks) in [(e.what, e.old_value, e.new_value) for e in setup.history(n)]
    for i in range(SHARED):  # the history holds every increment, in order: 0 -> 1 -> 2 ...
        steps = [(int(e.old_value), int(e.new_value)) for e in setup.history(f"SHARED-{i}")
                 if e.what == "remarks" and e.old_value]  # after the value it was created with
        assert steps == [(k, k + 1) for k in range(int(stored[f"SHARED-{i}"].remarks))]
    conflicts = sum(c for _, c in outcomes)
    assert sum(len(setup.drafts(f"SHARED-{i}")) for i in range(SHARED)) == conflicts  # every refused edit kept
    setup.store.close()
