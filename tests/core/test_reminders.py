"""The reminder rule, restated on its own and checked day by day over whole campaigns."""

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from essaim.core.reminders import reminder_due

DUE = date(2026, 11, 30)


def run(*, start, end, due_on, days_before, days_after):
    """Call the rule every day from `start` to `end`, as the daily job does, keeping what was sent."""
    sent = {}
    day = start
    while day <= end:
        kind = reminder_due(
            today=day,
            due_on=due_on,
            days_before=days_before,
            days_after=days_after,
            sent_before="before" in sent,
            sent_after="after" in sent,
        )
        if kind:
            assert kind not in sent, f"{kind} sent twice"
            sent[kind] = day
        day += timedelta(days=1)
    return sent


delays = st.integers(min_value=0, max_value=30)
offsets = st.integers(min_value=-60, max_value=60)


@given(days_before=delays, days_after=delays, start=offsets, length=st.integers(min_value=0, max_value=120))
def test_each_reminder_goes_once_and_only_inside_its_window(days_before, days_after, start, length):
    first = DUE + timedelta(days=start)
    sent = run(
        start=first, end=first + timedelta(days=length), due_on=DUE, days_before=days_before, days_after=days_after
    )
    after_opens = DUE + timedelta(days=days_after)
    if "before" in sent:
        assert DUE - timedelta(days=days_before) <= sent["before"] <= DUE
        assert sent["before"] < after_opens  # never a "before" once the date is past the "after" delay
        assert sent["before"] == max(first, DUE - timedelta(days=days_before))  # the first day it may go
    if "after" in sent:
        assert sent["after"] == max(first, after_opens)
    if "before" in sent and "after" in sent:
        assert sent["before"] < sent["after"]


@given(days_before=delays, days_after=delays)
def test_a_daily_job_running_all_along_sends_both_when_the_windows_are_apart(days_before, days_after):
    sent = run(
        start=DUE - timedelta(days=90),
        end=DUE + timedelta(days=90),
        due_on=DUE,
        days_before=days_before,
        days_after=days_after,
    )
    assert sent["after"] == DUE + timedelta(days=days_after)
    if days_after > 0:
        assert sent["before"] == DUE - timedelta(days=days_before)
    else:
        # Both windows hold the due date: the "after" one wins there.
        assert sent.get("before") == (DUE - timedelta(days=days_before) if days_before else None)


@given(day=offsets, days_before=delays, days_after=delays)
def test_nothing_is_due_before_the_window_opens(day, days_before, days_after):
    today = DUE + timedelta(days=day)
    kind = reminder_due(
        today=today, due_on=DUE, days_before=days_before, days_after=days_after, sent_before=False, sent_after=False
    )
    if today < DUE - timedelta(days=days_before):
        assert kind is None
    if DUE < today < DUE + timedelta(days=days_after):
        assert kind is None  # between the date and the late reminder, one waits


def test_a_reminder_already_sent_is_not_due_again():
    kwargs = {"due_on": DUE, "days_before": 7, "days_after": 3}
    assert reminder_due(today=DUE, sent_before=False, sent_after=False, **kwargs) == "before"
    assert reminder_due(today=DUE, sent_before=True, sent_after=False, **kwargs) is None
    assert reminder_due(today=DUE + timedelta(days=3), sent_before=False, sent_after=False, **kwargs) == "after"
    assert reminder_due(today=DUE + timedelta(days=9), sent_before=True, sent_after=True, **kwargs) is None


def test_a_negative_delay_is_a_programming_error():
    with pytest.raises(ValueError):
        reminder_due(today=DUE, due_on=DUE, days_before=-1, days_after=0, sent_before=False, sent_after=False)


@pytest.mark.parametrize("due_on", [date.max, date.min, date(9999, 12, 31)])
def test_a_due_date_at_the_ends_of_the_calendar_is_no_overflow(due_on):
    today = date(2026, 11, 30)
    expected = None if due_on > today else "after"
    assert (
        reminder_due(today=today, due_on=due_on, days_before=30, days_after=30, sent_before=False, sent_after=False)
        == expected
    )
