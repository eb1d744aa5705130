"""The course in a browser: time to a complete first screen and memory per session, for ``family-course serve``
(sessions forked from a warm parent) beside textual-serve's own server (a fresh Python per session), in one run.

    python benchmarks/bench_web.py            # 1 arrival x 10, 10 at once x 2, 20 at once x 2, for each server
    python benchmarks/bench_web.py --quick    # 1 and 2 arrivals once, to check the script runs
    python benchmarks/bench_web.py --check    # 1 arrival x 3, 10 and 20 at once once; limits twice the budget

Each server runs in a process of its own; this script is the browsers. A browser's clock starts as it opens the
websocket (after signing in, for family-course serve: the sign-in is not timed) and stops when the welcome screen
is complete in what the session has sent (the question, a profile name and the key bar's last key). "N at once"
is N browsers opening at the same moment. textual-serve runs ``family-course --data-dir DIR`` for every session,
as it would be used without ``serve``; ``serve`` forks each session from its warm parent. Rounds alternate
between the two servers, so both see the same load.

Memory: with the sessions of the largest round still open, for each session process, its unique set (USS: the
private pages, Private_Clean + Private_Dirty in /proc/PID/smaps_rollup) and its resident set (RSS). The warm
parent's own memory is reported once: it is shared by every session.

Goals (docs/performance.md, issue 17): with 20 arriving at once, p95 time to a complete first screen at most half
textual-serve's, and USS per session at most half.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import looseness, machine, median, percentile, result, size_options

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOAL = 0.5
PASSWORD = "benchmark password"
WELCOME = "Who is using the course?"
PROFILE = "Family member"
LAST_KEY = "^q Quit"
LIMIT = 120.0  # seconds: only stops a broken run


def plain(screen: bytes) -> str:
    text = re.sub(rb"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]", b" ",
                  screen)
    return re.sub(r"\s+", " ", text.decode("utf-8", "replace"))


def seed(data_dir: Path, accounts: int) -> list[Path]:
    from course.store import Store, pins
    from course.web.accounts import Accounts

    pins.SCRYPT_N = 2**4  # making the accounts is not what is measured
    made = Accounts(data_dir)
    folders = []
    for i in range(accounts):
        account = made.add(f"family {i}", PASSWORD)
        with Store(account.folder) as store:
            store.create_profile(f"{PROFILE} {i}")
        folders.append(account.folder)
    return folders


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, name: str, args: list[str], url: str | None = None) -> None:
        self.name = name
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                        cwd=REPO, start_new_session=True)
        self.url = url

    def wait_ready(self) -> None:
        assert self.process.stdout is not None
        deadline = time.monotonic() + LIMIT
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"{self.name} stopped before it was ready")
            found = re.search(r"http://[\w.\[\]:]+", line)
            if self.url is None and found:
                self.url = found.group(0)
                return
            if self.url is not None and "Serving" in line:
                return
        raise RuntimeError(f"{self.name} did not start")

    def sessions(self) -> list[int]:
        """The session processes (the course running for one browser each)."""
        below = descendants(self.process.pid)
        return [pid for pid in below if is_session(pid)]

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                import os

                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def ours(data_dir: Path) -> Server:
    code = ("import sys\nfrom pathlib import Path\nfrom course.web.server import ServeOptions, serve\n"
            "serve(ServeOptions(data_dir=Path(sys.argv[1]), port=0, max_sessions=500))\n")
    return Server("family-course serve", [sys.executable, "-c", code, str(data_dir)])


def textual_serve(folder: Path) -> Server:
    port = free_port()
    command = f"{shutil.which('family-course') or 'family-course'} --data-dir {folder}"
    code = ("import sys\nfrom textual_serve.server import Server\n"
            "Server(sys.argv[1], host='127.0.0.1', port=int(sys.argv[2])).serve()\n")
    return Server("textual-serve", [sys.executable, "-c", code, command, str(port)], url=f"http://127.0.0.1:{port}")


def descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def is_session(pid: int) -> bool:
    """A process running the course for one browser: not a shell, and not the warm parent itself."""
    line = cmdline(pid)
    if "course.web.warm" in line:  # a fork keeps the warm parent's command line: told apart by its parent
        return _forked_session(pid)
    return "family-course" in line and "python" in line


def _forked_session(pid: int) -> bool:
    try:
        parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return False
    return "course.web.warm" in cmdline(pid) and "course.web.warm" in cmdline(parent)


def memory(pid: int) -> tuple[float, float]:
    """(USS, RSS) in MB."""
    fields: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0])
    return (fields["Private_Clean"] + fields["Private_Dirty"]) / 1024, fields["Rss"] / 1024


async def browser(server: Server, account: int, start: asyncio.Event) -> tuple[float, object, object]:
    """Sign in (for serve), then, when ``start`` is set, open the course and time it to a complete screen.
    Returns the time and what to close afterwards."""
    import aiohttp

    assert server.url is not None
    session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    if server.name == "family-course serve":
        response = await session.post(f"{server.url}/login", data={"account": f"family {account}",
                                                                    "password": PASSWORD}, allow_redirects=False)
        assert response.status == 303, response.status
    await start.wait()
    began = time.perf_counter()
    socket_url = server.url.replace("http://", "ws://") + "/ws?width=80&height=24"
    tab = await session.ws_connect(socket_url, headers={"Origin": server.url}, max_msg_size=0)
    await tab.send_json(["resize", {"width": 80, "height": 24}])
    drawn = b""
    while True:
        message = await tab.receive(timeout=LIMIT)
        if message.type == aiohttp.WSMsgType.BINARY:
            drawn += message.data
            text = plain(drawn)
            if WELCOME in text and PROFILE in text and LAST_KEY in text:
                return time.perf_counter() - began, tab, session
        elif message.type != aiohttp.WSMsgType.TEXT:
            raise RuntimeError(f"{server.name}: the session ended before its first screen ({message.type})")


async def round_of(server: Server, arrivals: int, *, keep: bool = False) -> tuple[list[float], list[object]]:
    start = asyncio.Event()
    browsers = [asyncio.create_task(browser(server, i, start)) for i in range(arrivals)]
    await asyncio.sleep(0.5)  # every browser signed in and waiting
    start.set()
    done = await asyncio.gather(*browsers)
    times = [seconds for seconds, _, _ in done]
    opened = [(tab, session) for _, tab, session in done]
    if keep:
        return times, opened
    await close_all(server, opened)
    return times, []


async def close_all(server: Server, opened: list[object]) -> None:
    for tab, session in opened:  # type: ignore[misc]
        await tab.close()
        await session.close()
    deadline = time.monotonic() + LIMIT
    while server.sessions() and time.monotonic() < deadline:
        await asyncio.sleep(0.1)


def row(label: str, times: list[float]) -> str:
    return f"p50 {median(times):.2f} s, p95 {percentile(times, 95):.2f} s (n={len(times)})"


async def measure(args: argparse.Namespace, data_dir: Path, folders: list[Path]) -> dict[str, object]:
    if args.quick:
        plan = [(1, 1), (2, 1)]
    elif args.check:
        plan = [(1, 3), (10, 1), (20, 1)]
    else:
        plan = [(1, 10), (10, 2), (20, 2)]
    servers = [ours(data_dir), textual_serve(folders[0])]
    try:
        for server in servers:
            server.wait_ready()
            print(f"  {server.name} ready at {server.url}", file=sys.stderr, flush=True)
        times: dict[tuple[str, int], list[float]] = {}
        for arrivals, rounds in plan:
            for _ in range(rounds):
                for server in servers:
                    print(f"  {server.name}: {arrivals} at once", file=sys.stderr, flush=True)
                    got, _ = await round_of(server, arrivals)
                    times.setdefault((server.name, arrivals), []).extend(got)
        largest = plan[-1][0]
        memories: dict[str, list[tuple[float, float]]] = {}
        for server in servers:  # one at a time, so that the other's sessions do not crowd the memory
            _, opened = await round_of(server, largest, keep=True)
            await asyncio.sleep(1.0)  # let each session finish its first screen's work
            memories[server.name] = [memory(pid) for pid in server.sessions()]
            warm = [pid for pid in descendants(server.process.pid) if "course.web.warm" in cmdline(pid)
                    and not _forked_session(pid)]
            if warm:
                memories["warm parent"] = [memory(warm[0])]
            memories[f"{server.name} server"] = [memory(server.process.pid)]
            await close_all(server, opened)
        return {"times": times, "memories": memories, "plan": plan}
    finally:
        for server in servers:
            server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size_options(parser, "1 and 2 arrivals once", "fewer rounds")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("bench_web.py measures Linux processes (/proc); skipped here.")
        return 0
    print(machine())
    data_dir = Path(tempfile.mkdtemp(prefix="bench-web-")) / "data"
    try:
        arrivals_most = 2 if args.quick else 20
        folders = seed(data_dir, arrivals_most)
        found = asyncio.run(measure(args, data_dir, folders))
    finally:
        shutil.rmtree(data_dir.parent, ignore_errors=True)
    times: dict[tuple[str, int], list[float]] = found["times"]  # type: ignore[assignment]
    memories: dict[str, list[tuple[float, float]]] = found["memories"]  # type: ignore[assignment]
    print("\nTime to a complete first screen")
    print(f"{'arrivals':>9} | {'family-course serve':<32} | {'textual-serve':<32}")
    for arrivals, _ in found["plan"]:  # type: ignore[attr-defined]
        print(f"{arrivals:>9} | {row('', times[('family-course serve', arrivals)]):<32} | "
              f"{row('', times[('textual-serve', arrivals)]):<32}")
    print("\nMemory per session, MB (mean over the sessions open at once)")
    for name, values in memories.items():
        uss = sum(v[0] for v in values) / len(values)
        rss = sum(v[1] for v in values) / len(values)
        print(f"  {name:<28} USS {uss:6.1f}  RSS {rss:6.1f}  ({len(values)} process{'es' if len(values) > 1 else ''})")
    loose = looseness(args)
    most = found["plan"][-1][0]  # type: ignore[index]
    p95_ours = percentile(times[("family-course serve", most)], 95)
    p95_base = percentile(times[("textual-serve", most)], 95)
    ratio = p95_ours / p95_base
    result(f"web: first screen p95, {most} at once", f"{p95_ours:.2f} s", f"{p95_base:.2f} s (textual-serve)",
           f"{ratio:.2f}x", f"<= {GOAL * loose:.2f}x", args.quick or ratio <= GOAL * loose)
    uss_ours = sum(v[0] for v in memories["family-course serve"]) / len(memories["family-course serve"])
    uss_base = sum(v[0] for v in memories["textual-serve"]) / len(memories["textual-serve"])
    ratio = uss_ours / uss_base
    result("web: USS per session", f"{uss_ours:.1f} MB", f"{uss_base:.1f} MB (textual-serve)", f"{ratio:.2f}x",
           f"<= {GOAL * loose:.2f}x", args.quick or ratio <= GOAL * loose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
