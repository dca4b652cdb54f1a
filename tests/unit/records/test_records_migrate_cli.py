"""`lcdreader records migrate --to postgresql://...` copies a PC's records, revisions and history once."""
import sqlalchemy as sa

from desktop.cli import main
from desktop.core.labstore.store import LabStore
from desktop.core.records.repository import RecordRepository
from desktop.core.records.revisions import issue, revise


def test_migrate_copies_records_revisions_and_history_once_to_postgres(tmp_path, postgres_url, new_record, capsys):
    local = LabStore.open(f"sqlite:///{tmp_path / 'pc.sqlite3'}")
    pc = RecordRepository(local)
    issued = issue(new_record(), by="李华")
    pc.save_record(issued)
    pc.save_record(issue(revise(issued, "typo"), by="李华"))
    pc.save_record(new_record("LCD-20250314-0002", customer="草稿"))
    local_history = [(e.number, e.who, e.what, e.old_value, e.new_value, e.why)
                     for n in ("LCD-20250314-0001", "LCD-20250314-0002") for e in pc.history(n)]
    local.close()

    assert main(["records", "migrate", "--from", str(tmp_path / "pc.sqlite3"), "--to", postgres_url]) == 0
    assert "records: 2 copied, 0 already there" in capsys.readouterr().out
    assert main(["records", "migrate", "--from", str(tmp_path / "pc.sqlite3"), "--to", postgres_url]) == 0
    out = capsys.readouterr().out
    assert "records: 0 copied, 2 already there" in out and "record_history: 0 copied" in out

    server = LabStore.open(postgres_url)
    lab = RecordRepository(server)
    assert lab.get_record(issued.number).revision == 1 and len(lab.revisions(issued.number)) == 2
    assert lab.get_record("LCD-20250314-0002").customer == "草稿"
    assert [(e.number, e.who, e.what, e.old_value, e.new_value, e.why)
            for n in ("LCD-20250314-0001", "LCD-20250314-0002") for e in lab.history(n)] == local_history
    with server.begin() as connection:
        assert connection.execute(sa.text("SELECT DISTINCT imported_by FROM record_history")).scalars().all() == \
            [server.identity]
    assert lab.next_record_number(issued.calibration_date) == "LCD-20250314-0003"  # numbering goes on
    server.close()


def test_migrate_says_why_when_the_server_cannot_be_reached(tmp_path, capsys):
    code = main(["records", "migrate", "--from", str(tmp_path / "pc.sqlite3"),
                 "--to", "postgresql://nobody@127.0.0.1:1/lab"])
    assert code == 1 and "cannot be reached" in capsys.readouterr().err


def test_a_record_whose_number_the_server_used_meanwhile_becomes_a_draft_there_postgres(tmp_path, postgres_url,
                                                                                        new_record, capsys):
    server = LabStore.open(postgres_url)
    RecordRepository(server).save_record(new_record(customer="made on the server"))
    local = LabStore.open(f"sqlite:///{tmp_path / 'pc.sqlite3'}")
    RecordRepository(local).save_record(new_record(customer="made on this PC while the server was away"))
    local.close()
    for _ in range(2):
        assert main(["records", "migrate", "--from", str(tmp_path / "pc.sqlite3"), "--to", postgres_url]) == 0
    assert "1 record(s) differ" in capsys.readouterr().out.splitlines()[0]
    lab = RecordRepository(server)
    assert lab.get_record(new_record().number).customer == "made on the server"  # not overwritten
    [draft] = lab.drafts(new_record().number)  # kept once, for merging
    assert draft.record.customer == "made on this PC while the server was away"
    server.close()
