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
