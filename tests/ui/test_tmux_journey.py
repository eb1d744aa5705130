"""A family member's journey in a real terminal at 80x24, by keyboard, as the README promises it."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from course.content import load_course
from course.content.model import Lesson
from course.store import Store
from tests.kiosk.tmux import Pane, needs_tmux

pytestmark = needs_tmux

ENDED = "course ended"


def start(data: Path) -> Pane:
    command = shlex.join([sys.executable, "-m", "course", "--data-dir", str(data)])
    return Pane(f"{command}; echo {ENDED}; exec sleep 120", width=80, height=24)


def press(pane: Pane, *keys: str, wait: str | None = None) -> None:
    pane.keys(*keys)
    if wait is not None:
        pane.wait_text(wait)


def press_until(pane: Pane, key: str, text: str, most: int = 80) -> None:
    """Press ``key`` (Next pages through a long step before it moves on) until ``text`` shows."""
    for _ in range(most):
        before = pane.screen()
        if text in before:
            return
        pane.keys(key)
        pane.wait_for(lambda shown=before: pane.screen() != shown, f"the screen to change after {key}")  # one at a time
    pane.wait_text(text)


def wrong_choices(lesson: Lesson) -> list[str]:
    """For each question, the number key of an option that is wrong on its own."""
    assert lesson.quiz is not None
    return [str(next(n for n, option in enumerate(question.options, 1) if not option.correct))
            for question in lesson.quiz.questions]


def test_the_home_journey_at_80x24(tmp_path: Path) -> None:
    course = load_course()
    first, last = course.lessons[0], course.lessons[-1]
    data = tmp_path / "data"
    pane = start(data)
    try:
        pane.wait_text("Who is using the course?")
        press(pane, "n", wait="New profile")
        pane.type("Ana")
        press(pane, "Enter", "Enter", wait="Course map for Ana")

        # The list has the focus, on the lesson to continue: arrows move, Enter opens the highlighted lesson.
        press(pane, "Down", "Enter", wait=f"Step 1 of {len(course.lessons[1].steps)}")
        assert pane.screen().startswith(f" {course.lessons[1].title}")
        press(pane, "Escape", wait="Course map for Ana")
        press(pane, "Up", "Enter", wait=f"Step 1 of {len(first.steps)}")

        # A journal answer through Tab, then Ctrl+Q at once: it is kept.
        step = next(n for n, s in enumerate(first.steps) if s.reflections)
        press_until(pane, "n", f"Step {step + 1} of")
        pane.wait_text("tab Write in journal")  # the key bar offers the box
        press(pane, "Tab", wait="Escape: back to the lesson text")
        assert first.steps[step].reflections[0].prompt.split()[0] in pane.screen()
        pane.type("I will ask gently")
        press(pane, "C-q", wait=ENDED)
        pane.close()

        pane = start(data)
        pane.wait_text("Who is using the course?")
        press(pane, "Enter", wait="Course map for Ana")
        press(pane, "Enter", wait="tab Write in journal")
        press(pane, "Tab", wait="I will ask gently")

        # F2 shows 911 and 988 without scrolling.
        press(pane, "F2", wait="Crisis help")
        screen = pane.screen()
        assert "911" in screen and "988" in screen
        press(pane, "Escape", "Escape", "Escape", wait="Course map for Ana")

        # Finish the last lesson, look at it again: it stays done.
        press(pane, "End", "Enter", wait=f"Step 1 of {len(last.steps)}")
        press_until(pane, "n", "Well done")
        press(pane, "Escape", wait="Course map for Ana")  # not the quiz now: back to the map
        press(pane, "End", "Enter", wait=f"Step 1 of {len(last.steps)}")
        press(pane, "Escape", wait="Course map for Ana")
        press(pane, "End")
        pane.wait_for(lambda: f"{len(course.lessons)}. {last.title}" in pane.screen(), "the last lesson")
        assert "Done" in pane.screen().split(f"{len(course.lessons)}. {last.title}")[1]

        # Leave the quiz after two answers; it carries on at question 3.
        wrong = wrong_choices(last)
        total = len(wrong)
        press(pane, "q", wait=f"Question 1 of {total}")
        press(pane, wrong[0], "c", wait="Next question")
        press(pane, "n", wait=f"Question 2 of {total}")
        press(pane, wrong[1], "c", wait="Next question")
        press(pane, "Escape", wait="Course map for Ana")
        press(pane, "q", wait=f"Question 3 of {total}")

        # Miss the rest too, then read every missed question in the review, by keyboard.
        for number, key in enumerate(wrong[2:], 3):
            press(pane, key, "c", wait="Next question" if number < total else "See my score")
            press(pane, "n", wait=f"Question {number + 1} of" if number < total else "Your score")
        press(pane, "r", wait="What I missed")
        seen = pane.screen()
        for _ in range(60):
            press(pane, "PageDown")
            time.sleep(0.2)
            seen += pane.screen()
        missing = [q.title for q in last.quiz.questions if q.title not in seen]
        assert missing == []
    finally:
        pane.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_saves_journal_typing_first(tmp_path: Path, sig: signal.Signals) -> None:
    """A shutdown (SIGTERM) or a closed terminal window (SIGHUP) less than a second after typing loses nothing."""
    course = load_course()
    first = course.lessons[0]
    data = tmp_path / "data"
    with Store(data) as store:
        pid = store.create_profile("Ana")
        step = next(n for n, s in enumerate(first.steps) if s.reflections)
        store.save_lesson_state(pid, first.id, step=step)
    pane = start(data)
    try:
        pane.wait_text("Who is using the course?")
        press(pane, "Enter", wait="Course map for Ana")
        press(pane, "Enter", wait="tab Write in journal")
        press(pane, "Tab", wait="Escape: back to the lesson text")
        pane.type("typed just now")
        pane.wait_text("typed just now")
        shell = pane.info("pane_pid")
        children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True, timeout=20).stdout.split()
        os.kill(int(children[0]), sig)
        pane.wait_text(ENDED)
    finally:
        pane.close()
    with Store(data) as store:
        assert [entry.text for entry in store.journal(pid)] == ["typed just now"]


def test_closing_the_terminal_ends_the_course(tmp_path: Path) -> None:
    """SIGHUP (the window closed): the process ends, even when Textual cannot finish writing to the terminal
    that has gone (it blocked for ever before)."""
    data = tmp_path / "data"
    store = Store(data)
    store.create_profile("Ana")
    store.close()
    command = shlex.join([sys.executable, "-m", "course", "--data-dir", str(data)])
    pane = Pane(command, width=80, height=24)  # no shell after it: the course is the pane's only process
    try:
        pane.wait_text("Who is using the course?")
        pid = int(pane.info("pane_pid"))
        pane.keys("Enter")
        pane.wait_text("Course map for Ana")
    finally:
        pane.close()  # kills the terminal: the course gets SIGHUP
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        pytest.fail("the course was still running 15 s after its terminal closed")
