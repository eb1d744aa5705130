"""A stand-in for session processes, so the HTTP rules are tested without starting the course.

A fake session speaks the start of Textual's web-driver protocol: it says it is a Textual app, draws one line
naming the account folder it was opened for, and ends when asked to quit (or, if ``stubborn``, only when
terminated).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import socket
from pathlib import Path
from typing import Any

from course.web.processes import Launcher, LaunchError


def packet(kind: bytes, payload: bytes) -> bytes:
    return kind + len(payload).to_bytes(4, "big") + payload


class FakeSession:
    pids = itertools.count(900001)

    def __init__(self, folder: Path, width: int, height: int, *, stubborn: bool) -> None:
        self.folder = folder
        self.size = (width, height)
        self.language = "en"  # the language its course starts in
        self.pid = next(self.pids)
        self.stubborn = stubborn
        self.code: int | None = None
        self.ended = asyncio.Event()
        self.received: list[bytes] = []
        self.stdin: asyncio.StreamWriter | None = None
        self.stdout: asyncio.StreamReader | None = None
        self.stderr: asyncio.StreamReader | None = asyncio.StreamReader()
        self.stderr.feed_eof()
        self.task: asyncio.Task[None] | None = None
        self.app_writer: asyncio.StreamWriter | None = None
        self.downloads: Any = None  # the server's download manager, to answer its requests for chunks
        self.chunks: dict[str, list[bytes]] = {}

    async def begin(self) -> None:
        ours, theirs = socket.socketpair()
        self.stdout, self.stdin = await asyncio.open_unix_connection(sock=ours)
        reader, self.app_writer = await asyncio.open_unix_connection(sock=theirs)
        self.app_writer.write(b"__GANGLION__\n" + packet(b"D", f"course of {self.folder.name}".encode()))
        self.task = asyncio.create_task(self.app(reader))

    async def app(self, reader: asyncio.StreamReader) -> None:
        try:
            while True:
                kind = await reader.readexactly(1)
                size = int.from_bytes(await reader.readexactly(4), "big")
                payload = await reader.readexactly(size)
                self.received.append(kind + payload)
                meta = json.loads(payload) if kind == b"M" else {}
                if meta.get("type") == "quit" and not self.stubborn:
                    self.end(0)
                    return
                if meta.get("type") == "deliver_chunk_request" and self.downloads is not None:
                    key = meta["key"]
                    await self.downloads.chunk_received(key, self.chunks[key].pop(0))
        except (asyncio.IncompleteReadError, ConnectionError):
            self.end(0)

    def end(self, code: int) -> None:
        if self.code is None:
            self.code = code
        if self.app_writer is not None:
            with contextlib.suppress(Exception):
                self.app_writer.write(packet(b"M", b'{"type": "exit"}'))
            self.app_writer.close()
        self.ended.set()

    @property
    def returncode(self) -> int | None:
        return self.code

    async def wait(self) -> int:
        await self.ended.wait()
        assert self.code is not None
        return self.code

    def terminate(self) -> None:
        self.end(-15)

    def kill(self) -> None:
        self.end(-9)


class FakeLauncher(Launcher):
    def __init__(self, folders: Path, *, stubborn: bool = False, fail: bool = False) -> None:
        super().__init__(folders, folders)
        self.stubborn = stubborn
        self.fail = fail
        self.sessions: list[FakeSession] = []
        self.closed = False
        self.downloads: Any = None

    async def open(self, folder: Path, width: int, height: int, *, language: str = "en") -> FakeSession:
        if self.fail:
            raise LaunchError("no sessions today")
        session = FakeSession(folder, width, height, stubborn=self.stubborn)
        session.language = language
        session.downloads = self.downloads
        await session.begin()
        self.sessions.append(session)
        return session

    def live(self) -> list[FakeSession]:
        return [s for s in self.sessions if s.code is None]

    async def close(self) -> None:
        self.closed = True
