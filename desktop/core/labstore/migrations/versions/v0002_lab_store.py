"""The lab store: row versions, the append-only history, drafts kept on a conflict, lab-wide number
counters, standards, people and lab settings; issued revisions and the history guarded by triggers.

Revision ID: 0002
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_LOCKED = "lcdreader: an issued revision cannot be changed: make a new revision"
_APPEND_ONLY = "lcdreader: issued revisions and the history are never changed or deleted"

_POSTGRES = (
    f"""CREATE FUNCTION lcd_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{_APPEND_ONLY}'; END $$""",
    """CREATE TRIGGER record_revisions_append_only BEFORE UPDATE OR DELETE ON record_revisions
    FOR EACH ROW EXECUTE FUNCTION lcd_append_only()""",
    """CREATE TRIGGER record_history_append_only BEFORE UPDATE OR DELETE ON record_history
    FOR EACH ROW EXECUTE FUNCTION lcd_append_only()""",
    # who: the database login, whatever the client says; an imported entry keeps its author and
    # records who imported it
    """CREATE FUNCTION lcd_history_who() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.imported_by <> '' THEN NEW.imported_by := current_user; ELSE NEW.who := current_user; END IF;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER record_history_who BEFORE INSERT ON record_history
    FOR EACH ROW EXECUTE FUNCTION lcd_history_who()""",
    f"""CREATE FUNCTION lcd_record_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            IF OLD.issued_at <> '' THEN RAISE EXCEPTION '{_LOCKED}'; END IF;
            RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.issued_at <> '' AND NEW.revision <= OLD.revision THEN
            RAISE EXCEPTION '{_LOCKED}';
        END IF;
        NEW.updated_by := current_user;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER records_guard BEFORE INSERT OR UPDATE OR DELETE ON records
    FOR EACH ROW EXECUTE FUNCTION lcd_record_guard()""",
)

_SQLITE = (
    f"""CREATE TRIGGER record_revisions_no_update BEFORE UPDATE ON record_revisions
    BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END""",
    f"""CREATE TRIGGER record_revisions_no_delete BEFORE DELETE ON record_revisions
    BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END""",
    f"""CREATE TRIGGER record_history_no_update BEFORE UPDATE ON record_history
    BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END""",
    f"""CREATE TRIGGER record_history_no_delete BEFORE DELETE ON record_history
    BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END""",
    f"""CREATE TRIGGER records_issued_no_update BEFORE UPDATE ON records
    WHEN OLD.issued_at <> '' AND NEW.revision <= OLD.revision
    BEGIN SELECT RAISE(ABORT, '{_LOCKED}'); END""",
    f"""CREATE TRIGGER records_issued_no_delete BEFORE DELETE ON records WHEN OLD.issued_at <> ''
    BEGIN SELECT RAISE(ABORT, '{_LOCKED}'); END""",
)


def upgrade() -> None:
    for name, column in (("customer", sa.Text), ("revision", sa.Integer), ("issued_at", sa.Text),
                         ("updated_by", sa.Text), ("row_version", sa.Integer)):
        default = {"revision": "0", "row_version": "1"}.get(name, "")
        op.add_column("records", sa.Column(name, column, nullable=False, server_default=default))
    op.add_column("instruments", sa.Column("name", sa.Text, nullable=False, server_default=""))
    _fill_columns_from_json()
    op.create_index("records_serial", "records", ["instrument_serial"])
    op.create_index("records_customer", "records", ["customer"])
    op.create_index("records_updated", "records", ["updated_by", "updated_at"])
    op.create_table("record_history",
                    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
                    sa.Column("entry_id", sa.Text, nullable=False, unique=True),
                    sa.Column("number", sa.Text, nullable=False),
                    sa.Column("revision", sa.Integer, nullable=False),
                    sa.Column("at", sa.Text, nullable=False),
                    sa.Column("who", sa.Text, nullable=False),
                    sa.Column("what", sa.Text, nullable=False),
                    sa.Column("old_value", sa.Text, nullable=False),
                    sa.Column("new_value", sa.Text, nullable=False),
                    sa.Column("why", sa.Text, nullable=False, server_default=""),
                    sa.Column("imported_by", sa.Text, nullable=False, server_default=""))
    op.create_index("record_history_number", "record_history", ["number", "seq"])
    op.create_table("record_drafts",
                    sa.Column("draft_id", sa.Text, primary_key=True),
                    sa.Column("number", sa.Text, nullable=False),
                    sa.Column("author", sa.Text, nullable=False),
                    sa.Column("saved_at", sa.Text, nullable=False),
                    sa.Column("base_version", sa.Integer, nullable=False),
                    sa.Column("data", sa.Text, nullable=False))
    op.create_table("number_counters",
                    sa.Column("key", sa.Text, primary_key=True),
                    sa.Column("last", sa.Integer, nullable=False))
    op.create_table("standards",
                    sa.Column("serial", sa.Text, primary_key=True),
                    sa.Column("data", sa.Text, nullable=False),
                    sa.Column("last_used", sa.Text, nullable=False))
    op.create_table("people",
                    sa.Column("login", sa.Text, primary_key=True),
                    sa.Column("name", sa.Text, nullable=False),
                    sa.Column("may_perform", sa.Boolean, nullable=False, server_default=sa.true()),
                    sa.Column("may_check", sa.Boolean, nullable=False, server_default=sa.false()),
                    sa.Column("may_authorise", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_table("lab_settings",
                    sa.Column("key", sa.Text, primary_key=True),
                    sa.Column("value", sa.Text, nullable=False))
    for statement in _POSTGRES if op.get_bind().dialect.name == "postgresql" else _SQLITE:
        op.execute(statement)


def _fill_columns_from_json() -> None:
    """An old store's records and instruments: the new columns read from each row's JSON."""
    bind = op.get_bind()
    records = sa.table("records", sa.column("number"), sa.column("data"), sa.column("customer"),
                       sa.column("revision"), sa.column("issued_at"))
    for number, data in bind.execute(sa.select(records.c.number, records.c.data)).all():
        record = json.loads(data)
        bind.execute(records.update().where(records.c.number == number).values(
            customer=record.get("customer") or "", revision=record.get("revision") or 0,
            issued_at=record.get("issued_at") or ""))
    instruments = sa.table("instruments", sa.column("serial"), sa.column("data"), sa.column("name"))
    for serial, data in bind.execute(sa.select(instruments.c.serial, instruments.c.data)).all():
        bind.execute(instruments.update().where(instruments.c.serial == serial).values(
            name=json.loads(data).get("name") or ""))


def downgrade() -> None:
    raise NotImplementedError("the lab store is never downgraded: restore a backup instead")
