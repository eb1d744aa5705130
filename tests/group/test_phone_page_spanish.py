"""The phone page in Spanish: every page a phone can see (the code, a wrong or expired code, the question, the answer
received, waiting for the next question, the limits, no such page) speaks Spanish and says so (``lang="es"``), with
no English words of its own; the question is the course's, in the session's language."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import pytest
from aiohttp.test_utils import TestClient

from course.content.model import Option, Question
from course.group import phones_web
from course.group.phones import PhoneRoom
from course.group.phones_web import phone_app
from course.i18n import use_language

UNO = Question(id="uno", title="Llamar para decir que está enfermo",
               prompt="Su pareja le pide que **llame** a su jefe.", options=(
                   Option("a", "Hacer la llamada", False, "No."),
                   Option("b", "Decir que no, con amabilidad", True, "Sí."),
               ))
VARIAS = Question(id="varias", title="Señales de alerta", prompt="¿Cuáles son señales?", options=(
    Option("a", "Faltar a las reuniones", True, "Sí."),
    Option("b", "Dormir mal", True, "Sí."),
    Option("c", "Ir al trabajo", False, "No."),
))

# Words of the page's own English sentences; none may show on a Spanish page.
ENGLISH = re.compile(r"\b(the|your|you|answer|answers|screen|question|code|join|send|choose|look|type|check|phone|"
                     r"wrong|expired|received|cookies|name|page|here|tries|group quiz|changed|wait)\b", re.I)

MakeClient = Callable[..., Awaitable[TestClient]]


def words(page: str) -> str:
    """What a person reads: the text between the tags of the body, and the title."""
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    body = re.search(r"<body[^>]*>(.*)</body>", page, re.S)
    assert title is not None and body is not None
    return title.group(1) + " " + re.sub(r"<[^>]+>", " ", body.group(1))


def spanish(page: str) -> str:
    assert '<html lang="es">' in page
    text = words(page)
    found = ENGLISH.findall(text)
    assert not found, (found, text)
    return text


@pytest.fixture
def room() -> PhoneRoom:
    return PhoneRoom()


def address(request: object) -> str:
    return "10.0.0.2"


async def test_every_page_a_phone_sees_is_in_spanish(aiohttp_client: MakeClient, room: PhoneRoom) -> None:
    use_language("es")
    phone = await aiohttp_client(phone_app(room, address))
    text = spanish(await (await phone.get("/")).text())
    assert "código" in text and "Unirse" in text
    old = room.open(UNO).code
    room.close()
    code = room.open(UNO).code
    text = spanish(await (await phone.post("/join", data={"code": old})).text())
    assert "vencido" in text
    wrong = "ABCD" if code != "ABCD" else "WXYZ"
    text = spanish(await (await phone.post("/join", data={"code": wrong})).text())
    assert "no es correcto" in text
    page = await (await phone.post("/join", data={"code": code})).text()
    text = spanish(page.replace(UNO.title, "").replace("llame", ""))
    assert "Elija una." in text
    page = await (await phone.post("/answer", data={"q": str(room.question.serial if room.question else 0),
                                                    "choice": "b"})).text()
    text = spanish(page)
    assert "Respuesta recibida. Mire la pantalla." in text and "Su respuesta: B." in text
    room.close()
    text = spanish(await (await phone.get("/")).text())
    assert "Ver si hay pregunta" in text
    room.open(VARIAS)
    text = spanish(await (await phone.get("/")).text())
    assert "Elija todas las que correspondan." in text and "Enviar mis respuestas" in text
    text = spanish(await (await phone.get("/no/such/page")).text())
    assert "Esta página no existe." in text
    text = spanish(await (await phone.post("/answer", data={"q": "0", "choice": "a"})).text())
    assert "Ya no se puede responder esa pregunta." in text


async def test_the_limits_are_told_in_spanish(aiohttp_client: MakeClient, room: PhoneRoom) -> None:
    use_language("es")
    phone = await aiohttp_client(phone_app(room, address))
    for _n in range(phones_web.BURST):
        await phone.get("/state")
    response = await phone.get("/")
    assert response.status == 429
    assert "Demasiados intentos" in spanish(await response.text())


async def test_a_language_given_to_the_page_wins_over_the_process(aiohttp_client: MakeClient,
                                                                   room: PhoneRoom) -> None:
    """A group app may run its session's page in a language other than the one its own screens show."""
    phone = await aiohttp_client(phone_app(room, address, language="es"))
    assert "código" in spanish(await (await phone.get("/")).text())
    english = await aiohttp_client(phone_app(room, address))
    page = await (await english.get("/")).text()
    assert '<html lang="en">' in page and "The code on the screen" in page
