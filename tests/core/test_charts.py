"""The platform's line chart: a value axis that fits the data with nice ticks, a time axis
where each year is a band, French labels and unlocalised coordinates."""

from __future__ import annotations

import math
from datetime import date

from hypothesis import assume, given, settings, strategies as st

from essaim.core.charts import french_number, line_chart, nice_step, nice_ticks, year_step

# Measured values: up to 1e9, with at most two decimals (what an indicator stores).
finite = st.integers(min_value=-100_000_000_000, max_value=100_000_000_000).map(lambda cents: cents / 100)


def is_nice(step: float) -> bool:
    """1, 2 or 5 times a power of ten, restated on its own: the mantissa in scientific notation."""
    mantissa = float(f"{step:e}".split("e")[0])
    return mantissa in {1.0, 2.0, 5.0}


@settings(max_examples=500)
@given(finite, finite)
def test_ticks_cover_the_data_with_a_nice_step(a, b):
    low, high = min(a, b), max(a, b)
    assume(high > low)
    ticks = nice_ticks(low, high)
    step = nice_step(high - low)
    assert ticks[0] <= low and ticks[-1] >= high
    assert len(ticks) <= 7
    assert is_nice(step)
    for index, tick in enumerate(ticks):  # evenly spaced, on multiples of the step
        assert math.isclose(tick, ticks[0] + index * step, rel_tol=1e-9, abs_tol=step * 1e-6)
        assert math.isclose(tick / step, round(tick / step), abs_tol=1e-6)
    # The range fits: no more than a step of margin on either side.
    assert low - ticks[0] < step * (1 + 1e-9) and ticks[-1] - high < step * (1 + 1e-9)


@given(st.floats(min_value=1e-6, max_value=1e12))
def test_a_step_is_the_smallest_nice_one_that_cuts_the_span_in_five(span):
    step = nice_step(span)
    assert is_nice(step) and step * 5 >= span * (1 - 1e-9)
    smaller = [f * 10.0**e for f in (1, 2, 5) for e in range(-8, 14) if f * 10.0**e < step * (1 - 1e-9)]
    assert all(candidate * 5 < span * (1 + 1e-9) for candidate in smaller)


def test_jobs_from_161_500_to_168_000_do_not_start_at_zero():
    assert nice_ticks(161_500, 168_000) == [160_000, 162_000, 164_000, 166_000, 168_000]
    chart = line_chart([(date(2017, 12, 31), 161_500), (date(2020, 12, 31), 168_000)], [], None)
    assert chart is not None
    first, last = chart.points
    assert last.y < first.y - 100  # a climb over most of the plot, not a flat line
    assert [label for _, label in chart.y_ticks] == [
        "160\u202f000",
        "162\u202f000",
        "164\u202f000",
        "166\u202f000",
        "168\u202f000",
    ]


def test_small_ranges_get_nice_french_ticks_not_quarters():
    labels = [label for _, label in line_chart([(date(2019, 6, 30), 0.4), (date(2020, 6, 30), 7.25)], [], None).y_ticks]
    assert labels == ["0", "2", "4", "6", "8"]
    assert [
        label for _, label in line_chart([(date(2019, 6, 30), 3.1), (date(2020, 6, 30), 3.6)], [], None).y_ticks
    ] == [
        "3,1",
        "3,2",
        "3,3",
        "3,4",
        "3,5",
        "3,6",
    ]


def test_the_last_day_of_a_year_sits_in_that_year_not_on_the_next_label():
    chart = line_chart([(date(2019, 12, 31), 10), (date(2020, 12, 31), 12)], [], None)
    labels = dict((label, x) for x, label in chart.x_ticks)
    assert set(labels) == {"2019", "2020"}
    last = chart.points[-1].x
    assert labels["2020"] < last <= chart.x_grid[-1]
    assert abs(last - labels["2020"]) < abs(last - chart.x_grid[-1]) + (chart.x_grid[-1] - labels["2020"])


def test_a_single_value_gets_a_range_around_it():
    chart = line_chart([(date(2020, 6, 30), 50)], [], None)
    ticks = [label for _, label in chart.y_ticks]
    assert ticks[0] != ticks[-1] and "50" in ticks


def test_targets_and_baseline_are_inside_the_axis():
    chart = line_chart([(date(2018, 12, 31), 100)], [(date(2021, 12, 31), 400)], 0)
    ys = [y for y, _ in chart.y_ticks]
    assert min(ys) <= chart.targets[0].y <= max(ys)
    assert min(ys) <= chart.baseline_y <= max(ys)


def test_many_years_are_labelled_every_few_years():
    assert year_step(4) == 1 and year_step(20) == 5
    chart = line_chart([(date(2000, 1, 1), 1), (date(2019, 1, 1), 2)], [], None)
    assert [label for _, label in chart.x_ticks][:3] == ["2000", "2005", "2010"]


def test_numbers_read_the_french_way():
    assert french_number(1000) == "1\u202f000"
    assert french_number(3.6, 1) == "3,6"
    assert french_number(-2500) == "−2\u202f500"
    assert french_number(-0.0) == "0"


def test_coordinates_are_plain_numbers():
    chart = line_chart([(date(2019, 12, 31), 1234.5), (date(2020, 12, 31), 1500)], [], 1000)
    for pair in chart.line.split():
        x, y = pair.split(",")
        assert math.isfinite(float(x)) and math.isfinite(float(y))


def test_nothing_to_draw_without_a_value():
    assert line_chart([], [(date(2021, 1, 1), 5)], 1) is None


def test_bars_are_read_against_zero_and_labelled_in_french():
    from essaim.core.charts import bar_chart

    chart = bar_chart([("Associations", 1200), ("Coopératives", 300), ("Mutuelles", 0)])
    assert chart is not None
    widths = [bar.width for bar in chart.bars]
    assert widths[0] == 4 * widths[1] and widths[2] == 0
    assert chart.bars[0].value_label == "1\u202f200"
    assert bar_chart([("Rien", 0)]) is None
    long = bar_chart([("Santé humaine et action sociale, et encore", 3)])
    assert long is not None and long.bars[0].label.endswith("…")
