"""The lesson's step bar: how many cells show steps done and steps to come."""

from __future__ import annotations

import pytest

from course.ui.widgets.step_bar import bar_marks


@pytest.mark.parametrize(("done", "total", "width", "expected"), [
    (1, 4, 40, (10, 30)),
    (4, 4, 40, (40, 0)),
    (0, 4, 40, (0, 40)),
    (2, 3, 10, (7, 3)),
    (9, 4, 40, (40, 0)),  # more than the total: full, never wider than the bar
    (1, 0, 12, (0, 12)),  # a lesson without steps: nothing done
    (1, 4, 0, (0, 0)),  # not laid out yet
])
def test_marks_fill_the_width_in_proportion(done: int, total: int, width: int, expected: tuple[int, int]) -> None:
    assert bar_marks(done, total, width) == expected
