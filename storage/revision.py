"""Write a new alembic revision by comparing storage/tables.py with the migrated schema.

Usage: python -m storage.revision "what changed"   (runs against a throw-away SQLite file)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine

from storage.db import _upgrade_to_head, alembic_config


def main(message: str) -> None:
    from alembic import command

    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'rev.sqlite3'}")
        with engine.begin() as conn:
            _upgrade_to_head(conn)
            command.revision(alembic_config(conn), message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or "schema change")
