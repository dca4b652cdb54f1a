"""The lab store's tables, as the queries see them. The migrations in ``migrations/`` create them and stay
as they were written (history, never edited); a test checks that both describe the same schema.

Timestamps are ISO 8601 text in UTC, so SQLite and PostgreSQL sort and compare them the same way.
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

records = sa.Table(
    "records", metadata,
    sa.Column("number", sa.Text, primary_key=True),
    sa.Column("calibration_date", sa.Text, nullable=False),
    sa.Column("instrument_serial", sa.Text, nullable=False, server_default=""),
    sa.Column("customer", sa.Text, nullable=False, server_default=""),
    sa.Column("revision", sa.Integer, nullable=False, server_default="0"),
    sa.Column("issued_at", sa.Text, nullable=False, server_default=""),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
    sa.Column("updated_by", sa.Text, nullable=False, server_default=""),
    sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
    sa.Index("records_serial", "instrument_serial"),
    sa.Index("records_customer", "customer"),
    sa.Index("records_updated", "updated_by", "updated_at"),
)

record_revisions = sa.Table(
    "record_revisions", metadata,
    sa.Column("number", sa.Text, primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True),
    sa.Column("issued_at", sa.Text, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)

record_history = sa.Table(
    "record_history", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entry_id", sa.Text, nullable=False, unique=True),  # the same entry in every store it is copied to
    sa.Column("number", sa.Text, nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("at", sa.Text, nullable=False),
    sa.Column("who", sa.Text, nullable=False),
    sa.Column("what", sa.Text, nullable=False),
    sa.Column("old_value", sa.Text, nullable=False),
    sa.Column("new_value", sa.Text, nullable=False),
    sa.Column("why", sa.Text, nullable=False, server_default=""),
    sa.Column("imported_by", sa.Text, nullable=False, server_default=""),
    sa.Index("record_history_number", "number", "seq"),
)

record_drafts = sa.Table(
    "record_drafts", metadata,
    sa.Column("draft_id", sa.Text, primary_key=True),
    sa.Column("number", sa.Text, nullable=False),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("saved_at", sa.Text, nullable=False),
    sa.Column("base_version", sa.Integer, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)

number_counters = sa.Table(
    "number_counters", metadata,
    sa.Column("key", sa.Text, primary_key=True),  # the number pattern with its date filled in
    sa.Column("last", sa.Integer, nullable=False),
)

instruments = sa.Table(
    "instruments", metadata,
    sa.Column("serial", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False, server_default=""),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("last_used", sa.Text, nullable=False),
)

standards = sa.Table(
    "standards", metadata,
    sa.Column("serial", sa.Text, primary_key=True),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("last_used", sa.Text, nullable=False),
)

people = sa.Table(
    "people", metadata,
    sa.Column("login", sa.Text, primary_key=True),  # the database login (PostgreSQL) or OS user (SQLite)
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("may_perform", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("may_check", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("may_authorise", sa.Boolean, nullable=False, server_default=sa.false()),
)

lab_settings = sa.Table(
    "lab_settings", metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

lab_models = sa.Table(
    "lab_models", metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("metadata", sa.Text, nullable=False),  # the version's model.yaml
    sa.Column("published_at", sa.Text, nullable=False),
    sa.Column("published_by", sa.Text, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.false()),
)

lab_model_files = sa.Table(
    "lab_model_files", metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("path", sa.Text, primary_key=True),  # relative to the version folder, e.g. rec/inference.pdiparams
    sa.Column("sha256", sa.Text, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)
