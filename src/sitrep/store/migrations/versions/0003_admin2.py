"""The district (second-level subdivision) of an event's place, now that the gazetteer knows districts.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("admin2", sa.Text()))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("admin2")
