"""Every rule of the phone page, through aiohttp's test client: the code, the token, one answer per phone (a new
one replaces it), the limits, a closed question, no JavaScript needed, nothing from another host, every text
escaped, and the server in a running event loop."""

from __future__ import annotations

import random
import re
from collections.abc import Awaitable, Callable

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from course.content.model import Option, Question
from course.group import phones, phones_web
from course.group.phones import PhoneRoom
from course.group.phones_web import COOKIE, PhoneServer, phone_app

ONE = Question(id="first", title="Calling in sick", prompt="Your partner asks you to **call** their boss.", options=(
    Option("a", "Make the call", False, "No."),
    Option("b", "Say no, kindly", True, "Yes."),
    Option("c", "Ignore it", False, "No."),
))
ALL = Question(id="signs", title="Warning signs", prompt="Which are signs?", options=(
    Option("a", "Skipping meetings", True, "Yes."),
    Option("b", "New old friends", True, "Yes."),
    Option("c", "Going to work", False, "No."),
))
NASTY = Question(id="nasty", title="<script>alert('t')</script>", prompt="<img src=http://evil/x.png> & ![i](x.png)",
                 options=(Option("a", '"><b>bold</b>', True, "x"), Option("b", "B & C", False, "x")))

Client = TestClient
MakeClient = Callable[..., Awaitable[TestClient]]


def by_header(request: web.Request) -> str:
    """Each simulated phone says which address it stands for (the test client always comes from 127.0.0.1)."""
    return request.headers.get("X-Phone-Address", "10.0.0.2")


@pytest.fixture
def room() -> PhoneRoom:
    return PhoneRoom(rng=random.Random(7))


@pytest.fixture
async def phone(aiohttp_client: MakeClient, room: PhoneRoom) -> TestClient:
    return await aiohttp_client(phone_app(room, by_header))


async def new_phone(aiohttp_client: MakeClient, room: PhoneRoom) -> TestClient:
    """Another phone: its own cookie jar."""
    return await aiohttp_client(phone_app(room, by_header))


def code_of(room: PhoneRoom) -> str:
    assert room.question is not None
    return room.question.code


async def text_of(response: aiohttp.ClientResponse) -> str:
    return await response.text()


async def join(client: TestClient, room: PhoneRoom, address: str = "10.0.0.2") -> str:
    response = await client.post("/join", data={"code": code_of(room)}, headers={"X-Phone-Address": address})
    assert response.status == 200 and "/join" not in str(response.url)  # followed the redirect to /
    return await response.text()


async def send(client: TestClient, room: PhoneRoom, *keys: str, address: str = "10.0.0.2",
               serial: int | None = None) -> aiohttp.ClientResponse:
    if serial is None:
        assert room.question is not None
        serial = room.question.serial
    return await client.post("/answer", data=[("q", str(serial)), *(("choice", k) for k in keys)],
                             headers={"X-Phone-Address": address})


# -- the page ---------------------------------------------------------------------------------------------------------
async def test_the_first_visit_gets_a_token_cookie_and_asks_for_the_code(phone: TestClient) -> None:
    response = await phone.get("/")
    page = await response.text()
    assert response.status == 200
    cookie = response.cookies[COOKIE]
    assert phones.valid_token(cookie.value)
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert 'action="/join"' in page and 'name="code"' in page
    assert "No question is open right now" in page
    assert "name" not in re.sub(r'name="(code|viewport)"', "", page).replace("No name", "")  # no name asked
    again = await phone.get("/")
    assert COOKIE not in again.cookies  # the same token is kept


async def test_nothing_is_loaded_from_another_host(phone: TestClient, room: PhoneRoom) -> None:
    room.open(ONE)
    await join(phone, room)
    response = await phone.get("/")
    page = await response.text()
    for link in re.findall(r'(?:src|href|action)="([^"]*)"', page):
        assert link.startswith("/") and not link.startswith("//"), link
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in page and "style=" not in page  # no inline script or style: the policy allows none
    assert response.headers["Cache-Control"] == "no-store"
    for asset in ("/style.css", "/phone.js"):
        served = await phone.get(asset)
        assert served.status == 200 and "http" not in await served.text()


async def test_the_question_works_without_javascript(phone: TestClient, room: PhoneRoom) -> None:
    """Plain forms all the way: the code, the answer, the next question (a button to check, not a script)."""
    room.open(ONE)
    page = await join(phone, room)
    assert "<h1>Calling in sick</h1>" in page and "<strong>call</strong>" in page and "Choose one." in page
    form = re.search(r'<form method="post" action="/answer"[^>]*>(.*?)</form>', page, re.S)
    assert form is not None
    buttons = re.findall(r'<button type="submit" class="option" name="choice" value="(\w)"[^>]*>'
                         r'<span class="letter">(\w)</span><span class="text">([^<]*)</span>', form.group(1))
    assert buttons == [("a", "A", "Make the call"), ("b", "B", "Say no, kindly"), ("c", "C", "Ignore it")]
    response = await send(phone, room, "b")
    page = await response.text()
    assert "Answer received. Look at the screen." in page
    assert room.counts() == {"a": 0, "b": 1, "c": 0}
    room.close()
    page = await text_of(await phone.get("/"))
    assert 'action="/"' in page and "Check for a question" in page  # without a script, a button checks
    room.open(ALL)
    page = await text_of(await phone.get("/"))  # already in: no code again
    assert "Warning signs" in page and "Choose all that apply." in page
    assert page.count('type="checkbox" name="choice"') == 3 and "Send my answers" in page


async def test_the_script_only_follows_pages_where_nothing_is_being_typed(phone: TestClient, room: PhoneRoom) -> None:
    page = await text_of(await phone.get("/"))
    assert 'data-follow="0"' in page  # the code form: a reload would lose a half-typed code
    room.open(ONE)
    page = await join(phone, room)
    serial = code_of(room) and room.question and room.question.serial
    assert f'data-serial="{serial}"' in page and 'data-follow="1"' in page
    state = await (await phone.get("/state")).json()
    assert state == {"serial": serial}
    room.close()
    assert await (await phone.get("/state")).json() == {"serial": 0}
    script = await text_of(await phone.get("/phone.js"))
    assert 'fetch("/state"' in script and "data-follow" in script


# -- the code ---------------------------------------------------------------------------------------------------------
async def test_a_wrong_code_is_told_plainly(phone: TestClient, room: PhoneRoom) -> None:
    code = room.open(ONE).code
    wrong = "ABCD" if code != "ABCD" else "WXYZ"
    response = await phone.post("/join", data={"code": wrong})
    assert response.status == 403
    assert "That code is not right" in await response.text()
    token = phone.session.cookie_jar.filter_cookies(phone.make_url("/"))[COOKIE].value
    assert phones.valid_token(token) and not room.is_joined(token)


async def test_an_expired_code_is_told_plainly(phone: TestClient, room: PhoneRoom) -> None:
    old = room.open(ONE).code
    room.close()
    room.open(ONE)
    response = await phone.post("/join", data={"code": old})
    assert response.status == 403 and "That code has expired" in await response.text()
    response = await phone.get(f"/{old}")  # the QR code of an earlier question
    assert response.status == 403 and "That code has expired" in await response.text()


async def test_the_qr_address_carries_the_code(phone: TestClient, room: PhoneRoom) -> None:
    room.open(ONE)
    response = await phone.get(f"/{code_of(room).lower()}")
    assert response.status == 200 and str(response.url).endswith("/")
    assert "Calling in sick" in await response.text()
    assert response.history and response.history[0].status == 303


async def test_no_answer_is_taken_while_no_question_is_open(phone: TestClient, room: PhoneRoom) -> None:
    response = await phone.post("/join", data={"code": "ABCD"})
    assert "No question is open right now" in await response.text()
    room.open(ONE)
    await join(phone, room)
    serial = room.question.serial if room.question else 0
    room.close()
    response = await send(phone, room, "a", serial=serial)
    assert response.status == 409 and "Answering is closed for that question" in await response.text()
    room.open(ONE)
    response = await send(phone, room, "a", serial=serial)  # the page of the earlier question, sent late
    assert response.status == 409 and room.answered == 0
    response = await send(phone, room, "a", serial=0)
    assert response.status == 409
    response = await phone.post("/answer", data={"q": "x1", "choice": "a"})
    assert response.status == 409 and room.answered == 0


# -- one answer per phone ---------------------------------------------------------------------------------------------
async def test_one_answer_per_phone_and_a_new_one_replaces_it(aiohttp_client: MakeClient, room: PhoneRoom) -> None:
    room.open(ONE)
    first, second = await new_phone(aiohttp_client, room), await new_phone(aiohttp_client, room)
    await join(first, room)
    await join(second, room, "10.0.0.3")
    await send(first, room, "a")
    await send(second, room, "a", address="10.0.0.3")
    assert room.answered == 2 and room.counts()["a"] == 2
    page = await text_of(await send(first, room, "c"))
    assert "Answer received. Look at the screen." in page and 'value="c" aria-pressed="true"' in page
    assert "Your answer: C." in page
    assert room.answered == 2 and room.counts() == {"a": 1, "b": 0, "c": 1}
    await send(first, room, "c")  # the same again: still one answer
    assert room.answered == 2


async def test_an_answer_without_the_token_cookie_is_not_counted(phone: TestClient, room: PhoneRoom,
                                                                 aiohttp_client: MakeClient) -> None:
    room.open(ONE)
    await join(phone, room)
    phone.session.cookie_jar.clear()
    response = await send(phone, room, "a")
    assert response.status == 400 and "needs cookies" in await response.text()
    assert room.answered == 0


async def test_an_answer_before_the_code_is_not_counted(phone: TestClient, room: PhoneRoom) -> None:
    room.open(ONE)
    await phone.get("/")  # a cookie, but no code typed
    response = await send(phone, room, "a")
    assert response.status == 403 and "Type the code on the screen first" in await response.text()
    assert room.answered == 0


async def test_a_choice_that_is_not_an_option_is_refused(phone: TestClient, room: PhoneRoom) -> None:
    room.open(ONE)
    await join(phone, room)
    for keys in ((), ("a", "b"), ("z",)):
        response = await send(phone, room, *keys)
        assert response.status == 400 and "Choose an answer first" in await response.text()
    assert room.answered == 0
    room.open(ALL)
    await send(phone, room, "a", "b")
    assert room.counts() == {"a": 1, "b": 1, "c": 0}
    page = await text_of(await phone.get("/"))
    assert page.count("checked") == 2  # the boxes show this phone's answer, to change it


# -- limits -----------------------------------------------------------------------------------------------------------
async def test_one_address_cannot_stuff_the_count(aiohttp_client: MakeClient, room: PhoneRoom) -> None:
    room.open(ONE)
    statuses = []
    for _ in range(phones.PHONES_PER_ADDRESS + 2):
        client = await new_phone(aiohttp_client, room)  # a new cookie each time, as if cookies were cleared
        await join(client, room, "10.0.0.66")
        response = await send(client, room, "a", address="10.0.0.66")
        statuses.append(response.status)
    assert statuses.count(200) == phones.PHONES_PER_ADDRESS and statuses[-1] == 429
    assert room.counts()["a"] == phones.PHONES_PER_ADDRESS
    assert "not counted" in await response.text()


async def test_guessing_codes_is_stopped(phone: TestClient, room: PhoneRoom) -> None:
    code = room.open(ONE).code
    guesses = [c for c in ("ABCD", "WXYZ", "HJKM", "PQRS", "TUVW", "2345", "6789", "ACEG", "BDFH", "KMNP", "RSTU")
               if c != code][:phones.WRONG_CODES_PER_ADDRESS]
    for guess in guesses:
        assert (await phone.post("/join", data={"code": guess})).status == 403
    response = await phone.post("/join", data={"code": code})
    assert response.status == 429 and "Too many wrong codes" in await response.text()


async def test_too_many_requests_from_one_address_are_refused(phone: TestClient) -> None:
    statuses = [(await phone.get("/state")).status for _ in range(phones_web.BURST + 5)]
    assert statuses[:phones_web.BURST] == [200] * phones_web.BURST
    assert statuses[-1] == 429
    other = await phone.get("/state", headers={"X-Phone-Address": "10.0.0.3"})
    assert other.status == 200


async def test_a_big_form_is_refused_without_a_traceback(phone: TestClient, room: PhoneRoom) -> None:
    room.open(ONE)
    response = await phone.post("/join", data={"code": "A" * (phones_web.MAX_BODY * 2)})
    assert response.status == 413
    assert "Traceback" not in await response.text()
    response = await phone.get("/no/such/page")
    assert response.status == 404 and "There is no such page here" in await response.text()


async def test_a_form_sent_from_another_site_is_refused(phone: TestClient, room: PhoneRoom) -> None:
    room.open(ONE)
    await join(phone, room)
    response = await phone.post("/answer", data={"q": "1", "choice": "a"},
                                headers={"Origin": "http://evil.example"})
    assert response.status == 403 and room.answered == 0
    response = await phone.get("/", headers={"Host": "evil.example"})  # a name pointed at this computer
    assert response.status == 403
    assert (await phone.get("/", headers={"Host": "192.168.1.20:8765"})).status == 200


# -- escaping ---------------------------------------------------------------------------------------------------------
async def test_every_text_is_escaped(phone: TestClient, room: PhoneRoom) -> None:
    room.open(NASTY)
    page = await join(phone, room)
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;" in page
    assert "<img" not in page and "<b>bold</b>" not in page and "&quot;&gt;&lt;b&gt;bold" in page
    assert "B &amp; C" in page
    assert "x.png" not in re.findall(r'src="([^"]*)"', page)


# -- the server in a running loop -------------------------------------------------------------------------------------
async def test_the_server_listens_and_stops(room: PhoneRoom) -> None:
    server = PhoneServer(room, port=0, host="127.0.0.1")
    port = await server.start()
    assert port > 0 and server.running
    room.open(ONE)
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:  # cookies of an IP
        async with session.get(f"http://127.0.0.1:{port}/{code_of(room)}") as response:
            assert response.status == 200 and "Calling in sick" in await response.text()
        await server.stop()
        assert not server.running
        with pytest.raises(aiohttp.ClientConnectionError):
            async with session.get(f"http://127.0.0.1:{port}/"):
                pass


async def test_a_port_in_use_is_an_os_error(room: PhoneRoom) -> None:
    first = PhoneServer(room, port=0, host="127.0.0.1")
    port = await first.start()
    try:
        with pytest.raises(OSError):
            await PhoneServer(room, port=port, host="127.0.0.1").start()
    finally:
        await first.stop()


def test_the_qr_text_is_the_address_with_the_code_in_capitals() -> None:
    assert phones_web.qr_text("192.168.1.20", 8765, "K7PX") == "HTTP://192.168.1.20:8765/K7PX"
    assert phones_web.join_address("192.168.1.20", 8765) == "http://192.168.1.20:8765"
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", phones_web.lan_address())
