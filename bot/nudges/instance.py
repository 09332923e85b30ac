"""Which instance of the bot this process is, stable across its restarts (issue 11 item 3).

A claim on nudge rows carries the instance id (storage nudges.claimed_by). When a process dies
(kill -9) its claims would wait for the 5-minute lease; a restarted process with the same id takes
them back at once instead. That is only safe if no other LIVE process has the same id, so the id
is made of the host name, DATA_DIR and a slot number held by an exclusive lock (flock) on
DATA_DIR/instance-N.lock for the life of the process: the kernel drops the lock when the process
dies, however it dies, so the restarted process gets the same lowest free slot again, and two
processes sharing one DATA_DIR get different slots. Each process also has a token of its own.

POSIX only (fcntl), like the rest of the deployment (Linux)."""

from __future__ import annotations

import fcntl
import hashlib
import os
import socket
import uuid
from dataclasses import dataclass, field
from pathlib import Path

MAX_SLOTS = 64  # processes sharing one DATA_DIR on one host; beyond that something is wrong


@dataclass
class Instance:
    """This process's instance id (`id`, ≤ 128 characters) and its own `token` (uuid hex)."""

    id: str
    token: str = field(default_factory=lambda: uuid.uuid4().hex)
    _fd: int | None = None

    @classmethod
    def acquire(cls, data_dir: Path) -> Instance:
        """Take the lowest free slot in `data_dir` (created 0700 if missing) and hold it until
        `release()` or the end of the process. Raises RuntimeError when all MAX_SLOTS are held,
        OSError when the folder cannot be written."""
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        where = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
        host = socket.gethostname()[:64]
        for slot in range(MAX_SLOTS):
            fd = os.open(data_dir / f"instance-{slot}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            return cls(id=f"{host}:{where}:{slot}", _fd=fd)
        raise RuntimeError(f"{MAX_SLOTS} bot processes already hold instance slots in {data_dir}")

    def release(self) -> None:
        """Give the slot up (a stopping process); the next process may take it."""
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None
