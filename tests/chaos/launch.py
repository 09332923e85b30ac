"""`python -m tests.chaos.launch SHIFT_SECONDS run [...]`: `python -m bot run` with the wall clock
moved SHIFT_SECONDS ahead (time-machine, ticking on from there).

Used only when the harness runs during the bot's quiet hours (21:00–08:00 Shanghai), when the real
tick would rightly send nothing: the reminder scenarios then run at a daytime moment instead. The
bot's code is the same; only datetime.now()/time.time() in this process read the shifted clock.
With SHIFT_SECONDS 0 this is exactly `python -m bot run`."""

from __future__ import annotations

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

    return bot_main(argv)


if __name__ == "__main__":
    sys.exit(main())
