"""Deletions: events removed when their last source was withdrawn. A database may have the table already
(made by sitrep's schema.sql before migrations), so it is created only where missing.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not sa.inspect(op.get_bind()).has_table("deletions"):
        op.create_table("deletions", sa.Column("event_id", sa.Text(), primary_key=True),
                        sa.Column("deleted_at", sa.Text(), nullable=False))


def downgrade() -> None:
    op.drop_table("deletions")
