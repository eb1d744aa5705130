"""SVG snapshots of the projected quiz: the answer to the longest question of the course at 80x24 and to a
choose-all question with five options at 120x40, and hands being counted at 80x24.

Regenerate after a deliberate change with ``pytest tests/group/test_snapshots.py --snapshot-update`` and look at
the pictures before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from course.config import Settings
from course.content import ContentDir, load_course
from course.group.roster import add_new_member, today
from course.group.shown import Shown
from course.store import Store
from course.ui.group.app import GroupApp
from course.ui.group.quiz_screen import GroupQuizScreen

CASES = {  # name: (question number in relapse-warning-signs, size, stage)
    "longest-80x24": (3, (80, 24), "answer"),
    "choose-all-five-120x40": (2, (120, 40), "answer"),
    "counting-80x24": (3, (80, 24), "tally"),
}


@pytest.mark.parametrize("case", CASES)
def test_answer_view_snapshot(snap_compare, tmp_path: Path, case: str) -> None:
    number, size, stage = CASES[case]
    course = load_course([ContentDir.shipped()])
    lesson = course.lesson("relapse-warning-signs")
    assert lesson.quiz is not None
    question = lesson.quiz.questions[number]
    store = Store(tmp_path / "data")
    gid = store.create_group("Tuesday evening family group")
    people = [add_new_member(store, gid, name) for name in ("Ana", "Ben", "Cy", "Dee", "Eli", "Fay")]
    sid = store.start_session(gid, lesson.id, today())
    for pid in people:
        store.set_present(sid, pid, True)
    store.record_tally(sid, question.id, {o.key: [1, 4, 0, 1, 5][i] for i, o in enumerate(question.options)})
    session = store.sessions(gid)[0]
    shown = Shown(session_id=sid, lesson_id=lesson.id, started="2024-05-07T18:00:00+00:00")
    app = GroupApp(course, store, Settings(), store.data_dir, first=lambda: GroupQuizScreen(session, lesson, shown))

    async def run_before(pilot: Pilot) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, GroupQuizScreen)
        await screen.go(question=number, stage="question", rebuild=True)
        await screen.go(stage=stage)
        if stage == "tally":
            await pilot.press("3", "enter")
        for box in screen.query("Input"):
            box.cursor_blink = False  # a blinking cursor would make the picture depend on timing
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
