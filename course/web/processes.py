"""Starting a session process for a browser tab: forked from a warm parent (Linux), or started afresh (elsewhere).

Either way the server gets a ``SessionProcess``: the session's pid, its input and output as asyncio streams (the
protocol of Textual's web driver), and ways to wait for it and to end it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import sys
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from course.i18n import DEFAULT_LANGUAGE
from course.web.session import web_environment

WARM_START_TIMEOUT = 120.0  # importing and reading the course, on a slow machine with others starting
OPEN_TIMEOUT = 15.0


class LaunchError(Exception):
    """A session process could not be started."""


class SessionProcess(Protocol):
    pid: int
    stdin: asyncio.StreamWriter | None
    stdout: asyncio.StreamReader | None
    stderr: asyncio.StreamReader | None

    @property
    def returncode(self) -> int | None: ...

    async def wait(self) -> int: ...

    def terminate(self) -> None: ...

    def kill(self) -> None: ...


class Launcher(ABC):
    """Starts session processes for the accounts whose folders are in ``folders``."""

    def __init__(self, folders: Path, settings_dir: Path, content: Sequence[str] = ()) -> None:
        self.folders = Path(folders)
        self.settings_dir = Path(settings_dir)
        self.content = [str(c) for c in content]

    async def start(self) -> None:  # noqa: B027 - most launchers need nothing here
        """Get ready to open sessions (the warm parent imports and reads the course here)."""

    @abstractmethod
    async def open(self, folder: Path, width: int, height: int, *,
                   language: str = DEFAULT_LANGUAGE) -> SessionProcess:
        """A new session process for the account folder ``folder``, for a window of ``width`` x ``height``,
        whose course starts in ``language`` (until a profile's own language is chosen)."""

    async def close(self) -> None:  # noqa: B027 - most launchers need nothing here
        """End whatever ``start`` began (sessions are ended by the server before this)."""


def best_launcher(folders: Path, settings_dir: Path, content: Sequence[str] = ()) -> Launcher:
    """Forked sessions where the platform can (Linux), else sessions started afresh."""
    if sys.platform.startswith("linux") and hasattr(socket, "send_fds"):
        return ForkLauncher(folders, settings_dir, content)
    return SpawnLauncher(folders, settings_dir, content)


class SpawnLauncher(Launcher):
    """A fresh Python for every session, as textual-serve does (``python -m course.web.session``)."""

    async def open(self, folder: Path, width: int, height: int, *,
                   language: str = DEFAULT_LANGUAGE) -> SessionProcess:
        args = [sys.executable, "-m", "course.web.session", "--account-dir", str(folder),
                "--settings-dir", str(self.settings_dir), "--language", language]
        for content in self.content:
            args += ["--content", content]
        try:
            return await asyncio.create_subprocess_exec(
                *args, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE, env={**os.environ, **web_environment(width, height)},
                start_new_session=True)
        except OSError as error:
            raise LaunchError(f"a session could not be started: {error}") from error


class ForkedSession:
    """A session forked by the warm parent. Its output and input are one socket; its errors go to the server's."""

    def __init__(self, launcher: ForkLauncher, pid: int, reader: asyncio.StreamReader,
                 writer: asyncio.StreamWriter) -> None:
        self.launcher = launcher
        self.pid = pid
        self.stdout: asyncio.StreamReader | None = reader
        self.stdin: asyncio.StreamWriter | None = writer
        self.stderr: asyncio.StreamReader | None = asyncio.StreamReader()
        self.stderr.feed_eof()
        self.ended = asyncio.Event()
        self.code: int | None = None

    @property
    def returncode(self) -> int | None:
        return self.code

    def exited(self, code: int | None) -> None:
        self.code = code
        self.ended.set()
        if self.stdin is not None:
            self.stdin.close()

    async def wait(self) -> int:
        await self.ended.wait()
        return self.code if self.code is not None else -1

    def terminate(self) -> None:
        self.launcher.signal(self, signal.SIGTERM)

    def kill(self) -> None:
        self.launcher.signal(self, signal.SIGKILL)


class ForkLauncher(Launcher):
    """Sessions forked by the warm parent (``course.web.warm``), which has imported everything once."""

    def __init__(self, folders: Path, settings_dir: Path, content: Sequence[str] = ()) -> None:
        super().__init__(folders, settings_dir, content)
        self.warm: asyncio.subprocess.Process | None = None
        self.control: socket.socket | None = None
        self.reader: asyncio.Task[None] | None = None
        self.ready: asyncio.Future[None] | None = None
        self.replies: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.sessions: dict[int, ForkedSession] = {}
        self.next_id = 0
        self.starting: asyncio.Lock | None = None

    @property
    def warm_pid(self) -> int | None:
        return None if self.warm is None else self.warm.pid

    async def start(self) -> None:
        if self.starting is None:
            self.starting = asyncio.Lock()
        async with self.starting:
            if self.control is not None:
                return
            await self._start()

    async def _start(self) -> None:
        loop = asyncio.get_running_loop()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        args = [sys.executable, "-m", "course.web.warm", "--control-fd", str(theirs.fileno()),
                "--folders", str(self.folders), "--settings-dir", str(self.settings_dir)]
        for content in self.content:
            args += ["--content", content]
        try:
            self.warm = await asyncio.create_subprocess_exec(
                *args, pass_fds=[theirs.fileno()], stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL, start_new_session=True)
        except OSError as error:
            ours.close()
            raise LaunchError(f"the warm parent could not be started: {error}") from error
        finally:
            theirs.close()
        ours.setblocking(False)
        self.control = ours
        self.ready = loop.create_future()
        self.reader = asyncio.create_task(self._read(ours, self.ready))
        try:
            await asyncio.wait_for(asyncio.shield(self.ready), WARM_START_TIMEOUT)
        except (TimeoutError, LaunchError):
            await self.close()
            raise LaunchError("the warm parent did not start") from None

    async def _read(self, control: socket.socket, ready: asyncio.Future[None]) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                try:
                    data = await loop.sock_recv(control, 65536)
                except OSError:
                    data = b""
                if not data:
                    break
                try:
                    message = json.loads(data)
                except ValueError:
                    continue
                if message.get("ready"):
                    if not ready.done():
                        ready.set_result(None)
                elif "exited" in message:
                    session = self.sessions.pop(int(message["exited"]), None)
                    if session is not None:
                        session.exited(message.get("code"))
                elif "id" in message:
                    reply = self.replies.pop(int(message["id"]), None)
                    if reply is not None and not reply.done():
                        reply.set_result(message)
        finally:
            # The warm parent is gone: its sessions get SIGTERM from the kernel (see course.web.warm).
            if not ready.done():
                ready.set_exception(LaunchError("the warm parent stopped while starting"))
            for reply in self.replies.values():
                if not reply.done():
                    reply.set_exception(LaunchError("the warm parent stopped"))
            self.replies.clear()
            for session in self.sessions.values():
                session.exited(None)
            self.sessions.clear()
            if self.control is control:
                self.control = None
            control.close()

    async def open(self, folder: Path, width: int, height: int, *,
                   language: str = DEFAULT_LANGUAGE) -> SessionProcess:
        if self.control is None:
            await self.start()  # the first time, or again after the warm parent stopped
        control = self.control
        assert control is not None
        loop = asyncio.get_running_loop()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.next_id += 1
        request = self.next_id
        reply: asyncio.Future[dict[str, Any]] = loop.create_future()
        self.replies[request] = reply
        message = {"op": "start", "id": request, "folder": str(folder), "width": width, "height": height,
                   "language": language}
        try:
            socket.send_fds(control, [json.dumps(message).encode("utf-8")], [theirs.fileno()])
            answer = await asyncio.wait_for(reply, OPEN_TIMEOUT)
        except (OSError, TimeoutError, LaunchError) as error:
            ours.close()
            self.replies.pop(request, None)
            raise LaunchError(f"a session could not be started: {error}") from error
        finally:
            theirs.close()
        if "pid" not in answer:
            ours.close()
            raise LaunchError(f"a session could not be started: {answer.get('error')}")
        reader, writer = await asyncio.open_unix_connection(sock=ours)
        session = ForkedSession(self, int(answer["pid"]), reader, writer)
        self.sessions[session.pid] = session
        return session

    def signal(self, session: ForkedSession, number: int) -> None:
        if self.control is None or session.ended.is_set():
            return
        with contextlib.suppress(OSError):
            self.control.send(json.dumps({"op": "signal", "pid": session.pid, "signal": int(number)}).encode())

    async def close(self) -> None:
        if self.control is not None:
            with contextlib.suppress(OSError):
                self.control.send(json.dumps({"op": "stop"}).encode())
        if self.warm is not None:
            try:
                await asyncio.wait_for(self.warm.wait(), 10.0)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    self.warm.kill()
                await self.warm.wait()
        if self.reader is not None:
            self.reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.reader
            self.reader = None
        if self.control is not None:
            self.control.close()
            self.control = None
