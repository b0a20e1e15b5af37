"""Coordinates of a small line chart of an indicator, drawn as inline SVG by a template (no
JavaScript; the table beside it carries the same figures). Pure: no Django import."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT = 560, 220
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 32


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    line: str  # "x,y x,y …" for <polyline>
    points: list[Point]
    targets: list[Point]
    baseline_y: float | None
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]


def line_chart(
    values: list[tuple[date, float]],
    targets: list[tuple[date, float]],
    baseline: float | None,
) -> Chart | None:
    """None when there is nothing to draw (fewer than one measured value)."""
    if not values:
        return None
    days = [day for day, _ in values + targets]
    numbers = [number for _, number in values + targets] + ([baseline] if baseline is not None else [])
    first, last = min(days), max(days)
    low, high = min(0.0, min(numbers)), max(numbers)
    if high == low:
        high = low + 1
    span_days = max((last - first).days, 1)

    def x(day: date) -> float:
        return round(LEFT + (day - first).days / span_days * (WIDTH - LEFT - RIGHT), 1)

    def y(number: float) -> float:
        return round(HEIGHT - BOTTOM - (number - low) / (high - low) * (HEIGHT - TOP - BOTTOM), 1)

    def text(number: float) -> str:
        return f"{number:,.0f}".replace(",", "\u202f") if abs(number) >= 10 else f"{number:g}".replace(".", ",")

    points = [Point(x(day), y(number), text(number)) for day, number in sorted(values)]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        line=" ".join(f"{point.x},{point.y}" for point in points),
        points=points,
        targets=[Point(x(day), y(number), text(number)) for day, number in sorted(targets)],
        baseline_y=y(baseline) if baseline is not None else None,
        y_ticks=[(y(low + (high - low) * step / 4), text(low + (high - low) * step / 4)) for step in range(5)],
        x_ticks=[
            (x(day), str(day.year))
            for day in sorted({date(year, 1, 1) for year in range(first.year + 1, last.year + 1)})
        ]
        or [(x(first), str(first.year))],
    )
