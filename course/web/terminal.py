"""One browser tab's running course: textual-serve's ``AppService`` (the app-process protocol, downloads
included) on a session process from a ``Launcher``, with a time limit on ending it.

textual-serve's own ``AppService`` starts ``command`` in a shell and, when told to stop, asks the app to quit and
waits for as long as it takes. Here the process comes from the launcher (forked from the warm parent), and a
session that has not ended ``QUIT_GRACE`` seconds after being asked is sent SIGTERM, then SIGKILL.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from course.i18n import DEFAULT_LANGUAGE
from course.web.processes import Launcher, SessionProcess

QUIT_GRACE = 5.0  # seconds to save and end after "quit" before SIGTERM
TERM_GRACE = 3.0  # then after SIGTERM before SIGKILL


class Terminal(AppService):
    """The course for one account in one tab. ``owner`` is the signed-in visit it belongs to (downloads are
    handed only to it); ``last_input`` is when the person last typed, clicked or resized (for the idle limit);
    ``language`` is the one the course starts in (the browser's, at sign-in)."""

    def __init__(self, launcher: Launcher, folder: Path, owner: Any, *,
                 write_bytes: Callable[[bytes], Awaitable[None]], write_str: Callable[[str], Awaitable[None]],
                 close: Callable[[], Awaitable[None]], download_manager: DownloadManager,
                 clock: Callable[[], float] = time.monotonic, language: str = DEFAULT_LANGUAGE) -> None:
        super().__init__("", write_bytes=write_bytes, write_str=write_str, close=close,
                         download_manager=download_manager)
        self.launcher = launcher
        self.folder = folder
        self.owner = owner
        self.language = language  # the course's language until a profile's own is chosen
        self.clock = clock
        self.last_input = clock()
        self.stopping = False
        self.session: SessionProcess | None = None
        self._stopped: asyncio.Task[None] | None = None

    @property
    def pid(self) -> int | None:
        return None if self.session is None else self.session.pid

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        """The session process, from the launcher rather than a shell command (``AppService.start`` calls this)."""
        session = await self.launcher.open(self.folder, width, height, language=self.language)
        self.session = session
        self._process = session  # type: ignore[assignment]  # what AppService.run reads: stdout, stderr
        self._stdin = session.stdin
        return session

    async def run(self) -> None:
        """Relay the session's output until it ends, then close the tab's connection (the page then says the
        session has ended), also when the app ended without saying so (killed, or crashed)."""
        try:
            await super().run()
        finally:
            with contextlib.suppress(Exception):
                await self.remote_close()

    def touched(self) -> None:
        self.last_input = self.clock()

    async def stop(self) -> None:
        """Ask the app to save and quit; SIGTERM it if it has not ended in time, then SIGKILL. Every caller
        waits until the process has gone."""
        self.stopping = True
        if self._stopped is None:
            self._stopped = asyncio.create_task(self._stop())
        await asyncio.shield(self._stopped)

    async def _stop(self) -> None:
        task = self._task
        if task is None:
            return
        self._task = None
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if self.session is not None and self.session.returncode is None:
            await self.send_meta({"type": "quit"})
        for grace, end in ((QUIT_GRACE, "terminate"), (TERM_GRACE, "kill")):
            if await self._ended_within(task, grace):
                break
            if self.session is not None:
                with contextlib.suppress(ProcessLookupError):
                    getattr(self.session, end)()
        else:
            await self._ended_within(task, None)
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def _ended_within(self, task: asyncio.Task[None], seconds: float | None) -> bool:
        """True once both the output has ended and the process is gone, within ``seconds`` (None: no limit)."""
        async def ended() -> None:
            await asyncio.shield(task)
            if self.session is not None:
                await self.session.wait()

        try:
            await asyncio.wait_for(ended(), seconds)
        except TimeoutError:
            return False
        return True
