"""`python -m tests.chaos.launch SHIFT_SECONDS run [...]`: `python -m bot run` with the wall clock
moved SHIFT_SECONDS ahead (time-machine, ticking on from there).

Used only when the harness runs during the bot's quiet hours (21:00–08:00 Shanghai), when the real
tick would rightly send nothing: the reminder scenarios then run at a daytime moment instead. The
bot's code is the same; only datetime.now()/time.time() in this process read the shifted clock.
With SHIFT_SECONDS 0 this is exactly `python -m bot run`.

CHAOS_PROFILE=PREFIX in the environment profiles the bot (cProfile, CPU time) from the SIGUSR1
the scenario sends (two_instances: at the first delivery) and writes PREFIX-<pid>.prof when it
exits (SIGTERM; a kill -9 writes nothing): `CHAOS_PROFILE=/tmp/two python tests/chaos/run.py
--quick --only two_instances`, then `python -m pstats /tmp/two-<pid>.prof`. The harness then
starts its bots through this module even without a clock shift (tests/chaos/proc.py)."""

from __future__ import annotations

import os
import sys
import time


def main() -> int:
    """Shift the clock (if asked), then run the bot's own command line."""
    shift = float(sys.argv[1])
    argv = sys.argv[2:]
    if shift:
        import time_machine

        time_machine.travel(time.time() + shift, tick=True).start()
    from bot.__main__ import main as bot_main

    prefix = os.environ.get("CHAOS_PROFILE")
    if not prefix:
        return bot_main(argv)
    import cProfile
    import signal

    profile = cProfile.Profile(time.process_time)  # CPU time: a busy machine inflates wall time
    # Profiling starts at SIGUSR1 (the harness sends it once the sending has begun): start-up is
    # left out, and profiled it would outlast the harness's boot timeout.
    signal.signal(signal.SIGUSR1, lambda *_: profile.enable())
    try:
        return bot_main(argv)
    finally:
        profile.disable()
        profile.dump_stats(f"{prefix}-{os.getpid()}.prof")


if __name__ == "__main__":
    sys.exit(main())
