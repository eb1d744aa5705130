"""The start script in docs/kiosk.md, run for real in tmux at 80x24 (what docs/kiosk.md gives a small screen).

However the kiosk ends, even killed, the script wipes the terminal at once: no visitor's answers on the screen or
in the scrollback, the full-screen (alternate) screen left, mouse reporting off.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from course.store import Store
from tests.kiosk.helpers import STAFF_PIN
from tests.kiosk.tmux import Pane, needs_tmux

pytestmark = needs_tmux

DOC = Path(__file__).resolve().parents[2] / "docs" / "kiosk.md"
START = "Press any key to start"
VISIT = "You chose"  # the feedback on a quiz answer: what a visitor did


def start_script(data: Path, bin_dir: Path) -> Path:
    """The doc's start script, with this test's data folder and this Python's family-course."""
    script = re.findall(r"^```bash\n(.*?)^```$", DOC.read_text(encoding="utf-8"), flags=re.S | re.M)[0]
    family_course = bin_dir / "family-course"
    family_course.write_text(f'#!/bin/sh\nexec {sys.executable} -m course "$@"\n', encoding="utf-8")
    family_course.chmod(0o755)
    lines = {"export FAMILY_COURSE_DATA_DIR=/var/lib/family-course-kiosk": f"export FAMILY_COURSE_DATA_DIR={data}",
             "KIOSK=/opt/family-course/bin/family-course": f"KIOSK={family_course}"}
    for line, ours in lines.items():
        assert line in script
        script = script.replace(line, ours)
    path = bin_dir / "family-course-kiosk"
    path.write_text(script, encoding="utf-8")
    return path


@pytest.fixture
def pane(tmp_path: Path) -> Iterator[Pane]:
    data = tmp_path / "data"
    with Store(data) as store:
        store.set_staff_pin(STAFF_PIN)
    made = Pane(f"bash {start_script(data, tmp_path)}", width=80, height=24)
    yield made
    made.close()


def kiosk_pid(pane: Pane) -> int:
    script = pane.info("pane_pid")
    children = subprocess.run(["pgrep", "-P", script], capture_output=True, text=True, timeout=20).stdout.split()
    assert len(children) == 1, children
    return int(children[0])


def visit(pane: Pane) -> None:
    """A visitor opens a quiz and answers: their answer is on the screen."""
    pane.wait_text(START)
    pane.keys("x")
    pane.wait_text("Short lessons for families")
    pane.keys("q")
    pane.wait_text("Question 1 of")
    pane.keys("1", "c")
    pane.wait_text(VISIT)
    assert pane.info("alternate_on") == "1" and pane.info("mouse_any_flag") == "1"  # as the kiosk runs


def assert_wiped(pane: Pane) -> None:
    assert VISIT not in pane.history(), pane.history()  # not on the screen, not in the scrollback
    assert pane.info("history_size") == "0"
    assert pane.info("alternate_on") == "0"
    assert [pane.info(f"mouse_{kind}_flag") for kind in ("any", "standard", "button", "sgr")] == ["0"] * 4


def test_a_killed_kiosk_leaves_nothing_of_the_visit_on_screen(pane: Pane) -> None:
    visit(pane)
    os.kill(kiosk_pid(pane), signal.SIGKILL)
    pane.wait_for(lambda: VISIT not in pane.history(), "the visit to leave the screen")
    assert_wiped(pane)
    assert "The kiosk stopped (exit status 137). It starts again in 10 seconds." in pane.screen()
    pane.wait_text("The kiosk can start.")  # why it stopped is not known, but it can start again
    assert_wiped(pane)
    pane.wait_text(START)  # and after its pause the loop starts it again


def test_closed_by_staff_the_screen_is_wiped_and_ctrl_c_starts_it_again(pane: Pane) -> None:
    visit(pane)
    pane.keys("C-o")
    pane.wait_text("Staff only")
    pane.type(STAFF_PIN)
    pane.keys("Enter")
    pane.wait_text("Press Enter to log in as")
    assert_wiped(pane)
    assert "Kiosk closed by staff. Wrong staff PINs while it ran: 0." in pane.screen()
    pane.keys("C-z", "C-\\")  # nothing stops or kills the script
    pane.keys("C-c")  # Ctrl+C at the question: the kiosk starts again at once
    pane.wait_text(START)
    assert VISIT not in pane.history()
