"""The lab's people and what each may sign: perform, check, authorise (issue) a calibration.

The store knows who is working (``LabStore.identity``: the database login on PostgreSQL, the OS user on
SQLite); the list maps that login to a name and its authorisations. A lab that lists nobody works as
one PC always did: no check is made. Once the list holds anyone, only an authorised person issues, and
nobody checks or authorises their own calibration unless the lab's setting allows it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa

from desktop.core.labstore.store import LabStore
from desktop.core.labstore.tables import lab_settings, people

if TYPE_CHECKING:  # the records' store (records/repository.py) is built on this package
    from desktop.core.records.calibration_record import CalibrationRecord

SELF_CHECK = "allow_self_check"  # lab setting: "1" lets a person check or authorise their own calibration


@dataclass(frozen=True)
class Person:
    login: str
    name: str
    may_perform: bool = True
    may_check: bool = False
    may_authorise: bool = False


class People:
    def __init__(self, store: LabStore):
        self.store = store

    def put(self, person: Person) -> None:
        values = dict(name=person.name, may_perform=person.may_perform, may_check=person.may_check,
                      may_authorise=person.may_authorise)
        with self.store.begin() as connection:
            if not connection.execute(people.update().where(people.c.login == person.login).values(**values)).rowcount:
                connection.execute(people.insert().values(login=person.login, **values))

    def all(self) -> list[Person]:
        with self.store.begin() as connection:
            return [Person(*row) for row in connection.execute(
                sa.select(people.c.login, people.c.name, people.c.may_perform, people.c.may_check,
                          people.c.may_authorise).order_by(people.c.login))]

    def set_self_check_allowed(self, allowed: bool) -> None:
        with self.store.begin() as connection:
            if not connection.execute(lab_settings.update().where(lab_settings.c.key == SELF_CHECK)
                                      .values(value="1" if allowed else "0")).rowcount:
                connection.execute(lab_settings.insert().values(key=SELF_CHECK, value="1" if allowed else "0"))

    def self_check_allowed(self) -> bool:
        with self.store.begin() as connection:
            return connection.execute(sa.select(lab_settings.c.value)
                                      .where(lab_settings.c.key == SELF_CHECK)).scalar() == "1"

    def issue_problems(self, record: CalibrationRecord) -> tuple[str, list[str]]:
        """Who issues (the name to record), and why they may not issue this record (empty: they may)."""
        listed = {person.login: person for person in self.all()}
        if not listed:
            return record.signatory.name or record.technician, []
        me = listed.get(self.store.identity)
        if me is None:
            return self.store.identity, [f"{self.store.identity} is not in the lab's list of people"]
        by_name = {person.name: person for person in listed.values()}
        problems = []
        if not me.may_authorise:
            problems.append(f"{me.name} is not authorised to issue certificates")
        performer, checker = by_name.get(record.technician), by_name.get(record.checker)
        if performer is None or not performer.may_perform:
            problems.append(f"the technician {record.technician or '(blank)'} is not listed as performing calibrations")
        if checker is None or not checker.may_check:
            problems.append(f"the checker {record.checker or '(blank)'} is not listed as checking calibrations")
        if not self.self_check_allowed():
            if record.checker and record.checker == record.technician:
                problems.append(f"{record.checker} cannot check their own calibration")
            if me.name == record.technician:
                problems.append(f"{me.name} cannot authorise their own calibration")
        return me.name, problems
