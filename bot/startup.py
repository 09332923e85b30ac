"""Start-up without the cyclic garbage collector (issue 12, cold start).

A process's start-up creates the objects it keeps to its end (modules, the knowledge base, the
search index: hundreds of thousands) and almost no garbage. Python's collector still walks them
again and again as they pile up: about 0.15 s of `python -m bot ask`'s ~1 s. So the collector is off
while they are made, and in a whole process (`python -m bot …`, not main() called by a test) they
are then frozen (gc.freeze: kept out of every later collection), so that the turns after start-up
do not walk them either. Garbage in reference cycles made during start-up stays allocated then;
start-up makes next to none.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_whole_process = [False]


def whole_process() -> None:
    """This process is `python -m bot …` itself: start-ups freeze what they made."""
    _whole_process[0] = True


@contextmanager
def start_up() -> Iterator[None]:
    """The block runs with the cyclic collector off; on leaving, what it made is frozen (in a
    whole process) and the collector is on again. Inside another start-up it changes nothing."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if _whole_process[0]:
            gc.freeze()
        gc.enable()
