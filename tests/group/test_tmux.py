"""Group mode in a real terminal (tmux) at 80x24: what the room sees once a question's answer is shown."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from course.content import ContentDir, load_course
from course.group import roster
from course.store import Store
from tests.kiosk.tmux import Pane, needs_tmux

pytestmark = needs_tmux

PIN = "246813"
LESSON = "relapse-warning-signs"
QUESTION = 3  # "The old crew": the longest question and options of the course
HANDS = ["1", "4", "0", "1"]


@pytest.fixture
def pane(tmp_path: Path) -> Iterator[Pane]:
    data = tmp_path / "data"
    with Store(data) as store:
        store.set_staff_pin(PIN)
        gid = store.create_group("Tuesday evening family group")
        people = [roster.add_new_member(store, gid, name) for name in ("Ana", "Ben", "Cy", "Dee", "Eli", "Fay")]
        sid = store.start_session(gid, LESSON, roster.today())
        for pid in people:
            store.set_present(sid, pid, True)
    command = shlex.join([sys.executable, "-m", "course", "--data-dir", str(data), "group"])
    made = Pane(f"{command}; exec sleep 120", width=80, height=24)
    yield made
    made.close()


def test_the_answer_view_shows_question_options_counts_and_right_answer_at_80x24(pane: Pane) -> None:
    lesson = load_course([ContentDir.shipped()]).lesson(LESSON)
    assert lesson.quiz is not None
    question = lesson.quiz.questions[QUESTION]
    pane.wait_text("Staff PIN")
    pane.type(PIN)
    pane.keys("Enter")
    pane.wait_text("Family groups")
    pane.keys("Enter")  # the group
    pane.wait_text("Sessions")
    pane.keys("s")  # today's session, already open
    pane.wait_text("Who is here today?")
    pane.keys("p")
    pane.wait_text(f"1 / {len(lesson.steps)}")
    pane.keys(*["Right"] * len(lesson.steps))
    pane.wait_text("Question 1 of")
    for number in range(2, QUESTION + 2):  # skip the first questions: options, no count, on
        pane.keys("Enter", "Enter")
        pane.wait_text("Esc: skip the count")
        pane.keys("Escape")
        pane.wait_text("Enter: next question")
        pane.keys("Enter")
        pane.wait_text(f"Question {number} of")
    pane.keys("Enter")
    pane.wait_text("Enter: count hands")
    pane.keys("Enter")
    pane.wait_text("Esc: skip the count")
    burst = [key for count in HANDS for key in (count, "Enter")]
    pane.tmux("send-keys", "-t", "main", *burst)  # typed at once: each count must still land in its own box
    pane.wait_text("Right answer: C")

    lines = [line[:75].strip() for line in pane.screen().splitlines()]  # not the scrollbar, in column 76
    text = " ".join(" ".join(lines).split())
    assert question.title in lines
    assert " ".join(question.prompt.split()) in text  # the whole question
    assert "Show of hands: 6 in all" in text
    rows = [line for line in lines if line[:1] in "ABCD" and line[1:2] == " "]
    assert [row[:3].strip() for row in rows] == ["A", "B", "C \u2713", "D"]  # every letter; the right one marked
    for row, option, count in zip(rows, question.options, HANDS, strict=True):
        assert row.split("  ", 1)[1].strip().startswith(option.text.split()[0])  # the option beside its letter
        assert row.endswith(f" {count}")  # and its count beside it
