"""A real browser (headless Chromium through selenium): sign in, make a profile, read a step of a lesson, and
download the record of completion. The screen is read from the websocket frames the browser receives (Chrome's
performance log), the way the browser's terminal reads them.

Set FAMILY_COURSE_SCREENSHOTS=DIR to keep screenshots of each screen, at a phone's size and a desktop's.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from course.store import Store
from course.web.accounts import Accounts

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
selenium = pytest.importorskip("selenium", reason="selenium is in the test extra")
pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sessions are forked on Linux"),
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="needs chromium and chromedriver (.ci/run)"),
]

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

PASSWORD = "correct horse battery"
REPO = Path(__file__).resolve().parents[2]
PHONE, DESKTOP = (390, 844), (1280, 800)
LIMIT = 60.0  # seconds: only stops a broken test


class Browser:
    """One Chromium tab, and what the course has drawn in it so far (from the websocket's frames)."""

    def __init__(self, downloads: Path, size: tuple[int, int]) -> None:
        options = Options()
        options.binary_location = CHROMIUM or ""
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         f"--window-size={size[0]},{size[1]}"):
            options.add_argument(argument)
        if size == PHONE:  # a desktop window cannot be made as narrow as a phone: Chrome's own phone emulation
            options.add_experimental_option("mobileEmulation", {
                "deviceMetrics": {"width": size[0], "height": size[1], "pixelRatio": 1.0}})
        options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                                  "download.prompt_for_download": False})
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER or ""), options=options)
        self.drawn = b""
        self.messages: list[Any] = []
        self.shots = os.environ.get("FAMILY_COURSE_SCREENSHOTS")

    def pump(self) -> None:
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.webSocketFrameReceived":
                frame = message["params"]["response"]
                if frame["opcode"] == 2:
                    self.drawn += base64.b64decode(frame["payloadData"])
                else:
                    self.messages.append(json.loads(frame["payloadData"]))

    def text(self) -> str:
        text = re.sub(rb"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]", b" ",
                      self.drawn)
        return re.sub(r"\s+", " ", text.decode("utf-8", "replace"))

    def wait_for(self, *words: str) -> None:
        """Until every one of ``words`` has been drawn since the last call."""
        deadline = time.monotonic() + LIMIT
        while True:
            self.pump()
            if all(word in self.text() for word in words):
                self.drawn = b""
                return
            assert time.monotonic() < deadline, f"never drew {words}: {self.text()[-1500:]}"
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(*keys)

    def shot(self, name: str) -> None:
        if self.shots:
            time.sleep(0.5)  # the last frame painted
            self.driver.save_screenshot(str(Path(self.shots) / f"{name}.png"))

    def quit(self) -> None:
        self.driver.quit()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    data_dir = tmp_path / "data"
    Accounts(data_dir).add("Ana", PASSWORD)
    code = ("import sys\nfrom pathlib import Path\nfrom course.web.server import ServeOptions, serve\n"
            "sys.exit(serve(ServeOptions(data_dir=Path(sys.argv[1]), port=0)))\n")
    server = subprocess.Popen([sys.executable, "-c", code, str(data_dir)], stdout=subprocess.PIPE, text=True,
                              cwd=REPO)
    try:
        assert server.stdout is not None
        url = re.search(r"http://\S+", server.stdout.readline())
        assert url, "the server did not start"
        yield url.group(0), data_dir
    finally:
        server.terminate()
        assert server.wait(60) == 0


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_sign_in_make_a_profile_read_a_step_and_download_the_record(
    served: tuple[str, Path], tmp_path: Path, size: tuple[int, int],
) -> None:
    url, data_dir = served
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser = Browser(downloads, size)
    where = "phone" if size == PHONE else "desktop"
    try:
        browser.driver.get(url)
        browser.shot(f"web-sign-in-{where}")
        browser.driver.find_element(By.NAME, "account").send_keys("ana")
        browser.driver.find_element(By.NAME, "password").send_keys(PASSWORD, Keys.ENTER)
        browser.wait_for("Who is using the course?", "No profiles yet")
        assert browser.driver.current_url == f"{url}/course"
        browser.shot(f"web-welcome-{where}")

        browser.keys(Keys.ENTER)  # New profile
        browser.wait_for("Your name, or any name you like")
        browser.keys("Rosa", Keys.ENTER)  # to the PIN box, left empty
        time.sleep(0.5)  # the dialog moves the focus after the key is handled; the next Enter must find it moved
        browser.keys(Keys.ENTER)
        browser.wait_for("Course map for Rosa")
        browser.shot(f"web-course-map-{where}")
        (account,) = Accounts(data_dir).all()
        with Store(account.folder) as store:
            assert [p.name for p in store.profiles()] == ["Rosa"]

        browser.keys(Keys.ENTER)  # the first lesson
        browser.wait_for("Step 1 of")
        browser.keys("n")
        browser.wait_for("Step 2 of")
        browser.shot(f"web-lesson-{where}")

        browser.keys(Keys.ESCAPE)
        browser.wait_for("Course map for Rosa")
        browser.keys("p")
        browser.wait_for("Progress for Rosa")
        browser.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)  # the Record tab
        browser.wait_for("Save a record of completion")
        browser.keys(Keys.TAB, Keys.ENTER)  # Save record: no box for a path on the server comes first
        browser.wait_for("Your browser is downloading family-course-record.html")
        record = downloads / "family-course-record.html"
        deadline = time.monotonic() + LIMIT
        while not record.exists():
            assert time.monotonic() < deadline, list(downloads.iterdir())
            time.sleep(0.1)
        page = record.read_text(encoding="utf-8")
        assert "record of completion" in page and "Rosa" in page and str(data_dir) not in page
        browser.driver.switch_to.window(browser.driver.window_handles[0])
        browser.shot(f"web-record-{where}")
        problems = [entry for entry in browser.driver.get_log("browser") if entry["level"] == "SEVERE"]
        assert problems == []

        browser.keys(Keys.CONTROL, "q")  # ends the session: the page says the tab can be closed
        deadline = time.monotonic() + LIMIT
        closed = browser.driver.find_element(By.CSS_SELECTOR, ".closed-dialog")
        while not closed.is_displayed():
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert "You can close this tab." in closed.text
        browser.shot(f"web-ended-{where}")
    finally:
        browser.quit()
