"""A real terminal for tests: one tmux session on its own server socket, so tests never touch anyone's tmux.

Polls the screen with generous deadlines; no assertion depends on how fast the machine is.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import time
from collections.abc import Callable

import pytest

TMUX = shutil.which("tmux")
needs_tmux = pytest.mark.skipif(TMUX is None, reason="tmux is not installed here (.ci/run installs it); this test "
                                                     "drives the program in a real terminal")
DEADLINE = 30.0
_names = itertools.count()


class Pane:
    def __init__(self, command: str, *, width: int = 100, height: int = 30) -> None:
        assert TMUX is not None
        self.socket = f"fc-test-{os.getpid()}-{next(_names)}"
        self.tmux("new-session", "-d", "-s", "main", "-x", str(width), "-y", str(height), command)

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        return subprocess.run([TMUX, "-L", self.socket, "-f", "/dev/null", *args], check=True,
                              capture_output=True, text=True, timeout=20).stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "main", key)
            time.sleep(0.05)  # one key at a time, as a person types

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "main", "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "main")

    def history(self) -> str:
        """Everything the pane holds: the scrollback and the screen."""
        return self.tmux("capture-pane", "-p", "-S", "-", "-E", "-", "-t", "main")

    def info(self, name: str) -> str:
        return self.tmux("display-message", "-p", "-t", "main", f"#{{{name}}}").strip()

    def wait_for(self, check: Callable[[], bool], what: str) -> None:
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            if check():
                return
            time.sleep(0.1)
        pytest.fail(f"gave up waiting for {what}; the screen shows:\n{self.screen()}")

    def wait_text(self, text: str) -> None:
        self.wait_for(lambda: text in self.screen(), repr(text))

    def close(self) -> None:
        assert TMUX is not None
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=20)
