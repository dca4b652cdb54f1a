"""Models published to the lab: each version's files with their SHA-256, and which one is active.

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("lab_models",
                    sa.Column("name", sa.Text, primary_key=True),
                    sa.Column("metadata", sa.Text, nullable=False),
                    sa.Column("published_at", sa.Text, nullable=False),
                    sa.Column("published_by", sa.Text, nullable=False),
                    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_table("lab_model_files",
                    sa.Column("name", sa.Text, primary_key=True),
                    sa.Column("path", sa.Text, primary_key=True),
                    sa.Column("sha256", sa.Text, nullable=False),
                    sa.Column("data", sa.LargeBinary, nullable=False))


def downgrade() -> None:
    raise NotImplementedError("the lab store is never downgraded: restore a backup instead")
