"""The reminder side of the shell: replanning users' nudge rows (replan.py) and the periodic tick
that sends them (tick.py)."""
