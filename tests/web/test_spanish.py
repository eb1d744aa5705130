"""The course in a browser in Spanish: the pages follow each browser's Accept-Language (never the process's
language: one server answers many browsers), the session's course starts in the language the browser asked for
at sign-in, and the web app's own messages are translated."""

from __future__ import annotations

import asyncio
import html
import re
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from textual.widgets import TabbedContent

from course.config import Settings
from course.i18n import current_language, use_language
from course.learner import StoredLearner
from course.store import Store
from course.ui.screens.cards import CardsScreen
from course.ui.screens.progress import ProgressScreen
from course.ui.web.app import WebApp, hide_paths
from course.web.accounts import Accounts
from course.web.processes import ForkLauncher
from course.web.server import CourseServer, ServeOptions
from tests.ui.helpers import small_course

from .fakes import FakeLauncher
from .test_web_app import deliveries

ANA, BEN = "correct horse battery", "staple paper clip river"
SPANISH = {"Accept-Language": "es-MX,es;q=0.9"}
ENGLISH = {"Accept-Language": "en-US,en;q=0.9"}
GARBAGE = {"Accept-Language": ";;q=zz,,*, es;q=abc, 12345"}

Made = tuple[TestClient, CourseServer, FakeLauncher]


@pytest.fixture
async def make(data_dir: Path, accounts: Accounts, fast_hashing: None) -> AsyncIterator[Callable[..., Awaitable[Made]]]:
    accounts.add("Ana", ANA)
    accounts.add("Ben", BEN)
    clients: list[TestClient] = []

    async def make(**options: Any) -> Made:
        launcher = FakeLauncher(data_dir / "accounts")
        server = CourseServer(ServeOptions(data_dir=data_dir, **options), launcher=launcher)
        client = TestClient(TestServer(server.make_app()))
        await client.start_server()
        clients.append(client)
        return client, server, launcher

    yield make
    for client in clients:
        await client.close()


def words(page: str) -> list[str]:
    """The sentences a visitor reads on a page (its text between tags, and its title)."""
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S)
    found = [html.unescape(part).strip() for part in re.split(r"<[^>]+>", text)]
    return [part for part in found if len(part) > 3]


def english_left(spanish: str, english: str) -> list[str]:
    """The English sentences of ``english`` that are still on the Spanish page."""
    shown = html.unescape(re.sub(r"<[^>]+>", " ", spanish))
    return [part for part in words(english) if part in shown and part.strip(" .:0123456789")]


async def sign_in(client: TestClient, name: str, password: str, **headers: str) -> Any:
    return await client.post("/login", data={"account": name, "password": password}, allow_redirects=False,
                             headers={"Origin": f"http://127.0.0.1:{client.port}", **headers})


# -- pages -----------------------------------------------------------------------------------------------------------
async def test_the_sign_in_page_is_in_spanish_for_a_spanish_browser(make: Callable[..., Awaitable[Made]]) -> None:
    client, _, _ = await make()
    spanish = await (await client.get("/", headers=SPANISH)).text()
    english = await (await client.get("/", headers=ENGLISH)).text()
    assert '<html lang="es">' in spanish and '<html lang="en">' in english
    assert "Contraseña" in spanish and "Nombre de la cuenta" in spanish and "988" in spanish and "911" in spanish
    assert "Password" in english and "Account name" in english
    assert english_left(spanish, english) == []
    assert 'name="account"' in spanish and 'name="password"' in spanish and 'action="/login"' in spanish


async def test_the_sign_in_page_is_in_english_for_any_other_browser(make: Callable[..., Awaitable[Made]]) -> None:
    client, _, _ = await make()
    for headers in (ENGLISH, GARBAGE, {"Accept-Language": "fr-FR,de;q=0.5"}, {}):
        page = await (await client.get("/", headers=headers)).text()
        assert '<html lang="en">' in page and "Password" in page and "Contraseña" not in page, headers


async def test_each_browser_gets_its_own_language_whatever_the_process_shows(
        make: Callable[..., Awaitable[Made]]) -> None:
    client, _, _ = await make()
    use_language("es")  # as if a session had chosen Spanish in this process: the pages do not follow it
    assert "Password" in await (await client.get("/", headers=ENGLISH)).text()
    use_language("en")
    assert "Contraseña" in await (await client.get("/", headers=SPANISH)).text()
    assert current_language() == "en"


async def test_a_wrong_sign_in_is_told_in_spanish(make: Callable[..., Awaitable[Made]]) -> None:
    client, _, _ = await make(public_url=None)
    response = await sign_in(client, "Ana", "wrong wrong wrong", **SPANISH)
    page = await response.text()
    english = await (await sign_in(client, "Ana", "wrong wrong wrong", **ENGLISH)).text()
    assert response.status == 401 and '<html lang="es">' in page
    (message,) = re.findall(r'<p class="error"[^>]*>(.*?)</p>', page)
    assert "contraseña" in message and "clínica" in message
    assert 'value="Ana"' in page  # the name typed stays, escaped as before
    assert english_left(page, english) == []


async def test_the_course_page_and_its_ended_words_are_in_spanish(make: Callable[..., Awaitable[Made]]) -> None:
    client, _, _ = await make()
    assert (await sign_in(client, "Ana", ANA, **SPANISH)).status == 303
    spanish = await (await client.get("/course", headers=SPANISH)).text()
    english = await (await client.get("/course", headers=ENGLISH)).text()
    assert '<html lang="es">' in spanish and "El curso se cerró" in spanish and "Cerrar sesión" in spanish
    assert "The course has ended" in english
    assert english_left(spanish, english) == []
    assert 'action="/logout"' in spanish and 'href="/course"' in spanish


async def test_the_busy_page_is_in_spanish(make: Callable[..., Awaitable[Made]]) -> None:
    client, _, _ = await make(max_sessions=1)
    other = TestClient(client.server)
    try:
        await sign_in(client, "Ana", ANA, **SPANISH)
        await sign_in(other, "Ben", BEN, **SPANISH)
        tab = await client.ws_connect("/ws", headers={"Origin": f"http://127.0.0.1:{client.port}"})
        busy = await other.get("/course", headers=SPANISH)
        page = await busy.text()
        english = await (await other.get("/course", headers=ENGLISH)).text()
        assert busy.status == 503 and '<html lang="es">' in page and "un minuto" in page
        assert english_left(page, english) == []
        await tab.close()
    finally:
        await other.close()


async def test_a_clinic_phone_is_in_the_spanish_line(make: Callable[..., Awaitable[Made]], data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.toml").write_text("[clinic]\nphone = \"555-0100\"\n", encoding="utf-8")
    client, _, _ = await make()
    page = await (await client.get("/", headers=SPANISH)).text()
    assert "Su clínica: <strong>555-0100</strong>." in page


async def test_an_old_download_is_told_in_spanish(make: Callable[..., Awaitable[Made]]) -> None:
    client, _, _ = await make()
    await sign_in(client, "Ana", ANA, **SPANISH)
    gone = await client.get("/download/nothing", headers=SPANISH)
    assert gone.status == 404 and "descarga" in await gone.text()


# -- the session's language ------------------------------------------------------------------------------------------
async def test_the_session_starts_in_the_language_asked_for_at_sign_in(
        make: Callable[..., Awaitable[Made]], accounts: Accounts) -> None:
    client, _, launcher = await make()
    other = TestClient(client.server)
    try:
        await sign_in(client, "Ana", ANA, **SPANISH)
        await sign_in(other, "Ben", BEN, **ENGLISH)
        origin = {"Origin": f"http://127.0.0.1:{client.port}"}
        tabs = [await client.ws_connect("/ws", headers=origin),  # the websocket's own header does not count
                await other.ws_connect("/ws", headers={**origin, **SPANISH})]
        for _n in range(500):  # until both sessions have been opened (not a measure of time)
            if len(launcher.sessions) == 2:
                break
            await asyncio.sleep(0.01)
        ana, ben = accounts.find("Ana"), accounts.find("Ben")
        assert ana is not None and ben is not None
        started = {session.folder: session.language for session in launcher.sessions}
        assert started == {ana.folder: "es", ben.folder: "en"}
        for tab in tabs:
            await tab.close()
    finally:
        await other.close()


# -- the web app's own words -----------------------------------------------------------------------------------------
@pytest.fixture
def spanish_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[WebApp, Store, str]:
    monkeypatch.setenv("HOME", str(tmp_path / "server-home"))
    store = Store(tmp_path / "accounts" / "0123")
    pid = store.create_profile("Rosa")
    return WebApp(small_course(tmp_path / "content"), store, Settings(), language="es"), store, pid


async def test_the_record_download_is_told_in_spanish(spanish_app: tuple[WebApp, Store, str]) -> None:
    app, store, pid = spanish_app
    deliveries(app)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Rosa")
        await app.push_screen(ProgressScreen())
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "record-tab"
        await pilot.pause()
        await pilot.click("#save-record")
        await pilot.pause()
        status = " ".join(str(app.screen.query_one("#record-status").render()).split())
    assert "Su navegador está descargando family-course-record.html" in status, status
    assert "browser" not in status and "download" not in status.replace("family-course-record", "")


async def test_the_cards_download_is_told_in_spanish(spanish_app: tuple[WebApp, Store, str], tmp_path: Path) -> None:
    app, store, pid = spanish_app
    deliveries(app)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Rosa")
        await app.push_screen(CardsScreen(tmp_path / "server-home" / "family-course-cards", personal=True))
        await pilot.pause()
        await pilot.press("2")
        await pilot.click("#save-cards")
        await pilot.pause()
        status = " ".join(str(app.screen.query_one("#cards-status").render()).split())
    assert "Su navegador está descargando family-course-cards.html" in status, status
    assert "browser" not in status


def test_a_server_path_is_hidden_in_spanish() -> None:
    use_language("es")
    assert hide_paths("Se guardó en /srv/fc/a.json.") == "Se guardó en una carpeta del servidor."



# -- a real session ---------------------------------------------------------------------------------------------------
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sessions are forked on Linux")
async def test_a_real_spanish_session_shows_the_course_in_spanish(tmp_path: Path) -> None:
    """Forked from the warm parent: a profile that never chose a language gets the course in the language the
    browser asked for at sign-in (the lesson titles come from lessons/es)."""
    from .test_sessions import read_until

    data_dir = tmp_path / "data"
    with Store(Accounts(data_dir).add("Ana", ANA).folder) as store:
        store.create_profile("Grandma Rosa")
    server = CourseServer(ServeOptions(data_dir=data_dir))
    assert isinstance(server.launcher, ForkLauncher)
    client = TestClient(TestServer(server.make_app()))
    await client.start_server()
    try:
        assert (await sign_in(client, "Ana", ANA, **SPANISH)).status == 303
        tab = await client.ws_connect("/ws?width=80&height=24", headers={"Origin": f"http://127.0.0.1:{client.port}"})
        try:
            await read_until(tab, "Grandma Rosa")
            await tab.send_json(["stdin", "\r"])  # the only profile, already highlighted
            screen = await read_until(tab, "Qué es el IOP", limit=60)
            assert "What IOP Is" not in screen
        finally:
            await tab.close()
    finally:
        await client.close()


async def test_a_session_started_afresh_is_told_the_language(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Where sessions are not forked (not Linux), the language goes on the session's command line."""
    from course.web import processes, session

    started: list[tuple[str, ...]] = []

    async def spawn(*args: str, **options: Any) -> object:
        started.append(args)
        return object()

    monkeypatch.setattr(processes.asyncio, "create_subprocess_exec", spawn)
    await processes.SpawnLauncher(tmp_path, tmp_path).open(tmp_path / "a", 80, 24, language="es")
    (args,) = started
    ran: list[str] = []
    monkeypatch.setattr(session, "run_session", lambda folder, courses, settings, language: ran.append(language) or 0)
    assert session.main(list(args[3:])) == 0  # after "python -m course.web.session"
    assert ran == ["es"]


def test_the_warm_parent_refuses_a_language_the_course_does_not_have(tmp_path: Path) -> None:
    import json
    import os
    import socket

    from course.web.warm import WarmParent

    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    session_end, kept = socket.socketpair()
    parent = WarmParent(theirs, tmp_path, None, None)
    try:
        parent.start({"op": "start", "id": 7, "folder": str(tmp_path / "a"), "width": 80, "height": 24,
                      "language": "fr"}, [os.dup(session_end.fileno())])
        reply = json.loads(ours.recv(65536))
        assert reply["id"] == 7 and "fr" in reply["error"] and not parent.live
    finally:
        for end in (ours, theirs, session_end, kept):
            end.close()
        os.close(parent.wake_read)
        os.close(parent.wake_write)
