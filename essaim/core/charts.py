"""The platform's one line chart over time: coordinates for an inline SVG drawn on the server
(`core/_line_chart.html`), so that the page and the PDF show the same picture, always next to a
table of the same figures. Pure: no Django import (the observatory will draw with it too).

Axes follow two rules readers expect:
- the value axis covers the data, not zero: 161 500 → 168 000 jobs must not draw a flat line.
  Its ticks are "nice" numbers, 1, 2 or 5 × 10ⁿ apart (Heckbert, "Nice numbers for graph
  labels", Graphics Gems, 1990), and the range starts and ends on a tick;
- the time axis is a time scale: each year is a band from 1 January to 31 December, labelled in
  its middle, so a value of 31/12/2020 sits at the end of "2020", not on "2021".

Why hand-written: the libraries that draw SVG charts (pygal, leather) bring their own markup,
styles and scripts, which the accessibility checks and the PDF renderer would have to accept;
nice ticks alone are twenty lines, checked by hypothesis in tests/core/test_charts.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT = 560, 220
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 32
STEPS = (1, 2, 5, 10)  # a tick step is one of these times a power of ten


def nice_step(span: float, count: int = 5) -> float:
    """The smallest step of 1, 2 or 5 × 10ⁿ that cuts `span` (> 0) into at most `count` parts."""
    raw = span / count
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in STEPS:
        if factor * power >= raw:
            return factor * power
    return 10 * power  # not reached: 10 × power ≥ raw


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Ticks a nice step apart from a multiple of the step at or below `low` to one at or above
    `high`, at most `count` + 2 of them. A single value gets a range around it."""
    if high < low:
        low, high = high, low
    if high == low:
        spread = abs(low) / 10 or 1.0
        low, high = low - spread, high + spread
    step = nice_step(high - low, count)
    # Divisions of floats land a hair off a multiple (0.3 / 0.1 = 2.9999…): round first, then
    # make sure the ends still hold the data.
    first, last = round(low / step), round(high / step)
    if _tidy(first * step, step) > low:
        first -= 1
    if _tidy(last * step, step) < high:
        last += 1
    return [_tidy(index * step, step) for index in range(first, last + 1)]


def _tidy(number: float, step: float) -> float:
    """0.30000000000000004 → 0.3: round to the decimals the step has."""
    return round(number, _decimals(step))


def _decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step) + 1e-9))


def french_number(number: float, decimals: int = 0) -> str:
    """1 000 and 3,6: a narrow no-break space between thousands, a decimal comma."""
    text = f"{abs(number):,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    return f"−{text}" if number < 0 and float(f"{abs(number):.{decimals}f}") != 0 else text


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str  # the value, in French


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int  # where the plot starts, right of the value labels
    bottom: float  # y of the time axis
    line: str  # "x,y x,y …" for <polyline>, never localised
    points: list[Point]
    targets: list[Point]
    baseline_y: float | None
    y_ticks: list[tuple[float, str]]  # (y, label)
    x_ticks: list[tuple[float, str]]  # (x, label) in the middle of each labelled period
    x_grid: list[float]  # x of each period boundary (1 January)


def year_step(years: int) -> int:
    """Label every year, or every 2, 5, 10… when there are too many to read (more than 8)."""
    return 1 if years <= 8 else int(nice_step(years, 8))


def line_chart(
    values: list[tuple[date, float]],
    targets: list[tuple[date, float]],
    baseline: float | None,
) -> Chart | None:
    """None when there is nothing to draw (no measured value)."""
    if not values:
        return None
    days = [day for day, _ in values + targets]
    numbers = [number for _, number in values + targets] + ([baseline] if baseline is not None else [])
    ticks = nice_ticks(min(numbers), max(numbers))
    low, high = ticks[0], ticks[-1]
    start, end = date(min(days).year, 1, 1), date(max(days).year + 1, 1, 1)
    span_days = (end - start).days
    plot_bottom = HEIGHT - BOTTOM

    def x(day: date) -> float:
        return round(LEFT + (day - start).days / span_days * (WIDTH - LEFT - RIGHT), 1)

    def y(number: float) -> float:
        return round(plot_bottom - (number - low) / (high - low) * (plot_bottom - TOP), 1)

    decimals = _decimals(ticks[1] - ticks[0])
    value_decimals = max((_decimals_of(number) for number in numbers), default=0)

    def text(number: float) -> str:
        return french_number(number, value_decimals)

    points = [Point(x(day), y(number), text(number)) for day, number in sorted(values)]
    years = list(range(start.year, end.year))
    every = year_step(len(years))
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        bottom=plot_bottom,
        line=" ".join(f"{point.x},{point.y}" for point in points),
        points=points,
        targets=[Point(x(day), y(number), text(number)) for day, number in sorted(targets)],
        baseline_y=y(baseline) if baseline is not None else None,
        y_ticks=[(y(tick), french_number(tick, decimals)) for tick in ticks],
        x_ticks=[
            (round((x(date(year, 1, 1)) + x(date(year + 1, 1, 1))) / 2, 1), str(year))
            for year in years
            if (year - years[0]) % every == 0
        ],
        x_grid=[x(date(year, 1, 1)) for year in [*years, end.year]],
    )


def _decimals_of(number: float) -> int:
    """How many decimals a measured value shows (at most 2): 3.5 → 1, 161500 → 0."""
    text = f"{number:.2f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    value_label: str  # in French
    y: float
    width: float  # from the plot's left edge


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    left: int  # where the bars start, right of their labels
    bar_height: int
    bars: list[Bar]


BAR_LEFT, BAR_ROW, BAR_HEIGHT, BAR_VALUE_ROOM = 190, 28, 18, 70


def bar_chart(items: list[tuple[str, float]], decimals: int = 0) -> BarChart | None:
    """Horizontal bars, one per (label, value), lengths proportional to the values from zero (a
    count is read against zero); None without a positive value. Labels longer than the room on
    the left are cut with an ellipsis: the table beside the chart gives them whole."""
    top = max((value for _label, value in items), default=0)
    if top <= 0:
        return None
    plot = WIDTH - BAR_LEFT - BAR_VALUE_ROOM
    bars = [
        Bar(
            label=label if len(label) <= 28 else label[:27] + "…",
            value=value,
            value_label=french_number(value, decimals),
            y=TOP + index * BAR_ROW,
            width=round(value / top * plot, 2),
        )
        for index, (label, value) in enumerate(items)
    ]
    return BarChart(WIDTH, TOP * 2 + BAR_ROW * len(bars), BAR_LEFT, BAR_HEIGHT, bars)
