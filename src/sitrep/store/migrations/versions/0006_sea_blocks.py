"""Events at sea are filed for linking under every country on the sea's shores (coasts.yaml), where
reports told from the shore ("off Hodeidah") look for them, rather than under no country: the weeks an
event is filed under stay as they were.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from sitrep.data import coasts

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _refile(shores: dict[str, frozenset[str]]) -> None:
    """Each sea event's blocks, under the countries ``shores`` gives its sea (none: under no country)."""
    con = op.get_bind()
    for event_id, sea in con.execute(sa.text("SELECT id, location FROM events WHERE place_kind = 'sea'")).all():
        weeks = sorted({w for (w,) in con.execute(sa.text("SELECT week FROM event_blocks WHERE event_id = :e"),
                                                  {"e": event_id})})
        con.execute(sa.text("DELETE FROM event_blocks WHERE event_id = :e"), {"e": event_id})
        rows = [{"c": c, "w": w, "e": event_id} for c in sorted(shores.get(sea, ())) or [""] for w in weeks]
        if rows:
            con.execute(sa.text("INSERT INTO event_blocks VALUES (:c, :w, :e)"), rows)


def upgrade() -> None:
    _refile(coasts())


def downgrade() -> None:
    _refile({})
