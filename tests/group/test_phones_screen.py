"""The group quiz with phones: the phone page in the app's own event loop, 20 phones answering, the projector's count
and chart, the notes window's count, the tally saved as phone answers, and the server gone when the quiz ends."""

from __future__ import annotations

import asyncio
import re

import aiohttp
import pytest
import segno
from aiohttp import web
from textual.containers import VerticalScroll
from textual.widgets import Static

from course.content import ContentDir, load_course
from course.content.model import Course
from course.group.phones import tally_id
from course.group.roster import today
from course.group.shown import Shown
from course.group.tally import BAR
from course.store import Store
from course.ui import themes
from course.ui.group.app import GroupApp
from course.ui.group.notes_screen import NotesScreen
from course.ui.group.phones import JoinPanel, Phones, qr_lines
from course.ui.group.quiz_screen import GroupQuizScreen
from tests.group.helpers import LESSON_ID, group_app, group_with_people, screen_text, wait_until
from tests.group.test_projector_quiz import in_view
from tests.ui.helpers import record_notices


def by_header(request: web.Request) -> str:
    return request.headers.get("X-Phone-Address", "10.0.0.2")


def quiz_app(course: Course, store: Store, *, present: int = 2, hands: dict[str, int] | None = None) -> GroupApp:
    gid, people = group_with_people(store, *[f"P{i}" for i in range(present)])
    sid = store.start_session(gid, LESSON_ID, today())
    for pid in people:
        store.set_present(sid, pid, True)
    if hands is not None:
        store.record_tally(sid, "first", hands)
    session = store.sessions(gid)[0]
    lesson = course.lesson(LESSON_ID)
    shown = Shown(session_id=sid, lesson_id=LESSON_ID, started="2024-05-07T18:00:00+00:00")
    app = group_app(course, store, lambda: GroupQuizScreen(session, lesson, shown))
    app.phones = Phones(0, host="127.0.0.1", address_of=by_header)  # any free port; each phone its own address
    return app


async def phone_answers(port: int, code: str, number: int, choice: str) -> str:
    """One phone: scans the QR code (the address with the code), taps an option; the page it then sees."""
    base = f"http://127.0.0.1:{port}"
    headers = {"X-Phone-Address": f"10.0.1.{number}"}
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True), headers=headers) as session:
        async with session.get(f"{base}/{code}") as response:
            page = await response.text()
        found = re.search(r'name="q" value="(\d+)"', page)
        assert found is not None, page
        async with session.post(f"{base}/answer", data={"q": found.group(1), "choice": choice}) as response:
            return await response.text()


def summary(screen: GroupQuizScreen) -> str:
    return str(screen.query_one("#gq-summary", Static).render())


def bars(screen: GroupQuizScreen) -> list[str]:
    return [str(row.query_one(".gq-bar", Static).render()) for row in screen.query(".gq-row")]


async def test_twenty_phones_answer_and_the_projector_shows_the_counts(course: Course, store: Store) -> None:
    app = quiz_app(course, store, present=20)
    phones = app.phones
    assert phones is not None
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, GroupQuizScreen)
        assert await wait_until(pilot, lambda: phones.room is not None)
        await pilot.press("enter")  # the options
        await pilot.press("j")
        await pilot.pause()
        assert phones.room is not None and phones.room.question is not None
        code = phones.room.question.code
        assert Shown.from_state(store.presenter()).stage == "phones"
        text = screen_text(app)
        assert phones.join_address() in text and " ".join(code) in text and "No phone has answered yet" in text
        assert phones.join_address() == f"http://127.0.0.1:{phones.listening_port}"

        choices = ["a"] * 6 + ["b"] * 14
        pages = await asyncio.gather(*(phone_answers(phones.listening_port, code, i, choice)
                                       for i, choice in enumerate(choices)))
        assert all("Answer received. Look at the screen." in page for page in pages)
        count = screen.query_one("#join-count", Static)
        assert await wait_until(pilot, lambda: str(count.render()) == "20 phones have answered")
        assert "Ana" not in screen_text(app)  # never who
        assert await wait_until(pilot, lambda: Shown.from_state(store.presenter()).answered == 20)  # the notes
        assert store.sessions(store.groups()[0].id)[0].tallies == {}  # nothing saved while answering is open

        await pilot.press("enter")  # close answering: the answer, with the counts
        await pilot.pause()
        state = Shown.from_state(store.presenter())
        assert state.stage == "answer" and state.answered == 0
        assert bars(screen) == [f"{BAR * 4} 6", f"{BAR * 10} 14"]
        assert "Right answer: B    Phones: 20 in all" in summary(screen)
        assert store.sessions(store.groups()[0].id)[0].tallies == {tally_id("first"): {"a": 6, "b": 14}}
        assert phones.room.question is None and phones.room.answered == 0  # only the counts are kept

        port = phones.listening_port
        async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/{code}") as response:
            assert "That code has expired" in await response.text()  # a phone that scans the QR code too late
    assert not phones.running  # group mode quit: the server stopped
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.ClientConnectionError):
            await session.get(f"http://127.0.0.1:{port}/")


async def test_hands_first_then_phones_add_up(course: Course, store: Store) -> None:
    """Those without a phone raise a hand: the hands are typed, J opens the question to the phones, and the chart
    shows both together."""
    app = quiz_app(course, store, present=6)
    phones = app.phones
    assert phones is not None
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, GroupQuizScreen)
        assert await wait_until(pilot, lambda: phones.room is not None)
        await pilot.press("enter", "enter")  # the options, then the count boxes
        await pilot.press("1", "enter", "1", "j")  # one hand each, then the phones
        await pilot.pause()
        assert Shown.from_state(store.presenter()).stage == "phones"
        assert phones.room is not None and phones.room.question is not None
        code = phones.room.question.code
        for number, choice in enumerate("bbb"):
            await phone_answers(phones.listening_port, code, number, choice)
        await pilot.press("enter")
        await pilot.pause()
        assert bars(screen) == [f"{BAR * 2} 1", f"{BAR * 10} 4"]
        assert "Hands 2 + phones 3: 5 in all" in summary(screen)
        tallies = store.sessions(store.groups()[0].id)[0].tallies
        assert tallies == {"first": {"a": 1, "b": 1}, tally_id("first"): {"a": 0, "b": 3}}


async def test_escape_stops_answering_on_phones_and_counts_nothing(course: Course, store: Store) -> None:
    app = quiz_app(course, store)
    phones = app.phones
    assert phones is not None
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, GroupQuizScreen)
        assert await wait_until(pilot, lambda: phones.room is not None)
        await pilot.press("j")  # from the question alone: the options come with it
        await pilot.pause()
        assert phones.room is not None and phones.room.question is not None
        await phone_answers(phones.listening_port, phones.room.question.code, 1, "a")
        await pilot.press("escape")
        await pilot.pause()
        assert Shown.from_state(store.presenter()).stage == "options"
        assert phones.room.question is None
        assert store.sessions(store.groups()[0].id)[0].tallies == {}
        assert isinstance(app.screen, GroupQuizScreen)


async def test_leaving_the_quiz_stops_the_server(course: Course, store: Store) -> None:
    app = quiz_app(course, store)
    phones = app.phones
    assert phones is not None
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: phones.running)
        await pilot.press("escape")  # back to the lesson
        assert await wait_until(pilot, lambda: not phones.running)


async def test_without_join_port_j_does_nothing(course: Course, store: Store) -> None:
    app = quiz_app(course, store)
    app.phones = None
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "j")
        await pilot.pause()
        assert Shown.from_state(store.presenter()).stage == "options"
        assert "J: answer on phones" not in screen_text(app)


async def test_a_port_in_use_is_told_to_the_counselor(course: Course, store: Store) -> None:
    taken = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = taken.sockets[0].getsockname()[1]
    app = quiz_app(course, store)
    app.phones = Phones(port, host="127.0.0.1")
    notices = record_notices(app)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            assert await wait_until(pilot, lambda: any(f"port {port} is in use by another program" in notice
                                                       for notice in notices))
            await pilot.press("enter", "j")
            await pilot.pause()
            assert Shown.from_state(store.presenter()).stage == "options"
    finally:
        taken.close()
        await taken.wait_closed()


async def test_the_notes_window_shows_the_live_count(course: Course, store: Store) -> None:
    store.set_presenter(Shown(session_id="s", lesson_id=LESSON_ID, started="2024-05-07T18:00:00+00:00",
                              phase="quiz", stage="phones", answered=7).to_state())
    app = group_app(course, store, NotesScreen, notes=True)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await wait_until(pilot, lambda: "7 phones have answered" in screen_text(app))
        assert "how to answer on phones" in screen_text(app)


def test_the_qr_code_is_drawn_with_half_blocks() -> None:
    lines = qr_lines("HTTP://192.168.100.200:54321/K7PX")
    assert len(lines) == 13 and {len(line) for line in lines} == {25}  # version 2: 25 modules, two per line
    assert set("".join(lines)) <= set(" \u2580\u2584\u2588")
    assert lines[0].startswith("\u2588\u2580\u2580\u2580\u2580\u2580\u2588")  # the top of a finder pattern
    halves = {" ": (0, 0), "\u2580": (1, 0), "\u2584": (0, 1), "\u2588": (1, 1)}
    drawn = [[halves[ch][half] for ch in line] for line in lines for half in (0, 1)]
    made = segno.make("HTTP://192.168.100.200:54321/K7PX", error="l", boost_error=False, micro=False)
    assert drawn[:25] == [[int(module) for module in row] for row in made.matrix_iter(scale=1, border=0)]
    assert drawn[25] == [0] * 25  # the half line below the last row is light


async def test_the_qr_code_is_dark_on_light_in_every_theme(course: Course, store: Store) -> None:
    """Phones read a QR code drawn dark on light: the same in a dark theme, a light one, and high contrast."""
    app = quiz_app(course, store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, GroupQuizScreen)
        assert await wait_until(pilot, lambda: phones_on(app))
        await pilot.press("j")
        await pilot.pause()
        for theme in themes.LABELS:
            app.apply_theme(theme)
            await pilot.pause()
            qr = screen.query_one("#join-qr", Static)
            assert qr.styles.color.brightness < 0.1 and qr.styles.background.brightness > 0.9, theme


def longest_questions(course: Course, count: int) -> dict[str, list[int]]:
    """The ``count`` questions of the course that take the most room, by lesson: their positions in its quiz."""
    sizes = []
    for lesson in course.lessons:
        for number, question in enumerate(lesson.quiz.questions if lesson.quiz else ()):
            room = len(question.title) + len(question.prompt) + sum(40 + len(o.text) for o in question.options)
            sizes.append((room, lesson.id, number))
    chosen: dict[str, list[int]] = {}
    for _, lesson_id, number in sorted(sizes, reverse=True)[:count]:
        chosen.setdefault(lesson_id, []).append(number)
    return chosen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_question_its_options_and_how_to_join_fit_on_one_screen(store: Store, size: tuple[int, int]) -> None:
    """On the real course, the questions that take the most room, open to phones, show their title, every option
    and the whole join panel (QR code, address, code, count) without scrolling; the question's text gives way only
    when all cannot fit."""
    shipped = load_course([ContentDir.shipped()])
    gid, _ = group_with_people(store, "Ana")
    missing, tight = [], 0
    for lesson_id, numbers in longest_questions(shipped, 8).items():
        lesson = shipped.lesson(lesson_id)
        sid = store.start_session(gid, lesson.id, today())
        session = next(s for s in store.sessions(gid) if s.id == sid)
        shown = Shown(session_id=sid, lesson_id=lesson.id, started="2024-05-07T18:00:00+00:00")
        app = group_app(shipped, store, lambda session=session, lesson=lesson, shown=shown: GroupQuizScreen(
            session, lesson, shown))
        app.phones = Phones(0, host="127.0.0.1")
        async with app.run_test(size=size) as pilot:
            screen = app.screen
            assert isinstance(screen, GroupQuizScreen)
            assert await wait_until(pilot, lambda app=app: phones_on(app))
            for number in numbers:
                await screen.go(question=number, stage="question", rebuild=True)
                await screen.open_phones()
                await pilot.pause()
                await pilot.pause()
                page = screen.query_one("#gq-page", VerticalScroll)
                parts = [screen.query_one("#gq-title"), *screen.query(".gq-row"), screen.query_one(JoinPanel)]
                if not all(in_view(page, part) for part in parts):
                    missing.append(f"{lesson.id}/{number + 1}")
                tight += not screen.query_one("#gq-prompt").display
                await screen.close_phones()
    assert missing == []
    if size == (120, 40):
        assert tight == 0  # with room enough, the room sees the question's text too


def phones_on(app: GroupApp) -> bool:
    screen = app.screen
    return isinstance(screen, GroupQuizScreen) and screen.phones_on()
