"""users.seen_notes: the governing-text notes shown in the conversation, so each is said in full once
and referred to briefly after that (newcomer trial, N16). JSON {key: ISO time}; NULL reads as none.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 23:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seen_notes", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("seen_notes")
