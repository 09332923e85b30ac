"""outbox.claimed_by: the instance whose sweep took a row, so a restart of that instance sends the
row again at once instead of after the sweep's 120-second claim (issue 11 item 3).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 02:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("claimed_by")
