"""The phone page in a real browser at a phone's size (headless Chromium through selenium): scan the code, tap an
answer, see the next question appear by itself; with JavaScript off, the plain forms; at 200% text, nothing
wider than the screen; nothing loaded from another host.

The phone page runs in the test's event loop, as in the group app; the browser is driven from a worker thread.
Set FAMILY_COURSE_SCREENSHOTS=DIR to keep a screenshot of each page.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from course.content.model import Option, Question
from course.group.phones import PhoneRoom
from course.group.phones_web import PhoneServer

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
selenium = pytest.importorskip("selenium", reason="selenium is in the test extra")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="needs chromium and chromedriver (.ci/run)")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

PHONE = (390, 844)  # CSS pixels, a common phone
LIMIT = 30.0  # seconds: only stops a broken test

FIRST = Question(id="first", title="Calling in sick", prompt="Your partner drank heavily last night and asks you to "
                 "call their boss to say they have the flu. What do you do?", options=(
                     Option("a", "Make the call. It's only one day, and they might lose their job.", False, "x"),
                     Option("b", "If your partner has never hurt or threatened you: calmly say no, and offer to "
                                 "make breakfast.", True, "x"),
                     Option("c", "Say no, and tell them exactly what you think of their drinking.", False, "x"),
                     Option("d", "Make the call, but warn them it's the last time.", False, "x")))
SECOND = Question(id="signs", title="Warning signs", prompt="Which can be warning signs of a relapse?", options=(
    Option("a", "Skipping meetings", True, "x"), Option("b", "Seeing old using friends again", True, "x"),
    Option("c", "Going back to work", False, "x")))


class Phone:
    """One headless Chromium at a phone's size (with the page's script, or without it)."""

    def __init__(self, *, javascript: bool = True) -> None:
        options = Options()
        options.binary_location = CHROMIUM or ""
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
            options.add_argument(argument)
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": PHONE[0], "height": PHONE[1], "pixelRatio": 2.0, "touch": True},
            "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                         "Chrome/126.0 Mobile Safari/537.36"})
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER or ""), options=options)
        if not javascript:  # the page's one script never arrives (turning scripts off stops the driver's clicks too)
            self.driver.execute_cdp_cmd("Network.enable", {})
            self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/phone.js"]})
        self.shots = os.environ.get("FAMILY_COURSE_SCREENSHOTS")

    def text(self) -> str:
        return str(self.driver.find_element(By.TAG_NAME, "body").text)  # not a script: it may be turned off

    def wait_for(self, words: str) -> None:
        waiting = WebDriverWait(self.driver, LIMIT, poll_frequency=0.1,
                                ignored_exceptions=(WebDriverException,))  # while the page is being replaced
        waiting.until(lambda _: words in self.text())

    def shot(self, name: str) -> None:
        if self.shots:
            Path(self.shots).mkdir(parents=True, exist_ok=True)
            self.driver.save_screenshot(str(Path(self.shots) / f"phone-{name}.png"))

    def fits(self) -> bool:
        """Nothing wider than the screen: no sideways scrolling."""
        return bool(self.driver.execute_script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))

    def option_boxes(self) -> list[dict[str, float]]:
        return list(self.driver.execute_script(
            "return Array.from(document.querySelectorAll('.option')).map(function (e) {"
            " var r = e.getBoundingClientRect(); return {width: r.width, height: r.height}; })"))

    def hosts(self) -> set[str]:
        """Every host the page loaded something from."""
        return set(self.driver.execute_script(
            "return performance.getEntriesByType('resource').map(function (e) { return new URL(e.name).host; })"
            ".concat([location.host])"))


@pytest.fixture
async def served() -> AsyncIterator[tuple[PhoneRoom, str]]:
    room = PhoneRoom()
    server = PhoneServer(room, port=0, host="127.0.0.1")
    port = await server.start()
    try:
        yield room, f"http://127.0.0.1:{port}"
    finally:
        await server.stop()


async def on_phone(phone: Phone, work: Callable[[Phone], Any]) -> Any:
    return await asyncio.to_thread(work, phone)


@pytest.fixture
async def phone() -> AsyncIterator[Phone]:
    opened = await asyncio.to_thread(Phone)
    try:
        yield opened
    finally:
        await asyncio.to_thread(opened.driver.quit)


async def test_a_phone_answers_and_the_next_question_comes_by_itself(served: tuple[PhoneRoom, str],
                                                                     phone: Phone) -> None:
    room, base = served
    code = room.open(FIRST).code

    def scan_and_read(p: Phone) -> tuple[list[dict[str, float]], bool, set[str], str]:
        p.driver.get(f"{base}/{code}")  # the QR code's address
        p.wait_for("Calling in sick")
        p.shot("question")
        return p.option_boxes(), p.fits(), p.hosts(), p.text()

    boxes, fits, hosts, text = await on_phone(phone, scan_and_read)
    assert len(boxes) == 4 and fits
    assert all(box["height"] >= 48 and box["width"] >= PHONE[0] * 0.8 for box in boxes)  # large, easy to tap
    assert hosts == {base.removeprefix("http://")}
    assert "A\nMake the call" in text and "Choose one." in text

    def tap_b(p: Phone) -> None:
        p.driver.find_elements(By.CSS_SELECTOR, "button.option")[1].click()
        p.wait_for("Answer received. Look at the screen.")
        p.shot("received")

    await on_phone(phone, tap_b)
    assert room.counts() == {"a": 0, "b": 1, "c": 0, "d": 0}

    room.close()  # Enter on the projector
    await on_phone(phone, lambda p: (p.wait_for("You are in"), p.shot("waiting")))
    room.open(SECOND)  # the next question: the page brings it by itself
    await on_phone(phone, lambda p: (p.wait_for("Warning signs"), p.shot("choose-all")))

    def choose_two(p: Phone) -> None:
        for label in p.driver.find_elements(By.CSS_SELECTOR, "label.option")[:2]:
            label.click()
        p.driver.find_element(By.CSS_SELECTOR, "button.send").click()
        p.wait_for("Answer received")

    await on_phone(phone, choose_two)
    assert room.counts() == {"a": 1, "b": 1, "c": 0}


async def test_at_200_percent_text_nothing_is_wider_than_the_phone(served: tuple[PhoneRoom, str],
                                                                    phone: Phone) -> None:
    room, base = served
    code = room.open(FIRST).code

    def zoomed(p: Phone) -> tuple[bool, list[dict[str, float]], list[float]]:
        p.driver.get(f"{base}/{code}")
        p.wait_for("Calling in sick")
        p.driver.execute_script("document.documentElement.style.fontSize = '225%'")  # 200% of the page's 112.5%
        p.shot("question-200")
        shares = p.driver.execute_script(  # how much of its button an option's words may use
            "return Array.from(document.querySelectorAll('.option')).map(function (e) {"
            " return e.querySelector('.text').getBoundingClientRect().width / e.getBoundingClientRect().width; })")
        return p.fits(), p.option_boxes(), list(shares)

    fits, boxes, shares = await on_phone(phone, zoomed)
    assert fits and all(box["height"] >= 96 for box in boxes)
    # The words go under the letter rather than in a narrow strip beside it (a word or two a line).
    assert all(share > 0.6 for share in shares), shares


async def test_without_javascript_the_forms_do_everything(served: tuple[PhoneRoom, str]) -> None:
    room, base = served
    phone = await asyncio.to_thread(Phone, javascript=False)
    try:
        code = room.open(FIRST).code

        def type_code_and_answer(p: Phone) -> str:
            p.driver.get(base)  # the address typed by hand
            p.wait_for("The code on the screen")
            p.shot("code")
            p.driver.find_element(By.ID, "code").send_keys(code.lower())
            p.driver.find_element(By.CSS_SELECTOR, "button.send").click()
            p.wait_for("Calling in sick")
            p.driver.find_elements(By.CSS_SELECTOR, "button.option")[0].click()
            p.wait_for("Answer received. Look at the screen.")
            return p.text()

        await on_phone(phone, type_code_and_answer)
        assert room.counts()["a"] == 1
        room.close()
        room.open(SECOND)

        def check(p: Phone) -> None:
            p.driver.refresh()  # the page of the closed question stays: no script reloads it
            p.wait_for("Warning signs")

        await on_phone(phone, check)
    finally:
        await asyncio.to_thread(phone.driver.quit)


async def test_a_wrong_code_in_the_browser(served: tuple[PhoneRoom, str], phone: Phone) -> None:
    room, base = served
    code = room.open(FIRST).code
    wrong = "ABCD" if code != "ABCD" else "WXYZ"

    def try_wrong(p: Phone) -> None:
        p.driver.get(base)
        p.driver.find_element(By.ID, "code").send_keys(wrong)
        p.driver.find_element(By.CSS_SELECTOR, "button.send").click()
        p.wait_for("That code is not right")
        p.shot("wrong-code")

    await on_phone(phone, try_wrong)
