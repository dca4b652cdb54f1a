"""Performer, checker and authoriser are separate people; only an authorised person issues (both backends)."""
import pytest

from desktop.core.labstore.people import People, Person


@pytest.fixture
def people(lab_store):
    return People(lab_store)


def test_a_lab_that_lists_nobody_issues_as_one_pc_did(people, new_record):
    record = new_record(technician="张工", checker="张工")
    assert people.issue_problems(record) == (record.signatory.name or "张工", [])


def test_only_an_authorised_person_issues_and_nobody_signs_their_own_calibration(people, new_record):
    me = people.store.identity
    people.put(Person(me, "王经理", may_perform=True, may_check=True, may_authorise=False))
    people.put(Person("zhang", "张工"))
    people.put(Person("li", "李工", may_check=True))
    good = new_record(technician="张工", checker="李工")
    name, problems = people.issue_problems(good)
    assert name == "王经理" and problems == ["王经理 is not authorised to issue certificates"]
    people.put(Person(me, "王经理", may_perform=True, may_check=True, may_authorise=True))
    assert people.issue_problems(good) == ("王经理", [])
    own = new_record(technician="王经理", checker="王经理")
    assert people.issue_problems(own)[1] == ["王经理 cannot check their own calibration",
                                             "王经理 cannot authorise their own calibration"]
    assert people.issue_problems(new_record(technician="张工", checker="张工"))[1] == [
        "the checker 张工 is not listed as checking calibrations", "张工 cannot check their own calibration"]
    people.set_self_check_allowed(True)
    assert people.issue_problems(own) == ("王经理", [])
    assert [p.login for p in people.all()] == sorted(["li", me, "zhang"])


GRANTS = (  # as docs/lab-server.md tells the lab's IT
    "CREATE ROLE lcd_staff NOLOGIN",
    "CREATE ROLE lcd_authoriser NOLOGIN IN ROLE lcd_staff",
    "CREATE ROLE wang LOGIN PASSWORD 'pw-wang' IN ROLE lcd_staff",
    "CREATE ROLE li LOGIN PASSWORD 'pw-li' IN ROLE lcd_authoriser",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON records, record_drafts, number_counters, instruments, standards "
    "TO lcd_staff",
    "GRANT SELECT, INSERT ON record_history TO lcd_staff",
    "GRANT USAGE ON SEQUENCE record_history_seq_seq TO lcd_staff",
    "GRANT SELECT ON record_revisions, people, lab_settings, alembic_version TO lcd_staff",
    "GRANT INSERT ON record_revisions TO lcd_authoriser",
)


def test_the_documented_grants_let_only_an_authoriser_issue_on_postgres(postgres_url, new_record):
    import sqlalchemy as sa

    from desktop.core.labstore.errors import StoreError
    from desktop.core.labstore.passwords import remember_password
    from desktop.core.labstore.store import LabStore
    from desktop.core.records.repository import RecordRepository
    from desktop.core.records.revisions import issue

    owner = LabStore.open(postgres_url)
    with owner.begin() as connection:
        for statement in GRANTS:
            connection.execute(sa.text(statement))
    owner.close()
    login = {name: LabStore.open(remember_password(sa.make_url(postgres_url).set(username=name).render_as_string(
        hide_password=False), f"pw-{name}")) for name in ("wang", "li")}
    wang, li = RecordRepository(login["wang"]), RecordRepository(login["li"])
    wang.save_record(new_record())
    with pytest.raises(StoreError, match="permission denied"):
        wang.save_record(issue(wang.get_record(new_record().number), by="王工"))
    li.save_record(issue(li.get_record(new_record().number), by="李华"))
    assert [e.who for e in li.history(new_record().number)][-1] == "li"
    with pytest.raises(StoreError, match="permission denied"), login["wang"].begin() as connection:
        connection.execute(sa.text("DELETE FROM record_history"))
    for store in login.values():
        store.close()
