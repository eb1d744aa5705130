"""Real sessions: the course forked from the warm parent draws its welcome screen in a websocket, each account
sees only its own profiles, and no session process outlives its tab or the server (SIGTERM)."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from course.store import Store
from course.web.accounts import Accounts
from course.web.processes import ForkLauncher
from course.web.server import CourseServer, ServeOptions

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sessions are forked on Linux")

ANA, BEN = "correct horse battery", "staple paper clip river"
WELCOME = "Who is using the course?"
REPO = Path(__file__).resolve().parents[2]


def plain(screen: bytes) -> str:
    """The text drawn, without escape sequences (enough to find the words of a screen)."""
    text = re.sub(rb"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]", b" ",
                  screen)
    return re.sub(r"\s+", " ", text.decode("utf-8", "replace"))


async def read_until(socket: Any, *words: str, limit: float = 120.0) -> str:
    """What the tab has drawn, once it shows every one of ``words`` (``limit`` only stops a broken test)."""
    drawn = b""
    deadline = time.monotonic() + limit
    while True:
        text = plain(drawn)
        if all(word in text for word in words):
            return text
        left = deadline - time.monotonic()
        assert left > 0, f"never drew {words}: {text[-2000:]}"
        # Not receive(timeout=): it starts its wait again after each of the server's heartbeat pings
        try:
            message = await asyncio.wait_for(socket.receive(), left)
        except TimeoutError:
            raise AssertionError(f"never drew {words}: {text[-2000:]}") from None
        assert message.type == aiohttp.WSMsgType.BINARY or message.type == aiohttp.WSMsgType.TEXT, message
        if message.type == aiohttp.WSMsgType.BINARY:
            drawn += message.data


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (read from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


async def gone(pids: set[int]) -> bool:
    for _ in range(1000):
        if not any(alive(pid) for pid in pids):
            return True
        await asyncio.sleep(0.02)
    return False


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("web") / "data"
    accounts = Accounts(data_dir)
    for name, password, profile in (("Ana", ANA, "Grandma Rosa"), ("Ben", BEN, "Uncle Teodoro")):
        with Store(accounts.add(name, password).folder) as store:
            store.create_profile(profile)
    return data_dir


@pytest.fixture
async def site(data_dir: Path) -> AsyncIterator[tuple[TestClient, CourseServer]]:
    server = CourseServer(ServeOptions(data_dir=data_dir))
    assert isinstance(server.launcher, ForkLauncher)
    client = TestClient(TestServer(server.make_app()))
    await client.start_server()
    try:
        yield client, server
    finally:
        launcher = server.launcher
        await client.close()
        assert launcher.warm is not None and launcher.warm.returncode is not None, "the warm parent stopped"


async def open_course(client: TestClient, name: str, password: str) -> Any:
    response = await client.post("/login", data={"account": name, "password": password}, allow_redirects=False)
    assert response.status == 303
    return await client.ws_connect("/ws?width=80&height=24", headers={"Origin": f"http://127.0.0.1:{client.port}"})


async def test_a_real_session_draws_the_welcome_screen_and_ends_with_its_tab(
    site: tuple[TestClient, CourseServer],
) -> None:
    client, server = site
    tab = await open_course(client, "Ana", ANA)
    text = await read_until(tab, WELCOME, "Grandma Rosa")
    assert "education, not treatment" in text
    (terminal,) = server.terminals
    pid = terminal.pid
    assert pid is not None and alive(pid)
    assert server.launcher.warm is not None and pid in descendants(server.launcher.warm.pid)
    await tab.close()
    assert await gone({pid}), "the session process outlived its tab"


async def test_two_accounts_never_see_each_others_profiles(site: tuple[TestClient, CourseServer]) -> None:
    client, _ = site
    other = TestClient(client.server)
    try:
        ana = await open_course(client, "Ana", ANA)
        ben = await open_course(other, "ben", BEN)
        ana_screen = await read_until(ana, WELCOME, "Grandma Rosa")
        ben_screen = await read_until(ben, WELCOME, "Uncle Teodoro")
        assert "Teodoro" not in ana_screen and "Rosa" not in ben_screen
        await ana.send_str('["stdin", "\\u0011"]')  # Ctrl+Q: the app ends, and closes its tab's connection
        message = await ana.receive(timeout=60)
        while message.type == aiohttp.WSMsgType.BINARY:
            message = await ana.receive(timeout=60)
        assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        await ben.close()
    finally:
        await other.close()


async def test_the_record_of_completion_is_downloaded_from_a_real_session(
    site: tuple[TestClient, CourseServer], data_dir: Path,
) -> None:
    client, _ = site
    tab = await open_course(client, "Ana", ANA)
    await read_until(tab, WELCOME, "Grandma Rosa")
    await tab.send_json(["stdin", "\r"])  # the only profile, already highlighted
    await read_until(tab, "Course map for Grandma Rosa")
    await tab.send_json(["stdin", "p"])
    await read_until(tab, "Progress for Grandma Rosa")
    await tab.send_json(["stdin", "\x1b[C\x1b[C"])  # Right, Right: the Record tab
    screen = await read_until(tab, "Save a record of completion", "Save record")
    assert "Save to this file" not in screen and "/" not in screen.split("Save a record")[1].split("(.html)")[0]
    await tab.send_json(["stdin", "\t"])  # to Save record: the box for a path on the server is not there
    await tab.send_json(["stdin", "\r"])
    key = None
    deadline = time.monotonic() + 120  # only stops a broken test: receive(timeout=) restarts at each ping
    while key is None:
        message = await asyncio.wait_for(tab.receive(), max(0.1, deadline - time.monotonic()))
        assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
        if message.type == aiohttp.WSMsgType.TEXT and message.json()[0] == "deliver_file_start":
            key = message.json()[1]
    download = await client.get(f"/download/{key}")
    assert download.status == 200
    assert download.headers["Content-Disposition"].startswith('attachment; filename="family-course-record.html"')
    page = await download.text()
    assert "record of completion" in page and "Grandma Rosa" in page
    assert str(data_dir) not in page
    await tab.close()


async def test_sigterm_ends_every_session_process(data_dir: Path) -> None:
    code = ("import sys\nfrom pathlib import Path\nfrom course.web.server import ServeOptions, serve\n"
            "sys.exit(serve(ServeOptions(data_dir=Path(sys.argv[1]), port=0)))\n")
    server = subprocess.Popen([sys.executable, "-c", code, str(data_dir)], stdout=subprocess.PIPE, text=True,
                              cwd=REPO)
    processes: set[int] = set()
    try:
        assert server.stdout is not None
        line = await asyncio.get_running_loop().run_in_executor(None, server.stdout.readline)
        url = re.search(r"http://\S+", line)
        assert url, line
        base = url.group(0)
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser:
            response = await browser.post(f"{base}/login", data={"account": "Ana", "password": ANA},
                                          allow_redirects=False)
            assert response.status == 303
            tabs = [await browser.ws_connect(f"{base.replace('http', 'ws')}/ws", headers={"Origin": base})
                    for _ in range(2)]
            for tab in tabs:
                await read_until(tab, WELCOME)
            processes = descendants(server.pid)
            assert len(processes) == 3, processes  # the warm parent and two sessions
            server.send_signal(signal.SIGTERM)
            for tab in tabs:
                message = await tab.receive(timeout=60)
                while message.type == aiohttp.WSMsgType.BINARY:
                    message = await tab.receive(timeout=60)
        assert await asyncio.get_running_loop().run_in_executor(None, server.wait, 60) == 0
        assert await gone(processes), "a session process outlived the server"
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        for pid in processes:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
