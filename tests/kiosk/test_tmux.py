"""The real kiosk in a real terminal (tmux): escape keys and signals, idle reset, finish, staff exit."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from course.store import Store
from tests.kiosk.helpers import STAFF_PIN, data_files
from tests.kiosk.tmux import Pane, needs_tmux

pytestmark = needs_tmux

START = "Press any key to start"
MAP = "Short lessons for families"


def alive(pid: int) -> bool:
    """Running, not stopped (a suspended process would show state T)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("T", "t", "Z", "X")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    with Store(data) as store:
        store.set_staff_pin(STAFF_PIN)
    return data


@pytest.fixture
def panes() -> Iterator[list[Pane]]:
    made: list[Pane] = []
    yield made
    for pane in made:
        pane.close()


def start(panes: list[Pane], data: Path, marker: Path) -> tuple[Pane, int]:
    """Start the kiosk with ``--idle-timeout 5``; when it ends, its exit code and ``stty -a`` go to ``marker``.
    Returns the pane and the kiosk's process id."""
    cmd = shlex.join([sys.executable, "-m", "course", "--data-dir", str(data), "kiosk", "--idle-timeout", "5"])
    out = shlex.quote(str(marker))
    pane = Pane(f"{cmd}; echo rc=$? > {out}; stty -a >> {out}; exec sleep 120")
    panes.append(pane)
    pane.wait_text(START)
    shell = pane.info("pane_pid")
    children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True, timeout=20).stdout.split()
    assert len(children) == 1, children
    return pane, int(children[0])


SWALLOWED = ["C-c", "C-q", "C-z", "C-\\", "C-d", "C-p"]
ESCAPES = [*SWALLOWED, "Escape", "F1", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F11", "F12",
           "M-x", "M-q", "M-F4", "M-Tab", "C-s", "C-w", "C-l", "C-x"]


def test_left_alone_it_survives_every_key_resets_itself_and_writes_only_counters(
        data_dir: Path, panes: list[Pane]) -> None:
    before = data_files(data_dir)
    marker = data_dir.parent / "after.txt"
    pane, pid = start(panes, data_dir, marker)

    pane.keys(*SWALLOWED)
    time.sleep(0.3)
    assert alive(pid) and START in pane.screen()
    for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP):
        os.kill(pid, sig)
    time.sleep(0.3)
    assert alive(pid) and START in pane.screen()

    # a visit: open the first lesson, then every escape key
    pane.keys("x")
    pane.wait_text(MAP)
    pane.keys("Enter")
    pane.wait_text("Step 1 of")
    pane.keys(*ESCAPES)
    time.sleep(0.5)
    assert alive(pid)
    screen = pane.screen()  # still inside the visit (Alt+Q may arrive as Escape, Q: the quiz), never a shell
    assert "f10 Finish" in screen and "In crisis? Call or text 988" in screen

    # left alone: the question, then the start screen by itself
    pane.wait_text("Are you still there?")
    assert "Starting over in" in pane.screen()
    pane.wait_text(START)

    # a second visit ended with the finish key
    pane.keys("Space")
    pane.wait_text(MAP)
    pane.keys("F10")
    pane.wait_text(START)
    assert alive(pid)

    written = {name for name in data_files(data_dir) - before if not name.startswith("backups/")}
    assert written == {"kiosk.json"}
    assert not list((data_dir / "profiles").iterdir())
    with Store(data_dir) as store:
        (row,) = store.kiosk_report()
    assert row["sessions"] == 2 and row["lessons_started"] == 1

    # staff exit: a wrong PIN does nothing, the right one closes the kiosk
    pane.keys("C-o")
    pane.wait_text("Staff only")
    pane.type("111222")
    pane.keys("Enter")
    pane.wait_text("That PIN is not right.")
    assert alive(pid)
    pane.type(STAFF_PIN)
    pane.keys("Enter")
    pane.wait_for(lambda: marker.exists() and "speed" in marker.read_text(), "the kiosk to close")
    assert marker.read_text().startswith("rc=0")
    assert "Kiosk closed by staff. Wrong staff PINs while it ran: 1." in pane.screen()


@pytest.mark.parametrize("sig", ["TERM", "HUP"])
def test_sigterm_and_sighup_end_it_cleanly(data_dir: Path, panes: list[Pane], sig: str) -> None:
    marker = data_dir.parent / "after.txt"
    pane, kiosk_pid = start(panes, data_dir, marker)
    pane.keys("x")
    pane.wait_text(MAP)
    os.kill(kiosk_pid, getattr(signal, f"SIG{sig}"))
    pane.wait_for(lambda: marker.exists() and "speed" in marker.read_text(), "the kiosk to end")
    after = marker.read_text()
    assert after.startswith("rc=0")
    assert {"icanon", "echo", "isig"} <= set(after.split())  # the terminal is back to normal
