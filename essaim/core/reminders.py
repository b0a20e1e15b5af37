"""Which reminder is due today, sent once: the rule shared by every module that chases people
before and after a date (reporting campaigns, diagnostic campaigns, ESSpresso invitations).

A reminder "before" is due from `days_before` days before `due_on` up to `due_on` itself; a
reminder "after" is due from `days_after` days after `due_on` onwards. Each is sent at most once:
the caller keeps whether it was sent and says so. Once the "after" window has begun, the "before"
reminder is no longer due (reminding someone of a date already past would be wrong), even when it
was never sent. When both windows hold the same day (`days_after` is 0), "after" wins.

Pure module: no Django import; the caller runs it once a day and records what it sent.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

Reminder = Literal["before", "after"]


def reminder_due(
    *, today: date, due_on: date, days_before: int, days_after: int, sent_before: bool, sent_after: bool
) -> Reminder | None:
    """The reminder to send today, or None. `days_before` and `days_after` are whole days (≥ 0)."""
    if days_before < 0 or days_after < 0:
        raise ValueError("reminder delays are counted in days, zero or more")
    # Counted as differences between dates, which never overflow, where `due_on ± delay` would
    # for a date near the calendar's ends (9999-12-31).
    days_past_due = (today - due_on).days
    if days_past_due >= days_after:
        return None if sent_after else "after"
    if -days_before <= days_past_due <= 0:
        return None if sent_before else "before"
    return None
