"""The warm parent: a process that has imported Textual and the app and read the course once, and forks a session
for each browser tab. A fork starts in milliseconds and shares every page it does not write to with the parent
and the other sessions (copy-on-write), where a fresh Python would import and read everything again.

It is started by the server (``course.web.processes.ForkLauncher``) with one end of a socket pair, and obeys the
messages the server sends on it, one JSON object per message (a SOCK_SEQPACKET socket keeps them apart):

    {"op": "start", "id": N, "folder": F, "width": W, "height": H, "language": L}
                                                with the session's socket as an attached fd
        -> {"id": N, "pid": P}, or {"id": N, "error": "..."}
    {"op": "signal", "pid": P, "signal": S}     only to a session of its own that has not been reaped yet, so a
                                                pid that the system has given to another process is never signalled
    {"op": "stop"}                              end every session (SIGTERM, then SIGKILL after a grace period), exit
and tells it, unasked, {"ready": true} once warm, and {"exited": P, "code": C} when a session process has ended.

Each session's standard input and output are its socket, in the protocol of Textual's web driver. If the server
goes away (its end of the control socket closes), every session is ended and the warm parent exits; if the warm
parent itself is killed, the kernel sends each session SIGTERM (Linux's parent-death signal).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import json
import os
import select
import signal
import socket
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from course.i18n import DEFAULT_LANGUAGE, LANGUAGES, check_language, translator
from course.web.session import WEB_ENVIRONMENT, web_environment

STOP_GRACE = 3.0  # seconds a session has to save and end after SIGTERM before it is killed
MAX_MESSAGE = 65536
# Modules every session uses sooner or later: imported once here, shared by every fork.
WARM_MODULES = (
    "course.ui.web.app",
    "course.ui.screens.welcome",
    "course.ui.screens.course_map",
    "course.ui.screens.reader",
    "course.ui.screens.quiz",
    "course.ui.screens.progress",
    "course.ui.screens.settings",
    "course.ui.screens.cards",
    "course.ui.screens.dialogs",
    "course.ui.screens.help",
    "course.ui.screens.about",
    "course.learner",
    "course.record",
    "course.cards",
    "textual.drivers.web_driver",
    "textual.layouts.horizontal",
    "textual.layouts.stream",
    "filelock",  # the store imports it (and sqlite3 with it) when something is first saved
)
WARM_WIDGETS = ("Markdown", "MarkdownViewer", "Input", "TextArea", "Static", "Label")


class WarmParent:
    def __init__(self, control: socket.socket, folder_root: Path, course: Any, settings: Any) -> None:
        self.control = control
        self.folder_root = folder_root.resolve()
        self.course = course
        self.settings = settings
        self.live: set[int] = set()
        self.wake_read, self.wake_write = os.pipe()
        os.set_blocking(self.wake_write, False)
        os.set_blocking(self.wake_read, False)

    def send(self, message: dict[str, Any]) -> None:
        with contextlib.suppress(OSError):
            self.control.send(json.dumps(message).encode("utf-8"))

    def serve(self) -> int:
        signal.set_wakeup_fd(self.wake_write)
        signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes select through the wake-up fd
        signal.signal(signal.SIGTERM, lambda *_: None)
        self.send({"ready": True, "pid": os.getpid()})
        while True:
            try:
                readable, _, _ = select.select([self.control.fileno(), self.wake_read], [], [], 1.0)
            except InterruptedError:  # pragma: no cover - Python retries select itself
                readable = []
            if self.wake_read in readable:
                woken = _drain(self.wake_read)
                if signal.SIGTERM in woken:
                    break
            self.reap()
            if self.control.fileno() in readable:
                try:
                    data, fds, _flags, _address = socket.recv_fds(self.control, MAX_MESSAGE, 4)
                except OSError:
                    break
                if not data:  # the server is gone
                    for fd in fds:
                        os.close(fd)
                    break
                if not self.handle(data, fds):
                    break
        self.stop_all()
        return 0

    def handle(self, data: bytes, fds: list[int]) -> bool:
        """Obey one message; False when told to stop."""
        try:
            message = json.loads(data)
            op = message["op"]
        except (ValueError, KeyError, TypeError):
            for fd in fds:
                os.close(fd)
            return True
        if op == "start":
            self.start(message, fds)
        else:
            for fd in fds:
                os.close(fd)
            if op == "signal":
                pid, number = int(message["pid"]), int(message["signal"])
                if pid in self.live and number in (signal.SIGTERM, signal.SIGKILL):
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, number)
            elif op == "stop":
                return False
        return True

    def start(self, message: dict[str, Any], fds: list[int]) -> None:
        request = message.get("id")
        try:
            if len(fds) != 1:
                raise ValueError("a session needs exactly one socket")
            folder = Path(str(message["folder"])).resolve()
            if folder.parent != self.folder_root:
                raise ValueError("the folder is not an account's folder")
            width, height = _size(message.get("width")), _size(message.get("height"))
            language = check_language(str(message.get("language", DEFAULT_LANGUAGE)))
        except (KeyError, TypeError, ValueError) as error:
            for fd in fds:
                os.close(fd)
            self.send({"id": request, "error": str(error)})
            return
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the session
            code = 1
            try:
                code = self.become_session(fds[0], folder, width, height, language)
            finally:
                with contextlib.suppress(Exception):
                    sys.stderr.flush()
                os._exit(code)
        os.close(fds[0])
        self.live.add(pid)
        self.send({"id": request, "pid": pid})

    def become_session(self, fd: int, folder: Path, width: int, height: int, language: str) -> int:
        signal.set_wakeup_fd(-1)
        for number in (signal.SIGCHLD, signal.SIGTERM, signal.SIGINT):
            signal.signal(number, signal.SIG_DFL)
        _die_with_parent()
        self.control.close()
        os.close(self.wake_read)
        os.close(self.wake_write)
        os.dup2(fd, 0)
        os.dup2(fd, 1)
        os.close(fd)
        os.environ.update(web_environment(width, height))
        from course.web.session import run_session

        return run_session(folder, self.course, self.settings, language)

    def reap(self) -> None:
        for pid in list(self.live):
            try:
                done, status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done, status = pid, 0
            if done:
                self.live.discard(pid)
                self.send({"exited": pid, "code": os.waitstatus_to_exitcode(status)})

    def stop_all(self) -> None:
        """SIGTERM to every session (each saves what was typed and ends), then SIGKILL to any still there."""
        for pid in self.live:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        while self.live and time.monotonic() < deadline:
            self.reap()
            time.sleep(0.02)
        for pid in self.live:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        while self.live:
            self.reap()
            time.sleep(0.01)


def _size(value: object) -> int:
    number = int(value)  # type: ignore[call-overload]
    if not 1 <= number <= 1000:
        raise ValueError("a size out of range")
    return number


def _drain(fd: int) -> set[int]:
    signals: set[int] = set()
    with contextlib.suppress(BlockingIOError):
        while data := os.read(fd, 512):
            signals.update(data)
    return signals


def _die_with_parent() -> None:
    """Ask Linux to send this process SIGTERM when its parent ends (prctl PR_SET_PDEATHSIG)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)


def warm_up(content: Sequence[str]) -> Any:
    """Import what sessions use, and read the course and the interface's catalog in every language (a session
    in Spanish waits for neither); return the courses (``course.content.library.Courses``)."""
    for name in WARM_MODULES:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    import textual.widgets

    for widget in WARM_WIDGETS:  # Textual imports each widget's module when it is first asked for
        getattr(textual.widgets, widget, None)
    from course.content import ContentDir
    from course.content.library import Courses

    courses = Courses([ContentDir.shipped(), *(ContentDir.of(d) for d in content)])
    for language in LANGUAGES:
        read = courses[language]
        translator(language)
    del read
    return courses


def rehearse(course: Any, settings: Any) -> None:
    """Run the app once, headless, to its first screen and the course map, on a scratch folder, so that what
    every session's first screens need (functions run once, caches filled, modules imported on first use) is
    done here, once, and shared by the forks. A rehearsal that fails only costs that saving."""
    import asyncio
    import tempfile
    import threading

    from course.learner import StoredLearner
    from course.store import Store
    from course.ui.screens.course_map import CourseMapScreen
    from course.ui.web.app import WebApp

    try:
        with tempfile.TemporaryDirectory(prefix="family-course-rehearsal-") as scratch:
            store = Store(Path(scratch))
            try:
                app = WebApp(course, store, settings)

                async def run() -> None:
                    async with app.run_test(size=(80, 24)) as pilot:
                        await pilot.pause()
                        app.learner = StoredLearner(store, store.create_profile("Rehearsal"), "Rehearsal")
                        await app.push_screen(CourseMapScreen())
                        await pilot.pause()

                asyncio.run(run())
            finally:
                store.close()
    except Exception as error:  # pragma: no cover - sessions work without it
        print(f"family-course: the warm parent's rehearsal failed ({error}); sessions start without it",
              file=sys.stderr)
    if threading.active_count() != 1:  # pragma: no cover - a fork copies no thread, only its half-done state
        raise RuntimeError("the rehearsal left a thread running; the warm parent cannot fork safely")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course.web.warm")
    parser.add_argument("--control-fd", type=int, required=True)
    parser.add_argument("--folders", type=Path, required=True, help="the folder holding the accounts' folders")
    parser.add_argument("--settings-dir", type=Path, required=True)
    parser.add_argument("--content", action="append", default=[])
    args = parser.parse_args(argv)
    control = socket.socket(fileno=args.control_fd)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the server's terminal is the server's to handle
    _die_with_parent()
    os.environ.update(WEB_ENVIRONMENT)  # before Textual is imported: it reads some of these once
    from course.config import load_settings

    course = warm_up(args.content)
    settings = replace(load_settings(args.settings_dir), problems=())  # the server reports them
    rehearse(course, settings)
    gc.collect()
    gc.freeze()  # what is here now lives as long as every session: no collection in any of them walks it
    return WarmParent(control, args.folders, course, settings).serve()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
