"""claim owner, shared send pace, unanswered log linked to its user

- nudges.claimed_by: the instance holding a claim, so a restarted instance takes back its own
  claims at once (issue 11 item 3);
- send_pace: one row per bot, the next free send slot shared by every instance on PostgreSQL
  (item 5);
- unanswered_questions.user_id: who asked, so /mydata shows the row and /forget deletes it (item 8).
  Rows logged before this revision stay without a user.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nudges", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=128), nullable=True))
    op.create_table(
        "send_pace",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("next_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    with op.batch_alter_table("unanswered_questions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("user_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_unanswered_questions_user_id"), ["user_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_unanswered_questions_user_id_users", "users", ["user_id"], ["id"], ondelete="CASCADE"
        )


def downgrade() -> None:
    with op.batch_alter_table("unanswered_questions", schema=None) as batch_op:
        batch_op.drop_constraint("fk_unanswered_questions_user_id_users", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_unanswered_questions_user_id"))
        batch_op.drop_column("user_id")
    op.drop_table("send_pace")
    with op.batch_alter_table("nudges", schema=None) as batch_op:
        batch_op.drop_column("claimed_by")
