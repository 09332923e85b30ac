"""Counting what a kill -9 leaves in doubt, kill after kill, and judging the duplicates by it.

A reminder is left in doubt by a kill when the killed process held it (claimed, not marked sent)
and Telegram had it nonetheless: its restart sends it again. The count must be per delivery, not
per reminder: a reminder sent again by the restart and killed once more before its mark is left in
doubt a second time and sent a third time (two duplicates), while one that an earlier kill left in
doubt and nobody has sent again since is the same doubt, not a new one. Counting each reminder
once (a set of codes) undercounted the first case: the long run of 2026-12-01 at 300 ms showed 13
sent twice against 12 counted in doubt, the check broken by the harness, not by the bot."""

from __future__ import annotations

from collections import Counter

from tests.chaos.results import Result


class DoubtTally:
    """Reminders left in doubt at each kill; `add` returns how many are new at this one."""

    def __init__(self) -> None:
        self._deliveries: dict[str, int] = {}  # code -> its deliveries when last counted in doubt
        self.at_each_kill: list[int] = []

    def add(self, now_in_doubt: set[str], deliveries: Counter[str]) -> int:
        """Count the kill just made: `now_in_doubt` (tick.in_doubt), `deliveries` (tick.delivered).
        A reminder counts when it was delivered again since it was last counted."""
        new = [c for c in now_in_doubt if deliveries[c] > self._deliveries.get(c, 0)]
        for code in now_in_doubt:
            self._deliveries[code] = deliveries[code]
        self.at_each_kill.append(len(new))
        return len(new)

    @property
    def total(self) -> int:
        """Duplicates the kills may explain: every delivery left in doubt is sent once more."""
        return sum(self.at_each_kill)


def judge_kills(res: Result, label: str, *, twice: int, tally: DoubtTally, kills: int, planned: int,
                lost: int, all_delivered: bool, most: int) -> None:  # fmt: skip
    """The kill part's checks (issue 11 items 2-3). A run that made fewer kills than planned tested
    less than it claims and is broken too: with no kill, "0 sent twice <= 0 in doubt" proves nothing."""
    res.check(f"kill_made_{label}", f"kills made ({label})", kills, f"= {planned}", kills == planned, 3)
    res.check(f"kill_twice_{label}", f"sent twice after kill -9 ({label}): only what was left in doubt",
              twice, f"<= {tally.total}", twice <= tally.total, 2)  # fmt: skip
    worst = max(tally.at_each_kill, default=0)
    res.check(f"kill_doubt_{label}", f"left in doubt by one kill -9 ({label}): the window's places", worst,
              f"<= {most}", worst <= most, 3)  # fmt: skip
    res.check(f"kill_twice_issue_{label}", f"sent twice per kill -9 ({label}), the issue's limit", twice,
              f"<= {kills} (1 per kill)", twice <= kills, 3, informational=True)  # fmt: skip
    res.check(f"kill_lost_{label}", f"reminders lost after kill -9 ({label})", lost, "= 0",
              lost == 0 and all_delivered, 3)  # fmt: skip
