"""Two PCs on one store: lab-wide numbers, optimistic locking on the row version, issued revisions that
nothing changes. Every test runs on SQLite and on a real PostgreSQL server."""
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from desktop.core.labstore.errors import EditConflict, RecordLockedError, StoreError
from desktop.core.labstore.store import LabStore
from desktop.core.records.repository import RecordRepository
from desktop.core.records.revisions import issue, revise


@pytest.fixture
def repository(lab_store):
    return RecordRepository(lab_store)


@pytest.fixture
def second_pc(lab_url, lab_store):
    store = LabStore.open(lab_url)
    yield RecordRepository(store)
    store.close()


def test_two_pcs_never_get_the_same_number(repository, second_pc):
    day = date(2025, 3, 14)
    numbers = [pc.next_record_number(day) for _ in range(5) for pc in (repository, second_pc)]
    assert len(set(numbers)) == 10
    assert sorted(numbers)[0] == "LCD-20250314-0001" and sorted(numbers)[-1] == "LCD-20250314-0010"


def test_the_second_save_is_told_who_changed_the_record_and_keeps_its_edits_as_a_draft(repository, second_pc,
                                                                                       new_record):
    repository.save_record(new_record(customer="first"))
    mine, theirs = repository.get_record("LCD-20250314-0001"), second_pc.get_record("LCD-20250314-0001")
    theirs.customer = "changed on bench 2"
    second_pc.save_record(theirs)
    mine.remarks = "my remark"
    with pytest.raises(EditConflict) as conflict:
        repository.save_record(mine)
    assert conflict.value.changed_by == second_pc.store.identity
    changed_at = datetime.fromisoformat(conflict.value.changed_at)
    assert abs((datetime.now(UTC) - changed_at).total_seconds()) < 60
    assert repository.get_record(mine.number).customer == "changed on bench 2"  # theirs, not overwritten
    [draft] = repository.drafts(mine.number)
    assert draft.record.remarks == "my remark" and draft.author == repository.store.identity
    mine = repository.get_record(mine.number)  # merged: read again, change again
    mine.remarks = "my remark"
    repository.save_record(mine)
    assert second_pc.get_record(mine.number).remarks == "my remark"


def test_an_issued_record_is_locked_in_the_store(repository, new_record):
    issued = issue(new_record(), by="李华")
    repository.save_record(issued)
    changed = repository.get_record(issued.number)
    changed.remarks = "quietly changed"
    with pytest.raises(RecordLockedError, match="is issued and cannot be"):
        repository.save_record(changed)
    with pytest.raises(RecordLockedError, match="was issued: it stays in the store"):
        repository.delete_record(issued.number)
    later = revise(issued, "remark added")
    later.remarks = "added"
    repository.save_record(later)
    assert [r.remarks for r in repository.revisions(issued.number)] == [issued.remarks]


def test_a_raw_update_of_an_issued_revision_fails_in_the_database(lab_store, repository, new_record):
    """Not only the app: the database's triggers refuse, whoever sends the SQL."""
    issued = issue(new_record(), by="李华")
    repository.save_record(issued)
    for statement in ("UPDATE record_revisions SET data = '{}'",
                      "DELETE FROM record_revisions",
                      "UPDATE records SET data = '{}', row_version = row_version + 1",
                      "DELETE FROM records",
                      "UPDATE record_history SET new_value = 'x'",
                      "DELETE FROM record_history"):
        with pytest.raises(RecordLockedError, match="issued"), lab_store.begin() as connection:
            connection.execute(sa.text(statement))
    assert repository.get_record(issued.number) == issued


def test_renaming_a_draft_is_one_transaction(repository, new_record):
    repository.save_record(new_record())
    record = repository.get_record("LCD-20250314-0001")
    record.number = "LCD-20250314-0099"
    repository.rename_record("LCD-20250314-0001", record)
    assert [r.number for r in repository.find_records()] == ["LCD-20250314-0099"]
    assert repository.history("LCD-20250314-0099")[-1].what == "number"


def test_the_store_raises_its_own_errors(lab_store):
    with pytest.raises(StoreError) as error, lab_store.begin() as connection:
        connection.execute(sa.text("SELECT * FROM no_such_table"))
    assert "sqlalchemy" not in type(error.value).__module__ and "sqlite3" not in type(error.value).__module__
