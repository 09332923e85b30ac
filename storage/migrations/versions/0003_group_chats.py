"""group chats: users.is_group; existing Telegram groups become groups and start muted

A group chat is not a user: /stats does not count it and /broadcast skips it. Reminders reach a
group only after one of its admins turned them on there (/remind), so the groups known before this
revision (Telegram group and supergroup chat ids are negative) are marked and muted.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 11:09:34.937377
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("is_group", sa.Boolean(), server_default=sa.false(), nullable=False))
    users = sa.table(
        "users",
        sa.column("channel", sa.String),
        sa.column("external_id", sa.String),
        sa.column("is_group", sa.Boolean),
        sa.column("muted", sa.Boolean),
    )
    op.execute(
        users.update()
        .where(users.c.channel == "telegram", users.c.external_id.like("-%"))
        .values(is_group=True, muted=True)
    )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("is_group")
