"""The web server of ``family-course serve`` (aiohttp): sign-in, the course page, one session process per tab.

    GET  /           the sign-in page (fields ``account`` and ``password``, posted to /login)
    POST /login      right: a new signed-in visit (a cookie: HttpOnly, SameSite=Strict, Secure over https) and a
                     redirect to /course; wrong: 401 with one message for every reason. Wrong tries are slowed
                     per account name (also for names that do not exist) and per address.
    POST /logout     ends the visit and its sessions
    GET  /course     the terminal page (textual-serve's, with nothing from another host); without a visit, a
                     redirect to /; over the limits, a "busy" or "open in too many places" page
    GET  /ws         the tab's session: the visit's cookie and this server's own Origin, or 403
    GET  /download/K a file the tab's app delivered (the record of completion, the cards), to that visit only
    GET  /static/F   only the page's own files; no folder is ever listed

Limits: ``max_sessions`` session processes in all, ``PER_ACCOUNT`` per account, and ``idle_timeout`` seconds
without a key, a click or a resize, after which the app is asked to save and quit. A closed tab ends its session;
stopping the server (SIGTERM, Ctrl+C) ends them all.

Every page a visitor reads is in the language their browser asks for (its Accept-Language, per request, never
the process's language: one server answers many browsers); the course a tab opens starts in the language the
browser asked for when it signed in, until a profile's own language is chosen. The server's log stays English.
"""

from __future__ import annotations

import asyncio
import contextlib
import gettext
import html
import ipaddress
import json
import logging
import secrets
import signal
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import quote, urlsplit

from aiohttp import WSMsgType, web
from textual_serve.download_manager import DownloadManager

from course.config import Settings, load_settings
from course.i18n import DEFAULT_LANGUAGE, N_, from_accept_language, translator
from course.store import pins
from course.web.accounts import Account, AccountError, Accounts, name_key
from course.web.processes import Launcher, LaunchError, best_launcher
from course.web.terminal import Terminal

log = logging.getLogger("family-course.web")

PER_ACCOUNT = 3
MAX_VISIT = 12 * 3600.0  # a signed-in visit ends after this long whatever happens
ADDRESS_FREE_TRIES = 10  # wrong sign-ins from one address before each next try must wait
NAME_FREE_TRIES = pins.FREE_TRIES  # as for the account itself, so an unknown name is slowed like a known one
FORGET_AFTER = 3600.0  # a wrong sign-in older than this no longer counts
MAX_TRACKED = 10000
HASHING_AT_ONCE = 2  # scrypt takes 16 MB and a core for a moment: at most this many checks at a time
MIN_CELLS, MAX_COLUMNS, MAX_ROWS = 10, 400, 200
WRONG = N_("That account name and password do not match, or there have been too many tries. Check them, and "
           "if it still does not work, wait a few minutes and try again, or ask the clinic.")
STATIC_OWN = {"pages.css", "course.css", "course.js"}
STATIC_SERVE = {"textual.js": ("js", "textual.js"), "xterm.css": ("css", "xterm.css")}
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


@dataclass(frozen=True)
class ServeOptions:
    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = None
    max_sessions: int = 20
    idle_timeout: float = 1800.0
    content: tuple[str, ...] = ()


class OptionError(ValueError):
    """A ``serve`` option that cannot work; the message says why."""


def check_options(options: ServeOptions) -> None:
    if options.public_url:
        parts = urlsplit(options.public_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise OptionError("--public-url must be a web address such as https://course.example.org")
        if parts.path not in ("", "/") or parts.query or parts.fragment:
            raise OptionError("--public-url must be the root of a host name (https://course.example.org), not a "
                              "folder on it: the page fetches its downloads from the root")
    elif not is_loopback(options.host):
        raise OptionError("serving on an address other computers can reach needs --public-url, the address "
                          "families type (behind a TLS reverse proxy: see docs/web.md)")
    if options.max_sessions < 1:
        raise OptionError("--max-sessions must be at least 1")
    if options.idle_timeout <= 0:
        raise OptionError("--idle-timeout must be more than 0 seconds")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Throttle:
    """Wrong tries per key (an address, an account name), kept in memory: ``free`` of them, then the next try
    waits 30 seconds, then twice as long each time (as for a PIN); forgotten an hour after the last one."""

    def __init__(self, free: int, clock: Callable[[], float]) -> None:
        self.free = free
        self.clock = clock
        self.entries: dict[str, tuple[int, float, float]] = {}  # key: failures, locked until, last failure

    def wait(self, key: str) -> float:
        entry = self.entries.get(key)
        if entry is None:
            return 0.0
        now = self.clock()
        if now - entry[2] > FORGET_AFTER:
            del self.entries[key]
            return 0.0
        return max(0.0, entry[1] - now)

    def fail(self, key: str) -> None:
        self.wait(key)  # forgets an old entry
        now = self.clock()
        failures = self.entries.get(key, (0, 0.0, now))[0] + 1
        delay = pins.delay_after(failures - self.free + pins.FREE_TRIES)  # none until ``free`` wrong tries
        self.entries[key] = (failures, now + delay, now)
        if len(self.entries) > MAX_TRACKED:  # forget the oldest rather than grow without end
            oldest = min(self.entries, key=lambda k: self.entries[k][2])
            del self.entries[oldest]

    def clear(self, key: str) -> None:
        self.entries.pop(key, None)


@dataclass(eq=False)
class Visit:
    """A signed-in browser: the cookie's token, whose account, and the tabs it has open."""

    token: str
    account: Account
    created: float
    last_seen: float
    terminals: set[Terminal] = field(default_factory=set)
    language: str = DEFAULT_LANGUAGE  # what the browser asked for when it signed in: its course starts in it


def _template(name: str) -> Template:
    return Template((files("course.web") / "pages" / name).read_text("utf-8"))


def language_of(request: web.Request) -> str:
    """The course's language this browser prefers (its Accept-Language), English if it prefers none of them."""
    return from_accept_language(request.headers.get("Accept-Language"))


def words_for(request: web.Request) -> gettext.NullTranslations:
    """The catalog for this request's browser."""
    return translator(language_of(request))


class CourseServer:
    """Everything ``family-course serve`` runs. ``launcher`` starts the session processes (by default forked
    from a warm parent on Linux); ``clock`` is replaced in tests."""

    def __init__(self, options: ServeOptions, *, launcher: Launcher | None = None, accounts: Accounts | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        check_options(options)
        self.options = options
        self.accounts = accounts or Accounts(options.data_dir)
        self.launcher = launcher or best_launcher(self.accounts.folders, options.data_dir, options.content)
        self.clock = clock
        self.settings: Settings = load_settings(options.data_dir)
        self.secure = (options.public_url or "").startswith("https://")
        self.cookie = "__Host-session" if self.secure else "session"
        self.visits: dict[str, Visit] = {}
        self.terminals: set[Terminal] = set()
        self.sockets: set[web.WebSocketResponse] = set()
        self.by_address = Throttle(ADDRESS_FREE_TRIES, clock)
        self.by_name = Throttle(NAME_FREE_TRIES, clock)
        self.hashing = asyncio.Semaphore(HASHING_AT_ONCE)
        self.downloads = DownloadManager()
        self.pages = {name: _template(name) for name in ("page.html", "signin.html", "course.html")}
        self.textual_serve_static = Path(str(files("textual_serve") / "static"))
        self.own_static = Path(str(files("course.web") / "static"))
        self.watcher: asyncio.Task[None] | None = None
        self.tasks: set[asyncio.Task[None]] = set()

    # -- the application -------------------------------------------------------------------------------------------
    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=16 * 1024, middlewares=[self.guard])
        app.add_routes([
            web.get("/", self.handle_index),
            web.post("/login", self.handle_login),
            web.post("/logout", self.handle_logout),
            web.get("/course", self.handle_course),
            web.get("/ws", self.handle_websocket),
            web.get("/download/{key}", self.handle_download),
            web.get("/static/{name}", self.handle_static),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        app.on_cleanup.append(self.on_cleanup)
        return app

    async def on_startup(self, app: web.Application) -> None:
        for problem in self.settings.problems:  # the sessions do not show them: they would name server paths
            log.warning("%s", problem)
        await self.launcher.start()
        self.watcher = asyncio.create_task(self.watch())

    async def on_shutdown(self, app: web.Application) -> None:
        """End every session (each saves first), then close the tabs' connections."""
        if self.watcher is not None:
            self.watcher.cancel()
        await asyncio.gather(*(self.end_terminal(t) for t in list(self.terminals)), return_exceptions=True)
        for socket in list(self.sockets):
            with contextlib.suppress(Exception):
                await socket.close(code=1001, message=b"The server is stopping.")

    async def on_cleanup(self, app: web.Application) -> None:
        await self.launcher.close()

    @web.middleware
    async def guard(self, request: web.Request, handler: Callable[[web.Request], Any]) -> web.StreamResponse:
        """Every request: a Host this server answers to; headers that keep pages from being framed, sniffed or
        leaking where they came from."""
        if request.host not in self.allowed_hosts(request):
            return web.Response(status=400, text=words_for(request).gettext("Unknown host name."))
        try:
            response = await handler(request)
        except web.HTTPException as error:
            self.protect(error, request)
            raise
        self.protect(response, request)
        return response

    def protect(self, response: web.StreamResponse, request: web.Request) -> None:
        if response.prepared:
            return
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")  # "no-referrer" makes form posts say Origin: null
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Cache-Control", "no-store")
        headers.setdefault("Content-Security-Policy", self.content_policy(request))

    def content_policy(self, request: web.Request) -> str:
        return ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                f"font-src 'self' data:; connect-src 'self' {self.websocket_url(request)}; form-action 'self'; "
                "frame-ancestors 'none'; base-uri 'none'")

    # -- where the server is -----------------------------------------------------------------------------------------
    def port(self, request: web.Request) -> int:
        sockname = request.transport.get_extra_info("sockname") if request.transport else None
        return int(sockname[1]) if sockname else self.options.port

    def allowed_hosts(self, request: web.Request) -> set[str]:
        """The Host header values this server answers to: the public URL's, or on loopback the usual names for
        this machine with the port it listens on (a page from another site never gets a cookie here anyway)."""
        if self.options.public_url:
            return {urlsplit(self.options.public_url).netloc}
        port = self.port(request)
        host = self.options.host
        names = {*LOOPBACK_NAMES, f"[{host}]" if ":" in host else host}
        return {f"{name}:{port}" for name in names} | ({*names} if port == 80 else set())

    def allowed_origins(self, request: web.Request) -> set[str]:
        if self.options.public_url:
            parts = urlsplit(self.options.public_url)
            return {f"{parts.scheme}://{parts.netloc}"}
        return {f"http://{host}" for host in self.allowed_hosts(request)}

    def same_origin(self, request: web.Request, *, required: bool) -> bool:
        """The request came from this server's own page (an Origin header naming this server). Browsers send one
        with every websocket and every form post; ``required`` refuses a request without one."""
        origin = request.headers.get("Origin")
        if origin is None:
            return not required
        return origin in self.allowed_origins(request)

    def websocket_url(self, request: web.Request) -> str:
        if self.options.public_url:
            parts = urlsplit(self.options.public_url)
            scheme = "wss" if parts.scheme == "https" else "ws"
            return f"{scheme}://{parts.netloc}/ws"
        return f"ws://{request.host}/ws"

    def address(self, request: web.Request) -> str:
        """Who is asking: the peer, or behind a reverse proxy on this machine (--public-url) the address the
        proxy puts last in X-Forwarded-For."""
        peer = request.remote or ""
        forwarded = request.headers.get("X-Forwarded-For", "")
        if self.options.public_url and forwarded and is_loopback(peer):
            return forwarded.split(",")[-1].strip()
        return peer

    # -- visits ---------------------------------------------------------------------------------------------------
    def visit_of(self, request: web.Request) -> Visit | None:
        token = request.cookies.get(self.cookie, "")
        visit = self.visits.get(token) if token else None
        if visit is None:
            return None
        now = self.clock()
        if self.expired(visit, now):
            self.forget(visit)
            return None
        visit.last_seen = now
        return visit

    def expired(self, visit: Visit, now: float) -> bool:
        if now - visit.created > MAX_VISIT:
            return True
        return not self.live(visit) and now - visit.last_seen > self.options.idle_timeout

    def live(self, visit: Visit) -> list[Terminal]:
        return [t for t in visit.terminals if not t.stopping]

    def live_for(self, account: Account) -> int:
        return sum(1 for t in self.terminals if not t.stopping and t.owner.account.id == account.id)

    def live_total(self) -> int:
        return sum(1 for t in self.terminals if not t.stopping)

    def forget(self, visit: Visit) -> None:
        self.visits.pop(visit.token, None)
        for terminal in list(visit.terminals):
            self.later(self.end_terminal(terminal))

    def later(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` in the background, kept until it is done."""
        task = asyncio.create_task(work)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def account_still_there(self, visit: Visit) -> bool:
        try:
            return self.accounts.get(visit.account.id) is not None
        except AccountError as error:
            log.error("%s", error)
            return False

    # -- pages ----------------------------------------------------------------------------------------------------
    def page(self, request: web.Request, title: str, body: str, *, status: int = 200) -> web.Response:
        """A page for a visitor, in their browser's language: ``title`` is translated already, ``body`` is HTML
        made of translated, escaped words."""
        language = language_of(request)
        t = translator(language)
        clinic = ""
        if self.settings.clinic_phone:
            # Translators: the clinic's name (or "Your clinic") and its phone number, after the crisis lines
            clinic = " " + t.gettext("{clinic}: <strong>{phone}</strong>.").format(
                clinic=html.escape(self.settings.clinic_name or t.gettext("Your clinic")),
                phone=html.escape(self.settings.clinic_phone))
        text = self.pages["page.html"].substitute(
            lang=language, title=html.escape(title), body=body, clinic=clinic,
            heading=html.escape(t.gettext("Family Course")),
            crisis=t.gettext("In danger now? Call <strong>911</strong>. In a crisis: call, text or chat "
                             "<strong>988</strong>."))
        return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")

    def signin_page(self, request: web.Request, *, account: str = "", message: str = "",
                    status: int = 200) -> web.Response:
        t = words_for(request)
        body = self.pages["signin.html"].substitute(
            account=html.escape(account, quote=True),
            message=f'<p class="error" role="alert">{html.escape(t.gettext(message))}</p>' if message else "",
            account_focus="" if account else " autofocus",
            password_focus=" autofocus" if account else "",
            lead=html.escape(t.gettext("A course for the families of people in intensive outpatient treatment. "
                                       "It is education, not treatment.")),
            account_label=html.escape(t.gettext("Account name")),
            password_label=html.escape(t.gettext("Password")),
            # Translators: the sign-in page's button
            sign_in=html.escape(t.gettext("Sign in")),
            help=html.escape(t.gettext("Your clinic gives you an account name and a password. If you have "
                                       "forgotten them, ask the clinic.")),
        )
        return self.page(request, t.gettext("Family Course: sign in"), body, status=status)

    def message_page(self, request: web.Request, title: str, text: str, *, status: int, link: str = "/course",
                     link_text: str = N_("Try again")) -> web.Response:
        """A page that says one thing (``title``, ``text`` and ``link_text`` in English: translated here)."""
        t = words_for(request)
        body = (f'<p role="alert">{html.escape(t.gettext(text))}</p>'
                f'<p><a class="button" href="{html.escape(link, quote=True)}">'
                f'{html.escape(t.gettext(link_text))}</a></p>')
        return self.page(request, t.gettext(title), body, status=status)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.visit_of(request) is not None:
            raise web.HTTPSeeOther("/course")
        return self.signin_page(request)

    async def handle_login(self, request: web.Request) -> web.StreamResponse:
        if not self.same_origin(request, required=False):
            return self.message_page(request, N_("Family Course"),
                                     N_("This sign-in did not come from the course's own page."),
                                     status=403, link="/", link_text=N_("Sign in"))
        try:
            form = await request.post()
        except (ValueError, web.HTTPRequestEntityTooLarge):
            return self.signin_page(request, message=WRONG, status=401)
        name, password = form.get("account", ""), form.get("password", "")
        if not isinstance(name, str) or not isinstance(password, str):
            return self.signin_page(request, message=WRONG, status=401)
        name = name[:200]
        address = self.address(request)
        key = name_key(name)
        if self.by_address.wait(address) > 0 or self.by_name.wait(key) > 0:
            log.warning("sign-in refused without checking (too many tries) from %s", address)
            return self.signin_page(request, account=name, message=WRONG, status=401)
        async with self.hashing:
            try:
                result = await asyncio.get_running_loop().run_in_executor(None, self.accounts.sign_in, name,
                                                                          password)
            except AccountError as error:
                log.error("%s", error)
                return self.message_page(request, N_("Family Course"),
                                         N_("The course cannot check accounts just now. Please tell the clinic."),
                                         status=500, link="/", link_text=N_("Back"))
        if not result.opened or result.account is None:
            self.by_address.fail(address)
            self.by_name.fail(key)
            log.warning("wrong sign-in from %s", address)
            return self.signin_page(request, account=name, message=WRONG, status=401)
        self.by_name.clear(key)
        old = self.visit_of(request)
        if old is not None:  # a new sign-in always gets a new token
            self.forget(old)
        now = self.clock()
        visit = Visit(token=secrets.token_urlsafe(32), account=result.account, created=now, last_seen=now,
                      language=language_of(request))
        self.visits[visit.token] = visit
        response = web.HTTPSeeOther("/course")
        response.set_cookie(self.cookie, visit.token, path="/", httponly=True, samesite="Strict",
                            secure=self.secure)
        raise response

    async def handle_logout(self, request: web.Request) -> web.StreamResponse:
        if not self.same_origin(request, required=False):
            return self.message_page(request, N_("Family Course"),
                                     N_("This did not come from the course's own page."), status=403, link="/",
                                     link_text=N_("Back"))
        visit = self.visit_of(request)
        if visit is not None:
            self.forget(visit)
        response = web.HTTPSeeOther("/")
        response.del_cookie(self.cookie, path="/", secure=self.secure, samesite="Strict")
        raise response

    def refusal(self, request: web.Request, visit: Visit) -> web.Response | None:
        """The page to show instead of a new session, if the limits are reached."""
        if self.live_total() >= self.options.max_sessions:
            return self.message_page(request, N_("Family Course is busy"),
                                     N_("The course is busy right now, with as many people as it can take. "
                                        "Please try again in a minute."), status=503)
        if self.live_for(visit.account) >= PER_ACCOUNT:
            t = words_for(request)
            text = t.ngettext(
                "This account has the course open in {count} place already (another tab, or another computer "
                "or phone). Close it, or sign out there, and try again.",
                "This account has the course open in {count} places already (other tabs, or other computers or "
                "phones). Close one of them, or sign out there, and try again.", PER_ACCOUNT).format(
                    count=PER_ACCOUNT)
            return self.message_page(request, N_("Family Course is open elsewhere"), text, status=429)
        return None

    async def handle_course(self, request: web.Request) -> web.StreamResponse:
        visit = self.visit_of(request)
        if visit is None or not self.account_still_there(visit):
            if visit is not None:
                self.forget(visit)
            raise web.HTTPSeeOther("/")
        refusal = self.refusal(request, visit)
        if refusal is not None:
            return refusal
        language = language_of(request)
        t = translator(language)
        text = self.pages["course.html"].substitute(
            websocket_url=html.escape(self.websocket_url(request)), lang=language,
            title=html.escape(t.gettext("Family Course")),
            starting=html.escape(t.gettext("Family Course is starting…")),
            ended=html.escape(t.gettext("The course has ended.")),
            saved=html.escape(t.gettext("Your progress is saved. You can close this tab.")),
            again=html.escape(t.gettext("Open the course again")),
            sign_out=html.escape(t.gettext("Sign out")))
        return web.Response(text=text, content_type="text/html", charset="utf-8")

    async def handle_static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name in STATIC_OWN:
            path = self.own_static / name
        elif name in STATIC_SERVE:
            path = self.textual_serve_static.joinpath(*STATIC_SERVE[name])
        else:
            raise web.HTTPNotFound()
        response = web.FileResponse(path)
        response.headers["Cache-Control"] = "no-cache"
        return response

    # -- the session ----------------------------------------------------------------------------------------------
    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        visit = self.visit_of(request)
        if visit is None or not self.same_origin(request, required=True) or not self.account_still_there(visit):
            raise web.HTTPForbidden(text=words_for(request).gettext("Sign in first, on the course's own page."))
        refusal = self.refusal(request, visit)
        if refusal is not None:
            return refusal
        width = _clamp(request.query.get("width", "80"), 80, MAX_COLUMNS)
        height = _clamp(request.query.get("height", "24"), 24, MAX_ROWS)
        socket = web.WebSocketResponse(heartbeat=15, max_msg_size=64 * 1024)
        await socket.prepare(request)

        async def close() -> None:
            await socket.close()

        terminal = Terminal(self.launcher, visit.account.folder, visit, write_bytes=socket.send_bytes,
                            write_str=socket.send_str, close=close, download_manager=self.downloads,
                            clock=self.clock, language=visit.language)
        self.terminals.add(terminal)
        visit.terminals.add(terminal)
        self.sockets.add(socket)
        try:
            try:
                await terminal.start(width, height)
            except LaunchError as error:
                log.error("%s", error)
                await socket.close(code=1011, message=b"The course could not start.")
                return socket
            await self.relay(socket, terminal)
        finally:
            self.sockets.discard(socket)
            await asyncio.shield(self.end_terminal(terminal))
        return socket

    async def relay(self, socket: web.WebSocketResponse, terminal: Terminal) -> None:
        """What the browser sends (textual-serve's messages), to the session."""
        async for message in socket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind = envelope[0]
            except (ValueError, IndexError, KeyError, TypeError):
                continue
            if kind == "stdin" and len(envelope) > 1 and isinstance(envelope[1], str):
                terminal.touched()
                await terminal.send_bytes(envelope[1].encode("utf-8"))
            elif kind == "resize" and len(envelope) > 1 and isinstance(envelope[1], dict):
                terminal.touched()
                size = envelope[1]
                await terminal.set_terminal_size(_clamp(size.get("width"), 80, MAX_COLUMNS),
                                                 _clamp(size.get("height"), 24, MAX_ROWS))
            elif kind == "ping" and len(envelope) > 1:
                await socket.send_json(["pong", str(envelope[1])[:32]])
            elif kind == "blur":
                await terminal.blur()
            elif kind == "focus":
                await terminal.focus()

    async def end_terminal(self, terminal: Terminal) -> None:
        try:
            await terminal.stop()
        finally:
            self.terminals.discard(terminal)
            terminal.owner.terminals.discard(terminal)
            with contextlib.suppress(Exception):
                await terminal.remote_close()

    # -- downloads -------------------------------------------------------------------------------------------------
    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        visit = self.visit_of(request)
        key = request.match_info["key"]
        ended = words_for(request).gettext("This download has ended. Save it again from the course.")
        try:
            meta = await self.downloads.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text=ended) from None
        if visit is None or getattr(meta.app_service, "owner", None) is not visit:
            raise web.HTTPNotFound(text=ended)
        response = web.StreamResponse()
        content_type = meta.mime_type or "application/octet-stream"
        if meta.encoding:
            content_type += f"; charset={meta.encoding}"
        response.headers["Content-Type"] = content_type
        response.headers["Content-Disposition"] = _attachment(meta.file_name)
        response.headers["Content-Security-Policy"] = "sandbox"
        await response.prepare(request)
        async for chunk in self.downloads.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    # -- limits over time ------------------------------------------------------------------------------------------
    def removed_accounts_terminals(self, exclude: list[Terminal]) -> list[Terminal]:
        """The open sessions of accounts that have been removed since they opened (``account remove``)."""
        live = [t for t in self.terminals if not t.stopping and t not in exclude]
        if not live:
            return []
        try:
            ids = {account.id for account in self.accounts.all()}
        except AccountError as error:
            log.error("%s", error)
            return []
        return [t for t in live if t.owner.account.id not in ids]

    async def watch(self) -> None:
        every = max(0.5, min(10.0, self.options.idle_timeout / 10))
        while True:
            await asyncio.sleep(every)
            self.check_idle()

    def check_idle(self) -> list[Terminal]:
        """End the sessions nobody has used for ``idle_timeout`` (each app saves first) and forget visits that
        have ended. Returns the sessions being ended."""
        now = self.clock()
        idle = [t for t in self.terminals if not t.stopping and now - t.last_input > self.options.idle_timeout]
        idle += self.removed_accounts_terminals(exclude=idle)
        for terminal in idle:
            terminal.stopping = True
            self.later(self.end_terminal(terminal))
        for visit in list(self.visits.values()):
            if self.expired(visit, now):
                self.forget(visit)
        return idle


def _clamp(value: object, default: int, most: int) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return max(MIN_CELLS, min(most, number))


def _attachment(file_name: str) -> str:
    """A Content-Disposition that always downloads, with the name in plain ASCII and in full (RFC 6266)."""
    plain = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in file_name) or "download"
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(file_name, safe='')}"


def serve(options: ServeOptions) -> int:
    """Run the server until SIGTERM or Ctrl+C; every session ends (saving first) before it returns."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    server = CourseServer(options)
    asyncio.run(_serve(server))
    return 0


async def _serve(server: CourseServer) -> None:
    options = server.options
    runner = web.AppRunner(server.make_app(), access_log=None, shutdown_timeout=15.0, handle_signals=False)
    await runner.setup()
    try:
        site = web.TCPSite(runner, options.host, options.port)
        await site.start()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(number, stop.set)
        host, port = runner.addresses[0][:2]
        address = options.public_url or f"http://{host if ':' not in host else f'[{host}]'}:{port}"
        print(f"Family Course is served at {address} (Ctrl+C or SIGTERM stops it).", flush=True)
        await stop.wait()
        print("Stopping: every open course saves and ends.", flush=True)
    finally:
        await runner.cleanup()
