"""How far an indicator has come. Pure: no Django import."""

from __future__ import annotations

from decimal import Decimal

Number = Decimal | float | int


def indicator_progress(*, baseline: Number | None, target: Number | None, current: Number | None) -> float | None:
    """(current - baseline) / (target - baseline), clamped to [0, 1].

    Works for targets that should go down (the signs cancel). None when the baseline, the
    target or a current value is missing, or when the target equals the baseline: no figure
    is better than a made-up one."""
    if baseline is None or target is None or current is None:
        return None
    span = Decimal(str(target)) - Decimal(str(baseline))
    if span == 0:
        return None
    share = (Decimal(str(current)) - Decimal(str(baseline))) / span
    return float(min(max(share, Decimal(0)), Decimal(1)))
