"""The records tables as the session store (SQLite) kept them before the lab store: the starting point
that an old store is upgraded from in place. Tables that exist already are left as they are.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "records" not in existing:
        op.create_table("records",
                        sa.Column("number", sa.Text, primary_key=True),
                        sa.Column("calibration_date", sa.Text, nullable=False),
                        sa.Column("instrument_serial", sa.Text, nullable=False, server_default=""),
                        sa.Column("data", sa.Text, nullable=False),
                        sa.Column("updated_at", sa.Text, nullable=False))
    if "instruments" not in existing:
        op.create_table("instruments",
                        sa.Column("serial", sa.Text, primary_key=True),
                        sa.Column("data", sa.Text, nullable=False),
                        sa.Column("last_used", sa.Text, nullable=False))
    if "record_revisions" not in existing:
        op.create_table("record_revisions",
                        sa.Column("number", sa.Text, primary_key=True),
                        sa.Column("revision", sa.Integer, primary_key=True),
                        sa.Column("issued_at", sa.Text, nullable=False),
                        sa.Column("data", sa.Text, nullable=False))


def downgrade() -> None:
    raise NotImplementedError("the lab store is never downgraded: restore a backup instead")
