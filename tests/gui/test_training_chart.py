"""The training chart's step axis: whole, distinct steps (it read "0 0 1 2 2" for a 2-step run)."""
from __future__ import annotations

from desktop.ui.widgets.training_chart import TrainingChart, step_ticks


def test_step_ticks_are_whole_distinct_and_few():
    assert step_ticks(1) == [0, 1]
    assert step_ticks(2) == [0, 1, 2]
    assert step_ticks(4) == [0, 1, 2, 3, 4]
    assert step_ticks(7) == [0, 2, 4, 6]
    assert step_ticks(300) == [0, 100, 200, 300]
    for steps in range(1, 2000, 7):
        ticks = step_ticks(steps)
        assert ticks[0] == 0 and len(set(ticks)) == len(ticks) <= 5 and ticks[-1] <= steps


def test_the_chart_of_a_two_step_run_shows_0_1_2(qtbot):
    chart = TrainingChart()
    qtbot.addWidget(chart)
    chart.resize(500, 220)
    chart.show()
    chart.set_data({"rec": [(1, 0.9), (2, 0.7)]}, {"rec": [(0, 0.6), (2, 0.8)]}, {"rec": 2})
    qtbot.waitUntil(lambda: chart.x_ticks == [0, 1, 2], timeout=2000)
    image = chart.grab().toImage()
    assert not image.isNull() and image.width() == 500
