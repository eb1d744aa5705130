"""Phones in the room during the group quiz (``family-course group --join-port PORT``).

``Phones`` runs the phone page (``course.group.phones_web``) in the group app's own event loop while the group quiz
is on the projector: the quiz screen starts it when it opens and stops it when it closes (or group mode quits).
Each start has a new ``PhoneRoom``, so nothing a phone sent outlives the quiz. ``JoinPanel`` is what the room sees
while a question is open to phones: a QR code, the address to type, the code and how many phones have answered.
"""

from __future__ import annotations

from collections.abc import Callable

import segno
from aiohttp import web
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from course.group.phones import PhoneRoom, answered_text
from course.group.phones_web import PhoneServer, join_address, lan_address, port_problem, qr_text, remote_address
from course.i18n import _

# Two modules of the QR code in one character cell: top and bottom (the tcss draws them dark on light).
_HALVES = {(False, False): " ", (True, False): "\u2580", (False, True): "\u2584", (True, True): "\u2588"}


def qr_lines(text: str) -> list[str]:
    """``text`` as a QR code in half-block characters, without its quiet zone (the widget's padding is that)."""
    code = segno.make(text, error="l", boost_error=False, micro=False)
    rows = [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=0)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return ["".join(_HALVES[top, bottom] for top, bottom in zip(upper, lower, strict=True))
            for upper, lower in zip(rows[::2], rows[1::2], strict=True)]


class PhonesChanged(Message):
    """A phone answered, or a question was opened or closed to the phones."""


class Phones:
    """The phone page of one group app, on ``port`` (0: any free port) of every network address (``host``)."""

    def __init__(self, port: int, *, host: str = "0.0.0.0",
                 address_of: Callable[[web.Request], str] = remote_address) -> None:
        self.port = port
        self.host = host
        self.address_of = address_of
        self.room: PhoneRoom | None = None
        self.address = ""
        self._server: PhoneServer | None = None

    @property
    def running(self) -> bool:
        return self._server is not None and self._server.running

    async def start(self, changed: Callable[[], None]) -> str:
        """Listen for phones, with a new room whose changes call ``changed``: "" when listening, else what went
        wrong, for the counselor."""
        await self.stop()
        room = PhoneRoom(changed=changed)
        server = PhoneServer(room, port=self.port, host=self.host, address_of=self.address_of)
        try:
            await server.start()
        except OSError as error:
            return self.problem(error)
        self.room, self._server = room, server
        self.address = lan_address() if self.host in ("0.0.0.0", "") else self.host
        return ""

    async def stop(self) -> None:
        """Stop listening and forget the room (only counts already saved remain)."""
        server, self._server = self._server, None
        if self.room is not None:
            self.room.changed = None
            self.room.close()
        self.room = None
        if server is not None:
            await server.stop()

    def problem(self, error: OSError) -> str:
        return _("Phones cannot join: {problem}. Quit group mode and start it again with another --join-port, like "
                 "8766.").format(problem=port_problem(self.port, error))

    @property
    def listening_port(self) -> int:
        return self._server.port if self._server is not None else self.port

    def join_address(self) -> str:
        return join_address(self.address, self.listening_port)

    def qr_text(self, code: str) -> str:
        return qr_text(self.address, self.listening_port, code)


class JoinPanel(Vertical):
    """Beside the question while phones answer: scan the QR code, or open the address and type the code (18 lines,
    so the panel fits beside the question at 80x24)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="join-qr", markup=False)
        yield Static("", id="join-address", markup=False)
        yield Static("", id="join-code", markup=False)
        yield Static("", id="join-count", markup=False)

    def show(self, address: str, qr: str, code: str, answered: int) -> None:
        self.query_one("#join-qr", Static).update("\n".join(qr_lines(qr)))
        self.query_one("#join-address", Static).update(address)
        # Translators: the code people type on their phones to answer (4 letters and digits follow)
        self.query_one("#join-code", Static).update(_("Code  {code}").format(code=" ".join(code)))
        self.count(answered)

    def count(self, answered: int) -> None:
        self.query_one("#join-count", Static).update(answered_text(answered))
