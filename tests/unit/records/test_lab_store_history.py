"""The append-only history (17025 7.5.2): old value, new value, what, who, when and why, on both backends."""
import getpass
from datetime import datetime

import pytest
import sqlalchemy as sa
from postgres_server import add_login

from desktop.core.labstore.store import LabStore
from desktop.core.records.repository import RecordRepository
from desktop.core.records.revisions import issue, revise


@pytest.fixture
def repository(lab_store):
    return RecordRepository(lab_store)


def test_every_change_is_kept_with_old_and_new_value(repository, new_record):
    record = new_record()
    record.points[0].ocr_text, record.points[0].reading = "1O0.07", "100.07"  # corrected from what OCR read
    repository.save_record(record)
    record = repository.get_record(record.number)
    record.customer = "new customer"
    record.points[1].reading = "50.01"
    repository.save_record(record)
    entries = repository.history(record.number)
    assert entries[0].what == "record" and entries[0].new_value == "created"
    assert ("points[0].reading (corrected from OCR)", "1O0.07", "100.07") in [
        (e.what, e.old_value, e.new_value) for e in entries]
    changed = {e.what: (e.old_value, e.new_value) for e in entries[-2:]}
    assert changed == {"customer": ("苏州清源环境检测有限公司", "new customer"),
                       "points[1].reading": (new_record().points[1].reading, "50.01")}
    assert all(e.who == repository.store.identity for e in entries)
    assert all(datetime.fromisoformat(e.at) for e in entries)


def test_a_new_revision_records_why(repository, new_record):
    issued = issue(new_record(), by="李华")
    repository.save_record(issued)
    draft = revise(issued, "customer's name was misspelt")
    draft.customer = "苏州清源环境检测有限公司 (corrected)"
    repository.save_record(draft)
    last = repository.history(issued.number)[-1]
    assert last.why == "customer's name was misspelt" and last.revision == 1


def test_who_is_the_os_user_on_sqlite(tmp_path, new_record):
    store = LabStore.open(f"sqlite:///{tmp_path / 'lab.sqlite3'}")
    RecordRepository(store).save_record(new_record())
    assert {e.who for e in RecordRepository(store).history(new_record().number)} == {getpass.getuser()}
    store.close()


def test_who_is_the_database_login_on_postgres_whatever_the_client_claims(postgres_url, new_record):
    LabStore.open(postgres_url).close()  # the lab's IT creates the schema
    store = LabStore.open(add_login(postgres_url, "tech_wang"))
    repository = RecordRepository(store)
    store.identity = "someone_else"  # a client that lies about its name
    repository.save_record(new_record())
    with store.begin() as connection:  # even raw SQL cannot claim another author
        connection.execute(sa.text("INSERT INTO record_history (entry_id, number, revision, at, who, what, old_value,"
                                   " new_value) VALUES ('x1', 'n', 0, 'now', 'boss', 'remarks', '', 'forged')"))
    entries = repository.history(new_record().number) + repository.history("n")
    assert {e.who for e in entries} == {"tech_wang"}
    assert repository.find_records()[0].number == new_record().number
    with store.begin() as connection:
        assert connection.execute(sa.text("SELECT updated_by FROM records")).scalar() == "tech_wang"
    store.close()
