"""The phone page: the room answers the group quiz on its own phones, in a browser, with no app and no name.

A small aiohttp server that runs in the group app's own event loop (``PhoneServer``), so an answer reaches the
projector without a file in between. Plain HTML forms that work without JavaScript; a little JavaScript
(``/phone.js``) asks every two seconds whether the question has changed and brings the next one by itself.
Nothing is loaded from another host, every text is escaped, and nothing a phone sends is kept or logged: the
rules (the code, one answer per phone, the limits) are ``course.group.phones.PhoneRoom``'s.

Pages: ``/`` (what this phone should see now), ``/XXXX`` (a code from the QR code), ``POST /join`` (a typed code),
``POST /answer``, ``/state`` (for the script), ``/style.css`` and ``/phone.js``.

The page speaks the group session's language: the one given to ``phone_app`` (``PhoneServer(language=)``), else the
language the group app shows when the request comes (the server runs in its process). The question itself is the
course's, as the quiz screen opened it.
"""

from __future__ import annotations

import errno
import html
import ipaddress
import json
import logging
import socket
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass

from aiohttp import web
from markdown_it import MarkdownIt

from course.group.phones import OpenQuestion, Outcome, PhoneRoom, new_token, valid_token
from course.group.tally import option_label
from course.group.text import how_to_answer
from course.i18n import N_, check_language, current_language, translator

COOKIE = "family_course_phone"
COOKIE_SECONDS = 6 * 3600  # one group session; the token means nothing once the quiz has ended
MAX_BODY = 4096  # a form with a code or a few option letters
# Requests per address: a burst of BURST, then RATE a second (a phone asks for /state every two seconds).
BURST = 30
RATE = 2.0
MOST_ADDRESSES = 2000  # addresses remembered for the request limit (the oldest are forgotten first)
CHECK_SECONDS = 2  # how often the script asks whether the question has changed

ROOM = web.AppKey("room", PhoneRoom)
AddressOf = Callable[[web.Request], str]
ADDRESS_OF: web.AppKey[AddressOf] = web.AppKey("address_of")
LIMITS: web.AppKey[dict[str, tuple[float, float]]] = web.AppKey("limits")
LANGUAGE: web.AppKey[str | None] = web.AppKey("language")

# The page's sentences, translated where they are shown (the language is chosen per request).
# Translators: the title of the page people open on their phones to answer the group quiz
TITLE = N_("Family group quiz")
ANONYMOUS = N_("No name, no sign-in. The screen shows only how many chose each answer, never who.")
SAID = {
    Outcome.WRONG_CODE: N_("That code is not right. Check the code on the screen and type it again."),
    Outcome.EXPIRED_CODE: N_("That code has expired. Type the code on the screen now."),
    Outcome.TOO_MANY_TRIES: N_("Too many wrong codes from this phone. Wait for the next question, then type the "
                               "code on the screen."),
    Outcome.NOT_OPEN: N_("No question is open right now. When the screen shows a code, type it here."),
    Outcome.NO_TOKEN: N_("Your answer could not be counted: this page needs cookies to count each phone once. "
                         "Allow cookies for this page, then try again."),
    Outcome.NOT_JOINED: N_("Type the code on the screen first."),
    Outcome.CLOSED: N_("Answering is closed for that question. Look at the screen."),
    Outcome.BAD_CHOICE: N_("Choose an answer first, then send it."),
    Outcome.ADDRESS_FULL: N_("This answer was not counted: enough phones have answered from this connection. Tell "
                             "the group leader, or raise your hand."),
}
RECEIVED = N_("Answer received. Look at the screen.")
WAITING = N_("You are in. Look at the screen: the next question appears here when it is asked.")
TOO_MANY_REQUESTS = N_("Too many tries from this phone. Wait a minute, then try again.")
ELSEWHERE = N_("This page only takes answers sent from itself.")

# The language of the request being answered (set by ``rules``); None: the process's language.
_page_language: ContextVar[str | None] = ContextVar("page_language", default=None)

_markdown = MarkdownIt("commonmark", {"html": False}).disable(
    ["image", "link", "autolink", "html_inline", "html_block"])


def language() -> str:
    """The language of the page being made."""
    return _page_language.get() or current_language()


def _(message: str) -> str:
    """``message`` in the page's language."""
    return translator(language()).gettext(message)


def e(text: str) -> str:
    return html.escape(text, quote=True)


# -- what a phone sees ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class View:
    """One page: ``follow`` pages reload by themselves when the question changes (never a page with a code being
    typed into it)."""

    body: str
    serial: int
    follow: bool
    status: int = 200


def page(view: View) -> str:
    return (
        f'<!doctype html>\n<html lang="{e(language())}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(_(TITLE))}</title>\n"
        '<link rel="stylesheet" href="/style.css">\n<script src="/phone.js" defer></script>\n</head>\n'
        f'<body data-serial="{view.serial}" data-follow="{1 if view.follow else 0}">\n<main>\n{view.body}\n'
        "</main>\n</body>\n</html>\n")


def message(text: str, kind: str = "note") -> str:
    return f'<p class="message {kind}" role="status">{e(text)}</p>'


def code_form(said: str) -> str:
    # Translators: the label of the box where a phone types the 4-character code shown on the projector
    label = _("The code on the screen")
    # Translators: a button on the phone page: join the group quiz with the code typed
    join = _("Join")
    return (f"<h1>{e(_(TITLE))}</h1>\n{message(said)}\n"
            '<form method="post" action="/join" class="join">\n'
            f'<label for="code">{e(label)}</label>\n'
            '<input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" '
            'autocorrect="off" spellcheck="false" maxlength="12" required>\n'
            f'<button type="submit" class="send">{e(join)}</button>\n</form>\n'
            f'<p class="small">{e(_(ANONYMOUS))}</p>')


def waiting(said: str = "") -> str:
    # Translators: a button on the phone page: see whether the next question has been asked yet
    check = _("Check for a question")
    return (f"<h1>{e(_(TITLE))}</h1>\n{message(said) if said else ''}\n"
            f'<p class="message">{e(_(WAITING))}</p>\n'
            '<form method="get" action="/" class="check">\n'
            f'<button type="submit" class="send">{e(check)}</button>\n</form>\n'
            f'<p class="small">{e(_(ANONYMOUS))}</p>')


def question_form(open_question: OpenQuestion, chosen: frozenset[str] | None) -> str:
    question = open_question.question
    how = how_to_answer(question.prompt, question.multiple)
    parts = [f"<h1>{e(question.title)}</h1>", f'<div class="prompt">{_markdown.render(question.prompt)}</div>']
    if how:
        parts.append(f'<p class="how">{e(how)}</p>')
    parts.append(f'<form method="post" action="/answer" class="answers">\n'
                 f'<input type="hidden" name="q" value="{open_question.serial}">')
    for index, option in enumerate(question.options):
        letter = e(option_label(index))
        mine = chosen is not None and option.key in chosen
        inner = f'<span class="letter">{letter}</span><span class="text">{e(option.text)}</span>'
        if question.multiple:
            checked = " checked" if mine else ""
            parts.append(f'<label class="option"><input type="checkbox" name="choice" value="{e(option.key)}"'
                         f"{checked}>{inner}</label>")
        else:
            pressed = ' aria-pressed="true"' if mine else ""
            parts.append(f'<button type="submit" class="option" name="choice" value="{e(option.key)}"{pressed}>'
                         f"{inner}</button>")
    if question.multiple:
        send = _("Send my answers")
        parts.append(f'<button type="submit" class="send">{e(send)}</button>')
    parts.append("</form>")
    return "\n".join(parts)


def received(open_question: OpenQuestion, chosen: frozenset[str]) -> str:
    """The answer is in; this phone (only) is reminded what it chose, and may choose again while it is open."""
    options = open_question.question.options
    letters = ", ".join(option_label(i) for i, option in enumerate(options) if option.key in chosen)
    mine = _("Your answer: {letters}. Changed your mind? Choose again while the question is open: only your last "
             "answer counts.").format(letters=letters)
    return (f'<p class="message received" role="status"><strong>{e(_(RECEIVED))}</strong></p>\n'
            f'<p class="small">{e(mine)}</p>\n'
            f"{question_form(open_question, chosen)}")


def view_for(room: PhoneRoom, token: str, said: str = "", status: int = 200) -> View:
    """What this phone sees now, with ``said`` (a problem with what it just sent) at the top."""
    open_question = room.question
    serial = open_question.serial if open_question else 0
    if not room.is_joined(token):
        hint = said or (_(SAID[Outcome.NOT_OPEN]) if open_question is None else _("Type the code on the screen."))
        return View(code_form(hint), serial, follow=False, status=status)
    if open_question is None:
        return View(waiting(said), serial, follow=True, status=status)
    chosen = room.chosen(token)
    body = question_form(open_question, None) if chosen is None else received(open_question, chosen)
    return View((message(said, "problem") + "\n" if said else "") + body, serial, follow=True, status=status)


# -- handlers ---------------------------------------------------------------------------------------------------------
def _token(request: web.Request) -> tuple[str, bool]:
    """This phone's token, and whether it is new (then the response sets the cookie)."""
    token = request.cookies.get(COOKIE, "")
    return (token, False) if valid_token(token) else (new_token(), True)


def _respond(view: View, token: str, fresh: bool) -> web.Response:
    response = web.Response(text=page(view), content_type="text/html", status=view.status)
    if fresh:
        _set_cookie(response, token)
    return response


def _set_cookie(response: web.StreamResponse, token: str) -> None:
    response.set_cookie(COOKIE, token, max_age=COOKIE_SECONDS, httponly=True, samesite="Strict", path="/")


def _home(token: str, fresh: bool) -> web.Response:
    """To what this phone should see now (so a reload never sends a form twice)."""
    response = web.Response(status=303, headers={"Location": "/"})
    if fresh:
        _set_cookie(response, token)
    return response


async def index(request: web.Request) -> web.Response:
    token, fresh = _token(request)
    return _respond(view_for(request.app[ROOM], token), token, fresh)


async def join_link(request: web.Request) -> web.Response:
    """The address in the QR code: the code is in it."""
    return _join(request, request.match_info["code"])


async def join_form(request: web.Request) -> web.Response:
    form = await request.post()
    code = form.get("code", "")
    return _join(request, code if isinstance(code, str) else "")


def _join(request: web.Request, code: str) -> web.Response:
    room = request.app[ROOM]
    token, fresh = _token(request)
    outcome = room.join(token, code, request.app[ADDRESS_OF](request))
    if outcome is Outcome.JOINED:
        return _home(token, fresh)
    if outcome is Outcome.NO_TOKEN:  # cannot happen with a fresh token; kept for clarity
        return _respond(View(code_form(_(SAID[outcome])), 0, follow=False, status=400), token, fresh)
    status = 429 if outcome is Outcome.TOO_MANY_TRIES else 403
    return _respond(view_for(room, token, _(SAID[outcome]), status), token, fresh)


async def answer(request: web.Request) -> web.Response:
    room = request.app[ROOM]
    form = await request.post()
    token = request.cookies.get(COOKIE, "")
    serial_text = form.get("q", "")
    serial = int(serial_text) if isinstance(serial_text, str) and serial_text.isdigit() and len(serial_text) < 9 \
        else -1
    keys = [key for key in form.getall("choice", []) if isinstance(key, str)]
    outcome = room.answer(token, request.app[ADDRESS_OF](request), serial, keys)
    if outcome in (Outcome.COUNTED, Outcome.REPLACED):
        return _home(token, False)
    if outcome is Outcome.NO_TOKEN:
        fresh_token = new_token()
        view = View(code_form(_(SAID[outcome])), 0, follow=False, status=400)
        return _respond(view, fresh_token, True)
    status = {Outcome.CLOSED: 409, Outcome.BAD_CHOICE: 400, Outcome.NOT_JOINED: 403}.get(outcome, 429)
    return _respond(view_for(room, token, _(SAID[outcome]), status), token, False)


async def state(request: web.Request) -> web.Response:
    open_question = request.app[ROOM].question
    return web.Response(text=json.dumps({"serial": open_question.serial if open_question else 0}),
                        content_type="application/json")


async def style(_request: web.Request) -> web.Response:
    return web.Response(text=STYLE, content_type="text/css", headers={"Cache-Control": "max-age=600"})


async def script(_request: web.Request) -> web.Response:
    return web.Response(text=SCRIPT, content_type="text/javascript", headers={"Cache-Control": "max-age=600"})


# -- the rules for every request --------------------------------------------------------------------------------------
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                               "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # not "no-referrer": then a browser sends its forms with "Origin: null"
    "X-Frame-Options": "DENY",
}


def _plain(text: str, status: int) -> web.Response:
    return web.Response(text=page(View(f"<h1>{e(_(TITLE))}</h1>\n{message(text, 'problem')}", 0, follow=False)),
                        content_type="text/html", status=status)


def _same_host(request: web.Request) -> bool:
    """A form sent from another site (its Origin names another host) is refused."""
    origin = request.headers.get("Origin")
    return origin is None or origin == f"http://{request.host}"


def _known_host(request: web.Request) -> bool:
    """The page is opened by this computer's address (an IP address, or its own name): a page elsewhere that
    points a name it owns at this computer (DNS rebinding) is refused."""
    host = (request.url.host or "").strip("[]").casefold()
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    own = socket.gethostname().casefold()
    return host in ("localhost", own, f"{own}.local") or (host.endswith(".local") and "." not in host[:-6])


@web.middleware
async def rules(request: web.Request,
                handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
    chosen = _page_language.set(request.app[LANGUAGE])
    try:
        response = await _answered(request, handler)
    finally:
        _page_language.reset(chosen)
    response.headers.update(HEADERS)
    if response.content_type in ("text/html", "application/json"):
        response.headers["Cache-Control"] = "no-store"
    return response


async def _answered(request: web.Request,
                    handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
    if not _within_limit(request):
        return _plain(_(TOO_MANY_REQUESTS), 429)
    if not _known_host(request) or (request.method == "POST" and not _same_host(request)):
        return _plain(_(ELSEWHERE), 403)
    try:
        return await handler(request)
    except web.HTTPException as refused:  # no such page, a form too big
        if refused.status == 413:
            return _plain(_("That was too much to send. Open the address on the screen."), refused.status)
        return _plain(_("There is no such page here. Open the address on the screen."), refused.status)
    except Exception:  # never a traceback in front of anyone, and nothing logged
        return _plain(_("Something went wrong. Look at the screen, or raise your hand."), 500)


def _within_limit(request: web.Request) -> bool:
    limits: dict[str, tuple[float, float]] = request.app[LIMITS]
    address = request.app[ADDRESS_OF](request)
    moment = time.monotonic()
    tokens, last = limits.pop(address, (float(BURST), moment))
    tokens = min(float(BURST), tokens + (moment - last) * RATE)
    if len(limits) >= MOST_ADDRESSES:  # forget the address heard from longest ago
        limits.pop(next(iter(limits)))
    if tokens < 1:
        limits[address] = (tokens, moment)
        return False
    limits[address] = (tokens - 1, moment)
    return True


def remote_address(request: web.Request) -> str:
    return request.remote or "unknown"


def phone_app(room: PhoneRoom, address_of: Callable[[web.Request], str] = remote_address, *,
              language: str | None = None) -> web.Application:
    """The phone page for ``room``. ``address_of`` says which network address a request came from (the benchmark
    stands in for 30 phones from one address). ``language``: the page's language; None, the language the process
    shows when each request comes (the group app's, whose session it is)."""
    app = web.Application(middlewares=[rules], client_max_size=MAX_BODY)
    app[ROOM] = room
    app[ADDRESS_OF] = address_of
    app[LIMITS] = {}
    app[LANGUAGE] = None if language is None else check_language(language)
    app.router.add_get("/", index)
    app.router.add_get("/state", state)
    app.router.add_get("/style.css", style)
    app.router.add_get("/phone.js", script)
    app.router.add_get(r"/{code:[A-Za-z0-9]{4}}", join_link)
    app.router.add_post("/join", join_form)
    app.router.add_post("/answer", answer)
    return app


# -- the server in the running event loop -----------------------------------------------------------------------------
class PhoneServer:
    """``phone_app`` served on ``host:port`` from the event loop that awaits ``start`` (the group app's own), in
    ``language`` (None: the language the group app shows)."""

    def __init__(self, room: PhoneRoom, *, port: int, host: str = "0.0.0.0",
                 address_of: Callable[[web.Request], str] = remote_address, language: str | None = None) -> None:
        self.room = room
        self.language = language
        self.host = host
        self.wanted_port = port
        self.address_of = address_of
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> int:
        """Listen; the port (useful with port 0). OSError when the port cannot be had."""
        quiet = logging.getLogger("aiohttp")
        quiet.propagate = False  # nothing about a phone (its address) reaches a log or the terminal
        if not quiet.handlers:
            quiet.addHandler(logging.NullHandler())
        runner = web.AppRunner(phone_app(self.room, self.address_of, language=self.language), access_log=None,
                               shutdown_timeout=0.5)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.wanted_port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        return self.port

    @property
    def running(self) -> bool:
        return self._runner is not None

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()


def port_problem(port: int, error: OSError) -> str:
    """Why the phone page cannot listen on ``port``, in plain words."""
    if error.errno == errno.EADDRINUSE:
        return _("port {port} is in use by another program").format(port=port)
    if error.errno == errno.EACCES:
        return _("port {port} needs administrator rights (use a port above 1024, like 8765)").format(port=port)
    return _("port {port} cannot be used ({reason})").format(port=port, reason=error.strerror or error)


def check_port(port: int, host: str = "0.0.0.0") -> str:
    """"" when the phone page could listen on ``port`` now, else why not (``port_problem``)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as trial:
            trial.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself will
            trial.bind((host, port))
            trial.listen(1)
    except OSError as error:
        return port_problem(port, error)
    return ""


def lan_address() -> str:
    """This computer's address on the local network, as phones on the same Wi-Fi reach it.

    The address the computer would send from to reach the internet (no packet is sent); without a route, the first
    address its name resolves to that is not a loopback one; else 127.0.0.1.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never reached, only routed
            address = str(probe.getsockname()[0])
            if not address.startswith(("127.", "0.")):
                return address
    except OSError:
        pass
    try:
        for address in socket.gethostbyname_ex(socket.gethostname())[2]:
            if not address.startswith("127."):
                return address
    except OSError:
        pass
    return "127.0.0.1"


def join_address(address: str, port: int) -> str:
    """What people type: ``http://192.168.1.20:8765``."""
    return f"http://{address}:{port}"


def qr_text(address: str, port: int, code: str) -> str:
    """The QR code's text: the address with the code, in capitals so the code fits a small QR code
    (``HTTP://192.168.1.20:8765/K7PX``; the scheme and an IP address do not care about case)."""
    return f"HTTP://{address.upper()}:{port}/{code}"


STYLE = """\
:root { color-scheme: light dark; --ink: #111; --paper: #fff; --edge: #1d4f91; --soft: #e8f0fb; --ok: #0b6b2f; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #f4f4f4; --paper: #111; --edge: #8cb8f0; --soft: #1c2a3d; --ok: #7fd99b; }
}
* { box-sizing: border-box; }
html { font-size: 112.5%; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink);
       font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.45; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.5rem 0 1rem; overflow-wrap: anywhere; hyphens: auto; }
p, .prompt { overflow-wrap: anywhere; hyphens: auto; }
.prompt p { margin: 0 0 0.75rem; font-size: 1.1rem; }
.how { font-style: italic; margin: 0 0 1rem; }
.message { font-size: 1.15rem; padding: 0.75rem 1rem; border-left: 0.35rem solid var(--edge);
           background: var(--soft); margin: 0 0 1rem; }
.message.problem { border-left-color: #b3261e; }
.message.received { border-left-color: var(--ok); font-size: 1.35rem; }
.small { font-size: 1rem; }
form { margin: 0 0 1rem; }
.option { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; width: 100%; min-height: 3.5rem;
          margin: 0 0 0.75rem; padding: 0.75rem 1rem; font: inherit; font-size: 1.2rem; text-align: left;
          color: var(--ink); background: var(--soft); border: 0.2rem solid var(--edge); border-radius: 0.6rem;
          cursor: pointer; }
.option .letter { flex: 0 0 auto; min-width: 2.2rem; min-height: 2.2rem; display: inline-flex;
                  align-items: center; justify-content: center; font-weight: bold; border-radius: 0.4rem;
                  background: var(--edge); color: var(--paper); }
/* The text beside its letter; under it when large text leaves too little room beside it (200% text). */
.option .text { flex: 1 1 9em; min-width: 0; overflow-wrap: anywhere; hyphens: auto; }
.option[aria-pressed="true"] { border-width: 0.35rem; font-weight: bold; }
.option input { width: 1.6rem; height: 1.6rem; flex: 0 0 auto; margin: 0; }
.option:focus-visible, .send:focus-visible, input:focus-visible { outline: 0.25rem solid var(--ink);
                                                                  outline-offset: 0.2rem; }
label[for="code"] { display: block; font-size: 1.2rem; font-weight: bold; margin: 0 0 0.5rem; }
#code { display: block; width: 100%; max-width: 14rem; font: inherit; font-size: 2rem; letter-spacing: 0.3rem;
        text-transform: uppercase; padding: 0.4rem 0.6rem; margin: 0 0 1rem; border: 0.2rem solid var(--edge);
        border-radius: 0.5rem; background: var(--paper); color: var(--ink); }
.send { display: block; width: 100%; min-height: 3.5rem; font: inherit; font-size: 1.25rem; font-weight: bold;
        color: var(--paper); background: var(--edge); border: 0; border-radius: 0.6rem; cursor: pointer; }
"""

SCRIPT = """\
(function () {
  "use strict";
  var body = document.body;
  if (body.getAttribute("data-follow") !== "1") { return; }
  var serial = body.getAttribute("data-serial");
  function check() {
    fetch("/state", { cache: "no-store", credentials: "same-origin" })
      .then(function (reply) { return reply.ok ? reply.json() : null; })
      .then(function (now) {
        if (now && String(now.serial) !== serial) { window.location.replace("/"); return; }
        window.setTimeout(check, WAIT);
      })
      .catch(function () { window.setTimeout(check, WAIT); });
  }
  window.setTimeout(check, WAIT);
}());
""".replace("WAIT", str(CHECK_SECONDS * 1000))
