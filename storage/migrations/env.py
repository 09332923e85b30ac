"""Alembic environment: always run on a connection handed in by storage.db (sync facade over the
async engine), so the same code path migrates SQLite and PostgreSQL."""

from alembic import context

from storage.tables import SQLModel

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through storage.db.Database.migrate()")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
