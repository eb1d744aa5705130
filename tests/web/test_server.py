"""Every HTTP rule of ``family-course serve``, through aiohttp's test client, with stand-in session processes
(tests/web/fakes.py): sign-in, cookie flags, redirects, throttling, Origin and Host, limits, idle time, logout,
downloads, static files, and every session ended when the server stops."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp import WSMsgType, WSServerHandshakeError
from aiohttp.test_utils import TestClient, TestServer

from course.web import terminal as terminal_module
from course.web.accounts import Accounts
from course.web.server import WRONG, CourseServer, OptionError, ServeOptions, check_options

from .fakes import FakeLauncher

ANA, BEN = "correct horse battery", "staple paper clip river"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


Made = tuple[TestClient, CourseServer, FakeLauncher]
Make = Callable[..., Awaitable[Made]]


@pytest.fixture
def people(accounts: Accounts, fast_hashing: None) -> Accounts:
    accounts.add("Ana", ANA)
    accounts.add("Ben", BEN)
    return accounts


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def make(data_dir: Path, people: Accounts, clock: Clock) -> AsyncIterator[Make]:
    clients: list[TestClient] = []

    async def make(*, stubborn: bool = False, fail: bool = False, **options: Any) -> Made:
        launcher = FakeLauncher(data_dir / "accounts", stubborn=stubborn, fail=fail)
        server = CourseServer(ServeOptions(data_dir=data_dir, **options), launcher=launcher, clock=clock)
        launcher.downloads = server.downloads
        client = TestClient(TestServer(server.make_app()))
        await client.start_server()
        clients.append(client)
        return client, server, launcher

    yield make
    for client in clients:
        await client.close()


def origin(client: TestClient) -> str:
    return f"http://127.0.0.1:{client.port}"


async def sign_in(client: TestClient, name: str, password: str, **headers: str) -> Any:
    return await client.post("/login", data={"account": name, "password": password}, allow_redirects=False,
                             headers=headers or None)


async def open_tab(client: TestClient, **headers: str) -> Any:
    return await client.ws_connect("/ws?width=100&height=30", headers=headers or {"Origin": origin(client)})


async def first_text(socket: Any) -> bytes:
    message = await socket.receive(timeout=10)
    assert message.type == WSMsgType.BINARY, message
    return bytes(message.data)


async def until(condition: Callable[[], bool]) -> None:
    """Let the server's background work run until ``condition`` holds (not a measure of time)."""
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("it never happened")


# -- sign-in ---------------------------------------------------------------------------------------------------------
async def test_the_sign_in_page(make: Make) -> None:
    client, _, _ = await make()
    response = await client.get("/")
    page = await response.text()
    assert response.status == 200
    assert re.search(r'<form method="post" action="/login"', page)
    assert 'name="account"' in page and 'name="password"' in page and 'type="password"' in page
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"


async def test_the_right_password_gives_a_cookie_and_the_course(make: Make, people: Accounts) -> None:
    client, _, _ = await make()
    response = await sign_in(client, "ana", ANA)
    assert response.status == 303 and response.headers["Location"] == "/course"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain http on this machine: a Secure cookie would never come back
    page = await client.get("/course", allow_redirects=False)
    text = await page.text()
    assert page.status == 200
    assert f'data-session-websocket-url="ws://127.0.0.1:{client.port}/ws"' in text
    assert (await client.get("/", allow_redirects=False)).headers["Location"] == "/course"


async def test_over_https_the_cookie_is_secure_and_the_page_uses_wss(make: Make) -> None:
    client, _, _ = await make(public_url="https://course.example.org")
    site = {"Host": "course.example.org"}
    response = await sign_in(client, "Ana", ANA, Origin="https://course.example.org", **site)
    cookie = response.headers["Set-Cookie"]
    assert response.status == 303
    assert cookie.startswith("__Host-session=") and "Secure" in cookie and "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    token = cookie.split(";")[0].split("=", 1)[1]
    page = await client.get("/course", headers={**site, "Cookie": f"__Host-session={token}"})
    assert 'data-session-websocket-url="wss://course.example.org/ws"' in await page.text()


@pytest.mark.parametrize(("name", "password"), [
    ("Ana", BEN), ("Nobody", ANA), ("Ana", ""), ("", ""), ("../Ana", ANA), ("Ana\x00", ANA), ("A" * 5000, ANA),
])
async def test_a_wrong_sign_in_gets_one_message_for_every_reason(make: Make, name: str, password: str) -> None:
    client, _, _ = await make()
    response = await sign_in(client, name, password)
    text = await response.text()
    assert response.status == 401
    assert WRONG in text and "Set-Cookie" not in response.headers
    assert re.findall(r'<p class="error"[^>]*>(.*?)</p>', text) == [WRONG]
    assert (await client.get("/course", allow_redirects=False)).status == 303


async def test_the_course_without_a_sign_in_goes_to_the_sign_in_page(make: Make) -> None:
    client, _, _ = await make()
    for headers in (None, {"Cookie": "session=made-up"}):
        response = await client.get("/course", allow_redirects=False, headers=headers)
        assert response.status == 303 and response.headers["Location"] == "/"


async def test_wrong_tries_for_one_account_are_slowed(make: Make, clock: Clock, monkeypatch: pytest.MonkeyPatch,
                                                     people: Accounts) -> None:
    from course.store import pins

    monkeypatch.setattr(pins, "clock", clock)
    client, server, _ = await make()
    checked: list[str] = []
    real = people.sign_in
    monkeypatch.setattr(server.accounts, "sign_in", lambda n, p: (checked.append(n), real(n, p))[1])
    for _ in range(5):
        assert (await sign_in(client, "Ana", "wrong password!!")).status == 401
    assert len(checked) == 5
    assert (await sign_in(client, "ANA", ANA)).status == 401  # even the right password waits
    assert len(checked) == 5, "not even checked"
    assert (await sign_in(client, "Ben", BEN)).status == 303  # other accounts are not held up
    for _ in range(5):  # a name with no account is slowed the same way, so the two look alike
        await sign_in(client, "Nobody", "wrong password!!")
    before = len(checked)
    assert (await sign_in(client, "nobody", "wrong password!!")).status == 401
    assert len(checked) == before
    clock.now += 31
    assert (await sign_in(client, "Ana", ANA)).status == 303


async def test_wrong_tries_from_one_address_are_slowed(make: Make, clock: Clock) -> None:
    client, _, _ = await make(public_url="http://course.test")
    site = {"Host": "course.test", "Origin": "http://course.test"}
    for i in range(10):
        await sign_in(client, f"guess {i}", "wrong password!!", **site, **{"X-Forwarded-For": "203.0.113.9"})
    refused = await sign_in(client, "Ana", ANA, **site, **{"X-Forwarded-For": "203.0.113.9"})
    assert refused.status == 401
    assert (await sign_in(client, "Ana", ANA, **site, **{"X-Forwarded-For": "198.51.100.7"})).status == 303
    clock.now += 31
    assert (await sign_in(client, "Ana", ANA, **site, **{"X-Forwarded-For": "203.0.113.9"})).status == 303


async def test_signing_out_ends_the_visit_and_its_sessions(make: Make) -> None:
    client, _, launcher = await make()
    await sign_in(client, "Ana", ANA)
    tab = await open_tab(client)
    await first_text(tab)
    response = await client.post("/logout", allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/"
    assert "session=" in response.headers["Set-Cookie"]
    await until(lambda: not launcher.live())
    assert (await client.get("/course", allow_redirects=False)).status == 303
    await tab.close()


# -- the websocket ---------------------------------------------------------------------------------------------------
async def test_the_websocket_needs_a_sign_in(make: Make) -> None:
    client, _, launcher = await make()
    with pytest.raises(WSServerHandshakeError) as refused:
        await open_tab(client)
    assert refused.value.status == 403
    assert launcher.sessions == []


@pytest.mark.parametrize("other", [{"Origin": "http://evil.example"}, {"Origin": "null"}, {},
                                   {"Origin": "http://127.0.0.1:1"}])
async def test_the_websocket_needs_this_servers_own_origin(make: Make, other: dict[str, str]) -> None:
    client, _, launcher = await make()
    await sign_in(client, "Ana", ANA)
    with pytest.raises(WSServerHandshakeError) as refused:
        await client.ws_connect("/ws", headers=other)
    assert refused.value.status == 403
    assert launcher.sessions == []


async def test_a_session_runs_the_course_of_its_own_account_only(make: Make, people: Accounts) -> None:
    client, _, launcher = await make()
    await sign_in(client, "Ben", BEN)
    tab = await open_tab(client)
    assert await first_text(tab) == f"course of {people.find('Ben').id}".encode()
    assert launcher.sessions[0].folder == people.find("Ben").folder
    assert launcher.sessions[0].size == (100, 30)
    await tab.close()


async def test_forms_from_other_sites_and_unknown_hosts_are_refused(make: Make) -> None:
    client, _, _ = await make()
    assert (await sign_in(client, "Ana", ANA, Origin="http://evil.example")).status == 403
    assert (await client.get("/", headers={"Host": "evil.example"})).status == 400
    assert (await client.get("/", headers={"Host": f"localhost:{client.port}"})).status == 200


async def test_only_the_pages_own_files_are_served_and_nothing_is_listed(make: Make) -> None:
    client, _, _ = await make()
    for path in ("/static/", "/static", "/static/fonts/RobotoMono-VariableFont_wght.ttf", "/static/images",
                 "/static/%2e%2e/server.py", "/static/../accounts.json", "/accounts.json", "/download/"):
        assert (await client.get(path)).status == 404, path
    script = await client.get("/static/textual.js")
    assert script.status == 200 and "javascript" in script.headers["Content-Type"]
    assert (await client.get("/static/xterm.css")).status == 200
    await sign_in(client, "Ana", ANA)
    for path in ("/", "/course"):
        page = await (await client.get(path)).text()
        assert "googleapis" not in page
        for link in re.findall(r'(?:src|href|action)="([^"]*)"', page):
            assert (link.startswith("/") and not link.startswith("//")) or link == "data:,", link


# -- limits ----------------------------------------------------------------------------------------------------------
async def test_beyond_max_sessions_a_busy_page(make: Make) -> None:
    client, server, launcher = await make(max_sessions=2)
    other = TestClient(client.server)
    try:
        await sign_in(client, "Ana", ANA)
        await sign_in(other, "Ben", BEN)
        tabs = [await open_tab(client), await open_tab(other)]
        busy = await other.get("/course")
        assert busy.status == 503 and "try again in a minute" in await busy.text()
        with pytest.raises(WSServerHandshakeError) as refused:
            await open_tab(client)
        assert refused.value.status == 503
        assert len(launcher.sessions) == 2
        await tabs[0].close()
        await until(lambda: server.live_total() < 2)
        assert (await client.get("/course")).status == 200
        await tabs[1].close()
    finally:
        await other.close()


async def test_at_most_three_sessions_per_account(make: Make) -> None:
    client, server, launcher = await make()
    phone = TestClient(client.server)
    try:
        await sign_in(client, "Ana", ANA)
        await sign_in(phone, "ana", ANA)  # the same account from another browser
        tabs = [await open_tab(client), await open_tab(client), await open_tab(phone)]
        fourth = await phone.get("/course")
        assert fourth.status == 429 and "open in 3 places" in await fourth.text()
        with pytest.raises(WSServerHandshakeError):
            await open_tab(client)
        await sign_in(phone, "Ben", BEN)  # another account is not held up
        assert (await phone.get("/course")).status == 200
        await tabs[0].close()
        await until(lambda: len(launcher.live()) == 2)
        tabs.append(await open_tab(client))
        for tab in tabs[1:]:
            await tab.close()
        await until(lambda: not server.terminals)
    finally:
        await phone.close()


async def test_an_idle_session_is_asked_to_save_and_quit(make: Make, clock: Clock) -> None:
    client, server, launcher = await make(idle_timeout=60)
    await sign_in(client, "Ana", ANA)
    tab = await open_tab(client)
    await first_text(tab)
    clock.now += 50
    await tab.send_json(["stdin", "x"])  # typing keeps it going
    await until(lambda: any(r.startswith(b"Dx") for r in launcher.sessions[0].received))
    clock.now += 50
    assert server.check_idle() == []
    clock.now += 11
    assert len(server.check_idle()) == 1
    message = await tab.receive(timeout=10)
    assert message.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.CLOSING)
    await until(lambda: not launcher.live())
    assert b'M{"type": "quit"}' in launcher.sessions[0].received
    clock.now += 61  # and with no session left, the visit ends too
    server.check_idle()
    assert (await client.get("/course", allow_redirects=False)).status == 303


async def test_closing_the_tab_ends_its_session(make: Make) -> None:
    client, server, launcher = await make()
    await sign_in(client, "Ana", ANA)
    tab = await open_tab(client)
    await first_text(tab)
    await tab.close()
    await until(lambda: not launcher.live() and not server.terminals)
    assert launcher.sessions[0].code == 0  # it quit when asked


async def test_a_session_that_will_not_quit_is_ended(make: Make, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(terminal_module, "QUIT_GRACE", 0.01)
    client, server, launcher = await make(stubborn=True)
    await sign_in(client, "Ana", ANA)
    tab = await open_tab(client)
    await first_text(tab)
    await tab.close()
    await until(lambda: not server.terminals)
    assert launcher.sessions[0].code == -15


async def test_stopping_the_server_ends_every_session(make: Make) -> None:
    client, _, launcher = await make()
    await sign_in(client, "Ana", ANA)
    tabs = [await open_tab(client), await open_tab(client)]
    for tab in tabs:
        await first_text(tab)
    await client.close()  # the server's shutdown, as on SIGTERM
    assert len(launcher.sessions) == 2 and not launcher.live()
    assert launcher.closed
    for tab in tabs:
        assert tab.closed or (await tab.receive(timeout=10)).type in (WSMsgType.CLOSE, WSMsgType.CLOSED)


async def test_a_session_that_cannot_start_closes_the_tab(make: Make) -> None:
    client, server, _ = await make(fail=True)
    await sign_in(client, "Ana", ANA)
    tab = await open_tab(client)
    message = await tab.receive(timeout=10)
    assert message.type == WSMsgType.CLOSE and message.data == 1011
    await until(lambda: not server.terminals)


async def test_a_removed_accounts_open_session_ends(make: Make, people: Accounts) -> None:
    client, server, launcher = await make()
    await sign_in(client, "Ana", ANA)
    tab = await open_tab(client)
    await first_text(tab)
    assert server.check_idle() == []
    people.remove("Ana")
    assert len(server.check_idle()) == 1
    await until(lambda: not launcher.live())
    await tab.close()


async def test_a_removed_account_is_signed_out(make: Make, people: Accounts) -> None:
    client, _, _ = await make()
    await sign_in(client, "Ana", ANA)
    people.remove("Ana")
    assert (await client.get("/course", allow_redirects=False)).status == 303
    with pytest.raises(WSServerHandshakeError):
        await open_tab(client)


# -- downloads -------------------------------------------------------------------------------------------------------
async def test_a_download_goes_only_to_the_visit_whose_app_made_it(make: Make) -> None:
    client, server, launcher = await make()
    stranger = TestClient(client.server)
    try:
        await sign_in(client, "Ana", ANA)
        await sign_in(stranger, "Ben", BEN)
        tab = await open_tab(client)
        await first_text(tab)
        (terminal,) = server.terminals
        await server.downloads.create_download(app_service=terminal, delivery_key="k1",
                                               file_name="Ana's record.html", open_method="browser",
                                               mime_type="text/html", encoding="utf-8")
        launcher.sessions[0].chunks = {"k1": [b"<p>well done</p>", b""]}
        assert (await stranger.get("/download/k1")).status == 404
        assert (await client.get("/download/nope")).status == 404
        response = await client.get("/download/k1")
        assert response.status == 200
        assert await response.read() == b"<p>well done</p>"
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith("attachment;")  # never shown as a page of this site
        assert "filename*=UTF-8''Ana%27s%20record.html" in disposition
        assert response.headers["Content-Security-Policy"] == "sandbox"
        await tab.close()
    finally:
        await stranger.close()


# -- options ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("options", "says"), [
    ({"host": "0.0.0.0"}, "needs --public-url"),
    ({"public_url": "ftp://x"}, "web address"),
    ({"public_url": "https://clinic.example.org/course/"}, "root of a host name"),
    ({"max_sessions": 0}, "at least 1"),
    ({"idle_timeout": 0}, "more than 0"),
])
def test_options_that_cannot_work_are_refused(tmp_path: Path, options: dict[str, Any], says: str) -> None:
    with pytest.raises(OptionError, match=says):
        check_options(ServeOptions(data_dir=tmp_path, **options))
